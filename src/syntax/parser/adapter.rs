//! The token adapter between the lexer and the grammar.
//!
//! LALRPOP sees one token of lookahead and nothing of line breaks, so the
//! rules that depend on "[no LineTerminator here]" (ECMA-262 §12.10.1, the
//! restricted productions) are decided here, token by token, by turning the
//! affected token into a distinct terminal the grammar treats specially:
//!
//! - `return`/`break`/`continue`/`throw`/`yield` followed by a line break
//!   become `ReturnNl`, ... : the grammar gives them no operand (or, for
//!   `throw`, reports "Illegal newline after throw").
//! - `++`/`--` preceded by a line break become prefix-only operators, so
//!   `a\n++b` is `a; ++b`.
//! - `=>` preceded by a line break is a terminal no rule accepts.
//! - `async` followed by a line break is the identifier `async`, so it never
//!   starts an async function or arrow; `async` directly followed by `(` is
//!   `AsyncParen`, which the grammar reads as either a call of `async` or the
//!   head of an async arrow function (CoverCallExpressionAndAsyncArrowHead).
//! - `accessor` followed by a line break is a plain identifier (class fields).

use std::fmt;

use super::super::token::{Tok, Token};

/// A grammar terminal: a lexer token, or one of the adapter's refinements.
#[derive(Clone, Debug, PartialEq)]
pub enum Lex {
    T(Tok),
    /// `async` immediately followed by `(` on the same line.
    AsyncParen,
    /// `++` / `--` with a line break before it: prefix operators only.
    PlusPlusNl,
    MinusMinusNl,
    /// `=>` with a line break before it: always a syntax error.
    ArrowNl,
    /// `return` / `break` / `continue` / `throw` / `yield` followed by a line break.
    ReturnNl,
    BreakNl,
    ContinueNl,
    ThrowNl,
    YieldNl,
}

/// Where a terminal sits, for automatic semicolon insertion's checks.
#[derive(Copy, Clone, Debug)]
pub struct TokenMeta {
    pub start: usize,
    pub end: usize,
    pub nl_before: bool,
    pub is_rbrace: bool,
}

/// The parser's input: terminals with their byte spans, and their metadata.
pub struct Adapted {
    pub lexes: Vec<(usize, Lex, usize)>,
    pub metas: Vec<TokenMeta>,
}

/// Applies the restricted productions to the lexer's tokens.
pub fn adapt(tokens: Vec<Token>) -> Adapted {
    let mut lexes = Vec::with_capacity(tokens.len());
    let mut metas = Vec::with_capacity(tokens.len());
    let mut iter = tokens.into_iter().peekable();
    while let Some(token) = iter.next() {
        let next_nl = iter.peek().map(|t| t.nl_before);
        let next_is_paren = iter.peek().map(|t| t.tok == Tok::LParen);
        let lex = match token.tok {
            Tok::Return if next_nl == Some(true) => Lex::ReturnNl,
            Tok::Break if next_nl == Some(true) => Lex::BreakNl,
            Tok::Continue if next_nl == Some(true) => Lex::ContinueNl,
            Tok::Throw if next_nl == Some(true) => Lex::ThrowNl,
            Tok::Yield if next_nl == Some(true) => Lex::YieldNl,
            Tok::PlusPlus if token.nl_before => Lex::PlusPlusNl,
            Tok::MinusMinus if token.nl_before => Lex::MinusMinusNl,
            Tok::Arrow if token.nl_before => Lex::ArrowNl,
            Tok::Async if next_nl == Some(true) => Lex::T(Tok::Ident("async".into())),
            Tok::Async if next_is_paren == Some(true) => Lex::AsyncParen,
            Tok::Accessor if next_nl == Some(true) => Lex::T(Tok::Ident("accessor".into())),
            tok => Lex::T(tok),
        };
        metas.push(TokenMeta {
            start: token.start,
            end: token.end,
            nl_before: token.nl_before,
            is_rbrace: matches!(lex, Lex::T(Tok::RBrace)),
        });
        lexes.push((token.start, lex, token.end));
    }
    Adapted { lexes, metas }
}

impl fmt::Display for Lex {
    /// The token as V8's "Unexpected token" messages quote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lex::T(tok) => write!(f, "{tok}"),
            Lex::AsyncParen => write!(f, "async"),
            Lex::PlusPlusNl => write!(f, "++"),
            Lex::MinusMinusNl => write!(f, "--"),
            Lex::ArrowNl => write!(f, "=>"),
            Lex::ReturnNl => write!(f, "return"),
            Lex::BreakNl => write!(f, "break"),
            Lex::ContinueNl => write!(f, "continue"),
            Lex::ThrowNl => write!(f, "throw"),
            Lex::YieldNl => write!(f, "yield"),
        }
    }
}

/// V8's message for an unexpected token.
pub fn unexpected_message(lex: &Lex) -> String {
    use Tok::*;
    let tok = match lex {
        Lex::T(tok) => tok,
        Lex::AsyncParen => return "Unexpected identifier 'async'".into(),
        Lex::YieldNl => return "Unexpected strict mode reserved word".into(),
        other => return format!("Unexpected token '{other}'"),
    };
    match tok {
        Ident(name) => format!("Unexpected identifier '{name}'"),
        PrivateName(name) => format!("Unexpected identifier '#{name}'"),
        Async | Of | Get | Set | As | From | Meta | Target | Accessor => {
            format!("Unexpected identifier '{tok}'")
        }
        Num { .. } | BigInt(_) => "Unexpected number".into(),
        Str { .. } => "Unexpected string".into(),
        NoSubstTemplate(_) | TemplateHead(_) | TemplateMiddle(_) | TemplateTail(_) => {
            "Unexpected template string".into()
        }
        Regex { .. } => "Unexpected regular expression".into(),
        Let | Static | Yield | Implements | Interface | Package | Private | Protected | Public => {
            "Unexpected strict mode reserved word".into()
        }
        Await | Enum => "Unexpected reserved word".into(),
        At => "Invalid or unexpected token".into(),
        other => format!("Unexpected token '{other}'"),
    }
}

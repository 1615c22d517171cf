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

use super::super::error::SyntaxError;
use super::super::span::Span;
use super::super::token::{Tok, Token};
use super::recovery;

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
    /// `assert` right after a string literal on the same line and before
    /// `{`: the legacy import assertions (`import j from "./j.json" assert
    /// { type: "json" }`), which Node 20 still parses. Anywhere else a
    /// string literal followed by an identifier is no valid code, so no
    /// other program changes meaning.
    AssertKw,
}

/// Where a terminal sits, for automatic semicolon insertion's checks.
#[derive(Copy, Clone, Debug)]
pub struct TokenMeta {
    pub start: usize,
    pub end: usize,
    pub nl_before: bool,
    pub bracket: Bracket,
}

/// How a token nests, for error messages that depend on the enclosing bracket.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Bracket {
    None,
    OpenParen,
    OpenOther,
    /// `}`
    CloseBrace,
    CloseOther,
    /// `` `...${ ``
    TemplateOpen,
    /// `` }...${ ``
    TemplateMiddle,
    /// `` }...` ``
    TemplateClose,
}

impl Bracket {
    fn of(tok: &Tok) -> Bracket {
        match tok {
            Tok::LParen => Bracket::OpenParen,
            Tok::LBracket | Tok::LBrace => Bracket::OpenOther,
            Tok::RBrace => Bracket::CloseBrace,
            Tok::RParen | Tok::RBracket => Bracket::CloseOther,
            Tok::TemplateHead(_) => Bracket::TemplateOpen,
            Tok::TemplateMiddle(_) => Bracket::TemplateMiddle,
            Tok::TemplateTail(_) => Bracket::TemplateClose,
            _ => Bracket::None,
        }
    }
}

/// Where each token sits, for automatic semicolon insertion and error messages.
pub fn metas(tokens: &[Token]) -> Vec<TokenMeta> {
    tokens
        .iter()
        .map(|t| TokenMeta {
            start: t.start,
            end: t.end,
            nl_before: t.nl_before,
            bracket: Bracket::of(&t.tok),
        })
        .collect()
}

/// The grammar's terminals, with the restricted productions applied, made
/// one at a time as the parser asks for them.
pub fn terminals(tokens: Vec<Token>) -> Terminals {
    Terminals {
        tokens: tokens.into_iter().peekable(),
        after_string: false,
    }
}

pub struct Terminals {
    tokens: std::iter::Peekable<std::vec::IntoIter<Token>>,
    /// The previous token was a string literal (for [`Lex::AssertKw`]).
    after_string: bool,
}

impl Iterator for Terminals {
    type Item = Result<(usize, Lex, usize), SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if recovery::under_way() {
            // The parser is dropping tokens to recover: the parse has failed.
            return Some(Err(SyntaxError::new(
                recovery::DROPPED_TOKEN,
                Span::default(),
            )));
        }
        let token = self.tokens.next()?;
        let next = self.tokens.peek();
        let next_nl = next.is_some_and(|t| t.nl_before);
        let next_is_paren = next.is_some_and(|t| t.tok == Tok::LParen);
        let next_is_brace = next.is_some_and(|t| t.tok == Tok::LBrace);
        let after_string = std::mem::replace(&mut self.after_string, false);
        let lex = match token.tok {
            // Unescaped (six source bytes), on the specifier's line.
            Tok::Ident(ref n)
                if after_string
                    && !token.nl_before
                    && next_is_brace
                    && &**n == "assert"
                    && token.end - token.start == 6 =>
            {
                Lex::AssertKw
            }
            Tok::Str { .. } => {
                self.after_string = true;
                Lex::T(token.tok)
            }
            Tok::Return if next_nl => Lex::ReturnNl,
            Tok::Break if next_nl => Lex::BreakNl,
            Tok::Continue if next_nl => Lex::ContinueNl,
            Tok::Throw if next_nl => Lex::ThrowNl,
            Tok::Yield if next_nl => Lex::YieldNl,
            Tok::PlusPlus if token.nl_before => Lex::PlusPlusNl,
            Tok::MinusMinus if token.nl_before => Lex::MinusMinusNl,
            Tok::Arrow if token.nl_before => Lex::ArrowNl,
            Tok::Async if next_nl => Lex::T(Tok::Ident("async".into())),
            Tok::Async if next_is_paren => Lex::AsyncParen,
            Tok::Accessor if next_nl => Lex::T(Tok::Ident("accessor".into())),
            tok => Lex::T(tok),
        };
        let terminal = (token.start, lex, token.end);
        if recovery::explaining() {
            recovery::note_last_token(&terminal);
        }
        Some(Ok(terminal))
    }
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
            Lex::AssertKw => write!(f, "assert"),
        }
    }
}

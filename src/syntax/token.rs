//! The tokens the lexer hands to the LALRPOP parser.
//!
//! `Tok` is the grammar's terminal type (grammar/js.lalrpop declares it as the
//! external token). Literal tokens carry their decoded values; keywords and
//! punctuators are unit variants. The lexer decides regular expressions versus
//! division and splits template literals, so the grammar never sees raw text.

use std::fmt;

use super::ast::{JsString, Name};

/// A token with its byte span and whether a line terminator precedes it
/// (the spec's "[no LineTerminator here]" and ASI need that bit).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// A LineTerminator (or a multi-line comment containing one) comes
    /// between the previous token and this one.
    pub nl_before: bool,
}

/// One piece of a template literal: the cooked value (None when it holds an
/// escape that is only allowed in tagged templates) and the raw source text
/// with CRLF/CR normalised to LF (TRV).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TemplatePart {
    pub cooked: Option<JsString>,
    pub raw: JsString,
}

/// A regular expression literal: its body and flags as written.
#[derive(Clone, Debug, PartialEq)]
pub struct RegexToken {
    pub pattern: JsString,
    pub flags: Name,
}

/// Payloads larger than two words (regular expressions, template pieces) are
/// boxed: every token is as large as the largest variant, and tokens are
/// stored in vectors and moved through the parser one by one.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    // ---- names and literals ----
    /// An IdentifierName that is not a reserved word, or any IdentifierName
    /// written with a `\u` escape whose value is a contextual keyword (an
    /// escaped contextual keyword is an identifier, never the keyword).
    Ident(Name),
    /// `#name` (the name is stored without the `#`).
    PrivateName(Name),
    /// A string literal's value (UTF-16 code units; lone surrogates allowed).
    /// `legacy_octal` is set when it contains a legacy octal or `\8`/`\9`
    /// escape, which is an early error in strict code.
    Str {
        value: JsString,
        legacy_octal: bool,
    },
    Num {
        value: f64,
        legacy_octal: bool,
    },
    /// A BigInt literal: its digits in decimal, without the `n`.
    BigInt(Name),
    Regex(Box<RegexToken>),
    /// `` `...` `` with no substitutions.
    NoSubstTemplate(Box<TemplatePart>),
    /// `` `...${ ``
    TemplateHead(Box<TemplatePart>),
    /// `}...${`
    TemplateMiddle(Box<TemplatePart>),
    /// `` }...` ``
    TemplateTail(Box<TemplatePart>),

    // ---- reserved words (ECMA-262 §12.7.2; strict-mode reserved words included
    // because everything vmjs runs is a module) ----
    Await,
    Break,
    Case,
    Catch,
    Class,
    Const,
    Continue,
    Debugger,
    Default,
    Delete,
    Do,
    Else,
    Enum,
    Export,
    Extends,
    False,
    Finally,
    For,
    Function,
    If,
    Import,
    In,
    Instanceof,
    New,
    Null,
    Return,
    Super,
    Switch,
    This,
    Throw,
    True,
    Try,
    Typeof,
    Var,
    Void,
    While,
    With,
    Yield,
    // strict-mode-only reserved words
    Let,
    Static,
    Implements,
    Interface,
    Package,
    Private,
    Protected,
    Public,

    // ---- contextual keywords: identifiers with a meaning in some places ----
    Async,
    Of,
    Get,
    Set,
    As,
    From,
    Meta,
    Target,
    Accessor,

    // ---- punctuators ----
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Ellipsis,
    Semicolon,
    Comma,
    Lt,
    Gt,
    LtEq,
    GtEq,
    EqEq,
    NotEq,
    EqEqEq,
    NotEqEq,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    StarStar,
    PlusPlus,
    MinusMinus,
    Shl,
    Shr,
    UShr,
    Amp,
    Pipe,
    Caret,
    Bang,
    Tilde,
    AmpAmp,
    PipePipe,
    QuestionQuestion,
    Question,
    QuestionDot,
    Colon,
    Eq,
    PlusEq,
    MinusEq,
    StarEq,
    SlashEq,
    PercentEq,
    StarStarEq,
    ShlEq,
    ShrEq,
    UShrEq,
    AmpEq,
    PipeEq,
    CaretEq,
    AmpAmpEq,
    PipePipeEq,
    QuestionQuestionEq,
    Arrow,
    At,
}

impl Tok {
    /// The keyword or punctuator's source text, or None for tokens that carry
    /// a value.
    pub fn fixed_text(&self) -> Option<&'static str> {
        use Tok::*;
        Some(match self {
            Ident(_) | PrivateName(_) | Str { .. } | Num { .. } | BigInt(_) | Regex { .. } => {
                return None
            }
            NoSubstTemplate(_) | TemplateHead(_) | TemplateMiddle(_) | TemplateTail(_) => {
                return None
            }
            Await => "await",
            Break => "break",
            Case => "case",
            Catch => "catch",
            Class => "class",
            Const => "const",
            Continue => "continue",
            Debugger => "debugger",
            Default => "default",
            Delete => "delete",
            Do => "do",
            Else => "else",
            Enum => "enum",
            Export => "export",
            Extends => "extends",
            False => "false",
            Finally => "finally",
            For => "for",
            Function => "function",
            If => "if",
            Import => "import",
            In => "in",
            Instanceof => "instanceof",
            New => "new",
            Null => "null",
            Return => "return",
            Super => "super",
            Switch => "switch",
            This => "this",
            Throw => "throw",
            True => "true",
            Try => "try",
            Typeof => "typeof",
            Var => "var",
            Void => "void",
            While => "while",
            With => "with",
            Yield => "yield",
            Let => "let",
            Static => "static",
            Implements => "implements",
            Interface => "interface",
            Package => "package",
            Private => "private",
            Protected => "protected",
            Public => "public",
            Async => "async",
            Of => "of",
            Get => "get",
            Set => "set",
            As => "as",
            From => "from",
            Meta => "meta",
            Target => "target",
            Accessor => "accessor",
            LBrace => "{",
            RBrace => "}",
            LParen => "(",
            RParen => ")",
            LBracket => "[",
            RBracket => "]",
            Dot => ".",
            Ellipsis => "...",
            Semicolon => ";",
            Comma => ",",
            Lt => "<",
            Gt => ">",
            LtEq => "<=",
            GtEq => ">=",
            EqEq => "==",
            NotEq => "!=",
            EqEqEq => "===",
            NotEqEq => "!==",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            Percent => "%",
            StarStar => "**",
            PlusPlus => "++",
            MinusMinus => "--",
            Shl => "<<",
            Shr => ">>",
            UShr => ">>>",
            Amp => "&",
            Pipe => "|",
            Caret => "^",
            Bang => "!",
            Tilde => "~",
            AmpAmp => "&&",
            PipePipe => "||",
            QuestionQuestion => "??",
            Question => "?",
            QuestionDot => "?.",
            Colon => ":",
            Eq => "=",
            PlusEq => "+=",
            MinusEq => "-=",
            StarEq => "*=",
            SlashEq => "/=",
            PercentEq => "%=",
            StarStarEq => "**=",
            ShlEq => "<<=",
            ShrEq => ">>=",
            UShrEq => ">>>=",
            AmpEq => "&=",
            PipeEq => "|=",
            CaretEq => "^=",
            AmpAmpEq => "&&=",
            PipePipeEq => "||=",
            QuestionQuestionEq => "??=",
            Arrow => "=>",
            At => "@",
        })
    }

    /// Reserved words of strict (module) code, which can never be identifiers.
    /// The words §13.1.1 reserves in strict mode code only, which are
    /// identifiers in non-strict code: `let`, `static`, `yield`, and the
    /// FutureReservedWords `implements` … `public` (ECMA-262 §12.7.2).
    pub fn is_strict_mode_reserved_word(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Let | Static | Yield | Implements | Interface | Package | Private | Protected | Public
        )
    }

    pub fn is_reserved_word(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Await
                | Break
                | Case
                | Catch
                | Class
                | Const
                | Continue
                | Debugger
                | Default
                | Delete
                | Do
                | Else
                | Enum
                | Export
                | Extends
                | False
                | Finally
                | For
                | Function
                | If
                | Import
                | In
                | Instanceof
                | New
                | Null
                | Return
                | Super
                | Switch
                | This
                | Throw
                | True
                | Try
                | Typeof
                | Var
                | Void
                | While
                | With
                | Yield
                | Let
                | Static
                | Implements
                | Interface
                | Package
                | Private
                | Protected
                | Public
        )
    }

    /// Contextual keywords: identifiers with a meaning in some places.
    pub fn is_contextual_keyword(&self) -> bool {
        use Tok::*;
        matches!(
            self,
            Async | Of | Get | Set | As | From | Meta | Target | Accessor
        )
    }

    /// Reserved words and contextual keywords.
    pub fn is_keyword(&self) -> bool {
        self.is_reserved_word() || self.is_contextual_keyword()
    }

    /// The keyword token for an unescaped IdentifierName, if it is one.
    pub fn keyword(name: &str) -> Option<Tok> {
        use Tok::*;
        Some(match name {
            "await" => Await,
            "break" => Break,
            "case" => Case,
            "catch" => Catch,
            "class" => Class,
            "const" => Const,
            "continue" => Continue,
            "debugger" => Debugger,
            "default" => Default,
            "delete" => Delete,
            "do" => Do,
            "else" => Else,
            "enum" => Enum,
            "export" => Export,
            "extends" => Extends,
            "false" => False,
            "finally" => Finally,
            "for" => For,
            "function" => Function,
            "if" => If,
            "import" => Import,
            "in" => In,
            "instanceof" => Instanceof,
            "new" => New,
            "null" => Null,
            "return" => Return,
            "super" => Super,
            "switch" => Switch,
            "this" => This,
            "throw" => Throw,
            "true" => True,
            "try" => Try,
            "typeof" => Typeof,
            "var" => Var,
            "void" => Void,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            "let" => Let,
            "static" => Static,
            "implements" => Implements,
            "interface" => Interface,
            "package" => Package,
            "private" => Private,
            "protected" => Protected,
            "public" => Public,
            "async" => Async,
            "of" => Of,
            "get" => Get,
            "set" => Set,
            "as" => As,
            "from" => From,
            "meta" => Meta,
            "target" => Target,
            "accessor" => Accessor,
            _ => return None,
        })
    }
}

impl fmt::Display for Tok {
    /// How V8 quotes a token in "Unexpected token" messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(n) | Tok::BigInt(n) => write!(f, "{n}"),
            Tok::PrivateName(n) => write!(f, "#{n}"),
            Tok::Str { .. } => write!(f, "string"),
            Tok::Num { .. } => write!(f, "number"),
            Tok::Regex { .. } => write!(f, "regular expression"),
            Tok::NoSubstTemplate(_)
            | Tok::TemplateHead(_)
            | Tok::TemplateMiddle(_)
            | Tok::TemplateTail(_) => write!(f, "template string"),
            other => write!(f, "{}", other.fixed_text().unwrap_or("?")),
        }
    }
}

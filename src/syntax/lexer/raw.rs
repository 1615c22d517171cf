//! The logos-generated first stage: recognises fixed-shape tokens (white
//! space, comments, punctuators, plain ASCII names) and reports the first
//! character of every literal, whose body the driver scans by hand.

use logos::Logos;

/// What logos records while skipping trivia.
#[derive(Default)]
pub(super) struct Trivia {
    /// A LF or CR was skipped since the driver last looked.
    pub newline: bool,
}

/// One raw token. Literal and name variants mark only where something starts
/// (or its plain ASCII prefix); the driver finishes them. Tab, vertical tab,
/// form feed and space (§12.2 WhiteSpace, ASCII part), runs of line
/// terminators and single-line comments are skipped inside logos; the
/// non-ASCII white space arrives as `NonAscii`.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(extras = Trivia)]
#[logos(skip r"[ \t\x0B\x0C]+")]
pub(super) enum Raw {
    /// A run of white space that contains at least one LF or CR (§12.3);
    /// skipped, noting the line break.
    #[regex(r"[ \t\x0B\x0C]*[\n\r][ \t\x0B\x0C\n\r]*", |lex| {
        lex.extras.newline = true;
        logos::Skip
    })]
    Newline,
    /// `// ...` up to, not including, the line terminator (§12.4).
    #[regex(r"//[^\n\r\u{2028}\u{2029}]*", logos::skip)]
    LineComment,
    /// `/*`: the driver finds the closing `*/`.
    #[token("/*")]
    BlockCommentStart,
    /// `#!...` (§B.1.1 Hashbang Comments, valid only at offset 0).
    #[regex(r"#![^\n\r\u{2028}\u{2029}]*")]
    Hashbang,

    /// An ASCII IdentifierName prefix; the driver extends it when a
    /// non-ASCII character or a `\` escape follows.
    #[regex(r"[a-zA-Z$_][a-zA-Z0-9$_]*")]
    AsciiName,
    /// `#` followed by an ASCII name prefix.
    #[regex(r"#[a-zA-Z$_][a-zA-Z0-9$_]*")]
    AsciiPrivateName,
    /// A lone `#` (maybe the start of an escaped or non-ASCII private name).
    #[token("#")]
    Hash,
    /// `\`: only valid as the start of an escaped identifier.
    #[token("\\")]
    Backslash,
    /// Any non-ASCII character: Unicode white space, U+2028/U+2029, or the
    /// start of a non-ASCII identifier.
    #[regex(r"[^\x00-\x7F]")]
    NonAscii,

    /// A decimal digit, or `.` followed by one: the start of a number.
    #[regex(r"[0-9]")]
    #[regex(r"\.[0-9]")]
    NumberStart,
    #[token("\"")]
    #[token("'")]
    Quote,
    #[token("`")]
    Backtick,

    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token(";")]
    Semicolon,
    #[token(",")]
    Comma,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    LtEq,
    #[token(">=")]
    GtEq,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("===")]
    EqEqEq,
    #[token("!==")]
    NotEqEq,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("**")]
    StarStar,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token(">>>")]
    UShr,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("!")]
    Bang,
    #[token("~")]
    Tilde,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    PipePipe,
    #[token("??")]
    QuestionQuestion,
    #[token("?")]
    Question,
    /// `?.`; the driver splits it when a digit follows (`a?.5:b`).
    #[token("?.")]
    QuestionDot,
    #[token(":")]
    Colon,
    #[token("=")]
    Eq,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("%=")]
    PercentEq,
    #[token("**=")]
    StarStarEq,
    #[token("<<=")]
    ShlEq,
    #[token(">>=")]
    ShrEq,
    #[token(">>>=")]
    UShrEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("&&=")]
    AmpAmpEq,
    #[token("||=")]
    PipePipeEq,
    #[token("??=")]
    QuestionQuestionEq,
    #[token("=>")]
    Arrow,
}

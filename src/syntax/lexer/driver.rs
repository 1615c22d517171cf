//! The driver: pulls raw tokens from logos, finishes the ones that need
//! hand-scanning, and produces `Token`s.

use logos::Logos;

use super::chars::{char_at, is_id_start, is_line_terminator, is_unicode_space};
use super::context::Context;
use super::error_at;
use super::ident::scan_name;
use super::interner::Interner;
use super::number::scan_number;
use super::raw::Raw;
use super::regex::scan_regex;
use super::string::scan_string;
use super::template::scan_template_part;
use crate::syntax::error::SyntaxError;
use crate::syntax::token::{RegexToken, Tok, Token};

const INVALID: &str = "Invalid or unexpected token";
/// §B.1.1's HTML-like comments do not exist in module code; V8 reports
/// `<!--` anywhere and `-->` at the start of a line with this message
/// (in a script they are single-line comments).
const HTML_COMMENT: &str = "HTML comments are not allowed in modules";

pub(super) struct Driver<'a> {
    src: &'a str,
    raw: logos::Lexer<'a, Raw>,
    context: Context,
    interner: Interner,
    /// A finished token to hand out before lexing on (`?.5` yields `?` and
    /// `.5` from one raw token).
    queued: Option<Token>,
    /// Some token has been produced (so a `-->` is not at the start).
    produced_any: bool,
    /// The input is exhausted or an error was reported.
    finished: bool,
    /// A line terminator has been seen since the last token (besides the
    /// ones logos skips, which it records in its extras).
    nl_before: bool,
    /// Annex B.1.1's HTML-like comments are comments (script goal), not
    /// errors (module goal).
    html_comments: bool,
}

/// What one raw token comes to: a token, nothing (trivia), or an error.
type Step = Result<Option<Token>, SyntaxError>;

impl<'a> Driver<'a> {
    pub(super) fn new(src: &'a str) -> Driver<'a> {
        Driver {
            src,
            raw: Raw::lexer(src),
            context: Context::new(),
            interner: Interner::for_source(src.len()),
            queued: None,
            produced_any: false,
            finished: false,
            nl_before: false,
            html_comments: false,
        }
    }

    /// A driver for the script goal, where `<!--` and a `-->` that starts a
    /// line begin single-line comments (ECMA-262 §B.1.1).
    pub(super) fn for_script(src: &'a str) -> Driver<'a> {
        Driver {
            html_comments: true,
            ..Driver::new(src)
        }
    }

    /// SingleLineHTMLOpenComment / SingleLineHTMLCloseComment (§B.1.1):
    /// like `//`, the comment runs to the end of the line.
    fn html_comment(&mut self, start: usize, marker_end: usize) -> Step {
        if !self.html_comments {
            return Err(error_at(start, marker_end, HTML_COMMENT));
        }
        let rest = &self.src[marker_end..];
        let line_end = rest
            .find(['\n', '\r', '\u{2028}', '\u{2029}'])
            .map_or(self.src.len(), |i| marker_end + i);
        self.skip_to(line_end);
        Ok(None)
    }

    /// All tokens up to the first error, and that error.
    pub(super) fn run(mut self) -> (Vec<Token>, Option<SyntaxError>) {
        // About one token per four bytes in typical code; reserving up front
        // avoids copying the vector as it grows (untouched capacity costs no
        // physical memory). Huge inputs grow it past the cap as usual.
        let mut tokens = Vec::with_capacity((self.src.len() / 4 + 16).min(1 << 21));
        for item in &mut self {
            match item {
                Ok(token) => tokens.push(token),
                Err(error) => return (tokens, Some(error)),
            }
        }
        (tokens, None)
    }

    /// Finishes `tok` spanning `start..end` and moves the raw lexer to `end`.
    #[inline]
    fn emit(&mut self, tok: Tok, start: usize, end: usize) -> Token {
        let raw_end = self.raw.span().end;
        if end > raw_end {
            self.raw.bump(end - raw_end);
        }
        let nl_before = self.nl_before;
        self.context.advance(&tok, nl_before);
        self.produced_any = true;
        self.nl_before = false;
        Token {
            tok,
            start,
            end,
            nl_before,
        }
    }

    /// Moves the raw lexer past a hand-scanned stretch without a token.
    fn skip_to(&mut self, end: usize) {
        let raw_end = self.raw.span().end;
        if end > raw_end {
            self.raw.bump(end - raw_end);
        }
    }

    #[inline]
    fn step(&mut self, raw: Result<Raw, ()>) -> Step {
        if self.raw.extras.newline {
            self.raw.extras.newline = false;
            self.nl_before = true;
        }
        let span = self.raw.span();
        let (start, end) = (span.start, span.end);
        let Ok(raw) = raw else {
            return Err(error_at(start, end, INVALID));
        };
        let punct = match raw {
            Raw::Newline | Raw::LineComment => return Ok(None),
            Raw::BlockCommentStart => return self.block_comment(start),
            Raw::Hashbang => {
                if start != 0 {
                    return Err(error_at(start, start + 1, INVALID));
                }
                return Ok(None);
            }
            Raw::AsciiName => return self.name(start, start, end),
            Raw::AsciiPrivateName => return self.private_name(start, end),
            Raw::Hash => return self.private_name(start, start + 1),
            Raw::Backslash => return self.name(start, start, start),
            Raw::NonAscii => return self.non_ascii(start, end),
            Raw::NumberStart => {
                let (tok, end) = scan_number(self.src, start)?;
                return Ok(Some(self.emit(tok, start, end)));
            }
            Raw::Quote => {
                let (tok, end) = scan_string(self.src, start)?;
                return Ok(Some(self.emit(tok, start, end)));
            }
            Raw::Backtick => return self.template(start, false),
            Raw::RBrace if self.context.closes_substitution() => {
                return self.template(start, true);
            }
            Raw::Slash | Raw::SlashEq if self.context.regex_allowed() => {
                return self.regex(start);
            }
            Raw::QuestionDot if self.src.as_bytes().get(end).is_some_and(u8::is_ascii_digit) => {
                // `a?.5:b` is a conditional with `.5`, not optional chaining.
                let (number, number_end) = scan_number(self.src, start + 1)?;
                let question = self.emit(Tok::Question, start, start + 1);
                let number = self.emit(number, start + 1, number_end);
                self.queued = Some(number);
                return Ok(Some(question));
            }
            Raw::Lt if self.src[end..].starts_with("!--") => {
                return self.html_comment(start, end + 3);
            }
            Raw::MinusMinus
                if self.src.as_bytes().get(end) == Some(&b'>')
                    && (self.nl_before || !self.produced_any) =>
            {
                return self.html_comment(start, end + 1);
            }
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::LParen => Tok::LParen,
            Raw::RParen => Tok::RParen,
            Raw::LBracket => Tok::LBracket,
            Raw::RBracket => Tok::RBracket,
            Raw::Dot => Tok::Dot,
            Raw::Ellipsis => Tok::Ellipsis,
            Raw::Semicolon => Tok::Semicolon,
            Raw::Comma => Tok::Comma,
            Raw::Lt => Tok::Lt,
            Raw::Gt => Tok::Gt,
            Raw::LtEq => Tok::LtEq,
            Raw::GtEq => Tok::GtEq,
            Raw::EqEq => Tok::EqEq,
            Raw::NotEq => Tok::NotEq,
            Raw::EqEqEq => Tok::EqEqEq,
            Raw::NotEqEq => Tok::NotEqEq,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::Percent => Tok::Percent,
            Raw::StarStar => Tok::StarStar,
            Raw::PlusPlus => Tok::PlusPlus,
            Raw::MinusMinus => Tok::MinusMinus,
            Raw::Shl => Tok::Shl,
            Raw::Shr => Tok::Shr,
            Raw::UShr => Tok::UShr,
            Raw::Amp => Tok::Amp,
            Raw::Pipe => Tok::Pipe,
            Raw::Caret => Tok::Caret,
            Raw::Bang => Tok::Bang,
            Raw::Tilde => Tok::Tilde,
            Raw::AmpAmp => Tok::AmpAmp,
            Raw::PipePipe => Tok::PipePipe,
            Raw::QuestionQuestion => Tok::QuestionQuestion,
            Raw::Question => Tok::Question,
            Raw::QuestionDot => Tok::QuestionDot,
            Raw::Colon => Tok::Colon,
            Raw::Eq => Tok::Eq,
            Raw::PlusEq => Tok::PlusEq,
            Raw::MinusEq => Tok::MinusEq,
            Raw::StarEq => Tok::StarEq,
            Raw::SlashEq => Tok::SlashEq,
            Raw::PercentEq => Tok::PercentEq,
            Raw::StarStarEq => Tok::StarStarEq,
            Raw::ShlEq => Tok::ShlEq,
            Raw::ShrEq => Tok::ShrEq,
            Raw::UShrEq => Tok::UShrEq,
            Raw::AmpEq => Tok::AmpEq,
            Raw::PipeEq => Tok::PipeEq,
            Raw::CaretEq => Tok::CaretEq,
            Raw::AmpAmpEq => Tok::AmpAmpEq,
            Raw::PipePipeEq => Tok::PipePipeEq,
            Raw::QuestionQuestionEq => Tok::QuestionQuestionEq,
            Raw::Arrow => Tok::Arrow,
        };
        Ok(Some(self.emit(punct, start, end)))
    }

    /// `/* … */` (§12.4): a comment holding a line terminator counts as one.
    fn block_comment(&mut self, start: usize) -> Step {
        let body = start + 2;
        let Some(len) = self.src[body..].find("*/") else {
            return Err(error_at(start, self.src.len(), INVALID));
        };
        let text = &self.src.as_bytes()[body..body + len];
        if !self.nl_before && contains_line_terminator(text) {
            self.nl_before = true;
        }
        self.skip_to(body + len + 2);
        Ok(None)
    }

    /// An IdentifierName starting at `start` whose ASCII prefix runs to
    /// `prefix_end`.
    fn name(&mut self, start: usize, name_start: usize, prefix_end: usize) -> Step {
        let bytes = self.src.as_bytes();
        let simple = match bytes.get(prefix_end) {
            Some(&b) => b < 0x80 && b != b'\\',
            None => true,
        };
        if simple && prefix_end > name_start {
            let tok = self.interner.word(self.src, name_start, prefix_end);
            return Ok(Some(self.emit(tok, start, prefix_end)));
        }
        let scanned = scan_name(self.src, name_start, prefix_end)?;
        let end = scanned.end;
        if end == name_start {
            return Err(error_at(start, start + 1, INVALID));
        }
        let tok = match scanned.decoded {
            None => self.interner.word(self.src, name_start, end),
            Some(decoded) => {
                // §12.7.1: an escaped reserved word is not a keyword, and may
                // only be a property name. The words reserved in strict
                // code only are identifiers in non-strict code, and
                // `await` is one outside modules and async functions: the
                // early-error walk, which knows the strictness and the
                // goal, decides.
                let reserved = Tok::keyword(&decoded).is_some_and(|k| {
                    k.is_reserved_word() && !k.is_strict_mode_reserved_word() && k != Tok::Await
                });
                let property_name = self.context.in_property_name_position()
                    && !(self.context.in_object_key_position()
                        && matches!(
                            next_significant_byte(self.src, end),
                            Some(b',' | b'}' | b'=')
                        ));
                if reserved && !property_name {
                    return Err(error_at(
                        start,
                        end,
                        "Keyword must not contain escaped characters",
                    ));
                }
                Tok::Ident(self.interner.name(&decoded))
            }
        };
        Ok(Some(self.emit(tok, start, end)))
    }

    /// `#name` (§12.7 PrivateIdentifier); `prefix_end` ends its ASCII part.
    fn private_name(&mut self, start: usize, prefix_end: usize) -> Step {
        let name_start = start + 1;
        let bytes = self.src.as_bytes();
        let simple = match bytes.get(prefix_end) {
            Some(&b) => b < 0x80 && b != b'\\',
            None => true,
        };
        let (end, name) = if simple && prefix_end > name_start {
            let name = self.interner.name(&self.src[name_start..prefix_end]);
            (prefix_end, name)
        } else {
            let scanned = scan_name(self.src, name_start, prefix_end)?;
            if scanned.end == name_start {
                return Err(error_at(start, start + 1, INVALID));
            }
            let name = match scanned.decoded {
                Some(decoded) => self.interner.name(&decoded),
                None => self.interner.name(&self.src[name_start..scanned.end]),
            };
            (scanned.end, name)
        };
        Ok(Some(self.emit(Tok::PrivateName(name), start, end)))
    }

    /// A non-ASCII character between tokens: white space, a line
    /// terminator, or the start of a name.
    fn non_ascii(&mut self, start: usize, end: usize) -> Step {
        let c = char_at(self.src, start).unwrap_or('\u{FFFD}');
        if is_unicode_space(c) {
            Ok(None)
        } else if is_line_terminator(c) {
            self.nl_before = true;
            Ok(None)
        } else if is_id_start(c) {
            self.name(start, start, start)
        } else {
            Err(error_at(start, end, INVALID))
        }
    }

    /// A template piece starting with `` ` `` (or with the `}` that closes a
    /// substitution, when `resumes`).
    fn template(&mut self, start: usize, resumes: bool) -> Step {
        let scanned = scan_template_part(self.src, start + 1)?;
        let part = Box::new(scanned.part);
        let tok = match (resumes, scanned.opens_substitution) {
            (false, false) => Tok::NoSubstTemplate(part),
            (false, true) => Tok::TemplateHead(part),
            (true, true) => Tok::TemplateMiddle(part),
            (true, false) => Tok::TemplateTail(part),
        };
        Ok(Some(self.emit(tok, start, scanned.end)))
    }

    fn regex(&mut self, start: usize) -> Step {
        let scanned = scan_regex(self.src, start)?;
        let body = &self.src[start + 1..scanned.body_end];
        let pattern: Vec<u16> = body.encode_utf16().collect();
        let flags = self
            .interner
            .name(&self.src[scanned.body_end + 1..scanned.end]);
        let tok = Tok::Regex(Box::new(RegexToken {
            pattern: pattern.into(),
            flags,
        }));
        Ok(Some(self.emit(tok, start, scanned.end)))
    }
}

impl Iterator for Driver<'_> {
    type Item = Result<Token, SyntaxError>;

    #[inline]
    fn next(&mut self) -> Option<Result<Token, SyntaxError>> {
        if let Some(token) = self.queued.take() {
            return Some(Ok(token));
        }
        if self.finished {
            return None;
        }
        while let Some(raw) = self.raw.next() {
            match self.step(raw) {
                Ok(Some(token)) => return Some(Ok(token)),
                Ok(None) => {}
                Err(error) => {
                    self.finished = true;
                    return Some(Err(error));
                }
            }
        }
        self.finished = true;
        None
    }
}

/// The first byte after `pos` that is not white space or inside a comment
/// (enough to tell a shorthand property `{ a }` from a key `{ a: 1 }`).
fn next_significant_byte(src: &str, mut pos: usize) -> Option<u8> {
    let bytes = src.as_bytes();
    loop {
        match bytes.get(pos)? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => pos += 1,
            b'/' if bytes.get(pos + 1) == Some(&b'/') => {
                pos += src[pos..].find(['\n', '\r'])?;
            }
            b'/' if bytes.get(pos + 1) == Some(&b'*') => {
                pos += 2 + src[pos + 2..].find("*/")? + 2;
            }
            0x80.. => {
                let c = char_at(src, pos)?;
                if !(is_unicode_space(c) || is_line_terminator(c)) {
                    return Some(bytes[pos]);
                }
                pos += c.len_utf8();
            }
            &b => return Some(b),
        }
    }
}

/// LF, CR, U+2028 or U+2029 (E2 80 A8 / E2 80 A9 in UTF-8) in `text`.
fn contains_line_terminator(text: &[u8]) -> bool {
    text.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\r' => true,
        0xE2 => text.get(i + 1) == Some(&0x80) && matches!(text.get(i + 2), Some(0xA8 | 0xA9)),
        _ => false,
    })
}

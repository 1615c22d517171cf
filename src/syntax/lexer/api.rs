//! The lexer's public entry points and the diagnostics the parser asks for
//! about individual tokens.

use super::driver;
use super::{number, string, template};
use crate::syntax::error::SyntaxError;
use crate::syntax::span::Span;
use crate::syntax::token::{Tok, Token};

/// Splits `source` into tokens (no end-of-input token).
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    match tokenize_prefix(source) {
        (tokens, None) => Ok(tokens),
        (_, Some(error)) => Err(error),
    }
}

/// Splits a script's `source` into tokens: as [`tokenize`], with Annex
/// B.1.1's HTML-like comments (`<!--`, and `-->` at the start of a line)
/// read as single-line comments.
pub fn tokenize_script(source: &str) -> Result<Vec<Token>, SyntaxError> {
    match driver::Driver::for_script(source).run() {
        (tokens, None) => Ok(tokens),
        (_, Some(error)) => Err(error),
    }
}

/// The tokens before the first lexical error, and that error. A parser can
/// parse the prefix first so that a syntax error earlier in the source is
/// reported before a lexical error later in it, as V8 does.
pub fn tokenize_prefix(source: &str) -> (Vec<Token>, Option<SyntaxError>) {
    driver::Driver::new(source).run()
}

/// The tokens of `source` one at a time, stopping after the first error;
/// the same stream as [`tokenize`] without building the whole vector (a
/// parser can pull from it directly).
pub fn tokens(source: &str) -> impl Iterator<Item = Result<Token, SyntaxError>> + '_ {
    driver::Driver::new(source)
}

/// For a template token whose cooked value is `None`: the SyntaxError V8
/// reports when such a template is not tagged (§13.2.8.1: NotEscapeSequence
/// is only allowed in tagged templates), pointing at the bad escape.
pub fn template_escape_error(source: &str, token: &Token) -> Option<SyntaxError> {
    let body_start = match token.tok {
        Tok::NoSubstTemplate(_)
        | Tok::TemplateHead(_)
        | Tok::TemplateMiddle(_)
        | Tok::TemplateTail(_) => token.start + 1,
        _ => return None,
    };
    template::first_bad_escape(source, body_start, token.end)
}

/// For a token marked `legacy_octal` (a `017`/`08` number, or a string with
/// a legacy octal or `\8`/`\9` escape): the SyntaxError V8 reports for it in
/// strict code, with its message and the span of the offending text.
pub fn legacy_octal_error(source: &str, token: &Token) -> Option<SyntaxError> {
    match token.tok {
        Tok::Num {
            legacy_octal: true, ..
        } => Some(number::legacy_number_error(source, token.start, token.end)),
        Tok::Str {
            legacy_octal: true, ..
        } => string::legacy_escape_error(source, token.start, token.end),
        _ => None,
    }
}

/// A SyntaxError spanning `start..end`.
pub(in crate::syntax::lexer) fn error_at(start: usize, end: usize, message: &str) -> SyntaxError {
    SyntaxError::new(message, Span::new(start, end.max(start)))
}

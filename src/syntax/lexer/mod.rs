//! The lexer: source text to the token stream the parser consumes.
//!
//! A logos-generated automaton ([`raw`]) recognises white space, comments,
//! punctuators and plain names; a hand-written driver ([`driver`]) scans the
//! bodies of literals, tracks line terminators for ASI, splits template
//! literals at `${`/`}` and decides between regular expressions and
//! division from the syntactic context ([`context`]).

mod bigint;
mod chars;
mod context;
mod driver;
mod ident;
mod interner;
mod number;
mod raw;
mod regex;
mod string;
mod template;

#[cfg(test)]
mod tests;

use super::error::SyntaxError;
use super::span::Span;
use super::token::{Tok, Token};

/// Splits `source` into tokens (no end-of-input token).
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    match tokenize_prefix(source) {
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

/// A SyntaxError spanning `start..end`.
pub(super) fn error_at(start: usize, end: usize, message: &str) -> SyntaxError {
    SyntaxError::new(message, Span::new(start, end.max(start)))
}

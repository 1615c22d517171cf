//! The lexer: source text to the token stream the parser consumes.
//!
//! A logos-generated automaton (`raw`) recognises white space, comments,
//! punctuators and plain names; a hand-written driver (`driver`) scans the
//! bodies of literals, tracks line terminators for ASI, splits template
//! literals at `${`/`}` and decides between regular expressions and
//! division from the syntactic context (`context`).

mod api;
mod bigint;
mod chars;
pub(crate) use chars::{is_id_part, is_id_start};
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

use api::error_at;
pub use api::{
    legacy_octal_error, template_escape_error, tokenize, tokenize_prefix, tokenize_script, tokens,
};

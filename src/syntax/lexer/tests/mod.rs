//! Lexer unit tests, one file per token family. Expected values come from
//! ECMA-262 and from Node (V8) for error messages.

mod corpus;
mod errors;
mod names;
mod numbers;
mod punctuators;
mod regex;
mod robustness;
mod strings;
mod templates;
mod trivia;

pub(super) use super::tokenize;
pub(super) use crate::syntax::ast::js_string;
pub(super) use crate::syntax::token::{Tok, Token};

/// The tokens of `src`, panicking on a lexical error.
pub(super) fn toks(src: &str) -> Vec<Tok> {
    match tokenize(src) {
        Ok(tokens) => tokens.into_iter().map(|t| t.tok).collect(),
        Err(e) => panic!("unexpected error for {src:?}: {e:?}"),
    }
}

pub(super) fn tokens(src: &str) -> Vec<Token> {
    tokenize(src).unwrap_or_else(|e| panic!("unexpected error for {src:?}: {e:?}"))
}

/// The error message for `src`.
pub(super) fn error(src: &str) -> String {
    match tokenize(src) {
        Ok(t) => panic!("expected an error for {src:?}, got {t:?}"),
        Err(e) => e.message,
    }
}

pub(super) fn ident(name: &str) -> Tok {
    Tok::Ident(name.into())
}

pub(super) fn num(value: f64) -> Tok {
    Tok::Num {
        value,
        legacy_octal: false,
    }
}

//! Lexer unit tests, one file per token family. Expected values come from
//! ECMA-262 and from Node (V8) for error messages.

use super::tokenize;
use crate::syntax::ast::{js_string, JsString};
use crate::syntax::token::{Tok, Token};

/// The tokens of `src`, panicking on a lexical error.
fn toks(src: &str) -> Vec<Tok> {
    match tokenize(src) {
        Ok(tokens) => tokens.into_iter().map(|t| t.tok).collect(),
        Err(e) => panic!("unexpected error for {src:?}: {e:?}"),
    }
}

fn tokens(src: &str) -> Vec<Token> {
    tokenize(src).unwrap_or_else(|e| panic!("unexpected error for {src:?}: {e:?}"))
}

/// The error message for `src`.
fn error(src: &str) -> String {
    match tokenize(src) {
        Ok(t) => panic!("expected an error for {src:?}, got {t:?}"),
        Err(e) => e.message,
    }
}

fn ident(name: &str) -> Tok {
    Tok::Ident(name.into())
}

fn num(value: f64) -> Tok {
    Tok::Num {
        value,
        legacy_octal: false,
    }
}

fn string(value: &str) -> Tok {
    Tok::Str {
        value: js_string(value),
        legacy_octal: false,
    }
}

fn units(value: &[u16]) -> JsString {
    value.into()
}

#[test]
fn smoke() {
    assert_eq!(
        toks("let x = a / 2;"),
        vec![
            Tok::Let,
            ident("x"),
            Tok::Eq,
            ident("a"),
            Tok::Slash,
            num(2.0),
            Tok::Semicolon
        ]
    );
    assert_eq!(toks("'hi'"), vec![string("hi")]);
    let _ = units(&[1]);
    let _ = tokens("a");
    assert_eq!(error("\"abc"), "Invalid or unexpected token");
}

//! Parse tests: accepted forms, and rejected ones with Node's (V8's) messages.

mod asi;
mod expressions;
mod modules;
mod statements;

use super::{parse_module, parse_script};

/// Parses as a module, panicking with the error on failure.
#[track_caller]
fn ok(src: &str) -> crate::syntax::ast::Module {
    match parse_module(src) {
        Ok(m) => m,
        Err(e) => panic!("expected {src:?} to parse, got {e:?}"),
    }
}

/// Expects a SyntaxError with this message.
#[track_caller]
fn err(src: &str, message: &str) {
    match parse_module(src) {
        Ok(m) => panic!("expected {src:?} to fail with {message:?}, parsed {m:?}"),
        Err(e) => assert_eq!(e.message, message, "for {src:?}"),
    }
}

/// Expects a SyntaxError with this message, starting at the first occurrence of `at`.
#[track_caller]
fn err_at(src: &str, message: &str, at: &str) {
    match parse_module(src) {
        Ok(m) => panic!("expected {src:?} to fail with {message:?}, parsed {m:?}"),
        Err(e) => {
            assert_eq!(e.message, message, "for {src:?}");
            let expected = src.find(at).expect("`at` occurs in the source");
            assert_eq!(
                e.span.start as usize, expected,
                "error position for {src:?}"
            );
        }
    }
}

#[track_caller]
fn script_err(src: &str, message: &str) {
    match parse_script(src) {
        Ok(s) => panic!("expected script {src:?} to fail with {message:?}, parsed {s:?}"),
        Err(e) => assert_eq!(e.message, message, "for {src:?}"),
    }
}

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

/// Every value a grammar rule produces travels through LALRPOP's symbol
/// enum, which is as large as the largest of them and is moved on every
/// shift and reduction; large values are boxed in the grammar so that the
/// symbol stays at an `Expr`'s size.
#[test]
fn grammar_values_are_no_larger_than_an_expr() {
    use crate::syntax::ast::*;
    use crate::syntax::parser::adapter::Lex;
    use crate::syntax::parser::parts::*;
    use crate::syntax::span::Span;
    use crate::syntax::token::TemplatePart;
    let limit = std::mem::size_of::<Expr>();
    macro_rules! at_most_an_expr {
        ($($t:ty),* $(,)?) => {
            $(assert!(
                std::mem::size_of::<$t>() <= limit,
                "{} is {} bytes, an Expr {limit}",
                stringify!($t),
                std::mem::size_of::<$t>()
            );)*
        };
    }
    at_most_an_expr!(
        lalrpop_util::ErrorRecovery<usize, Lex, crate::syntax::error::SyntaxError>,
        Option<Lex>,
        Option<Expr>,
        Option<ExprOrSpread>,
        Args,
        Pattern,
        ArrowParams,
        Ident,
        AsyncCallHead,
        BinChain,
        (BinTok, Span),
        PropKey,
        ConciseBody,
        CoverParen,
        ForHead,
        Option<ForInit>,
        Params,
        ImportAttribute,
        MemberProp,
        MethodParts,
        ModuleExportName,
        OptionalLink,
        StringLit,
        Template,
        VarDecl,
        Option<Box<ClassMember>>,
        Box<TemplatePart>,
    );
}

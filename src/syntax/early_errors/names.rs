//! Static semantics that compute names and shapes from the AST
//! (ECMA-262 §8.2 "Scope Analysis", §8.6 "Miscellaneous").

use crate::syntax::ast::{
    Expr, ExprKind, Function, FunctionBody, Literal, PatternKind, PropKey, Stmt, StmtKind,
};
use crate::syntax::span::Span;
use crate::syntax::token::Tok;

/// IsSimpleParameterList — ECMA-262 §15.1.3,
/// <https://tc39.es/ecma262/#sec-static-semantics-issimpleparameterlist:>
/// only plain identifiers, no defaults, no rest.
pub(super) fn is_simple_parameter_list(function: &Function) -> bool {
    function.rest.is_none()
        && function
            .params
            .iter()
            .all(|p| p.default.is_none() && matches!(p.target.kind, PatternKind::Ident(_)))
}

/// The span of a `"use strict"` directive in the function body's directive
/// prologue — ECMA-262 §11.2.1, <https://tc39.es/ecma262/#sec-directive-prologues-and-the-use-strict-directive.>
/// A Use Strict Directive is exactly the code units `"use strict"` or
/// `'use strict'`: no escapes or line continuations, which a literal of
/// that value spans exactly 12 bytes only when it has none.
pub(super) fn use_strict_directive(body: &FunctionBody) -> Option<Span> {
    let FunctionBody::Block(stmts) = body else {
        return None;
    };
    use_strict_directive_in(stmts)
}

/// The span of a `"use strict"` directive in the directive prologue that
/// starts `stmts` (a script's or a function body's statements).
pub(super) fn use_strict_directive_in(stmts: &[Stmt]) -> Option<Span> {
    for stmt in stmts {
        let literal = directive_literal(stmt)?;
        let raw_length = literal.span.end.saturating_sub(literal.span.start);
        if raw_length == 12 && is_string_literal(literal, "use strict") {
            return Some(literal.span);
        }
    }
    None
}

/// The string literal of a statement that can belong to a directive
/// prologue (an ExpressionStatement that is just a string literal).
fn directive_literal(stmt: &Stmt) -> Option<&Expr> {
    match &stmt.kind {
        StmtKind::Expr(expr) if matches!(expr.kind, ExprKind::Lit(Literal::Str(_))) => Some(expr),
        _ => None,
    }
}

fn is_string_literal(expr: &Expr, value: &str) -> bool {
    match &expr.kind {
        ExprKind::Lit(Literal::Str(s)) => s.iter().copied().eq(value.encode_utf16()),
        _ => false,
    }
}

/// The expression inside any number of parentheses.
pub(super) fn strip_parens(mut expr: &Expr) -> &Expr {
    while let ExprKind::Paren(inner) = &expr.kind {
        expr = inner;
    }
    expr
}

/// Whether a property key's PropName (ECMA-262 §13.2.5.3) is `name`: true
/// for identifier and string-literal keys, never for computed ones.
pub(super) fn prop_name_is(key: &PropKey, name: &str) -> bool {
    match key {
        PropKey::Ident(ident) => &**ident == name,
        PropKey::Str(s) => s.iter().copied().eq(name.encode_utf16()),
        _ => false,
    }
}

/// Whether a string value is well-formed Unicode (IsStringWellFormedUnicode,
/// ECMA-262 §7.2.9): no lone surrogates.
pub(super) fn is_well_formed_unicode(s: &[u16]) -> bool {
    char::decode_utf16(s.iter().copied()).all(|c| c.is_ok())
}

/// The span of a keyword at the start of a node: the AST keeps node spans,
/// not keyword spans, so this is `len` bytes from the node's start.
pub(super) fn keyword_span(node: Span, len: u32) -> Span {
    Span {
        start: node.start,
        end: node.start.saturating_add(len).min(node.end.max(node.start)),
    }
}

/// How an identifier that is a reserved word in strict code can reach the
/// AST: written with escapes (which the lexer passes through as plain
/// identifiers for contextual keywords and the words strict code alone
/// reserves), or, for `static` and `implements` … `public`, as they are.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum ReservedWord {
    /// `yield`: reserved in strict code (ECMA-262 §13.1.1).
    Yield,
    /// `await`: reserved in module code (ECMA-262 §13.1.1).
    Await,
    /// `let`, `static`, or a FutureReservedWord of strict code
    /// (`implements` … `public`): identifiers in non-strict code.
    StrictOnly,
    /// Any other keyword.
    Keyword,
}

/// Classifies a name that strict module code may not use as an identifier
/// (ECMA-262 §13.1.1, the ReservedWord list of §12.7.2).
pub(super) fn reserved_word(name: &str) -> Option<ReservedWord> {
    match Tok::keyword(name)? {
        Tok::Yield => Some(ReservedWord::Yield),
        Tok::Await => Some(ReservedWord::Await),
        tok if tok.is_strict_mode_reserved_word() => Some(ReservedWord::StrictOnly),
        tok if tok.is_reserved_word() => Some(ReservedWord::Keyword),
        _ => None,
    }
}

//! Automatic semicolon insertion (ECMA-262 §12.10) and the restricted
//! productions.

use super::*;
use crate::syntax::ast::{ExprKind, ModuleItem, StmtKind};

fn stmt_kinds(src: &str) -> Vec<StmtKind> {
    ok(src)
        .body
        .into_iter()
        .map(|i| match i {
            ModuleItem::Stmt(s) => s.kind,
            other => panic!("expected statements, got {other:?}"),
        })
        .collect()
}

#[test]
fn newline_inserts_semicolon_only_where_needed() {
    assert_eq!(stmt_kinds("a\nb").len(), 2);
    assert_eq!(stmt_kinds("a = 1\nb = 2\n").len(), 2);
    assert_eq!(stmt_kinds("{ 1\n2 } 3").len(), 2);
    // A following `(` or `[` continues the expression.
    let call = stmt_kinds("a\n(b)");
    assert_eq!(call.len(), 1);
    assert!(matches!(&call[0], StmtKind::Expr(e) if matches!(e.kind, ExprKind::Call { .. })));
    let index = stmt_kinds("x = {}\n[1].f()");
    assert_eq!(index.len(), 1);
    assert_eq!(stmt_kinds("var a = 1, b\n= 2").len(), 1);
    // `}` and the end of input also allow insertion.
    ok("function f() { return 1 }");
    ok("a = 1");
}

#[test]
fn no_insertion_without_newline() {
    err(
        "let a = 1 let b = 2",
        "Unexpected strict mode reserved word",
    );
    err("a b", "Unexpected identifier 'b'");
    err("if (a) b else c", "Unexpected token 'else'");
    err("f(a b)", "missing ) after argument list");
    err("x = [a b]", "Unexpected identifier 'b'");
    err("x = {a: 1 b}", "Unexpected identifier 'b'");
    err("`${a b}`", "Missing } in template expression");
    err("f(a", "missing ) after argument list");
}

#[test]
fn for_header_never_gets_semicolons() {
    err("for (a; b\n) {}", "Unexpected token ')'");
    err(
        "for (let i = 0\n i < 3; i++) {}",
        "Unexpected identifier 'i'",
    );
    err("for (a\n b;;) {}", "Unexpected identifier 'b'");
    ok("for (;;\n) { break }");
}

#[test]
fn do_while_semicolon() {
    assert_eq!(stmt_kinds("do x; while(0) y").len(), 2);
    assert_eq!(stmt_kinds("do {} while (0) y").len(), 2);
    ok("do ; while (0)");
    err("do x while(0)", "Unexpected token 'while'");
}

#[test]
fn restricted_productions() {
    match &stmt_kinds("function f() { return\n1 }")[0] {
        StmtKind::Function(f) => match &f.body {
            crate::syntax::ast::FunctionBody::Block(b) => {
                assert!(matches!(b[0].kind, StmtKind::Return(None)));
                assert_eq!(b.len(), 2);
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        stmt_kinds("l: for (;;) { break\nl }")[0],
        StmtKind::Labeled { .. }
    ));
    ok("l: for (;;) { continue\nl }");
    err("throw\n1", "Illegal newline after throw");
    // `a\n++b` is `a; ++b`.
    let update = stmt_kinds("a\n++b");
    assert_eq!(update.len(), 2);
    assert!(
        matches!(&update[1], StmtKind::Expr(e) if matches!(e.kind, ExprKind::Update { prefix: true, .. }))
    );
    assert_eq!(stmt_kinds("a\n--\nb").len(), 2);
    ok("a++\nb");
    err("x\n=> 1", "Unexpected token '=>'");
    err("async (x)\n=> x", "Unexpected token '=>'");
    // `yield` followed by a line break has no operand.
    ok("function* g() { yield\n1 }");
    err("function* g() { yield\n* 1 }", "Unexpected token '*'");
    // `async` followed by a line break is an identifier.
    assert_eq!(stmt_kinds("async\nfunction f() {}").len(), 2);
    assert_eq!(stmt_kinds("var async; async\nx => x").len(), 3);
    ok("x = async\n(y)");
    err("({ async\n m() {} })", "Unexpected identifier 'm'");
    // Keywords after `.` are property names, even before a line break.
    ok("a.return\nb.yield\nc.throw\n1");
}

#[test]
fn regex_after_statements() {
    assert_eq!(stmt_kinds("function f(){}\n/re/.test(s)").len(), 2);
    ok("x\n/re/g");
    ok("if (a) /re/.test(b)");
    err("var x = function(){}\n/re/.test(s)", "Unexpected token '.'");
}

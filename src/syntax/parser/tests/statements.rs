//! Statements, declarations, functions and classes.

use super::*;
use crate::syntax::ast::{ClassMember, ModuleItem, StmtKind};

fn first_stmt(src: &str) -> StmtKind {
    match ok(src).body.into_iter().next() {
        Some(ModuleItem::Stmt(s)) => s.kind,
        other => panic!("expected a statement, got {other:?}"),
    }
}

#[test]
fn declarations() {
    ok("let a = 1; const {b, c: [d]} = x; var e;");
    ok("var a, b = 1, [c, , d = 2, ...e] = f, {g, h: {i}, j = 3, ...k} = l;");
    ok("let {a: [b, {c}] = [], ...d} = e;");
    ok("function f(a, b = 1, ...c) { return a + b * c; }");
    ok("function f({a, b: [c]} = {}, [d, ...e]) {}");
    ok("function* g() { yield 1; yield* h(); yield; }");
    ok("async function f() { await x; }");
    ok("async function* g() { yield await x; for await (const y of z) {} }");
    ok("function f(a,) {} function g(...[a, b]) {}");
    err("const x;", "Missing initializer in const declaration");
    err(
        "let [a];",
        "Missing initializer in destructuring declaration",
    );
    err(
        "var {a};",
        "Missing initializer in destructuring declaration",
    );
    err(
        "for (const x;;) {}",
        "Missing initializer in const declaration",
    );
    ok("for (const x of []) {} for (const x in {}) {}");
    err("let let = 1;", "Unexpected strict mode reserved word");
    err("var let = 1;", "Unexpected strict mode reserved word");
    err("var static = 1;", "Unexpected strict mode reserved word");
    err("var yield = 1;", "Unexpected strict mode reserved word");
    err("var implements;", "Unexpected strict mode reserved word");
    err("var enum = 1;", "Unexpected reserved word");
    err("var if = 1;", "Unexpected token 'if'");
    err(
        "function () {}",
        "Function statements require a function name",
    );
    err("class { }", "Unexpected token '{'");
    err(
        "function f(a, ...b,) {}",
        "Rest parameter must be last formal parameter",
    );
    err(
        "function f(...a = 1) {}",
        "Rest parameter may not have a default initializer",
    );
}

#[test]
fn control_flow() {
    assert!(matches!(
        first_stmt("if (a) b; else c;"),
        StmtKind::If {
            alternate: Some(_),
            ..
        }
    ));
    // The dangling else belongs to the nearest if.
    match first_stmt("if (a) if (b) c; else d;") {
        StmtKind::If {
            alternate: None,
            consequent,
            ..
        } => {
            assert!(matches!(
                consequent.kind,
                StmtKind::If {
                    alternate: Some(_),
                    ..
                }
            ))
        }
        other => panic!("{other:?}"),
    }
    ok("for (let i = 0; i < n; i++) {} for (const x of y) {} for (k in o) ;");
    ok("for (;;) {} for (var i = 0, j = 1; ;) {} for (x of y) for (z in w) ;");
    ok("for ([a, b] of c) {} for ({a, b} of c) {} for (a.b in c) {} for (let [k, v] of m) {}");
    ok("for (let of of x) {} for ((async) of x) {} for (\\u0061sync of x) {}");
    assert!(matches!(
        first_stmt("for await (const x of y) {}"),
        StmtKind::ForOf { is_await: true, .. }
    ));
    ok("while (a) b; do c; while (d) do e; while (f);");
    ok("label: for (;;) { break label; continue label; } l2: { break l2; }");
    ok("switch (a) { case 1: b; default: c; case 2: }");
    ok("try {} catch {} try {} catch (e) {} finally {} try {} finally {} try {} catch ([a, {b}]) {}");
    ok("debugger; ;;; { }");
    ok("throw new Error('x');");
    ok("if (a) { function f() {} class C {} let x; }");
    err(
        "for (async of []);",
        "The left-hand side of a for-of loop may not be 'async'.",
    );
    err("for (let in x) {}", "Unexpected strict mode reserved word");
    err("for (1 of []);", "Invalid left-hand side in for-loop");
    err("for (1 in {});", "Invalid left-hand side in for-loop");
    err("try {}", "Missing catch or finally after try");
    err("try {} x", "Missing catch or finally after try");
    err(
        "switch (1) { default: default: }",
        "More than one default clause in switch statement",
    );
    err(
        "with (a) {}",
        "Strict mode code may not include a with statement",
    );
    err(
        "if (1) let x = 1;",
        "Lexical declaration cannot appear in a single-statement context",
    );
    err(
        "if (1) function f(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
    );
    err(
        "label: function f(){}",
        "In strict mode code, functions can only be declared at top level or inside a block.",
    );
    err("while (1) class A {}", "Unexpected token 'class'");
    err("if (a b) {}", "Unexpected identifier 'b'");
    err("throw\n1", "Illegal newline after throw");
}

#[test]
fn classes() {
    let src = "class A extends B {
        constructor(a) { super(a); }
        m() { return super.m(); }
        static s() {} get g() { return 1; } set g(v) {} static get sg() {} static set sg(v) {}
        *gen() {} async am() {} async *ag() {} static async *sag() {}
        [computed]() {} 'str'() {} 42() {} 1n() {}
        field = 1; static sf = 2; noInit; #priv = 3; static #sp; #pm() {} get #pa() {} set #pa(v) {}
        static { this.x = 1; }
        accessor acc = 1; static accessor sacc; accessor #pacc;
        get; set; static; async; accessor;
        get() {} set() {} static() {} async() {} accessor() {}
        static static() {} static async async() {} static get get() {}
        has(o) { return #priv in o; }
        ;
    }";
    let body = ok(src).body;
    let class = match &body[0] {
        ModuleItem::Stmt(s) => match &s.kind {
            StmtKind::Class(c) => c.clone(),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    let constructors = class
        .members
        .iter()
        .filter(|m| matches!(m, ClassMember::Constructor(_)))
        .count();
    assert_eq!(constructors, 1);
    ok("class A { 'constructor'() {} }");
    err(
        "class A { constructor() {} 'constructor'() {} }",
        "A class may only have one constructor",
    );
    assert!(class
        .members
        .iter()
        .any(|m| matches!(m, ClassMember::StaticBlock { .. })));
    assert!(class.members.iter().any(|m| matches!(
        m,
        ClassMember::Accessor {
            is_static: true,
            ..
        }
    )));
    ok("x = class { }; x = class Named extends (a, b) {};");
    ok("class A { a\n b\n static c\n get\n d(){} }");
    ok("class A { accessor\n x }");
    err("class A { a = 1 b = 2 }", "Unexpected identifier 'b'");
    err(
        "class A { get x(a){} }",
        "Getter must not have any formal parameters.",
    );
    err(
        "class A { set x(){} }",
        "Setter must have exactly one formal parameter.",
    );
    err(
        "class A { set x(...a){} }",
        "Setter function argument must not be a rest parameter",
    );
    err("class A { static { await 1 } }", "Unexpected reserved word");
}

//! Expressions, the cover grammars and literals.

use super::*;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, LogicalOp, ModuleItem, PatternKind, StmtKind};

/// The expression of a single expression statement.
fn expr(src: &str) -> Expr {
    match ok(src).body.into_iter().next() {
        Some(ModuleItem::Stmt(s)) => match s.kind {
            StmtKind::Expr(e) => e,
            other => panic!("expected an expression statement, got {other:?}"),
        },
        other => panic!("expected a statement, got {other:?}"),
    }
}

#[test]
fn precedence_and_associativity() {
    match expr("a + b * c").kind {
        ExprKind::Binary {
            op: BinaryOp::Add,
            right,
            ..
        } => {
            assert!(matches!(
                right.kind,
                ExprKind::Binary {
                    op: BinaryOp::Mul,
                    ..
                }
            ))
        }
        other => panic!("{other:?}"),
    }
    match expr("a - b - c").kind {
        ExprKind::Binary {
            op: BinaryOp::Sub,
            left,
            ..
        } => {
            assert!(matches!(
                left.kind,
                ExprKind::Binary {
                    op: BinaryOp::Sub,
                    ..
                }
            ))
        }
        other => panic!("{other:?}"),
    }
    match expr("a ** b ** c").kind {
        ExprKind::Binary {
            op: BinaryOp::Exp,
            right,
            ..
        } => {
            assert!(matches!(
                right.kind,
                ExprKind::Binary {
                    op: BinaryOp::Exp,
                    ..
                }
            ))
        }
        other => panic!("{other:?}"),
    }
    match expr("a || b && c | d ^ e & f == g < h << i + j * k").kind {
        ExprKind::Logical {
            op: LogicalOp::Or,
            right,
            ..
        } => {
            assert!(matches!(
                right.kind,
                ExprKind::Logical {
                    op: LogicalOp::And,
                    ..
                }
            ))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        expr("a ?? b ?? c").kind,
        ExprKind::Logical {
            op: LogicalOp::Nullish,
            ..
        }
    ));
    ok("class C { #x; m(obj) { return #x in obj && obj && #x in obj in obj; } }");
    let private_in = super::super::driver::parse_module_syntax("#x in obj").unwrap();
    match &private_in.body[0] {
        ModuleItem::Stmt(s) => assert!(
            matches!(&s.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::PrivateIn { .. }))
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        expr("a in b instanceof c").kind,
        ExprKind::Binary {
            op: BinaryOp::Instanceof,
            ..
        }
    ));
    ok("x = a ? b : c ? d : e; x = (a || b) ?? c; x = a ?? (b && c); x = (-a) ** b; x = a ** -b;");
    err("a ?? b || c", "Unexpected token '||'");
    err("a || b ?? c", "Unexpected token '??'");
    err("a && b ?? c", "Unexpected token '??'");
    err("-a ** 2", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
    err("await x ** 2", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
    err("typeof a ** 2", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
    err(
        "class C { #x; m() { 1 + #x in y } }",
        "Unexpected identifier '#x'",
    );
    err(
        "class C { #x; m() { a < #x in y } }",
        "Unexpected identifier '#x'",
    );
    err("class C { #x; m() { #x } }", "Unexpected identifier '#x'");
    err("x #y", "Unexpected identifier '#y'");
}

#[test]
fn unary_update_and_assignment() {
    ok("void 0, typeof x, !a, ~a, -a, +a; delete a.b; delete a[0];");
    ok("++a.b; a.b--; --a; a++;");
    ok("a = b = c; a += b -= c; a ||= b &&= c ??= d; a **= 2; a >>>= 1;");
    err(
        "delete a",
        "Delete of an unqualified identifier in strict mode.",
    );
    err(
        "++a++",
        "Invalid left-hand side expression in prefix operation",
    );
    err(
        "++1",
        "Invalid left-hand side expression in prefix operation",
    );
    err(
        "1++",
        "Invalid left-hand side expression in postfix operation",
    );
    err("1 = 2", "Invalid left-hand side in assignment");
    err("a++ = 1", "Invalid left-hand side in assignment");
    err("a + b = c", "Invalid left-hand side in assignment");
    err("a?.b = 1", "Invalid left-hand side in assignment");
    // V8 accepts a call as an assignment target and throws at run time,
    // but not inside a destructuring pattern.
    ok("f() = 1; f() += 1; f()++; for (f() of x);");
    err("[f()] = x", "Invalid destructuring assignment target");
    err("({a: f()} = x)", "Invalid destructuring assignment target");
    err(
        "a?.b++",
        "Invalid left-hand side expression in postfix operation",
    );
}

#[test]
fn destructuring_assignment() {
    match expr("[a, b] = [b, a]").kind {
        ExprKind::Assign { target, .. } => {
            assert!(matches!(target.kind, PatternKind::Array { .. }))
        }
        other => panic!("{other:?}"),
    }
    match expr("({a, b: {c}, d = 1, ...e} = f)").kind {
        ExprKind::Paren(inner) => match inner.kind {
            ExprKind::Assign { target, .. } => assert!(matches!(
                target.kind,
                PatternKind::Object { rest: Some(_), .. }
            )),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    ok("[a = 1, [b] = c, {d} = e, ...f.g] = h; ({...a.b} = c); [(a), (b.c)] = d; [...[a]] = b;");
    ok("({a = 1} = b); [{a = 1}] = c; ({a: {b = 1}} = c); for ({a = 1} of b);");
    err("({a = 1});", "Invalid shorthand property initializer");
    err("x = {a = 1}", "Invalid shorthand property initializer");
    err("f({a = 1})", "Invalid shorthand property initializer");
    err("[a, ...b,] = c", "Rest element must be last element");
    err("({...a,} = c)", "Rest element must be last element");
    err("[...a, b] = c", "Rest element must be last element");
    err("({a:1} = 1)", "Invalid destructuring assignment target");
    err("({a(){}} = 1)", "Invalid destructuring assignment target");
    err("[...a = 1] = b", "Invalid destructuring assignment target");
    err(
        "({...{a}} = c)",
        "`...` must be followed by an assignable reference in assignment contexts",
    );
    err("[(a = 1)] = b", "Invalid destructuring assignment target");
}

#[test]
fn arrows_and_functions() {
    assert!(matches!(expr("(a, b) => a").kind, ExprKind::Arrow(_)));
    match expr("async (a, ...b) => a").kind {
        ExprKind::Arrow(f) => assert!(f.is_async && f.rest.is_some()),
        other => panic!("{other:?}"),
    }
    assert!(matches!(expr("async x => x").kind, ExprKind::Arrow(_)));
    assert!(matches!(expr("async => async").kind, ExprKind::Arrow(_)));
    assert!(matches!(expr("async(x)").kind, ExprKind::Call { .. }));
    assert!(matches!(expr("async").kind, ExprKind::Ident(_)));
    ok("(a = 1, {b}, [c], ...d) => 0; ({a = 1}) => a; ([a]) => 1; (a,) => 1; () => {}; x = y => ({});");
    ok("x = function () {}; x = function* g() { yield; }; x = async function () { await 1; };");
    ok("x = async function* () {}; (function () {})(); (async () => {})();");
    ok("x = a => b => c; x = () => () => {}; x = async (a) => async (b) => a;");
    err(
        "(...a,) => 1",
        "Rest parameter must be last formal parameter",
    );
    err(
        "async(...a,) => 1",
        "Rest parameter must be last formal parameter",
    );
    err("(a.b) => 1", "Invalid destructuring assignment target");
    err("([a.b]) => 1", "Illegal property in declaration context");
    err("()", "Unexpected token ')'");
    err("(a,)", "Unexpected token ')'");
    err("a => {} ()", "Unexpected token '('");
    err(
        "function f(){ yield 1 }",
        "Unexpected strict mode reserved word",
    );
    err(
        "async function f(){ yield 1 }",
        "Unexpected strict mode reserved word",
    );
    err("function* g(){ await 1 }", "Unexpected reserved word");
    err(
        "function *g(){ () => yield }",
        "Unexpected strict mode reserved word",
    );
    err(
        "function* g(a = yield) {}",
        "Yield expression not allowed in formal parameter",
    );
    // In arrow parameters the message depends on the context around the arrow.
    err(
        "(a = await x) => 1",
        "Illegal await-expression in formal parameters of async function",
    );
    err(
        "async function f() { (a = await x) => 1 }",
        "Illegal await-expression in formal parameters of async function",
    );
    err(
        "function f() { (a = await x) => 1 }",
        "Unexpected reserved word",
    );
    err("(a = yield) => 1", "Unexpected strict mode reserved word");
    err(
        "function* g() { (a = yield) => 1 }",
        "Yield expression not allowed in formal parameter",
    );
    err("function f(a = await x) {}", "Unexpected reserved word");
    err("({ m(a = await x) {} })", "Unexpected reserved word");
    ok("class A { [await x] = 1 }");
    ok("function* g() { class A { [yield 1]() {} } }");
    err(
        "function* g() { class A { x = yield 1 } }",
        "Unexpected strict mode reserved word",
    );
    err(
        "async (a = await 1) => a",
        "Illegal await-expression in formal parameters of async function",
    );
}

#[test]
fn members_calls_and_optional_chains() {
    assert!(matches!(
        expr("a?.b.c?.[d]?.(e)").kind,
        ExprKind::OptionalChain(_)
    ));
    ok("x = new a.b.c(d); x = new new a()(); x = new a; x = a.b(c)(d)[e].f;");
    ok("a.if.class.return; x = {if: 1, class: 2, new: 3}; class C { #x; m(a) { a?.#x; a.#x; } }");
    ok("class A extends B { constructor() { super(a); x = new.target; x = super.x; x = super[y]; } }");
    ok("f(...a, b, ...c,); f(a,); new F(...a);");
    ok("x = a?.b?.(); x = a?.[0]?.b; x = (a?.b).c;");
    err("a?.b`t`", "Invalid tagged template on optional chain");
    err("a?.`t`", "Invalid tagged template on optional chain");
    err("new a?.b", "Invalid optional chain from new expression");
    match expr("new async(1)").kind {
        ExprKind::New {
            callee,
            args: Some(args),
        } => {
            assert!(matches!(callee.kind, ExprKind::Ident(_)) && args.len() == 1)
        }
        other => panic!("{other:?}"),
    }
    ok("new async; new async.x(); new (async(x))();");
    err("super;", "'super' keyword unexpected here");
}

#[test]
fn literals() {
    ok("x = [1,,2,]; x = []; x = [,]; x = [...a, ...b];");
    match expr("[1,,2,]").kind {
        ExprKind::Array(elems) => assert_eq!(elems.len(), 3),
        other => panic!("{other:?}"),
    }
    ok("x = {get a(){}, set a(v){}, async *b(){}, [c]: 1, 'd': 2, 3: 4, e, ...f, g(){}, 1n: 5};");
    ok("x = {__proto__: null, get: 1, set: 2, async: 3, static: 4, await: 5};");
    ok("x = { async get(){}, get async(){}, set(v){}, static(){}, async: 1, get, set, async };");
    ok("x = `a${b}c${d}e`; x = `${`${a}`}`; x = tag`\\xg`; x = a`x${b}y`;");
    ok("x = 0x10 + 0o7 + 0b1 + 1e3 + .5 + 5. + 1_000 + 10n; x = 'a' + \"b\"; x = /[/]/g;");
    ok("x = null; x = true; x = false; x = this;");
    err("`\\x`", "Invalid hexadecimal escape sequence");
    err("`\\u{`", "Invalid Unicode escape sequence");
    err(
        "`\\01`",
        "Octal escape sequences are not allowed in template strings.",
    );
    err("010", "Octal literals are not allowed in strict mode.");
    err(
        "08",
        "Decimals with leading zeros are not allowed in strict mode.",
    );
    err(
        "'\\01'",
        "Octal escape sequences are not allowed in strict mode.",
    );
    err("x = {a b}", "Unexpected identifier 'b'");
    err("({get a})", "Unexpected token '}'");
    err(
        "(...a = 1) => 1",
        "Rest parameter may not have a default initializer",
    );
    err(
        "async (...a = 1) => 1",
        "Rest parameter may not have a default initializer",
    );
}

#[test]
fn error_positions() {
    err_at("export const = 1;", "Unexpected token '='", "=");
    err_at(
        "let x = 1 let y = 2",
        "Unexpected strict mode reserved word",
        "let y",
    );
    err_at("a\nb c", "Unexpected identifier 'c'", "c");
    let eof = parse_module("x = (1 +\n").unwrap_err();
    assert_eq!(
        (eof.message.as_str(), eof.span.start),
        ("Unexpected end of input", 9)
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
    let e = parse_module(&deep).unwrap_err();
    assert_eq!(e.message, "Maximum call stack size exceeded");
    let arrays = format!("x = {}{};", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_module(&arrays).is_err());
    let chain = format!("x = 1{};", " + 1".repeat(1500));
    ok(&chain);
}

#[test]
fn escaped_keywords() {
    err(
        "import.m\\u0065ta",
        "'import.meta' must not contain escaped characters",
    );
    err(
        "function f() { new.t\\u0061rget }",
        "'new.target' must not contain escaped characters",
    );
    err(
        "import * \\u0061s b from 'x'",
        "'as' must not contain escaped characters",
    );
    err(
        "import {a \\u0061s b} from 'x'",
        "Unexpected identifier 'as'",
    );
    err(
        "class A { \\u0067et m(){} }",
        "Keyword must not contain escaped characters",
    );
    err(
        "({ \\u0061sync m(){} })",
        "Keyword must not contain escaped characters",
    );
    err(
        "import a \\u0066rom 'x'",
        "'from' must not contain escaped characters",
    );
    err(
        "({...import.meta} = x)",
        "Invalid destructuring assignment target",
    );
}

#[test]
fn deep_inputs_of_every_kind_fail_cleanly() {
    let n = 10_000;
    let cases = [
        format!("{}{}", "{".repeat(n), "}".repeat(n)),
        format!("x = {}1;", "- ".repeat(n)),
        format!("x = {}1;", "a = ".repeat(n)),
        format!("x = {}1{};", "{a: ".repeat(n), "}".repeat(n)),
        format!("x = {}1;", "y => ".repeat(n)),
        format!("x = {}1{};", "`${".repeat(n), "}`".repeat(n)),
        format!("x = {}1{};", "f(".repeat(n), ")".repeat(n)),
        format!("{}x;", "if (a) ".repeat(n)),
        format!("x = {}1;", "a ? b : ".repeat(n)),
        format!("let {}x{} = y;", "[".repeat(n), "]".repeat(n)),
        format!("x = 1{};", " + 1".repeat(n)),
        format!("x{};", ".a".repeat(n)),
        "function f() {".repeat(n),
    ];
    for src in &cases {
        let e = parse_module(src).expect_err("too deep");
        assert!(
            e.message == "Maximum call stack size exceeded"
                || e.message == "Unexpected end of input",
            "{}: {}",
            &src[..20],
            e.message
        );
    }
}

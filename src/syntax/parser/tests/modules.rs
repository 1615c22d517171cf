//! Import and export declarations, `import()`, `import.meta`, top-level await.

use super::*;
use crate::syntax::ast::{ExportKind, ExprKind, ModuleExportName, ModuleItem, StmtKind};

fn import_of(src: &str) -> crate::syntax::ast::ImportDecl {
    match ok(src).body.into_iter().next() {
        Some(ModuleItem::Import(d)) => d,
        other => panic!("expected an import, got {other:?}"),
    }
}

/// The last export of a module.
fn export_of(src: &str) -> ExportKind {
    match ok(src).body.into_iter().next_back() {
        Some(ModuleItem::Export(d)) => d.kind,
        other => panic!("expected an export, got {other:?}"),
    }
}

#[test]
fn import_forms() {
    let d = import_of("import a from 'm';");
    assert_eq!(&*d.default.unwrap().name, "a");
    let d = import_of("import * as ns from 'm'");
    assert_eq!(&*d.namespace.unwrap().name, "ns");
    let d = import_of("import {a, b as c, default as d, if as e,} from 'm'");
    let named = d.named.unwrap();
    assert_eq!(named.len(), 4);
    assert_eq!(&*named[1].local.name, "c");
    let d = import_of("import {'a-b' as x} from 'm'");
    assert!(matches!(
        d.named.unwrap()[0].imported,
        Some(ModuleExportName::Str(_))
    ));
    let d = import_of("import 'side-effect'");
    assert!(d.default.is_none() && d.namespace.is_none() && d.named.is_none());
    let d = import_of("import {} from 'm'");
    assert_eq!(d.named.map(|v| v.len()), Some(0));
    let d = import_of("import x, * as y from 'm'");
    assert!(d.default.is_some() && d.namespace.is_some());
    let d = import_of("import x, {y} from 'm'");
    assert!(d.default.is_some() && d.named.is_some());
    let d = import_of("import json from './x.json' with { type: 'json' };");
    assert_eq!(d.attributes.len(), 1);
    let d = import_of("import './x.json' with { 'type': 'json', }");
    assert_eq!(d.attributes.len(), 1);
    ok("import {as, from, of, get, set, async, meta, target} from 'm'");
    ok("import {as as as} from 'm'");
}

#[test]
fn import_errors() {
    err("import { \"a\" } from \"x\";", "Unexpected reserved word");
    err("import {if} from \"x\"", "Unexpected reserved word");
    err("import {a as} from \"x\"", "Unexpected token '}'");
    err("import * from \"x\"", "Unexpected identifier 'from'");
    err("import x from", "Unexpected end of input");
    err("import {a as if} from 'x'", "Unexpected reserved word");
    err("{ import a from 'x' }", "Unexpected identifier 'a'");
    err(
        "function f() { import a from 'x' }",
        "Unexpected identifier 'a'",
    );
}

#[test]
fn export_forms() {
    assert!(matches!(
        export_of("export var a = 1, b;"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export let [a] = b;"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export const a = 1"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export function f() {}"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export async function f() {}"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export function* g() {}"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export async function* g() {}"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export class C {}"),
        ExportKind::Decl(_)
    ));
    assert!(matches!(
        export_of("export default function () {}"),
        ExportKind::DefaultFunction(_)
    ));
    assert!(matches!(
        export_of("export default function f() {}"),
        ExportKind::DefaultFunction(_)
    ));
    assert!(matches!(
        export_of("export default async function () {}"),
        ExportKind::DefaultFunction(_)
    ));
    assert!(matches!(
        export_of("export default function* () {}"),
        ExportKind::DefaultFunction(_)
    ));
    assert!(matches!(
        export_of("export default class {}"),
        ExportKind::DefaultClass(_)
    ));
    assert!(matches!(
        export_of("export default class C extends D {}"),
        ExportKind::DefaultClass(_)
    ));
    assert!(matches!(
        export_of("export default 1 + 2;"),
        ExportKind::DefaultExpr(_)
    ));
    assert!(matches!(
        export_of("export default {a: 1}"),
        ExportKind::DefaultExpr(_)
    ));
    assert!(matches!(
        export_of("export default (function () {})"),
        ExportKind::DefaultExpr(_)
    ));
    assert!(matches!(
        export_of("export default async (x) => x"),
        ExportKind::DefaultExpr(_)
    ));
    assert!(matches!(
        export_of("export default async"),
        ExportKind::DefaultExpr(_)
    ));
    match export_of("let a, c, d, e; export { a as b, c, d as default, e as 'str' }") {
        ExportKind::Named {
            specifiers,
            source: None,
            ..
        } => assert_eq!(specifiers.len(), 4),
        other => panic!("{other:?}"),
    }
    match export_of("export * from 'm' with { type: 'json' }") {
        ExportKind::All {
            exported: None,
            attributes,
            ..
        } => assert_eq!(attributes.len(), 1),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        export_of("export * as ns from 'm'"),
        ExportKind::All {
            exported: Some(_),
            ..
        }
    ));
    assert!(matches!(
        export_of("export * as 'a-b' from 'm'"),
        ExportKind::All {
            exported: Some(_),
            ..
        }
    ));
    assert!(matches!(
        export_of("export { 'a' as b, if } from 'm'"),
        ExportKind::Named {
            source: Some(_),
            ..
        }
    ));
    assert!(matches!(
        export_of("export {default} from 'x'"),
        ExportKind::Named {
            source: Some(_),
            ..
        }
    ));
    assert!(matches!(export_of("export {}"), ExportKind::Named { .. }));
}

#[test]
fn export_errors() {
    err("export const = 1;", "Unexpected token '='");
    err("export { if };", "Unexpected reserved word");
    err(
        "export { 'a' };",
        "String literal module export names must be followed by a 'from' clause",
    );
    err("export var;", "Unexpected token ';'");
    err(
        "export function(){}",
        "Function statements require a function name",
    );
    err("export class {}", "Unexpected token '{'");
    err(
        "export default let x = 1",
        "Unexpected strict mode reserved word",
    );
    err("export {a as b c}", "Unexpected identifier 'c'");
    err("export * as from 'x'", "Unexpected string");
    err("if (1) export var a;", "Unexpected token 'export'");
    err(
        "function f() { export var a; }",
        "Unexpected token 'export'",
    );
}

#[test]
fn dynamic_import_and_meta() {
    let m =
        ok("import('x'); import('x',); import('x', { with: { type: 'json' } },); import.meta.url;");
    let calls = m
        .body
        .iter()
        .filter(|i| matches!(i, ModuleItem::Stmt(s) if matches!(&s.kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::ImportCall { .. }))))
        .count();
    assert_eq!(calls, 3);
    ok("x = await import('x')");
    ok("import('x').then(f)");
    err("import('x',,)", "Unexpected token ','");
    err("import()", "import() requires a specifier");
    err("new import('x')", "Cannot use new with import");
    script_err("import.meta", "Cannot use 'import.meta' outside a module");
    script_err(
        "import a from 'x'",
        "Cannot use import statement outside a module",
    );
    script_err("export var a;", "Unexpected token 'export'");
    assert!(parse_script("import('x')").is_ok());
}

#[test]
fn top_level_await() {
    ok("await 1;");
    ok("await x; for await (const y of z) {}");
    ok("const m = await import('x');");
    err("await;", "Unexpected token ';'");
    err("function f() { await 1 }", "Unexpected reserved word");
    err(
        "function f() { for await (x of y); }",
        "Unexpected reserved word",
    );
    err("() => await 1", "Unexpected reserved word");
    err("var await = 1;", "Unexpected reserved word");
    script_err(
        "await 1",
        "await is only valid in async functions and the top level bodies of modules",
    );
    ok("async function f() { await 1; for await (x of y); }");
    ok("async () => await 1");
    err(
        "async function f(a = await 1) {}",
        "Illegal await-expression in formal parameters of async function",
    );
    err("class A { x = await 1 }", "Unexpected reserved word");
}

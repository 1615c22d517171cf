//! Round trips (parse → encode → decode gives the same tree, scope
//! analysis included) and rejection of data that does not match.

use std::rc::Rc;

use super::serde_with::MAX_DECODE_NESTING;
use super::*;
use crate::syntax::ast::{Module, Script, StmtKind};
use crate::syntax::{parse_module, parse_script};

/// The whole tree as `Debug` prints it: every node, span, binding and
/// scope record (the evaluator's caches are empty in both).
fn tree<T: std::fmt::Debug>(t: &T) -> String {
    format!("{t:?}")
}

fn assert_script_round_trip(source: &str) {
    let script = parse_script(source).expect("parses");
    let bytes = encode(CodeKind::Script, source, &script);
    let back: Script = decode(CodeKind::Script, source, &bytes).expect("accepted");
    assert_eq!(tree(&script), tree(&back), "{source}");
    // The sharing is rebuilt: encoding the decoded tree gives the same bytes.
    assert_eq!(bytes, encode(CodeKind::Script, source, &back));
}

fn assert_module_round_trip(source: &str) {
    let module = parse_module(source).expect("parses");
    let bytes = encode(CodeKind::Module, source, &(&module, true));
    let (back, has_tla): (Module, bool) =
        decode(CodeKind::Module, source, &bytes).expect("accepted");
    assert!(has_tla);
    assert_eq!(tree(&module), tree(&back), "{source}");
    assert_eq!(bytes, encode(CodeKind::Module, source, &(&back, true)));
}

const SCRIPTS: &[&str] = &[
    "var a = 1; let b = a + 2; const c = `x${b}y`; function f(p, q = 1, ...r) { return p + q + r.length; }",
    "function outer() { function inner() { function innermost() { return arguments; } return innermost; } return inner; } outer()()();",
    "{ function blockFn() {} } if (true) function g() {} with ({}) { x = 1; } eval('1');",
    "class A extends Object { #p = 1; static s = 2; static { this.t = 3; } constructor() { super(); } get p() { return this.#p; } m() { return super.toString(); } accessor z = 4; }",
    "label: for (let i = 0; i < 3; i++) { for (const k in {}) continue label; for (var v of []) break; } try { throw 1 } catch ({ e = 2 }) {} finally {}",
    "var { a, b: [c, , ...d], ...e } = {}; [a, b] = [b, a]; a ??= b?.c?.(d) ?? /re+/giu; tag`a${1}\\u{41}`; 10n ** 2n;",
    "async function* ag() { for await (const x of ag()) yield* x; await 1; } (async () => { await import('./x.mjs'); })();",
    "switch (1) { case 1: let q = 2; function sw() { return q; } default: }",
    "'use strict'; var o = { __proto__: null, 'k': 1, [Symbol.iterator]: 2, get g() { return 1; }, set g(v) {}, m() {} };",
];

const MODULES: &[&str] = &[
    "import d, { a as b, 'str' as c } from './x.mjs'; import * as ns from './y.mjs' with { type: 'json' }; export { b as default2, c }; export * from './z.mjs'; export * as w from './w.mjs'; await ns;",
    "export default function () { return this; } export class K {} export const k = () => import.meta;",
    "export let x = 1; function h() { x++; function n() { return x; } return n; } export { h };",
];

#[test]
fn scripts_round_trip() {
    for source in SCRIPTS {
        assert_script_round_trip(source);
    }
}

#[test]
fn modules_round_trip() {
    for source in MODULES {
        assert_module_round_trip(source);
    }
}

#[test]
fn a_hoisted_function_is_the_tree_s_function() {
    let source = "function f() { function g() {} } f();";
    let script = parse_script(source).expect("parses");
    let bytes = encode(CodeKind::Script, source, &script);
    let back: Script = decode(CodeKind::Script, source, &bytes).expect("accepted");
    let scope = back.scope.get().expect("analysed");
    let StmtKind::Function(f) = &back.body[0].kind else {
        panic!("a declaration")
    };
    assert!(Rc::ptr_eq(f, &scope.functions[0]));
    let inner = f.scope.get().expect("analysed");
    let crate::syntax::ast::FunctionBody::Block(body) = &f.body else {
        panic!("a block body")
    };
    let StmtKind::Function(g) = &body[0].kind else {
        panic!("a declaration")
    };
    assert!(Rc::ptr_eq(g, &inner.hoisted_functions[0].function));
}

#[test]
fn data_for_something_else_is_rejected() {
    let source = "var a = 1;";
    let bytes = encode(
        CodeKind::Script,
        source,
        &parse_script(source).expect("parses"),
    );
    let reject = |kind, source: &str, bytes: &[u8]| decode::<Script>(kind, source, bytes).err();
    assert_eq!(
        reject(CodeKind::Script, "var a = 2;", &bytes),
        Some(Rejection::OtherSource)
    );
    assert_eq!(
        reject(CodeKind::Module, source, &bytes),
        Some(Rejection::OtherKind)
    );
    assert_eq!(
        reject(CodeKind::Script, source, b"x"),
        Some(Rejection::NotCodeCache)
    );
    assert_eq!(
        reject(CodeKind::Script, source, b""),
        Some(Rejection::NotCodeCache)
    );
    let mut other_version = bytes.clone();
    other_version[12] ^= 1;
    assert_eq!(
        reject(CodeKind::Script, source, &other_version),
        Some(Rejection::OtherVersion)
    );
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    assert_eq!(
        reject(CodeKind::Script, source, &flipped),
        Some(Rejection::Corrupt)
    );
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        reject(CodeKind::Script, source, &longer),
        Some(Rejection::Truncated)
    );
}

#[test]
fn every_truncation_is_rejected() {
    let source = SCRIPTS[3];
    let bytes = encode(
        CodeKind::Script,
        source,
        &parse_script(source).expect("parses"),
    );
    for len in 0..bytes.len() {
        assert!(decode::<Script>(CodeKind::Script, source, &bytes[..len]).is_err());
    }
}

/// The header of a payload that passes every check but the decoding.
fn framed(source: &str, payload: &[u8]) -> Vec<u8> {
    format::frame(CodeKind::Script, source, payload)
}

#[test]
fn garbage_payloads_are_rejected_without_panicking() {
    let source = SCRIPTS[1];
    let script = parse_script(source).expect("parses");
    let payload = {
        let _session = serde_with::EncodeSession::start();
        postcard::to_allocvec(&script).expect("encodes")
    };
    // Every byte changed in turn, and a cheap pseudo-random stream of edits.
    for i in 0..payload.len() {
        for delta in [1u8, 0x80, 0xff] {
            let mut p = payload.clone();
            p[i] = p[i].wrapping_add(delta);
            let _ = decode::<Script>(CodeKind::Script, source, &framed(source, &p));
        }
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..2000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 200) as usize;
        let p: Vec<u8> = (0..len).map(|k| (seed >> (k % 56)) as u8).collect();
        let _ = decode::<Script>(CodeKind::Script, source, &framed(source, &p));
    }
    // A length prefix far beyond the bytes there are.
    let huge = [0x01, 0xff, 0xff, 0xff, 0xff, 0x0f];
    assert!(decode::<Script>(CodeKind::Script, source, &framed(source, &huge)).is_err());
}

/// A script `- - … - 1` nesting `n` unary expressions, built directly
/// (the parser refuses such depth), encoded as the cache would be.
fn nested_unary_payload(n: usize) -> Vec<u8> {
    use crate::syntax::ast::{Expr, ExprKind, Literal, Stmt, UnaryOp};
    use crate::syntax::span::Span;
    let mut expr = Expr::new(ExprKind::Lit(Literal::Num(1.0)), Span::new(0, 1));
    for _ in 0..n {
        expr = Expr {
            kind: ExprKind::Unary {
                op: UnaryOp::Minus,
                arg: Box::new(expr),
            },
            span: Span::new(0, 1),
            depth: 1,
        };
    }
    let mut script = parse_script("0").expect("parses");
    script.body = vec![Stmt::new(StmtKind::Expr(expr), Span::new(0, 1))];
    let _session = serde_with::EncodeSession::start();
    let payload = postcard::to_allocvec(&script).expect("encodes");
    // Dropped here, on the large stack: the tree is deeper than `Drop` of a
    // parsed tree ever recurses.
    drop(script);
    payload
}

#[test]
fn nesting_past_the_limit_is_rejected() {
    // Decoding recursion at the limit needs a large stack, as parsing does.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            // The statement and the literal are one level each.
            let limit = MAX_DECODE_NESTING as usize - 2;
            let decodes = |n: usize| {
                let payload = nested_unary_payload(n);
                decode::<Script>(CodeKind::Script, "-1", &framed("-1", &payload)).is_ok()
            };
            assert!(decodes(limit));
            assert!(!decodes(limit + 1));
            assert!(!decodes(MAX_DECODE_NESTING as usize * 4));
        })
        .expect("spawn");
    worker.join().expect("no panic");
}

/// Every test262 language test that parses, as a script or a module
/// (as its flags say), round-trips. Skipped without `../shared/test262`
/// unless `CI=true`.
#[test]
fn test262_language_round_trips() {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/test262/test/language");
    if !root.is_dir() {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but {} is missing",
            root.display()
        );
        eprintln!("skipped: no {}", root.display());
        return;
    }
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut files = Vec::new();
            let mut dirs = vec![root];
            while let Some(dir) = dirs.pop() {
                for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        dirs.push(path);
                    } else if path.extension().is_some_and(|e| e == "js") {
                        files.push(path);
                    }
                }
            }
            let mut checked = 0;
            for path in files {
                let Ok(source) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if source.contains("flags: [module]") || source.contains("flags: [module,") {
                    if parse_module(&source).is_ok() {
                        assert_module_round_trip(&source);
                        checked += 1;
                    }
                } else if parse_script(&source).is_ok() {
                    assert_script_round_trip(&source);
                    checked += 1;
                }
            }
            assert!(checked > 10_000, "only {checked} tests parsed");
        })
        .expect("spawn");
    worker.join().expect("no panic");
}

#[test]
fn a_tree_without_its_scope_records_is_rejected() {
    let source = "{ let a = 1; } function f() {}";
    let mut script = parse_script(source).expect("parses");
    let bytes = encode(CodeKind::Script, source, &script);
    assert!(decode::<Script>(CodeKind::Script, source, &bytes).is_ok());
    // The script's own record.
    script.scope = Default::default();
    let bytes = encode(CodeKind::Script, source, &script);
    assert!(decode::<Script>(CodeKind::Script, source, &bytes).is_err());
    // A block's record.
    let mut script = parse_script(source).expect("parses");
    script.body[0].scope = Default::default();
    let bytes = encode(CodeKind::Script, source, &script);
    assert!(decode::<Script>(CodeKind::Script, source, &bytes).is_err());
}

/// Parse against load-from-cache time for a large script (run on demand:
/// `cargo test --release --lib cache::tests::measure -- --ignored --nocapture`,
/// with `VMJS_MEASURE_SCRIPT=path`, default Octane's typescript.js).
#[test]
#[ignore]
fn measure_parse_against_load() {
    let path = std::env::var("VMJS_MEASURE_SCRIPT").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/bench/octane/typescript.js"
        )
        .into()
    });
    let source = std::fs::read_to_string(&path).expect("readable");
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let median = |mut v: Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let time = |f: &mut dyn FnMut()| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            };
            let script = parse_script(&source).expect("parses");
            let bytes = encode(CodeKind::Script, &source, &script);
            let mut parse = Vec::new();
            let mut encode_ms = Vec::new();
            let mut load = Vec::new();
            let mut drop_ms = Vec::new();
            for _ in 0..7 {
                parse.push(time(&mut || drop(parse_script(&source).expect("parses"))));
                encode_ms.push(time(&mut || drop(encode(CodeKind::Script, &source, &script))));
                let mut decoded = None;
                load.push(time(&mut || {
                    decoded = Some(decode::<Script>(CodeKind::Script, &source, &bytes).expect("ok"))
                }));
                drop_ms.push(time(&mut || drop(decoded.take())));
            }
            println!(
                "{path}: {} bytes of source, {} bytes of cached data; parse {:.1} ms (including \
                 dropping the tree), encode {:.1} ms, load {:.1} ms, dropping a loaded tree {:.1} ms",
                source.len(),
                bytes.len(),
                median(parse),
                median(encode_ms),
                median(load),
                median(drop_ms)
            );
        })
        .expect("spawn");
    worker.join().expect("no panic");
}

//! One formatter for uncaught values: `vmjs run` prints on stderr exactly
//! what the Rust API's `Error::Exception` describes, and both are Node's
//! text. Expected values were recorded with Node v20 (`node FILE.mjs`; Node
//! prints a source line and caret above the value, `Node.js v20…` below it
//! and, for a primitive, a `--trace-uncaught` hint: those are not compared).

mod common;

use vmjs::embed::{Error, ModuleOptions, Runtime, SourceTextModule};

/// (file name, module source, what Node prints for the uncaught value).
const CASES: &[(&str, &str, &str)] = &[
    ("plain.mjs", "throw { a: 1, b: 'x' };\n", "{ a: 1, b: 'x' }"),
    (
        "instance.mjs",
        "class Point { constructor() { this.x = 1; this.tags = ['a', 'b']; } }\n\
         throw new Point();\n",
        "Point { x: 1, tags: [ 'a', 'b' ] }",
    ),
    (
        "null-proto.mjs",
        "throw Object.assign(Object.create(null), { k: 1, nested: { deep: [1, 'two'] } });\n",
        "[Object: null prototype] { k: 1, nested: { deep: [ 1, 'two' ] } }",
    ),
    (
        "array.mjs",
        "throw [1, 'two', { three: 3 }];\n",
        "[ 1, 'two', { three: 3 } ]",
    ),
    (
        "timer.mjs",
        "setTimeout(() => { throw { when: 'timer', n: [1, 2] }; }, 1);\n",
        "{ when: 'timer', n: [ 1, 2 ] }",
    ),
    ("number.mjs", "throw 42;\n", "42"),
];

/// `vmjs run FILE` on `source`: (exit status, stderr without its final newline).
fn cli(name: &str, source: &str) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!("vmjs-uncaught-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(name), source).expect("write");
    let out = common::run_case::run_vmjs(&dir, name);
    let _ = std::fs::remove_file(dir.join(name));
    (out.status, out.stderr.trim_end().to_string())
}

/// The Rust API: the module evaluated (jobs and timers included); the
/// description of the exception it ends with.
fn rust_api(source: &str) -> String {
    let mut rt = Runtime::new();
    let m = SourceTextModule::new(&mut rt, source, ModuleOptions::default()).expect("parses");
    m.link(&mut rt, |_, s, _, _| panic!("no import expected, got {s}"))
        .expect("links");
    match m.evaluate(&mut rt) {
        Err(Error::Exception { description, .. }) => description,
        other => panic!("expected an exception, got {other:?}"),
    }
}

#[test]
fn cli_and_rust_api_print_uncaught_non_errors_as_node_does() {
    for (name, source, node) in CASES {
        let (status, stderr) = cli(name, source);
        assert_eq!(status, Some(1), "{name}");
        assert_eq!(stderr, *node, "vmjs run {name}");
        assert_eq!(rust_api(source), *node, "Rust API, {name}");
    }
}

#[test]
fn a_call_through_the_rust_api_describes_the_throw_as_the_cli_prints_it() {
    let fail = "export function fail() { throw { a: 1, nested: { b: [true, null] } }; }\n";
    let node = "{ a: 1, nested: { b: [ true, null ] } }";

    let (status, stderr) = cli("call.mjs", &format!("{fail}fail();\n"));
    assert_eq!(status, Some(1));
    assert_eq!(stderr, node);

    let mut rt = Runtime::new();
    let m = SourceTextModule::new(&mut rt, fail, ModuleOptions::default()).expect("parses");
    m.link(&mut rt, |_, s, _, _| panic!("no import expected, got {s}"))
        .expect("links");
    m.evaluate(&mut rt).expect("evaluates");
    let ns = m.namespace(&mut rt).expect("namespace");
    match ns.call(&mut rt, "fail", &[]) {
        Err(e @ Error::Exception { .. }) => assert_eq!(e.to_string(), node),
        other => panic!("expected an exception, got {other:?}"),
    }
}

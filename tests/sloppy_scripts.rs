//! Non-strict scripts through `vmjs run --script`: each `tests/sloppy/NAME.js`
//! runs as a classic script and must print exactly `NAME.out`. The outputs
//! were recorded from Node v20 by `tests/sloppy/record.sh`, which runs each
//! file with `vm.runInThisContext` (script semantics: global `var`s and
//! top-level `this`, not the CommonJS wrapper of `node FILE.js`).

use std::path::Path;
use std::process::Command;

fn run_case(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sloppy");
    let script = dir.join(format!("{name}.js"));
    let expected =
        std::fs::read_to_string(dir.join(format!("{name}.out"))).expect("recorded output");
    let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .args(["run", "--script"])
        .arg(&script)
        .output()
        .expect("vmjs runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{name}: exit {:?}\n{stderr}",
        out.status.code()
    );
    assert_eq!(
        stdout, expected,
        "{name}: output differs from Node's\n{stderr}"
    );
}

#[test]
fn assignments_to_undeclared_names_create_global_properties() {
    run_case("implicit_globals");
}

#[test]
fn sloppy_functions_coerce_this() {
    run_case("this_binding");
}

#[test]
fn failed_writes_are_silent_in_sloppy_code() {
    run_case("silent_failures");
}

#[test]
fn delete_of_identifiers() {
    run_case("delete_identifiers");
}

#[test]
fn legacy_syntax_is_allowed_only_in_sloppy_code() {
    run_case("legacy_syntax");
}

#[test]
fn directives_decide_strictness() {
    run_case("strictness");
}

#[test]
fn direct_and_indirect_eval() {
    run_case("eval_direct");
}

#[test]
fn with_statements() {
    run_case("with_statement");
}

#[test]
fn mapped_and_unmapped_arguments_objects() {
    run_case("arguments_objects");
}

#[test]
fn block_level_function_declarations() {
    run_case("block_functions");
}

#[test]
fn where_function_declarations_may_stand() {
    run_case("function_statements");
}

#[test]
fn strict_mode_reserved_words_are_identifiers_in_sloppy_code() {
    run_case("reserved_words");
}

/// `with` is a SyntaxError in strict code, with V8's message.
#[test]
fn with_statements_are_syntax_errors_in_strict_code() {
    let dir = std::env::temp_dir().join(format!("vmjs-sloppy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, source, message) in [
        (
            "with_strict.js",
            "'use strict';\nwith (o) { x; }\n",
            "Strict mode code may not include a with statement",
        ),
        (
            "with_strict_function.js",
            "function f() { 'use strict'; with (o) x; }\n",
            "Strict mode code may not include a with statement",
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, source).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
            .args(["run", "--script"])
            .arg(&file)
            .output()
            .expect("vmjs runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            stderr.contains(&format!("SyntaxError: {message}")),
            "{name}: {stderr}"
        );
        let _ = std::fs::remove_file(&file);
    }
}

#[test]
fn global_reads_follow_changes_of_the_global_object() {
    run_case("global_read_cache");
}

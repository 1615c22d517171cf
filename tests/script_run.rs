//! Scripts (ScriptEvaluation, GlobalDeclarationInstantiation, the global
//! environment record) through the library and through `vmjs run --script`.
//! Expected values are Node's: multi-script cases were run with
//! `vm.runInThisContext('"use strict"; ...')` one script after another in
//! one context, the import() case with `node main.js` on the same files.

use std::path::{Path, PathBuf};
use std::process::Command;

use vmjs::interp::agent::Agent;
use vmjs::interp::run_source::RunError;

/// Runs each source as a script in one agent; returns what the scripts
/// printed and, per script, its uncaught error's first line (None: ran).
fn run_scripts(sources: &[&str]) -> (String, Vec<Option<String>>) {
    let mut agent = Agent::new();
    let out = agent.capture_stdout();
    let mut errors = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let result = agent.run_script_source(&format!("script{i}.js"), source);
        errors.push(result.err().map(|e| match e {
            RunError::Syntax(m) => format!("SyntaxError: {m}"),
            RunError::Uncaught(m) => m.lines().next().unwrap_or("").to_string(),
        }));
    }
    (out.text(), errors)
}

#[test]
fn var_and_function_declarations_are_global_object_properties() {
    let (out, errors) = run_scripts(&["var gv = 1; function gf() { return gv; } \
         console.log(JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'gv')), \
           typeof globalThis.gf, Object.getOwnPropertyDescriptor(globalThis, 'gf').configurable); \
         globalThis.gv = 2; console.log(gv, gf());"]);
    assert_eq!(errors, [None]);
    assert_eq!(
        out,
        "{\"value\":1,\"writable\":true,\"enumerable\":true,\"configurable\":false} function false\n2 2\n"
    );
}

#[test]
fn lexical_declarations_live_in_the_global_declarative_record() {
    let (out, errors) = run_scripts(&[
        "let l1 = 'a'; const c1 = 'b'; class K1 {} \
         console.log('l1' in globalThis, 'c1' in globalThis, 'K1' in globalThis);",
        "console.log(l1, c1, typeof K1); l1 = 'changed';",
        "console.log(l1);",
        "c1 = 1;",
        "globalThis.l2 = 'prop'; let l2 = 'lex'; console.log(l2, globalThis.l2);",
    ]);
    assert_eq!(
        errors,
        [
            None,
            None,
            None,
            Some("TypeError: Assignment to constant variable.".into()),
            None
        ]
    );
    assert_eq!(out, "false false false\na b function\nchanged\nlex prop\n");
}

#[test]
fn redeclaring_a_global_is_a_syntax_error() {
    let (_, errors) = run_scripts(&[
        "let l1 = 1; var gv;",
        "let l1 = 2;",
        "var l1;",
        "function l1() {}",
        "let gv;",
        "let NaN;",
        "console.log('still running');",
    ]);
    let declared = |name: &str| {
        Some(format!(
            "SyntaxError: Identifier '{name}' has already been declared"
        ))
    };
    assert_eq!(
        errors,
        [
            None,
            declared("l1"),
            declared("l1"),
            declared("l1"),
            declared("gv"),
            declared("NaN"),
            None
        ]
    );
}

#[test]
fn a_failed_declaration_instantiation_declares_nothing() {
    // GlobalDeclarationInstantiation checks every name before creating any.
    let (out, errors) = run_scripts(&[
        "let taken = 1;",
        "var fresh = 1; let taken = 2;",
        "console.log(typeof fresh, 'fresh' in globalThis);",
    ]);
    assert_eq!(
        errors[1].as_deref(),
        Some("SyntaxError: Identifier 'taken' has already been declared")
    );
    assert_eq!(out, "undefined false\n");
}

#[test]
fn global_lexicals_have_a_temporal_dead_zone() {
    let (_, errors) = run_scripts(&["typeof tdz; let tdz = 1;", "tdz;"]);
    assert_eq!(
        errors[0].as_deref(),
        Some("ReferenceError: Cannot access 'tdz' before initialization")
    );
    // Node says "tdz is not defined" here; the spec leaves the binding in
    // its TDZ for good. Both are ReferenceErrors.
    assert!(errors[1]
        .as_deref()
        .is_some_and(|e| e.starts_with("ReferenceError")));
}

#[test]
fn top_level_this_is_the_global_object() {
    let (out, errors) = run_scripts(&[
        "'use strict'; console.log(this === globalThis, (() => this)() === globalThis, (function () { return this; })());",
    ]);
    assert_eq!(errors, [None]);
    assert_eq!(out, "true true undefined\n");
}

#[test]
fn modules_see_the_scripts_global_declarations() {
    let mut agent = Agent::new();
    let out = agent.capture_stdout();
    agent
        .run_script_source(
            "script.js",
            "let sx = 5; var sv = 6; function sf() { return sx + sv; }",
        )
        .expect("the script runs");
    agent
        .run_module_source(
            "module.mjs",
            "console.log(sx, sv, sf(), typeof globalThis.sx); sx = 7;",
        )
        .expect("the module runs");
    agent
        .run_script_source("after.js", "console.log(sx);")
        .expect("the script runs");
    assert_eq!(out.text(), "5 6 11 undefined\n7\n");
}

/// A fresh directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vmjs-script-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir is writable");
    dir
}

fn vmjs_run(cwd: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .arg("run")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the vmjs binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn import_from_a_script_resolves_against_the_script_file() {
    let dir = temp_dir("import");
    std::fs::write(
        dir.join("sub/main.js"),
        "'use strict';\nglobalThis.answer = 41;\n\
         import('./dep.mjs').then(ns => {\n\
           console.log(ns.value, ns.seen);\n\
           setTimeout(() => console.log('timer'), 1);\n\
         });\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/dep.mjs"),
        "export const value = 'dep';\nexport const seen = answer + 1;\n",
    )
    .unwrap();
    // Run from the parent directory: `./dep.mjs` is next to the script.
    let (status, stdout, stderr) = vmjs_run(&dir, &["--script", "sub/main.js"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(status, Some(0), "stderr: {stderr}");
    assert_eq!(stdout, "dep 42\ntimer\n");
}

#[test]
fn script_errors_exit_with_status_1() {
    let dir = temp_dir("errors");
    std::fs::write(dir.join("syntax.js"), "let a = 1;\nlet a = 2;\n").unwrap();
    std::fs::write(dir.join("meta.js"), "import.meta;\n").unwrap();
    std::fs::write(dir.join("throws.js"), "throw new RangeError('boom');\n").unwrap();
    let (syntax, _, syntax_err) = vmjs_run(&dir, &["--script", "syntax.js"]);
    let (meta, _, meta_err) = vmjs_run(&dir, &["--script", "meta.js"]);
    let (throws, _, throws_err) = vmjs_run(&dir, &["--script", "throws.js"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(syntax, Some(1));
    assert!(syntax_err.contains("syntax.js:2:"), "{syntax_err}");
    assert!(syntax_err.contains("SyntaxError: Identifier 'a' has already been declared"));
    assert_eq!(meta, Some(1));
    assert!(meta_err.contains("SyntaxError"), "{meta_err}");
    assert_eq!(throws, Some(1));
    assert!(throws_err.starts_with("RangeError: boom"), "{throws_err}");
}

#[test]
fn a_later_lexical_declaration_shadows_a_global_property_read_before() {
    // readZ's reference to z first finds the global object's property; a
    // later script's `let z` must be found from then on.
    let (out, errors) = run_scripts(&[
        "globalThis.z = 'property'; function readZ() { return z; } console.log(readZ(), readZ());",
        "let z = 'lexical'; console.log(readZ());",
        "z = 'changed'; console.log(readZ(), globalThis.z);",
    ]);
    assert_eq!(errors, [None, None, None]);
    assert_eq!(out, "property property\nlexical\nchanged property\n");
}

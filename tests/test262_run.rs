//! Runs test262's module tests (`flags: [module]`) from the module-related
//! directories of `../shared/test262` with `vmjs run`, following the
//! frontmatter rules of its INTERPRETING.md:
//!
//! - the harness (`assert.js`, `sta.js`, the listed `includes`, and
//!   `doneprintHandle.js` for `flags: [async]`) runs first as a prelude whose
//!   declarations become globals (`vmjs run --prelude`); `raw` tests get none;
//! - a test passes when `vmjs run` exits 0 (async tests: when it prints
//!   `Test262:AsyncTestComplete`); a `negative` test passes when the run
//!   fails with its error type on stderr (parse, resolution and runtime
//!   errors all end the run with status 1);
//! - tests of proposals that are not ECMAScript 2025, and script tests, are
//!   skipped (vmjs runs modules).
//!
//! Failures are compared with `tests/known-failures/test262-run.txt`.
//! `cargo test --release --test test262_run -- --nocapture` shows the counts.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::known_failures::{check_against_list, Failure};
use common::shared_data::locate_shared;
use common::walk::{files_under, relative_name};

const RUNNER: &str = "test262 run";

const TEST_DIRECTORIES: &[&str] = &[
    "module-code",
    "import",
    "export",
    "expressions/dynamic-import",
    "expressions/import.meta",
];

/// Proposals that are not ECMAScript 2025 (as in tests/test262_parse.rs).
const NON_ES2025_FEATURES: &[&str] = &[
    "source-phase-imports",
    "source-phase-imports-module-source",
    "import-defer",
    "import-text",
    "import-bytes",
    "immutable-arraybuffer",
    "nonextensible-applies-to-private",
    "decorators",
    "explicit-resource-management",
];

const LIST_HEADER: &str = "\
# test262 module tests that `vmjs run` does not pass yet (tests/test262_run.rs).
# One test path (relative to test/language) per line, then ` # reason`. The run
# fails on a failure missing here and on a listed test that passes.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_run";

const TIMEOUT: Duration = Duration::from_secs(10);

enum Outcome {
    Pass,
    Fail(String),
}

/// Runs one test file and judges it by its frontmatter.
fn run_test(harness: &Path, host_shim: &Path, test: &Path, fm: &Frontmatter) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vmjs"));
    command.arg("run");
    if !fm.has_flag("raw") {
        command.arg("--prelude").arg(host_shim);
        let mut includes = vec!["assert.js".to_string(), "sta.js".to_string()];
        if fm.has_flag("async") {
            includes.push("doneprintHandle.js".to_string());
        }
        includes.extend(fm.includes.iter().cloned());
        for include in includes {
            command.arg("--prelude").arg(harness.join(include));
        }
    }
    command
        .arg(test)
        .current_dir(test.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let Ok(mut child) = command.spawn() else {
        return Outcome::Fail("could not start vmjs".into());
    };
    let out = child
        .stdout
        .take()
        .map(|s| std::thread::spawn(move || std::io::read_to_string(s).unwrap_or_default()));
    let err = child
        .stderr
        .take()
        .map(|s| std::thread::spawn(move || std::io::read_to_string(s).unwrap_or_default()));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let stdout = out.and_then(|h| h.join().ok()).unwrap_or_default();
    let stderr = err.and_then(|h| h.join().ok()).unwrap_or_default();
    let first_error: String = stderr
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(120)
        .collect();
    let Some(code) = status else {
        return Outcome::Fail("timed out or crashed".into());
    };
    if let Some(negative) = &fm.negative {
        let expected = &negative.error_type;
        return if code == 1 && stderr.lines().any(|l| l.contains(expected.as_str())) {
            Outcome::Pass
        } else if code == 0 {
            Outcome::Fail(format!(
                "expected {expected} ({} phase), ran to completion",
                negative.phase
            ))
        } else {
            Outcome::Fail(format!("expected {expected}, got: {first_error}"))
        };
    }
    if fm.has_flag("async") {
        if stdout.contains("Test262:AsyncTestComplete") {
            return Outcome::Pass;
        }
        let failure = stdout
            .lines()
            .find(|l| l.contains("Test262:AsyncTestFailure"))
            .unwrap_or("");
        return Outcome::Fail(format!(
            "async test did not complete: {failure}{first_error}"
        ));
    }
    if code == 0 {
        Outcome::Pass
    } else {
        Outcome::Fail(format!("exit {code}: {first_error}"))
    }
}

#[test]
fn test262_module_tests_run() {
    let Some(root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let language = root.join("test/language");
    let harness = root.join("harness");
    // The host functions test262 expects of a shell: `print` (doneprintHandle.js uses it).
    let host_shim =
        std::env::temp_dir().join(format!("vmjs-test262-host-{}.js", std::process::id()));
    std::fs::write(
        &host_shim,
        "var print = (...args) => console.log(...args);\n",
    )
    .expect("temp dir is writable");
    let mut tests: Vec<(PathBuf, Frontmatter)> = Vec::new();
    // (script-goal tests, proposal tests)
    let mut skipped = (0, 0);
    for dir in TEST_DIRECTORIES {
        for path in files_under(&language.join(dir)) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".js") || name.contains("_FIXTURE") {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Some(fm) = parse_frontmatter(&source) else {
                continue;
            };
            if fm
                .features
                .iter()
                .any(|f| NON_ES2025_FEATURES.contains(&f.as_str()))
            {
                skipped.1 += 1;
                continue;
            }
            if !fm.has_flag("module") {
                skipped.0 += 1;
                continue;
            }
            tests.push((path, fm));
        }
    }
    tests.sort_by(|a, b| a.0.cmp(&b.0));
    // Two workers: the machine this runs on in CI has two cores.
    let queue = Arc::new(Mutex::new(
        tests.into_iter().enumerate().collect::<Vec<_>>(),
    ));
    let results = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (queue, results, harness, host_shim) = (
                queue.clone(),
                results.clone(),
                harness.clone(),
                host_shim.clone(),
            );
            std::thread::spawn(move || loop {
                let next = queue.lock().map(|mut q| q.pop()).unwrap_or(None);
                let Some((i, (path, fm))) = next else {
                    break;
                };
                let outcome = run_test(&harness, &host_shim, &path, &fm);
                if let Ok(mut r) = results.lock() {
                    r.push((i, path, outcome));
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    let _ = std::fs::remove_file(&host_shim);
    let mut results = Arc::try_unwrap(results)
        .ok()
        .and_then(|m| m.into_inner().ok())
        .unwrap_or_default();
    results.sort_by_key(|(i, _, _)| *i);
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    let mut passed = 0;
    // (folder, passed, failed)
    let mut per_folder: Vec<(&str, usize, usize)> =
        TEST_DIRECTORIES.iter().map(|d| (*d, 0, 0)).collect();
    for (_, path, outcome) in results {
        let id = relative_name(&path, &language);
        ran.insert(id.clone());
        let folder = per_folder
            .iter_mut()
            .find(|(d, _, _)| id.starts_with(&format!("{d}/")));
        match outcome {
            Outcome::Pass => {
                passed += 1;
                if let Some(f) = folder {
                    f.1 += 1;
                }
            }
            Outcome::Fail(detail) => {
                if let Some(f) = folder {
                    f.2 += 1;
                }
                failures.push(Failure {
                    id,
                    detail,
                    panicked: false,
                });
            }
        }
    }
    for (dir, p, f) in &per_folder {
        println!("{RUNNER} [{dir}]: {p} passed, {f} failed");
    }
    println!(
        "{RUNNER}: skipped {} script-goal tests (no `module` flag) and {} proposal tests",
        skipped.0, skipped.1
    );
    println!("{RUNNER}: {passed} passed, {} failed", failures.len());
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-failures/test262-run.txt");
    check_against_list(RUNNER, &list, LIST_HEADER, &failures, &ran);
}

//! Runs test262's tests from the module-related directories of
//! `../shared/test262` with `vmjs run`, following the frontmatter rules of
//! its INTERPRETING.md:
//!
//! - module tests (`flags: [module]`) run as the entry module; the others
//!   run as strict scripts (`vmjs run --script --strict`: INTERPRETING.md's
//!   `"use strict";` variant), except tests flagged `noStrict` or `raw`,
//!   which need the non-strict run and are skipped;
//! - the harness (`assert.js`, `sta.js`, the listed `includes`, and
//!   `doneprintHandle.js` for `flags: [async]`) runs first, each file as a
//!   script (`vmjs run --prelude`); `raw` tests get none;
//! - a test passes when `vmjs run` exits 0 (async tests: when it prints
//!   `Test262:AsyncTestComplete`); a `negative` test passes when the run
//!   fails with its error type on stderr (parse, resolution and runtime
//!   errors all end the run with status 1); an unhandled rejection only
//!   warns (`--unhandled-rejections=warn`: it is not a test failure);
//! - tests of proposals that are not ECMAScript 2025 are skipped.
//!
//! Counts are printed per goal (module, script) and per folder. Failures
//! of both goals are compared with
//! `tests/scoreboard/known-failures/test262-run.txt`.
//! `cargo test --release --test test262_run -- --nocapture` shows the counts
//! (the summary line is also written to `target/tmp/scoreboard/test262_run.txt`).

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::known_failures::{check_against_list, Failure};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::shared_data::locate_shared;
use common::walk::{files_under, relative_name};

const RUNNER: &str = "test262 run";
/// The test target's name (`cargo test --test test262_run`).
const TARGET: &str = "test262_run";

const TEST_DIRECTORIES: &[&str] = &[
    "module-code",
    "import",
    "export",
    "expressions/dynamic-import",
    "expressions/import.meta",
];

/// Proposals that are not ECMAScript 2025 (as in test262_parse.rs).
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
# test262 tests that `vmjs run` does not pass yet (tests/scoreboard/test262_run.rs).
# One test path per line, relative to ../shared/test262 (so each starts with
# test/language/), then ` # reason`; a deliberate choice says `deliberate (Node):`
# and why. The run fails on a failure missing here and on a listed test that
# passes, so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_run";

const TIMEOUT: Duration = Duration::from_secs(10);

enum Outcome {
    Pass,
    Fail(String),
}

/// The goal symbol a test is parsed with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Goal {
    Module,
    Script,
}

/// Runs one test file and judges it by its frontmatter.
fn run_test(
    harness: &Path,
    host_shim: &Path,
    test: &Path,
    fm: &Frontmatter,
    goal: Goal,
) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vmjs"));
    // An unhandled rejection is not a test failure (only a thrown error,
    // or a `$DONE` with an error in async tests, is).
    command.arg("run").arg("--unhandled-rejections=warn");
    if goal == Goal::Script {
        // INTERPRETING.md's strict variant (`--strict`: as if the test
        // began with "use strict").
        command.arg("--script").arg("--strict");
    }
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
fn test262_module_and_script_tests_run() {
    forget_summary(TARGET);
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
    let mut tests: Vec<(PathBuf, Frontmatter, Goal)> = Vec::new();
    // (script-goal tests that need sloppy mode, proposal tests)
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
            let goal = if fm.has_flag("module") {
                Goal::Module
            } else if fm.has_flag("noStrict") || fm.has_flag("raw") {
                skipped.0 += 1;
                continue;
            } else {
                Goal::Script
            };
            tests.push((path, fm, goal));
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
                let Some((i, (path, fm, goal))) = next else {
                    break;
                };
                let outcome = run_test(&harness, &host_shim, &path, &fm, goal);
                if let Ok(mut r) = results.lock() {
                    r.push((i, path, goal, outcome));
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
    results.sort_by_key(|(i, _, _, _)| *i);
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    // (passed, failed) per goal, then per goal and folder.
    let mut totals = [(0, 0); 2];
    let mut per_folder = vec![[(0, 0); 2]; TEST_DIRECTORIES.len()];
    for (_, path, goal, outcome) in results {
        let id = relative_name(&path, &root);
        ran.insert(id.clone());
        let g = goal as usize;
        let folder = TEST_DIRECTORIES
            .iter()
            .position(|d| path.starts_with(language.join(d)));
        let passed = matches!(outcome, Outcome::Pass);
        let count = |c: &mut (usize, usize)| {
            if passed {
                c.0 += 1
            } else {
                c.1 += 1
            }
        };
        count(&mut totals[g]);
        if let Some(f) = folder {
            count(&mut per_folder[f][g]);
        }
        if let Outcome::Fail(detail) = outcome {
            failures.push(Failure {
                id,
                detail,
                panicked: false,
            });
        }
    }
    for (dir, counts) in TEST_DIRECTORIES.iter().zip(&per_folder) {
        let [(mp, mf), (sp, sf)] = counts;
        println!(
            "{RUNNER} [{dir}]: module goal {mp} passed, {mf} failed; script goal {sp} passed, {sf} failed"
        );
    }
    println!("{RUNNER}: skipped {} proposal tests", skipped.1);
    let [(mp, mf), (sp, sf)] = totals;
    println!("{RUNNER}: module goal: {mp} passed, {mf} failed");
    println!(
        "{RUNNER}: script goal: {sp} passed, {sf} failed, {} skipped (needs sloppy mode: noStrict or raw)",
        skipped.0
    );
    record_summary(TARGET, RUNNER, mp + sp, mf + sf, skipped.0 + skipped.1);
    let list = known_failures_list("test262-run");
    check_against_list(RUNNER, &list, LIST_HEADER, &failures, &ran);
}

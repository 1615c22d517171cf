//! Runs test262's tests from the module-related directories of
//! `../shared/test262` with `vmjs run`, following the frontmatter rules of
//! its INTERPRETING.md:
//!
//! - `vmjs run --test262-host` defines `print` and `$262`;
//! - module tests (`flags: [module]`) run as the entry module; the others
//!   run as scripts twice, non-strict (`vmjs run --script`) and strict
//!   (`--script --strict`: INTERPRETING.md's `"use strict";` variant),
//!   unless flagged `onlyStrict`, `noStrict` or `raw` (`common::test262::Variant`);
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
//! Counts are printed per variant (module, strict, non-strict) and per
//! folder. Failures (a non-strict run's id ends in ` (non-strict)`) are
//! compared with
//! `tests/scoreboard/known-failures/test262-run.txt`.
//! `cargo test --release --test test262_run -- --nocapture` shows the counts
//! (the summary line is also written to `target/tmp/scoreboard/test262_run.txt`).

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::known_failures::{check_against_list, Failure};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::shared_data::locate_shared;
use common::test262::{
    non_es2025_features, run_parallel, run_vmjs, skipped_feature, Outcome, Variant,
};
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
const LIST_HEADER: &str = "\
# test262 tests that `vmjs run` does not pass yet (tests/scoreboard/test262_run.rs).
# One test path per line, relative to ../shared/test262 (so each starts with
# test/language/), then ` # reason`; a deliberate choice says `deliberate (Node):`
# and why. The run fails on a failure missing here and on a listed test that
# passes, so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_run";

#[test]
fn test262_module_and_script_tests_run() {
    forget_summary(TARGET);
    let Some(root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let language = root.join("test/language");
    let harness = root.join("harness");
    let proposals = non_es2025_features(&root);
    let mut tests: Vec<(PathBuf, Frontmatter, Variant)> = Vec::new();
    let mut proposal_tests = 0;
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
            if skipped_feature(&fm, &proposals).is_some() {
                proposal_tests += 1;
                continue;
            }
            for variant in Variant::of(&fm) {
                tests.push((path.clone(), fm.clone(), variant));
            }
        }
    }
    tests.sort_by(|a, b| a.0.cmp(&b.0));
    let results = run_parallel(tests, move |(path, fm, variant)| {
        (
            path.clone(),
            *variant,
            run_vmjs(&harness, path, fm, *variant),
        )
    });
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    // (passed, failed) per variant, then per variant and folder.
    let mut totals = [(0, 0); 3];
    let mut per_folder = vec![[(0, 0); 3]; TEST_DIRECTORIES.len()];
    for (path, variant, outcome) in results {
        let id = variant.id(&relative_name(&path, &root));
        ran.insert(id.clone());
        let v = variant as usize;
        let folder = TEST_DIRECTORIES
            .iter()
            .position(|d| path.starts_with(language.join(d)));
        let passed = outcome.passed();
        let count = |c: &mut (usize, usize)| {
            if passed {
                c.0 += 1
            } else {
                c.1 += 1
            }
        };
        count(&mut totals[v]);
        if let Some(f) = folder {
            count(&mut per_folder[f][v]);
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
        let [(mp, mf), (sp, sf), (np, nf)] = counts;
        println!(
            "{RUNNER} [{dir}]: module {mp} passed, {mf} failed; strict {sp} passed, {sf} failed; non-strict {np} passed, {nf} failed"
        );
    }
    println!("{RUNNER}: skipped {proposal_tests} proposal tests");
    let [(mp, mf), (sp, sf), (np, nf)] = totals;
    println!("{RUNNER}: module runs: {mp} passed, {mf} failed");
    println!("{RUNNER}: strict script runs: {sp} passed, {sf} failed");
    println!("{RUNNER}: non-strict script runs: {np} passed, {nf} failed");
    record_summary(TARGET, RUNNER, mp + sp + np, mf + sf + nf, proposal_tests);
    let list = known_failures_list("test262-run");
    check_against_list(RUNNER, &list, LIST_HEADER, &failures, &ran);
}

//! Runs the Node-recorded conformance cases of `../shared/conformance`
//! (each a folder with `main.mjs` and Node's `expected.*`) with `vmjs run`
//! and compares stdout, exit status and the error line, as the suite's
//! `check.sh` does. Prints pass/fail counts per suite; failures are compared
//! with `tests/scoreboard/known-failures/conformance-run.txt` (the list only
//! shrinks).

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::known_failures::{check_against_list, Failure};
use common::run_case::{compare, run_vmjs};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::shared_data::locate_shared;
use common::walk::{files_under, relative_name};

const RUNNER: &str = "conformance run";
/// The test target's name (`cargo test --test conformance_run`).
const TARGET: &str = "conformance_run";

const SUITES: &[&str] = &["lang", "graphs", "seeds", "node-vm"];

const LIST_HEADER: &str = "\
# Conformance cases whose `vmjs run` output differs from Node's
# (tests/scoreboard/conformance_run.rs). One case folder per line, relative to
# ../shared/conformance (so each starts with its suite: lang/, graphs/, seeds/,
# node-vm/), then ` # reason`; a deliberate choice says `deliberate (Node):` and
# why. The run fails on a failure missing here and on a listed case that passes,
# so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test conformance_run";

fn run_case(dir: &Path) -> Result<(), String> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    let expected_stdout = read("expected.stdout").unwrap_or_default();
    let expected_status = read("expected.status")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let expected_stderr = read("expected.stderr");
    let stderr_line = expected_stderr.as_deref().and_then(|s| s.lines().next());
    let out = run_vmjs(dir, "main.mjs");
    compare(&out, &expected_stdout, expected_status, stderr_line)
}

#[test]
fn conformance_cases_run_as_node_runs_them() {
    forget_summary(TARGET);
    let Some(root) = locate_shared(RUNNER, "conformance") else {
        return;
    };
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    let mut total_passed = 0;
    for suite in SUITES {
        let suite_dir = root.join(suite);
        let mut cases: Vec<_> = files_under(&suite_dir)
            .into_iter()
            .filter(|p| p.file_name().is_some_and(|n| n == "main.mjs"))
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        cases.sort();
        let (mut passed, mut failed) = (0, 0);
        for dir in cases {
            let id = relative_name(&dir, &root);
            ran.insert(id.clone());
            match run_case(&dir) {
                Ok(()) => passed += 1,
                Err(detail) => {
                    failed += 1;
                    failures.push(Failure {
                        id,
                        detail,
                        panicked: false,
                    });
                }
            }
        }
        println!("{RUNNER} [{suite}]: {passed} passed, {failed} failed");
        total_passed += passed;
    }
    record_summary(TARGET, RUNNER, total_passed, failures.len(), 0);
    let list = known_failures_list("conformance-run");
    check_against_list(RUNNER, &list, LIST_HEADER, &failures, &ran);
}

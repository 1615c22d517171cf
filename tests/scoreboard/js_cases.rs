//! The crate's own JavaScript cases: every `tests/js/**/NAME.mjs` runs with
//! `vmjs run`; its stdout must equal `NAME.stdout`, which was recorded from
//! Node.js (`node NAME.mjs > NAME.stdout`). A `NAME.status` file holds a
//! non-zero expected exit status, a `NAME.stderr` file a line stderr must
//! contain. Failures are compared with
//! `tests/scoreboard/known-failures/js-cases.txt`.

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::known_failures::{check_against_list, Failure};
use common::run_case::{compare, run_vmjs};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::walk::{files_under, relative_name};

const RUNNER: &str = "js cases";
/// The test target's name (`cargo test --test js_cases`).
const TARGET: &str = "js_cases";

const LIST_HEADER: &str = "\
# tests/js cases whose output differs from Node's recording
# (tests/scoreboard/js_cases.rs). One case file per line, relative to tests/js,
# then ` # reason`; a deliberate choice says `deliberate (Node):` and why. The
# run fails on a failure missing here and on a listed case that passes, so the
# list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test js_cases";

#[test]
fn js_cases_print_what_node_printed() {
    forget_summary(TARGET);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let mut cases: Vec<_> = files_under(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "mjs"))
        .filter(|p| p.with_extension("stdout").exists())
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    let mut passed = 0;
    for case in cases {
        let id = relative_name(&case, &root);
        ran.insert(id.clone());
        let read = |ext: &str| std::fs::read_to_string(case.with_extension(ext)).ok();
        let expected_stdout = read("stdout").unwrap_or_default();
        let status = read("status")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let stderr = read("stderr");
        let line = stderr.as_deref().and_then(|s| s.lines().next());
        let dir = case.parent().expect("cases live in folders");
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 names");
        let out = run_vmjs(dir, name);
        match compare(&out, &expected_stdout, status, line) {
            Ok(()) => passed += 1,
            Err(detail) => failures.push(Failure {
                id,
                detail,
                panicked: false,
            }),
        }
    }
    record_summary(TARGET, RUNNER, passed, failures.len(), 0);
    let list = known_failures_list("js-cases");
    check_against_list(RUNNER, &list, LIST_HEADER, &failures, &ran);
}

//! Runs test262's `test/built-ins` and `test/annexB/built-ins` from
//! `../shared/test262` with `vmjs run --test262-host` (which defines
//! `print` and `$262`), following INTERPRETING.md:
//!
//! - in scope: every test but Intl (ECMA-402) and tests of features that
//!   are not ECMAScript 2025 (`common::test262::non_es2025_features`);
//! - both modes: a script test runs non-strict and strict (the
//!   `"use strict";` variant) unless flagged `onlyStrict`, `noStrict` or
//!   `raw` (`common::test262::Variant`); module tests run as the entry
//!   module and count with the strict runs;
//! - each test runs in its own process after its harness files, in
//!   parallel (one worker per core), killed after 30 s (a failure:
//!   `timeout`), and is judged as `common::test262::judge` says.
//!
//! Counts are printed per built-in (the first folder under `test/built-ins`;
//! Annex B's as `annexB/NAME`) and mode, with the overall figures as
//! percentages of the strict and of the non-strict runs; the table is also written after the
//! summary line to `target/tmp/scoreboard/test262_builtins.txt`. Failures are
//! compared with `tests/scoreboard/known-failures/test262-builtins.txt`
//! (a non-strict run's id ends in ` (non-strict)`), whose reasons the runner derives from the error when it writes the list.
//!
//! With `VMJS_TEST262_NODE=/path/to/node` the same tests also run under Node
//! (`tests/scoreboard/test262_node.cjs`: each script run as one script,
//! harness + test, with a `$262` built on `node:vm`), and Node's
//! counts are printed beside vmjs's.
//!
//! `cargo test --release --test test262_builtins -- --nocapture`

#[path = "../common/mod.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::known_failures::{check_against_list_with_reasons, Failure};
use common::score::{forget_summary, known_failures_list, record_summary_with_details};
use common::shared_data::locate_shared;
use common::test262::{
    failure_cause, harness_files, node_from_env, non_es2025_features, normalise_message, run_node,
    run_parallel, run_vmjs, skipped_feature, FailureCause, Outcome, Variant,
};
use common::walk::{files_under, relative_name};

const RUNNER: &str = "test262 built-ins";
/// The test target's name (`cargo test --test test262_builtins`).
const TARGET: &str = "test262_builtins";

/// The suites, relative to `../shared/test262`.
const SUITES: &[&str] = &["test/built-ins", "test/annexB/built-ins"];

const LIST_HEADER: &str = "\
# test262 built-ins tests that `vmjs run` does not pass yet (tests/scoreboard/test262_builtins.rs).
# One test path per line, relative to ../shared/test262 (so each starts with
# test/built-ins/ or test/annexB/built-ins/), then ` # reason` (derived from the
# error when the list was written); a deliberate choice says `deliberate (Node):`
# and why. The run fails on a failure missing here and on a listed test that
# passes, so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_builtins";

/// One run of a test.
struct Test {
    path: PathBuf,
    fm: Frontmatter,
    variant: Variant,
    /// Index into the per-built-in counts.
    builtin: usize,
    /// The `$262` functions vmjs does not provide that the test (or its
    /// harness) calls.
    missing_host_apis: Vec<&'static str>,
}

/// `$262` functions of INTERPRETING.md that `vmjs run --test262-host` does
/// not provide.
const MISSING_HOST_APIS: &[&str] = &[
    "detachArrayBuffer",
    "agent",
    "IsHTMLDDA",
    "AbstractModuleSource",
];

/// The typed array constructors (a missing one is reported as missing typed arrays).
const TYPED_ARRAYS: &[&str] = &[
    "Int8Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float16Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
    "BigUint64Array",
];

/// Counts for one built-in folder: strict (and module) runs, then
/// non-strict runs.
#[derive(Default, Clone)]
struct Counts {
    passed: [usize; 2],
    failed: [usize; 2],
    /// Passed under Node (when it ran).
    node_passed: [usize; 2],
}

/// The column of `variant`'s runs in [`Counts`].
fn mode(variant: Variant) -> usize {
    (variant == Variant::NonStrict) as usize
}

#[test]
fn test262_builtins_run() {
    forget_summary(TARGET);
    let Some(root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let started = Instant::now();
    let harness = root.join("harness");
    let proposals = non_es2025_features(&root);
    let mut builtins: Vec<String> = Vec::new();
    let mut counts: Vec<Counts> = Vec::new();
    let mut tests: Vec<Test> = Vec::new();
    let (mut intl, mut proposal_tests) = (0, 0);
    let mut by_feature: BTreeMap<String, usize> = BTreeMap::new();
    for suite in SUITES {
        let base = root.join(suite);
        for path in files_under(&base) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".js") || name.contains("_FIXTURE") {
                continue;
            }
            let folder = relative_name(&path, &base)
                .split('/')
                .next()
                .unwrap_or("")
                .to_string();
            let builtin = if suite.starts_with("test/annexB") {
                format!("annexB/{folder}")
            } else {
                folder.clone()
            };
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            let fm = parse_frontmatter(&source).unwrap_or_default();
            if folder == "Intl" || fm.features.iter().any(|f| f.starts_with("Intl")) {
                intl += 1;
                continue;
            }
            if let Some(feature) = skipped_feature(&fm, &proposals) {
                proposal_tests += 1;
                *by_feature.entry(feature.to_string()).or_default() += 1;
                continue;
            }
            let index = match builtins.iter().position(|b| *b == builtin) {
                Some(i) => i,
                None => {
                    builtins.push(builtin);
                    counts.push(Counts::default());
                    builtins.len() - 1
                }
            };
            let mut texts = vec![source];
            for file in harness_files(&fm) {
                texts.push(std::fs::read_to_string(harness.join(file)).unwrap_or_default());
            }
            let missing_host_apis = MISSING_HOST_APIS
                .iter()
                .copied()
                .filter(|api| texts.iter().any(|t| t.contains(&format!("$262.{api}"))))
                .collect();
            let missing_host_apis: Vec<&'static str> = missing_host_apis;
            for variant in Variant::of(&fm) {
                tests.push(Test {
                    path: path.clone(),
                    fm: fm.clone(),
                    variant,
                    builtin: index,
                    missing_host_apis: missing_host_apis.clone(),
                });
            }
        }
    }
    let tests = std::sync::Arc::new(tests);
    let indices: Vec<usize> = (0..tests.len()).collect();
    let outcomes = {
        let (tests, harness) = (tests.clone(), harness.clone());
        run_parallel(indices.clone(), move |&i| {
            let t = &tests[i];
            run_vmjs(&harness, &t.path, &t.fm, t.variant)
        })
    };
    let vmjs_seconds = started.elapsed().as_secs_f64();

    let node = node_from_env();
    let mut node_seconds = 0.0;
    let node_outcomes = node.as_ref().map(|node| {
        let node_started = Instant::now();
        let (tests, harness, node) = (tests.clone(), harness.clone(), node.clone());
        let outcomes = run_parallel(indices.clone(), move |&i| {
            let t = &tests[i];
            run_node(&node, &harness, &t.path, &t.fm, t.variant)
        });
        node_seconds = node_started.elapsed().as_secs_f64();
        outcomes
    });

    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut reason_of: BTreeMap<String, String> = BTreeMap::new();
    for (i, outcome) in outcomes.iter().enumerate() {
        let t = &tests[i];
        let id = t.variant.id(&relative_name(&t.path, &root));
        ran.insert(id.clone());
        let c = &mut counts[t.builtin];
        let m = mode(t.variant);
        if let Some(node) = &node_outcomes {
            if node[i].passed() {
                c.node_passed[m] += 1;
            }
        }
        match outcome {
            Outcome::Pass => c.passed[m] += 1,
            Outcome::Fail(detail) => {
                c.failed[m] += 1;
                let reason = reason_for(&builtins[t.builtin], t, detail);
                *reasons.entry(reason.clone()).or_default() += 1;
                reason_of.insert(id.clone(), reason);
                failures.push(Failure {
                    id,
                    detail: detail.clone(),
                    panicked: false,
                });
            }
        }
    }

    let total = counts.iter().fold(Counts::default(), |mut sum, c| {
        for m in 0..2 {
            sum.passed[m] += c.passed[m];
            sum.failed[m] += c.failed[m];
            sum.node_passed[m] += c.node_passed[m];
        }
        sum
    });
    let with_node = node_outcomes.is_some();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<34} {:>15} {:>15}{}",
        "built-in",
        "strict",
        "non-strict",
        if with_node {
            "   node strict  node non-strict"
        } else {
            ""
        }
    );
    let mut order: Vec<usize> = (0..builtins.len()).collect();
    order.sort_by(|a, b| builtins[*a].cmp(&builtins[*b]));
    let ratio =
        |passed: usize, c: &Counts, m: usize| format!("{passed}/{}", c.passed[m] + c.failed[m]);
    for i in order.into_iter().chain(std::iter::once(usize::MAX)) {
        let (name, c) = if i == usize::MAX {
            ("all", &total)
        } else {
            (builtins[i].as_str(), &counts[i])
        };
        let node_columns = if with_node {
            format!(
                " {:>15} {:>15}",
                ratio(c.node_passed[0], c, 0),
                ratio(c.node_passed[1], c, 1)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            table,
            "{:<34} {:>15} {:>15}{node_columns}",
            name,
            ratio(c.passed[0], c, 0),
            ratio(c.passed[1], c, 1),
        );
    }
    let percent =
        |n: usize, m: usize| 100.0 * n as f64 / (total.passed[m] + total.failed[m]).max(1) as f64;
    let summary = |who: &str, passed: [usize; 2], seconds: f64| {
        format!(
            "{who}: {}/{} strict runs passed ({:.1}%), {}/{} non-strict runs passed ({:.1}%) in {seconds:.0} s",
            passed[0],
            total.passed[0] + total.failed[0],
            percent(passed[0], 0),
            passed[1],
            total.passed[1] + total.failed[1],
            percent(passed[1], 1),
        )
    };
    let _ = writeln!(table, "{}", summary("vmjs", total.passed, vmjs_seconds));
    if with_node {
        let _ = writeln!(
            table,
            "{}",
            summary("node", total.node_passed, node_seconds)
        );
    }
    let _ = writeln!(table, "skipped: {intl} Intl, {proposal_tests} not ES2025");
    println!("{RUNNER}: not ES2025, by feature: {by_feature:?}");
    let mut common_reasons: Vec<(&String, &usize)> = reasons.iter().collect();
    common_reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{RUNNER}: most common failure reasons:");
    for (reason, n) in common_reasons.iter().take(40) {
        println!("  {n:>6}  {reason}");
    }
    record_summary_with_details(
        TARGET,
        RUNNER,
        total.passed[0] + total.passed[1],
        total.failed[0] + total.failed[1],
        intl + proposal_tests,
        &table,
    );
    let list = known_failures_list("test262-builtins");
    let reason = |f: &Failure| reason_of.get(&f.id).cloned().unwrap_or_default();
    check_against_list_with_reasons(RUNNER, &list, LIST_HEADER, &failures, &ran, Some(&reason));
}

/// A short reason for a failure, derived from the test's built-in, its
/// features, the `$262` functions it needs and the error it ended with.
fn reason_for(builtin: &str, test: &Test, detail: &str) -> String {
    let (prefix, error) = match failure_cause(detail) {
        FailureCause::Reason(reason) => return reason,
        FailureCause::Error { prefix, error } => (prefix, error),
    };
    if let Some(name) = error
        .strip_prefix("ReferenceError: ")
        .and_then(|m| m.strip_suffix(" is not defined"))
    {
        if TYPED_ARRAYS.contains(&name) {
            return "typed arrays are not implemented".into();
        }
        return format!("{name} is not implemented");
    }
    let host_api_missing = error.contains("of undefined")
        || error.contains("is not a function")
        || error.contains("$262.");
    if let Some(api) = test.missing_host_apis.first().filter(|_| host_api_missing) {
        return format!("needs $262.{api}");
    }
    if test.fm.features.iter().any(|f| f == "BigInt")
        && (error.starts_with("SyntaxError") || error.contains("BigInt"))
    {
        return "BigInt values are not supported".into();
    }
    if error.is_empty() {
        return format!("{builtin}: {detail}");
    }
    format!("{prefix}{}", normalise_message(error))
}

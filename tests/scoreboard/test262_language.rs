//! Runs test262's `test/language` (but the module folders that
//! `test262_run.rs` runs) and `test/annexB/language` from
//! `../shared/test262` with `vmjs run --test262-host`, following
//! INTERPRETING.md:
//!
//! - a script test runs twice, non-strict and strict (the `"use strict";`
//!   variant), unless flagged `onlyStrict`, `noStrict` or `raw`; a module
//!   test runs once, as the entry module (`common::test262::Variant`);
//! - tests of features that are not ECMAScript 2025 are skipped;
//! - each run is a process of its own after its harness files, in parallel,
//!   killed after 30 s, and judged as `common::test262::judge` says.
//!
//! Counts are printed per folder (the first folder under `test/language`,
//! and the second under `expressions` and `statements`) and mode; the table
//! is also written after the summary line to
//! `target/tmp/scoreboard/test262_language.txt`. Failures (a non-strict
//! run's id ends in ` (non-strict)`) are compared with
//! `tests/scoreboard/known-failures/test262-language.txt`.
//!
//! With `VMJS_TEST262_NODE=/path/to/node` the same runs also run under Node
//! (`common::test262::run_node`, as the built-ins runner does), and Node's
//! counts are printed beside vmjs's.
//!
//! `cargo test --release --test test262_language -- --nocapture`

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
    failure_cause, node_from_env, non_es2025_features, normalise_message, run_node, run_parallel,
    run_vmjs, skipped_feature, FailureCause, Outcome, Variant,
};
use common::walk::{files_under, relative_name};

const RUNNER: &str = "test262 language";
/// The test target's name (`cargo test --test test262_language`).
const TARGET: &str = "test262_language";

/// The suites, relative to `../shared/test262`.
const SUITES: &[&str] = &["test/language", "test/annexB/language"];

/// Folders of `test/language` that `test262_run.rs` runs.
const RUN_ELSEWHERE: &[&str] = &[
    "module-code",
    "import",
    "export",
    "expressions/dynamic-import",
    "expressions/import.meta",
];

const LIST_HEADER: &str = "\
# test262 language tests that `vmjs run` does not pass yet (tests/scoreboard/test262_language.rs).
# One test run per line: the path relative to ../shared/test262 (` (non-strict)`
# after it for the non-strict run), then ` # reason` (derived from the error when
# the list was written); a deliberate choice says `deliberate (Node):` and why.
# The run fails on a failure missing here and on a listed test that passes, so
# the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_language";

/// One run of a test.
struct Run {
    path: PathBuf,
    fm: Frontmatter,
    variant: Variant,
    folder: String,
}

#[test]
fn test262_language_run() {
    forget_summary(TARGET);
    let Some(root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let started = Instant::now();
    let harness = root.join("harness");
    let proposals = non_es2025_features(&root);
    let mut runs: Vec<Run> = Vec::new();
    let mut proposal_tests = 0;
    for suite in SUITES {
        let base = root.join(suite);
        for path in files_under(&base) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".js") || name.contains("_FIXTURE") {
                continue;
            }
            let relative = relative_name(&path, &base);
            if *suite == "test/language"
                && RUN_ELSEWHERE
                    .iter()
                    .any(|d| relative.starts_with(&format!("{d}/")))
            {
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            let fm = parse_frontmatter(&source).unwrap_or_default();
            if skipped_feature(&fm, &proposals).is_some() {
                proposal_tests += 1;
                continue;
            }
            let folder = folder_of(suite, &relative);
            for variant in Variant::of(&fm) {
                runs.push(Run {
                    path: path.clone(),
                    fm: fm.clone(),
                    variant,
                    folder: folder.clone(),
                });
            }
        }
    }
    let runs = std::sync::Arc::new(runs);
    let outcomes = {
        let (runs, harness) = (runs.clone(), harness.clone());
        run_parallel((0..runs.len()).collect(), move |&i| {
            let r = &runs[i];
            run_vmjs(&harness, &r.path, &r.fm, r.variant)
        })
    };
    let seconds = started.elapsed().as_secs_f64();
    let node_started = Instant::now();
    let node_outcomes = node_from_env().map(|node| {
        let (runs, harness) = (runs.clone(), harness.clone());
        run_parallel((0..runs.len()).collect(), move |&i| {
            let r = &runs[i];
            run_node(&node, &harness, &r.path, &r.fm, r.variant)
        })
    });
    let node_seconds = node_started.elapsed().as_secs_f64();

    // (passed, failed) per folder for strict (and module) runs, then
    // non-strict runs; Node's passes per folder and mode.
    let mut counts: BTreeMap<&str, [(usize, usize); 2]> = BTreeMap::new();
    let mut node_counts: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut ran = BTreeSet::new();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut reason_of: BTreeMap<String, String> = BTreeMap::new();
    for (i, (run, outcome)) in runs.iter().zip(outcomes).enumerate() {
        let id = run.variant.id(&relative_name(&run.path, &root));
        ran.insert(id.clone());
        let mode = (run.variant == Variant::NonStrict) as usize;
        if node_outcomes.as_ref().is_some_and(|node| node[i].passed()) {
            node_counts.entry(run.folder.as_str()).or_default()[mode] += 1;
        }
        let entry = &mut counts.entry(run.folder.as_str()).or_default()[mode];
        match outcome {
            Outcome::Pass => entry.0 += 1,
            Outcome::Fail(detail) => {
                entry.1 += 1;
                let reason = reason_for(&detail);
                *reasons.entry(reason.clone()).or_default() += 1;
                reason_of.insert(id.clone(), reason);
                failures.push(Failure {
                    id,
                    detail,
                    panicked: false,
                });
            }
        }
    }

    let with_node = node_outcomes.is_some();
    let mut total = [(0, 0); 2];
    let mut node_total = [0; 2];
    let mut table = String::new();
    let node_header = if with_node {
        format!(" {:>13} {:>15}", "node strict", "node non-strict")
    } else {
        String::new()
    };
    let _ = writeln!(
        table,
        "{:<40} {:>13} {:>13}{node_header}",
        "folder", "strict", "non-strict"
    );
    let ratio = |(passed, failed): (usize, usize)| format!("{passed}/{}", passed + failed);
    let node_columns = |node: [usize; 2], c: [(usize, usize); 2]| {
        if with_node {
            format!(
                " {:>13} {:>15}",
                ratio((node[0], c[0].0 + c[0].1 - node[0])),
                ratio((node[1], c[1].0 + c[1].1 - node[1]))
            )
        } else {
            String::new()
        }
    };
    for (folder, c) in &counts {
        let node = node_counts.get(folder).copied().unwrap_or_default();
        for m in 0..2 {
            total[m].0 += c[m].0;
            total[m].1 += c[m].1;
            node_total[m] += node[m];
        }
        let _ = writeln!(
            table,
            "{folder:<40} {:>13} {:>13}{}",
            ratio(c[0]),
            ratio(c[1]),
            node_columns(node, *c)
        );
    }
    let _ = writeln!(
        table,
        "{:<40} {:>13} {:>13}{}",
        "all",
        ratio(total[0]),
        ratio(total[1]),
        node_columns(node_total, total)
    );
    let percent =
        |(passed, failed): (usize, usize)| 100.0 * passed as f64 / (passed + failed).max(1) as f64;
    let _ = writeln!(
        table,
        "vmjs: {} strict runs passed ({:.1}%), {} non-strict runs passed ({:.1}%) in {seconds:.0} s; skipped {proposal_tests} tests of features that are not ES2025",
        ratio(total[0]),
        percent(total[0]),
        ratio(total[1]),
        percent(total[1]),
    );
    if with_node {
        let node_ratio = |m: usize| (node_total[m], total[m].0 + total[m].1 - node_total[m]);
        let _ = writeln!(
            table,
            "node: {} strict runs passed ({:.1}%), {} non-strict runs passed ({:.1}%) in {node_seconds:.0} s",
            ratio(node_ratio(0)),
            percent(node_ratio(0)),
            ratio(node_ratio(1)),
            percent(node_ratio(1)),
        );
    }
    let mut common_reasons: Vec<(&String, &usize)> = reasons.iter().collect();
    common_reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{RUNNER}: most common failure reasons:");
    for (reason, n) in common_reasons.iter().take(40) {
        println!("  {n:>6}  {reason}");
    }
    record_summary_with_details(
        TARGET,
        RUNNER,
        total[0].0 + total[1].0,
        total[0].1 + total[1].1,
        proposal_tests,
        &table,
    );
    let list = known_failures_list("test262-language");
    let reason = |f: &Failure| reason_of.get(&f.id).cloned().unwrap_or_default();
    check_against_list_with_reasons(RUNNER, &list, LIST_HEADER, &failures, &ran, Some(&reason));
}

/// The folder a test counts under: `annexB/…` for Annex B, the first
/// folder under `test/language`, or the first two under `expressions` and
/// `statements` (the largest ones).
fn folder_of(suite: &str, relative: &str) -> String {
    let mut parts = relative.split('/');
    let first = parts.next().unwrap_or("");
    let name = match first {
        "expressions" | "statements" => match parts.next() {
            Some(second) if second.ends_with(".js") => first.to_string(),
            Some(second) => format!("{first}/{second}"),
            None => first.to_string(),
        },
        _ if first.ends_with(".js") => ".".to_string(),
        _ => first.to_string(),
    };
    if suite.starts_with("test/annexB") {
        format!("annexB/{name}")
    } else {
        name
    }
}

/// A short reason for a failure, derived from the error it ended with.
fn reason_for(detail: &str) -> String {
    match failure_cause(detail) {
        FailureCause::Reason(reason) => reason,
        FailureCause::Error { prefix, error } if !error.is_empty() => {
            format!("{prefix}{}", normalise_message(error))
        }
        FailureCause::Error { .. } => normalise_message(detail),
    }
}

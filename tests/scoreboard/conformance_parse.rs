//! Parses every module of the Node-recorded conformance cases in
//! `../shared/conformance` (each case is a folder with `main.mjs`, the modules
//! it imports and Node's `expected.*` output).
//!
//! A case whose `expected.stderr` starts with a parse-time `SyntaxError:` (not
//! a link error, which also says SyntaxError but concerns imports between
//! valid modules) expects exactly one of its modules to fail to parse, with
//! exactly V8's message; its other modules must parse. In every other case
//! every module must parse. Sources embedded in strings (the `node-vm` cases
//! build modules with `vm.SourceTextModule`) are runtime matters, not checked.
//!
//! Failures are compared with
//! `tests/scoreboard/known-failures/conformance-parse.txt`.

#[path = "../common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::guarded_parse::{guarded_parse, on_big_stack, ParseOutcome};
use common::known_failures::{check_against_list, Failure};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::shared_data::locate_shared;
use common::walk::{files_under, relative_name};
use vmjs::syntax::{parse_module, LineIndex};

const RUNNER: &str = "conformance parse";
/// The test target's name (`cargo test --test conformance_parse`).
const TARGET: &str = "conformance_parse";

const LIST_HEADER: &str = "\
# Conformance cases whose modules the parser does not yet handle as Node does
# (tests/scoreboard/conformance_parse.rs). One case folder per line, relative to
# ../shared/conformance (so each starts with its suite: lang/, graphs/, seeds/,
# node-vm/), then ` # reason`; a deliberate choice says `deliberate (Node):` and
# why. The run fails on a failure missing here and on a listed case that passes,
# so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test conformance_parse";

/// Node's wording for SyntaxErrors raised while linking, not parsing.
const LINK_ERROR_MARKERS: &[&str] = &["The requested module", "contains conflicting star exports"];

/// One case folder and its modules.
struct Case {
    /// Relative to the conformance root, e.g. `graphs/syntax-error-dep`.
    id: String,
    modules: Vec<PathBuf>,
    /// The message (after `SyntaxError: `) one module must fail with.
    expected_parse_error: Option<String>,
}

fn is_module_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("mjs") | Some("js")
    )
}

/// The parse error a case's `expected.stderr` announces, if any.
fn expected_parse_error(case_dir: &Path) -> Option<String> {
    let stderr = std::fs::read_to_string(case_dir.join("expected.stderr")).ok()?;
    let first_line = stderr.lines().next()?;
    let first_line = first_line.strip_prefix("Uncaught ").unwrap_or(first_line);
    let message = first_line.strip_prefix("SyntaxError: ")?;
    if LINK_ERROR_MARKERS.iter().any(|m| message.contains(m)) {
        return None;
    }
    Some(message.to_string())
}

/// Groups every module file under `root` into cases: a case is a folder with
/// a `main.mjs`, and a module belongs to the innermost such folder above it.
/// A module outside every case is a case of its own.
fn collect_cases(root: &Path) -> Vec<Case> {
    let files = files_under(root);
    let case_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "main.mjs"))
        .filter_map(|p| p.parent().map(Path::to_path_buf))
        .collect();
    let mut cases: Vec<Case> = case_dirs
        .iter()
        .map(|dir| Case {
            id: relative_name(dir, root),
            modules: Vec::new(),
            expected_parse_error: expected_parse_error(dir),
        })
        .collect();
    for file in files.iter().filter(|p| is_module_file(p)) {
        let owner = case_dirs
            .iter()
            .enumerate()
            .filter(|(_, dir)| file.starts_with(dir))
            .max_by_key(|(_, dir)| dir.components().count());
        match owner {
            Some((index, _)) => cases[index].modules.push(file.clone()),
            None => cases.push(Case {
                id: relative_name(file, root),
                modules: vec![file.clone()],
                expected_parse_error: None,
            }),
        }
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

/// One module's parse result, described for a report.
enum ModuleResult {
    Parsed,
    Rejected { message: String, described: String },
    Panicked(String),
}

fn parse_one(path: &Path, case_root: &Path) -> ModuleResult {
    let name = relative_name(path, case_root);
    let source = match std::fs::read_to_string(path) {
        Ok(source) => source,
        Err(error) => {
            return ModuleResult::Rejected {
                message: String::new(),
                described: format!("{name}: unreadable: {error}"),
            }
        }
    };
    match guarded_parse(|| parse_module(&source)) {
        ParseOutcome::Parsed => ModuleResult::Parsed,
        ParseOutcome::Rejected(error) => {
            let at = LineIndex::new(&source).line_col(error.span.start as usize);
            ModuleResult::Rejected {
                described: format!(
                    "{name}: SyntaxError: {} at {}:{}",
                    error.message, at.line, at.column
                ),
                message: error.message,
            }
        }
        ParseOutcome::Panicked(message) => ModuleResult::Panicked(format!("{name}: {message}")),
    }
}

/// Checks one case; `None` when it behaves as Node did.
fn check_case(case: &Case, root: &Path) -> Option<Failure> {
    let case_root = root.join(&case.id);
    let results: Vec<ModuleResult> = case
        .modules
        .iter()
        .map(|m| parse_one(m, &case_root))
        .collect();
    let fail = |detail: String, panicked: bool| {
        Some(Failure {
            id: case.id.clone(),
            detail,
            panicked,
        })
    };
    if let Some(panic) = results.iter().find_map(|r| match r {
        ModuleResult::Panicked(message) => Some(message.clone()),
        _ => None,
    }) {
        return fail(panic, true);
    }
    let rejected: Vec<(&String, &String)> = results
        .iter()
        .filter_map(|r| match r {
            ModuleResult::Rejected { message, described } => Some((message, described)),
            _ => None,
        })
        .collect();
    match &case.expected_parse_error {
        None if rejected.is_empty() => None,
        None => fail(
            rejected
                .iter()
                .map(|(_, d)| d.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            false,
        ),
        Some(expected) => match rejected.as_slice() {
            [(message, _)] if *message == expected => None,
            [] => fail(
                format!("expected one module to fail with SyntaxError: {expected}, but all parsed"),
                false,
            ),
            _ => fail(
                format!(
                    "expected exactly one module to fail with SyntaxError: {expected}; got {}",
                    rejected
                        .iter()
                        .map(|(_, d)| d.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                false,
            ),
        },
    }
}

struct RunResults {
    /// (suite, passed, failed)
    per_suite: Vec<(String, usize, usize)>,
    failures: Vec<Failure>,
    ran: BTreeSet<String>,
}

fn run_all(root: PathBuf) -> RunResults {
    let mut results = RunResults {
        per_suite: Vec::new(),
        failures: Vec::new(),
        ran: BTreeSet::new(),
    };
    for case in collect_cases(&root) {
        let suite = case.id.split('/').next().unwrap_or("").to_string();
        if results.per_suite.last().is_none_or(|(s, _, _)| *s != suite) {
            results.per_suite.push((suite, 0, 0));
        }
        let Some(counts) = results.per_suite.last_mut() else {
            continue;
        };
        results.ran.insert(case.id.clone());
        match check_case(&case, &root) {
            None => counts.1 += 1,
            Some(failure) => {
                counts.2 += 1;
                results.failures.push(failure);
            }
        }
    }
    results
}

#[test]
fn conformance_modules_parse_as_node_does() {
    forget_summary(TARGET);
    let Some(root) = locate_shared(RUNNER, "conformance") else {
        return;
    };
    let results = on_big_stack(move || run_all(root));
    let (mut passed, mut failed) = (0, 0);
    for (suite, suite_passed, suite_failed) in &results.per_suite {
        println!("{RUNNER} [{suite}]: {suite_passed} passed, {suite_failed} failed");
        passed += suite_passed;
        failed += suite_failed;
    }
    record_summary(TARGET, RUNNER, passed, failed, 0);
    let list = known_failures_list("conformance-parse");
    check_against_list(RUNNER, &list, LIST_HEADER, &results.failures, &results.ran);
}

//! Scores the parser against test262's parse-phase expectations for the
//! module-related directories in `../shared/test262` (the frontmatter rules
//! are in its INTERPRETING.md):
//!
//! - `negative: {phase: parse, type: SyntaxError}`: parsing must fail;
//! - every other test, and every `*_FIXTURE.js`, must parse — as a module
//!   with `flags: [module]` (fixtures are always modules), otherwise as a
//!   strict script (the strict variant of a test; `noStrict` tests, which
//!   have no such variant, are skipped here and run by the language runners;
//!   a test without flags runs in strict mode too, so it is in scope);
//! - tests of proposals that are not ECMAScript 2025 are skipped.
//!
//! Failures are compared with `tests/scoreboard/known-failures/test262-parse.txt`.
//! Run with `cargo test --release --test test262_parse -- --nocapture` to see
//! the counts (the summary line is also written to
//! `target/tmp/scoreboard/test262_parse.txt`).

#[path = "../common/mod.rs"]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::fixture_references::{fixture_specifiers, reachable};
use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::guarded_parse::{guarded_parse, on_big_stack, ParseOutcome};
use common::known_failures::{check_against_list, Failure};
use common::score::{forget_summary, known_failures_list, record_summary};
use common::shared_data::locate_shared;
use common::test262::NON_ES2025_FEATURES;
use common::walk::{files_under, relative_name};
use vmjs::syntax::{parse_module, parse_strict_script, LineIndex};

const RUNNER: &str = "test262 parse";
/// The test target's name (`cargo test --test test262_parse`).
const TARGET: &str = "test262_parse";

/// The directories under `test/language` this runner covers.
const TEST_DIRECTORIES: &[&str] = &[
    "module-code",
    "import",
    "export",
    "expressions/dynamic-import",
    "expressions/import.meta",
];

/// Fixtures that are deliberately not valid module code: the tests importing
/// them expect the import to fail with a SyntaxError. Paths are relative to
/// `test/language`.
const INVALID_FIXTURES: &[(&str, &str)] = &[
    // `invalid syntax!`: a deferred module's syntax error is reported eagerly.
    (
        "import/import-defer/errors/syntax-error/syntax-error_FIXTURE.js",
        "not JavaScript",
    ),
    // `break;` outside a loop.
    (
        "module-code/instn-resolve-err-syntax-1_FIXTURE.js",
        "break outside a loop",
    ),
    (
        "module-code/instn-resolve-order-depth-syntax_FIXTURE.js",
        "break outside a loop",
    ),
    (
        "module-code/instn-resolve-order-src-syntax_FIXTURE.js",
        "break outside a loop",
    ),
    // `0++;`: an invalid update target, an early error.
    ("module-code/instn-resolve-empty-export_FIXTURE.js", "0++"),
    ("module-code/instn-resolve-empty-import_FIXTURE.js", "0++"),
    ("module-code/instn-resolve-err-syntax-2_FIXTURE.js", "0++"),
    (
        "module-code/instn-resolve-order-depth-reference_FIXTURE.js",
        "0++",
    ),
    (
        "module-code/instn-resolve-order-src-reference_FIXTURE.js",
        "0++",
    ),
    // `var smoosh; function smoosh() {}`: fine in a script, a redeclaration
    // in a module (import() of it must reject).
    (
        "expressions/dynamic-import/catch/script-code_FIXTURE.js",
        "var/function redeclaration",
    ),
];

const LIST_HEADER: &str = "\
# test262 parse-phase tests that currently fail (tests/scoreboard/test262_parse.rs).
# One test path per line, relative to ../shared/test262 (so each starts with
# test/language/), then ` # reason`; a deliberate choice says `deliberate (Node):`
# and why. The run fails on a failure missing here and on a listed test that
# passes, so the list only shrinks.
# Regenerate: VMJS_WRITE_KNOWN_FAILURES=1 cargo test --release --test test262_parse";

/// How a test is parsed and what must happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Goal {
    Module,
    Script,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expectation {
    Parses,
    SyntaxError,
}

/// Why a test is not run.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SkipReason {
    /// Sloppy-mode only (`noStrict`, or `raw` outside a module).
    SloppyOnly,
    /// Names a proposal that is not ECMAScript 2025.
    Proposal(String),
    /// Not JavaScript (JSON, text and binary fixtures).
    NotJavaScript,
    /// A fixture imported only by skipped tests.
    FixtureOfSkippedTests,
}

enum Plan {
    Run(Goal, Expectation),
    Skip(SkipReason),
}

fn is_fixture(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().contains("_FIXTURE"))
}

/// Decides how to run the test (not fixture) at `path` with frontmatter
/// `frontmatter`.
fn plan_for(path: &Path, frontmatter: Option<&Frontmatter>) -> Plan {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if !name.ends_with(".js") {
        return Plan::Skip(SkipReason::NotJavaScript);
    }
    let Some(frontmatter) = frontmatter else {
        return Plan::Run(Goal::Script, Expectation::Parses);
    };
    if let Some(feature) = frontmatter
        .features
        .iter()
        .find(|f| NON_ES2025_FEATURES.contains(&f.as_str()))
    {
        return Plan::Skip(SkipReason::Proposal(feature.clone()));
    }
    let module = frontmatter.has_flag("module");
    if frontmatter.has_flag("noStrict") || (frontmatter.has_flag("raw") && !module) {
        return Plan::Skip(SkipReason::SloppyOnly);
    }
    let goal = if module { Goal::Module } else { Goal::Script };
    let expectation = match &frontmatter.negative {
        Some(negative) if negative.phase == "parse" => Expectation::SyntaxError,
        _ => Expectation::Parses,
    };
    Plan::Run(goal, expectation)
}

/// Runs one test; `None` when it passed, else what went wrong.
fn run_one(source: &str, goal: Goal, expectation: Expectation) -> Option<(String, bool)> {
    let outcome = match goal {
        Goal::Module => guarded_parse(|| parse_module(source)),
        Goal::Script => guarded_parse(|| parse_strict_script(source)),
    };
    let as_what = match goal {
        Goal::Module => "module",
        Goal::Script => "script",
    };
    match (outcome, expectation) {
        (ParseOutcome::Parsed, Expectation::Parses) => None,
        (ParseOutcome::Rejected(_), Expectation::SyntaxError) => None,
        (ParseOutcome::Parsed, Expectation::SyntaxError) => Some((
            format!("expected a SyntaxError, but it parsed as a {as_what}"),
            false,
        )),
        (ParseOutcome::Rejected(error), Expectation::Parses) => {
            let at = LineIndex::new(source).line_col(error.span.start as usize);
            Some((
                format!(
                    "should parse as a {as_what}: SyntaxError: {} at {}:{}",
                    error.message, at.line, at.column
                ),
                false,
            ))
        }
        (ParseOutcome::Panicked(message), _) => Some((message, true)),
    }
}

#[derive(Default)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
}

struct RunResults {
    per_directory: Vec<(String, Counts)>,
    skip_reasons: BTreeMap<SkipReason, usize>,
    failures: Vec<Failure>,
    ran: BTreeSet<String>,
}

/// One file under the covered directories, read and planned.
struct Entry {
    directory: usize,
    path: PathBuf,
    id: String,
    source: Result<String, String>,
}

/// Plans every file: tests by their frontmatter, then fixtures by whether a
/// running test imports them.
fn plan_all(entries: &[Entry], language: &Path) -> Vec<Plan> {
    let mut plans: Vec<Option<Plan>> = entries
        .iter()
        .map(|entry| {
            let is_js = entry.path.extension().is_some_and(|e| e == "js");
            if !is_js {
                return Some(Plan::Skip(SkipReason::NotJavaScript));
            }
            if is_fixture(&entry.path) {
                return None;
            }
            let source = entry.source.as_deref().unwrap_or("");
            Some(plan_for(&entry.path, parse_frontmatter(source).as_ref()))
        })
        .collect();
    let references: BTreeMap<PathBuf, Vec<PathBuf>> = entries
        .iter()
        .map(|e| {
            let source = e.source.as_deref().unwrap_or("");
            (e.path.clone(), fixture_specifiers(&e.path, source))
        })
        .collect();
    let referenced: BTreeSet<&PathBuf> = references.values().flatten().collect();
    let running_tests = entries
        .iter()
        .zip(&plans)
        .filter(|(_, plan)| matches!(plan, Some(Plan::Run(..))))
        .map(|(e, _)| e.path.clone());
    let in_scope = reachable(running_tests, &references);
    for (entry, plan) in entries.iter().zip(plans.iter_mut()) {
        if plan.is_some() {
            continue;
        }
        let invalid = INVALID_FIXTURES
            .iter()
            .any(|(path, _)| language.join(path) == entry.path);
        *plan = Some(if invalid {
            Plan::Run(Goal::Module, Expectation::SyntaxError)
        } else if referenced.contains(&entry.path) && !in_scope.contains(&entry.path) {
            Plan::Skip(SkipReason::FixtureOfSkippedTests)
        } else {
            Plan::Run(Goal::Module, Expectation::Parses)
        });
    }
    plans.into_iter().flatten().collect()
}

fn run_all(test262_root: PathBuf) -> RunResults {
    let language = test262_root.join("test/language");
    let mut entries = Vec::new();
    for (directory, name) in TEST_DIRECTORIES.iter().enumerate() {
        for path in files_under(&language.join(name)) {
            let source = std::fs::read(&path)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                .map_err(|error| format!("unreadable: {error}"));
            entries.push(Entry {
                directory,
                id: relative_name(&path, &test262_root),
                path,
                source,
            });
        }
    }
    let plans = plan_all(&entries, &language);

    let mut results = RunResults {
        per_directory: TEST_DIRECTORIES
            .iter()
            .map(|d| (d.to_string(), Counts::default()))
            .collect(),
        skip_reasons: BTreeMap::new(),
        failures: Vec::new(),
        ran: BTreeSet::new(),
    };
    for (entry, plan) in entries.into_iter().zip(plans) {
        let counts = &mut results.per_directory[entry.directory].1;
        let (goal, expectation) = match plan {
            Plan::Run(goal, expectation) => (goal, expectation),
            Plan::Skip(reason) => {
                counts.skipped += 1;
                *results.skip_reasons.entry(reason).or_default() += 1;
                continue;
            }
        };
        results.ran.insert(entry.id.clone());
        let outcome = match &entry.source {
            Ok(source) => run_one(source, goal, expectation),
            Err(error) => Some((error.clone(), false)),
        };
        match outcome {
            None => counts.passed += 1,
            Some((detail, panicked)) => {
                counts.failed += 1;
                results.failures.push(Failure {
                    id: entry.id,
                    detail,
                    panicked,
                });
            }
        }
    }
    results
}

fn print_summary(results: &RunResults) {
    let mut total = Counts::default();
    for (directory, counts) in &results.per_directory {
        println!(
            "{RUNNER} [{directory}]: {} passed, {} failed, {} skipped",
            counts.passed, counts.failed, counts.skipped
        );
        total.passed += counts.passed;
        total.failed += counts.failed;
        total.skipped += counts.skipped;
    }
    let reasons: Vec<String> = results
        .skip_reasons
        .iter()
        .map(|(reason, n)| match reason {
            SkipReason::SloppyOnly => format!("{n} sloppy-mode only"),
            SkipReason::Proposal(feature) => format!("{n} proposal {feature}"),
            SkipReason::NotJavaScript => format!("{n} non-JS fixtures"),
            SkipReason::FixtureOfSkippedTests => format!("{n} fixtures of skipped tests"),
        })
        .collect();
    println!("{RUNNER}: skipped: {}", reasons.join(", "));
    record_summary(TARGET, RUNNER, total.passed, total.failed, total.skipped);
}

#[test]
fn test262_parse_phase() {
    forget_summary(TARGET);
    let Some(test262_root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let results = on_big_stack(move || run_all(test262_root));
    print_summary(&results);
    let list = known_failures_list("test262-parse");
    check_against_list(RUNNER, &list, LIST_HEADER, &results.failures, &results.ran);
}

//! Scores the parser against test262's parse-phase expectations for the
//! module-related directories in `../shared/test262` (the frontmatter rules
//! are in its INTERPRETING.md):
//!
//! - `negative: {phase: parse, type: SyntaxError}`: parsing must fail;
//! - every other test, and every `*_FIXTURE.js`, must parse — as a module
//!   with `flags: [module]` (fixtures are always modules), otherwise as a
//!   strict script (`vmjs` has no sloppy mode, so `noStrict` tests are
//!   skipped; a test without flags runs in strict mode too, so it is in scope);
//! - tests of proposals that are not ECMAScript 2025 are skipped.
//!
//! Failures are compared with `tests/known-failures/test262-parse.txt`.
//! Run with `cargo test --release --test test262_parse -- --nocapture` to see
//! the counts.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::frontmatter::{parse_frontmatter, Frontmatter};
use common::guarded_parse::{guarded_parse, on_big_stack, ParseOutcome};
use common::known_failures::{check_against_list, Failure};
use common::shared_data::locate_shared;
use common::walk::{files_under, relative_name};
use vmjs::syntax::{parse_module, parse_script, LineIndex};

const RUNNER: &str = "test262 parse";

/// The directories under `test/language` this runner covers.
const TEST_DIRECTORIES: &[&str] = &[
    "module-code",
    "import",
    "export",
    "expressions/dynamic-import",
    "expressions/import.meta",
];

/// test262 `features` tags of proposals that are not part of ECMAScript 2025;
/// tests naming any of them are skipped. (`import-attributes` and
/// `json-modules` are ES2025 and stay in scope.)
const NON_ES2025_FEATURES: &[&str] = &[
    // `import source x from "..."` and `import.source(...)` (stage 3).
    "source-phase-imports",
    "source-phase-imports-module-source",
    // `import defer * as ns from "..."` and `import.defer(...)` (stage 3).
    "import-defer",
    // `with { type: "text" }` / `with { type: "bytes" }` import attributes (stage 2.7 / 3).
    "import-text",
    "import-bytes",
    // Runtime-only proposals used by a few module tests (stage 3).
    "immutable-arraybuffer",
    "nonextensible-applies-to-private",
    // Syntax proposals not in the module directories today, listed so new
    // tests of them are skipped too (stage 3).
    "decorators",
    "explicit-resource-management",
];

const LIST_HEADER: &str = "\
# test262 parse-phase tests that currently fail (tests/test262_parse.rs).
# One path (relative to ../shared/test262) per line, then ` # reason`.
# The run fails on a failure missing here and on a listed test that passes.
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
}

enum Plan {
    Run(Goal, Expectation),
    Skip(SkipReason),
}

/// Decides how to run the file at `path` with frontmatter `frontmatter`.
fn plan_for(path: &Path, frontmatter: Option<&Frontmatter>) -> Plan {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if !name.ends_with(".js") {
        return Plan::Skip(SkipReason::NotJavaScript);
    }
    if name.contains("_FIXTURE") {
        return Plan::Run(Goal::Module, Expectation::Parses);
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
        Goal::Script => guarded_parse(|| parse_script(source)),
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

fn run_all(test262_root: PathBuf) -> RunResults {
    let language = test262_root.join("test/language");
    let mut results = RunResults {
        per_directory: Vec::new(),
        skip_reasons: BTreeMap::new(),
        failures: Vec::new(),
        ran: BTreeSet::new(),
    };
    for directory in TEST_DIRECTORIES {
        let mut counts = Counts::default();
        for path in files_under(&language.join(directory)) {
            let id = relative_name(&path, &test262_root);
            let source = match std::fs::read(&path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    counts.failed += 1;
                    results.ran.insert(id.clone());
                    results.failures.push(Failure {
                        id,
                        detail: format!("unreadable: {error}"),
                        panicked: false,
                    });
                    continue;
                }
            };
            let source = String::from_utf8_lossy(&source);
            let frontmatter = parse_frontmatter(&source);
            let (goal, expectation) = match plan_for(&path, frontmatter.as_ref()) {
                Plan::Run(goal, expectation) => (goal, expectation),
                Plan::Skip(reason) => {
                    counts.skipped += 1;
                    *results.skip_reasons.entry(reason).or_default() += 1;
                    continue;
                }
            };
            results.ran.insert(id.clone());
            match run_one(&source, goal, expectation) {
                None => counts.passed += 1,
                Some((detail, panicked)) => {
                    counts.failed += 1;
                    results.failures.push(Failure {
                        id,
                        detail,
                        panicked,
                    });
                }
            }
        }
        results.per_directory.push((directory.to_string(), counts));
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
        })
        .collect();
    println!("{RUNNER}: skipped: {}", reasons.join(", "));
    println!(
        "{RUNNER}: {} passed, {} failed, {} skipped",
        total.passed, total.failed, total.skipped
    );
}

#[test]
fn test262_parse_phase() {
    let Some(test262_root) = locate_shared(RUNNER, "test262") else {
        return;
    };
    let results = on_big_stack(move || run_all(test262_root));
    print_summary(&results);
    let list =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/known-failures/test262-parse.txt");
    check_against_list(RUNNER, &list, LIST_HEADER, &results.failures, &results.ran);
}

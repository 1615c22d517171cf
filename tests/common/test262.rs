//! What the test262 runners share: which tests are in scope (ECMAScript
//! 2025, not Intl), how a test runs under `vmjs run --test262-host` with
//! its harness, how its result is judged (INTERPRETING.md), and a pool of
//! worker threads that runs tests in parallel.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::frontmatter::Frontmatter;

/// test262 `features` tags of what is not part of ECMAScript 2025, on top
/// of the proposals `features.txt` lists above `## Standard language
/// features` (see [`non_es2025_features`]); tests naming any of them are
/// skipped. (`import-attributes` and `json-modules` are ES2025 and stay in
/// scope.)
pub const NON_ES2025_FEATURES: &[&str] = &[
    // `with { type: "text" }` / `with { type: "bytes" }` import attributes (stage 2.7 / 3).
    "import-text",
    "import-bytes",
    // Runtime-only proposals (stage 3).
    "immutable-arraybuffer",
    "nonextensible-applies-to-private",
    "decorators",
    // Listed as standard by features.txt, but first in ECMAScript 2026 or
    // later, or still a proposal when ECMAScript 2025 was published.
    "explicit-resource-management",
    "Temporal",
    "canonical-tz",
    "Array.fromAsync",
    "Atomics.pause",
    "Error.isError",
    "Math.sumPrecise",
    "iterator-sequencing",
    "iterator-chunking",
    "iterator-includes",
    "joint-iteration",
    "json-parse-with-source",
    "uint8array-base64",
    "upsert",
];

/// Stage 3 proposals vmjs implements (on by default in `vmjs run`), whose
/// tests run although `features.txt` lists them as proposals: Deferring
/// Module Evaluation and Source Phase Imports (spec-notes/18-import-phases.md).
pub const IMPLEMENTED_PROPOSALS: &[&str] = &[
    "import-defer",
    "source-phase-imports",
    "source-phase-imports-module-source",
];

/// Every feature tag a runner skips: the proposals in `root/features.txt`
/// (the lines above `## Standard language features`) but
/// [`IMPLEMENTED_PROPOSALS`], and [`NON_ES2025_FEATURES`].
pub fn non_es2025_features(root: &Path) -> BTreeSet<String> {
    let mut features: BTreeSet<String> =
        NON_ES2025_FEATURES.iter().map(|f| f.to_string()).collect();
    let text = std::fs::read_to_string(root.join("features.txt")).unwrap_or_default();
    for line in text.lines() {
        if line.starts_with("## Standard language features") {
            break;
        }
        let name = line.split('#').next().unwrap_or("").trim();
        if !name.is_empty() && !IMPLEMENTED_PROPOSALS.contains(&name) {
            features.insert(name.to_string());
        }
    }
    features
}

/// The first of `fm`'s features that is out of scope, if any.
pub fn skipped_feature<'a>(fm: &'a Frontmatter, skipped: &BTreeSet<String>) -> Option<&'a str> {
    fm.features
        .iter()
        .find(|f| skipped.contains(f.as_str()))
        .map(|f| f.as_str())
}

/// One run of a test. INTERPRETING.md: a module test runs once, as a
/// module; a script test runs twice, as written (non-strict) and with
/// `"use strict";` before it, unless its flags ask for one of the two
/// (`onlyStrict`; `noStrict` and `raw`, which run as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Module,
    Strict,
    NonStrict,
}

impl Variant {
    /// The runs `fm` asks for, strict first.
    pub fn of(fm: &Frontmatter) -> Vec<Variant> {
        if fm.has_flag("module") {
            vec![Variant::Module]
        } else if fm.has_flag("onlyStrict") {
            vec![Variant::Strict]
        } else if fm.has_flag("noStrict") || fm.has_flag("raw") {
            vec![Variant::NonStrict]
        } else {
            vec![Variant::Strict, Variant::NonStrict]
        }
    }

    /// The id of this run of the test named `test` in the known-failures
    /// lists: the path for module and strict runs, the path and
    /// ` (non-strict)` for non-strict runs.
    pub fn id(self, test: &str) -> String {
        match self {
            Variant::NonStrict => format!("{test} (non-strict)"),
            _ => test.to_string(),
        }
    }
}

/// How one run of a test ended.
#[derive(Clone, Debug)]
pub enum Outcome {
    Pass,
    Fail(String),
}

impl Outcome {
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Pass)
    }
}

/// How long one test may run (the slowest test262 built-ins test,
/// decodeURIComponent/S15.1.3.2_A2.5_T1.js, takes 7 s on a loaded 2-core
/// machine).
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The harness files a test runs after: `assert.js`, `sta.js`,
/// `doneprintHandle.js` for async tests, then its `includes` (none for
/// `raw` tests).
pub fn harness_files(fm: &Frontmatter) -> Vec<String> {
    if fm.has_flag("raw") {
        return Vec::new();
    }
    let mut files = vec!["assert.js".to_string(), "sta.js".to_string()];
    if fm.has_flag("async") {
        files.push("doneprintHandle.js".to_string());
    }
    files.extend(fm.includes.iter().cloned());
    files
}

/// What a test process printed and how it ended.
pub struct ProcessOutput {
    pub stdout: String,
    pub stderr: String,
    /// None when it was killed after [`TIMEOUT`] or died by a signal.
    pub status: Option<i32>,
    pub timed_out: bool,
}

/// Runs `command` (its stdio piped) for at most [`TIMEOUT`].
pub fn run_with_timeout(mut command: Command) -> Option<ProcessOutput> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().ok()?;
    let out = child
        .stdout
        .take()
        .map(|s| std::thread::spawn(move || std::io::read_to_string(s).unwrap_or_default()));
    let err = child
        .stderr
        .take()
        .map(|s| std::thread::spawn(move || std::io::read_to_string(s).unwrap_or_default()));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    Some(ProcessOutput {
        stdout: out.and_then(|h| h.join().ok()).unwrap_or_default(),
        stderr: err.and_then(|h| h.join().ok()).unwrap_or_default(),
        status,
        timed_out,
    })
}

/// Runs `test` with `vmjs run --test262-host` (which defines `print` and
/// `$262`) after the harness (`--prelude` files): module tests as the entry
/// module, script tests as scripts, non-strict or with `--strict` (as if
/// the test began with `"use strict";`).
pub fn run_vmjs(harness: &Path, test: &Path, fm: &Frontmatter, variant: Variant) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vmjs"));
    // An unhandled rejection is not a test failure (only a thrown error,
    // or a `$DONE` with an error in async tests, is).
    command
        .arg("run")
        .arg("--unhandled-rejections=warn")
        .arg("--test262-host");
    // Module tests and the fixtures tests import are `.js` files outside
    // any package: ES modules whatever their syntax.
    command.arg("--experimental-default-type=module");
    match variant {
        Variant::Module => {}
        Variant::Strict => {
            command.arg("--script").arg("--strict");
        }
        Variant::NonStrict => {
            command.arg("--script");
        }
    }
    for file in harness_files(fm) {
        command.arg("--prelude").arg(harness.join(file));
    }
    command
        .arg(test)
        .current_dir(test.parent().unwrap_or(Path::new(".")));
    match run_with_timeout(command) {
        Some(output) => judge(fm, &output),
        None => Outcome::Fail("could not start vmjs".into()),
    }
}

/// The Node binary to run the tests under as well, if the runner was
/// asked to (`VMJS_TEST262_NODE=/path/to/node`, opt-in: it doubles the run).
pub fn node_from_env() -> Option<String> {
    std::env::var("VMJS_TEST262_NODE")
        .ok()
        .filter(|n| !n.is_empty())
}

/// Runs `test` under Node with `tests/scoreboard/test262_node.cjs` (each
/// script run as one script, harness + test, with a `$262` built on
/// `node:vm`), judged as vmjs's runs are.
pub fn run_node(
    node: &str,
    harness: &Path,
    test: &Path,
    fm: &Frontmatter,
    variant: Variant,
) -> Outcome {
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scoreboard/test262_node.cjs");
    let mut command = Command::new(node);
    command
        .arg("--expose-gc")
        .arg("--unhandled-rejections=warn")
        .arg("--no-warnings");
    if variant == Variant::Module {
        command.arg("--experimental-default-type=module");
    }
    command.arg(driver).arg(match variant {
        Variant::Module => "module",
        Variant::Strict => "strict",
        Variant::NonStrict => "non-strict",
    });
    command.arg(test);
    for file in harness_files(fm) {
        command.arg(harness.join(file));
    }
    command.current_dir(test.parent().unwrap_or(Path::new(".")));
    match run_with_timeout(command) {
        Some(output) => judge(fm, &output),
        None => Outcome::Fail("could not start node".into()),
    }
}

/// The first line of `stderr` that says what was thrown: the
/// `Error: message` line (Node prints the source line and a caret first).
pub fn error_line(stderr: &str) -> String {
    let line = stderr
        .lines()
        .map(|l| l.strip_prefix("Uncaught ").unwrap_or(l))
        .find(|l| {
            let head = l.split(':').next().unwrap_or("");
            !head.is_empty()
                && !head.contains(' ')
                && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && (head.ends_with("Error") || head.ends_with("Exception"))
        })
        .or_else(|| stderr.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("");
    // A thrown object that is not an Error prints as `util.inspect` shows
    // it, over several lines (`Test262Error {`, `  message: '…'`, `}`).
    if line.trim_end().ends_with('{') {
        let head = line.trim_end().trim_end_matches('{').trim_end();
        let message = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("message: "))
            .map(|m| {
                m.trim_end_matches(',')
                    .trim_matches(|c| c == '\'' || c == '"')
            });
        if let Some(message) = message {
            return format!("{head}: {message}").chars().take(160).collect();
        }
    }
    // …or on one line: `Test262Error { message: '…' }`.
    if let Some((head, rest)) = line.split_once(" { message: ") {
        let message = rest
            .trim_end_matches('}')
            .trim()
            .trim_matches(|c| c == '\'' || c == '"');
        return format!("{head}: {message}").chars().take(160).collect();
    }
    line.chars().take(160).collect()
}

/// Judges a run by the test's frontmatter: a `negative` test must fail
/// with its error type on stderr (parse, resolution and runtime errors all
/// end the run with status 1), an async test must print
/// `Test262:AsyncTestComplete`, any other test must exit 0.
pub fn judge(fm: &Frontmatter, output: &ProcessOutput) -> Outcome {
    if output.timed_out {
        return Outcome::Fail("timeout".into());
    }
    let first_error = error_line(&output.stderr);
    let Some(code) = output.status else {
        return Outcome::Fail(format!("crashed: {first_error}"));
    };
    if let Some(negative) = &fm.negative {
        let expected = &negative.error_type;
        return if code == 1 && output.stderr.lines().any(|l| l.contains(expected.as_str())) {
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
        if output.stdout.contains("Test262:AsyncTestComplete") {
            return Outcome::Pass;
        }
        let failure = output
            .stdout
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

/// Runs `job` on every item with one worker thread per available core
/// (each job mostly waits for a child process); results in item order.
pub fn run_parallel<T, R, F>(items: Vec<T>, job: F) -> Vec<R>
where
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(&T) -> R + Send + Sync + 'static,
{
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let count = items.len();
    let queue = Arc::new(Mutex::new(
        items.into_iter().enumerate().rev().collect::<Vec<_>>(),
    ));
    let results = Arc::new(Mutex::new(Vec::with_capacity(count)));
    let job = Arc::new(job);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (queue, results, job) = (queue.clone(), results.clone(), job.clone());
            std::thread::spawn(move || loop {
                let next = queue.lock().map(|mut q| q.pop()).unwrap_or(None);
                let Some((i, item)) = next else {
                    break;
                };
                let result = job(&item);
                if let Ok(mut r) = results.lock() {
                    r.push((i, result));
                }
            })
        })
        .collect();
    for handle in handles {
        let _ = handle.join();
    }
    let mut results = Arc::try_unwrap(results)
        .ok()
        .and_then(|m| m.into_inner().ok())
        .unwrap_or_default();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// `message` without the values that differ from test to test (the text
/// between `«»` and numbers), cut short.
pub fn normalise_message(message: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    let mut in_number = false;
    for c in message.chars() {
        if skipping {
            if c == '»' {
                skipping = false;
                out.push(c);
            }
            continue;
        }
        // A number on its own (not the digit of a name like `Int8Array`).
        let starts_number = c.is_ascii_digit() && !out.ends_with(|p: char| p.is_alphanumeric());
        if (in_number && (c.is_ascii_digit() || c == '.')) || starts_number {
            if !in_number {
                out.push('N');
            }
            in_number = true;
            continue;
        }
        in_number = false;
        out.push(c);
        if c == '«' {
            out.push('…');
            skipping = true;
        }
    }
    let out = out.trim().trim_end_matches('.').to_string();
    if out.chars().count() > 90 {
        let cut: String = out.chars().take(90).collect();
        format!("{cut}…")
    } else {
        out
    }
}

/// What a failure's detail (as [`judge`] words it) says, for deriving a
/// known-failures reason.
pub enum FailureCause<'a> {
    /// A reason already: a timeout, a crash, an expected error not thrown.
    Reason(String),
    /// The error the run ended with; `prefix` is `"async: "` for async tests.
    Error {
        prefix: &'static str,
        error: &'a str,
    },
}

/// Splits `detail` into a ready reason or the error line it ended with.
pub fn failure_cause(detail: &str) -> FailureCause<'_> {
    if detail == "timeout" || detail.starts_with("crashed") {
        return FailureCause::Reason(detail.split(':').next().unwrap_or(detail).to_string());
    }
    // The error line after the runner's prefix.
    let (prefix, error) = if let Some(rest) = detail.strip_prefix("async test did not complete: ") {
        ("async: ", rest)
    } else if let Some((head, rest)) = detail.split_once(": ") {
        if head.starts_with("exit ") {
            ("", rest)
        } else if let Some(expected) = head.strip_prefix("expected ") {
            let expected = expected.trim_end_matches(", got");
            if rest.contains("This statement should not be evaluated") {
                return FailureCause::Reason(format!("no early {expected}"));
            }
            return FailureCause::Reason(format!(
                "expected {expected}, got: {}",
                normalise_message(rest)
            ));
        } else {
            ("", detail)
        }
    } else {
        ("", detail)
    };
    let error = error.trim();
    let error = error
        .strip_prefix("Test262:AsyncTestFailure:")
        .unwrap_or(error)
        .trim();
    FailureCause::Error { prefix, error }
}

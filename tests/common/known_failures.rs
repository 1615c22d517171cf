//! Known-failures lists: one text file per runner under
//! `tests/scoreboard/known-failures/`, so a run fails on any *new* failure and on any
//! listed test that now passes (the list only ever shrinks).
//!
//! Format: one test id per line followed by ` # reason`; lines starting with
//! `#` and blank lines are comments. The ids of one list are paths relative to
//! one root, which its header names. A reason says why the test fails; when
//! the failure is a deliberate choice (following Node where the spec says
//! otherwise), it starts `deliberate (Node):` and gives the reason for the
//! choice, not only the symptom. With `VMJS_WRITE_KNOWN_FAILURES=1` the
//! runner rewrites the file from the current failures instead of checking:
//! reasons already in the file are kept (unless they are `TODO` placeholders),
//! panics get `panic`, new entries get a `TODO:` placeholder carrying the
//! failure's detail, which a maintainer replaces with the real cause.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One test that did not do what its expectation says.
#[derive(Clone, Debug)]
pub struct Failure {
    /// The test's id as written in the list (a path relative to the suite).
    pub id: String,
    /// What went wrong, for the report.
    pub detail: String,
    pub panicked: bool,
}

/// The parsed list file.
#[derive(Debug)]
struct KnownFailures {
    /// Leading comment block, kept when the file is rewritten.
    header: Vec<String>,
    /// id -> reason
    entries: BTreeMap<String, String>,
}

/// How many failures to print in full before summarising the rest.
const MAX_PRINTED: usize = 60;

fn load(path: &Path) -> KnownFailures {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut header = Vec::new();
    let mut entries = BTreeMap::new();
    let mut in_header = true;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            if in_header {
                header.push(line.to_string());
            }
            continue;
        }
        in_header = false;
        let (id, reason) = trimmed.split_once('#').unwrap_or((trimmed, ""));
        entries.insert(id.trim().to_string(), reason.trim().to_string());
    }
    while header.last().is_some_and(|l| l.trim().is_empty()) {
        header.pop();
    }
    KnownFailures { header, entries }
}

fn write_mode() -> bool {
    std::env::var("VMJS_WRITE_KNOWN_FAILURES").is_ok_and(|v| v == "1")
}

/// Compares this run's `failures` with the list at `list_path`. `ran` holds
/// the id of every test that ran (passed or failed); listed ids outside it
/// are stale. Panics with a summary when the run and the list disagree,
/// unless `VMJS_WRITE_KNOWN_FAILURES=1`, in which case the list is rewritten.
pub fn check_against_list(
    runner: &str,
    list_path: &Path,
    default_header: &str,
    failures: &[Failure],
    ran: &BTreeSet<String>,
) {
    check_against_list_with_reasons(runner, list_path, default_header, failures, ran, None);
}

/// [`check_against_list`] for a runner that can say why a test fails:
/// when the list is rewritten, a new entry gets `reason(failure)` instead
/// of a `TODO:` placeholder.
pub fn check_against_list_with_reasons(
    runner: &str,
    list_path: &Path,
    default_header: &str,
    failures: &[Failure],
    ran: &BTreeSet<String>,
    reason: Option<&dyn Fn(&Failure) -> String>,
) {
    let list = load(list_path);
    if write_mode() {
        rewrite(list_path, default_header, &list, failures, reason);
        println!(
            "{runner}: wrote {} entries to {}",
            failures.len(),
            list_path.display()
        );
        return;
    }

    let failing: BTreeSet<&str> = failures.iter().map(|f| f.id.as_str()).collect();
    let unexpected: Vec<&Failure> = failures
        .iter()
        .filter(|f| !list.entries.contains_key(&f.id))
        .collect();
    let now_passing: Vec<&String> = list
        .entries
        .keys()
        .filter(|id| ran.contains(*id) && !failing.contains(id.as_str()))
        .collect();
    let not_run: Vec<&String> = list
        .entries
        .keys()
        .filter(|id| !ran.contains(*id))
        .collect();
    let known = failures.len() - unexpected.len();
    println!(
        "{runner}: {known} known failures (listed in {})",
        short_path(list_path)
    );

    let mut report = String::new();
    if !unexpected.is_empty() {
        let _ = writeln!(report, "{} new failures:", unexpected.len());
        for failure in unexpected.iter().take(MAX_PRINTED) {
            let _ = writeln!(report, "  FAIL {}: {}", failure.id, failure.detail);
        }
        if unexpected.len() > MAX_PRINTED {
            let _ = writeln!(report, "  ... and {} more", unexpected.len() - MAX_PRINTED);
        }
    }
    if !now_passing.is_empty() {
        let _ = writeln!(
            report,
            "{} listed tests now pass; remove these lines from {}:",
            now_passing.len(),
            short_path(list_path)
        );
        for id in &now_passing {
            let _ = writeln!(report, "  {id}");
        }
    }
    if !not_run.is_empty() {
        let _ = writeln!(
            report,
            "{} listed tests no longer exist or are skipped; remove these lines from {}:",
            not_run.len(),
            short_path(list_path)
        );
        for id in &not_run {
            let _ = writeln!(report, "  {id}");
        }
    }
    if !report.is_empty() {
        print!("{report}");
        panic!(
            "{runner}: results differ from {} (details above; VMJS_WRITE_KNOWN_FAILURES=1 regenerates it)",
            short_path(list_path)
        );
    }
}

fn rewrite(
    list_path: &Path,
    default_header: &str,
    list: &KnownFailures,
    failures: &[Failure],
    new_reason: Option<&dyn Fn(&Failure) -> String>,
) {
    let mut text = String::new();
    if list.header.is_empty() {
        text.push_str(default_header.trim_end());
        text.push('\n');
    } else {
        for line in &list.header {
            text.push_str(line);
            text.push('\n');
        }
    }
    text.push('\n');
    let mut sorted: Vec<&Failure> = failures.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    for failure in sorted {
        let reason = if failure.panicked {
            "panic".to_string()
        } else {
            match list.entries.get(&failure.id) {
                Some(reason)
                    if !reason.is_empty() && reason != "panic" && !reason.starts_with("TODO") =>
                {
                    reason.clone()
                }
                _ => match new_reason {
                    Some(reason) => one_line(&reason(failure), 100),
                    None => format!("TODO: {}", one_line(&failure.detail, 100)),
                },
            }
        };
        let _ = writeln!(text, "{} # {}", failure.id, reason);
    }
    if let Some(dir) = list_path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(error) = std::fs::write(list_path, text) {
        panic!("writing {}: {error}", list_path.display());
    }
}

/// The list's path relative to the crate, for messages.
fn short_path(path: &Path) -> String {
    let crate_root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(&crate_root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `text` on one line (newlines and `#` would break the list format), at
/// most `max_chars` characters.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '#' {
                ' '
            } else {
                c
            }
        })
        .collect();
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars).collect();
        format!("{cut}...")
    }
}

//! `vmjs parse FILE [--script] --time`: the shape of the report (file,
//! bytes, one line per phase and the total, each with its time and MB/s),
//! scripts versus modules, and the errors. The timings themselves vary from
//! run to run, so only their form is checked.

use std::path::PathBuf;
#[path = "common/cli.rs"]
mod cli;
use cli::vmjs;
use std::process::Output;

/// A file in a fresh directory under the system temp directory, removed on
/// drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let dir =
            std::env::temp_dir().join(format!("vmjs-cli-parse-time-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Checks a phase line: `NAME  <ms> ms  <rate> MB/s`, with a time that is
/// a non-negative number and a rate that is one (a tiny file on a loaded
/// machine can print 0.0) or `inf`.
fn check_phase_line(line: &str, name: &str) {
    let rest = line
        .strip_prefix(name)
        .unwrap_or_else(|| panic!("{line:?} starts with {name:?}"));
    let fields: Vec<&str> = rest.split_whitespace().collect();
    assert_eq!(fields.len(), 4, "{line:?}");
    let ms: f64 = fields[0].parse().expect("a time in ms");
    assert!(ms >= 0.0, "{line:?}");
    assert_eq!(fields[1], "ms", "{line:?}");
    assert!(
        fields[2] == "inf" || fields[2].parse::<f64>().is_ok_and(|r| r >= 0.0),
        "{line:?}"
    );
    assert_eq!(fields[3], "MB/s", "{line:?}");
}

/// The report for `file` of `bytes` bytes parsed `runs` times.
fn check_report(out: &Output, file: &str, bytes: usize, runs: usize) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8 output");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert_eq!(lines[0], format!("file            {file}"));
    assert_eq!(lines[1], format!("bytes           {bytes}"));
    assert_eq!(
        lines[2],
        format!("runs            {runs} (median of each phase)")
    );
    for (line, name) in lines[3..].iter().zip([
        "lexing",
        "parsing",
        "early errors",
        "scope analysis",
        "total",
    ]) {
        check_phase_line(line, name);
    }
}

const MODULE: &str = "import { a } from './a.mjs';\nexport const b = a * 2 + 1;\n";

#[test]
fn time_reports_bytes_and_each_phase_of_a_module() {
    let file = TempFile::new("m.mjs", MODULE);
    let out = vmjs(&["parse", file.path(), "--time"]);
    check_report(&out, file.path(), MODULE.len(), 1);
}

#[test]
fn time_with_runs_reports_medians() {
    let file = TempFile::new("runs.mjs", MODULE);
    let out = vmjs(&["parse", file.path(), "--time", "--runs", "3"]);
    check_report(&out, file.path(), MODULE.len(), 3);
}

/// `with` and `delete` of a name are only valid in a non-strict script:
/// `--script` parses FILE as one, and without it FILE is a module.
#[test]
fn time_script_parses_a_classic_script() {
    let source = "var x = 1;\ndelete x;\nwith (Math) { x + PI; }\n";
    let file = TempFile::new("s.js", source);
    let out = vmjs(&["parse", file.path(), "--script", "--time"]);
    check_report(&out, file.path(), source.len(), 1);

    let out = vmjs(&["parse", file.path(), "--time"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("SyntaxError: "), "{stderr}");
}

/// A SyntaxError is reported as without `--time`: on stderr, status 1.
#[test]
fn time_reports_syntax_errors_as_parse_does() {
    let file = TempFile::new("bad.mjs", "export const = 1;\n");
    let timed = vmjs(&["parse", file.path(), "--time"]);
    let plain = vmjs(&["parse", file.path()]);
    assert_eq!(timed.status.code(), Some(1));
    assert!(timed.stdout.is_empty());
    assert_eq!(timed.stderr, plain.stderr);
}

/// `--runs` goes with `--time`, which excludes `--json`; a run count is at
/// least 1.
#[test]
fn time_option_combinations() {
    let file = TempFile::new("c.mjs", MODULE);
    for args in [
        &["--runs", "2"][..],
        &["--time", "--json"][..],
        &["--time", "--runs", "0"][..],
    ] {
        let mut all = vec!["parse", file.path()];
        all.extend_from_slice(args);
        let out = vmjs(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

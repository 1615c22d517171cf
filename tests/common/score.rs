//! Where the scoreboard runners put their counts and lists.
//!
//! Each runner prints one summary line, `RUNNER: P/T passed, F failed, S
//! skipped` (possibly followed by details, e.g. per-folder counts), and
//! writes the same lines to `target/tmp/scoreboard/TARGET.txt`
//! (`CARGO_TARGET_TMPDIR`), so a script can show the counts of the last run
//! without `--nocapture` (`.ci/run` prints them after `cargo test`). The
//! README's scoreboard table is updated from these lines by hand.

use std::path::{Path, PathBuf};

/// `tests/scoreboard/known-failures/NAME.txt`, the known-failures list of
/// one runner.
pub fn known_failures_list(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scoreboard/known-failures")
        .join(format!("{name}.txt"))
}

/// `target/tmp/scoreboard/TARGET.txt`, where the runner of the test target
/// `target` writes its summary line.
fn summary_path(target: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("scoreboard")
        .join(format!("{target}.txt"))
}

/// Removes the summary a previous run of `target` left, so a run that is
/// skipped or stops early does not show stale counts.
pub fn forget_summary(target: &str) {
    let _ = std::fs::remove_file(summary_path(target));
}

/// Prints the runner's summary line and writes it to its summary file.
/// `passed + failed` tests ran; `skipped` were out of scope.
pub fn record_summary(target: &str, runner: &str, passed: usize, failed: usize, skipped: usize) {
    record_summary_with_details(target, runner, passed, failed, skipped, "");
}

/// [`record_summary`], then `details` (lines such as a per-folder table)
/// printed and written after the summary line; `.ci/run` reads the counts
/// from the first line only.
pub fn record_summary_with_details(
    target: &str,
    runner: &str,
    passed: usize,
    failed: usize,
    skipped: usize,
    details: &str,
) {
    let total = passed + failed;
    let line = format!("{runner}: {passed}/{total} passed, {failed} failed, {skipped} skipped");
    println!("{line}");
    print!("{details}");
    let path = summary_path(target);
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(error) = std::fs::write(&path, format!("{line}\n{details}")) {
        println!("{runner}: could not write {}: {error}", path.display());
    }
}

//! `vmjs parse FILE --time`: the size of FILE, the time of each parsing
//! phase and the throughput, instead of the tree.
//!
//! ```text
//! file            typescript.js
//! bytes           2530576
//! runs            5 (median of each phase)
//! lexing            31.204 ms    81.1 MB/s
//! parsing           80.519 ms    31.4 MB/s
//! early errors      15.870 ms   159.5 MB/s
//! scope analysis    20.101 ms   125.9 MB/s
//! total            147.694 ms    17.1 MB/s
//! ```
//!
//! A megabyte is 10^6 bytes; each phase's MB/s is the file's bytes over
//! that phase's time alone. With `--runs N` the file is parsed N times and
//! each line is the median of its runs (the total is the median of the
//! totals, not the sum of the medians).

use std::fmt::Write as _;
use std::time::Duration;

use crate::syntax::{parse_module_timed, parse_script_timed, PhaseTimes, SyntaxError};

/// The times of `runs` parses of `source` (a module, or a script if
/// `script`), or the SyntaxError the first run reports.
pub fn time_parses(
    source: &str,
    script: bool,
    runs: usize,
) -> Result<Vec<PhaseTimes>, SyntaxError> {
    let mut all = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let mut times = PhaseTimes::start();
        if script {
            drop(parse_script_timed(source, &mut times)?);
        } else {
            drop(parse_module_timed(source, &mut times)?);
        }
        all.push(times);
    }
    Ok(all)
}

/// The report printed by `--time`.
pub fn report(file: &str, bytes: usize, runs: &[PhaseTimes]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<15} {file}", "file");
    let _ = writeln!(out, "{:<15} {bytes}", "bytes");
    let _ = writeln!(out, "{:<15} {} (median of each phase)", "runs", runs.len());
    let names = ["lexing", "parsing", "early errors", "scope analysis"];
    for (index, name) in names.iter().enumerate() {
        let phase = median(runs.iter().map(|t| t.phases()[index].1).collect());
        line(&mut out, name, phase, bytes);
    }
    let total = median(runs.iter().map(PhaseTimes::total).collect());
    line(&mut out, "total", total, bytes);
    out
}

fn line(out: &mut String, name: &str, time: Duration, bytes: usize) {
    let seconds = time.as_secs_f64();
    let rate = if seconds > 0.0 {
        format!("{:.1}", bytes as f64 / 1e6 / seconds)
    } else {
        "inf".to_string()
    };
    let _ = writeln!(out, "{name:<15} {:>10.3} ms {rate:>7} MB/s", seconds * 1e3);
}

/// The median of `times` (the lower middle one for an even count).
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times
        .get(times.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default()
}

//! Running `vmjs run` on a case folder and comparing with Node's recorded
//! output, as `../shared/conformance/check.sh` does.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one case may run.
const TIMEOUT: Duration = Duration::from_secs(20);

/// What a run printed and how it ended.
pub struct RunOutput {
    pub stdout: String,
    pub stderr: String,
    /// None when killed for running too long.
    pub status: Option<i32>,
}

/// Runs `vmjs run FILE` in `dir` with a timeout.
pub fn run_vmjs(dir: &Path, file: &str) -> RunOutput {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .arg("run")
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the vmjs binary runs");
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let err = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    RunOutput {
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        status,
    }
}

/// Compares a run with a case's expectations; `Err` says how it differs.
/// `expected_stderr_line`: a line stderr must contain (a leading
/// "Uncaught " in either is ignored).
pub fn compare(
    out: &RunOutput,
    expected_stdout: &str,
    expected_status: i32,
    expected_stderr_line: Option<&str>,
) -> Result<(), String> {
    if out.stdout != expected_stdout {
        let first = first_difference(expected_stdout, &out.stdout);
        return Err(format!("stdout differs: {first}"));
    }
    match out.status {
        None => return Err("timed out".into()),
        Some(s) if s != expected_status => {
            let err: String = out.stderr.chars().take(160).collect();
            return Err(format!(
                "exit status {s}, expected {expected_status}; stderr: {err}"
            ));
        }
        _ => {}
    }
    if let Some(line) = expected_stderr_line {
        let line = line.strip_prefix("Uncaught ").unwrap_or(line);
        let found = out
            .stderr
            .lines()
            .any(|l| l.strip_prefix("Uncaught ").unwrap_or(l) == line);
        if !found {
            let err: String = out.stderr.chars().take(160).collect();
            return Err(format!("stderr lacks: {line}; got: {err}"));
        }
    }
    Ok(())
}

fn first_difference(expected: &str, got: &str) -> String {
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        if e != g {
            return format!("line {}: expected {e:?}, got {g:?}", i + 1);
        }
    }
    format!(
        "expected {} lines, got {}",
        expected.lines().count(),
        got.lines().count()
    )
}

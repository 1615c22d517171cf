//! Import maps (`vmjs run --import-map FILE`) on hand-written layouts
//! (tests/import_maps/CASE/): `main.mjs` run with the case's `args`.
//! Node has no import maps, so `expected.stdout`, `expected.status` and
//! the lines `expected.stderr` must contain were derived from the HTML
//! standard's algorithms (each case's main.mjs names the steps it checks).

use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_maps");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("tests/import_maps")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("main.mjs").is_file())
        .collect();
    cases.sort();
    cases
}

#[test]
fn import_maps_resolve_as_the_standard_says() {
    let cases = cases();
    assert!(cases.len() >= 4, "the cases are there");
    let mut failures = Vec::new();
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        let args: Vec<String> = read("args").lines().map(str::to_string).collect();
        let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
            .current_dir(dir)
            .arg("run")
            .args(&args)
            .arg("main.mjs")
            .output()
            .expect("vmjs runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected_status: i32 = read("expected.status").trim().parse().unwrap_or(0);
        if out.status.code() != Some(expected_status) {
            failures.push(format!(
                "{name}: status {:?}, expected {expected_status}\n{stderr}",
                out.status.code()
            ));
        }
        if stdout != read("expected.stdout") {
            failures.push(format!(
                "{name}: stdout differs\n--- vmjs\n{stdout}--- expected\n{}",
                read("expected.stdout")
            ));
        }
        for line in read("expected.stderr").lines() {
            if !stderr.contains(line) {
                failures.push(format!("{name}: stderr lacks {line:?}\n{stderr}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

//! Date's local time under several time zones: `tests/js/builtins/
//! date_local.mjs` runs with `TZ` set to each zone below, and its stdout
//! must equal `tests/js/builtins/date_local/ZONE.txt` (the zone's `/` as
//! `_`), recorded from Node.js with the same `TZ`
//! (`TZ=America/New_York node date_local.mjs > date_local/America_New_York.txt`).
//! The program crosses the 2024 DST changes of the zones that have them.

use std::path::Path;
use std::process::{Command, Stdio};

const ZONES: &[&str] = &[
    "UTC",
    "America/New_York",
    "Asia/Kolkata",
    "Europe/London",
    "Australia/Sydney",
];

#[test]
fn local_time_matches_node_in_each_zone() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/builtins");
    let zoneinfo = Path::new("/usr/share/zoneinfo");
    let mut failures = Vec::new();
    let mut passed = 0;
    for zone in ZONES {
        if *zone != "UTC" && !zoneinfo.join(zone).exists() {
            println!("skipped {zone}: no /usr/share/zoneinfo/{zone} on this machine");
            continue;
        }
        let expected_file = dir.join(format!("date_local/{}.txt", zone.replace('/', "_")));
        let expected = std::fs::read_to_string(&expected_file).expect("recorded output exists");
        let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
            .arg("run")
            .arg("date_local.mjs")
            .current_dir(&dir)
            .env("TZ", zone)
            .stdin(Stdio::null())
            .output()
            .expect("the vmjs binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if stdout == expected && out.status.success() {
            passed += 1;
            continue;
        }
        let line = expected
            .lines()
            .zip(stdout.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(stdout.lines().count()), |i| i);
        failures.push(format!(
            "TZ={zone}: line {}: expected {:?}, got {:?} (stderr: {})",
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            stdout.lines().nth(line).unwrap_or(""),
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or("")
        ));
    }
    println!("{passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

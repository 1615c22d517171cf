//! `vmjs bench`: on graphs made by `vmjs graph`, both ways of building
//! them (the native loader and `node:vm` with a JavaScript linker) report
//! the graph's modules, edges and bytes, and a time for every phase.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vmjs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .args(args)
        .output()
        .expect("the vmjs binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vmjs-bench-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The number after `"key":` in a one-line JSON object.
fn field(json: &str, key: &str) -> f64 {
    let at = json
        .find(&format!("\"{key}\":"))
        .unwrap_or_else(|| panic!("{key} in {json}"));
    let rest = &json[at + key.len() + 3..];
    let end = rest.find([',', '}']).expect("a value");
    rest[..end].parse().expect("a number")
}

/// Modules, edges and bytes of a generated graph: the `vmjs graph` summary
/// `wrote N modules, E edges, B bytes to DIR` counts m*.mjs only.
fn generate(shape: &str, n: &str, dir: &Path) -> (f64, f64) {
    let out = vmjs(&["graph", shape, n, dir.to_str().expect("UTF-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    let words: Vec<&str> = summary.split_whitespace().collect();
    (
        words[1].parse().expect("modules"),
        words[3].trim_end_matches(',').parse().expect("edges"),
    )
}

#[test]
fn bench_reports_the_graph_and_every_phase_both_ways() {
    for shape in ["chain", "dag", "sccs", "star", "export-star-chain"] {
        let dir = temp_dir(shape);
        let (modules, edges) = generate(shape, "40", &dir);
        let entry = dir.join("main.mjs");
        let entry = entry.to_str().expect("UTF-8");
        for via in ["native", "vm"] {
            let out = vmjs(&["bench", entry, "--runs", "2", "--json", "--via", via]);
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            assert!(
                out.status.success(),
                "{shape} via {via}: {stdout}{}",
                String::from_utf8_lossy(&out.stderr)
            );
            // One JSON line: what the graph itself prints is not shown.
            assert_eq!(stdout.lines().count(), 1, "{stdout}");
            // main.mjs is a module of the graph too, with its one import.
            assert_eq!(field(&stdout, "modules"), modules + 1.0, "{shape} {via}");
            assert_eq!(field(&stdout, "edges"), edges + 1.0, "{shape} {via}");
            assert!(field(&stdout, "bytes") > 0.0);
            for phase in ["load_ms", "parse_ms", "link_ms", "evaluate_ms", "total_ms"] {
                assert!(field(&stdout, phase) >= 0.0, "{phase}");
            }
            // Every module was parsed (on whichever thread).
            assert!(field(&stdout, "parse_ms") > 0.0);
            assert_eq!(field(&stdout, "runs"), 2.0);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn bench_prints_a_table_and_fails_cleanly() {
    let dir = temp_dir("table");
    generate("tree", "20", &dir);
    let entry = dir.join("main.mjs");
    let out = vmjs(&["bench", entry.to_str().expect("UTF-8"), "--runs", "1"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success());
    assert!(text.contains("21 modules, 20 edges"), "{text}");
    for phase in [
        "load + parse",
        "parse (all threads)",
        "link",
        "evaluate",
        "total",
        "parse + link + evaluate",
        "peak RSS",
    ] {
        assert!(text.contains(phase), "{phase} in {text}");
    }
    // A graph whose evaluation throws: the error, exit status 1.
    std::fs::write(
        dir.join("m0.mjs"),
        "export const v = 1; throw new Error('broken graph');",
    )
    .expect("write");
    let out = vmjs(&["bench", entry.to_str().expect("UTF-8"), "--runs", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Error: broken graph"));
    // No such entry: a usage/I-O error.
    let out = vmjs(&["bench", "/nonexistent/main.mjs"]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scaling_mode_benches_every_size_and_plots() {
    let dir = temp_dir("scaling");
    std::fs::create_dir_all(&dir).expect("dir");
    let svg = dir.join("scaling.svg");
    let out = vmjs(&[
        "bench",
        "--sizes",
        "10,30",
        "--shapes",
        "chain,ring",
        "--runs",
        "1",
        "--json",
        "--plot",
        svg.to_str().expect("UTF-8"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(field(lines[0], "modules"), 11.0);
    assert_eq!(field(lines[1], "modules"), 31.0);
    assert!(lines[2].contains("\"entry\":\"ring-10\""), "{stdout}");
    let drawing = std::fs::read_to_string(&svg).expect("the plot is written");
    assert!(
        drawing.starts_with("<svg"),
        "{}",
        &drawing[..40.min(drawing.len())]
    );
    assert!(drawing.contains("chain") && drawing.contains("ring"));
    let _ = std::fs::remove_dir_all(&dir);
}

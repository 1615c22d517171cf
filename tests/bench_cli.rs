//! `vmjs bench`: on graphs made by `vmjs graph`, both ways of building
//! them (the native loader and `node:vm` with a JavaScript linker) report
//! the graph's modules, edges and bytes, and a time for every phase.

use std::path::{Path, PathBuf};
#[path = "common/cli.rs"]
mod cli;
use cli::vmjs;

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
    assert!(
        text.contains("21 modules (21 ES, 0 CommonJS), 20 edges"),
        "{text}"
    );
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

/// Writes `files` (path, text) under `dir`.
fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

#[test]
fn bench_counts_es_and_commonjs_modules_of_a_package_graph() {
    let dir = temp_dir("packages");
    write_files(
        &dir,
        &[
            (
                "main.mjs",
                "import { a } from 'esm-pkg'; import cjs from 'cjs-pkg'; \
                 import data from './data.json' with { type: 'json' }; \
                 export const total = a + cjs.b + data.c;",
            ),
            ("data.json", "{ \"c\": 3 }"),
            (
                "node_modules/esm-pkg/package.json",
                "{ \"type\": \"module\", \"exports\": \"./index.js\" }",
            ),
            (
                "node_modules/esm-pkg/index.js",
                "export { a } from './a.js';",
            ),
            ("node_modules/esm-pkg/a.js", "export const a = 1;"),
            (
                "node_modules/cjs-pkg/package.json",
                "{ \"main\": \"lib/index.js\" }",
            ),
            (
                "node_modules/cjs-pkg/lib/index.js",
                "exports.b = require('./b.js') + require('./c.cjs');",
            ),
            ("node_modules/cjs-pkg/lib/b.js", "module.exports = 1;"),
            ("node_modules/cjs-pkg/lib/c.cjs", "module.exports = 1;"),
        ],
    );
    let entry = dir.join("main.mjs");
    let out = vmjs(&[
        "bench",
        entry.to_str().expect("UTF-8"),
        "--runs",
        "2",
        "--json",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // main.mjs, esm-pkg's two files and the JSON module; cjs-pkg's three
    // files (one imported, two required).
    assert_eq!(field(&stdout, "modules"), 7.0, "{stdout}");
    assert_eq!(field(&stdout, "es_modules"), 4.0, "{stdout}");
    assert_eq!(field(&stdout, "commonjs_modules"), 3.0, "{stdout}");
    assert!(field(&stdout, "resolve_ms") > 0.0, "{stdout}");
    assert!(
        field(&stdout, "resolve_ms") <= field(&stdout, "total_ms"),
        "{stdout}"
    );
    let table = vmjs(&["bench", entry.to_str().expect("UTF-8"), "--runs", "1"]);
    let table = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(table.contains("7 modules (4 ES, 3 CommonJS)"), "{table}");
    assert!(table.contains("resolve"), "{table}");
    let _ = std::fs::remove_dir_all(&dir);
}

//! `vmjs run --cache DIR` and `vmjs bench --cache DIR`: a second run loads
//! every module file from the code cache, with the same output; an edited
//! file and a damaged entry are parsed again and their entries rewritten.

use std::path::PathBuf;
#[path = "common/cli.rs"]
mod cli;
use cli::vmjs;

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("vmjs-code-cache-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// stdout and the `--cache-stats` line of a run.
fn run_cached(entry: &str, cache: &str) -> (String, String) {
    let out = vmjs(&["run", "--cache", cache, "--cache-stats", entry]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stats = stderr
        .lines()
        .find(|l| l.starts_with("code cache:"))
        .unwrap_or_else(|| panic!("a stats line in {stderr}"))
        .to_string();
    (String::from_utf8_lossy(&out.stdout).into_owned(), stats)
}

#[test]
fn a_second_run_loads_every_module_from_the_cache() {
    let dir = temp_dir("run");
    let entry = dir.join("main.mjs");
    std::fs::write(
        &entry,
        "import { double } from './lib.mjs';\nconsole.log(double(21), await Promise.resolve('tla'));\n",
    )
    .expect("written");
    let lib = dir.join("lib.mjs");
    std::fs::write(&lib, "export function double(x) { return x * 2; }\n").expect("written");
    let (entry, cache) = (entry.to_str().expect("UTF-8"), dir.join("cache"));
    let cache = cache.to_str().expect("UTF-8");
    let (first, stats) = run_cached(entry, cache);
    assert_eq!(first, "42 tla\n");
    assert_eq!(
        stats,
        "code cache: 0 loaded, 2 parsed and written, 0 rejected"
    );
    let (second, stats) = run_cached(entry, cache);
    assert_eq!(second, first);
    assert_eq!(
        stats,
        "code cache: 2 loaded, 0 parsed and written, 0 rejected"
    );
    // An edited file has a new entry; the other still loads.
    std::fs::write(&lib, "export function double(x) { return x + x + 1; }\n").expect("written");
    let (third, stats) = run_cached(entry, cache);
    assert_eq!(third, "43 tla\n");
    assert_eq!(
        stats,
        "code cache: 1 loaded, 1 parsed and written, 0 rejected"
    );
    // Damaged entries are rejected, parsed again and rewritten.
    for file in std::fs::read_dir(cache)
        .expect("a cache directory")
        .flatten()
    {
        std::fs::write(file.path(), "not cached data").expect("written");
    }
    let (fourth, stats) = run_cached(entry, cache);
    assert_eq!(fourth, third);
    assert!(
        stats.ends_with("2 rejected") || stats.ends_with("3 rejected"),
        "{stats}"
    );
    assert!(stats.contains("0 loaded"), "{stats}");
    let (_, stats) = run_cached(entry, cache);
    assert_eq!(
        stats,
        "code cache: 2 loaded, 0 parsed and written, 0 rejected"
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

/// The number after `"key":` in `json`, from `from` on.
fn field(json: &str, from: &str, key: &str) -> f64 {
    let json = &json[json.find(from).expect("section")..];
    let at = json
        .find(&format!("\"{key}\":"))
        .unwrap_or_else(|| panic!("{key} in {json}"));
    let rest = &json[at + key.len() + 3..];
    let end = rest.find([',', '}']).expect("a value");
    rest[..end].parse().expect("a number")
}

#[test]
fn bench_reports_cold_and_warm_runs() {
    let dir = temp_dir("bench");
    let graph = dir.join("graph");
    let out = vmjs(&["graph", "dag", "30", graph.to_str().expect("UTF-8")]);
    assert!(out.status.success());
    let entry = graph.join("main.mjs");
    let cache = dir.join("cache");
    let out = vmjs(&[
        "bench",
        "--runs",
        "2",
        "--json",
        "--cache",
        cache.to_str().expect("UTF-8"),
        entry.to_str().expect("UTF-8"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(json.lines().count(), 1, "{json}");
    let modules = field(&json, "\"cold\"", "modules");
    assert_eq!(modules, 31.0);
    assert_eq!(field(&json, "\"cold\"", "cache_written"), modules);
    assert_eq!(field(&json, "\"cold\"", "cache_loaded"), 0.0);
    assert_eq!(field(&json, "\"warm\"", "cache_loaded"), modules);
    assert_eq!(field(&json, "\"warm\"", "cache_written"), 0.0);
    for section in ["\"cold\"", "\"warm\""] {
        for key in ["load_ms", "parse_ms", "link_ms", "evaluate_ms", "total_ms"] {
            assert!(field(&json, section, key) >= 0.0);
        }
    }
    // The table names both.
    let out = vmjs(&[
        "bench",
        "--runs",
        "1",
        "--cache",
        cache.to_str().expect("UTF-8"),
        entry.to_str().expect("UTF-8"),
    ]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("(cold code cache)") && table.contains("(warm code cache)"),
        "{table}"
    );
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

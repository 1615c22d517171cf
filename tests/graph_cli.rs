//! `vmjs graph`: every shape's files, edges and summary line, and what
//! `vmjs run main.mjs` prints for them, against values this file computes
//! from the shapes' definitions (the formulas are documented in
//! `src/cli/graph/`; Node prints the same for these graphs).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The modulus of every generated value.
const MODULUS: u64 = 1_000_003;
/// The modules per strongly connected component of `sccs`.
const SCC_SIZE: u32 = 8;
/// Sizes tried for every shape: the single module, a pair, one full SCC
/// and a partial one, and a few dozen.
const SIZES: [u32; 5] = [1, 2, 9, 16, 50];
const SHAPES: [&str; 7] = [
    "chain",
    "tree",
    "dag",
    "ring",
    "sccs",
    "star",
    "export-star-chain",
];

fn vmjs_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vmjs"));
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    command.args(args).output().expect("the vmjs binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh directory under the system temp directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "vmjs-graph-cli-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn path_str(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `vmjs graph ARGS…` into a fresh directory; checks the exit status
/// and returns the directory and the summary line.
fn generate(shape: &str, count: u32, extra: &[&str]) -> (TempDir, String) {
    let dir = TempDir::new();
    let count_text = count.to_string();
    let mut args = vec!["graph", shape, count_text.as_str(), dir.path_str()];
    args.extend_from_slice(extra);
    let out = vmjs_in(None, &args);
    assert!(
        out.status.success(),
        "vmjs {args:?} failed: {}",
        text(&out.stderr)
    );
    (dir, text(&out.stdout))
}

/// The modules a generated file imports or re-exports from, in order of
/// first appearance, each once (`from './mJ.mjs'`).
fn imported_modules(source: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for piece in source.split("from './m").skip(1) {
        let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
        assert!(
            piece[digits.len()..].starts_with(".mjs'"),
            "odd import in {source}"
        );
        let module: u32 = digits.parse().expect("a module number");
        if !found.contains(&module) {
            found.push(module);
        }
    }
    found
}

/// Every generated module's imports, read back from the files.
fn read_edges(dir: &Path, count: u32) -> Vec<Vec<u32>> {
    (0..count)
        .map(|i| {
            let source = std::fs::read_to_string(dir.join(format!("m{i}.mjs"))).expect("module");
            imported_modules(&source)
        })
        .collect()
}

/// The imports each module must have, by the shape's definition (`None`
/// for `dag`, whose random edges are checked by their properties instead).
fn expected_edges(shape: &str, count: u32, fanout: u32) -> Option<Vec<Vec<u32>>> {
    let edges = (0..count).map(|i| match shape {
        "chain" | "export-star-chain" => (i + 1..count).take(1).collect(),
        "tree" => (fanout * i + 1..count).take(fanout as usize).collect(),
        "ring" => vec![(i + 1) % count],
        "sccs" => {
            let first = i / SCC_SIZE * SCC_SIZE;
            let last = (first + SCC_SIZE - 1).min(count - 1);
            match i {
                _ if i < last => vec![i + 1],
                _ if last + 1 < count => vec![first, last + 1],
                _ => vec![first],
            }
        }
        "star" if i == 0 => (1..count).collect(),
        "star" => vec![],
        _ => unreachable!("shape {shape}"),
    });
    (shape != "dag").then(|| edges.collect())
}

/// `dag` edges: module i imports i + 1 first, then distinct later modules
/// in increasing order, `fanout` in all (fewer near the end).
fn check_dag_edges(edges: &[Vec<u32>], fanout: u32) {
    let count = edges.len() as u32;
    for (i, targets) in (0..count).zip(edges) {
        let expected_len = fanout.min(count - 1 - i) as usize;
        assert_eq!(targets.len(), expected_len, "module {i}: {targets:?}");
        if let Some(&first) = targets.first() {
            assert_eq!(first, i + 1, "module {i}: {targets:?}");
        }
        assert!(targets.windows(2).all(|w| w[0] < w[1]), "{targets:?}");
        assert!(targets.iter().all(|&t| t > i && t < count), "{targets:?}");
    }
}

/// `v(i) = (i + 1 + 2·Σ v(child)) mod 1000003`, children after parents.
fn acyclic_value(edges: &[Vec<u32>]) -> u64 {
    let mut value = vec![0u64; edges.len()];
    for i in (0..edges.len()).rev() {
        let children: u64 = edges[i].iter().map(|&c| value[c as usize]).sum();
        value[i] = (i as u64 + 1 + 2 * children) % MODULUS;
    }
    value[0]
}

/// The order in which the cyclic shapes' walk visits modules: `ring` goes
/// round twice; `sccs` goes round each group of 8 twice, group by group.
fn walk_order(shape: &str, count: u32) -> Vec<u32> {
    let group = if shape == "ring" { count } else { SCC_SIZE };
    let mut order = Vec::new();
    for first in (0..count).step_by(group as usize) {
        let members = first..(first + group).min(count);
        order.extend(members.clone().chain(members));
    }
    order
}

/// What `main.mjs` must print.
fn expected_output(shape: &str, count: u32, edges: &[Vec<u32>]) -> String {
    let n = u64::from(count);
    match shape {
        "chain" | "tree" | "dag" => format!("{}\n", acyclic_value(edges)),
        "ring" | "sccs" => {
            let x = walk_order(shape, count)
                .into_iter()
                .fold(0, |x, i| (2 * x + u64::from(i) + 1) % MODULUS);
            format!("{x}\n")
        }
        "star" => {
            let sum = (1..n).map(|i| i * 7919 % MODULUS).sum::<u64>() % MODULUS;
            format!("{} {sum}\n", n - 1)
        }
        "export-star-chain" => {
            let first = (0..n).rev().fold(0, |e, i| (2 * e + i + 1) % MODULUS);
            format!("{first} {}\n", n % MODULUS)
        }
        _ => unreachable!("shape {shape}"),
    }
}

/// Generates SHAPE with COUNT modules and checks everything: the files,
/// their edges, the summary line and the output of `vmjs run main.mjs`.
fn check_shape(shape: &str, count: u32, fanout: Option<u32>) {
    let fanout_text = fanout.map(|k| k.to_string());
    let extra: Vec<&str> = match &fanout_text {
        Some(k) => vec!["--fanout", k],
        None => vec![],
    };
    let (dir, summary) = generate(shape, count, &extra);
    let fanout = fanout.unwrap_or(if shape == "dag" { 3 } else { 2 });

    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the output directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut expected_names: Vec<String> = (0..count).map(|i| format!("m{i}.mjs")).collect();
    expected_names.push("main.mjs".into());
    expected_names.sort();
    assert_eq!(names, expected_names, "{shape} {count}");

    let edges = read_edges(dir.path(), count);
    match expected_edges(shape, count, fanout) {
        Some(expected) => assert_eq!(edges, expected, "{shape} {count}"),
        None => check_dag_edges(&edges, fanout),
    }
    let edge_count: usize = edges.iter().map(Vec::len).sum();
    let bytes: u64 = expected_names
        .iter()
        .map(|name| {
            std::fs::metadata(dir.path().join(name))
                .expect("file")
                .len()
        })
        .sum();
    assert_eq!(
        summary,
        format!(
            "wrote {count} modules, {edge_count} edges, {bytes} bytes to {}\n",
            dir.path_str()
        )
    );

    let run = vmjs_in(Some(dir.path()), &["run", "main.mjs"]);
    assert_eq!(text(&run.stderr), "", "{shape} {count}");
    assert!(run.status.success(), "{shape} {count}");
    assert_eq!(
        text(&run.stdout),
        expected_output(shape, count, &edges),
        "{shape} {count}"
    );
}

#[test]
fn every_shape_at_every_size() {
    for shape in SHAPES {
        for count in SIZES {
            check_shape(shape, count, None);
        }
    }
}

#[test]
fn fanout_shapes_the_tree_and_the_dag() {
    for count in [1, 7, 40] {
        check_shape("tree", count, Some(1));
        check_shape("tree", count, Some(3));
        check_shape("dag", count, Some(1));
        check_shape("dag", count, Some(6));
    }
}

#[test]
fn a_few_hundred_modules() {
    check_shape("dag", 300, None);
    check_shape("sccs", 300, None);
    check_shape("export-star-chain", 300, None);
}

#[test]
fn dag_edges_depend_on_the_seed_only() {
    let read_all = |dir: &TempDir| read_edges(dir.path(), 60);
    let (a, _) = generate("dag", 60, &["--seed", "42"]);
    let (b, _) = generate("dag", 60, &["--seed", "42"]);
    let (c, _) = generate("dag", 60, &["--seed", "43"]);
    let (default, _) = generate("dag", 60, &[]);
    let (one, _) = generate("dag", 60, &["--seed", "1"]);
    assert_eq!(read_all(&a), read_all(&b));
    assert_ne!(read_all(&a), read_all(&c));
    assert_eq!(read_all(&default), read_all(&one));
}

#[test]
fn existing_files_are_overwritten() {
    let (dir, _) = generate("star", 3, &[]);
    let again = vmjs_in(None, &["graph", "chain", "3", dir.path_str()]);
    assert!(again.status.success());
    let run = vmjs_in(Some(dir.path()), &["run", "main.mjs"]);
    // v(2) = 3, v(1) = 2 + 2·3, v(0) = 1 + 2·8.
    assert_eq!(text(&run.stdout), "17\n");
}

/// Exit status 2 and a message naming the problem on stderr, nothing on
/// stdout.
fn assert_usage_error(args: &[&str], mention: &str) {
    let out = vmjs_in(None, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert_eq!(text(&out.stdout), "", "{args:?}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains(mention), "{args:?}: {stderr}");
}

#[test]
fn bad_arguments() {
    let dir = TempDir::new();
    let outdir = dir.path_str();
    assert_usage_error(&["graph", "pyramid", "5", outdir], "pyramid");
    assert_usage_error(&["graph", "chain", "0", outdir], "0");
    assert_usage_error(&["graph", "chain", "-3", outdir], "-3");
    assert_usage_error(&["graph", "chain", "many", outdir], "many");
    assert_usage_error(&["graph", "chain", "5"], "OUTDIR");
    assert_usage_error(&["graph", "dag", "5", outdir, "--fanout", "0"], "0");
    assert_usage_error(&["graph", "dag", "5", outdir, "--fanout", "1001"], "1001");
    assert_usage_error(&["graph", "dag", "5", outdir, "--seed", "x"], "x");
    assert!(!dir.path().exists(), "nothing written on bad arguments");

    // OUTDIR below a regular file cannot be created, whoever runs the test.
    std::fs::create_dir_all(dir.path()).expect("temp dir");
    let file = dir.path().join("file");
    std::fs::write(&file, "").expect("a file");
    let below = file.join("graph");
    let below = below.to_str().expect("UTF-8 path");
    assert_usage_error(&["graph", "chain", "5", below], "cannot create directory");
    // OUTDIR that is a regular file.
    let file = file.to_str().expect("UTF-8 path");
    assert_usage_error(&["graph", "chain", "5", file], "cannot create directory");
}

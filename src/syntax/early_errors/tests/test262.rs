//! Runs test262's syntax expectations: `TEST262_DIR=/path/to/test262/test
//! cargo test --lib early_errors::tests::test262 -- --ignored --nocapture`.
//! A test with `negative: {phase: parse}` must fail to parse; every other
//! test must parse. Sloppy-mode (`noStrict`, `raw`) tests and proposals are
//! skipped.

use std::path::{Path, PathBuf};

use crate::syntax::{parse_module, parse_script};

const PROPOSALS: &[&str] = &["import-text", "import-bytes"];

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "js")
            && !path.to_string_lossy().contains("_FIXTURE")
        {
            files.push(path);
        }
    }
}

/// The frontmatter between `/*---` and `---*/`.
fn frontmatter(source: &str) -> &str {
    let start = source.find("/*---").map_or(0, |i| i + 5);
    let end = source[start..].find("---*/").map_or(start, |i| start + i);
    &source[start..end]
}

#[test]
#[ignore]
fn test262() {
    let Ok(root) = std::env::var("TEST262_DIR") else {
        return;
    };
    let mut files = Vec::new();
    collect(Path::new(&root), &mut files);
    files.sort();
    let (mut passed, mut failed) = (0, 0);
    for path in files {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let meta = frontmatter(&source);
        let flags = meta.lines().find(|l| l.trim_start().starts_with("flags:"));
        let has_flag = |flag: &str| flags.is_some_and(|l| l.contains(flag));
        if has_flag("noStrict") || has_flag("raw") || PROPOSALS.iter().any(|p| meta.contains(p)) {
            continue;
        }
        let must_fail = meta.contains("phase: parse");
        let result = if has_flag("module") {
            parse_module(&source).map(|_| ())
        } else {
            parse_script(&source).map(|_| ())
        };
        match (must_fail, result) {
            (true, Err(_)) | (false, Ok(())) => passed += 1,
            (true, Ok(())) => {
                failed += 1;
                println!("ACCEPTED {}", path.display());
            }
            (false, Err(error)) => {
                failed += 1;
                println!("REJECTED {}: {}", path.display(), error.message);
            }
        }
    }
    println!("test262: {passed} passed, {failed} failed");
}

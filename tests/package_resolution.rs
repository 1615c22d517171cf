//! Node's ES module resolution on hand-written package layouts
//! (tests/packages/CASE/): `vmjs run CASE/main.mjs` prints what Node v20
//! printed for the same file (`expected.stdout`, `expected.status`; an
//! uncaught error's `Error [CODE]: message` line in `expected.stderr`),
//! the case's folder written `<dir>`. `record.sh` there records them.
//! A case's entry is `main.mjs`, or `main.cjs` for a CommonJS entry.

use std::path::{Path, PathBuf};
use std::process::Command;

fn packages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packages")
}

/// Makes the symbolic links a case lists in `symlinks` (`LINK TARGET`).
fn make_symlinks(dir: &Path) {
    let Ok(list) = std::fs::read_to_string(dir.join("symlinks")) else {
        return;
    };
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let (link, target) = line.split_once(' ').expect("LINK TARGET");
        let link = dir.join(link);
        let _ = std::fs::remove_file(&link);
        std::fs::create_dir_all(link.parent().expect("parent")).expect("mkdir");
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, &link).expect("symlink");
    }
}

/// Runs `vmjs run [ARGS] main.mjs` in `dir`: (status, stdout, stderr),
/// with `dir` written `<dir>`.
fn run_case(dir: &Path, entry: &str) -> (Option<i32>, String, String) {
    let args: Vec<String> = std::fs::read_to_string(dir.join("args"))
        .map(|a| a.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .current_dir(dir)
        .arg("run")
        .args(&args)
        .arg(entry)
        .output()
        .expect("vmjs runs");
    let real = std::fs::canonicalize(dir).expect("case dir");
    let show =
        |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&*real.to_string_lossy(), "<dir>");
    (out.status.code(), show(&out.stdout), show(&out.stderr))
}

/// A case's entry file: `main.mjs` or `main.cjs`.
fn entry_of(dir: &Path) -> Option<&'static str> {
    ["main.mjs", "main.cjs"]
        .into_iter()
        .find(|entry| dir.join(entry).is_file())
}

#[test]
fn package_layouts_resolve_as_node_does() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(packages())
        .expect("tests/packages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| entry_of(p).is_some() && p.join("expected.stdout").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the cases are there");
    let mut failures = Vec::new();
    for dir in &cases {
        make_symlinks(dir);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let entry = entry_of(dir).expect("filtered above");
        let (status, stdout, stderr) = run_case(dir, entry);
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        let expected_status: i32 = read("expected.status").trim().parse().unwrap_or(0);
        if status != Some(expected_status) {
            failures.push(format!(
                "{name}: status {status:?}, Node's {expected_status}\n{stderr}"
            ));
        }
        if stdout != read("expected.stdout") {
            failures.push(format!(
                "{name}: stdout differs\n--- vmjs\n{stdout}--- node\n{}",
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

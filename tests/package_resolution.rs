//! Node's ES module resolution on hand-written package layouts
//! (tests/packages/CASE/): `vmjs run CASE/main.mjs` prints what Node v20
//! printed for the same file (`expected.stdout`, `expected.status`; an
//! uncaught error's `Error [CODE]: message` line in `expected.stderr`),
//! the case's folder written `<dir>`. `record.sh` there records them.
//! Cases whose Node behaviour vmjs does not share yet (CommonJS) are
//! checked at the end, against vmjs's own error.

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

#[test]
fn package_layouts_resolve_as_node_does() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(packages())
        .expect("tests/packages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("main.mjs").is_file() && p.join("expected.stdout").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the cases are there");
    let mut failures = Vec::new();
    for dir in &cases {
        make_symlinks(dir);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (status, stdout, stderr) = run_case(dir, "main.mjs");
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

#[test]
fn commonjs_is_a_clear_error_until_it_is_supported() {
    // Node would run these; vmjs says why it cannot.
    let dir = packages().join("type_field");
    for (specifier, file) in [
        ("cjs-pkg/lib.js", "node_modules/cjs-pkg/lib.js"),
        ("cjs-pkg/lib.cjs", "node_modules/cjs-pkg/lib.cjs"),
    ] {
        let main = dir.join("cjs_entry.mjs");
        std::fs::write(&main, format!("import '{specifier}';\n")).expect("write");
        let (status, _, stderr) = run_case(&dir, "cjs_entry.mjs");
        let _ = std::fs::remove_file(&main);
        assert_eq!(status, Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "Error: Cannot load '<dir>/{file}' imported from <dir>/cjs_entry.mjs: it is a CommonJS module, and CommonJS is not supported yet"
            )),
            "{stderr}"
        );
    }
}

//! What `vmjs run` prints for an uncaught exception that is not an Error:
//! the value as util.inspect shows it, as Node prints it (outputs recorded
//! from Node v20 on the same files).

use std::process::Command;

/// Runs `source` as a module file; returns (exit status, stderr).
fn run(name: &str, source: &str) -> (Option<i32>, String) {
    let dir = std::env::temp_dir().join(format!("vmjs-uncaught-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(name);
    std::fs::write(&file, source).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .arg("run")
        .arg(&file)
        .output()
        .expect("vmjs runs");
    let _ = std::fs::remove_file(&file);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn thrown_objects_print_as_inspected() {
    let (status, stderr) = run("plain.mjs", "throw {a: 1, b: \"x\"};\n");
    assert_eq!(status, Some(1));
    assert_eq!(stderr.trim_end(), "{ a: 1, b: 'x' }");

    let (status, stderr) = run(
        "constructed.mjs",
        "function Test262Error(message) { this.message = message || \"\"; }\n\
         Test262Error.prototype.toString = function () { return \"Test262Error: \" + this.message; };\n\
         throw new Test262Error(\"boom\");\n",
    );
    assert_eq!(status, Some(1));
    assert_eq!(stderr.trim_end(), "Test262Error { message: 'boom' }");

    let (status, stderr) = run("number.mjs", "throw 42;\n");
    assert_eq!(status, Some(1));
    assert_eq!(stderr.trim_end(), "42");
}

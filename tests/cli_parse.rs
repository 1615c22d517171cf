//! `vmjs parse`: output, ESTree JSON (checked against acorn's trees in
//! tests/estree_fixtures), SyntaxError reports and exit statuses.

use std::path::{Path, PathBuf};
#[path = "common/cli.rs"]
mod cli;
use cli::vmjs;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A file in a fresh directory under the system temp directory; both are
/// removed on drop.
struct TempFile(PathBuf);

impl std::ops::Deref for TempFile {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn temp_file(name: &str, contents: &[u8]) -> TempFile {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vmjs-cli-parse-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("temp file");
    TempFile(path)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn parse_file(path: &Path, json: bool) -> Output {
    let path = path.to_str().expect("UTF-8 temp path");
    if json {
        vmjs(&["parse", path, "--json"])
    } else {
        vmjs(&["parse", path])
    }
}

// ---------------------------------------------------------------------------
// A small JSON checker (iterative, so deep documents cannot overflow it)
// ---------------------------------------------------------------------------

/// Checks that `text` is exactly one JSON value (RFC 8259), optionally
/// followed by whitespace; returns the greatest nesting depth.
fn check_json(text: &str) -> Result<usize, String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Open containers: b'{' or b'['.
    let mut stack: Vec<u8> = Vec::new();
    let mut max_depth = 0;
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && matches!(bytes[*i], b' ' | b'\t' | b'\n' | b'\r') {
            *i += 1;
        }
    };
    let err = |i: usize, what: &str| Err(format!("{what} at byte {i}"));
    loop {
        // A value is expected here.
        skip_ws(&mut i);
        let Some(&c) = bytes.get(i) else {
            return err(i, "missing value");
        };
        let mut opened = false;
        match c {
            b'{' | b'[' => {
                stack.push(c);
                max_depth = max_depth.max(stack.len());
                i += 1;
                skip_ws(&mut i);
                let close = if c == b'{' { b'}' } else { b']' };
                if bytes.get(i) == Some(&close) {
                    stack.pop();
                    i += 1;
                } else {
                    opened = true;
                }
            }
            b'"' => i = scan_string(bytes, i)?,
            b't' | b'f' | b'n' => {
                let word = ["true", "false", "null"]
                    .into_iter()
                    .find(|w| text[i..].starts_with(w));
                match word {
                    Some(w) => i += w.len(),
                    None => return err(i, "bad literal"),
                }
            }
            b'-' | b'0'..=b'9' => i = scan_number(bytes, i)?,
            _ => return err(i, "unexpected character"),
        }
        if opened {
            if stack.last() == Some(&b'{') {
                i = scan_key(bytes, i)?;
            }
            continue;
        }
        // After a value: `,` (then maybe a key), or close containers.
        loop {
            skip_ws(&mut i);
            let Some(&top) = stack.last() else {
                skip_ws(&mut i);
                return if i == bytes.len() {
                    Ok(max_depth)
                } else {
                    err(i, "trailing text")
                };
            };
            match bytes.get(i) {
                Some(b',') => {
                    i += 1;
                    if top == b'{' {
                        skip_ws(&mut i);
                        i = scan_key(bytes, i)?;
                    }
                    break;
                }
                Some(b'}') if top == b'{' => {
                    stack.pop();
                    i += 1;
                }
                Some(b']') if top == b'[' => {
                    stack.pop();
                    i += 1;
                }
                _ => return err(i, "expected , or close"),
            }
        }
    }
}

/// `"key":` starting at `i` (whitespace allowed around the colon).
fn scan_key(bytes: &[u8], mut i: usize) -> Result<usize, String> {
    while matches!(bytes.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        return Err(format!("expected key at byte {i}"));
    }
    i = scan_string(bytes, i)?;
    while matches!(bytes.get(i), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        i += 1;
    }
    if bytes.get(i) != Some(&b':') {
        return Err(format!("expected : at byte {i}"));
    }
    Ok(i + 1)
}

fn scan_string(bytes: &[u8], start: usize) -> Result<usize, String> {
    let mut i = start + 1;
    loop {
        match bytes.get(i) {
            None => return Err(format!("unterminated string at byte {start}")),
            Some(b'"') => return Ok(i + 1),
            Some(b'\\') => match bytes.get(i + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                Some(b'u') => {
                    let hex = bytes.get(i + 2..i + 6).unwrap_or(&[]);
                    if hex.len() != 4 || !hex.iter().all(u8::is_ascii_hexdigit) {
                        return Err(format!("bad \\u escape at byte {i}"));
                    }
                    i += 6;
                }
                _ => return Err(format!("bad escape at byte {i}")),
            },
            Some(&c) if c < 0x20 => return Err(format!("raw control character at byte {i}")),
            Some(_) => i += 1,
        }
    }
}

fn scan_number(bytes: &[u8], start: usize) -> Result<usize, String> {
    let mut i = start;
    let digits = |i: &mut usize| {
        let from = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'0') {
        i += 1;
    } else if !digits(&mut i) {
        return Err(format!("bad number at byte {start}"));
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return Err(format!("bad fraction at byte {start}"));
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return Err(format!("bad exponent at byte {start}"));
        }
    }
    Ok(i)
}

#[test]
fn json_checker_accepts_and_rejects() {
    assert_eq!(
        check_json(r#"{"a":[1,-2.5e+3,"x\u0041\n",true,null,{}],"b":[]}"#),
        Ok(3)
    );
    assert_eq!(check_json("[[[]]]\n"), Ok(3));
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "[01]",
        "\"\\x\"",
        "[1] 2",
        "{1:2}",
        "[\"a\nb\"]",
    ] {
        assert!(check_json(bad).is_err(), "{bad:?} accepted");
    }
}

/// Where two texts first differ, with some context, for assertion messages.
fn first_difference(got: &str, want: &str) -> String {
    let at = got
        .bytes()
        .zip(want.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let from = at.saturating_sub(200);
    let context = |s: &str| {
        s.get(from..(at + 200).min(s.len()))
            .unwrap_or("")
            .to_string()
    };
    format!(
        "first difference at byte {at}\n got: …{}…\nwant: …{}…",
        context(got),
        context(want)
    )
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/estree_fixtures")
}

fn check_fixture(name: &str) {
    let source = fixture_dir().join(format!("{name}.mjs"));
    let want =
        std::fs::read_to_string(fixture_dir().join(format!("{name}.json"))).expect("fixture");
    let out = parse_file(&source, true);
    assert_same_tree(name, &out, &want);
}

/// `out` succeeded and printed valid JSON equal to `want` (trailing
/// whitespace aside).
fn assert_same_tree(name: &str, out: &Output, want: &str) {
    assert!(out.status.success(), "{name}: {}", stderr(out));
    let got = stdout(out);
    check_json(&got).unwrap_or_else(|e| panic!("{name}: invalid JSON: {e}"));
    assert!(
        got.trim_end() == want.trim_end(),
        "{name}: {}",
        first_difference(got.trim_end(), want.trim_end())
    );
}

/// Each `scripts/NAME.js` against `scripts/NAME.json`, parsed with
/// `--script`.
#[test]
fn estree_matches_acorn_for_scripts() {
    let dir = fixture_dir().join("scripts");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("script fixtures")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "js"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "script fixtures missing");
    for source in names {
        let name = source.display().to_string();
        let want = std::fs::read_to_string(source.with_extension("json")).expect("fixture");
        let out = vmjs(&[
            "parse",
            "--script",
            "--json",
            source.to_str().expect("UTF-8"),
        ]);
        assert_same_tree(&name, &out, &want);
    }
}

#[test]
fn script_tree_output() {
    let path = temp_file(
        "sloppy.js",
        b"with (o) x;\n<!-- comment\nfor (var k = 010 in o);\n",
    );
    let out = vmjs(&["parse", "--script", path.to_str().expect("UTF-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Script @1:1\n  With @1:1\n    object: Ident o @1:7\n    body: ExprStmt @1:10\n      Ident x @1:10\n  ForIn @3:1\n    left var: Ident k @3:10\n    init: Num 8 @3:14\n    right: Ident o @3:21\n    body: Empty @3:23\n"
    );
    // The same source is no module.
    let out = parse_file(&path, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out)
        .starts_with("SyntaxError: Strict mode code may not include a with statement\n"));
}

/// Early errors of scripts, with Node's messages and places.
#[test]
fn script_syntax_errors() {
    let cases: [(&[u8], &str, &str); 5] = [
        (b"var a;\nreturn 1;\n", "Illegal return statement", "2:1"),
        (
            b"'use strict';\nwith (a) {}\n",
            "Strict mode code may not include a with statement",
            "2:1",
        ),
        (
            b"'use strict'; var x = 010;\n",
            "Octal literals are not allowed in strict mode.",
            "1:23",
        ),
        (
            b"function f() { 'use strict'; for (var a = 1 in {}); }\n",
            "for-in loop variable declaration may not have an initializer.",
            "1:39",
        ),
        (b"export var x;\n", "Unexpected token 'export'", "1:1"),
    ];
    for (source, message, place) in cases {
        let path = temp_file("bad.js", source);
        let path_text = path.to_str().expect("UTF-8 path");
        for json in [false, true] {
            let args: &[&str] = if json {
                &["parse", "--script", "--json", path_text]
            } else {
                &["parse", "--script", path_text]
            };
            let out = vmjs(args);
            assert_eq!(out.status.code(), Some(1), "{message}");
            assert!(out.stdout.is_empty());
            let err = stderr(&out);
            let lines: Vec<&str> = err.lines().collect();
            assert_eq!(
                lines.first().copied(),
                Some(format!("SyntaxError: {message}").as_str())
            );
            assert_eq!(
                lines.get(1).copied(),
                Some(format!("{path_text}:{place}").as_str())
            );
        }
    }
}

#[test]
fn estree_matches_acorn_for_modules() {
    check_fixture("modules");
}

#[test]
fn estree_matches_acorn_for_classes() {
    check_fixture("classes");
}

#[test]
fn estree_matches_acorn_for_expressions() {
    check_fixture("expressions");
}

#[test]
fn estree_matches_acorn_for_statements() {
    check_fixture("statements");
}

#[test]
fn estree_matches_acorn_for_patterns() {
    check_fixture("patterns");
}

#[test]
fn estree_matches_acorn_for_literals() {
    check_fixture("literals");
}

#[test]
fn estree_matches_acorn_after_inserted_semicolons() {
    check_fixture("asi");
}

#[test]
fn examples_parse_to_valid_json_and_tree() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut count = 0;
    for entry in std::fs::read_dir(&examples).expect("examples dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|e| e != "mjs") {
            continue;
        }
        count += 1;
        let out = parse_file(&path, true);
        assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
        check_json(&stdout(&out)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let out = parse_file(&path, false);
        assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
        assert!(stdout(&out).starts_with("Module @1:1\n"));
    }
    assert!(count >= 4, "expected the example modules, found {count}");
}

#[test]
fn tree_output_is_one_node_per_line() {
    let path = temp_file(
        "tree.mjs",
        b"import x, { a as b } from \"./a.mjs\";\nexport const y = [1, , 'two'];\nif (x) f?.(y);\n",
    );
    let out = parse_file(&path, false);
    assert!(out.status.success(), "{}", stderr(&out));
    let want = "\
Module @1:1
  ImportDecl default=x named=[a as b] from \"./a.mjs\" @1:1
  ExportDecl @2:1
    Var const @2:8
      Declarator @2:14
        target: Ident y @2:14
        init: Array @2:18
          Num 1 @2:19
          Hole
          Str \"two\" @2:24
  If @3:1
    test: Ident x @3:5
    then: ExprStmt @3:8
      OptionalChain @3:8
        Call ?. @3:8
          callee: Ident f @3:8
          arg: Ident y @3:12
";
    assert_eq!(stdout(&out), want);
}

#[test]
fn tree_output_for_classes_and_patterns() {
    let path = temp_file(
        "class.mjs",
        b"class A extends B { #x = 1; get y() { return this.#x; } }\nlet { a, b: [c = 2] } = o;\n",
    );
    let out = parse_file(&path, false);
    assert!(out.status.success(), "{}", stderr(&out));
    let want = "\
Module @1:1
  Class A @1:1
    extends: Ident B @1:17
    Field #x @1:21
      value: Num 1 @1:26
    ClassMethod get y @1:29
      Return @1:39
        Member .#x @1:46
          object: This @1:46
  Var let @2:1
    Declarator @2:5
      target: ObjectPattern @2:5
        Shorthand a @2:7
        Prop b @2:10
          value: ArrayPattern @2:13
            Ident c @2:14
              default: Num 2 @2:18
      init: Ident o @2:25
";
    assert_eq!(stdout(&out), want);
}

#[test]
fn json_offsets_are_bytes_and_columns_utf16() {
    // `x` starts at byte 18; before it on its line are 15 UTF-16 units
    // (U+00E9 is one unit, the emoji two).
    let path = temp_file("utf8.mjs", "let s = \"\u{e9}\u{1F600}\"; x;\n".as_bytes());
    let out = parse_file(&path, true);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = stdout(&out);
    check_json(&json).expect("valid JSON");
    let x = r#"{"type":"Identifier","start":18,"end":19,"loc":{"start":{"line":1,"column":15},"end":{"line":1,"column":16}},"name":"x"}"#;
    assert!(json.contains(x), "{json}");
    let literal = "\"value\":\"\u{e9}\u{1F600}\",\"raw\":\"\\\"\u{e9}\u{1F600}\\\"\"";
    assert!(json.contains(literal), "{json}");
}

#[test]
fn non_utf8_bytes_are_decoded_lossily() {
    let path = temp_file("latin1.mjs", b"export const s = \"caf\xe9\";\n");
    let out = parse_file(&path, false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Str \"caf\u{FFFD}\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn lone_surrogates_are_escaped_in_json() {
    let path = temp_file("surrogate.mjs", b"export const s = '\\ud800x';\n");
    let out = parse_file(&path, true);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = stdout(&out);
    check_json(&json).expect("valid JSON");
    // What JSON.stringify("\ud800x") prints.
    assert!(json.contains(r#""value":"\ud800x""#), "{json}");
}

// ---------------------------------------------------------------------------
// Deep input
// ---------------------------------------------------------------------------

fn deep_source(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!(
        "export default {}{}{};\n",
        open.repeat(depth),
        middle,
        close.repeat(depth)
    )
}

#[test]
fn deep_nesting_prints_without_overflow() {
    // ESTree has no node for parentheses, so deep parentheses give shallow JSON.
    for (source, deep_json) in [
        (deep_source("[", "0", "]", 1500), true),
        (deep_source("(", "x", ")", 1500), false),
        (deep_source("!", "x", "", 1500), true),
        (
            format!("{}x;{}\n", "{".repeat(1500), "}".repeat(1500)),
            true,
        ),
        (format!("{}0\n", "() => ".repeat(1500)), true),
    ] {
        let path = temp_file("deep.mjs", source.as_bytes());
        let out = parse_file(&path, false);
        assert!(out.status.success(), "tree: {}", stderr(&out));
        assert!(stdout(&out).lines().count() > 1500);
        let out = parse_file(&path, true);
        assert!(out.status.success(), "json: {}", stderr(&out));
        let depth = check_json(&stdout(&out)).expect("valid JSON");
        assert!(!deep_json || depth > 1500, "JSON depth {depth}");
    }
}

// ---------------------------------------------------------------------------
// Errors and exit statuses
// ---------------------------------------------------------------------------

#[test]
fn syntax_error_report_and_status() {
    let path = temp_file("bad.mjs", b"export const = 1;\n");
    let out = parse_file(&path, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    // Node: `SyntaxError: Unexpected token '='` for this source.
    assert_eq!(lines.first(), Some(&"SyntaxError: Unexpected token '='"));
    assert_eq!(
        lines.get(1).copied(),
        Some(format!("{}:1:14", path.display()).as_str())
    );
    assert_eq!(lines.get(2), Some(&"export const = 1;"));
    assert_eq!(lines.get(3), Some(&"             ^"));
    // --json changes nothing for errors.
    let out = parse_file(&path, true);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("SyntaxError: Unexpected token '='\n"));
}

#[test]
fn syntax_error_can_be_coloured() {
    let path = temp_file("bad.mjs", b"let x = 1;\nexport const = 1;\n");
    let path_text = path.to_str().expect("UTF-8 path");
    let out = vmjs(&["--color", "always", "parse", path_text]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains('\u{1b}'), "no colour codes: {err}");
    assert!(err.contains("Unexpected token '='"), "{err}");
    assert!(err.contains(&format!("{path_text}:2:14")), "{err}");
    let out = vmjs(&["parse", "--color", "never", path_text]);
    assert!(stderr(&out).starts_with("SyntaxError: Unexpected token '='\n"));
}

#[test]
fn missing_file_is_an_io_error() {
    let path = std::env::temp_dir().join("vmjs-cli-parse-no-such-file.mjs");
    let out = parse_file(&path, false);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        format!(
            "vmjs: cannot read {}: No such file or directory\n",
            path.display()
        )
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &[][..],
        &["parse"][..],
        &["frobnicate"][..],
        &["parse", "a.mjs", "--bogus"][..],
    ] {
        let out = vmjs(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    let out = vmjs(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("parse"));
}

/// Found by the `parse` fuzz target: a string literal with a lone surrogate
/// prints it as a `\u` escape, as JSON.stringify of acorn's tree does.
#[test]
fn estree_matches_acorn_for_lone_surrogates() {
    check_fixture("lone-surrogates");
}

/// Found by the acorn differential: `*` as multiplication in a class field
/// or an object literal value, followed by `new /re/`.
#[test]
fn estree_matches_acorn_for_fuzz_regressions() {
    check_fixture("fuzz-regressions");
}

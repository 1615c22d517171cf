//! Tests: source text through `parse_module`, expected messages (and, where
//! our spans agree, columns) as Node v20 printed them for the same module.

mod classes;
mod declarations;
mod expressions;
mod functions;
mod labels;
mod modules;
mod nesting;
mod scripts;
mod sloppy;
mod test262;

use crate::syntax::parse_module;

/// `source` is a valid module.
fn accepts(source: &str) {
    if let Err(error) = parse_module(source) {
        panic!("{source:?} was rejected: {}", error.message);
    }
}

/// `source` is rejected with `message`.
fn rejects(source: &str, message: &str) {
    match parse_module(source) {
        Ok(_) => panic!("{source:?} was accepted; expected {message:?}"),
        Err(error) => assert_eq!(error.message, message, "for {source:?}"),
    }
}

/// `source` is rejected with `message` at byte `column` (one-line sources).
fn rejects_at(source: &str, message: &str, column: u32) {
    match parse_module(source) {
        Ok(_) => panic!("{source:?} was accepted; expected {message:?}"),
        Err(error) => {
            assert_eq!(error.message, message, "for {source:?}");
            assert_eq!(error.span.start, column, "error position for {source:?}");
        }
    }
}

/// Compares against a table of Node's results: `EARLY_CASES=file.tsv cargo
/// test -- --ignored compare_with_table`; each line is
/// `source<TAB>message or OK<TAB>column`.
#[test]
#[ignore]
fn compare_with_table() {
    let Ok(path) = std::env::var("EARLY_CASES") else {
        return;
    };
    let table = std::fs::read_to_string(path).expect("readable table");
    let (mut same, mut differ) = (0, 0);
    for line in table.lines() {
        let mut fields = line.split('\t');
        let (Some(source), Some(message), Some(column)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let got = match crate::syntax::parse_module(source) {
            Ok(_) => ("OK".to_string(), -1),
            Err(e) => (e.message, e.span.start as i64),
        };
        let want_column: i64 = column.parse().unwrap_or(-1);
        if got.0 == message && (message == "OK" || got.1 == want_column) {
            same += 1;
        } else {
            differ += 1;
            println!(
                "{source}\n    node: {message} @{want_column}\n    ours: {} @{}",
                got.0, got.1
            );
        }
    }
    println!("{same} same, {differ} differ");
}

/// Compares whole files against Node: `EARLY_FILES=list.tsv cargo test --
/// --ignored compare_files`; each line is `path<TAB>message or OK`.
#[test]
#[ignore]
fn compare_files() {
    let Ok(list) = std::env::var("EARLY_FILES") else {
        return;
    };
    let list = std::fs::read_to_string(list).expect("readable list");
    let (mut same, mut differ) = (0, 0);
    for line in list.lines() {
        let Some((path, message)) = line.split_once('\t') else {
            continue;
        };
        let Ok(source) = std::fs::read_to_string(path) else {
            continue;
        };
        let got = match parse_module(&source) {
            Ok(_) => "OK".to_string(),
            Err(e) => e.message,
        };
        if got == message {
            same += 1;
        } else {
            differ += 1;
            println!("{path}\n    node: {message}\n    ours: {got}");
        }
    }
    println!("{same} same, {differ} differ");
}

/// Times parsing plus early errors of a file: `EARLY_TIME=file.mjs cargo
/// test -- --ignored time_file`.
#[test]
#[ignore]
fn time_file() {
    let Ok(path) = std::env::var("EARLY_TIME") else {
        return;
    };
    let source = std::fs::read_to_string(path).expect("readable file");
    let start = std::time::Instant::now();
    let result = parse_module(&source).map(|_| ());
    println!("{:?} in {:?}", result, start.elapsed());
}

//! Every family of native methods whose work grows with its input ends at
//! the timeout: each case below would run for minutes (or exhaust memory),
//! and must end with the timeout error (or V8's RangeError, where V8 throws
//! one at once) within a small multiple of a 300 ms timeout. Node v20 ends
//! each the same way (`vm.SourceTextModule` + `evaluate({ timeout: 300 })`),
//! but for `JSON.stringify` of the huge array, which V8 rejects at once with
//! `RangeError: Invalid string length`; vmjs serialises until the timeout.

use std::time::{Duration, Instant};

use vmjs::embed::{Limits, ModuleOptions, Runtime, SourceTextModule};

const TIMEOUT: Duration = Duration::from_millis(300);
/// How long a case may take in all: the timeout, the first poll after it,
/// and a loaded machine.
const WITHIN: Duration = Duration::from_secs(5);

/// A sparse array of the largest length.
const HUGE: &str = "const a = []; a.length = 2 ** 32 - 1; ";

/// Evaluates `source` under the timeout; returns how it ended.
fn outcome(source: &str) -> (String, Duration) {
    let mut rt = Runtime::with_limits(Limits {
        timeout: Some(TIMEOUT),
        ..Limits::default()
    });
    let started = Instant::now();
    let m = SourceTextModule::new(&mut rt, source, ModuleOptions::default()).unwrap();
    m.link(&mut rt, |_, _, _, _| unreachable!("no imports"))
        .unwrap();
    let ended = match m.evaluate(&mut rt) {
        Ok(_) => "completed".to_string(),
        Err(e) => e
            .code()
            .map(str::to_string)
            .unwrap_or_else(|| e.to_string().lines().next().unwrap_or("").to_string()),
    };
    (ended, started.elapsed())
}

fn assert_times_out(cases: &[(&str, String)]) {
    for (name, source) in cases {
        let (ended, took) = outcome(source);
        assert_eq!(ended, "ERR_SCRIPT_EXECUTION_TIMEOUT", "{name}");
        assert!(took < WITHIN, "{name} took {took:?}");
    }
}

#[test]
fn array_methods_over_huge_lengths() {
    let cases: Vec<(&str, String)> = [
        ("indexOf", "a.indexOf(1)"),
        ("lastIndexOf", "a.lastIndexOf(1)"),
        ("includes", "a.includes(1)"),
        ("every", "a.every(() => true)"),
        ("forEach", "a.forEach(() => {})"),
        ("map", "a.map((x) => x)"),
        ("filter", "a.filter((x) => x)"),
        ("reduce", "a.reduce((x) => x, 0)"),
        ("findLast", "a.findLast(() => false)"),
        ("copyWithin", "a.copyWithin(1, 0)"),
        ("reverse", "a.reverse()"),
        ("join", "a.join('')"),
        ("slice", "a.slice(0, 2 ** 32 - 2)"),
        ("splice", "a.splice(0, 2 ** 32 - 2)"),
        ("sort", "a.sort()"),
        ("toSorted", "a.toSorted()"),
        ("flat", "a.flat()"),
        ("keys", "a.keys().toArray()"),
        ("Array.from", "Array.from({ length: 2 ** 32 - 1 })"),
        (
            "array-like",
            "Array.prototype.indexOf.call({ length: 2 ** 53 - 1 }, 1)",
        ),
    ]
    .into_iter()
    .map(|(name, call)| (name, format!("{HUGE}{call};")))
    .collect();
    assert_times_out(&cases);
}

#[test]
fn strings_json_and_regular_expressions() {
    let cases: Vec<(&str, String)> = [
        ("split into characters", "'ab'.repeat(2e7).split('');"),
        ("split", "'a,'.repeat(1e8).split(',');"),
        (
            "replaceAll",
            "for (;;) 'a'.repeat(1e8).replaceAll('a', 'b');",
        ),
        (
            "JSON.stringify",
            "const a = []; a.length = 2 ** 32 - 1; JSON.stringify(a);",
        ),
        ("JSON.parse", "JSON.parse('[' + '1,'.repeat(5e7) + '1]');"),
        ("backtracking", "/(a+)+$/.test('a'.repeat(40) + 'b');"),
        (
            "backtracking in replace",
            "('x'.repeat(30) + 'y').replace(/(x+x+)+z/, '');",
        ),
    ]
    .into_iter()
    .map(|(name, source)| (name, source.to_string()))
    .collect();
    assert_times_out(&cases);
}

#[test]
fn typed_array_methods_over_large_arrays() {
    // 2^27 elements: each method used to make the list of all elements as
    // values before its first poll (about 7 s past a 300 ms timeout for
    // `sort`). V8 sorts and converts such arrays natively in about a second,
    // with no interrupt inside; vmjs polls while it makes the list.
    let cases: Vec<(&str, String)> = [
        ("sort", "new Uint8Array(2 ** 27).sort();"),
        (
            "sort with a comparator",
            "new Uint8Array(2 ** 27).sort((x, y) => y - x);",
        ),
        ("toSorted", "new Uint8Array(2 ** 27).toSorted();"),
        (
            "set from another element type",
            "new Uint16Array(2 ** 27).set(new Uint8Array(2 ** 27));",
        ),
        (
            "construct from another element type",
            "new Uint16Array(new Uint8Array(2 ** 27));",
        ),
    ]
    .into_iter()
    .map(|(name, source)| (name, format!("for (;;) {source}")))
    .collect();
    assert_times_out(&cases);
}

#[test]
fn v8_size_limits_throw_at_once() {
    for source in [
        "const a = []; a.length = 2 ** 32 - 1; String(a);",
        "'x'.repeat(2 ** 29);",
        "'x'.padEnd(2 ** 30);",
        "let s = 'x'; for (let i = 0; i < 40; i++) s += s;",
    ] {
        let (ended, took) = outcome(source);
        assert_eq!(ended, "RangeError: Invalid string length", "{source}");
        assert!(took < WITHIN, "{source} took {took:?}");
    }
}

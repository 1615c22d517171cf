//! Interpreter throughput: the programs of `examples/bench/` at sizes that
//! suit repeated sampling (the full-size programs run under
//! `benches/compare.sh`, which also times Node's interpreter on them).
//!
//! Each sample creates a fresh agent (realm and builtins), runs the module
//! and its jobs to completion, and checks what it printed. `cargo bench
//! --bench interp`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use vmjs::interp::Agent;

/// (name, source, expected stdout)
const PROGRAMS: &[(&str, &str, &str)] = &[
    (
        "fib(20)",
        "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } console.log(fib(20));",
        "6765\n",
    ),
    (
        "arith loop 1M",
        "let acc = 0; for (let i = 0; i < 1_000_000; i++) { acc = (acc + i * 3) % 1_000_003; } console.log(acc);",
        "18\n",
    ),
    (
        "objects + methods 100k",
        "class P { constructor(x, y) { this.x = x; this.y = y; } len() { return this.x * this.x + this.y * this.y; } }
         let t = 0; for (let i = 0; i < 100_000; i++) { t += new P(i % 100, i % 7).len(); } console.log(t);",
        "329649965\n",
    ),
    (
        "closures 100k",
        "function mk(s) { let c = s; return () => ++c; } let sum = 0;
         for (let i = 0; i < 100_000; i++) { const n = mk(i); n(); sum += n(); } console.log(sum);",
        "5000150000\n",
    ),
    (
        "string building 20k",
        "let s = ''; for (let i = 0; i < 20_000; i++) { s += String.fromCharCode(97 + (i % 26)); } console.log(s.length);",
        "20000\n",
    ),
    (
        "property writes 100k",
        "const o = {}; for (let i = 0; i < 100_000; i++) { o['k' + i] = i; } console.log(Object.keys(o).length);",
        "100000\n",
    ),
    (
        "pending async 10k",
        "let release; const gate = new Promise((r) => { release = r; });
         async function w(i) { return (await gate) + i; }
         const ps = []; for (let i = 0; i < 10_000; i++) { ps[i] = w(i); }
         release(1); let last; for (let i = 0; i < ps.length; i++) { last = await ps[i]; } console.log(last);",
        "10000\n",
    ),
];

fn run(source: &str, expected: &str) {
    let mut agent = Agent::new();
    let out = agent.capture_stdout();
    agent
        .run_module_source("bench.mjs", source)
        .expect("the benchmark program runs");
    assert_eq!(out.text(), expected);
}

fn interpreter(c: &mut Criterion) {
    let mut group = c.benchmark_group("interp");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, source, expected) in PROGRAMS {
        group.bench_function(*name, |b| {
            b.iter_batched(
                || (),
                |()| run(black_box(source), expected),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, interpreter);
criterion_main!(benches);

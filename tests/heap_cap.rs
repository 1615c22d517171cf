//! The heap cap counts every allocation of a program that installs
//! `vmjs::embed::CountingAllocator` (this test binary does, as the `vmjs`
//! executable does): strings, byte buffers and element vectors, not only
//! the collector's cells. Node's figures for the CLI: `node
//! --max-old-space-size=64` on a growing array prints "FATAL ERROR: Reached
//! heap limit Allocation failed - JavaScript heap out of memory" and ends
//! with status 134.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use vmjs::embed::{Limits, ModuleOptions, Runtime, SourceTextModule};

#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

const CAP: usize = 64 << 20;

/// Evaluates `source` as a module under a 64 MiB heap cap; returns the
/// error's code.
fn code_under_cap(source: &str) -> Option<String> {
    let mut rt = Runtime::with_limits(Limits {
        heap_bytes: Some(vmjs::interp::heap::heap_in_use() + CAP),
        ..Limits::default()
    });
    let m = SourceTextModule::new(&mut rt, source, ModuleOptions::default()).unwrap();
    m.link(&mut rt, |_, _, _, _| unreachable!("no imports"))
        .unwrap();
    let e = m.evaluate(&mut rt).unwrap_err();
    e.code().map(str::to_string)
}

#[test]
fn strings_outside_the_collector_count_against_the_cap() {
    // 2^26 code units per string (128 MiB each), well under V8's maximum
    // length: only the cap can stop this.
    let code = code_under_cap(
        "const parts = []; for (;;) parts.push('x'.repeat(1 << 20) + parts.length);",
    );
    assert_eq!(code.as_deref(), Some("ERR_VMJS_HEAP_LIMIT"));
}

#[test]
fn one_large_allocation_is_refused_before_it_happens() {
    let before = Instant::now();
    assert_eq!(
        code_under_cap("new ArrayBuffer(512 * 1024 * 1024);").as_deref(),
        Some("ERR_VMJS_HEAP_LIMIT")
    );
    assert_eq!(
        code_under_cap("'ab'.repeat(1 << 27);").as_deref(),
        Some("ERR_VMJS_HEAP_LIMIT")
    );
    assert!(before.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_runtime_under_no_cap_allocates_freely() {
    let mut rt = Runtime::new();
    let m = SourceTextModule::new(
        &mut rt,
        "export const n = 'ab'.repeat(1 << 22).length;",
        ModuleOptions::default(),
    )
    .unwrap();
    m.link(&mut rt, |_, _, _, _| unreachable!("no imports"))
        .unwrap();
    m.evaluate(&mut rt).unwrap();
    assert_eq!(
        m.namespace(&mut rt)
            .unwrap()
            .get_number(&mut rt, "n")
            .unwrap(),
        8388608.0
    );
}

fn vmjs_run_capped(source: &str, name: &str) -> std::process::Output {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("heap_cap");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, source).unwrap();
    Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .args(["run", "--max-heap-size", "64"])
        .arg(&file)
        .output()
        .unwrap()
}

#[test]
fn the_cli_ends_a_run_past_max_heap_size_as_node_does() {
    for (name, source) in [
        (
            "grow.mjs",
            "const a = []; for (let i = 0; ; i++) a.push('item' + i);",
        ),
        (
            "double.mjs",
            "let s = 'x'; for (let i = 0; i < 40; i++) s += s;",
        ),
        (
            "buffer.mjs",
            "console.log('start'); new ArrayBuffer(500 * 1024 * 1024);",
        ),
    ] {
        let out = vmjs_run_capped(source, name);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(134), "{name}: {stderr}");
        assert!(
            stderr.contains(
                "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
            ),
            "{name}: {stderr}"
        );
    }
}

/// A coroutine's stack (a module body with top-level `await`, an async
/// function, a generator) is address space touched only as deep as it runs,
/// like a thread's stack, and V8 does not count stacks in its heap limit:
/// under a 64 MiB cap, such code runs (Node prints the same with
/// `--max-old-space-size=64`).
#[test]
fn coroutine_stacks_do_not_count_against_max_heap_size() {
    let source = "\
        await null;\n\
        async function f(i) { await null; return i; }\n\
        function* g() { yield 1; yield 2; }\n\
        const all = await Promise.all(Array.from({ length: 200 }, (_, i) => f(i)));\n\
        console.log(all.length, [...g()].join());\n";
    let out = vmjs_run_capped(source, "tla.mjs");
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).as_ref()
        ),
        (Some(0), "200 1,2\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

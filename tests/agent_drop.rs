//! Dropping an agent frees what it allocated: many agents made and dropped
//! one after the other (with the file host, Node's globals and `node:vm`
//! contexts) keep the live bytes of the counting allocator flat. An embedder
//! that runs untrusted code in a fresh agent per request must not grow
//! without bound.

use std::path::Path;
use std::sync::Mutex;

use vmjs::host::FileHost;
use vmjs::interp::agent::Agent;
use vmjs::interp::jobs::UnhandledRejections;

#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

/// The live-byte counter is global: the tests of this file take turns.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn live_bytes() -> usize {
    gc::force_collect();
    vmjs::interp::heap::counted_bytes().expect("the counting allocator is installed")
}

/// Live bytes left behind per run of `work`, after a few runs that fill
/// the caches that live as long as the thread.
fn bytes_left_per_run(work: impl Fn()) -> isize {
    const WARM_UP: usize = 3;
    const RUNS: usize = 12;
    for _ in 0..WARM_UP {
        work();
    }
    let before = live_bytes();
    for _ in 0..RUNS {
        work();
    }
    let after = live_bytes();
    (after as isize - before as isize) / RUNS as isize
}

/// An agent as the `vmjs` executable makes one: the file host, Node's
/// globals, then `source` run as the entry module with its event loop.
fn run_with_node_globals(source: &str) {
    let mut agent = Agent::new();
    let out = agent.capture_stdout();
    let host = FileHost::new();
    host.install(&mut agent);
    vmjs::node::globals::install(
        &mut agent,
        vmjs::node::globals::ProcessInfo {
            argv: vec!["vmjs".into(), "/agent-drop/main.mjs".into()],
        },
    );
    let module = host
        .load_entry_text(&mut agent, Path::new("/agent-drop/main.mjs"), source)
        .expect("the program parses");
    let Ok(promise) = host.run(&mut agent, module) else {
        panic!("the program throws");
    };
    let ended = agent.run_event_loop(Some(&promise), UnhandledRejections::Ignore);
    assert!(ended.is_ok(), "the event loop throws");
    assert_eq!(out.text(), "done\n");
}

/// Far below the size of one realm (~470 KB), above the noise of
/// allocator bookkeeping.
const FLAT: isize = 4 << 10;

#[test]
fn a_bare_agent_is_freed() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let left = bytes_left_per_run(|| drop(Agent::new()));
    assert!(left < FLAT, "{left} bytes left per agent");
}

#[test]
fn an_agent_with_the_file_host_and_node_globals_is_freed() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let left = bytes_left_per_run(|| run_with_node_globals("console.log('done');"));
    assert!(left < FLAT, "{left} bytes left per agent");
}

#[test]
fn an_agent_that_made_vm_contexts_and_modules_is_freed() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Each line makes functions of the context reachable from its global
    // (through the contextified object): a context's code used to hold its
    // realm strongly, a cycle through the realm's roots that kept every
    // realm made (~470 KB of intrinsics each) alive after the agent.
    let source = r#"
        import vm from 'node:vm';
        const ctx = vm.createContext({ n: 1 });
        vm.runInContext('globalThis.f = () => n', ctx);
        ctx.s = new vm.Script('globalThis.g = function () {}');
        ctx.s.runInContext(ctx);
        ctx.h = vm.compileFunction('return n', [], { parsingContext: ctx });
        const m = new vm.SourceTextModule(
            'export const f = () => 1; export const p = import("x");',
            { context: ctx, importModuleDynamically: () => m },
        );
        await m.link(() => {});
        await m.evaluate({ timeout: 1000 });
        ctx.m = m;
        ctx.ns = m.namespace;
        const s = new vm.SyntheticModule(['x'], function () { this.setExport('x', ctx); });
        await s.link(() => {});
        await s.evaluate();
        setTimeout(() => { ctx.keep = [m, s, ctx]; console.log('done'); }, 0);
    "#;
    let left = bytes_left_per_run(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left per agent");
}

//! Dropping an agent frees what it allocated: many agents made and dropped
//! one after the other (with the file host, Node's globals and `node:vm`
//! contexts) keep the live bytes of the counting allocator flat. An embedder
//! that runs untrusted code in a fresh agent per request must not grow
//! without bound.

use std::path::Path;

use vmjs::embed::{Evaluation, ModuleOptions, Runtime, SourceTextModule};
use vmjs::host::FileHost;
use vmjs::interp::agent::Agent;
use vmjs::interp::jobs::UnhandledRejections;

#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

fn live_bytes() -> usize {
    gc::force_collect();
    vmjs::interp::heap::counted_bytes().expect("the counting allocator is installed")
}

/// Runs of `work` measured by [`bytes_left_after_runs`].
const RUNS: usize = 20;

/// Live bytes left behind by [`RUNS`] runs of `work` together, after a few
/// runs that fill the caches that live as long as the thread (the pool of
/// coroutine stacks among them). Every coroutine stack must be back in the
/// pool after each run.
fn bytes_left_after_runs(work: impl Fn()) -> isize {
    const WARM_UP: usize = 3;
    let stacks = vmjs::interp::stack_pool::stacks_in_use();
    for _ in 0..WARM_UP {
        work();
    }
    let before = live_bytes();
    for _ in 0..RUNS {
        work();
        let lent = vmjs::interp::stack_pool::stacks_in_use();
        assert_eq!(lent, stacks, "coroutine stacks still lent after a run");
    }
    let after = live_bytes();
    after as isize - before as isize
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

/// For all [`RUNS`] runs together: far below the size of one realm
/// (~470 KB), above the noise of allocator bookkeeping. (Each case leaves
/// 0 bytes when this was written; a leak of 205 bytes per agent fails.)
const FLAT: isize = 4 << 10;

fn a_bare_agent_is_freed() {
    let left = bytes_left_after_runs(|| drop(Agent::new()));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

fn an_agent_with_the_file_host_and_node_globals_is_freed() {
    let left = bytes_left_after_runs(|| run_with_node_globals("console.log('done');"));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

fn an_agent_that_made_vm_contexts_and_modules_is_freed() {
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
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// An agent dropped while a coroutine is suspended: an async function
/// awaiting a promise that never settles. The body's stack roots its
/// function (hence the realm's global environment) from outside the
/// collector; the agent must unwind it when it goes.
fn an_agent_with_a_pending_await_is_freed() {
    let source = r#"
        async function f() { await new Promise(() => {}); }
        f();
        console.log('done');
    "#;
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// A generator paused at its first `yield`, reachable from its own body's
/// environment (a cycle through the coroutine's stack), and one never
/// started (its closure roots its function).
fn an_agent_with_a_paused_generator_is_freed() {
    let source = r#"
        function* g() { const self = it; yield 1; yield self; }
        const it = g();
        it.next();
        globalThis.kept = it;
        globalThis.unstarted = g();
        console.log('done');
    "#;
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// Async generators paused at a `yield` and at an `await` that never ends.
fn an_agent_with_paused_async_generators_is_freed() {
    let source = r#"
        async function* atYield() { yield 1; yield 2; }
        async function* atAwait() { yield 1; await new Promise(() => {}); }
        const a = atYield();
        a.next();
        const b = atAwait();
        b.next();
        b.next();
        b.next();
        // A queued request whose promise's reaction reaches the generator.
        const c = atAwait();
        c.next();
        c.next().then(() => c);
        console.log('done');
    "#;
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// `for await` waiting on an iterator whose `next()` never settles, and on
/// an async generator that never yields.
fn an_agent_with_a_pending_for_await_is_freed() {
    let source = r#"
        const never = { [Symbol.asyncIterator]() { return { next: () => new Promise(() => {}) }; } };
        async function f() { for await (const x of never) {} }
        async function* g() { await new Promise(() => {}); yield 1; }
        async function h() { for await (const x of g()) {} }
        f();
        h();
        console.log('done');
    "#;
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// A `vm.SourceTextModule` whose top-level `await` never settles, evaluated
/// from JavaScript (its body runs on a module-sized coroutine stack).
fn an_agent_with_a_vm_module_pending_at_top_level_is_freed() {
    let source = r#"
        import vm from 'node:vm';
        const m = new vm.SourceTextModule('await new Promise(() => {}); export const a = 1;');
        await m.link(() => {});
        m.evaluate();
        const c = vm.createContext({});
        const n = new vm.SourceTextModule('await new Promise(() => {});', { context: c });
        await n.link(() => {});
        n.evaluate();
        console.log('done');
    "#;
    let left = bytes_left_after_runs(|| run_with_node_globals(source));
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// A module whose top-level `await` never settles, evaluated through the
/// embedding API (`Runtime`, `SourceTextModule`).
fn a_runtime_with_a_module_pending_at_top_level_is_freed() {
    let left = bytes_left_after_runs(|| {
        let mut rt = Runtime::new();
        let module = SourceTextModule::new(
            &mut rt,
            "export let a = 1; await new Promise(() => {}); a = 2;",
            ModuleOptions::default(),
        )
        .expect("the module parses");
        module
            .link(&mut rt, |_, _, _, _| unreachable!("no imports"))
            .expect("the module links");
        let evaluation = module.evaluate(&mut rt).expect("the module evaluates");
        assert!(matches!(evaluation, Evaluation::Pending));
    });
    assert!(left < FLAT, "{left} bytes left by {RUNS} agents");
}

/// A thread that ran agents gives the coroutine stacks' memory back when it
/// ends (the pool keeps its chunks for the thread's later coroutines; a
/// module body's stack is a chunk of 256 MiB).
fn a_thread_that_ran_agents_gives_its_stacks_back() {
    let before = live_bytes();
    std::thread::spawn(|| {
        run_with_node_globals(
            "async function f() { await new Promise(() => {}); } f(); console.log('done');",
        );
        let mut rt = Runtime::new();
        let module = SourceTextModule::new(&mut rt, "await 0;", ModuleOptions::default())
            .expect("the module parses");
        module
            .link(&mut rt, |_, _, _, _| unreachable!("no imports"))
            .expect("the module links");
        module.evaluate(&mut rt).expect("the module evaluates");
    })
    .join()
    .expect("the thread ends");
    let left = live_bytes() as isize - before as isize;
    assert!(left < FLAT, "{left} bytes left by the thread");
}

/// Agents made one after another with no explicit collection (as a fuzzer
/// or a server does): the garbage each leaves is collected as the next ones
/// allocate, so the live bytes stay bounded. The collector's threshold used
/// to grow with that garbage (module loading sets it from the heap it
/// finds), so no collection ever came: 1.6 MB more per agent.
fn agents_made_one_after_another_are_collected_without_help() {
    const AGENTS: usize = 80;
    /// Four times the initial collection threshold's worth of garbage
    /// (counted bytes run at about 4.5 per byte of collector cell).
    const BOUND: usize = 48 << 20;
    let start = live_bytes();
    let mut highest = start;
    for _ in 0..AGENTS {
        run_with_node_globals("console.log('done');");
        highest = highest.max(vmjs::interp::heap::counted_bytes().expect("counting"));
    }
    let grown = highest - start;
    assert!(
        grown < BOUND,
        "{grown} bytes more at most over {AGENTS} agents"
    );
}

/// The cases, in order. The live-byte counter is global to the process, so
/// this file has no test harness (`harness = false`): libtest's own threads
/// allocate while a test measures (a finished test's captured output, the
/// next test's thread), which once made a case see 9,196 foreign bytes.
/// Here every case runs on the main thread, one after another, and nothing
/// else runs beside it.
const CASES: &[(&str, fn())] = &[
    ("a_bare_agent_is_freed", a_bare_agent_is_freed),
    (
        "an_agent_with_the_file_host_and_node_globals_is_freed",
        an_agent_with_the_file_host_and_node_globals_is_freed,
    ),
    (
        "an_agent_that_made_vm_contexts_and_modules_is_freed",
        an_agent_that_made_vm_contexts_and_modules_is_freed,
    ),
    (
        "an_agent_with_a_pending_await_is_freed",
        an_agent_with_a_pending_await_is_freed,
    ),
    (
        "an_agent_with_a_paused_generator_is_freed",
        an_agent_with_a_paused_generator_is_freed,
    ),
    (
        "an_agent_with_paused_async_generators_is_freed",
        an_agent_with_paused_async_generators_is_freed,
    ),
    (
        "an_agent_with_a_pending_for_await_is_freed",
        an_agent_with_a_pending_for_await_is_freed,
    ),
    (
        "an_agent_with_a_vm_module_pending_at_top_level_is_freed",
        an_agent_with_a_vm_module_pending_at_top_level_is_freed,
    ),
    (
        "a_runtime_with_a_module_pending_at_top_level_is_freed",
        a_runtime_with_a_module_pending_at_top_level_is_freed,
    ),
    (
        "a_thread_that_ran_agents_gives_its_stacks_back",
        a_thread_that_ran_agents_gives_its_stacks_back,
    ),
    (
        "agents_made_one_after_another_are_collected_without_help",
        agents_made_one_after_another_are_collected_without_help,
    ),
];

/// Runs the cases whose names contain the first argument that is not a
/// flag (as libtest filters), and prints a line per case.
fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut failed = Vec::new();
    let mut ran = 0;
    for &(name, case) in CASES {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        ran += 1;
        let outcome = std::panic::catch_unwind(case);
        println!(
            "test {name} ... {}",
            if outcome.is_ok() { "ok" } else { "FAILED" }
        );
        if outcome.is_err() {
            failed.push(name);
        }
    }
    println!(
        "\ntest result: {}. {} passed; {} failed",
        if failed.is_empty() { "ok" } else { "FAILED" },
        ran - failed.len(),
        failed.len()
    );
    if !failed.is_empty() {
        std::process::exit(101);
    }
}

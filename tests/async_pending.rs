//! Pending async functions whose awaits are whole statements run without a
//! coroutine: 20,000 of them waiting at once cost a bounded number of bytes
//! each (counted by the allocator the `vmjs` executable installs), take no
//! coroutine stack, and once nothing can resume them any more (the promise
//! they wait on is unreachable) the collector frees them while the agent
//! lives. Runs on one thread without libtest, whose own threads' allocations
//! would blur the counts.

use vmjs::interp::agent::Agent;

#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

fn live_bytes() -> usize {
    gc::force_collect();
    vmjs::interp::heap::counted_bytes().expect("the counting allocator is installed")
}

const PENDING: usize = 20_000;

/// Bytes a pending async function may hold: its promise, its state object
/// (frame, execution context), the reactions on the awaited promise and its
/// slot in the array that keeps the promises. Node holds about 1.2 KB per
/// pending async function (its heap for 100,000 of them); this is the
/// goal's 1 KB.
const BYTES_PER_PENDING: usize = 1024;

/// Slack for everything that is not per function (caches, interned
/// strings, the growth of the array's storage).
const SLACK: usize = 64 << 10;

const SETUP: &str = "
var gate = new Promise(() => {});
async function waiter(i) {
  const v = await gate;
  return v + i;
}
var pending = [];
";

const START: &str = "for (let i = 0; i < 20000; i++) pending.push(waiter(i));";

/// Drops every reference to the waiting functions: the gate (whose
/// reactions resume them) and their promises.
const ABANDON: &str = "gate = new Promise(() => {}); pending = [];";

fn run(agent: &mut Agent, name: &str, source: &str) {
    if let Err(e) = agent.run_script_source(name, source) {
        panic!("{name} failed: {e:?}");
    }
}

fn pending_stackless_functions_are_small_and_collected() {
    let mut agent = Agent::new();
    run(&mut agent, "setup.js", SETUP);
    // A first round fills the caches that live as long as the agent.
    run(&mut agent, "start.js", START);
    run(&mut agent, "abandon.js", ABANDON);
    let baseline = live_bytes();
    let stacks = vmjs::interp::stack_pool::stacks_in_use();

    run(&mut agent, "start.js", START);
    assert_eq!(
        vmjs::interp::stack_pool::stacks_in_use(),
        stacks,
        "a pending stackless body holds no coroutine stack"
    );
    let held = live_bytes().saturating_sub(baseline);
    println!(
        "{PENDING} pending async functions hold {held} bytes ({} each)",
        held / PENDING
    );
    assert!(
        held < PENDING * BYTES_PER_PENDING + SLACK,
        "{held} bytes for {PENDING} pending async functions"
    );

    run(&mut agent, "abandon.js", ABANDON);
    let left = live_bytes() as isize - baseline as isize;
    println!("after abandoning them: {left} bytes above the baseline");
    assert!(
        left < SLACK as isize,
        "{left} bytes left once the pending functions are unreachable"
    );
}

fn main() {
    pending_stackless_functions_are_small_and_collected();
    println!("test pending_stackless_functions_are_small_and_collected ... ok");
}

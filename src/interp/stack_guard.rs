//! The guard against running out of native stack: JavaScript recursion
//! must end in a catchable RangeError long before the Rust stack does.
//! The thread that runs the interpreter records where its stack ends.

use std::cell::Cell;

/// Bytes of stack kept free below the limit: enough for the deepest Rust
/// path between two checks (a call, a getter, a conversion).
const RESERVE: usize = 256 * 1024;

thread_local! {
    /// The lowest usable stack address of the current thread (0: unknown).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// An address on the current stack.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::ptr::addr_of!(marker) as usize
}

/// Records that the current thread's stack is `size` bytes, starting about here.
pub fn register_thread_stack(size: usize) {
    let here = stack_pointer();
    // Stacks grow down; keep a little slack for the frames above us.
    STACK_LIMIT.with(|l| l.set(here.saturating_sub(size.saturating_sub(64 * 1024))));
}

/// Sets the current stack's limit directly (coroutine stacks).
pub fn set_stack_limit(limit: usize) -> usize {
    STACK_LIMIT.with(|l| l.replace(limit))
}

/// True when fewer than `RESERVE` bytes of stack remain.
#[inline]
pub fn stack_is_low() -> bool {
    let limit = STACK_LIMIT.with(|l| l.get());
    limit != 0 && stack_pointer() < limit + RESERVE
}

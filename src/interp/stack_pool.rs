//! Stacks for coroutines, carved from large allocations and reused.
//!
//! corosensei's `DefaultStack` maps each stack separately with a guard
//! page: two memory mappings per stack, and Linux allows about 65,530
//! mappings per process, so no more than about 32,000 coroutines could be
//! suspended at once. Here stacks of one size come from chunks of 16 MiB
//! (one allocation, one mapping, touched only as used), and a finished
//! coroutine's stack goes back to a free list. There are no guard pages:
//! the interpreter's own stack check (`limits`) keeps every coroutine well
//! inside its stack.

use std::alloc::{alloc, Layout};
use std::cell::RefCell;
use std::collections::HashMap;
use std::num::NonZeroUsize;

use corosensei::stack::{Stack, StackPointer};

/// Bytes per chunk of stacks (each chunk holds at least one stack).
const CHUNK_BYTES: usize = 16 << 20;
const PAGE: usize = 4096;

thread_local! {
    /// Free stacks by size: their lowest addresses.
    static FREE: RefCell<HashMap<usize, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// A stack lent by the pool; it goes back to the pool when dropped.
pub struct PooledStack {
    limit: usize,
    size: usize,
}

impl PooledStack {
    /// A stack of `size` bytes (rounded up to whole pages).
    pub fn new(size: usize) -> PooledStack {
        let size = size.div_ceil(PAGE).max(4) * PAGE;
        let reused = FREE.with(|f| f.borrow_mut().get_mut(&size).and_then(|list| list.pop()));
        let limit = match reused {
            Some(limit) => limit,
            None => carve_chunk(size),
        };
        PooledStack { limit, size }
    }

    /// The lowest usable address (stacks grow down towards it).
    pub fn lowest_address(&self) -> usize {
        self.limit
    }
}

/// Allocates a chunk of stacks of `size` bytes, keeps all but one free and
/// returns that one. Chunks are never freed: their stacks are reused.
fn carve_chunk(size: usize) -> usize {
    let count = (CHUNK_BYTES / size).max(1);
    let layout = Layout::from_size_align(size * count, PAGE).expect("a valid stack chunk layout");
    // SAFETY: a non-zero size; the memory is only ever used as stack space.
    let base = unsafe { alloc(layout) };
    if base.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    let base = base as usize;
    FREE.with(|f| {
        let mut free = f.borrow_mut();
        let list = free.entry(size).or_default();
        for i in 1..count {
            list.push(base + i * size);
        }
    });
    base
}

impl Drop for PooledStack {
    fn drop(&mut self) {
        let (limit, size) = (self.limit, self.size);
        // During thread exit the pool may be gone; the memory is then simply kept.
        let _ = FREE.try_with(|f| f.borrow_mut().entry(size).or_default().push(limit));
    }
}

// SAFETY: `base` and `limit` delimit memory this stack owns exclusively
// until it is dropped, both aligned to a page (hence to STACK_ALIGNMENT).
unsafe impl Stack for PooledStack {
    fn base(&self) -> StackPointer {
        NonZeroUsize::new(self.limit + self.size).expect("stack addresses are not null")
    }

    fn limit(&self) -> StackPointer {
        NonZeroUsize::new(self.limit).expect("stack addresses are not null")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacks_are_reused() {
        let first = PooledStack::new(64 * 1024);
        let address = first.lowest_address();
        drop(first);
        let again = PooledStack::new(64 * 1024);
        assert_eq!(again.lowest_address(), address);
    }

    #[test]
    fn many_stacks_come_from_few_chunks() {
        let stacks: Vec<PooledStack> = (0..1000).map(|_| PooledStack::new(64 * 1024)).collect();
        let mut addresses: Vec<usize> = stacks.iter().map(|s| s.lowest_address()).collect();
        addresses.sort_unstable();
        addresses.dedup();
        assert_eq!(addresses.len(), 1000);
    }
}

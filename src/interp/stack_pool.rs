//! Stacks for coroutines, carved from large allocations and reused.
//!
//! corosensei's `DefaultStack` maps each stack separately with a guard
//! page: two memory mappings per stack, and Linux allows about 65,530
//! mappings per process, so no more than about 32,000 coroutines could be
//! suspended at once. Here stacks of one size come from chunks of 16 MiB
//! (one allocation, one mapping, touched only as used), and a finished
//! coroutine's stack goes back to a free list. There are no guard pages:
//! the interpreter's own stack check (`limits`) keeps every coroutine well
//! inside its stack. The chunks are freed when the thread ends, unless a
//! stack is still lent then.
//!
//! Chunks come from the system allocator directly, not through the global
//! one: a stack is address space that is touched only as deep as the code
//! running on it goes, like a thread's own stack, so the heap cap (which
//! `heap::CountingAllocator` measures) does not count it. V8 does not count
//! stacks in its heap limit either.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::collections::HashMap;
use std::num::NonZeroUsize;

use corosensei::stack::{Stack, StackPointer};

/// Bytes per chunk of stacks (each chunk holds at least one stack).
const CHUNK_BYTES: usize = 16 << 20;
const PAGE: usize = 4096;

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

/// The stacks of one thread.
#[derive(Default)]
struct Pool {
    /// Free stacks by size: their lowest addresses.
    free: HashMap<usize, Vec<usize>>,
    /// Every chunk allocated: its lowest address and layout.
    chunks: Vec<(usize, Layout)>,
    /// Stacks lent and not yet returned.
    lent: usize,
}

impl Drop for Pool {
    /// At thread exit: the chunks go back to the allocator, unless a stack
    /// is still lent (a coroutine that outlives the thread's pool keeps
    /// them all).
    fn drop(&mut self) {
        if self.lent > 0 {
            return;
        }
        for &(base, layout) in &self.chunks {
            // SAFETY: allocated by `carve_chunk` with this layout, and no
            // stack carved from it is in use.
            unsafe { System.dealloc(base as *mut u8, layout) };
        }
    }
}

/// Stacks lent by this thread's pool and not yet returned (0 once every
/// coroutine has ended).
pub fn stacks_in_use() -> usize {
    POOL.with(|p| p.borrow().lent)
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
        let limit = POOL.with(|p| {
            let mut pool = p.borrow_mut();
            pool.lent += 1;
            let reused = pool.free.get_mut(&size).and_then(|list| list.pop());
            reused.unwrap_or_else(|| carve_chunk(&mut pool, size))
        });
        PooledStack { limit, size }
    }

    /// The lowest usable address (stacks grow down towards it).
    pub fn lowest_address(&self) -> usize {
        self.limit
    }
}

/// Allocates a chunk of stacks of `size` bytes, keeps all but one free and
/// returns that one. Chunks are freed only with the pool: their stacks are
/// reused.
fn carve_chunk(pool: &mut Pool, size: usize) -> usize {
    let count = (CHUNK_BYTES / size).max(1);
    let layout = Layout::from_size_align(size * count, PAGE).expect("a valid stack chunk layout");
    // SAFETY: a non-zero size; the memory is only ever used as stack space.
    let base = unsafe { System.alloc(layout) };
    if base.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    let base = base as usize;
    pool.chunks.push((base, layout));
    let list = pool.free.entry(size).or_default();
    for i in 1..count {
        list.push(base + i * size);
    }
    base
}

impl Drop for PooledStack {
    fn drop(&mut self) {
        let (limit, size) = (self.limit, self.size);
        // During thread exit the pool may be gone; it then kept its chunks.
        let _ = POOL.try_with(|p| {
            let mut pool = p.borrow_mut();
            pool.lent -= 1;
            pool.free.entry(size).or_default().push(limit);
        });
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

    #[test]
    fn the_pool_counts_lent_stacks() {
        let before = stacks_in_use();
        let stacks: Vec<PooledStack> = (0..3).map(|_| PooledStack::new(64 * 1024)).collect();
        assert_eq!(stacks_in_use(), before + 3);
        drop(stacks);
        assert_eq!(stacks_in_use(), before);
    }
}

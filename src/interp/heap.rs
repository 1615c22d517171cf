//! The memory a runtime holds, for the heap cap (`Limits::heap_bytes`,
//! `vmjs run --max-heap-size`).
//!
//! The collector counts only its own cells; strings, element vectors,
//! property tables, byte buffers and ASTs live outside it. A program that
//! installs [`CountingAllocator`] as its global allocator (the `vmjs`
//! executable does) has every byte counted, and the cap applies to all of
//! them; without it, the cap falls back to the collector's count.
//!
//! The cap is checked where the interrupt is polled (loop back-edges and
//! calls, every 1024 polls) and, before they happen, by native code about
//! to make one large allocation ([`Agent::reserve_bytes`]), so a single
//! `'x'.repeat(n)` or `new ArrayBuffer(n)` cannot overshoot it. Crossing
//! it first collects garbage, then ends the evaluation like any other limit.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::agent::Agent;
use super::completion::{JsResult, Throw};
use super::interrupt::InterruptReason;
use super::value::Value;

/// Bytes allocated through [`CountingAllocator`] and not yet freed.
static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
/// Whether [`CountingAllocator`] is the global allocator.
static COUNTING: AtomicBool = AtomicBool::new(false);

/// The system allocator, counting the bytes it hands out. Install it in a
/// program that embeds vmjs to have the heap cap count every allocation:
///
/// ```
/// #[global_allocator]
/// static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;
/// ```
pub struct CountingAllocator;

impl CountingAllocator {
    fn note_alloc(size: usize) {
        LIVE_BYTES.fetch_add(size, Ordering::Relaxed);
        if !COUNTING.load(Ordering::Relaxed) {
            COUNTING.store(true, Ordering::Relaxed);
        }
    }
}

// SAFETY: every method forwards to `System` with the same arguments and
// only adds bookkeeping on the side.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Self::note_alloc(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            Self::note_alloc(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let old = layout.size();
            if new_size >= old {
                Self::note_alloc(new_size - old);
            } else {
                LIVE_BYTES.fetch_sub(old - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

/// Bytes live through [`CountingAllocator`], or `None` when it is not the
/// global allocator.
pub fn counted_bytes() -> Option<usize> {
    COUNTING
        .load(Ordering::Relaxed)
        .then(|| LIVE_BYTES.load(Ordering::Relaxed))
}

/// The bytes the heap cap compares with its limit: every live byte when
/// [`CountingAllocator`] is installed, else the collector's cells.
pub fn heap_in_use() -> usize {
    counted_bytes().unwrap_or_else(|| gc::stats().bytes_allocated)
}

/// Whether `extra` more bytes would take the heap past `limit`, after a
/// collection has freed what it can.
pub(crate) fn exceeds(limit: usize, extra: usize) -> bool {
    if heap_in_use().saturating_add(extra) <= limit {
        return false;
    }
    gc::force_collect();
    heap_in_use().saturating_add(extra) > limit
}

/// Strings shorter than this are not checked against the cap one by one
/// (the polls see them).
const LARGE_STRING_UNITS: usize = 1 << 16;

impl Agent {
    /// [`reserve_bytes`](Self::reserve_bytes) for a string of `units`
    /// UTF-16 code units about to be made (or, for a rope, flattened
    /// later); small strings are not checked.
    #[inline]
    pub(crate) fn reserve_string(&mut self, units: usize) -> JsResult<()> {
        if units < LARGE_STRING_UNITS || self.interrupt.is_none() {
            return Ok(());
        }
        self.reserve_bytes(units.saturating_mul(2))
    }

    /// Checks, before native code allocates about `bytes` bytes at once,
    /// that the watched heap cap leaves room for them; if not, the cap
    /// fires and the termination marker is thrown.
    pub(crate) fn reserve_bytes(&mut self, bytes: usize) -> JsResult<()> {
        let Some(watch) = &mut self.interrupt else {
            return Ok(());
        };
        if watch.fired.is_none() {
            match watch.heap_limit() {
                Some(limit) if exceeds(limit, bytes) => {
                    watch.fired = Some(InterruptReason::HeapLimit);
                }
                _ => return Ok(()),
            }
        }
        Err(Throw::new(Value::Object(self.termination_marker())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counting_allocator_forwards_and_counts() {
        // Called directly (it is not this test binary's global allocator),
        // so Miri checks the forwarding: every block is written, grown,
        // shrunk and freed with the layout it was made with.
        let counting_before = COUNTING.load(Ordering::Relaxed);
        let a = CountingAllocator;
        let layout = Layout::from_size_align(64, 8).unwrap();
        // SAFETY: non-zero sizes; each pointer is used within its block and
        // freed once with its current layout.
        unsafe {
            let p = a.alloc(layout);
            assert!(!p.is_null());
            p.write_bytes(7, 64);
            let z = a.alloc_zeroed(layout);
            assert_eq!(*z.add(63), 0);
            let p = a.realloc(p, layout, 256);
            assert_eq!(*p.add(63), 7);
            p.add(255).write(1);
            let grown = Layout::from_size_align(256, 8).unwrap();
            let p = a.realloc(p, grown, 16);
            assert_eq!(*p.add(15), 7);
            a.dealloc(p, Layout::from_size_align(16, 8).unwrap());
            a.dealloc(z, layout);
        }
        assert!(counted_bytes().is_some());
        // Other tests of this binary run without the allocator installed:
        // leave the heap cap reading the collector's count again.
        COUNTING.store(counting_before, Ordering::Relaxed);
    }
}

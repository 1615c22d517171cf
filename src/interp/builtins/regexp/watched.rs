//! Regular-expression searches under a time limit.
//!
//! The regex engine (`regress`) backtracks and offers no way to stop a
//! search from outside, so a pattern such as `/(a+)+$/` on a long
//! non-matching text can run for minutes inside one call, where the
//! evaluator's interrupt polls never run. While a deadline is watched
//! (`vm`'s `timeout`, the embedding API's `Limits::timeout`), each search
//! therefore runs on a matcher thread and the agent waits for it only
//! until the deadline; then the limit fires as it would in a loop.
//!
//! Deviation: the abandoned search cannot be stopped either. It goes on
//! on its own thread until it ends, its result is dropped, and the text
//! and compiled pattern it reads are kept alive (leaked) so that it never
//! reads freed memory; the next watched search starts a new matcher
//! thread. Without a deadline (the CLI, or a step budget alone) searches
//! run inline as before, at no cost.

use std::cell::RefCell;
use std::sync::mpsc;
use std::time::Instant;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::interrupt::InterruptReason;
use crate::interp::value::Value;

/// One search for the matcher thread. The pointers borrow from values the
/// agent keeps alive while it waits, and leaks if it stops waiting.
struct Job {
    regex: *const regress::Regex,
    text: *const u16,
    len: usize,
    from: usize,
    unicode: bool,
    reply: mpsc::SyncSender<Option<regress::Match>>,
}

// SAFETY: the pointers are only read on the matcher thread, and what they
// point to is immutable and outlives the search (see `search`).
unsafe impl Send for Job {}

const _: () = {
    const fn shareable<T: Send + Sync>() {}
    // The matcher thread reads the compiled pattern while the agent's
    // thread may read it too (after abandoning a search).
    shareable::<regress::Regex>();
    shareable::<regress::Match>();
};

thread_local! {
    /// The agent thread's matcher thread, if one is running and free.
    static MATCHER: RefCell<Option<mpsc::Sender<Job>>> = const { RefCell::new(None) };
}

/// The matcher thread's stack (the engine keeps its backtracking stack on
/// the heap; this is room for its own calls).
const MATCHER_STACK_BYTES: usize = 8 << 20;

/// Runs one search: `matcher.find_from_utf16` (full Unicode) or
/// `find_from_ucs2` on `text` from `from`.
pub(crate) fn run_search(
    matcher: &regress::Regex,
    text: &[u16],
    from: usize,
    unicode: bool,
) -> Option<regress::Match> {
    if unicode {
        matcher.find_from_utf16(text, from).next()
    } else {
        matcher.find_from_ucs2(text, from).next()
    }
}

/// The matcher thread's sender, started if there is none.
fn matcher_thread() -> Option<mpsc::Sender<Job>> {
    MATCHER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let (tx, rx) = mpsc::channel::<Job>();
            let spawned = std::thread::Builder::new()
                .name("vmjs-regexp".into())
                .stack_size(MATCHER_STACK_BYTES)
                .spawn(move || {
                    for job in rx {
                        // SAFETY: see `search`: both stay alive and unchanged
                        // for as long as this search runs.
                        let (regex, text) =
                            unsafe { (&*job.regex, std::slice::from_raw_parts(job.text, job.len)) };
                        let found = run_search(regex, text, job.from, job.unicode);
                        let _ = job.reply.send(found);
                    }
                });
            if spawned.is_ok() {
                *slot = Some(tx);
            }
        }
        slot.clone()
    })
}

impl Agent {
    /// Searches `text` with `matcher` as [`run_search`] does, bounded by the
    /// watched deadline if there is one. `owners` are the values that keep
    /// `matcher` and `text` alive; they are leaked if the deadline passes
    /// before the search ends.
    pub(crate) fn regexp_search<T>(
        &mut self,
        matcher: &regress::Regex,
        text: &[u16],
        from: usize,
        unicode: bool,
        owners: T,
    ) -> JsResult<Option<regress::Match>> {
        let deadline = self.interrupt.as_ref().and_then(|w| w.deadline());
        let Some(deadline) = deadline else {
            return Ok(run_search(matcher, text, from, unicode));
        };
        let Some(worker) = matcher_thread() else {
            // No thread to be had: search inline, unbounded.
            return Ok(run_search(matcher, text, from, unicode));
        };
        let (reply, result) = mpsc::sync_channel(1);
        let job = Job {
            regex: matcher,
            text: text.as_ptr(),
            len: text.len(),
            from,
            unicode,
            reply,
        };
        if worker.send(job).is_err() {
            MATCHER.with(|slot| slot.borrow_mut().take());
            return Ok(run_search(matcher, text, from, unicode));
        }
        let wait = deadline.saturating_duration_since(Instant::now());
        match result.recv_timeout(wait) {
            Ok(found) => Ok(found),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // The thread died (it cannot panic on valid input); start
                // afresh next time and search inline now.
                MATCHER.with(|slot| slot.borrow_mut().take());
                Ok(run_search(matcher, text, from, unicode))
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // The search still reads `matcher` and `text`: keep them
                // alive for good, and leave that thread to finish alone.
                std::mem::forget(owners);
                MATCHER.with(|slot| slot.borrow_mut().take());
                if let Some(watch) = &mut self.interrupt {
                    watch.fired.get_or_insert(InterruptReason::Timeout);
                }
                Err(Throw::new(Value::Object(self.termination_marker())))
            }
        }
    }
}

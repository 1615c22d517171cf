//! Running one parse so that a panic inside the syntax layer becomes that
//! test's failure instead of ending the whole run.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

use vmjs::syntax::SyntaxError;

/// What happened when one source text was handed to the parser.
#[derive(Debug)]
pub enum ParseOutcome {
    Parsed,
    Rejected(SyntaxError),
    /// The parser panicked (always a bug); the text says where and why.
    Panicked(String),
}

thread_local! {
    /// Where the last panic on this thread happened, recorded by the quiet hook.
    static LAST_PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `parse` (including dropping its result, since dropping a deep tree
/// is part of what must not crash), turning a panic into
/// [`ParseOutcome::Panicked`].
pub fn guarded_parse<T>(parse: impl FnOnce() -> Result<T, SyntaxError>) -> ParseOutcome {
    // The default hook would print a message for every caught panic; this one
    // only records where the panic happened. The runner's own assertions run
    // later, under the restored hook, so their messages still show.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC_LOCATION.with(|slot| *slot.borrow_mut() = Some(location));
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(|| parse().map(drop)));
    panic::set_hook(previous_hook);
    match result {
        Ok(Ok(())) => ParseOutcome::Parsed,
        Ok(Err(error)) => ParseOutcome::Rejected(error),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic payload".to_string());
            let location = LAST_PANIC_LOCATION
                .with(|slot| slot.borrow_mut().take())
                .unwrap_or_default();
            ParseOutcome::Panicked(format!("panic at {location}: {message}"))
        }
    }
}

/// Runs `work` on a thread with a roomy stack and returns its result. The
/// runners must survive every input; stack depth on hostile input is the
/// parser's own tests' business, not the scoreboard's.
pub fn on_big_stack<R: Send + 'static>(work: impl FnOnce() -> R + Send + 'static) -> R {
    const RUNNER_STACK_BYTES: usize = 64 * 1024 * 1024;
    let handle = std::thread::Builder::new()
        .name("parse-runner".to_string())
        .stack_size(RUNNER_STACK_BYTES)
        .spawn(work)
        .expect("spawning the runner thread");
    match handle.join() {
        Ok(result) => result,
        Err(payload) => panic::resume_unwind(payload),
    }
}

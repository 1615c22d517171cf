//! Running one parse so that a panic inside the syntax layer becomes that
//! test's failure instead of ending the whole run.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::OnceLock;

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
    /// Set while this thread runs a guarded parse.
    static GUARDING: Cell<bool> = const { Cell::new(false) };
    /// Where the last guarded panic on this thread happened.
    static LAST_PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that stays quiet for panics
/// inside a guarded parse (recording only their location) and hands every
/// other panic to the previous hook, so assertion messages still show. One
/// hook for the whole process keeps this safe when tests run in parallel.
fn install_hook_once() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDING.with(Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                LAST_PANIC_LOCATION.with(|slot| *slot.borrow_mut() = Some(location));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `parse` (including dropping its result, since dropping a deep tree
/// is part of what must not crash), turning a panic into
/// [`ParseOutcome::Panicked`].
pub fn guarded_parse<T>(parse: impl FnOnce() -> Result<T, SyntaxError>) -> ParseOutcome {
    install_hook_once();
    GUARDING.with(|g| g.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| parse().map(drop)));
    GUARDING.with(|g| g.set(false));
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

#[cfg(test)]
mod tests {
    use super::*;
    use vmjs::syntax::Span;

    #[test]
    fn a_panic_becomes_an_outcome_with_its_location() {
        let outcome = guarded_parse(|| -> Result<(), SyntaxError> { panic!("boom") });
        match outcome {
            ParseOutcome::Panicked(text) => {
                assert!(text.contains("boom"), "{text}");
                assert!(text.contains("guarded_parse.rs"), "{text}");
            }
            other => panic!("expected a panic outcome, got {other:?}"),
        }
    }

    #[test]
    fn errors_and_successes_pass_through() {
        assert!(matches!(
            guarded_parse(|| Ok::<_, SyntaxError>(())),
            ParseOutcome::Parsed
        ));
        let rejected = guarded_parse(|| Err::<(), _>(SyntaxError::new("nope", Span::default())));
        assert!(matches!(rejected, ParseOutcome::Rejected(e) if e.message == "nope"));
    }
}

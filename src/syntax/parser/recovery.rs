//! Bookkeeping between the generated parser's error recovery and the driver.
//!
//! The parser recovers from every syntax error by looking for a state that
//! accepts the error token `!` (that is how a semicolon is inserted); if none
//! accepts the offending token, it drops tokens until one does, rescanning its
//! whole stack for each dropped token. A dropped token always means the
//! semicolon would not be inserted (see asi.rs), so the token stream ends the
//! parse as soon as it is asked for a token while a recovery is under way:
//! that keeps an error in front of a long input from costing
//! tokens × stack depth.
//!
//! build.rs makes the generated parser call [`error_found`] whenever it meets
//! a syntax error, and hand over the terminals it expected when the driver
//! asked for them (only to word a final error; see driver.rs).

use std::cell::{Cell, RefCell};

use super::adapter::Lex;

/// The message of the error that ends a parse whose recovery would drop tokens.
pub const DROPPED_TOKEN: &str = "\u{0}parse error";

struct Recovery {
    expected_wanted: Cell<bool>,
    under_way: Cell<bool>,
    expected: RefCell<Vec<String>>,
    last_token: RefCell<Option<(usize, Lex, usize)>>,
}

thread_local! {
    static RECOVERY: Recovery = const {
        Recovery {
            expected_wanted: Cell::new(false),
            under_way: Cell::new(false),
            expected: RefCell::new(Vec::new()),
            last_token: RefCell::new(None),
        }
    };
}

/// Called by the generated parser at each syntax error; answers whether it
/// should list the terminals it expected.
pub fn error_found() -> bool {
    RECOVERY.with(|r| {
        r.under_way.set(true);
        r.expected_wanted.get()
    })
}

/// Called by the generated parser with the terminals it expected.
pub fn note_expected(expected: &[String]) {
    RECOVERY.with(|r| *r.expected.borrow_mut() = expected.to_vec());
}

/// The recovery ended in the error token's action (ASI accepted or refused).
pub fn recovery_done() {
    RECOVERY.with(|r| r.under_way.set(false));
}

pub fn under_way() -> bool {
    RECOVERY.with(|r| r.under_way.get())
}

/// Starts a parse; `explain` asks for expected terminals and the last token.
pub fn start(explain: bool) {
    RECOVERY.with(|r| {
        r.expected_wanted.set(explain);
        r.under_way.set(false);
        r.expected.borrow_mut().clear();
        r.last_token.borrow_mut().take();
    });
}

pub fn explaining() -> bool {
    RECOVERY.with(|r| r.expected_wanted.get())
}

pub fn note_last_token(token: &(usize, Lex, usize)) {
    RECOVERY.with(|r| *r.last_token.borrow_mut() = Some(token.clone()));
}

/// The token the parser met at its last error and the terminals it expected.
pub fn take_failure() -> (Option<(usize, Lex, usize)>, Vec<String>) {
    RECOVERY.with(|r| {
        (
            r.last_token.borrow_mut().take(),
            std::mem::take(&mut *r.expected.borrow_mut()),
        )
    })
}

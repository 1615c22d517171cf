//! Interrupting a running evaluation (`vm` `evaluate({ timeout })`): the
//! evaluator polls a deadline at loop back-edges and calls; once it has
//! passed, every poll throws the termination marker, which catch clauses
//! let through (like V8's TerminateExecution), until the host clears it.

use std::time::Instant;

use super::agent::{Agent, JsResult, Throw};
use super::value::Value;

/// Polls between two reads of the clock: reading it costs more than a
/// loop iteration of simple code.
const POLLS_PER_CLOCK_READ: u32 = 1024;

/// A deadline being watched.
pub struct Interrupt {
    deadline: Instant,
    countdown: u32,
    /// The deadline passed: every poll throws from now on.
    pub fired: bool,
}

impl Agent {
    /// Starts watching `deadline`; returns the watch it replaces.
    pub fn set_deadline(&mut self, deadline: Option<Instant>) -> Option<Interrupt> {
        let next = deadline.map(|deadline| Interrupt {
            deadline,
            countdown: POLLS_PER_CLOCK_READ,
            fired: false,
        });
        std::mem::replace(&mut self.interrupt, next)
    }

    /// Throws the termination marker when the deadline has passed.
    #[inline]
    pub(crate) fn poll_interrupt(&mut self) -> JsResult<()> {
        match &mut self.interrupt {
            None => Ok(()),
            Some(watch) => {
                if !watch.fired {
                    watch.countdown -= 1;
                    if watch.countdown > 0 {
                        return Ok(());
                    }
                    watch.countdown = POLLS_PER_CLOCK_READ;
                    if Instant::now() < watch.deadline {
                        return Ok(());
                    }
                    watch.fired = true;
                }
                Err(Throw(Value::Object(self.termination_marker.clone())))
            }
        }
    }

    /// The value a terminated evaluation throws.
    pub fn termination_marker(&self) -> gc::Gc<super::object::JsObject> {
        self.termination_marker.clone()
    }

    /// Whether `v` is the termination marker (catch clauses do not catch it).
    pub fn is_termination(&self, v: &Value) -> bool {
        matches!(v, Value::Object(o) if gc::Gc::ptr_eq(o, &self.termination_marker))
    }
}

//! Interrupting a running evaluation: `vm`'s `evaluate({ timeout })` and the
//! embedding API's limits. The evaluator polls at loop back-edges and
//! calls; once a limit is reached, every poll throws the termination
//! marker, which catch clauses let through (like V8's TerminateExecution),
//! until the host removes the watch.

use std::time::Instant;

use super::agent::Agent;
use super::completion::{JsResult, Throw};
use super::value::Value;

/// Polls between two reads of the clock and the heap size: reading them
/// costs more than a loop iteration of simple code.
const POLLS_PER_CHECK: u32 = 1024;

/// Which limit ended an evaluation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum InterruptReason {
    Timeout,
    StepBudget,
    HeapLimit,
    /// The host ends the program (`process.exit(code)`).
    Exit(i32),
}

/// The limits being watched.
pub struct Interrupt {
    deadline: Option<Instant>,
    /// Polls (loop iterations and calls) left.
    steps_left: Option<u64>,
    /// Bytes of heap allowed (after a collection; see [`super::heap`]).
    heap_limit: Option<usize>,
    countdown: u32,
    /// The limit that was reached: every poll throws from then on.
    pub fired: Option<InterruptReason>,
}

impl Interrupt {
    pub fn new(deadline: Option<Instant>, steps: Option<u64>, heap_limit: Option<usize>) -> Self {
        Interrupt {
            deadline,
            steps_left: steps,
            heap_limit,
            countdown: POLLS_PER_CHECK,
            fired: None,
        }
    }

    /// Checks the limits; the slow checks only every `POLLS_PER_CHECK` polls.
    fn check(&mut self) -> Option<InterruptReason> {
        if let Some(steps) = &mut self.steps_left {
            if *steps == 0 {
                return Some(InterruptReason::StepBudget);
            }
            *steps -= 1;
        }
        self.countdown -= 1;
        if self.countdown > 0 {
            return None;
        }
        self.countdown = POLLS_PER_CHECK;
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Some(InterruptReason::Timeout);
        }
        if self
            .heap_limit
            .is_some_and(|limit| super::heap::exceeds(limit, 0))
        {
            return Some(InterruptReason::HeapLimit);
        }
        None
    }

    /// The deadline being watched, if any.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// The heap cap being watched, in bytes (see [`super::heap`]).
    pub fn heap_limit(&self) -> Option<usize> {
        self.heap_limit
    }
}

impl Agent {
    /// Starts watching `interrupt` (None: stop); returns the watch it
    /// replaces. A heap cap of the watch replaced stays in force under the
    /// new one (a `vm` timeout inside a run with `--max-heap-size`).
    pub fn set_interrupt(&mut self, mut interrupt: Option<Interrupt>) -> Option<Interrupt> {
        let outer_cap = self.interrupt.as_ref().and_then(|w| w.heap_limit);
        if let (Some(watch), Some(cap)) = (&mut interrupt, outer_cap) {
            watch.heap_limit = Some(watch.heap_limit.map_or(cap, |own| own.min(cap)));
        }
        std::mem::replace(&mut self.interrupt, interrupt)
    }

    /// Throws the termination marker once a limit has been reached.
    #[inline]
    pub(crate) fn poll_interrupt(&mut self) -> JsResult<()> {
        let Some(watch) = &mut self.interrupt else {
            return Ok(());
        };
        if watch.fired.is_none() {
            watch.fired = watch.check();
            if watch.fired.is_none() {
                return Ok(());
            }
        }
        Err(Throw::new(Value::Object(self.termination_marker.clone())))
    }

    /// Sleeps until `due` (a timer's due time). A watched deadline that
    /// comes first ends the wait: the limit fires and the termination
    /// marker is thrown.
    pub(crate) fn wait_until(&mut self, due: Instant) -> JsResult<()> {
        let deadline = self.interrupt.as_ref().and_then(|w| w.deadline);
        let wake = deadline.map_or(due, |d| d.min(due));
        let now = Instant::now();
        if wake > now {
            std::thread::sleep(wake - now);
        }
        if let Some(watch) = &mut self.interrupt {
            if watch.fired.is_none() && deadline.is_some_and(|d| d <= Instant::now()) {
                watch.fired = Some(InterruptReason::Timeout);
            }
            if watch.fired.is_some() {
                return Err(Throw::new(Value::Object(self.termination_marker.clone())));
            }
        }
        Ok(())
    }

    /// Ends the program with exit status `code` (`process.exit`): from now
    /// on every poll throws the termination marker, which nothing catches;
    /// returns it to throw now. The host reads the status back with
    /// [`Agent::exit_requested`].
    pub fn terminate_with_exit(&mut self, code: i32) -> Throw {
        let watch = self
            .interrupt
            .get_or_insert_with(|| Interrupt::new(None, None, None));
        watch.fired = Some(InterruptReason::Exit(code));
        Throw::new(Value::Object(self.termination_marker.clone()))
    }

    /// The exit status asked for with [`Agent::terminate_with_exit`], if any.
    pub fn exit_requested(&self) -> Option<i32> {
        match self.interrupt.as_ref()?.fired? {
            InterruptReason::Exit(code) => Some(code),
            _ => None,
        }
    }

    /// Throws the termination marker once the program has asked to exit
    /// (checked where the event loop would start new work).
    pub(crate) fn poll_exit(&self) -> JsResult<()> {
        match self.exit_requested() {
            Some(_) => Err(Throw::new(Value::Object(self.termination_marker.clone()))),
            None => Ok(()),
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

//! The job queues (ECMA-262 §9.5 Jobs; HostEnqueuePromiseJob), timers and
//! the one event loop that runs them, for the CLI, the Rust API and
//! `node:vm` alike: promise jobs run first-in first-out until none is
//! left; then the earliest timer (by due time, then creation order) runs,
//! and so on. Rejected promises left without a handler are tracked
//! (HostPromiseRejectionTracker) and reported when the promise jobs drain,
//! as Node does.

use std::collections::VecDeque;
use std::io::Write;
use std::time::{Duration, Instant};

use gc::Gc;

use super::agent::Agent;
use super::builtins::promise::{promise_state, PromiseData, PromiseStateView};
use super::completion::{JsResult, Throw};
use super::object::JsObject;
use super::value::Value;

/// A Job Abstract Closure.
pub type Job = Box<dyn FnOnce(&mut Agent) -> JsResult<()>>;

/// A pending `setTimeout` / `setInterval`.
pub struct Timer {
    pub id: u32,
    pub due: Instant,
    /// Creation order, to break ties between equal due times.
    pub sequence: u64,
    pub callback: Value,
    pub args: Vec<Value>,
    /// `Some(period)` for intervals.
    pub repeat: Option<Duration>,
}

#[derive(Default)]
pub struct JobQueue {
    pub promise_jobs: VecDeque<Job>,
    /// Node's `process.nextTick` queue: after each macrotask (a script, a
    /// timer's callback), every queued tick runs, then every promise job,
    /// and again while ticks are queued.
    pub ticks: VecDeque<Job>,
    pub timers: Vec<Timer>,
    pub next_timer_id: u32,
    pub timer_sequence: u64,
    /// Rejected promises without a handler (HostPromiseRejectionTracker
    /// "reject"), removed again on "handle"; reported when the queues drain.
    pub unhandled_rejections: Vec<Gc<JsObject>>,
}

impl Agent {
    /// HostEnqueuePromiseJob ( job, realm )
    pub fn enqueue_promise_job(&mut self, job: Job) {
        self.jobs.promise_jobs.push_back(job);
    }

    /// Runs every queued promise job, including those queued meanwhile.
    /// Stops at the first job that throws and returns its error.
    pub fn run_promise_jobs(&mut self) -> JsResult<()> {
        while let Some(job) = self.jobs.promise_jobs.pop_front() {
            job(self)?;
        }
        // A safe point (no collection is sweeping) to unwind the stacks of
        // suspended bodies whose objects were collected.
        super::eval::bury_dead_coroutines();
        Ok(())
    }

    /// Queues `job` to run when the current macrotask ends, before the
    /// promise jobs (`process.nextTick`).
    pub fn enqueue_tick(&mut self, job: Job) {
        self.jobs.ticks.push_back(job);
    }

    /// What runs between two macrotasks, as Node's processTicksAndRejections
    /// does it: every tick (those queued meanwhile too), then every promise
    /// job, again until no tick is queued. A module's evaluation is itself
    /// a promise job in Node, so after a module body (`ticks_first` false)
    /// its promise jobs run before the first ticks.
    fn run_ticks_and_promise_jobs(&mut self, ticks_first: bool) -> JsResult<()> {
        if !ticks_first {
            self.run_promise_jobs()?;
        }
        loop {
            while let Some(tick) = self.jobs.ticks.pop_front() {
                self.poll_exit()?;
                tick(self)?;
            }
            self.run_promise_jobs()?;
            if self.jobs.ticks.is_empty() {
                return Ok(());
            }
        }
    }

    /// Takes the timer that is due first, removing it from the list.
    fn take_next_timer(&mut self) -> Option<Timer> {
        let timers = &mut self.jobs.timers;
        let (i, _) = timers
            .iter()
            .enumerate()
            .min_by_key(|(_, t)| (t.due, t.sequence))?;
        Some(timers.swap_remove(i))
    }

    /// The event loop: promise jobs until none is left, then the earliest
    /// due timer (after waiting for it), and again, until both queues are
    /// empty. Stops with the error when a job or a timer's callback throws,
    /// when `entry` (a module evaluation's promise) rejects, or when a
    /// rejected promise has no handler once the promise jobs drained
    /// (unless `unhandled` says otherwise). A limit watched by the agent's
    /// [`Interrupt`](super::interrupt::Interrupt) ends the wait for a timer
    /// too.
    pub fn run_event_loop(
        &mut self,
        entry: Option<&Value>,
        unhandled: UnhandledRejections,
    ) -> JsResult<()> {
        // After a module body its promise jobs come first; after a script
        // body or a timer, the ticks.
        let mut ticks_first = entry.is_none();
        loop {
            self.poll_exit()?;
            self.run_ticks_and_promise_jobs(ticks_first)?;
            ticks_first = true;
            if let Some(Value::Object(p)) = entry {
                if let Some(PromiseStateView::Rejected(reason)) = promise_state(p) {
                    return Err(Throw::new(reason));
                }
            }
            match unhandled {
                UnhandledRejections::Throw => {
                    if let Some(reason) = self.take_unhandled_rejection() {
                        return Err(Throw::new(reason));
                    }
                }
                UnhandledRejections::Warn => {
                    if let Some(reason) = self.take_unhandled_rejection() {
                        let text = self.describe_uncaught(&reason);
                        let _ =
                            writeln!(self.stderr, "Warning: unhandled promise rejection: {text}");
                    }
                }
                UnhandledRejections::Ignore => self.jobs.unhandled_rejections.clear(),
            }
            let Some(timer) = self.take_next_timer() else {
                return Ok(());
            };
            self.run_timer(timer)?;
        }
    }

    /// Waits until `timer` is due, re-arms it if it is an interval, and
    /// calls its callback.
    fn run_timer(&mut self, mut timer: Timer) -> JsResult<()> {
        self.wait_until(timer.due)?;
        let (callback, args) = (timer.callback.clone(), timer.args.clone());
        if let Some(period) = timer.repeat {
            timer.due = Instant::now() + period;
            self.jobs.timer_sequence += 1;
            timer.sequence = self.jobs.timer_sequence;
            self.jobs.timers.push(timer);
        }
        self.call(&callback, &Value::Undefined, &args)?;
        Ok(())
    }

    /// The reason of the first rejected promise that still has no handler
    /// (Node reports it once the microtask queue has drained); the others
    /// tracked so far are forgotten.
    fn take_unhandled_rejection(&mut self) -> Option<Value> {
        let pending = std::mem::take(&mut self.jobs.unhandled_rejections);
        pending.into_iter().find_map(|promise| {
            let data = promise.data::<PromiseData>()?;
            (!data.is_handled.get()).then(|| data.result.get())
        })
    }
}

/// What a rejected promise that has no handler once the promise jobs have
/// run does to the event loop (Node's `--unhandled-rejections`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnhandledRejections {
    /// The loop stops with the rejection's reason as its error (Node's default).
    #[default]
    Throw,
    /// A warning on stderr, and the loop goes on.
    Warn,
    /// Nothing: the embedder reads the promises it cares about itself (the
    /// Rust API reports a module's evaluation through its promise).
    Ignore,
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::UnhandledRejections;
    use crate::interp::agent::Agent;
    use crate::interp::interrupt::{Interrupt, InterruptReason};
    use crate::interp::run_source::{CapturedOutput, RunError};

    /// Runs `source` as a script, then the event loop in `mode`; returns
    /// the loop's error as printed, and what went to stdout and stderr.
    fn run(source: &str, mode: UnhandledRejections) -> (Option<String>, String, String) {
        let mut agent = Agent::new();
        let out = agent.capture_stdout();
        let err = CapturedOutput::default();
        agent.stderr = Box::new(err.clone());
        let script =
            crate::interp::eval::ScriptRecord::parse(source, agent.realm.clone(), "t.js", "t.js")
                .expect("parses");
        let result = agent
            .script_evaluation(&script)
            .and_then(|_| agent.run_event_loop(None, mode));
        let error = result.err().map(|e| agent.describe_uncaught(&e.0));
        (error, out.text(), err.text())
    }

    #[test]
    fn promise_jobs_run_before_timers_and_timers_by_due_time() {
        let source = "setTimeout(() => console.log('t20'), 20); \
                      setTimeout(() => console.log('t0'), 0); \
                      Promise.resolve().then(() => console.log('job'));";
        let (error, out, _) = run(source, UnhandledRejections::Throw);
        assert_eq!(error, None);
        assert_eq!(out, "job\nt0\nt20\n");
    }

    #[test]
    fn unhandled_rejections_throw_warn_or_are_left_alone() {
        let source = "Promise.reject({ a: 1 }); setTimeout(() => console.log('later'), 0);";
        let (error, out, err) = run(source, UnhandledRejections::Throw);
        assert_eq!(
            (error.as_deref(), out.as_str(), err.as_str()),
            (Some("{ a: 1 }"), "", "")
        );
        let (error, out, err) = run(source, UnhandledRejections::Warn);
        assert_eq!(error, None);
        assert_eq!(out, "later\n");
        assert_eq!(err, "Warning: unhandled promise rejection: { a: 1 }\n");
        let (error, out, err) = run(source, UnhandledRejections::Ignore);
        assert_eq!((error, out.as_str(), err.as_str()), (None, "later\n", ""));
    }

    #[test]
    fn a_watched_deadline_ends_the_wait_for_a_timer() {
        let mut agent = Agent::new();
        let deadline = Instant::now() + Duration::from_millis(50);
        agent.set_interrupt(Some(Interrupt::new(Some(deadline), None, None)));
        let started = Instant::now();
        let result = agent.run_script_source("t.js", "setTimeout(() => {}, 60000);");
        assert!(matches!(result, Err(RunError::Uncaught(_))), "{result:?}");
        assert!(started.elapsed() < Duration::from_secs(10));
        let watch = agent.set_interrupt(None).expect("still watched");
        assert_eq!(watch.fired, Some(InterruptReason::Timeout));
    }
}

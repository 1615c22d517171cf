//! The job queues (ECMA-262 §9.5 Jobs; HostEnqueuePromiseJob) and timers.
//! Promise jobs run first-in first-out until none is left; then the
//! earliest timer (by due time, then creation order) runs, and so on.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use gc::Gc;

use super::agent::{Agent, JsResult};
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

    /// Takes the timer that is due first, removing it from the list.
    pub fn take_next_timer(&mut self) -> Option<Timer> {
        let timers = &mut self.jobs.timers;
        let (i, _) = timers
            .iter()
            .enumerate()
            .min_by_key(|(_, t)| (t.due, t.sequence))?;
        Some(timers.swap_remove(i))
    }
}

/// The reason of the first rejected promise that still has no handler
/// (Node reports it once the microtask queue has drained).
pub fn take_unhandled_rejection(agent: &mut Agent) -> Option<Value> {
    let pending = std::mem::take(&mut agent.jobs.unhandled_rejections);
    for promise in pending {
        if let Some(data) = promise.data::<crate::interp::builtins::promise::PromiseData>() {
            if !data.is_handled.get() {
                return Some(data.result.get());
            }
        }
    }
    None
}

/// Promise jobs, then timers in due order, until both are empty.
pub fn drain_jobs(agent: &mut Agent) -> JsResult<()> {
    loop {
        agent.run_promise_jobs()?;
        let Some(mut timer) = agent.take_next_timer() else {
            return Ok(());
        };
        let now = std::time::Instant::now();
        if timer.due > now {
            std::thread::sleep(timer.due - now);
        }
        let (callback, args) = (timer.callback.clone(), timer.args.clone());
        if let Some(period) = timer.repeat {
            timer.due = std::time::Instant::now() + period;
            agent.jobs.timer_sequence += 1;
            timer.sequence = agent.jobs.timer_sequence;
            agent.jobs.timers.push(timer);
        }
        agent.call(&callback, &Value::Undefined, &args)?;
    }
}

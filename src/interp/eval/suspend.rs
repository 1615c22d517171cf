//! Suspending evaluation: the bridge between the evaluator and the
//! coroutines that carry generator, async function and module bodies.
//!
//! A suspendable body runs on its own coroutine stack. `yield` and `await`
//! anywhere inside it (however deep in the recursive evaluator) suspend that
//! coroutine with a [`Signal`]; whoever resumes it passes a [`Resume`]. The
//! agent is handed over at every resumption as a raw pointer: while a body
//! runs, the resumer is itself stopped inside `resume`, so the two never use
//! the agent at the same time.
//!
//! A suspended body's stack holds rooted `Gc` handles (its frame, its
//! function, the realm it runs in) that the collector cannot see through,
//! and its coroutine is owned by a heap object (the generator, or the
//! object an await reaction resumes): a cycle the collector never breaks.
//! The agent therefore keeps every body it started in [`Coroutines`] and
//! unwinds those still suspended when it is dropped.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use corosensei::{Coroutine, CoroutineResult, Yielder};

use crate::interp::agent::{Agent, StackFrame};
use crate::interp::builtins::promise::PromiseCapability;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::stack_guard;
use crate::interp::stack_pool::PooledStack;
use crate::interp::value::Value;

/// What a suspended body is resumed with (a generator's next/throw/return,
/// or an awaited promise's outcome).
pub(crate) enum Resume {
    Next(Value),
    Throw(Value),
    Return(Value),
}

/// Why a body suspended.
pub(crate) enum Signal {
    /// `await v`.
    Await(Value),
    /// `yield v` (the resumer wraps v in an iterator result).
    Yield(Value),
    /// `yield*` passing on an inner iterator's result object unchanged.
    YieldRaw(Value),
}

pub(crate) type AgentPtr = *mut Agent;

/// Stack size for generator and async function bodies.
pub(crate) const BODY_STACK: usize = 1024 * 1024;
/// Stack size for module bodies (they may recurse as deeply as any code).
pub(crate) const MODULE_STACK: usize = 256 * 1024 * 1024;

type Input = (AgentPtr, Resume);
type Body = Coroutine<Input, Signal, JsResult<Value>, PooledStack>;

thread_local! {
    /// The yielders of the running coroutines, innermost last: code deep in
    /// the evaluator suspends the innermost one without holding a handle.
    static RUNNING: RefCell<Vec<*const Yielder<Input, Signal>>> = const { RefCell::new(Vec::new()) };
    /// Suspended coroutines whose owner was collected: dropping one unwinds
    /// its stack, which drops `Gc` handles, which the collector forbids
    /// while it sweeps. They are dropped later, at a safe point.
    static GRAVEYARD: RefCell<Vec<Body>> = const { RefCell::new(Vec::new()) };
}

/// Whether code is running inside a suspendable body.
pub(crate) fn in_coroutine() -> bool {
    RUNNING.with(|r| !r.borrow().is_empty())
}

/// Drops the coroutines collected since the last call (unwinding their stacks).
pub fn bury_dead_coroutines() {
    loop {
        let dead = GRAVEYARD.with(|g| g.borrow_mut().pop());
        match dead {
            Some(body) => drop(body),
            None => break,
        }
    }
}

/// Suspends the innermost running body.
fn suspend_running(signal: Signal) -> Input {
    let yielder = RUNNING
        .with(|r| r.borrow_mut().pop())
        .expect("suspend runs inside a coroutine");
    // SAFETY: the yielder lives on the suspending coroutine's stack, which
    // is the stack we are running on.
    let input = unsafe { (*yielder).suspend(signal) };
    RUNNING.with(|r| r.borrow_mut().push(yielder));
    input
}

/// A suspendable body and its coroutine.
pub(crate) struct Activation {
    /// Shared (weakly) with the agent's [`Coroutines`].
    shared: Rc<Shared>,
    /// The lowest address of the body's stack (for the stack-depth check).
    stack_limit: usize,
}

/// What an activation holds outside the collector's view, and so what the
/// agent releases when it ends the activation.
struct Shared {
    coroutine: RefCell<Option<Body>>,
    /// Async generators: the queued requests ([[AsyncGeneratorQueue]]),
    /// their values rooted.
    queue: RefCell<Requests>,
}

/// An async generator's queued requests: each resumption and the
/// capability of the promise its `next`/`throw`/`return` returned.
pub(crate) type Requests = VecDeque<(Resume, PromiseCapability)>;

impl Drop for Activation {
    fn drop(&mut self) {
        let Ok(mut slot) = self.shared.coroutine.try_borrow_mut() else {
            return;
        };
        if let Some(body) = slot.take() {
            if body.started() && !body.done() {
                let _ = GRAVEYARD.try_with(|g| g.borrow_mut().push(body));
            }
        }
    }
}

/// The outcome of running a body until it suspends or ends.
pub(crate) enum Step {
    Suspended(Signal),
    Done(JsResult<Value>),
}

impl Activation {
    /// A body not yet started; it receives the agent and the first
    /// resumption. `coroutines` (the agent's) learns of it.
    pub(crate) fn new(
        coroutines: &Coroutines,
        stack_size: usize,
        body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static,
    ) -> Activation {
        let stack = PooledStack::new(stack_size);
        let stack_limit = stack.lowest_address();
        let co = Coroutine::with_stack(
            stack,
            move |yielder: &Yielder<Input, Signal>, (agent, first): Input| {
                RUNNING.with(|r| r.borrow_mut().push(yielder as *const _));
                // SAFETY: see the module comment; the pointer comes from the
                // resumer's `&mut Agent`, unused until this body suspends.
                let agent = unsafe { &mut *agent };
                let result = body(agent, first);
                RUNNING.with(|r| r.borrow_mut().pop());
                result
            },
        );
        let shared = Rc::new(Shared {
            coroutine: RefCell::new(Some(co)),
            queue: RefCell::new(VecDeque::new()),
        });
        coroutines.register(&shared);
        Activation {
            shared,
            stack_limit,
        }
    }

    /// The async generator's request queue.
    pub(crate) fn queue(&self) -> &RefCell<Requests> {
        &self.shared.queue
    }

    /// Runs the body until its next suspension or its end.
    pub(crate) fn resume(&self, agent: &mut Agent, input: Resume) -> Step {
        let mut slot = self.shared.coroutine.borrow_mut();
        let Some(co) = slot.as_mut() else {
            return Step::Done(Ok(Value::Undefined));
        };
        // The body's execution contexts were taken off the agent's stack when
        // it suspended; they are pushed back by `suspend` itself.
        let outer_limit = stack_guard::set_stack_limit(self.stack_limit);
        // The body switches to its own realm while it runs (see `suspend`);
        // the resumer's comes back when it suspends or ends.
        let outer_realm = agent.realm.clone();
        let outcome = co.resume((agent as AgentPtr, input));
        agent.realm = outer_realm;
        stack_guard::set_stack_limit(outer_limit);
        match outcome {
            CoroutineResult::Yield(signal) => Step::Suspended(signal),
            CoroutineResult::Return(result) => {
                *slot = None;
                Step::Done(result)
            }
        }
    }
}

/// The coroutines of an agent's bodies (generators, async functions,
/// module bodies), held weakly: a body is owned by its heap object, and
/// the agent ends those still alive when it is dropped.
#[derive(Default)]
pub struct Coroutines {
    bodies: RefCell<Vec<Weak<Shared>>>,
    /// The length at which entries of finished bodies are next swept out.
    sweep_at: Cell<usize>,
}

/// Fewest entries before the first sweep of finished bodies.
const FIRST_SWEEP: usize = 64;

impl Coroutines {
    /// Records a new body. Entries of bodies already gone are swept out
    /// whenever the list has doubled since the last sweep (amortized O(1)).
    fn register(&self, body: &Rc<Shared>) {
        let mut bodies = self.bodies.borrow_mut();
        if bodies.len() >= self.sweep_at.get() {
            bodies.retain(|b| b.strong_count() > 0);
            self.sweep_at.set((bodies.len() * 2).max(FIRST_SWEEP));
        }
        bodies.push(Rc::downgrade(body));
    }

    /// Ends every body still alive: a suspended one is unwound (its
    /// stack's destructors run, releasing what it roots, and the stack
    /// goes back to the pool); one never started drops its closure; queued
    /// requests are dropped. Their objects stay, with no coroutine:
    /// resuming one finds it done.
    pub fn end_all(&self) {
        let bodies = std::mem::take(&mut *self.bodies.borrow_mut());
        for body in bodies.iter().filter_map(Weak::upgrade) {
            // A body being resumed is borrowed; none is while the agent drops.
            let coroutine = match body.coroutine.try_borrow_mut() {
                Ok(mut slot) => slot.take(),
                Err(_) => None,
            };
            // Unwinding runs destructors, which must not find the cell borrowed.
            drop(coroutine);
            let requests = body
                .queue
                .try_borrow_mut()
                .map(|mut q| std::mem::take(&mut *q));
            drop(requests);
        }
        bury_dead_coroutines();
    }
}

impl Agent {
    /// Suspends the running body with `signal` and waits to be resumed.
    /// The body's execution contexts leave the agent's stack meanwhile.
    pub(crate) fn suspend(&mut self, signal: Signal, contexts: usize) -> Resume {
        let keep = self.stack.len().saturating_sub(contexts);
        let mine: Vec<StackFrame> = self.stack.drain(keep..).collect();
        let my_realm = self.realm.clone();
        let (agent, resume): (AgentPtr, Resume) = suspend_running(signal);
        // SAFETY: the resumer hands its agent over (see the module comment).
        let agent = unsafe { &mut *agent };
        agent.stack.extend(mine);
        agent.realm = my_realm;
        debug_assert!(std::ptr::eq(agent, self));
        resume
    }

    /// `await v` — Await ( value ) — <https://tc39.es/ecma262/#await>
    pub(crate) fn await_value(&mut self, v: Value) -> JsResult<Value> {
        if !in_coroutine() {
            return Err(self.syntax_error(
                "await is only valid in async functions and the top level bodies of modules",
            ));
        }
        match self.suspend(Signal::Await(v), 1) {
            Resume::Next(v) => Ok(v),
            Resume::Throw(e) => Err(Throw::new(e)),
            Resume::Return(v) => Err(self.generator_return(v)),
        }
    }
}

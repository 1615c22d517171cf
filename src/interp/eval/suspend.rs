//! Suspending evaluation: the bridge between the evaluator and the
//! coroutines that carry generator, async function and module bodies.
//!
//! A suspendable body runs on its own coroutine stack. `yield` and `await`
//! anywhere inside it (however deep in the recursive evaluator) suspend that
//! coroutine with a [`Signal`]; whoever resumes it passes a [`Resume`]. The
//! agent is handed over at every resumption as a raw pointer: while a body
//! runs, the resumer is itself stopped inside `resume`, so the two never use
//! the agent at the same time.

use std::cell::RefCell;

use corosensei::{Coroutine, CoroutineResult, Yielder};

use crate::interp::agent::{Agent, StackFrame};
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
    coroutine: RefCell<Option<Body>>,
    /// The lowest address of the body's stack (for the stack-depth check).
    stack_limit: usize,
}

impl Drop for Activation {
    fn drop(&mut self) {
        if let Some(body) = self.coroutine.get_mut().take() {
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
    /// A body not yet started; it receives the agent and the first resumption.
    pub(crate) fn new(
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
        Activation {
            coroutine: RefCell::new(Some(co)),
            stack_limit,
        }
    }

    /// Runs the body until its next suspension or its end.
    pub(crate) fn resume(&self, agent: &mut Agent, input: Resume) -> Step {
        let mut slot = self.coroutine.borrow_mut();
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
            Resume::Throw(e) => Err(Throw(e)),
            Resume::Return(v) => Err(self.generator_return(v)),
        }
    }
}

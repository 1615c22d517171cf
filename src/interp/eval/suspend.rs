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

use crate::interp::agent::{Agent, JsResult, StackFrame, Throw};
use crate::interp::coroutine::{self, Coroutine, Resumed};
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

/// A suspendable body and its coroutine.
pub(crate) struct Activation {
    coroutine: RefCell<Option<Coroutine<Signal, (AgentPtr, Resume), JsResult<Value>>>>,
}

/// The outcome of running a body until it suspends or ends.
pub(crate) enum Step {
    Suspended(Signal),
    Done(JsResult<Value>),
}

impl Activation {
    /// A body not yet started; it receives the agent and the first resumption.
    pub(crate) fn new(stack_size: usize, body: impl FnOnce(&mut Agent, Resume) -> JsResult<Value> + 'static) -> Activation {
        let co = Coroutine::with_stack_size(stack_size, move |(agent, first): (AgentPtr, Resume)| {
            // SAFETY: see the module comment; the pointer comes from the
            // resumer's `&mut Agent`, unused until this body suspends.
            let agent = unsafe { &mut *agent };
            body(agent, first)
        });
        Activation {
            coroutine: RefCell::new(Some(co)),
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
        match co.resume((agent as AgentPtr, input)) {
            Resumed::Yielded(signal) => Step::Suspended(signal),
            Resumed::Returned(result) => {
                *slot = None;
                Step::Done(result)
            }
        }
    }

    pub(crate) fn is_finished(&self) -> bool {
        self.coroutine.borrow().is_none()
    }
}

impl Agent {
    /// Suspends the running body with `signal` and waits to be resumed.
    /// The body's execution contexts leave the agent's stack meanwhile.
    pub(crate) fn suspend(&mut self, signal: Signal, contexts: usize) -> Resume {
        let keep = self.stack.len().saturating_sub(contexts);
        let mine: Vec<StackFrame> = self.stack.drain(keep..).collect();
        let (agent, resume): (AgentPtr, Resume) = coroutine::suspend(signal);
        // SAFETY: the resumer hands its agent over (see the module comment).
        let agent = unsafe { &mut *agent };
        agent.stack.extend(mine);
        debug_assert!(std::ptr::eq(agent, self));
        resume
    }

    /// `await v` — Await ( value ) — <https://tc39.es/ecma262/#await>
    pub(crate) fn await_value(&mut self, v: Value) -> JsResult<Value> {
        if !coroutine::in_coroutine() {
            return Err(self.syntax_error("await is only valid in async functions and the top level bodies of modules"));
        }
        match self.suspend(Signal::Await(v), 1) {
            Resume::Next(v) => Ok(v),
            Resume::Throw(e) => Err(Throw(e)),
            Resume::Return(v) => Err(self.generator_return(v)),
        }
    }
}

//! Promise objects (ECMA-262 §27.2): the abstract operations the evaluator
//! and the module layer use (capabilities, resolution, reactions), and the
//! `Promise` constructor with its prototype and statics.

mod combinators;
mod operations;
mod prototype;

use gc::{Finalize, Gc, Trace};

pub(crate) use operations::perform_await_then;
pub use operations::{
    is_promise, new_promise, new_promise_capability, perform_promise_then, promise_resolve,
    reject_promise, resolve_promise,
};

use crate::interp::agent::Agent;
use crate::interp::eval::stackless_async::StacklessAsync;
use crate::interp::object::{JsObject, ObjectData};
use crate::interp::slots::{Slot, Slots};
use crate::interp::value::Value;

/// A PromiseCapability Record (§27.2.1.1).
#[derive(Clone)]
pub struct PromiseCapability {
    pub promise: Value,
    pub resolve: Value,
    pub reject: Value,
}

impl Finalize for PromiseCapability {}

// SAFETY: visits the three values.
unsafe impl Trace for PromiseCapability {
    gc::custom_trace!(this, {
        mark(&this.promise);
        mark(&this.resolve);
        mark(&this.reject);
    });
}

/// [[PromiseState]]
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PromiseState {
    Pending,
    Fulfilled,
    Rejected,
}

/// The PromiseReaction Records (§27.2.1.2) one PerformPromiseThen appends:
/// the fulfil and the reject reaction share their capability (absent for
/// await's reactions), so they are kept as one record with both handlers.
#[derive(Clone)]
pub(crate) struct PromiseReaction {
    /// Boxed: most reactions of a program are await's, which have none,
    /// and a promise may hold many reactions while it is pending.
    pub capability: Option<Box<PromiseCapability>>,
    pub on_fulfilled: ReactionHandler,
    pub on_rejected: ReactionHandler,
}

impl Finalize for PromiseReaction {}

// SAFETY: visits the capability and the handlers.
unsafe impl Trace for PromiseReaction {
    gc::custom_trace!(this, {
        mark(&this.capability);
        mark(&this.on_fulfilled);
        mark(&this.on_rejected);
    });
}

/// A reaction's [[Handler]].
#[derive(Clone)]
pub(crate) enum ReactionHandler {
    /// empty: the argument passes on to the capability (fulfils or rejects it).
    Empty,
    /// A JobCallback Record's [[Callback]]: a callable value.
    Callable(Value),
    /// Deviation: Await's onFulfilled and onRejected closures, which no
    /// code can see, are not made; the reaction resumes the awaiting body:
    /// an async function or module body on its coroutine, or an async
    /// generator (its state object) ...
    Await(Gc<JsObject>),
    /// ... or a stackless async function body (`eval::stackless_async`).
    ResumeStackless(Gc<StacklessAsync>),
    /// Deviation: a Promise.all / allSettled / any element function that
    /// no code can see is not made (`combinators`): the reaction records
    /// the outcome at `index` of the combinator's state object.
    Element {
        state: Gc<JsObject>,
        index: u32,
        role: ElementRole,
    },
}

/// Which element function a `ReactionHandler::Element` stands for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum ElementRole {
    /// Promise.all Resolve Element Functions.
    AllResolve,
    /// Promise.allSettled Resolve Element Functions.
    SettledFulfilled,
    /// Promise.allSettled Reject Element Functions.
    SettledRejected,
    /// Promise.any Reject Element Functions.
    AnyReject,
}

impl Finalize for ReactionHandler {}

// SAFETY: visits the value or object each variant holds.
unsafe impl Trace for ReactionHandler {
    gc::custom_trace!(this, {
        match this {
            ReactionHandler::Empty => {}
            ReactionHandler::Callable(v) => mark(v),
            ReactionHandler::Await(state) => mark(state),
            ReactionHandler::ResumeStackless(state) => mark(state),
            ReactionHandler::Element { state, .. } => mark(state),
        }
    });
}

/// The internal slots of a promise.
#[derive(Trace, Finalize)]
pub struct PromiseData {
    #[unsafe_ignore_trace]
    pub(crate) state: std::cell::Cell<PromiseState>,
    /// [[PromiseResult]]
    pub(crate) result: Slot<Value>,
    /// [[PromiseFulfillReactions]] and [[PromiseRejectReactions]] together.
    pub(crate) reactions: Slots<PromiseReaction>,
    /// [[PromiseIsHandled]]
    #[unsafe_ignore_trace]
    pub(crate) is_handled: std::cell::Cell<bool>,
}

impl ObjectData for PromiseData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Promise"
    }
}

/// A promise's [[PromiseState]] as console formatting shows it.
pub enum PromiseStateView {
    Pending,
    Fulfilled(Value),
    Rejected(Value),
}

/// The state of a promise (None when `o` is not a promise).
pub fn promise_state(o: &Gc<JsObject>) -> Option<PromiseStateView> {
    let data = o.data::<PromiseData>()?;
    Some(match data.state.get() {
        PromiseState::Pending => PromiseStateView::Pending,
        PromiseState::Fulfilled => PromiseStateView::Fulfilled(data.result.get()),
        PromiseState::Rejected => PromiseStateView::Rejected(data.result.get()),
    })
}

pub fn install(agent: &mut Agent) {
    prototype::install(agent);
    combinators::install(agent);
}

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

/// A PromiseReaction Record (§27.2.1.2): the capability to settle (absent
/// for await's reactions) and the handler (undefined: pass the value on).
#[derive(Clone)]
pub(crate) struct PromiseReaction {
    /// Boxed: most reactions of a program are await's, which have none,
    /// and a promise may hold many reactions while it is pending.
    pub capability: Option<Box<PromiseCapability>>,
    pub fulfill: bool,
    pub handler: Value,
}

impl Finalize for PromiseReaction {}

// SAFETY: visits the capability and the handler.
unsafe impl Trace for PromiseReaction {
    gc::custom_trace!(this, {
        mark(&this.capability);
        mark(&this.handler);
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
    pub(crate) reactions: Slots<(PromiseReaction, PromiseReaction)>,
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

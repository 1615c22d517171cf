//! promise builtins.

use crate::interp::agent::Agent;

pub fn install(agent: &mut Agent) {
    let _ = agent;
}

use crate::interp::object::JsObject;
use crate::interp::value::Value;
use gc::Gc;

/// A promise's [[PromiseState]] as console formatting shows it.
pub enum PromiseStateView {
    Pending,
    Fulfilled(Value),
    Rejected(Value),
}

/// The state of a promise (None when `o` is not a promise).
pub fn promise_state(o: &Gc<JsObject>) -> Option<PromiseStateView> {
    let _ = o;
    None
}

//! regexp builtins.

use crate::interp::agent::Agent;

pub fn install(agent: &mut Agent) {
    let _ = agent;
}

use crate::interp::object::JsObject;
use gc::Gc;

/// `/source/flags` of a RegExp object (None when `o` is not one), for console formatting.
pub fn regexp_display(o: &Gc<JsObject>) -> Option<String> {
    let _ = o;
    None
}

//! map_set builtins.

use crate::interp::agent::Agent;

pub fn install(agent: &mut Agent) {
    let _ = agent;
}

use crate::interp::object::JsObject;
use crate::interp::value::Value;
use gc::Gc;

/// The entries of a Map, in insertion order (None when `o` is not a Map).
/// Used by console formatting.
pub fn map_entries(o: &Gc<JsObject>) -> Option<Vec<(Value, Value)>> {
    let _ = o;
    None
}

/// The values of a Set, in insertion order (None when `o` is not a Set).
pub fn set_values(o: &Gc<JsObject>) -> Option<Vec<Value>> {
    let _ = o;
    None
}

/// Whether `o` is a WeakMap / WeakSet ("WeakMap" / "WeakSet"), for console formatting.
pub fn weak_collection_kind(o: &Gc<JsObject>) -> Option<&'static str> {
    let _ = o;
    None
}

//! The tree-walking evaluator.

use gc::Gc;

use super::agent::{Agent, JsResult};
use super::object::JsObject;
use super::value::Value;

/// [[Call]] of an ECMAScript function object.
pub fn call_closure(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    this: &Value,
    args: &[Value],
) -> JsResult<Value> {
    let _ = (f, this, args);
    agent.throw_type_error("not yet")
}

/// [[Construct]] of an ECMAScript function object.
pub fn construct_closure(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    args: &[Value],
    new_target: &Gc<JsObject>,
) -> JsResult<Value> {
    let _ = (f, args, new_target);
    agent.throw_type_error("not yet")
}

//! `console.table`.

use crate::interp::agent::{Agent, JsResult};
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// `console.table(data)`: primitives are logged as they are.
pub fn table(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    super::methods::log(agent, args)
}

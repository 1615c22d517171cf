//! ArrayBuffer and SharedArrayBuffer objects (ECMA-262 §25.1, §25.2):
//! the byte store they share with their views, the constructors and
//! their prototypes, and the element types of §23.2's Table 71.

mod constructor;
pub mod element_type;
mod prototype;
mod shared;
pub mod store;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::value::Value;
pub use constructor::allocate_array_buffer;
pub use store::{buffer_store, object_store, ArrayBufferData, ByteStore};

/// 2^53 − 1, the largest index ToIndex accepts.
pub const MAX_SAFE_INTEGER: f64 = 9007199254740991.0;

pub fn install(agent: &mut Agent) {
    constructor::install(agent);
    prototype::install(agent);
    shared::install(agent);
}

/// ToIndex ( value ) — <https://tc39.es/ecma262/#sec-toindex>, with the
/// RangeError message V8 gives in the caller's context.
pub fn to_index(agent: &mut Agent, value: &Value, message: &str) -> JsResult<f64> {
    // 1. Let integer be ? ToIntegerOrInfinity(value).
    let integer = agent.to_integer_or_infinity(value)?;
    // 2. If integer is not in the inclusive interval from 0 to 2^53 - 1, throw a RangeError exception.
    if !(0.0..=MAX_SAFE_INTEGER).contains(&integer) {
        return agent.throw_range_error(message);
    }
    // 3. Return integer.
    Ok(integer)
}

/// V8's TypeError for an operation on a detached buffer.
pub fn detached_error(agent: &mut Agent, operation: &str) -> crate::interp::completion::Throw {
    agent.type_error(format!(
        "Cannot perform {operation} on a detached ArrayBuffer"
    ))
}

/// V8's TypeError for a receiver without the needed internal slot.
pub fn incompatible_receiver(
    agent: &mut Agent,
    method: &str,
    receiver: &Value,
) -> crate::interp::completion::Throw {
    let shown = crate::interp::builtins::map_set::labels::receiver_label(receiver);
    agent.type_error(format!(
        "Method {method} called on incompatible receiver {shown}"
    ))
}

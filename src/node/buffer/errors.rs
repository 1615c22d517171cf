//! The errors `Buffer` throws, worded as Node v20's `internal/errors` and
//! `lib/buffer.js` word them, and the argument checks that throw them
//! (`validateNumber`, `validateOffset`, `boundsError`).

use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::native::define_value;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::Attributes;
use crate::interp::value::Value;
use crate::node::globals::{invalid_arg_type, invalid_arg_type_phrase};

/// `kMaxLength`: the largest Buffer Node v20 (V8 11) makes, 2^32.
pub const K_MAX_LENGTH: f64 = 4294967296.0;

/// Node's `addNumericalSeparator`: `_` between groups of three digits.
fn add_numerical_separator(digits: &str) -> String {
    let start = usize::from(digits.starts_with('-'));
    let mut end = digits.len();
    let mut groups = String::new();
    while end >= start + 4 {
        groups = format!("_{}{groups}", &digits[end - 3..end]);
        end -= 3;
    }
    format!("{}{groups}", &digits[..end])
}

/// What ERR_OUT_OF_RANGE says it received: integers beyond 2^32 and
/// BigInts beyond ±2^32 with separators, BigInts with `n`, anything else
/// as `util.inspect` shows it.
fn out_of_range_received(agent: &mut Agent, input: &Value) -> String {
    match input {
        Value::Number(n) if n.fract() == 0.0 && n.abs() > 4294967296.0 => {
            add_numerical_separator(&crate::interp::number::number_to_string(*n))
        }
        Value::BigInt(b) => {
            let digits = b.to_string_radix(10);
            let limit = JsBigInt::from(1u64 << 32);
            let big = limit.less_than(b) || b.less_than(&limit.unary_minus());
            if big {
                format!("{}n", add_numerical_separator(&digits))
            } else {
                format!("{digits}n")
            }
        }
        other => {
            crate::interp::inspect::inspect(agent, other, &Default::default()).unwrap_or_default()
        }
    }
}

/// `RangeError [ERR_OUT_OF_RANGE]: The value of "name" is out of range. It
/// must be {range}. Received …`
pub fn out_of_range(agent: &mut Agent, name: &str, range: &str, input: &Value) -> Throw {
    let received = out_of_range_received(agent, input);
    coded_error(
        agent,
        ErrorKind::RangeError,
        "ERR_OUT_OF_RANGE",
        format!("The value of \"{name}\" is out of range. It must be {range}. Received {received}"),
    )
}

/// `RangeError [ERR_BUFFER_OUT_OF_BOUNDS]`: `"name" is outside of buffer
/// bounds`, or without a name `Attempt to access memory outside buffer bounds`.
pub fn buffer_out_of_bounds(agent: &mut Agent, name: Option<&str>) -> Throw {
    let message = match name {
        Some(name) => format!("\"{name}\" is outside of buffer bounds"),
        None => "Attempt to access memory outside buffer bounds".to_string(),
    };
    coded_error(
        agent,
        ErrorKind::RangeError,
        "ERR_BUFFER_OUT_OF_BOUNDS",
        message,
    )
}

/// `TypeError [ERR_UNKNOWN_ENCODING]: Unknown encoding: {encoding}`.
pub fn unknown_encoding(agent: &mut Agent, encoding: &Value) -> JsResult<Throw> {
    let shown = agent.to_string(encoding)?.to_rust_string();
    Ok(coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_UNKNOWN_ENCODING",
        format!("Unknown encoding: {shown}"),
    ))
}

/// `TypeError [ERR_INVALID_ARG_VALUE]: The argument 'name' is invalid.
/// Received …`.
pub fn invalid_arg_value(agent: &mut Agent, name: &str, value: &Value) -> Throw {
    let shown =
        crate::interp::inspect::inspect(agent, value, &Default::default()).unwrap_or_default();
    coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_ARG_VALUE",
        format!("The argument '{name}' is invalid. Received {shown}"),
    )
}

/// `The "name" argument must be an instance of Buffer or Uint8Array.`
pub fn not_uint8_array(agent: &mut Agent, name: &str, value: &Value) -> Throw {
    invalid_arg_type(agent, name, "an instance of Buffer or Uint8Array", value)
}

/// `The "name" argument must be of type {types}` for several types.
pub fn invalid_types(agent: &mut Agent, name: &str, expected: &str, value: &Value) -> Throw {
    invalid_arg_type_phrase(agent, &format!("\"{name}\" argument"), expected, value)
}

/// An error made by Node's C++ layer: a plain error of `kind` with a
/// `code` property (its `String(e)` has no `[CODE]` part).
pub fn native_coded_error(agent: &mut Agent, kind: ErrorKind, code: &str, message: &str) -> Throw {
    let error = agent.error(kind, message);
    if let Value::Object(o) = &*error.0 {
        define_value(o, "code", Value::from(code), Attributes::ALL);
    }
    error
}

/// `Error: Cannot create a string longer than 0x1fffffe8 characters`
/// (ERR_STRING_TOO_LONG), when a decoded string would pass V8's limit.
pub fn string_too_long(agent: &mut Agent) -> Throw {
    native_coded_error(
        agent,
        ErrorKind::Error,
        "ERR_STRING_TOO_LONG",
        "Cannot create a string longer than 0x1fffffe8 characters",
    )
}

/// Node's `validateNumber(value, name, min, max)`: a Number, within the
/// bounds when they are given.
pub fn validate_number(
    agent: &mut Agent,
    value: &Value,
    name: &str,
    min: Option<f64>,
    max: Option<f64>,
) -> JsResult<f64> {
    let Value::Number(n) = value else {
        return Err(invalid_arg_type(agent, name, "number", value));
    };
    let n = *n;
    let bounded = min.is_some() || max.is_some();
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) || (bounded && n.is_nan()) {
        let mut range = String::new();
        if let Some(m) = min {
            range.push_str(&format!(">= {}", fmt_number(m)));
        }
        if min.is_some() && max.is_some() {
            range.push_str(" && ");
        }
        if let Some(m) = max {
            range.push_str(&format!("<= {}", fmt_number(m)));
        }
        return Err(out_of_range(agent, name, &range, value));
    }
    Ok(n)
}

/// Node's `validateOffset(value, name, min = 0, max = kMaxLength)`: an
/// integer Number within the bounds.
pub fn validate_offset(agent: &mut Agent, value: &Value, name: &str, max: f64) -> JsResult<usize> {
    let Value::Number(n) = value else {
        return Err(invalid_arg_type(agent, name, "number", value));
    };
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(out_of_range(agent, name, "an integer", value));
    }
    if *n < 0.0 || *n > max {
        let range = format!(">= 0 && <= {}", fmt_number(max));
        return Err(out_of_range(agent, name, &range, value));
    }
    Ok(*n as usize)
}

/// Node's `boundsError(value, length, type)`: why an offset (or a
/// `byteLength`) cannot be used, for a buffer whose last valid offset is
/// `last` (negative when the buffer is too short for the access).
pub fn bounds_error(agent: &mut Agent, value: &Value, last: i64, name: Option<&str>) -> Throw {
    let n = match value {
        Value::Number(n) => *n,
        other => return invalid_arg_type(agent, name.unwrap_or("offset"), "number", other),
    };
    if n.floor() != n {
        return out_of_range(agent, name.unwrap_or("offset"), "an integer", value);
    }
    if last < 0 {
        return buffer_out_of_bounds(agent, None);
    }
    let low = if name.is_some() { 1 } else { 0 };
    let range = format!(">= {low} and <= {last}");
    out_of_range(agent, name.unwrap_or("offset"), &range, value)
}

/// A number as JavaScript prints it.
pub fn fmt_number(n: f64) -> String {
    crate::interp::number::number_to_string(n)
}

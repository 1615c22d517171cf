//! Node's argument validation errors (`ERR_INVALID_ARG_TYPE`), as its
//! `internal/errors` words them.

use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::Throw;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// What "Received …" says about `value` (Node's determineSpecificType).
pub fn describe_received(agent: &mut Agent, value: &Value) -> String {
    match value {
        Value::Undefined | Value::Null => agent.to_display_string(value),
        Value::Object(o) if agent.is_callable(value) => {
            let name = o
                .get_own_data_value(&PropertyKey::from("name"))
                .map(|n| agent.to_display_string(&n))
                .unwrap_or_default();
            format!("function {name}")
        }
        Value::Object(o) => {
            let constructor = agent
                .get(o, &PropertyKey::from("constructor"))
                .ok()
                .and_then(|c| match c {
                    Value::Object(c) => c.get_own_data_value(&PropertyKey::from("name")),
                    _ => None,
                });
            match constructor {
                Some(Value::String(name)) if !name.units().is_empty() => {
                    format!("an instance of {name}")
                }
                _ => crate::interp::inspect::inspect(agent, value, &Default::default())
                    .unwrap_or_default(),
            }
        }
        Value::String(s) => {
            let text = s.to_rust_string();
            let shown: String = text.chars().take(25).collect();
            let shown = if text.chars().count() > 25 {
                format!("{shown}...")
            } else {
                shown
            };
            format!("type string ('{shown}')")
        }
        other => {
            let kind = match other {
                Value::Number(_) => "number",
                Value::Bool(_) => "boolean",
                Value::Symbol(_) => "symbol",
                _ => "bigint",
            };
            let shown = crate::interp::inspect::inspect(agent, other, &Default::default())
                .unwrap_or_default();
            format!("type {kind} ({shown})")
        }
    }
}

/// `TypeError [ERR_INVALID_ARG_TYPE]: The "name" argument must be of type
/// expected. Received …`.
pub fn invalid_arg_type(agent: &mut Agent, name: &str, expected: &str, actual: &Value) -> Throw {
    let received = describe_received(agent, actual);
    // Node says "must be an instance of X", "must be of type string, …".
    let expected = if expected.starts_with("an instance of") {
        expected.to_string()
    } else {
        format!("of type {expected}")
    };
    coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_ARG_TYPE",
        format!("The \"{name}\" argument must be {expected}. Received {received}"),
    )
}

/// `TypeError [ERR_INVALID_ARG_TYPE]: The {subject} must be {expected}.
/// Received …`, for Node's wordings that name several types (`"value"
/// argument`, `first argument`; `one of type number or string or an
/// instance of Buffer or Uint8Array`).
pub fn invalid_arg_type_phrase(
    agent: &mut Agent,
    subject: &str,
    expected: &str,
    actual: &Value,
) -> Throw {
    let received = describe_received(agent, actual);
    coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_ARG_TYPE",
        format!("The {subject} must be {expected}. Received {received}"),
    )
}

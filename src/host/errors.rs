//! Node's errors with a `code` (`ERR_MODULE_NOT_FOUND`, …): an `Error` or
//! `TypeError` whose `stack` starts `Name [CODE]: message` and whose
//! `String(e)` says the same (Node's NodeError classes define `toString`
//! on their prototypes; here one prototype per error kind does).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// An error of `kind` with Node's `code` (`ERR_MODULE_NOT_FOUND`, …).
pub fn coded_error(agent: &mut Agent, kind: ErrorKind, code: &str, message: String) -> Throw {
    let Throw(e) = agent.error(kind, &message);
    if let Value::Object(o) = &*e {
        let name = match kind {
            ErrorKind::TypeError => "TypeError",
            ErrorKind::RangeError => "RangeError",
            _ => "Error",
        };
        let proto = node_error_prototype(agent, kind);
        JsObject::set_prototype_of(o, Some(proto));
        // `code` is an own enumerable property, as on Node's errors.
        o.define_own_property(
            PropertyKey::from("code"),
            PropertyDescriptor::data(Value::from(code), Attributes::ALL),
        );
        o.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(
                Value::String(JsStr::from(format!("{name} [{code}]: {message}"))),
                Attributes::METHOD,
            ),
        );
    }
    Throw(e)
}

/// The prototype of Node's coded errors of `kind`: inherits from the
/// kind's prototype and adds `toString` (`Name [CODE]: message`).
fn node_error_prototype(agent: &mut Agent, kind: ErrorKind) -> Gc<JsObject> {
    let key = match kind {
        ErrorKind::TypeError => "NodeTypeError.prototype",
        ErrorKind::RangeError => "NodeRangeError.prototype",
        _ => "NodeError.prototype",
    };
    if let Some(proto) = agent.intrinsics().try_get(key) {
        return proto;
    }
    let base = agent.error_prototype(kind);
    let proto = JsObject::ordinary_create(Some(base));
    agent.define_method(&proto, "toString", 0, node_error_to_string);
    agent.intrinsics().register(key, proto.clone());
    proto
}

/// `toString()` of Node's coded errors: `${name} [${code}]: ${message}`.
fn node_error_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(o) = args.this else {
        return agent.throw_type_error("toString called on non-object");
    };
    let mut parts = Vec::with_capacity(3);
    for key in ["name", "code", "message"] {
        let v = agent.get(o, &PropertyKey::from(key))?;
        parts.push(agent.to_string(&v)?.to_rust_string());
    }
    Ok(Value::from(
        format!("{} [{}]: {}", parts[0], parts[1], parts[2]).as_str(),
    ))
}

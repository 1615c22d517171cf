//! `URL` and `URLSearchParams` (the WHATWG URL standard as Node v20
//! exposes it). Parsing, serialising and the setters' state overrides come
//! from the `url` crate, a WHATWG-conformant parser; this module is the
//! JavaScript face: the objects, their accessors and methods, the link
//! between a URL and its live `searchParams`, and Node's errors and
//! `console.log` shapes.

mod search_params;
mod search_params_iterator;
mod url_object;

use gc::Gc;

use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::NativeFn;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Symbol;
use crate::interp::value::Value;

pub(super) fn install(agent: &mut Agent) {
    search_params_iterator::install(agent);
    search_params::install(agent);
    url_object::install(agent);
}

/// `${value}` followed by the USVString conversion (lone surrogates
/// become U+FFFD), as Node converts URL arguments.
fn to_usv_string(agent: &mut Agent, value: &Value) -> JsResult<String> {
    let s = agent.to_string(value)?;
    Ok(String::from_utf16_lossy(s.units()))
}

/// `TypeError [ERR_MISSING_ARGS]: The "a" (and "b") argument(s) must be specified`.
fn missing_args(agent: &mut Agent, names: &[&str]) -> Throw {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let message = match quoted.as_slice() {
        [one] => format!("The {one} argument must be specified"),
        [a, b] => format!("The {a} and {b} arguments must be specified"),
        _ => format!("The {} arguments must be specified", quoted.join(", ")),
    };
    coded_error(agent, ErrorKind::TypeError, "ERR_MISSING_ARGS", message)
}

/// Defines WebIDL attributes: accessors that are enumerable and configurable.
fn define_attributes(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    attributes: &[(&str, NativeFn, Option<NativeFn>)],
) {
    for (name, getter, setter) in attributes {
        let key = PropertyKey::from(*name);
        agent.define_accessor(target, key.clone(), Some(*getter), *setter);
        target.define_own_property(
            key,
            PropertyDescriptor {
                enumerable: Some(true),
                ..Default::default()
            },
        );
    }
}

/// Defines WebIDL operations: methods that are enumerable (Node marks its
/// URL and URLSearchParams methods so).
fn define_operations(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    operations: &[(&str, u32, NativeFn)],
) {
    for (name, length, call) in operations {
        agent.define_method(target, name, *length, *call);
        target.define_own_property(
            PropertyKey::from(*name),
            PropertyDescriptor {
                enumerable: Some(true),
                ..Default::default()
            },
        );
    }
}

/// `Symbol.for('nodejs.util.inspect.custom')`, registered if it is not yet.
fn inspect_custom_symbol(agent: &mut Agent) -> Gc<Symbol> {
    let key = JsStr::from(crate::interp::inspect::CUSTOM_INSPECT_KEY);
    if let Some(s) = agent.symbol_registry.get(&key) {
        return s.clone();
    }
    let s = Symbol::new(Some(key.clone()));
    agent.symbol_registry.insert(key, s.clone());
    s
}

/// The inspect options object a custom inspector received, copied, with
/// `depth` replaced (Node's `{ ...ctx, depth }`).
fn options_with_depth(agent: &mut Agent, options: &Value, depth: Value) -> JsResult<Value> {
    let proto = agent.intrinsics().object_prototype.clone();
    let copy = JsObject::ordinary_create(Some(proto));
    if let Value::Object(o) = options {
        for key in o.own_property_keys() {
            let value = agent.get(o, &key)?;
            copy.define_own_property(
                key,
                PropertyDescriptor::data(value, crate::interp::property::Attributes::ALL),
            );
        }
    }
    copy.define_own_property(
        PropertyKey::from("depth"),
        PropertyDescriptor::data(depth, crate::interp::property::Attributes::ALL),
    );
    Ok(Value::Object(copy))
}

/// `inspect(value, options)` with the inspect function a custom inspector
/// received.
fn call_inspect(
    agent: &mut Agent,
    inspect: &Value,
    value: Value,
    options: &Value,
) -> JsResult<String> {
    let shown = agent.call(inspect, &Value::Undefined, &[value, options.clone()])?;
    Ok(agent.to_string(&shown)?.to_rust_string())
}

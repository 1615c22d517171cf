//! The JSON Object (ECMA-262 §25.5): JSON.parse with its reviver walk
//! and JSON.stringify.

mod parse;
mod stringify;
#[cfg(test)]
mod tests;

use gc::Gc;

use crate::interp::agent::{Agent, JsResult};
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::object_ops::EnumerableKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

pub use stringify::quote_json_string;

pub fn install(agent: &mut Agent) {
    let json = plain_object(agent);
    agent.define_method(&json, "parse", 2, json_parse);
    agent.define_method(&json, "stringify", 3, json_stringify);
    json.define_own_property(
        PropertyKey::Symbol(agent.symbols.to_string_tag.clone()),
        PropertyDescriptor::data(
            Value::from("JSON"),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
    agent.intrinsics().register("JSON", json.clone());
    let global = agent.global_object();
    define_value(&global, "JSON", Value::Object(json), Attributes::METHOD);
}

/// OrdinaryObjectCreate(%Object.prototype%).
fn plain_object(agent: &Agent) -> Gc<JsObject> {
    JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()))
}

/// JSON.parse ( text [ , reviver ] ) — <https://tc39.es/ecma262/#sec-json.parse>
fn json_parse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let jsonString be ? ToString(text).
    let json_string = agent.to_string(&args.arg(0))?;
    // 2–4. Parse it as a JSON text and evaluate it (the parser builds the values).
    let unfiltered = parse::parse_json_text(agent, &json_string)?;
    let reviver = args.arg(1);
    // 5. If IsCallable(reviver) is true, then
    if agent.is_callable(&reviver) {
        // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
        let root = plain_object(agent);
        // b. Let rootName be the empty String.
        let root_name = PropertyKey::from("");
        // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
        root.define_own_property(
            root_name.clone(),
            PropertyDescriptor::data(unfiltered, Attributes::ALL),
        );
        // d. Return ? InternalizeJSONProperty(root, rootName, reviver).
        return internalize_json_property(agent, &root, &root_name, &reviver, 0);
    }
    // 6. Else, return unfiltered.
    Ok(unfiltered)
}

/// InternalizeJSONProperty ( holder, name, reviver ) —
/// <https://tc39.es/ecma262/#sec-internalizejsonproperty>
fn internalize_json_property(
    agent: &mut Agent,
    holder: &Gc<JsObject>,
    name: &PropertyKey,
    reviver: &Value,
    depth: usize,
) -> JsResult<Value> {
    if depth > stringify::MAX_DEPTH || crate::interp::limits::stack_is_low() {
        return Err(agent.stack_overflow());
    }
    // 1. Let val be ? Get(holder, name).
    let val = agent.get(holder, name)?;
    // 2. If val is an Object, then
    if let Value::Object(o) = &val {
        // a. Let isArray be ? IsArray(val).
        let keys: Vec<PropertyKey> = if o.is_array() {
            // b. If isArray is true: each index below LengthOfArrayLike(val).
            let len = agent.length_of_array_like(o)?;
            let mut keys = Vec::new();
            let mut i = 0.0;
            while i < len {
                keys.push(PropertyKey::from_string(JsStr::from(
                    crate::interp::number::number_to_string(i),
                )));
                i += 1.0;
            }
            keys
        } else {
            // c. Else: keys be ? EnumerableOwnProperties(val, key).
            agent
                .enumerable_own_properties(o, EnumerableKind::Keys)?
                .into_iter()
                .filter_map(|k| match k {
                    Value::String(s) => Some(PropertyKey::from_string(s)),
                    _ => None,
                })
                .collect()
        };
        for key in keys {
            // 1. Let newElement be ? InternalizeJSONProperty(val, prop, reviver).
            let new_element = internalize_json_property(agent, o, &key, reviver, depth + 1)?;
            if matches!(new_element, Value::Undefined) {
                // 2. If newElement is undefined, perform ? val.[[Delete]](prop).
                o.delete(&key);
            } else {
                // 3. Else, perform ? CreateDataProperty(val, prop, newElement).
                agent.create_data_property(o, key, new_element)?;
            }
        }
    }
    // 3. Return ? Call(reviver, holder, « name, val »).
    agent.call(
        reviver,
        &Value::Object(holder.clone()),
        &[name.to_value(), val],
    )
}

/// JSON.stringify ( value [ , replacer [ , space ] ] ) —
/// <https://tc39.es/ecma262/#sec-json.stringify>
fn json_stringify(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(
        match stringify::stringify(agent, args.arg(0), args.arg(1), args.arg(2))? {
            Some(s) => Value::String(s),
            None => Value::Undefined,
        },
    )
}

//! The reviver walk of JSON.parse.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::ops::object_ops::EnumerableKind;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// InternalizeJSONProperty ( holder, name, reviver ) —
/// <https://tc39.es/ecma262/#sec-internalizejsonproperty>
pub(super) fn internalize_json_property(
    agent: &mut Agent,
    holder: &Gc<JsObject>,
    name: &PropertyKey,
    reviver: &Value,
    depth: usize,
) -> JsResult<Value> {
    if depth > super::stringify::MAX_DEPTH || crate::interp::stack_guard::stack_is_low() {
        return Err(agent.stack_overflow());
    }
    // 1. Let val be ? Get(holder, name).
    let val = agent.get(holder, name)?;
    // 2. If val is an Object, then
    if let Value::Object(o) = &val {
        // a. Let isArray be ? IsArray(val).
        let keys: Vec<PropertyKey> = if agent.is_array(&val)? {
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
                agent.delete(o, &key)?;
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

//! The proxy [[OwnPropertyKeys]] internal method (ECMA-262 §10.5.11).

use std::collections::HashSet;

use gc::Gc;

use super::{invariant_error, proxy_trap, quoted};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// CreateListFromArrayLike ( obj, property-key ) —
/// <https://tc39.es/ecma262/#sec-createlistfromarraylike>: only Strings
/// and Symbols are accepted.
fn create_property_key_list_from_array_like(
    agent: &mut Agent,
    obj: &Value,
) -> JsResult<Vec<PropertyKey>> {
    // 1. If obj is not an Object, throw a TypeError exception.
    let Value::Object(obj) = obj else {
        return agent.throw_type_error("CreateListFromArrayLike called on non-object");
    };
    // 2. Let len be ? LengthOfArrayLike(obj).
    let len = agent.length_of_array_like(obj)?;
    // 3. Let list be a new empty List.
    let mut list = Vec::new();
    // 4. Let index be 0.
    // 5. Repeat, while index < len,
    let mut index = 0.0;
    while index < len {
        // a. Let indexName be ! ToString(𝔽(index)).
        // b. Let next be ? Get(obj, indexName).
        let next = agent.get(obj, &PropertyKey::from(index as u32))?;
        // c. If validElementTypes is property-key and next is not a property
        //    key, throw a TypeError exception.
        let key = match &next {
            Value::String(s) => PropertyKey::from_string(s.clone()),
            Value::Symbol(s) => PropertyKey::Symbol(s.clone()),
            other => {
                let shown = agent.to_display_string(other);
                return agent.throw_type_error(format!("{shown} is not a valid property name"));
            }
        };
        // d. Append next to list.
        list.push(key);
        // e. Set index to index + 1.
        index += 1.0;
    }
    // 6. Return list.
    Ok(list)
}

/// [[OwnPropertyKeys]] ( ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-ownpropertykeys>
pub fn proxy_own_property_keys(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<Vec<PropertyKey>> {
    const TRAP: &str = "ownKeys";
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "ownKeys").
    let (target, handler, trap) = proxy_trap(agent, o, TRAP)?;
    // 5. If trap is undefined, return ? target.[[OwnPropertyKeys]]().
    let Some(trap) = trap else {
        return agent.own_property_keys(&target);
    };
    // 6. Let trapResultArray be ? Call(trap, handler, « target »).
    let trap_result_array = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone())],
    )?;
    // 7. Let trapResult be ? CreateListFromArrayLike(trapResultArray, property-key).
    let trap_result = create_property_key_list_from_array_like(agent, &trap_result_array)?;
    // 8. If trapResult contains any duplicate entries, throw a TypeError exception.
    let mut seen = HashSet::with_capacity(trap_result.len());
    if !trap_result.iter().all(|k| seen.insert(k.id())) {
        return invariant_error(agent, TRAP, "trap returned duplicate entries".into());
    }
    // 9. Let extensibleTarget be ? IsExtensible(target).
    let extensible_target = agent.is_extensible(&target)?;
    // 10. Let targetKeys be ? target.[[OwnPropertyKeys]]().
    let target_keys = agent.own_property_keys(&target)?;
    // 11. Assert: targetKeys is a List of property keys without duplicates.
    // 12. Let targetConfigurableKeys be a new empty List.
    let mut target_configurable_keys = Vec::new();
    // 13. Let targetNonconfigurableKeys be a new empty List.
    let mut target_nonconfigurable_keys = Vec::new();
    // 14. For each element key of targetKeys, do
    for key in target_keys {
        // a. Let desc be ? target.[[GetOwnProperty]](key).
        match agent.get_own_property(&target, &key)? {
            // b. If desc is not undefined and desc.[[Configurable]] is false, then
            //    i. Append key to targetNonconfigurableKeys.
            Some(desc) if !desc.configurable() => target_nonconfigurable_keys.push(key),
            // c. Else, i. Append key to targetConfigurableKeys.
            _ => target_configurable_keys.push(key),
        }
    }
    // 15. If extensibleTarget is true and targetNonconfigurableKeys is empty, then
    if extensible_target && target_nonconfigurable_keys.is_empty() {
        // a. Return trapResult.
        return Ok(trap_result);
    }
    // 16. Let uncheckedResultKeys be a List whose elements are the elements of trapResult.
    let mut unchecked_result_keys = seen;
    // 17. For each element key of targetNonconfigurableKeys, do
    for key in &target_nonconfigurable_keys {
        // a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
        // b. Remove key from uncheckedResultKeys.
        if !unchecked_result_keys.remove(&key.id()) {
            return invariant_error(
                agent,
                TRAP,
                format!("trap result did not include '{}'", quoted(key)),
            );
        }
    }
    // 18. If extensibleTarget is true, return trapResult.
    if extensible_target {
        return Ok(trap_result);
    }
    // 19. For each element key of targetConfigurableKeys, do
    for key in &target_configurable_keys {
        // a. If uncheckedResultKeys does not contain key, throw a TypeError exception.
        // b. Remove key from uncheckedResultKeys.
        if !unchecked_result_keys.remove(&key.id()) {
            return invariant_error(
                agent,
                TRAP,
                format!("trap result did not include '{}'", quoted(key)),
            );
        }
    }
    // 20. If uncheckedResultKeys is not empty, throw a TypeError exception.
    if !unchecked_result_keys.is_empty() {
        return invariant_error(
            agent,
            TRAP,
            "trap returned extra keys but proxy target is non-extensible".into(),
        );
    }
    // 21. Return trapResult.
    Ok(trap_result)
}

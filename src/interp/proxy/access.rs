//! The proxy internal methods that look properties up, read, write and
//! remove them: [[HasProperty]], [[Get]], [[Set]] and [[Delete]]
//! (ECMA-262 §10.5.7–§10.5.10).

use gc::Gc;

use super::{invariant_error, proxy_trap, quoted};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{Property, PropertyKey};
use crate::interp::value::Value;

/// [[HasProperty]] ( P ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-hasproperty-p>
pub fn proxy_has_property(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: &PropertyKey,
) -> JsResult<bool> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "has").
    let (target, handler, trap) = proxy_trap(agent, o, "has")?;
    // 5. If trap is undefined, return ? target.[[HasProperty]](P).
    let Some(trap) = trap else {
        return agent.has_property(&target, key);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone()), key.to_value()],
    )?;
    let boolean_trap_result = to_boolean(&result);
    // 7. If booleanTrapResult is false, then
    if !boolean_trap_result {
        // a. Let targetDesc be ? target.[[GetOwnProperty]](P).
        // b. If targetDesc is not undefined, then
        if let Some(target_desc) = agent.get_own_property(&target, key)? {
            // i. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
            if !target_desc.configurable() {
                return invariant_error(
                    agent,
                    "has",
                    format!(
                        "trap returned falsish for property '{}' which exists in the proxy target as non-configurable",
                        quoted(key)
                    ),
                );
            }
            // ii. Let extensibleTarget be ? IsExtensible(target).
            // iii. If extensibleTarget is false, throw a TypeError exception.
            if !agent.is_extensible(&target)? {
                return invariant_error(
                    agent,
                    "has",
                    format!(
                        "trap returned falsish for property '{}' but the proxy target is not extensible",
                        quoted(key)
                    ),
                );
            }
        }
    }
    // 8. Return booleanTrapResult.
    Ok(boolean_trap_result)
}

/// [[Get]] ( P, Receiver ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-get-p-receiver>
pub fn proxy_get(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: &PropertyKey,
    receiver: &Value,
) -> JsResult<Value> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "get").
    let (target, handler, trap) = proxy_trap(agent, o, "get")?;
    // 5. If trap is undefined, return ? target.[[Get]](P, Receiver).
    let Some(trap) = trap else {
        return agent.get_with_receiver(&target, key, receiver);
    };
    // 6. Let trapResult be ? Call(trap, handler, « target, P, Receiver »).
    let trap_result = agent.call(
        &trap,
        &Value::Object(handler),
        &[
            Value::Object(target.clone()),
            key.to_value(),
            receiver.clone(),
        ],
    )?;
    // 7. Let targetDesc be ? target.[[GetOwnProperty]](P).
    // 8. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    match agent.get_own_property(&target, key)? {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false, then
        //    i. If SameValue(trapResult, targetDesc.[[Value]]) is false, throw a TypeError exception.
        Some(Property::Data { value, attrs })
            if !attrs.configurable && !attrs.writable && !trap_result.same_value(&value) =>
        {
            let expected = agent.to_display_string(&value);
            let got = agent.to_display_string(&trap_result);
            return invariant_error(
                    agent,
                    "get",
                    format!(
                        "property '{}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{expected}' but got '{got}')",
                        quoted(key)
                    ),
                );
        }
        // b. If IsAccessorDescriptor(targetDesc) is true and targetDesc.[[Get]] is undefined, then
        //    i. If trapResult is not undefined, throw a TypeError exception.
        Some(Property::Accessor(a))
            if a.get.is_none() && !a.attrs.configurable && !trap_result.is_undefined() =>
        {
            let got = agent.to_display_string(&trap_result);
            return invariant_error(
                    agent,
                    "get",
                    format!(
                        "property '{}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{got}')",
                        quoted(key)
                    ),
                );
        }
        _ => {}
    }
    // 9. Return trapResult.
    Ok(trap_result)
}

/// [[Set]] ( P, V, Receiver ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-set-p-v-receiver>
pub fn proxy_set(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: &PropertyKey,
    v: Value,
    receiver: &Value,
) -> JsResult<bool> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "set").
    let (target, handler, trap) = proxy_trap(agent, o, "set")?;
    // 5. If trap is undefined, return ? target.[[Set]](P, V, Receiver).
    let Some(trap) = trap else {
        return agent.set_with_receiver(&target, key, v, receiver);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P, V, Receiver »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[
            Value::Object(target.clone()),
            key.to_value(),
            v.clone(),
            receiver.clone(),
        ],
    )?;
    // 7. If booleanTrapResult is false, return false.
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 8. Let targetDesc be ? target.[[GetOwnProperty]](P).
    // 9. If targetDesc is not undefined and targetDesc.[[Configurable]] is false, then
    match agent.get_own_property(&target, key)? {
        // a. If IsDataDescriptor(targetDesc) is true and targetDesc.[[Writable]] is false, then
        //    i. If SameValue(V, targetDesc.[[Value]]) is false, throw a TypeError exception.
        Some(Property::Data { value, attrs })
            if !attrs.configurable && !attrs.writable && !v.same_value(&value) =>
        {
            return invariant_error(
                    agent,
                    "set",
                    format!(
                        "trap returned truish for property '{}' which exists in the proxy target as a non-configurable and non-writable data property with a different value",
                        quoted(key)
                    ),
                );
        }
        // b. If IsAccessorDescriptor(targetDesc) is true, then
        Some(Property::Accessor(a)) if a.set.is_none() && !a.attrs.configurable => {
            // i. If targetDesc.[[Set]] is undefined, throw a TypeError exception.
            return invariant_error(
                agent,
                "set",
                format!(
                    "trap returned truish for property '{}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter",
                    quoted(key)
                ),
            );
        }
        _ => {}
    }
    // 10. Return true.
    Ok(true)
}

/// [[Delete]] ( P ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-delete-p>
pub fn proxy_delete(agent: &mut Agent, o: &Gc<JsObject>, key: &PropertyKey) -> JsResult<bool> {
    const TRAP: &str = "deleteProperty";
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "deleteProperty").
    let (target, handler, trap) = proxy_trap(agent, o, TRAP)?;
    // 5. If trap is undefined, return ? target.[[Delete]](P).
    let Some(trap) = trap else {
        return agent.delete(&target, key);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, P »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone()), key.to_value()],
    )?;
    // 7. If booleanTrapResult is false, return false.
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 8. Let targetDesc be ? target.[[GetOwnProperty]](P).
    // 9. If targetDesc is undefined, return true.
    let Some(target_desc) = agent.get_own_property(&target, key)? else {
        return Ok(true);
    };
    // 10. If targetDesc.[[Configurable]] is false, throw a TypeError exception.
    if !target_desc.configurable() {
        return invariant_error(
            agent,
            TRAP,
            format!(
                "trap returned truish for property '{}' which is non-configurable in the proxy target",
                quoted(key)
            ),
        );
    }
    // 11. Let extensibleTarget be ? IsExtensible(target).
    // 12. If extensibleTarget is false, throw a TypeError exception.
    if !agent.is_extensible(&target)? {
        return invariant_error(
            agent,
            TRAP,
            format!(
                "trap returned truish for property '{}' but the proxy target is non-extensible",
                quoted(key)
            ),
        );
    }
    // 13. Return true.
    Ok(true)
}

//! The proxy internal methods about the prototype and extensibility:
//! [[GetPrototypeOf]], [[SetPrototypeOf]], [[IsExtensible]] and
//! [[PreventExtensions]] (ECMA-262 §10.5.1–§10.5.4).

use gc::Gc;

use super::{invariant_error, proxy_trap};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{same_object, JsObject};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::value::Value;

fn proto_value(proto: &Option<Gc<JsObject>>) -> Value {
    proto.clone().map(Value::Object).unwrap_or(Value::Null)
}

/// [[GetPrototypeOf]] ( ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-getprototypeof>
pub fn proxy_get_prototype_of(
    agent: &mut Agent,
    o: &Gc<JsObject>,
) -> JsResult<Option<Gc<JsObject>>> {
    // 1. Perform ? ValidateNonRevokedProxy(O).
    // 2–3. Let target be O.[[ProxyTarget]]; let handler be O.[[ProxyHandler]].
    // 4. Let trap be ? GetMethod(handler, "getPrototypeOf").
    let (target, handler, trap) = proxy_trap(agent, o, "getPrototypeOf")?;
    // 5. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? target.[[GetPrototypeOf]]().
        return agent.get_prototype_of(&target);
    };
    // 6. Let handlerProto be ? Call(trap, handler, « target »).
    let handler_proto = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone())],
    )?;
    // 7. If handlerProto is not an Object and handlerProto is not null, throw a TypeError exception.
    let handler_proto = match handler_proto {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => {
            return invariant_error(
                agent,
                "getPrototypeOf",
                "trap returned neither object nor null".into(),
            )
        }
    };
    // 8. Let extensibleTarget be ? IsExtensible(target).
    // 9. If extensibleTarget is true, return handlerProto.
    if agent.is_extensible(&target)? {
        return Ok(handler_proto);
    }
    // 10. Let targetProto be ? target.[[GetPrototypeOf]]().
    let target_proto = agent.get_prototype_of(&target)?;
    // 11. If SameValue(handlerProto, targetProto) is false, throw a TypeError exception.
    if !same_object(&handler_proto, &target_proto) {
        return invariant_error(
            agent,
            "getPrototypeOf",
            "proxy target is non-extensible but the trap did not return its actual prototype"
                .into(),
        );
    }
    // 12. Return handlerProto.
    Ok(handler_proto)
}

/// [[SetPrototypeOf]] ( V ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-setprototypeof-v>
pub fn proxy_set_prototype_of(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    v: Option<Gc<JsObject>>,
) -> JsResult<bool> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "setPrototypeOf").
    let (target, handler, trap) = proxy_trap(agent, o, "setPrototypeOf")?;
    // 5. If trap is undefined, return ? target.[[SetPrototypeOf]](V).
    let Some(trap) = trap else {
        return agent.set_prototype_of(&target, v);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target, V »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone()), proto_value(&v)],
    )?;
    // 7. If booleanTrapResult is false, return false.
    if !to_boolean(&result) {
        return Ok(false);
    }
    // 8. Let extensibleTarget be ? IsExtensible(target).
    // 9. If extensibleTarget is true, return true.
    if agent.is_extensible(&target)? {
        return Ok(true);
    }
    // 10. Let targetProto be ? target.[[GetPrototypeOf]]().
    let target_proto = agent.get_prototype_of(&target)?;
    // 11. If SameValue(V, targetProto) is false, throw a TypeError exception.
    if !same_object(&v, &target_proto) {
        return invariant_error(
            agent,
            "setPrototypeOf",
            "trap returned truish for setting a new prototype on the non-extensible proxy target"
                .into(),
        );
    }
    // 12. Return true.
    Ok(true)
}

/// [[IsExtensible]] ( ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-isextensible>
pub fn proxy_is_extensible(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<bool> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "isExtensible").
    let (target, handler, trap) = proxy_trap(agent, o, "isExtensible")?;
    // 5. If trap is undefined, return ? IsExtensible(target).
    let Some(trap) = trap else {
        return agent.is_extensible(&target);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone())],
    )?;
    let boolean_trap_result = to_boolean(&result);
    // 7. Let targetResult be ? IsExtensible(target).
    let target_result = agent.is_extensible(&target)?;
    // 8. If booleanTrapResult is not targetResult, throw a TypeError exception.
    if boolean_trap_result != target_result {
        return invariant_error(
            agent,
            "isExtensible",
            format!(
                "trap result does not reflect extensibility of proxy target (which is '{target_result}')"
            ),
        );
    }
    // 9. Return booleanTrapResult.
    Ok(boolean_trap_result)
}

/// [[PreventExtensions]] ( ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-preventextensions>
pub fn proxy_prevent_extensions(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<bool> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "preventExtensions").
    let (target, handler, trap) = proxy_trap(agent, o, "preventExtensions")?;
    // 5. If trap is undefined, return ? target.[[PreventExtensions]]().
    let Some(trap) = trap else {
        return agent.prevent_extensions(&target);
    };
    // 6. Let booleanTrapResult be ToBoolean(? Call(trap, handler, « target »)).
    let result = agent.call(
        &trap,
        &Value::Object(handler),
        &[Value::Object(target.clone())],
    )?;
    let boolean_trap_result = to_boolean(&result);
    // 7. If booleanTrapResult is true, then
    if boolean_trap_result {
        // a. Let extensibleTarget be ? IsExtensible(target).
        // b. If extensibleTarget is true, throw a TypeError exception.
        if agent.is_extensible(&target)? {
            return invariant_error(
                agent,
                "preventExtensions",
                "trap returned truish but the proxy target is extensible".into(),
            );
        }
    }
    // 8. Return booleanTrapResult.
    Ok(boolean_trap_result)
}

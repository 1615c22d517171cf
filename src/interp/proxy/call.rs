//! The proxy [[Call]] and [[Construct]] internal methods (ECMA-262
//! §10.5.12–§10.5.13), present when the target has them.

use gc::Gc;

use super::{invariant_error, proxy_trap};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

/// [[Call]] ( thisArgument, argumentsList ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-call-thisargument-argumentslist>
pub fn proxy_call(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    this_argument: &Value,
    arguments_list: &[Value],
) -> JsResult<Value> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "apply").
    let (target, handler, trap) = proxy_trap(agent, o, "apply")?;
    // 5. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? Call(target, thisArgument, argumentsList).
        return agent.call_object(&target, this_argument, arguments_list);
    };
    // 6. Let argArray be CreateArrayFromList(argumentsList).
    let arg_array = agent.create_array_from_list(arguments_list.to_vec());
    // 7. Return ? Call(trap, handler, « target, thisArgument, argArray »).
    agent.call(
        &trap,
        &Value::Object(handler),
        &[
            Value::Object(target),
            this_argument.clone(),
            Value::Object(arg_array),
        ],
    )
}

/// [[Construct]] ( argumentsList, newTarget ) —
/// <https://tc39.es/ecma262/#sec-proxy-object-internal-methods-and-internal-slots-construct-argumentslist-newtarget>
pub fn proxy_construct(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    arguments_list: &[Value],
    new_target: &Gc<JsObject>,
) -> JsResult<Value> {
    // 1–4. Validate O; target, handler; trap be ? GetMethod(handler, "construct").
    let (target, handler, trap) = proxy_trap(agent, o, "construct")?;
    // 5. Assert: IsConstructor(target) is true.
    // 6. If trap is undefined, then
    let Some(trap) = trap else {
        // a. Return ? Construct(target, argumentsList, newTarget).
        return agent.construct(&target, arguments_list, Some(new_target));
    };
    // 7. Let argArray be CreateArrayFromList(argumentsList).
    let arg_array = agent.create_array_from_list(arguments_list.to_vec());
    // 8. Let newObj be ? Call(trap, handler, « target, argArray, newTarget »).
    let new_obj = agent.call(
        &trap,
        &Value::Object(handler),
        &[
            Value::Object(target),
            Value::Object(arg_array),
            Value::Object(new_target.clone()),
        ],
    )?;
    // 9. If newObj is not an Object, throw a TypeError exception.
    if !matches!(new_obj, Value::Object(_)) {
        let shown = agent.to_display_string(&new_obj);
        return invariant_error(
            agent,
            "construct",
            format!("trap returned non-object ('{shown}')"),
        );
    }
    // 10. Return newObj.
    Ok(new_obj)
}

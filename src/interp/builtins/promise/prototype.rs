//! The Promise constructor, Promise.prototype (then, catch, finally) and
//! Promise.resolve / reject / withResolvers (ECMA-262 §27.2.3–§27.2.5).

use gc::Gc;

use super::operations::{
    create_resolving_functions, new_promise_capability, new_promise_with_proto,
    new_then_capability, perform_promise_then, promise_resolve,
};
use super::PromiseData;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::call::is_constructor;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// Promise ( executor ) — <https://tc39.es/ecma262/#sec-promise-executor>
fn promise_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Promise constructor cannot be invoked without 'new'");
    };
    // 2. If IsCallable(executor) is false, throw a TypeError exception.
    let executor = args.arg(0);
    if !agent.is_callable(&executor) {
        let shown = agent.to_display_string(&executor);
        let shown = if matches!(executor, Value::Object(_)) {
            "#<Object>".to_string()
        } else {
            shown
        };
        return agent.throw_type_error(format!("Promise resolver {shown} is not a function"));
    }
    // 3. Let promise be ? OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%", …).
    let default = agent.intrinsics().promise_prototype.clone();
    let proto = agent.get_prototype_from_constructor(new_target, default)?;
    let promise = new_promise_with_proto(proto);
    // 8. Let resolvingFunctions be CreateResolvingFunctions(promise).
    let (resolve, reject) = create_resolving_functions(agent, &promise);
    // 9. Let completion be Completion(Call(executor, undefined, « resolve, reject »)).
    if let Err(Throw(e)) = agent.call(&executor, &Value::Undefined, &[resolve, reject.clone()]) {
        // 10. If completion is an abrupt completion, call reject with its value.
        agent.call(&reject, &Value::Undefined, &[*e])?;
    }
    Ok(Value::Object(promise))
}

fn this_promise(agent: &mut Agent, this: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(o) if o.data::<PromiseData>().is_some() => Ok(o.clone()),
        _ => {
            let shown = agent.to_display_string(this);
            agent.throw_type_error(format!(
                "Method Promise.prototype.{method} called on incompatible receiver {shown}"
            ))
        }
    }
}

/// Promise.prototype.then ( onFulfilled, onRejected ) — <https://tc39.es/ecma262/#sec-promise.prototype.then>
fn promise_then(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let promise be the this value; if IsPromise(promise) is false, throw.
    let promise = this_promise(agent, args.this, "then")?;
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let default = agent.intrinsics().get("Promise");
    let c = agent.species_constructor(&promise, default)?;
    // 4. Let resultCapability be ? NewPromiseCapability(C).
    let capability = new_then_capability(agent, &c)?;
    // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    Ok(perform_promise_then(
        agent,
        &promise,
        args.arg(0),
        args.arg(1),
        Some(capability),
    ))
}

/// Promise.prototype.catch ( onRejected ) — <https://tc39.es/ecma262/#sec-promise.prototype.catch>
fn promise_catch(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 2. Return ? Invoke(promise, "then", « undefined, onRejected »).
    agent.invoke(
        args.this,
        &PropertyKey::from("then"),
        &[Value::Undefined, args.arg(0)],
    )
}

/// Promise.prototype.finally ( onFinally ) — <https://tc39.es/ecma262/#sec-promise.prototype.finally>
fn promise_finally(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 2. If promise is not an Object, throw a TypeError exception.
    let Value::Object(promise) = args.this else {
        return agent.throw_type_error("Method Promise.prototype.finally called on a non-object");
    };
    // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
    let default = agent.intrinsics().get("Promise");
    let c = agent.species_constructor(promise, default)?;
    let on_finally = args.arg(0);
    // 5–6. Non-callable onFinally passes both outcomes through.
    let (then_finally, catch_finally) = if !agent.is_callable(&on_finally) {
        (on_finally.clone(), on_finally)
    } else {
        let captures = vec![on_finally, Value::Object(c)];
        let t = agent.native_function_with("", 1, then_finally, false, captures.clone());
        let k = agent.native_function_with("", 1, catch_finally, false, captures);
        (Value::Object(t), Value::Object(k))
    };
    // 7. Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    agent.invoke(
        args.this,
        &PropertyKey::from("then"),
        &[then_finally, catch_finally],
    )
}

/// thenFinally: call onFinally, then pass the value on.
fn then_finally(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    finally_step(agent, args, false)
}

/// catchFinally: call onFinally, then rethrow the reason.
fn catch_finally(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    finally_step(agent, args, true)
}

fn finally_step(agent: &mut Agent, args: &CallArgs, rethrow: bool) -> JsResult<Value> {
    let (on_finally, c) = (args.capture(0), args.capture(1));
    // i. Let result be ? Call(onFinally, undefined).
    let result = agent.call(&on_finally, &Value::Undefined, &[])?;
    // ii. Let p be ? PromiseResolve(C, result).
    let Value::Object(c) = c else {
        return Ok(Value::Undefined);
    };
    let p = promise_resolve(agent, &c, result)?;
    // iii–v. A closure returning the value (or throwing the reason), then p.then(it).
    let value = args.arg(0);
    let pass = if rethrow {
        agent.native_function_with("", 0, thrower, false, vec![value])
    } else {
        agent.native_function_with("", 0, value_thunk, false, vec![value])
    };
    agent.invoke(
        &Value::Object(p),
        &PropertyKey::from("then"),
        &[Value::Object(pass)],
    )
}

fn value_thunk(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(args.capture(0))
}

fn thrower(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Err(Throw::new(args.capture(0)))
}

/// Promise.resolve ( x ) — <https://tc39.es/ecma262/#sec-promise.resolve>
fn promise_resolve_static(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 2. If C is not an Object, throw a TypeError exception.
    let Value::Object(c) = args.this else {
        return agent.throw_type_error("PromiseResolve called on non-object");
    };
    Ok(Value::Object(promise_resolve(agent, c, args.arg(0))?))
}

/// Promise.reject ( r ) — <https://tc39.es/ecma262/#sec-promise.reject>
fn promise_reject_static(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let capability = new_promise_capability(agent, args.this)?;
    agent.call(&capability.reject, &Value::Undefined, &[args.arg(0)])?;
    Ok(capability.promise)
}

/// Promise.withResolvers ( ) — <https://tc39.es/ecma262/#sec-promise.withResolvers>
fn promise_with_resolvers(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let capability = new_promise_capability(agent, args.this)?;
    let obj = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&obj, "promise", capability.promise, Attributes::ALL);
    define_value(&obj, "resolve", capability.resolve, Attributes::ALL);
    define_value(&obj, "reject", capability.reject, Attributes::ALL);
    Ok(Value::Object(obj))
}

/// Promise.try ( callback, ...args ) — <https://tc39.es/ecma262/#sec-promise.try>
fn promise_try(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let C be the this value.
    // 2. If C is not an Object, throw a TypeError exception.
    if !matches!(args.this, Value::Object(_)) {
        return agent.throw_type_error("Promise.try called on non-object");
    }
    // 3. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, args.this)?;
    // 4. Let status be Completion(Call(callback, undefined, args)).
    let rest = args.args.get(1..).unwrap_or_default();
    let status = agent.call(&args.arg(0), &Value::Undefined, rest);
    match status {
        // 5. If status is an abrupt completion, then
        //    a. Perform ? Call(promiseCapability.[[Reject]], undefined, « status.[[Value]] »).
        Err(Throw(e)) => agent.call(&capability.reject, &Value::Undefined, &[*e])?,
        // 6. Else, perform ? Call(promiseCapability.[[Resolve]], undefined, « status.[[Value]] »).
        Ok(v) => agent.call(&capability.resolve, &Value::Undefined, &[v])?,
    };
    // 7. Return promiseCapability.[[Promise]].
    Ok(capability.promise)
}

pub(super) fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().promise_prototype.clone();
    let ctor = agent.native_constructor("Promise", 1, promise_constructor, &proto);
    debug_assert!(is_constructor(&ctor));
    let then = agent.define_method(&proto, "then", 2, promise_then);
    agent.intrinsics().register("Promise.prototype.then", then);
    agent.define_method(&proto, "catch", 1, promise_catch);
    agent.define_method(&proto, "finally", 1, promise_finally);
    let resolve = agent.define_method(&ctor, "resolve", 1, promise_resolve_static);
    agent.intrinsics().register("Promise.resolve", resolve);
    agent.define_method(&ctor, "reject", 1, promise_reject_static);
    agent.define_method(&ctor, "withResolvers", 0, promise_with_resolvers);
    agent.define_method(&ctor, "try", 1, promise_try);
    agent.define_species(&ctor);
    let tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    proto.define_own_property(
        tag,
        PropertyDescriptor::data(
            Value::from("Promise"),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
}

//! The Proxy constructor (ECMA-262 §28.2): `new Proxy(target, handler)`
//! and `Proxy.revocable`. The proxy objects themselves live in
//! `interp/proxy`.

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::proxy::proxy_create;
use crate::interp::value::Value;

/// Proxy ( target, handler ) — <https://tc39.es/ecma262/#sec-proxy-target-handler>
fn proxy_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    if args.new_target.is_none() {
        return agent.throw_type_error("Constructor Proxy requires 'new'");
    }
    // 2. Return ? ProxyCreate(target, handler).
    Ok(Value::Object(proxy_create(
        agent,
        &args.arg(0),
        &args.arg(1),
    )?))
}

/// Proxy.revocable ( target, handler ) — <https://tc39.es/ecma262/#sec-proxy.revocable>
fn revocable(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let proxy be ? ProxyCreate(target, handler).
    let proxy = proxy_create(agent, &args.arg(0), &args.arg(1))?;
    // 2–3. Let revoker be CreateBuiltinFunction(revokerClosure, 0, "",
    //      « [[RevocableProxy]] »).
    // 4. Set revoker.[[RevocableProxy]] to proxy.
    let revoker =
        agent.native_function_with("", 0, revoke, false, vec![Value::Object(proxy.clone())]);
    // 5. Let result be OrdinaryObjectCreate(%Object.prototype%).
    let result = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    // 6. Perform ! CreateDataPropertyOrThrow(result, "proxy", proxy).
    agent.create_data_property_or_throw(
        &result,
        PropertyKey::from("proxy"),
        Value::Object(proxy),
    )?;
    // 7. Perform ! CreateDataPropertyOrThrow(result, "revoke", revoker).
    agent.create_data_property_or_throw(
        &result,
        PropertyKey::from("revoke"),
        Value::Object(revoker),
    )?;
    // 8. Return result.
    Ok(Value::Object(result))
}

/// The revokerClosure of Proxy.revocable (step 2).
fn revoke(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // a. Let F be the active function object.
    // b. Let p be F.[[RevocableProxy]].
    // c. If p is null, return undefined.
    let Value::Object(p) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    // d. Set F.[[RevocableProxy]] to null.
    args.set_capture(0, Value::Null);
    // e. Assert: p is a Proxy exotic object.
    debug_assert!(p.is_proxy());
    // f. Set p.[[ProxyTarget]] to null.
    // g. Set p.[[ProxyHandler]] to null.
    if let Some(data) = p.proxy_data() {
        data.revoke();
    }
    // h. Return undefined.
    Ok(Value::Undefined)
}

pub fn install(agent: &mut Agent) {
    // The Proxy constructor has no "prototype" property (§28.2.2).
    let proxy = agent.native_function_with("Proxy", 2, proxy_constructor, true, Vec::new());
    let revocable_fn = agent.native_function("revocable", 2, revocable);
    define_value(
        &proxy,
        "revocable",
        Value::Object(revocable_fn),
        Attributes::METHOD,
    );
    agent.intrinsics().register("Proxy", proxy.clone());
    let global = agent.global_object();
    define_value(&global, "Proxy", Value::Object(proxy), Attributes::METHOD);
}

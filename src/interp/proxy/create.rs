//! ProxyCreate ( target, handler ) — <https://tc39.es/ecma262/#sec-proxycreate>

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ProxyData};
use crate::interp::ops::call::is_constructor;
use crate::interp::value::Value;

/// ProxyCreate ( target, handler ) — <https://tc39.es/ecma262/#sec-proxycreate>
pub fn proxy_create(agent: &mut Agent, target: &Value, handler: &Value) -> JsResult<Gc<JsObject>> {
    // 1. If target is not an Object, throw a TypeError exception.
    // 2. If handler is not an Object, throw a TypeError exception.
    let (Value::Object(target), Value::Object(handler)) = (target, handler) else {
        return agent
            .throw_type_error("Cannot create proxy with a non-object as target or handler");
    };
    // 3. Let P be MakeBasicObject(« [[ProxyHandler]], [[ProxyTarget]] »).
    // 4. Set P's essential internal methods, except for [[Call]] and
    //    [[Construct]], to the definitions specified in 10.5.
    // 5. If IsCallable(target) is true, then
    //    a. Set P.[[Call]] as specified in 10.5.12.
    //    b. If IsConstructor(target) is true, then
    //       i. Set P.[[Construct]] as specified in 10.5.13.
    let callable = target.is_callable();
    let constructor = callable && is_constructor(target);
    // 6. Set P.[[ProxyTarget]] to target.
    // 7. Set P.[[ProxyHandler]] to handler.
    let data = ProxyData::new(target.clone(), handler.clone(), callable, constructor);
    // 8. Return P.
    Ok(JsObject::proxy_create_object(data))
}

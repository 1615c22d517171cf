//! Object constructor and Object.prototype (ECMA-262 §20.1).

mod legacy_accessors;
mod prototype;
mod statics;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectKind;
use crate::interp::value::Value;

/// Object ( [ value ] ) — <https://tc39.es/ecma262/#sec-object-value>
fn object_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is neither undefined nor the active function object, then
    if let Some(nt) = args.new_target {
        if !gc::Gc::ptr_eq(nt, args.callee) {
            // a. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Object.prototype%").
            let default = agent.intrinsics().object_prototype.clone();
            return Ok(Value::Object(agent.ordinary_create_from_constructor(
                nt,
                default,
                ObjectKind::Ordinary,
            )?));
        }
    }
    // 2. If value is either undefined or null, return OrdinaryObjectCreate(%Object.prototype%).
    match args.arg(0) {
        Value::Undefined | Value::Null => {
            let proto = agent.intrinsics().object_prototype.clone();
            Ok(Value::Object(
                crate::interp::object::JsObject::ordinary_create(Some(proto)),
            ))
        }
        // 3. Return ! ToObject(value).
        v => Ok(Value::Object(agent.to_object(&v)?)),
    }
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().object_prototype.clone();
    let ctor = agent.native_constructor("Object", 1, object_constructor, &proto);
    statics::install(agent, &ctor);
    prototype::install(agent, &proto);
    legacy_accessors::install(agent, &proto);
}

//! Boolean objects (ECMA-262 §20.3).

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::ObjectKind;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::value::Value;

/// Boolean ( value ) — <https://tc39.es/ecma262/#sec-boolean-constructor-boolean-value>
fn boolean_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let b be ToBoolean(value).
    let b = to_boolean(&args.arg(0));
    // 2. If NewTarget is undefined, return b.
    let Some(nt) = args.new_target else {
        return Ok(Value::Bool(b));
    };
    // 3–4. A Boolean object with [[BooleanData]] b.
    let default = agent.intrinsics().boolean_prototype.clone();
    Ok(Value::Object(agent.ordinary_create_from_constructor(
        nt,
        default,
        ObjectKind::Boolean(b),
    )?))
}

/// ThisBooleanValue ( value ) — <https://tc39.es/ecma262/#sec-thisbooleanvalue>
fn this_boolean_value(agent: &mut Agent, v: &Value, method: &str) -> JsResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Object(o) => match o.kind {
            ObjectKind::Boolean(b) => Ok(b),
            _ => agent.throw_type_error(format!(
                "Boolean.prototype.{method} requires that 'this' be a Boolean"
            )),
        },
        _ => agent.throw_type_error(format!(
            "Boolean.prototype.{method} requires that 'this' be a Boolean"
        )),
    }
}

fn boolean_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let b = this_boolean_value(agent, args.this, "toString")?;
    Ok(Value::from(if b { "true" } else { "false" }))
}

fn boolean_value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(this_boolean_value(
        agent, args.this, "valueOf",
    )?))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().boolean_prototype.clone();
    agent.native_constructor("Boolean", 1, boolean_constructor, &proto);
    agent.define_method(&proto, "toString", 0, boolean_to_string);
    agent.define_method(&proto, "valueOf", 0, boolean_value_of);
}

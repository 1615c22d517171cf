//! The Reflect object (ECMA-262 §28.1).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::call::is_constructor;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::value::Value;

fn target(agent: &mut Agent, v: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    match v {
        Value::Object(o) => Ok(o.clone()),
        _ => agent.throw_type_error(format!("Reflect.{method} called on non-object")),
    }
}

/// Reflect.apply ( target, thisArgument, argumentsList )
fn apply(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let f = args.arg(0);
    if !agent.is_callable(&f) {
        let shown = agent.to_display_string(&f);
        // V8 words the kind as `a <typeof>`, with two exceptions.
        let kind = match &f {
            Value::Object(_) => "an object".to_string(),
            Value::Null => "null".to_string(),
            other => format!("a {}", agent.type_of(other)),
        };
        return agent.throw_type_error(format!(
            "Function.prototype.apply was called on {shown}, which is {kind} and not a function"
        ));
    }
    let list = agent.create_list_from_array_like(&args.arg(2))?;
    agent.call(&f, &args.arg(1), &list)
}

/// Reflect.construct ( target, argumentsList [ , newTarget ] )
fn construct(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let t = match args.arg(0) {
        Value::Object(o) if is_constructor(&o) => o,
        other => {
            let shown = agent.to_display_string(&other);
            return agent.throw_type_error(format!("{shown} is not a constructor"));
        }
    };
    let new_target = match args.args.get(2) {
        None => t.clone(),
        Some(Value::Object(o)) if is_constructor(o) => o.clone(),
        Some(other) => {
            let shown = agent.to_display_string(other);
            return agent.throw_type_error(format!("{shown} is not a constructor"));
        }
    };
    let list = agent.create_list_from_array_like(&args.arg(1))?;
    agent.construct(&t, &list, Some(&new_target))
}

fn define_property(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "defineProperty")?;
    let key = agent.to_property_key(&args.arg(1))?;
    let desc = agent.to_property_descriptor(&args.arg(2))?;
    Ok(Value::Bool(agent.define_own_property(&o, key, desc)?))
}

fn delete_property(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "deleteProperty")?;
    let key = agent.to_property_key(&args.arg(1))?;
    Ok(Value::Bool(agent.delete(&o, &key)?))
}

fn get(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "get")?;
    let key = agent.to_property_key(&args.arg(1))?;
    let receiver = args
        .args
        .get(2)
        .cloned()
        .unwrap_or(Value::Object(o.clone()));
    agent.get_with_receiver(&o, &key, &receiver)
}

fn get_own_property_descriptor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "getOwnPropertyDescriptor")?;
    let key = agent.to_property_key(&args.arg(1))?;
    let desc = agent.get_own_property(&o, &key)?.map(|p| p.to_descriptor());
    agent.from_property_descriptor(desc)
}

fn get_prototype_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "getPrototypeOf")?;
    Ok(agent
        .get_prototype_of(&o)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

fn has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "has")?;
    let key = agent.to_property_key(&args.arg(1))?;
    Ok(Value::Bool(agent.has_property(&o, &key)?))
}

fn is_extensible(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "isExtensible")?;
    Ok(Value::Bool(agent.is_extensible(&o)?))
}

fn own_keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "ownKeys")?;
    let keys: Vec<Value> = agent
        .own_property_keys(&o)?
        .iter()
        .map(PropertyKey::to_value)
        .collect();
    Ok(Value::Object(agent.create_array_from_list(keys)))
}

fn prevent_extensions(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "preventExtensions")?;
    Ok(Value::Bool(agent.prevent_extensions(&o)?))
}

fn set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "set")?;
    let key = agent.to_property_key(&args.arg(1))?;
    let receiver = args
        .args
        .get(3)
        .cloned()
        .unwrap_or(Value::Object(o.clone()));
    Ok(Value::Bool(agent.set_with_receiver(
        &o,
        &key,
        args.arg(2),
        &receiver,
    )?))
}

fn set_prototype_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = target(agent, &args.arg(0), "setPrototypeOf")?;
    let proto = match args.arg(1) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        other => {
            let shown = agent.to_display_string(&other);
            return agent.throw_type_error(format!(
                "Object prototype may only be an Object or null: {shown}"
            ));
        }
    };
    Ok(Value::Bool(agent.set_prototype_of(&o, proto)?))
}

pub fn install(agent: &mut Agent) {
    let reflect = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    agent.define_method(&reflect, "apply", 3, apply);
    agent.define_method(&reflect, "construct", 2, construct);
    agent.define_method(&reflect, "defineProperty", 3, define_property);
    agent.define_method(&reflect, "deleteProperty", 2, delete_property);
    agent.define_method(&reflect, "get", 2, get);
    agent.define_method(
        &reflect,
        "getOwnPropertyDescriptor",
        2,
        get_own_property_descriptor,
    );
    agent.define_method(&reflect, "getPrototypeOf", 1, get_prototype_of);
    agent.define_method(&reflect, "has", 2, has);
    agent.define_method(&reflect, "isExtensible", 1, is_extensible);
    agent.define_method(&reflect, "ownKeys", 1, own_keys);
    agent.define_method(&reflect, "preventExtensions", 1, prevent_extensions);
    agent.define_method(&reflect, "set", 3, set);
    agent.define_method(&reflect, "setPrototypeOf", 2, set_prototype_of);
    agent.define_to_string_tag(&reflect, "Reflect");
    let global = agent.global_object();
    crate::interp::native::define_value(
        &global,
        "Reflect",
        Value::Object(reflect),
        Attributes::METHOD,
    );
}

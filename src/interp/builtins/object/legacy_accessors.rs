//! Object.prototype's legacy accessor methods (ECMA-262 Annex B.2.2.2–5):
//! `__defineGetter__`, `__defineSetter__`, `__lookupGetter__`,
//! `__lookupSetter__`.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::{Property, PropertyDescriptor};
use crate::interp::value::Value;

/// Which half of an accessor a method defines or looks up.
#[derive(Clone, Copy)]
enum Half {
    Getter,
    Setter,
}

/// Object.prototype.__defineGetter__ ( P, getter ) and
/// Object.prototype.__defineSetter__ ( P, setter ) —
/// <https://tc39.es/ecma262/#sec-object.prototype.__defineGetter__>
fn define_half(agent: &mut Agent, args: &CallArgs, half: Half) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = agent.to_object(args.this)?;
    // 2. If IsCallable(getter) is false, throw a TypeError exception.
    let function = args.arg(1);
    let Value::Object(f) = &function else {
        return throw_expecting_function(agent, half);
    };
    if !agent.is_callable(&function) {
        return throw_expecting_function(agent, half);
    }
    // 3. Let desc be PropertyDescriptor { [[Get]]: getter, [[Enumerable]]: true,
    //    [[Configurable]]: true } (or [[Set]]: setter).
    let mut desc = PropertyDescriptor {
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    match half {
        Half::Getter => desc.get = Some(Some(f.clone())),
        Half::Setter => desc.set = Some(Some(f.clone())),
    }
    // 4. Let key be ? ToPropertyKey(P).
    let key = agent.to_property_key(&args.arg(0))?;
    // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
    agent.define_property_or_throw(&o, key, desc)?;
    // 6. Return undefined.
    Ok(Value::Undefined)
}

fn throw_expecting_function(agent: &mut Agent, half: Half) -> JsResult<Value> {
    let name = match half {
        Half::Getter => "__defineGetter__",
        Half::Setter => "__defineSetter__",
    };
    agent.throw_type_error(format!("Object.prototype.{name}: Expecting function"))
}

/// Object.prototype.__lookupGetter__ ( P ) and
/// Object.prototype.__lookupSetter__ ( P ) —
/// <https://tc39.es/ecma262/#sec-object.prototype.__lookupGetter__>
fn lookup_half(agent: &mut Agent, args: &CallArgs, half: Half) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let mut o: Gc<JsObject> = agent.to_object(args.this)?;
    // 2. Let key be ? ToPropertyKey(P).
    let key = agent.to_property_key(&args.arg(0))?;
    // 3. Repeat,
    loop {
        // a. Let desc be ? O.[[GetOwnProperty]](key).
        // b. If desc is not undefined, then
        if let Some(desc) = agent.get_own_property(&o, &key)? {
            // i. If IsAccessorDescriptor(desc) is true, return desc.[[Get]].
            // ii. Return undefined.
            return Ok(match desc {
                Property::Accessor(a) => {
                    let f = match half {
                        Half::Getter => a.get,
                        Half::Setter => a.set,
                    };
                    f.map_or(Value::Undefined, Value::Object)
                }
                Property::Data { .. } => Value::Undefined,
            });
        }
        // c. Set O to ? O.[[GetPrototypeOf]]().
        // d. If O is null, return undefined.
        match agent.get_prototype_of(&o)? {
            Some(parent) => o = parent,
            None => return Ok(Value::Undefined),
        }
    }
}

fn define_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    define_half(agent, args, Half::Getter)
}

fn define_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    define_half(agent, args, Half::Setter)
}

fn lookup_getter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    lookup_half(agent, args, Half::Getter)
}

fn lookup_setter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    lookup_half(agent, args, Half::Setter)
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "__defineGetter__", 2, define_getter);
    agent.define_method(proto, "__defineSetter__", 2, define_setter);
    agent.define_method(proto, "__lookupGetter__", 1, lookup_getter);
    agent.define_method(proto, "__lookupSetter__", 1, lookup_setter);
}

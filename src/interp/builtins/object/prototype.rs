//! Object.prototype's methods (ECMA-262 §20.1.3).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, Callable};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// Object.prototype.hasOwnProperty ( V ) — <https://tc39.es/ecma262/#sec-object.prototype.hasownproperty>
fn has_own_property(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let P be ? ToPropertyKey(V). 2. Let O be ? ToObject(this value).
    let key = agent.to_property_key(&args.arg(0))?;
    let o = agent.to_object(args.this)?;
    // V8 words a namespace binding in its TDZ as an unresolvable reference here.
    if let crate::interp::object::ObjectKind::Other(data) = &o.kind {
        if let Some(None) = data.live_value(&key) {
            let name = agent.to_display_string(&key.to_value());
            return Err(agent.reference_error(format!("{name} is not defined")));
        }
    }
    // 3. Return ? HasOwnProperty(O, P).
    Ok(Value::Bool(agent.has_own_property(&o, &key)?))
}

/// Object.prototype.isPrototypeOf ( V ) — <https://tc39.es/ecma262/#sec-object.prototype.isprototypeof>
fn is_prototype_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If V is not an Object, return false.
    let Value::Object(v) = args.arg(0) else {
        return Ok(Value::Bool(false));
    };
    // 2. Let O be ? ToObject(this value).
    let o = agent.to_object(args.this)?;
    // 3. Repeat: walk V's prototype chain.
    //    a. Set V to ? V.[[GetPrototypeOf]]().
    //    b. If V is null, return false.
    //    c. If SameValue(O, V) is true, return true.
    let mut p = agent.get_prototype_of(&v)?;
    while let Some(proto) = p {
        if Gc::ptr_eq(&proto, &o) {
            return Ok(Value::Bool(true));
        }
        p = agent.get_prototype_of(&proto)?;
    }
    Ok(Value::Bool(false))
}

/// Object.prototype.propertyIsEnumerable ( V ) — <https://tc39.es/ecma262/#sec-object.prototype.propertyisenumerable>
fn property_is_enumerable(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let key = agent.to_property_key(&args.arg(0))?;
    let o = agent.to_object(args.this)?;
    Ok(Value::Bool(
        agent
            .get_own_property(&o, &key)?
            .is_some_and(|p| p.enumerable()),
    ))
}

/// Object.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-object.prototype.tostring>
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. undefined and null.
    match args.this {
        Value::Undefined => return Ok(Value::from("[object Undefined]")),
        Value::Null => return Ok(Value::from("[object Null]")),
        _ => {}
    }
    // 3. Let O be ! ToObject(this value).
    let o = agent.to_object(args.this)?;
    // 4–14. builtinTag from the object's internal slots.
    // 4. Let isArray be ? IsArray(O).
    // 5. If isArray is true, let builtinTag be "Array".
    let builtin_tag =
        if agent.is_array_in(&Value::Object(o.clone()), "Object.prototype.toString")? {
            "Array"
        } else {
            builtin_tag(&o)
        };
    // 15. Let tag be ? Get(O, @@toStringTag).
    let tag = agent.get(
        &o,
        &PropertyKey::Symbol(agent.symbols.to_string_tag.clone()),
    )?;
    // 16. If tag is not a String, set tag to builtinTag.
    let tag = match tag {
        Value::String(s) => s.to_rust_string(),
        _ => builtin_tag.to_string(),
    };
    // 17. Return the string-concatenation of "[object ", tag, and "]".
    Ok(Value::from(format!("[object {tag}]").as_str()))
}

fn builtin_tag(o: &Gc<JsObject>) -> &'static str {
    match &o.kind {
        ObjectKind::Array(_) => "Array",
        ObjectKind::Arguments(_) => "Arguments",
        ObjectKind::Function(f) => match f.callable {
            Callable::Native(_) | Callable::Closure(_) | Callable::Bound(_) => "Function",
        },
        ObjectKind::Error(_) => "Error",
        ObjectKind::Boolean(_) => "Boolean",
        ObjectKind::Number(_) => "Number",
        ObjectKind::String(_) => "String",
        ObjectKind::Other(data) => match data.class_name() {
            "Date" => "Date",
            "RegExp" => "RegExp",
            _ => "Object",
        },
        // A proxy has [[Call]] when its target does (IsArray is checked first).
        ObjectKind::Proxy(p) if p.callable => "Function",
        ObjectKind::Ordinary
        | ObjectKind::Symbol(_)
        | ObjectKind::BigInt(_)
        | ObjectKind::Proxy(_) => "Object",
    }
}

/// Object.prototype.valueOf ( ) — <https://tc39.es/ecma262/#sec-object.prototype.valueof>
fn value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Object(agent.to_object(args.this)?))
}

/// Object.prototype.toLocaleString ( ) — <https://tc39.es/ecma262/#sec-object.prototype.tolocalestring>
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    agent.invoke(args.this, &PropertyKey::from("toString"), &[])
}

/// get Object.prototype.__proto__ — <https://tc39.es/ecma262/#sec-get-object.prototype.__proto__>
fn get_proto(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let O be ? ToObject(this value).
    let o = agent.to_object(args.this)?;
    // 2. Return ? O.[[GetPrototypeOf]]().
    Ok(agent
        .get_prototype_of(&o)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

/// set Object.prototype.__proto__ — <https://tc39.es/ecma262/#sec-set-object.prototype.__proto__>
fn set_proto(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if matches!(args.this, Value::Undefined | Value::Null) {
        return agent.throw_type_error("Object.prototype.__proto__ called on null or undefined");
    }
    let proto = match args.arg(0) {
        Value::Object(p) => Some(p),
        Value::Null => None,
        _ => return Ok(Value::Undefined),
    };
    let Value::Object(o) = args.this else {
        return Ok(Value::Undefined);
    };
    // 4. Let status be ? O.[[SetPrototypeOf]](proto).
    // 5. If status is false, throw a TypeError exception.
    if !agent.set_prototype_of(o, proto)? {
        return agent.throw_set_prototype_failed(o);
    }
    Ok(Value::Undefined)
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "hasOwnProperty", 1, has_own_property);
    agent.define_method(proto, "isPrototypeOf", 1, is_prototype_of);
    agent.define_method(proto, "propertyIsEnumerable", 1, property_is_enumerable);
    let to_string = agent.define_method(proto, "toString", 0, to_string);
    agent
        .intrinsics()
        .register("Object.prototype.toString", to_string);
    agent.define_method(proto, "toLocaleString", 0, to_locale_string);
    agent.define_method(proto, "valueOf", 0, value_of);
    agent.define_accessor(
        proto,
        PropertyKey::from("__proto__"),
        Some(get_proto),
        Some(set_proto),
    );
    let _ = JsStr::from("");
}

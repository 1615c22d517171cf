//! The Object constructor's functions (ECMA-262 §20.1.2).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::object_ops::{EnumerableKind, IntegrityLevel};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

fn object_arg(agent: &mut Agent, v: &Value) -> JsResult<Gc<JsObject>> {
    agent.to_object(v)
}

/// Object.assign ( target, ...sources ) — <https://tc39.es/ecma262/#sec-object.assign>
fn assign(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let to be ? ToObject(target).
    let to = agent.to_object(&args.arg(0))?;
    // 3. For each element nextSource of sources, do
    for source in args.args.iter().skip(1) {
        if matches!(source, Value::Undefined | Value::Null) {
            continue;
        }
        let from = agent.to_object(source)?;
        // b.ii. Let keys be ? from.[[OwnPropertyKeys]]().
        for key in agent.own_property_keys(&from)? {
            // 1. Let desc be ? from.[[GetOwnProperty]](nextKey).
            // 2. If desc is not undefined and desc.[[Enumerable]] is true, then
            if agent
                .get_own_property(&from, &key)?
                .is_some_and(|p| p.enumerable())
            {
                let v = agent.get(&from, &key)?;
                agent.set_or_throw(&to, &key, v)?;
            }
        }
    }
    Ok(Value::Object(to))
}

/// Object.create ( O, Properties ) — <https://tc39.es/ecma262/#sec-object.create>
fn create(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If O is not an Object and is not null, throw a TypeError exception.
    let proto = match args.arg(0) {
        Value::Object(o) => Some(o),
        Value::Null => None,
        other => {
            let shown = agent.to_display_string(&other);
            return agent.throw_type_error(format!(
                "Object prototype may only be an Object or null: {shown}"
            ));
        }
    };
    // 2. Let obj be OrdinaryObjectCreate(O).
    let obj = JsObject::ordinary_create(proto);
    // 3. If Properties is not undefined: ObjectDefineProperties(obj, Properties).
    let props = args.arg(1);
    if !props.is_undefined() {
        object_define_properties(agent, &obj, &props)?;
    }
    Ok(Value::Object(obj))
}

/// ObjectDefineProperties ( O, Properties ) — <https://tc39.es/ecma262/#sec-objectdefineproperties>
fn object_define_properties(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    properties: &Value,
) -> JsResult<()> {
    let props = agent.to_object(properties)?;
    let mut descriptors = Vec::new();
    for key in agent.own_property_keys(&props)? {
        if agent
            .get_own_property(&props, &key)?
            .is_some_and(|p| p.enumerable())
        {
            let desc_obj = agent.get(&props, &key)?;
            let desc = agent.to_property_descriptor(&desc_obj)?;
            descriptors.push((key, desc));
        }
    }
    for (key, desc) in descriptors {
        agent.define_property_or_throw(o, key, desc)?;
    }
    Ok(())
}

/// Object.defineProperties ( O, Properties ) — <https://tc39.es/ecma262/#sec-object.defineproperties>
fn define_properties(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(o) = args.arg(0) else {
        return agent.throw_type_error("Object.defineProperties called on non-object");
    };
    object_define_properties(agent, &o, &args.arg(1))?;
    Ok(Value::Object(o))
}

/// Object.defineProperty ( O, P, Attributes ) — <https://tc39.es/ecma262/#sec-object.defineproperty>
fn define_property(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If O is not an Object, throw a TypeError exception.
    let Value::Object(o) = args.arg(0) else {
        return agent.throw_type_error("Object.defineProperty called on non-object");
    };
    // 2. Let key be ? ToPropertyKey(P).
    let key = agent.to_property_key(&args.arg(1))?;
    // 3. Let desc be ? ToPropertyDescriptor(Attributes).
    let desc = agent.to_property_descriptor(&args.arg(2))?;
    // 4. Perform ? DefinePropertyOrThrow(O, key, desc).
    agent.define_property_or_throw(&o, key, desc)?;
    Ok(Value::Object(o))
}

fn entries_like(agent: &mut Agent, args: &CallArgs, kind: EnumerableKind) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    let list = agent.enumerable_own_properties(&obj, kind)?;
    Ok(Value::Object(agent.create_array_from_list(list)))
}

fn keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    entries_like(agent, args, EnumerableKind::Keys)
}

fn values(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    entries_like(agent, args, EnumerableKind::Values)
}

fn entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    entries_like(agent, args, EnumerableKind::Entries)
}

fn integrity(agent: &mut Agent, args: &CallArgs, level: IntegrityLevel) -> JsResult<Value> {
    let o = args.arg(0);
    if let Value::Object(obj) = &o {
        if !agent.set_integrity_level(obj, level)? {
            if obj.is_proxy() {
                return agent.throw_proxy_falsish("preventExtensions", None);
            }
            return agent.throw_type_error("Cannot freeze");
        }
    }
    Ok(o)
}

fn freeze(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    integrity(agent, args, IntegrityLevel::Frozen)
}

fn seal(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    integrity(agent, args, IntegrityLevel::Sealed)
}

fn is_frozen(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    match args.arg(0) {
        Value::Object(o) => Ok(Value::Bool(
            agent.test_integrity_level(&o, IntegrityLevel::Frozen)?,
        )),
        _ => Ok(Value::Bool(true)),
    }
}

fn is_sealed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    match args.arg(0) {
        Value::Object(o) => Ok(Value::Bool(
            agent.test_integrity_level(&o, IntegrityLevel::Sealed)?,
        )),
        _ => Ok(Value::Bool(true)),
    }
}

/// Object.preventExtensions ( O ) — <https://tc39.es/ecma262/#sec-object.preventextensions>
fn prevent_extensions(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = args.arg(0);
    // 1. If O is not an Object, return O.
    if let Value::Object(obj) = &o {
        // 2. Let status be ? O.[[PreventExtensions]]().
        // 3. If status is false, throw a TypeError exception.
        if !agent.prevent_extensions(obj)? {
            return agent.throw_proxy_falsish("preventExtensions", None);
        }
    }
    // 4. Return O.
    Ok(o)
}

/// Object.isExtensible ( O ) — <https://tc39.es/ecma262/#sec-object.isextensible>
fn is_extensible(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If O is not an Object, return false.
    // 2. Return ? IsExtensible(O).
    match args.arg(0) {
        Value::Object(o) => Ok(Value::Bool(agent.is_extensible(&o)?)),
        _ => Ok(Value::Bool(false)),
    }
}

/// Object.getOwnPropertyDescriptor ( O, P ) — <https://tc39.es/ecma262/#sec-object.getownpropertydescriptor>
fn get_own_property_descriptor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    let key = agent.to_property_key(&args.arg(1))?;
    let desc = agent
        .get_own_property(&obj, &key)?
        .map(|p| p.to_descriptor());
    agent.from_property_descriptor(desc)
}

/// Object.getOwnPropertyDescriptors ( O ) — <https://tc39.es/ecma262/#sec-object.getownpropertydescriptors>
fn get_own_property_descriptors(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    let result = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    for key in agent.own_property_keys(&obj)? {
        let desc = agent
            .get_own_property(&obj, &key)?
            .map(|p| p.to_descriptor());
        let d = agent.from_property_descriptor(desc)?;
        if !d.is_undefined() {
            agent.create_data_property_or_throw(&result, key, d)?;
        }
    }
    Ok(Value::Object(result))
}

/// GetOwnPropertyKeys ( O, type ) — <https://tc39.es/ecma262/#sec-getownpropertykeys>
fn own_keys_of_type(agent: &mut Agent, args: &CallArgs, symbols: bool) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    let keys: Vec<Value> = agent
        .own_property_keys(&obj)?
        .into_iter()
        .filter(|k| matches!(k, PropertyKey::Symbol(_)) == symbols)
        .map(|k| k.to_value())
        .collect();
    Ok(Value::Object(agent.create_array_from_list(keys)))
}

fn get_own_property_names(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    own_keys_of_type(agent, args, false)
}

fn get_own_property_symbols(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    own_keys_of_type(agent, args, true)
}

/// Object.getPrototypeOf ( O ) — <https://tc39.es/ecma262/#sec-object.getprototypeof>
fn get_prototype_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    // 2. Return ? obj.[[GetPrototypeOf]]().
    Ok(agent
        .get_prototype_of(&obj)?
        .map(Value::Object)
        .unwrap_or(Value::Null))
}

/// Object.setPrototypeOf ( O, proto ) — <https://tc39.es/ecma262/#sec-object.setprototypeof>
fn set_prototype_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = args.arg(0);
    // 1. Set O to ? RequireObjectCoercible(O).
    if matches!(o, Value::Undefined | Value::Null) {
        return agent.throw_type_error("Object.setPrototypeOf called on null or undefined");
    }
    // 2. If proto is not an Object and proto is not null, throw a TypeError exception.
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
    // 3. If O is not an Object, return O.
    let Value::Object(obj) = &o else {
        return Ok(o);
    };
    // 4–5. Let status be ? O.[[SetPrototypeOf]](proto); if false, throw.
    if !agent.set_prototype_of(obj, proto)? {
        return agent.throw_set_prototype_failed(obj);
    }
    Ok(o)
}

/// Object.fromEntries ( iterable ) — <https://tc39.es/ecma262/#sec-object.fromentries>
fn from_entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let iterable = args.arg(0);
    if matches!(iterable, Value::Undefined | Value::Null) {
        let shown = agent.to_display_string(&iterable);
        return agent.throw_type_error(format!("{shown} is not iterable"));
    }
    let obj = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    let mut record = agent.get_iterator(&iterable)?;
    while let Some(entry) = agent.iterator_step_value(&mut record)? {
        let result = (|| -> JsResult<()> {
            let Value::Object(e) = &entry else {
                let shown = agent.to_display_string(&entry);
                return agent
                    .throw_type_error(format!("Iterator value {shown} is not an entry object"));
            };
            let k = agent.get(e, &PropertyKey::Index(0))?;
            let v = agent.get(e, &PropertyKey::Index(1))?;
            let key = agent.to_property_key(&k)?;
            agent.create_data_property_or_throw(&obj, key, v)
        })();
        if let Err(e) = result {
            return Err(agent.iterator_close_with_error(&record, e));
        }
    }
    Ok(Value::Object(obj))
}

/// Object.is ( value1, value2 ) — <https://tc39.es/ecma262/#sec-object.is>
fn is(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(args.arg(0).same_value(&args.arg(1))))
}

/// Object.hasOwn ( O, P ) — <https://tc39.es/ecma262/#sec-object.hasown>
fn has_own(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = object_arg(agent, &args.arg(0))?;
    let key = agent.to_property_key(&args.arg(1))?;
    Ok(Value::Bool(agent.has_own_property(&obj, &key)?))
}

/// Object.groupBy ( items, callback ) — <https://tc39.es/ecma262/#sec-object.groupby>
fn group_by(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let items = args.arg(0);
    let callback = args.arg(1);
    if matches!(items, Value::Undefined | Value::Null) {
        let shown = agent.to_display_string(&items);
        return agent.throw_type_error(format!("{shown} is not iterable"));
    }
    if !agent.is_callable(&callback) {
        let shown = agent.to_display_string(&callback);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    let result = JsObject::ordinary_create(None);
    let mut record = agent.get_iterator(&items)?;
    let mut k = 0.0;
    while let Some(value) = agent.iterator_step_value(&mut record)? {
        let step = (|| -> JsResult<()> {
            let key = agent.call(
                &callback,
                &Value::Undefined,
                &[value.clone(), Value::Number(k)],
            )?;
            let key = agent.to_property_key(&key)?;
            let group = match result.get_own_data_value(&key) {
                Some(Value::Object(g)) => g,
                _ => {
                    let g = agent.create_array_from_list(Vec::new());
                    agent.create_data_property_or_throw(&result, key, Value::Object(g.clone()))?;
                    g
                }
            };
            let len = group.array_length().unwrap_or(0);
            agent.create_data_property_or_throw(&group, PropertyKey::Index(len), value.clone())
        })();
        if let Err(e) = step {
            return Err(agent.iterator_close_with_error(&record, e));
        }
        k += 1.0;
    }
    Ok(Value::Object(result))
}

pub(super) fn install(agent: &mut Agent, ctor: &Gc<JsObject>) {
    agent.define_method(ctor, "assign", 2, assign);
    agent.define_method(ctor, "create", 2, create);
    agent.define_method(ctor, "defineProperties", 2, define_properties);
    agent.define_method(ctor, "defineProperty", 3, define_property);
    agent.define_method(ctor, "entries", 1, entries);
    agent.define_method(ctor, "freeze", 1, freeze);
    agent.define_method(ctor, "fromEntries", 1, from_entries);
    agent.define_method(
        ctor,
        "getOwnPropertyDescriptor",
        2,
        get_own_property_descriptor,
    );
    agent.define_method(
        ctor,
        "getOwnPropertyDescriptors",
        1,
        get_own_property_descriptors,
    );
    agent.define_method(ctor, "getOwnPropertyNames", 1, get_own_property_names);
    agent.define_method(ctor, "getOwnPropertySymbols", 1, get_own_property_symbols);
    agent.define_method(ctor, "getPrototypeOf", 1, get_prototype_of);
    agent.define_method(ctor, "groupBy", 2, group_by);
    agent.define_method(ctor, "hasOwn", 2, has_own);
    agent.define_method(ctor, "is", 2, is);
    agent.define_method(ctor, "isExtensible", 1, is_extensible);
    agent.define_method(ctor, "isFrozen", 1, is_frozen);
    agent.define_method(ctor, "isSealed", 1, is_sealed);
    agent.define_method(ctor, "keys", 1, keys);
    agent.define_method(ctor, "preventExtensions", 1, prevent_extensions);
    agent.define_method(ctor, "seal", 1, seal);
    agent.define_method(ctor, "setPrototypeOf", 2, set_prototype_of);
    agent.define_method(ctor, "values", 1, values);
}

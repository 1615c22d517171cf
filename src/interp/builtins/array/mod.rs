//! Array objects (ECMA-262 §23.1): the constructor, Array.from / of /
//! isArray, and Array.prototype (split over the files here).

mod access;
mod callbacks;
mod from_async;
mod mutation;
pub(crate) mod sort;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::number::number_to_string;
use crate::interp::object::JsObject;
use crate::interp::ops::call::is_constructor;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The largest length an array-like may have (2^53 − 1).
const MAX_LENGTH: f64 = 9007199254740991.0;

/// The property key of an integer index.
pub(super) fn index_key(i: f64) -> PropertyKey {
    if i < 4294967295.0 {
        PropertyKey::Index(i as u32)
    } else {
        PropertyKey::String(JsStr::from(number_to_string(i)))
    }
}

pub(super) fn get_index(agent: &mut Agent, o: &Gc<JsObject>, i: f64) -> JsResult<Value> {
    if i < 4294967295.0 {
        if let Some(v) = o.fast_element(i as u32) {
            return Ok(v);
        }
    }
    // Loops over huge sparse lengths come this way: the limits hold here.
    agent.poll_interrupt()?;
    agent.get(o, &index_key(i))
}

pub(super) fn set_index(agent: &mut Agent, o: &Gc<JsObject>, i: f64, v: Value) -> JsResult<()> {
    agent.set_or_throw(o, &index_key(i), v)
}

/// HasProperty(O, ToString(i)), polling the limits: the loops that ask it
/// run as long as an array-like's `length`, which input decides.
pub(super) fn has_index(agent: &mut Agent, o: &Gc<JsObject>, i: f64) -> JsResult<bool> {
    agent.poll_interrupt()?;
    agent.has_property(o, &index_key(i))
}

pub(super) fn set_length(agent: &mut Agent, o: &Gc<JsObject>, len: f64) -> JsResult<()> {
    agent.set_or_throw(o, &PropertyKey::from("length"), Value::Number(len))
}

/// The `this` value as an object, and its length.
pub(super) fn this_array_like(agent: &mut Agent, this: &Value) -> JsResult<(Gc<JsObject>, f64)> {
    let o = agent.to_object(this)?;
    let len = agent.length_of_array_like(&o)?;
    Ok((o, len))
}

/// ArraySpeciesCreate ( originalArray, length ) — <https://tc39.es/ecma262/#sec-arrayspeciescreate>
pub(super) fn array_species_create(
    agent: &mut Agent,
    original: &Gc<JsObject>,
    length: f64,
) -> JsResult<Gc<JsObject>> {
    // 2. If isArray is false, return ? ArrayCreate(length).
    // 1. Let isArray be ? IsArray(originalArray).
    if !agent.is_array(&Value::Object(original.clone()))? {
        return array_create(agent, length);
    }
    // 3. Let C be ? Get(originalArray, "constructor").
    let mut c = agent.get(original, &PropertyKey::from("constructor"))?;
    // 4. If IsConstructor(C) is true, then
    if let Value::Object(co) = &c {
        if is_constructor(co) {
            // a. Let thisRealm be the current Realm Record.
            // b. Let realmC be ? GetFunctionRealm(C).
            let realm_c = agent.get_function_realm(co)?;
            // c. If thisRealm and realmC are not the same Realm Record, then
            //    i. If SameValue(C, realmC.[[Intrinsics]].[[%Array%]]) is true,
            //       set C to undefined.
            if !std::rc::Rc::ptr_eq(&realm_c, &agent.realm)
                && realm_c
                    .intrinsics
                    .try_get("Array")
                    .is_some_and(|array| Gc::ptr_eq(&array, co))
            {
                c = Value::Undefined;
            }
        }
    }
    // 5. If C is an Object, then let C be ? Get(C, @@species); null → undefined.
    if let Value::Object(co) = &c {
        c = agent.get(co, &PropertyKey::Symbol(agent.symbols.species.clone()))?;
        if matches!(c, Value::Null) {
            c = Value::Undefined;
        }
    }
    match c {
        // 6. If C is undefined, return ? ArrayCreate(length).
        Value::Undefined => array_create(agent, length),
        // 8. Return ? Construct(C, « 𝔽(length) »).
        Value::Object(co) if is_constructor(&co) => {
            match agent.construct(&co, &[Value::Number(length)], None)? {
                Value::Object(o) => Ok(o),
                _ => agent.throw_type_error("object constructor did not return an object"),
            }
        }
        // 7. If IsConstructor(C) is false, throw a TypeError exception.
        _ => agent.throw_type_error("object.constructor[Symbol.species] is not a constructor"),
    }
}

/// ArrayCreate ( length ) — <https://tc39.es/ecma262/#sec-arraycreate>
pub(super) fn array_create(agent: &mut Agent, length: f64) -> JsResult<Gc<JsObject>> {
    // 1. If length > 2^32 − 1, throw a RangeError exception.
    if length > 4294967295.0 {
        return agent.throw_range_error("Invalid array length");
    }
    Ok(JsObject::array_create(
        length as u32,
        Some(agent.intrinsics().array_prototype.clone()),
    ))
}

/// Array ( ...values ) — <https://tc39.es/ecma262/#sec-array>
fn array_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let newTarget (the active function when called), proto.
    let new_target = args.new_target.unwrap_or(args.callee).clone();
    let default = agent.intrinsics().array_prototype.clone();
    let proto = agent.get_prototype_from_constructor(&new_target, default)?;
    match args.args {
        // 4. If numberOfArgs = 0, return ! ArrayCreate(0, proto).
        [] => Ok(Value::Object(JsObject::array_create(0, Some(proto)))),
        // 5. Else if numberOfArgs = 1, then
        [len] => {
            let array = JsObject::array_create(0, Some(proto));
            match len {
                // c. If len is a Number: ToUint32(len) must equal len.
                Value::Number(n) => {
                    let int_len = crate::interp::number::to_uint32(*n);
                    if f64::from(int_len) != *n {
                        return agent.throw_range_error("Invalid array length");
                    }
                    set_length(agent, &array, f64::from(int_len))?;
                }
                // b. Else: CreateDataPropertyOrThrow(array, "0", len).
                other => agent.create_data_property_or_throw(
                    &array,
                    PropertyKey::Index(0),
                    other.clone(),
                )?,
            }
            Ok(Value::Object(array))
        }
        // 6. Else: an array of the values.
        values => {
            let array = JsObject::array_from_values(values.to_vec(), Some(proto));
            Ok(Value::Object(array))
        }
    }
}

/// Array.isArray ( arg ) — <https://tc39.es/ecma262/#sec-array.isarray>
fn is_array(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Return ? IsArray(arg).
    Ok(Value::Bool(agent.is_array(&args.arg(0))?))
}

/// Array.of ( ...items ) — <https://tc39.es/ecma262/#sec-array.of>
fn array_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let len = args.args.len() as f64;
    let a = construct_or_create(agent, args.this, Some(len))?;
    for (k, v) in args.args.iter().enumerate() {
        agent.create_data_property_or_throw(&a, index_key(k as f64), v.clone())?;
    }
    set_length(agent, &a, len)?;
    Ok(Value::Object(a))
}

/// `Construct(C, « len »)` when C is a constructor, else ArrayCreate.
pub(super) fn construct_or_create(
    agent: &mut Agent,
    c: &Value,
    len: Option<f64>,
) -> JsResult<Gc<JsObject>> {
    match c {
        Value::Object(co) if is_constructor(co) => {
            let args: Vec<Value> = len.map(Value::Number).into_iter().collect();
            match agent.construct(co, &args, None)? {
                Value::Object(o) => Ok(o),
                _ => agent.throw_type_error("object constructor did not return an object"),
            }
        }
        _ => array_create(agent, len.unwrap_or(0.0)),
    }
}

/// Array.from ( items [ , mapfn [ , thisArg ] ] ) — <https://tc39.es/ecma262/#sec-array.from>
fn array_from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (items, mapfn, this_arg) = (args.arg(0), args.arg(1), args.arg(2));
    // 2–3. If mapfn is undefined, mapping is false; else it must be callable.
    let mapping = !mapfn.is_undefined();
    if mapping && !agent.is_callable(&mapfn) {
        let shown = agent.to_display_string(&mapfn);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    // 4. Let usingIterator be ? GetMethod(items, @@iterator).
    let using_iterator = if matches!(items, Value::Undefined | Value::Null) {
        None
    } else {
        agent.get_method(&items, &PropertyKey::Symbol(agent.symbols.iterator.clone()))?
    };
    if let Some(method) = using_iterator {
        let a = construct_or_create(agent, args.this, None)?;
        let mut record = agent.get_iterator_from_method(&items, &method)?;
        let mut k = 0.0;
        while let Some(next) = agent.iterator_step_value(&mut record)? {
            let step = (|| -> JsResult<()> {
                let v = if mapping {
                    agent.call(&mapfn, &this_arg, &[next, Value::Number(k)])?
                } else {
                    next
                };
                agent.create_data_property_or_throw(&a, index_key(k), v)
            })();
            if let Err(e) = step {
                return Err(agent.iterator_close_with_error(&record, e));
            }
            k += 1.0;
        }
        set_length(agent, &a, k)?;
        return Ok(Value::Object(a));
    }
    // 6. An array-like.
    let array_like = agent.to_object(&items)?;
    let len = agent.length_of_array_like(&array_like)?;
    let a = construct_or_create(agent, args.this, Some(len))?;
    let mut k = 0.0;
    while k < len {
        let v = get_index(agent, &array_like, k)?;
        let v = if mapping {
            agent.call(&mapfn, &this_arg, &[v, Value::Number(k)])?
        } else {
            v
        };
        agent.create_data_property_or_throw(&a, index_key(k), v)?;
        k += 1.0;
    }
    set_length(agent, &a, len)?;
    Ok(Value::Object(a))
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().array_prototype.clone();
    let ctor = agent.native_constructor("Array", 1, array_constructor, &proto);
    agent.define_method(&ctor, "from", 1, array_from);
    agent.define_method(&ctor, "fromAsync", 1, from_async::array_from_async);
    agent.define_method(&ctor, "isArray", 1, is_array);
    agent.define_method(&ctor, "of", 0, array_of);
    agent.define_species(&ctor);
    access::install(agent, &proto);
    callbacks::install(agent, &proto);
    mutation::install(agent, &proto);
    sort::install(agent, &proto);
    // Array.prototype[@@iterator] is the same function object as `values`.
    if let Some(values) = proto.get_own_data_value(&PropertyKey::from("values")) {
        proto.define_own_property(
            PropertyKey::Symbol(agent.symbols.iterator.clone()),
            PropertyDescriptor::data(values.clone(), Attributes::METHOD),
        );
        if let Value::Object(f) = values {
            let _ = agent.intrinsics().array_prototype_values.set(f.clone());
            agent.intrinsics().register("ArrayPrototypeValues", f);
        }
    }
    // Array.prototype[@@unscopables]
    let unscopables = JsObject::ordinary_create(None);
    for name in [
        "at",
        "copyWithin",
        "entries",
        "fill",
        "find",
        "findIndex",
        "findLast",
        "findLastIndex",
        "flat",
        "flatMap",
        "includes",
        "keys",
        "toReversed",
        "toSorted",
        "toSpliced",
        "values",
    ] {
        crate::interp::native::define_value(&unscopables, name, Value::Bool(true), Attributes::ALL);
    }
    proto.define_own_property(
        PropertyKey::Symbol(agent.symbols.unscopables.clone()),
        PropertyDescriptor::data(
            Value::Object(unscopables),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
    let _ = MAX_LENGTH;
}

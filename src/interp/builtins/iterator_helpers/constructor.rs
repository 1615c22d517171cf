//! The Iterator constructor (§27.1.3.1), Iterator.from (§27.1.3.2.1),
//! %WrapForValidIteratorPrototype% (§27.1.3.2.1.1) and the accessors
//! Iterator.prototype.constructor and [@@toStringTag].

use gc::{Finalize, Gc, GcCell, Trace};

use super::get_iterator_direct;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::value::Value;

/// Iterator ( ) — <https://tc39.es/ecma262/#sec-iterator-constructor>
fn iterator_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is either undefined or the active function object,
    //    throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor Iterator requires 'new'");
    };
    if Gc::ptr_eq(new_target, args.callee) {
        return agent.throw_type_error("Abstract class Iterator not directly constructable");
    }
    // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
    let default = agent.intrinsics().iterator_prototype.clone();
    let o = agent.ordinary_create_from_constructor(new_target, default, ObjectKind::Ordinary)?;
    Ok(Value::Object(o))
}

/// [[Iterated]] of a %WrapForValidIteratorPrototype% object.
#[derive(Trace, Finalize)]
struct WrappedIterator {
    iterator: Value,
    next_method: GcCell<Value>,
}

impl ObjectData for WrappedIterator {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
}

/// GetIteratorFlattenable ( obj, primitiveHandling ) —
/// <https://tc39.es/ecma262/#sec-getiteratorflattenable>; `iterate_strings`
/// is primitiveHandling iterate-string-primitives.
pub(super) fn get_iterator_flattenable(
    agent: &mut Agent,
    obj: &Value,
    iterate_strings: bool,
    method: &str,
) -> JsResult<IteratorRecord> {
    // 1. If obj is not an Object, then
    //    a. If primitiveHandling is reject-primitives, throw a TypeError exception.
    //    b. Assert: primitiveHandling is iterate-string-primitives.
    //    c. If obj is not a String, throw a TypeError exception.
    let is_string = matches!(obj, Value::String(_));
    if !(matches!(obj, Value::Object(_)) || iterate_strings && is_string) {
        return agent.throw_type_error(format!("{method} called on non-object"));
    }
    // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
    let key = PropertyKey::Symbol(agent.symbols.iterator.clone());
    let iterator = match agent.get_method(obj, &key)? {
        // 3. If method is undefined, then let iterator be obj.
        None => obj.clone(),
        // 4. Else, let iterator be ? Call(method, obj).
        Some(m) => agent.call(&m, obj, &[])?,
    };
    // 5. If iterator is not an Object, throw a TypeError exception.
    let Value::Object(iterator) = iterator else {
        return agent.throw_type_error(format!("{method} called on non-object"));
    };
    // 6. Return ? GetIteratorDirect(iterator).
    get_iterator_direct(agent, &iterator)
}

/// Iterator.from ( O ) — <https://tc39.es/ecma262/#sec-iterator.from>
fn iterator_from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, iterate-string-primitives).
    let record = get_iterator_flattenable(agent, &args.arg(0), true, "Iterator.from")?;
    // 2. Let hasInstance be ? OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]).
    let iterator_ctor = Value::Object(agent.intrinsics().get("Iterator"));
    // 3. If hasInstance is true, return iteratorRecord.[[Iterator]].
    if agent.ordinary_has_instance(&iterator_ctor, &record.iterator)? {
        return Ok(record.iterator);
    }
    // 4. Let wrapper be OrdinaryObjectCreate(%WrapForValidIteratorPrototype%, « [[Iterated]] »).
    // 5. Set wrapper.[[Iterated]] to iteratorRecord.
    let proto = agent.intrinsics().get("WrapForValidIteratorPrototype");
    let wrapper = JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(WrappedIterator {
            iterator: record.iterator,
            next_method: GcCell::new(record.next_method),
        })),
    );
    // 6. Return wrapper.
    Ok(Value::Object(wrapper))
}

/// RequireInternalSlot(O, [[Iterated]]).
fn wrapped(agent: &mut Agent, this: &Value, method: &str) -> JsResult<(Value, Value)> {
    match this {
        Value::Object(o) => match o.data::<WrappedIterator>() {
            Some(w) => Ok((w.iterator.clone(), w.next_method.borrow().clone())),
            None => agent.throw_type_error(format!(
                "Method %WrapForValidIteratorPrototype%.{method} called on incompatible receiver"
            )),
        },
        _ => agent.throw_type_error(format!(
            "Method %WrapForValidIteratorPrototype%.{method} called on incompatible receiver"
        )),
    }
}

/// %WrapForValidIteratorPrototype%.next ( )
fn wrapped_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(O, [[Iterated]]).
    let (iterator, next_method) = wrapped(agent, args.this, "next")?;
    // 3. Let iteratorRecord be O.[[Iterated]].
    // 4. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
    agent.call(&next_method, &iterator, &[])
}

/// %WrapForValidIteratorPrototype%.return ( )
fn wrapped_return(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(O, [[Iterated]]).
    let (iterator, _) = wrapped(agent, args.this, "return")?;
    // 3. Let iterator be O.[[Iterated]].[[Iterator]].
    // 4. Assert: iterator is an Object.
    // 5. Let returnMethod be ? GetMethod(iterator, "return").
    match agent.get_method(&iterator, &PropertyKey::from("return"))? {
        // 6. If returnMethod is undefined, return CreateIteratorResultObject(undefined, true).
        None => Ok(agent.create_iter_result_object(Value::Undefined, true)),
        // 7. Return ? Call(returnMethod, iterator).
        Some(m) => agent.call(&m, &iterator, &[]),
    }
}

/// SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v ) —
/// <https://tc39.es/ecma262/#sec-SetterThatIgnoresPrototypeProperties>
fn setter_that_ignores_prototype_properties(
    agent: &mut Agent,
    this: &Value,
    key: PropertyKey,
    v: Value,
) -> JsResult<Value> {
    let home = agent.intrinsics().iterator_prototype.clone();
    // 1. If thisValue is not an Object, throw a TypeError exception.
    let Value::Object(o) = this else {
        return agent.throw_type_error("Iterator setter called on non-object");
    };
    // 2. If SameValue(thisValue, home) is true, throw a TypeError exception.
    if Gc::ptr_eq(o, &home) {
        let shown = crate::interp::ops::object_ops::key_display(&key);
        return agent.throw_type_error(format!(
            "Cannot assign to read only property '{shown}' of object '[object Object]'"
        ));
    }
    // 3. Let desc be ? thisValue.[[GetOwnProperty]](p).
    match agent.get_own_property(o, &key)? {
        // 4. If desc is undefined, then ? CreateDataPropertyOrThrow(thisValue, p, v).
        None => agent.create_data_property_or_throw(o, key, v)?,
        // 5. Else, perform ? Set(thisValue, p, v, true).
        Some(_) => agent.set_or_throw(o, &key, v)?,
    }
    Ok(Value::Undefined)
}

/// get Iterator.prototype [ %Symbol.toStringTag% ]: "Iterator".
fn get_to_string_tag(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::from("Iterator"))
}

/// set Iterator.prototype [ %Symbol.toStringTag% ]
fn set_to_string_tag(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let key = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    setter_that_ignores_prototype_properties(agent, args.this, key, args.arg(0))
}

/// get Iterator.prototype.constructor: %Iterator%.
fn get_constructor(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Object(agent.intrinsics().get("Iterator")))
}

/// set Iterator.prototype.constructor
fn set_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    setter_that_ignores_prototype_properties(
        agent,
        args.this,
        PropertyKey::from("constructor"),
        args.arg(0),
    )
}

pub(super) fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().iterator_prototype.clone();
    let ctor = agent.native_constructor("Iterator", 0, iterator_constructor, &proto);
    agent.define_method(&ctor, "from", 1, iterator_from);
    agent.intrinsics().register("Iterator", ctor.clone());
    let to_string_tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    agent.define_accessor(
        &proto,
        to_string_tag,
        Some(get_to_string_tag),
        Some(set_to_string_tag),
    );
    // The prototype's `constructor` is an accessor too (web compatibility).
    agent.define_accessor(
        &proto,
        PropertyKey::from("constructor"),
        Some(get_constructor),
        Some(set_constructor),
    );
    let wrap_proto = JsObject::ordinary_create(Some(proto));
    agent.define_method(&wrap_proto, "next", 0, wrapped_next);
    agent.define_method(&wrap_proto, "return", 0, wrapped_return);
    agent
        .intrinsics()
        .register("WrapForValidIteratorPrototype", wrap_proto);
    let global = agent.global_object();
    define_value(&global, "Iterator", Value::Object(ctor), Attributes::METHOD);
}

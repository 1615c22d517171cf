//! Set Objects (ECMA-262 §24.2).

use gc::Gc;

use super::iterator::{create_collection_iterator, IterationKind};
use super::labels::{quoted_value, receiver_label};
use super::map::for_each_entry;
use super::table::canonical_key;
use super::CollectionKind::Set;
use super::{create_collection, define_to_string_tag, table, this_collection};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().set_prototype.clone();
    let ctor = agent.native_constructor("Set", 0, set_constructor, &proto);
    agent.define_species(&ctor);
    agent.define_method(&proto, "has", 1, set_has);
    agent.define_method(&proto, "add", 1, set_add);
    agent.define_method(&proto, "delete", 1, set_delete);
    agent.define_method(&proto, "clear", 0, set_clear);
    agent.define_method(&proto, "entries", 0, set_entries);
    agent.define_method(&proto, "forEach", 1, set_for_each);
    agent.define_accessor(&proto, PropertyKey::from("size"), Some(set_size), None);
    let values = agent.define_method(&proto, "values", 0, set_values_method);
    // Set.prototype.keys and Set.prototype [ @@iterator ] are the values function.
    for key in [
        PropertyKey::from("keys"),
        PropertyKey::Symbol(agent.symbols.iterator.clone()),
    ] {
        proto.define_own_property(
            key,
            PropertyDescriptor::data(Value::Object(values.clone()), Attributes::METHOD),
        );
    }
    super::set_methods::install(agent, &proto);
    define_to_string_tag(agent, &proto, "Set");
}

/// Set ( [ iterable ] ) — <https://tc39.es/ecma262/#sec-set-iterable>
fn set_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. NewTarget check, OrdinaryCreateFromConstructor.
    let proto = agent.intrinsics().set_prototype.clone();
    let set = create_collection(agent, args, Set, proto)?;
    // 4. If iterable is either undefined or null, return set.
    let iterable = args.arg(0);
    if matches!(iterable, Value::Undefined | Value::Null) {
        return Ok(Value::Object(set));
    }
    // 5. Let adder be ? Get(set, "add").
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    let adder = get_adder(agent, &set, "add")?;
    add_values_from_iterable(agent, &set, &iterable, &adder)?;
    // 8. Return set.
    Ok(Value::Object(set))
}

/// Get(target, name) that must be callable, with V8's message otherwise.
pub fn get_adder(agent: &mut Agent, target: &Gc<JsObject>, name: &str) -> JsResult<Value> {
    let adder = agent.get(target, &PropertyKey::from(name))?;
    if !agent.is_callable(&adder) {
        let shown = quoted_value(&adder);
        let owner = receiver_label(&Value::Object(target.clone()));
        return agent.throw_type_error(format!(
            "'{shown}' returned for property '{name}' of object '{owner}' is not a function"
        ));
    }
    Ok(adder)
}

/// Set constructor steps 7–8 (also WeakSet's): call `adder` with each value.
pub fn add_values_from_iterable(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    iterable: &Value,
    adder: &Value,
) -> JsResult<()> {
    // 7. Let iteratorRecord be ? GetIterator(iterable, sync).
    let mut record = agent.get_iterator(iterable)?;
    // 8. Repeat,
    // a. Let next be ? IteratorStepValue(iteratorRecord).
    // b. If next is done, return set.
    while let Some(next) = agent.iterator_step_value(&mut record)? {
        // c. Let status be Completion(Call(adder, set, « next »)).
        // d. IfAbruptCloseIterator(status, iteratorRecord).
        if let Err(error) = agent.call(adder, &Value::Object(target.clone()), &[next]) {
            return Err(agent.iterator_close_with_error(&record, error));
        }
    }
    Ok(())
}

/// Set.prototype.add ( value ) — <https://tc39.es/ecma262/#sec-set.prototype.add>
fn set_add(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "add")?;
    // 3. Set value to CanonicalizeKeyedCollectionKey(value).
    let value = canonical_key(args.arg(0));
    // 4. If the value is already an element, return S. 5. Append it.
    if !table(&s).has(&value) {
        table(&s).set(value, Value::Undefined);
    }
    // 6. Return S.
    Ok(Value::Object(s))
}

/// Set.prototype.has ( value ) — <https://tc39.es/ecma262/#sec-set.prototype.has>
fn set_has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "has")?;
    Ok(Value::Bool(table(&s).has(&args.arg(0))))
}

/// Set.prototype.delete ( value ) — <https://tc39.es/ecma262/#sec-set.prototype.delete>
fn set_delete(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "delete")?;
    Ok(Value::Bool(table(&s).delete(&args.arg(0))))
}

/// Set.prototype.clear ( ) — <https://tc39.es/ecma262/#sec-set.prototype.clear>
fn set_clear(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "clear")?;
    table(&s).clear();
    Ok(Value::Undefined)
}

/// get Set.prototype.size — <https://tc39.es/ecma262/#sec-get-set.prototype.size>
fn set_size(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(s) = super::collection_of(args.this, Set) else {
        let shown = receiver_label(args.this);
        return agent.throw_type_error(format!(
            "Method get Set.prototype.size called on incompatible receiver {shown}"
        ));
    };
    Ok(Value::Number(table(&s).live_count() as f64))
}

/// Set.prototype.forEach ( callbackfn [ , thisArg ] ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.foreach>
fn set_for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "forEach")?;
    for_each_entry(agent, &s, &args.arg(0), &args.arg(1), true)
}

/// Set.prototype.entries ( ) — <https://tc39.es/ecma262/#sec-set.prototype.entries>
fn set_entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "entries")?;
    Ok(create_collection_iterator(
        agent,
        s,
        IterationKind::KeyValue,
        false,
    ))
}

/// Set.prototype.values ( ) — <https://tc39.es/ecma262/#sec-set.prototype.values>
fn set_values_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, Set, "values")?;
    Ok(create_collection_iterator(
        agent,
        s,
        IterationKind::Value,
        false,
    ))
}

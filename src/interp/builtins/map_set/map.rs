//! Map Objects (ECMA-262 §24.1) and Map.groupBy.

use gc::Gc;

use super::iterator::{create_collection_iterator, IterationKind};
use super::labels::callback_label;
use super::table::{canonical_key, OrderedTable};
use super::CollectionKind::Map;
use super::{create_collection, define_to_string_tag, table, this_collection};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().map_prototype.clone();
    let ctor = agent.native_constructor("Map", 0, map_constructor, &proto);
    agent.define_method(&ctor, "groupBy", 2, map_group_by);
    agent.define_species(&ctor);
    agent.define_method(&proto, "get", 1, map_get);
    agent.define_method(&proto, "set", 2, map_set);
    agent.define_method(&proto, "has", 1, map_has);
    agent.define_method(&proto, "delete", 1, map_delete);
    agent.define_method(&proto, "clear", 0, map_clear);
    let entries = agent.define_method(&proto, "entries", 0, map_entries_method);
    agent.define_method(&proto, "forEach", 1, map_for_each);
    agent.define_method(&proto, "keys", 0, map_keys);
    agent.define_accessor(&proto, PropertyKey::from("size"), Some(map_size), None);
    agent.define_method(&proto, "values", 0, map_values);
    // Map.prototype [ @@iterator ] is the same function object as entries.
    proto.define_own_property(
        PropertyKey::Symbol(agent.symbols.iterator.clone()),
        crate::interp::property::PropertyDescriptor::data(
            Value::Object(entries),
            crate::interp::property::Attributes::METHOD,
        ),
    );
    define_to_string_tag(agent, &proto, "Map");
}

/// Map ( [ iterable ] ) — <https://tc39.es/ecma262/#sec-map-iterable>
fn map_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. NewTarget check, OrdinaryCreateFromConstructor.
    let proto = agent.intrinsics().map_prototype.clone();
    let map = create_collection(agent, args, Map, proto)?;
    let iterable = args.arg(0);
    // 4. If iterable is either undefined or null, return map.
    if matches!(iterable, Value::Undefined | Value::Null) {
        return Ok(Value::Object(map));
    }
    // 5. Let adder be ? Get(map, "set").
    // 6. If IsCallable(adder) is false, throw a TypeError exception.
    let adder = super::set::get_adder(agent, &map, "set")?;
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    add_entries_from_iterable(agent, &map, &iterable, &adder)?;
    Ok(Value::Object(map))
}

/// AddEntriesFromIterable ( target, iterable, adder ) —
/// <https://tc39.es/ecma262/#sec-add-entries-from-iterable>
pub fn add_entries_from_iterable(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    iterable: &Value,
    adder: &Value,
) -> JsResult<()> {
    // 1. Let iteratorRecord be ? GetIterator(iterable, sync).
    let mut record = agent.get_iterator(iterable)?;
    // 2. Repeat,
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        // b. If next is done, return target.
        let Some(next) = agent.iterator_step_value(&mut record)? else {
            return Ok(());
        };
        // c. If next is not an Object, then
        let Value::Object(entry) = &next else {
            // i. Let error be ThrowCompletion(a newly created TypeError object).
            let shown = agent.to_display_string(&next);
            let error = agent.type_error(format!("Iterator value {shown} is not an entry object"));
            // ii. Return ? IteratorClose(iteratorRecord, error).
            return Err(agent.iterator_close_with_error(&record, error));
        };
        // d–i. k = Get(next, "0"), v = Get(next, "1"), Call(adder, target, « k, v »),
        //      each IfAbruptCloseIterator.
        let step = (|| {
            let k = agent.get(entry, &PropertyKey::Index(0))?;
            let v = agent.get(entry, &PropertyKey::Index(1))?;
            agent.call(adder, &Value::Object(target.clone()), &[k, v])
        })();
        if let Err(error) = step {
            return Err(agent.iterator_close_with_error(&record, error));
        }
    }
}

/// Map.prototype.get ( key ) — <https://tc39.es/ecma262/#sec-map.prototype.get>
fn map_get(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let M be the this value; RequireInternalSlot(M, [[MapData]]).
    let m = this_collection(agent, args, Map, "get")?;
    // 3. For each Record { [[Key]], [[Value]] } p of M.[[MapData]]: if
    //    SameValueZero(p.[[Key]], key), return p.[[Value]].
    // 4. Return undefined.
    Ok(table(&m).get(&args.arg(0)).unwrap_or(Value::Undefined))
}

/// Map.prototype.set ( key, value ) — <https://tc39.es/ecma262/#sec-map.prototype.set>
fn map_set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "set")?;
    // 3. If an entry with key SameValueZero to key exists, set its value.
    // 4. Set key to CanonicalizeKeyedCollectionKey(key) (−0 becomes +0).
    // 5–6. Otherwise append a new Record { [[Key]]: key, [[Value]]: value }.
    table(&m).set(canonical_key(args.arg(0)), args.arg(1));
    // 7. Return M.
    Ok(Value::Object(m))
}

/// Map.prototype.has ( key ) — <https://tc39.es/ecma262/#sec-map.prototype.has>
fn map_has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "has")?;
    Ok(Value::Bool(table(&m).has(&args.arg(0))))
}

/// Map.prototype.delete ( key ) — <https://tc39.es/ecma262/#sec-map.prototype.delete>
fn map_delete(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "delete")?;
    // 3.a. If SameValueZero(p.[[Key]], key): set p.[[Key]] and p.[[Value]]
    //      to empty and return true. 4. Return false.
    Ok(Value::Bool(table(&m).delete(&args.arg(0))))
}

/// Map.prototype.clear ( ) — <https://tc39.es/ecma262/#sec-map.prototype.clear>
fn map_clear(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "clear")?;
    table(&m).clear();
    Ok(Value::Undefined)
}

/// get Map.prototype.size — <https://tc39.es/ecma262/#sec-get-map.prototype.size>
fn map_size(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(m) = super::collection_of(args.this, Map) else {
        let shown = super::labels::receiver_label(args.this);
        return agent.throw_type_error(format!(
            "Method get Map.prototype.size called on incompatible receiver {shown}"
        ));
    };
    Ok(Value::Number(table(&m).live_count() as f64))
}

/// Map.prototype.forEach ( callbackfn [ , thisArg ] ) —
/// <https://tc39.es/ecma262/#sec-map.prototype.foreach>
fn map_for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "forEach")?;
    for_each_entry(agent, &m, &args.arg(0), &args.arg(1), false)
}

/// The loop shared by Map and Set forEach: entries added during the loop
/// are visited, deleted ones skipped (steps 4–7 re-read the list length).
pub fn for_each_entry(
    agent: &mut Agent,
    collection: &Gc<JsObject>,
    callback: &Value,
    this_arg: &Value,
    is_set: bool,
) -> JsResult<Value> {
    // 3. If IsCallable(callbackfn) is false, throw a TypeError exception.
    if !agent.is_callable(callback) {
        let shown = callback_label(callback);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    let cursor = table(collection).new_cursor();
    let owner = Value::Object(collection.clone());
    // 7. Repeat, while index < numEntries,
    while let Some((key, value)) = table(collection).next_entry(&cursor) {
        // d.ii. Perform ? Call(callbackfn, thisArg, « e.[[Value]], e.[[Key]], M »).
        let first = if is_set { key.clone() } else { value };
        agent.call(callback, this_arg, &[first, key, owner.clone()])?;
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// Map.prototype.entries ( ) — <https://tc39.es/ecma262/#sec-map.prototype.entries>
fn map_entries_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "entries")?;
    Ok(create_collection_iterator(
        agent,
        m,
        IterationKind::KeyValue,
        true,
    ))
}

/// Map.prototype.keys ( ) — <https://tc39.es/ecma262/#sec-map.prototype.keys>
fn map_keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "keys")?;
    Ok(create_collection_iterator(
        agent,
        m,
        IterationKind::Key,
        true,
    ))
}

/// Map.prototype.values ( ) — <https://tc39.es/ecma262/#sec-map.prototype.values>
fn map_values(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, Map, "values")?;
    Ok(create_collection_iterator(
        agent,
        m,
        IterationKind::Value,
        true,
    ))
}

/// Map.groupBy ( items, callbackfn ) — <https://tc39.es/ecma262/#sec-map.groupby>
fn map_group_by(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let items = args.arg(0);
    let callback = args.arg(1);
    // GroupBy ( items, callbackfn, zero ) — https://tc39.es/ecma262/#sec-groupby
    // 1. Perform ? RequireObjectCoercible(items).
    if matches!(items, Value::Undefined | Value::Null) {
        let shown = agent.to_display_string(&items);
        return agent.throw_type_error(format!("{shown} is not iterable"));
    }
    // 2. If IsCallable(callbackfn) is false, throw a TypeError exception.
    if !agent.is_callable(&callback) {
        let shown = callback_label(&callback);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    // 3. Let groups be a new empty List (keys in first-seen order; each
    //    group's position in `members` is stored as the table's value).
    let groups = OrderedTable::new();
    let mut members: Vec<Vec<Value>> = Vec::new();
    // 4. Let iteratorRecord be ? GetIterator(items, sync).
    let mut record = agent.get_iterator(&items)?;
    // 5. Let k be 0.
    let mut k: f64 = 0.0;
    // 6. Repeat,
    loop {
        // b. Let next be ? IteratorStepValue(iteratorRecord).
        // c. If next is done, then return groups.
        let Some(value) = agent.iterator_step_value(&mut record)? else {
            break;
        };
        // e. Let key be Completion(Call(callbackfn, undefined, « value, 𝔽(k) »)).
        // f. IfAbruptCloseIterator(key, iteratorRecord).
        let key = match agent.call(
            &callback,
            &Value::Undefined,
            &[value.clone(), Value::Number(k)],
        ) {
            Ok(key) => key,
            Err(error) => return Err(agent.iterator_close_with_error(&record, error)),
        };
        // h. Else (zero), if key is -0𝔽, set key to +0𝔽.
        let key = canonical_key(key);
        // i. Perform AddValueToKeyedGroup(groups, key, value).
        match groups.get(&key) {
            Some(Value::Number(i)) => members[i as usize].push(value),
            _ => {
                groups.set(key, Value::Number(members.len() as f64));
                members.push(vec![value]);
            }
        }
        // j. Set k to k + 1.
        k += 1.0;
    }
    // Map.groupBy 2. Let map be ! Construct(%Map%).
    let proto = agent.intrinsics().map_prototype.clone();
    let map = JsObject::with_kind(
        Some(proto),
        crate::interp::object::ObjectKind::Other(Box::new(super::CollectionData {
            kind: Map,
            table: OrderedTable::new(),
        })),
    );
    // 3. For each Record { [[Key]], [[Elements]] } g of groups: append
    //    { [[Key]]: g.[[Key]], [[Value]]: CreateArrayFromList(g.[[Elements]]) }.
    for ((key, _), elements) in groups.entries().into_iter().zip(members) {
        let array = agent.create_array_from_list(elements);
        table(&map).set(key, Value::Object(array));
    }
    // 4. Return map.
    Ok(Value::Object(map))
}

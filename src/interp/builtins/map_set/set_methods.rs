//! The Set methods that take another set (ECMA-262 §24.2.4: union,
//! intersection, difference, symmetricDifference, isSubsetOf,
//! isSupersetOf, isDisjointFrom) and the Set Records they read the other
//! set through (§24.2.1).
//!
//! The receiver is read through its [[SetData]]; the argument only through
//! its public `size`, `has` and `keys`, so any set-like object works.

use gc::Gc;

use super::table::{canonical_key, OrderedTable};
use super::CollectionKind::Set;
use super::{table, this_collection, CollectionData};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "union", 1, union);
    agent.define_method(proto, "intersection", 1, intersection);
    agent.define_method(proto, "difference", 1, difference);
    agent.define_method(proto, "symmetricDifference", 1, symmetric_difference);
    agent.define_method(proto, "isSubsetOf", 1, is_subset_of);
    agent.define_method(proto, "isSupersetOf", 1, is_superset_of);
    agent.define_method(proto, "isDisjointFrom", 1, is_disjoint_from);
}

/// Set Record { [[SetObject]], [[Size]], [[Has]], [[Keys]] }.
struct SetRecord {
    set_object: Value,
    size: f64,
    has: Value,
    keys: Value,
}

/// GetSetRecord ( obj ) — <https://tc39.es/ecma262/#sec-getsetrecord>
fn get_set_record(agent: &mut Agent, obj: &Value) -> JsResult<SetRecord> {
    // 1. If obj is not an Object, throw a TypeError exception.
    let Value::Object(o) = obj else {
        let shown = agent.to_display_string(obj);
        return agent.throw_type_error(format!("{shown} is not an object"));
    };
    // 2. Let rawSize be ? Get(obj, "size").
    let raw_size = agent.get(o, &PropertyKey::from("size"))?;
    // 3. Let numSize be ? ToNumber(rawSize).
    let num_size = agent.to_number(&raw_size)?;
    // 4. If numSize is NaN, throw a TypeError exception.
    if num_size.is_nan() {
        return agent.throw_type_error("The 'size' property must be a number");
    }
    // 5. Let intSize be ! ToIntegerOrInfinity(numSize).
    let int_size = agent.to_integer_or_infinity(&Value::Number(num_size))?;
    // 6. If intSize < 0, throw a RangeError exception.
    if int_size < 0.0 {
        return agent.throw_range_error(format!("'{int_size}' is an invalid size"));
    }
    // 7. Let has be ? Get(obj, "has").
    let has = agent.get(o, &PropertyKey::from("has"))?;
    // 8. If IsCallable(has) is false, throw a TypeError exception.
    if !agent.is_callable(&has) {
        return agent.throw_type_error("The 'has' property must be a function");
    }
    // 9. Let keys be ? Get(obj, "keys").
    let keys = agent.get(o, &PropertyKey::from("keys"))?;
    // 10. If IsCallable(keys) is false, throw a TypeError exception.
    if !agent.is_callable(&keys) {
        return agent.throw_type_error("The 'keys' property must be a function");
    }
    // 11. Return a new Set Record { … }.
    Ok(SetRecord {
        set_object: obj.clone(),
        size: int_size,
        has,
        keys,
    })
}

/// GetIteratorFromMethod(setRec.[[SetObject]], setRec.[[Keys]]), with the
/// check that `next` is callable (GetKeysIterator).
fn get_keys_iterator(agent: &mut Agent, rec: &SetRecord) -> JsResult<IteratorRecord> {
    // 1. Let keysIter be ? Call(setRec.[[Keys]], setRec.[[SetObject]]).
    let iterator = agent.call(&rec.keys, &rec.set_object, &[])?;
    // 2. If keysIter is not an Object, throw a TypeError exception.
    let Value::Object(o) = &iterator else {
        let shown = agent.to_display_string(&iterator);
        return agent.throw_type_error(format!("{shown} is not an object"));
    };
    // 3. Let nextMethod be ? Get(keysIter, "next").
    let next_method = agent.get(o, &PropertyKey::from("next"))?;
    // 4. If IsCallable(nextMethod) is false, throw a TypeError exception.
    if !agent.is_callable(&next_method) {
        return agent.throw_type_error("The iterator's 'next' property must be a function");
    }
    // 5. Return a new Iterator Record { [[Iterator]]: keysIter, [[NextMethod]]: nextMethod, [[Done]]: false }.
    Ok(IteratorRecord {
        iterator,
        next_method,
        done: false,
    })
}

/// ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
fn other_has(agent: &mut Agent, rec: &SetRecord, e: &Value) -> JsResult<bool> {
    let result = agent.call(&rec.has, &rec.set_object, std::slice::from_ref(e))?;
    Ok(crate::interp::ops::conversion::to_boolean(&result))
}

/// A copy of a [[SetData]] list.
fn copy_set_data(data: &OrderedTable) -> OrderedTable {
    let copy = OrderedTable::new();
    for (key, _) in data.entries() {
        copy.set(key, Value::Undefined);
    }
    copy
}

/// OrdinaryObjectCreate(%Set.prototype%, « [[SetData]] ») with `data`.
fn new_set(agent: &mut Agent, data: OrderedTable) -> Value {
    let proto = agent.intrinsics().set_prototype.clone();
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(CollectionData {
            kind: Set,
            table: data,
        })),
    ))
}

/// Calls `visit` with each element of O.[[SetData]], re-reading the list's
/// length after each call as the spec's index loops do (elements added
/// meanwhile are visited, removed ones skipped); stops when it says so.
fn for_each_element(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    mut visit: impl FnMut(&mut Agent, Value) -> JsResult<bool>,
) -> JsResult<()> {
    let cursor = table(o).new_cursor();
    while let Some((e, _)) = table(o).next_entry(&cursor) {
        agent.poll_interrupt()?;
        if !visit(agent, e)? {
            break;
        }
    }
    Ok(())
}

/// Set.prototype.union ( other ) — <https://tc39.es/ecma262/#sec-set.prototype.union>
fn union(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; RequireInternalSlot(O, [[SetData]]).
    let o = this_collection(agent, args, Set, "union")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let mut keys = get_keys_iterator(agent, &rec)?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let result = copy_set_data(table(&o));
    // 6–7. Repeat, while next is not done: a. Set next to ? IteratorStepValue(keysIter).
    while let Some(next) = agent.iterator_step_value(&mut keys)? {
        // b.i. Set next to CanonicalizeKeyedCollectionKey(next).
        let next = canonical_key(next);
        // b.ii. If SetDataHas(resultSetData, next) is false, append next.
        if !result.has(&next) {
            result.set(next, Value::Undefined);
        }
    }
    // 8–10. Return a new Set whose [[SetData]] is resultSetData.
    Ok(new_set(agent, result))
}

/// Set.prototype.intersection ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.intersection>
fn intersection(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "intersection")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. Let resultSetData be a new empty List.
    let result = OrderedTable::new();
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if table(&o).live_count() as f64 <= rec.size {
        // a–c. For each element e of O.[[SetData]] (re-reading its size):
        for_each_element(agent, &o, |agent, e| {
            // 1. Let inOther be ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
            // 2. If inOther is true and SetDataHas(resultSetData, e) is false, append e.
            if other_has(agent, &rec, &e)? && !result.has(&e) {
                result.set(e, Value::Undefined);
            }
            Ok(true)
        })?;
    } else {
        // 6. Else,
        // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
        let mut keys = get_keys_iterator(agent, &rec)?;
        // b–c. Repeat, while next is not done,
        while let Some(next) = agent.iterator_step_value(&mut keys)? {
            // ii.1. Set next to CanonicalizeKeyedCollectionKey(next).
            let next = canonical_key(next);
            // ii.2–4. If next is in O.[[SetData]] and not in resultSetData, append it.
            if table(&o).has(&next) && !result.has(&next) {
                result.set(next, Value::Undefined);
            }
        }
    }
    // 7–9. Return a new Set whose [[SetData]] is resultSetData.
    Ok(new_set(agent, result))
}

/// Set.prototype.difference ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.difference>
fn difference(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "difference")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. Let resultSetData be a copy of O.[[SetData]].
    let result = copy_set_data(table(&o));
    // 5. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if table(&o).live_count() as f64 <= rec.size {
        // a–c. For each element e of resultSetData (thisSize is fixed: the copy
        //      does not grow), if ToBoolean(? Call(has, …, « e »)) is true,
        //      set the element to empty.
        let cursor = result.new_cursor();
        while let Some((e, _)) = result.next_entry(&cursor) {
            agent.poll_interrupt()?;
            if other_has(agent, &rec, &e)? {
                result.delete(&e);
            }
        }
    } else {
        // 6. Else,
        let mut keys = get_keys_iterator(agent, &rec)?;
        while let Some(next) = agent.iterator_step_value(&mut keys)? {
            // ii.1. Set next to CanonicalizeKeyedCollectionKey(next).
            // ii.2–3. If SetDataHas(resultSetData, next), remove it.
            result.delete(&canonical_key(next));
        }
    }
    // 7–9. Return a new Set whose [[SetData]] is resultSetData.
    Ok(new_set(agent, result))
}

/// Set.prototype.symmetricDifference ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.symmetricdifference>
fn symmetric_difference(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "symmetricDifference")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let mut keys = get_keys_iterator(agent, &rec)?;
    // 5. Let resultSetData be a copy of O.[[SetData]].
    let result = copy_set_data(table(&o));
    // 6–7. Repeat, while next is not done,
    while let Some(next) = agent.iterator_step_value(&mut keys)? {
        // b.i. Set next to CanonicalizeKeyedCollectionKey(next).
        let next = canonical_key(next);
        // b.ii–iii. alreadyInResult: whether resultSetData has next.
        let already_in_result = result.has(&next);
        // b.iv. If SetDataHas(O.[[SetData]], next) is true, then
        if table(&o).has(&next) {
            // 1. If alreadyInResult is true, set resultSetData[resultIndex] to empty.
            if already_in_result {
                result.delete(&next);
            }
        } else if !already_in_result {
            // v. Else, if alreadyInResult is false, append next to resultSetData.
            result.set(next, Value::Undefined);
        }
    }
    // 8–10. Return a new Set whose [[SetData]] is resultSetData.
    Ok(new_set(agent, result))
}

/// Set.prototype.isSubsetOf ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.issubsetof>
fn is_subset_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "isSubsetOf")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) > otherRec.[[Size]], return false.
    if table(&o).live_count() as f64 > rec.size {
        return Ok(Value::Bool(false));
    }
    // 5–7. For each element e of O.[[SetData]]: if ToBoolean(? Call(has, …,
    //      « e »)) is false, return false.
    let mut subset = true;
    for_each_element(agent, &o, |agent, e| {
        subset = other_has(agent, &rec, &e)?;
        Ok(subset)
    })?;
    // 8. Return true.
    Ok(Value::Bool(subset))
}

/// Set.prototype.isSupersetOf ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.issupersetof>
fn is_superset_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "isSupersetOf")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) < otherRec.[[Size]], return false.
    if (table(&o).live_count() as f64) < rec.size {
        return Ok(Value::Bool(false));
    }
    // 5. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let mut keys = get_keys_iterator(agent, &rec)?;
    // 6–7. Repeat, while next is not done,
    while let Some(next) = agent.iterator_step_value(&mut keys)? {
        // b.i. If SetDataHas(O.[[SetData]], next) is false, then
        if !table(&o).has(&next) {
            // 1. Perform ? IteratorClose(keysIter, NormalCompletion(unused)).
            agent.iterator_close(&keys, Ok(()))?;
            // 2. Return false.
            return Ok(Value::Bool(false));
        }
    }
    // 8. Return true.
    Ok(Value::Bool(true))
}

/// Set.prototype.isDisjointFrom ( other ) —
/// <https://tc39.es/ecma262/#sec-set.prototype.isdisjointfrom>
fn is_disjoint_from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = this_collection(agent, args, Set, "isDisjointFrom")?;
    // 3. Let otherRec be ? GetSetRecord(other).
    let rec = get_set_record(agent, &args.arg(0))?;
    // 4. If SetDataSize(O.[[SetData]]) ≤ otherRec.[[Size]], then
    if table(&o).live_count() as f64 <= rec.size {
        // a–c. For each element e of O.[[SetData]]: if ToBoolean(? Call(has,
        //      …, « e »)) is true, return false.
        let mut disjoint = true;
        for_each_element(agent, &o, |agent, e| {
            disjoint = !other_has(agent, &rec, &e)?;
            Ok(disjoint)
        })?;
        return Ok(Value::Bool(disjoint));
    }
    // 5. Else,
    // a. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
    let mut keys = get_keys_iterator(agent, &rec)?;
    // b–c. Repeat, while next is not done,
    while let Some(next) = agent.iterator_step_value(&mut keys)? {
        // ii.1. If SetDataHas(O.[[SetData]], next) is true, then
        if table(&o).has(&next) {
            // a. Perform ? IteratorClose(keysIter, NormalCompletion(unused)).
            agent.iterator_close(&keys, Ok(()))?;
            // b. Return false.
            return Ok(Value::Bool(false));
        }
    }
    // 6. Return true.
    Ok(Value::Bool(true))
}

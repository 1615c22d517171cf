//! Array.fromAsync ( asyncItems [ , mapfn [ , thisArg ] ] ) (ECMAScript
//! 2026) — <https://tc39.es/proposal-array-from-async/>: the closure runs
//! as an async function body (on its own coroutine, as async functions
//! do), awaiting each item and each mapped value.

use super::{construct_or_create, get_index, index_key, set_length};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::eval::suspend::Resume;
use crate::interp::function::CallArgs;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// 2^53 − 1, the largest index fromAsync reaches.
const MAX_SAFE_INTEGER: f64 = 9007199254740991.0;

/// Array.fromAsync ( asyncItems [ , mapfn [ , thisArg ] ] )
pub(super) fn array_from_async(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let C be the this value.
    let c = args.this.clone();
    let (async_items, mapfn, this_arg) = (args.arg(0), args.arg(1), args.arg(2));
    // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let capability = agent.promise_capability()?;
    let promise = capability.promise.clone();
    // 3. Let fromAsyncClosure be a new Abstract Closure that captures C,
    //    asyncItems, mapfn and thisArg.
    let body = move |agent: &mut Agent, first: Resume| -> JsResult<Value> {
        match first {
            Resume::Next(_) => from_async_closure(agent, &c, &async_items, &mapfn, &this_arg),
            Resume::Throw(e) => Err(Throw::new(e)),
            Resume::Return(v) => Ok(v),
        }
    };
    // 4. Perform AsyncFunctionStart(promiseCapability, fromAsyncClosure).
    let proto = agent.intrinsics().object_prototype.clone();
    let state = agent.suspendable_object(body, true, Some(capability), proto);
    agent.async_step(&state, Resume::Next(Value::Undefined));
    // 5. Return promiseCapability.[[Promise]].
    Ok(promise)
}

/// The steps of fromAsyncClosure.
fn from_async_closure(
    agent: &mut Agent,
    c: &Value,
    async_items: &Value,
    mapfn: &Value,
    this_arg: &Value,
) -> JsResult<Value> {
    // a–b. If mapfn is undefined, mapping is false; else it must be callable.
    let mapping = !mapfn.is_undefined();
    if mapping && !agent.is_callable(mapfn) {
        let shown = agent.to_display_string(mapfn);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    // c. Let usingAsyncIterator be ? GetMethod(asyncItems, @@asyncIterator).
    let async_key = PropertyKey::Symbol(agent.symbols.async_iterator.clone());
    let using_async_iterator = agent.get_method(async_items, &async_key)?;
    // d. If usingAsyncIterator is undefined, let usingSyncIterator be ? GetMethod(asyncItems, @@iterator).
    let using_sync_iterator = match using_async_iterator {
        Some(_) => None,
        None => {
            let sync_key = PropertyKey::Symbol(agent.symbols.iterator.clone());
            agent.get_method(async_items, &sync_key)?
        }
    };
    // e–g. The iterator record: the async iterator, or the sync one wrapped
    //      by CreateAsyncFromSyncIterator.
    let record = if let Some(method) = using_async_iterator {
        Some(agent.get_iterator_from_method(async_items, &method)?)
    } else if let Some(method) = using_sync_iterator {
        let sync = agent.get_iterator_from_method(async_items, &method)?;
        Some(agent.create_async_from_sync_iterator(sync)?)
    } else {
        None
    };
    match record {
        // h. If iteratorRecord is not undefined, then
        Some(record) => from_async_iterator(agent, c, &record, mapping, mapfn, this_arg),
        // i. Else (asyncItems is an array-like), then
        None => from_async_array_like(agent, c, async_items, mapping, mapfn, this_arg),
    }
}

/// fromAsyncClosure step h: the items of an async iterator.
fn from_async_iterator(
    agent: &mut Agent,
    c: &Value,
    record: &IteratorRecord,
    mapping: bool,
    mapfn: &Value,
    this_arg: &Value,
) -> JsResult<Value> {
    // i. A is ? Construct(C) or ! ArrayCreate(0).
    let a = construct_or_create(agent, c, None)?;
    // ii. Let k be 0.
    let mut k = 0.0;
    // iii. Repeat,
    loop {
        // 1. If k ≥ 2^53 - 1, close the iterator with a TypeError.
        if k >= MAX_SAFE_INTEGER {
            let error = agent.type_error("Invalid array length");
            return Err(async_iterator_close(agent, record, error));
        }
        // 3. Let nextResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
        let next_result = agent.call(&record.next_method, &record.iterator, &[])?;
        // 4. Set nextResult to ? Await(nextResult).
        let next_result = agent.await_value(next_result)?;
        // 5. If nextResult is not an Object, throw a TypeError exception.
        let Value::Object(next_result) = next_result else {
            let shown = agent.to_display_string(&next_result);
            return agent.throw_type_error(format!("Iterator result {shown} is not an object"));
        };
        // 6–7. If ? IteratorComplete(nextResult), set A.length to k and return A.
        if agent.iterator_complete(&next_result)? {
            set_length(agent, &a, k)?;
            return Ok(Value::Object(a));
        }
        // 8. Let nextValue be ? IteratorValue(nextResult).
        let next_value = agent.iterator_value(&next_result)?;
        // 9. The mapped value (awaited), closing the iterator on an abrupt completion.
        let mapped = if mapping {
            let mapped = agent
                .call(mapfn, this_arg, &[next_value, Value::Number(k)])
                .and_then(|v| agent.await_value(v));
            match mapped {
                Ok(v) => v,
                Err(e) => return Err(async_iterator_close(agent, record, e)),
            }
        } else {
            next_value
        };
        // 10–11. CreateDataPropertyOrThrow(A, Pk, mappedValue), closing on failure.
        if let Err(e) = agent.create_data_property_or_throw(&a, index_key(k), mapped) {
            return Err(async_iterator_close(agent, record, e));
        }
        // 12. Set k to k + 1.
        k += 1.0;
    }
}

/// fromAsyncClosure step i: the items of an array-like, each awaited.
fn from_async_array_like(
    agent: &mut Agent,
    c: &Value,
    async_items: &Value,
    mapping: bool,
    mapfn: &Value,
    this_arg: &Value,
) -> JsResult<Value> {
    // ii. Let arrayLike be ! ToObject(asyncItems).
    let array_like = agent.to_object(async_items)?;
    // iii. Let len be ? LengthOfArrayLike(arrayLike).
    let len = agent.length_of_array_like(&array_like)?;
    // iv. A is ? Construct(C, « 𝔽(len) ») or ? ArrayCreate(len).
    let a = construct_or_create(agent, c, Some(len))?;
    // v–vi. For each k < len: Get, Await, map and Await, define.
    let mut k = 0.0;
    while k < len {
        let k_value = get_index(agent, &array_like, k)?;
        let k_value = agent.await_value(k_value)?;
        let mapped = if mapping {
            let v = agent.call(mapfn, this_arg, &[k_value, Value::Number(k)])?;
            agent.await_value(v)?
        } else {
            k_value
        };
        agent.create_data_property_or_throw(&a, index_key(k), mapped)?;
        k += 1.0;
    }
    // vii. Perform ? Set(A, "length", 𝔽(len), true).
    set_length(agent, &a, len)?;
    // viii. Return A.
    Ok(Value::Object(a))
}

/// AsyncIteratorClose ( iteratorRecord, completion ) for a throw
/// completion — <https://tc39.es/ecma262/#sec-asynciteratorclose>: calls
/// and awaits `return` if there is one; the original error wins.
fn async_iterator_close(agent: &mut Agent, record: &IteratorRecord, completion: Throw) -> Throw {
    // 2. Let innerResult be Completion(GetMethod(iterator, "return")).
    let ret = agent.get_method(&record.iterator, &PropertyKey::from("return"));
    // 3. If innerResult is normal and return is not undefined, call it and await the result.
    if let Ok(Some(ret)) = ret {
        if let Ok(v) = agent.call(&ret, &record.iterator, &[]) {
            let _ = agent.await_value(v);
        }
    }
    // 4. If completion is a throw completion, return ? completion.
    completion
}

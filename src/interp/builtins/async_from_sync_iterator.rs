//! Async-from-Sync Iterator Objects (ECMA-262 §27.1.6): the async
//! iterator that `for await`, `yield*` in async generators and
//! `Array.fromAsync` make of a sync iterator, awaiting each value.

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{self, PromiseCapability};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The [[SyncIteratorRecord]] internal slot.
#[derive(Trace, Finalize)]
struct SyncIteratorRecord {
    iterator: Value,
    next_method: Value,
}

impl ObjectData for SyncIteratorRecord {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
}

impl SyncIteratorRecord {
    fn record(&self) -> IteratorRecord {
        IteratorRecord {
            iterator: self.iterator.clone(),
            next_method: self.next_method.clone(),
            done: false,
        }
    }
}

impl Agent {
    /// CreateAsyncFromSyncIterator ( syncIteratorRecord ) —
    /// <https://tc39.es/ecma262/#sec-createasyncfromsynciterator>
    pub(crate) fn create_async_from_sync_iterator(
        &mut self,
        sync: IteratorRecord,
    ) -> JsResult<IteratorRecord> {
        // 1. Let asyncIterator be OrdinaryObjectCreate(%AsyncFromSyncIteratorPrototype%, « [[SyncIteratorRecord]] »).
        // 2. Set asyncIterator.[[SyncIteratorRecord]] to syncIteratorRecord.
        let proto = self.intrinsics().async_from_sync_iterator_prototype.clone();
        let iterator = JsObject::with_kind(
            Some(proto),
            ObjectKind::Other(Box::new(SyncIteratorRecord {
                iterator: sync.iterator,
                next_method: sync.next_method,
            })),
        );
        // 3. Let nextMethod be ! Get(asyncIterator, "next").
        let next_method = self.get(&iterator, &PropertyKey::from("next"))?;
        // 4–5. Return the Iterator Record { asyncIterator, nextMethod, false }.
        Ok(IteratorRecord {
            iterator: Value::Object(iterator),
            next_method,
            done: false,
        })
    }

    /// AsyncFromSyncIteratorContinuation ( result, promiseCapability,
    /// syncIteratorRecord, closeOnRejection ) —
    /// <https://tc39.es/ecma262/#sec-asyncfromsynciteratorcontinuation>
    fn async_from_sync_iterator_continuation(
        &mut self,
        result: &Gc<JsObject>,
        capability: PromiseCapability,
        sync: &IteratorRecord,
        close_on_rejection: bool,
    ) -> JsResult<Value> {
        // 2–3. Let done be Completion(IteratorComplete(result)); IfAbruptRejectPromise.
        let done = match self.iterator_complete(result) {
            Ok(done) => done,
            Err(Throw(e)) => return reject(self, capability, *e),
        };
        // 4–5. Let value be Completion(IteratorValue(result)); IfAbruptRejectPromise.
        let value = match self.iterator_value(result) {
            Ok(value) => value,
            Err(Throw(e)) => return reject(self, capability, *e),
        };
        // 6. Let valueWrapper be Completion(PromiseResolve(%Promise%, value)).
        let ctor = self.intrinsics().get("Promise");
        let mut value_wrapper = promise::promise_resolve(self, &ctor, value);
        // 7. If valueWrapper is an abrupt completion, done is false, and
        //    closeOnRejection is true, then set valueWrapper to
        //    Completion(IteratorClose(syncIteratorRecord, valueWrapper)).
        if value_wrapper.is_err() && !done && close_on_rejection {
            value_wrapper = self.iterator_close(sync, value_wrapper);
        }
        // 8. IfAbruptRejectPromise(valueWrapper, promiseCapability).
        let value_wrapper = match value_wrapper {
            Ok(wrapper) => wrapper,
            Err(Throw(e)) => return reject(self, capability, *e),
        };
        // 9–10. Let onFulfilled be a function returning CreateIteratorResultObject(v, done).
        let on_fulfilled = self.native_function_with("", 1, unwrap, false, vec![Value::Bool(done)]);
        // 12. If done is true, or if closeOnRejection is false, let onRejected be undefined.
        // 13. Else, let onRejected close the sync iterator and rethrow.
        let on_rejected = if done || !close_on_rejection {
            Value::Undefined
        } else {
            let captures = vec![sync.iterator.clone(), sync.next_method.clone()];
            Value::Object(self.native_function_with("", 1, close_iterator, false, captures))
        };
        // 14. Perform PerformPromiseThen(valueWrapper, onFulfilled, onRejected, promiseCapability).
        let promise = capability.promise.clone();
        promise::perform_promise_then(
            self,
            &value_wrapper,
            Value::Object(on_fulfilled),
            on_rejected,
            Some(capability),
        );
        // 15. Return promiseCapability.[[Promise]].
        Ok(promise)
    }
}

/// Rejects `capability` with `e` and returns its promise (IfAbruptRejectPromise).
fn reject(agent: &mut Agent, capability: PromiseCapability, e: Value) -> JsResult<Value> {
    agent.call(&capability.reject, &Value::Undefined, &[e])?;
    Ok(capability.promise)
}

/// The `unwrap` closure of AsyncFromSyncIteratorContinuation step 9.
fn unwrap(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let done = matches!(args.capture(0), Value::Bool(true));
    Ok(agent.create_iter_result_object(args.arg(0), done))
}

/// The `closeIterator` closure of AsyncFromSyncIteratorContinuation step 13.a.
fn close_iterator(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let sync = IteratorRecord {
        iterator: args.capture(0),
        next_method: args.capture(1),
        done: false,
    };
    // i. Return ? IteratorClose(syncIteratorRecord, ThrowCompletion(error)).
    agent.iterator_close(&sync, Err(Throw::new(args.arg(0))))
}

/// Steps 1–4 of the three methods: the sync iterator record of `this`
/// and a new capability.
fn this_record(agent: &mut Agent, this: &Value) -> JsResult<(IteratorRecord, PromiseCapability)> {
    // 3. Let promiseCapability be ! NewPromiseCapability(%Promise%).
    let capability = agent.promise_capability()?;
    // 1–2. Let O be the this value; Assert: O has a [[SyncIteratorRecord]] internal slot.
    let record = match this {
        Value::Object(o) => o
            .data::<SyncIteratorRecord>()
            .map(SyncIteratorRecord::record),
        _ => None,
    };
    match record {
        Some(record) => Ok((record, capability)),
        // Deviation: the spec asserts; these objects never reach user
        // code, but a receiver without the slot rejects rather than panics.
        None => {
            let e = agent.type_error("not an Async-from-Sync Iterator").0;
            agent.call(&capability.reject, &Value::Undefined, &[*e])?;
            Err(Throw::new(capability.promise))
        }
    }
}

/// Runs a method body, turning the early return of [`this_record`] into
/// the rejected promise it carries.
fn method(
    agent: &mut Agent,
    args: &CallArgs,
    body: fn(&mut Agent, &CallArgs, IteratorRecord, PromiseCapability) -> JsResult<Value>,
) -> JsResult<Value> {
    match this_record(agent, args.this) {
        Ok((record, capability)) => body(agent, args, record, capability),
        Err(Throw(promise)) => Ok(*promise),
    }
}

/// %AsyncFromSyncIteratorPrototype%.next ( [ value ] ) —
/// <https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.next>
fn next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    method(agent, args, |agent, args, mut sync, capability| {
        // 5–6. Let result be Completion(IteratorNext(syncIteratorRecord[, value])).
        let value = args.args.first();
        let result = agent.iterator_next(&mut sync, value);
        // 7. IfAbruptRejectPromise(result, promiseCapability).
        let result = match result {
            Ok(result) => result,
            Err(Throw(e)) => return reject(agent, capability, *e),
        };
        // 8. Return AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, true).
        agent.async_from_sync_iterator_continuation(&result, capability, &sync, true)
    })
}

/// %AsyncFromSyncIteratorPrototype%.return ( [ value ] ) —
/// <https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.return>
fn r#return(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    method(agent, args, |agent, args, sync, capability| {
        // 5–6. Let return be Completion(GetMethod(syncIterator, "return")); IfAbruptRejectPromise.
        let ret = match agent.get_method(&sync.iterator, &PropertyKey::from("return")) {
            Ok(ret) => ret,
            Err(Throw(e)) => return reject(agent, capability, *e),
        };
        // 7. If return is undefined, resolve with CreateIteratorResultObject(value, true).
        let Some(ret) = ret else {
            let result = agent.create_iter_result_object(args.arg(0), true);
            agent.call(&capability.resolve, &Value::Undefined, &[result])?;
            return Ok(capability.promise);
        };
        // 8–10. Let result be Completion(Call(return, syncIterator[, « value »])); IfAbruptRejectPromise.
        let result = match agent.call(&ret, &sync.iterator, args.args.get(..1).unwrap_or(&[])) {
            Ok(result) => result,
            Err(Throw(e)) => return reject(agent, capability, *e),
        };
        // 11. If result is not an Object, reject with a TypeError.
        let Value::Object(result) = result else {
            let e = agent.type_error("Iterator result is not an object").0;
            return reject(agent, capability, *e);
        };
        // 12. Return AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, false).
        agent.async_from_sync_iterator_continuation(&result, capability, &sync, false)
    })
}

/// %AsyncFromSyncIteratorPrototype%.throw ( [ value ] ) —
/// <https://tc39.es/ecma262/#sec-%asyncfromsynciteratorprototype%.throw>
fn throw(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    method(agent, args, |agent, args, sync, capability| {
        // 5–6. Let throw be Completion(GetMethod(syncIterator, "throw")); IfAbruptRejectPromise.
        let throw = match agent.get_method(&sync.iterator, &PropertyKey::from("throw")) {
            Ok(throw) => throw,
            Err(Throw(e)) => return reject(agent, capability, *e),
        };
        // 7. If throw is undefined, then
        let Some(throw) = throw else {
            // b–d. Let result be Completion(IteratorClose(syncIteratorRecord, NormalCompletion)); IfAbruptRejectPromise.
            if let Err(Throw(e)) = agent.iterator_close(&sync, Ok(())) {
                return reject(agent, capability, *e);
            }
            // g. Reject with a newly created TypeError object.
            let e = agent
                .type_error("The iterator does not provide a 'throw' method")
                .0;
            return reject(agent, capability, *e);
        };
        // 8–10. Let result be Completion(Call(throw, syncIterator[, « value »])); IfAbruptRejectPromise.
        let result = match agent.call(&throw, &sync.iterator, args.args.get(..1).unwrap_or(&[])) {
            Ok(result) => result,
            Err(Throw(e)) => return reject(agent, capability, *e),
        };
        // 11. If result is not an Object, reject with a TypeError.
        let Value::Object(result) = result else {
            let e = agent.type_error("Iterator result is not an object").0;
            return reject(agent, capability, *e);
        };
        // 12. Return AsyncFromSyncIteratorContinuation(result, promiseCapability, syncIteratorRecord, true).
        agent.async_from_sync_iterator_continuation(&result, capability, &sync, true)
    })
}

/// Fills in %AsyncFromSyncIteratorPrototype% (§27.1.6.2).
pub fn install(agent: &mut Agent) {
    let proto = agent
        .intrinsics()
        .async_from_sync_iterator_prototype
        .clone();
    agent.define_method(&proto, "next", 1, next);
    agent.define_method(&proto, "return", 1, r#return);
    agent.define_method(&proto, "throw", 1, throw);
}

//! Promise.all, allSettled, any and race (ECMA-262 §27.2.4.1–§27.2.4.5).

use gc::Gc;

use super::operations::new_promise_capability;
use super::PromiseCapability;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::value::Value;

#[derive(Copy, Clone, PartialEq, Eq)]
enum Combinator {
    All,
    AllSettled,
    Any,
    Race,
}

fn promise_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    combinator(agent, args, Combinator::All)
}

fn promise_all_settled(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    combinator(agent, args, Combinator::AllSettled)
}

fn promise_any(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    combinator(agent, args, Combinator::Any)
}

fn promise_race(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    combinator(agent, args, Combinator::Race)
}

/// The shared frame of Promise.all / allSettled / any / race: capability,
/// GetPromiseResolve, GetIterator, then PerformPromiseX, closing the
/// iterator and rejecting on an abrupt completion (IfAbruptRejectPromise).
fn combinator(agent: &mut Agent, args: &CallArgs, kind: Combinator) -> JsResult<Value> {
    // 1. Let C be the this value.
    let c = args.this.clone();
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, &c)?;
    // 3. Let promiseResolve be Completion(GetPromiseResolve(C)); IfAbruptRejectPromise.
    let resolve = match get_promise_resolve(agent, &c) {
        Ok(r) => r,
        Err(Throw(e)) => return reject_with(agent, &capability, *e),
    };
    // 5. Let iteratorRecord be Completion(GetIterator(iterable, sync)); IfAbruptRejectPromise.
    let mut record = match agent.get_iterator(&args.arg(0)) {
        Ok(r) => r,
        Err(Throw(e)) => return reject_with(agent, &capability, *e),
    };
    // 7. Let result be Completion(PerformPromiseX(...)).
    let result = perform(agent, &mut record, &c, &capability, &resolve, kind);
    match result {
        Ok(v) => Ok(v),
        // 8. If result is an abrupt completion: close the iterator if not done, reject.
        Err(Throw(e)) => {
            let e = if record.done {
                e
            } else {
                agent.iterator_close_with_error(&record, Throw(e)).0
            };
            reject_with(agent, &capability, *e)
        }
    }
}

fn reject_with(agent: &mut Agent, capability: &PromiseCapability, e: Value) -> JsResult<Value> {
    agent.call(&capability.reject, &Value::Undefined, &[e])?;
    Ok(capability.promise.clone())
}

/// GetPromiseResolve ( promiseConstructor ) — <https://tc39.es/ecma262/#sec-getpromiseresolve>
fn get_promise_resolve(agent: &mut Agent, c: &Value) -> JsResult<Value> {
    let resolve = agent.get_v(c, &PropertyKey::from("resolve"))?;
    if !agent.is_callable(&resolve) {
        return agent.throw_type_error("Promise resolve or reject function is not callable");
    }
    Ok(resolve)
}

/// PerformPromiseAll / AllSettled / Any / Race.
fn perform(
    agent: &mut Agent,
    record: &mut IteratorRecord,
    c: &Value,
    capability: &PromiseCapability,
    resolve: &Value,
    kind: Combinator,
) -> JsResult<Value> {
    // The shared state: values (or errors) by index, and remainingElementsCount
    // (starting at 1), kept on a holder object the element functions capture.
    let values = agent.create_array_from_list(Vec::new());
    let holder = JsObject::ordinary_create(None);
    define_value(
        &holder,
        "values",
        Value::Object(values.clone()),
        Attributes::ALL,
    );
    define_value(&holder, "remaining", Value::Number(1.0), Attributes::ALL);
    let mut index: u32 = 0;
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let Some(next) = agent.iterator_step_value(record)? else {
            // b. If next is done: remaining -= 1; if 0, settle with the values.
            if kind != Combinator::Race && decrement(agent, &holder)? == 0.0 {
                finish(agent, &holder, capability, kind)?;
            }
            return Ok(capability.promise.clone());
        };
        if kind != Combinator::Race {
            // c. Append undefined to values.
            agent.create_data_property_or_throw(
                &values,
                PropertyKey::Index(index),
                Value::Undefined,
            )?;
        }
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        let next_promise = agent.call(resolve, c, &[next])?;
        let cap_promise = capability.promise.clone();
        let cap = vec![
            Value::Object(holder.clone()),
            Value::Number(f64::from(index)),
            Value::Bool(false),
            capability.resolve.clone(),
            capability.reject.clone(),
            cap_promise,
        ];
        let (on_fulfilled, on_rejected) = match kind {
            Combinator::Race => (capability.resolve.clone(), capability.reject.clone()),
            Combinator::All => (
                Value::Object(agent.native_function_with(
                    "",
                    1,
                    all_resolve_element,
                    false,
                    cap.clone(),
                )),
                capability.reject.clone(),
            ),
            Combinator::AllSettled => (
                Value::Object(agent.native_function_with(
                    "",
                    1,
                    settled_fulfilled_element,
                    false,
                    cap.clone(),
                )),
                Value::Object(agent.native_function_with(
                    "",
                    1,
                    settled_rejected_element,
                    false,
                    cap.clone(),
                )),
            ),
            Combinator::Any => (
                capability.resolve.clone(),
                Value::Object(agent.native_function_with(
                    "",
                    1,
                    any_reject_element,
                    false,
                    cap.clone(),
                )),
            ),
        };
        if kind != Combinator::Race {
            // remainingElementsCount += 1.
            let r = remaining(agent, &holder)?;
            define_value(
                &holder,
                "remaining",
                Value::Number(r + 1.0),
                Attributes::ALL,
            );
        }
        // Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        agent.invoke(
            &next_promise,
            &PropertyKey::from("then"),
            &[on_fulfilled, on_rejected],
        )?;
        index += 1;
    }
}

fn remaining(agent: &mut Agent, holder: &Gc<JsObject>) -> JsResult<f64> {
    let v = agent.get(holder, &PropertyKey::from("remaining"))?;
    agent.to_number(&v)
}

fn decrement(agent: &mut Agent, holder: &Gc<JsObject>) -> JsResult<f64> {
    let r = remaining(agent, holder)? - 1.0;
    define_value(holder, "remaining", Value::Number(r), Attributes::ALL);
    Ok(r)
}

/// All elements are in: resolve with the values (or reject Any with an AggregateError).
fn finish(
    agent: &mut Agent,
    holder: &Gc<JsObject>,
    capability: &PromiseCapability,
    kind: Combinator,
) -> JsResult<()> {
    let values = agent.get(holder, &PropertyKey::from("values"))?;
    if kind == Combinator::Any {
        let proto = agent.error_prototype(ErrorKind::AggregateError);
        let error = agent.create_error_object(proto, Some("All promises were rejected"));
        let errors = match &values {
            Value::Object(v) => {
                let list = agent.create_list_from_array_like(&Value::Object(v.clone()))?;
                agent.create_array_from_list(list)
            }
            _ => agent.create_array_from_list(Vec::new()),
        };
        define_value(&error, "errors", Value::Object(errors), Attributes::METHOD);
        agent.call(
            &capability.reject,
            &Value::Undefined,
            &[Value::Object(error)],
        )?;
    } else {
        agent.call(&capability.resolve, &Value::Undefined, &[values])?;
    }
    Ok(())
}

/// Records one element's outcome once (the [[AlreadyCalled]] flag is capture 2).
fn record_element(
    agent: &mut Agent,
    args: &CallArgs,
    value: Value,
    kind: Combinator,
) -> JsResult<Value> {
    if matches!(args.capture(2), Value::Bool(true)) {
        return Ok(Value::Undefined);
    }
    args.set_capture(2, Value::Bool(true));
    let Value::Object(holder) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let index = match args.capture(1) {
        Value::Number(n) => n as u32,
        _ => 0,
    };
    if let Value::Object(values) = agent.get(&holder, &PropertyKey::from("values"))? {
        agent.create_data_property_or_throw(&values, PropertyKey::Index(index), value)?;
    }
    if decrement(agent, &holder)? == 0.0 {
        let capability = PromiseCapability {
            promise: args.capture(5),
            resolve: args.capture(3),
            reject: args.capture(4),
        };
        finish(agent, &holder, &capability, kind)?;
    }
    Ok(Value::Undefined)
}

fn all_resolve_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    record_element(agent, args, args.arg(0), Combinator::All)
}

fn settled_object(agent: &mut Agent, status: &str, key: &str, value: Value) -> Value {
    let obj = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&obj, "status", Value::from(status), Attributes::ALL);
    define_value(&obj, key, value, Attributes::ALL);
    Value::Object(obj)
}

fn settled_fulfilled_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = settled_object(agent, "fulfilled", "value", args.arg(0));
    record_element(agent, args, obj, Combinator::AllSettled)
}

fn settled_rejected_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let obj = settled_object(agent, "rejected", "reason", args.arg(0));
    record_element(agent, args, obj, Combinator::AllSettled)
}

fn any_reject_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    record_element(agent, args, args.arg(0), Combinator::Any)
}

pub(super) fn install(agent: &mut Agent) {
    let ctor = agent.intrinsics().get("Promise");
    agent.define_method(&ctor, "all", 1, promise_all);
    agent.define_method(&ctor, "allSettled", 1, promise_all_settled);
    agent.define_method(&ctor, "any", 1, promise_any);
    agent.define_method(&ctor, "race", 1, promise_race);
}

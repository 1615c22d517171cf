//! Promise.all, allSettled, any and race (ECMA-262 §27.2.4.1–§27.2.4.5).

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use super::operations::{
    add_reactions, claim_flag, is_promise, new_flag_record, new_promise_capability,
    perform_promise_then, promise_resolve,
};
use super::{ElementRole, PromiseCapability, ReactionHandler};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::slots::Slots;
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

/// The state the element functions of one Promise.all / allSettled / any
/// share: the values (or errors) List, remainingElementsCount and the
/// combinator's capability.
#[derive(Trace, Finalize)]
struct CombinatorState {
    #[unsafe_ignore_trace]
    kind: Combinator,
    values: Slots<Value>,
    #[unsafe_ignore_trace]
    remaining: Cell<u64>,
    capability: PromiseCapability,
}

impl ObjectData for CombinatorState {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
}

fn combinator_state(state: &Gc<JsObject>) -> &CombinatorState {
    state
        .data::<CombinatorState>()
        .expect("element reactions hold a combinator state")
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
    // The values (or errors) List and remainingElementsCount (starting at
    // 1), on a hidden object the element functions hold.
    let state = JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(CombinatorState {
            kind,
            values: Slots::new(),
            remaining: Cell::new(1),
            capability: capability.clone(),
        })),
    );
    let shared = combinator_state(&state);
    // With C = %Promise% and Promise.resolve as promiseResolve, the
    // elements' `then` calls may go without function objects (see
    // `invoke_then`).
    let intrinsic = Intrinsic::of(agent, c, resolve);
    let mut index: u32 = 0;
    loop {
        // a. Let next be ? IteratorStepValue(iteratorRecord).
        let Some(next) = agent.iterator_step_value(record)? else {
            // b. If next is done: remaining -= 1; if 0, settle with the values.
            if kind != Combinator::Race && decrement(shared) {
                finish(agent, shared)?;
            }
            return Ok(capability.promise.clone());
        };
        if kind != Combinator::Race {
            // c. Append undefined to values.
            shared.values.push(Value::Undefined);
        }
        // d. Let nextPromise be ? Call(promiseResolve, constructor, « next »).
        let next_promise = match &intrinsic {
            Some(intrinsic) => Value::Object(promise_resolve(agent, &intrinsic.promise, next)?),
            None => agent.call(resolve, c, &[next])?,
        };
        if kind != Combinator::Race {
            // remainingElementsCount += 1.
            shared.remaining.set(shared.remaining.get() + 1);
        }
        // Perform ? Invoke(nextPromise, "then", « onFulfilled, onRejected »).
        invoke_then(agent, &next_promise, &state, index, intrinsic.as_ref())?;
        index += 1;
    }
}

/// %Promise%, %Promise.prototype.then% and whether the combinator runs on
/// them: Some when C is %Promise% and promiseResolve Promise.resolve.
struct Intrinsic {
    promise: Gc<JsObject>,
    then: Option<Gc<JsObject>>,
}

impl Intrinsic {
    fn of(agent: &Agent, c: &Value, resolve: &Value) -> Option<Intrinsic> {
        let intrinsics = agent.intrinsics();
        let promise = intrinsics.try_get("Promise")?;
        let same = |v: &Value, o: &Option<Gc<JsObject>>| matches!((v, o), (Value::Object(v), Some(o)) if Gc::ptr_eq(v, o));
        if !same(c, &Some(promise.clone()))
            || !same(resolve, &intrinsics.try_get("Promise.resolve"))
        {
            return None;
        }
        Some(Intrinsic {
            promise,
            then: intrinsics.try_get("Promise.prototype.then"),
        })
    }
}

/// Invoke(nextPromise, "then", « onFulfilled, onRejected ») with the
/// element's functions: for All the Resolve Element Function and the
/// capability's reject, for AllSettled its two element functions, for Any
/// the capability's resolve and the Reject Element Function, for Race the
/// capability's resolve and reject.
///
/// Deviation: when C is %Promise% (`intrinsic`), nextPromise a promise
/// whose `then` is %Promise.prototype.then% and its species constructor
/// %Promise%, that `then`'s steps run here with element reactions in
/// place of element function objects, and without the derived promise:
/// no code can reach either. (The derived promise has no reactions, and
/// it is never rejected: the handlers are the capability's resolving
/// functions and element steps that end in them, which do not throw.)
/// The property reads (`then`, `constructor`, @@species) are the same.
fn invoke_then(
    agent: &mut Agent,
    next_promise: &Value,
    state: &Gc<JsObject>,
    index: u32,
    intrinsic: Option<&Intrinsic>,
) -> JsResult<()> {
    let shared = combinator_state(state);
    let then = agent.get_v(next_promise, &PropertyKey::from("then"))?;
    if let (Some(intrinsic), Value::Object(promise)) = (intrinsic, next_promise) {
        let is_then =
            matches!((&then, &intrinsic.then), (Value::Object(t), Some(i)) if Gc::ptr_eq(t, i));
        if is_then && is_promise(next_promise) {
            // Promise.prototype.then ( onFulfilled, onRejected ), steps 3–5:
            // 3. Let C be ? SpeciesConstructor(promise, %Promise%).
            let c = agent.species_constructor(promise, intrinsic.promise.clone())?;
            if Gc::ptr_eq(&c, &intrinsic.promise) {
                let (on_fulfilled, on_rejected) = element_reactions(shared, state, index);
                add_reactions(agent, promise, on_fulfilled, on_rejected, None);
                return Ok(());
            }
            // 4. Let resultCapability be ? NewPromiseCapability(C).
            let result_capability = new_promise_capability(agent, &Value::Object(c))?;
            // 5. Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
            let (on_fulfilled, on_rejected) = element_functions(agent, shared, state, index);
            perform_promise_then(
                agent,
                promise,
                on_fulfilled,
                on_rejected,
                Some(result_capability),
            );
            return Ok(());
        }
    }
    let (on_fulfilled, on_rejected) = element_functions(agent, shared, state, index);
    if !agent.is_callable(&then) {
        return agent.throw_type_error("then is not a function");
    }
    agent.call(&then, next_promise, &[on_fulfilled, on_rejected])?;
    Ok(())
}

/// The onFulfilled and onRejected an element's `then` gets, as reactions.
fn element_reactions(
    shared: &CombinatorState,
    state: &Gc<JsObject>,
    index: u32,
) -> (ReactionHandler, ReactionHandler) {
    let element = |role| ReactionHandler::Element {
        state: state.clone(),
        index,
        role,
    };
    let resolve = || ReactionHandler::Callable(shared.capability.resolve.clone());
    let reject = || ReactionHandler::Callable(shared.capability.reject.clone());
    match shared.kind {
        Combinator::All => (element(ElementRole::AllResolve), reject()),
        Combinator::AllSettled => (
            element(ElementRole::SettledFulfilled),
            element(ElementRole::SettledRejected),
        ),
        Combinator::Any => (resolve(), element(ElementRole::AnyReject)),
        Combinator::Race => (resolve(), reject()),
    }
}

/// The onFulfilled and onRejected an element's `then` gets, as function
/// objects (CreateBuiltinFunction of the element steps).
fn element_functions(
    agent: &mut Agent,
    shared: &CombinatorState,
    state: &Gc<JsObject>,
    index: u32,
) -> (Value, Value) {
    // The alreadyCalled Record (capture 2), shared by allSettled's pair.
    let already_called = Value::Object(new_flag_record());
    let mut element = |role| {
        let captures = vec![
            Value::Object(state.clone()),
            Value::Number(f64::from(index)),
            already_called.clone(),
        ];
        let call: NativeFn = match role {
            ElementRole::AllResolve => all_resolve_element,
            ElementRole::SettledFulfilled => settled_fulfilled_element,
            ElementRole::SettledRejected => settled_rejected_element,
            ElementRole::AnyReject => any_reject_element,
        };
        Value::Object(agent.native_function_with("", 1, call, false, captures))
    };
    let resolve = shared.capability.resolve.clone();
    let reject = shared.capability.reject.clone();
    match shared.kind {
        Combinator::All => (element(ElementRole::AllResolve), reject),
        Combinator::AllSettled => (
            element(ElementRole::SettledFulfilled),
            element(ElementRole::SettledRejected),
        ),
        Combinator::Any => (resolve, element(ElementRole::AnyReject)),
        Combinator::Race => (resolve, reject),
    }
}

/// remainingElementsCount -= 1; true when it reaches 0.
fn decrement(shared: &CombinatorState) -> bool {
    let r = shared.remaining.get() - 1;
    shared.remaining.set(r);
    r == 0
}

/// All elements are in: resolve with the values (or reject Any with an AggregateError).
fn finish(agent: &mut Agent, shared: &CombinatorState) -> JsResult<()> {
    // Let valuesArray be CreateArrayFromList(values).
    let values = agent.create_array_from_list(shared.values.to_vec());
    let capability = &shared.capability;
    if shared.kind == Combinator::Any {
        let proto = agent.error_prototype(ErrorKind::AggregateError);
        let error = agent.create_error_object(proto, Some("All promises were rejected"));
        define_value(&error, "errors", Value::Object(values), Attributes::METHOD);
        agent.call(
            &capability.reject,
            &Value::Undefined,
            &[Value::Object(error)],
        )?;
    } else {
        agent.call(
            &capability.resolve,
            &Value::Undefined,
            &[Value::Object(values)],
        )?;
    }
    Ok(())
}

/// Promise.all Resolve Element Functions.
fn all_resolve_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    element_function(agent, args, ElementRole::AllResolve)
}

/// Promise.allSettled Resolve Element Functions.
fn settled_fulfilled_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    element_function(agent, args, ElementRole::SettledFulfilled)
}

/// Promise.allSettled Reject Element Functions.
fn settled_rejected_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    element_function(agent, args, ElementRole::SettledRejected)
}

/// Promise.any Reject Element Functions.
fn any_reject_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    element_function(agent, args, ElementRole::AnyReject)
}

/// The element functions' shared steps: the captures are the combinator's
/// state, the index and the alreadyCalled Record.
fn element_function(agent: &mut Agent, args: &CallArgs, role: ElementRole) -> JsResult<Value> {
    // 1–3. If alreadyCalled.[[Value]] is true, return undefined; set it to true.
    if !claim_flag(&args.capture(2)) {
        return Ok(Value::Undefined);
    }
    let Value::Object(state) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let index = match args.capture(1) {
        Value::Number(n) => n as u32,
        _ => 0,
    };
    element_reaction(agent, &state, index, role, args.arg(0))
}

/// The steps of an element function after its [[AlreadyCalled]] check:
/// record the outcome at `index`, and settle the combinator's promise
/// when it was the last.
pub(super) fn element_reaction(
    agent: &mut Agent,
    state: &Gc<JsObject>,
    index: u32,
    role: ElementRole,
    x: Value,
) -> JsResult<Value> {
    let shared = combinator_state(state);
    let value = match role {
        ElementRole::AllResolve | ElementRole::AnyReject => x,
        // Promise.allSettled: an object { status, value } or { status, reason }.
        ElementRole::SettledFulfilled => settled_object(agent, "fulfilled", "value", x),
        ElementRole::SettledRejected => settled_object(agent, "rejected", "reason", x),
    };
    // Set values[index] to the value (or errors[index] to the reason).
    shared.values.set(index as usize, value);
    // remainingElementsCount -= 1; if it is 0, settle.
    if decrement(shared) {
        finish(agent, shared)?;
    }
    Ok(Value::Undefined)
}

fn settled_object(agent: &mut Agent, status: &str, key: &str, value: Value) -> Value {
    let obj = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&obj, "status", Value::from(status), Attributes::ALL);
    define_value(&obj, key, value, Attributes::ALL);
    Value::Object(obj)
}

pub(super) fn install(agent: &mut Agent) {
    let ctor = agent.intrinsics().get("Promise");
    agent.define_method(&ctor, "all", 1, promise_all);
    agent.define_method(&ctor, "allSettled", 1, promise_all_settled);
    agent.define_method(&ctor, "any", 1, promise_any);
    agent.define_method(&ctor, "race", 1, promise_race);
}

//! Promise abstract operations (ECMA-262 §27.2.1–§27.2.2).

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use super::{PromiseCapability, PromiseData, PromiseReaction, PromiseState, ReactionHandler};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::eval::suspend::Resume;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::call::is_constructor;
use crate::interp::property::PropertyKey;
use crate::interp::slots::{Slot, Slots};
use crate::interp::value::Value;

/// The shared "alreadyResolved" record of a pair of resolving functions
/// (and the "alreadyCalled" record of Promise.allSettled's pair of element
/// functions).
#[derive(Trace, Finalize)]
struct AlreadyResolved {
    #[unsafe_ignore_trace]
    value: Cell<bool>,
}

impl ObjectData for AlreadyResolved {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
}

fn promise_data(p: &Gc<JsObject>) -> &PromiseData {
    p.data::<PromiseData>().expect("a promise object")
}

/// IsPromise ( x ) — <https://tc39.es/ecma262/#sec-ispromise>
pub fn is_promise(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.data::<PromiseData>().is_some())
}

/// A new pending promise with %Promise.prototype%.
pub fn new_promise(agent: &mut Agent) -> Gc<JsObject> {
    let proto = agent.intrinsics().promise_prototype.clone();
    new_promise_with_proto(proto)
}

pub(super) fn new_promise_with_proto(proto: Gc<JsObject>) -> Gc<JsObject> {
    JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(PromiseData {
            state: Cell::new(PromiseState::Pending),
            result: Slot::new(Value::Undefined),
            reactions: Slots::new(),
            is_handled: Cell::new(false),
        })),
    )
}

/// CreateResolvingFunctions ( promise ) — <https://tc39.es/ecma262/#sec-createresolvingfunctions>
pub(super) fn create_resolving_functions(
    agent: &mut Agent,
    promise: &Gc<JsObject>,
) -> (Value, Value) {
    // 1. Let alreadyResolved be the Record { [[Value]]: false }.
    let record = new_flag_record();
    let captures = vec![Value::Object(promise.clone()), Value::Object(record)];
    let resolve =
        agent.native_function_with("", 1, promise_resolve_function, false, captures.clone());
    let reject = agent.native_function_with("", 1, promise_reject_function, false, captures);
    (Value::Object(resolve), Value::Object(reject))
}

/// A Record { [[Value]]: false } that functions share.
pub(super) fn new_flag_record() -> Gc<JsObject> {
    JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(AlreadyResolved {
            value: Cell::new(false),
        })),
    )
}

/// Sets the record's [[Value]] to true: false when it already was.
pub(super) fn claim_flag(record: &Value) -> bool {
    let Value::Object(record) = record else {
        return false;
    };
    match record.data::<AlreadyResolved>() {
        Some(flag) if !flag.value.get() => {
            flag.value.set(true);
            true
        }
        _ => false,
    }
}

/// Takes the alreadyResolved flag: None when it was already set.
fn claim(args: &CallArgs) -> Option<Gc<JsObject>> {
    if !claim_flag(&args.capture(1)) {
        return None;
    }
    match args.capture(0) {
        Value::Object(p) => Some(p),
        _ => None,
    }
}

/// Promise Resolve Functions — <https://tc39.es/ecma262/#sec-promise-resolve-functions>
fn promise_resolve_function(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 5–7. If alreadyResolved.[[Value]] is true, return undefined; set it to true.
    if let Some(promise) = claim(args) {
        resolve_promise(agent, &promise, args.arg(0));
    }
    Ok(Value::Undefined)
}

/// Promise Reject Functions — <https://tc39.es/ecma262/#sec-promise-reject-functions>
fn promise_reject_function(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Some(promise) = claim(args) {
        reject_promise(agent, &promise, args.arg(0));
    }
    Ok(Value::Undefined)
}

/// The steps of a promise's resolve function after the alreadyResolved check (8–16).
pub fn resolve_promise(agent: &mut Agent, promise: &Gc<JsObject>, resolution: Value) {
    // 8. If SameValue(resolution, promise) is true, then reject with a TypeError.
    if let Value::Object(r) = &resolution {
        if Gc::ptr_eq(r, promise) {
            let error = agent.type_error("Chaining cycle detected for promise #<Promise>");
            reject_promise(agent, promise, *error.0);
            return;
        }
    }
    // 9. If resolution is not an Object, then FulfillPromise(promise, resolution).
    let Value::Object(thenable) = &resolution else {
        fulfill_promise(agent, promise, resolution);
        return;
    };
    // 10. Let then be Completion(Get(resolution, "then")).
    let then = match agent.get(thenable, &PropertyKey::from("then")) {
        Ok(t) => t,
        // 11. If then is an abrupt completion, then RejectPromise(promise, then.[[Value]]).
        Err(Throw(e)) => {
            reject_promise(agent, promise, *e);
            return;
        }
    };
    // 13. If IsCallable(thenAction) is false, then FulfillPromise(promise, resolution).
    if !agent.is_callable(&then) {
        fulfill_promise(agent, promise, resolution);
        return;
    }
    // 14–15. Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback);
    //        HostEnqueuePromiseJob(job).
    let (promise, thenable) = (promise.clone(), resolution.clone());
    agent.enqueue_promise_job(Box::new(move |agent: &mut Agent| {
        // NewPromiseResolveThenableJob: call then with fresh resolving functions.
        let (resolve, reject) = create_resolving_functions(agent, &promise);
        if let Err(Throw(e)) = agent.call(&then, &thenable, &[resolve, reject.clone()]) {
            agent.call(&reject, &Value::Undefined, &[*e])?;
        }
        Ok(())
    }));
}

/// FulfillPromise ( promise, value ) — <https://tc39.es/ecma262/#sec-fulfillpromise>
fn fulfill_promise(agent: &mut Agent, promise: &Gc<JsObject>, value: Value) {
    settle(agent, promise, PromiseState::Fulfilled, value);
}

/// RejectPromise ( promise, reason ) — <https://tc39.es/ecma262/#sec-rejectpromise>
pub fn reject_promise(agent: &mut Agent, promise: &Gc<JsObject>, reason: Value) {
    let data = promise_data(promise);
    if data.state.get() != PromiseState::Pending {
        return;
    }
    // 7. If promise.[[PromiseIsHandled]] is false, perform HostPromiseRejectionTracker(promise, "reject").
    if !data.is_handled.get() {
        agent.jobs.unhandled_rejections.push(promise.clone());
    }
    settle(agent, promise, PromiseState::Rejected, reason);
}

/// The shared steps of Fulfill/RejectPromise: record the result and
/// TriggerPromiseReactions ( reactions, argument ).
fn settle(agent: &mut Agent, promise: &Gc<JsObject>, state: PromiseState, value: Value) {
    let data = promise_data(promise);
    if data.state.get() != PromiseState::Pending {
        return;
    }
    let reactions = data.reactions.to_vec();
    data.reactions.truncate(0);
    data.result.set(value.clone());
    data.state.set(state);
    let fulfill = state == PromiseState::Fulfilled;
    for reaction in reactions {
        enqueue_reaction_job(agent, reaction, fulfill, value.clone());
    }
}

/// NewPromiseReactionJob ( reaction, argument ) — <https://tc39.es/ecma262/#sec-newpromisereactionjob>,
/// for the fulfil (`fulfill`) or the reject reaction of `reactions`.
fn enqueue_reaction_job(
    agent: &mut Agent,
    reactions: PromiseReaction,
    fulfill: bool,
    argument: Value,
) {
    agent.enqueue_promise_job(Box::new(move |agent: &mut Agent| {
        let PromiseReaction {
            capability,
            on_fulfilled,
            on_rejected,
        } = reactions;
        let handler = if fulfill { on_fulfilled } else { on_rejected };
        // c–f. The handler's result, or the argument passed on (fulfil) / thrown (reject).
        let result = match handler {
            ReactionHandler::Empty if fulfill => Ok(argument),
            ReactionHandler::Empty => Err(Throw::new(argument)),
            ReactionHandler::Callable(handler) => {
                agent.call(&handler, &Value::Undefined, &[argument])
            }
            // Await's continuation (see `perform_await_then`): entered as a
            // call of onFulfilled / onRejected would be (the same depth and
            // interrupt checks).
            ReactionHandler::Await(_) | ReactionHandler::ResumeStackless(_) => {
                if agent.enter_native_recursion().is_ok() {
                    let input = if fulfill {
                        Resume::Next(argument)
                    } else {
                        Resume::Throw(argument)
                    };
                    match handler {
                        ReactionHandler::ResumeStackless(state) => {
                            agent.resume_stackless(&state, input)
                        }
                        ReactionHandler::Await(state) => agent.resume_after_await(&state, input),
                        _ => {}
                    }
                    agent.leave_native_recursion();
                }
                return Ok(());
            }
            // A combinator's element function that was not made (see
            // `combinators::then_with_elements`): entered as its call would be.
            ReactionHandler::Element { state, index, role } => {
                agent.enter_native_recursion().and_then(|()| {
                    let result =
                        super::combinators::element_reaction(agent, &state, index, role, argument);
                    agent.leave_native_recursion();
                    result
                })
            }
        };
        // g. If promiseCapability is undefined, return empty.
        let Some(capability) = capability else {
            return Ok(());
        };
        // h–i. Resolve or reject the derived promise (directly, for a
        //      capability whose functions were never made: see
        //      `new_then_capability`).
        match (result, &capability.promise) {
            (Ok(v), Value::Object(promise)) if capability.resolve.is_undefined() => {
                resolve_promise(agent, promise, v)
            }
            (Err(Throw(e)), Value::Object(promise)) if capability.reject.is_undefined() => {
                reject_promise(agent, promise, *e)
            }
            (Ok(v), _) => {
                agent.call(&capability.resolve, &Value::Undefined, &[v])?;
            }
            (Err(Throw(e)), _) => {
                agent.call(&capability.reject, &Value::Undefined, &[*e])?;
            }
        };
        Ok(())
    }));
}

/// Whether `c` is the current realm's %Promise%.
fn is_intrinsic_promise(agent: &Agent, c: &Gc<JsObject>) -> bool {
    agent
        .intrinsics()
        .try_get("Promise")
        .is_some_and(|p| Gc::ptr_eq(&p, c))
}

/// NewPromiseCapability ( C ) for `then`'s derived promise. With %Promise%
/// itself, the capability's resolve and reject functions would reach no
/// code but the reaction job that settles the derived promise, which calls
/// one of them once: that job settles the promise directly instead (the
/// steps of the functions after their alreadyResolved check), and the two
/// function objects are not made. Their fields hold undefined, which no
/// capability NewPromiseCapability returns can hold (steps 7–8).
pub fn new_then_capability(agent: &mut Agent, c: &Gc<JsObject>) -> JsResult<PromiseCapability> {
    if is_intrinsic_promise(agent, c) {
        return Ok(PromiseCapability {
            promise: Value::Object(new_promise(agent)),
            resolve: Value::Undefined,
            reject: Value::Undefined,
        });
    }
    new_promise_capability(agent, &Value::Object(c.clone()))
}

/// NewPromiseCapability ( C ) — <https://tc39.es/ecma262/#sec-newpromisecapability>
pub fn new_promise_capability(agent: &mut Agent, c: &Value) -> JsResult<PromiseCapability> {
    // 1. If IsConstructor(C) is false, throw a TypeError exception.
    let Value::Object(ctor) = c else {
        return agent.throw_type_error("Promise resolve or reject function is not callable");
    };
    if !is_constructor(ctor) {
        let shown = agent.to_display_string(c);
        return agent.throw_type_error(format!("{shown} is not a constructor"));
    }
    // With %Promise% itself the executor dance is unobservable: make the
    // promise and its resolving functions directly.
    if is_intrinsic_promise(agent, ctor) {
        let promise = new_promise(agent);
        let (resolve, reject) = create_resolving_functions(agent, &promise);
        return Ok(PromiseCapability {
            promise: Value::Object(promise),
            resolve,
            reject,
        });
    }
    // 2–5. An executor that records the resolve and reject functions it gets.
    let record = JsObject::ordinary_create(None);
    let executor = agent.native_function_with(
        "",
        2,
        capability_executor,
        false,
        vec![Value::Object(record.clone())],
    );
    // 6. Let promise be ? Construct(C, « executor »).
    let promise = agent.construct(ctor, &[Value::Object(executor)], None)?;
    let resolve = record
        .get_own_data_value(&PropertyKey::from("resolve"))
        .unwrap_or(Value::Undefined);
    let reject = record
        .get_own_data_value(&PropertyKey::from("reject"))
        .unwrap_or(Value::Undefined);
    // 7–8. If IsCallable(resolve/reject) is false, throw a TypeError exception.
    if !agent.is_callable(&resolve) || !agent.is_callable(&reject) {
        return agent.throw_type_error("Promise resolve or reject function is not callable");
    }
    Ok(PromiseCapability {
        promise,
        resolve,
        reject,
    })
}

/// GetCapabilitiesExecutor Functions — <https://tc39.es/ecma262/#sec-getcapabilitiesexecutor-functions>
fn capability_executor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Object(record) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let defined = |name: &str| {
        record
            .get_own_data_value(&PropertyKey::from(name))
            .is_some_and(|v| !v.is_undefined())
    };
    // 4–5. If the resolve or reject slot is already set, throw a TypeError exception.
    if defined("resolve") || defined("reject") {
        return agent.throw_type_error(
            "Promise executor has already been invoked with non-undefined arguments",
        );
    }
    crate::interp::native::define_value(
        &record,
        "resolve",
        args.arg(0),
        crate::interp::property::Attributes::ALL,
    );
    crate::interp::native::define_value(
        &record,
        "reject",
        args.arg(1),
        crate::interp::property::Attributes::ALL,
    );
    Ok(Value::Undefined)
}

/// PromiseResolve ( C, x ) — <https://tc39.es/ecma262/#sec-promise-resolve>
pub fn promise_resolve(agent: &mut Agent, c: &Gc<JsObject>, x: Value) -> JsResult<Gc<JsObject>> {
    // 1. If IsPromise(x) is true, then
    if let Value::Object(xo) = &x {
        if xo.data::<PromiseData>().is_some() {
            // a. Let xConstructor be ? Get(x, "constructor").
            let x_ctor = agent.get(xo, &PropertyKey::from("constructor"))?;
            // b. If SameValue(xConstructor, C) is true, return x.
            if matches!(&x_ctor, Value::Object(xc) if Gc::ptr_eq(xc, c)) {
                return Ok(xo.clone());
            }
        }
    }
    // 2. Let promiseCapability be ? NewPromiseCapability(C).
    let capability = new_promise_capability(agent, &Value::Object(c.clone()))?;
    // 3. Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    agent.call(&capability.resolve, &Value::Undefined, &[x])?;
    // 4. Return promiseCapability.[[Promise]].
    match capability.promise {
        Value::Object(p) => Ok(p),
        _ => agent.throw_type_error("Promise capability is not an object"),
    }
}

/// PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] ) —
/// <https://tc39.es/ecma262/#sec-performpromisethen>
pub fn perform_promise_then(
    agent: &mut Agent,
    promise: &Gc<JsObject>,
    on_fulfilled: Value,
    on_rejected: Value,
    capability: Option<PromiseCapability>,
) -> Value {
    // 3–4. Non-callable handlers become empty.
    let handler = |agent: &Agent, h: Value| {
        if agent.is_callable(&h) {
            ReactionHandler::Callable(h)
        } else {
            ReactionHandler::Empty
        }
    };
    let on_fulfilled = handler(agent, on_fulfilled);
    let on_rejected = handler(agent, on_rejected);
    add_reactions(agent, promise, on_fulfilled, on_rejected, capability)
}

/// Await's PerformPromiseThen ( promise, onFulfilled, onRejected ).
///
/// Deviation: onFulfilled and onRejected are closures no code can see;
/// they are not made: both reactions' handler is the awaiting body's
/// state (`ReactionHandler::Await`, `ResumeStackless`), and the reaction job resumes
/// the body with the value or the reason.
pub(crate) fn perform_await_then(agent: &mut Agent, promise: &Gc<JsObject>, body: ReactionHandler) {
    add_reactions(agent, promise, body.clone(), body, None);
}

/// PerformPromiseThen steps 5–14, with the handlers settled on.
pub(super) fn add_reactions(
    agent: &mut Agent,
    promise: &Gc<JsObject>,
    on_fulfilled: ReactionHandler,
    on_rejected: ReactionHandler,
    capability: Option<PromiseCapability>,
) -> Value {
    let data = promise_data(promise);
    let result = capability
        .as_ref()
        .map(|c| c.promise.clone())
        .unwrap_or(Value::Undefined);
    // 5–6. The two PromiseReaction Records (one record here: they share
    //      the capability).
    let reactions = PromiseReaction {
        capability: capability.map(Box::new),
        on_fulfilled,
        on_rejected,
    };
    match data.state.get() {
        // 9. If promise.[[PromiseState]] is pending, append the reactions.
        PromiseState::Pending => data.reactions.push_small(reactions),
        // 10. Else if fulfilled, enqueue a fulfil job with the value.
        PromiseState::Fulfilled => {
            let value = data.result.get();
            enqueue_reaction_job(agent, reactions, true, value);
        }
        // 11. Else (rejected): HostPromiseRejectionTracker(promise, "handle") if unhandled; enqueue.
        PromiseState::Rejected => {
            let reason = data.result.get();
            if !data.is_handled.get() {
                agent
                    .jobs
                    .unhandled_rejections
                    .retain(|p| !Gc::ptr_eq(p, promise));
            }
            enqueue_reaction_job(agent, reactions, false, reason);
        }
    }
    // 12. Set promise.[[PromiseIsHandled]] to true.
    data.is_handled.set(true);
    // 13–14. Return resultCapability's promise (undefined without one).
    result
}

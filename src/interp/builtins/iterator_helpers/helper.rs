//! The lazy iterator helpers (§27.1.3.2: map, filter, take, drop, flatMap)
//! and %IteratorHelperPrototype% (§27.1.2.1). The spec writes each helper
//! as an Abstract Closure that yields, run by CreateIteratorFromClosure;
//! here each helper object keeps the closure's state (its kind, counter,
//! remaining count, inner iterator) and `next` runs it to its next Yield.

use std::cell::Cell;

use gc::{Finalize, Gc, GcCell, Trace};

use super::constructor::get_iterator_flattenable;
use super::{get_iterator_direct, iterator_step, require_callable, this_object};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::value::Value;

/// Which helper's closure a helper object runs.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Kind {
    Map,
    Filter,
    Take,
    Drop,
    FlatMap,
}

/// [[GeneratorState]] of an iterator helper.
#[derive(Copy, Clone, PartialEq, Eq)]
enum State {
    SuspendedStart,
    SuspendedYield,
    Executing,
    Completed,
}

/// An iterator helper object: [[UnderlyingIterator]], [[GeneratorState]]
/// and the state its closure keeps between yields.
#[derive(Trace, Finalize)]
struct IteratorHelper {
    #[unsafe_ignore_trace]
    kind: Kind,
    #[unsafe_ignore_trace]
    state: Cell<State>,
    /// [[UnderlyingIterator]]: [[Iterator]] and [[NextMethod]].
    iterator: Value,
    next_method: Value,
    /// The mapper or predicate (map, filter, flatMap).
    function: Value,
    /// counter (map, filter, flatMap).
    #[unsafe_ignore_trace]
    counter: Cell<f64>,
    /// remaining (take, drop; +∞ for no limit).
    #[unsafe_ignore_trace]
    remaining: Cell<f64>,
    /// flatMap's innerIterator while innerAlive.
    inner: GcCell<Option<(Value, Value)>>,
}

impl ObjectData for IteratorHelper {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Iterator Helper"
    }
}

impl IteratorHelper {
    fn underlying(&self) -> IteratorRecord {
        IteratorRecord {
            iterator: self.iterator.clone(),
            next_method: self.next_method.clone(),
            done: false,
        }
    }
}

/// What one run of a helper's closure ended with.
enum Step {
    /// Yield(value).
    Yield(Value),
    /// The closure returned: the helper is done.
    Return,
}

/// The helper's closure, from where it stopped to its next Yield or return.
fn run_closure(agent: &mut Agent, h: &IteratorHelper) -> JsResult<Step> {
    let mut iterated = h.underlying();
    match h.kind {
        Kind::Map => {
            // b.i. Let value be ? IteratorStepValue(iterated).
            // b.ii. If value is done, return ReturnCompletion(undefined).
            let Some(value) = agent.iterator_step_value(&mut iterated)? else {
                return Ok(Step::Return);
            };
            // b.iii. Let mapped be Completion(Call(mapper, undefined, « value, 𝔽(counter) »)).
            let counter = Value::Number(h.counter.get());
            let mapped = agent.call(&h.function, &Value::Undefined, &[value, counter]);
            // b.iv. IfAbruptCloseIterator(mapped, iterated).
            let mapped = mapped.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
            // b.vii. Set counter to counter + 1.
            h.counter.set(h.counter.get() + 1.0);
            // b.v. Let completion be Completion(Yield(mapped)).
            Ok(Step::Yield(mapped))
        }
        Kind::Filter => loop {
            // b.i–ii. Let value be ? IteratorStepValue(iterated); done: return.
            let Some(value) = agent.iterator_step_value(&mut iterated)? else {
                return Ok(Step::Return);
            };
            // b.iii. Let selected be Completion(Call(predicate, undefined, « value, 𝔽(counter) »)).
            let counter = Value::Number(h.counter.get());
            let selected = agent.call(&h.function, &Value::Undefined, &[value.clone(), counter]);
            // b.iv. IfAbruptCloseIterator(selected, iterated).
            let selected = selected.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
            // b.vi. Set counter to counter + 1.
            h.counter.set(h.counter.get() + 1.0);
            // b.v. If ToBoolean(selected) is true, then Yield(value).
            if to_boolean(&selected) {
                return Ok(Step::Yield(value));
            }
        },
        Kind::Take => {
            let remaining = h.remaining.get();
            // b.i. If remaining = 0, then return ? IteratorClose(iterated, ReturnCompletion(undefined)).
            if remaining == 0.0 {
                agent.iterator_close(&iterated, Ok(()))?;
                return Ok(Step::Return);
            }
            // b.ii. If remaining ≠ +∞, set remaining to remaining - 1.
            if remaining != f64::INFINITY {
                h.remaining.set(remaining - 1.0);
            }
            // b.iii–iv. Let value be ? IteratorStepValue(iterated); done: return.
            match agent.iterator_step_value(&mut iterated)? {
                // b.v. Let completion be Completion(Yield(value)).
                Some(value) => Ok(Step::Yield(value)),
                None => Ok(Step::Return),
            }
        }
        Kind::Drop => {
            // b. Repeat, while remaining > 0,
            while h.remaining.get() > 0.0 {
                // i. If remaining ≠ +∞, set remaining to remaining - 1.
                if h.remaining.get() != f64::INFINITY {
                    h.remaining.set(h.remaining.get() - 1.0);
                }
                // ii. Let next be ? IteratorStep(iterated).
                // iii. If next is done, return ReturnCompletion(undefined).
                if !iterator_step(agent, &mut iterated)? {
                    return Ok(Step::Return);
                }
            }
            // c. Repeat: Let value be ? IteratorStepValue(iterated); done: return; Yield(value).
            match agent.iterator_step_value(&mut iterated)? {
                Some(value) => Ok(Step::Yield(value)),
                None => Ok(Step::Return),
            }
        }
        Kind::FlatMap => loop {
            let inner = h.inner.borrow().clone();
            if let Some((iterator, next_method)) = inner {
                // b.viii. Repeat, while innerAlive is true,
                let mut inner_record = IteratorRecord {
                    iterator,
                    next_method,
                    done: false,
                };
                // 1. Let innerValue be Completion(IteratorStepValue(innerIterator)).
                let inner_value = agent.iterator_step_value(&mut inner_record);
                // 2. IfAbruptCloseIterator(innerValue, iterated).
                match inner_value.map_err(|e| agent.iterator_close_with_error(&iterated, e))? {
                    // 4. Else, Yield(innerValue).
                    Some(value) => return Ok(Step::Yield(value)),
                    // 3. If innerValue is done, set innerAlive to false.
                    None => {
                        *h.inner.borrow_mut() = None;
                        // b.ix. Set counter to counter + 1.
                        h.counter.set(h.counter.get() + 1.0);
                        continue;
                    }
                }
            }
            // b.i–ii. Let value be ? IteratorStepValue(iterated); done: return.
            let Some(value) = agent.iterator_step_value(&mut iterated)? else {
                return Ok(Step::Return);
            };
            // b.iii. Let mapped be Completion(Call(mapper, undefined, « value, 𝔽(counter) »)).
            let counter = Value::Number(h.counter.get());
            let mapped = agent.call(&h.function, &Value::Undefined, &[value, counter]);
            // b.iv. IfAbruptCloseIterator(mapped, iterated).
            let mapped = mapped.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
            // b.v. Let innerIterator be Completion(GetIteratorFlattenable(mapped, reject-primitives)).
            let inner =
                get_iterator_flattenable(agent, &mapped, false, "Iterator.prototype.flatMap");
            // b.vi. IfAbruptCloseIterator(innerIterator, iterated).
            let inner = inner.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
            // b.vii. Let innerAlive be true.
            *h.inner.borrow_mut() = Some((inner.iterator, inner.next_method));
        },
    }
}

/// RequireInternalSlot(O, [[UnderlyingIterator]]) and GeneratorValidate's
/// check that the helper is not running.
fn this_helper(agent: &mut Agent, this: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    let helper = match this {
        Value::Object(o) if o.data::<IteratorHelper>().is_some() => o.clone(),
        _ => {
            let shown = agent.to_display_string(this);
            return agent.throw_type_error(format!(
                "Method Iterator Helper.prototype.{method} called on incompatible receiver {shown}"
            ));
        }
    };
    let state = helper
        .data::<IteratorHelper>()
        .expect("checked")
        .state
        .get();
    if state == State::Executing {
        return agent.throw_type_error("Generator is already running");
    }
    Ok(helper)
}

/// %IteratorHelperPrototype%.next ( ): GeneratorResume(this value, undefined, "Iterator Helper").
fn helper_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let helper = this_helper(agent, args.this, "next")?;
    let h = helper.data::<IteratorHelper>().expect("checked");
    if h.state.get() == State::Completed {
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    }
    h.state.set(State::Executing);
    let step = run_closure(agent, h);
    match step {
        Ok(Step::Yield(value)) => {
            h.state.set(State::SuspendedYield);
            Ok(agent.create_iter_result_object(value, false))
        }
        Ok(Step::Return) => {
            h.state.set(State::Completed);
            Ok(agent.create_iter_result_object(Value::Undefined, true))
        }
        Err(e) => {
            h.state.set(State::Completed);
            Err(e)
        }
    }
}

/// %IteratorHelperPrototype%.return ( ) —
/// <https://tc39.es/ecma262/#sec-%iteratorhelperprototype%.return>
fn helper_return(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let O be this value; RequireInternalSlot(O, [[UnderlyingIterator]]).
    let helper = this_helper(agent, args.this, "return")?;
    let h = helper.data::<IteratorHelper>().expect("checked");
    let underlying = h.underlying();
    match h.state.get() {
        // 4. If O.[[GeneratorState]] is suspended-start, then
        State::SuspendedStart => {
            // a. Set O.[[GeneratorState]] to completed.
            h.state.set(State::Completed);
            // c. Perform ? IteratorClose(O.[[UnderlyingIterator]], NormalCompletion(unused)).
            agent.iterator_close(&underlying, Ok(()))?;
        }
        // GeneratorResumeAbrupt of a completed generator: the return value.
        State::Completed => {}
        // 5–6. GeneratorResumeAbrupt(O, ReturnCompletion(undefined)): the
        //      closure's Yield returns the completion, and its
        //      IfAbruptCloseIterator closes the iterators.
        _ => {
            h.state.set(State::Executing);
            let inner = h.inner.borrow_mut().take();
            let closed = match inner {
                // flatMap inside an inner iterator: close it first, then the
                // outer one with the same completion.
                Some((iterator, next_method)) => {
                    let inner = IteratorRecord {
                        iterator,
                        next_method,
                        done: false,
                    };
                    match agent.iterator_close(&inner, Ok(())) {
                        Ok(()) => agent.iterator_close(&underlying, Ok(())),
                        Err(e) => Err(agent.iterator_close_with_error(&underlying, e)),
                    }
                }
                None => agent.iterator_close(&underlying, Ok(())),
            };
            h.state.set(State::Completed);
            closed?;
        }
    }
    Ok(agent.create_iter_result_object(Value::Undefined, true))
}

/// CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%)
/// with [[UnderlyingIterator]] set to `iterated`.
fn create_helper(
    agent: &mut Agent,
    kind: Kind,
    iterated: IteratorRecord,
    function: Value,
    remaining: f64,
) -> Value {
    let proto = agent.intrinsics().get("IteratorHelperPrototype");
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(IteratorHelper {
            kind,
            state: Cell::new(State::SuspendedStart),
            iterator: iterated.iterator,
            next_method: iterated.next_method,
            function,
            counter: Cell::new(0.0),
            remaining: Cell::new(remaining),
            inner: GcCell::new(None),
        })),
    ))
}

/// map, filter and flatMap: the receiver, the callable check (closing the
/// receiver on failure), GetIteratorDirect, and the helper.
fn callback_helper(
    agent: &mut Agent,
    args: &CallArgs,
    kind: Kind,
    method: &str,
) -> JsResult<Value> {
    // 1–2. Let O be the this value; if O is not an Object, throw a TypeError.
    let o = this_object(agent, args.this, method)?;
    // 3. Let iterated be the Iterator Record { [[Iterator]]: O, [[NextMethod]]: undefined, … }.
    // 4. If IsCallable(mapper) is false, then return ? IteratorClose(iterated, TypeError).
    let function = args.arg(0);
    require_callable(agent, &o, &function, method)?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &o)?;
    // 6–9. The closure, and CreateIteratorFromClosure.
    Ok(create_helper(agent, kind, iterated, function, 0.0))
}

/// Iterator.prototype.map ( mapper ) — <https://tc39.es/ecma262/#sec-iterator.prototype.map>
fn map(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    callback_helper(agent, args, Kind::Map, "map")
}

/// Iterator.prototype.filter ( predicate ) — <https://tc39.es/ecma262/#sec-iterator.prototype.filter>
fn filter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    callback_helper(agent, args, Kind::Filter, "filter")
}

/// Iterator.prototype.flatMap ( mapper ) — <https://tc39.es/ecma262/#sec-iterator.prototype.flatmap>
fn flat_map(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    callback_helper(agent, args, Kind::FlatMap, "flatMap")
}

/// take and drop: the receiver, the limit (ToNumber, not NaN, not
/// negative; closing the receiver on failure), GetIteratorDirect, and the helper.
fn limit_helper(agent: &mut Agent, args: &CallArgs, kind: Kind, method: &str) -> JsResult<Value> {
    // 1–2. Let O be the this value; if O is not an Object, throw a TypeError.
    let o = this_object(agent, args.this, method)?;
    // 4. Let numLimit be Completion(ToNumber(limit)).
    // 5. IfAbruptCloseIterator(numLimit, iterated).
    let limit = args.arg(0);
    let num_limit = agent
        .to_number(&limit)
        .map_err(|e| super::close_receiver_with(agent, &o, e))?;
    // 6. If numLimit is NaN, then throw a RangeError (closing the receiver).
    // 7. Let integerLimit be ! ToIntegerOrInfinity(numLimit).
    // 8. If integerLimit < 0, then throw a RangeError (closing the receiver).
    let integer_limit = if num_limit.is_nan() {
        f64::NAN
    } else {
        num_limit.trunc()
    };
    // (A finite limit above 2^53 - 1 is a RangeError too, as test262 has it.)
    let too_large = integer_limit.is_finite() && integer_limit > 9007199254740991.0;
    if integer_limit.is_nan() || integer_limit < 0.0 || too_large {
        let shown = agent.to_display_string(&limit);
        let error: Throw = agent.range_error(format!("{shown} must be positive"));
        return Err(super::close_receiver_with(agent, &o, error));
    }
    // 9. Set iterated to ? GetIteratorDirect(O).
    let iterated = get_iterator_direct(agent, &o)?;
    // 10–12. The closure, and CreateIteratorFromClosure.
    Ok(create_helper(
        agent,
        kind,
        iterated,
        Value::Undefined,
        integer_limit + 0.0,
    ))
}

/// Iterator.prototype.take ( limit ) — <https://tc39.es/ecma262/#sec-iterator.prototype.take>
fn take(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    limit_helper(agent, args, Kind::Take, "take")
}

/// Iterator.prototype.drop ( limit ) — <https://tc39.es/ecma262/#sec-iterator.prototype.drop>
fn drop(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    limit_helper(agent, args, Kind::Drop, "drop")
}

pub(super) fn install(agent: &mut Agent, iterator_prototype: &Gc<JsObject>) {
    agent.define_method(iterator_prototype, "map", 1, map);
    agent.define_method(iterator_prototype, "filter", 1, filter);
    agent.define_method(iterator_prototype, "take", 1, take);
    agent.define_method(iterator_prototype, "drop", 1, drop);
    agent.define_method(iterator_prototype, "flatMap", 1, flat_map);
    let proto = JsObject::ordinary_create(Some(iterator_prototype.clone()));
    agent.define_method(&proto, "next", 0, helper_next);
    agent.define_method(&proto, "return", 0, helper_return);
    agent.define_to_string_tag(&proto, "Iterator Helper");
    agent
        .intrinsics()
        .register("IteratorHelperPrototype", proto);
}

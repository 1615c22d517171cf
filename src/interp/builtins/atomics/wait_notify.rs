//! Atomics.wait, Atomics.waitAsync and Atomics.notify (ECMA-262
//! §25.4.3.14 DoWait, §25.4.12, §25.4.13, §25.4.15) for one agent.
//!
//! vmjs runs a single agent whose [[CanBlock]] is false, so the
//! synchronous wait throws (AgentCanSuspend() is false). Async waiters
//! live in the waiter lists kept here (one list per buffer block and byte
//! index, in arrival order); Atomics.notify resolves their promises with
//! "ok", and a timer resolves one with "timed-out" when its timeout ends.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use gc::{Finalize, Gc, Trace};

use super::validation::{data, validate_atomic_access, validate_integer_typed_array};
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::ByteStore;
use crate::interp::builtins::promise::new_promise_capability;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::jobs::Timer;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::Attributes;
use crate::interp::slots::Slots;
use crate::interp::value::Value;

/// Whether the agent may suspend (the agent record's [[CanBlock]]).
const CAN_BLOCK: bool = false;

/// One async waiter: the block and byte index it waits on, its timer (if
/// the timeout is finite) and an id naming it.
struct Waiter {
    id: u64,
    block: Rc<ByteStore>,
    byte_index: usize,
    timer: Option<u32>,
}

/// The waiter lists of the agent cluster, with each waiter's resolve
/// function (a waiter record's [[PromiseCapability]]) at the same index.
#[derive(Trace, Finalize)]
struct WaiterLists {
    #[unsafe_ignore_trace]
    waiters: RefCell<Vec<Waiter>>,
    resolves: Slots<Value>,
    #[unsafe_ignore_trace]
    next_id: std::cell::Cell<u64>,
}

impl ObjectData for WaiterLists {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "WaiterLists"
    }
}

impl WaiterLists {
    /// Removes the waiter at `position`, with its resolve function.
    fn remove(&self, position: usize) -> (Waiter, Value) {
        let waiter = self.waiters.borrow_mut().remove(position);
        let resolve = self
            .resolves
            .remove(position)
            .expect("a resolve function per waiter");
        (waiter, resolve)
    }
}

fn waiter_lists(agent: &mut Agent) -> Gc<JsObject> {
    agent.intrinsics().get("Atomics waiter lists")
}

fn lists(o: &Gc<JsObject>) -> &WaiterLists {
    o.data::<WaiterLists>().expect("the waiter lists object")
}

/// Which of Atomics.wait and Atomics.waitAsync is waiting.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Mode {
    Sync,
    Async,
}

/// DoWait ( mode, typedArray, index, value, timeout ) —
/// <https://tc39.es/ecma262/#sec-dowait>
fn do_wait(agent: &mut Agent, mode: Mode, args: &CallArgs) -> JsResult<Value> {
    let method = if mode == Mode::Sync {
        "Atomics.wait"
    } else {
        "Atomics.waitAsync"
    };
    let typed_array = args.arg(0);
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let record = validate_integer_typed_array(agent, &typed_array, true, method)?;
    // 2–3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
    let block = data(&record.object).store.clone();
    if !block.shared {
        let name = data(&record.object).element.constructor_name();
        return agent.throw_type_error(format!("[object {name}] is not a shared typed array."));
    }
    // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
    let byte_index = validate_atomic_access(agent, &record, &args.arg(1))?;
    // 6–7. Let v be ? ToBigInt64(value) or ? ToInt32(value).
    let element = data(&record.object).element;
    let v: i64 = if element == ElementType::BigInt64 {
        agent.to_bigint64(&args.arg(2))?
    } else {
        i64::from(agent.to_int32(&args.arg(2))?)
    };
    // 8. Let q be ? ToNumber(timeout).
    let q = agent.to_number(&args.arg(3))?;
    // 9. If q is NaN or +∞𝔽, let t be +∞; else if q is -∞𝔽, let t be 0;
    //    else let t be max(ℝ(q), 0).
    let t = if q.is_nan() || q == f64::INFINITY {
        f64::INFINITY
    } else {
        q.max(0.0)
    };
    // 10. If mode is sync and AgentCanSuspend() is false, throw a TypeError exception.
    if mode == Mode::Sync && !CAN_BLOCK {
        return agent.throw_type_error("Atomics.wait cannot be called in this context");
    }
    // 16. (async) Let promiseCapability be ! NewPromiseCapability(%Promise%);
    //     let resultObject be OrdinaryObjectCreate(%Object.prototype%).
    let result_object =
        JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    // 19. Let w be GetValueFromBuffer(buffer, byteIndexInBuffer, Int32 or BigInt64, true, seq-cst).
    let w: i64 = block.with_bytes(|b| {
        let mut raw = [0u8; 8];
        let size = element.size();
        raw[..size].copy_from_slice(&b[byte_index..byte_index + size]);
        if size == 8 {
            i64::from_le_bytes(raw)
        } else {
            i64::from(i32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]))
        }
    });
    // 20. If v ≠ w: resultObject is { async: false, value: "not-equal" }.
    // 21. If t = 0 and mode is async: resultObject is { async: false, value: "timed-out" }.
    let immediate = if v != w {
        Some("not-equal")
    } else if t == 0.0 {
        Some("timed-out")
    } else {
        None
    };
    if let Some(outcome) = immediate {
        define_value(&result_object, "async", Value::Bool(false), Attributes::ALL);
        define_value(
            &result_object,
            "value",
            Value::from(outcome),
            Attributes::ALL,
        );
        return Ok(Value::Object(result_object));
    }
    let promise_ctor = Value::Object(agent.intrinsics().get("Promise"));
    let capability = new_promise_capability(agent, &promise_ctor)?;
    // 22–25. Add a waiter record to WL; (async, finite t) its timeout job
    //        resolves the promise with "timed-out" after t milliseconds.
    let holder = waiter_lists(agent);
    let registry = lists(&holder);
    let id = registry.next_id.get();
    registry.next_id.set(id + 1);
    let timer = t.is_finite().then(|| {
        let on_timeout = agent.native_function_with(
            "",
            0,
            trigger_timeout,
            false,
            vec![Value::Number(id as f64)],
        );
        agent.jobs.next_timer_id += 1;
        agent.jobs.timer_sequence += 1;
        let timer_id = agent.jobs.next_timer_id;
        agent.jobs.timers.push(Timer {
            id: timer_id,
            due: Instant::now() + Duration::from_secs_f64(t.min(1e12) / 1000.0),
            sequence: agent.jobs.timer_sequence,
            callback: Value::Object(on_timeout),
            args: Vec::new(),
            repeat: None,
        });
        timer_id
    });
    registry.waiters.borrow_mut().push(Waiter {
        id,
        block,
        byte_index,
        timer,
    });
    registry.resolves.push(capability.resolve);
    // 29. Perform ! CreateDataPropertyOrThrow(resultObject, "async", true).
    // 30. Perform ! CreateDataPropertyOrThrow(resultObject, "value", promiseCapability.[[Promise]]).
    define_value(&result_object, "async", Value::Bool(true), Attributes::ALL);
    define_value(&result_object, "value", capability.promise, Attributes::ALL);
    Ok(Value::Object(result_object))
}

/// TriggerTimeout ( WL, waiterRecord ) — <https://tc39.es/ecma262/#sec-triggertimeout>:
/// a waiter still in its list leaves it and its promise gets "timed-out".
fn trigger_timeout(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Number(id) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let holder = waiter_lists(agent);
    let registry = lists(&holder);
    let position = registry
        .waiters
        .borrow()
        .iter()
        .position(|w| w.id == id as u64);
    if let Some(position) = position {
        let (_, resolve) = registry.remove(position);
        agent.call(&resolve, &Value::Undefined, &[Value::from("timed-out")])?;
    }
    Ok(Value::Undefined)
}

/// Atomics.wait ( typedArray, index, value, timeout )
fn wait(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Return ? DoWait(sync, typedArray, index, value, timeout).
    do_wait(agent, Mode::Sync, args)
}

/// Atomics.waitAsync ( typedArray, index, value, timeout )
fn wait_async(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Return ? DoWait(async, typedArray, index, value, timeout).
    do_wait(agent, Mode::Async, args)
}

/// Atomics.notify ( typedArray, index, count ) — <https://tc39.es/ecma262/#sec-atomics.notify>
fn notify(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
    let record = validate_integer_typed_array(agent, &args.arg(0), true, "Atomics.notify")?;
    // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
    let byte_index = validate_atomic_access(agent, &record, &args.arg(1))?;
    // 3. If count is undefined, let c be +∞.
    // 4. Else, let intCount be ? ToIntegerOrInfinity(count); let c be max(intCount, 0).
    let c = match args.arg(2) {
        Value::Undefined => f64::INFINITY,
        count => agent.to_integer_or_infinity(&count)?.max(0.0),
    };
    // 7. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
    let block = data(&record.object).store.clone();
    if !block.shared {
        return Ok(Value::Number(0.0));
    }
    // 10–11. Remove up to c waiters of WL, first come first; notify each.
    let holder = waiter_lists(agent);
    let registry = lists(&holder);
    let mut n = 0usize;
    while (n as f64) < c {
        let position = registry
            .waiters
            .borrow()
            .iter()
            .position(|w| Rc::ptr_eq(&w.block, &block) && w.byte_index == byte_index);
        let Some(position) = position else {
            break;
        };
        let (waiter, resolve) = registry.remove(position);
        if let Some(timer) = waiter.timer {
            agent.jobs.timers.retain(|t| t.id != timer);
        }
        // NotifyWaiter: EnqueueResolveInAgentJob(agentSignifier, promiseCapability, "ok").
        agent.enqueue_promise_job(Box::new(move |agent: &mut Agent| {
            agent.call(&resolve, &Value::Undefined, &[Value::from("ok")])?;
            Ok(())
        }));
        n += 1;
    }
    // 13. Return 𝔽(n).
    Ok(Value::Number(n as f64))
}

pub(super) fn install(agent: &mut Agent, atomics: &Gc<JsObject>) {
    agent.define_method(atomics, "wait", 4, wait);
    agent.define_method(atomics, "waitAsync", 4, wait_async);
    agent.define_method(atomics, "notify", 3, notify);
    let registry = JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(WaiterLists {
            waiters: RefCell::new(Vec::new()),
            resolves: Slots::new(),
            next_id: std::cell::Cell::new(0),
        })),
    );
    agent
        .intrinsics()
        .register("Atomics waiter lists", registry);
}

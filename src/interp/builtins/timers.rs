//! Node's timer globals: setTimeout, setInterval, setImmediate, their
//! clear functions, and queueMicrotask. Timers wait in `Agent::jobs`; the
//! event loop (the CLI's run loop) runs the one due first, then the
//! microtasks it queued.

use std::time::{Duration, Instant};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::jobs::Timer;
use crate::interp::value::Value;

/// Node's ERR_INVALID_ARG_TYPE for a callback that is not a function.
fn require_callback(agent: &mut Agent, v: &Value) -> JsResult<()> {
    if agent.is_callable(v) {
        return Ok(());
    }
    let received = match v {
        Value::Undefined => "undefined".to_string(),
        Value::Null => "null".to_string(),
        Value::String(s) => format!("type string ('{}')", s.to_rust_string()),
        Value::Number(n) => format!(
            "type number ({})",
            crate::interp::number::number_to_string(*n)
        ),
        Value::Bool(b) => format!("type boolean ({b})"),
        Value::Symbol(_) => "type symbol".to_string(),
        Value::BigInt(b) => format!("type bigint ({}n)", b.to_string_radix(10)),
        Value::Object(_) => "an instance of Object".to_string(),
    };
    let error = agent.type_error(format!(
        "The \"callback\" argument must be of type function. Received {received}"
    ));
    if let Value::Object(e) = &*error.0 {
        crate::interp::native::define_value(
            e,
            "code",
            Value::from("ERR_INVALID_ARG_TYPE"),
            crate::interp::property::Attributes::METHOD,
        );
    }
    Err(error)
}

fn add_timer(agent: &mut Agent, args: &CallArgs, repeat: bool, immediate: bool) -> JsResult<Value> {
    let callback = args.arg(0);
    require_callback(agent, &callback)?;
    // Node clamps delays below 1 ms (and non-numbers) to 1 ms.
    let delay = if immediate {
        0.0
    } else {
        let d = agent.to_number(&args.arg(1))?;
        if d.is_nan() || !(1.0..=2147483647.0).contains(&d) {
            1.0
        } else {
            d.trunc()
        }
    };
    let period = Duration::from_micros((delay * 1000.0) as u64);
    let extra = if immediate {
        args.args.get(1..)
    } else {
        args.args.get(2..)
    };
    agent.jobs.next_timer_id += 1;
    agent.jobs.timer_sequence += 1;
    let id = agent.jobs.next_timer_id;
    let timer = Timer {
        id,
        due: Instant::now() + period,
        sequence: agent.jobs.timer_sequence,
        callback,
        args: extra.unwrap_or(&[]).to_vec(),
        repeat: repeat.then_some(period),
    };
    agent.jobs.timers.push(timer);
    Ok(Value::Number(f64::from(id)))
}

fn set_timeout(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    add_timer(agent, args, false, false)
}

fn set_interval(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    add_timer(agent, args, true, false)
}

fn set_immediate(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    add_timer(agent, args, false, true)
}

fn clear_timer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Number(n) = args.arg(0) {
        let id = n as u32;
        agent.jobs.timers.retain(|t| t.id != id);
    }
    Ok(Value::Undefined)
}

/// queueMicrotask ( callback ): a job in the same queue as promise jobs.
fn queue_microtask(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let callback = args.arg(0);
    require_callback(agent, &callback)?;
    agent.enqueue_promise_job(Box::new(move |agent: &mut Agent| {
        agent.call(&callback, &Value::Undefined, &[])?;
        Ok(())
    }));
    Ok(Value::Undefined)
}

pub fn install(agent: &mut Agent) {
    let global = agent.global_object();
    agent.define_method(&global, "setTimeout", 2, set_timeout);
    agent.define_method(&global, "setInterval", 2, set_interval);
    agent.define_method(&global, "setImmediate", 1, set_immediate);
    agent.define_method(&global, "clearTimeout", 1, clear_timer);
    agent.define_method(&global, "clearInterval", 1, clear_timer);
    agent.define_method(&global, "clearImmediate", 1, clear_timer);
    agent.define_method(&global, "queueMicrotask", 1, queue_microtask);
}

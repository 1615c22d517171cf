//! The console methods (Node's `consoleMethods`, lib/internal/console/constructor.js).

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::inspect::{inspect, InspectOptions};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::value::Value;

use super::format::{format_args, string_of};
use super::state::{emit_warning, with_state, write_line, Stream, GROUP_INDENTATION};
use super::timing::format_time;

/// `console.log(...data)` (also `info`, `debug`, `dirxml`): stdout.
pub fn log(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let text = format_args(agent, args.args)?;
    write_line(agent, args, Stream::Stdout, &text);
    Ok(Value::Undefined)
}

/// `console.warn(...data)` (also `error`): stderr.
pub fn warn(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let text = format_args(agent, args.args)?;
    write_line(agent, args, Stream::Stderr, &text);
    Ok(Value::Undefined)
}

/// `console.dir(object, options)`: `inspect` without custom inspectors.
pub fn dir(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let mut opts = InspectOptions {
        custom_inspect: false,
        ..InspectOptions::default()
    };
    if let Value::Object(options) = args.arg(1) {
        opts.apply_object(agent, &options)?;
    }
    let text = inspect(agent, &args.arg(0), &opts)?;
    write_line(agent, args, Stream::Stdout, &text);
    Ok(Value::Undefined)
}

/// `console.trace(...data)`: `Trace: message` and the stack, on stderr.
pub fn trace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let message = format_args(agent, args.args)?;
    let mut text = if message.is_empty() {
        "Trace".to_string()
    } else {
        format!("Trace: {message}")
    };
    for line in agent.stack_trace_lines() {
        text.push('\n');
        text.push_str(&line);
    }
    write_line(agent, args, Stream::Stderr, &text);
    Ok(Value::Undefined)
}

/// `console.assert(expression, ...data)`: `Assertion failed[: data]` on stderr.
pub fn assert(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if to_boolean(&args.arg(0)) {
        return Ok(Value::Undefined);
    }
    let mut rest: Vec<Value> = args.args.iter().skip(1).cloned().collect();
    if rest.is_empty() {
        rest.push(Value::from("Assertion failed"));
    } else {
        let first = agent.to_string(&rest[0])?.to_rust_string();
        rest[0] = Value::from(format!("Assertion failed: {first}").as_str());
    }
    let text = format_args(agent, &rest)?;
    write_line(agent, args, Stream::Stderr, &text);
    Ok(Value::Undefined)
}

/// A label argument: `${label}`, `default` when absent.
fn label(agent: &mut Agent, v: &Value) -> JsResult<String> {
    match v {
        Value::Undefined => Ok("default".into()),
        v => Ok(agent.to_string(v)?.to_rust_string()),
    }
}

/// `console.count(label)`: `label: n`.
pub fn count(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let label = label(agent, &args.arg(0))?;
    let n = with_state(args, |s| {
        let mut counts = s.counts.borrow_mut();
        let n = counts.entry(label.clone()).or_insert(0);
        *n += 1;
        *n
    })
    .unwrap_or(1);
    write_line(agent, args, Stream::Stdout, &format!("{label}: {n}"));
    Ok(Value::Undefined)
}

/// `console.countReset(label)`.
pub fn count_reset(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // Node looks the label up before converting it: only strings (and the
    // default) can match.
    let label = match args.arg(0) {
        Value::Undefined => "default".to_string(),
        Value::String(s) => s.to_rust_string(),
        other => {
            let shown = string_of(agent, &other)?;
            emit_warning(agent, &format!("Count for '{shown}' does not exist"));
            return Ok(Value::Undefined);
        }
    };
    let found =
        with_state(args, |s| s.counts.borrow_mut().remove(&label).is_some()).unwrap_or(false);
    if !found {
        emit_warning(agent, &format!("Count for '{label}' does not exist"));
    }
    Ok(Value::Undefined)
}

/// `console.group(...data)` (also `groupCollapsed`).
pub fn group(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if !args.args.is_empty() {
        log(agent, args)?;
    }
    with_state(args, |s| {
        s.group_indent
            .borrow_mut()
            .push_str(&" ".repeat(GROUP_INDENTATION))
    });
    Ok(Value::Undefined)
}

/// `console.groupEnd()`.
pub fn group_end(_agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    with_state(args, |s| {
        let mut indent = s.group_indent.borrow_mut();
        let keep = indent.len().saturating_sub(GROUP_INDENTATION);
        indent.truncate(keep);
    });
    Ok(Value::Undefined)
}

/// `console.time(label)`.
pub fn time(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let label = label(agent, &args.arg(0))?;
    let started = with_state(args, |s| {
        let mut timers = s.timers.borrow_mut();
        if timers.contains_key(&label) {
            return false;
        }
        timers.insert(label.clone(), std::time::Instant::now());
        true
    })
    .unwrap_or(true);
    if !started {
        emit_warning(
            agent,
            &format!("Label '{label}' already exists for console.time()"),
        );
    }
    Ok(Value::Undefined)
}

/// Node's `timeLogImpl`: `label: duration` and any extra data; false when
/// there is no such timer.
fn time_log_impl(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
    label: &str,
    data: &[Value],
) -> JsResult<bool> {
    let Some(Some(start)) = with_state(args, |s| s.timers.borrow().get(label).copied()) else {
        emit_warning(
            agent,
            &format!("No such label '{label}' for console.{name}()"),
        );
        return Ok(false);
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let mut parts = vec![
        Value::from("%s: %s"),
        Value::from(label),
        Value::from(format_time(ms).as_str()),
    ];
    parts.extend_from_slice(data);
    let text = format_args(agent, &parts)?;
    write_line(agent, args, Stream::Stdout, &text);
    Ok(true)
}

/// `console.timeEnd(label)`.
pub fn time_end(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let label = label(agent, &args.arg(0))?;
    if time_log_impl(agent, args, "timeEnd", &label, &[])? {
        with_state(args, |s| s.timers.borrow_mut().remove(&label));
    }
    Ok(Value::Undefined)
}

/// `console.timeLog(label, ...data)`.
pub fn time_log(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let label = label(agent, &args.arg(0))?;
    let data: Vec<Value> = args.args.iter().skip(1).cloned().collect();
    time_log_impl(agent, args, "timeLog", &label, &data)?;
    Ok(Value::Undefined)
}

/// `console.clear()`: nothing to do when output is not a terminal (also
/// `profile`, `profileEnd` and `timeStamp`, which need an inspector).
pub fn clear(_agent: &mut Agent, _args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Undefined)
}

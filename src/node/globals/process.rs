//! `process`: what pure packages read at load time (`env`, `argv`,
//! `platform`, `version`, `nextTick`, …) and the program's end
//! (`exit`, `exitCode`), with Node's behaviour.

use std::io::Write;

use gc::Gc;

use super::arguments::invalid_arg_type;
use super::ProcessInfo;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::value::Value;

/// Node's name for the platform (`process.platform`).
fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

/// Node's name for the processor architecture (`process.arch`).
fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    }
}

/// `process.nextTick(callback, ...args)`: `callback` runs when the current
/// macrotask ends, before promise jobs (see `Agent::enqueue_tick`).
fn next_tick(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let callback = args.arg(0);
    if !agent.is_callable(&callback) {
        return Err(invalid_arg_type(agent, "callback", "function", &callback));
    }
    let rest = args.args.get(1..).unwrap_or_default().to_vec();
    agent.enqueue_tick(Box::new(move |agent: &mut Agent| {
        agent.call(&callback, &Value::Undefined, &rest)?;
        Ok(())
    }));
    Ok(Value::Undefined)
}

/// `process.exitCode` when it holds an integer.
pub fn exit_code(agent: &mut Agent) -> Option<i32> {
    let process = match agent
        .global_object()
        .get_own_data_value(&PropertyKey::from("process"))
    {
        Some(Value::Object(p)) => p,
        _ => return None,
    };
    match agent.get(&process, &PropertyKey::from("exitCode")) {
        Ok(Value::Number(n)) if n.fract() == 0.0 => Some(n as i32),
        _ => None,
    }
}

/// `process.exit([code])`: ends the program now with status `code` (or
/// `process.exitCode`, or 0); nothing after it runs, not even `finally`.
fn exit(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let code = match args.arg(0) {
        Value::Undefined | Value::Null => exit_code(agent).unwrap_or(0),
        Value::Number(n) if n.fract() == 0.0 && n.is_finite() => n as i32,
        other => return Err(invalid_arg_type(agent, "code", "number", &other)),
    };
    let _ = agent.stdout.flush();
    Err(agent.terminate_with_exit(code))
}

/// `process.cwd()`
fn cwd(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    match std::env::current_dir() {
        Ok(dir) => Ok(Value::from(dir.display().to_string().as_str())),
        Err(e) => Err(agent.error(
            crate::interp::ops::errors::ErrorKind::Error,
            format!("process.cwd failed: {e}"),
        )),
    }
}

/// `process.uptime()`: seconds since the program started.
fn uptime(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(super::performance::elapsed_ms() / 1000.0))
}

/// `process.hrtime([previous])`: `[seconds, nanoseconds]` of a monotonic
/// clock, or the time since `previous`.
fn hrtime(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let now_ns = (super::performance::elapsed_ms() * 1e6).round();
    let mut ns = now_ns;
    if let Value::Object(previous) = args.arg(0) {
        let seconds = agent.get(&previous, &PropertyKey::Index(0))?;
        let nanos = agent.get(&previous, &PropertyKey::Index(1))?;
        let seconds = agent.to_number(&seconds)?;
        let nanos = agent.to_number(&nanos)?;
        ns -= seconds * 1e9 + nanos;
    } else if !args.arg(0).is_undefined() {
        return Err(invalid_arg_type(
            agent,
            "time",
            "an instance of Array",
            &args.arg(0),
        ));
    }
    let seconds = (ns / 1e9).floor();
    let nanos = ns - seconds * 1e9;
    let list = vec![Value::Number(seconds), Value::Number(nanos)];
    Ok(Value::Object(agent.create_array_from_list(list)))
}

/// `process.stdout.write(chunk)` / `process.stderr.write(chunk)`: the
/// string form of `chunk`, unbuffered order kept with `console`.
fn write_to(agent: &mut Agent, args: &CallArgs, stderr: bool) -> JsResult<Value> {
    let chunk = args.arg(0);
    if !matches!(chunk, Value::String(_)) && !matches!(chunk, Value::Object(_)) {
        return Err(invalid_arg_type(
            agent,
            "chunk",
            "string or an instance of Buffer or Uint8Array",
            &chunk,
        ));
    }
    let text = agent.to_string(&chunk)?.to_rust_string();
    let out = if stderr {
        &mut agent.stderr
    } else {
        &mut agent.stdout
    };
    let _ = out.write_all(text.as_bytes());
    Ok(Value::Bool(true))
}

fn write_stdout(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_to(agent, args, false)
}

fn write_stderr(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    write_to(agent, args, true)
}

/// `process.stdout` or `process.stderr`: `write`, `isTTY` and `fd`.
fn stream(agent: &mut Agent, fd: u32, is_tty: bool) -> Gc<JsObject> {
    let proto = agent.intrinsics().object_prototype.clone();
    let stream = JsObject::ordinary_create(Some(proto));
    let write = if fd == 1 { write_stdout } else { write_stderr };
    agent.define_method(&stream, "write", 1, write);
    define_value(&stream, "fd", Value::Number(f64::from(fd)), Attributes::ALL);
    define_value(&stream, "isTTY", Value::Bool(is_tty), Attributes::ALL);
    stream
}

/// A plain object with string values (`process.env`, `process.versions`).
fn string_map(agent: &mut Agent, entries: impl IntoIterator<Item = (String, String)>) -> Value {
    let proto = agent.intrinsics().object_prototype.clone();
    let object = JsObject::ordinary_create(Some(proto));
    for (key, value) in entries {
        define_value(&object, &key, Value::from(value.as_str()), Attributes::ALL);
    }
    Value::Object(object)
}

pub(super) fn install(agent: &mut Agent, info: ProcessInfo) {
    use std::io::IsTerminal;
    let proto = agent.intrinsics().object_prototype.clone();
    let process = JsObject::ordinary_create(Some(proto));
    let version = env!("CARGO_PKG_VERSION");
    define_value(
        &process,
        "version",
        Value::from(format!("v{version}").as_str()),
        Attributes::ALL,
    );
    let versions = string_map(agent, [("vmjs".to_string(), version.to_string())]);
    define_value(&process, "versions", versions, Attributes::ALL);
    define_value(
        &process,
        "platform",
        Value::from(platform()),
        Attributes::ALL,
    );
    define_value(&process, "arch", Value::from(arch()), Attributes::ALL);
    define_value(&process, "title", Value::from("vmjs"), Attributes::ALL);
    define_value(
        &process,
        "pid",
        Value::Number(f64::from(std::process::id())),
        Attributes::ALL,
    );
    let env = string_map(
        agent,
        std::env::vars_os().map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        }),
    );
    define_value(&process, "env", env, Attributes::ALL);
    let exec_path = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    define_value(
        &process,
        "execPath",
        Value::from(exec_path.as_str()),
        Attributes::ALL,
    );
    let argv0 = std::env::args()
        .next()
        .unwrap_or_else(|| "vmjs".to_string());
    define_value(
        &process,
        "argv0",
        Value::from(argv0.as_str()),
        Attributes::ALL,
    );
    let argv: Vec<Value> = info.argv.iter().map(|a| Value::from(a.as_str())).collect();
    let argv = agent.create_array_from_list(argv);
    define_value(&process, "argv", Value::Object(argv), Attributes::ALL);
    define_value(
        &process,
        "execArgv",
        Value::Object(agent.create_array_from_list(Vec::new())),
        Attributes::ALL,
    );
    define_value(&process, "exitCode", Value::Undefined, Attributes::ALL);
    agent.define_method(&process, "nextTick", 1, next_tick);
    agent.define_method(&process, "exit", 1, exit);
    agent.define_method(&process, "cwd", 0, cwd);
    agent.define_method(&process, "uptime", 0, uptime);
    agent.define_method(&process, "hrtime", 1, hrtime);
    let stdout = stream(agent, 1, std::io::stdout().is_terminal());
    define_value(&process, "stdout", Value::Object(stdout), Attributes::ALL);
    let stderr = stream(agent, 2, std::io::stderr().is_terminal());
    define_value(&process, "stderr", Value::Object(stderr), Attributes::ALL);
    agent.define_to_string_tag(&process, "process");
    let global = agent.global_object();
    define_value(
        &global,
        "process",
        Value::Object(process),
        Attributes::METHOD,
    );
}

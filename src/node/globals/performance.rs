//! `performance` (the W3C High Resolution Time API as Node has it):
//! `now()`, milliseconds since `timeOrigin`, and `timeOrigin`, the Unix
//! time in milliseconds when the program started.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::Attributes;
use crate::interp::value::Value;

/// When the program started: a monotonic instant and the wall-clock time.
fn origin() -> &'static (Instant, f64) {
    static ORIGIN: OnceLock<(Instant, f64)> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        (Instant::now(), wall)
    })
}

/// The milliseconds since the program started, as a fraction.
pub(super) fn elapsed_ms() -> f64 {
    origin().0.elapsed().as_secs_f64() * 1000.0
}

/// `performance.now()`
fn now(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(elapsed_ms()))
}

/// `performance.toJSON()`: `{ timeOrigin }`, as Node's (which also lists
/// nodeTiming and eventLoopUtilization, not provided here).
fn to_json(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    let proto = agent.intrinsics().object_prototype.clone();
    let json = JsObject::ordinary_create(Some(proto));
    define_value(
        &json,
        "timeOrigin",
        Value::Number(origin().1),
        Attributes::ALL,
    );
    Ok(Value::Object(json))
}

pub(super) fn install(agent: &mut Agent) {
    let _ = origin();
    let proto = agent.intrinsics().object_prototype.clone();
    let performance = JsObject::ordinary_create(Some(proto));
    agent.define_method(&performance, "now", 0, now);
    agent.define_method(&performance, "toJSON", 0, to_json);
    define_value(
        &performance,
        "timeOrigin",
        Value::Number(origin().1),
        Attributes::ALL,
    );
    agent.define_to_string_tag(&performance, "Performance");
    let global = agent.global_object();
    define_value(
        &global,
        "performance",
        Value::Object(performance),
        Attributes::ALL,
    );
}

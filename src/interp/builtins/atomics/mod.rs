//! The Atomics object (ECMA-262 §25.4) for a single agent: the
//! read-modify-write functions, load/store, compareExchange, isLockFree
//! and pause (operations.rs), wait/waitAsync/notify (wait_notify.rs), over
//! integer typed arrays backed by an ArrayBuffer or a SharedArrayBuffer,
//! validated as validation.rs says.

mod operations;
mod validation;
mod wait_notify;

use crate::interp::agent::Agent;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::Attributes;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let atomics = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    operations::install(agent, &atomics);
    wait_notify::install(agent, &atomics);
    agent.define_to_string_tag(&atomics, "Atomics");
    let global = agent.global_object();
    define_value(
        &global,
        "Atomics",
        Value::Object(atomics),
        Attributes::METHOD,
    );
}

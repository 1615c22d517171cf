//! The `console` global: Node's console methods writing to the agent's
//! stdout and stderr, formatted by `util.format` / `util.inspect`.

mod format;
mod methods;
mod numbers;
mod state;
mod table;
mod timing;

#[cfg(test)]
mod tests;

pub use format::format_args;

use crate::interp::agent::Agent;
use crate::interp::function::NativeFn;
use crate::interp::native::define_value;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// The methods in Node's order, with their `length`.
const METHODS: &[(&str, u32, NativeFn)] = &[
    ("log", 0, methods::log),
    ("warn", 0, methods::warn),
    ("dir", 0, methods::dir),
    ("time", 0, methods::time),
    ("timeEnd", 0, methods::time_end),
    ("timeLog", 0, methods::time_log),
    ("trace", 0, methods::trace),
    ("assert", 0, methods::assert),
    ("clear", 0, methods::clear),
    ("count", 0, methods::count),
    ("countReset", 0, methods::count_reset),
    ("group", 0, methods::group),
    ("groupEnd", 0, methods::group_end),
    ("table", 0, table::table),
    ("debug", 0, methods::log),
    ("info", 0, methods::log),
    ("dirxml", 0, methods::log),
    ("error", 0, methods::warn),
    ("groupCollapsed", 0, methods::group),
];

pub fn install(agent: &mut Agent) {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let console = JsObject::ordinary_create(Some(object_prototype.clone()));
    // The methods share one state object and work unbound
    // (`const { log } = console`), as Node's do.
    let state = JsObject::with_kind(
        None,
        ObjectKind::Other(Box::<state::ConsoleState>::default()),
    );
    for &(name, length, call) in METHODS {
        let f = agent.native_function_with(
            name,
            length,
            call,
            false,
            vec![Value::Object(state.clone())],
        );
        define_value(&console, name, Value::Object(f), Attributes::ALL);
    }
    let tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    console.define_own_property(
        tag,
        PropertyDescriptor::data(
            Value::from("console"),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
    let global = agent.global_object();
    define_value(
        &global,
        "console",
        Value::Object(console),
        Attributes::METHOD,
    );
}

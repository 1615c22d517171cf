//! Node's `util.inspect` (lib/internal/util/inspect.js, Node 20) with
//! plain-text output: how `console.log` shows values.

mod collections;
mod custom;
mod error;
mod kinds;
mod options;
mod prefix;
mod property;
mod prototype;
mod proxy;
mod reduce;
mod text;
mod value;
mod width_table;

#[cfg(test)]
pub(crate) mod tests;

/// Helpers for tests that build values without the evaluator.
#[cfg(test)]
pub(crate) use tests as test_support;

pub use custom::{inspect_function, CUSTOM_INSPECT_KEY};
pub use options::InspectOptions;
pub use prototype::is_builtin_constructor_name;
pub use text::{format_number, quote_string, string_width};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::value::Value;

/// `util.inspect(value, options)`: the text Node shows for `value`.
/// Accessors are not called (`[Getter]`); `Symbol.toStringTag` getters,
/// `name` and `constructor` lookups and custom inspectors may run code.
pub fn inspect(agent: &mut Agent, value: &Value, opts: &InspectOptions) -> JsResult<String> {
    let mut ctx = options::Ctx::new(opts.clone());
    value::format_value(agent, &mut ctx, value, 0, false)
}

//! Objects that format themselves: a method under
//! `Symbol.for('nodejs.util.inspect.custom')` is called with the remaining
//! depth, the options and `inspect`, and its result is shown instead.

use gc::Gc;

use super::options::{Ctx, InspectOptions};
use super::value::format_value;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The registry key of Node's `util.inspect.custom`.
pub const CUSTOM_INSPECT_KEY: &str = "nodejs.util.inspect.custom";

fn number_option(n: usize) -> Value {
    if n == usize::MAX {
        Value::Number(f64::INFINITY)
    } else {
        Value::Number(n as f64)
    }
}

/// The options object a custom inspector receives (Node's `getUserOptions`).
fn options_object(agent: &mut Agent, ctx: &Ctx) -> Gc<JsObject> {
    let o = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    let opts = &ctx.opts;
    let fields = [
        ("showHidden", Value::Bool(opts.show_hidden)),
        ("depth", Value::Number(ctx.depth)),
        ("colors", Value::Bool(false)),
        ("customInspect", Value::Bool(opts.custom_inspect)),
        ("showProxy", Value::Bool(opts.show_proxy)),
        ("maxArrayLength", number_option(opts.max_array_length)),
        ("maxStringLength", number_option(opts.max_string_length)),
        ("breakLength", number_option(opts.break_length)),
        (
            "compact",
            if opts.compact == usize::MAX {
                Value::Bool(true)
            } else {
                number_option(opts.compact)
            },
        ),
        ("sorted", Value::Bool(false)),
        ("getters", Value::Bool(false)),
        ("numericSeparator", Value::Bool(false)),
    ];
    for (name, value) in fields {
        define_value(&o, name, value, Attributes::ALL);
    }
    let stylize = agent.native_function("stylize", 2, stylize_no_color);
    define_value(&o, "stylize", Value::Object(stylize), Attributes::ALL);
    o
}

/// `stylize(str)` without colours: returns its first argument as a string.
fn stylize_no_color(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::String(agent.to_string(&args.arg(0))?))
}

/// `util.inspect(value, options)` as a function value.
pub fn inspect_function(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let mut opts = InspectOptions::default();
    if let Value::Object(options) = args.arg(1) {
        opts.apply_object(agent, &options)?;
    }
    let shown = super::inspect(agent, &args.arg(0), &opts)?;
    Ok(Value::String(JsStr::from(shown.as_str())))
}

/// Node's custom-inspection step of `formatValue`: `Some(text)` when the
/// object has an inspector (other than a prototype's own) that answered
/// with something other than the object itself.
pub fn custom_inspect(
    agent: &mut Agent,
    ctx: &mut Ctx,
    o: &Gc<JsObject>,
    recurse_times: usize,
) -> JsResult<Option<String>> {
    // A symbol nobody has asked the registry for cannot be a key yet.
    let Some(symbol) = agent
        .symbol_registry
        .get(&JsStr::from(CUSTOM_INSPECT_KEY))
        .cloned()
    else {
        return Ok(None);
    };
    let method = agent.get(o, &PropertyKey::Symbol(symbol))?;
    if !agent.is_callable(&method) {
        return Ok(None);
    }
    // Skip prototype objects (`value.constructor.prototype === value`).
    let constructor = agent.get(o, &PropertyKey::from("constructor"))?;
    if let Value::Object(c) = &constructor {
        if let Value::Object(p) = agent.get(c, &PropertyKey::from("prototype"))? {
            if Gc::ptr_eq(&p, o) {
                return Ok(None);
            }
        }
    }
    let depth = Value::Number(ctx.depth - recurse_times as f64);
    let options = options_object(agent, ctx);
    let inspect = agent.native_function("inspect", 2, inspect_function);
    let this = Value::Object(o.clone());
    let ret = agent.call(
        &method,
        &this,
        &[depth, Value::Object(options), Value::Object(inspect)],
    )?;
    if let Value::Object(r) = &ret {
        if Gc::ptr_eq(r, o) {
            return Ok(None);
        }
    }
    match &ret {
        Value::String(s) => {
            let indentation = " ".repeat(ctx.indentation_lvl);
            Ok(Some(
                s.to_rust_string()
                    .replace('\n', &format!("\n{indentation}")),
            ))
        }
        other => format_value(agent, ctx, other, recurse_times, false).map(Some),
    }
}

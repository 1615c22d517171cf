//! The one-line "base" of functions, classes and boxed primitives
//! (Node's `getFunctionBase`, `getClassBase`, `getBoxedBase`).

use gc::Gc;

use super::options::Ctx;
use super::prefix::name_to_string;
use super::text::{format_number, format_string, symbol_to_string};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{Callable, Code, ConstructorKind};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// Whether a function object's source text starts with `class`.
fn is_class(o: &JsObject) -> bool {
    let ObjectKind::Function(data) = &o.kind else {
        return false;
    };
    let Callable::Closure(closure) = &data.callable else {
        return false;
    };
    match &closure.code {
        Code::DefaultConstructor { .. } => true,
        Code::Function(f) => {
            f.kind == crate::syntax::ast::FunctionKind::ClassConstructor
                || matches!(
                    closure.constructor_kind,
                    ConstructorKind::Base | ConstructorKind::Derived
                )
        }
        _ => false,
    }
}

/// (is_async, is_generator) of an ECMAScript function object.
fn function_flavour(o: &JsObject) -> (bool, bool) {
    if let ObjectKind::Function(data) = &o.kind {
        if let Callable::Closure(closure) = &data.callable {
            if let Code::Function(f) = &closure.code {
                return (f.is_async, f.is_generator);
            }
        }
    }
    (false, false)
}

/// Node's `getFunctionBase`: `[Function: f]`, `[AsyncGeneratorFunction: g]`,
/// `[Function (anonymous)]`, `[class K extends B]`.
pub fn function_base(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    constructor: Option<&str>,
    tag: &str,
) -> JsResult<String> {
    if is_class(f) {
        return class_base(agent, f, constructor, tag);
    }
    let (is_async, is_generator) = function_flavour(f);
    let mut kind = String::from("Function");
    if is_generator {
        kind = format!("Generator{kind}");
    }
    if is_async {
        kind = format!("Async{kind}");
    }
    // Deviation: a generator or async function whose realm lacks the
    // matching constructor reaches Function.prototype; Node never sees
    // that, so such a function is named as if its constructor were there.
    let constructor = match constructor {
        Some("Function") if kind != "Function" => Some(kind.as_str()),
        other => other,
    };
    let mut base = format!("[{kind}");
    if constructor.is_none() {
        base.push_str(" (null prototype)");
    }
    let name = agent.get(f, &PropertyKey::from("name"))?;
    if matches!(&name, Value::String(s) if s.is_empty()) {
        base.push_str(" (anonymous)");
    } else {
        base.push_str(": ");
        base.push_str(&name_to_string(agent, &name)?);
    }
    base.push(']');
    if let Some(c) = constructor {
        if c != kind {
            base.push(' ');
            base.push_str(c);
        }
    }
    if !tag.is_empty() && constructor != Some(tag) {
        base.push_str(&format!(" [{tag}]"));
    }
    Ok(base)
}

/// Node's `getClassBase`.
fn class_base(
    agent: &mut Agent,
    f: &Gc<JsObject>,
    constructor: Option<&str>,
    tag: &str,
) -> JsResult<String> {
    let name_key = PropertyKey::from("name");
    let mut name = String::from("(anonymous)");
    if f.get_own_property(&name_key).is_some() {
        let v = agent.get(f, &name_key)?;
        if to_boolean(&v) {
            name = name_to_string(agent, &v)?;
        }
    }
    let mut base = format!("class {name}");
    if let Some(c) = constructor {
        if c != "Function" {
            base.push_str(&format!(" [{c}]"));
        }
    }
    if !tag.is_empty() && constructor != Some(tag) {
        base.push_str(&format!(" [{tag}]"));
    }
    if constructor.is_some() {
        if let Some(parent) = f.get_prototype_of() {
            let super_name = agent.get(&parent, &name_key)?;
            if to_boolean(&super_name) {
                base.push_str(" extends ");
                base.push_str(&name_to_string(agent, &super_name)?);
            }
        }
    } else {
        base.push_str(" extends [null prototype]");
    }
    Ok(format!("[{base}]"))
}

/// Whether `o` is a boxed primitive (Number, String, Boolean, Symbol object).
pub fn is_boxed(o: &JsObject) -> bool {
    matches!(
        o.kind,
        ObjectKind::Number(_)
            | ObjectKind::String(_)
            | ObjectKind::Boolean(_)
            | ObjectKind::Symbol(_)
            | ObjectKind::BigInt(_)
    )
}

/// Node's `getBoxedBase`: `[Number: 3]`, `[String: 'x']`; removes a boxed
/// string's index keys from `keys`.
pub fn boxed_base(
    ctx: &Ctx,
    o: &JsObject,
    keys: &mut Vec<PropertyKey>,
    constructor: Option<&str>,
    tag: &str,
) -> String {
    let (kind, primitive) = match &o.kind {
        ObjectKind::Number(n) => ("Number", format_number(*n)),
        ObjectKind::String(s) => {
            let n = s.len().min(keys.len());
            keys.drain(..n);
            (
                "String",
                format_string(
                    s,
                    ctx.indentation_lvl,
                    ctx.opts.break_length,
                    ctx.opts.max_string_length,
                ),
            )
        }
        ObjectKind::Boolean(b) => ("Boolean", b.to_string()),
        ObjectKind::Symbol(s) => ("Symbol", symbol_to_string(s)),
        ObjectKind::BigInt(b) => ("BigInt", format!("{}n", b.to_string_radix(10))),
        _ => ("Object", String::new()),
    };
    let mut base = format!("[{kind}");
    match constructor {
        None => base.push_str(" (null prototype)"),
        Some(c) if c != kind => base.push_str(&format!(" ({c})")),
        _ => {}
    }
    base.push_str(&format!(": {primitive}]"));
    if !tag.is_empty() && constructor != Some(tag) {
        base.push_str(&format!(" [{tag}]"));
    }
    base
}

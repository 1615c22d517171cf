//! The accessor properties of RegExp.prototype: the flag getters, `flags`
//! and `source` (ECMA-262 §22.2.6), and the console's display form.

use gc::Gc;

use super::compile::{self, FlagSet};
use super::data::{matcher_of, source_and_flags};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// RegExpHasFlag ( R, codeUnit ) — <https://tc39.es/ecma262/#sec-regexphasflag>
fn has_flag(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
    pick: fn(&FlagSet) -> bool,
) -> JsResult<Value> {
    // 1. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = args.this else {
        return agent.throw_type_error(format!(
            "RegExp.prototype.{name} getter called on non-RegExp object"
        ));
    };
    // 2. If R does not have an [[OriginalFlags]] internal slot, then
    let Some(info) = matcher_of(args.this) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return undefined.
        if Gc::ptr_eq(r, &agent.intrinsics().regexp_prototype) {
            return Ok(Value::Undefined);
        }
        // b. Otherwise, throw a TypeError exception.
        return agent.throw_type_error(format!(
            "RegExp.prototype.{name} getter called on non-RegExp object"
        ));
    };
    // 3–5. Return whether flags contains codeUnit.
    Ok(Value::Bool(pick(&info.flags)))
}

pub(super) fn get_dot_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "dotAll", |f| f.dot_all)
}
pub(super) fn get_global(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "global", |f| f.global)
}
pub(super) fn get_has_indices(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "hasIndices", |f| f.has_indices)
}
pub(super) fn get_ignore_case(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "ignoreCase", |f| f.ignore_case)
}
pub(super) fn get_multiline(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "multiline", |f| f.multiline)
}
pub(super) fn get_sticky(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "sticky", |f| f.sticky)
}
pub(super) fn get_unicode(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "unicode", |f| f.unicode)
}
pub(super) fn get_unicode_sets(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "unicodeSets", |f| f.unicode_sets)
}

/// get RegExp.prototype.flags — <https://tc39.es/ecma262/#sec-get-regexp.prototype.flags>
pub(super) fn get_flags(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = args.this else {
        let shown = agent.to_display_string(args.this);
        return agent.throw_type_error(format!(
            "RegExp.prototype.flags getter called on non-object {shown}"
        ));
    };
    // 3–17. For each flag property in order, append its code unit when ToBoolean(Get(R, name)).
    let mut result = String::new();
    for (name, unit) in [
        ("hasIndices", 'd'),
        ("global", 'g'),
        ("ignoreCase", 'i'),
        ("multiline", 'm'),
        ("dotAll", 's'),
        ("unicode", 'u'),
        ("unicodeSets", 'v'),
        ("sticky", 'y'),
    ] {
        let v = agent.get(r, &PropertyKey::from(name))?;
        if to_boolean(&v) {
            result.push(unit);
        }
    }
    // 18. Return result.
    Ok(Value::from(result.as_str()))
}

/// get RegExp.prototype.source — <https://tc39.es/ecma262/#sec-get-regexp.prototype.source>
pub(super) fn get_source(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = args.this else {
        return agent
            .throw_type_error("RegExp.prototype.source getter called on non-RegExp object");
    };
    // 3. If R does not have an [[OriginalSource]] internal slot, then
    let Some((source, _)) = source_and_flags(r) else {
        // a. If SameValue(R, %RegExp.prototype%) is true, return "(?:)".
        if Gc::ptr_eq(r, &agent.intrinsics().regexp_prototype) {
            return Ok(Value::from("(?:)"));
        }
        // b. Otherwise, throw a TypeError exception.
        return agent
            .throw_type_error("RegExp.prototype.source getter called on non-RegExp object");
    };
    // 4–6. Return EscapeRegExpPattern(src, flags).
    Ok(Value::String(compile::escape_pattern(source.units())))
}

/// `/source/flags` of a RegExp object (None when `o` is not one), for console formatting.
pub fn regexp_display(o: &Gc<JsObject>) -> Option<String> {
    let (source, flags) = source_and_flags(o)?;
    Some(format!(
        "/{}/{}",
        compile::escape_pattern(source.units()).to_rust_string(),
        flags.to_rust_string()
    ))
}

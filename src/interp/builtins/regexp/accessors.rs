//! The accessor properties of RegExp.prototype: the flag getters, `flags`
//! and `source` (ECMA-262 §22.2.6), and the console's display form.

use gc::Gc;

use super::compile::{self, FlagSet};
use super::data::{matcher_of, original_flags, source_and_flags};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{static_key, Property, PropertyKey};
use crate::interp::shape::prototype_epoch;
use crate::interp::string::JsStr;
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

/// Where [[OriginalFlags]] keeps one flag.
type FlagPick = fn(&FlagSet) -> bool;

/// The flag properties in the order `get flags` reads them (steps 3–17),
/// each with its code unit and where [[OriginalFlags]] keeps it.
const FLAG_PROPERTIES: [(&str, char, FlagPick); 8] = [
    ("hasIndices", 'd', |f| f.has_indices),
    ("global", 'g', |f| f.global),
    ("ignoreCase", 'i', |f| f.ignore_case),
    ("multiline", 'm', |f| f.multiline),
    ("dotAll", 's', |f| f.dot_all),
    ("unicode", 'u', |f| f.unicode),
    ("unicodeSets", 'v', |f| f.unicode_sets),
    ("sticky", 'y', |f| f.sticky),
];

thread_local! {
    /// The keys of [`FLAG_PROPERTIES`], made once per thread.
    static FLAG_KEYS: [PropertyKey; 8] = FLAG_PROPERTIES.map(|(name, ..)| PropertyKey::from(name));
}

/// Keeps the getters of `flags` and of the flag properties, as installed
/// on `proto` (%RegExp.prototype%), for [`flags_of`].
pub(super) fn remember_getters(agent: &mut Agent, proto: &Gc<JsObject>) {
    let names = std::iter::once("flags").chain(FLAG_PROPERTIES.iter().map(|(name, ..)| *name));
    let getters = names
        .filter_map(
            |name| match proto.get_own_property(&PropertyKey::from(name)) {
                Some(Property::Accessor(a)) => a.get.clone(),
                _ => None,
            },
        )
        .collect();
    let _ = agent.intrinsics().regexp_getters.set(getters);
}

/// The getter of the accessor property `key` that [[Get]] on the RegExp
/// object `r` would call, found without running code: None when the
/// property is a data property or absent, or when an object on the
/// prototype chain is not ordinary (a Proxy, a host object).
fn getter_found(r: &Gc<JsObject>, key: &PropertyKey) -> Option<Gc<JsObject>> {
    // A RegExp object's own properties are ordinary.
    let mut holder = r.clone();
    loop {
        if let Some(property) = holder.get_own_property(key) {
            return match property {
                Property::Accessor(a) => a.get.clone(),
                Property::Data { .. } => None,
            };
        }
        let next = holder.get_prototype_of()?;
        if !next.ordinary_named_get() {
            return None;
        }
        holder = next;
    }
}

/// Whether `found` is the current realm's built-in getter number `index`
/// (0 for `flags`, then [`FLAG_PROPERTIES`]' order).
fn is_builtin_getter(agent: &Agent, found: &Option<Gc<JsObject>>, index: usize) -> bool {
    let (Some(found), Some(getters)) = (found, agent.intrinsics().regexp_getters.get()) else {
        return false;
    };
    getters.get(index).is_some_and(|g| Gc::ptr_eq(g, found))
}

/// ToString(? Get(R, "flags")), as RegExp.prototype's @@match, @@replace,
/// @@split and @@matchAll read it.
///
/// When what [[Get]] would call are the built-in getters and R is a RegExp
/// object, their results are read from R's [[OriginalFlags]] without the
/// calls: those getters run no other code, so nothing observable changes
/// (V8 takes the same shortcut for unmodified RegExps).
pub(super) fn flags_of(agent: &mut Agent, r: &Gc<JsObject>) -> JsResult<JsStr> {
    if let Some(flags) = untouched_flags(agent, r) {
        return Ok(flags_text(&flags));
    }
    let key = static_key!("flags");
    if is_builtin_getter(agent, &getter_found(r, &key), 0) {
        return flags_string(agent, r);
    }
    let flags = agent.get(r, &key)?;
    agent.to_string(&flags)
}

/// [[OriginalFlags]] of `r` when reading `flags`, or any flag property, on
/// it would call the realm's own getters: `r` is a RegExp object whose only
/// own property is `lastIndex` and whose prototype is %RegExp.prototype%,
/// which still holds those getters. The last is checked once per prototype
/// epoch (replacing or deleting an accessor of a prototype moves it on), so
/// the usual case costs no property lookup at all.
fn untouched_flags(agent: &Agent, r: &Gc<JsObject>) -> Option<FlagSet> {
    let proto = &agent.intrinsics().regexp_prototype;
    if r.own_property_count() != 1 || !r.get_prototype_of().is_some_and(|p| Gc::ptr_eq(&p, proto)) {
        return None;
    }
    let flags = original_flags(r)?;
    let epoch = prototype_epoch();
    let checked = &agent.intrinsics().regexp_getters_checked;
    if checked.get() != Some(epoch) {
        let keys = std::iter::once(static_key!("flags")).chain(FLAG_KEYS.with(|k| k.to_vec()));
        for (i, key) in keys.enumerate() {
            if !is_builtin_getter(agent, &getter_found(proto, &key), i) {
                return None;
            }
        }
        checked.set(Some(epoch));
    }
    Some(flags)
}

/// The `flags` string of [[OriginalFlags]] (get RegExp.prototype.flags
/// steps 3–18 with the built-in getters).
fn flags_text(flags: &FlagSet) -> JsStr {
    let text: String = FLAG_PROPERTIES
        .iter()
        .filter(|(_, _, pick)| pick(flags))
        .map(|(_, unit, _)| *unit)
        .collect();
    JsStr::from(text.as_str())
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
    Ok(Value::String(flags_string(agent, r)?))
}

/// get RegExp.prototype.flags steps 3–18 on the object R.
fn flags_string(agent: &mut Agent, r: &Gc<JsObject>) -> JsResult<JsStr> {
    if let Some(flags) = untouched_flags(agent, r) {
        return Ok(flags_text(&flags));
    }
    let original = matcher_of(&Value::Object(r.clone())).map(|info| info.flags);
    // 3–17. For each flag property in order, append its code unit when ToBoolean(Get(R, name)).
    let mut result = String::new();
    for (i, (_, unit, pick)) in FLAG_PROPERTIES.iter().enumerate() {
        let key = FLAG_KEYS.with(|keys| keys[i].clone());
        let on = match &original {
            // The built-in getter on a RegExp object returns the flag (RegExpHasFlag step 3).
            Some(flags) if is_builtin_getter(agent, &getter_found(r, &key), i + 1) => pick(flags),
            _ => to_boolean(&agent.get(r, &key)?),
        };
        if on {
            result.push(*unit);
        }
    }
    // 18. Return result.
    Ok(JsStr::from(result.as_str()))
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

//! RegExp (Regular Expression) Objects (ECMA-262 §22.2) over the `regress`
//! engine, which implements ECMAScript pattern semantics and matches
//! UTF-16 text directly (indices are code units).

mod compile;
mod exec;
mod legacy;
mod string_iterator;
mod substitution;
mod symbols;
#[cfg(test)]
mod tests;

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::{Agent, JsResult};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use compile::{Compiled, FlagSet};

pub use substitution::get_substitution;

/// [[RegExpMatcher]], [[OriginalSource]], [[OriginalFlags]]: empty between
/// RegExpAlloc and RegExpInitialize (and replaced by Annex B `compile`).
#[derive(Trace, Finalize, Default)]
pub struct RegExpData {
    #[unsafe_ignore_trace]
    compiled: RefCell<Option<Compiled>>,
}

impl ObjectData for RegExpData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "RegExp"
    }
}

/// What a RegExp's matcher needs, copied out of the object.
#[derive(Clone)]
pub(crate) struct MatcherInfo {
    pub matcher: std::rc::Rc<regress::Regex>,
    pub flags: FlagSet,
}

/// The initialised RegExp data of `v`, if it has it.
pub(crate) fn matcher_of(v: &Value) -> Option<MatcherInfo> {
    let Value::Object(o) = v else { return None };
    let data = o.data::<RegExpData>()?;
    let compiled = data.compiled.borrow();
    compiled.as_ref().map(|c| MatcherInfo {
        matcher: c.matcher.clone(),
        flags: c.flag_set,
    })
}

/// Whether `o` has a [[RegExpMatcher]] slot.
pub fn is_regexp_object(o: &Gc<JsObject>) -> bool {
    o.data::<RegExpData>().is_some()
}

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().regexp_prototype.clone();
    let ctor = agent.native_constructor("RegExp", 2, regexp_constructor, &proto);
    let species = agent.symbols.species.clone();
    agent.define_accessor(
        &ctor,
        PropertyKey::Symbol(species),
        Some(species_getter),
        None,
    );
    legacy::install(agent, &ctor);
    let exec_fn = agent.define_method(&proto, "exec", 1, exec::regexp_exec_method);
    agent
        .intrinsics()
        .register("RegExp.prototype.exec", exec_fn);
    let getters: [(&str, crate::interp::function::NativeFn); 10] = [
        ("dotAll", get_dot_all),
        ("flags", get_flags),
        ("global", get_global),
        ("hasIndices", get_has_indices),
        ("ignoreCase", get_ignore_case),
        ("multiline", get_multiline),
        ("source", get_source),
        ("sticky", get_sticky),
        ("unicode", get_unicode),
        ("unicodeSets", get_unicode_sets),
    ];
    for (name, getter) in getters {
        agent.define_accessor(&proto, PropertyKey::from(name), Some(getter), None);
    }
    agent.define_method(&proto, "compile", 2, regexp_compile);
    agent.define_method(&proto, "toString", 0, exec::regexp_to_string);
    agent.define_method(&proto, "test", 1, exec::regexp_test);
    symbols::install(agent, &proto);
    string_iterator::install(agent);
}

fn species_getter(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(args.this.clone())
}

/// RegExpAlloc ( newTarget ) — <https://tc39.es/ecma262/#sec-regexpalloc>
fn regexp_alloc(agent: &mut Agent, new_target: &Gc<JsObject>) -> JsResult<Gc<JsObject>> {
    // 1. Let obj be ? OrdinaryCreateFromConstructor(newTarget, "%RegExp.prototype%", « … »).
    let default = agent.intrinsics().regexp_prototype.clone();
    let obj = agent.ordinary_create_from_constructor(
        new_target,
        default,
        ObjectKind::Other(Box::new(RegExpData::default())),
    )?;
    // 2. Perform ! DefinePropertyOrThrow(obj, "lastIndex", PropertyDescriptor {
    //    [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false }).
    obj.define_own_property(
        PropertyKey::from("lastIndex"),
        PropertyDescriptor::data(
            Value::Undefined,
            Attributes {
                writable: true,
                enumerable: false,
                configurable: false,
            },
        ),
    );
    // 3. Return obj.
    Ok(obj)
}

/// RegExpInitialize ( obj, pattern, flags ) — <https://tc39.es/ecma262/#sec-regexpinitialize>
fn regexp_initialize(
    agent: &mut Agent,
    obj: &Gc<JsObject>,
    pattern: &Value,
    flags: &Value,
    from_literal: bool,
) -> JsResult<Value> {
    // 1–2. If pattern is undefined, let P be the empty String; else ? ToString(pattern).
    let p = match pattern {
        Value::Undefined => JsStr::from(""),
        v => agent.to_string(v)?,
    };
    // 3–4. The same for flags.
    let f = match flags {
        Value::Undefined => JsStr::from(""),
        v => agent.to_string(v)?,
    };
    // 5–6. Unknown or repeated flags (or both u and v) are a SyntaxError.
    let Some(flag_set) = FlagSet::parse(f.units()) else {
        return Err(if from_literal {
            agent.syntax_error("Invalid regular expression flags")
        } else {
            agent.syntax_error(format!(
                "Invalid flags supplied to RegExp constructor '{}'",
                f.to_rust_string()
            ))
        });
    };
    // 7–14. Parse P as a Pattern; a failure is a SyntaxError.
    let compiled = match compile::compile(&p, &f, flag_set) {
        Ok(c) => c,
        Err(reason) => {
            return Err(agent.syntax_error(format!(
                "Invalid regular expression: /{}/{}: {reason}",
                p.to_rust_string(),
                f.to_rust_string()
            )))
        }
    };
    // 15–18. Set [[OriginalSource]], [[OriginalFlags]], [[RegExpMatcher]].
    if let Some(data) = obj.data::<RegExpData>() {
        *data.compiled.borrow_mut() = Some(compiled);
    }
    // 19. Perform ? Set(obj, "lastIndex", +0𝔽, true).
    agent.set_or_throw(obj, &PropertyKey::from("lastIndex"), Value::Number(0.0))?;
    // 20. Return obj.
    Ok(Value::Object(obj.clone()))
}

/// RegExpCreate ( P, F ) — <https://tc39.es/ecma262/#sec-regexpcreate>, for
/// regular expression literals (whose flag errors use the literal's wording).
pub fn regexp_create(agent: &mut Agent, pattern: JsStr, flags: JsStr) -> JsResult<Value> {
    // 1. Let obj be ! RegExpAlloc(%RegExp%).
    let ctor = agent.intrinsics().get("RegExp");
    let obj = regexp_alloc(agent, &ctor)?;
    // 2. Return ? RegExpInitialize(obj, P, F).
    regexp_initialize(
        agent,
        &obj,
        &Value::String(pattern),
        &Value::String(flags),
        true,
    )
}

/// RegExpCreate for builtins that need a RegExp from a value (String.prototype.match etc.).
pub fn regexp_create_from_values(
    agent: &mut Agent,
    pattern: &Value,
    flags: &Value,
) -> JsResult<Value> {
    let ctor = agent.intrinsics().get("RegExp");
    let obj = regexp_alloc(agent, &ctor)?;
    regexp_initialize(agent, &obj, pattern, flags, false)
}

/// IsRegExp ( argument ) — <https://tc39.es/ecma262/#sec-isregexp>
pub fn is_regexp(agent: &mut Agent, argument: &Value) -> JsResult<bool> {
    // 1. If argument is not an Object, return false.
    let Value::Object(o) = argument else {
        return Ok(false);
    };
    // 2. Let matcher be ? Get(argument, @@match).
    let matcher = agent.get(o, &PropertyKey::Symbol(agent.symbols.match_.clone()))?;
    // 3. If matcher is not undefined, return ToBoolean(matcher).
    if !matches!(matcher, Value::Undefined) {
        return Ok(to_boolean(&matcher));
    }
    // 4. If argument has a [[RegExpMatcher]] internal slot, return true.
    // 5. Return false.
    Ok(is_regexp_object(o))
}

/// The source and flags of an initialised RegExp object.
fn source_and_flags(o: &Gc<JsObject>) -> Option<(JsStr, JsStr)> {
    let data = o.data::<RegExpData>()?;
    let compiled = data.compiled.borrow();
    compiled
        .as_ref()
        .map(|c| (c.source.clone(), c.flags.clone()))
}

/// RegExp ( pattern, flags ) — <https://tc39.es/ecma262/#sec-regexp-pattern-flags>
fn regexp_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let pattern = args.arg(0);
    let flags = args.arg(1);
    // 1. Let patternIsRegExp be ? IsRegExp(pattern).
    let pattern_is_regexp = is_regexp(agent, &pattern)?;
    let new_target = match args.new_target {
        Some(nt) => nt.clone(),
        // 2. If NewTarget is undefined, then
        None => {
            // a. Let newTarget be the active function object.
            let new_target = args.callee.clone();
            // b. If patternIsRegExp is true and flags is undefined, then
            if pattern_is_regexp && matches!(flags, Value::Undefined) {
                // i. Let patternConstructor be ? Get(pattern, "constructor").
                let pattern_ctor = agent.get_v(&pattern, &PropertyKey::from("constructor"))?;
                // ii. If SameValue(newTarget, patternConstructor) is true, return pattern.
                if let Value::Object(pc) = &pattern_ctor {
                    if Gc::ptr_eq(pc, &new_target) {
                        return Ok(pattern);
                    }
                }
            }
            new_target
        }
    };
    let existing = match &pattern {
        Value::Object(o) => source_and_flags(o),
        _ => None,
    };
    let (p, f) = if let Some((source, original_flags)) = existing {
        // 4. If pattern has a [[RegExpMatcher]] slot: its source, and its
        //    flags unless flags is given.
        let f = match flags {
            Value::Undefined => Value::String(original_flags),
            other => other,
        };
        (Value::String(source), f)
    } else if pattern_is_regexp {
        // 5. Else if patternIsRegExp: Get(pattern, "source") and "flags".
        let p = agent.get_v(&pattern, &PropertyKey::from("source"))?;
        let f = match flags {
            Value::Undefined => agent.get_v(&pattern, &PropertyKey::from("flags"))?,
            other => other,
        };
        (p, f)
    } else {
        // 6. Else, P is pattern and F is flags.
        (pattern, flags)
    };
    // 7. Let O be ? RegExpAlloc(newTarget).
    let o = regexp_alloc(agent, &new_target)?;
    // 8. Return ? RegExpInitialize(O, P, F).
    regexp_initialize(agent, &o, &p, &f, false)
}

/// RegExp.prototype.compile ( pattern, flags ) — <https://tc39.es/ecma262/#sec-regexp.prototype.compile>
fn regexp_compile(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; RequireInternalSlot(O, [[RegExpMatcher]]).
    let o = match args.this {
        Value::Object(o) if is_regexp_object(o) => o.clone(),
        other => {
            let shown = crate::interp::builtins::map_set::labels::receiver_label(other);
            return agent.throw_type_error(format!(
                "Method RegExp.prototype.compile called on incompatible receiver {shown}"
            ));
        }
    };
    let pattern = args.arg(0);
    let flags = args.arg(1);
    // 3. If pattern is a RegExp object: flags must be undefined; use its source and flags.
    let existing = match &pattern {
        Value::Object(p) => source_and_flags(p),
        _ => None,
    };
    let (p, f) = match existing {
        Some((source, original)) => {
            if !matches!(flags, Value::Undefined) {
                return agent.throw_type_error(
                    "Cannot supply flags when constructing one RegExp from another",
                );
            }
            (Value::String(source), Value::String(original))
        }
        None => (pattern, flags),
    };
    // 5. Return ? RegExpInitialize(O, P, F).
    regexp_initialize(agent, &o, &p, &f, false)
}

/// RegExpHasFlag ( R, codeUnit ) — <https://tc39.es/ecma262/#sec-regexphasflag>
fn has_flag(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
    pick: fn(&FlagSet) -> bool,
) -> JsResult<Value> {
    // 1. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = args.this else {
        let shown = agent.to_display_string(args.this);
        return agent.throw_type_error(format!(
            "RegExp.prototype.{name} getter called on non-object {shown}"
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

fn get_dot_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "dotAll", |f| f.dot_all)
}
fn get_global(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "global", |f| f.global)
}
fn get_has_indices(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "hasIndices", |f| f.has_indices)
}
fn get_ignore_case(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "ignoreCase", |f| f.ignore_case)
}
fn get_multiline(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "multiline", |f| f.multiline)
}
fn get_sticky(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "sticky", |f| f.sticky)
}
fn get_unicode(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "unicode", |f| f.unicode)
}
fn get_unicode_sets(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    has_flag(agent, args, "unicodeSets", |f| f.unicode_sets)
}

/// get RegExp.prototype.flags — <https://tc39.es/ecma262/#sec-get-regexp.prototype.flags>
fn get_flags(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
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
fn get_source(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. If R is not an Object, throw a TypeError exception.
    let Value::Object(r) = args.this else {
        let shown = agent.to_display_string(args.this);
        return agent.throw_type_error(format!(
            "RegExp.prototype.source getter called on non-object {shown}"
        ));
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

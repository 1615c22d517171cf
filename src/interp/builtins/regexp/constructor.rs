//! The RegExp constructor and the operations that create and (re)initialise
//! RegExp objects (ECMA-262 §22.2.3, §22.2.4, Annex B compile).

use gc::Gc;

use super::compile::{self, FlagSet};
use super::data::{is_regexp_object, source_and_flags, RegExpData};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::regexp::{check_pattern, PatternMode};

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
    // 7–14. Parse P as a Pattern; a failure is a SyntaxError. The pattern
    // is validated against ECMA-262's grammar and early errors first: the
    // engine accepts some patterns the specification rejects.
    let mode = PatternMode {
        unicode: flag_set.unicode,
        unicode_sets: flag_set.unicode_sets,
    };
    let compiled = match compile::cached(&p, &f, flag_set) {
        Some(c) => Ok(c),
        None => check_pattern(p.units(), mode)
            .map_err(str::to_string)
            .and_then(|()| compile::compile(&p, &f, flag_set)),
    };
    let compiled = match compiled {
        Ok(c) => c,
        Err(reason) => {
            // Built as UTF-16: the pattern may hold lone surrogates.
            let mut message: Vec<u16> = "Invalid regular expression: /".encode_utf16().collect();
            message.extend_from_slice(p.units());
            message.push(u16::from(b'/'));
            message.extend_from_slice(f.units());
            message.extend(": ".encode_utf16());
            message.extend(reason.encode_utf16());
            let message = JsStr::from_units(message);
            let error = agent.syntax_error(message.to_rust_string());
            if let Value::Object(e) = &*error.0 {
                e.define_own_property(
                    PropertyKey::from("message"),
                    PropertyDescriptor::data(Value::String(message), Attributes::METHOD),
                );
            }
            return Err(error);
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
/// RegExp ( pattern, flags ) — <https://tc39.es/ecma262/#sec-regexp-pattern-flags>
pub(super) fn regexp_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
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
pub(super) fn regexp_compile(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
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

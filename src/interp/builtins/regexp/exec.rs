//! RegExp.prototype.exec / test / toString and the abstract operations
//! RegExpExec, RegExpBuiltinExec and AdvanceStringIndex.

use gc::Gc;

use super::{matcher_of, MatcherInfo};
use crate::interp::agent::Agent;
use crate::interp::builtins::map_set::labels::receiver_label;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::{static_key, Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// One successful match: the whole match and each capture as code-unit ranges.
pub(crate) struct MatchRanges {
    pub whole: std::ops::Range<usize>,
    pub captures: Vec<Option<std::ops::Range<usize>>>,
    /// (group name, capture range) in group order; empty without named groups.
    pub named: Vec<(String, Option<std::ops::Range<usize>>)>,
}

/// The leftmost match starting at or after `from` (exactly at `from` when
/// `sticky`), in code units; the search is bounded by a watched deadline
/// (see `watched`).
pub(crate) fn find_match(
    agent: &mut Agent,
    info: &MatcherInfo,
    s: &JsStr,
    from: usize,
    sticky: bool,
) -> JsResult<Option<MatchRanges>> {
    let text = s.units();
    if from > text.len() {
        return Ok(None);
    }
    // A pattern anchored at the start matches at 0 or nowhere: one attempt
    // there, as a sticky search makes, instead of one at every position.
    if info.anchored && from > 0 {
        return Ok(None);
    }
    let sticky = sticky || info.anchored;
    let unicode = info.flags.full_unicode();
    let anchored = if sticky {
        info.sticky.get(&info.source, info.flags)
    } else {
        None
    };
    let owners = (info.matcher.clone(), info.sticky.clone(), s.clone());
    let (found, captures) = match anchored {
        Some(anchored) => {
            let Some(found) = agent.regexp_search(anchored, text, from, unicode, owners)? else {
                return Ok(None);
            };
            let mut captures = found.captures.clone();
            // The last group is the marker that P (not the catch-all) matched.
            if found.range.start != from || !matches!(captures.pop(), Some(Some(_))) {
                return Ok(None);
            }
            (found, captures)
        }
        None => {
            let Some(found) = agent.regexp_search(&info.matcher, text, from, unicode, owners)?
            else {
                return Ok(None);
            };
            if sticky && found.range.start != from {
                return Ok(None);
            }
            let captures = found.captures.clone();
            (found, captures)
        }
    };
    Ok(Some(MatchRanges {
        whole: found.range.clone(),
        captures,
        named: found
            .named_groups()
            .map(|(name, range)| (name.to_string(), range))
            .collect(),
    }))
}

fn last_index_key() -> PropertyKey {
    static_key!("lastIndex")
}

/// RegExpBuiltinExec ( R, S ) — <https://tc39.es/ecma262/#sec-regexpbuiltinexec>
pub(crate) fn regexp_builtin_exec(
    agent: &mut Agent,
    r: &Gc<JsObject>,
    info: &MatcherInfo,
    s: &JsStr,
) -> JsResult<Value> {
    Ok(match builtin_exec_match(agent, r, info, s)? {
        None => Value::Null,
        Some(m) => Value::Object(make_match_array(agent, s, &m, info.flags.has_indices)),
    })
}

/// RegExpBuiltinExec steps 1–15: the match, with `lastIndex` read and
/// updated; None where the algorithm returns null.
fn builtin_exec_match(
    agent: &mut Agent,
    r: &Gc<JsObject>,
    info: &MatcherInfo,
    s: &JsStr,
) -> JsResult<Option<MatchRanges>> {
    // 1. Let length be the length of S.
    let length = s.len();
    // 2. Let lastIndex be ℝ(? ToLength(? Get(R, "lastIndex"))).
    let last_index_value = agent.get(r, &last_index_key())?;
    let mut last_index = agent.to_length(&last_index_value)?;
    // 3–6. flags: global, sticky, hasIndices.
    let global = info.flags.global;
    let sticky = info.flags.sticky;
    // 7. If global is false and sticky is false, set lastIndex to 0.
    if !global && !sticky {
        last_index = 0.0;
    }
    // 12. Repeat, while matchSucceeded is false: a. If lastIndex > length,
    //     then (reset lastIndex when global or sticky) return null. The
    //     engine searches forward itself (steps c–d), or only at lastIndex when sticky.
    let found = if last_index > length as f64 {
        None
    } else {
        find_match(agent, info, s, last_index as usize, sticky)?
    };
    let Some(m) = found else {
        if global || sticky {
            agent.set_or_throw(r, &last_index_key(), Value::Number(0.0))?;
        }
        return Ok(None);
    };
    // 13–14. Let e be r's endIndex value (already in code units).
    let e = m.whole.end;
    super::legacy::record(agent, s, &m.whole, &m.captures);
    // 15. If global is true or sticky is true, perform ? Set(R, "lastIndex", 𝔽(e), true).
    if global || sticky {
        agent.set_or_throw(r, &last_index_key(), Value::Number(e as f64))?;
    }
    Ok(Some(m))
}

fn define(o: &Gc<JsObject>, key: PropertyKey, value: Value) {
    o.define_own_property(key, PropertyDescriptor::data(value, Attributes::ALL));
}

fn substring(s: &JsStr, range: &std::ops::Range<usize>) -> Value {
    Value::String(s.substring(range.clone()))
}

/// RegExpBuiltinExec steps 16–35: the match array.
fn make_match_array(
    agent: &mut Agent,
    s: &JsStr,
    m: &MatchRanges,
    has_indices: bool,
) -> Gc<JsObject> {
    // 19. Let A be ! ArrayCreate(n + 1). Its elements are made at once:
    //     "0" (step 28) and each capture or undefined (step 33), in order;
    //     index keys precede string keys whatever the order they are made.
    let mut elements = Vec::with_capacity(m.captures.len() + 1);
    elements.push(substring(s, &m.whole));
    elements.extend(m.captures.iter().map(|capture| match capture {
        Some(range) => substring(s, range),
        None => Value::Undefined,
    }));
    let array_prototype = agent.intrinsics().array_prototype.clone();
    let a = JsObject::array_from_values_with_room(elements, Some(array_prototype), 4);
    // 22. Perform ! CreateDataPropertyOrThrow(A, "index", 𝔽(lastIndex)).
    define(
        &a,
        static_key!("index"),
        Value::Number(m.whole.start as f64),
    );
    // 23. Perform ! CreateDataPropertyOrThrow(A, "input", S).
    define(&a, static_key!("input"), Value::String(s.clone()));
    // 29–30, 33.e. groups.
    define(&a, static_key!("groups"), groups_object(s, m));
    // 34. If hasIndices is true, then the indices array.
    if has_indices {
        let indices = make_indices_array(agent, m);
        define(&a, PropertyKey::from("indices"), Value::Object(indices));
    }
    a
}

/// The match array's `groups` (RegExpBuiltinExec steps 29–30 and 33.e):
/// undefined without named groups, else a null-prototype object holding
/// each group's substring or undefined.
pub(crate) fn groups_object(s: &JsStr, m: &MatchRanges) -> Value {
    if m.named.is_empty() {
        return Value::Undefined;
    }
    let groups = JsObject::ordinary_create(None);
    for (name, range) in &m.named {
        let value = match range {
            Some(range) => substring(s, range),
            None => Value::Undefined,
        };
        define(&groups, PropertyKey::from(name.as_str()), value);
    }
    Value::Object(groups)
}

/// MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups ) —
/// <https://tc39.es/ecma262/#sec-makematchindicesindexpairarray>
fn make_indices_array(agent: &mut Agent, m: &MatchRanges) -> Gc<JsObject> {
    let pair = |agent: &mut Agent, range: &Option<std::ops::Range<usize>>| match range {
        Some(r) => Value::Object(agent.create_array_from_list(vec![
            Value::Number(r.start as f64),
            Value::Number(r.end as f64),
        ])),
        None => Value::Undefined,
    };
    // 6–7. A with one pair (or undefined) per capture, whole match first.
    let mut items = vec![pair(agent, &Some(m.whole.clone()))];
    for capture in &m.captures {
        items.push(pair(agent, capture));
    }
    let a = agent.create_array_from_list(items);
    // 8–9. groups: a null-prototype object of the named pairs, or undefined.
    let groups = if m.named.is_empty() {
        Value::Undefined
    } else {
        let g = JsObject::ordinary_create(None);
        for (name, range) in &m.named {
            let value = pair(agent, range);
            define(&g, PropertyKey::from(name.as_str()), value);
        }
        Value::Object(g)
    };
    define(&a, static_key!("groups"), groups);
    a
}

/// What RegExpExec returned, for a caller that only reads the result
/// (RegExp.prototype[@@replace]): a match of R's built-in exec is kept as
/// its ranges, not yet made into a match array.
pub(crate) enum ExecResult {
    Null,
    /// The built-in exec matched. No code can see the match array it would
    /// make until it is made, and its caller's reads of it (`length`, "0",
    /// `index`, the captures, `groups`) find the array's own data
    /// properties, so reading the ranges instead is not observable.
    Builtin {
        m: MatchRanges,
        has_indices: bool,
    },
    /// What another `exec` returned: an object.
    Object(Gc<JsObject>),
}

/// RegExpExec ( R, S ) — <https://tc39.es/ecma262/#sec-regexpexec>
pub(crate) fn regexp_exec(agent: &mut Agent, r: &Gc<JsObject>, s: &JsStr) -> JsResult<Value> {
    Ok(match regexp_exec_unmade(agent, r, s)? {
        ExecResult::Null => Value::Null,
        ExecResult::Object(o) => Value::Object(o),
        ExecResult::Builtin { m, has_indices } => {
            Value::Object(make_match_array(agent, s, &m, has_indices))
        }
    })
}

/// RegExpExec ( R, S ), leaving a built-in match unmade (see [`ExecResult`]).
pub(crate) fn regexp_exec_unmade(
    agent: &mut Agent,
    r: &Gc<JsObject>,
    s: &JsStr,
) -> JsResult<ExecResult> {
    // 1. Let exec be ? Get(R, "exec").
    let exec = agent.get(r, &static_key!("exec"))?;
    // 2. If IsCallable(exec) is true, then
    if agent.is_callable(&exec) {
        // Calling the built-in exec directly skips a call frame, nothing observable.
        let builtin = agent.intrinsics().get("RegExp.prototype.exec");
        let is_builtin = matches!(&exec, Value::Object(f) if Gc::ptr_eq(f, &builtin));
        if is_builtin {
            if let Some(info) = matcher_of(&Value::Object(r.clone())) {
                return builtin_exec_unmade(agent, r, &info, s);
            }
        }
        // a. Let result be ? Call(exec, R, « S »).
        let result = agent.call(
            &exec,
            &Value::Object(r.clone()),
            &[Value::String(s.clone())],
        )?;
        // b. If result is not an Object and result is not null, throw a TypeError exception.
        if !matches!(result, Value::Object(_) | Value::Null) {
            return agent.throw_type_error(
                "RegExp exec method returned something other than an Object or null",
            );
        }
        // c. Return result.
        return Ok(match result {
            Value::Object(o) => ExecResult::Object(o),
            _ => ExecResult::Null,
        });
    }
    // 3. Perform ? RequireInternalSlot(R, [[RegExpMatcher]]).
    let Some(info) = matcher_of(&Value::Object(r.clone())) else {
        let shown = receiver_label(&Value::Object(r.clone()));
        return agent.throw_type_error(format!(
            "Method RegExp.prototype.exec called on incompatible receiver {shown}"
        ));
    };
    // 4. Return ? RegExpBuiltinExec(R, S).
    builtin_exec_unmade(agent, r, &info, s)
}

/// RegExpBuiltinExec ( R, S ) with the match array left unmade.
fn builtin_exec_unmade(
    agent: &mut Agent,
    r: &Gc<JsObject>,
    info: &MatcherInfo,
    s: &JsStr,
) -> JsResult<ExecResult> {
    Ok(match builtin_exec_match(agent, r, info, s)? {
        Some(m) => ExecResult::Builtin {
            m,
            has_indices: info.flags.has_indices,
        },
        None => ExecResult::Null,
    })
}

/// AdvanceStringIndex ( S, index, unicode ) — <https://tc39.es/ecma262/#sec-advancestringindex>
pub(crate) fn advance_string_index(s: &JsStr, index: f64, unicode: bool) -> f64 {
    // 2. If unicode is false, return index + 1.
    // 3. Let length be the length of S. 4. If index + 1 ≥ length, return index + 1.
    if !unicode || index + 1.0 >= s.len() as f64 {
        return index + 1.0;
    }
    // 5. Let cp be CodePointAt(S, index). 6. Return index + cp.[[CodeUnitCount]].
    let units = s.units();
    let i = index as usize;
    let lead = units[i];
    if (0xD800..0xDC00).contains(&lead) && (0xDC00..0xE000).contains(&units[i + 1]) {
        index + 2.0
    } else {
        index + 1.0
    }
}

/// The this value as an Object, or V8's TypeError naming `method`.
pub(crate) fn this_object(
    agent: &mut Agent,
    args: &CallArgs,
    method: &str,
) -> JsResult<Gc<JsObject>> {
    match args.this {
        Value::Object(o) => Ok(o.clone()),
        other => {
            let shown = receiver_label(other);
            agent.throw_type_error(format!(
                "Method {method} called on incompatible receiver {shown}"
            ))
        }
    }
}

/// RegExp.prototype.exec ( string ) — <https://tc39.es/ecma262/#sec-regexp.prototype.exec>
pub fn regexp_exec_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let R be the this value; RequireInternalSlot(R, [[RegExpMatcher]]).
    let (Value::Object(r), Some(info)) = (args.this, matcher_of(args.this)) else {
        let shown = receiver_label(args.this);
        return agent.throw_type_error(format!(
            "Method RegExp.prototype.exec called on incompatible receiver {shown}"
        ));
    };
    // 3. Let S be ? ToString(string).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Return ? RegExpBuiltinExec(R, S).
    regexp_builtin_exec(agent, r, &info, &s)
}

/// RegExp.prototype.test ( S ) — <https://tc39.es/ecma262/#sec-regexp.prototype.test>
pub fn regexp_test(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let R be the this value; it must be an Object.
    let r = this_object(agent, args, "RegExp.prototype.test")?;
    // 3. Let string be ? ToString(S).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Let match be ? RegExpExec(R, string).
    let m = regexp_exec(agent, &r, &s)?;
    // 5. If match is not null, return true; else return false.
    Ok(Value::Bool(!matches!(m, Value::Null)))
}

/// RegExp.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-regexp.prototype.tostring>
pub fn regexp_to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let R be the this value; it must be an Object.
    let r = this_object(agent, args, "RegExp.prototype.toString")?;
    // 3. Let pattern be ? ToString(? Get(R, "source")).
    let source = agent.get(&r, &PropertyKey::from("source"))?;
    let pattern = agent.to_string(&source)?;
    // 4. Let flags be ? ToString(? Get(R, "flags")).
    let flags = agent.get(&r, &PropertyKey::from("flags"))?;
    let flags = agent.to_string(&flags)?;
    // 5. Return "/" + pattern + "/" + flags.
    let mut units = vec![u16::from(b'/')];
    units.extend_from_slice(pattern.units());
    units.push(u16::from(b'/'));
    units.extend_from_slice(flags.units());
    Ok(Value::String(JsStr::from_units(units)))
}

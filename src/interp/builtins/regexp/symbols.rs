//! RegExp.prototype [ @@match ], [ @@matchAll ], [ @@replace ],
//! [ @@search ] and [ @@split ] (ECMA-262 §22.2.6).

use gc::Gc;

use super::accessors::flags_of;
use super::exec::{
    advance_string_index, find_match, groups_object, regexp_exec, regexp_exec_unmade, this_object,
    ExecResult,
};
use super::substitution::get_substitution;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::integer_or_infinity;
use crate::interp::property::{static_key, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let s = agent.symbols.clone();
    agent.define_symbol_method(proto, &s.match_, 1, regexp_match);
    agent.define_symbol_method(proto, &s.match_all, 1, regexp_match_all);
    agent.define_symbol_method(proto, &s.replace, 2, regexp_replace);
    agent.define_symbol_method(proto, &s.search, 1, regexp_search);
    agent.define_symbol_method(proto, &s.split, 2, regexp_split);
}

fn has_unit(flags: &JsStr, c: u8) -> bool {
    flags.units().contains(&u16::from(c))
}

/// After an empty match: lastIndex = AdvanceStringIndex(S, ToLength(lastIndex), fullUnicode).
pub(crate) fn step_past_empty_match(
    agent: &mut Agent,
    rx: &Gc<JsObject>,
    s: &JsStr,
    full_unicode: bool,
) -> JsResult<()> {
    let this_index = agent.get(rx, &static_key!("lastIndex"))?;
    let this_index = agent.to_length(&this_index)?;
    let next_index = advance_string_index(s, this_index, full_unicode);
    agent.set_or_throw(rx, &static_key!("lastIndex"), Value::Number(next_index))
}

/// ToString(? Get(result, "0")).
fn match_string(agent: &mut Agent, result: &Value) -> JsResult<JsStr> {
    let m = agent.get_v(result, &PropertyKey::Index(0))?;
    agent.to_string(&m)
}

/// RegExp.prototype [ @@match ] ( string ) — <https://tc39.es/ecma262/#sec-regexp.prototype-@@match>
fn regexp_match(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let rx be the this value; it must be an Object.
    let rx = this_object(agent, args, "RegExp.prototype.@@match")?;
    // 3. Let S be ? ToString(string).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = flags_of(agent, &rx)?;
    // 5. If flags does not contain "g", return ? RegExpExec(rx, S).
    if !has_unit(&flags, b'g') {
        return regexp_exec(agent, &rx, &s);
    }
    // 6.a–b. fullUnicode; Perform ? Set(rx, "lastIndex", +0𝔽, true).
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    agent.set_or_throw(&rx, &static_key!("lastIndex"), Value::Number(0.0))?;
    // c–e. A = [], n = 0; repeat,
    let mut matches: Vec<Value> = Vec::new();
    loop {
        // i. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec(agent, &rx, &s)?;
        // ii. If result is null: return null when n = 0, else A.
        if matches!(result, Value::Null) {
            if matches.is_empty() {
                return Ok(Value::Null);
            }
            return Ok(Value::Object(agent.create_array_from_list(matches)));
        }
        // iii.1. Let matchStr be ? ToString(? Get(result, "0")).
        let match_str = match_string(agent, &result)?;
        // iii.3. If matchStr is the empty String, step lastIndex past it.
        if match_str.is_empty() {
            step_past_empty_match(agent, &rx, &s, full_unicode)?;
        }
        // iii.2. Perform ! CreateDataPropertyOrThrow(A, ! ToString(𝔽(n)), matchStr).
        matches.push(Value::String(match_str));
    }
}

/// RegExp.prototype [ @@matchAll ] ( string ) — <https://tc39.es/ecma262/#sec-regexp-prototype-matchall>
fn regexp_match_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let R be the this value; it must be an Object.
    let r = this_object(agent, args, "RegExp.prototype.@@matchAll")?;
    // 3. Let S be ? ToString(string).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(R, %RegExp%).
    let default = agent.intrinsics().get("RegExp");
    let c = agent.species_constructor(&r, default)?;
    // 5. Let flags be ? ToString(? Get(R, "flags")).
    let flags = flags_of(agent, &r)?;
    // 6. Let matcher be ? Construct(C, « R, flags »).
    let matcher = agent.construct(
        &c,
        &[Value::Object(r.clone()), Value::String(flags.clone())],
        None,
    )?;
    let Value::Object(matcher) = matcher else {
        return agent.throw_type_error("object is not a RegExp");
    };
    // 7. Let lastIndex be ? ToLength(? Get(R, "lastIndex")).
    let last_index = agent.get(&r, &static_key!("lastIndex"))?;
    let last_index = agent.to_length(&last_index)?;
    // 8. Perform ? Set(matcher, "lastIndex", lastIndex, true).
    agent.set_or_throw(
        &matcher,
        &static_key!("lastIndex"),
        Value::Number(last_index),
    )?;
    // 9–12. global, fullUnicode.
    let global = has_unit(&flags, b'g');
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    // 13. Return CreateRegExpStringIterator(matcher, S, global, fullUnicode).
    Ok(super::string_iterator::create_regexp_string_iterator(
        agent,
        matcher,
        s,
        global,
        full_unicode,
    ))
}

/// RegExp.prototype [ @@replace ] ( string, replaceValue ) —
/// <https://tc39.es/ecma262/#sec-regexp.prototype-@@replace>
fn regexp_replace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let rx be the this value; it must be an Object.
    let rx = this_object(agent, args, "RegExp.prototype.@@replace")?;
    // 3. Let S be ? ToString(string). 4. Let lengthS be the length of S.
    let s = agent.to_string(&args.arg(0))?;
    let length_s = s.len();
    // 5–6. functionalReplace, or replaceValue as a string.
    let mut replace_value = args.arg(1);
    let functional = agent.is_callable(&replace_value);
    if !functional {
        replace_value = Value::String(agent.to_string(&replace_value)?);
    }
    // 7. Let flags be ? ToString(? Get(rx, "flags")). 8. global.
    let flags = flags_of(agent, &rx)?;
    let global = has_unit(&flags, b'g');
    let full_unicode = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    // 9. If global is true, perform ? Set(rx, "lastIndex", +0𝔽, true).
    if global {
        agent.set_or_throw(&rx, &static_key!("lastIndex"), Value::Number(0.0))?;
    }
    // 10–12. Collect the results.
    let mut results: Vec<ExecResult> = Vec::new();
    loop {
        // a. Let result be ? RegExpExec(rx, S).
        let result = regexp_exec_unmade(agent, &rx, &s)?;
        // b. If result is null, set done to true.
        // c.iii.1. Else (global), let matchStr be ? ToString(? Get(result, "0")).
        let match_is_empty = match &result {
            ExecResult::Null => break,
            _ if !global => None,
            ExecResult::Builtin { m, .. } => Some(m.whole.is_empty()),
            ExecResult::Object(o) => {
                Some(match_string(agent, &Value::Object(o.clone()))?.is_empty())
            }
        };
        // c.i. Append result to results.
        results.push(result);
        // c.ii. If global is false, set done to true.
        let Some(match_is_empty) = match_is_empty else {
            break;
        };
        // c.iii.2. If matchStr is the empty String, step past it.
        if match_is_empty {
            step_past_empty_match(agent, &rx, &s, full_unicode)?;
        }
    }
    // 13–14. accumulatedResult, nextSourcePosition.
    let mut accumulated: Vec<u16> = Vec::new();
    let mut next_source_position = 0usize;
    // 15. For each element result of results, do
    for result in results {
        // a–j. matched, position, captures and namedCaptures.
        let Some(ReadResult {
            matched,
            position,
            captures,
            mut named_captures,
        }) = read_result(agent, result, &s)?
        else {
            continue;
        };
        // k–l. The replacement text.
        let replacement: Vec<u16> = if functional {
            // k.i–v. Call(replaceValue, undefined, « matched, ...captures, position, S[, groups] »).
            let mut replacer_args = vec![Value::String(matched.clone())];
            replacer_args.extend(captures.iter().map(|c| match c {
                Some(c) => Value::String(c.clone()),
                None => Value::Undefined,
            }));
            replacer_args.push(Value::Number(position as f64));
            replacer_args.push(Value::String(s.clone()));
            if !matches!(named_captures, Value::Undefined) {
                replacer_args.push(named_captures.clone());
            }
            let repl = agent.call(&replace_value, &Value::Undefined, &replacer_args)?;
            // vi. Let replacement be ? ToString(replValue).
            agent.to_string(&repl)?.units().to_vec()
        } else {
            // l.i. If namedCaptures is not undefined, set it to ? ToObject(namedCaptures).
            if !matches!(named_captures, Value::Undefined) {
                named_captures = Value::Object(agent.to_object(&named_captures)?);
            }
            // l.ii. Let replacement be ? GetSubstitution(...).
            let template = match &replace_value {
                Value::String(t) => t.clone(),
                _ => JsStr::from(""),
            };
            get_substitution(
                agent,
                matched.units(),
                s.units(),
                position,
                &captures,
                &named_captures,
                template.units(),
            )?
        };
        // m. If position ≥ nextSourcePosition, then
        if position >= next_source_position {
            // i. accumulatedResult += S[nextSourcePosition, position) + replacement.
            accumulated.extend_from_slice(&s.units()[next_source_position..position]);
            accumulated.extend_from_slice(&replacement);
            // ii. Set nextSourcePosition to position + matchLength.
            next_source_position = position + matched.len();
        }
    }
    // 16. If nextSourcePosition ≥ lengthS, return accumulatedResult.
    // 17. Return accumulatedResult + S[nextSourcePosition..].
    if next_source_position < length_s {
        accumulated.extend_from_slice(&s.units()[next_source_position..]);
    }
    Ok(Value::String(JsStr::from_units(accumulated)))
}

/// What RegExp.prototype[@@replace] step 15.a–j reads from one result.
struct ReadResult {
    matched: JsStr,
    position: usize,
    captures: Vec<Option<JsStr>>,
    named_captures: Value,
}

/// RegExp.prototype[@@replace] step 15.a–j for one result of RegExpExec.
fn read_result(agent: &mut Agent, result: ExecResult, s: &JsStr) -> JsResult<Option<ReadResult>> {
    let length_s = s.len();
    let result_obj = match result {
        ExecResult::Null => return Ok(None),
        // The match array's own properties, read without making it.
        ExecResult::Builtin { m, .. } => {
            let part = |range: &std::ops::Range<usize>| s.substring(range.clone());
            return Ok(Some(ReadResult {
                matched: part(&m.whole),
                position: m.whole.start.min(length_s),
                captures: m.captures.iter().map(|c| c.as_ref().map(part)).collect(),
                named_captures: groups_object(s, &m),
            }));
        }
        ExecResult::Object(o) => o,
    };
    // a–b. Let resultLength be ? LengthOfArrayLike(result); nCaptures = max(resultLength − 1, 0).
    let result_length = agent.length_of_array_like(&result_obj)?;
    let n_captures = (result_length - 1.0).max(0.0);
    // c–d. Let matched be ? ToString(? Get(result, "0")); matchLength.
    let matched = match_string(agent, &Value::Object(result_obj.clone()))?;
    // e–g. position = clamp(ToIntegerOrInfinity(? Get(result, "index")), 0, lengthS).
    let index = agent.get(&result_obj, &static_key!("index"))?;
    let position = agent.to_number(&index)?;
    let position = integer_or_infinity(position).clamp(0.0, length_s as f64) as usize;
    // h–i. captures: each ToString(capN), or undefined.
    let mut captures: Vec<Option<JsStr>> = Vec::new();
    let mut n = 1.0;
    while n <= n_captures {
        let cap_key =
            PropertyKey::from_string(JsStr::from(crate::interp::number::number_to_string(n)));
        let cap = agent.get(&result_obj, &cap_key)?;
        captures.push(match cap {
            Value::Undefined => None,
            other => Some(agent.to_string(&other)?),
        });
        n += 1.0;
    }
    // j. Let namedCaptures be ? Get(result, "groups").
    let named_captures = agent.get(&result_obj, &static_key!("groups"))?;
    Ok(Some(ReadResult {
        matched,
        position,
        captures,
        named_captures,
    }))
}

/// RegExp.prototype [ @@search ] ( string ) — <https://tc39.es/ecma262/#sec-regexp.prototype-@@search>
fn regexp_search(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let rx be the this value; it must be an Object.
    let rx = this_object(agent, args, "RegExp.prototype.@@search")?;
    // 3. Let S be ? ToString(string).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Let previousLastIndex be ? Get(rx, "lastIndex").
    let previous = agent.get(&rx, &static_key!("lastIndex"))?;
    // 5. If SameValue(previousLastIndex, +0𝔽) is false, set it to +0𝔽.
    if !previous.same_value(&Value::Number(0.0)) {
        agent.set_or_throw(&rx, &static_key!("lastIndex"), Value::Number(0.0))?;
    }
    // 6. Let result be ? RegExpExec(rx, S).
    let result = regexp_exec(agent, &rx, &s)?;
    // 7–8. Restore lastIndex if it changed.
    let current = agent.get(&rx, &static_key!("lastIndex"))?;
    if !current.same_value(&previous) {
        agent.set_or_throw(&rx, &static_key!("lastIndex"), previous)?;
    }
    // 9. If result is null, return -1𝔽. 10. Return ? Get(result, "index").
    match result {
        Value::Null => Ok(Value::Number(-1.0)),
        other => agent.get_v(&other, &static_key!("index")),
    }
}

/// RegExp.prototype [ @@split ] ( string, limit ) — <https://tc39.es/ecma262/#sec-regexp.prototype-@@split>
fn regexp_split(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let rx be the this value; it must be an Object.
    let rx = this_object(agent, args, "RegExp.prototype.@@split")?;
    // 3. Let S be ? ToString(string).
    let s = agent.to_string(&args.arg(0))?;
    // 4. Let C be ? SpeciesConstructor(rx, %RegExp%).
    let default = agent.intrinsics().get("RegExp");
    let c = agent.species_constructor(&rx, default)?;
    // 5. Let flags be ? ToString(? Get(rx, "flags")).
    let flags = flags_of(agent, &rx)?;
    // 6–7. unicodeMatching; newFlags adds "y".
    let unicode_matching = has_unit(&flags, b'u') || has_unit(&flags, b'v');
    let new_flags = if has_unit(&flags, b'y') {
        flags.clone()
    } else {
        flags.concat(&JsStr::from("y"))
    };
    // 10. Let splitter be ? Construct(C, « rx, newFlags »).
    let splitter = agent.construct(
        &c,
        &[Value::Object(rx.clone()), Value::String(new_flags)],
        None,
    )?;
    let Value::Object(splitter) = splitter else {
        return agent.throw_type_error("object is not a RegExp");
    };
    // 11–12. A = [], lengthA = 0.
    let mut parts: Vec<Value> = Vec::new();
    // 13. lim = 2^32 − 1 when limit is undefined, else ℝ(? ToUint32(limit)).
    let lim = match args.arg(1) {
        Value::Undefined => u32::MAX,
        other => agent.to_uint32(&other)?,
    } as usize;
    // 14. If lim = 0, return A.
    if lim == 0 {
        return Ok(Value::Object(agent.create_array_from_list(parts)));
    }
    // 15. If S is the empty String, then
    let size = s.len();
    if size == 0 {
        // a. Let z be ? RegExpExec(splitter, S).
        let z = regexp_exec(agent, &splitter, &s)?;
        // b. If z is not null, return A.
        if matches!(z, Value::Null) {
            // c. Perform ! CreateDataPropertyOrThrow(A, "0", S).
            parts.push(Value::String(s.clone()));
        }
        // d. Return A.
        return Ok(Value::Object(agent.create_array_from_list(parts)));
    }
    let fast = fast_splitter(agent, &splitter)?;
    // 17–18. p = 0, q = p.
    let mut p = 0usize;
    let mut q = 0usize;
    // 19. Repeat, while q < size,
    while q < size {
        // a–c. z = RegExpExec(splitter, S) with lastIndex = q; e = min(ToLength(lastIndex), size).
        // (With the built-in exec, one forward search stands for the failed
        // sticky attempts at q, q+1, …: it finds the first position that matches.)
        let (match_at, e, z) = match &fast {
            Some(info) => match find_match(agent, info, &s, q, false)? {
                Some(m) if m.whole.start < size => {
                    super::legacy::record(agent, &s, &m.whole, &m.captures);
                    let z = Value::Object(sub_match_array(agent, &s, &m));
                    (m.whole.start, m.whole.end.min(size), z)
                }
                _ => break,
            },
            None => {
                agent.set_or_throw(
                    &splitter,
                    &static_key!("lastIndex"),
                    Value::Number(q as f64),
                )?;
                let z = regexp_exec(agent, &splitter, &s)?;
                if matches!(z, Value::Null) {
                    // d. If z is null, set q to AdvanceStringIndex(S, q, unicodeMatching).
                    q = advance_string_index(&s, q as f64, unicode_matching) as usize;
                    continue;
                }
                let e = agent.get(&splitter, &static_key!("lastIndex"))?;
                let e = agent.to_length(&e)?.min(size as f64) as usize;
                (q, e, z)
            }
        };
        q = match_at;
        // e.iii. If e = p, set q to AdvanceStringIndex(S, q, unicodeMatching).
        if e == p {
            q = advance_string_index(&s, q as f64, unicode_matching) as usize;
            continue;
        }
        // e.iv.1–3. T = S[p, q); append it.
        parts.push(Value::String(s.substring(p..q)));
        // 4. If lengthA = lim, return A.
        if parts.len() == lim {
            return Ok(Value::Object(agent.create_array_from_list(parts)));
        }
        // 5. Set p to e.
        p = e;
        // 6–10. Append each capture of z.
        let Value::Object(z) = z else { break };
        let number_of_captures = (agent.length_of_array_like(&z)? - 1.0).max(0.0) as usize;
        for i in 1..=number_of_captures {
            let next_capture = agent.get(&z, &PropertyKey::from(i as u32))?;
            parts.push(next_capture);
            if parts.len() == lim {
                return Ok(Value::Object(agent.create_array_from_list(parts)));
            }
        }
        // 11. Set q to p.
        q = p;
    }
    // 20–21. T = S[p, size); append it.
    parts.push(Value::String(s.substring(p..size)));
    // 22. Return A.
    Ok(Value::Object(agent.create_array_from_list(parts)))
}

/// The splitter's matcher when its `exec` is the built-in one (then no
/// user code can observe the individual sticky attempts).
fn fast_splitter(
    agent: &mut Agent,
    splitter: &Gc<JsObject>,
) -> JsResult<Option<super::MatcherInfo>> {
    let Some(info) = super::matcher_of(&Value::Object(splitter.clone())) else {
        return Ok(None);
    };
    let exec = agent.get(splitter, &static_key!("exec"))?;
    let builtin = agent.intrinsics().get("RegExp.prototype.exec");
    let is_builtin = matches!(&exec, Value::Object(f) if Gc::ptr_eq(f, &builtin));
    Ok(is_builtin.then_some(info))
}

/// The captures of a match as an array (index 0 the whole match), as
/// @@split reads them from RegExpExec's result.
fn sub_match_array(agent: &mut Agent, s: &JsStr, m: &super::exec::MatchRanges) -> Gc<JsObject> {
    let mut items = vec![Value::String(JsStr::from_units(
        &s.units()[m.whole.clone()],
    ))];
    for c in &m.captures {
        items.push(match c {
            Some(r) => Value::String(s.substring(r.clone())),
            None => Value::Undefined,
        });
    }
    agent.create_array_from_list(items)
}

//! String.prototype methods that take a pattern (ECMA-262 §22.1.3): match,
//! matchAll, replace, replaceAll, search and split. A pattern object's
//! @@match / @@matchAll / @@replace / @@search / @@split method decides,
//! so RegExps (and any object with those methods) take over.

use gc::Gc;

use super::methods::this_string;
use crate::interp::agent::Agent;
use crate::interp::builtins::regexp::{get_substitution, is_regexp, regexp_create_from_values};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::{Symbol, Value};

/// RequireObjectCoercible(this value), with V8's message.
fn coercible(agent: &mut Agent, this: &Value, method: &str) -> JsResult<()> {
    if matches!(this, Value::Undefined | Value::Null) {
        return agent.throw_type_error(format!(
            "String.prototype.{method} called on null or undefined"
        ));
    }
    Ok(())
}

/// Calls `pattern[symbol](this, ...extra)` when the pattern is an object
/// with that method (the step "If regexp is an Object, then let matcher be
/// ? GetMethod(regexp, @@match) …": a primitive's prototype is not asked,
/// as of ES2025; Node 20 still asks it for anything but undefined and null).
fn delegate(
    agent: &mut Agent,
    pattern: &Value,
    symbol: Gc<Symbol>,
    args: &[Value],
) -> JsResult<Option<Value>> {
    if !matches!(pattern, Value::Object(_)) {
        return Ok(None);
    }
    match agent.get_method(pattern, &PropertyKey::Symbol(symbol))? {
        Some(method) => Ok(Some(agent.call(&method, pattern, args)?)),
        None => Ok(None),
    }
}

/// String.prototype.match ( regexp ) — <https://tc39.es/ecma262/#sec-string.prototype.match>
fn match_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "match")?;
    let regexp = args.arg(0);
    let symbol = agent.symbols.match_.clone();
    if let Some(r) = delegate(
        agent,
        &regexp,
        symbol.clone(),
        std::slice::from_ref(args.this),
    )? {
        return Ok(r);
    }
    let s = agent.to_string(args.this)?;
    let rx = regexp_create_from_values(agent, &regexp, &Value::Undefined)?;
    agent.invoke(&rx, &PropertyKey::Symbol(symbol), &[Value::String(s)])
}

/// String.prototype.matchAll ( regexp ) — <https://tc39.es/ecma262/#sec-string.prototype.matchall>
fn match_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "matchAll")?;
    let regexp = args.arg(0);
    if !matches!(regexp, Value::Undefined | Value::Null) {
        require_global(
            agent,
            &regexp,
            "String.prototype.matchAll called with a non-global RegExp argument",
        )?;
    }
    let symbol = agent.symbols.match_all.clone();
    if let Some(r) = delegate(
        agent,
        &regexp,
        symbol.clone(),
        std::slice::from_ref(args.this),
    )? {
        return Ok(r);
    }
    let s = agent.to_string(args.this)?;
    let rx = regexp_create_from_values(agent, &regexp, &Value::from("g"))?;
    agent.invoke(&rx, &PropertyKey::Symbol(symbol), &[Value::String(s)])
}

/// For matchAll / replaceAll: a RegExp argument must have the `g` flag.
fn require_global(agent: &mut Agent, regexp: &Value, message: &str) -> JsResult<()> {
    if is_regexp(agent, regexp)? {
        let Value::Object(r) = regexp else {
            return Ok(());
        };
        let flags = agent.get(r, &PropertyKey::from("flags"))?;
        if matches!(flags, Value::Undefined | Value::Null) {
            return agent
                .throw_type_error("String.prototype.replaceAll called on null or undefined");
        }
        let flags = agent.to_string(&flags)?;
        if !flags.units().contains(&u16::from(b'g')) {
            return agent.throw_type_error(message);
        }
    }
    Ok(())
}

fn find(hay: &[u16], needle: &[u16], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// The replacement for one match of a string pattern.
fn replacement(
    agent: &mut Agent,
    replace_value: &Value,
    functional: bool,
    search: &JsStr,
    s: &JsStr,
    position: usize,
) -> JsResult<Vec<u16>> {
    if functional {
        let r = agent.call(
            replace_value,
            &Value::Undefined,
            &[
                Value::String(search.clone()),
                Value::Number(position as f64),
                Value::String(s.clone()),
            ],
        )?;
        Ok(agent.to_string(&r)?.units().to_vec())
    } else {
        let template = agent.to_string(replace_value)?;
        get_substitution(
            agent,
            search.units(),
            s.units(),
            position,
            &[],
            &Value::Undefined,
            template.units(),
        )
    }
}

/// String.prototype.replace ( searchValue, replaceValue ) — <https://tc39.es/ecma262/#sec-string.prototype.replace>
fn replace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "replace")?;
    let (search_value, replace_value) = (args.arg(0), args.arg(1));
    let symbol = agent.symbols.replace.clone();
    if let Some(r) = delegate(
        agent,
        &search_value,
        symbol,
        &[args.this.clone(), replace_value.clone()],
    )? {
        return Ok(r);
    }
    let s = agent.to_string(args.this)?;
    let search = agent.to_string(&search_value)?;
    let functional = agent.is_callable(&replace_value);
    let replace_value = if functional {
        replace_value
    } else {
        Value::String(agent.to_string(&replace_value)?)
    };
    let Some(position) = find(s.units(), search.units(), 0) else {
        return Ok(Value::String(s));
    };
    let rep = replacement(agent, &replace_value, functional, &search, &s, position)?;
    let mut out = s.units()[..position].to_vec();
    out.extend_from_slice(&rep);
    out.extend_from_slice(&s.units()[position + search.len()..]);
    Ok(Value::String(JsStr::from_units(out)))
}

/// String.prototype.replaceAll ( searchValue, replaceValue ) — <https://tc39.es/ecma262/#sec-string.prototype.replaceall>
fn replace_all(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "replaceAll")?;
    let (search_value, replace_value) = (args.arg(0), args.arg(1));
    if !matches!(search_value, Value::Undefined | Value::Null) {
        require_global(
            agent,
            &search_value,
            "replaceAll must be called with a global RegExp",
        )?;
    }
    let symbol = agent.symbols.replace.clone();
    if let Some(r) = delegate(
        agent,
        &search_value,
        symbol,
        &[args.this.clone(), replace_value.clone()],
    )? {
        return Ok(r);
    }
    let s = agent.to_string(args.this)?;
    let search = agent.to_string(&search_value)?;
    let functional = agent.is_callable(&replace_value);
    let replace_value = if functional {
        replace_value
    } else {
        Value::String(agent.to_string(&replace_value)?)
    };
    let advance = search.len().max(1);
    let mut positions = Vec::new();
    let mut from = 0;
    while let Some(p) = find(s.units(), search.units(), from) {
        agent.poll_interrupt()?;
        positions.push(p);
        from = p + advance;
    }
    let mut out = Vec::new();
    let mut end_of_last = 0;
    for p in positions {
        out.extend_from_slice(&s.units()[end_of_last..p]);
        let rep = replacement(agent, &replace_value, functional, &search, &s, p)?;
        if out.len() + rep.len() > JsStr::MAX_LENGTH {
            return agent.throw_range_error("Invalid string length");
        }
        if out.len() + rep.len() > out.capacity() {
            agent.reserve_string(2 * (out.len() + rep.len()))?;
        }
        out.extend_from_slice(&rep);
        end_of_last = p + search.len();
    }
    if end_of_last < s.len() {
        out.extend_from_slice(&s.units()[end_of_last..]);
    }
    Ok(Value::String(JsStr::from_units(out)))
}

/// String.prototype.search ( regexp ) — <https://tc39.es/ecma262/#sec-string.prototype.search>
fn search(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "search")?;
    let regexp = args.arg(0);
    let symbol = agent.symbols.search.clone();
    if let Some(r) = delegate(
        agent,
        &regexp,
        symbol.clone(),
        std::slice::from_ref(args.this),
    )? {
        return Ok(r);
    }
    let s = agent.to_string(args.this)?;
    let rx = regexp_create_from_values(agent, &regexp, &Value::Undefined)?;
    agent.invoke(&rx, &PropertyKey::Symbol(symbol), &[Value::String(s)])
}

/// String.prototype.split ( separator, limit ) — <https://tc39.es/ecma262/#sec-string.prototype.split>
fn split(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    coercible(agent, args.this, "split")?;
    let (separator, limit) = (args.arg(0), args.arg(1));
    let symbol = agent.symbols.split.clone();
    if let Some(r) = delegate(
        agent,
        &separator,
        symbol,
        &[args.this.clone(), limit.clone()],
    )? {
        return Ok(r);
    }
    // 3. Let S be ? ToString(O).
    let s = this_string(agent, args.this, "String.prototype.split")?;
    // 4–5. Let lim be 2^32 − 1 or ℝ(? ToUint32(limit)); let R be ? ToString(separator).
    let lim = if limit.is_undefined() {
        u32::MAX
    } else {
        agent.to_uint32(&limit)?
    } as usize;
    let r = agent.to_string(&separator)?;
    let piece = |units: &[u16]| Value::String(JsStr::from_units(units.to_vec()));
    // 6. If lim = 0, return an empty array.
    if lim == 0 {
        return Ok(Value::Object(agent.create_array_from_list(Vec::new())));
    }
    // 7. If separator is undefined, return « S ».
    if separator.is_undefined() {
        return Ok(Value::Object(
            agent.create_array_from_list(vec![Value::String(s)]),
        ));
    }
    let units = s.units();
    // 9. If separatorLength = 0: each code unit, up to lim.
    if r.is_empty() {
        let mut parts: Vec<Value> = Vec::with_capacity(units.len().min(lim));
        for u in units.iter().take(lim) {
            agent.poll_interrupt()?;
            parts.push(piece(std::slice::from_ref(u)));
        }
        return Ok(Value::Object(agent.create_array_from_list(parts)));
    }
    // 10. If S is the empty String, return « S ».
    if units.is_empty() {
        return Ok(Value::Object(
            agent.create_array_from_list(vec![Value::String(s)]),
        ));
    }
    // 11–14. Substrings between occurrences.
    let mut parts = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(p) = find(units, r.units(), from) {
        agent.poll_interrupt()?;
        parts.push(piece(&units[start..p]));
        if parts.len() == lim {
            return Ok(Value::Object(agent.create_array_from_list(parts)));
        }
        start = p + r.len();
        from = start;
    }
    parts.push(piece(&units[start..]));
    Ok(Value::Object(agent.create_array_from_list(parts)))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "match", 1, match_method);
    agent.define_method(proto, "matchAll", 1, match_all);
    agent.define_method(proto, "replace", 2, replace);
    agent.define_method(proto, "replaceAll", 2, replace_all);
    agent.define_method(proto, "search", 1, search);
    agent.define_method(proto, "split", 2, split);
}

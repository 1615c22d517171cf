//! String.prototype methods that work on code units (ECMA-262 §22.1.3).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::number::is_str_white_space;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::conversion::integer_or_infinity;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// ToString(RequireObjectCoercible(this value)), with V8's message.
pub(super) fn this_string(agent: &mut Agent, this: &Value, method: &str) -> JsResult<JsStr> {
    match this {
        Value::String(s) => Ok(s.clone()),
        Value::Undefined | Value::Null => {
            agent.throw_type_error(format!("{method} called on null or undefined"))
        }
        other => agent.to_string(other),
    }
}

fn string_value(agent: &mut Agent, this: &Value, method: &str) -> JsResult<JsStr> {
    match this {
        Value::String(s) => Ok(s.clone()),
        Value::Object(o) => match &o.kind {
            ObjectKind::String(s) => Ok(s.clone()),
            _ => agent.throw_type_error(format!("{method} requires that 'this' be a String")),
        },
        _ => agent.throw_type_error(format!("{method} requires that 'this' be a String")),
    }
}

/// A relative index argument clamped to 0..len (slice/substring-style).
fn relative(agent: &mut Agent, v: &Value, len: usize, default: f64) -> JsResult<usize> {
    let n = if v.is_undefined() {
        default
    } else {
        agent.to_integer_or_infinity(v)?
    };
    let len_f = len as f64;
    Ok(if n < 0.0 {
        (len_f + n).max(0.0)
    } else {
        n.min(len_f)
    } as usize)
}

fn clamp(agent: &mut Agent, v: &Value, len: usize, default: f64) -> JsResult<usize> {
    let n = if v.is_undefined() {
        default
    } else {
        agent.to_integer_or_infinity(v)?
    };
    Ok(n.clamp(0.0, len as f64) as usize)
}

fn str_value(units: &[u16]) -> Value {
    Value::String(JsStr::from_units(units.to_vec()))
}

fn at(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.at")?;
    let len = s.len() as f64;
    let rel = agent.to_integer_or_infinity(&args.arg(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    Ok(str_value(&s.units()[k as usize..k as usize + 1]))
}

fn char_at(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.charAt")?;
    let pos = agent.to_integer_or_infinity(&args.arg(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::from(""));
    }
    Ok(str_value(&s.units()[pos as usize..pos as usize + 1]))
}

fn char_code_at(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.charCodeAt")?;
    let pos = agent.to_integer_or_infinity(&args.arg(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(f64::from(s.units()[pos as usize])))
}

/// CodePointAt ( string, position ): the code point and its length in units.
pub(super) fn code_point_at(units: &[u16], i: usize) -> (u32, usize) {
    let first = units[i];
    if (0xD800..0xDC00).contains(&first) {
        if let Some(&second) = units.get(i + 1) {
            if (0xDC00..0xE000).contains(&second) {
                let cp =
                    0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
                return (cp, 2);
            }
        }
    }
    (u32::from(first), 1)
}

fn code_point_at_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.codePointAt")?;
    let pos = agent.to_integer_or_infinity(&args.arg(0))?;
    if pos < 0.0 || pos >= s.len() as f64 {
        return Ok(Value::Undefined);
    }
    Ok(Value::Number(f64::from(
        code_point_at(s.units(), pos as usize).0,
    )))
}

fn concat(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.concat")?;
    let mut units = s.units().to_vec();
    for a in args.args {
        let next = agent.to_string(a)?;
        if units.len() + next.len() > JsStr::MAX_LENGTH {
            return agent.throw_range_error("Invalid string length");
        }
        agent.reserve_string(units.len() + next.len())?;
        units.extend_from_slice(next.units());
    }
    Ok(Value::String(JsStr::from_units(units)))
}

/// The search string of includes/startsWith/endsWith: not a RegExp.
fn search_string(agent: &mut Agent, v: &Value, method: &str) -> JsResult<JsStr> {
    if super::super::regexp::is_regexp(agent, v)? {
        return agent.throw_type_error(format!(
            "First argument to String.prototype.{method} must not be a regular expression"
        ));
    }
    agent.to_string(v)
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

fn ends_with(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.endsWith")?;
    let search = search_string(agent, &args.arg(0), "endsWith")?;
    let end = clamp(agent, &args.arg(1), s.len(), s.len() as f64)?;
    let n = search.len();
    Ok(Value::Bool(
        end >= n && &s.units()[end - n..end] == search.units(),
    ))
}

fn starts_with(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.startsWith")?;
    let search = search_string(agent, &args.arg(0), "startsWith")?;
    let start = clamp(agent, &args.arg(1), s.len(), 0.0)?;
    let n = search.len();
    Ok(Value::Bool(
        start + n <= s.len() && &s.units()[start..start + n] == search.units(),
    ))
}

fn includes(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.includes")?;
    let search = search_string(agent, &args.arg(0), "includes")?;
    let start = clamp(agent, &args.arg(1), s.len(), 0.0)?;
    Ok(Value::Bool(
        find(s.units(), search.units(), start).is_some(),
    ))
}

fn index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.indexOf")?;
    let search = agent.to_string(&args.arg(0))?;
    let start = clamp(agent, &args.arg(1), s.len(), 0.0)?;
    Ok(Value::Number(
        find(s.units(), search.units(), start)
            .map(|i| i as f64)
            .unwrap_or(-1.0),
    ))
}

fn last_index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.lastIndexOf")?;
    let search = agent.to_string(&args.arg(0))?;
    let num_pos = agent.to_number(&args.arg(1))?;
    let pos = if num_pos.is_nan() {
        f64::INFINITY
    } else {
        integer_or_infinity(num_pos)
    };
    let len = s.len();
    let n = search.len();
    if n > len {
        return Ok(Value::Number(-1.0));
    }
    let start = pos.clamp(0.0, (len - n) as f64) as usize;
    let hay = s.units();
    let found = (0..=start)
        .rev()
        .find(|&i| &hay[i..i + n] == search.units());
    Ok(Value::Number(found.map(|i| i as f64).unwrap_or(-1.0)))
}

/// String.prototype.localeCompare: a root-collation approximation —
/// letters compare case-insensitively first, then lower case before upper.
fn locale_compare(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.localeCompare")?;
    let that = agent.to_string(&args.arg(0))?;
    let a = s.to_rust_string();
    let b = that.to_rust_string();
    let key = |x: &str| x.to_lowercase();
    let ord = key(&a).cmp(&key(&b)).then_with(|| {
        // Lower case sorts before upper case at the tertiary level.
        let flip = |x: &str| {
            x.chars()
                .map(|c| {
                    if c.is_lowercase() {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect::<String>()
        };
        flip(&a).cmp(&flip(&b))
    });
    Ok(Value::Number(match ord {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    }))
}

/// String.prototype.normalize ( [ form ] ) — <https://tc39.es/ecma262/#sec-string.prototype.normalize>
fn normalize(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    use unicode_normalization::UnicodeNormalization;
    let s = this_string(agent, args.this, "String.prototype.normalize")?;
    let form = match args.arg(0) {
        Value::Undefined => "NFC".to_string(),
        f => agent.to_string(&f)?.to_rust_string(),
    };
    let text = s.to_rust_string();
    let out: String = match form.as_str() {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        "NFKD" => text.nfkd().collect(),
        _ => {
            return agent
                .throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
        }
    };
    Ok(Value::from(out.as_str()))
}

/// StringPad ( S, maxLength, fillString, placement ) — <https://tc39.es/ecma262/#sec-stringpad>
fn pad(agent: &mut Agent, args: &CallArgs, at_start: bool) -> JsResult<Value> {
    let s = this_string(
        agent,
        args.this,
        if at_start {
            "String.prototype.padStart"
        } else {
            "String.prototype.padEnd"
        },
    )?;
    let max = agent.to_length(&args.arg(0))?;
    let filler = match args.arg(1) {
        Value::Undefined => JsStr::from(" "),
        f => agent.to_string(&f)?,
    };
    let len = s.len();
    if max <= len as f64 || filler.is_empty() {
        return Ok(Value::String(s));
    }
    if max > JsStr::MAX_LENGTH as f64 {
        return agent.throw_range_error("Invalid string length");
    }
    agent.reserve_string(max as usize)?;
    let fill_len = max as usize - len;
    let fill: Vec<u16> = filler
        .units()
        .iter()
        .copied()
        .cycle()
        .take(fill_len)
        .collect();
    let mut units = Vec::with_capacity(max as usize);
    if at_start {
        units.extend_from_slice(&fill);
        units.extend_from_slice(s.units());
    } else {
        units.extend_from_slice(s.units());
        units.extend_from_slice(&fill);
    }
    Ok(Value::String(JsStr::from_units(units)))
}

fn pad_start(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    pad(agent, args, true)
}

fn pad_end(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    pad(agent, args, false)
}

fn repeat(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.repeat")?;
    let n = agent.to_integer_or_infinity(&args.arg(0))?;
    if n < 0.0 || n.is_infinite() {
        let shown = crate::interp::number::number_to_string(n);
        return agent.throw_range_error(format!("Invalid count value: {shown}"));
    }
    if s.len() as f64 * n > JsStr::MAX_LENGTH as f64 {
        return agent.throw_range_error("Invalid string length");
    }
    agent.reserve_string(s.len() * n as usize)?;
    Ok(Value::String(JsStr::from_units(
        s.units().repeat(n as usize),
    )))
}

fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.slice")?;
    let len = s.len();
    let from = relative(agent, &args.arg(0), len, 0.0)?;
    let to = relative(agent, &args.arg(1), len, len as f64)?;
    Ok(Value::String(if from < to {
        s.substring(from..to)
    } else {
        JsStr::empty()
    }))
}

fn substring(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.substring")?;
    let len = s.len();
    let a = clamp(agent, &args.arg(0), len, 0.0)?;
    let b = clamp(agent, &args.arg(1), len, len as f64)?;
    let (from, to) = (a.min(b), a.max(b));
    Ok(Value::String(s.substring(from..to)))
}

/// String.prototype.substr ( start, length ) — Annex B.
fn substr(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.substr")?;
    let len = s.len();
    let start = relative(agent, &args.arg(0), len, 0.0)?;
    let count = if args.arg(1).is_undefined() {
        f64::INFINITY
    } else {
        agent.to_integer_or_infinity(&args.arg(1))?
    };
    let end = (start as f64 + count).clamp(start as f64, len as f64) as usize;
    Ok(Value::String(s.substring(start..end)))
}

fn trim_units(units: &[u16], start: bool, end: bool) -> &[u16] {
    let mut a = 0;
    let mut b = units.len();
    if start {
        while a < b && is_str_white_space(units[a]) {
            a += 1;
        }
    }
    if end {
        while b > a && is_str_white_space(units[b - 1]) {
            b -= 1;
        }
    }
    &units[a..b]
}

fn trim(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.trim")?;
    Ok(str_value(trim_units(s.units(), true, true)))
}

fn trim_start(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.trimStart")?;
    Ok(str_value(trim_units(s.units(), true, false)))
}

fn trim_end(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.trimEnd")?;
    Ok(str_value(trim_units(s.units(), false, true)))
}

fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::String(string_value(
        agent,
        args.this,
        "String.prototype.toString",
    )?))
}

fn value_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::String(string_value(
        agent,
        args.this,
        "String.prototype.valueOf",
    )?))
}

fn is_well_formed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.isWellFormed")?;
    Ok(Value::Bool(
        char::decode_utf16(s.units().iter().copied()).all(|c| c.is_ok()),
    ))
}

fn to_well_formed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_string(agent, args.this, "String.prototype.toWellFormed")?;
    let mut out = Vec::with_capacity(s.len());
    for c in char::decode_utf16(s.units().iter().copied()) {
        let c = c.unwrap_or('\u{FFFD}');
        let mut buf = [0u16; 2];
        out.extend_from_slice(c.encode_utf16(&mut buf));
    }
    Ok(Value::String(JsStr::from_units(out)))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let methods: [(&str, u32, crate::interp::function::NativeFn); 25] = [
        ("at", 1, at),
        ("charAt", 1, char_at),
        ("charCodeAt", 1, char_code_at),
        ("codePointAt", 1, code_point_at_method),
        ("concat", 1, concat),
        ("endsWith", 1, ends_with),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("isWellFormed", 0, is_well_formed),
        ("lastIndexOf", 1, last_index_of),
        ("localeCompare", 1, locale_compare),
        ("normalize", 0, normalize),
        ("padEnd", 1, pad_end),
        ("padStart", 1, pad_start),
        ("repeat", 1, repeat),
        ("slice", 2, slice),
        ("startsWith", 1, starts_with),
        ("substr", 2, substr),
        ("substring", 2, substring),
        ("toString", 0, to_string),
        ("toWellFormed", 0, to_well_formed),
        ("trim", 0, trim),
        ("trimEnd", 0, trim_end),
        ("trimStart", 0, trim_start),
        ("valueOf", 0, value_of),
    ];
    for (name, length, f) in methods {
        agent.define_method(proto, name, length, f);
    }
    // B.2.2.15–16: the initial values of trimLeft and trimRight are the
    // trimStart and trimEnd function objects themselves.
    for (alias, name) in [("trimLeft", "trimStart"), ("trimRight", "trimEnd")] {
        if let Some(f) = proto.get_own_data_value(&PropertyKey::from(name)) {
            define_value(proto, alias, f, Attributes::METHOD);
        }
    }
}

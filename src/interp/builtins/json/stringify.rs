//! JSON.stringify ( value [ , replacer [ , space ] ] ) —
//! <https://tc39.es/ecma262/#sec-json.stringify>, writing into one UTF-16
//! buffer. Nesting deeper than `MAX_DEPTH` (or a nearly exhausted native
//! stack) throws a RangeError instead of overflowing the Rust stack.

use std::collections::HashSet;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::number::number_to_string;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::object_ops::EnumerableKind;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// How deeply objects and arrays may nest while being parsed or serialised.
pub const MAX_DEPTH: usize = 5_000;

/// The JSON Serialization Record (§25.5.2.1).
struct State {
    /// `[[ReplacerFunction]]`
    replacer_function: Option<Value>,
    /// `[[PropertyList]]`
    property_list: Option<Vec<JsStr>>,
    /// `[[Gap]]`
    gap: Vec<u16>,
    /// `[[Indent]]`
    indent: Vec<u16>,
    /// `[[Stack]]`, with the key that led to each entry (for the cycle message).
    stack: Vec<(Gc<JsObject>, PropertyKey, bool)>,
    on_stack: HashSet<usize>,
    out: Vec<u16>,
}

fn push_str(out: &mut Vec<u16>, s: &str) {
    out.extend(s.encode_utf16());
}

fn address(o: &Gc<JsObject>) -> usize {
    Gc::as_ptr(o) as *const u8 as usize
}

/// JSON.stringify ( value [ , replacer [ , space ] ] )
pub fn stringify(
    agent: &mut Agent,
    value: Value,
    replacer: Value,
    space: Value,
) -> JsResult<Option<JsStr>> {
    // 1–3. stack, indent, PropertyList, ReplacerFunction.
    let mut state = State {
        replacer_function: None,
        property_list: None,
        gap: Vec::new(),
        indent: Vec::new(),
        stack: Vec::new(),
        on_stack: HashSet::new(),
        out: Vec::new(),
    };
    // 4. If replacer is an Object, then
    if let Value::Object(r) = &replacer {
        if r.is_callable() {
            // a. If IsCallable(replacer) is true, set ReplacerFunction to replacer.
            state.replacer_function = Some(replacer.clone());
        } else if agent.is_array(&replacer)? {
            // b. Else if IsArray(replacer) is true, then build PropertyList.
            state.property_list = Some(property_list(agent, r)?);
        }
    }
    // 5. If space is an Object, unwrap a Number or String object.
    let space = match &space {
        Value::Object(o) => match o.kind {
            ObjectKind::Number(_) => Value::Number(agent.to_number(&space)?),
            ObjectKind::String(_) => Value::String(agent.to_string(&space)?),
            _ => space.clone(),
        },
        _ => space.clone(),
    };
    state.gap = match &space {
        // 6. If space is a Number: min(10, ToIntegerOrInfinity(space)) spaces.
        Value::Number(n) => {
            let count = crate::interp::ops::conversion::integer_or_infinity(*n).min(10.0);
            if count < 1.0 {
                Vec::new()
            } else {
                vec![0x20; count as usize]
            }
        }
        // 7. Else if space is a String: its first 10 code units.
        Value::String(s) => s.units()[..s.len().min(10)].to_vec(),
        // 8. Else, gap is the empty String.
        _ => Vec::new(),
    };
    // 9. Let wrapper be OrdinaryObjectCreate(%Object.prototype%).
    let wrapper = super::plain_object(agent);
    // 10. Perform ! CreateDataPropertyOrThrow(wrapper, the empty String, value).
    let empty = PropertyKey::from("");
    wrapper.define_own_property(
        empty.clone(),
        crate::interp::property::PropertyDescriptor::data(
            value,
            crate::interp::property::Attributes::ALL,
        ),
    );
    // 11–12. Return ? SerializeJSONProperty(state, the empty String, wrapper).
    if serialize_property(agent, &mut state, &empty, &wrapper, false)? {
        Ok(Some(JsStr::from_units(state.out)))
    } else {
        Ok(None)
    }
}

/// Step 4.b: the replacer array's strings, numbers and wrappers, without duplicates.
fn property_list(agent: &mut Agent, replacer: &Gc<JsObject>) -> JsResult<Vec<JsStr>> {
    // i. Let PropertyList be a new empty List.
    let mut list: Vec<JsStr> = Vec::new();
    let mut seen: HashSet<JsStr> = HashSet::new();
    // ii. Let len be ? LengthOfArrayLike(replacer).
    let len = agent.length_of_array_like(replacer)?;
    // iii–iv. Repeat, while k < len,
    let mut k = 0.0;
    while k < len {
        // 1. Let prop be ! ToString(𝔽(k)). 2. Let v be ? Get(replacer, prop).
        let key = PropertyKey::from_string(JsStr::from(number_to_string(k)));
        let v = agent.get(replacer, &key)?;
        // 3–6. A String, a Number (ToString), or a String/Number object (ToString).
        let item = match &v {
            Value::String(s) => Some(s.clone()),
            Value::Number(_) => Some(agent.to_string(&v)?),
            Value::Object(o) if matches!(o.kind, ObjectKind::String(_) | ObjectKind::Number(_)) => {
                Some(agent.to_string(&v)?)
            }
            _ => None,
        };
        // 7. If item is not undefined and PropertyList does not contain item, append it.
        if let Some(item) = item {
            if seen.insert(item.clone()) {
                list.push(item);
            }
        }
        k += 1.0;
    }
    Ok(list)
}

/// SerializeJSONProperty ( state, key, holder ) —
/// <https://tc39.es/ecma262/#sec-serializejsonproperty>. Appends the text
/// to `state.out` and returns true, or returns false for undefined
/// (leaving `state.out` as it was).
fn serialize_property(
    agent: &mut Agent,
    state: &mut State,
    key: &PropertyKey,
    holder: &Gc<JsObject>,
    holder_is_array: bool,
) -> JsResult<bool> {
    // 1. Let value be ? Get(holder, key). (An own data property of an
    //    ordinary object or array needs no [[Get]] call: it has no side
    //    effects to observe.)
    let own = match holder.kind {
        ObjectKind::Ordinary | ObjectKind::Array(_) => holder.get_own_data_value(key),
        _ => None,
    };
    let mut value = match own {
        Some(v) => v,
        None => agent.get(holder, key)?,
    };
    // 2. If value is an Object or a BigInt, then
    if let Value::Object(_) | Value::BigInt(_) = &value {
        // a. Let toJSON be ? GetV(value, "toJSON").
        let to_json = agent.get_v(&value, &PropertyKey::from("toJSON"))?;
        // b. If IsCallable(toJSON) is true, set value to ? Call(toJSON, value, « key »).
        if agent.is_callable(&to_json) {
            value = agent.call(&to_json, &value, &[key.to_value()])?;
        }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, call it with holder as this.
    if let Some(replacer) = state.replacer_function.clone() {
        value = agent.call(
            &replacer,
            &Value::Object(holder.clone()),
            &[key.to_value(), value],
        )?;
    }
    // 4. If value is an Object, then
    if let Value::Object(o) = &value {
        // a. If value has an [[IsRawJSON]] internal slot, return ! Get(value, "rawJSON").
        if let Some(Value::String(text)) = super::raw_json::raw_json_text(o) {
            state.out.extend_from_slice(text.units());
            return Ok(true);
        }
        // b–e. Unwrap Number, String and Boolean objects.
        value = match &o.kind {
            ObjectKind::Number(_) => Value::Number(agent.to_number(&value)?),
            ObjectKind::String(_) => Value::String(agent.to_string(&value)?),
            ObjectKind::Boolean(b) => Value::Bool(*b),
            // d. Else if value has a [[BigIntData]] internal slot, set value to value.[[BigIntData]].
            ObjectKind::BigInt(b) => Value::BigInt(b.clone()),
            _ => value.clone(),
        };
    }
    match value {
        // 5. If value is null, return "null".
        Value::Null => push_str(&mut state.out, "null"),
        // 6–7. true / false.
        Value::Bool(b) => push_str(&mut state.out, if b { "true" } else { "false" }),
        // 8. If value is a String, return QuoteJSONString(value).
        Value::String(s) => quote_json_string(&mut state.out, s.units()),
        // 9. If value is a Number: finite → ToString(value), else "null".
        Value::Number(n) if n.is_finite() => push_str(&mut state.out, &number_to_string(n)),
        Value::Number(_) => push_str(&mut state.out, "null"),
        // 10. If value is a BigInt, throw a TypeError exception.
        Value::BigInt(_) => return agent.throw_type_error("Do not know how to serialize a BigInt"),
        // 11. If value is an Object and IsCallable(value) is false, then
        Value::Object(o) if !o.is_callable() => {
            enter(agent, state, &o, key, holder_is_array)?;
            // a. If IsArray(value), return SerializeJSONArray; b. else SerializeJSONObject.
            let result = if agent.is_array(&Value::Object(o.clone()))? {
                serialize_array(agent, state, &o)
            } else {
                serialize_object(agent, state, &o)
            };
            // (the stack pop of both algorithms)
            state.stack.pop();
            state.on_stack.remove(&address(&o));
            result?;
        }
        // 12. Return undefined.
        _ => return Ok(false),
    }
    Ok(true)
}

/// The cycle check and push that open SerializeJSONObject / SerializeJSONArray,
/// plus the depth limit.
fn enter(
    agent: &mut Agent,
    state: &mut State,
    value: &Gc<JsObject>,
    key: &PropertyKey,
    holder_is_array: bool,
) -> JsResult<()> {
    // 1. If state.[[Stack]] contains value, throw a TypeError exception
    //    because the structure is cyclical.
    if state.on_stack.contains(&address(value)) {
        let message = circular_message(state, value, key, holder_is_array);
        return agent.throw_type_error(message);
    }
    if state.stack.len() >= MAX_DEPTH || crate::interp::stack_guard::stack_is_low() {
        return Err(agent.stack_overflow());
    }
    // 2. Append value to state.[[Stack]].
    state
        .stack
        .push((value.clone(), key.clone(), holder_is_array));
    state.on_stack.insert(address(value));
    Ok(())
}

/// V8's multi-line explanation of where the cycle starts and closes.
fn circular_message(
    state: &State,
    value: &Gc<JsObject>,
    key: &PropertyKey,
    holder_is_array: bool,
) -> String {
    let describe_key = |k: &PropertyKey, in_array: bool| {
        if in_array {
            format!("index {}", k.to_value_string())
        } else {
            format!("property '{}'", k.to_value_string())
        }
    };
    let ctor = |o: &Gc<JsObject>| {
        let label =
            crate::interp::builtins::map_set::labels::receiver_label(&Value::Object(o.clone()));
        match label.strip_prefix("#<").and_then(|l| l.strip_suffix('>')) {
            Some(name) => name.to_string(),
            None if o.is_array() => "Array".to_string(),
            None => "Object".to_string(),
        }
    };
    let start = state
        .stack
        .iter()
        .position(|(o, _, _)| Gc::ptr_eq(o, value))
        .unwrap_or(0);
    let mut message = format!(
        "Converting circular structure to JSON\n    --> starting at object with constructor '{}'",
        ctor(value)
    );
    for (o, k, in_array) in &state.stack[start + 1..] {
        message.push_str(&format!(
            "\n    |     {} -> object with constructor '{}'",
            describe_key(k, *in_array),
            ctor(o)
        ));
    }
    message.push_str(&format!(
        "\n    --- {} closes the circle",
        describe_key(key, holder_is_array)
    ));
    message
}

/// Writes a line break and the current indent (only called with a non-empty gap).
fn new_line(state: &mut State) {
    state.out.push(0x0A);
    let indent = state.indent.clone();
    state.out.extend_from_slice(&indent);
}

/// SerializeJSONObject ( state, value ) — <https://tc39.es/ecma262/#sec-serializejsonobject>
fn serialize_object(agent: &mut Agent, state: &mut State, value: &Gc<JsObject>) -> JsResult<()> {
    // 3. Let stepback be state.[[Indent]]. 4. Append the gap to the indent.
    let stepback = state.indent.clone();
    state.indent.extend_from_slice(&state.gap.clone());
    // 5. K is the PropertyList, or EnumerableOwnProperties(value, key).
    let keys: Vec<PropertyKey> = match &state.property_list {
        Some(list) => list.iter().cloned().map(PropertyKey::from_string).collect(),
        None => agent
            .enumerable_own_properties(value, EnumerableKind::Keys)?
            .into_iter()
            .filter_map(|k| match k {
                Value::String(s) => Some(PropertyKey::from_string(s)),
                _ => None,
            })
            .collect(),
    };
    // 6–7. Serialise each member; skip those whose value is undefined.
    state.out.push(u16::from(b'{'));
    let mut any = false;
    for key in keys {
        check_output(agent, state)?;
        let mark = state.out.len();
        if any {
            state.out.push(u16::from(b','));
        }
        if !state.gap.is_empty() {
            new_line(state);
        }
        let name = key.to_value();
        if let Value::String(s) = &name {
            quote_json_string(&mut state.out, s.units());
        }
        state.out.push(u16::from(b':'));
        if !state.gap.is_empty() {
            state.out.push(0x20);
        }
        if serialize_property(agent, state, &key, value, false)? {
            any = true;
        } else {
            state.out.truncate(mark);
        }
    }
    // 8–9. "{}", or the members joined, with line breaks when there is a gap.
    state.indent = stepback;
    if any && !state.gap.is_empty() {
        new_line(state);
    }
    state.out.push(u16::from(b'}'));
    Ok(())
}

/// SerializeJSONArray ( state, value ) — <https://tc39.es/ecma262/#sec-serializejsonarray>
fn serialize_array(agent: &mut Agent, state: &mut State, value: &Gc<JsObject>) -> JsResult<()> {
    // 3–4. stepback and the deeper indent.
    let stepback = state.indent.clone();
    state.indent.extend_from_slice(&state.gap.clone());
    // 6. Let len be ? LengthOfArrayLike(value).
    let len = agent.length_of_array_like(value)?;
    state.out.push(u16::from(b'['));
    // 7–8. Repeat, while index < len: the element, or "null" for undefined.
    let mut index = 0.0;
    while index < len {
        check_output(agent, state)?;
        if index > 0.0 {
            state.out.push(u16::from(b','));
        }
        if !state.gap.is_empty() {
            new_line(state);
        }
        let key = if index < f64::from(u32::MAX) {
            PropertyKey::from(index as u32)
        } else {
            PropertyKey::from_string(JsStr::from(number_to_string(index)))
        };
        if !serialize_property(agent, state, &key, value, true)? {
            push_str(&mut state.out, "null");
        }
        index += 1.0;
    }
    // 9–10. "[]", or the elements joined, with line breaks when there is a gap.
    state.indent = stepback;
    if len > 0.0 && !state.gap.is_empty() {
        new_line(state);
    }
    state.out.push(u16::from(b']'));
    Ok(())
}

/// Between two members: polls the interrupt and bounds the text built so
/// far by the maximum string length (V8's `RangeError: Invalid string
/// length`) and the heap cap.
fn check_output(agent: &mut Agent, state: &State) -> JsResult<()> {
    agent.poll_interrupt()?;
    let len = state.out.len();
    if len > JsStr::MAX_LENGTH {
        return agent.throw_range_error("Invalid string length");
    }
    if len == state.out.capacity() {
        agent.reserve_string(2 * len)?;
    }
    Ok(())
}

/// QuoteJSONString ( value ) — <https://tc39.es/ecma262/#sec-quotejsonstring>
pub fn quote_json_string(out: &mut Vec<u16>, units: &[u16]) {
    // 1. Let product be the String value consisting solely of the code unit 0x0022.
    out.push(0x22);
    // 2. For each code point C of StringToCodePoints(value), do
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let escape: Option<&str> = match u {
            0x08 => Some("\\b"),
            0x09 => Some("\\t"),
            0x0A => Some("\\n"),
            0x0C => Some("\\f"),
            0x0D => Some("\\r"),
            0x22 => Some("\\\""),
            0x5C => Some("\\\\"),
            _ => None,
        };
        if let Some(e) = escape {
            // a. If C is listed in the "Code Point" column of Table 74, use its escape.
            push_str(out, e);
        } else if (0xD800..0xDC00).contains(&u)
            && units
                .get(i + 1)
                .is_some_and(|n| (0xDC00..0xE000).contains(n))
        {
            // c. Else: a surrogate pair is one code point, copied as is.
            out.push(u);
            out.push(units[i + 1]);
            i += 1;
        } else if u < 0x20 || (0xD800..0xE000).contains(&u) {
            // b. Else if C < 0x20 or C is a leading or trailing surrogate: UnicodeEscape(C).
            push_str(out, &format!("\\u{u:04x}"));
        } else {
            out.push(u);
        }
        i += 1;
    }
    // 3. Set product to the string-concatenation of product and the code unit 0x0022.
    out.push(0x22);
}

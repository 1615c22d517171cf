//! %TypedArray.prototype% methods that read elements (ECMA-262 §23.2.3):
//! at, includes, indexOf, lastIndexOf, join, toLocaleString, toString
//! and the iterator methods.

use gc::Gc;

use super::object::{ta, validate_typed_array};
use crate::interp::agent::Agent;
use crate::interp::builtins::iterator::{create_array_iterator, ArrayIterKind};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::number::number_to_string;
use crate::interp::object::JsObject;
use crate::interp::ops::equality::is_strictly_equal;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "at", 1, at);
    agent.define_method(proto, "entries", 0, entries);
    agent.define_method(proto, "includes", 1, includes);
    agent.define_method(proto, "indexOf", 1, index_of);
    agent.define_method(proto, "join", 1, join);
    agent.define_method(proto, "keys", 0, keys);
    agent.define_method(proto, "lastIndexOf", 1, last_index_of);
    agent.define_method(proto, "toLocaleString", 0, to_locale_string);
    let values = agent.define_method(proto, "values", 0, values);
    // %TypedArray%.prototype [ @@iterator ] is the same function object as values.
    proto.define_own_property(
        PropertyKey::Symbol(agent.symbols.iterator.clone()),
        PropertyDescriptor::data(Value::Object(values), Attributes::METHOD),
    );
    // %TypedArray%.prototype.toString is the same function object as Array.prototype.toString.
    let array_proto = agent.intrinsics().array_prototype.clone();
    if let Some(to_string) = array_proto.get_own_data_value(&PropertyKey::from("toString")) {
        proto.define_own_property(
            PropertyKey::from("toString"),
            PropertyDescriptor::data(to_string, Attributes::METHOD),
        );
    }
}

/// The element at `k` as ! Get(O, ! ToString(𝔽(k))) reads it.
pub(super) fn element(o: &Gc<JsObject>, k: usize) -> Value {
    ta(o).get(k).unwrap_or(Value::Undefined)
}

/// %TypedArray%.prototype.at ( index ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.at>
fn at(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let taRecord be ? ValidateTypedArray(O, seq-cst); let len be TypedArrayLength(taRecord).
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.at")?;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative = agent.to_integer_or_infinity(&args.arg(0))?;
    // 5–6. Let k be relativeIndex, or len + relativeIndex when negative.
    let k = if relative >= 0.0 {
        relative
    } else {
        len as f64 + relative
    };
    // 7. If k < 0 or k ≥ len, return undefined.
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::Undefined);
    }
    // 8. Return ! Get(O, ! ToString(𝔽(k))).
    Ok(element(&o, k as usize))
}

/// The start index of includes / indexOf from `fromIndex` (None: not found).
fn start_index(agent: &mut Agent, from_index: &Value, len: usize) -> JsResult<Option<usize>> {
    // 5. Let n be ? ToIntegerOrInfinity(fromIndex).
    let n = agent.to_integer_or_infinity(from_index)?;
    // 7. If n = +∞, return false / -1.
    if n == f64::INFINITY {
        return Ok(None);
    }
    // 8–10. Negative n counts from the end, clamped to 0.
    let k = if n >= 0.0 {
        n
    } else {
        (len as f64 + n).max(0.0)
    };
    Ok((k < len as f64).then_some(k as usize))
}

/// %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.includes>
fn includes(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.includes")?;
    // 4. If len = 0, return false.
    if len == 0 {
        return Ok(Value::Bool(false));
    }
    let Some(start) = start_index(agent, &args.arg(1), len)? else {
        return Ok(Value::Bool(false));
    };
    let search = args.arg(0);
    // 11. Repeat, while k < len: if SameValueZero(searchElement, ! Get(O, k)), return true.
    for k in start..len {
        agent.poll_interrupt()?;
        if search.same_value_zero(&element(&o, k)) {
            return Ok(Value::Bool(true));
        }
    }
    // 12. Return false.
    Ok(Value::Bool(false))
}

/// %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.indexof>
fn index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.indexOf")?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    let Some(start) = start_index(agent, &args.arg(1), len)? else {
        return Ok(Value::Number(-1.0));
    };
    let search = args.arg(0);
    // 11. Repeat, while k < len: if ! HasProperty(O, Pk) and IsStrictlyEqual, return 𝔽(k).
    let data = ta(&o);
    for k in start..len {
        agent.poll_interrupt()?;
        if data.get(k).is_some_and(|v| is_strictly_equal(&v, &search)) {
            return Ok(Value::Number(k as f64));
        }
    }
    // 12. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.lastindexof>
fn last_index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.lastIndexOf")?;
    // 4. If len = 0, return -1𝔽.
    if len == 0 {
        return Ok(Value::Number(-1.0));
    }
    // 5. If fromIndex is present, let n be ? ToIntegerOrInfinity(fromIndex); else let n be len - 1.
    let n = if args.args.len() > 1 {
        agent.to_integer_or_infinity(&args.arg(1))?
    } else {
        len as f64 - 1.0
    };
    // 6. If n = -∞, return -1𝔽.
    if n == f64::NEG_INFINITY {
        return Ok(Value::Number(-1.0));
    }
    // 7–8. Let k be min(n, len - 1), or len + n when negative.
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let search = args.arg(0);
    // 9. Repeat, while k ≥ 0: if ! HasProperty(O, Pk) and IsStrictlyEqual, return 𝔽(k).
    let data = ta(&o);
    for k in (0..=k as usize).rev() {
        agent.poll_interrupt()?;
        if data.get(k).is_some_and(|v| is_strictly_equal(&v, &search)) {
            return Ok(Value::Number(k as f64));
        }
    }
    // 10. Return -1𝔽.
    Ok(Value::Number(-1.0))
}

/// %TypedArray%.prototype.join ( separator ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.join>
fn join(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.join")?;
    // 4–5. Let sep be "," or ? ToString(separator).
    let separator = args.arg(0);
    let sep = if separator.is_undefined() {
        ",".to_string()
    } else {
        agent.to_string(&separator)?.to_rust_string()
    };
    // 6–8. Join the elements; an element now out of bounds reads as the empty String.
    let mut r = String::new();
    for k in 0..len {
        agent.poll_interrupt()?;
        if k > 0 {
            r.push_str(&sep);
        }
        // ! ToString(element): a Number or a BigInt.
        match ta(&o).get(k) {
            Some(Value::Number(n)) => r.push_str(&number_to_string(n)),
            Some(Value::BigInt(b)) => r.push_str(&b.to_string_radix(10)),
            _ => {}
        }
    }
    // 9. Return R.
    Ok(Value::String(JsStr::from(r)))
}

/// %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.tolocalestring>
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // Array.prototype.toLocaleString's algorithm after ValidateTypedArray.
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.toLocaleString")?;
    let mut r: Vec<u16> = Vec::new();
    for k in 0..len {
        agent.poll_interrupt()?;
        if k > 0 {
            r.push(u16::from(b','));
        }
        let next = element(&o, k);
        if !matches!(next, Value::Undefined | Value::Null) {
            let s = agent.invoke(&next, &PropertyKey::from("toLocaleString"), &[])?;
            let s = agent.to_string(&s)?;
            r.extend_from_slice(s.units());
        }
    }
    Ok(Value::String(JsStr::from_units(r)))
}

fn iterator_of(
    agent: &mut Agent,
    args: &CallArgs,
    kind: ArrayIterKind,
    name: &str,
) -> JsResult<Value> {
    // 1–2. Perform ? ValidateTypedArray(O, seq-cst).
    let (o, _) = validate_typed_array(agent, args.this, &format!("%TypedArray%.prototype.{name}"))?;
    // 3. Return CreateArrayIterator(O, kind).
    Ok(create_array_iterator(agent, o, kind))
}

/// %TypedArray%.prototype.entries ( ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.entries>
fn entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Entries, "entries")
}

/// %TypedArray%.prototype.keys ( ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.keys>
fn keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Keys, "keys")
}

/// %TypedArray%.prototype.values ( ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.values>
fn values(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Values, "values")
}

//! Array.prototype methods that read or copy without callbacks
//! (ECMA-262 §23.1.3): at, concat, copyWithin, entries, fill, flat,
//! includes, indexOf, join, keys, lastIndexOf, slice, toReversed,
//! toString, toLocaleString, values, with.

use std::cell::RefCell;

use gc::Gc;

use super::{
    array_create, array_species_create, get_index, has_index, index_key, set_index, set_length,
    this_array_like, MAX_LENGTH,
};
use crate::interp::agent::Agent;
use crate::interp::builtins::iterator::{create_array_iterator, ArrayIterKind};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::ops::equality::is_strictly_equal;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

thread_local! {
    /// Arrays being joined: a cycle joins as "" (as V8 does) instead of recursing forever.
    static JOINING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn at(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let rel = agent.to_integer_or_infinity(&args.arg(0))?;
    let k = if rel >= 0.0 { rel } else { len + rel };
    if k < 0.0 || k >= len {
        return Ok(Value::Undefined);
    }
    get_index(agent, &o, k)
}

/// IsConcatSpreadable ( O ) — <https://tc39.es/ecma262/#sec-isconcatspreadable>
fn is_concat_spreadable(agent: &mut Agent, v: &Value) -> JsResult<bool> {
    let Value::Object(o) = v else {
        return Ok(false);
    };
    let spreadable = agent.get(
        o,
        &PropertyKey::Symbol(agent.symbols.is_concat_spreadable.clone()),
    )?;
    if !spreadable.is_undefined() {
        return Ok(to_boolean(&spreadable));
    }
    agent.is_array(v)
}

/// Array.prototype.concat ( ...items ) — <https://tc39.es/ecma262/#sec-array.prototype.concat>
fn concat(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = agent.to_object(args.this)?;
    let a = array_species_create(agent, &o, 0.0)?;
    let mut n = 0.0;
    let mut items = vec![Value::Object(o)];
    items.extend_from_slice(args.args);
    for e in items {
        if is_concat_spreadable(agent, &e)? {
            let Value::Object(eo) = &e else {
                unreachable!("spreadable values are objects")
            };
            let len = agent.length_of_array_like(eo)?;
            if n + len > MAX_LENGTH {
                return agent.throw_type_error("Invalid array length");
            }
            let mut k = 0.0;
            while k < len {
                if has_index(agent, eo, k)? {
                    let v = get_index(agent, eo, k)?;
                    agent.create_data_property_or_throw(&a, index_key(n), v)?;
                }
                n += 1.0;
                k += 1.0;
            }
        } else {
            agent.create_data_property_or_throw(&a, index_key(n), e)?;
            n += 1.0;
        }
    }
    set_length(agent, &a, n)?;
    Ok(Value::Object(a))
}

/// Array.prototype.copyWithin ( target, start [ , end ] ) — <https://tc39.es/ecma262/#sec-array.prototype.copywithin>
fn copy_within(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let mut to = agent.relative_index(&args.arg(0), len, 0.0)?;
    let mut from = agent.relative_index(&args.arg(1), len, 0.0)?;
    let fin = agent.relative_index(&args.arg(2), len, len)?;
    let mut count = (fin - from).min(len - to);
    let step = if from < to && to < from + count {
        from += count - 1.0;
        to += count - 1.0;
        -1.0
    } else {
        1.0
    };
    while count > 0.0 {
        if has_index(agent, &o, from)? {
            let v = get_index(agent, &o, from)?;
            set_index(agent, &o, to, v)?;
        } else {
            agent.delete_property_or_throw(&o, &index_key(to))?;
        }
        from += step;
        to += step;
        count -= 1.0;
    }
    Ok(Value::Object(o))
}

fn iterator_of(agent: &mut Agent, args: &CallArgs, kind: ArrayIterKind) -> JsResult<Value> {
    let o = agent.to_object(args.this)?;
    Ok(create_array_iterator(agent, o, kind))
}

fn entries(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Entries)
}

fn keys(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Keys)
}

fn values(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_of(agent, args, ArrayIterKind::Values)
}

/// Array.prototype.fill ( value [ , start [ , end ] ] ) — <https://tc39.es/ecma262/#sec-array.prototype.fill>
fn fill(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let mut k = agent.relative_index(&args.arg(1), len, 0.0)?;
    let fin = agent.relative_index(&args.arg(2), len, len)?;
    while k < fin {
        set_index(agent, &o, k, args.arg(0))?;
        k += 1.0;
    }
    Ok(Value::Object(o))
}

/// FlattenIntoArray ( target, source, sourceLen, start, depth ) —
/// <https://tc39.es/ecma262/#sec-flattenintoarray> (without a mapper).
fn flatten_into(
    agent: &mut Agent,
    target: &Gc<JsObject>,
    source: &Gc<JsObject>,
    source_len: f64,
    start: f64,
    depth: f64,
) -> JsResult<f64> {
    let mut target_index = start;
    let mut k = 0.0;
    while k < source_len {
        if has_index(agent, source, k)? {
            let element = get_index(agent, source, k)?;
            let flatten = depth > 0.0 && agent.is_array(&element)?;
            if flatten {
                let Value::Object(e) = &element else {
                    unreachable!("checked above")
                };
                let len = agent.length_of_array_like(e)?;
                agent.enter_native_recursion()?;
                let r = flatten_into(agent, target, e, len, target_index, depth - 1.0);
                agent.leave_native_recursion();
                target_index = r?;
            } else {
                agent.create_data_property_or_throw(target, index_key(target_index), element)?;
                target_index += 1.0;
            }
        }
        k += 1.0;
    }
    Ok(target_index)
}

/// Array.prototype.flat ( [ depth ] ) — <https://tc39.es/ecma262/#sec-array.prototype.flat>
fn flat(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let depth = match args.arg(0) {
        Value::Undefined => 1.0,
        d => agent.to_integer_or_infinity(&d)?.max(0.0),
    };
    let a = array_species_create(agent, &o, 0.0)?;
    flatten_into(agent, &a, &o, len, 0.0, depth)?;
    Ok(Value::Object(a))
}

/// Array.prototype.includes ( searchElement [ , fromIndex ] ) — SameValueZero.
fn includes(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len == 0.0 {
        return Ok(Value::Bool(false));
    }
    let mut k = agent.relative_index(&args.arg(1), len, 0.0)?;
    let target = args.arg(0);
    while k < len {
        let v = get_index(agent, &o, k)?;
        if v.same_value_zero(&target) {
            return Ok(Value::Bool(true));
        }
        k += 1.0;
    }
    Ok(Value::Bool(false))
}

/// Array.prototype.indexOf ( searchElement [ , fromIndex ] ) — IsStrictlyEqual, holes skipped.
fn index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len == 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let mut k = agent.relative_index(&args.arg(1), len, 0.0)?;
    let target = args.arg(0);
    while k < len {
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            if is_strictly_equal(&v, &target) {
                return Ok(Value::Number(k));
            }
        }
        k += 1.0;
    }
    Ok(Value::Number(-1.0))
}

/// Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) — <https://tc39.es/ecma262/#sec-array.prototype.lastindexof>
fn last_index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len == 0.0 {
        return Ok(Value::Number(-1.0));
    }
    let from = if args.args.len() > 1 {
        agent.to_integer_or_infinity(&args.arg(1))?
    } else {
        len - 1.0
    };
    let mut k = if from >= 0.0 {
        from.min(len - 1.0)
    } else {
        len + from
    };
    let target = args.arg(0);
    while k >= 0.0 {
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            if is_strictly_equal(&v, &target) {
                return Ok(Value::Number(k));
            }
        }
        k -= 1.0;
    }
    Ok(Value::Number(-1.0))
}

/// Array.prototype.join ( separator ) — <https://tc39.es/ecma262/#sec-array.prototype.join>
fn join(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let sep = match args.arg(0) {
        Value::Undefined => JsStr::from(","),
        s => agent.to_string(&s)?,
    };
    let id = Gc::as_ptr(&o) as *const u8 as usize;
    if JOINING.with(|j| j.borrow().contains(&id)) {
        return Ok(Value::from(""));
    }
    agent.enter_native_recursion()?;
    JOINING.with(|j| j.borrow_mut().push(id));
    let result = join_elements(agent, &o, len, &sep);
    JOINING.with(|j| j.borrow_mut().pop());
    agent.leave_native_recursion();
    result
}

fn join_elements(agent: &mut Agent, o: &Gc<JsObject>, len: f64, sep: &JsStr) -> JsResult<Value> {
    // The separators alone may be longer than any string can be.
    if len > 1.0 && (len - 1.0) * sep.len() as f64 > JsStr::MAX_LENGTH as f64 {
        return agent.throw_range_error("Invalid string length");
    }
    let mut units: Vec<u16> = Vec::new();
    let mut k = 0.0;
    while k < len {
        if k > 0.0 {
            units.extend_from_slice(sep.units());
        }
        let element = get_index(agent, o, k)?;
        if !matches!(element, Value::Undefined | Value::Null) {
            let s = agent.to_string(&element)?;
            if units.len() + s.len() > JsStr::MAX_LENGTH {
                return agent.throw_range_error("Invalid string length");
            }
            if units.len() + s.len() > units.capacity() {
                agent.reserve_string(2 * (units.len() + s.len()))?;
            }
            units.extend_from_slice(s.units());
        }
        k += 1.0;
    }
    Ok(Value::String(JsStr::from_units(units)))
}

/// Array.prototype.toString ( ) — <https://tc39.es/ecma262/#sec-array.prototype.tostring>
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let array = agent.to_object(args.this)?;
    // 2. Let func be ? Get(array, "join").
    let func = agent.get(&array, &PropertyKey::from("join"))?;
    // 3. If IsCallable(func) is false, set func to the intrinsic function
    //    %Object.prototype.toString%.
    let func = if agent.is_callable(&func) {
        func
    } else {
        Value::Object(agent.intrinsics().get("Object.prototype.toString"))
    };
    // 4. Return ? Call(func, array).
    agent.call(&func, &Value::Object(array), &[])
}

/// Array.prototype.toLocaleString ( ) — <https://tc39.es/ecma262/#sec-array.prototype.tolocalestring>
fn to_locale_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let mut units: Vec<u16> = Vec::new();
    let mut k = 0.0;
    while k < len {
        if k > 0.0 {
            units.push(u16::from(b','));
        }
        let element = get_index(agent, &o, k)?;
        if !matches!(element, Value::Undefined | Value::Null) {
            let s = agent.invoke(&element, &PropertyKey::from("toLocaleString"), &[])?;
            units.extend_from_slice(agent.to_string(&s)?.units());
        }
        k += 1.0;
    }
    Ok(Value::String(JsStr::from_units(units)))
}

/// Array.prototype.slice ( start, end ) — <https://tc39.es/ecma262/#sec-array.prototype.slice>
fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let k = agent.relative_index(&args.arg(0), len, 0.0)?;
    let fin = agent.relative_index(&args.arg(1), len, len)?;
    let count = (fin - k).max(0.0);
    let a = array_species_create(agent, &o, count)?;
    let mut n = 0.0;
    let mut i = k;
    while i < fin {
        if has_index(agent, &o, i)? {
            let v = get_index(agent, &o, i)?;
            agent.create_data_property_or_throw(&a, index_key(n), v)?;
        }
        i += 1.0;
        n += 1.0;
    }
    set_length(agent, &a, n)?;
    Ok(Value::Object(a))
}

/// Array.prototype.toReversed ( ) — <https://tc39.es/ecma262/#sec-array.prototype.toreversed>
fn to_reversed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let a = array_create(agent, len)?;
    let mut k = 0.0;
    while k < len {
        let v = get_index(agent, &o, len - k - 1.0)?;
        agent.create_data_property_or_throw(&a, index_key(k), v)?;
        k += 1.0;
    }
    Ok(Value::Object(a))
}

/// Array.prototype.with ( index, value ) — <https://tc39.es/ecma262/#sec-array.prototype.with>
fn with(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let rel = agent.to_integer_or_infinity(&args.arg(0))?;
    let actual = if rel >= 0.0 { rel } else { len + rel };
    if actual >= len || actual < 0.0 {
        return agent.throw_range_error(
            "Invalid index : ".to_string() + &crate::interp::number::number_to_string(rel),
        );
    }
    let a = array_create(agent, len)?;
    let mut k = 0.0;
    while k < len {
        let v = if k == actual {
            args.arg(1)
        } else {
            get_index(agent, &o, k)?
        };
        agent.create_data_property_or_throw(&a, index_key(k), v)?;
        k += 1.0;
    }
    Ok(Value::Object(a))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let methods: [(&str, u32, crate::interp::function::NativeFn); 18] = [
        ("at", 1, at),
        ("concat", 1, concat),
        ("copyWithin", 2, copy_within),
        ("entries", 0, entries),
        ("fill", 1, fill),
        ("flat", 0, flat),
        ("includes", 1, includes),
        ("indexOf", 1, index_of),
        ("join", 1, join),
        ("keys", 0, keys),
        ("lastIndexOf", 1, last_index_of),
        ("slice", 2, slice),
        ("toLocaleString", 0, to_locale_string),
        ("toReversed", 0, to_reversed),
        ("toString", 0, to_string),
        ("values", 0, values),
        ("with", 2, with),
        ("flatMap", 1, super::callbacks::flat_map),
    ];
    for (name, length, f) in methods {
        agent.define_method(proto, name, length, f);
    }
}

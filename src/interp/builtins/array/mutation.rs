//! Array.prototype methods that change the array (ECMA-262 §23.1.3):
//! pop, push, reverse, shift, splice, unshift, and the copying toSpliced.

use gc::Gc;

use super::{
    array_create, array_species_create, get_index, has_index, index_key, set_index, set_length,
    this_array_like, MAX_LENGTH,
};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

/// Array.prototype.push ( ...items ) — <https://tc39.es/ecma262/#sec-array.prototype.push>
fn push(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len + args.args.len() as f64 > MAX_LENGTH {
        return agent.throw_type_error("Pushing elements past 2^53-1 length");
    }
    let mut len = len;
    for item in args.args {
        // Appending to a dense array is one slot write.
        if len >= 4294967295.0 || !o.fast_set_element(len as u32, item.clone()) {
            set_index(agent, &o, len, item.clone())?;
        }
        len += 1.0;
    }
    // 7. Perform ? Set(O, "length", 𝔽(len), true): not needed when the
    //    element writes above already gave a writable array length that value.
    if o.writable_array_length().map(f64::from) != Some(len) {
        set_length(agent, &o, len)?;
    }
    Ok(Value::Number(len))
}

/// Array.prototype.pop ( ) — <https://tc39.es/ecma262/#sec-array.prototype.pop>
fn pop(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len == 0.0 {
        set_length(agent, &o, 0.0)?;
        return Ok(Value::Undefined);
    }
    let index = len - 1.0;
    let element = get_index(agent, &o, index)?;
    agent.delete_property_or_throw(&o, &index_key(index))?;
    set_length(agent, &o, index)?;
    Ok(element)
}

/// Array.prototype.shift ( ) — <https://tc39.es/ecma262/#sec-array.prototype.shift>
fn shift(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    if len == 0.0 {
        set_length(agent, &o, 0.0)?;
        return Ok(Value::Undefined);
    }
    let first = get_index(agent, &o, 0.0)?;
    let mut k = 1.0;
    while k < len {
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            set_index(agent, &o, k - 1.0, v)?;
        } else {
            agent.delete_property_or_throw(&o, &index_key(k - 1.0))?;
        }
        k += 1.0;
    }
    agent.delete_property_or_throw(&o, &index_key(len - 1.0))?;
    set_length(agent, &o, len - 1.0)?;
    Ok(first)
}

/// Array.prototype.unshift ( ...items ) — <https://tc39.es/ecma262/#sec-array.prototype.unshift>
fn unshift(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let count = args.args.len() as f64;
    if count > 0.0 {
        if len + count > MAX_LENGTH {
            return agent.throw_type_error("Invalid array length");
        }
        let mut k = len;
        while k > 0.0 {
            let from = k - 1.0;
            let to = k + count - 1.0;
            if has_index(agent, &o, from)? {
                let v = get_index(agent, &o, from)?;
                set_index(agent, &o, to, v)?;
            } else {
                agent.delete_property_or_throw(&o, &index_key(to))?;
            }
            k -= 1.0;
        }
        for (j, item) in args.args.iter().enumerate() {
            set_index(agent, &o, j as f64, item.clone())?;
        }
    }
    set_length(agent, &o, len + count)?;
    Ok(Value::Number(len + count))
}

/// Array.prototype.reverse ( ) — <https://tc39.es/ecma262/#sec-array.prototype.reverse>
fn reverse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let middle = (len / 2.0).floor();
    let mut lower = 0.0;
    while lower != middle {
        let upper = len - lower - 1.0;
        // iii–iv. Let lowerExists be ? HasProperty(O, lowerP); if true, let
        //         lowerValue be ? Get(O, lowerP).
        let lower_exists = has_index(agent, &o, lower)?;
        let lower_value = if lower_exists {
            get_index(agent, &o, lower)?
        } else {
            Value::Undefined
        };
        // v–vi. Let upperExists be ? HasProperty(O, upperP); if true, let
        //       upperValue be ? Get(O, upperP).
        let upper_exists = has_index(agent, &o, upper)?;
        let upper_value = if upper_exists {
            get_index(agent, &o, upper)?
        } else {
            Value::Undefined
        };
        match (lower_exists, upper_exists) {
            (true, true) => {
                set_index(agent, &o, lower, upper_value)?;
                set_index(agent, &o, upper, lower_value)?;
            }
            (false, true) => {
                set_index(agent, &o, lower, upper_value)?;
                agent.delete_property_or_throw(&o, &index_key(upper))?;
            }
            (true, false) => {
                agent.delete_property_or_throw(&o, &index_key(lower))?;
                set_index(agent, &o, upper, lower_value)?;
            }
            (false, false) => {}
        }
        lower += 1.0;
    }
    Ok(Value::Object(o))
}

/// The start and delete count of splice / toSpliced.
fn splice_bounds(agent: &mut Agent, args: &CallArgs, len: f64) -> JsResult<(f64, f64)> {
    let start = agent.relative_index(&args.arg(0), len, 0.0)?;
    let delete_count = match args.args.len() {
        0 => 0.0,
        1 => len - start,
        _ => agent
            .to_integer_or_infinity(&args.arg(1))?
            .clamp(0.0, len - start),
    };
    Ok((start, delete_count))
}

/// Array.prototype.splice ( start, deleteCount, ...items ) — <https://tc39.es/ecma262/#sec-array.prototype.splice>
fn splice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let (start, delete_count) = splice_bounds(agent, args, len)?;
    let items: &[Value] = args.args.get(2..).unwrap_or(&[]);
    let item_count = items.len() as f64;
    if len + item_count - delete_count > MAX_LENGTH {
        return agent.throw_type_error("Invalid array length");
    }
    // 11. Let A be ? ArraySpeciesCreate(O, actualDeleteCount), filled with the removed elements.
    let a = array_species_create(agent, &o, delete_count)?;
    let mut k = 0.0;
    while k < delete_count {
        let from = start + k;
        if has_index(agent, &o, from)? {
            let v = get_index(agent, &o, from)?;
            agent.create_data_property_or_throw(&a, index_key(k), v)?;
        }
        k += 1.0;
    }
    set_length(agent, &a, delete_count)?;
    // 15–16. Move the tail left or right.
    if item_count < delete_count {
        let mut k = start;
        while k < len - delete_count {
            let (from, to) = (k + delete_count, k + item_count);
            if has_index(agent, &o, from)? {
                let v = get_index(agent, &o, from)?;
                set_index(agent, &o, to, v)?;
            } else {
                agent.delete_property_or_throw(&o, &index_key(to))?;
            }
            k += 1.0;
        }
        let mut k = len;
        while k > len - delete_count + item_count {
            agent.delete_property_or_throw(&o, &index_key(k - 1.0))?;
            k -= 1.0;
        }
    } else if item_count > delete_count {
        let mut k = len - delete_count;
        while k > start {
            let (from, to) = (k + delete_count - 1.0, k + item_count - 1.0);
            if has_index(agent, &o, from)? {
                let v = get_index(agent, &o, from)?;
                set_index(agent, &o, to, v)?;
            } else {
                agent.delete_property_or_throw(&o, &index_key(to))?;
            }
            k -= 1.0;
        }
    }
    // 17. Write the new items.
    for (j, item) in items.iter().enumerate() {
        set_index(agent, &o, start + j as f64, item.clone())?;
    }
    set_length(agent, &o, len - delete_count + item_count)?;
    Ok(Value::Object(a))
}

/// Array.prototype.toSpliced ( start, skipCount, ...items ) — <https://tc39.es/ecma262/#sec-array.prototype.tospliced>
fn to_spliced(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let (start, skip) = splice_bounds(agent, args, len)?;
    let items: &[Value] = args.args.get(2..).unwrap_or(&[]);
    let new_len = len + items.len() as f64 - skip;
    if new_len > MAX_LENGTH {
        return agent.throw_type_error("Invalid array length");
    }
    let a = array_create(agent, new_len)?;
    let mut i = 0.0;
    while i < start {
        let v = get_index(agent, &o, i)?;
        agent.create_data_property_or_throw(&a, index_key(i), v)?;
        i += 1.0;
    }
    for item in items {
        agent.create_data_property_or_throw(&a, index_key(i), item.clone())?;
        i += 1.0;
    }
    let mut r = start + skip;
    while i < new_len {
        let v = get_index(agent, &o, r)?;
        agent.create_data_property_or_throw(&a, index_key(i), v)?;
        i += 1.0;
        r += 1.0;
    }
    Ok(Value::Object(a))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "pop", 0, pop);
    agent.define_method(proto, "push", 1, push);
    agent.define_method(proto, "reverse", 0, reverse);
    agent.define_method(proto, "shift", 0, shift);
    agent.define_method(proto, "splice", 2, splice);
    agent.define_method(proto, "toSpliced", 2, to_spliced);
    agent.define_method(proto, "unshift", 1, unshift);
}

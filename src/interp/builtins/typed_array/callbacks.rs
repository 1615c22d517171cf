//! %TypedArray.prototype% methods that call a callback per element
//! (ECMA-262 §23.2.3): every, some, find, findIndex, findLast,
//! findLastIndex, forEach, map, filter, reduce and reduceRight.

use gc::Gc;

use super::access::element;
use super::object::validate_typed_array;
use super::statics::typed_array_species_create;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::{is_callable, to_boolean};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "every", 1, every);
    agent.define_method(proto, "filter", 1, filter);
    agent.define_method(proto, "find", 1, find);
    agent.define_method(proto, "findIndex", 1, find_index);
    agent.define_method(proto, "findLast", 1, find_last);
    agent.define_method(proto, "findLastIndex", 1, find_last_index);
    agent.define_method(proto, "forEach", 1, for_each);
    agent.define_method(proto, "map", 1, map);
    agent.define_method(proto, "reduce", 1, reduce);
    agent.define_method(proto, "reduceRight", 1, reduce_right);
    agent.define_method(proto, "some", 1, some);
}

/// Steps 1–4 shared by the callback methods: ValidateTypedArray, the
/// length, and IsCallable(callbackfn).
fn prepare(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
) -> JsResult<(Gc<JsObject>, usize, Value)> {
    let (o, len) =
        validate_typed_array(agent, args.this, &format!("%TypedArray%.prototype.{name}"))?;
    let callback = args.arg(0);
    if !is_callable(&callback) {
        let shown = agent.to_display_string(&callback);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    Ok((o, len, callback))
}

/// Calls `callback(kValue, 𝔽(k), O)` with thisArg.
fn call_back(
    agent: &mut Agent,
    args: &CallArgs,
    callback: &Value,
    o: &Gc<JsObject>,
    k: usize,
) -> JsResult<(Value, Value)> {
    let value = element(o, k);
    let result = agent.call(
        callback,
        &args.arg(1),
        &[
            value.clone(),
            Value::Number(k as f64),
            Value::Object(o.clone()),
        ],
    )?;
    Ok((value, result))
}

/// %TypedArray%.prototype.every ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.every>
fn every(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, "every")?;
    // 6. Repeat, while k < len: if ToBoolean(testResult) is false, return false.
    for k in 0..len {
        let (_, result) = call_back(agent, args, &callback, &o, k)?;
        if !to_boolean(&result) {
            return Ok(Value::Bool(false));
        }
    }
    // 7. Return true.
    Ok(Value::Bool(true))
}

/// %TypedArray%.prototype.some ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.some>
fn some(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, "some")?;
    for k in 0..len {
        let (_, result) = call_back(agent, args, &callback, &o, k)?;
        if to_boolean(&result) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// %TypedArray%.prototype.forEach ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.foreach>
fn for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, "forEach")?;
    for k in 0..len {
        call_back(agent, args, &callback, &o, k)?;
    }
    Ok(Value::Undefined)
}

/// FindViaPredicate over ascending or descending indices: (index, value).
fn find_via_predicate(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
    ascending: bool,
) -> JsResult<(f64, Value)> {
    let (o, len, callback) = prepare(agent, args, name)?;
    let order: Box<dyn Iterator<Item = usize>> = if ascending {
        Box::new(0..len)
    } else {
        Box::new((0..len).rev())
    };
    for k in order {
        let (value, result) = call_back(agent, args, &callback, &o, k)?;
        if to_boolean(&result) {
            return Ok((k as f64, value));
        }
    }
    Ok((-1.0, Value::Undefined))
}

/// %TypedArray%.prototype.find ( predicate [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.find>
fn find(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate(agent, args, "find", true)?.1)
}

/// %TypedArray%.prototype.findIndex ( predicate [ , thisArg ] )
fn find_index(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(
        find_via_predicate(agent, args, "findIndex", true)?.0,
    ))
}

/// %TypedArray%.prototype.findLast ( predicate [ , thisArg ] )
fn find_last(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate(agent, args, "findLast", false)?.1)
}

/// %TypedArray%.prototype.findLastIndex ( predicate [ , thisArg ] )
fn find_last_index(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(
        find_via_predicate(agent, args, "findLastIndex", false)?.0,
    ))
}

/// %TypedArray%.prototype.map ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.map>
fn map(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, "map")?;
    // 5. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(len) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(len as f64)])?;
    // 6–7. For each k: mappedValue = ? Call(...); ? Set(A, Pk, mappedValue, true).
    for k in 0..len {
        let (_, mapped) = call_back(agent, args, &callback, &o, k)?;
        agent.set_or_throw(&a, &PropertyKey::from(k as u32), mapped)?;
    }
    // 8. Return A.
    Ok(Value::Object(a))
}

/// %TypedArray%.prototype.filter ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.filter>
fn filter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, "filter")?;
    // 5–8. Collect the selected values.
    let mut kept = Vec::new();
    for k in 0..len {
        let (value, selected) = call_back(agent, args, &callback, &o, k)?;
        if to_boolean(&selected) {
            kept.push(value);
        }
    }
    // 9. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(captured) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(kept.len() as f64)])?;
    // 10–11. For each element e of kept: ! Set(A, ! ToString(𝔽(n)), e, true).
    for (n, e) in kept.into_iter().enumerate() {
        agent.set_or_throw(&a, &PropertyKey::from(n as u32), e)?;
    }
    Ok(Value::Object(a))
}

/// reduce / reduceRight: the accumulator over ascending or descending indices.
fn reduce_in_order(
    agent: &mut Agent,
    args: &CallArgs,
    name: &str,
    ascending: bool,
) -> JsResult<Value> {
    let (o, len, callback) = prepare(agent, args, name)?;
    let mut order: Vec<usize> = (0..len).collect();
    if !ascending {
        order.reverse();
    }
    let mut order = order.into_iter();
    // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
    let mut accumulator = if args.args.len() > 1 {
        args.arg(1)
    } else {
        match order.next() {
            Some(k) => element(&o, k),
            None => return agent.throw_type_error("Reduce of empty array with no initial value"),
        }
    };
    // Repeat: accumulator = ? Call(callbackfn, undefined, « accumulator, kValue, 𝔽(k), O »).
    for k in order {
        let value = element(&o, k);
        accumulator = agent.call(
            &callback,
            &Value::Undefined,
            &[
                accumulator,
                value,
                Value::Number(k as f64),
                Value::Object(o.clone()),
            ],
        )?;
    }
    Ok(accumulator)
}

/// %TypedArray%.prototype.reduce ( callbackfn [ , initialValue ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.reduce>
fn reduce(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    reduce_in_order(agent, args, "reduce", true)
}

/// %TypedArray%.prototype.reduceRight ( callbackfn [ , initialValue ] )
fn reduce_right(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    reduce_in_order(agent, args, "reduceRight", false)
}

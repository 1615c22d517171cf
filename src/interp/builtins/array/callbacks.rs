//! Array.prototype methods that call a function per element (ECMA-262
//! §23.1.3): every, filter, find, findIndex, findLast, findLastIndex,
//! flatMap, forEach, map, reduce, reduceRight, some.

use gc::Gc;

use super::{array_species_create, get_index, has_index, index_key, set_length, this_array_like};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::value::Value;

fn callback(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let f = args.arg(0);
    if !agent.is_callable(&f) {
        let shown = agent.to_display_string(&f);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    Ok(f)
}

/// Calls `f(element, k, O)` for each present element in order; `step`
/// decides whether to go on (returning Some ends the walk with that value).
fn for_each_present(
    agent: &mut Agent,
    args: &CallArgs,
    mut step: impl FnMut(&mut Agent, f64, Value, Value) -> JsResult<Option<Value>>,
) -> JsResult<Option<Value>> {
    let (o, len) = this_array_like(agent, args.this)?;
    let f = callback(agent, args)?;
    let this_arg = args.arg(1);
    let ov = Value::Object(o.clone());
    let mut k = 0.0;
    while k < len {
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            let r = agent.call(&f, &this_arg, &[v.clone(), Value::Number(k), ov.clone()])?;
            if let Some(done) = step(agent, k, v, r)? {
                return Ok(Some(done));
            }
        }
        k += 1.0;
    }
    Ok(None)
}

fn every(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let r = for_each_present(agent, args, |_, _, _, r| {
        Ok((!to_boolean(&r)).then_some(Value::Bool(false)))
    })?;
    Ok(r.unwrap_or(Value::Bool(true)))
}

fn some(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let r = for_each_present(agent, args, |_, _, _, r| {
        Ok(to_boolean(&r).then_some(Value::Bool(true)))
    })?;
    Ok(r.unwrap_or(Value::Bool(false)))
}

fn for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    for_each_present(agent, args, |_, _, _, _| Ok(None))?;
    Ok(Value::Undefined)
}

/// Array.prototype.map ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-array.prototype.map>
fn map(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let f = callback(agent, args)?;
    let a = array_species_create(agent, &o, len)?;
    let this_arg = args.arg(1);
    let ov = Value::Object(o.clone());
    let mut k = 0.0;
    while k < len {
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            let mapped = agent.call(&f, &this_arg, &[v, Value::Number(k), ov.clone()])?;
            agent.create_data_property_or_throw(&a, index_key(k), mapped)?;
        }
        k += 1.0;
    }
    Ok(Value::Object(a))
}

/// Array.prototype.filter ( callbackfn [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-array.prototype.filter>
fn filter(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = agent.to_object(args.this)?;
    let a = array_species_create(agent, &o, 0.0)?;
    let mut to = 0.0;
    for_each_present(agent, args, |agent, _, v, r| {
        if to_boolean(&r) {
            agent.create_data_property_or_throw(&a, index_key(to), v)?;
            to += 1.0;
        }
        Ok(None)
    })?;
    Ok(Value::Object(a))
}

/// FindViaPredicate ( O, len, direction, predicate, thisArg ) — <https://tc39.es/ecma262/#sec-findviapredicate>
fn find_via_predicate(
    agent: &mut Agent,
    args: &CallArgs,
    ascending: bool,
) -> JsResult<(f64, Value)> {
    let (o, len) = this_array_like(agent, args.this)?;
    let f = callback(agent, args)?;
    let this_arg = args.arg(1);
    let ov = Value::Object(o.clone());
    let mut i = 0.0;
    while i < len {
        let k = if ascending { i } else { len - 1.0 - i };
        let v = get_index(agent, &o, k)?;
        let r = agent.call(&f, &this_arg, &[v.clone(), Value::Number(k), ov.clone()])?;
        if to_boolean(&r) {
            return Ok((k, v));
        }
        i += 1.0;
    }
    Ok((-1.0, Value::Undefined))
}

fn find(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate(agent, args, true)?.1)
}

fn find_index(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(find_via_predicate(agent, args, true)?.0))
}

fn find_last(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(find_via_predicate(agent, args, false)?.1)
}

fn find_last_index(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(find_via_predicate(agent, args, false)?.0))
}

/// Array.prototype.reduce / reduceRight — <https://tc39.es/ecma262/#sec-array.prototype.reduce>
fn reduce_in(agent: &mut Agent, args: &CallArgs, ascending: bool) -> JsResult<Value> {
    let (o, len) = this_array_like(agent, args.this)?;
    let f = callback(agent, args)?;
    let ov = Value::Object(o.clone());
    let index = |i: f64| if ascending { i } else { len - 1.0 - i };
    let mut i = 0.0;
    let mut acc = if args.args.len() >= 2 {
        args.arg(1)
    } else {
        // Without an initial value, the first present element starts.
        loop {
            if i >= len {
                return agent.throw_type_error("Reduce of empty array with no initial value");
            }
            let k = index(i);
            i += 1.0;
            if has_index(agent, &o, k)? {
                break get_index(agent, &o, k)?;
            }
        }
    };
    while i < len {
        let k = index(i);
        if has_index(agent, &o, k)? {
            let v = get_index(agent, &o, k)?;
            acc = agent.call(
                &f,
                &Value::Undefined,
                &[acc, v, Value::Number(k), ov.clone()],
            )?;
        }
        i += 1.0;
    }
    Ok(acc)
}

fn reduce(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    reduce_in(agent, args, true)
}

fn reduce_right(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    reduce_in(agent, args, false)
}

/// Array.prototype.flatMap ( mapperFunction [ , thisArg ] ) — <https://tc39.es/ecma262/#sec-array.prototype.flatmap>
pub(super) fn flat_map(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let o = agent.to_object(args.this)?;
    let a = array_species_create(agent, &o, 0.0)?;
    let mut target = 0.0;
    for_each_present(agent, args, |agent, _, _, r| {
        // Depth 1: an array result is spread, anything else appended.
        let spread = agent.is_array(&r)?;
        match &r {
            Value::Object(inner) if spread => {
                let len = agent.length_of_array_like(inner)?;
                let mut k = 0.0;
                while k < len {
                    if has_index(agent, inner, k)? {
                        let v = get_index(agent, inner, k)?;
                        agent.create_data_property_or_throw(&a, index_key(target), v)?;
                        target += 1.0;
                    }
                    k += 1.0;
                }
            }
            _ => {
                agent.create_data_property_or_throw(&a, index_key(target), r)?;
                target += 1.0;
            }
        }
        Ok(None)
    })?;
    let _ = set_length;
    Ok(Value::Object(a))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let methods: [(&str, u32, crate::interp::function::NativeFn); 11] = [
        ("every", 1, every),
        ("filter", 1, filter),
        ("find", 1, find),
        ("findIndex", 1, find_index),
        ("findLast", 1, find_last),
        ("findLastIndex", 1, find_last_index),
        ("forEach", 1, for_each),
        ("map", 1, map),
        ("reduce", 1, reduce),
        ("reduceRight", 1, reduce_right),
        ("some", 1, some),
    ];
    for (name, length, f) in methods {
        agent.define_method(proto, name, length, f);
    }
}

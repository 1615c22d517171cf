//! Array.prototype.sort and toSorted (ECMA-262 §23.1.3.30, §23.1.3.34):
//! SortIndexedProperties with a stable merge sort and SortCompare.

use std::cmp::Ordering;

use gc::Gc;

use super::{array_create, get_index, has_index, index_key, set_index, this_array_like};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

/// SortCompare ( x, y ) — <https://tc39.es/ecma262/#sec-sortcompare>
/// (undefined values never reach it: they are sorted last beforehand).
fn sort_compare(agent: &mut Agent, comparator: &Value, x: &Value, y: &Value) -> JsResult<Ordering> {
    if !comparator.is_undefined() {
        // b. Let v be ? ToNumber(? Call(comparefn, undefined, « x, y »)).
        let r = agent.call(comparator, &Value::Undefined, &[x.clone(), y.clone()])?;
        let v = agent.to_number(&r)?;
        // c. If v is NaN, return +0.
        return Ok(if v < 0.0 {
            Ordering::Less
        } else if v > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Equal
        });
    }
    // 5–6. Compare the strings.
    if let (Value::Number(a), Value::Number(b)) = (x, y) {
        if a.fract() == 0.0 && b.fract() == 0.0 && *a >= 0.0 && *b >= 0.0 && *a < 1e15 && *b < 1e15
        {
            // Non-negative integers compare as their decimal strings do.
            let (sa, sb) = (format!("{a}"), format!("{b}"));
            return Ok(sa.cmp(&sb));
        }
    }
    let xs = agent.to_string(x)?;
    let ys = agent.to_string(y)?;
    Ok(xs.units().cmp(ys.units()))
}

/// A stable merge sort whose comparisons may fail (the first error wins).
/// It works bottom up, so the first comparison (and the first poll of the
/// interrupt) comes at once, whatever the length.
pub(crate) fn merge_sort_by(
    agent: &mut Agent,
    items: Vec<Value>,
    mut compare: impl FnMut(&mut Agent, &Value, &Value) -> JsResult<Ordering>,
) -> JsResult<Vec<Value>> {
    let n = items.len();
    let mut src = items;
    let mut dst: Vec<Value> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        dst.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                agent.poll_interrupt()?;
                // Take from the right only when strictly smaller: stability.
                if compare(agent, &src[j], &src[i])? == Ordering::Less {
                    dst.push(src[j].clone());
                    j += 1;
                } else {
                    dst.push(src[i].clone());
                    i += 1;
                }
            }
            dst.extend_from_slice(&src[i..mid]);
            dst.extend_from_slice(&src[j..end]);
            start = end;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    Ok(src)
}

/// SortIndexedProperties ( obj, len, SortCompare, holes ) — <https://tc39.es/ecma262/#sec-sortindexedproperties>
fn sort_indexed(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    len: f64,
    comparator: &Value,
    skip_holes: bool,
) -> JsResult<(Vec<Value>, f64)> {
    let mut items = Vec::new();
    let mut undefined_count = 0.0;
    let mut k = 0.0;
    while k < len {
        if !skip_holes || has_index(agent, o, k)? {
            let v = get_index(agent, o, k)?;
            if v.is_undefined() {
                undefined_count += 1.0;
            } else {
                items.push(v);
            }
        }
        k += 1.0;
    }
    let sorted = merge_sort_by(agent, items, |a, x, y| sort_compare(a, comparator, x, y))?;
    Ok((sorted, undefined_count))
}

fn comparator_arg(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let c = args.arg(0);
    if !c.is_undefined() && !agent.is_callable(&c) {
        return Err(
            agent.type_error("The comparison function must be either a function or undefined")
        );
    }
    Ok(c)
}

/// Array.prototype.sort ( comparefn ) — <https://tc39.es/ecma262/#sec-array.prototype.sort>
fn sort(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let comparator = comparator_arg(agent, args)?;
    let (o, len) = this_array_like(agent, args.this)?;
    let (sorted, undefined_count) = sort_indexed(agent, &o, len, &comparator, true)?;
    let item_count = sorted.len() as f64;
    let mut j = 0.0;
    for v in sorted {
        set_index(agent, &o, j, v)?;
        j += 1.0;
    }
    while j < item_count + undefined_count {
        set_index(agent, &o, j, Value::Undefined)?;
        j += 1.0;
    }
    while j < len {
        if let Err(Throw(e)) = agent.delete_property_or_throw(&o, &index_key(j)) {
            return Err(Throw(e));
        }
        j += 1.0;
    }
    Ok(Value::Object(o))
}

/// Array.prototype.toSorted ( comparefn ) — <https://tc39.es/ecma262/#sec-array.prototype.tosorted>
fn to_sorted(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let comparator = comparator_arg(agent, args)?;
    let (o, len) = this_array_like(agent, args.this)?;
    let a = array_create(agent, len)?;
    let (sorted, undefined_count) = sort_indexed(agent, &o, len, &comparator, false)?;
    let mut j = 0.0;
    for v in sorted {
        agent.create_data_property_or_throw(&a, index_key(j), v)?;
        j += 1.0;
    }
    for _ in 0..undefined_count as usize {
        agent.create_data_property_or_throw(&a, index_key(j), Value::Undefined)?;
        j += 1.0;
    }
    Ok(Value::Object(a))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "sort", 1, sort);
    agent.define_method(proto, "toSorted", 1, to_sorted);
}

//! %TypedArray%.prototype.sort and toSorted (ECMA-262 §23.2.3.29,
//! §23.2.3.33) with CompareTypedArrayElements (§23.2.4.7): numeric order
//! by default, a stable merge sort either way.

use std::cmp::Ordering;

use gc::Gc;

use super::object::{ta, validate_typed_array};
use super::statics::typed_array_create_same_type;
use crate::interp::agent::Agent;
use crate::interp::builtins::array::sort::merge_sort_by;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::is_callable;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "sort", 1, sort);
    agent.define_method(proto, "toSorted", 1, to_sorted);
}

/// CompareTypedArrayElements ( x, y, comparefn ) —
/// <https://tc39.es/ecma262/#sec-comparetypedarrayelements>
fn compare_typed_array_elements(
    agent: &mut Agent,
    x: &Value,
    y: &Value,
    comparefn: &Value,
) -> JsResult<Ordering> {
    // 2. If comparefn is not undefined, then
    if !comparefn.is_undefined() {
        // a. Let v be ? ToNumber(? Call(comparefn, undefined, « x, y »)).
        let v = agent.call(comparefn, &Value::Undefined, &[x.clone(), y.clone()])?;
        let v = agent.to_number(&v)?;
        // b. If v is NaN, return +0𝔽. c. Return v.
        return Ok(if v < 0.0 {
            Ordering::Less
        } else if v > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Equal
        });
    }
    let (x, y) = match (x, y) {
        (Value::Number(x), Value::Number(y)) => (*x, *y),
        // 5–6. BigInts (elements of one typed array share a type): x < y or x > y.
        (Value::BigInt(x), Value::BigInt(y)) => return Ok((**x).cmp(&**y)),
        _ => return Ok(Ordering::Equal),
    };
    // 3–9. NaN sorts last; -0 before +0; otherwise numeric order.
    Ok(match (x.is_nan(), y.is_nan()) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ if x < y => Ordering::Less,
        _ if x > y => Ordering::Greater,
        _ => match (x.is_sign_negative(), y.is_sign_negative()) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => Ordering::Equal,
        },
    })
}

/// SortIndexedProperties' sort for typed arrays: the shared merge sort
/// with the typed-array comparison.
fn merge_sort(agent: &mut Agent, items: Vec<Value>, comparefn: &Value) -> JsResult<Vec<Value>> {
    merge_sort_by(agent, items, |a, x, y| {
        compare_typed_array_elements(a, x, y, comparefn)
    })
}

/// SortIndexedProperties' last steps and sort's steps 7–8: writes `sorted`
/// into `target` (a buffer shrunk by the comparator drops the excess),
/// polling the interrupt.
fn write_sorted(agent: &mut Agent, target: &Gc<JsObject>, sorted: Vec<Value>) -> JsResult<()> {
    for (j, v) in sorted.into_iter().enumerate() {
        agent.poll_interrupt()?;
        ta(target).set(j, &v);
    }
    Ok(())
}

/// Step 1 of both: a comparator that is neither undefined nor callable throws.
fn comparator(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let comparefn = args.arg(0);
    if !comparefn.is_undefined() && !is_callable(&comparefn) {
        return agent
            .throw_type_error("The comparison function must be either a function or undefined");
    }
    Ok(comparefn)
}

/// %TypedArray%.prototype.sort ( comparefn ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.sort>
fn sort(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let comparefn = comparator(agent, args)?;
    // 2–4. ValidateTypedArray; len.
    let (o, _) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.sort")?;
    // 6. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, read-through-holes).
    let values = ta(&o).to_vec_polled(agent)?;
    let sorted = merge_sort(agent, values, &comparefn)?;
    // 7–8. Write the sorted values back (a shrunk buffer drops the excess).
    write_sorted(agent, &o, sorted)?;
    // 9. Return obj.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.toSorted ( comparefn ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.tosorted>
fn to_sorted(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let comparefn = comparator(agent, args)?;
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.toSorted")?;
    // 5. Let A be ? TypedArrayCreateSameType(O, « 𝔽(len) »).
    let a = typed_array_create_same_type(agent, &o, len)?;
    // 7. Let sortedList be ? SortIndexedProperties(O, len, SortCompare, read-through-holes).
    let values = ta(&o).to_vec_polled(agent)?;
    let sorted = merge_sort(agent, values, &comparefn)?;
    // 8–9. Write them into A.
    write_sorted(agent, &a, sorted)?;
    Ok(Value::Object(a))
}

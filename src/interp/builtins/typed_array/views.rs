//! %TypedArray.prototype% methods that make a new view or copy of a
//! range (ECMA-262 §23.2.3): slice and subarray.

use gc::Gc;

use super::access::element;
use super::mutation::relative_index;
use super::object::{ta, typed_array_of, validate_typed_array};
use super::statics::typed_array_species_create;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::{detached_error, incompatible_receiver};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "slice", 2, slice);
    agent.define_method(proto, "subarray", 2, subarray);
}

/// %TypedArray%.prototype.slice ( start, end ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.slice>
fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "%TypedArray%.prototype.slice";
    // 1–3. ValidateTypedArray; srcArrayLength.
    let (o, len) = validate_typed_array(agent, args.this, method)?;
    // 4–9. startIndex and endIndex.
    let start = relative_index(agent, &args.arg(0), len, 0)?;
    let end = relative_index(agent, &args.arg(1), len, len)?;
    // 10. Let countBytes be max(endIndex - startIndex, 0).
    let count = end.saturating_sub(start);
    // 11. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(countBytes) »).
    let a = typed_array_species_create(agent, &o, &[Value::Number(count as f64)])?;
    // 12. If countBytes > 0, then
    if count > 0 {
        // a–b. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
        let Some(current) = ta(&o).length() else {
            return Err(detached_error(agent, method));
        };
        // c–d. Clamp endIndex to the current length.
        let end = end.min(current);
        let (src, target) = (ta(&o), ta(&a));
        if src.element == target.element {
            // g. Same type: copy the bytes.
            let bytes = src.element_bytes(start, end);
            let at = target.byte_offset;
            target.store.with_bytes_mut(|b| {
                let n = bytes.len().min(b.len().saturating_sub(at));
                b[at..at + n].copy_from_slice(&bytes[..n]);
            });
        } else {
            // h. Otherwise ! Set(A, n, ! Get(O, k), true) for each k.
            for (n, k) in (start..end).enumerate() {
                let v = element(&o, k);
                agent.set_or_throw(&a, &PropertyKey::from(n as u32), v)?;
            }
        }
    }
    // 13. Return A.
    Ok(Value::Object(a))
}

/// %TypedArray%.prototype.subarray ( start, end ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.subarray>
fn subarray(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. RequireInternalSlot(O, [[TypedArrayName]]).
    let Some((o, data)) = typed_array_of(args.this) else {
        return Err(incompatible_receiver(
            agent,
            "%TypedArray%.prototype.subarray",
            args.this,
        ));
    };
    // 4. Let buffer be O.[[ViewedArrayBuffer]].
    let buffer = data.buffer.clone();
    let (size, src_byte_offset, tracking) = (
        data.element.size(),
        data.byte_offset,
        data.array_length.is_none(),
    );
    // 5–7. srcLength is 0 when out of bounds.
    let src_length = data.length_or_zero();
    // 8–10. startIndex.
    let start = relative_index(agent, &args.arg(0), src_length, 0)?;
    // 13. Let beginByteOffset be srcByteOffset + (startIndex × elementSize).
    let begin = (src_byte_offset + start * size) as f64;
    let end = args.arg(1);
    // 14. If O.[[ArrayLength]] is auto and end is undefined: « buffer, 𝔽(beginByteOffset) ».
    let arguments = if tracking && end.is_undefined() {
        vec![Value::Object(buffer), Value::Number(begin)]
    } else {
        // 15.a–d. endIndex and newLength.
        let end = relative_index(agent, &end, src_length, src_length)?;
        let new_length = end.saturating_sub(start);
        vec![
            Value::Object(buffer),
            Value::Number(begin),
            Value::Number(new_length as f64),
        ]
    };
    // 16. Return ? TypedArraySpeciesCreate(O, argumentsList).
    Ok(Value::Object(typed_array_species_create(
        agent, &o, &arguments,
    )?))
}

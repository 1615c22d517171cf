//! %TypedArray.prototype% methods that write elements (ECMA-262
//! §23.2.3): copyWithin, fill, reverse, set, with and toReversed.

use gc::Gc;

use super::access::element;
use super::object::{ta, typed_array_of, validate_typed_array};
use super::statics::typed_array_create_same_type;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::{detached_error, incompatible_receiver};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "copyWithin", 2, copy_within);
    agent.define_method(proto, "fill", 1, fill);
    agent.define_method(proto, "reverse", 0, reverse);
    agent.define_method(proto, "set", 1, set);
    agent.define_method(proto, "toReversed", 0, to_reversed);
    agent.define_method(proto, "with", 2, with);
}

/// A relative index argument resolved against `len` and clamped to 0..len
/// (`default` when undefined).
pub(super) fn relative_index(
    agent: &mut Agent,
    v: &Value,
    len: usize,
    default: usize,
) -> JsResult<usize> {
    Ok(agent.relative_index(v, len as f64, default as f64)? as usize)
}

/// %TypedArray%.prototype.copyWithin ( target, start [ , end ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.copywithin>
fn copy_within(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "%TypedArray%.prototype.copyWithin";
    // 1–3. ValidateTypedArray; len.
    let (o, len) = validate_typed_array(agent, args.this, method)?;
    // 4–12. targetIndex, startIndex, endIndex.
    let target_index = relative_index(agent, &args.arg(0), len, 0)?;
    let start_index = relative_index(agent, &args.arg(1), len, 0)?;
    let end_index = relative_index(agent, &args.arg(2), len, len)?;
    // 13. Let count be min(endIndex - startIndex, len - targetIndex).
    let count =
        (end_index as isize - start_index as isize).min(len as isize - target_index as isize);
    // 14. If count > 0, then
    if count > 0 {
        let data = ta(&o);
        // c–e. Re-validate: the arguments' conversions may have shrunk the buffer.
        let Some(len) = data.length() else {
            return Err(detached_error(agent, method));
        };
        // f–k. Byte positions within the buffer.
        let size = data.element.size();
        let byte_offset = data.byte_offset;
        let limit = len * size + byte_offset;
        let to = target_index * size + byte_offset;
        let from = start_index * size + byte_offset;
        let count_bytes = count as usize * size;
        // l–n. Copy byte by byte, stopping at bufferByteLimit (memmove order).
        // l. Overlapping with from < to copies backwards, from the last
        //    byte: nothing is copied when that byte is past the limit.
        let backwards = from < to && to < from + count_bytes;
        let available = if backwards {
            if to + count_bytes <= limit {
                count_bytes
            } else {
                0
            }
        } else {
            limit.saturating_sub(from.max(to)).min(count_bytes)
        };
        data.store
            .with_bytes_mut(|bytes| bytes.copy_within(from..from + available, to));
    }
    // 15. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.fill ( value [ , start [ , end ] ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.fill>
fn fill(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "%TypedArray%.prototype.fill";
    let (o, len) = validate_typed_array(agent, args.this, method)?;
    // 4–5. If O.[[ContentType]] is bigint, set value to ? ToBigInt(value);
    //      otherwise set value to ? ToNumber(value).
    let content = Some(ta(&o).element.content_type());
    let value = agent.to_content_type(content, &args.arg(0))?;
    // 6–13. startIndex and endIndex.
    let start = relative_index(agent, &args.arg(1), len, 0)?;
    let end = relative_index(agent, &args.arg(2), len, len)?;
    // 14–16. Re-validate and take the current length.
    let data = ta(&o);
    let Some(len) = data.length() else {
        return Err(detached_error(agent, method));
    };
    // 17. Set endIndex to min(endIndex, len).
    // 18–19. Set each element from startIndex to endIndex.
    let mut raw = [0u8; 8];
    let size = data.element.size();
    data.element.numeric_to_raw_bytes(&value, true, &mut raw);
    let offset = data.byte_offset;
    data.store.with_bytes_mut(|bytes| {
        for k in start..end.min(len) {
            let at = offset + k * size;
            bytes[at..at + size].copy_from_slice(&raw[..size]);
        }
    });
    // 20. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.reverse ( ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.reverse>
fn reverse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.reverse")?;
    // 4–7. Swap the elements at lower and upper until they meet.
    let data = ta(&o);
    let size = data.element.size();
    let offset = data.byte_offset;
    data.store.with_bytes_mut(|bytes| {
        let view = &mut bytes[offset..offset + len * size];
        let (mut lower, mut upper) = (0usize, len);
        while lower + 1 < upper {
            upper -= 1;
            for b in 0..size {
                view.swap(lower * size + b, upper * size + b);
            }
            lower += 1;
        }
    });
    // 8. Return O.
    Ok(Value::Object(o))
}

/// %TypedArray%.prototype.set ( source [ , offset ] ) —
/// <https://tc39.es/ecma262/#sec-%typedarray%.prototype.set>
fn set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let target be the this value; RequireInternalSlot(target, [[TypedArrayName]]).
    let Some((target, _)) = typed_array_of(args.this) else {
        return Err(incompatible_receiver(
            agent,
            "%TypedArray%.prototype.set",
            args.this,
        ));
    };
    // 4. Let targetOffset be ? ToIntegerOrInfinity(offset).
    let target_offset = agent.to_integer_or_infinity(&args.arg(1))?;
    // 5. If targetOffset < 0, throw a RangeError exception.
    if target_offset < 0.0 {
        return agent.throw_range_error("offset is out of bounds");
    }
    let source = args.arg(0);
    let method = "%TypedArray%.prototype.set";
    // 6. If source has a [[TypedArrayName]] internal slot: SetTypedArrayFromTypedArray.
    if let Some((source, _)) = typed_array_of(&source) {
        // SetTypedArrayFromTypedArray 2–4. targetLength (TypeError when out of bounds).
        let Some(target_length) = ta(&target).length() else {
            return Err(detached_error(agent, method));
        };
        // 5–7. srcLength (TypeError when out of bounds).
        let Some(src_length) = ta(&source).length() else {
            return Err(detached_error(agent, method));
        };
        // 18–19. If targetOffset = +∞ or srcLength + targetOffset > targetLength, throw a RangeError.
        if src_length as f64 + target_offset > target_length as f64 {
            return agent.throw_range_error("offset is out of bounds");
        }
        let target_offset = target_offset as usize;
        let (src, dst) = (ta(&source), ta(&target));
        // 17. If IsBigIntElementType(targetType) ≠ IsBigIntElementType(srcType),
        //     throw a TypeError exception.
        if src.element.content_type() != dst.element.content_type() {
            return agent
                .throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
        }
        // 21–25. Same type: copy the bytes (cloned first, so overlap is harmless);
        // otherwise convert each element.
        if src.element == dst.element {
            let bytes = src.element_bytes(0, src_length);
            let at = dst.byte_offset + target_offset * dst.element.size();
            dst.store
                .with_bytes_mut(|b| b[at..at + bytes.len()].copy_from_slice(&bytes));
        } else {
            for (k, v) in src.to_vec_polled(agent)?.into_iter().enumerate() {
                agent.poll_interrupt()?;
                dst.set(target_offset + k, &v);
            }
        }
        return Ok(Value::Undefined);
    }
    // 7. Else, SetTypedArrayFromArrayLike(target, targetOffset, source):
    // 1–3. targetLength (TypeError when out of bounds).
    let Some(target_length) = ta(&target).length() else {
        return Err(detached_error(agent, method));
    };
    // 4. Let src be ? ToObject(source).
    let src = agent.to_object(&source)?;
    // 5. Let srcLength be ? LengthOfArrayLike(src).
    let src_length = agent.length_of_array_like(&src)?;
    // 6–7. If targetOffset = +∞ or srcLength + targetOffset > targetLength, throw a RangeError.
    if src_length + target_offset > target_length as f64 {
        return agent.throw_range_error("offset is out of bounds");
    }
    // 8–9. For each k: value = ? Get(src, Pk); ? TypedArraySetElement(target, targetOffset + k, value).
    let target_offset = target_offset as usize;
    for k in 0..src_length as usize {
        agent.poll_interrupt()?;
        let value = agent.get(&src, &PropertyKey::from(k as u32))?;
        let content = Some(ta(&target).element.content_type());
        let n = agent.to_content_type(content, &value)?;
        ta(&target).set(target_offset + k, &n);
    }
    Ok(Value::Undefined)
}

/// %TypedArray%.prototype.toReversed ( ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.toreversed>
fn to_reversed(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.toReversed")?;
    // 4. Let A be ? TypedArrayCreateSameType(O, « 𝔽(length) »).
    let a = typed_array_create_same_type(agent, &o, len)?;
    // 5–6. A[k] = O[len − k − 1].
    for k in 0..len {
        agent.poll_interrupt()?;
        let from = element(&o, len - k - 1);
        if !from.is_undefined() {
            ta(&a).set(k, &from);
        }
    }
    Ok(Value::Object(a))
}

/// %TypedArray%.prototype.with ( index, value ) — <https://tc39.es/ecma262/#sec-%typedarray%.prototype.with>
fn with(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, len) = validate_typed_array(agent, args.this, "%TypedArray%.prototype.with")?;
    // 4. Let relativeIndex be ? ToIntegerOrInfinity(index).
    let relative = agent.to_integer_or_infinity(&args.arg(0))?;
    // 5–6. Let actualIndex be relativeIndex, or len + relativeIndex when negative.
    let actual = if relative >= 0.0 {
        relative
    } else {
        len as f64 + relative
    };
    // 7–8. If O.[[ContentType]] is bigint, let numericValue be ? ToBigInt(value);
    //      otherwise let numericValue be ? ToNumber(value).
    let content = Some(ta(&o).element.content_type());
    let numeric = agent.to_content_type(content, &args.arg(1))?;
    // 9. If IsValidIntegerIndex(O, 𝔽(actualIndex)) is false, throw a RangeError exception.
    let valid = ta(&o)
        .length()
        .is_some_and(|l| actual >= 0.0 && actual < l as f64);
    if !valid {
        return agent.throw_range_error("Invalid typed array index");
    }
    // 10. Let A be ? TypedArrayCreateSameType(O, « 𝔽(len) »).
    let a = typed_array_create_same_type(agent, &o, len)?;
    // 11–12. Copy, with numericValue at actualIndex.
    for k in 0..len {
        agent.poll_interrupt()?;
        let from = if k as f64 == actual {
            numeric.clone()
        } else {
            element(&o, k)
        };
        if !from.is_undefined() {
            ta(&a).set(k, &from);
        }
    }
    Ok(Value::Object(a))
}

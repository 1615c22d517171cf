//! The validation steps the Atomics functions share (ECMA-262 §25.4.3)
//! and the conversion of their value arguments, which the element type's
//! content type decides.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::{detached_error, to_index};
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::JsResult;
use crate::interp::object::{ContentType, JsObject};
use crate::interp::value::Value;

/// V8's RangeError for an index outside the typed array.
const INVALID_INDEX: &str = "Invalid atomic access index";

/// A validated integer typed array: the object (its data read through
/// [`data`]) and its length when it was validated.
pub(super) struct TypedArrayRecord {
    pub(super) object: Gc<JsObject>,
    pub(super) length: usize,
}

/// The typed array data of an object validated as a typed array.
pub(super) fn data(o: &Gc<JsObject>) -> &TypedArrayData {
    o.data::<TypedArrayData>()
        .expect("checked by ValidateIntegerTypedArray")
}

/// How V8 shows the typed array argument in its TypeErrors.
fn label(agent: &Agent, v: &Value) -> String {
    match v {
        Value::Object(o) => match o.data::<TypedArrayData>() {
            Some(d) => format!("[object {}]", d.element.constructor_name()),
            None => agent.object_label(o),
        },
        other => agent.to_display_string(other),
    }
}

/// ValidateIntegerTypedArray ( typedArray, waitable ) —
/// <https://tc39.es/ecma262/#sec-validateintegertypedarray>
pub(super) fn validate_integer_typed_array(
    agent: &mut Agent,
    typed_array: &Value,
    waitable: bool,
    method: &str,
) -> JsResult<TypedArrayRecord> {
    // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered).
    let checked = match typed_array {
        Value::Object(o) => o.data::<TypedArrayData>().map(|d| (o.clone(), d.element)),
        _ => None,
    };
    let Some((object, element)) = checked else {
        let shown = label(agent, typed_array);
        return agent.throw_type_error(format!("{shown} is not an integer typed array."));
    };
    // ValidateTypedArray 3–4. If IsTypedArrayOutOfBounds(taRecord), throw a TypeError.
    let Some(length) = data(&object).length() else {
        return Err(detached_error(agent, method));
    };
    // 3. If waitable is true, then
    //    a. If type is neither Int32 nor BigInt64, throw a TypeError exception.
    // 4. Else,
    //    a. If IsUnclampedIntegerElementType(type) is false and
    //       IsBigIntElementType(type) is false, throw a TypeError exception.
    let allowed = if waitable {
        is_waitable_element_type(element)
    } else {
        is_unclamped_integer_element_type(element)
    };
    if !allowed {
        let shown = label(agent, typed_array);
        let what = if waitable {
            "an int32 or BigInt64"
        } else {
            "an integer"
        };
        return agent.throw_type_error(format!("{shown} is not {what} typed array."));
    }
    // 5. Return taRecord.
    Ok(TypedArrayRecord { object, length })
}

/// IsUnclampedIntegerElementType ( type ) or IsBigIntElementType ( type ) —
/// <https://tc39.es/ecma262/#sec-isunclampedintegerelementtype>
fn is_unclamped_integer_element_type(element: ElementType) -> bool {
    matches!(
        element,
        ElementType::Int8
            | ElementType::Uint8
            | ElementType::Int16
            | ElementType::Uint16
            | ElementType::Int32
            | ElementType::Uint32
            | ElementType::BigInt64
            | ElementType::BigUint64
    )
}

/// The element types Atomics.wait and Atomics.notify accept: Int32 and BigInt64.
fn is_waitable_element_type(element: ElementType) -> bool {
    matches!(element, ElementType::Int32 | ElementType::BigInt64)
}

/// ValidateAtomicAccess ( taRecord, requestIndex ) —
/// <https://tc39.es/ecma262/#sec-validateatomicaccess>: the byte index in
/// the buffer.
pub(super) fn validate_atomic_access(
    agent: &mut Agent,
    record: &TypedArrayRecord,
    request_index: &Value,
) -> JsResult<usize> {
    // 1. Let length be TypedArrayLength(taRecord).
    let length = record.length;
    // 2. Let accessIndex be ? ToIndex(requestIndex).
    let access_index = to_index(agent, request_index, INVALID_INDEX)?;
    // 4. If accessIndex ≥ length, throw a RangeError exception.
    if access_index >= length as f64 {
        return agent.throw_range_error(INVALID_INDEX);
    }
    // 5–8. Return (accessIndex × elementSize) + offset.
    let d = data(&record.object);
    Ok(access_index as usize * d.element.size() + d.byte_offset)
}

/// ValidateAtomicAccessOnIntegerTypedArray ( typedArray, requestIndex [ , waitable ] ) —
/// <https://tc39.es/ecma262/#sec-validateatomicaccessonintegertypedarray>
pub(super) fn validate_atomic_access_on_integer_typed_array(
    agent: &mut Agent,
    typed_array: &Value,
    request_index: &Value,
    method: &str,
) -> JsResult<(Gc<JsObject>, usize)> {
    // 1. If waitable is not present, set waitable to false.
    // 2. Let taRecord be ? ValidateIntegerTypedArray(typedArray, waitable).
    let record = validate_integer_typed_array(agent, typed_array, false, method)?;
    // 3. Return ? ValidateAtomicAccess(taRecord, requestIndex).
    let byte_index = validate_atomic_access(agent, &record, request_index)?;
    Ok((record.object, byte_index))
}

/// RevalidateAtomicAccess ( typedArray, byteIndexInBuffer ) —
/// <https://tc39.es/ecma262/#sec-revalidateatomicaccess>: the value
/// conversions may have detached or shrunk the buffer.
pub(super) fn revalidate_atomic_access(
    agent: &mut Agent,
    typed_array: &Gc<JsObject>,
    byte_index: usize,
    method: &str,
) -> JsResult<()> {
    let d = data(typed_array);
    // 1–2. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    if d.length().is_none() {
        return Err(detached_error(agent, method));
    }
    // 3. Assert: byteIndexInBuffer ≥ typedArray.[[ByteOffset]].
    debug_assert!(byte_index >= d.byte_offset);
    // 4. If byteIndexInBuffer ≥ taRecord.[[CachedBufferByteLength]], throw a RangeError exception.
    if byte_index >= d.store.len() {
        return agent.throw_range_error(INVALID_INDEX);
    }
    Ok(())
}

/// The conversion of a value argument for an element of `element`'s type
/// (the "If typedArray.[[ContentType]] is bigint, let v be ? ToBigInt(value).
/// Otherwise, let v be 𝔽(? ToIntegerOrInfinity(value))." steps).
pub(super) fn to_element_numeric(
    agent: &mut Agent,
    element: ElementType,
    value: &Value,
) -> JsResult<Value> {
    if element.content_type() == ContentType::BigInt {
        return Ok(Value::BigInt(agent.to_bigint(value)?));
    }
    // 𝔽 of a mathematical integer: no -0.
    Ok(Value::Number(agent.to_integer_or_infinity(value)? + 0.0))
}

/// NumericToRawBytes ( type, value, true ) for a converted value.
pub(super) fn numeric_to_raw_bytes(element: ElementType, value: &Value) -> [u8; 8] {
    let mut raw = [0u8; 8];
    element.numeric_to_raw_bytes(value, true, &mut raw);
    raw
}

/// RawBytesToNumeric ( type, rawBytes, true ).
pub(super) fn raw_bytes_to_numeric(element: ElementType, raw: &[u8; 8]) -> Value {
    element.raw_bytes_to_numeric(raw, true)
}

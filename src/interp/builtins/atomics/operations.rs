//! The Atomics functions that read and write one element (ECMA-262
//! §25.4.4–§25.4.16 but wait/notify): with a single agent every access is
//! sequentially consistent by construction, so each is a plain read,
//! modify and write of the element's bytes.

use super::validation::{
    data, numeric_to_raw_bytes, raw_bytes_to_numeric, revalidate_atomic_access, to_element_numeric,
    validate_atomic_access_on_integer_typed_array,
};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// A read-modify-write modification function: the new bytes from the
/// element's bytes (`x`) and the argument's (`y`), little-endian,
/// `size` bytes long.
type Modification = fn(x: u64, y: u64) -> u64;

/// The bytes of the element at `byte_index` (the rest zero).
fn read_raw(o: &gc::Gc<crate::interp::object::JsObject>, byte_index: usize) -> [u8; 8] {
    let d = data(o);
    let size = d.element.size();
    let mut raw = [0u8; 8];
    d.store
        .with_bytes(|b| raw[..size].copy_from_slice(&b[byte_index..byte_index + size]));
    raw
}

/// Writes the first `size` bytes of `raw` to the element at `byte_index`.
fn write_raw(o: &gc::Gc<crate::interp::object::JsObject>, byte_index: usize, raw: &[u8; 8]) {
    let d = data(o);
    let size = d.element.size();
    d.store
        .with_bytes_mut(|b| b[byte_index..byte_index + size].copy_from_slice(&raw[..size]));
}

/// AtomicReadModifyWrite ( typedArray, index, value, op ) —
/// <https://tc39.es/ecma262/#sec-atomicreadmodifywrite>
fn atomic_read_modify_write(
    agent: &mut Agent,
    args: &CallArgs,
    method: &str,
    op: Modification,
) -> JsResult<Value> {
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, byte_index) =
        validate_atomic_access_on_integer_typed_array(agent, &args.arg(0), &args.arg(1), method)?;
    let element = data(&o).element;
    // 2–3. Let v be ? ToBigInt(value) or 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_element_numeric(agent, element, &args.arg(2))?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &o, byte_index, method)?;
    // 7. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
    Ok(get_modify_set_value_in_buffer(&o, byte_index, &v, op))
}

/// GetModifySetValueInBuffer ( arrayBuffer, byteIndex, type, value, op ) —
/// <https://tc39.es/ecma262/#sec-getmodifysetvalueinbuffer>
fn get_modify_set_value_in_buffer(
    o: &gc::Gc<crate::interp::object::JsObject>,
    byte_index: usize,
    value: &Value,
    op: Modification,
) -> Value {
    let element = data(o).element;
    // 5. Let rawBytes be NumericToRawBytes(type, value, isLittleEndian).
    let raw_bytes = numeric_to_raw_bytes(element, value);
    // 6–8. rawBytesRead are the bytes there; op(rawBytesRead, rawBytes) is written.
    let raw_bytes_read = read_raw(o, byte_index);
    let modified = op(
        u64::from_le_bytes(raw_bytes_read),
        u64::from_le_bytes(raw_bytes),
    );
    write_raw(o, byte_index, &modified.to_le_bytes());
    // 9. Return RawBytesToNumeric(type, rawBytesRead, isLittleEndian).
    raw_bytes_to_numeric(element, &raw_bytes_read)
}

/// Atomics.add ( typedArray, index, value ): the sum wraps around the
/// element's width (two's complement for signed types).
fn add(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.add", u64::wrapping_add)
}

/// Atomics.and ( typedArray, index, value )
fn and(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.and", |x, y| x & y)
}

/// Atomics.exchange ( typedArray, index, value )
fn exchange(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.exchange", |_, y| y)
}

/// Atomics.or ( typedArray, index, value )
fn or(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.or", |x, y| x | y)
}

/// Atomics.sub ( typedArray, index, value )
fn sub(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.sub", u64::wrapping_sub)
}

/// Atomics.xor ( typedArray, index, value )
fn xor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    atomic_read_modify_write(agent, args, "Atomics.xor", |x, y| x ^ y)
}

/// Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue ) —
/// <https://tc39.es/ecma262/#sec-atomics.compareexchange>
fn compare_exchange(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "Atomics.compareExchange";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, byte_index) =
        validate_atomic_access_on_integer_typed_array(agent, &args.arg(0), &args.arg(1), method)?;
    let element = data(&o).element;
    // 4–5. Convert expectedValue, then replacementValue.
    let expected = to_element_numeric(agent, element, &args.arg(2))?;
    let replacement = to_element_numeric(agent, element, &args.arg(3))?;
    // 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &o, byte_index, method)?;
    // 10–11. expectedBytes and replacementBytes.
    let size = element.size();
    let expected_bytes = numeric_to_raw_bytes(element, &expected);
    let replacement_bytes = numeric_to_raw_bytes(element, &replacement);
    // 13. Let rawBytesRead be the element's bytes; if ByteListEqual(rawBytesRead,
    //     expectedBytes) is true, store replacementBytes.
    let raw_bytes_read = read_raw(&o, byte_index);
    if raw_bytes_read[..size] == expected_bytes[..size] {
        write_raw(&o, byte_index, &replacement_bytes);
    }
    // 14. Return RawBytesToNumeric(elementType, rawBytesRead, isLittleEndian).
    Ok(raw_bytes_to_numeric(element, &raw_bytes_read))
}

/// Atomics.load ( typedArray, index ) — <https://tc39.es/ecma262/#sec-atomics.load>
fn load(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "Atomics.load";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, byte_index) =
        validate_atomic_access_on_integer_typed_array(agent, &args.arg(0), &args.arg(1), method)?;
    // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &o, byte_index, method)?;
    // 5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
    Ok(raw_bytes_to_numeric(
        data(&o).element,
        &read_raw(&o, byte_index),
    ))
}

/// Atomics.store ( typedArray, index, value ) — <https://tc39.es/ecma262/#sec-atomics.store>
fn store(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let method = "Atomics.store";
    // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
    let (o, byte_index) =
        validate_atomic_access_on_integer_typed_array(agent, &args.arg(0), &args.arg(1), method)?;
    let element = data(&o).element;
    // 2–3. Let v be ? ToBigInt(value) or 𝔽(? ToIntegerOrInfinity(value)).
    let v = to_element_numeric(agent, element, &args.arg(2))?;
    // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
    revalidate_atomic_access(agent, &o, byte_index, method)?;
    // 6. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst).
    write_raw(&o, byte_index, &numeric_to_raw_bytes(element, &v));
    // 7. Return v.
    Ok(v)
}

/// Atomics.isLockFree ( size ) — <https://tc39.es/ecma262/#sec-atomics.islockfree>:
/// true for 1, 2, 4 and 8 (vmjs's accesses never need a lock).
fn is_lock_free(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let n be ? ToIntegerOrInfinity(size).
    let n = agent.to_integer_or_infinity(&args.arg(0))?;
    // 3–6. [[IsLockFree1]], [[IsLockFree2]], true for 4, [[IsLockFree8]].
    // 7. Return false.
    Ok(Value::Bool(matches!(n, 1.0 | 2.0 | 4.0 | 8.0)))
}

/// Atomics.pause ( [ N ] ) — <https://tc39.es/ecma262/#sec-atomics.pause>
fn pause(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
    match args.arg(0) {
        Value::Undefined => {}
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 => {}
        _ => return agent.throw_type_error("Atomics.pause requires an integral Number argument"),
    }
    // 2. If the execution environment supports spin-wait hints, emit one.
    std::hint::spin_loop();
    // 3. Return undefined.
    Ok(Value::Undefined)
}

pub(super) fn install(agent: &mut Agent, atomics: &gc::Gc<crate::interp::object::JsObject>) {
    for (name, length, call) in [
        ("add", 3, add as crate::interp::function::NativeFn),
        ("and", 3, and),
        ("compareExchange", 4, compare_exchange),
        ("exchange", 3, exchange),
        ("isLockFree", 1, is_lock_free),
        ("load", 2, load),
        ("or", 3, or),
        ("pause", 0, pause),
        ("store", 3, store),
        ("sub", 3, sub),
        ("xor", 3, xor),
    ] {
        agent.define_method(atomics, name, length, call);
    }
}

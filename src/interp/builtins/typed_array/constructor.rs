//! The %TypedArray% intrinsic and the concrete TypedArray constructors
//! (ECMA-262 §23.2.1, §23.2.5) with AllocateTypedArray and the
//! InitializeTypedArrayFrom… operations (§23.2.5.1.1–§23.2.5.1.6).

use std::rc::Rc;

use gc::Gc;

use super::object::{ta, TypedArrayData};
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::{
    allocate_array_buffer, buffer_store, detached_error, ByteStore,
};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// %TypedArray% ( ) — <https://tc39.es/ecma262/#sec-%typedarray%>
pub(super) fn typed_array_intrinsic(agent: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    agent.throw_type_error("Abstract class TypedArray not directly constructable")
}

/// The element type a concrete constructor was made for (its capture 0).
pub(super) fn constructor_element_type(args: &CallArgs) -> ElementType {
    let i = match args.capture(0) {
        Value::Number(n) => n as usize,
        _ => 0,
    };
    ElementType::ALL[i.min(ElementType::ALL.len() - 1)]
}

/// TypedArray ( ...args ) — <https://tc39.es/ecma262/#sec-typedarray>
pub(super) fn typed_array_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let element = constructor_element_type(args);
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error(format!(
            "Constructor {} requires 'new'",
            element.constructor_name()
        ));
    };
    // 2–3. constructorName and proto.
    let default_proto = default_prototype(agent, element);
    // 5. If numberOfArgs = 0, then return ? AllocateTypedArray(constructorName, NewTarget, proto, 0).
    let first = args.arg(0);
    let Value::Object(first) = first else {
        // 6.c.ii. Let elementLength be ? ToIndex(firstArgument).
        let element_length = match &first {
            Value::Undefined if args.args.is_empty() => 0.0,
            _ => length_to_index(agent, &first)?,
        };
        // 6.c.iii. Return ? AllocateTypedArray(constructorName, NewTarget, proto, elementLength).
        let proto = agent.get_prototype_from_constructor(new_target, default_proto)?;
        let o = allocate_typed_array(agent, element, proto, element_length)?;
        return Ok(Value::Object(o));
    };
    // 6.b.i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto).
    let proto = agent.get_prototype_from_constructor(new_target, default_proto)?;
    let o = if first.data::<TypedArrayData>().is_some() {
        // ii. InitializeTypedArrayFromTypedArray(O, firstArgument).
        initialize_from_typed_array(agent, element, proto, &first)?
    } else if let Some(store) = buffer_store(&Value::Object(first.clone())) {
        // iii. InitializeTypedArrayFromArrayBuffer(O, firstArgument, byteOffset, length).
        initialize_from_array_buffer(
            agent,
            element,
            proto,
            &first,
            store,
            &args.arg(1),
            &args.arg(2),
        )?
    } else {
        // iv.2. Let usingIterator be ? GetMethod(firstArgument, @@iterator).
        let iterator = PropertyKey::Symbol(agent.symbols.iterator.clone());
        let first_value = Value::Object(first.clone());
        match agent.get_method(&first_value, &iterator)? {
            // 3. If usingIterator is not undefined, then
            Some(method) => {
                // a. Let values be ? IteratorToList(? GetIteratorFromMethod(firstArgument, usingIterator)).
                let mut record = agent.get_iterator_from_method(&first_value, &method)?;
                let values = agent.iterator_to_list(&mut record)?;
                // b. Perform ? InitializeTypedArrayFromList(O, values).
                initialize_from_list(agent, element, proto, values)?
            }
            // 4. Else, Perform ? InitializeTypedArrayFromArrayLike(O, firstArgument).
            None => initialize_from_array_like(agent, element, proto, &first)?,
        }
    };
    // v. Return O.
    Ok(Value::Object(o))
}

/// The %Int8Array.prototype% … intrinsic of an element type.
pub(super) fn default_prototype(agent: &Agent, element: ElementType) -> Gc<JsObject> {
    agent.intrinsics().get(prototype_name(element))
}

/// The registry name of a concrete prototype.
pub(super) fn prototype_name(element: ElementType) -> &'static str {
    match element {
        ElementType::Int8 => "Int8Array.prototype",
        ElementType::Uint8 => "Uint8Array.prototype",
        ElementType::Uint8Clamped => "Uint8ClampedArray.prototype",
        ElementType::Int16 => "Int16Array.prototype",
        ElementType::Uint16 => "Uint16Array.prototype",
        ElementType::Int32 => "Int32Array.prototype",
        ElementType::Uint32 => "Uint32Array.prototype",
        ElementType::Float16 => "Float16Array.prototype",
        ElementType::Float32 => "Float32Array.prototype",
        ElementType::Float64 => "Float64Array.prototype",
        ElementType::BigInt64 => "BigInt64Array.prototype",
        ElementType::BigUint64 => "BigUint64Array.prototype",
    }
}

/// ToIndex for a typed array length, with V8's message.
fn length_to_index(agent: &mut Agent, v: &Value) -> JsResult<f64> {
    let integer = agent.to_integer_or_infinity(v)?;
    if !(0.0..=crate::interp::builtins::array_buffer::MAX_SAFE_INTEGER).contains(&integer) {
        let shown = crate::interp::number::number_to_string(integer);
        return agent.throw_range_error(format!("Invalid typed array length: {shown}"));
    }
    Ok(integer)
}

/// A fresh %ArrayBuffer% of `byte_length` bytes (AllocateArrayBuffer with
/// the realm's constructor), with V8's typed-array message when too large.
fn fresh_buffer(
    agent: &mut Agent,
    byte_length: f64,
    element_length: f64,
) -> JsResult<(Gc<JsObject>, Rc<ByteStore>)> {
    if byte_length > crate::interp::builtins::array_buffer::store::MAX_ALLOCATION as f64 {
        let shown = crate::interp::number::number_to_string(element_length);
        return agent.throw_range_error(format!("Invalid typed array length: {shown}"));
    }
    let ctor = agent.intrinsics().get("ArrayBuffer");
    let proto = agent.intrinsics().get("ArrayBuffer.prototype");
    let buffer = allocate_array_buffer(agent, &ctor, proto, byte_length, None, false)?;
    let store = buffer_store(&Value::Object(buffer.clone())).expect("just allocated");
    Ok((buffer, store))
}

/// TypedArrayCreate ( prototype ) with every slot set.
pub(super) fn typed_array_create(
    proto: Gc<JsObject>,
    element: ElementType,
    buffer: Gc<JsObject>,
    store: Rc<ByteStore>,
    byte_offset: usize,
    array_length: Option<usize>,
) -> Gc<JsObject> {
    JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(TypedArrayData {
            element,
            buffer,
            store,
            byte_offset,
            array_length,
        })),
    )
}

/// AllocateTypedArray ( constructorName, newTarget, defaultProto, length )
/// with AllocateTypedArrayBuffer ( O, length ) —
/// <https://tc39.es/ecma262/#sec-allocatetypedarray>; the prototype has
/// already been read from newTarget.
pub(super) fn allocate_typed_array(
    agent: &mut Agent,
    element: ElementType,
    proto: Gc<JsObject>,
    length: f64,
) -> JsResult<Gc<JsObject>> {
    // AllocateTypedArrayBuffer 3. Let byteLength be elementSize × length.
    let byte_length = length * element.size() as f64;
    // 4. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
    let (buffer, store) = fresh_buffer(agent, byte_length, length)?;
    // 5–8. Set the slots.
    Ok(typed_array_create(
        proto,
        element,
        buffer,
        store,
        0,
        Some(length as usize),
    ))
}

/// InitializeTypedArrayFromTypedArray ( O, srcArray ) —
/// <https://tc39.es/ecma262/#sec-initializetypedarrayfromtypedarray>
fn initialize_from_typed_array(
    agent: &mut Agent,
    element: ElementType,
    proto: Gc<JsObject>,
    src: &Gc<JsObject>,
) -> JsResult<Gc<JsObject>> {
    let src_data = ta(src);
    // 8–9. If IsTypedArrayOutOfBounds(srcRecord) is true, throw a TypeError exception.
    let Some(element_length) = src_data.length() else {
        return Err(detached_error(agent, "Construct"));
    };
    // 10–11. byteLength is elementSize × elementLength.
    let byte_length = element_length * element.size();
    // 13.a. If IsBigIntElementType(elementType) ≠ IsBigIntElementType(srcType),
    //       throw a TypeError exception (before allocating, as V8 does).
    if element.content_type() != src_data.element.content_type() {
        return agent
            .throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
    }
    // 12–13. Allocate, then copy (bytes when the types match, else values).
    let (buffer, store) = fresh_buffer(agent, byte_length as f64, element_length as f64)?;
    let o = typed_array_create(proto, element, buffer, store, 0, Some(element_length));
    let src_data = ta(src);
    if src_data.element == element {
        let bytes = src_data.element_bytes(0, element_length);
        ta(&o)
            .store
            .with_bytes_mut(|b| b[..bytes.len()].copy_from_slice(&bytes));
    } else {
        let target = ta(&o);
        for i in 0..element_length {
            agent.poll_interrupt()?;
            if let Some(v) = src_data.get(i) {
                target.set(i, &v);
            }
        }
    }
    Ok(o)
}

/// InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length ) —
/// <https://tc39.es/ecma262/#sec-initializetypedarrayfromarraybuffer>
fn initialize_from_array_buffer(
    agent: &mut Agent,
    element: ElementType,
    proto: Gc<JsObject>,
    buffer: &Gc<JsObject>,
    store: Rc<ByteStore>,
    byte_offset: &Value,
    length: &Value,
) -> JsResult<Gc<JsObject>> {
    // 1. Let elementSize be TypedArrayElementSize(O).
    let size = element.size();
    let name = element.constructor_name();
    // 2. Let offset be ? ToIndex(byteOffset).
    let offset = agent.to_integer_or_infinity(byte_offset)?;
    if !(0.0..=crate::interp::builtins::array_buffer::MAX_SAFE_INTEGER).contains(&offset) {
        let shown = crate::interp::number::number_to_string(offset);
        return agent.throw_range_error(format!(
            "Start offset {shown} is outside the bounds of the buffer"
        ));
    }
    // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
    if offset % size as f64 != 0.0 {
        return agent.throw_range_error(format!(
            "start offset of {name} should be a multiple of {size}"
        ));
    }
    // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
    let fixed = store.is_fixed_length();
    // 5. If length is not undefined, let newLength be ? ToIndex(length).
    let new_length = if length.is_undefined() {
        None
    } else {
        Some(length_to_index(agent, length)?)
    };
    // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "Construct"));
    }
    // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
    let buffer_byte_length = store.len() as f64;
    let array_length = match new_length {
        // 8. If length is undefined and bufferIsFixedLength is false, then
        None if !fixed => {
            // a. If offset > bufferByteLength, throw a RangeError exception.
            if offset > buffer_byte_length {
                return agent.throw_range_error(format!(
                    "Start offset {offset} is outside the bounds of the buffer"
                ));
            }
            // b–c. [[ByteLength]] and [[ArrayLength]] are auto.
            None
        }
        // 9.a. If length is undefined, then
        None => {
            // i. If bufferByteLength modulo elementSize ≠ 0, throw a RangeError exception.
            if buffer_byte_length % size as f64 != 0.0 {
                return agent.throw_range_error(format!(
                    "byte length of {name} should be a multiple of {size}"
                ));
            }
            // ii–iii. Let newByteLength be bufferByteLength - offset; if < 0, throw a RangeError.
            let new_byte_length = buffer_byte_length - offset;
            if new_byte_length < 0.0 {
                return agent.throw_range_error(format!(
                    "Start offset {offset} is outside the bounds of the buffer"
                ));
            }
            Some((new_byte_length / size as f64) as usize)
        }
        // 9.b. Else,
        Some(new_length) => {
            // i–ii. If offset + newLength × elementSize > bufferByteLength, throw a RangeError.
            if offset + new_length * size as f64 > buffer_byte_length {
                let shown = crate::interp::number::number_to_string(new_length);
                return agent.throw_range_error(format!("Invalid typed array length: {shown}"));
            }
            Some(new_length as usize)
        }
    };
    // 10–11. [[ViewedArrayBuffer]] and [[ByteOffset]].
    Ok(typed_array_create(
        proto,
        element,
        buffer.clone(),
        store,
        offset as usize,
        array_length,
    ))
}

/// InitializeTypedArrayFromList ( O, values ) —
/// <https://tc39.es/ecma262/#sec-initializetypedarrayfromlist>
fn initialize_from_list(
    agent: &mut Agent,
    element: ElementType,
    proto: Gc<JsObject>,
    values: Vec<Value>,
) -> JsResult<Gc<JsObject>> {
    // 1–2. Let len be the number of values; AllocateTypedArrayBuffer(O, len).
    let len = values.len();
    let o = allocate_typed_array(agent, element, proto, len as f64)?;
    // 3–4. For each k: Perform ? Set(O, Pk, kValue, true).
    for (k, value) in values.into_iter().enumerate() {
        let n = agent.to_content_type(Some(element.content_type()), &value)?;
        ta(&o).set(k, &n);
    }
    Ok(o)
}

/// InitializeTypedArrayFromArrayLike ( O, arrayLike ) —
/// <https://tc39.es/ecma262/#sec-initializetypedarrayfromarraylike>
fn initialize_from_array_like(
    agent: &mut Agent,
    element: ElementType,
    proto: Gc<JsObject>,
    array_like: &Gc<JsObject>,
) -> JsResult<Gc<JsObject>> {
    // 1. Let len be ? LengthOfArrayLike(arrayLike).
    let len = agent.length_of_array_like(array_like)?;
    // 2. Perform ? AllocateTypedArrayBuffer(O, len).
    let o = allocate_typed_array(agent, element, proto, len)?;
    // 3–4. For each k: Set(O, Pk, ? Get(arrayLike, Pk), true).
    for k in 0..len as usize {
        agent.poll_interrupt()?;
        let value = agent.get(array_like, &PropertyKey::from(k as u32))?;
        let n = agent.to_content_type(Some(element.content_type()), &value)?;
        ta(&o).set(k, &n);
    }
    Ok(o)
}

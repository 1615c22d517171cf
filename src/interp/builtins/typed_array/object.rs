//! TypedArray objects' internal slots and the integer-indexed exotic
//! behaviour over them (ECMA-262 §10.4.5): element access through the
//! shared byte store, TypedArrayLength, IsTypedArrayOutOfBounds and
//! ValidateTypedArray.

use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::{detached_error, ByteStore};
use crate::interp::completion::JsResult;
use crate::interp::object::{ContentType, IntegerIndexed, JsObject, ObjectData};
use crate::interp::value::Value;

/// [[TypedArrayName]], [[ViewedArrayBuffer]], [[ByteOffset]], [[ArrayLength]]
/// ([[ByteLength]] follows from the length).
#[derive(Trace, Finalize)]
pub struct TypedArrayData {
    #[unsafe_ignore_trace]
    pub element: ElementType,
    /// [[ViewedArrayBuffer]]
    pub buffer: Gc<JsObject>,
    /// The buffer's [[ArrayBufferData]].
    #[unsafe_ignore_trace]
    pub store: Rc<ByteStore>,
    #[unsafe_ignore_trace]
    pub byte_offset: usize,
    /// [[ArrayLength]]: `None` is auto (a length-tracking view).
    #[unsafe_ignore_trace]
    pub array_length: Option<usize>,
}

impl ObjectData for TypedArrayData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        self.element.constructor_name()
    }
    fn integer_indexed(&self) -> Option<&dyn IntegerIndexed> {
        Some(self)
    }
}

impl TypedArrayData {
    /// TypedArrayLength of MakeTypedArrayWithBufferWitnessRecord(O):
    /// `None` when IsTypedArrayOutOfBounds (a detached buffer included).
    pub fn length(&self) -> Option<usize> {
        // IsTypedArrayOutOfBounds 3. If IsDetachedBuffer(buffer), return true.
        if self.store.is_detached() {
            return None;
        }
        let buffer_byte_length = self.store.len();
        let size = self.element.size();
        match self.array_length {
            // 5–6. byteOffsetEnd is byteOffsetStart + length × elementSize.
            Some(length) => {
                let end = self.byte_offset.checked_add(length.checked_mul(size)?)?;
                // 7. If byteOffsetStart > bufferByteLength or byteOffsetEnd > bufferByteLength, return true.
                (end <= buffer_byte_length).then_some(length)
            }
            // TypedArrayLength 3–5: floor((byteLength − byteOffset) / elementSize).
            None => (self.byte_offset <= buffer_byte_length)
                .then(|| (buffer_byte_length - self.byte_offset) / size),
        }
    }

    /// The length, or 0 when out of bounds (what the getters report).
    pub fn length_or_zero(&self) -> usize {
        self.length().unwrap_or(0)
    }

    /// TypedArrayByteLength: the length times the element size.
    pub fn byte_length(&self) -> usize {
        self.length_or_zero() * self.element.size()
    }

    /// The element at `index`, a Number or a BigInt (None past the end or
    /// out of bounds).
    pub fn get(&self, index: usize) -> Option<Value> {
        let length = self.length()?;
        if index >= length {
            return None;
        }
        let size = self.element.size();
        let start = self.byte_offset + index * size;
        let element = self.element;
        Some(
            self.store
                .with_bytes(|b| element.raw_bytes_to_numeric(&b[start..start + size], true)),
        )
    }

    /// Writes a Number (a BigInt for BigInt content) at `index` when it is
    /// in bounds.
    pub fn set(&self, index: usize, value: &Value) {
        let Some(length) = self.length() else {
            return;
        };
        if index >= length {
            return;
        }
        let size = self.element.size();
        let start = self.byte_offset + index * size;
        let element = self.element;
        self.store.with_bytes_mut(|b| {
            element.numeric_to_raw_bytes(value, true, &mut b[start..start + size])
        });
    }

    /// The elements in bounds, in order.
    pub fn to_vec(&self) -> Vec<Value> {
        let length = self.length_or_zero();
        (0..length).filter_map(|i| self.get(i)).collect()
    }

    /// [`to_vec`](Self::to_vec) for lists whose length comes from the
    /// program: the list's size is checked against the heap cap first and
    /// the interrupt is polled as it grows (2^27 elements take seconds).
    pub fn to_vec_polled(&self, agent: &mut Agent) -> JsResult<Vec<Value>> {
        let length = self.length_or_zero();
        agent.reserve_bytes(length.saturating_mul(std::mem::size_of::<Value>()))?;
        let mut items = Vec::with_capacity(length);
        for k in 0..length {
            agent.poll_interrupt()?;
            if let Some(v) = self.get(k) {
                items.push(v);
            }
        }
        Ok(items)
    }

    /// The bytes of elements `start..end` (clamped to the view).
    pub fn element_bytes(&self, start: usize, end: usize) -> Vec<u8> {
        let size = self.element.size();
        let length = self.length_or_zero();
        let end = end.min(length);
        let start = start.min(end);
        self.store
            .copy_range(self.byte_offset + start * size, (end - start) * size)
    }
}

impl IntegerIndexed for TypedArrayData {
    fn is_valid_integer_index(&self, index: f64) -> bool {
        // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
        // 2. If IsIntegralNumber(index) is false, return false.
        // 3. If index is -0𝔽, return false.
        if index.fract() != 0.0 || (index == 0.0 && index.is_sign_negative()) {
            return false;
        }
        // 4–8. If index < 0 or index ≥ TypedArrayLength(taRecord), return false.
        match self.length() {
            Some(length) => index >= 0.0 && index < length as f64,
            None => false,
        }
    }

    fn get_element(&self, index: f64) -> Option<Value> {
        // TypedArrayGetElement 1. If IsValidIntegerIndex(O, index) is false, return undefined.
        // (Non-integral, -0 and negative indices here; the bounds in `get`.)
        if index.fract() != 0.0 || index.is_sign_negative() {
            return None;
        }
        // 2–7. GetValueFromBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, true, unordered).
        self.get(index as usize)
    }

    fn set_element(&self, index: f64, value: &Value) {
        // TypedArraySetElement 3. If IsValidIntegerIndex(O, index) is true, then
        if index.fract() == 0.0 && !index.is_sign_negative() {
            // d. Perform SetValueInBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, numValue, true, unordered).
            self.set(index as usize, value);
        }
    }

    fn current_length(&self) -> usize {
        self.length_or_zero()
    }

    fn content_type(&self) -> ContentType {
        self.element.content_type()
    }
}

/// The typed array data of `v`, if it is a typed array.
pub fn typed_array_of(v: &Value) -> Option<(Gc<JsObject>, &TypedArrayData)> {
    match v {
        Value::Object(o) => {
            let data = o.data::<TypedArrayData>()?;
            // SAFETY-free: `data` borrows from the object `v` holds.
            Some((o.clone(), data))
        }
        _ => None,
    }
}

/// The `[[TypedArrayName]]` check of RequireInternalSlot.
pub fn is_typed_array(o: &JsObject) -> bool {
    o.data::<TypedArrayData>().is_some()
}

/// ValidateTypedArray ( O, order ) — <https://tc39.es/ecma262/#sec-validatetypedarray>:
/// the object and its current length.
pub fn validate_typed_array(
    agent: &mut Agent,
    o: &Value,
    method: &str,
) -> JsResult<(Gc<JsObject>, usize)> {
    // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
    let Some((obj, data)) = typed_array_of(o) else {
        return agent.throw_type_error("this is not a typed array.");
    };
    // 3–4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    match data.length() {
        Some(length) => Ok((obj, length)),
        None => Err(detached_error(agent, method)),
    }
}

/// The typed array data of an object known to be a typed array.
pub fn ta(o: &Gc<JsObject>) -> &TypedArrayData {
    o.data::<TypedArrayData>()
        .expect("checked by ValidateTypedArray")
}

//! Buffer objects: Uint8Arrays whose prototype is `Buffer.prototype`
//! (Node's `FastBuffer`), and the byte ranges that Buffers, typed arrays
//! and DataViews view.

use std::rc::Rc;

use gc::Gc;

use super::errors::native_coded_error;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::store::MAX_ALLOCATION;
use crate::interp::builtins::array_buffer::{ArrayBufferData, ByteStore};
use crate::interp::builtins::data_view::DataViewData;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::value::Value;

/// The bytes an ArrayBufferView sees: `len` bytes of `store` from `offset`.
#[derive(Clone)]
pub struct ByteView {
    pub store: Rc<ByteStore>,
    pub offset: usize,
    pub len: usize,
}

impl ByteView {
    /// A copy of the viewed bytes from `start` to `end` (clamped).
    pub fn copy(&self, start: usize, end: usize) -> Vec<u8> {
        let end = end.min(self.len);
        let start = start.min(end);
        self.store.copy_range(self.offset + start, end - start)
    }

    /// All the viewed bytes, copied.
    pub fn to_vec(&self) -> Vec<u8> {
        self.copy(0, self.len)
    }

    /// Reads the viewed bytes.
    pub fn with<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        self.store
            .with_bytes(|b| f(&b[self.offset..self.offset + self.len]))
    }

    /// Writes the viewed bytes.
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        self.store
            .with_bytes_mut(|b| f(&mut b[self.offset..self.offset + self.len]))
    }
}

/// The bytes a Uint8Array (a Buffer included) views; None for anything
/// else (Node's `isUint8Array`).
pub fn uint8_view(value: &Value) -> Option<ByteView> {
    let Value::Object(o) = value else {
        return None;
    };
    let data = o.data::<TypedArrayData>()?;
    (data.element == ElementType::Uint8).then(|| typed_array_view(data))
}

/// The bytes any ArrayBufferView (typed array or DataView) views (Node's
/// `isArrayBufferView`).
pub fn array_buffer_view(value: &Value) -> Option<ByteView> {
    let Value::Object(o) = value else {
        return None;
    };
    if let Some(data) = o.data::<TypedArrayData>() {
        return Some(typed_array_view(data));
    }
    let dv = o.data::<DataViewData>()?;
    let len = match dv.byte_length {
        _ if dv.store.is_detached() => 0,
        Some(len) => len,
        None => dv.store.len().saturating_sub(dv.byte_offset),
    };
    Some(ByteView {
        store: dv.store.clone(),
        offset: dv.byte_offset,
        len,
    })
}

fn typed_array_view(data: &TypedArrayData) -> ByteView {
    ByteView {
        store: data.store.clone(),
        offset: data.byte_offset,
        len: data.byte_length(),
    }
}

/// The bytes the `this` value of a Buffer method views (any typed array
/// is accepted; anything else is a TypeError, as Node's C++ layer says).
pub fn this_view(agent: &mut Agent, this: &Value) -> JsResult<ByteView> {
    match this {
        Value::Object(o) if o.data::<TypedArrayData>().is_some() => Ok(typed_array_view(
            o.data::<TypedArrayData>().expect("checked"),
        )),
        _ => Err(native_coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_ARG_TYPE",
            "argument must be a buffer",
        )),
    }
}

/// A new Buffer holding `bytes` in a fresh ArrayBuffer of its own.
// Deviation: Node carves small Buffers out of a shared 8 KiB pool
// (`Buffer.poolSize`); here every Buffer has its own ArrayBuffer, so
// `byteOffset` is 0 and `buffer.byteLength` is the Buffer's length.
pub fn new_buffer(agent: &mut Agent, bytes: Vec<u8>) -> JsResult<Gc<JsObject>> {
    if bytes.len() > MAX_ALLOCATION {
        return agent.throw_range_error("Array buffer allocation failed");
    }
    agent.reserve_bytes(bytes.len())?;
    let len = bytes.len();
    let store = ByteStore::from_bytes(bytes);
    let array_buffer_proto = agent.intrinsics().get("ArrayBuffer.prototype");
    let array_buffer = JsObject::with_kind(
        Some(array_buffer_proto),
        ObjectKind::Other(Box::new(ArrayBufferData {
            store: store.clone(),
        })),
    );
    Ok(buffer_over(agent, array_buffer, store, 0, len))
}

/// A zero-filled Buffer of `len` bytes.
pub fn zeroed_buffer(agent: &mut Agent, len: usize) -> JsResult<Gc<JsObject>> {
    let Some(bytes) = crate::interp::builtins::array_buffer::store::zeroed(len) else {
        return agent.throw_range_error("Array buffer allocation failed");
    };
    new_buffer(agent, bytes)
}

/// A Buffer viewing `len` bytes of `array_buffer` from `offset` (the
/// caller has checked the range).
pub fn buffer_over(
    agent: &mut Agent,
    array_buffer: Gc<JsObject>,
    store: Rc<ByteStore>,
    offset: usize,
    len: usize,
) -> Gc<JsObject> {
    let proto = super::constructor::buffer_prototype(agent);
    JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(TypedArrayData {
            element: ElementType::Uint8,
            buffer: array_buffer,
            store,
            byte_offset: offset,
            array_length: Some(len),
        })),
    )
}

/// A Buffer over the same memory as the typed array `this`, bytes
/// `start..end` of it (Node's `new FastBuffer(this.buffer, this.byteOffset + start, len)`).
pub fn sub_buffer(
    agent: &mut Agent,
    this: &Value,
    start: usize,
    end: usize,
) -> JsResult<Gc<JsObject>> {
    this_view(agent, this)?;
    let data = match this {
        Value::Object(o) => o.data::<TypedArrayData>().expect("this_view checked it"),
        _ => unreachable!("this_view checked it"),
    };
    let (buffer, store, offset) = (data.buffer.clone(), data.store.clone(), data.byte_offset);
    let len = end.saturating_sub(start);
    Ok(buffer_over(agent, buffer, store, offset + start, len))
}

//! The [[ArrayBufferData]] of ArrayBuffer and SharedArrayBuffer objects:
//! one byte vector per buffer, shared (through an `Rc`) with the views
//! over it so that element reads and writes need no lookup of the buffer
//! object. Detaching empties the vector and marks it detached; `transfer`
//! moves the bytes to a new store.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use crate::interp::object::{JsObject, ObjectData};
use crate::interp::value::Value;

/// The largest byte length vmjs allocates.
// Deviation: V8 allocates up to its own limit (or fails with "Array buffer
// allocation failed"); vmjs reports that failure above 2 GiB rather than
// letting the allocation abort the process.
pub const MAX_ALLOCATION: usize = 1 << 31;

/// A Data Block (§6.2.9) with the buffer's fixed facts.
pub struct ByteStore {
    bytes: RefCell<Vec<u8>>,
    detached: Cell<bool>,
    /// [[ArrayBufferMaxByteLength]]: `Some` for resizable (or growable) buffers.
    pub max_byte_length: Option<usize>,
    /// Whether this is a SharedArrayBuffer's block.
    pub shared: bool,
}

impl ByteStore {
    /// CreateByteDataBlock ( size ): `None` when the allocation fails.
    pub fn allocate(
        byte_length: usize,
        max_byte_length: Option<usize>,
        shared: bool,
    ) -> Option<Rc<ByteStore>> {
        let bytes = zeroed(byte_length)?;
        Some(Rc::new(ByteStore {
            bytes: RefCell::new(bytes),
            detached: Cell::new(false),
            max_byte_length,
            shared,
        }))
    }

    /// A fixed-length, unshared block holding `bytes` (the caller has
    /// checked the length against [`MAX_ALLOCATION`]).
    pub fn from_bytes(bytes: Vec<u8>) -> Rc<ByteStore> {
        Rc::new(ByteStore {
            bytes: RefCell::new(bytes),
            detached: Cell::new(false),
            max_byte_length: None,
            shared: false,
        })
    }

    /// IsDetachedBuffer ( arrayBuffer ) — <https://tc39.es/ecma262/#sec-isdetachedbuffer>
    pub fn is_detached(&self) -> bool {
        self.detached.get()
    }

    /// [[ArrayBufferByteLength]] (0 once detached).
    pub fn len(&self) -> usize {
        self.bytes.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// IsFixedLengthArrayBuffer ( arrayBuffer ) — <https://tc39.es/ecma262/#sec-isfixedlengtharraybuffer>
    pub fn is_fixed_length(&self) -> bool {
        self.max_byte_length.is_none()
    }

    /// Reads the bytes.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        f(&self.bytes.borrow())
    }

    /// Writes the bytes.
    pub fn with_bytes_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(&mut self.bytes.borrow_mut())
    }

    /// A copy of `len` bytes from `start` (clamped to the block).
    pub fn copy_range(&self, start: usize, len: usize) -> Vec<u8> {
        let bytes = self.bytes.borrow();
        let start = start.min(bytes.len());
        let end = start.saturating_add(len).min(bytes.len());
        bytes[start..end].to_vec()
    }

    /// Changes the length, zero-filling new bytes; false when the
    /// allocation fails.
    pub fn resize(&self, new_len: usize) -> bool {
        let mut bytes = self.bytes.borrow_mut();
        let current = bytes.len();
        if new_len > current && bytes.try_reserve_exact(new_len - current).is_err() {
            return false;
        }
        bytes.resize(new_len, 0);
        true
    }

    /// DetachArrayBuffer ( arrayBuffer ) steps 4–5: the block becomes
    /// null and the length 0; the bytes are handed back.
    pub fn detach(&self) -> Vec<u8> {
        self.detached.set(true);
        std::mem::take(&mut *self.bytes.borrow_mut())
    }
}

/// A zero-filled vector of `len` bytes, or `None` when it cannot be had.
pub fn zeroed(len: usize) -> Option<Vec<u8>> {
    if len > MAX_ALLOCATION {
        return None;
    }
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len).ok()?;
    bytes.resize(len, 0);
    Some(bytes)
}

/// The internal slots of an ArrayBuffer or SharedArrayBuffer object.
#[derive(Trace, Finalize)]
pub struct ArrayBufferData {
    #[unsafe_ignore_trace]
    pub store: Rc<ByteStore>,
}

impl ObjectData for ArrayBufferData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        if self.store.shared {
            "SharedArrayBuffer"
        } else {
            "ArrayBuffer"
        }
    }
}

/// The byte store of `v` when it is an ArrayBuffer or SharedArrayBuffer.
pub fn buffer_store(v: &Value) -> Option<Rc<ByteStore>> {
    match v {
        Value::Object(o) => object_store(o),
        _ => None,
    }
}

/// The byte store of an ArrayBuffer or SharedArrayBuffer object.
pub fn object_store(o: &Gc<JsObject>) -> Option<Rc<ByteStore>> {
    o.data::<ArrayBufferData>().map(|d| d.store.clone())
}

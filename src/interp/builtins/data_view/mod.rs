//! DataView objects (ECMA-262 §25.3): the constructor, the getters, and
//! GetViewValue / SetViewValue behind every get/set method.

mod accessors;
mod constructor;

use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::ByteStore;
use crate::interp::object::{JsObject, ObjectData};

/// [[DataView]], [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]].
#[derive(Trace, Finalize)]
pub struct DataViewData {
    /// [[ViewedArrayBuffer]]
    pub buffer: Gc<JsObject>,
    #[unsafe_ignore_trace]
    pub store: Rc<ByteStore>,
    #[unsafe_ignore_trace]
    pub byte_offset: usize,
    /// [[ByteLength]]: `None` is auto (tracks a resizable buffer).
    #[unsafe_ignore_trace]
    pub byte_length: Option<usize>,
}

impl ObjectData for DataViewData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "DataView"
    }
}

impl DataViewData {
    /// GetViewByteLength of MakeDataViewWithBufferWitnessRecord: `None`
    /// when IsViewOutOfBounds (a detached buffer included).
    pub fn view_byte_length(&self) -> Option<usize> {
        // IsViewOutOfBounds 3. If IsDetachedBuffer(buffer) is true, return true.
        if self.store.is_detached() {
            return None;
        }
        let buffer_byte_length = self.store.len();
        match self.byte_length {
            // 5–7. byteOffsetEnd = byteOffsetStart + viewByteLength.
            Some(len) => (self.byte_offset + len <= buffer_byte_length).then_some(len),
            None => (self.byte_offset <= buffer_byte_length)
                .then(|| buffer_byte_length - self.byte_offset),
        }
    }
}

pub fn install(agent: &mut Agent) {
    let proto = constructor::install(agent);
    accessors::install(agent, &proto);
}

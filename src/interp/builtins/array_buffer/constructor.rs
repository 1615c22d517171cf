//! The ArrayBuffer constructor and its static properties (ECMA-262
//! §25.1.4–§25.1.5) and AllocateArrayBuffer (§25.1.3.1).

use gc::Gc;

use super::store::{ArrayBufferData, ByteStore, MAX_ALLOCATION};
use super::to_index;
use crate::interp::agent::Agent;
use crate::interp::builtins::data_view::DataViewData;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    agent
        .intrinsics()
        .register("ArrayBuffer.prototype", proto.clone());
    let ctor = agent.native_constructor("ArrayBuffer", 1, array_buffer_constructor, &proto);
    agent.define_method(&ctor, "isView", 1, is_view);
    agent.define_species(&ctor);
}

/// ArrayBuffer ( length [ , options ] ) — <https://tc39.es/ecma262/#sec-arraybuffer-length>
fn array_buffer_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor ArrayBuffer requires 'new'");
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, &args.arg(0), "Invalid array buffer length")?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = get_array_buffer_max_byte_length_option(agent, &args.arg(1))?;
    // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let default = agent.intrinsics().get("ArrayBuffer.prototype");
    let buffer = allocate_array_buffer(agent, new_target, default, byte_length, max, false)?;
    Ok(Value::Object(buffer))
}

/// GetArrayBufferMaxByteLengthOption ( options ) —
/// <https://tc39.es/ecma262/#sec-getarraybuffermaxbytelengthoption>
pub(super) fn get_array_buffer_max_byte_length_option(
    agent: &mut Agent,
    options: &Value,
) -> JsResult<Option<f64>> {
    // 1. If options is not an Object, return empty.
    let Value::Object(options) = options else {
        return Ok(None);
    };
    // 2. Let maxByteLength be ? Get(options, "maxByteLength").
    let max = agent.get(options, &PropertyKey::from("maxByteLength"))?;
    // 3. If maxByteLength is undefined, return empty.
    if max.is_undefined() {
        return Ok(None);
    }
    // 4. Return ? ToIndex(maxByteLength).
    Ok(Some(to_index(
        agent,
        &max,
        "Invalid array buffer max length",
    )?))
}

/// The largest `maxByteLength` V8 (Node 20) accepts for a resizable or
/// growable buffer.
const MAX_RESIZABLE_BYTE_LENGTH: f64 = 4294967296.0;

/// AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] ) —
/// <https://tc39.es/ecma262/#sec-allocatearraybuffer> (and, with `shared`,
/// AllocateSharedArrayBuffer).
pub fn allocate_array_buffer(
    agent: &mut Agent,
    constructor: &Gc<JsObject>,
    default_proto: Gc<JsObject>,
    byte_length: f64,
    max_byte_length: Option<f64>,
    shared: bool,
) -> JsResult<Gc<JsObject>> {
    // 3.a. If byteLength > maxByteLength, throw a RangeError exception.
    if let Some(max) = max_byte_length {
        if byte_length > max {
            return agent.throw_range_error("Invalid array buffer max length");
        }
    }
    // 4. Let obj be ? OrdinaryCreateFromConstructor(constructor, "%ArrayBuffer.prototype%", slots).
    let proto = agent.get_prototype_from_constructor(constructor, default_proto)?;
    // 5. Let block be ? CreateByteDataBlock(byteLength).
    // Deviation: a maximum above V8's (2^32 bytes on 64-bit targets) is
    // refused up front, with V8's message: such a block could never be made.
    if max_byte_length.is_some_and(|m| m > MAX_RESIZABLE_BYTE_LENGTH) {
        return agent.throw_range_error("Invalid array buffer max length");
    }
    let store = if byte_length > MAX_ALLOCATION as f64 {
        None
    } else {
        agent.reserve_bytes(byte_length as usize)?;
        ByteStore::allocate(
            byte_length as usize,
            max_byte_length.map(|m| m as usize),
            shared,
        )
    };
    let Some(store) = store else {
        return agent.throw_range_error("Array buffer allocation failed");
    };
    // 6–10. Set the slots (data, byte length, detach key, max byte length).
    Ok(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(ArrayBufferData { store })),
    ))
}

/// ArrayBuffer.isView ( arg ) — <https://tc39.es/ecma262/#sec-arraybuffer.isview>
fn is_view(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If arg is not an Object, return false.
    // 2. If arg has a [[ViewedArrayBuffer]] internal slot, return true.
    // 3. Return false.
    Ok(Value::Bool(match args.arg(0) {
        Value::Object(o) => {
            o.data::<TypedArrayData>().is_some() || o.data::<DataViewData>().is_some()
        }
        _ => false,
    }))
}

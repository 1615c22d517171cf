//! SharedArrayBuffer objects (ECMA-262 §25.2) for a single agent: the
//! same byte store as ArrayBuffer, never detached, growable instead of
//! resizable.

use std::rc::Rc;

use gc::Gc;

use super::constructor::get_array_buffer_max_byte_length_option;
use super::store::{ArrayBufferData, ByteStore};
use super::{allocate_array_buffer, incompatible_receiver, to_index};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    agent
        .intrinsics()
        .register("SharedArrayBuffer.prototype", proto.clone());
    let ctor = agent.native_constructor("SharedArrayBuffer", 1, constructor, &proto);
    agent.define_species(&ctor);
    for (name, getter) in [
        (
            "byteLength",
            byte_length as crate::interp::function::NativeFn,
        ),
        ("growable", growable),
        ("maxByteLength", max_byte_length),
    ] {
        agent.define_accessor(&proto, PropertyKey::from(name), Some(getter), None);
    }
    agent.define_method(&proto, "grow", 1, grow);
    agent.define_method(&proto, "slice", 2, slice);
    agent.define_to_string_tag(&proto, "SharedArrayBuffer");
}

/// SharedArrayBuffer ( length [ , options ] ) — <https://tc39.es/ecma262/#sec-sharedarraybuffer-length>
fn constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor SharedArrayBuffer requires 'new'");
    };
    // 2. Let byteLength be ? ToIndex(length).
    let byte_length = to_index(agent, &args.arg(0), "Invalid array buffer length")?;
    // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
    let max = get_array_buffer_max_byte_length_option(agent, &args.arg(1))?;
    // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
    let default = agent.intrinsics().get("SharedArrayBuffer.prototype");
    let buffer = allocate_array_buffer(agent, new_target, default, byte_length, max, true)?;
    Ok(Value::Object(buffer))
}

/// RequireInternalSlot(O, [[ArrayBufferData]]) and IsSharedArrayBuffer(O) is true.
fn this_shared(
    agent: &mut Agent,
    args: &CallArgs,
    method: &str,
) -> JsResult<(Gc<JsObject>, Rc<ByteStore>)> {
    if let Value::Object(o) = args.this {
        if let Some(data) = o.data::<ArrayBufferData>() {
            if data.store.shared {
                return Ok((o.clone(), data.store.clone()));
            }
        }
    }
    Err(incompatible_receiver(agent, method, args.this))
}

/// get SharedArrayBuffer.prototype.byteLength
fn byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_shared(agent, args, "get SharedArrayBuffer.prototype.byteLength")?;
    Ok(Value::Number(store.len() as f64))
}

/// get SharedArrayBuffer.prototype.growable
fn growable(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_shared(agent, args, "get SharedArrayBuffer.prototype.growable")?;
    Ok(Value::Bool(!store.is_fixed_length()))
}

/// get SharedArrayBuffer.prototype.maxByteLength
fn max_byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_shared(agent, args, "get SharedArrayBuffer.prototype.maxByteLength")?;
    Ok(Value::Number(
        store.max_byte_length.unwrap_or_else(|| store.len()) as f64,
    ))
}

/// SharedArrayBuffer.prototype.grow ( newLength ) — <https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.grow>
fn grow(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); shared.
    let (_, store) = this_shared(agent, args, "SharedArrayBuffer.prototype.grow")?;
    let Some(max) = store.max_byte_length else {
        return Err(incompatible_receiver(
            agent,
            "SharedArrayBuffer.prototype.grow",
            args.this,
        ));
    };
    // 4. Let newByteLength be ? ToIndex(newLength).
    let message = "SharedArrayBuffer.prototype.grow: Invalid length parameter";
    let new_length = to_index(agent, &args.arg(0), message)?;
    // 6–9. A length above the maximum or below the current one is a RangeError.
    if new_length > max as f64 || new_length < store.len() as f64 {
        return agent.throw_range_error(message);
    }
    agent.reserve_bytes((new_length as usize).saturating_sub(store.len()))?;
    if !store.resize(new_length as usize) {
        return agent.throw_range_error("Array buffer allocation failed");
    }
    Ok(Value::Undefined)
}

/// SharedArrayBuffer.prototype.slice ( start, end ) — <https://tc39.es/ecma262/#sec-sharedarraybuffer.prototype.slice>
fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (o, store) = this_shared(agent, args, "SharedArrayBuffer.prototype.slice")?;
    // 4. Let len be ArrayBufferByteLength(O, seq-cst).
    let len = store.len() as f64;
    // 5–12. first and final, clamped.
    let first = agent.relative_index(&args.arg(0), len, 0.0)?;
    let fin = agent.relative_index(&args.arg(1), len, len)?;
    // 13. Let newLen be max(final - first, 0).
    let new_len = (fin - first).max(0.0);
    // 14–15. Let new be ? Construct(? SpeciesConstructor(O, %SharedArrayBuffer%), « 𝔽(newLen) »).
    let default = agent.intrinsics().get("SharedArrayBuffer");
    let ctor = agent.species_constructor(&o, default)?;
    let new = agent.construct(&ctor, &[Value::Number(new_len)], None)?;
    // 16–17. RequireInternalSlot(new, [[ArrayBufferData]]); shared.
    let new_store = match &new {
        Value::Object(n) => n.data::<ArrayBufferData>().map(|d| d.store.clone()),
        _ => None,
    };
    let Some(new_store) = new_store.filter(|s| s.shared) else {
        return agent
            .throw_type_error("SharedArrayBuffer subclass returned this from species constructor");
    };
    // 18. If new.[[ArrayBufferData]] is O.[[ArrayBufferData]], throw a TypeError exception.
    if Rc::ptr_eq(&new_store, &store) {
        return agent
            .throw_type_error("SharedArrayBuffer subclass returned this from species constructor");
    }
    // 19. If ArrayBufferByteLength(new, seq-cst) < newLen, throw a TypeError exception.
    if (new_store.len() as f64) < new_len {
        return agent.throw_type_error("Species constructor returned a too-small buffer");
    }
    // 20–22. Copy the bytes.
    let bytes = store.copy_range(first as usize, new_len as usize);
    new_store.with_bytes_mut(|to| to[..bytes.len()].copy_from_slice(&bytes));
    // 23. Return new.
    Ok(new)
}

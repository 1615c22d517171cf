//! Properties of the ArrayBuffer prototype object (ECMA-262 §25.1.6) and
//! ArrayBufferCopyAndDetach (§25.1.3.3).

use std::rc::Rc;

use gc::Gc;

use super::store::{ArrayBufferData, ByteStore};
use super::{allocate_array_buffer, detached_error, incompatible_receiver, to_index};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().get("ArrayBuffer.prototype");
    for (name, getter) in [
        (
            "byteLength",
            byte_length as crate::interp::function::NativeFn,
        ),
        ("detached", detached),
        ("maxByteLength", max_byte_length),
        ("resizable", resizable),
    ] {
        agent.define_accessor(&proto, PropertyKey::from(name), Some(getter), None);
    }
    agent.define_method(&proto, "resize", 1, resize);
    agent.define_method(&proto, "slice", 2, slice);
    agent.define_method(&proto, "transfer", 0, transfer);
    agent.define_method(&proto, "transferToFixedLength", 0, transfer_to_fixed_length);
    agent.define_to_string_tag(&proto, "ArrayBuffer");
}

/// RequireInternalSlot(O, [[ArrayBufferData]]) and IsSharedArrayBuffer(O)
/// is false: the this value's object and store.
fn this_array_buffer(
    agent: &mut Agent,
    args: &CallArgs,
    method: &str,
) -> JsResult<(Gc<JsObject>, Rc<ByteStore>)> {
    if let Value::Object(o) = args.this {
        if let Some(data) = o.data::<ArrayBufferData>() {
            if !data.store.shared {
                return Ok((o.clone(), data.store.clone()));
            }
        }
    }
    Err(incompatible_receiver(
        agent,
        &format!("ArrayBuffer.prototype.{method}"),
        args.this,
    ))
}

/// get ArrayBuffer.prototype.byteLength — <https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.bytelength>
fn byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. RequireInternalSlot; not shared.
    let (_, store) = this_array_buffer(agent, args, "byteLength").map_err(|_| {
        incompatible_receiver(agent, "get ArrayBuffer.prototype.byteLength", args.this)
    })?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    // 5. Let length be O.[[ArrayBufferByteLength]].
    Ok(Value::Number(store.len() as f64))
}

/// get ArrayBuffer.prototype.detached — <https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.detached>
fn detached(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_array_buffer(agent, args, "detached").map_err(|_| {
        incompatible_receiver(agent, "get ArrayBuffer.prototype.detached", args.this)
    })?;
    // 4. Return IsDetachedBuffer(O).
    Ok(Value::Bool(store.is_detached()))
}

/// get ArrayBuffer.prototype.maxByteLength — <https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.maxbytelength>
fn max_byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_array_buffer(agent, args, "maxByteLength").map_err(|_| {
        incompatible_receiver(agent, "get ArrayBuffer.prototype.maxByteLength", args.this)
    })?;
    // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
    if store.is_detached() {
        return Ok(Value::Number(0.0));
    }
    // 5–6. The maximum of a resizable buffer, else its byte length.
    Ok(Value::Number(
        store.max_byte_length.unwrap_or_else(|| store.len()) as f64,
    ))
}

/// get ArrayBuffer.prototype.resizable — <https://tc39.es/ecma262/#sec-get-arraybuffer.prototype.resizable>
fn resizable(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, store) = this_array_buffer(agent, args, "resizable").map_err(|_| {
        incompatible_receiver(agent, "get ArrayBuffer.prototype.resizable", args.this)
    })?;
    // 4. If IsFixedLengthArrayBuffer(O) is false, return true; otherwise return false.
    Ok(Value::Bool(!store.is_fixed_length()))
}

/// ArrayBuffer.prototype.resize ( newLength ) — <https://tc39.es/ecma262/#sec-arraybuffer.prototype.resize>
fn resize(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); not shared.
    let (_, store) = this_array_buffer(agent, args, "resize")?;
    let Some(max) = store.max_byte_length else {
        return Err(incompatible_receiver(
            agent,
            "ArrayBuffer.prototype.resize",
            args.this,
        ));
    };
    // 4. Let newByteLength be ? ToIndex(newLength).
    let new_length = to_index(
        agent,
        &args.arg(0),
        "ArrayBuffer.prototype.resize: Invalid length parameter",
    )?;
    // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "ArrayBuffer.prototype.resize"));
    }
    // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
    if new_length > max as f64 {
        return agent.throw_range_error("ArrayBuffer.prototype.resize: Invalid length parameter");
    }
    // 7–12. Resize the block in place, zero-filling new bytes.
    agent.reserve_bytes((new_length as usize).saturating_sub(store.len()))?;
    if !store.resize(new_length as usize) {
        return agent.throw_range_error("Array buffer allocation failed");
    }
    // 13. Return undefined.
    Ok(Value::Undefined)
}

/// ArrayBuffer.prototype.slice ( start, end ) — <https://tc39.es/ecma262/#sec-arraybuffer.prototype.slice>
fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. Let O be the this value; RequireInternalSlot; not shared.
    let (o, store) = this_array_buffer(agent, args, "slice")?;
    // 4. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "ArrayBuffer.prototype.slice"));
    }
    // 5. Let len be O.[[ArrayBufferByteLength]].
    let len = store.len() as f64;
    // 6–9. Let first be the relative start clamped to 0..len.
    let first = agent.relative_index(&args.arg(0), len, 0.0)?;
    // 10–13. Let final be the relative end (len when undefined) clamped to 0..len.
    let fin = agent.relative_index(&args.arg(1), len, len)?;
    // 14. Let newLen be max(final - first, 0).
    let new_len = (fin - first).max(0.0);
    // 15. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
    let default = agent.intrinsics().get("ArrayBuffer");
    let ctor = agent.species_constructor(&o, default)?;
    // 16. Let new be ? Construct(ctor, « 𝔽(newLen) »).
    let new = agent.construct(&ctor, &[Value::Number(new_len)], None)?;
    // 17–18. Perform ? RequireInternalSlot(new, [[ArrayBufferData]]); not shared.
    let new_store = match &new {
        Value::Object(n) => n.data::<ArrayBufferData>().map(|d| d.store.clone()),
        _ => None,
    };
    let Some(new_store) = new_store.filter(|s| !s.shared) else {
        return agent
            .throw_type_error("ArrayBuffer subclass returned this from species constructor");
    };
    // 19. If IsDetachedBuffer(new) is true, throw a TypeError exception.
    if new_store.is_detached() {
        return Err(detached_error(agent, "ArrayBuffer.prototype.slice"));
    }
    // 20. If SameValue(new, O) is true, throw a TypeError exception.
    if matches!(&new, Value::Object(n) if Gc::ptr_eq(n, &o)) {
        return agent
            .throw_type_error("ArrayBuffer subclass returned this from species constructor");
    }
    // 21. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
    if (new_store.len() as f64) < new_len {
        return agent.throw_type_error("Species constructor returned a too-small buffer");
    }
    // 23. If IsDetachedBuffer(O) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "ArrayBuffer.prototype.slice"));
    }
    // 24–27. If first < currentLen, copy min(newLen, currentLen − first) bytes.
    let current_len = store.len() as f64;
    if first < current_len {
        let count = new_len.min(current_len - first) as usize;
        let bytes = store.copy_range(first as usize, count);
        new_store.with_bytes_mut(|to| to[..bytes.len()].copy_from_slice(&bytes));
    }
    // 28. Return new.
    Ok(new)
}

/// ArrayBuffer.prototype.transfer ( [ newLength ] ) — <https://tc39.es/ecma262/#sec-arraybuffer.prototype.transfer>
fn transfer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Return ? ArrayBufferCopyAndDetach(O, newLength, preserve-resizability).
    array_buffer_copy_and_detach(agent, args, "transfer", true)
}

/// ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] ) —
/// <https://tc39.es/ecma262/#sec-arraybuffer.prototype.transfertofixedlength>
fn transfer_to_fixed_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    array_buffer_copy_and_detach(agent, args, "transferToFixedLength", false)
}

/// ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability ) —
/// <https://tc39.es/ecma262/#sec-arraybuffercopyanddetach>
fn array_buffer_copy_and_detach(
    agent: &mut Agent,
    args: &CallArgs,
    method: &str,
    preserve_resizability: bool,
) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]); not shared.
    let (_, store) = this_array_buffer(agent, args, method)?;
    let new_length = args.arg(0);
    // 3–4. Let newByteLength be the current length, or ? ToIndex(newLength).
    let new_byte_length = if new_length.is_undefined() {
        store.len() as f64
    } else {
        to_index(agent, &new_length, "Invalid array buffer length")?
    };
    // 5. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(
            agent,
            &format!("ArrayBuffer.prototype.{method}"),
        ));
    }
    // 6–7. newMaxByteLength: kept when preserving a resizable buffer's resizability.
    let new_max = match store.max_byte_length {
        Some(max) if preserve_resizability => Some(max as f64),
        _ => None,
    };
    // 9. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength, newMaxByteLength).
    let ctor = agent.intrinsics().get("ArrayBuffer");
    let proto = agent.intrinsics().get("ArrayBuffer.prototype");
    let new_buffer = allocate_array_buffer(agent, &ctor, proto, new_byte_length, new_max, false)?;
    // 10–13. Copy min(newByteLength, old length) bytes.
    // 14. Perform ! DetachArrayBuffer(arrayBuffer).
    let mut bytes = store.detach();
    bytes.truncate(new_byte_length as usize);
    if let Some(data) = new_buffer.data::<ArrayBufferData>() {
        data.store
            .with_bytes_mut(|to| to[..bytes.len()].copy_from_slice(&bytes));
    }
    // 15. Return newBuffer.
    Ok(Value::Object(new_buffer))
}

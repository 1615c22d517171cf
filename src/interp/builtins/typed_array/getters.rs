//! The accessor properties of %TypedArray.prototype% (ECMA-262
//! §23.2.3.2–§23.2.3.4, §23.2.3.21, §23.2.3.38): buffer, byteLength,
//! byteOffset, length and @@toStringTag.

use gc::Gc;

use super::object::{typed_array_of, TypedArrayData};
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::incompatible_receiver;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    for (name, getter) in [
        ("buffer", buffer as NativeFn),
        ("byteLength", byte_length),
        ("byteOffset", byte_offset),
        ("length", length),
    ] {
        agent.define_accessor(proto, PropertyKey::from(name), Some(getter), None);
    }
    let tag = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    agent.define_accessor(proto, tag, Some(to_string_tag), None);
}

/// RequireInternalSlot(O, [[TypedArrayName]]) for a getter.
fn this_data<'a>(
    agent: &mut Agent,
    args: &'a CallArgs,
    name: &str,
) -> JsResult<&'a TypedArrayData> {
    match typed_array_of(args.this) {
        Some((_, data)) => Ok(data),
        None => Err(incompatible_receiver(
            agent,
            &format!("get TypedArray.prototype.{name}"),
            args.this,
        )),
    }
}

/// get %TypedArray%.prototype.buffer — <https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.buffer>
fn buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 4. Let buffer be O.[[ViewedArrayBuffer]]. 5. Return buffer.
    Ok(Value::Object(
        this_data(agent, args, "buffer")?.buffer.clone(),
    ))
}

/// get %TypedArray%.prototype.byteLength — <https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.bytelength>
fn byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 4–6. Return 𝔽(TypedArrayByteLength(taRecord)) (0 when out of bounds).
    Ok(Value::Number(
        this_data(agent, args, "byteLength")?.byte_length() as f64,
    ))
}

/// get %TypedArray%.prototype.byteOffset — <https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.byteoffset>
fn byte_offset(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let data = this_data(agent, args, "byteOffset")?;
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    // 6. Let offset be O.[[ByteOffset]].
    Ok(Value::Number(match data.length() {
        Some(_) => data.byte_offset as f64,
        None => 0.0,
    }))
}

/// get %TypedArray%.prototype.length — <https://tc39.es/ecma262/#sec-get-%typedarray%.prototype.length>
fn length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
    // 6. Let length be TypedArrayLength(taRecord).
    Ok(Value::Number(
        this_data(agent, args, "length")?.length_or_zero() as f64,
    ))
}

/// get %TypedArray%.prototype [ @@toStringTag ] — <https://tc39.es/ecma262/#sec-get-%typedarray%.prototype-@@tostringtag>
fn to_string_tag(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–3. If O is not an Object or has no [[TypedArrayName]], return undefined.
    // 4–6. Return O.[[TypedArrayName]].
    Ok(match typed_array_of(args.this) {
        Some((_, data)) => Value::from(data.element.constructor_name()),
        None => Value::Undefined,
    })
}

//! Uint8Array.fromBase64, Uint8Array.fromHex and
//! Uint8Array.prototype.{toBase64, toHex, setFromBase64, setFromHex}
//! (ECMAScript 2026): the options and the typed array steps here, the
//! codecs in codec.rs.

mod codec;

use gc::Gc;

use self::codec::{
    encode_base64, encode_hex, from_base64, from_hex, Alphabet, Decoded, LastChunkHandling,
};
use super::constructor::allocate_typed_array;
use super::TypedArrayData;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The string argument, or V8's TypeError.
fn require_string(agent: &mut Agent, v: &Value) -> JsResult<JsStr> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => agent.throw_type_error("input argument must be a string"),
    }
}

/// GetOptionsObject ( options ): None stands for a fresh null-prototype object.
fn get_options_object(agent: &mut Agent, options: &Value) -> JsResult<Option<Gc<JsObject>>> {
    match options {
        // 1. If options is undefined, return OrdinaryObjectCreate(null).
        Value::Undefined => Ok(None),
        // 2. If options is an Object, return options.
        Value::Object(o) => Ok(Some(o.clone())),
        // 3. Throw a TypeError exception.
        _ => agent.throw_type_error("invalid_argument"),
    }
}

/// ? Get(opts, name) on an options object.
fn get_option(agent: &mut Agent, opts: &Option<Gc<JsObject>>, name: &str) -> JsResult<Value> {
    match opts {
        Some(o) => agent.get(o, &PropertyKey::from(name)),
        None => Ok(Value::Undefined),
    }
}

/// V8's TypeError for an option value outside its set.
fn invalid_option(agent: &mut Agent, value: &Value) -> JsResult<()> {
    let shown = agent.to_display_string(value);
    agent.throw_type_error(format!("invalid option {shown}"))
}

/// The alphabet option: "base64" (the default) or "base64url".
fn alphabet_option(agent: &mut Agent, opts: &Option<Gc<JsObject>>) -> JsResult<Alphabet> {
    let alphabet = get_option(agent, opts, "alphabet")?;
    match &alphabet {
        Value::Undefined => Ok(Alphabet::Base64),
        Value::String(s) if s.to_rust_string() == "base64" => Ok(Alphabet::Base64),
        Value::String(s) if s.to_rust_string() == "base64url" => Ok(Alphabet::Base64Url),
        other => invalid_option(agent, other).map(|_| Alphabet::Base64),
    }
}

/// The lastChunkHandling option: "loose" (the default), "strict" or
/// "stop-before-partial".
fn last_chunk_handling_option(
    agent: &mut Agent,
    opts: &Option<Gc<JsObject>>,
) -> JsResult<LastChunkHandling> {
    let handling = get_option(agent, opts, "lastChunkHandling")?;
    let text = match &handling {
        Value::Undefined => return Ok(LastChunkHandling::Loose),
        Value::String(s) => s.to_rust_string(),
        _ => String::new(),
    };
    match text.as_str() {
        "loose" => Ok(LastChunkHandling::Loose),
        "strict" => Ok(LastChunkHandling::Strict),
        "stop-before-partial" => Ok(LastChunkHandling::StopBeforePartial),
        _ => invalid_option(agent, &handling).map(|_| LastChunkHandling::Loose),
    }
}

/// ValidateUint8Array ( ta ): the Uint8Array `this` is.
fn validate_uint8_array(agent: &mut Agent, ta: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    // 1. Perform ? RequireInternalSlot(ta, [[TypedArrayName]]).
    // 2. If ta.[[TypedArrayName]] is not "Uint8Array", throw a TypeError exception.
    match ta {
        Value::Object(o)
            if o.data::<TypedArrayData>()
                .is_some_and(|d| d.element == ElementType::Uint8) =>
        {
            Ok(o.clone())
        }
        _ => {
            let shown = crate::interp::builtins::map_set::labels::receiver_label(ta);
            agent.throw_type_error(format!(
                "Method Uint8Array.prototype.{method} called on incompatible receiver {shown}"
            ))
        }
    }
}

fn data(o: &Gc<JsObject>) -> &TypedArrayData {
    o.data::<TypedArrayData>()
        .expect("checked by ValidateUint8Array")
}

/// The length of a Uint8Array that must not be out of bounds (the
/// IsTypedArrayOutOfBounds check of GetUint8ArrayBytes and setFrom*).
fn in_bounds_length(agent: &mut Agent, o: &Gc<JsObject>, method: &str) -> JsResult<usize> {
    match data(o).length() {
        Some(length) => Ok(length),
        None => Err(crate::interp::builtins::array_buffer::detached_error(
            agent,
            &format!("Uint8Array.prototype.{method}"),
        )),
    }
}

/// GetUint8ArrayBytes ( ta )
fn get_uint8_array_bytes(agent: &mut Agent, o: &Gc<JsObject>, method: &str) -> JsResult<Vec<u8>> {
    // 1–4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
    let length = in_bounds_length(agent, o, method)?;
    // 5–8. The bytes from byteOffset to byteOffset + len.
    Ok(data(o).element_bytes(0, length))
}

/// SetUint8ArrayBytes ( into, bytes )
fn set_uint8_array_bytes(o: &Gc<JsObject>, bytes: &[u8]) {
    let d = data(o);
    let offset = d.byte_offset;
    d.store
        .with_bytes_mut(|b| b[offset..offset + bytes.len()].copy_from_slice(bytes));
}

/// A new Uint8Array holding `bytes` (AllocateTypedArray with %Uint8Array.prototype%).
fn new_uint8_array(agent: &mut Agent, bytes: &[u8]) -> JsResult<Value> {
    let proto = agent.intrinsics().get("Uint8Array.prototype");
    let ta = allocate_typed_array(agent, ElementType::Uint8, proto, bytes.len() as f64)?;
    set_uint8_array_bytes(&ta, bytes);
    Ok(Value::Object(ta))
}

/// A decoding's error as the SyntaxError to throw.
fn throw_decode_error(agent: &mut Agent, decoded: &Decoded) -> JsResult<()> {
    match decoded.error {
        Some(e) => Err(agent.syntax_error(e.message())),
        None => Ok(()),
    }
}

/// Uint8Array.fromBase64 ( string [ , options ] )
fn from_base64_static(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If string is not a String, throw a TypeError exception.
    let string = require_string(agent, &args.arg(0))?;
    // 2. Let opts be ? GetOptionsObject(options).
    let opts = get_options_object(agent, &args.arg(1))?;
    // 3–5. Let alphabet be ? Get(opts, "alphabet"), checked.
    let alphabet = alphabet_option(agent, &opts)?;
    // 6–8. Let lastChunkHandling be ? Get(opts, "lastChunkHandling"), checked.
    let handling = last_chunk_handling_option(agent, &opts)?;
    // 9. Let result be FromBase64(string, alphabet, lastChunkHandling).
    let result = from_base64(string.units(), alphabet, handling, None);
    // 10. If result.[[Error]] is not none, throw result.[[Error]].
    throw_decode_error(agent, &result)?;
    // 11–14. A new Uint8Array with the bytes.
    new_uint8_array(agent, &result.bytes)
}

/// Uint8Array.fromHex ( string )
fn from_hex_static(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If string is not a String, throw a TypeError exception.
    let string = require_string(agent, &args.arg(0))?;
    // 2. Let result be FromHex(string).
    let result = from_hex(string.units(), None);
    // 3. If result.[[Error]] is not none, throw result.[[Error]].
    throw_decode_error(agent, &result)?;
    // 4–7. A new Uint8Array with the bytes.
    new_uint8_array(agent, &result.bytes)
}

/// `{ read, written }`, the result of setFromBase64 and setFromHex.
fn read_written(agent: &mut Agent, read: usize, written: usize) -> Value {
    let o = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&o, "read", Value::Number(read as f64), Attributes::ALL);
    define_value(
        &o,
        "written",
        Value::Number(written as f64),
        Attributes::ALL,
    );
    Value::Object(o)
}

/// Uint8Array.prototype.setFromBase64 ( string [ , options ] )
fn set_from_base64(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let into be the this value; perform ? ValidateUint8Array(into).
    let into = validate_uint8_array(agent, args.this, "setFromBase64")?;
    // 3. If string is not a String, throw a TypeError exception.
    let string = require_string(agent, &args.arg(0))?;
    // 4. Let opts be ? GetOptionsObject(options).
    let opts = get_options_object(agent, &args.arg(1))?;
    // 5–10. alphabet and lastChunkHandling.
    let alphabet = alphabet_option(agent, &opts)?;
    let handling = last_chunk_handling_option(agent, &opts)?;
    // 11–13. If IsTypedArrayOutOfBounds(taRecord), throw a TypeError; let byteLength be its length.
    let byte_length = in_bounds_length(agent, &into, "setFromBase64")?;
    // 14. Let result be FromBase64(string, alphabet, lastChunkHandling, byteLength).
    let result = from_base64(string.units(), alphabet, handling, Some(byte_length));
    // 15–19. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(&into, &result.bytes);
    // 20. If result.[[Error]] is not none, throw result.[[Error]].
    throw_decode_error(agent, &result)?;
    // 21–24. Return { read, written }.
    Ok(read_written(agent, result.read, result.bytes.len()))
}

/// Uint8Array.prototype.setFromHex ( string )
fn set_from_hex(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let into be the this value; perform ? ValidateUint8Array(into).
    let into = validate_uint8_array(agent, args.this, "setFromHex")?;
    // 3. If string is not a String, throw a TypeError exception.
    let string = require_string(agent, &args.arg(0))?;
    // 4–6. If IsTypedArrayOutOfBounds(taRecord), throw a TypeError; let byteLength be its length.
    let byte_length = in_bounds_length(agent, &into, "setFromHex")?;
    // 7. Let result be FromHex(string, byteLength).
    let result = from_hex(string.units(), Some(byte_length));
    // 8–11. Perform SetUint8ArrayBytes(into, bytes).
    set_uint8_array_bytes(&into, &result.bytes);
    // 12. If result.[[Error]] is not none, throw result.[[Error]].
    throw_decode_error(agent, &result)?;
    // 13–16. Return { read, written }.
    Ok(read_written(agent, result.read, result.bytes.len()))
}

/// Uint8Array.prototype.toBase64 ( [ options ] )
fn to_base64(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; perform ? ValidateUint8Array(O).
    let o = validate_uint8_array(agent, args.this, "toBase64")?;
    // 3. Let opts be ? GetOptionsObject(options).
    let opts = get_options_object(agent, &args.arg(0))?;
    // 4–6. Let alphabet be ? Get(opts, "alphabet"), checked.
    let alphabet = alphabet_option(agent, &opts)?;
    // 7. Let omitPadding be ToBoolean(? Get(opts, "omitPadding")).
    let omit_padding = to_boolean(&get_option(agent, &opts, "omitPadding")?);
    // 8. Let toEncode be ? GetUint8ArrayBytes(O).
    let to_encode = get_uint8_array_bytes(agent, &o, "toBase64")?;
    // 9–10. Return the encoding.
    Ok(Value::from(
        encode_base64(&to_encode, alphabet, omit_padding).as_str(),
    ))
}

/// Uint8Array.prototype.toHex ( )
fn to_hex(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; perform ? ValidateUint8Array(O).
    let o = validate_uint8_array(agent, args.this, "toHex")?;
    // 3. Let toEncode be ? GetUint8ArrayBytes(O).
    let to_encode = get_uint8_array_bytes(agent, &o, "toHex")?;
    // 4–5. Return the lowercase hex digits of each byte.
    Ok(Value::from(encode_hex(&to_encode).as_str()))
}

pub(super) fn install(agent: &mut Agent) {
    let ctor = agent.intrinsics().get("Uint8Array");
    let proto = agent.intrinsics().get("Uint8Array.prototype");
    agent.define_method(&ctor, "fromBase64", 1, from_base64_static);
    agent.define_method(&ctor, "fromHex", 1, from_hex_static);
    agent.define_method(&proto, "toBase64", 0, to_base64);
    agent.define_method(&proto, "toHex", 0, to_hex);
    agent.define_method(&proto, "setFromBase64", 1, set_from_base64);
    agent.define_method(&proto, "setFromHex", 1, set_from_hex);
}

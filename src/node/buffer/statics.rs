//! `Buffer.from`, `Buffer.alloc`, `Buffer.allocUnsafe`,
//! `Buffer.allocUnsafeSlow`, `Buffer.of`, `Buffer.copyBytesFrom`,
//! `Buffer.isBuffer`, `Buffer.isEncoding`, `Buffer.byteLength`,
//! `Buffer.concat`, `Buffer.compare`, and `node:buffer`'s `SlowBuffer`,
//! `isUtf8` and `isAscii`, as Node v20's `lib/buffer.js` has them.

use gc::Gc;

use super::encoding::{byte_length as encoded_length, encode, Encoding};
use super::errors::{
    buffer_out_of_bounds, not_uint8_array, out_of_range, unknown_encoding, validate_number,
    validate_offset, K_MAX_LENGTH,
};
use super::object::{array_buffer_view, buffer_over, new_buffer, uint8_view, zeroed_buffer};
use super::prototype::fill_buffer;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::buffer_store;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::node::globals::{invalid_arg_type, invalid_arg_type_phrase};

pub fn install(agent: &mut Agent, ctor: &Gc<JsObject>) {
    agent.define_method(ctor, "from", 3, from);
    agent.define_method(ctor, "copyBytesFrom", 3, copy_bytes_from);
    agent.define_method(ctor, "of", 0, of);
    agent.define_method(ctor, "alloc", 3, alloc);
    agent.define_method(ctor, "allocUnsafe", 1, alloc_unsafe);
    agent.define_method(ctor, "allocUnsafeSlow", 1, alloc_unsafe);
    agent.define_method(ctor, "isBuffer", 1, is_buffer);
    agent.define_method(ctor, "compare", 2, compare);
    agent.define_method(ctor, "isEncoding", 1, is_encoding);
    agent.define_method(ctor, "concat", 2, concat);
    agent.define_method(ctor, "byteLength", 2, byte_length);
}

/// The error of `Buffer.from` for a value it cannot read.
fn first_argument_error(agent: &mut Agent, value: &Value) -> crate::interp::completion::Throw {
    invalid_arg_type_phrase(
        agent,
        "first argument",
        "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object",
        value,
    )
}

/// Buffer.from ( value [ , encodingOrOffset [ , length ] ] )
fn from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    buffer_from(agent, &args.arg(0), &args.arg(1), &args.arg(2))
}

/// What `Buffer.from(value, encodingOrOffset, length)` makes.
pub fn buffer_from(
    agent: &mut Agent,
    value: &Value,
    encoding_or_offset: &Value,
    length: &Value,
) -> JsResult<Value> {
    // 1. A string is encoded.
    if let Value::String(s) = value {
        return from_string(agent, s, encoding_or_offset);
    }
    // Functions are not objects to `typeof`.
    let o = match value {
        Value::Object(o) if !o.is_callable() => o,
        _ => return Err(first_argument_error(agent, value)),
    };
    // 2. An ArrayBuffer or SharedArrayBuffer is viewed, not copied.
    if buffer_store(value).is_some() {
        return from_array_buffer(agent, o, encoding_or_offset, length);
    }
    // 3. An object whose valueOf() gives a string or another object (a
    //    String wrapper) is read through that value.
    let value_of = agent.get(o, &PropertyKey::from("valueOf"))?;
    if to_boolean(&value_of) {
        let primitive = agent.call(&value_of, value, &[])?;
        let same = matches!(&primitive, Value::Object(p) if Gc::ptr_eq(p, o));
        if !same && matches!(primitive, Value::String(_) | Value::Object(_)) {
            return buffer_from(agent, &primitive, encoding_or_offset, length);
        }
    }
    // 4. An array-like object (typed arrays included) or a `{ type: 'Buffer', data }` object is copied.
    if let Some(buffer) = from_object(agent, o)? {
        return Ok(Value::Object(buffer));
    }
    // 5. Else an object with Symbol.toPrimitive giving a string.
    let to_primitive = PropertyKey::Symbol(agent.symbols.to_primitive.clone());
    let method = agent.get(o, &to_primitive)?;
    if agent.is_callable(&method) {
        let primitive = agent.call(&method, value, &[Value::from("string")])?;
        if let Value::String(s) = primitive {
            return from_string(agent, &s, encoding_or_offset);
        }
    }
    Err(first_argument_error(agent, value))
}

/// Node's `fromString(string, encoding)`: a non-string or empty encoding is UTF-8.
fn from_string(agent: &mut Agent, string: &JsStr, encoding: &Value) -> JsResult<Value> {
    let encoding = match encoding {
        Value::String(name) if !name.is_empty() => {
            match Encoding::from_name(&name.to_rust_string()) {
                Some(e) => e,
                None => return Err(unknown_encoding(agent, encoding)?),
            }
        }
        _ => Encoding::Utf8,
    };
    let bytes = encode(agent, string, encoding, usize::MAX)?;
    Ok(Value::Object(new_buffer(agent, bytes)?))
}

/// Node's `fromArrayBuffer(obj, byteOffset, length)`: a Buffer sharing the
/// buffer's memory.
fn from_array_buffer(
    agent: &mut Agent,
    array_buffer: &Gc<JsObject>,
    byte_offset: &Value,
    length: &Value,
) -> JsResult<Value> {
    let store = buffer_store(&Value::Object(array_buffer.clone())).expect("an ArrayBuffer");
    let offset = match byte_offset {
        Value::Undefined => 0.0,
        v => {
            let n = agent.to_number(v)?;
            if n.is_nan() {
                0.0
            } else {
                n
            }
        }
    };
    let max_length = store.len() as f64 - offset;
    if max_length < 0.0 {
        return Err(buffer_out_of_bounds(agent, Some("offset")));
    }
    let length = match length {
        Value::Undefined => max_length,
        v => {
            let n = agent.to_number(v)?;
            if n > 0.0 {
                if n > max_length {
                    return Err(buffer_out_of_bounds(agent, Some("length")));
                }
                n
            } else {
                0.0
            }
        }
    };
    // `new Uint8Array(buffer, offset, length)`: ToIndex of each.
    let offset = offset.trunc();
    if offset < 0.0 {
        let shown = super::errors::fmt_number(offset);
        return agent.throw_range_error(format!(
            "Start offset {shown} is outside the bounds of the buffer"
        ));
    }
    let buffer = buffer_over(
        agent,
        array_buffer.clone(),
        store,
        offset as usize,
        length.trunc() as usize,
    );
    Ok(Value::Object(buffer))
}

/// Node's `fromObject(obj)`: an array-like (a `length`, or a `buffer`
/// that is an ArrayBuffer) or a `{ type: 'Buffer', data: [...] }` object.
fn from_object(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<Option<Gc<JsObject>>> {
    if let Some(view) = uint8_view(&Value::Object(o.clone())) {
        return new_buffer(agent, view.to_vec()).map(Some);
    }
    let length = agent.get(o, &PropertyKey::from("length"))?;
    let array_like = !length.is_undefined() || {
        let inner = agent.get(o, &PropertyKey::from("buffer"))?;
        buffer_store(&inner).is_some()
    };
    if array_like {
        let Value::Number(n) = length else {
            return new_buffer(agent, Vec::new()).map(Some);
        };
        return from_array_like(agent, o, n).map(Some);
    }
    let kind = agent.get(o, &PropertyKey::from("type"))?;
    if let Value::String(s) = &kind {
        if s.to_rust_string() == "Buffer" {
            let data = agent.get(o, &PropertyKey::from("data"))?;
            if agent.is_array(&data)? {
                let Value::Object(d) = &data else {
                    unreachable!("an array is an object")
                };
                let n = agent.length_of_array_like(d)?;
                return from_array_like(agent, d, n).map(Some);
            }
        }
    }
    Ok(None)
}

/// Node's `fromArrayLike(obj)`: each element's ToUint8.
fn from_array_like(agent: &mut Agent, o: &Gc<JsObject>, length: f64) -> JsResult<Gc<JsObject>> {
    if length.is_nan() || length <= 0.0 {
        return new_buffer(agent, Vec::new());
    }
    let length = length.min(K_MAX_LENGTH) as usize;
    if length > crate::interp::builtins::array_buffer::store::MAX_ALLOCATION {
        return agent.throw_range_error("Array buffer allocation failed");
    }
    agent.reserve_bytes(length)?;
    let mut bytes = Vec::with_capacity(length);
    for k in 0..length {
        if k % 4096 == 4095 {
            agent.poll_interrupt()?;
        }
        let element = agent.get(o, &PropertyKey::Index(k as u32))?;
        bytes.push(to_uint8(agent, &element)?);
    }
    new_buffer(agent, bytes)
}

/// ToUint8 ( argument ): the number modulo 2^8.
pub fn to_uint8(agent: &mut Agent, value: &Value) -> JsResult<u8> {
    let n = agent.to_number(value)?;
    Ok(if n.is_finite() {
        n.trunc().rem_euclid(256.0) as u8
    } else {
        0
    })
}

/// Buffer.of ( ...items )
fn of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let mut bytes = Vec::with_capacity(args.args.len());
    for item in args.args {
        bytes.push(to_uint8(agent, item)?);
    }
    Ok(Value::Object(new_buffer(agent, bytes)?))
}

/// Node's `validateInteger(value, name, 0)`.
fn validate_index(agent: &mut Agent, value: &Value, name: &str) -> JsResult<usize> {
    let Value::Number(n) = value else {
        return Err(invalid_arg_type(agent, name, "number", value));
    };
    if n.fract() != 0.0 || !n.is_finite() {
        return Err(out_of_range(agent, name, "an integer", value));
    }
    if *n < 0.0 || *n > 9007199254740991.0 {
        return Err(out_of_range(
            agent,
            name,
            ">= 0 && <= 9007199254740991",
            value,
        ));
    }
    Ok(*n as usize)
}

/// Buffer.copyBytesFrom ( view [ , offset [ , length ] ] ): a copy of the
/// bytes of elements `offset..offset + length` of a typed array.
fn copy_bytes_from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = args.arg(0);
    let data = match &view {
        Value::Object(o) => o.data::<TypedArrayData>(),
        _ => None,
    };
    let Some(data) = data else {
        return Err(invalid_arg_type(
            agent,
            "view",
            "an instance of TypedArray",
            &view,
        ));
    };
    let (element_size, view_length) = (data.element.size(), data.length_or_zero());
    let (store, byte_offset) = (data.store.clone(), data.byte_offset);
    let (offset, length) = (args.arg(1), args.arg(2));
    let start = match offset {
        Value::Undefined => 0,
        v => validate_index(agent, &v, "offset")?,
    };
    let end = match length {
        Value::Undefined => view_length,
        v => start.saturating_add(validate_index(agent, &v, "length")?),
    }
    .min(view_length);
    if start >= end {
        return Ok(Value::Object(new_buffer(agent, Vec::new())?));
    }
    let bytes = store.copy_range(
        byte_offset + start * element_size,
        (end - start) * element_size,
    );
    Ok(Value::Object(new_buffer(agent, bytes)?))
}

/// Buffer.alloc ( size [ , fill [ , encoding ] ] )
fn alloc(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let size = validate_number(agent, &args.arg(0), "size", Some(0.0), Some(K_MAX_LENGTH))?;
    let fill = args.arg(1);
    let buffer = zeroed_buffer(agent, size as usize)?;
    let zero = matches!(fill, Value::Undefined) || matches!(fill, Value::Number(n) if n == 0.0);
    if !zero && size >= 1.0 {
        let value = Value::Object(buffer.clone());
        fill_buffer(
            agent,
            &value,
            &fill,
            &Value::Number(0.0),
            &Value::Number(size.trunc()),
            &args.arg(2),
        )?;
    }
    Ok(Value::Object(buffer))
}

/// `new Buffer(size)` / `Buffer(size)`: zero-filled, as since Node 8.
pub fn alloc_zeroed(agent: &mut Agent, size: &Value) -> JsResult<Value> {
    let size = validate_number(agent, size, "size", Some(0.0), Some(K_MAX_LENGTH))?;
    Ok(Value::Object(zeroed_buffer(agent, size as usize)?))
}

/// Buffer.allocUnsafe ( size ) and Buffer.allocUnsafeSlow ( size ).
// Deviation: the memory is zero-filled (Node leaves it uninitialized).
fn alloc_unsafe(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    alloc_zeroed(agent, &args.arg(0))
}

/// `SlowBuffer(size)` of `node:buffer` (deprecated): allocUnsafeSlow.
pub fn slow_buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    alloc_zeroed(agent, &args.arg(0))
}

/// Buffer.isBuffer ( obj ): `obj instanceof Buffer`.
fn is_buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let ctor = super::constructor::buffer_constructor(agent);
    let is = agent.ordinary_has_instance(&Value::Object(ctor), &args.arg(0))?;
    Ok(Value::Bool(is))
}

/// Buffer.isEncoding ( encoding )
fn is_encoding(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(match args.arg(0) {
        Value::String(s) => !s.is_empty() && Encoding::from_name(&s.to_rust_string()).is_some(),
        _ => false,
    }))
}

/// Buffer.byteLength ( string [ , encoding ] )
fn byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let string = args.arg(0);
    let Value::String(s) = &string else {
        if let Some(view) = array_buffer_view(&string) {
            return Ok(Value::Number(view.len as f64));
        }
        if let Some(store) = buffer_store(&string) {
            return Ok(Value::Number(store.len() as f64));
        }
        return Err(invalid_arg_type_phrase(
            agent,
            "\"string\" argument",
            "of type string or an instance of Buffer or ArrayBuffer",
            &string,
        ));
    };
    let encoding = args.arg(1);
    let encoding = if to_boolean(&encoding) {
        Encoding::from_value(agent, &encoding)?.unwrap_or(Encoding::Utf8)
    } else {
        Encoding::Utf8
    };
    Ok(Value::Number(encoded_length(s, encoding) as f64))
}

/// Buffer.concat ( list [ , totalLength ] )
fn concat(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let list = args.arg(0);
    if !agent.is_array(&list)? {
        return Err(invalid_arg_type(
            agent,
            "list",
            "an instance of Array",
            &list,
        ));
    }
    let Value::Object(list) = list else {
        unreachable!("an array is an object")
    };
    let count = agent.length_of_array_like(&list)? as usize;
    let total = match args.arg(1) {
        Value::Undefined => {
            let mut total = 0.0;
            for i in 0..count {
                let item = agent.get(&list, &PropertyKey::Index(i as u32))?;
                if let Value::Object(item) = item {
                    let length = agent.get(&item, &PropertyKey::from("length"))?;
                    if to_boolean(&length) {
                        total += agent.to_number(&length)?;
                    }
                }
            }
            total
        }
        v => validate_offset(agent, &v, "length", K_MAX_LENGTH)? as f64,
    };
    let total = validate_number(
        agent,
        &Value::Number(total),
        "size",
        Some(0.0),
        Some(K_MAX_LENGTH),
    )?;
    let Some(mut bytes) = crate::interp::builtins::array_buffer::store::zeroed(total as usize)
    else {
        return agent.throw_range_error("Array buffer allocation failed");
    };
    let mut position = 0;
    for i in 0..count {
        let item = agent.get(&list, &PropertyKey::Index(i as u32))?;
        let Some(view) = uint8_view(&item) else {
            return Err(not_uint8_array(agent, &format!("list[{i}]"), &item));
        };
        let take = view.len.min(bytes.len() - position);
        view.with(|b| bytes[position..position + take].copy_from_slice(&b[..take]));
        position += take;
    }
    Ok(Value::Object(new_buffer(agent, bytes)?))
}

/// Node's `normalizeCompareVal`: the order of two byte strings.
pub fn compare_bytes(a: &[u8], b: &[u8]) -> i32 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// Buffer.compare ( buf1, buf2 )
fn compare(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (a, b) = (args.arg(0), args.arg(1));
    let Some(a) = uint8_view(&a) else {
        return Err(not_uint8_array(agent, "buf1", &a));
    };
    let Some(b) = uint8_view(&b) else {
        return Err(not_uint8_array(agent, "buf2", &b));
    };
    let order = a.with(|x| b.with(|y| compare_bytes(x, y)));
    Ok(Value::Number(f64::from(order)))
}

/// The bytes `isUtf8` and `isAscii` read.
fn input_bytes(agent: &mut Agent, input: &Value) -> JsResult<Vec<u8>> {
    if let Some(view) = array_buffer_view(input) {
        return Ok(view.to_vec());
    }
    if let Some(store) = buffer_store(input) {
        return Ok(store.copy_range(0, store.len()));
    }
    Err(invalid_arg_type(
        agent,
        "input",
        "an instance of ArrayBuffer, Buffer, or TypedArray",
        input,
    ))
}

/// `isUtf8(input)` of `node:buffer`.
pub fn is_utf8(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let bytes = input_bytes(agent, &args.arg(0))?;
    Ok(Value::Bool(std::str::from_utf8(&bytes).is_ok()))
}

/// `isAscii(input)` of `node:buffer`.
pub fn is_ascii(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let bytes = input_bytes(agent, &args.arg(0))?;
    Ok(Value::Bool(bytes.is_ascii()))
}

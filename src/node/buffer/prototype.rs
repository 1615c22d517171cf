//! `Buffer.prototype`'s methods over bytes and strings: `toString`,
//! `equals`, `compare`, `write`, `fill`, `copy`, `toJSON`, `slice`,
//! `subarray`, `swap16/32/64`, the per-encoding `*Slice`/`*Write`, the
//! `parent`/`offset` getters and the `util.inspect` method
//! (`<Buffer 01 02>`), as Node v20's `lib/buffer.js` has them.

use gc::Gc;

use super::constructor::INSPECT_MAX_BYTES;
use super::encoding::{decode, encode, Encoding};
use super::errors::{
    buffer_out_of_bounds, invalid_arg_value, native_coded_error, not_uint8_array, out_of_range,
    unknown_encoding, validate_offset, K_MAX_LENGTH,
};
use super::object::{array_buffer_view, sub_buffer, this_view, uint8_view, ByteView};
use super::statics::{compare_bytes, to_uint8};
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::node::globals::invalid_arg_type;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    for &(name, f) in ENCODING_METHODS {
        agent.define_method(proto, name, 3, f);
    }
    agent.define_accessor(proto, PropertyKey::from("parent"), Some(parent), None);
    agent.define_accessor(proto, PropertyKey::from("offset"), Some(offset), None);
    agent.define_method(proto, "copy", 4, copy);
    agent.define_method(proto, "toString", 3, to_string);
    agent.define_method(proto, "equals", 1, equals);
    agent.define_method(proto, "compare", 5, compare);
    agent.define_method(proto, "fill", 4, fill);
    agent.define_method(proto, "write", 4, write);
    agent.define_method(proto, "toJSON", 0, to_json);
    agent.define_method(proto, "subarray", 2, slice);
    agent.define_method(proto, "slice", 2, slice);
    agent.define_method(proto, "swap16", 0, swap16);
    agent.define_method(proto, "swap32", 0, swap32);
    agent.define_method(proto, "swap64", 0, swap64);
    agent.define_method(proto, "toLocaleString", 3, to_string);
}

/// `argument must be a string` (Node's C++ check of a string to write).
fn not_a_string(agent: &mut Agent) -> Throw {
    native_coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_ARG_TYPE",
        "argument must be a string",
    )
}

/// `RangeError: Index out of range` (ERR_OUT_OF_RANGE, from Node's C++ layer).
fn index_out_of_range(agent: &mut Agent) -> Throw {
    native_coded_error(
        agent,
        ErrorKind::RangeError,
        "ERR_OUT_OF_RANGE",
        "Index out of range",
    )
}

/// buf.toString ( [ encoding [ , start [ , end ] ] ] )
fn to_string(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    if args.args.is_empty() {
        let bytes = view.to_vec();
        return Ok(Value::String(decode(agent, &bytes, Encoding::Utf8)?));
    }
    let len = view.len as f64;
    let empty = || Ok(Value::String(JsStr::from("")));
    // `start <= 0` → 0; `start >= len` → ""; else its integer part.
    let start = agent.to_number(&args.arg(1))?;
    let start = if start <= 0.0 {
        0.0
    } else if start >= len {
        return empty();
    } else if start.is_nan() {
        0.0
    } else {
        start.trunc()
    };
    let end = match args.arg(2) {
        Value::Undefined => len,
        v => {
            let n = agent.to_number(&v)?;
            if n > len {
                len
            } else if n.is_nan() {
                0.0
            } else {
                n.trunc()
            }
        }
    };
    if end <= start {
        return empty();
    }
    let encoding = match args.arg(0) {
        Value::Undefined => Encoding::Utf8,
        name => match Encoding::from_value(agent, &name)? {
            Some(e) => e,
            None => return Err(unknown_encoding(agent, &name)?),
        },
    };
    let bytes = view.copy(start as usize, end as usize);
    Ok(Value::String(decode(agent, &bytes, encoding)?))
}

/// buf.equals ( otherBuffer )
fn equals(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let other = args.arg(0);
    let Some(other) = uint8_view(&other) else {
        return Err(not_uint8_array(agent, "otherBuffer", &other));
    };
    Ok(Value::Bool(view.with(|a| other.with(|b| a == b))))
}

/// An optional offset argument of `compare`: undefined is `default`.
fn offset_or(
    agent: &mut Agent,
    value: &Value,
    name: &str,
    default: usize,
    max: f64,
) -> JsResult<usize> {
    match value {
        Value::Undefined => Ok(default),
        v => validate_offset(agent, v, name, max),
    }
}

/// buf.compare ( target [ , targetStart [ , targetEnd [ , sourceStart [ , sourceEnd ] ] ] ] )
fn compare(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let source = this_view(agent, args.this)?;
    let target = args.arg(0);
    let Some(target) = uint8_view(&target) else {
        return Err(not_uint8_array(agent, "target", &target));
    };
    if args.args.len() == 1 {
        let order = source.with(|a| target.with(|b| compare_bytes(a, b)));
        return Ok(Value::Number(f64::from(order)));
    }
    let target_start = offset_or(agent, &args.arg(1), "targetStart", 0, K_MAX_LENGTH)?;
    let target_end = offset_or(
        agent,
        &args.arg(2),
        "targetEnd",
        target.len,
        target.len as f64,
    )?;
    let source_start = offset_or(agent, &args.arg(3), "sourceStart", 0, K_MAX_LENGTH)?;
    let source_end = offset_or(
        agent,
        &args.arg(4),
        "sourceEnd",
        source.len,
        source.len as f64,
    )?;
    if source_start >= source_end {
        return Ok(Value::Number(if target_start >= target_end {
            0.0
        } else {
            -1.0
        }));
    }
    if target_start >= target_end {
        return Ok(Value::Number(1.0));
    }
    // Node's compareOffset.
    for (start, len, name) in [
        (source_start, source.len, "sourceStart"),
        (target_start, target.len, "targetStart"),
    ] {
        if start > len {
            let message = format!("The value of \"{name}\" is out of range.");
            return Err(native_coded_error(
                agent,
                ErrorKind::RangeError,
                "ERR_OUT_OF_RANGE",
                &message,
            ));
        }
    }
    let a = source.copy(source_start, source_end);
    let b = target.copy(target_start, target_end);
    Ok(Value::Number(f64::from(compare_bytes(&a, &b))))
}

/// buf.write ( string [ , offset [ , length ] ] [ , encoding ] )
fn write(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let (offset, length, encoding) = (args.arg(1), args.arg(2), args.arg(3));
    let (offset, length, encoding) = if offset.is_undefined() {
        (0, view.len, Value::Undefined)
    } else if length.is_undefined() && matches!(offset, Value::String(_)) {
        (0, view.len, offset)
    } else {
        let offset = validate_offset(agent, &offset, "offset", view.len as f64)?;
        let remaining = view.len - offset;
        match length {
            Value::Undefined => (offset, remaining, encoding),
            Value::String(_) => (offset, remaining, length),
            v => {
                let length = validate_offset(agent, &v, "length", view.len as f64)?;
                (offset, length.min(remaining), encoding)
            }
        }
    };
    let encoding = if crate::interp::ops::conversion::to_boolean(&encoding) {
        match Encoding::from_value(agent, &encoding)? {
            Some(e) => e,
            None => return Err(unknown_encoding(agent, &encoding)?),
        }
    } else {
        Encoding::Utf8
    };
    let Value::String(string) = args.arg(0) else {
        return Err(not_a_string(agent));
    };
    write_bytes(agent, &view, &string, encoding, offset, length)
}

/// Writes `string` in `encoding` at `offset`, at most `length` bytes;
/// returns how many were written.
fn write_bytes(
    agent: &mut Agent,
    view: &ByteView,
    string: &JsStr,
    encoding: Encoding,
    offset: usize,
    length: usize,
) -> JsResult<Value> {
    let bytes = encode(agent, string, encoding, length)?;
    view.with_mut(|b| b[offset..offset + bytes.len()].copy_from_slice(&bytes));
    Ok(Value::Number(bytes.len() as f64))
}

/// buf.fill ( value [ , offset [ , end ] ] [ , encoding ] )
fn fill(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    fill_buffer(
        agent,
        args.this,
        &args.arg(0),
        &args.arg(1),
        &args.arg(2),
        &args.arg(3),
    )?;
    Ok(args.this.clone())
}

/// What a fill writes: one byte, or a pattern repeated.
enum FillWith {
    Byte(Value),
    Pattern(Vec<u8>),
}

/// Node's `_fill(buf, value, offset, end, encoding)`.
pub fn fill_buffer(
    agent: &mut Agent,
    this: &Value,
    value: &Value,
    offset: &Value,
    end: &Value,
    encoding: &Value,
) -> JsResult<()> {
    let view = this_view(agent, this)?;
    let len = view.len;
    let (mut offset, mut end) = (offset.clone(), end.clone());
    let with = if let Value::String(s) = value {
        let mut encoding = encoding.clone();
        if offset.is_undefined() || matches!(offset, Value::String(_)) {
            encoding = offset;
            offset = Value::Number(0.0);
            end = Value::Number(len as f64);
        } else if let Value::String(_) = end {
            encoding = end;
            end = Value::Number(len as f64);
        }
        let Some(normalized) = Encoding::normalize(&encoding) else {
            if !matches!(encoding, Value::String(_)) {
                return Err(invalid_arg_type(agent, "encoding", "string", &encoding));
            }
            return Err(unknown_encoding(agent, &encoding)?);
        };
        let units = s.units();
        if units.is_empty() {
            FillWith::Byte(Value::Number(0.0))
        } else if units.len() == 1
            && ((normalized == Encoding::Utf8 && units[0] < 128) || normalized == Encoding::Latin1)
        {
            FillWith::Byte(Value::Number(f64::from(units[0])))
        } else {
            let bytes = encode(agent, s, normalized, usize::MAX)?;
            if bytes.is_empty() {
                return Err(invalid_arg_value(agent, "value", value));
            }
            FillWith::Pattern(bytes)
        }
    } else if let Some(pattern) = array_buffer_view(value) {
        let bytes = pattern.to_vec();
        if bytes.is_empty() {
            return Err(invalid_arg_value(agent, "value", value));
        }
        FillWith::Pattern(bytes)
    } else {
        FillWith::Byte(value.clone())
    };
    let (start, end) = if offset.is_undefined() {
        (0, len)
    } else {
        let start = validate_offset(agent, &offset, "offset", K_MAX_LENGTH)?;
        let end = match end {
            Value::Undefined => len,
            v => validate_offset(agent, &v, "end", len as f64)?,
        };
        if start >= end {
            return Ok(());
        }
        (start, end)
    };
    if end > len {
        return Err(buffer_out_of_bounds(agent, None));
    }
    match with {
        FillWith::Byte(v) => {
            let byte = to_uint8(agent, &v)?;
            view.with_mut(|b| b[start..end].fill(byte));
        }
        FillWith::Pattern(pattern) => view.with_mut(|b| fill_pattern(&mut b[start..end], &pattern)),
    }
    Ok(())
}

/// Fills `target` with `pattern` repeated (the last copy cut short): one
/// copy, then the filled part doubled until the end.
fn fill_pattern(target: &mut [u8], pattern: &[u8]) {
    let first = pattern.len().min(target.len());
    target[..first].copy_from_slice(&pattern[..first]);
    let mut filled = first;
    while filled < target.len() {
        let take = filled.min(target.len() - filled);
        target.copy_within(..take, filled);
        filled += take;
    }
}

/// Node's `toInteger(n, 0)` for `copy`'s positions: the floor of a safe
/// integer, else 0.
fn to_copy_integer(agent: &mut Agent, value: &Value) -> JsResult<f64> {
    let n = agent.to_number(value)?;
    Ok(if n.is_nan() || n.abs() > 9007199254740991.0 {
        0.0
    } else {
        n.floor()
    })
}

/// buf.copy ( target [ , targetStart [ , sourceStart [ , sourceEnd ] ] ] )
fn copy(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Some(source) = uint8_view(args.this) else {
        return Err(not_uint8_array(agent, "source", args.this));
    };
    let target = args.arg(0);
    let Some(target) = uint8_view(&target) else {
        return Err(not_uint8_array(agent, "target", &target));
    };
    let target_start = match args.arg(1) {
        Value::Undefined => 0.0,
        v => {
            let n = to_copy_integer(agent, &v)?;
            if n < 0.0 {
                return Err(out_of_range(
                    agent,
                    "targetStart",
                    ">= 0",
                    &Value::Number(n),
                ));
            }
            n
        }
    };
    let source_start = match args.arg(2) {
        Value::Undefined => 0.0,
        v => {
            let n = to_copy_integer(agent, &v)?;
            if n < 0.0 || n > source.len as f64 {
                let range = format!(">= 0 && <= {}", source.len);
                return Err(out_of_range(
                    agent,
                    "sourceStart",
                    &range,
                    &Value::Number(n),
                ));
            }
            n
        }
    };
    let source_end = match args.arg(3) {
        Value::Undefined => source.len as f64,
        v => {
            let n = to_copy_integer(agent, &v)?;
            if n < 0.0 {
                return Err(out_of_range(agent, "sourceEnd", ">= 0", &Value::Number(n)));
            }
            n
        }
    };
    if target_start >= target.len as f64 || source_start >= source_end {
        return Ok(Value::Number(0.0));
    }
    let (target_start, source_start) = (target_start as usize, source_start as usize);
    let source_end = (source_end.min(source.len as f64) as usize)
        .min(source_start + (target.len - target_start));
    let bytes = source.copy(source_start, source_end);
    target.with_mut(|b| b[target_start..target_start + bytes.len()].copy_from_slice(&bytes));
    Ok(Value::Number(bytes.len() as f64))
}

/// buf.toJSON ( ): `{ type: 'Buffer', data: [ ...bytes ] }`.
fn to_json(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let data: Vec<Value> = view
        .to_vec()
        .into_iter()
        .map(|b| Value::Number(f64::from(b)))
        .collect();
    let data = agent.create_array_from_list(data);
    let proto = agent.intrinsics().object_prototype.clone();
    let o = JsObject::ordinary_create(Some(proto));
    define_value(&o, "type", Value::from("Buffer"), Attributes::ALL);
    define_value(&o, "data", Value::Object(data), Attributes::ALL);
    Ok(Value::Object(o))
}

/// Node's `adjustOffset(offset, length)`: an integer offset, negative ones
/// from the end, clamped to `0..=length`.
fn adjust_offset(agent: &mut Agent, value: &Value, length: usize) -> JsResult<usize> {
    let n = agent.to_number(value)?.trunc();
    let length = length as f64;
    Ok(if n == 0.0 || n.is_nan() {
        0.0
    } else if n < 0.0 {
        (n + length).max(0.0)
    } else {
        n.min(length)
    } as usize)
}

/// buf.slice ( [ start [ , end ] ] ) and buf.subarray: a Buffer over the
/// same memory.
fn slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let start = adjust_offset(agent, &args.arg(0), view.len)?;
    let end = match args.arg(1) {
        Value::Undefined => view.len,
        v => adjust_offset(agent, &v, view.len)?,
    };
    Ok(Value::Object(sub_buffer(
        agent,
        args.this,
        start,
        end.max(start),
    )?))
}

/// buf.swap16/32/64 ( ): reverses the byte order of each `size`-byte unit.
fn swap(agent: &mut Agent, args: &CallArgs, size: usize) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    if view.len % size != 0 {
        return Err(coded_error(
            agent,
            ErrorKind::RangeError,
            "ERR_INVALID_BUFFER_SIZE",
            format!("Buffer size must be a multiple of {}-bits", size * 8),
        ));
    }
    view.with_mut(|b| b.chunks_exact_mut(size).for_each(<[u8]>::reverse));
    Ok(args.this.clone())
}

fn swap16(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    swap(agent, args, 2)
}

fn swap32(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    swap(agent, args, 4)
}

fn swap64(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    swap(agent, args, 8)
}

/// `get parent`: the ArrayBuffer a Buffer views.
fn parent(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(match args.this {
        Value::Object(o) => o
            .data::<TypedArrayData>()
            .map_or(Value::Undefined, |d| Value::Object(d.buffer.clone())),
        _ => Value::Undefined,
    })
}

/// `get offset`: a Buffer's byteOffset.
fn offset(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(match args.this {
        Value::Object(o) => o
            .data::<TypedArrayData>()
            .map_or(Value::Undefined, |d| Value::Number(d.byte_offset as f64)),
        _ => Value::Undefined,
    })
}

/// Node's C++ `ParseArrayIndex(value, default)`: an integer ≥ 0.
fn parse_array_index(agent: &mut Agent, value: &Value, default: usize) -> JsResult<usize> {
    if value.is_undefined() {
        return Ok(default);
    }
    let n = agent.to_integer_or_infinity(value)?;
    if n < 0.0 {
        return Err(index_out_of_range(agent));
    }
    Ok(n.min(usize::MAX as f64) as usize)
}

/// `buf.<encoding>Slice(start, end)`.
fn slice_in(agent: &mut Agent, args: &CallArgs, encoding: Encoding) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let start = parse_array_index(agent, &args.arg(0), 0)?;
    let end = parse_array_index(agent, &args.arg(1), view.len)?.max(start);
    if end > view.len {
        return Err(index_out_of_range(agent));
    }
    let bytes = view.copy(start, end);
    Ok(Value::String(decode(agent, &bytes, encoding)?))
}

/// `buf.<encoding>Write(string, offset, length)`.
fn write_in(agent: &mut Agent, args: &CallArgs, encoding: Encoding) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let Value::String(string) = args.arg(0) else {
        return Err(not_a_string(agent));
    };
    let offset = parse_array_index(agent, &args.arg(1), 0)?;
    if offset > view.len {
        return Err(buffer_out_of_bounds(agent, Some("offset")));
    }
    let length = parse_array_index(agent, &args.arg(2), view.len - offset)?.min(view.len - offset);
    write_bytes(agent, &view, &string, encoding, offset, length)
}

macro_rules! encoding_methods {
    ($($slice:ident $slice_name:literal, $write:ident $write_name:literal => $encoding:expr;)*) => {
        $(
            fn $slice(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                slice_in(agent, args, $encoding)
            }
            fn $write(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                write_in(agent, args, $encoding)
            }
        )*
        /// `asciiSlice`, `asciiWrite`, … in Node's order.
        const ENCODING_METHODS: &[(&str, NativeFn)] = &[
            $(($slice_name, $slice),)*
            $(($write_name, $write),)*
        ];
    };
}

encoding_methods! {
    ascii_slice "asciiSlice", ascii_write "asciiWrite" => Encoding::Ascii;
    base64_slice "base64Slice", base64_write "base64Write" => Encoding::Base64;
    base64url_slice "base64urlSlice", base64url_write "base64urlWrite" => Encoding::Base64Url;
    latin1_slice "latin1Slice", latin1_write "latin1Write" => Encoding::Latin1;
    hex_slice "hexSlice", hex_write "hexWrite" => Encoding::Hex;
    ucs2_slice "ucs2Slice", ucs2_write "ucs2Write" => Encoding::Ucs2;
    utf8_slice "utf8Slice", utf8_write "utf8Write" => Encoding::Utf8;
}

/// `buf.inspect(recurseTimes, ctx)` (also `[util.inspect.custom]`):
/// `<Buffer 01 02 … N more bytes>`, then any other own enumerable
/// properties, `<Buffer 01, foo: 1>`.
pub fn inspect(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let shown = view.copy(0, INSPECT_MAX_BYTES);
    let mut text = shown
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    if view.len > INSPECT_MAX_BYTES {
        let remaining = view.len - INSPECT_MAX_BYTES;
        let plural = if remaining > 1 { "s" } else { "" };
        text.push_str(&format!(" ... {remaining} more byte{plural}"));
    }
    if let (Value::Object(ctx), Value::Object(this)) = (args.arg(1), args.this) {
        let show_hidden = agent.get(&ctx, &PropertyKey::from("showHidden"))?;
        let show_hidden = crate::interp::ops::conversion::to_boolean(&show_hidden);
        let keys: Vec<PropertyKey> = this
            .own_property_keys()
            .into_iter()
            .filter(|k| !matches!(k, PropertyKey::Index(_)))
            .filter(|k| show_hidden || this.get_own_property(k).is_some_and(|p| p.enumerable()))
            .collect();
        if !keys.is_empty() {
            let extras = JsObject::ordinary_create(None);
            for key in keys {
                let v = agent.get(this, &key)?;
                extras.define_own_property(
                    key,
                    crate::interp::property::PropertyDescriptor::data(v, Attributes::ALL),
                );
            }
            let options =
                JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
            agent.copy_data_properties(&options, &Value::Object(ctx.clone()), &[])?;
            define_value(
                &options,
                "breakLength",
                Value::Number(f64::INFINITY),
                Attributes::ALL,
            );
            define_value(&options, "compact", Value::Bool(true), Attributes::ALL);
            let inspect =
                agent.native_function("inspect", 2, crate::interp::inspect::inspect_function);
            let shown = agent.call(
                &Value::Object(inspect),
                &Value::Undefined,
                &[Value::Object(extras), Value::Object(options)],
            )?;
            let shown: Vec<u16> = agent.to_string(&shown)?.units().to_vec();
            if view.len != 0 {
                text.push_str(", ");
            }
            if shown.len() > 29 {
                text.push_str(&String::from_utf16_lossy(&shown[27..shown.len() - 2]));
            }
        }
    }
    let Value::Object(this) = args.this else {
        unreachable!("this_view checked it")
    };
    let ctor = agent.get(this, &PropertyKey::from("constructor"))?;
    let name = match ctor {
        Value::Object(c) => {
            let name = agent.get(&c, &PropertyKey::from("name"))?;
            agent.to_string(&name)?.to_rust_string()
        }
        other => agent.to_string(&other)?.to_rust_string(),
    };
    Ok(Value::from(format!("<{name} {text}>").as_str()))
}

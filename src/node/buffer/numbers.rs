//! Reading and writing numbers in a Buffer: `readUInt8` … `readUInt32BE`,
//! `readIntLE`/`readUIntBE` (1–6 bytes), `readFloat*`, `readDouble*`,
//! `readBig(U)Int64*`, the matching `write*` methods and the lowercase
//! `Uint` aliases, with the checks and errors of Node v20's
//! `internal/buffer.js`.

use gc::Gc;

use super::errors::{bounds_error, out_of_range};
use super::object::{this_view, ByteView};
use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::Attributes;
use crate::interp::value::Value;
use crate::node::globals::invalid_arg_type;

/// The kind of number a method reads or writes.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Kind {
    /// An unsigned integer of 1–6 bytes.
    UInt,
    /// A signed integer of 1–6 bytes.
    Int,
    Float,
    Double,
    BigUInt64,
    BigInt64,
}

/// A method's number: kind, width in bytes, byte order.
#[derive(Copy, Clone)]
struct Layout {
    kind: Kind,
    size: usize,
    little_endian: bool,
}

/// The offset a fixed-width access may use: a Number whose `size` bytes lie inside the buffer (Node's
/// `validateNumber` then `boundsError`).
fn checked_offset(
    agent: &mut Agent,
    view: &ByteView,
    value: &Value,
    size: usize,
) -> JsResult<usize> {
    let Value::Number(n) = *value else {
        return Err(invalid_arg_type(agent, "offset", "number", value));
    };
    if n.fract() == 0.0 && n >= 0.0 && n + size as f64 <= view.len as f64 {
        return Ok(n as usize);
    }
    Err(bounds_error(
        agent,
        value,
        view.len as i64 - size as i64,
        None,
    ))
}

/// The `byteLength` argument of `readUIntLE` and the like: 1 to 6.
fn checked_byte_length(agent: &mut Agent, value: &Value) -> JsResult<usize> {
    match value {
        Value::Number(n) if n.fract() == 0.0 && (1.0..=6.0).contains(n) => Ok(*n as usize),
        _ => Err(bounds_error(agent, value, 6, Some("byteLength"))),
    }
}

/// Reads the number laid out as `layout` at `offset`.
fn read_at(view: &ByteView, offset: usize, layout: Layout) -> Value {
    let mut raw = [0u8; 8];
    view.with(|b| raw[..layout.size].copy_from_slice(&b[offset..offset + layout.size]));
    let bytes = &mut raw[..layout.size];
    if !layout.little_endian {
        bytes.reverse();
    }
    let mut le = [0u8; 8];
    le[..layout.size].copy_from_slice(bytes);
    match layout.kind {
        Kind::Float => Value::Number(f64::from(f32::from_le_bytes([le[0], le[1], le[2], le[3]]))),
        Kind::Double => Value::Number(f64::from_le_bytes(le)),
        Kind::BigUInt64 => Value::BigInt(JsBigInt::from(u64::from_le_bytes(le))),
        Kind::BigInt64 => Value::BigInt(JsBigInt::from(i64::from_le_bytes(le))),
        Kind::UInt => Value::Number(u64::from_le_bytes(le) as f64),
        Kind::Int => {
            let shift = 64 - 8 * layout.size as u32;
            Value::Number(((u64::from_le_bytes(le) << shift) as i64 >> shift) as f64)
        }
    }
}

/// An `offset = 0` parameter's value.
fn default_zero(value: Value) -> Value {
    if value.is_undefined() {
        Value::Number(0.0)
    } else {
        value
    }
}

/// `readX(offset = 0)` for a fixed layout.
fn read_fixed(agent: &mut Agent, args: &CallArgs, layout: Layout) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let offset = default_zero(args.arg(0));
    let offset = checked_offset(agent, &view, &offset, layout.size)?;
    Ok(read_at(&view, offset, layout))
}

/// `readUIntLE(offset, byteLength)` and its kin.
fn read_variable(
    agent: &mut Agent,
    args: &CallArgs,
    kind: Kind,
    little_endian: bool,
) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let offset = args.arg(0);
    if offset.is_undefined() {
        return Err(invalid_arg_type(agent, "offset", "number", &offset));
    }
    let size = checked_byte_length(agent, &args.arg(1))?;
    let layout = Layout {
        kind,
        size,
        little_endian,
    };
    let offset = checked_offset(agent, &view, &offset, size)?;
    Ok(read_at(&view, offset, layout))
}

/// Node's `checkInt` range text for an integer of `size` bytes.
fn int_range(kind: Kind, size: usize) -> (f64, f64, String) {
    let bits = 8 * size as i32;
    let (min, max) = match kind {
        Kind::Int => (-(2f64.powi(bits - 1)), 2f64.powi(bits - 1) - 1.0),
        _ => (0.0, 2f64.powi(bits) - 1.0),
    };
    let text = match (kind, size > 4) {
        (Kind::Int, true) => format!(">= -(2 ** {}) and < 2 ** {}", bits - 1, bits - 1),
        (_, true) => format!(">= 0 and < 2 ** {bits}"),
        _ => format!(
            ">= {} and <= {}",
            super::errors::fmt_number(min),
            super::errors::fmt_number(max)
        ),
    };
    (min, max, text)
}

/// Writes `bytes` (little-endian) at `offset` in the layout's byte order.
fn store_at(view: &ByteView, offset: usize, layout: Layout, bytes: &[u8]) {
    let mut bytes = bytes[..layout.size].to_vec();
    if !layout.little_endian {
        bytes.reverse();
    }
    view.with_mut(|b| b[offset..offset + layout.size].copy_from_slice(&bytes));
}

/// The write methods: `value` converted and checked, then `offset`;
/// returns the offset after the written bytes.
fn write_value(
    agent: &mut Agent,
    view: &ByteView,
    value: &Value,
    offset: &Value,
    layout: Layout,
) -> JsResult<Value> {
    let size = layout.size;
    let bytes: Vec<u8> = match layout.kind {
        Kind::UInt | Kind::Int => {
            // `value = +value`, then the range.
            let n = agent.to_number(value)?;
            let (min, max, range) = int_range(layout.kind, size);
            if size == 1 && !matches!(offset, Value::Number(_)) {
                return Err(invalid_arg_type(agent, "offset", "number", offset));
            }
            if n > max || n < min {
                return Err(out_of_range(agent, "value", &range, &Value::Number(n)));
            }
            let low = crate::interp::number::to_uint32(n);
            let high = crate::interp::number::to_uint32((n * 2f64.powi(-32)).floor());
            let mut bytes = low.to_le_bytes().to_vec();
            bytes.extend_from_slice(&high.to_le_bytes());
            bytes
        }
        Kind::Float => (agent.to_number(value)? as f32).to_le_bytes().to_vec(),
        Kind::Double => agent.to_number(value)?.to_le_bytes().to_vec(),
        Kind::BigUInt64 | Kind::BigInt64 => {
            let signed = layout.kind == Kind::BigInt64;
            let (range, in_range) = if signed {
                (
                    ">= -(2n ** 63n) and < 2n ** 63n",
                    big_in_range(value, -(2f64.powi(63)), 2f64.powi(63), true),
                )
            } else {
                (
                    ">= 0n and < 2n ** 64n",
                    big_in_range(value, 0.0, 2f64.powi(64), false),
                )
            };
            if !in_range {
                return Err(out_of_range(agent, "value", range, value));
            }
            let offset = checked_offset(agent, view, offset, size)?;
            let Value::BigInt(b) = value else {
                return agent.throw_type_error(
                    "Cannot mix BigInt and other types, use explicit conversions",
                );
            };
            store_at(view, offset, layout, &b.low_u64().to_le_bytes());
            return Ok(Value::Number((offset + size) as f64));
        }
    };
    let offset = checked_offset(agent, view, offset, size)?;
    store_at(view, offset, layout, &bytes);
    Ok(Value::Number((offset + size) as f64))
}

/// Whether a BigInt write's value passes Node's `value > max || value <
/// min` test (a Number compares by value; other values pass, to fail later).
fn big_in_range(value: &Value, min: f64, end: f64, signed: bool) -> bool {
    match value {
        Value::BigInt(b) => b.as_n_bits(64, signed).ok().is_some_and(|v| &v == b),
        Value::Number(n) => n.is_nan() || (*n >= min && *n < end),
        _ => true,
    }
}

/// `writeX(value, offset = 0)` for a fixed layout.
fn write_fixed(agent: &mut Agent, args: &CallArgs, layout: Layout) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let offset = default_zero(args.arg(1));
    write_value(agent, &view, &args.arg(0), &offset, layout)
}

/// `writeUIntLE(value, offset, byteLength)` and its kin.
fn write_variable(
    agent: &mut Agent,
    args: &CallArgs,
    kind: Kind,
    little_endian: bool,
) -> JsResult<Value> {
    let view = this_view(agent, args.this)?;
    let size = checked_byte_length(agent, &args.arg(2))?;
    // No default offset here: undefined is a type error.
    let offset = args.arg(1);
    let layout = Layout {
        kind,
        size,
        little_endian,
    };
    write_value(agent, &view, &args.arg(0), &offset, layout)
}

macro_rules! fixed_methods {
    ($($read:ident $read_name:literal, $write:ident $write_name:literal => $kind:ident $size:literal $le:literal;)*) => {
        $(
            fn $read(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                read_fixed(agent, args, Layout { kind: Kind::$kind, size: $size, little_endian: $le })
            }
            fn $write(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                write_fixed(agent, args, Layout { kind: Kind::$kind, size: $size, little_endian: $le })
            }
        )*
        /// The fixed-width readers and writers.
        const FIXED_METHODS: &[(&str, &str, NativeFn, NativeFn)] = &[
            $(($read_name, $write_name, $read, $write),)*
        ];
    };
}

fixed_methods! {
    read_big_uint64_le "readBigUInt64LE", write_big_uint64_le "writeBigUInt64LE" => BigUInt64 8 true;
    read_big_uint64_be "readBigUInt64BE", write_big_uint64_be "writeBigUInt64BE" => BigUInt64 8 false;
    read_big_int64_le "readBigInt64LE", write_big_int64_le "writeBigInt64LE" => BigInt64 8 true;
    read_big_int64_be "readBigInt64BE", write_big_int64_be "writeBigInt64BE" => BigInt64 8 false;
    read_uint32_le "readUInt32LE", write_uint32_le "writeUInt32LE" => UInt 4 true;
    read_uint16_le "readUInt16LE", write_uint16_le "writeUInt16LE" => UInt 2 true;
    read_uint8 "readUInt8", write_uint8 "writeUInt8" => UInt 1 true;
    read_uint32_be "readUInt32BE", write_uint32_be "writeUInt32BE" => UInt 4 false;
    read_uint16_be "readUInt16BE", write_uint16_be "writeUInt16BE" => UInt 2 false;
    read_int32_le "readInt32LE", write_int32_le "writeInt32LE" => Int 4 true;
    read_int16_le "readInt16LE", write_int16_le "writeInt16LE" => Int 2 true;
    read_int8 "readInt8", write_int8 "writeInt8" => Int 1 true;
    read_int32_be "readInt32BE", write_int32_be "writeInt32BE" => Int 4 false;
    read_int16_be "readInt16BE", write_int16_be "writeInt16BE" => Int 2 false;
    read_float_le "readFloatLE", write_float_le "writeFloatLE" => Float 4 true;
    read_float_be "readFloatBE", write_float_be "writeFloatBE" => Float 4 false;
    read_double_le "readDoubleLE", write_double_le "writeDoubleLE" => Double 8 true;
    read_double_be "readDoubleBE", write_double_be "writeDoubleBE" => Double 8 false;
}

macro_rules! variable_methods {
    ($($read:ident $read_name:literal, $write:ident $write_name:literal => $kind:ident $le:literal;)*) => {
        $(
            fn $read(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                read_variable(agent, args, Kind::$kind, $le)
            }
            fn $write(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
                write_variable(agent, args, Kind::$kind, $le)
            }
        )*
        /// The 1–6 byte readers and writers.
        const VARIABLE_METHODS: &[(&str, &str, NativeFn, NativeFn)] = &[
            $(($read_name, $write_name, $read, $write),)*
        ];
    };
}

variable_methods! {
    read_uint_le "readUIntLE", write_uint_le "writeUIntLE" => UInt true;
    read_uint_be "readUIntBE", write_uint_be "writeUIntBE" => UInt false;
    read_int_le "readIntLE", write_int_le "writeIntLE" => Int true;
    read_int_be "readIntBE", write_int_be "writeIntBE" => Int false;
}

/// Defines each method, and for names with `UInt` the `Uint` alias (the
/// same function object, as in Node).
pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let methods = FIXED_METHODS
        .iter()
        .map(|&(r, w, rf, wf)| (r, w, rf, wf, 0, 1))
        .chain(
            VARIABLE_METHODS
                .iter()
                .map(|&(r, w, rf, wf)| (r, w, rf, wf, 2, 3)),
        );
    let mut writes = Vec::new();
    for (read_name, write_name, read, write, read_length, write_length) in methods {
        let f = agent.define_method(proto, read_name, read_length, read);
        if read_name.contains("UInt") {
            let alias = read_name.replace("UInt", "Uint");
            define_value(proto, &alias, Value::Object(f), Attributes::METHOD);
        }
        writes.push((write_name, write, write_length));
    }
    for (write_name, write, length) in writes {
        let f = agent.define_method(proto, write_name, length, write);
        if write_name.contains("UInt") {
            let alias = write_name.replace("UInt", "Uint");
            define_value(proto, &alias, Value::Object(f), Attributes::METHOD);
        }
    }
}

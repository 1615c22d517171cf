//! `buf.indexOf`, `buf.lastIndexOf` and `buf.includes`: Node's
//! `bidirectionalIndexOf` with its C++ `IndexOfOffset`, `IndexOfNumber`,
//! `IndexOfString` and `IndexOfBuffer`.

use gc::Gc;

use super::encoding::{encode, Encoding};
use super::errors::{invalid_types, unknown_encoding};
use super::object::{this_view, uint8_view};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    agent.define_method(proto, "indexOf", 3, index_of);
    agent.define_method(proto, "lastIndexOf", 3, last_index_of);
    agent.define_method(proto, "includes", 3, includes);
}

/// Node's `IndexOfOffset(length, offset, needleLength, isForward)`: where
/// a search starts, or -1 when it cannot match.
fn index_of_offset(length: i64, offset: i64, needle_length: i64, forward: bool) -> i64 {
    if offset < 0 {
        if offset + length >= 0 {
            // Negative offsets count backwards from the end of the buffer.
            length + offset
        } else if forward || needle_length == 0 {
            // indexOf from before the start: search the whole buffer.
            0
        } else {
            // lastIndexOf from before the start: no match.
            -1
        }
    } else if offset + needle_length <= length {
        offset
    } else if needle_length == 0 {
        // Out of bounds, but an empty needle points at the end.
        length
    } else if forward {
        // indexOf from past the end: no match.
        -1
    } else {
        // lastIndexOf from past the end: search the whole buffer.
        length - 1
    }
}

/// The first match of `needle` in `haystack` at or after `start`
/// (forward), or the last one at or before `start` (backward), by units
/// of `T` (bytes, or UTF-16 units for ucs2).
fn search<T: PartialEq>(
    haystack: &[T],
    needle: &[T],
    start: usize,
    forward: bool,
) -> Option<usize> {
    if haystack.len() < needle.len() || needle.is_empty() {
        return None;
    }
    let last = haystack.len() - needle.len();
    let matches_at = |i: usize| haystack[i + 1..i + needle.len()] == needle[1..];
    // Candidates are the places of the needle's first unit.
    let first = &needle[0];
    if forward {
        let mut i = start;
        while i <= last {
            let found = haystack[i..=last].iter().position(|u| u == first)?;
            if matches_at(i + found) {
                return Some(i + found);
            }
            i += found + 1;
        }
        None
    } else {
        let mut end = start.min(last) + 1;
        while end > 0 {
            let found = haystack[..end].iter().rposition(|u| u == first)?;
            if matches_at(found) {
                return Some(found);
            }
            end = found;
        }
        None
    }
}

/// Node's `bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir)`.
fn bidirectional_index_of(agent: &mut Agent, args: &CallArgs, forward: bool) -> JsResult<i64> {
    let view = this_view(agent, args.this)?;
    let value = args.arg(0);
    let (mut byte_offset, mut encoding) = (args.arg(1), args.arg(2));
    if let Value::String(_) = byte_offset {
        encoding = byte_offset;
        byte_offset = Value::Undefined;
    }
    // `+byteOffset`, within ±2^31 (NaN searches the whole buffer).
    let offset = agent
        .to_number(&byte_offset)?
        .clamp(-2147483648.0, 2147483647.0);
    let length = view.len as i64;
    let offset = if offset.is_nan() {
        if forward {
            0
        } else {
            length
        }
    } else {
        offset as i64
    };
    let haystack = view.to_vec();
    // A number is a byte (`val >>> 0`, its low 8 bits).
    if let Value::Number(n) = value {
        let byte = crate::interp::number::to_uint32(n) as u8;
        let start = index_of_offset(length, offset, 1, forward);
        if start < 0 || length == 0 {
            return Ok(-1);
        }
        let found = search(&haystack, &[byte], start as usize, forward);
        return Ok(found.map_or(-1, |i| i as i64));
    }
    let encoding_name = encoding;
    let encoding = match &encoding_name {
        Value::Undefined => Some(Encoding::Utf8),
        name => Encoding::from_value(agent, name)?,
    };
    let (needle, encoding) = match &value {
        Value::String(s) => {
            let Some(encoding) = encoding else {
                return Err(unknown_encoding(agent, &encoding_name)?);
            };
            (encode(agent, s, encoding, usize::MAX)?, encoding)
        }
        v => match uint8_view(v) {
            Some(needle) => (needle.to_vec(), encoding.unwrap_or(Encoding::Utf8)),
            None => {
                return Err(invalid_types(
                    agent,
                    "value",
                    "one of type number or string or an instance of Buffer or Uint8Array",
                    v,
                ))
            }
        },
    };
    let needle_length = needle.len() as i64;
    let start = index_of_offset(length, offset, needle_length, forward);
    if needle.is_empty() {
        // As String.prototype.indexOf and lastIndexOf do.
        return Ok(start);
    }
    if length == 0 || start < 0 {
        return Ok(-1);
    }
    let start = start as usize;
    if (forward && needle.len() + start > haystack.len()) || needle.len() > haystack.len() {
        return Ok(-1);
    }
    let found = if encoding == Encoding::Ucs2 {
        if haystack.len() < 2 || needle.len() < 2 {
            return Ok(-1);
        }
        let units = |b: &[u8]| -> Vec<u16> {
            b.chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect()
        };
        search(&units(&haystack), &units(&needle), start / 2, forward).map(|i| i * 2)
    } else {
        search(&haystack, &needle, start, forward)
    };
    Ok(found.map_or(-1, |i| i as i64))
}

/// buf.indexOf ( value [ , byteOffset ] [ , encoding ] )
fn index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(
        bidirectional_index_of(agent, args, true)? as f64
    ))
}

/// buf.lastIndexOf ( value [ , byteOffset ] [ , encoding ] )
fn last_index_of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Number(
        bidirectional_index_of(agent, args, false)? as f64
    ))
}

/// buf.includes ( value [ , byteOffset ] [ , encoding ] )
fn includes(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(
        bidirectional_index_of(agent, args, true)? != -1,
    ))
}

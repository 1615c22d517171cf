//! Buffer's character encodings (Node's `utf8`, `ucs2`/`utf16le`,
//! `latin1`/`binary`, `ascii`, `base64`, `base64url`, `hex`): naming them,
//! and turning strings into bytes and bytes into strings. The loops poll
//! the interrupt and decoded strings respect V8's length limit.

use super::errors::string_too_long;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::node::globals::{decode_base64_lenient, decode_utf8_lossy, encode_base64, encode_utf8};

/// Units or bytes handled between two polls of the interrupt.
const POLL_EVERY: usize = 1 << 16;

/// One of Node's buffer encodings.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Ucs2,
    Latin1,
    Ascii,
    Base64,
    Base64Url,
    Hex,
}

impl Encoding {
    /// The encoding `name` names, in any letter case (Node's
    /// `getEncodingOps`); None for an unknown name or the empty string.
    pub fn from_name(name: &str) -> Option<Encoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Encoding::Utf8,
            "ucs2" | "ucs-2" | "utf16le" | "utf-16le" => Encoding::Ucs2,
            "latin1" | "binary" => Encoding::Latin1,
            "ascii" => Encoding::Ascii,
            "base64" => Encoding::Base64,
            "base64url" => Encoding::Base64Url,
            "hex" => Encoding::Hex,
            _ => return None,
        })
    }

    /// Node's `getEncodingOps(encoding)`: the encoding `String(value)` names.
    pub fn from_value(agent: &mut Agent, value: &Value) -> JsResult<Option<Encoding>> {
        let name = agent.to_string(value)?.to_rust_string();
        Ok(Encoding::from_name(&name))
    }

    /// Node's `normalizeEncoding(encoding)`: undefined, null and "" are
    /// UTF-8, a string is looked up, anything else names none.
    pub fn normalize(value: &Value) -> Option<Encoding> {
        match value {
            Value::Undefined | Value::Null => Some(Encoding::Utf8),
            Value::String(s) if s.is_empty() => Some(Encoding::Utf8),
            Value::String(s) => Encoding::from_name(&s.to_rust_string()),
            _ => None,
        }
    }
}

/// The bytes of `string` in `encoding`, at most `limit` of them (whole
/// characters for UTF-8 and UTF-16; hex stops at the first pair that is not
/// two hex digits; latin1 and ascii keep each code unit's low byte).
pub fn encode(
    agent: &mut Agent,
    string: &JsStr,
    encoding: Encoding,
    limit: usize,
) -> JsResult<Vec<u8>> {
    let units = string.units();
    match encoding {
        Encoding::Utf8 => encode_utf8(agent, units, limit),
        Encoding::Ucs2 => {
            let count = units.len().min(limit / 2);
            let mut out = Vec::with_capacity(count * 2);
            for (i, unit) in units[..count].iter().enumerate() {
                if i % POLL_EVERY == POLL_EVERY - 1 {
                    agent.poll_interrupt()?;
                }
                out.extend_from_slice(&unit.to_le_bytes());
            }
            Ok(out)
        }
        Encoding::Latin1 | Encoding::Ascii => {
            let count = units.len().min(limit);
            let mut out = Vec::with_capacity(count);
            for chunk in units[..count].chunks(POLL_EVERY) {
                out.extend(chunk.iter().map(|&u| u as u8));
                agent.poll_interrupt()?;
            }
            Ok(out)
        }
        Encoding::Base64 | Encoding::Base64Url => decode_base64_lenient(agent, units, limit),
        Encoding::Hex => {
            let count = (units.len() / 2).min(limit);
            let mut out = Vec::with_capacity(count);
            for (i, pair) in units.chunks_exact(2).take(count).enumerate() {
                if i % POLL_EVERY == POLL_EVERY - 1 {
                    agent.poll_interrupt()?;
                }
                match (hex_digit(pair[0]), hex_digit(pair[1])) {
                    (Some(high), Some(low)) => out.push(high << 4 | low),
                    _ => break,
                }
            }
            Ok(out)
        }
    }
}

fn hex_digit(unit: u16) -> Option<u8> {
    match unit {
        0x30..=0x39 => Some((unit - 0x30) as u8),
        0x41..=0x46 => Some((unit - 0x41 + 10) as u8),
        0x61..=0x66 => Some((unit - 0x61 + 10) as u8),
        _ => None,
    }
}

/// The string `bytes` decode to in `encoding` (Node's `*Slice`): invalid
/// UTF-8 becomes U+FFFD, ascii drops each byte's high bit, ucs2 ignores an
/// odd last byte. A string longer than V8's limit is ERR_STRING_TOO_LONG.
pub fn decode(agent: &mut Agent, bytes: &[u8], encoding: Encoding) -> JsResult<JsStr> {
    // The length of the result, or for UTF-8 a bound below it.
    let least_units = match encoding {
        Encoding::Utf8 => bytes.len().div_ceil(3),
        Encoding::Ucs2 => bytes.len() / 2,
        Encoding::Latin1 | Encoding::Ascii => bytes.len(),
        Encoding::Base64 => bytes.len().div_ceil(3) * 4,
        Encoding::Base64Url => (bytes.len() * 4).div_ceil(3),
        Encoding::Hex => bytes.len() * 2,
    };
    if least_units > JsStr::MAX_LENGTH {
        return Err(string_too_long(agent));
    }
    agent.reserve_string(least_units)?;
    let units: Vec<u16> = match encoding {
        Encoding::Utf8 => {
            let units = decode_utf8_lossy(agent, bytes)?;
            if units.len() > JsStr::MAX_LENGTH {
                return Err(string_too_long(agent));
            }
            units
        }
        Encoding::Ucs2 => {
            let mut out = Vec::with_capacity(bytes.len() / 2);
            for chunk in bytes.chunks(2 * POLL_EVERY) {
                out.extend(
                    chunk
                        .chunks_exact(2)
                        .map(|pair| u16::from_le_bytes([pair[0], pair[1]])),
                );
                agent.poll_interrupt()?;
            }
            out
        }
        Encoding::Latin1 | Encoding::Ascii => {
            let mask = if encoding == Encoding::Ascii {
                0x7F
            } else {
                0xFF
            };
            let mut out = Vec::with_capacity(bytes.len());
            for chunk in bytes.chunks(POLL_EVERY) {
                out.extend(chunk.iter().map(|&b| u16::from(b & mask)));
                agent.poll_interrupt()?;
            }
            out
        }
        Encoding::Base64 => encode_base64(agent, bytes, false)?,
        Encoding::Base64Url => encode_base64(agent, bytes, true)?,
        Encoding::Hex => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            let mut out = Vec::with_capacity(bytes.len() * 2);
            for chunk in bytes.chunks(POLL_EVERY) {
                for &b in chunk {
                    out.push(u16::from(DIGITS[usize::from(b >> 4)]));
                    out.push(u16::from(DIGITS[usize::from(b & 15)]));
                }
                agent.poll_interrupt()?;
            }
            out
        }
    };
    Ok(JsStr::from_units(units))
}

/// How many bytes `string` takes in `encoding` (Node's `byteLength`
/// functions: base64 is estimated from the length less trailing `=`).
pub fn byte_length(string: &JsStr, encoding: Encoding) -> usize {
    let units = string.units();
    match encoding {
        Encoding::Utf8 => utf8_length(units),
        Encoding::Ucs2 => units.len() * 2,
        Encoding::Latin1 | Encoding::Ascii => units.len(),
        Encoding::Hex => units.len() / 2,
        Encoding::Base64 | Encoding::Base64Url => {
            let mut n = units.len();
            let equals = u16::from(b'=');
            if n > 0 && units[n - 1] == equals {
                n -= 1;
            }
            if n > 1 && units[n - 1] == equals {
                n -= 1;
            }
            n * 3 / 4
        }
    }
}

/// The UTF-8 length of code units (a lone surrogate takes three bytes, as
/// its U+FFFD does).
pub fn utf8_length(units: &[u16]) -> usize {
    let mut length = 0;
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        length += match unit {
            0..=0x7F => 1,
            0x80..=0x7FF => 2,
            0xD800..=0xDBFF
                if units
                    .get(i + 1)
                    .is_some_and(|n| (0xDC00..=0xDFFF).contains(n)) =>
            {
                i += 1;
                4
            }
            _ => 3,
        };
        i += 1;
    }
    length
}

//! `atob` and `btoa` (HTML's forgiving-base64 decode and base64 encode of
//! a "binary string", as Node provides them).

use super::dom_exception::dom_exception;
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::Attributes;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use gc::Gc;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The URL-safe alphabet (RFC 4648 §5).
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Groups of three bytes encoded between two polls of the interrupt.
const GROUPS_PER_POLL: usize = 1 << 16;

/// The base64 encoding of `bytes` as code units: the standard alphabet
/// padded with `=`, or (`url`) the URL-safe alphabet without padding, as
/// Node's `base64` and `base64url` encodings give it.
pub(crate) fn encode_base64(agent: &mut Agent, bytes: &[u8], url: bool) -> JsResult<Vec<u16>> {
    let table = if url { URL_ALPHABET } else { ALPHABET };
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    let sextet = |n: u32, shift: u32| u16::from(table[(n >> shift & 63) as usize]);
    for run in bytes.chunks(3 * GROUPS_PER_POLL) {
        let groups = run.chunks_exact(3);
        let rest = groups.remainder();
        for group in groups {
            let n = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
            out.extend_from_slice(&[sextet(n, 18), sextet(n, 12), sextet(n, 6), sextet(n, 0)]);
        }
        if !rest.is_empty() {
            let n =
                rest.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - rest.len()));
            for i in 0..4 {
                if i <= rest.len() {
                    out.push(sextet(n, 18 - 6 * i as u32));
                } else if !url {
                    out.push(u16::from(b'='));
                }
            }
        }
        agent.poll_interrupt()?;
    }
    Ok(out)
}

/// The 6-bit value of a character of either base64 alphabet.
fn sextet(unit: u16) -> Option<u32> {
    Some(match u8::try_from(unit).ok()? {
        c @ b'A'..=b'Z' => u32::from(c - b'A'),
        c @ b'a'..=b'z' => u32::from(c - b'a') + 26,
        c @ b'0'..=b'9' => u32::from(c - b'0') + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    })
}

/// Node's lenient base64 decoding (both `base64` and `base64url`): the
/// characters of either alphabet are read, anything else (whitespace
/// included) is skipped, and the first `=` ends the input; a final group
/// of two or three characters gives one or two bytes, a lone one none.
/// At most `limit` bytes are produced.
pub(crate) fn decode_base64_lenient(
    agent: &mut Agent,
    units: &[u16],
    limit: usize,
) -> JsResult<Vec<u8>> {
    let mut out = Vec::with_capacity((units.len() / 4 * 3 + 2).min(limit));
    let (mut group, mut count) = (0u32, 0usize);
    for (i, &unit) in units.iter().enumerate() {
        if i % (4 * GROUPS_PER_POLL) == 4 * GROUPS_PER_POLL - 1 {
            agent.poll_interrupt()?;
        }
        if unit == u16::from(b'=') {
            break;
        }
        let Some(value) = sextet(unit) else {
            continue;
        };
        group = group << 6 | value;
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(group >> 16) as u8, (group >> 8) as u8, group as u8]);
            (group, count) = (0, 0);
            if out.len() >= limit {
                out.truncate(limit);
                return Ok(out);
            }
        }
    }
    match count {
        2 => out.push((group >> 4) as u8),
        3 => out.extend_from_slice(&[(group >> 10) as u8, (group >> 2) as u8]),
        _ => {}
    }
    out.truncate(limit);
    Ok(out)
}

/// Node's error for a call without its argument.
fn missing_input(agent: &mut Agent) -> crate::interp::completion::Throw {
    coded_error(
        agent,
        ErrorKind::TypeError,
        "ERR_MISSING_ARGS",
        "The \"input\" argument must be specified".to_string(),
    )
}

/// btoa ( data ): the base64 encoding of a string of code units ≤ 0xFF.
fn btoa(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if args.args.is_empty() {
        return Err(missing_input(agent));
    }
    let data = agent.to_string(&args.arg(0))?;
    let mut bytes = Vec::with_capacity(data.len());
    for &unit in data.units() {
        match u8::try_from(unit) {
            Ok(b) => bytes.push(b),
            Err(_) => {
                return Err(dom_exception(
                    agent,
                    "Invalid character",
                    "InvalidCharacterError",
                ))
            }
        }
    }
    Ok(Value::String(JsStr::from_units(encode_base64(
        agent, &bytes, false,
    )?)))
}

/// atob ( data ): forgiving-base64 decode
/// (<https://infra.spec.whatwg.org/#forgiving-base64-decode>), each byte a
/// code unit of the result.
fn atob(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if args.args.is_empty() {
        return Err(missing_input(agent));
    }
    let data = agent.to_string(&args.arg(0))?;
    // 1. Remove all ASCII whitespace from data.
    let mut units: Vec<u16> = data
        .units()
        .iter()
        .copied()
        .filter(|&u| !matches!(u, 0x09 | 0x0A | 0x0C | 0x0D | 0x20))
        .collect();
    // 2. If data's length divides by 4 leaving no remainder, then: if data
    //    ends with one or two U+003D (=), remove them.
    if units.len() % 4 == 0 {
        for _ in 0..2 {
            if units.last() == Some(&u16::from(b'=')) {
                units.pop();
            }
        }
    }
    // 4. If data contains a code point that is not base64 alphabet, return failure.
    let mut sextets = Vec::with_capacity(units.len());
    for &u in &units {
        match u8::try_from(u)
            .ok()
            .and_then(|b| ALPHABET.iter().position(|&a| a == b))
        {
            Some(v) => sextets.push(v as u32),
            None => {
                return Err(dom_exception(
                    agent,
                    "Invalid character",
                    "InvalidCharacterError",
                ))
            }
        }
    }
    // 3. If data's length divides by 4 leaving a remainder of 1, return failure.
    if sextets.len() % 4 == 1 {
        return Err(dom_exception(
            agent,
            "The string to be decoded is not correctly encoded.",
            "InvalidCharacterError",
        ));
    }
    // 5–8. Each group of four sextets is three bytes; a final group of two
    //      or three gives one or two.
    let mut out: Vec<u16> = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk.iter().fold(0u32, |acc, &s| acc << 6 | s) << (6 * (4 - chunk.len()));
        for i in 0..chunk.len() - 1 {
            out.push(((n >> (16 - 8 * i)) & 0xFF) as u16);
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
}

/// The realm's `atob` or `btoa` function (the globals' own, when they
/// were installed), for `node:buffer` to export.
pub fn base64_function(agent: &mut Agent, name: &str) -> Gc<JsObject> {
    let (key, call): (&'static str, NativeFn) = if name == "atob" {
        ("atob", atob)
    } else {
        ("btoa", btoa)
    };
    if let Some(f) = agent.intrinsics().try_get(key) {
        return f;
    }
    let f = agent.native_function(key, 1, call);
    agent.intrinsics().register(key, f.clone());
    f
}

pub(super) fn install(agent: &mut Agent) {
    let global = agent.global_object();
    for name in ["atob", "btoa"] {
        let f = base64_function(agent, name);
        define_value(&global, name, Value::Object(f), Attributes::METHOD);
    }
}

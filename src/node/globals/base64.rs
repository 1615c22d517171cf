//! `atob` and `btoa` (HTML's forgiving-base64 decode and base64 encode of
//! a "binary string", as Node provides them).

use super::dom_exception::dom_exception;
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(u16::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push(u16::from(b'='));
            }
        }
    }
    Ok(Value::String(JsStr::from_units(out)))
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

pub(super) fn install(agent: &mut Agent) {
    let global = agent.global_object();
    agent.define_method(&global, "atob", 1, atob);
    agent.define_method(&global, "btoa", 1, btoa);
}

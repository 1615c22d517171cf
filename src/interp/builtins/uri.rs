//! URI handling functions (ECMA-262 §19.2.6): encodeURI,
//! encodeURIComponent, decodeURI, decodeURIComponent; and Annex B's
//! escape and unescape (§B.2.1).

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// uriMark ::: one of `- _ . ! ~ * ' ( )`
const URI_MARK: &str = "-_.!~*'()";

/// V8's message for every URIError these functions throw.
const URI_MALFORMED: &str = "URI malformed";

fn is_always_unescaped(unit: u16) -> bool {
    // uriAlpha, DecimalDigit and uriMark.
    u8::try_from(unit).is_ok_and(|b| b.is_ascii_alphanumeric() || URI_MARK.as_bytes().contains(&b))
}

fn in_set(unit: u16, set: &str) -> bool {
    u8::try_from(unit).is_ok_and(|b| set.as_bytes().contains(&b))
}

/// Encode ( string, extraUnescaped ) —
/// <https://tc39.es/ecma262/#sec-encode>
fn encode(agent: &mut Agent, string: &[u16], extra_unescaped: &str) -> JsResult<Value> {
    // 1. Let len be the length of string.
    let len = string.len();
    // 2. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 5. Let k be 0.
    let mut k = 0;
    // 6. Repeat, while k < len,
    while k < len {
        agent.poll_interrupt()?;
        // a. Let C be the code unit at index k within string.
        let c = string[k];
        // b. If unescapedSet contains C, then
        if is_always_unescaped(c) || in_set(c, extra_unescaped) {
            // i. Set k to k + 1.  ii. Set R to the string-concatenation of R and C.
            k += 1;
            r.push(c);
            continue;
        }
        // c. Else,
        // i. Let cp be CodePointAt(string, k).
        // ii. If cp.[[IsUnpairedSurrogate]] is true, throw a URIError exception.
        let (cp, count) = match code_point_at(string, k) {
            Some(found) => found,
            None => return Err(agent.error(ErrorKind::URIError, URI_MALFORMED)),
        };
        // iii. Set k to k + cp.[[CodeUnitCount]].
        k += count;
        // iv. Let Octets be the List of octets resulting by applying the UTF-8
        //     transformation to cp.[[CodePoint]].
        let mut octets = [0u8; 4];
        let encoded = cp.encode_utf8(&mut octets);
        // v. For each element octet of Octets, do
        for octet in encoded.bytes() {
            // 1. Let hex be the String representation of octet, formatted as
            //    an uppercase hexadecimal number.
            // 2. Set R to the string-concatenation of R, "%", and
            //    StringPad(hex, 2, "0", start).
            push_percent_hex(&mut r, octet);
        }
    }
    // 7. Return R.
    Ok(Value::String(JsStr::from_units(r)))
}

/// CodePointAt ( string, position ): the code point and its code unit
/// count, or None for an unpaired surrogate.
fn code_point_at(string: &[u16], k: usize) -> Option<(char, usize)> {
    let first = string[k];
    if !(0xD800..=0xDFFF).contains(&first) {
        return char::from_u32(u32::from(first)).map(|c| (c, 1));
    }
    if first >= 0xDC00 {
        return None;
    }
    let second = *string.get(k + 1)?;
    if !(0xDC00..=0xDFFF).contains(&second) {
        return None;
    }
    let cp = 0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
    char::from_u32(cp).map(|c| (c, 2))
}

fn push_percent_hex(out: &mut Vec<u16>, octet: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(u16::from(b'%'));
    out.push(u16::from(HEX[usize::from(octet >> 4)]));
    out.push(u16::from(HEX[usize::from(octet & 0xF)]));
}

/// The value of two hexadecimal digits at `string[at..at + 2]`.
fn parse_hex_octet(string: &[u16], at: usize) -> Option<u8> {
    let high = hex_digit(*string.get(at)?)?;
    let low = hex_digit(*string.get(at + 1)?)?;
    Some(high << 4 | low)
}

fn hex_digit(unit: u16) -> Option<u8> {
    char::from_u32(u32::from(unit))?
        .to_digit(16)
        .map(|d| d as u8)
}

/// Decode ( string, preserveEscapeSet ) —
/// <https://tc39.es/ecma262/#sec-decode>
fn decode(agent: &mut Agent, string: &[u16], preserve_escape_set: &str) -> JsResult<Value> {
    let malformed = |agent: &mut Agent| Err(agent.error(ErrorKind::URIError, URI_MALFORMED));
    // 1. Let len be the length of string.
    let len = string.len();
    // 2. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 3. Let k be 0.
    let mut k = 0;
    // 4. Repeat, while k < len,
    while k < len {
        agent.poll_interrupt()?;
        // a. Let C be the code unit at index k within string.
        let c = string[k];
        // b. Let S be C.
        // c. If C is the code unit 0x0025 (PERCENT SIGN), then
        if c != u16::from(b'%') {
            r.push(c);
            k += 1;
            continue;
        }
        // i. If k + 3 > len, throw a URIError exception.
        if k + 3 > len {
            return malformed(agent);
        }
        // ii. Let escape be the substring of string from k to k + 3.
        let start = k;
        // iii. Let B be ParseHexOctet(string, k + 1).
        // iv. If B is not an integer, throw a URIError exception.
        let Some(b) = parse_hex_octet(string, k + 1) else {
            return malformed(agent);
        };
        // v. Set k to k + 2.
        k += 2;
        // vi. Let n be the number of leading 1 bits in B.
        let n = b.leading_ones() as usize;
        // vii. If n = 0, then
        if n == 0 {
            // 1. Let asciiChar be the code unit whose numeric value is B.
            // 2. If preserveEscapeSet contains asciiChar, let S be escape.
            //    Otherwise, let S be asciiChar.
            if preserve_escape_set.as_bytes().contains(&b) {
                r.extend_from_slice(&string[start..start + 3]);
            } else {
                r.push(u16::from(b));
            }
        } else {
            // viii. Else,
            // 1. If n = 1 or n > 4, throw a URIError exception.
            if n == 1 || n > 4 {
                return malformed(agent);
            }
            // 2. Let Octets be « B ».
            let mut octets = vec![b];
            // 3. Let j be 1.
            // 4. Repeat, while j < n,
            for _ in 1..n {
                // a. Set k to k + 1.
                k += 1;
                // b. If k + 3 > len, throw a URIError exception.
                // c. If the code unit at index k within string is not the code
                //    unit 0x0025 (PERCENT SIGN), throw a URIError exception.
                if k + 3 > len || string[k] != u16::from(b'%') {
                    return malformed(agent);
                }
                // d. Let continuationByte be ParseHexOctet(string, k + 1).
                // e. If continuationByte is not an integer, throw a URIError exception.
                let Some(continuation) = parse_hex_octet(string, k + 1) else {
                    return malformed(agent);
                };
                // f. Append continuationByte to Octets.
                octets.push(continuation);
                // g. Set k to k + 2.
                k += 2;
            }
            // 5. Assert: The length of Octets is n.
            debug_assert_eq!(octets.len(), n);
            // 6. If Octets does not contain a valid UTF-8 encoding of a Unicode
            //    code point, throw a URIError exception.
            // 7. Let V be the code point obtained by applying the UTF-8
            //    transformation to Octets.
            let Some(v) = std::str::from_utf8(&octets)
                .ok()
                .and_then(|s| s.chars().next())
            else {
                return malformed(agent);
            };
            // 8. Let S be UTF16EncodeCodePoint(V).
            let mut units = [0u16; 2];
            r.extend_from_slice(v.encode_utf16(&mut units));
        }
        // d. Set R to the string-concatenation of R and S.
        // e. Set k to k + 1.
        k += 1;
    }
    // 5. Return R.
    Ok(Value::String(JsStr::from_units(r)))
}

/// encodeURI ( uri ) — <https://tc39.es/ecma262/#sec-encodeuri-uri>
fn encode_uri(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let uriString be ? ToString(uri).
    let uri = agent.to_string(&args.arg(0))?;
    // 2. Let extraUnescaped be the string-concatenation of uriReserved and "#".
    // 3. Return ? Encode(uriString, extraUnescaped).
    encode(agent, uri.units(), ";/?:@&=+$,#")
}

/// encodeURIComponent ( uriComponent ) —
/// <https://tc39.es/ecma262/#sec-encodeuricomponent-uricomponent>
fn encode_uri_component(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let componentString be ? ToString(uriComponent).
    let component = agent.to_string(&args.arg(0))?;
    // 2. Let extraUnescaped be the empty String.
    // 3. Return ? Encode(componentString, extraUnescaped).
    encode(agent, component.units(), "")
}

/// decodeURI ( encodedURI ) — <https://tc39.es/ecma262/#sec-decodeuri-encodeduri>
fn decode_uri(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let uriString be ? ToString(encodedURI).
    let uri = agent.to_string(&args.arg(0))?;
    // 2. Let preserveEscapeSet be ";/?:@&=+$,#".
    // 3. Return ? Decode(uriString, preserveEscapeSet).
    decode(agent, uri.units(), ";/?:@&=+$,#")
}

/// decodeURIComponent ( encodedURIComponent ) —
/// <https://tc39.es/ecma262/#sec-decodeuricomponent-encodeduricomponent>
fn decode_uri_component(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let componentString be ? ToString(encodedURIComponent).
    let component = agent.to_string(&args.arg(0))?;
    // 2. Let preserveEscapeSet be the empty String.
    // 3. Return ? Decode(componentString, preserveEscapeSet).
    decode(agent, component.units(), "")
}

/// escape ( string ) — <https://tc39.es/ecma262/#sec-escape-string>
fn escape(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // 1. Set string to ? ToString(string).
    let string = agent.to_string(&args.arg(0))?;
    // 3. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(string.units().len());
    // 4. Let unescapedSet be the string-concatenation of the ASCII word
    //    characters and "@*+-./".
    let unescaped = |u: u16| {
        u8::try_from(u).is_ok_and(|b| b.is_ascii_alphanumeric() || b"@*_+-./".contains(&b))
    };
    // 6. Repeat, while k < len,
    for &c in string.units() {
        // b. If unescapedSet contains C, then let S be C.
        if unescaped(c) {
            r.push(c);
        } else if c < 256 {
            // c. Else if n < 256: "%" and the two hexadecimal digits.
            push_percent_hex(&mut r, c as u8);
        } else {
            // d. Else: "%u" and the four hexadecimal digits.
            r.push(u16::from(b'%'));
            r.push(u16::from(b'u'));
            for shift in [12, 8, 4, 0] {
                r.push(u16::from(HEX[usize::from((c >> shift) & 0xF)]));
            }
        }
    }
    // 7. Return R.
    Ok(Value::String(JsStr::from_units(r)))
}

/// unescape ( string ) — <https://tc39.es/ecma262/#sec-unescape-string>
fn unescape(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Set string to ? ToString(string).
    let string = agent.to_string(&args.arg(0))?;
    let s = string.units();
    // 2. Let len be the length of string.
    let len = s.len();
    // 3. Let R be the empty String.
    let mut r: Vec<u16> = Vec::with_capacity(len);
    // 4. Let k be 0.
    let mut k = 0;
    // 5. Repeat, while k < len,
    while k < len {
        // a. Let C be the code unit at index k within string.
        let mut c = s[k];
        // b. If C is the code unit 0x0025 (PERCENT SIGN), then
        if c == u16::from(b'%') {
            // i. Let hexDigits be the empty String.
            // ii. Let optionalAdvance be 0.
            // iii. If k + 5 < len and the code unit at index k + 1 is 0x0075 (u), then
            //      hexDigits: the four code units after it; optionalAdvance: 5.
            // iv. Else if k + 3 ≤ len: hexDigits: the two code units after C;
            //     optionalAdvance: 2.
            // v–vi. If hexDigits is all hexadecimal digits, C is their value
            //       and k advances by optionalAdvance.
            if k + 5 < len && s[k + 1] == u16::from(b'u') {
                let digits: Option<Vec<u8>> =
                    s[k + 2..k + 6].iter().map(|&u| hex_digit(u)).collect();
                if let Some(d) = digits {
                    c = d.iter().fold(0u16, |acc, &x| acc << 4 | u16::from(x));
                    k += 5;
                }
            } else if k + 3 <= len {
                if let Some(octet) = parse_hex_octet(s, k + 1) {
                    c = u16::from(octet);
                    k += 2;
                }
            }
        }
        // c. Set R to the string-concatenation of R and C.
        r.push(c);
        // d. Set k to k + 1.
        k += 1;
    }
    // 6. Return R.
    Ok(Value::String(JsStr::from_units(r)))
}

/// Defines the URI functions and Annex B's escape/unescape on the global object.
pub fn install(agent: &mut Agent) {
    let global = agent.global_object();
    agent.define_method(&global, "decodeURI", 1, decode_uri);
    agent.define_method(&global, "decodeURIComponent", 1, decode_uri_component);
    agent.define_method(&global, "encodeURI", 1, encode_uri);
    agent.define_method(&global, "encodeURIComponent", 1, encode_uri_component);
    agent.define_method(&global, "escape", 1, escape);
    agent.define_method(&global, "unescape", 1, unescape);
}

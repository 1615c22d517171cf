//! RegExp.escape (ECMA-262 §22.2.5.1) and EncodeForRegExpEscape.

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::number::is_str_white_space;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// RegExp.escape ( S ) — <https://tc39.es/ecma262/#sec-regexp.escape>
pub(super) fn regexp_escape(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If S is not a String, throw a TypeError exception.
    let Value::String(s) = args.arg(0) else {
        return agent.throw_type_error("RegExp.escape requires a string argument");
    };
    // 2. Let escaped be the empty String.
    let mut escaped: Vec<u16> = Vec::with_capacity(s.units().len());
    // 3. Let cpList be StringToCodePoints(S).
    // 4. For each code point c of cpList, do
    for c in char::decode_utf16(s.units().iter().copied()) {
        let c = match c {
            Ok(c) => u32::from(c),
            // A lone surrogate is its own code point.
            Err(e) => u32::from(e.unpaired_surrogate()),
        };
        // a. If escaped is the empty String and c is matched by either
        //    DecimalDigit or AsciiLetter, then "\x" and the two hex digits.
        if escaped.is_empty() && char::from_u32(c).is_some_and(|c| c.is_ascii_alphanumeric()) {
            push_ascii(&mut escaped, &format!("\\x{c:02x}"));
        } else {
            // b. Else, set escaped to the string-concatenation of escaped and
            //    EncodeForRegExpEscape(c).
            encode_for_regexp_escape(c, &mut escaped);
        }
    }
    // 5. Return escaped.
    Ok(Value::String(JsStr::from_units(escaped)))
}

fn push_ascii(out: &mut Vec<u16>, text: &str) {
    out.extend(text.bytes().map(u16::from));
}

/// EncodeForRegExpEscape ( c ) — <https://tc39.es/ecma262/#sec-encodeforregexpescape>
fn encode_for_regexp_escape(c: u32, out: &mut Vec<u16>) {
    let ascii = u8::try_from(c).ok();
    // 1. If c is matched by SyntaxCharacter or c is U+002F (SOLIDUS), then
    //    return "\" and UTF16EncodeCodePoint(c).
    if let Some(b) = ascii.filter(|b| b"^$\\.*+?()[]{}|/".contains(b)) {
        out.push(u16::from(b'\\'));
        out.push(u16::from(b));
        return;
    }
    // 2. Else if c is the code point listed in some cell of the "Code Point"
    //    column of Table 67 (ControlEscape), return "\" and the escape letter.
    let control = match c {
        0x09 => Some(b't'),
        0x0A => Some(b'n'),
        0x0B => Some(b'v'),
        0x0C => Some(b'f'),
        0x0D => Some(b'r'),
        _ => None,
    };
    if let Some(letter) = control {
        out.push(u16::from(b'\\'));
        out.push(u16::from(letter));
        return;
    }
    // 3. Let otherPunctuators be the string-concatenation of ",-=<>#&!%:;@~'`"
    //    and the code unit 0x0022 (QUOTATION MARK).
    // 4. Let toEscape be StringToCodePoints(otherPunctuators).
    let other_punctuator = ascii.is_some_and(|b| b",-=<>#&!%:;@~'`\"".contains(&b));
    // 5. If toEscape contains c, c is matched by either WhiteSpace or
    //    LineTerminator, or c has the same numeric value as a leading surrogate
    //    or trailing surrogate, then
    let bmp = u16::try_from(c).ok();
    let white_space = bmp.is_some_and(is_str_white_space);
    let surrogate = (0xD800..=0xDFFF).contains(&c);
    if other_punctuator || white_space || surrogate {
        // b. If c ≤ 0xFF, return "\x" and StringPad(hex, 2, "0", start).
        if c <= 0xFF {
            push_ascii(out, &format!("\\x{c:02x}"));
        } else {
            // c–f. Else, "\u" and four hex digits for each code unit of c
            //      (c is in the BMP here: white space and surrogates are).
            push_ascii(out, &format!("\\u{c:04x}"));
        }
        return;
    }
    // 6. Return UTF16EncodeCodePoint(c).
    match char::from_u32(c) {
        Some(ch) => {
            let mut units = [0u16; 2];
            out.extend_from_slice(ch.encode_utf16(&mut units));
        }
        None => out.push(c as u16),
    }
}

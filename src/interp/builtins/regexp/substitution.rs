//! GetSubstitution ( matched, str, position, captures, namedCaptures,
//! replacementTemplate ) — <https://tc39.es/ecma262/#sec-getsubstitution>,
//! shared by RegExp.prototype[@@replace] and String.prototype.replace.

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

const DOLLAR: u16 = b'$' as u16;

fn digit(u: Option<&u16>) -> Option<usize> {
    match u {
        Some(&d) if (u16::from(b'0')..=u16::from(b'9')).contains(&d) => {
            Some(usize::from(d - u16::from(b'0')))
        }
        _ => None,
    }
}

/// Expands the `$$`, `$&`, ``$` ``, `$'`, `$n`, `$nn` and `$<name>`
/// references in `template`. `captures` are the captured strings (None
/// for undefined); `named_captures` is the groups object or undefined.
pub fn get_substitution(
    agent: &mut Agent,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Option<JsStr>],
    named_captures: &Value,
    template: &[u16],
) -> JsResult<Vec<u16>> {
    // 1. Let stringLength be the length of str.
    let string_length = s.len();
    // 3. Let result be the empty String.
    let mut result: Vec<u16> = Vec::with_capacity(template.len());
    // 4. Let templateRemainder be replacementTemplate.
    let mut i = 0;
    // 5. Repeat, while templateRemainder is not the empty String,
    while i < template.len() {
        let rest = &template[i..];
        if rest[0] != DOLLAR || rest.len() == 1 {
            // Anything that is not a `$` reference is copied (the last branch of step 5).
            result.push(rest[0]);
            i += 1;
            continue;
        }
        let consumed = match rest[1] {
            // b. If templateRemainder starts with "$$", refReplacement is "$".
            DOLLAR => {
                result.push(DOLLAR);
                2
            }
            // c. "$`": the part of str before the match.
            0x60 => {
                result.extend_from_slice(&s[..position.min(string_length)]);
                2
            }
            // d. "$&": the matched substring.
            0x26 => {
                result.extend_from_slice(matched);
                2
            }
            // e. "$'": the part of str after the match.
            0x27 => {
                let tail = (position + matched.len()).min(string_length);
                result.extend_from_slice(&s[tail..]);
                2
            }
            // f. "$" followed by one or more decimal digits.
            _ if digit(rest.get(1)).is_some() => {
                let first = digit(rest.get(1)).unwrap_or(0);
                // i–ii. Two digits when there are two.
                let (mut digit_count, mut index) = match digit(rest.get(2)) {
                    Some(second) => (2, first * 10 + second),
                    None => (1, first),
                };
                // vi. If index > captureLen and digitCount = 2, use one digit.
                if index > captures.len() && digit_count == 2 {
                    digit_count = 1;
                    index = first;
                }
                // viii–ix. A capture in range is replaced (undefined → ""); else kept literally.
                if (1..=captures.len()).contains(&index) {
                    if let Some(capture) = &captures[index - 1] {
                        result.extend_from_slice(capture.units());
                    }
                } else {
                    result.extend_from_slice(&rest[..1 + digit_count]);
                }
                1 + digit_count
            }
            // g. "$<": a named reference when there are named captures and a ">".
            0x3C => {
                let gt = rest.iter().position(|&u| u == u16::from(b'>'));
                match (gt, named_captures) {
                    (None, _) | (_, Value::Undefined) => {
                        result.extend_from_slice(&rest[..2]);
                        2
                    }
                    (Some(gt), groups) => {
                        let name = JsStr::from_units(&rest[2..gt]);
                        let capture = agent.get_v(groups, &PropertyKey::from_string(name))?;
                        if !matches!(capture, Value::Undefined) {
                            let text = agent.to_string(&capture)?;
                            result.extend_from_slice(text.units());
                        }
                        gt + 1
                    }
                }
            }
            // h. Otherwise the "$" is literal.
            _ => {
                result.push(DOLLAR);
                1
            }
        };
        i += consumed;
    }
    // 6. Return result.
    Ok(result)
}

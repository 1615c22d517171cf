//! IdentifierNames (§12.7) with `\u` escapes.

use super::chars::{char_at, hex_value, is_id_part, is_id_start};
use super::error_at;
use crate::syntax::error::SyntaxError;

/// The end of an IdentifierName and, when it contains escapes, its decoded
/// value.
pub(super) struct ScannedName {
    pub end: usize,
    pub decoded: Option<String>,
}

/// Scans the rest of an IdentifierName whose first `prefix_end - start`
/// bytes are plain ASCII name characters already matched (possibly none).
/// `start` is where the name begins (after any `#`).
pub(super) fn scan_name(
    src: &str,
    start: usize,
    prefix_end: usize,
) -> Result<ScannedName, SyntaxError> {
    let bytes = src.as_bytes();
    let mut pos = prefix_end;
    let mut decoded: Option<String> = None;
    while let Some(&b) = bytes.get(pos) {
        let at_start = pos == start;
        if b < 0x80 {
            if b == b'\\' {
                let (c, next) = read_name_escape(src, pos)?;
                let valid = if at_start {
                    is_id_start(c)
                } else {
                    is_id_part(c)
                };
                if !valid {
                    return Err(error_at(pos, next, "Invalid or unexpected token"));
                }
                decoded
                    .get_or_insert_with(|| src[start..pos].to_string())
                    .push(c);
                pos = next;
                continue;
            }
            let ok = if at_start {
                b.is_ascii_alphabetic() || b == b'$' || b == b'_'
            } else {
                b.is_ascii_alphanumeric() || b == b'$' || b == b'_'
            };
            if !ok {
                break;
            }
            if let Some(d) = decoded.as_mut() {
                d.push(b as char);
            }
            pos += 1;
        } else {
            let Some(c) = char_at(src, pos) else { break };
            let ok = if at_start {
                is_id_start(c)
            } else {
                is_id_part(c)
            };
            if !ok {
                break;
            }
            if let Some(d) = decoded.as_mut() {
                d.push(c);
            }
            pos += c.len_utf8();
        }
    }
    Ok(ScannedName { end: pos, decoded })
}

/// Reads `\uXXXX` or `\u{X...}` at `pos` (which holds the `\`) in an
/// identifier: the character and the position after the escape.
fn read_name_escape(src: &str, pos: usize) -> Result<(char, usize), SyntaxError> {
    let bytes = src.as_bytes();
    if bytes.get(pos + 1) != Some(&b'u') {
        return Err(error_at(pos, pos + 1, "Invalid or unexpected token"));
    }
    let (cp, next) = read_unicode_escape_body(bytes, pos + 2)
        .map_err(|e| error_at(pos, e.end.max(pos + 2), e.message))?;
    match char::from_u32(cp) {
        Some(c) => Ok((c, next)),
        // A surrogate is never an identifier character.
        None => Err(error_at(pos, next, "Invalid or unexpected token")),
    }
}

/// Why a `\u` escape body is malformed, and where the bad part ends.
pub(super) struct EscapeError {
    pub message: &'static str,
    pub end: usize,
}

/// Reads the part of a `\u` escape after `\u`: four hex digits or
/// `{` hex digits `}` with a value ≤ 0x10FFFF (§12.9.4 UnicodeEscapeSequence).
pub(super) fn read_unicode_escape_body(
    bytes: &[u8],
    pos: usize,
) -> Result<(u32, usize), EscapeError> {
    const INVALID: &str = "Invalid Unicode escape sequence";
    if bytes.get(pos) == Some(&b'{') {
        let mut p = pos + 1;
        let mut value: u32 = 0;
        let mut too_big = false;
        while let Some(d) = bytes.get(p).and_then(|&b| hex_value(b)) {
            value = value.saturating_mul(16).saturating_add(d);
            if value > 0x10FFFF {
                too_big = true;
            }
            p += 1;
        }
        if p == pos + 1 {
            return Err(EscapeError {
                message: INVALID,
                end: p,
            });
        }
        if too_big {
            return Err(EscapeError {
                message: "Undefined Unicode code-point",
                end: p,
            });
        }
        if bytes.get(p) != Some(&b'}') {
            return Err(EscapeError {
                message: INVALID,
                end: p,
            });
        }
        Ok((value, p + 1))
    } else {
        let mut value = 0;
        for i in 0..4 {
            match bytes.get(pos + i).and_then(|&b| hex_value(b)) {
                Some(d) => value = value * 16 + d,
                None => {
                    return Err(EscapeError {
                        message: INVALID,
                        end: pos + i,
                    })
                }
            }
        }
        Ok((value, pos + 4))
    }
}

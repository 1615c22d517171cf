//! String literals (§12.9.4) and the escape sequences they share with
//! template literals.

use super::chars::{char_at, hex_value, push_code_point, push_utf16};
use super::error_at;
use super::ident::read_unicode_escape_body;
use crate::syntax::error::SyntaxError;
use crate::syntax::token::Tok;

/// Where escape sequences appear: template literals treat legacy octal and
/// `\8`/`\9` as NotEscapeSequence instead of legacy forms.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum EscapeContext {
    String,
    Template,
}

/// A decoded escape: where the source continues, and whether it was a legacy
/// octal (or `\8`/`\9`) escape.
pub(super) struct Escape {
    pub next: usize,
    pub legacy_octal: bool,
}

/// A malformed escape: V8's message and the span of the offending text.
pub(super) struct BadEscape {
    pub message: &'static str,
    pub start: usize,
    pub end: usize,
}

/// Decodes the escape sequence whose `\` is at `pos`, appending its value to
/// `out` (§12.9.4 EscapeSequence and LineContinuation, §12.9.6
/// NotEscapeSequence).
pub(super) fn read_escape(
    src: &str,
    pos: usize,
    out: &mut Vec<u16>,
    context: EscapeContext,
) -> Result<Escape, BadEscape> {
    let bytes = src.as_bytes();
    let plain = |next| {
        Ok(Escape {
            next,
            legacy_octal: false,
        })
    };
    let Some(&b) = bytes.get(pos + 1) else {
        return Err(BadEscape {
            message: "Invalid or unexpected token",
            start: pos,
            end: pos + 1,
        });
    };
    let simple = match b {
        b'b' => Some(0x08),
        b't' => Some(0x09),
        b'n' => Some(0x0A),
        b'v' => Some(0x0B),
        b'f' => Some(0x0C),
        b'r' => Some(0x0D),
        _ => None,
    };
    if let Some(unit) = simple {
        out.push(unit);
        return plain(pos + 2);
    }
    match b {
        // LineContinuation: contributes nothing.
        b'\n' => plain(pos + 2),
        b'\r' => plain(if bytes.get(pos + 2) == Some(&b'\n') {
            pos + 3
        } else {
            pos + 2
        }),
        b'0' if !bytes.get(pos + 2).is_some_and(u8::is_ascii_digit) => {
            out.push(0);
            plain(pos + 2)
        }
        b'0'..=b'7' => {
            if context == EscapeContext::Template {
                return Err(BadEscape {
                    message: "Octal escape sequences are not allowed in template strings.",
                    start: pos,
                    end: pos + 2,
                });
            }
            // LegacyOctalEscapeSequence: up to three digits when the first is
            // 0–3, up to two otherwise.
            let max_len = if b <= b'3' { 3 } else { 2 };
            let mut value = 0u32;
            let mut p = pos + 1;
            while p < pos + 1 + max_len {
                match bytes.get(p) {
                    Some(&d @ b'0'..=b'7') => {
                        value = value * 8 + (d - b'0') as u32;
                        p += 1;
                    }
                    _ => break,
                }
            }
            out.push(value as u16);
            Ok(Escape {
                next: p,
                legacy_octal: true,
            })
        }
        b'8' | b'9' => {
            if context == EscapeContext::Template {
                return Err(BadEscape {
                    message: "\\8 and \\9 are not allowed in template strings.",
                    start: pos,
                    end: pos + 2,
                });
            }
            out.push(b as u16);
            Ok(Escape {
                next: pos + 2,
                legacy_octal: true,
            })
        }
        b'x' => {
            let hi = bytes.get(pos + 2).and_then(|&d| hex_value(d));
            let lo = bytes.get(pos + 3).and_then(|&d| hex_value(d));
            match (hi, lo) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u16);
                    plain(pos + 4)
                }
                _ => Err(BadEscape {
                    message: "Invalid hexadecimal escape sequence",
                    start: pos,
                    end: pos + 2,
                }),
            }
        }
        b'u' => match read_unicode_escape_body(bytes, pos + 2) {
            Ok((cp, next)) => {
                push_code_point(out, cp);
                plain(next)
            }
            Err(e) => Err(BadEscape {
                message: e.message,
                start: pos,
                end: e.end.max(pos + 2),
            }),
        },
        _ => {
            // NonEscapeCharacter (including U+2028/U+2029 continuations,
            // which contribute nothing).
            let Some(c) = char_at(src, pos + 1) else {
                return Err(BadEscape {
                    message: "Invalid or unexpected token",
                    start: pos,
                    end: pos + 1,
                });
            };
            if c != '\u{2028}' && c != '\u{2029}' {
                push_utf16(out, c);
            }
            plain(pos + 1 + c.len_utf8())
        }
    }
}

/// Scans a string literal whose opening quote is at `start`: the token and
/// the position after the closing quote.
pub(super) fn scan_string(src: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let quote = bytes[start];
    let body = start + 1;
    // Fast path: no escapes.
    let mut pos = body;
    while let Some(&b) = bytes.get(pos) {
        if b == quote || b == b'\\' || b == b'\n' || b == b'\r' {
            break;
        }
        pos += 1;
    }
    if bytes.get(pos) == Some(&quote) {
        let text = &src[body..pos];
        let value: Vec<u16> = if text.is_ascii() {
            text.bytes().map(u16::from).collect()
        } else {
            text.encode_utf16().collect()
        };
        let tok = Tok::Str {
            value: value.into(),
            legacy_octal: false,
        };
        return Ok((tok, pos + 1));
    }
    // Slow path: decode escapes into a buffer.
    let mut out: Vec<u16> = src[body..pos].encode_utf16().collect();
    let mut legacy_octal = false;
    loop {
        let Some(&b) = bytes.get(pos) else {
            return Err(error_at(start, pos, "Invalid or unexpected token"));
        };
        if b == quote {
            let tok = Tok::Str {
                value: out.into(),
                legacy_octal,
            };
            return Ok((tok, pos + 1));
        }
        match b {
            b'\\' => {
                let escape = read_escape(src, pos, &mut out, EscapeContext::String)
                    .map_err(|e| error_at(e.start, e.end, e.message))?;
                legacy_octal |= escape.legacy_octal;
                pos = escape.next;
            }
            b'\n' | b'\r' => return Err(error_at(start, pos, "Invalid or unexpected token")),
            _ => {
                // Copy the run of ordinary characters up to the next special byte.
                let run_start = pos;
                while let Some(&b) = bytes.get(pos) {
                    if b == quote || b == b'\\' || b == b'\n' || b == b'\r' {
                        break;
                    }
                    pos += 1;
                }
                out.extend(src[run_start..pos].encode_utf16());
            }
        }
    }
}

/// The strict-mode error for a string literal `src[start..end]` holding
/// legacy octal or `\8`/`\9` escapes. Like V8, the last such escape decides
/// the message and the position.
pub(super) fn legacy_escape_error(src: &str, start: usize, end: usize) -> Option<SyntaxError> {
    let bytes = src.as_bytes();
    let end = end.min(src.len());
    let mut pos = start + 1;
    let mut scratch = Vec::new();
    let mut last = None;
    while pos + 1 < end {
        if bytes[pos] != b'\\' {
            pos += 1;
            continue;
        }
        let Ok(escape) = read_escape(src, pos, &mut scratch, EscapeContext::String) else {
            return None;
        };
        if escape.legacy_octal {
            last = Some((pos, escape.next));
        }
        pos = escape.next;
    }
    let (at, next) = last?;
    let message = if matches!(bytes[at + 1], b'8' | b'9') {
        "\\8 and \\9 are not allowed in strict mode."
    } else {
        "Octal escape sequences are not allowed in strict mode."
    };
    Some(error_at(at, next, message))
}

//! Regular expression literals (§12.9.5). Only the literal's extent and its
//! flags are checked here; the pattern's own grammar is validated later.

use super::chars::{char_at, is_id_part, is_line_terminator};
use super::error_at;
use crate::syntax::error::SyntaxError;

/// A scanned regular expression literal: body and flags as byte ranges.
pub(super) struct ScannedRegex {
    pub body_end: usize,
    pub end: usize,
}

/// Scans the literal whose opening `/` is at `start`.
pub(super) fn scan_regex(src: &str, start: usize) -> Result<ScannedRegex, SyntaxError> {
    let bytes = src.as_bytes();
    let missing_slash = |at: usize| error_at(start, at, "Invalid regular expression: missing /");
    let mut pos = start + 1;
    let mut in_class = false;
    loop {
        let Some(&b) = bytes.get(pos) else {
            return Err(missing_slash(pos));
        };
        match b {
            b'/' if !in_class => break,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'\\' => {
                // RegularExpressionBackslashSequence: any non-terminator.
                pos += 1;
                match char_at(src, pos) {
                    Some(c) if !is_line_terminator(c) => {
                        pos += c.len_utf8();
                        continue;
                    }
                    _ => return Err(missing_slash(pos)),
                }
            }
            b'\n' | b'\r' => return Err(missing_slash(pos)),
            0xE2 => {
                if let Some(c) = char_at(src, pos) {
                    if is_line_terminator(c) {
                        return Err(missing_slash(pos));
                    }
                }
            }
            _ => {}
        }
        pos += 1;
        // Continuation bytes of a multi-byte character are skipped one by
        // one; none of them equals an ASCII byte tested above.
    }
    let body_end = pos;
    pos += 1;
    // RegularExpressionFlags: IdentifierPartChar*.
    let flags_start = pos;
    while let Some(c) = char_at(src, pos) {
        if c == '\\' || is_id_part(c) {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    if !valid_flags(&src[flags_start..pos]) {
        return Err(error_at(start, pos, "Invalid regular expression flags"));
    }
    Ok(ScannedRegex { body_end, end: pos })
}

/// Each of `d g i m s u v y` at most once, and not both `u` and `v`.
fn valid_flags(flags: &str) -> bool {
    let mut seen = 0u32;
    for b in flags.bytes() {
        let bit = match b {
            b'd' => 1,
            b'g' => 2,
            b'i' => 4,
            b'm' => 8,
            b's' => 16,
            b'u' => 32,
            b'v' => 64,
            b'y' => 128,
            _ => return false,
        };
        if seen & bit != 0 {
            return false;
        }
        seen |= bit;
    }
    seen & 96 != 96
}

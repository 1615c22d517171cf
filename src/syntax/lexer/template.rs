//! Template literal pieces (§12.9.6): the text between `` ` `` or `}` and
//! the next `` ` `` or `${`.

use super::error_at;
use super::string::{read_escape, BadEscape, EscapeContext};
use crate::syntax::error::SyntaxError;
use crate::syntax::token::TemplatePart;

/// One scanned piece of a template.
pub(super) struct ScannedPart {
    pub part: TemplatePart,
    /// Position after the closing `` ` `` or `${`.
    pub end: usize,
    /// The piece ends with `${` (a substitution follows).
    pub opens_substitution: bool,
}

/// Scans template characters starting at `body` (just after the opening
/// `` ` `` or the `}` that closes a substitution).
pub(super) fn scan_template_part(src: &str, body: usize) -> Result<ScannedPart, SyntaxError> {
    let bytes = src.as_bytes();
    let mut pos = body;
    let mut cooked: Vec<u16> = Vec::new();
    let mut cooked_valid = true;
    let mut has_cr = false;
    let mut run_start = pos;
    loop {
        let Some(&b) = bytes.get(pos) else {
            return Err(error_at(src.len(), src.len(), "Unexpected end of input"));
        };
        match b {
            b'`' => {
                flush_run(src, run_start, pos, &mut cooked, &mut has_cr);
                return Ok(finish(
                    src,
                    body,
                    pos,
                    pos + 1,
                    cooked,
                    cooked_valid,
                    has_cr,
                    false,
                ));
            }
            b'$' if bytes.get(pos + 1) == Some(&b'{') => {
                flush_run(src, run_start, pos, &mut cooked, &mut has_cr);
                return Ok(finish(
                    src,
                    body,
                    pos,
                    pos + 2,
                    cooked,
                    cooked_valid,
                    has_cr,
                    true,
                ));
            }
            b'\\' => {
                flush_run(src, run_start, pos, &mut cooked, &mut has_cr);
                if bytes.get(pos + 1) == Some(&b'\r') {
                    has_cr = true;
                }
                if pos + 1 >= src.len() {
                    // `\` at the very end of the input.
                    return Err(error_at(src.len(), src.len(), "Unexpected end of input"));
                }
                match read_escape(src, pos, &mut cooked, EscapeContext::Template) {
                    Ok(escape) => pos = escape.next,
                    Err(BadEscape { .. }) => {
                        // NotEscapeSequence: the cooked value is undefined. The
                        // escape letter (always ASCII: x, u or a digit) is
                        // consumed; what follows is ordinary template text.
                        cooked_valid = false;
                        pos += 2;
                    }
                }
                run_start = pos;
            }
            _ => pos += 1,
        }
    }
}

/// Appends ordinary template characters `src[from..to]` to the cooked value,
/// normalising CRLF and CR to LF (§12.9.6 TV of TemplateCharacter).
fn flush_run(src: &str, from: usize, to: usize, cooked: &mut Vec<u16>, has_cr: &mut bool) {
    let text = &src[from..to];
    if text.is_ascii() && !text.contains('\r') {
        cooked.extend(text.bytes().map(u16::from));
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            *has_cr = true;
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            cooked.push(0x0A);
        } else {
            let mut units = [0u16; 2];
            cooked.extend_from_slice(c.encode_utf16(&mut units));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    src: &str,
    body: usize,
    body_end: usize,
    end: usize,
    cooked: Vec<u16>,
    cooked_valid: bool,
    has_cr: bool,
    opens_substitution: bool,
) -> ScannedPart {
    let raw_text = &src[body..body_end];
    // TRV: CRLF and CR become LF.
    let raw: Vec<u16> = if has_cr {
        raw_text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .encode_utf16()
            .collect()
    } else if raw_text.is_ascii() {
        raw_text.bytes().map(u16::from).collect()
    } else {
        raw_text.encode_utf16().collect()
    };
    ScannedPart {
        part: TemplatePart {
            cooked: cooked_valid.then(|| cooked.into()),
            raw: raw.into(),
        },
        end,
        opens_substitution,
    }
}

/// The first invalid escape in the template piece `src[body..end]`, as the
/// SyntaxError an untagged template gets.
pub(super) fn first_bad_escape(src: &str, body: usize, end: usize) -> Option<SyntaxError> {
    let bytes = src.as_bytes();
    let end = end.min(src.len());
    let mut pos = body;
    let mut scratch = Vec::new();
    while pos + 1 < end {
        if bytes[pos] == b'\\' {
            match read_escape(src, pos, &mut scratch, EscapeContext::Template) {
                Ok(escape) => pos = escape.next,
                Err(e) => return Some(error_at(e.start, e.end, e.message)),
            }
        } else {
            pos += 1;
        }
    }
    None
}

//! Character classes of ECMA-262 §12.2–§12.7.

/// §12.2 WhiteSpace outside ASCII: NBSP, ZWNBSP (BOM) and the other `Zs`
/// characters.
pub(super) fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{FEFF}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// §12.3 LineTerminator.
pub(super) fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// §12.7 IdentifierStartChar: UnicodeIDStart, `$`, `_`.
pub(crate) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '$' || c == '_'
    } else {
        unicode_ident::is_xid_start(c) || is_other_id_start(c)
    }
}

/// §12.7 IdentifierPartChar: UnicodeIDContinue, `$`, ZWNJ, ZWJ.
pub(crate) fn is_id_part(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '$' || c == '_'
    } else {
        unicode_ident::is_xid_continue(c)
            || is_other_id_start(c)
            || is_other_id_continue(c)
            || c == '\u{200C}'
            || c == '\u{200D}'
    }
}

/// ID_Start characters that are not XID_Start (the XID sets drop a few
/// characters whose NFKC form is not an identifier).
fn is_other_id_start(c: char) -> bool {
    matches!(
        c,
        '\u{037A}' | '\u{0E33}' | '\u{0EB3}' | '\u{309B}' | '\u{309C}' | '\u{FC5E}'
            ..='\u{FC63}'
                | '\u{FDFA}'
                | '\u{FDFB}'
                | '\u{FE70}'
                | '\u{FE72}'
                | '\u{FE74}'
                | '\u{FE76}'
                | '\u{FE78}'
                | '\u{FE7A}'
                | '\u{FE7C}'
                | '\u{FE7E}'
                | '\u{FF9E}'
                | '\u{FF9F}'
                | '\u{2118}'
                | '\u{212E}'
                | '\u{1885}'
                | '\u{1886}'
    )
}

/// ID_Continue characters that are not XID_Continue.
fn is_other_id_continue(c: char) -> bool {
    matches!(
        c,
        '\u{00B7}' | '\u{0387}' | '\u{1369}'..='\u{1371}' | '\u{19DA}'
    )
}

/// The value of a hexadecimal digit.
pub(super) fn hex_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some((b - b'0') as u32),
        b'a'..=b'f' => Some((b - b'a' + 10) as u32),
        b'A'..=b'F' => Some((b - b'A' + 10) as u32),
        _ => None,
    }
}

/// The character starting at byte `pos` of `src` (which must be a char
/// boundary), if any.
pub(super) fn char_at(src: &str, pos: usize) -> Option<char> {
    src.get(pos..).and_then(|s| s.chars().next())
}

/// Appends `c` to a UTF-16 buffer.
pub(super) fn push_utf16(out: &mut Vec<u16>, c: char) {
    let mut units = [0u16; 2];
    out.extend_from_slice(c.encode_utf16(&mut units));
}

/// Appends a code point that may be a lone surrogate.
pub(super) fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    match char::from_u32(cp) {
        Some(c) => push_utf16(out, c),
        // A surrogate (0xD800..=0xDFFF) is one code unit.
        None => out.push(cp as u16),
    }
}

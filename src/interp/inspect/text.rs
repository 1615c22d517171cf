//! Primitive formatting: quoting and escaping strings the way Node's
//! `util.inspect` does, numbers (`-0`), and the display width used to line
//! up grouped array entries.

use crate::interp::number::number_to_string;
use crate::interp::string::JsStr;
use crate::interp::value::Symbol;

/// Strings longer than this are never split into `'…' +` lines.
const MIN_LINE_LENGTH: usize = 16;

/// The length of `s` as JavaScript counts it (UTF-16 code units): Node
/// measures lines with `String.prototype.length`.
pub fn js_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Which quote surrounds an inspected string.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Quote {
    Single,
    Double,
    Backtick,
}

/// Node's `meta` table: the escape of a code unit below 0xA0 that needs one
/// (control characters, DEL and C1 controls, `'` and `\`).
fn escape_unit(unit: u16, escape_single_quote: bool) -> Option<String> {
    Some(match unit {
        0x08 => "\\b".into(),
        0x09 => "\\t".into(),
        0x0A => "\\n".into(),
        0x0C => "\\f".into(),
        0x0D => "\\r".into(),
        0x00..=0x1F | 0x7F..=0x9F => format!("\\x{unit:02X}"),
        0x27 if escape_single_quote => "\\'".into(),
        0x5C => "\\\\".into(),
        _ => return None,
    })
}

/// Appends `units` to `out`, escaping what Node escapes: control characters,
/// the backslash, `'` when asked, and lone surrogates (`\ud800`).
fn push_escaped(out: &mut String, units: &[u16], escape_single_quote: bool) {
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        if let Some(escape) = escape_unit(unit, escape_single_quote) {
            out.push_str(&escape);
            i += 1;
            continue;
        }
        if (0xD800..=0xDBFF).contains(&unit) {
            if let Some(&low) = units.get(i + 1) {
                if (0xDC00..=0xDFFF).contains(&low) {
                    let c =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                    i += 2;
                    continue;
                }
            }
            out.push_str(&format!("\\u{unit:x}"));
        } else if (0xDC00..=0xDFFF).contains(&unit) {
            out.push_str(&format!("\\u{unit:x}"));
        } else {
            out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'));
        }
        i += 1;
    }
}

fn contains_unit(units: &[u16], c: u8) -> bool {
    units.contains(&u16::from(c))
}

/// `strEscape`: the string quoted with `'`, or with `"` when it contains
/// `'` but no `"`, or with a backtick when it contains both but neither a
/// backtick nor `${`; escaped inside.
pub fn quote_string(units: &[u16]) -> String {
    let mut quote = Quote::Single;
    if contains_unit(units, b'\'') {
        if !contains_unit(units, b'"') {
            quote = Quote::Double;
        } else if !contains_unit(units, b'`') && !units.windows(2).any(|w| w == [0x24, 0x7B]) {
            quote = Quote::Backtick;
        }
    }
    let q = match quote {
        Quote::Single => '\'',
        Quote::Double => '"',
        Quote::Backtick => '`',
    };
    let mut out = String::with_capacity(units.len() + 2);
    out.push(q);
    push_escaped(&mut out, units, quote == Quote::Single);
    out.push(q);
    out
}

/// The text of a key or symbol description with Node's escapes applied
/// but no quotes added (the `strEscapeSequencesReplacer` pass).
pub fn escape_bare(units: &[u16]) -> String {
    let mut out = String::with_capacity(units.len());
    push_escaped(&mut out, units, true);
    out
}

/// `formatNumber` without numeric separators: `-0` keeps its sign.
pub fn format_number(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        return "-0".into();
    }
    number_to_string(n)
}

/// `Symbol.prototype.toString`: `Symbol(description)`.
pub fn symbol_to_string(symbol: &Symbol) -> String {
    match &symbol.description {
        Some(d) => format!("Symbol({})", d.to_rust_string()),
        None => "Symbol()".into(),
    }
}

/// `formatPrimitive` for strings: quoted, cut at `max_string_length`, and
/// split after each newline into `'…' +` lines when too long for the line.
pub fn format_string(
    s: &JsStr,
    indentation: usize,
    break_length: usize,
    max_string_length: usize,
) -> String {
    let mut units = s.units();
    let mut trailer = String::new();
    if units.len() > max_string_length {
        let remaining = units.len() - max_string_length;
        units = &units[..max_string_length];
        let plural = if remaining > 1 { "s" } else { "" };
        trailer = format!("... {remaining} more character{plural}");
    }
    let limit = break_length.saturating_sub(indentation).saturating_sub(4);
    let too_long = units.len() > MIN_LINE_LENGTH && units.len() > limit;
    if too_long {
        let mut lines: Vec<String> = Vec::new();
        let mut start = 0;
        for (i, &u) in units.iter().enumerate() {
            if u == 0x0A {
                lines.push(quote_string(&units[start..=i]));
                start = i + 1;
            }
        }
        if start < units.len() || lines.is_empty() {
            lines.push(quote_string(&units[start..]));
        }
        let joiner = format!(" +\n{}", " ".repeat(indentation + 2));
        return lines.join(&joiner) + &trailer;
    }
    quote_string(units) + &trailer
}

/// Columns a string takes on a terminal (`getStringWidth` without colour
/// stripping): East Asian wide characters count two, combining marks and
/// control characters none.
pub fn string_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let code = c as u32;
            if is_full_width(code) {
                2
            } else if is_zero_width(code) {
                0
            } else {
                1
            }
        })
        .sum()
}

fn is_zero_width(code: u32) -> bool {
    code <= 0x1F
        || (0x7F..=0x9F).contains(&code)
        || (0x300..=0x36F).contains(&code)
        || (0x200B..=0x200F).contains(&code)
        || (0x20D0..=0x20FF).contains(&code)
        || (0xFE00..=0xFE0F).contains(&code)
        || (0xFE20..=0xFE2F).contains(&code)
        || (0xE0100..=0xE01EF).contains(&code)
}

fn is_full_width(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115F
            || code == 0x2329
            || code == 0x232A
            || ((0x2E80..=0x3247).contains(&code) && code != 0x303F)
            || (0x3250..=0x4DBF).contains(&code)
            || (0x4E00..=0xA4C6).contains(&code)
            || (0xA960..=0xA97C).contains(&code)
            || (0xAC00..=0xD7A3).contains(&code)
            || (0xF900..=0xFAFF).contains(&code)
            || (0xFE10..=0xFE19).contains(&code)
            || (0xFE30..=0xFE6B).contains(&code)
            || (0xFF01..=0xFF60).contains(&code)
            || (0xFFE0..=0xFFE6).contains(&code)
            || (0x1B000..=0x1B001).contains(&code)
            || (0x1F200..=0x1F251).contains(&code)
            || (0x1F300..=0x1F64F).contains(&code)
            || (0x20000..=0x3FFFD).contains(&code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> String {
        quote_string(&s.encode_utf16().collect::<Vec<_>>())
    }

    #[test]
    fn quotes_like_node() {
        assert_eq!(q("a\nb"), "'a\\nb'");
        assert_eq!(q("it's"), "\"it's\"");
        assert_eq!(q("say \"hi\" it's"), "`say \"hi\" it's`");
        assert_eq!(q("a`b\"'"), "'a`b\"\\''");
        assert_eq!(quote_string(&[0x7F, 0x85, 0xD800]), "'\\x7F\\x85\\ud800'");
        assert_eq!(q("back\\slash"), "'back\\\\slash'");
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        assert_eq!(format_number(-0.0), "-0");
        assert_eq!(format_number(1e21), "1e+21");
    }
}

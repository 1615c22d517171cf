//! Primitive formatting: quoting and escaping strings the way Node's
//! `util.inspect` does, numbers (`-0`), and the display width used to line
//! up grouped array entries.

use super::width_table::{DOUBLE_WIDTH, ZERO_WIDTH};
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
/// stripping): wide characters count two, combining marks and controls none.
pub fn string_width(s: &str) -> usize {
    s.chars().map(|c| char_width(c as u32)).sum()
}

fn in_ranges(ranges: &[(u32, u32)], code: u32) -> bool {
    ranges
        .binary_search_by(|&(start, end)| {
            if end < code {
                std::cmp::Ordering::Less
            } else if start > code {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn char_width(code: u32) -> usize {
    if (0x20..0x7F).contains(&code) {
        1
    } else if in_ranges(ZERO_WIDTH, code) {
        0
    } else if in_ranges(DOUBLE_WIDTH, code) {
        2
    } else {
        1
    }
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
    fn widths_like_node() {
        assert_eq!(string_width("abc"), 3);
        assert_eq!(string_width("漢字"), 4);
        assert_eq!(string_width("e\u{301}x"), 2);
        assert_eq!(string_width("👍🏽"), 4);
        assert_eq!(string_width("🚀"), 2);
        assert_eq!(string_width("\u{1b}[31m"), 4);
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        assert_eq!(format_number(-0.0), "-0");
        assert_eq!(format_number(1e21), "1e+21");
    }
}

//! Numeric literals (§12.9.3, and §B.1.1's legacy octal and
//! NonOctalDecimalIntegerLiteral forms).

use super::bigint::{power_of_two_digits_to_decimal, power_of_two_digits_to_f64};
use super::chars::{char_at, hex_value, is_id_start};
use super::error_at;
use crate::syntax::ast::Name;
use crate::syntax::error::SyntaxError;
use crate::syntax::token::Tok;

const INVALID: &str = "Invalid or unexpected token";

/// Scans digits accepted by `is_digit`, with single `_` separators between
/// digits. Returns the end and whether a separator was seen. A `_` right at
/// `pos` is not consumed (the caller decides what that means).
fn scan_digits(
    bytes: &[u8],
    mut pos: usize,
    is_digit: impl Fn(u8) -> bool,
) -> Result<(usize, bool), SyntaxError> {
    let begin = pos;
    let mut separated = false;
    while let Some(&b) = bytes.get(pos) {
        if is_digit(b) {
            pos += 1;
        } else if b == b'_' && pos > begin {
            match bytes.get(pos + 1) {
                Some(&b'_') => {
                    return Err(error_at(
                        pos,
                        pos + 2,
                        "Only one underscore is allowed as numeric separator",
                    ))
                }
                Some(&next) if is_digit(next) => {
                    separated = true;
                    pos += 1;
                }
                _ => {
                    return Err(error_at(
                        pos,
                        pos + 1,
                        "Numeric separators are not allowed at the end of numeric literals",
                    ))
                }
            }
        } else {
            break;
        }
    }
    Ok((pos, separated))
}

/// Scans the numeric literal starting at `start` (a digit, or `.` followed by
/// a digit): the token and its end.
pub(super) fn scan_number(src: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let (tok, end) = if bytes[start] == b'0' {
        match bytes.get(start + 1).copied() {
            Some(b'x' | b'X') => scan_radix(src, start, 4)?,
            Some(b'o' | b'O') => scan_radix(src, start, 3)?,
            Some(b'b' | b'B') => scan_radix(src, start, 1)?,
            Some(b'0'..=b'9') => scan_legacy(src, start)?,
            Some(b'_') => {
                return Err(error_at(
                    start + 1,
                    start + 2,
                    "Numeric separator can not be used after leading 0.",
                ))
            }
            _ => scan_decimal(src, start)?,
        }
    } else {
        scan_decimal(src, start)?
    };
    // §12.9.3: "The SourceCharacter immediately following a NumericLiteral
    // must not be an IdentifierStart or DecimalDigit."
    if let Some(c) = char_at(src, end) {
        if c.is_ascii_digit() || c == '\\' || is_id_start(c) {
            return Err(error_at(start, end + c.len_utf8(), INVALID));
        }
    }
    Ok((tok, end))
}

/// DecimalLiteral and DecimalBigIntegerLiteral.
fn scan_decimal(src: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let (mut pos, mut separated) = scan_digits(bytes, start, |b| b.is_ascii_digit())?;
    let integer_end = pos;
    let mut is_integer = true;
    if bytes.get(pos) == Some(&b'.') {
        is_integer = false;
        let (end, sep) = scan_digits(bytes, pos + 1, |b| b.is_ascii_digit())?;
        pos = end;
        separated |= sep;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        is_integer = false;
        pos = scan_exponent(bytes, start, pos, &mut separated)?;
    }
    if is_integer && bytes.get(pos) == Some(&b'n') {
        let digits: String = src[start..integer_end]
            .chars()
            .filter(|&c| c != '_')
            .collect();
        return Ok((Tok::BigInt(Name::from(digits)), pos + 1));
    }
    let text = &src[start..pos];
    let value = if is_integer && !separated && text.len() <= 15 {
        // Fewer than 2^53: exact through u64.
        text.bytes()
            .fold(0u64, |acc, b| acc * 10 + (b - b'0') as u64) as f64
    } else {
        parse_decimal(text, separated)
    };
    Ok((
        Tok::Num {
            value,
            legacy_octal: false,
        },
        pos,
    ))
}

/// ExponentPart at `pos` (the `e`): its end.
fn scan_exponent(
    bytes: &[u8],
    start: usize,
    pos: usize,
    separated: &mut bool,
) -> Result<usize, SyntaxError> {
    let mut digits_at = pos + 1;
    if matches!(bytes.get(digits_at), Some(b'+' | b'-')) {
        digits_at += 1;
    }
    if !bytes.get(digits_at).is_some_and(u8::is_ascii_digit) {
        return Err(error_at(start, digits_at, INVALID));
    }
    let (end, sep) = scan_digits(bytes, digits_at, |b| b.is_ascii_digit())?;
    *separated |= sep;
    Ok(end)
}

/// Rust's float parser is correctly rounded and accepts every decimal form
/// JavaScript has (`1.`, `.5`, `1.e5`) once separators are removed.
fn parse_decimal(text: &str, separated: bool) -> f64 {
    let parsed = if separated {
        text.chars()
            .filter(|&c| c != '_')
            .collect::<String>()
            .parse::<f64>()
    } else {
        text.parse::<f64>()
    };
    parsed.unwrap_or(f64::NAN)
}

/// `0x…`, `0o…`, `0b…`, optionally with the BigInt suffix `n`.
fn scan_radix(src: &str, start: usize, bits: u32) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let radix = 1u32 << bits;
    let is_digit = |b: u8| hex_value(b).is_some_and(|d| d < radix);
    let digits_start = start + 2;
    let (end, _) = scan_digits(bytes, digits_start, is_digit)?;
    if end == digits_start {
        return Err(error_at(start, end, INVALID));
    }
    let digits: Vec<u8> = bytes[digits_start..end]
        .iter()
        .filter_map(|&b| hex_value(b).map(|d| d as u8))
        .collect();
    if bytes.get(end) == Some(&b'n') {
        let decimal = power_of_two_digits_to_decimal(&digits, bits);
        return Ok((Tok::BigInt(Name::from(decimal)), end + 1));
    }
    let value = power_of_two_digits_to_f64(&digits, bits);
    Ok((
        Tok::Num {
            value,
            legacy_octal: false,
        },
        end,
    ))
}

/// A `0` followed by a digit: LegacyOctalIntegerLiteral (`017`) or
/// NonOctalDecimalIntegerLiteral (`08`, `09.5`), both only for sloppy code;
/// the token is marked so the parser can reject it in strict code.
fn scan_legacy(src: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let mut pos = start + 1;
    let mut octal = true;
    while let Some(&b) = bytes.get(pos) {
        if !b.is_ascii_digit() {
            break;
        }
        octal &= b < b'8';
        pos += 1;
    }
    let value = if octal {
        let digits: Vec<u8> = bytes[start..pos].iter().map(|&b| b - b'0').collect();
        power_of_two_digits_to_f64(&digits, 3)
    } else {
        // NonOctalDecimalIntegerLiteral may take a fraction and an exponent,
        // both with separators (§12.9.3 DecimalLiteral).
        let mut separated = false;
        if bytes.get(pos) == Some(&b'.') {
            let (end, sep) = scan_digits(bytes, pos + 1, |b| b.is_ascii_digit())?;
            pos = end;
            separated |= sep;
        }
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos = scan_exponent(bytes, start, pos, &mut separated)?;
        }
        parse_decimal(&src[start..pos], separated)
    };
    Ok((
        Tok::Num {
            value,
            legacy_octal: true,
        },
        pos,
    ))
}

/// The strict-mode error for a legacy numeric literal `src[start..end]`
/// (`017` or `08`/`09.5`), with V8's wording.
pub(super) fn legacy_number_error(src: &str, start: usize, end: usize) -> SyntaxError {
    let text = src.get(start..end).unwrap_or("");
    let integer_digits = text.bytes().take_while(u8::is_ascii_digit);
    let message = if integer_digits.clone().any(|b| b >= b'8') {
        "Decimals with leading zeros are not allowed in strict mode."
    } else {
        "Octal literals are not allowed in strict mode."
    };
    error_at(start, end, message)
}

//! Conversions between Numbers and strings, and the integer conversions
//! (ECMA-262 §6.1.6.1 The Number Type, §7.1 Type Conversion).

/// Number::toString ( x, 10 ) — <https://tc39.es/ecma262/#sec-numeric-types-number-tostring>
///
/// ryu-js implements the spec's shortest-round-trip digits and its choice
/// between plain and exponential notation (`1e+21`, `1e-7`).
pub fn number_to_string(x: f64) -> String {
    // 2. If x is either +0𝔽 or -0𝔽, return "0".
    if x == 0.0 {
        return "0".to_string();
    }
    ryu_js::Buffer::new().format(x).to_string()
}

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Number::toString ( x, radix ) for radix ≠ 10. The spec leaves the digits
/// implementation-approximated; this produces what V8 (and so Node) prints:
/// fraction digits only up to the precision the double carries (rounded half
/// to even), and integer parts beyond 2^53 padded with zeros.
pub fn number_to_radix_string(x: f64, radix: u32) -> String {
    debug_assert!((2..=36).contains(&radix));
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let negative = x < 0.0;
    let value = x.abs();
    let r = f64::from(radix);
    let mut integer = value.floor();
    let mut fraction = value - integer;

    // Half the distance to the next double: digits below it are noise.
    let mut precision = (0.5 * (next_up(value) - value)).max(next_up(0.0));
    let mut fraction_digits: Vec<u8> = Vec::new();
    if fraction >= precision {
        loop {
            fraction *= r;
            precision *= r;
            let digit = fraction as u32;
            fraction_digits.push(digit as u8);
            fraction -= f64::from(digit);
            let round_up = fraction > 0.5 || (fraction == 0.5 && digit % 2 == 1);
            if round_up && fraction + precision > 1.0 {
                // Round the written digits up, carrying leftwards; a carry out
                // of the first fraction digit increments the integer part.
                loop {
                    match fraction_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(d) if u32::from(d) + 1 < radix => {
                            fraction_digits.push(d + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < precision {
                break;
            }
        }
    }

    // Integer digits, least significant first. Above 2^53 the low digits are
    // not represented by the double: they print as zeros.
    let mut integer_digits: Vec<u8> = Vec::new();
    while integer / r >= 9007199254740992.0 {
        integer /= r;
        integer_digits.push(0);
    }
    loop {
        let remainder = integer % r;
        integer_digits.push(remainder as u8);
        integer = (integer - remainder) / r;
        if integer <= 0.0 {
            break;
        }
    }

    let mut out = String::with_capacity(integer_digits.len() + fraction_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(
        integer_digits
            .iter()
            .rev()
            .map(|&d| DIGITS[d as usize] as char),
    );
    if !fraction_digits.is_empty() {
        out.push('.');
        out.extend(fraction_digits.iter().map(|&d| DIGITS[d as usize] as char));
    }
    out
}

/// The next representable double above a finite non-negative `x`.
fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// StrWhiteSpaceChar: WhiteSpace or LineTerminator (§7.1.4.1.1).
pub fn is_str_white_space(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0B | 0x0C | 0x20 | 0xA0 | 0xFEFF | 0x0A | 0x0D | 0x2028 | 0x2029
    ) || char::from_u32(u32::from(u)).is_some_and(|c| c.is_whitespace() && u > 0x7F && u != 0x85)
}

/// StringToNumber ( str ) — <https://tc39.es/ecma262/#sec-stringtonumber>
pub fn string_to_number(units: &[u16]) -> f64 {
    // 1. Let text be StringToCodePoints(str).
    // 2. Let literal be ParseText(text, StringNumericLiteral): leading and
    //    trailing StrWhiteSpace is allowed.
    let start = units.iter().position(|&u| !is_str_white_space(u));
    let Some(start) = start else {
        // StrWhiteSpace only (or empty): the MV is 0.
        return 0.0;
    };
    let end = units
        .iter()
        .rposition(|&u| !is_str_white_space(u))
        .unwrap_or(start)
        + 1;
    // Every character of a StringNumericLiteral is ASCII.
    let Some(text) = units[start..end]
        .iter()
        .map(|&u| u8::try_from(u).ok().filter(u8::is_ascii))
        .collect::<Option<Vec<u8>>>()
    else {
        return f64::NAN;
    };
    // 3. If literal is a List of errors, return NaN.
    // 4. Return StringNumericValue of literal.
    parse_str_numeric_literal(&text).unwrap_or(f64::NAN)
}

/// StringNumericValue of a trimmed StringNumericLiteral, or None when the
/// text does not match the grammar.
fn parse_str_numeric_literal(text: &[u8]) -> Option<f64> {
    // NonDecimalIntegerLiteral (no sign, no separators).
    if text.len() > 2 && text[0] == b'0' {
        let radix = match text[1] {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return parse_integer_digits(&text[2..], radix);
        }
    }
    // StrDecimalLiteral ::: [+-]? (Infinity | StrUnsignedDecimalLiteral)
    let (negative, unsigned) = match text.first() {
        Some(b'+') => (false, &text[1..]),
        Some(b'-') => (true, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if unsigned == b"Infinity" {
        f64::INFINITY
    } else {
        if !is_str_unsigned_decimal_literal(unsigned) {
            return None;
        }
        // The grammar was checked above, so Rust's correctly rounded parser
        // sees only forms it accepts with the same meaning.
        std::str::from_utf8(unsigned).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// StrUnsignedDecimalLiteral ::: DecimalDigits . DecimalDigits? Exp? |
/// . DecimalDigits Exp? | DecimalDigits Exp?
fn is_str_unsigned_decimal_literal(s: &[u8]) -> bool {
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let int_len = digits(s);
    let mut i = int_len;
    let mut frac_len = 0;
    if s.get(i) == Some(&b'.') {
        frac_len = digits(&s[i + 1..]);
        i += 1 + frac_len;
    }
    if int_len == 0 && frac_len == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        let exp_len = digits(&s[i..]);
        if exp_len == 0 {
            return false;
        }
        i += exp_len;
    }
    i == s.len()
}

/// The value of hex/octal/binary digits, correctly rounded.
fn parse_integer_digits(digits: &[u8], radix: u32) -> Option<f64> {
    if digits.is_empty() {
        return None;
    }
    let mut values = Vec::with_capacity(digits.len());
    for &d in digits {
        values.push((d as char).to_digit(radix)?);
    }
    Some(power_of_two_radix_value(&values, radix))
}

/// Converts digits in a power-of-two radix to the nearest double (ties to
/// even), exactly: the bits are known, so rounding needs no big arithmetic.
fn power_of_two_radix_value(digits: &[u32], radix: u32) -> f64 {
    let bits_per_digit = radix.trailing_zeros();
    // Collect the significant bits, most significant first.
    let mut bits: Vec<bool> = Vec::with_capacity(digits.len() * bits_per_digit as usize);
    for &d in digits {
        for shift in (0..bits_per_digit).rev() {
            bits.push((d >> shift) & 1 == 1);
        }
    }
    let Some(first_one) = bits.iter().position(|&b| b) else {
        return 0.0;
    };
    let bits = &bits[first_one..];
    if bits.len() <= 53 {
        return bits.iter().fold(0u64, |acc, &b| acc << 1 | u64::from(b)) as f64;
    }
    let mut mantissa = bits[..53]
        .iter()
        .fold(0u64, |acc, &b| acc << 1 | u64::from(b));
    let half = bits[53];
    let rest = bits[54..].iter().any(|&b| b);
    if half && (rest || mantissa & 1 == 1) {
        mantissa += 1;
    }
    let exponent = (bits.len() - 53) as i32;
    // `mantissa` may have become 2^53; the product stays exact either way.
    (mantissa as f64) * 2f64.powi(exponent)
}

/// ToInt32 ( argument ) for a Number — <https://tc39.es/ecma262/#sec-toint32>
pub fn to_int32(number: f64) -> i32 {
    to_uint32(number) as i32
}

/// ToUint32 ( argument ) for a Number — <https://tc39.es/ecma262/#sec-touint32>
pub fn to_uint32(number: f64) -> u32 {
    // 2. If number is not finite or number is either +0𝔽 or -0𝔽, return +0𝔽.
    if !number.is_finite() {
        return 0;
    }
    // 3. Let int be truncate(ℝ(number)).
    // 4. Let int32bit be int modulo 2^32.
    let int = number.trunc();
    int.rem_euclid(4294967296.0) as u32
}

/// ToUint16 ( argument ) for a Number — <https://tc39.es/ecma262/#sec-touint16>
pub fn to_uint16(number: f64) -> u16 {
    to_uint32(number) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    // Expected strings are what Node v20 prints for String(x) / x.toString(r).
    #[test]
    fn decimal_strings() {
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(number_to_string(123.456), "123.456");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(0.000001), "0.000001");
        assert_eq!(number_to_string(1e-7), "1e-7");
        assert_eq!(number_to_string(9007199254740994.0), "9007199254740994");
        assert_eq!(number_to_string(f64::NAN), "NaN");
        assert_eq!(number_to_string(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn radix_strings() {
        assert_eq!(number_to_radix_string(255.0, 16), "ff");
        assert_eq!(number_to_radix_string(0.5, 2), "0.1");
        assert_eq!(number_to_radix_string(-255.5, 16), "-ff.8");
        assert_eq!(number_to_radix_string(1e21, 36), "5v1j4f4ds7c000");
        assert_eq!(
            number_to_radix_string(0.1, 3),
            "0.0022002200220022002200220022002201"
        );
        assert_eq!(
            number_to_radix_string(std::f64::consts::PI, 7),
            "3.066365143203613411"
        );
        assert_eq!(
            number_to_radix_string(1.0 / 3.0, 2),
            "0.010101010101010101010101010101010101010101010101010101"
        );
        assert_eq!(number_to_radix_string(123.456, 36), "3f.gez4w97ry");
        assert_eq!(
            number_to_radix_string(2f64.powi(60), 2),
            "1000000000000000000000000000000000000000000000000000000000000"
        );
        assert_eq!(
            number_to_radix_string(1e-7, 2),
            "0.0000000000000000000000011010110101111111001010011010101111001010111101001"
        );
    }

    #[test]
    fn strings_to_numbers() {
        assert_eq!(string_to_number(&units("  0x1F ")), 31.0);
        assert!(string_to_number(&units("1_000")).is_nan());
        assert_eq!(string_to_number(&units(".5e1")), 5.0);
        assert_eq!(string_to_number(&units("-Infinity")), f64::NEG_INFINITY);
        assert_eq!(string_to_number(&units("")), 0.0);
        assert_eq!(string_to_number(&units(" \n\u{2028}")), 0.0);
        assert_eq!(string_to_number(&units("0b101")), 5.0);
        assert!(string_to_number(&units("-0x10")).is_nan());
        assert_eq!(string_to_number(&units("1e1000")), f64::INFINITY);
        assert_eq!(string_to_number(&units("5.")), 5.0);
        assert!(string_to_number(&units("inf")).is_nan());
        assert!(string_to_number(&units("NaN")).is_nan());
        assert!(string_to_number(&units("1e")).is_nan());
        assert!(string_to_number(&units(".")).is_nan());
        assert!(string_to_number(&units("0x")).is_nan());
        let neg_zero = string_to_number(&units("-0"));
        assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
        // 2^53 + 1 rounds to even: Number('0x20000000000001') === 9007199254740992
        assert_eq!(
            string_to_number(&units("0x20000000000001")),
            9007199254740992.0
        );
        assert_eq!(
            string_to_number(&units("0x20000000000003")),
            9007199254740996.0
        );
    }

    #[test]
    fn integer_conversions() {
        assert_eq!(to_int32(2147483648.0), -2147483648);
        assert_eq!(to_int32(-1.5), -1);
        assert_eq!(to_uint32(-1.0), 4294967295);
        assert_eq!(to_uint32(f64::NAN), 0);
        assert_eq!(to_uint32(4294967296.5), 0);
        assert_eq!(to_uint16(65537.0), 1);
    }
}

//! `parseInt` and `parseFloat` on strings, for the `%i` and `%f`
//! placeholders (ECMA-262 §19.2.5 parseInt, §19.2.4 parseFloat).

/// WhiteSpace or LineTerminator code units (what StringToCodePoints trims).
fn is_js_space(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

fn trim_start(units: &[u16]) -> &[u16] {
    let start = units
        .iter()
        .position(|&u| !is_js_space(u))
        .unwrap_or(units.len());
    &units[start..]
}

fn ascii(units: &[u16]) -> String {
    units
        .iter()
        .map(|&u| char::from_u32(u32::from(u)).unwrap_or('\0'))
        .collect()
}

/// parseInt ( string, undefined ) — <https://tc39.es/ecma262/#sec-parseint-string-radix>
pub fn parse_int(units: &[u16]) -> f64 {
    // 2. Let S be ! TrimString(inputString, start).
    let mut s = trim_start(units);
    // 3–5. A leading sign.
    let mut sign = 1.0;
    if let Some(&first) = s.first() {
        if first == u16::from(b'-') {
            sign = -1.0;
        }
        if first == u16::from(b'-') || first == u16::from(b'+') {
            s = &s[1..];
        }
    }
    // 10. A "0x"/"0X" prefix selects radix 16.
    let mut radix = 10;
    if s.len() >= 2
        && s[0] == u16::from(b'0')
        && (s[1] == u16::from(b'x') || s[1] == u16::from(b'X'))
    {
        s = &s[2..];
        radix = 16;
    }
    // 11–12. The longest prefix of radix-R digits.
    let end = s
        .iter()
        .position(|&u| !char::from_u32(u32::from(u)).is_some_and(|c| c.is_digit(radix)))
        .unwrap_or(s.len());
    // 13. If end = start, return NaN.
    if end == 0 {
        return f64::NAN;
    }
    let digits = ascii(&s[..end]);
    let value = if radix == 10 {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        digits.chars().fold(0.0, |acc, c| {
            acc * 16.0 + f64::from(c.to_digit(16).unwrap_or(0))
        })
    };
    sign * value
}

/// parseFloat ( string ) — <https://tc39.es/ecma262/#sec-parsefloat-string>
pub fn parse_float(units: &[u16]) -> f64 {
    let s = ascii(trim_start(units));
    let bytes = s.as_bytes();
    let mut i = 0;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        i += 1;
    }
    if s[i..].starts_with("Infinity") {
        return if bytes.first() == Some(&b'-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let digits_from = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    let mut has_digits = int_end > i;
    if end < bytes.len() && bytes[end] == b'.' {
        let frac_end = digits_from(end + 1);
        if frac_end > end + 1 || has_digits {
            has_digits = has_digits || frac_end > end + 1;
            end = frac_end;
        }
    }
    if !has_digits {
        return f64::NAN;
    }
    if end < bytes.len() && (bytes[end] == b'e' || bytes[end] == b'E') {
        let mut j = end + 1;
        if j < bytes.len() && (bytes[j] == b'+' || bytes[j] == b'-') {
            j += 1;
        }
        let exp_end = digits_from(j);
        if exp_end > j {
            end = exp_end;
        }
    }
    let text = s[..end].trim_end_matches('.');
    text.parse::<f64>().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn parses_like_javascript() {
        assert_eq!(parse_int(&u("42.5abc")), 42.0);
        assert_eq!(parse_int(&u("  -0x1F")), -31.0);
        assert!(parse_int(&u("abc")).is_nan());
        assert_eq!(parse_float(&u("1.5e3x")), 1500.0);
        assert_eq!(parse_float(&u(" .5")), 0.5);
        assert_eq!(parse_float(&u("-Infinityx")), f64::NEG_INFINITY);
        assert_eq!(parse_float(&u("3.e")), 3.0);
        assert!(parse_float(&u("e5")).is_nan());
    }
}

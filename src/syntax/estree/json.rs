//! A minimal streaming JSON writer: compact output, strings escaped the way
//! `JSON.stringify` escapes them (ECMA-262 §25.5.2.3 QuoteJSONString) and
//! numbers printed the way JavaScript prints them (§6.1.6.1.20
//! Number::toString).

/// Writes one JSON value into a `String`, inserting commas itself.
///
/// Commas need no stack: a comma goes before a value or key exactly when the
/// previous thing written completed a value inside the same container.
#[derive(Default)]
pub struct JsonWriter {
    out: String,
    after_value: bool,
}

impl JsonWriter {
    pub fn new() -> JsonWriter {
        JsonWriter::default()
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn before_value(&mut self) {
        if self.after_value {
            self.out.push(',');
        }
    }

    pub fn begin_object(&mut self) {
        self.before_value();
        self.out.push('{');
        self.after_value = false;
    }

    pub fn end_object(&mut self) {
        self.out.push('}');
        self.after_value = true;
    }

    pub fn begin_array(&mut self) {
        self.before_value();
        self.out.push('[');
        self.after_value = false;
    }

    pub fn end_array(&mut self) {
        self.out.push(']');
        self.after_value = true;
    }

    /// Writes an object key; the next call writes its value.
    pub fn key(&mut self, key: &str) {
        self.before_value();
        quote_str(&mut self.out, key);
        self.out.push(':');
        self.after_value = false;
    }

    pub fn str(&mut self, value: &str) {
        self.before_value();
        quote_str(&mut self.out, value);
        self.after_value = true;
    }

    /// A string given as UTF-16 code units (lone surrogates become `\udXXX`).
    pub fn utf16(&mut self, value: &[u16]) {
        self.before_value();
        quote_utf16(&mut self.out, value);
        self.after_value = true;
    }

    /// A number as `JSON.stringify` prints it (`null` for NaN and infinities).
    pub fn number(&mut self, value: f64) {
        self.before_value();
        if value.is_finite() {
            self.out.push_str(&js_number_to_string(value));
        } else {
            self.out.push_str("null");
        }
        self.after_value = true;
    }

    pub fn uint(&mut self, value: u32) {
        self.before_value();
        self.out.push_str(&value.to_string());
        self.after_value = true;
    }

    pub fn bool(&mut self, value: bool) {
        self.before_value();
        self.out.push_str(if value { "true" } else { "false" });
        self.after_value = true;
    }

    pub fn null(&mut self) {
        self.before_value();
        self.out.push_str("null");
        self.after_value = true;
    }
}

/// Appends one code unit's escape, or returns false when it needs none.
fn push_escape(out: &mut String, unit: u32) -> bool {
    match unit {
        0x22 => out.push_str("\\\""),
        0x5C => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        // Other controls and (lone) surrogates: `\u` and four lowercase hex digits.
        0..=0x1F | 0xD800..=0xDFFF => out.push_str(&format!("\\u{unit:04x}")),
        _ => return false,
    }
    true
}

/// QuoteJSONString for a Rust string (which cannot hold lone surrogates).
pub fn quote_str(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        if !push_escape(out, c as u32) {
            out.push(c);
        }
    }
    out.push('"');
}

/// QuoteJSONString for UTF-16 code units: paired surrogates are written as
/// their code point, lone ones as `\udXXX` (well-formed JSON.stringify).
pub fn quote_utf16(out: &mut String, value: &[u16]) {
    out.push('"');
    for unit in char::decode_utf16(value.iter().copied()) {
        match unit {
            Ok(c) => {
                if !push_escape(out, c as u32) {
                    out.push(c);
                }
            }
            Err(lone) => {
                push_escape(out, u32::from(lone.unpaired_surrogate()));
            }
        }
    }
    out.push('"');
}

/// Number::toString(x) with radix 10 (ECMA-262 §6.1.6.1.20): the shortest
/// digits that round-trip, in plain notation for exponents in [-7, 21) and
/// scientific notation (`1e+21`, `1.5e-7`) outside it.
pub fn js_number_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x == 0.0 {
        // Both +0 and -0 print as "0".
        return "0".to_string();
    }
    if x < 0.0 {
        return format!("-{}", js_number_to_string(-x));
    }
    if x.is_infinite() {
        return "Infinity".to_string();
    }
    // Rust's `{:e}` gives the same shortest round-trip digits: "d.ddde±x".
    let sci = format!("{x:e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    // The spec's k (digit count) and n (x = 0.digits × 10^n).
    let k = digits.len() as i32;
    let n = exponent + 1;
    if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        format!("{int}.{frac}")
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let sign = if e < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        if rest.is_empty() {
            format!("{first}e{sign}{}", e.abs())
        } else {
            format!("{first}.{rest}e{sign}{}", e.abs())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(units: &[u16]) -> String {
        let mut out = String::new();
        quote_utf16(&mut out, units);
        out
    }

    // Expected strings are what Node's JSON.stringify prints.
    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        let mut out = String::new();
        quote_str(
            &mut out,
            "a\"b\\c\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}é😀\u{2028}",
        );
        assert_eq!(
            out,
            "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\u{7f}é😀\u{2028}\""
        );
    }

    #[test]
    fn lone_surrogates_become_escapes() {
        assert_eq!(quoted(&[0x61, 0xD800]), "\"a\\ud800\"");
        assert_eq!(quoted(&[0xDC00, 0x62]), "\"\\udc00b\"");
        // A high surrogate followed by another high one: both are lone.
        assert_eq!(quoted(&[0xDBFF, 0xDBFF]), "\"\\udbff\\udbff\"");
        // A proper pair is one code point, written as is.
        assert_eq!(quoted(&[0xD83D, 0xDE00]), "\"😀\"");
    }

    #[test]
    fn numbers_print_like_javascript() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (123.0, "123"),
            (0.1, "0.1"),
            (1.5e-7, "1.5e-7"),
            (1e-7, "1e-7"),
            (0.000001, "0.000001"),
            (1e21, "1e+21"),
            (1.2e21, "1.2e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-2.5, "-2.5"),
            (0.30000000000000004, "0.30000000000000004"),
            (9007199254740993.0, "9007199254740992"),
        ];
        for (x, want) in cases {
            assert_eq!(js_number_to_string(*x), *want, "{x:e}");
        }
        assert_eq!(js_number_to_string(f64::NAN), "NaN");
        assert_eq!(js_number_to_string(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn writer_places_commas() {
        let mut w = JsonWriter::new();
        w.begin_object();
        w.key("a");
        w.begin_array();
        w.uint(1);
        w.null();
        w.begin_object();
        w.end_object();
        w.end_array();
        w.key("b");
        w.number(f64::NAN);
        w.key("c");
        w.bool(true);
        w.end_object();
        assert_eq!(w.finish(), r#"{"a":[1,null,{}],"b":null,"c":true}"#);
    }
}

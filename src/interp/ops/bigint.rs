//! The BigInt conversions (ECMA-262 §7.1.13–§7.1.16, §21.2.1.1.1):
//! ToBigInt, StringToBigInt, NumberToBigInt, ToBigInt64 and ToBigUint64.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::conversion::PreferredType;
use crate::interp::agent::Agent;
use crate::interp::bigint::{BigIntError, JsBigInt};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::number::{is_str_white_space, number_to_string};
use crate::interp::object::ContentType;
use crate::interp::value::Value;

impl Agent {
    /// ToBigInt ( argument ) — <https://tc39.es/ecma262/#sec-tobigint>
    pub fn to_bigint(&mut self, argument: &Value) -> JsResult<JsBigInt> {
        // 1. Let prim be ? ToPrimitive(argument, number).
        let prim = self.to_primitive(argument, PreferredType::Number)?;
        // 2. Return the value that prim corresponds to in Table 12.
        match &prim {
            Value::BigInt(b) => Ok(b.clone()),
            Value::Bool(b) => Ok(JsBigInt::from(i64::from(*b))),
            Value::String(s) => match string_to_bigint(s.units()) {
                Some(n) => Ok(n),
                // If n is undefined, throw a SyntaxError exception.
                None => {
                    let text = s.to_rust_string();
                    Err(self.syntax_error(format!("Cannot convert {text} to a BigInt")))
                }
            },
            // Undefined, Null, Number and Symbol: throw a TypeError exception.
            Value::Number(n) => {
                let text = number_to_string(*n);
                self.throw_type_error(format!("Cannot convert {text} to a BigInt"))
            }
            Value::Symbol(_) | Value::Undefined | Value::Null => {
                let text = self.to_display_string(&prim);
                self.throw_type_error(format!("Cannot convert {text} to a BigInt"))
            }
            Value::Object(_) => unreachable!("ToPrimitive returns a primitive"),
        }
    }

    /// NumberToBigInt ( number ) — <https://tc39.es/ecma262/#sec-numbertobigint>
    pub fn number_to_bigint(&mut self, number: f64) -> JsResult<JsBigInt> {
        // 1. If IsIntegralNumber(number) is false, throw a RangeError exception.
        match integral_number_to_bigint(number) {
            Some(n) => Ok(n),
            None => {
                let text = number_to_string(number);
                self.throw_range_error(format!(
                    "The number {text} cannot be converted to a BigInt because it is not an integer"
                ))
            }
        }
    }

    /// ToBigInt64 ( argument ) — <https://tc39.es/ecma262/#sec-tobigint64>
    pub fn to_bigint64(&mut self, argument: &Value) -> JsResult<i64> {
        // 1. Let n be ? ToBigInt(argument).
        let n = self.to_bigint(argument)?;
        // 2–3. Let int64bit be ℝ(n) modulo 2^64; if int64bit ≥ 2^63, subtract 2^64.
        Ok(n.low_u64() as i64)
    }

    /// ToBigUint64 ( argument ) — <https://tc39.es/ecma262/#sec-tobiguint64>
    pub fn to_biguint64(&mut self, argument: &Value) -> JsResult<u64> {
        // 1. Let n be ? ToBigInt(argument).
        let n = self.to_bigint(argument)?;
        // 2. Let int64bit be ℝ(n) modulo 2^64.
        Ok(n.low_u64())
    }

    /// TypedArraySetElement steps 1–2 (and the same step of every typed
    /// array or DataView write): ? ToBigInt(value) when the content type is
    /// bigint, ? ToNumber(value) otherwise (also for `None`).
    pub fn to_content_type(
        &mut self,
        content: Option<ContentType>,
        value: &Value,
    ) -> JsResult<Value> {
        Ok(match content {
            Some(ContentType::BigInt) => Value::BigInt(self.to_bigint(value)?),
            _ => Value::Number(self.to_number(value)?),
        })
    }

    /// The exception a BigInt:: operation's failure stands for.
    pub fn bigint_error(&mut self, error: BigIntError) -> Throw {
        self.range_error(error.message())
    }
}

/// ℤ(ℝ(number)) for an integral Number; None otherwise (NaN, ±∞ or a
/// fraction).
pub fn integral_number_to_bigint(number: f64) -> Option<JsBigInt> {
    if !number.is_finite() || number.fract() != 0.0 {
        return None;
    }
    // A finite integral f64 is exactly its mantissa times a power of two.
    let bits = number.abs().to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, shift) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    let magnitude = if shift >= 0 {
        BigInt::from(mantissa) << shift as usize
    } else {
        // Integral, so the dropped bits are all zero.
        BigInt::from(mantissa >> (-shift).min(63) as u32)
    };
    Some(JsBigInt::from(if number < 0.0 {
        -magnitude
    } else {
        magnitude
    }))
}

/// How a BigInt compares with a Number by mathematical value (IsLessThan
/// step 4.g–i, IsLooselyEqual step 13): None when the Number is NaN.
pub fn compare_bigint_number(b: &JsBigInt, n: f64) -> Option<Ordering> {
    // If ny is NaN, return undefined.
    if n.is_nan() {
        return None;
    }
    // If nx is -∞ or ny is +∞, return true; the reverse, false.
    if n.is_infinite() {
        return Some(if n > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // If ℝ(nx) < ℝ(ny), return true; otherwise false. A fraction compares
    // as its floor, with equality impossible.
    let floor = n.floor();
    let whole = integral_number_to_bigint(floor).expect("a finite floor is integral");
    Some(match (**b).cmp(&*whole) {
        Ordering::Equal if floor != n => Ordering::Less,
        ordering => ordering,
    })
}

/// StringToBigInt ( str ) — <https://tc39.es/ecma262/#sec-stringtobigint>:
/// None where the spec returns undefined.
pub fn string_to_bigint(units: &[u16]) -> Option<JsBigInt> {
    // 1–2. Let literal be ParseText(text, StringIntegerLiteral): StrWhiteSpace
    //      may surround the literal, and only whitespace is 0.
    let start = units.iter().position(|&u| !is_str_white_space(u));
    let Some(start) = start else {
        return Some(JsBigInt::zero());
    };
    let end = units.iter().rposition(|&u| !is_str_white_space(u))? + 1;
    let text: String = char::decode_utf16(units[start..end].iter().copied())
        .collect::<Result<_, _>>()
        .ok()?;
    // StrIntegerLiteral ::: SignedInteger[~Sep] | NonDecimalIntegerLiteral[~Sep]
    let (negative, radix, digits) = match text.as_bytes() {
        [b'0', b'x' | b'X', ..] => (false, 16, &text[2..]),
        [b'0', b'o' | b'O', ..] => (false, 8, &text[2..]),
        [b'0', b'b' | b'B', ..] => (false, 2, &text[2..]),
        [b'-', ..] => (true, 10, &text[1..]),
        [b'+', ..] => (false, 10, &text[1..]),
        _ => (false, 10, &text[..]),
    };
    // [~Sep]: no numeric separators (num_bigint's parser would skip `_`).
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // 3–6. Return ℤ(the MV of literal).
    let magnitude = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(JsBigInt::from(if negative {
        -magnitude
    } else {
        magnitude
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<String> {
        let units: Vec<u16> = s.encode_utf16().collect();
        string_to_bigint(&units).map(|n| n.to_string_radix(10))
    }

    #[test]
    fn string_integer_literals() {
        assert_eq!(parse("  12 ").as_deref(), Some("12"));
        assert_eq!(parse("").as_deref(), Some("0"));
        assert_eq!(parse("-0x1f"), None);
        assert_eq!(parse("0x1f").as_deref(), Some("31"));
        assert_eq!(parse("-12").as_deref(), Some("-12"));
        assert_eq!(parse("1_0"), None);
        assert_eq!(parse("1e3"), None);
        assert_eq!(parse("0b2"), None);
        assert_eq!(parse("-"), None);
    }

    #[test]
    fn integral_numbers_convert_exactly() {
        let big = |n: f64| integral_number_to_bigint(n).map(|b| b.to_string_radix(10));
        assert_eq!(big(1e21).as_deref(), Some("1000000000000000000000"));
        assert_eq!(big(-0.0).as_deref(), Some("0"));
        assert_eq!(big(-5.0).as_deref(), Some("-5"));
        assert_eq!(big(1.5), None);
        assert_eq!(big(f64::NAN), None);
    }
}

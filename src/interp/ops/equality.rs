//! Equality and relational comparison (ECMA-262 §7.2.13–§7.2.16).

use std::cmp::Ordering;

use super::bigint::{compare_bigint_number, string_to_bigint};
use super::conversion::{Numeric, PreferredType};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::number::string_to_number;
use crate::interp::value::Value;

impl Agent {
    /// IsLooselyEqual ( x, y ) — <https://tc39.es/ecma262/#sec-islooselyequal>
    pub fn is_loosely_equal(&mut self, x: &Value, y: &Value) -> JsResult<bool> {
        use Value::*;
        Ok(match (x, y) {
            // 1. If Type(x) is Type(y), return IsStrictlyEqual(x, y).
            (Undefined | Null, Undefined | Null) => true,
            (Number(_), Number(_))
            | (BigInt(_), BigInt(_))
            | (String(_), String(_))
            | (Bool(_), Bool(_))
            | (Symbol(_), Symbol(_))
            | (Object(_), Object(_)) => is_strictly_equal(x, y),
            // 2–3. undefined == null.
            (Undefined | Null, _) | (_, Undefined | Null) => false,
            // 5–6. Number and String: compare as numbers.
            (Number(a), String(b)) => *a == string_to_number(b.units()),
            (String(a), Number(b)) => string_to_number(a.units()) == *b,
            // 7–8. BigInt and String: StringToBigInt, false where it is undefined.
            (BigInt(a), String(b)) | (String(b), BigInt(a)) => {
                string_to_bigint(b.units()).is_some_and(|b| *a == b)
            }
            // 13. BigInt and Number: equal mathematical values (never NaN or ±∞).
            (BigInt(a), Number(b)) | (Number(b), BigInt(a)) => {
                compare_bigint_number(a, *b) == Some(Ordering::Equal)
            }
            // 9–10. Booleans become numbers.
            (Bool(b), _) => {
                let n = Value::Number(f64::from(u8::from(*b)));
                return self.is_loosely_equal(&n, y);
            }
            (_, Bool(b)) => {
                let n = Value::Number(f64::from(u8::from(*b)));
                return self.is_loosely_equal(x, &n);
            }
            // 11–12. Objects against primitives: ToPrimitive.
            (Object(_), _) => {
                let p = self.to_primitive(x, PreferredType::Default)?;
                return self.is_loosely_equal(&p, y);
            }
            (_, Object(_)) => {
                let p = self.to_primitive(y, PreferredType::Default)?;
                return self.is_loosely_equal(x, &p);
            }
            // 14. Return false.
            _ => false,
        })
    }

    /// IsLessThan ( x, y, LeftFirst ) — <https://tc39.es/ecma262/#sec-islessthan>
    /// `None` is the spec's undefined (a NaN was involved).
    pub fn is_less_than(
        &mut self,
        x: &Value,
        y: &Value,
        left_first: bool,
    ) -> JsResult<Option<bool>> {
        // 1–2. ToPrimitive both, in the order LeftFirst says.
        let (px, py) = if left_first {
            let px = self.to_primitive(x, PreferredType::Number)?;
            let py = self.to_primitive(y, PreferredType::Number)?;
            (px, py)
        } else {
            let py = self.to_primitive(y, PreferredType::Number)?;
            let px = self.to_primitive(x, PreferredType::Number)?;
            (px, py)
        };
        // 3. If px and py are both Strings, compare code units.
        if let (Value::String(a), Value::String(b)) = (&px, &py) {
            return Ok(Some(a.units() < b.units()));
        }
        // 4.a–b. A BigInt and a String: StringToBigInt, undefined if it fails.
        match (&px, &py) {
            (Value::BigInt(a), Value::String(b)) => {
                return Ok(string_to_bigint(b.units()).map(|b| a.less_than(&b)));
            }
            (Value::String(a), Value::BigInt(b)) => {
                return Ok(string_to_bigint(a.units()).map(|a| a.less_than(b)));
            }
            _ => {}
        }
        // 4.c–d. Let nx/ny be ? ToNumeric(px/py).
        let nx = self.to_numeric(&px)?;
        let ny = self.to_numeric(&py)?;
        Ok(match (nx, ny) {
            // 4.e. Same type: Number::lessThan or BigInt::lessThan.
            (Numeric::Number(a), Numeric::Number(b)) => {
                (!a.is_nan() && !b.is_nan()).then_some(a < b)
            }
            (Numeric::BigInt(a), Numeric::BigInt(b)) => Some(a.less_than(&b)),
            // 4.f–i. Mixed: compare mathematical values (NaN is undefined).
            (Numeric::BigInt(a), Numeric::Number(b)) => {
                compare_bigint_number(&a, b).map(|o| o == Ordering::Less)
            }
            (Numeric::Number(a), Numeric::BigInt(b)) => {
                compare_bigint_number(&b, a).map(|o| o == Ordering::Greater)
            }
        })
    }
}

/// IsStrictlyEqual ( x, y ) — <https://tc39.es/ecma262/#sec-isstrictlyequal>
pub fn is_strictly_equal(x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Number(a), Value::Number(b)) => a == b,
        _ => x.same_value(y),
    }
}

//! Equality and relational comparison (ECMA-262 §7.2.13–§7.2.16).

use super::conversion::PreferredType;
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
            | (String(_), String(_))
            | (Bool(_), Bool(_))
            | (Symbol(_), Symbol(_))
            | (Object(_), Object(_)) => is_strictly_equal(x, y),
            // 2–3. undefined == null.
            (Undefined | Null, _) | (_, Undefined | Null) => false,
            // 5–6. Number and String: compare as numbers.
            (Number(a), String(b)) => *a == string_to_number(b.units()),
            (String(a), Number(b)) => string_to_number(a.units()) == *b,
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
        // 4. Else: compare as numbers.
        let nx = self.to_number(&px)?;
        let ny = self.to_number(&py)?;
        if nx.is_nan() || ny.is_nan() {
            return Ok(None);
        }
        Ok(Some(nx < ny))
    }
}

/// IsStrictlyEqual ( x, y ) — <https://tc39.es/ecma262/#sec-isstrictlyequal>
pub fn is_strictly_equal(x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Number(a), Value::Number(b)) => a == b,
        _ => x.same_value(y),
    }
}

//! Type conversion (ECMA-262 §7.1).

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::bigint::JsBigInt;
use crate::interp::completion::JsResult;
use crate::interp::number::{number_to_string, string_to_number, to_int32, to_uint32};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The result of ToNumeric: a Number or a BigInt.
#[derive(Clone, Debug)]
pub enum Numeric {
    Number(f64),
    BigInt(JsBigInt),
}

/// The preferred type of ToPrimitive.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum PreferredType {
    Default,
    String,
    Number,
}

impl Agent {
    /// ToPrimitive ( input [ , preferredType ] ) — <https://tc39.es/ecma262/#sec-toprimitive>
    pub fn to_primitive(&mut self, input: &Value, preferred: PreferredType) -> JsResult<Value> {
        // 1. If input is an Object, then
        let Value::Object(obj) = input else {
            // 2. Return input.
            return Ok(input.clone());
        };
        // a. Let exoticToPrim be ? GetMethod(input, @@toPrimitive).
        let key = PropertyKey::Symbol(self.symbols.to_primitive.clone());
        let exotic = self.get_method(input, &key)?;
        // b. If exoticToPrim is not undefined, then
        if let Some(exotic) = exotic {
            // i–iv. Let hint be "default", "string" or "number".
            let hint = match preferred {
                PreferredType::Default => "default",
                PreferredType::String => "string",
                PreferredType::Number => "number",
            };
            // v. Let result be ? Call(exoticToPrim, input, « hint »).
            let result = self.call(&exotic, input, &[Value::from(hint)])?;
            // vi. If result is not an Object, return result.
            if !matches!(result, Value::Object(_)) {
                return Ok(result);
            }
            // vii. Throw a TypeError exception.
            return self.throw_type_error("Cannot convert object to primitive value");
        }
        // c. If preferredType is not present, let preferredType be number.
        let preferred = match preferred {
            PreferredType::String => PreferredType::String,
            _ => PreferredType::Number,
        };
        // d. Return ? OrdinaryToPrimitive(input, preferredType).
        self.ordinary_to_primitive(obj, preferred)
    }

    /// OrdinaryToPrimitive ( O, hint ) — <https://tc39.es/ecma262/#sec-ordinarytoprimitive>
    pub fn ordinary_to_primitive(
        &mut self,
        o: &Gc<JsObject>,
        hint: PreferredType,
    ) -> JsResult<Value> {
        // 1–2. Let methodNames be « "toString", "valueOf" » or « "valueOf", "toString" ».
        let names = if hint == PreferredType::String {
            ["toString", "valueOf"]
        } else {
            ["valueOf", "toString"]
        };
        let this = Value::Object(o.clone());
        // 3. For each element name of methodNames, do
        for name in names {
            // a. Let method be ? Get(O, name).
            let method = self.get(o, &PropertyKey::from(name))?;
            // b. If IsCallable(method) is true, then
            if is_callable(&method) {
                // i. Let result be ? Call(method, O).
                let result = self.call(&method, &this, &[])?;
                // ii. If result is not an Object, return result.
                if !matches!(result, Value::Object(_)) {
                    return Ok(result);
                }
            }
        }
        // 4. Throw a TypeError exception.
        self.throw_type_error("Cannot convert object to primitive value")
    }

    /// ToNumber ( argument ) — <https://tc39.es/ecma262/#sec-tonumber>
    pub fn to_number(&mut self, v: &Value) -> JsResult<f64> {
        Ok(match v {
            Value::Number(n) => *n,
            Value::Undefined => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::String(s) => string_to_number(s.units()),
            Value::Symbol(_) => {
                return self.throw_type_error("Cannot convert a Symbol value to a number")
            }
            // 2. If argument is either a Symbol or a BigInt, throw a TypeError exception.
            Value::BigInt(_) => {
                return self.throw_type_error("Cannot convert a BigInt value to a number")
            }
            Value::Object(_) => {
                let prim = self.to_primitive(v, PreferredType::Number)?;
                return self.to_number(&prim);
            }
        })
    }

    /// ToNumeric ( value ) — <https://tc39.es/ecma262/#sec-tonumeric>
    pub fn to_numeric(&mut self, v: &Value) -> JsResult<Numeric> {
        // 1. Let primValue be ? ToPrimitive(value, number).
        let prim = match v {
            Value::Number(n) => return Ok(Numeric::Number(*n)),
            Value::Object(_) => self.to_primitive(v, PreferredType::Number)?,
            _ => v.clone(),
        };
        // 2. If primValue is a BigInt, return primValue.
        if let Value::BigInt(b) = prim {
            return Ok(Numeric::BigInt(b));
        }
        // 3. Return ? ToNumber(primValue).
        Ok(Numeric::Number(self.to_number(&prim)?))
    }

    /// The step the index-taking built-ins share (Array.prototype.slice
    /// steps 3–5, ArrayBuffer.prototype.slice steps 6–9, …): `v` as a
    /// relative index into 0..len (from the end when negative), clamped;
    /// `default` when `v` is undefined.
    pub fn relative_index(&mut self, v: &Value, len: f64, default: f64) -> JsResult<f64> {
        if v.is_undefined() {
            return Ok(default);
        }
        // Let relative be ? ToIntegerOrInfinity(v).
        let relative = self.to_integer_or_infinity(v)?;
        // If relative = -∞, 0; else if relative < 0, max(len + relative, 0);
        // else min(relative, len).
        Ok(if relative < 0.0 {
            (len + relative).max(0.0)
        } else {
            relative.min(len)
        })
    }

    /// ToIntegerOrInfinity ( argument ) — <https://tc39.es/ecma262/#sec-tointegerorinfinity>
    pub fn to_integer_or_infinity(&mut self, v: &Value) -> JsResult<f64> {
        let n = self.to_number(v)?;
        Ok(integer_or_infinity(n))
    }

    pub fn to_int32(&mut self, v: &Value) -> JsResult<i32> {
        Ok(to_int32(self.to_number(v)?))
    }

    pub fn to_uint32(&mut self, v: &Value) -> JsResult<u32> {
        Ok(to_uint32(self.to_number(v)?))
    }

    /// ToLength ( argument ) — <https://tc39.es/ecma262/#sec-tolength>
    pub fn to_length(&mut self, v: &Value) -> JsResult<f64> {
        let len = self.to_integer_or_infinity(v)?;
        Ok(len.clamp(0.0, 9007199254740991.0))
    }

    /// ToString ( argument ) — <https://tc39.es/ecma262/#sec-tostring>
    pub fn to_string(&mut self, v: &Value) -> JsResult<JsStr> {
        Ok(match v {
            Value::String(s) => s.clone(),
            Value::Undefined => JsStr::from("undefined"),
            Value::Null => JsStr::from("null"),
            Value::Bool(true) => JsStr::from("true"),
            Value::Bool(false) => JsStr::from("false"),
            Value::Number(n) => JsStr::from(number_to_string(*n)),
            // BigInt::toString(argument, 10).
            Value::BigInt(b) => JsStr::from(b.to_string_radix(10)),
            Value::Symbol(_) => {
                return self.throw_type_error("Cannot convert a Symbol value to a string")
            }
            Value::Object(_) => {
                let prim = self.to_primitive(v, PreferredType::String)?;
                return self.to_string(&prim);
            }
        })
    }

    /// ToObject ( argument ) — <https://tc39.es/ecma262/#sec-toobject>
    pub fn to_object(&mut self, v: &Value) -> JsResult<Gc<JsObject>> {
        let i = self.intrinsics();
        Ok(match v {
            Value::Object(o) => o.clone(),
            Value::Undefined | Value::Null => {
                return self.throw_type_error("Cannot convert undefined or null to object")
            }
            Value::Bool(b) => {
                JsObject::with_kind(Some(i.boolean_prototype.clone()), ObjectKind::Boolean(*b))
            }
            Value::Number(n) => {
                JsObject::with_kind(Some(i.number_prototype.clone()), ObjectKind::Number(*n))
            }
            Value::String(s) => JsObject::with_kind(
                Some(i.string_prototype.clone()),
                ObjectKind::String(s.clone()),
            ),
            Value::Symbol(s) => JsObject::with_kind(
                Some(i.symbol_prototype.clone()),
                ObjectKind::Symbol(s.clone()),
            ),
            Value::BigInt(b) => JsObject::with_kind(
                Some(i.bigint_prototype.clone()),
                ObjectKind::BigInt(b.clone()),
            ),
        })
    }

    /// ToPropertyKey ( argument ) — <https://tc39.es/ecma262/#sec-topropertykey>
    pub fn to_property_key(&mut self, v: &Value) -> JsResult<PropertyKey> {
        Ok(match v {
            Value::String(s) => PropertyKey::from_string(s.clone()),
            Value::Symbol(s) => PropertyKey::Symbol(s.clone()),
            Value::Number(n) if *n >= 0.0 && *n < 4294967295.0 && n.fract() == 0.0 => {
                // -0 and 0 both print as "0".
                PropertyKey::Index(*n as u32)
            }
            _ => {
                let key = self.to_primitive(v, PreferredType::String)?;
                match key {
                    Value::Symbol(s) => PropertyKey::Symbol(s),
                    other => PropertyKey::from_string(self.to_string(&other)?),
                }
            }
        })
    }

    /// The `typeof` operator's result — <https://tc39.es/ecma262/#sec-typeof-operator>
    pub fn type_of(&self, v: &Value) -> &'static str {
        match v {
            Value::Undefined => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Symbol(_) => "symbol",
            Value::BigInt(_) => "bigint",
            Value::Object(o) if o.is_callable() => "function",
            Value::Object(_) => "object",
        }
    }
}

/// ToBoolean ( argument ) — <https://tc39.es/ecma262/#sec-toboolean>
pub fn to_boolean(v: &Value) -> bool {
    match v {
        Value::Undefined | Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => !(*n == 0.0 || n.is_nan()),
        Value::String(s) => !s.is_empty(),
        Value::BigInt(b) => !b.is_zero(),
        Value::Symbol(_) | Value::Object(_) => true,
    }
}

/// The truncation step of ToIntegerOrInfinity on a Number.
pub fn integer_or_infinity(n: f64) -> f64 {
    if n.is_nan() {
        0.0
    } else if n.is_infinite() {
        n
    } else {
        // Adding 0.0 turns -0 into +0.
        n.trunc() + 0.0
    }
}

/// IsCallable ( argument ) — <https://tc39.es/ecma262/#sec-iscallable>
pub fn is_callable(v: &Value) -> bool {
    matches!(v, Value::Object(o) if o.is_callable())
}

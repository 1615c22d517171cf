//! Values crossing between Rust and JavaScript.

use gc::Gc;

use crate::interp::object::JsObject;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// A JavaScript value as the host sees it. Objects (functions included)
/// stay handles into the runtime that made them.
#[derive(Clone, Debug, PartialEq)]
pub enum JsValue {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// A symbol, by its description.
    Symbol(Option<String>),
    /// A BigInt, by its decimal digits (with a `-` when negative).
    BigInt(String),
    Object(ObjectRef),
}

/// A handle to a JavaScript object (compares by identity).
#[derive(Clone)]
pub struct ObjectRef(pub(crate) Gc<JsObject>);

impl PartialEq for ObjectRef {
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ObjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_callable() {
            f.write_str("[Function]")
        } else {
            f.write_str("[Object]")
        }
    }
}

impl JsValue {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            JsValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            JsValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub(crate) fn from_value(v: &Value) -> JsValue {
        match v {
            Value::Undefined => JsValue::Undefined,
            Value::Null => JsValue::Null,
            Value::Bool(b) => JsValue::Bool(*b),
            Value::Number(n) => JsValue::Number(*n),
            Value::String(s) => JsValue::String(s.to_rust_string()),
            Value::Symbol(s) => JsValue::Symbol(s.description.as_ref().map(|d| d.to_rust_string())),
            Value::BigInt(b) => JsValue::BigInt(b.to_string_radix(10)),
            Value::Object(o) => JsValue::Object(ObjectRef(o.clone())),
        }
    }

    pub(crate) fn to_value(&self) -> Value {
        match self {
            JsValue::Undefined | JsValue::Symbol(_) => Value::Undefined,
            JsValue::Null => Value::Null,
            JsValue::Bool(b) => Value::Bool(*b),
            JsValue::Number(n) => Value::Number(*n),
            JsValue::String(s) => Value::String(JsStr::from(s.as_str())),
            JsValue::Object(o) => Value::Object(o.0.clone()),
            JsValue::BigInt(digits) => {
                crate::interp::ops::bigint::string_to_bigint(JsStr::from(digits.as_str()).units())
                    .map_or(Value::Undefined, Value::BigInt)
            }
        }
    }
}

impl From<f64> for JsValue {
    fn from(n: f64) -> Self {
        JsValue::Number(n)
    }
}

impl From<i32> for JsValue {
    fn from(n: i32) -> Self {
        JsValue::Number(f64::from(n))
    }
}

impl From<bool> for JsValue {
    fn from(b: bool) -> Self {
        JsValue::Bool(b)
    }
}

impl From<&str> for JsValue {
    fn from(s: &str) -> Self {
        JsValue::String(s.to_string())
    }
}

impl From<String> for JsValue {
    fn from(s: String) -> Self {
        JsValue::String(s)
    }
}

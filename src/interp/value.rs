//! ECMAScript language values (ECMA-262 §6.1).

use gc::{Finalize, Gc, Trace};

use super::bigint::JsBigInt;
use super::object::JsObject;
use super::string::JsStr;

/// A Symbol value: identity is the allocation (§6.1.5).
pub struct Symbol {
    /// `[[Description]]`
    pub description: Option<JsStr>,
    /// A Private Name (§6.2.12) in disguise: class private elements are
    /// stored as properties keyed by private symbols, which no reflective
    /// operation (ownKeys, getOwnPropertySymbols, proxies) ever shows.
    pub private: bool,
}

impl Symbol {
    pub fn new(description: Option<JsStr>) -> Gc<Symbol> {
        Gc::new(Symbol {
            description,
            private: false,
        })
    }

    /// A new Private Name `#name`.
    pub fn new_private(name: &str) -> Gc<Symbol> {
        Gc::new(Symbol {
            description: Some(JsStr::from(name)),
            private: true,
        })
    }
}

// Trace is implemented by hand: gc_derive also emits an empty `Drop`,
// which would forbid moving out of a `Value` in a `match`.
//
// The tag is a whole word: a one-byte tag leaves seven bytes of padding
// that moves of a `Value` (through every `JsResult`) copy in odd-sized
// pieces, whose loads miss store forwarding.
#[repr(u64)]
pub enum Value {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    String(JsStr),
    Symbol(Gc<Symbol>),
    /// A BigInt (§6.1.6.2), one `Rc` pointer wide so it does not widen a Value.
    BigInt(JsBigInt),
    Object(Gc<JsObject>),
}

// Clone is written by hand so that the immediate values copy inline and
// only the pointer variants (root counts, reference counts) take a call.
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Number(n) => Value::Number(*n),
            Value::Undefined => Value::Undefined,
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            _ => self.clone_pointer(),
        }
    }
}

impl Value {
    /// Drops a value without a call for the kinds that hold no pointer
    /// (the drop glue of `Value` is an out-of-line function).
    #[inline(always)]
    pub fn discard(self) {
        if matches!(
            self,
            Value::Undefined | Value::Null | Value::Bool(_) | Value::Number(_)
        ) {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    #[inline(never)]
    fn clone_pointer(&self) -> Value {
        match self {
            Value::String(s) => Value::String(s.clone()),
            Value::Symbol(s) => Value::Symbol(s.clone()),
            Value::BigInt(b) => Value::BigInt(b.clone()),
            Value::Object(o) => Value::Object(o.clone()),
            Value::Undefined => Value::Undefined,
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Number(n) => Value::Number(*n),
        }
    }
}

impl Finalize for Symbol {}

// SAFETY: a Symbol holds no `Gc` pointers.
unsafe impl Trace for Symbol {
    gc::unsafe_empty_trace!();
}

impl Finalize for Value {}

// SAFETY: visits the one `Gc` a value may hold.
unsafe impl Trace for Value {
    gc::custom_trace!(this, {
        match this {
            Value::Symbol(s) => mark(s),
            Value::Object(o) => mark(o),
            _ => {}
        }
    });
}

impl Value {
    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }

    pub fn as_object(&self) -> Option<&Gc<JsObject>> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// SameValue ( x, y ) — <https://tc39.es/ecma262/#sec-samevalue>
    pub fn same_value(&self, other: &Value) -> bool {
        match (self, other) {
            // 2. If x is a Number, return Number::sameValue(x, y).
            (Value::Number(x), Value::Number(y)) => {
                (x.is_nan() && y.is_nan())
                    || (x == y && x.is_sign_negative() == y.is_sign_negative())
            }
            _ => self.same_value_non_number(other),
        }
    }

    /// SameValueZero ( x, y ) — <https://tc39.es/ecma262/#sec-samevaluezero>
    pub fn same_value_zero(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Number(x), Value::Number(y)) => (x.is_nan() && y.is_nan()) || x == y,
            _ => self.same_value_non_number(other),
        }
    }

    /// SameValueNonNumber ( x, y ) — <https://tc39.es/ecma262/#sec-samevaluenonnumber>
    fn same_value_non_number(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            // SameValue 1–2 for BigInts: BigInt::equal.
            (Value::BigInt(a), Value::BigInt(b)) => a == b,
            (Value::Symbol(a), Value::Symbol(b)) => Gc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Gc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Number(n)
    }
}

impl From<JsBigInt> for Value {
    fn from(n: JsBigInt) -> Value {
        Value::BigInt(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(JsStr::from(s))
    }
}

impl From<JsStr> for Value {
    fn from(s: JsStr) -> Value {
        Value::String(s)
    }
}

impl From<Gc<JsObject>> for Value {
    fn from(o: Gc<JsObject>) -> Value {
        Value::Object(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_distinguishes_zeros_and_equates_nans() {
        assert!(!Value::from(0.0).same_value(&Value::from(-0.0)));
        assert!(Value::from(f64::NAN).same_value(&Value::from(f64::NAN)));
        assert!(Value::from(0.0).same_value_zero(&Value::from(-0.0)));
        assert!(Value::from("a").same_value(&Value::from("a")));
        assert!(!Value::Undefined.same_value(&Value::Null));
        let ten = JsBigInt::from(10i64);
        assert!(Value::from(ten.clone()).same_value(&Value::from(JsBigInt::from(10i64))));
        assert!(!Value::from(ten).same_value(&Value::from(10.0)));
    }

    #[test]
    fn a_bigint_does_not_widen_a_value() {
        // One pointer: the widest variant is still a String (a fat pointer),
        // so a Value is a String and a tag word.
        assert_eq!(
            std::mem::size_of::<JsBigInt>(),
            std::mem::size_of::<usize>()
        );
        assert_eq!(
            std::mem::size_of::<Value>(),
            std::mem::size_of::<JsStr>() + std::mem::size_of::<usize>()
        );
    }
}

//! The essential internal methods of integer-indexed exotic objects
//! (typed arrays, ECMA-262 §10.4.5) for canonical numeric string keys.
//! Each hook returns `None` when the object is not integer-indexed or the
//! key is not numeric, and the ordinary method applies.

use super::kind::{ContentType, IntegerIndexed};
use super::{JsObject, ObjectKind};
use crate::interp::bigint::JsBigInt;
use crate::interp::number::{number_to_string, string_to_number};
use crate::interp::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// CanonicalNumericIndexString ( argument ) for a property key —
/// <https://tc39.es/ecma262/#sec-canonicalnumericindexstring>
pub fn canonical_numeric_index_string(key: &PropertyKey) -> Option<f64> {
    match key {
        PropertyKey::Index(i) => Some(f64::from(*i)),
        PropertyKey::Symbol(_) => None,
        PropertyKey::String(s) => {
            let units = s.units();
            // 1. If argument is "-0", return -0𝔽.
            if units == [45, 48] {
                return Some(-0.0);
            }
            // Only strings that start like a Number's text can be canonical.
            let first = *units.first()?;
            let starts_numeric = first == u16::from(b'-')
                || first == u16::from(b'I')
                || first == u16::from(b'N')
                || (u16::from(b'0')..=u16::from(b'9')).contains(&first);
            if !starts_numeric {
                return None;
            }
            // 2. Let n be ! ToNumber(argument).
            let n = string_to_number(units);
            // 3. If ! ToString(n) is argument, return n.
            let text: Vec<u16> = number_to_string(n).encode_utf16().collect();
            // 4. Return undefined.
            (text == units).then_some(n)
        }
    }
}

impl JsObject {
    /// The element storage of an integer-indexed exotic object.
    pub fn integer_indexed(&self) -> Option<&dyn IntegerIndexed> {
        match &self.kind {
            ObjectKind::Other(data) => data.integer_indexed(),
            _ => None,
        }
    }

    /// The storage and numeric index when `key` is a canonical numeric
    /// string of an integer-indexed object.
    fn numeric_target(&self, key: &PropertyKey) -> Option<(&dyn IntegerIndexed, f64)> {
        let ii = self.integer_indexed()?;
        Some((ii, canonical_numeric_index_string(key)?))
    }

    /// [[GetOwnProperty]] ( P ) — <https://tc39.es/ecma262/#sec-typedarray-getownproperty>
    pub(super) fn integer_indexed_get_own_property(
        &self,
        key: &PropertyKey,
    ) -> Option<Option<Property>> {
        // 1. If P is a String, then
        // a. Let numericIndex be CanonicalNumericIndexString(P).
        // b. If numericIndex is not undefined, then
        let (ii, index) = self.numeric_target(key)?;
        // i. Let value be TypedArrayGetElement(O, numericIndex).
        // ii. If value is undefined, return undefined.
        // iii. Return the PropertyDescriptor { [[Value]]: value, [[Writable]]: true,
        //      [[Enumerable]]: true, [[Configurable]]: true }.
        Some(ii.get_element(index).map(|value| Property::Data {
            value,
            attrs: Attributes::ALL,
        }))
    }

    /// [[HasProperty]] ( P ) — <https://tc39.es/ecma262/#sec-typedarray-hasproperty>
    pub(crate) fn integer_indexed_has_property(&self, key: &PropertyKey) -> Option<bool> {
        // 1.b. If numericIndex is not undefined, return IsValidIntegerIndex(O, numericIndex).
        let (ii, index) = self.numeric_target(key)?;
        Some(ii.is_valid_integer_index(index))
    }

    /// [[DefineOwnProperty]] ( P, Desc ) —
    /// <https://tc39.es/ecma262/#sec-typedarray-defineownproperty>, with a
    /// [[Value]] already converted to a Number by the caller.
    pub(super) fn integer_indexed_define_own_property(
        &self,
        key: &PropertyKey,
        desc: &PropertyDescriptor,
    ) -> Option<bool> {
        let (ii, index) = self.numeric_target(key)?;
        // i–v. The descriptor must be compatible with an element.
        if !integer_indexed_descriptor_fits(ii, index, desc) {
            return Some(false);
        }
        // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O, numericIndex, Desc.[[Value]]).
        if let Some(value) = &desc.value {
            // Deviation: the conversion (which may run code) is the
            // caller's (`Agent::define_own_property`); a value that reaches
            // here unconverted takes its primitive Number (or NaN), or its
            // BigInt (or 0n).
            let numeric = match (ii.content_type(), value) {
                (ContentType::Number, Value::Number(_))
                | (ContentType::BigInt, Value::BigInt(_)) => value.clone(),
                (ContentType::Number, Value::Bool(b)) => Value::Number(f64::from(u8::from(*b))),
                (ContentType::Number, Value::Null) => Value::Number(0.0),
                (ContentType::Number, _) => Value::Number(f64::NAN),
                (ContentType::BigInt, Value::Bool(b)) => {
                    Value::BigInt(JsBigInt::from(i64::from(*b)))
                }
                (ContentType::BigInt, _) => Value::BigInt(JsBigInt::zero()),
            };
            ii.set_element(index, &numeric);
        }
        // vii. Return true.
        Some(true)
    }

    /// Whether `key` is a canonical numeric string of this integer-indexed
    /// object and `desc` passes [[DefineOwnProperty]]'s steps 1.b.i–v.
    pub fn integer_indexed_accepts(&self, key: &PropertyKey, desc: &PropertyDescriptor) -> bool {
        match self.numeric_target(key) {
            Some((ii, index)) => integer_indexed_descriptor_fits(ii, index, desc),
            None => false,
        }
    }

    /// [[Delete]] ( P ) — <https://tc39.es/ecma262/#sec-typedarray-delete>
    pub(super) fn integer_indexed_delete(&self, key: &PropertyKey) -> Option<bool> {
        // 1.b. If numericIndex is not undefined, then
        let (ii, index) = self.numeric_target(key)?;
        // i. If IsValidIntegerIndex(O, numericIndex) is false, return true; else return false.
        Some(!ii.is_valid_integer_index(index))
    }

    /// [[OwnPropertyKeys]] ( ) step 3: the element indices, in order —
    /// <https://tc39.es/ecma262/#sec-typedarray-ownpropertykeys>
    pub(super) fn integer_indexed_keys(&self, keys: &mut Vec<PropertyKey>) {
        if let Some(ii) = self.integer_indexed() {
            // a. Let length be TypedArrayLength(taRecord).
            // b. For each integer i such that 0 ≤ i < length, in ascending order, append ! ToString(𝔽(i)).
            let length = ii.current_length().min(u32::MAX as usize);
            keys.extend((0..length as u32).map(PropertyKey::from));
        }
    }

    /// TypedArray [[Get]] ( P, Receiver ) step 1.b: the element (or
    /// undefined) for a numeric key, without looking at the prototype.
    pub fn integer_indexed_get(&self, key: &PropertyKey) -> Option<Value> {
        let (ii, index) = self.numeric_target(key)?;
        Some(ii.get_element(index).unwrap_or(Value::Undefined))
    }

    /// The numeric index of `key` on this integer-indexed object, and
    /// whether it is a valid integer index.
    pub fn integer_indexed_key(&self, key: &PropertyKey) -> Option<(f64, bool)> {
        let (ii, index) = self.numeric_target(key)?;
        Some((index, ii.is_valid_integer_index(index)))
    }

    /// TypedArraySetElement for an already converted Number or BigInt.
    pub fn integer_indexed_set(&self, index: f64, value: &Value) {
        if let Some(ii) = self.integer_indexed() {
            ii.set_element(index, value);
        }
    }

    /// [[ContentType]] of an integer-indexed object.
    pub fn integer_indexed_content_type(&self) -> Option<ContentType> {
        Some(self.integer_indexed()?.content_type())
    }
}

/// [[DefineOwnProperty]] steps 1.b.i–v.
fn integer_indexed_descriptor_fits(
    ii: &dyn IntegerIndexed,
    index: f64,
    desc: &PropertyDescriptor,
) -> bool {
    // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
    // ii. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is false, return false.
    // iii. If Desc has an [[Enumerable]] field and Desc.[[Enumerable]] is false, return false.
    // iv. If IsAccessorDescriptor(Desc) is true, return false.
    // v. If Desc has a [[Writable]] field and Desc.[[Writable]] is false, return false.
    ii.is_valid_integer_index(index)
        && desc.configurable != Some(false)
        && desc.enumerable != Some(false)
        && !desc.is_accessor()
        && desc.writable != Some(false)
}

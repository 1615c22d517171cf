//! Storage of index properties: dense while possible, then in the table;
//! and ArraySetLength, which shortens either storage.

use super::validate::validate_and_apply_property_descriptor;
use super::{ArrayData, Attributes, JsObject, Property, PropertyDescriptor, PropertyKey, Value};

/// An index this far past the end of dense storage makes the object sparse
/// (so `a[1e9] = 1` does not allocate a billion holes).
const MAX_HOLE_RUN: usize = 1024;

impl JsObject {
    /// Stores a property that ValidateAndApplyPropertyDescriptor produced.
    pub(super) fn store(&self, key: PropertyKey, property: Property) {
        if let PropertyKey::Index(i) = key {
            if self.dense.get() {
                let i = i as usize;
                let len = self.elements.len();
                match property {
                    Property::Data { value, attrs }
                        if attrs == Attributes::ALL && i <= len + MAX_HOLE_RUN =>
                    {
                        if i < len {
                            self.elements.set(i, Some(value));
                        } else {
                            for _ in len..i {
                                self.elements.push(None);
                            }
                            self.elements.push(Some(value));
                        }
                        return;
                    }
                    property => {
                        self.make_sparse();
                        self.properties.insert(key, property);
                        return;
                    }
                }
            }
        }
        self.properties.insert(key, property);
    }

    /// Gives an object without index properties `values` at indices 0..,
    /// each a writable, enumerable, configurable data property (how dense
    /// elements are stored).
    pub(crate) fn init_elements(&self, values: &[Value]) {
        debug_assert!(self.dense.get() && self.elements.is_empty());
        for v in values {
            self.elements.push(Some(v.clone()));
        }
    }

    /// Moves every dense element into the property table, for good.
    pub(crate) fn make_sparse(&self) {
        self.dense.set(false);
        let values = self.elements.to_vec();
        self.elements.truncate(0);
        for (i, v) in values.into_iter().enumerate() {
            if let Some(value) = v {
                self.properties.insert(
                    PropertyKey::Index(i as u32),
                    Property::Data {
                        value,
                        attrs: Attributes::ALL,
                    },
                );
            }
        }
    }

    pub(super) fn remove_element(&self, index: u32) {
        let i = index as usize;
        let len = self.elements.len();
        if i + 1 == len {
            self.elements.pop();
            // Trailing holes are dropped too, so the storage ends in a value.
            while let Some(None) = self.elements.get(self.elements.len().wrapping_sub(1)) {
                self.elements.pop();
            }
        } else if i < len {
            self.elements.set(i, None);
        }
    }

    /// A dense element's value, without any lookup in the table: the
    /// evaluator's fast path for `a[i]` (None: take the general path).
    pub fn fast_element(&self, index: u32) -> Option<Value> {
        if let Some(ii) = self.integer_indexed() {
            // TypedArray [[Get]] step 1.b: never looks at the prototype.
            return Some(ii.get_element(f64::from(index)).unwrap_or(Value::Undefined));
        }
        if self.dense.get() {
            self.elements
                .inspect_or(index as usize, None, Option::<Value>::clone)
        } else {
            None
        }
    }

    /// Overwrites an existing dense element or appends at the end of an
    /// extensible object's dense storage (keeping an array's length in
    /// step); false when the general [[Set]] path is needed.
    pub fn fast_set_element(&self, index: u32, value: Value) -> bool {
        if let Some(ii) = self.integer_indexed() {
            // TypedArray [[Set]] step 1.b.i with O = Receiver and a value
            // that needs no conversion.
            let converted = matches!(
                (&value, ii.content_type()),
                (Value::Number(_), super::ContentType::Number)
                    | (Value::BigInt(_), super::ContentType::BigInt)
            );
            if converted {
                ii.set_element(f64::from(index), &value);
            }
            return converted;
        }
        if !self.dense.get() {
            return false;
        }
        let i = index as usize;
        let len = self.elements.len();
        if i < len && self.elements.get(i).is_some_and(|v| v.is_some()) {
            self.elements.set(i, Some(value));
            return true;
        }
        if i == len && self.is_extensible() && !self.proxy_in_prototype_chain() {
            if let super::ObjectKind::Array(a) = &self.kind {
                if index >= a.length.get() {
                    if !a.length_writable.get() || index == u32::MAX {
                        return false;
                    }
                    a.length.set(index + 1);
                }
                self.elements.push(Some(value));
                return true;
            }
        }
        false
    }

    /// Whether a proxy is on this object's prototype chain: a new element
    /// then has to go through OrdinarySet, whose walk reaches the proxy's
    /// [[Set]] trap.
    fn proxy_in_prototype_chain(&self) -> bool {
        let mut p = self.get_prototype_of();
        while let Some(o) = p {
            if o.is_proxy() {
                return true;
            }
            p = o.get_prototype_of();
        }
        false
    }

    /// ArraySetLength ( A, Desc ) — <https://tc39.es/ecma262/#sec-arraysetlength>
    /// with Desc.[[Value]], when present, already a valid uint32 Number
    /// (steps 3–5's conversions and RangeError belong to the caller).
    pub(super) fn array_set_length(&self, array: &ArrayData, desc: PropertyDescriptor) -> bool {
        let current = self.get_own_property(&PropertyKey::from("length"));
        // 1. If Desc does not have a [[Value]] field, then
        let Some(value) = desc.value.clone() else {
            // a. Return ! OrdinaryDefineOwnProperty(A, "length", Desc).
            return match validate_and_apply_property_descriptor(true, desc, current) {
                Some(p) => {
                    array.length_writable.set(p.attrs().writable);
                    true
                }
                None => false,
            };
        };
        let Value::Number(n) = value else {
            debug_assert!(false, "ArraySetLength needs a converted length");
            return false;
        };
        // 3. Let newLen be ? ToUint32(Desc.[[Value]]).
        let new_len = n as u32;
        let old_len = array.length.get();
        // 7. Let oldLenDesc be OrdinaryGetOwnProperty(A, "length").
        // 11. If newLen ≥ oldLen, then return ! OrdinaryDefineOwnProperty(A, "length", newLenDesc).
        let checked = validate_and_apply_property_descriptor(true, desc.clone(), current);
        let Some(p) = checked else {
            return false;
        };
        if new_len >= old_len {
            array.length.set(new_len);
            array.length_writable.set(p.attrs().writable);
            return true;
        }
        // 12. If oldLenDesc.[[Writable]] is false, return false.
        if !array.length_writable.get() {
            return false;
        }
        // 13–14. newWritable: a false [[Writable]] applies after the deletions.
        let new_writable = desc.writable != Some(false);
        // 17. For each own property key P of A such that P is an array index
        //     and ! ToUint32(P) ≥ newLen, in descending numeric index order, do
        if self.dense.get() {
            self.elements.truncate(new_len as usize);
        } else {
            let mut doomed: Vec<u32> = self
                .properties
                .keys()
                .into_iter()
                .filter_map(|k| match k {
                    PropertyKey::Index(i) if i >= new_len => Some(i),
                    _ => None,
                })
                .collect();
            doomed.sort_unstable_by(|a, b| b.cmp(a));
            for i in doomed {
                // a. Let deleteSucceeded be ! A.[[Delete]](P).
                let key = PropertyKey::Index(i);
                if !self.delete(&key) {
                    // b.i. Set newLenDesc.[[Value]] to ! ToUint32(P) + 1𝔽.
                    array.length.set(i + 1);
                    // b.ii–iii. If newWritable is false, set it; return false.
                    if !new_writable {
                        array.length_writable.set(false);
                    }
                    return false;
                }
            }
        }
        array.length.set(new_len);
        // 18. If newWritable is false, then set [[Writable]] to false.
        if !new_writable {
            array.length_writable.set(false);
        }
        // 19. Return true.
        true
    }
}

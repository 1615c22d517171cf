//! Ordinary objects and their essential internal methods that do not run
//! JavaScript code (ECMA-262 §10.1 Ordinary Object Internal Methods).
//! `[[Get]]` and `[[Set]]`, which may call accessors, live with the evaluator.

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use super::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use super::property_table::PropertyTable;
use super::slots::Slot;
use super::value::Value;

#[derive(Trace, Finalize)]
pub struct JsObject {
    /// `[[Prototype]]`
    prototype: Slot<Option<Gc<JsObject>>>,
    /// `[[Extensible]]`
    #[unsafe_ignore_trace]
    extensible: Cell<bool>,
    properties: PropertyTable,
}

impl JsObject {
    /// OrdinaryObjectCreate ( proto ) without additional internal slots —
    /// <https://tc39.es/ecma262/#sec-ordinaryobjectcreate>
    pub fn ordinary_create(prototype: Option<Gc<JsObject>>) -> Gc<JsObject> {
        Gc::new(JsObject {
            prototype: Slot::new(prototype),
            extensible: Cell::new(true),
            properties: PropertyTable::new(),
        })
    }

    /// OrdinaryGetPrototypeOf ( O ) — <https://tc39.es/ecma262/#sec-ordinarygetprototypeof>
    pub fn get_prototype_of(&self) -> Option<Gc<JsObject>> {
        // 1. Return O.[[Prototype]].
        self.prototype.get()
    }

    /// OrdinarySetPrototypeOf ( O, V ) — <https://tc39.es/ecma262/#sec-ordinarysetprototypeof>
    pub fn set_prototype_of(this: &Gc<JsObject>, v: Option<Gc<JsObject>>) -> bool {
        // 1. Let current be O.[[Prototype]].
        let current = this.prototype.get();
        // 2. If SameValue(V, current) is true, return true.
        if same_object(&v, &current) {
            return true;
        }
        // 3. Let extensible be O.[[Extensible]].
        // 4. If extensible is false, return false.
        if !this.extensible.get() {
            return false;
        }
        // 5. Let p be V.
        let mut p = v.clone();
        // 6. Let done be false.
        // 7. Repeat, while done is false,
        while let Some(obj) = p {
            // b. Else if SameValue(p, O) is true, return false.
            if Gc::ptr_eq(&obj, this) {
                return false;
            }
            // c. Else: (no exotic [[GetPrototypeOf]] exists yet, so the walk goes on)
            // ii. Else, set p to p.[[Prototype]].
            p = obj.prototype.get();
        }
        // 8. Set O.[[Prototype]] to V.
        this.prototype.set(v);
        // 9. Return true.
        true
    }

    /// OrdinaryIsExtensible ( O ) — <https://tc39.es/ecma262/#sec-ordinaryisextensible>
    pub fn is_extensible(&self) -> bool {
        self.extensible.get()
    }

    /// OrdinaryPreventExtensions ( O ) — <https://tc39.es/ecma262/#sec-ordinarypreventextensions>
    pub fn prevent_extensions(&self) -> bool {
        // 1. Set O.[[Extensible]] to false.
        self.extensible.set(false);
        // 2. Return true.
        true
    }

    /// OrdinaryGetOwnProperty ( O, P ) — <https://tc39.es/ecma262/#sec-ordinarygetownproperty>
    pub fn get_own_property(&self, key: &PropertyKey) -> Option<Property> {
        // 1. If O does not have an own property with key P, return undefined.
        // 2–9. Build D from X's fields. (Stored properties are complete, so
        // the stored record is the descriptor.)
        self.properties.get(key)
    }

    /// OrdinaryDefineOwnProperty ( O, P, Desc ) — <https://tc39.es/ecma262/#sec-ordinarydefineownproperty>
    pub fn define_own_property(&self, key: PropertyKey, desc: PropertyDescriptor) -> bool {
        // 1. Let current be ? O.[[GetOwnProperty]](P).
        let current = self.get_own_property(&key);
        // 2. Let extensible be ? IsExtensible(O).
        let extensible = self.is_extensible();
        // 3. Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
        self.validate_and_apply_property_descriptor(key, extensible, desc, current)
    }

    /// ValidateAndApplyPropertyDescriptor ( O, P, extensible, Desc, current ) —
    /// <https://tc39.es/ecma262/#sec-validateandapplypropertydescriptor>
    fn validate_and_apply_property_descriptor(
        &self,
        key: PropertyKey,
        extensible: bool,
        desc: PropertyDescriptor,
        current: Option<Property>,
    ) -> bool {
        // 2. If current is undefined, then
        let Some(current) = current else {
            // a. If extensible is false, return false.
            if !extensible {
                return false;
            }
            // c. If IsAccessorDescriptor(Desc) is true, then create an own
            //    accessor property; d. Else, create an own data property;
            //    absent fields get their default values.
            let attrs = Attributes {
                writable: desc.writable.unwrap_or(false),
                enumerable: desc.enumerable.unwrap_or(false),
                configurable: desc.configurable.unwrap_or(false),
            };
            let property = if desc.is_accessor() {
                Property::Accessor {
                    get: desc.get.flatten(),
                    set: desc.set.flatten(),
                    attrs,
                }
            } else {
                Property::Data {
                    value: desc.value.unwrap_or(Value::Undefined),
                    attrs,
                }
            };
            self.properties.insert(key, property);
            // e. Return true.
            return true;
        };
        // 3. Assert: current is a fully populated Property Descriptor.
        // 4. If Desc does not have any fields, return true.
        let cur_attrs = current.attrs();
        // 5. If current.[[Configurable]] is false, then
        if !cur_attrs.configurable {
            // a. If Desc has a [[Configurable]] field and Desc.[[Configurable]] is true, return false.
            if desc.configurable == Some(true) {
                return false;
            }
            // b. If Desc has an [[Enumerable]] field and it differs from current's, return false.
            if desc.enumerable.is_some_and(|e| e != cur_attrs.enumerable) {
                return false;
            }
            // c. If IsGenericDescriptor(Desc) is false and IsAccessorDescriptor(Desc)
            //    is not IsAccessorDescriptor(current), return false.
            let current_is_accessor = matches!(current, Property::Accessor { .. });
            if !desc.is_generic() && desc.is_accessor() != current_is_accessor {
                return false;
            }
            match &current {
                // d. If IsAccessorDescriptor(current) is true, then
                Property::Accessor { get, set, .. } => {
                    // i. If Desc has a [[Get]] field and SameValue(Desc.[[Get]], current.[[Get]]) is false, return false.
                    if desc.get.as_ref().is_some_and(|g| !same_object(g, get)) {
                        return false;
                    }
                    // ii. If Desc has a [[Set]] field and SameValue(Desc.[[Set]], current.[[Set]]) is false, return false.
                    if desc.set.as_ref().is_some_and(|s| !same_object(s, set)) {
                        return false;
                    }
                }
                // e. Else if current.[[Writable]] is false, then
                Property::Data { value, attrs } if !attrs.writable => {
                    // i. If Desc has a [[Writable]] field and Desc.[[Writable]] is true, return false.
                    if desc.writable == Some(true) {
                        return false;
                    }
                    // ii. If Desc has a [[Value]] field and SameValue(Desc.[[Value]], current.[[Value]]) is false, return false.
                    if desc.value.as_ref().is_some_and(|v| !v.same_value(value)) {
                        return false;
                    }
                }
                Property::Data { .. } => {}
            }
        }
        // 6. If O is not undefined, then
        let enumerable = desc.enumerable.unwrap_or(cur_attrs.enumerable);
        let configurable = desc.configurable.unwrap_or(cur_attrs.configurable);
        let updated = match current {
            // a. If IsDataDescriptor(current) is true and IsAccessorDescriptor(Desc)
            //    is true, replace with an accessor property, keeping
            //    [[Configurable]] and [[Enumerable]] unless Desc sets them.
            Property::Data { .. } if desc.is_accessor() => Property::Accessor {
                get: desc.get.flatten(),
                set: desc.set.flatten(),
                attrs: Attributes {
                    writable: false,
                    enumerable,
                    configurable,
                },
            },
            // b. Else if IsAccessorDescriptor(current) is true and
            //    IsDataDescriptor(Desc) is true, replace with a data property.
            Property::Accessor { .. } if desc.is_data() => Property::Data {
                value: desc.value.unwrap_or(Value::Undefined),
                attrs: Attributes {
                    writable: desc.writable.unwrap_or(false),
                    enumerable,
                    configurable,
                },
            },
            // c. Else, set each field of Desc on the property.
            Property::Data { value, attrs } => Property::Data {
                value: desc.value.unwrap_or(value),
                attrs: Attributes {
                    writable: desc.writable.unwrap_or(attrs.writable),
                    enumerable,
                    configurable,
                },
            },
            Property::Accessor { get, set, .. } => Property::Accessor {
                get: desc.get.unwrap_or(get),
                set: desc.set.unwrap_or(set),
                attrs: Attributes {
                    writable: false,
                    enumerable,
                    configurable,
                },
            },
        };
        self.properties.insert(key, updated);
        // 7. Return true.
        true
    }

    /// OrdinaryHasProperty ( O, P ) — <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
    pub fn has_property(&self, key: &PropertyKey) -> bool {
        // 1. Let hasOwn be ? O.[[GetOwnProperty]](P).
        // 2. If hasOwn is not undefined, return true.
        if self.properties.contains(key) {
            return true;
        }
        // 3. Let parent be ? O.[[GetPrototypeOf]]().
        // 4. If parent is not null, return ? parent.[[HasProperty]](P).
        // Deviation: iterative walk up the chain instead of recursion.
        let mut parent = self.get_prototype_of();
        while let Some(obj) = parent {
            if obj.properties.contains(key) {
                return true;
            }
            parent = obj.get_prototype_of();
        }
        // 5. Return false.
        false
    }

    /// OrdinaryDelete ( O, P ) — <https://tc39.es/ecma262/#sec-ordinarydelete>
    pub fn delete(&self, key: &PropertyKey) -> bool {
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        // 2. If desc is undefined, return true.
        let Some(desc) = self.get_own_property(key) else {
            return true;
        };
        // 3. If desc.[[Configurable]] is true, then
        if desc.configurable() {
            // a. Remove the own property with name P from O.
            self.properties.remove(key);
            // b. Return true.
            return true;
        }
        // 4. Return false.
        false
    }

    /// OrdinaryOwnPropertyKeys ( O ) — <https://tc39.es/ecma262/#sec-ordinaryownpropertykeys>
    pub fn own_property_keys(&self) -> Vec<PropertyKey> {
        let keys = self.properties.keys();
        // 2. For each own property key P of O such that P is an array index,
        //    in ascending numeric index order, add P.
        let mut indices: Vec<u32> = keys
            .iter()
            .filter_map(|k| match k {
                PropertyKey::Index(i) => Some(*i),
                _ => None,
            })
            .collect();
        indices.sort_unstable();
        let mut result: Vec<PropertyKey> = indices.into_iter().map(PropertyKey::Index).collect();
        // 3. For each own property key P of O such that P is a String and P is
        //    not an array index, in ascending chronological order of property
        //    creation, add P.
        result.extend(
            keys.iter()
                .filter(|k| matches!(k, PropertyKey::String(_)))
                .cloned(),
        );
        // 4. For each own property key P of O such that P is a Symbol, in
        //    ascending chronological order of property creation, add P.
        result.extend(
            keys.into_iter()
                .filter(|k| matches!(k, PropertyKey::Symbol(_))),
        );
        // 5. Return keys.
        result
    }
}

fn same_object(a: &Option<Gc<JsObject>>, b: &Option<Gc<JsObject>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Gc::ptr_eq(a, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests;

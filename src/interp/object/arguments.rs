//! Arguments exotic objects (ECMA-262 §10.4.4): a mapped arguments object
//! (a non-strict function with a simple parameter list) keeps a
//! [[ParameterMap]] from indices to the parameters' bindings, so that
//! `arguments[i]` and the i-th parameter are one value until the index is
//! deleted or redefined. vmjs's map names the environment slots of the
//! parameters (scope analysis keeps such parameters in the function's
//! environment); the object stores its index properties in the property
//! table (never dense), so every access takes the paths below.

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};

use super::{JsObject, ObjectKind, PropertyDescriptor, PropertyKey};
use crate::interp::environment::Env;
use crate::interp::value::Value;

/// [[ParameterMap]]: for each mapped index, the parameter's slot in `env`.
#[derive(Trace, Finalize)]
pub struct ParameterMap {
    env: Gc<Env>,
    #[unsafe_ignore_trace]
    slots: RefCell<Vec<Option<u32>>>,
}

impl ParameterMap {
    pub fn new(env: Gc<Env>, slots: Vec<Option<u32>>) -> ParameterMap {
        ParameterMap {
            env,
            slots: RefCell::new(slots),
        }
    }

    /// The slot of a mapped index (HasOwnProperty(map, P)).
    fn slot(&self, key: &PropertyKey) -> Option<u32> {
        match key {
            PropertyKey::Index(i) => self.slots.borrow().get(*i as usize).copied().flatten(),
            _ => None,
        }
    }

    /// Get(map, P): the parameter's current value (MakeArgGetter).
    pub fn get(&self, key: &PropertyKey) -> Option<Value> {
        let slot = self.slot(key)?;
        Some(self.env.get(slot).unwrap_or(Value::Undefined))
    }

    /// Set(map, P, V, false): writes the parameter (MakeArgSetter).
    fn set(&self, key: &PropertyKey, value: Value) {
        if let Some(slot) = self.slot(key) {
            self.env.set(slot, value);
        }
    }

    /// map.[[Delete]](P): the index no longer aliases its parameter.
    pub fn unmap(&self, key: &PropertyKey) {
        if let PropertyKey::Index(i) = key {
            if let Some(slot) = self.slots.borrow_mut().get_mut(*i as usize) {
                *slot = None;
            }
        }
    }
}

impl JsObject {
    /// The [[ParameterMap]] of a mapped arguments object.
    pub(super) fn parameter_map(&self) -> Option<&ParameterMap> {
        match &self.kind {
            ObjectKind::Arguments(Some(map)) => Some(map),
            _ => None,
        }
    }

    /// [[DefineOwnProperty]] ( P, Desc ) of an arguments exotic object —
    /// <https://tc39.es/ecma262/#sec-arguments-exotic-objects-defineownproperty-p-desc>
    pub(super) fn arguments_define_own_property(
        &self,
        map: &ParameterMap,
        key: PropertyKey,
        desc: PropertyDescriptor,
    ) -> bool {
        // 1–2. Let map be args.[[ParameterMap]]; isMapped be ! HasOwnProperty(map, P).
        let is_mapped = map.slot(&key).is_some();
        // 3. Let newArgDesc be Desc.
        let mut new_arg_desc = desc.clone();
        let is_data = desc.get.is_none() && desc.set.is_none();
        // 4. If isMapped is true and IsDataDescriptor(Desc) is true, then
        //    a. If Desc does not have a [[Value]] field, Desc has a [[Writable]]
        //       field, and Desc.[[Writable]] is false, then
        //       i–ii. Set newArgDesc to a copy of Desc with [[Value]] Get(map, P).
        if is_mapped && is_data && desc.value.is_none() && desc.writable == Some(false) {
            new_arg_desc.value = map.get(&key);
        }
        // 5. Let allowed be ! OrdinaryDefineOwnProperty(args, P, newArgDesc).
        // 6. If allowed is false, return false.
        if !self.ordinary_define_own_property(key.clone(), new_arg_desc) {
            return false;
        }
        // 7. If isMapped is true, then
        if is_mapped {
            // a. If IsAccessorDescriptor(Desc) is true: ! map.[[Delete]](P).
            if !is_data {
                map.unmap(&key);
            } else {
                // b. Else,
                //    i. If Desc has a [[Value]] field: Set(map, P, Desc.[[Value]], false).
                if let Some(value) = &desc.value {
                    map.set(&key, value.clone());
                }
                //    ii. If Desc has a [[Writable]] field and it is false: ! map.[[Delete]](P).
                if desc.writable == Some(false) {
                    map.unmap(&key);
                }
            }
        }
        // 8. Return true.
        true
    }
}

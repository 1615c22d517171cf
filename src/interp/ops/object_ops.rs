//! Operations on objects (ECMA-262 §7.3) and the [[Get]]/[[Set]] internal
//! methods, which may run accessors and so need the agent.

use gc::Gc;

use super::conversion::is_callable;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use crate::interp::proxy;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::namespace::deferred_namespace_access;

/// What SetIntegrityLevel / TestIntegrityLevel work towards.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IntegrityLevel {
    Sealed,
    Frozen,
}

/// Which parts of each property EnumerableOwnProperties returns.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum EnumerableKind {
    Keys,
    Values,
    Entries,
}

impl Agent {
    /// Get ( O, P ) — <https://tc39.es/ecma262/#sec-get-o-p>
    pub fn get(&mut self, o: &Gc<JsObject>, key: &PropertyKey) -> JsResult<Value> {
        if let PropertyKey::Index(i) = key {
            if let Some(v) = o.fast_element(*i) {
                return Ok(v);
            }
        }
        self.get_with_receiver(o, key, &Value::Object(o.clone()))
    }

    /// [[Get]] ( P, Receiver ) — OrdinaryGet —
    /// <https://tc39.es/ecma262/#sec-ordinaryget>
    pub fn get_with_receiver(
        &mut self,
        o: &Gc<JsObject>,
        key: &PropertyKey,
        receiver: &Value,
    ) -> JsResult<Value> {
        // Deviation: the walk up the prototype chain (step 2.b's recursion
        // into parent.[[Get]]) is a loop.
        let mut obj = o.clone();
        loop {
            // TypedArray [[Get]] step 1.b: a numeric key is the element or undefined.
            if let Some(v) = obj.integer_indexed_get(key) {
                return Ok(v);
            }
            match &obj.kind {
                // Module namespace [[Get]] step 10: a binding in its TDZ throws.
                ObjectKind::Other(data) => {
                    if data.is_deferred_namespace() {
                        let ns = obj.clone();
                        deferred_namespace_access(self, &ns, Some(key), "[[Get]]")?;
                    }
                    if let Some(None) = data.live_value(key) {
                        let name = key_display(key);
                        return Err(self.reference_error(format!(
                            "Cannot access '{name}' before initialization"
                        )));
                    }
                }
                // A proxy's own [[Get]] (also when reached as a parent).
                ObjectKind::Proxy(_) => return proxy::proxy_get(self, &obj, key, receiver),
                // An error's `stack` gets its header on first read.
                ObjectKind::Error(_) => self.materialize_stack(&obj, key)?,
                _ => {}
            }
            // 1. Let desc be ? O.[[GetOwnProperty]](P).
            match obj.get_own_property(key) {
                // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
                Some(Property::Data { value, .. }) => return Ok(value),
                // 4–6. Let getter be desc.[[Get]]; if undefined, return
                //      undefined; return ? Call(getter, Receiver).
                Some(Property::Accessor(a)) => {
                    return match a.get {
                        Some(getter) => self.call(&Value::Object(getter), receiver, &[]),
                        None => Ok(Value::Undefined),
                    }
                }
                // 2. If desc is undefined, then
                None => match obj.get_prototype_of() {
                    // b. Return ? parent.[[Get]](P, Receiver).
                    Some(parent) => obj = parent,
                    // a. If parent is null, return undefined.
                    None => return Ok(Value::Undefined),
                },
            }
        }
    }

    /// GetV ( V, P ) — <https://tc39.es/ecma262/#sec-getv>
    pub fn get_v(&mut self, v: &Value, key: &PropertyKey) -> JsResult<Value> {
        match v {
            Value::Object(o) => self.get(o, key),
            Value::String(s) => {
                // The String exotic object's own properties, without
                // allocating the wrapper.
                match key {
                    PropertyKey::Index(i) => {
                        if let Some(&unit) = s.units().get(*i as usize) {
                            return Ok(Value::String(JsStr::from_units(vec![unit])));
                        }
                    }
                    PropertyKey::String(name) if name.units() == [108, 101, 110, 103, 116, 104] => {
                        return Ok(Value::Number(s.len() as f64))
                    }
                    _ => {}
                }
                let proto = self.intrinsics().string_prototype.clone();
                self.get_with_receiver(&proto, key, v)
            }
            Value::Undefined | Value::Null => {
                let key = key_display(key);
                let what = if v.is_undefined() {
                    "undefined"
                } else {
                    "null"
                };
                self.throw_type_error(format!(
                    "Cannot read properties of {what} (reading '{key}')"
                ))
            }
            _ => {
                let proto = self.primitive_prototype(v);
                self.get_with_receiver(&proto, key, v)
            }
        }
    }

    /// The prototype ToObject would give a primitive.
    pub fn primitive_prototype(&self, v: &Value) -> Gc<JsObject> {
        let i = self.intrinsics();
        match v {
            Value::Bool(_) => i.boolean_prototype.clone(),
            Value::Number(_) => i.number_prototype.clone(),
            Value::String(_) => i.string_prototype.clone(),
            Value::Symbol(_) => i.symbol_prototype.clone(),
            Value::BigInt(_) => i.bigint_prototype.clone(),
            _ => i.object_prototype.clone(),
        }
    }

    /// [[Set]] ( P, V, Receiver ) with Receiver = O: OrdinarySet —
    /// <https://tc39.es/ecma262/#sec-ordinaryset>
    pub fn set_property(
        &mut self,
        o: &Gc<JsObject>,
        key: &PropertyKey,
        v: Value,
    ) -> JsResult<bool> {
        if let PropertyKey::Index(i) = key {
            if o.fast_set_element(*i, v.clone()) {
                return Ok(true);
            }
        }
        self.set_with_receiver(o, key, v, &Value::Object(o.clone()))
    }

    /// OrdinarySet ( O, P, V, Receiver ) and OrdinarySetWithOwnDescriptor —
    /// <https://tc39.es/ecma262/#sec-ordinarysetwithowndescriptor>
    pub fn set_with_receiver(
        &mut self,
        o: &Gc<JsObject>,
        key: &PropertyKey,
        v: Value,
        receiver: &Value,
    ) -> JsResult<bool> {
        // Module namespace [[Set]]: return false.
        if let ObjectKind::Other(data) = &o.kind {
            if data.rejects_set() {
                return Ok(false);
            }
        }
        // OrdinarySet 1. Let ownDesc be ? O.[[GetOwnProperty]](P).
        // SetWithOwnDescriptor 2. If ownDesc is undefined, then look in the
        // parent (a loop here), or use a fresh writable data descriptor.
        let mut obj = o.clone();
        let own_desc = loop {
            // TypedArray [[Set]] ( P, V, Receiver ) step 1.b —
            // <https://tc39.es/ecma262/#sec-typedarray-set>
            if let Some((index, valid)) = obj.integer_indexed_key(key) {
                // i. If SameValue(O, Receiver) is true, then
                if matches!(receiver, Value::Object(r) if Gc::ptr_eq(r, &obj)) {
                    // 1. Perform ? TypedArraySetElement(O, numericIndex, V).
                    let content = obj.integer_indexed_content_type();
                    let n = self.to_content_type(content, &v)?;
                    obj.integer_indexed_set(index, &n);
                    // 2. Return true.
                    return Ok(true);
                }
                // ii. If IsValidIntegerIndex(O, numericIndex) is false, return true.
                if !valid {
                    return Ok(true);
                }
            }
            // A proxy's own [[Set]] (also when reached as a parent).
            if obj.is_proxy() {
                return proxy::proxy_set(self, &obj, key, v, receiver);
            }
            if let Some(p) = obj.get_own_property(key) {
                break p;
            }
            match obj.get_prototype_of() {
                Some(parent) => obj = parent,
                None => {
                    break Property::Data {
                        value: Value::Undefined,
                        attrs: Attributes::ALL,
                    }
                }
            }
        };
        match own_desc {
            // 3. If IsDataDescriptor(ownDesc) is true, then
            Property::Data { attrs, .. } => {
                // a. If ownDesc.[[Writable]] is false, return false.
                if !attrs.writable {
                    return Ok(false);
                }
                // b. If Receiver is not an Object, return false.
                let Value::Object(receiver) = receiver else {
                    return Ok(false);
                };
                // c. Let existingDescriptor be ? Receiver.[[GetOwnProperty]](P)
                //    (a module namespace's throws for a binding in its TDZ).
                match self.get_own_property(receiver, key)? {
                    // d. If existingDescriptor is not undefined, then
                    Some(existing) => {
                        // i. If IsAccessorDescriptor(existingDescriptor) is true, return false.
                        // ii. If existingDescriptor.[[Writable]] is false, return false.
                        match existing {
                            Property::Accessor { .. } => Ok(false),
                            Property::Data { attrs, .. } if !attrs.writable => Ok(false),
                            // iii. Let valueDesc be the PropertyDescriptor { [[Value]]: V }.
                            // iv. Return ? Receiver.[[DefineOwnProperty]](P, valueDesc).
                            Property::Data { .. } => self.define_own_property(
                                receiver,
                                key.clone(),
                                PropertyDescriptor {
                                    value: Some(v),
                                    ..Default::default()
                                },
                            ),
                        }
                    }
                    // e. Else, return ? CreateDataProperty(Receiver, P, V).
                    None => self.create_data_property(receiver, key.clone(), v),
                }
            }
            // 4–7. Let setter be ownDesc.[[Set]]; if undefined, return false;
            //      perform ? Call(setter, Receiver, « V »); return true.
            Property::Accessor(a) => match a.set {
                Some(setter) => {
                    self.call(&Value::Object(setter), receiver, &[v])?;
                    Ok(true)
                }
                None => Ok(false),
            },
        }
    }

    /// Set ( O, P, V, true ) — <https://tc39.es/ecma262/#sec-set-o-p-v-throw>
    pub fn set_or_throw(&mut self, o: &Gc<JsObject>, key: &PropertyKey, v: Value) -> JsResult<()> {
        if self.set_property(o, key, v)? {
            Ok(())
        } else if o.is_proxy() {
            self.throw_proxy_falsish("set", Some(key))
        } else {
            let key = key_display(key);
            self.throw_type_error(format!(
                "Cannot assign to read only property '{key}' of object"
            ))
        }
    }

    /// The TypeError of Object.setPrototypeOf and `__proto__` when
    /// [[SetPrototypeOf]] returned false, worded as V8 does.
    pub fn throw_set_prototype_failed<T>(&mut self, o: &Gc<JsObject>) -> JsResult<T> {
        if o.is_proxy() {
            // V8 names the (absent) property in this one.
            return self.throw_type_error(
                "'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'",
            );
        }
        if !o.is_extensible() {
            let label = self.object_label(o);
            return self.throw_type_error(format!("{label} is not extensible"));
        }
        self.throw_type_error("Cyclic __proto__ value")
    }

    /// V8's TypeError when a proxy's trap reported failure to an operation
    /// that throws on failure (`'set' on proxy: trap returned falsish for
    /// property 'x'`).
    /// Deviation: V8 words the error this way only when the trap itself
    /// returned false; a proxy without the trap that forwards a refusal of
    /// its target gets this wording here too.
    pub fn throw_proxy_falsish<T>(&mut self, trap: &str, key: Option<&PropertyKey>) -> JsResult<T> {
        match key {
            Some(key) => {
                let key = key_display(key);
                self.throw_type_error(format!(
                    "'{trap}' on proxy: trap returned falsish for property '{key}'"
                ))
            }
            None => self.throw_type_error(format!("'{trap}' on proxy: trap returned falsish")),
        }
    }

    /// [[DefineOwnProperty]] with the conversions ArraySetLength does
    /// before it can fail (steps 3–5: ToUint32, ToNumber, RangeError).
    pub fn define_own_property(
        &mut self,
        o: &Gc<JsObject>,
        key: PropertyKey,
        mut desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        match &o.kind {
            ObjectKind::Proxy(_) => return proxy::proxy_define_own_property(self, o, key, desc),
            // Deferred namespace [[DefineOwnProperty]] step 2: [[GetOwnProperty]]
            // evaluates the module.
            ObjectKind::Other(data) if data.is_deferred_namespace() => {
                deferred_namespace_access(self, o, Some(&key), "[[DefineOwnProperty]]")?;
            }
            _ => {}
        }
        if let (ObjectKind::Array(_), PropertyKey::String(s), Some(value)) =
            (&o.kind, &key, &desc.value)
        {
            if s.units() == [108, 101, 110, 103, 116, 104] {
                let value = value.clone();
                // 3. Let newLen be ? ToUint32(Desc.[[Value]]).
                let new_len = self.to_uint32(&value)?;
                // 4. Let numberLen be ? ToNumber(Desc.[[Value]]).
                let number_len = self.to_number(&value)?;
                // 5. If SameValueZero(newLen, numberLen) is false, throw a RangeError exception.
                if f64::from(new_len) != number_len {
                    return self.throw_range_error("Invalid array length");
                }
                desc.value = Some(Value::Number(f64::from(new_len)));
            }
        }
        // TypedArray [[DefineOwnProperty]] step 1.b.vi: TypedArraySetElement
        // converts the value (after the descriptor checks of steps i–v).
        if let Some(value) = &desc.value {
            if let Some((index, _)) = o.integer_indexed_key(&key) {
                if !o.integer_indexed_accepts(&key, &desc) {
                    return Ok(false);
                }
                let value = value.clone();
                let n = self.to_content_type(o.integer_indexed_content_type(), &value)?;
                o.integer_indexed_set(index, &n);
                return Ok(true);
            }
        }
        Ok(o.define_own_property(key, desc))
    }

    /// CreateDataProperty ( O, P, V ) — <https://tc39.es/ecma262/#sec-createdataproperty>
    pub fn create_data_property(
        &mut self,
        o: &Gc<JsObject>,
        key: PropertyKey,
        v: Value,
    ) -> JsResult<bool> {
        // 1. Let newDesc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
        //    [[Enumerable]]: true, [[Configurable]]: true }.
        // 2. Return ? O.[[DefineOwnProperty]](P, newDesc).
        self.define_own_property(o, key, PropertyDescriptor::data(v, Attributes::ALL))
    }

    /// CreateDataPropertyOrThrow ( O, P, V ) — <https://tc39.es/ecma262/#sec-createdatapropertyorthrow>
    pub fn create_data_property_or_throw(
        &mut self,
        o: &Gc<JsObject>,
        key: PropertyKey,
        v: Value,
    ) -> JsResult<()> {
        if self.create_data_property(o, key.clone(), v)? {
            Ok(())
        } else {
            let key = key_display(&key);
            self.throw_type_error(format!(
                "Cannot add property {key}, object is not extensible"
            ))
        }
    }

    /// DefinePropertyOrThrow ( O, P, desc ) — <https://tc39.es/ecma262/#sec-definepropertyorthrow>
    pub fn define_property_or_throw(
        &mut self,
        o: &Gc<JsObject>,
        key: PropertyKey,
        desc: PropertyDescriptor,
    ) -> JsResult<()> {
        if self.define_own_property(o, key.clone(), desc)? {
            Ok(())
        } else if o.is_proxy() {
            self.throw_proxy_falsish("defineProperty", Some(&key))
        } else {
            let key = key_display(&key);
            self.throw_type_error(format!("Cannot redefine property: {key}"))
        }
    }

    /// DeletePropertyOrThrow ( O, P ) — <https://tc39.es/ecma262/#sec-deletepropertyorthrow>
    pub fn delete_property_or_throw(
        &mut self,
        o: &Gc<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<()> {
        if self.delete(o, key)? {
            Ok(())
        } else if o.is_proxy() {
            self.throw_proxy_falsish("deleteProperty", Some(key))
        } else {
            let key = key_display(key);
            self.throw_type_error(format!(
                "Cannot delete property '{key}' of {}",
                self.object_label(o)
            ))
        }
    }

    /// HasProperty ( O, P ) — <https://tc39.es/ecma262/#sec-hasproperty>
    pub fn has_property(&mut self, o: &Gc<JsObject>, key: &PropertyKey) -> JsResult<bool> {
        // 1. Return ? O.[[HasProperty]](P): OrdinaryHasProperty until the walk
        //    up the prototype chain reaches a proxy.
        let mut obj = o.clone();
        loop {
            match &obj.kind {
                ObjectKind::Proxy(_) => return proxy::proxy_has_property(self, &obj, key),
                ObjectKind::Other(data) if data.is_deferred_namespace() => {
                    let ns = obj.clone();
                    deferred_namespace_access(self, &ns, Some(key), "[[HasProperty]]")?;
                }
                _ => {}
            }
            if let Some(result) = obj.integer_indexed_has_property(key) {
                return Ok(result);
            }
            // OrdinaryHasProperty 1–2. If O has an own property P, return true.
            if obj.has_own_property(key) {
                return Ok(true);
            }
            // 3–4. Let parent be ? O.[[GetPrototypeOf]](); if not null,
            //      return ? parent.[[HasProperty]](P).
            // Deviation: iterative walk up the chain instead of recursion.
            match obj.get_prototype_of() {
                Some(parent) => obj = parent,
                // 5. Return false.
                None => return Ok(false),
            }
        }
    }

    /// HasOwnProperty ( O, P ) — <https://tc39.es/ecma262/#sec-hasownproperty>
    pub fn has_own_property(&mut self, o: &Gc<JsObject>, key: &PropertyKey) -> JsResult<bool> {
        Ok(self.get_own_property(o, key)?.is_some())
    }

    /// O.[[GetOwnProperty]](P), with the abrupt completion of a module
    /// namespace object's binding in its TDZ (§10.4.6.5 step 4: `? O.[[Get]]`).
    pub fn get_own_property(
        &mut self,
        o: &Gc<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<Option<Property>> {
        match &o.kind {
            ObjectKind::Other(data) => {
                if data.is_deferred_namespace() {
                    deferred_namespace_access(self, o, Some(key), "[[GetOwnProperty]]")?;
                }
                if let Some(None) = data.live_value(key) {
                    let name = key_display(key);
                    return Err(self
                        .reference_error(format!("Cannot access '{name}' before initialization")));
                }
            }
            ObjectKind::Proxy(_) => return proxy::proxy_get_own_property(self, o, key),
            ObjectKind::Error(_) => self.materialize_stack(o, key)?,
            _ => {}
        }
        Ok(o.get_own_property(key))
    }

    /// GetMethod ( V, P ) — <https://tc39.es/ecma262/#sec-getmethod>
    pub fn get_method(&mut self, v: &Value, key: &PropertyKey) -> JsResult<Option<Value>> {
        // 1. Let func be ? GetV(V, P).
        let func = self.get_v(v, key)?;
        // 2. If func is either undefined or null, return undefined.
        if matches!(func, Value::Undefined | Value::Null) {
            return Ok(None);
        }
        // 3. If IsCallable(func) is false, throw a TypeError exception.
        if !is_callable(&func) {
            let key = key_display(key);
            return self.throw_type_error(format!("{key} is not a function"));
        }
        // 4. Return func.
        Ok(Some(func))
    }

    /// Invoke ( V, P [ , argumentsList ] ) — <https://tc39.es/ecma262/#sec-invoke>
    pub fn invoke(&mut self, v: &Value, key: &PropertyKey, args: &[Value]) -> JsResult<Value> {
        let func = self.get_v(v, key)?;
        if !is_callable(&func) {
            let key = key_display(key);
            return self.throw_type_error(format!("{key} is not a function"));
        }
        self.call(&func, v, args)
    }

    /// LengthOfArrayLike ( obj ) — <https://tc39.es/ecma262/#sec-lengthofarraylike>
    pub fn length_of_array_like(&mut self, o: &Gc<JsObject>) -> JsResult<f64> {
        if let Some(len) = o.array_length() {
            return Ok(f64::from(len));
        }
        let len = self.get(o, &PropertyKey::from("length"))?;
        self.to_length(&len)
    }

    /// CreateArrayFromList ( elements ) — <https://tc39.es/ecma262/#sec-createarrayfromlist>
    pub fn create_array_from_list(&mut self, values: Vec<Value>) -> Gc<JsObject> {
        JsObject::array_from_values(values, Some(self.intrinsics().array_prototype.clone()))
    }

    /// CreateListFromArrayLike ( obj ) — <https://tc39.es/ecma262/#sec-createlistfromarraylike>
    pub fn create_list_from_array_like(&mut self, v: &Value) -> JsResult<Vec<Value>> {
        // 2. If obj is not an Object, throw a TypeError exception.
        let Value::Object(o) = v else {
            return self.throw_type_error("CreateListFromArrayLike called on non-object");
        };
        // 3. Let len be ? LengthOfArrayLike(obj).
        let len = self.length_of_array_like(o)?;
        if len > 100_000_000.0 {
            return self
                .throw_range_error("Too many arguments in function call (only 65535 allowed)");
        }
        // 4–6. Get each index in turn.
        let mut list = Vec::with_capacity(len as usize);
        for i in 0..len as u32 {
            list.push(self.get(o, &PropertyKey::Index(i))?);
        }
        Ok(list)
    }

    /// EnumerableOwnProperties ( O, kind ) — <https://tc39.es/ecma262/#sec-enumerableownproperties>
    pub fn enumerable_own_properties(
        &mut self,
        o: &Gc<JsObject>,
        kind: EnumerableKind,
    ) -> JsResult<Vec<Value>> {
        if kind == EnumerableKind::Keys {
            // The keys of an object without exotic keys, read in one pass
            // over its storage: what steps 1–3 find, as no step can run code.
            if let Some(keys) = o.plain_enumerable_string_keys() {
                return Ok(keys.into_iter().map(|k| k.to_value()).collect());
            }
        }
        // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
        let keys = self.own_property_keys(o)?;
        // 2. Let results be a new empty List.
        let mut results = Vec::new();
        // 3. For each element key of ownKeys, do
        for key in keys {
            // a. If key is a String, then
            if let PropertyKey::Symbol(_) = key {
                continue;
            }
            // i. Let desc be ? O.[[GetOwnProperty]](key).
            // ii. If desc is not undefined and desc.[[Enumerable]] is true, then
            let Some(desc) = self.get_own_property(o, &key)? else {
                continue;
            };
            if !desc.enumerable() {
                continue;
            }
            match kind {
                // 1. If kind is key, append key to results.
                EnumerableKind::Keys => results.push(key.to_value()),
                _ => {
                    // a. Let value be ? Get(O, key).
                    let value = self.get(o, &key)?;
                    if kind == EnumerableKind::Values {
                        // b. If kind is value, append value to results.
                        results.push(value);
                    } else {
                        // c.i. Let entry be CreateArrayFromList(« key, value »).
                        let entry = self.create_array_from_list(vec![key.to_value(), value]);
                        results.push(Value::Object(entry));
                    }
                }
            }
        }
        // 4. Return results.
        Ok(results)
    }

    /// SetIntegrityLevel ( O, level ) — <https://tc39.es/ecma262/#sec-setintegritylevel>
    pub fn set_integrity_level(
        &mut self,
        o: &Gc<JsObject>,
        level: IntegrityLevel,
    ) -> JsResult<bool> {
        // 3. Let status be ? O.[[PreventExtensions]]().
        // 4. If status is false, return false.
        if !self.prevent_extensions(o)? {
            return Ok(false);
        }
        // 5. Let keys be ? O.[[OwnPropertyKeys]]().
        let keys = self.own_property_keys(o)?;
        for key in keys {
            let desc = match level {
                // 6. If level is sealed, then for each key: { [[Configurable]]: false }.
                IntegrityLevel::Sealed => PropertyDescriptor {
                    configurable: Some(false),
                    ..Default::default()
                },
                // 7. Else: accessor → { [[Configurable]]: false }, data → also [[Writable]]: false.
                IntegrityLevel::Frozen => match self.get_own_property(o, &key)? {
                    Some(Property::Accessor { .. }) => PropertyDescriptor {
                        configurable: Some(false),
                        ..Default::default()
                    },
                    Some(Property::Data { .. }) => PropertyDescriptor {
                        configurable: Some(false),
                        writable: Some(false),
                        ..Default::default()
                    },
                    None => continue,
                },
            };
            self.define_property_or_throw(o, key, desc)?;
        }
        // 8. Return true.
        Ok(true)
    }

    /// TestIntegrityLevel ( O, level ) — <https://tc39.es/ecma262/#sec-testintegritylevel>
    pub fn test_integrity_level(
        &mut self,
        o: &Gc<JsObject>,
        level: IntegrityLevel,
    ) -> JsResult<bool> {
        // 2–3. If IsExtensible(O) is true, return false.
        if self.is_extensible(o)? {
            return Ok(false);
        }
        // 4–5. For each key: a non-configurable property; frozen: no writable data.
        for key in self.own_property_keys(o)? {
            if let Some(p) = self.get_own_property(o, &key)? {
                if p.configurable() {
                    return Ok(false);
                }
                if level == IntegrityLevel::Frozen {
                    if let Property::Data { attrs, .. } = p {
                        if attrs.writable {
                            return Ok(false);
                        }
                    }
                }
            }
        }
        Ok(true)
    }

    /// FromPropertyDescriptor ( Desc ) — <https://tc39.es/ecma262/#sec-frompropertydescriptor>
    pub fn from_property_descriptor(
        &mut self,
        desc: Option<PropertyDescriptor>,
    ) -> JsResult<Value> {
        let Some(desc) = desc else {
            return Ok(Value::Undefined);
        };
        let obj = JsObject::ordinary_create(Some(self.intrinsics().object_prototype.clone()));
        let fn_value = |f: Option<Gc<JsObject>>| f.map(Value::Object).unwrap_or(Value::Undefined);
        if let Some(v) = desc.value {
            self.create_data_property_or_throw(&obj, "value".into(), v)?;
        }
        if let Some(w) = desc.writable {
            self.create_data_property_or_throw(&obj, "writable".into(), Value::Bool(w))?;
        }
        if let Some(g) = desc.get {
            self.create_data_property_or_throw(&obj, "get".into(), fn_value(g))?;
        }
        if let Some(s) = desc.set {
            self.create_data_property_or_throw(&obj, "set".into(), fn_value(s))?;
        }
        if let Some(e) = desc.enumerable {
            self.create_data_property_or_throw(&obj, "enumerable".into(), Value::Bool(e))?;
        }
        if let Some(c) = desc.configurable {
            self.create_data_property_or_throw(&obj, "configurable".into(), Value::Bool(c))?;
        }
        Ok(Value::Object(obj))
    }

    /// ToPropertyDescriptor ( Obj ) — <https://tc39.es/ecma262/#sec-topropertydescriptor>
    pub fn to_property_descriptor(&mut self, v: &Value) -> JsResult<PropertyDescriptor> {
        // 1. If Obj is not an Object, throw a TypeError exception.
        let Value::Object(o) = v else {
            let shown = self.to_display_string(v);
            return self
                .throw_type_error(format!("Property description must be an object: {shown}"));
        };
        let mut desc = PropertyDescriptor::default();
        let flag = |agent: &mut Agent, name: &str| -> JsResult<Option<bool>> {
            let key = PropertyKey::from(name);
            if agent.has_property(o, &key)? {
                let v = agent.get(o, &key)?;
                Ok(Some(super::conversion::to_boolean(&v)))
            } else {
                Ok(None)
            }
        };
        desc.enumerable = flag(self, "enumerable")?;
        desc.configurable = flag(self, "configurable")?;
        if self.has_property(o, &PropertyKey::from("value"))? {
            desc.value = Some(self.get(o, &PropertyKey::from("value"))?);
        }
        desc.writable = flag(self, "writable")?;
        for (name, slot) in [("get", 0), ("set", 1)] {
            let key = PropertyKey::from(name);
            if !self.has_property(o, &key)? {
                continue;
            }
            let f = self.get(o, &key)?;
            let f = match f {
                Value::Undefined => None,
                Value::Object(ref fo) if fo.is_callable() => Some(fo.clone()),
                other => {
                    let shown = self.to_display_string(&other);
                    return self.throw_type_error(format!(
                        "{} must be a function: {shown}",
                        if slot == 0 { "Getter" } else { "Setter" }
                    ));
                }
            };
            if slot == 0 {
                desc.get = Some(f);
            } else {
                desc.set = Some(f);
            }
        }
        // If Desc has [[Get]] or [[Set]] and also [[Value]] or [[Writable]], throw.
        if desc.is_accessor() && desc.is_data() {
            return self.throw_type_error(
                "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
            );
        }
        Ok(desc)
    }

    /// A short label for error messages (`#<Object>`, `[object Array]`).
    pub fn object_label(&self, o: &Gc<JsObject>) -> String {
        match &o.kind {
            ObjectKind::Array(_) => "[object Array]".into(),
            ObjectKind::Other(data) if data.class_name() == "Module" => "[object Module]".into(),
            _ => "#<Object>".into(),
        }
    }

    /// A string for error messages that never runs JavaScript code.
    pub fn to_display_string(&self, v: &Value) -> String {
        match v {
            Value::String(s) => s.to_rust_string(),
            Value::Symbol(s) => format!(
                "Symbol({})",
                s.description
                    .as_ref()
                    .map(|d| d.to_rust_string())
                    .unwrap_or_default()
            ),
            Value::Object(o) if o.is_callable() => "function".into(),
            Value::Object(o) => self.object_label(o),
            Value::Number(n) => crate::interp::number::number_to_string(*n),
            Value::BigInt(b) => b.to_string_radix(10),
            Value::Bool(b) => b.to_string(),
            Value::Undefined => "undefined".into(),
            Value::Null => "null".into(),
        }
    }
}

/// A property key as error messages show it.
pub fn key_display(key: &PropertyKey) -> String {
    match key {
        PropertyKey::Index(i) => i.to_string(),
        PropertyKey::String(s) => s.to_rust_string(),
        PropertyKey::Symbol(s) => format!(
            "Symbol({})",
            s.description
                .as_ref()
                .map(|d| d.to_rust_string())
                .unwrap_or_default()
        ),
    }
}

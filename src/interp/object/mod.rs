//! Objects and their essential internal methods that do not run
//! JavaScript code (ECMA-262 §10.1 Ordinary Object Internal Methods, and
//! the parts of §10.4's array and string exotic objects that change them).
//! `[[Get]]` and `[[Set]]`, which may call accessors, live with the evaluator.
//!
//! Array-index properties with default attributes are stored densely in
//! `elements` (holes are `None`) as long as the object keeps to that shape;
//! anything else (a non-default attribute, an accessor, a far-away index)
//! moves every index property into the property table for good.

mod arguments;
mod elements;
mod integer_indexed;
mod kind;
mod validate;

pub(crate) use validate::validate_and_apply_property_descriptor;

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

pub use arguments::ParameterMap;
pub use integer_indexed::canonical_numeric_index_string;
pub use kind::{ArrayData, ContentType, IntegerIndexed, ObjectData, ObjectKind, ProxyData};

use super::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use super::property_table::PropertyTable;
use super::shape::{bump_prototype_epoch, prototype_epoch};
use super::slots::{Slot, Slots};
use super::string::JsStr;
use super::value::Value;
use crate::syntax::ast::PropertyCache;

#[derive(Trace, Finalize)]
pub struct JsObject {
    /// `[[Prototype]]`
    prototype: Slot<Option<Gc<JsObject>>>,
    /// `[[Extensible]]`
    #[unsafe_ignore_trace]
    extensible: Cell<bool>,
    properties: PropertyTable,
    /// Dense array-index properties (writable, enumerable, configurable).
    elements: Slots<Option<Value>>,
    /// False once index properties have moved to `properties`.
    #[unsafe_ignore_trace]
    dense: Cell<bool>,
    pub kind: ObjectKind,
}

/// How far up the prototype chain an inline cache follows a property.
const MAX_CACHED_DEPTH: u8 = 4;

/// An object's address, for comparing identities an inline cache recorded
/// (never turned back into a pointer).
fn object_address(o: &Gc<JsObject>) -> usize {
    let object: &JsObject = o;
    object as *const JsObject as usize
}

/// A [[Prototype]]'s address (0 for null), as `object_address`.
fn prototype_address(p: &Option<Gc<JsObject>>) -> usize {
    p.as_ref().map_or(0, object_address)
}

impl JsObject {
    /// OrdinaryObjectCreate ( proto ) without additional internal slots —
    /// <https://tc39.es/ecma262/#sec-ordinaryobjectcreate>
    pub fn ordinary_create(prototype: Option<Gc<JsObject>>) -> Gc<JsObject> {
        JsObject::with_kind(prototype, ObjectKind::Ordinary)
    }

    /// An object with the internal slots of `kind` (MakeBasicObject plus
    /// the slots the kind brings).
    pub fn with_kind(prototype: Option<Gc<JsObject>>, kind: ObjectKind) -> Gc<JsObject> {
        JsObject::with_kind_and_room(prototype, kind, 0)
    }

    /// An object of `kind` with room for `room` own properties.
    pub fn with_kind_and_room(
        prototype: Option<Gc<JsObject>>,
        kind: ObjectKind,
        room: usize,
    ) -> Gc<JsObject> {
        if let Some(p) = &prototype {
            p.properties.watch();
        }
        Gc::new(JsObject {
            prototype: Slot::new(prototype),
            extensible: Cell::new(true),
            properties: PropertyTable::with_room(room),
            elements: Slots::new(),
            dense: Cell::new(true),
            kind,
        })
    }

    /// The number of own (named) properties.
    pub fn own_property_count(&self) -> usize {
        self.properties.len()
    }

    /// ArrayCreate ( length, proto ) for a length already known to be valid —
    /// <https://tc39.es/ecma262/#sec-arraycreate>
    pub fn array_create(length: u32, prototype: Option<Gc<JsObject>>) -> Gc<JsObject> {
        JsObject::array_create_with_room(length, prototype, 0)
    }

    /// ArrayCreate with room for `room` named properties besides `length`.
    fn array_create_with_room(
        length: u32,
        prototype: Option<Gc<JsObject>>,
        room: usize,
    ) -> Gc<JsObject> {
        JsObject::with_kind_and_room(
            prototype,
            ObjectKind::Array(ArrayData {
                length: Cell::new(length),
                length_writable: Cell::new(true),
            }),
            room,
        )
    }

    /// An array holding `values` at indices 0.. (CreateArrayFromList).
    pub fn array_from_values(values: Vec<Value>, prototype: Option<Gc<JsObject>>) -> Gc<JsObject> {
        JsObject::array_from_values_with_room(values, prototype, 0)
    }

    /// An array holding `values` at indices 0.., with room for `room` named
    /// properties that its maker is about to add (a match array's `index`,
    /// `input` and `groups`).
    pub fn array_from_values_with_room(
        values: Vec<Value>,
        prototype: Option<Gc<JsObject>>,
        room: usize,
    ) -> Gc<JsObject> {
        let len = values.len() as u32;
        let array = JsObject::array_create_with_room(len, prototype, room);
        array.elements.fill(values.into_iter().map(Some).collect());
        array
    }

    /// The built-in data of a given family, if this object has it.
    /// The object a context's global forwards to (see
    /// [`ObjectData::forward_target`]).
    pub fn forward_target(&self) -> Option<Gc<JsObject>> {
        match &self.kind {
            ObjectKind::Other(data) => data.forward_target(),
            _ => None,
        }
    }

    pub fn data<T: ObjectData>(&self) -> Option<&T> {
        match &self.kind {
            ObjectKind::Other(data) => data.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }

    pub fn is_array(&self) -> bool {
        matches!(self.kind, ObjectKind::Array(_))
    }

    /// Whether this object has a [[Call]] internal method (functions and
    /// proxies of callable targets).
    pub fn is_callable(&self) -> bool {
        match &self.kind {
            ObjectKind::Function(_) => true,
            ObjectKind::Proxy(p) => p.callable,
            _ => false,
        }
    }

    /// The slots of a Proxy exotic object.
    pub fn proxy_data(&self) -> Option<&ProxyData> {
        match &self.kind {
            ObjectKind::Proxy(p) => Some(p),
            _ => None,
        }
    }

    /// Whether this is a Proxy exotic object, whose internal methods run
    /// JavaScript code (see `Agent`'s internal-method dispatch).
    pub fn is_proxy(&self) -> bool {
        matches!(self.kind, ObjectKind::Proxy(_))
    }

    /// ProxyCreate's object: no own storage of its own, and not extensible,
    /// so that the ordinary methods (which never see a proxy in correct
    /// code) cannot store anything on it.
    pub fn proxy_create_object(data: ProxyData) -> Gc<JsObject> {
        let o = JsObject::with_kind(None, ObjectKind::Proxy(data));
        o.extensible.set(false);
        o
    }

    /// The array `length` of an array exotic object.
    pub fn array_length(&self) -> Option<u32> {
        match &self.kind {
            ObjectKind::Array(a) => Some(a.length.get()),
            _ => None,
        }
    }

    /// The array `length` of an array exotic object whose `length` is writable.
    pub fn writable_array_length(&self) -> Option<u32> {
        match &self.kind {
            ObjectKind::Array(a) if a.length_writable.get() => Some(a.length.get()),
            _ => None,
        }
    }

    /// Whether every own key of the object is in its element or property
    /// storage with the attributes stored there: its kind adds no keys of
    /// its own (as arrays add `length`, String objects their indices) and
    /// has no exotic [[GetOwnProperty]].
    fn keys_all_stored(&self) -> bool {
        matches!(
            self.kind,
            ObjectKind::Ordinary
                | ObjectKind::Function(_)
                | ObjectKind::Error(_)
                | ObjectKind::Boolean(_)
                | ObjectKind::Number(_)
                | ObjectKind::Symbol(_)
                | ObjectKind::BigInt(_)
        )
    }

    /// The keys of the enumerable own string-keyed properties in
    /// [[OwnPropertyKeys]] order, read in place, for an object whose keys
    /// all live in its element and property storage (no exotic keys, no
    /// array `length`); None for any other object, and for one whose table
    /// holds array indices (their order needs a sort).
    pub fn plain_enumerable_string_keys(&self) -> Option<Vec<PropertyKey>> {
        if !self.keys_all_stored() {
            return None;
        }
        let mut keys = Vec::with_capacity(self.properties.len() + self.elements.len());
        if self.dense.get() {
            // Elements are data properties with every attribute set.
            self.elements.for_each(|i, v| {
                if v.is_some() {
                    keys.push(PropertyKey::Index(i as u32));
                }
            });
        } else if !self.elements.is_empty() {
            return None;
        }
        self.properties
            .enumerable_string_keys(&mut keys)
            .then_some(keys)
    }

    /// Whether the object surely has no enumerable own property, found
    /// without running code: it has no exotic keys (no proxy, string,
    /// arguments or host object) and no element or table entry of it is
    /// enumerable. False when unsure.
    pub fn surely_no_enumerable_keys(&self) -> bool {
        (self.keys_all_stored() || matches!(self.kind, ObjectKind::Array(_)))
            && self.elements.is_empty()
            && !self.properties.has_enumerable()
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
            // c. Else,
            //    i. If p.[[GetPrototypeOf]] is not the ordinary object
            //       internal method defined in 10.1.1, set done to true.
            if obj.is_proxy() {
                break;
            }
            // ii. Else, set p to p.[[Prototype]].
            p = obj.prototype.get();
        }
        // 8. Set O.[[Prototype]] to V.
        if let Some(p) = &v {
            p.properties.watch();
        }
        if this.properties.is_watched() {
            bump_prototype_epoch();
        }
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

    /// Whether [[Get]] of a string key is OrdinaryGet over the own table
    /// (no exotic or host behaviour), so an inline cache may answer it.
    pub(crate) fn ordinary_named_get(&self) -> bool {
        matches!(
            self.kind,
            ObjectKind::Ordinary
                | ObjectKind::Function(_)
                | ObjectKind::Error(_)
                | ObjectKind::Array(_)
        )
    }

    /// The value of a data property, own or inherited, through `cache`,
    /// when this object has the shape the cache recorded (and, for an
    /// inherited one, the same prototype in the same prototype epoch).
    pub(crate) fn cached_data(&self, cache: &PropertyCache) -> Option<Value> {
        if let Some(v) = self.cached_data_entry(cache) {
            return Some(v);
        }
        cache
            .others()?
            .iter()
            .find_map(|entry| self.cached_data_entry(entry))
    }

    /// `cached_data` through one entry of a site's cache.
    #[inline]
    fn cached_data_entry(&self, cache: &PropertyCache) -> Option<Value> {
        let shape = cache.shape.get();
        if shape == 0 || !self.ordinary_named_get() {
            return None;
        }
        // An error whose `stack` still waits for its header gets it in
        // [[Get]] (`Agent::materialize_stack`), not here.
        if let ObjectKind::Error(data) = &self.kind {
            if data.has_pending_frames() {
                return None;
            }
        }
        let index = cache.index.get() as usize;
        let depth = cache.depth.get();
        if depth == 0 {
            self.properties.data_value_if_shape(shape, index)
        } else if depth == PropertyCache::ADD {
            None
        } else {
            // The shape says the key is not an own one; the guard says the
            // prototypes up to the holder have not changed their keys.
            let guard = cache.proto.get()?;
            if !self.properties.has_shape(shape) || guard.epoch.get() != prototype_epoch() {
                return None;
            }
            let mut holder = self.prototype.get()?;
            if object_address(&holder) != guard.address.get() {
                return None;
            }
            for _ in 1..depth {
                holder = holder.prototype.get()?;
            }
            holder.properties.data_value_at(index)
        }
    }

    /// The value of this global object's own data property through `cache`
    /// (filled by `fill_global_cache`). The entry holds while the prototype
    /// epoch is unchanged: the global object is watched, so adding or
    /// removing any of its keys moves the epoch on, and so does every new
    /// global lexical declaration (which would shadow the property).
    pub(crate) fn cached_global(&self, cache: &PropertyCache) -> Option<Value> {
        if cache.shape.get() != PropertyCache::GLOBAL || !self.ordinary_named_get() {
            return None;
        }
        let guard = cache.proto.get()?;
        if guard.epoch.get() != prototype_epoch()
            || guard.address.get() != self as *const JsObject as usize
        {
            return None;
        }
        self.properties.data_value_at(cache.index.get() as usize)
    }

    /// Records in `cache` where this global object keeps `key`, when it is
    /// an own data property (see `cached_global`).
    pub(crate) fn fill_global_cache(&self, key: &PropertyKey, cache: &PropertyCache) {
        if !self.ordinary_named_get() || cache.refills.get() == u8::MAX {
            return;
        }
        cache.refills.set(cache.refills.get() + 1);
        let Some(index) = self.properties.position(key) else {
            return;
        };
        let (Ok(index), Some(_)) = (u32::try_from(index), self.properties.data_value_at(index))
        else {
            return;
        };
        self.properties.watch();
        let guard = cache.proto.get_or_init(Box::default);
        guard.address.set(self as *const JsObject as usize);
        guard.epoch.set(prototype_epoch());
        cache.shape.set(PropertyCache::GLOBAL);
        cache.index.set(index);
        cache.depth.set(0);
    }

    /// [[Set]] of a named property through `cache`, when the cache answers
    /// for this object: the write to an own writable data property, or the
    /// shape transition that adds the property (the cache recorded that no
    /// prototype has it, and the prototype epoch says that still holds).
    /// False when the caller must run [[Set]] itself.
    pub(crate) fn cached_set(&self, cache: &PropertyCache, value: &Value) -> bool {
        self.cached_set_entry(cache, value)
            || cache
                .others()
                .is_some_and(|others| others.iter().any(|e| self.cached_set_entry(e, value)))
    }

    /// `cached_set` through one entry of a site's cache.
    #[inline]
    fn cached_set_entry(&self, cache: &PropertyCache, value: &Value) -> bool {
        let shape = cache.shape.get();
        if shape == 0 || !self.ordinary_named_get() {
            return false;
        }
        match cache.depth.get() {
            0 => self
                .properties
                .set_data_if_shape(shape, cache.index.get() as usize, value),
            PropertyCache::ADD => {
                let Some(guard) = cache.proto.get() else {
                    return false;
                };
                if !self.extensible.get()
                    || !self.properties.has_shape(shape)
                    || guard.epoch.get() != prototype_epoch()
                    || prototype_address(&self.prototype.get()) != guard.address.get()
                {
                    return false;
                }
                self.properties.add_by_transition(
                    guard.transition.get(),
                    Property::Data {
                        value: value.clone(),
                        attrs: Attributes::ALL,
                    },
                )
            }
            _ => false,
        }
    }

    /// Records in `cache` what the [[Set]] of `key` that just ran on this
    /// object did, when a later one may repeat it without the lookups: it
    /// wrote an own writable data property, or it added the property
    /// (`before`: the shape number the object had) and the prototype chain
    /// either lacks the key or first has it as a writable data property
    /// (OrdinarySetWithOwnDescriptor then creates the property on the
    /// receiver, as when no prototype has it).
    pub(crate) fn fill_store_cache(
        &self,
        key: &PropertyKey,
        before: Option<u64>,
        cache: &PropertyCache,
    ) {
        if !self.ordinary_named_get() {
            return;
        }
        let (Some(before), Some(after)) = (before, self.properties.shape_id()) else {
            return;
        };
        let Some(index) = self.properties.position(key) else {
            return;
        };
        let Ok(index) = u32::try_from(index) else {
            return;
        };
        if before == after {
            if let Some(Property::Data { attrs, .. }) = self.properties.get_at(index as usize) {
                if attrs.writable {
                    let entry = cache.entry_for(after, None);
                    entry.shape.set(after);
                    entry.index.set(index);
                    entry.depth.set(0);
                }
            }
            return;
        }
        if !self.properties.shape_extends(before, key) {
            return;
        }
        let refills = cache.refills.get();
        if refills == u8::MAX {
            return;
        }
        cache.refills.set(refills + 1);
        let first = self.prototype.get();
        let mut next = first.clone();
        let mut hops = 0;
        while let Some(proto) = next {
            hops += 1;
            if hops > MAX_CACHED_DEPTH || !proto.ordinary_named_get() {
                return;
            }
            if let Some(i) = proto.properties.position(key) {
                // The prototype epoch moves if this property stops being a
                // writable data property (`PropertyTable::insert`).
                match proto.properties.get_at(i) {
                    Some(Property::Data { attrs, .. }) if attrs.writable => break,
                    _ => return,
                }
            }
            next = proto.prototype.get();
        }
        let address = prototype_address(&first);
        let entry = cache.entry_for(before, Some(address));
        let guard = entry.proto.get_or_init(Box::default);
        guard.address.set(address);
        guard.epoch.set(prototype_epoch());
        guard.transition.set(after);
        entry.shape.set(before);
        entry.index.set(index);
        entry.depth.set(PropertyCache::ADD);
    }

    /// Gives an object without properties those of `shape` (see
    /// `PropertyTable::init_from_shape`); false when it has some already.
    pub(crate) fn init_properties_from_shape(
        &self,
        shape: &std::rc::Rc<crate::interp::shape::Shape>,
        properties: Vec<Option<Property>>,
    ) -> bool {
        self.extensible.get() && self.properties.init_from_shape(shape, properties)
    }

    /// Creates or replaces the own data property `key` (see `insert_property`).
    pub(crate) fn insert_own_data(&self, key: PropertyKey, value: Value, attrs: Attributes) {
        self.insert_property(key, Property::Data { value, attrs });
    }

    /// Creates or replaces the own property `key`, as DefinePropertyOrThrow
    /// does where the spec asserts it succeeds (a new key on an extensible
    /// object, or a configurable property).
    pub(crate) fn insert_property(&self, key: PropertyKey, property: Property) {
        debug_assert!(
            self.extensible.get() || self.properties.contains(&key),
            "insert_property on a non-extensible object"
        );
        self.store(key, property);
    }

    /// The shape number of the object's table, while it is shaped.
    pub(crate) fn shape_id(&self) -> Option<u64> {
        self.properties.shape_id()
    }

    /// Records in `cache` where a [[Get]] of `key` on this object finds a
    /// data property: in this object's shaped table, or (up to
    /// `MAX_CACHED_DEPTH` prototypes up, through ordinary objects only) in
    /// a prototype's table.
    pub(crate) fn fill_property_cache(&self, key: &PropertyKey, cache: &PropertyCache) {
        if !self.ordinary_named_get() {
            return;
        }
        let Some(shape) = self.properties.shape_id() else {
            return;
        };
        if let Some(index) = self.properties.position(key) {
            if let (Ok(index), Some(Property::Data { .. })) =
                (u32::try_from(index), self.properties.get_at(index))
            {
                let entry = cache.entry_for(shape, None);
                entry.shape.set(shape);
                entry.index.set(index);
                entry.depth.set(0);
            }
            return;
        }
        // An inherited property. Arrays keep `length` outside their table.
        let refills = cache.refills.get();
        if refills == u8::MAX || matches!(key, PropertyKey::String(s) if is_length(s)) {
            return;
        }
        cache.refills.set(refills + 1);
        let Some(first) = self.prototype.get() else {
            return;
        };
        let mut holder = first.clone();
        for depth in 1..=MAX_CACHED_DEPTH {
            if !holder.ordinary_named_get() {
                return;
            }
            if let Some(index) = holder.properties.position(key) {
                if let (Ok(index), Some(Property::Data { .. })) =
                    (u32::try_from(index), holder.properties.get_at(index))
                {
                    let address = object_address(&first);
                    let entry = cache.entry_for(shape, Some(address));
                    let guard = entry.proto.get_or_init(Box::default);
                    guard.address.set(address);
                    guard.epoch.set(prototype_epoch());
                    entry.shape.set(shape);
                    entry.index.set(index);
                    entry.depth.set(depth);
                }
                return;
            }
            match holder.prototype.get() {
                Some(next) => holder = next,
                None => return,
            }
        }
    }

    /// [[GetOwnProperty]] ( P ): OrdinaryGetOwnProperty, plus the array
    /// `length` and String exotic objects' StringGetOwnProperty.
    pub fn get_own_property(&self, key: &PropertyKey) -> Option<Property> {
        if let Some(result) = self.integer_indexed_get_own_property(key) {
            return result;
        }
        if let Some(target) = self.forward_target() {
            if let Some(p) = target.get_own_property(key) {
                return Some(p);
            }
        }
        match key {
            PropertyKey::Index(i) => {
                if let Some(p) = self.string_own_index(*i) {
                    return Some(p);
                }
                if self.dense.get() {
                    return self
                        .elements
                        .get(*i as usize)
                        .flatten()
                        .map(|value| Property::Data {
                            value,
                            attrs: Attributes::ALL,
                        });
                }
            }
            PropertyKey::String(s)
                if matches!(self.kind, ObjectKind::Array(_) | ObjectKind::String(_))
                    && is_length(s) =>
            {
                match &self.kind {
                    ObjectKind::Array(a) => {
                        return Some(Property::Data {
                            value: Value::Number(f64::from(a.length.get())),
                            attrs: Attributes {
                                writable: a.length_writable.get(),
                                enumerable: false,
                                configurable: false,
                            },
                        })
                    }
                    ObjectKind::String(s) => {
                        return Some(Property::Data {
                            value: Value::Number(s.len() as f64),
                            attrs: Attributes::default(),
                        })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        // OrdinaryGetOwnProperty: 1. If O does not have an own property with
        // key P, return undefined. 2–9. (Stored properties are complete.)
        let property = self.properties.get(key);
        match (&self.kind, &property) {
            (ObjectKind::Other(data), Some(Property::Data { attrs, .. })) => {
                if let Some(live) = data.live_value(key) {
                    return Some(Property::Data {
                        value: live.unwrap_or(Value::Undefined),
                        attrs: *attrs,
                    });
                }
            }
            // Arguments exotic [[GetOwnProperty]] step 5: a mapped index
            // reads its parameter.
            (ObjectKind::Arguments(Some(map)), Some(Property::Data { attrs, .. })) => {
                if let Some(value) = map.get(key) {
                    return Some(Property::Data {
                        value,
                        attrs: *attrs,
                    });
                }
            }
            _ => {}
        }
        property
    }

    /// Replaces the value of the existing own data property `key`, keeping
    /// its attributes and position, whatever they are (for values the
    /// engine computes late, like an error's `stack`). False when there is
    /// no such data property.
    pub fn replace_own_data_value(&self, key: &PropertyKey, value: Value) -> bool {
        match self.properties.get(key) {
            Some(Property::Data { attrs, .. }) => {
                self.properties
                    .insert(key.clone(), Property::Data { value, attrs });
                true
            }
            _ => false,
        }
    }

    /// A fast read of an own data property's value (no accessors run).
    pub fn get_own_data_value(&self, key: &PropertyKey) -> Option<Value> {
        match self.get_own_property(key)? {
            Property::Data { value, .. } => Some(value),
            Property::Accessor { .. } => None,
        }
    }

    /// [[DefineOwnProperty]] ( P, Desc ) for ordinary objects, arrays
    /// (ArraySetLength takes a `length` value already converted to a valid
    /// uint32 Number by the caller) and String exotic objects.
    pub fn define_own_property(&self, key: PropertyKey, desc: PropertyDescriptor) -> bool {
        if let Some(result) = self.integer_indexed_define_own_property(&key, &desc) {
            return result;
        }
        // A context's global: definitions land on the contextified object.
        if let Some(target) = self.forward_target() {
            return target.define_own_property(key, desc);
        }
        // Module namespace [[DefineOwnProperty]] (§10.4.6.6): an export only
        // accepts a descriptor that matches it; nothing is stored.
        if let ObjectKind::Other(data) = &self.kind {
            if let Some(live) = data.live_value(&key) {
                return desc.configurable != Some(true)
                    && desc.enumerable != Some(false)
                    && desc.get.is_none()
                    && desc.set.is_none()
                    && desc.writable != Some(false)
                    && desc.value.as_ref().is_none_or(|v| {
                        live.as_ref().is_some_and(|current| v.same_value(current))
                    });
            }
        }
        if let Some(map) = self.parameter_map() {
            return self.arguments_define_own_property(map, key, desc);
        }
        if let ObjectKind::Array(array) = &self.kind {
            match &key {
                PropertyKey::String(s) if is_length(s) => {
                    return self.array_set_length(array, desc)
                }
                PropertyKey::Index(i) => {
                    // ArrayDefineOwnProperty step 1: an array index.
                    let index = *i;
                    let length = array.length.get();
                    // 1.e. If index ≥ length and lengthDesc.[[Writable]] is false, return false.
                    if index >= length && !array.length_writable.get() {
                        return false;
                    }
                    // 1.f–g. Let succeeded be ! OrdinaryDefineOwnProperty(A, P, Desc).
                    if !self.ordinary_define_own_property(key, desc) {
                        return false;
                    }
                    // 1.h. If index ≥ length, set length to index + 1.
                    if index >= length {
                        array.length.set(index + 1);
                    }
                    return true;
                }
                _ => {}
            }
        }
        if let (ObjectKind::String(s), PropertyKey::Index(i)) = (&self.kind, &key) {
            if (*i as usize) < s.len() {
                // StringGetOwnProperty describes a fixed property: only
                // compatible descriptors succeed, and nothing is stored.
                let current = self.string_own_index(*i);
                return validate_and_apply_property_descriptor(false, desc, current).is_some();
            }
        }
        self.ordinary_define_own_property(key, desc)
    }

    /// OrdinaryDefineOwnProperty ( O, P, Desc ) — <https://tc39.es/ecma262/#sec-ordinarydefineownproperty>
    pub fn ordinary_define_own_property(&self, key: PropertyKey, desc: PropertyDescriptor) -> bool {
        // 1. Let current be ? O.[[GetOwnProperty]](P).
        let current = self.get_own_property(&key);
        // 2. Let extensible be ? IsExtensible(O).
        let extensible = self.is_extensible();
        // 3. Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
        match validate_and_apply_property_descriptor(extensible, desc, current) {
            Some(property) => {
                self.store(key, property);
                true
            }
            None => false,
        }
    }

    /// OrdinaryHasProperty ( O, P ) — <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
    pub fn has_property(&self, key: &PropertyKey) -> bool {
        if let Some(result) = self.integer_indexed_has_property(key) {
            return result;
        }
        // 1. Let hasOwn be ? O.[[GetOwnProperty]](P).
        // 2. If hasOwn is not undefined, return true.
        if self.has_own_property(key) {
            return true;
        }
        // 3. Let parent be ? O.[[GetPrototypeOf]]().
        // 4. If parent is not null, return ? parent.[[HasProperty]](P).
        // Deviation: iterative walk up the chain instead of recursion.
        let mut parent = self.get_prototype_of();
        while let Some(obj) = parent {
            if let Some(result) = obj.integer_indexed_has_property(key) {
                return result;
            }
            if obj.has_own_property(key) {
                return true;
            }
            parent = obj.get_prototype_of();
        }
        // 5. Return false.
        false
    }

    pub fn has_own_property(&self, key: &PropertyKey) -> bool {
        if let Some(result) = self.integer_indexed_has_property(key) {
            return result;
        }
        match key {
            PropertyKey::Index(i) if self.dense.get() => {
                matches!(self.elements.get(*i as usize), Some(Some(_)))
                    || self.string_own_index(*i).is_some()
            }
            _ => self.get_own_property(key).is_some(),
        }
    }

    /// OrdinaryDelete ( O, P ) — <https://tc39.es/ecma262/#sec-ordinarydelete>
    pub fn delete(&self, key: &PropertyKey) -> bool {
        if let Some(result) = self.integer_indexed_delete(key) {
            return result;
        }
        if let Some(target) = self.forward_target() {
            if target.has_own_property(key) {
                return target.delete(key);
            }
        }
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        // 2. If desc is undefined, return true.
        let Some(desc) = self.get_own_property(key) else {
            return true;
        };
        // 3. If desc.[[Configurable]] is true, then
        if desc.configurable() {
            // a. Remove the own property with name P from O.
            match key {
                PropertyKey::Index(i) if self.dense.get() => self.remove_element(*i),
                _ => {
                    self.properties.remove(key);
                }
            }
            // Arguments exotic [[Delete]] step 4: a deleted mapped index
            // is unmapped.
            if let Some(map) = self.parameter_map() {
                map.unmap(key);
            }
            // b. Return true.
            return true;
        }
        // 4. Return false.
        false
    }

    /// [[OwnPropertyKeys]] — OrdinaryOwnPropertyKeys ( O ) —
    /// <https://tc39.es/ecma262/#sec-ordinaryownpropertykeys>, with String
    /// exotic indices and the array `length` in their places.
    pub fn own_property_keys(&self) -> Vec<PropertyKey> {
        if let Some(target) = self.forward_target() {
            let mut keys = target.own_property_keys();
            let seen: std::collections::HashSet<_> = keys.iter().map(|k| k.id()).collect();
            keys.extend(
                self.ordinary_own_property_keys()
                    .into_iter()
                    .filter(|k| !seen.contains(&k.id())),
            );
            return keys;
        }
        self.ordinary_own_property_keys()
    }

    fn ordinary_own_property_keys(&self) -> Vec<PropertyKey> {
        let keys = self.properties.keys();
        let mut result: Vec<PropertyKey> = Vec::with_capacity(keys.len() + self.elements.len());
        // 2. For each own property key P of O such that P is an array index,
        //    in ascending numeric index order, add P.
        if let ObjectKind::String(s) = &self.kind {
            result.extend((0..s.len() as u32).map(PropertyKey::Index));
        }
        self.integer_indexed_keys(&mut result);
        if self.dense.get() {
            self.elements.for_each(|i, v| {
                if v.is_some() {
                    result.push(PropertyKey::Index(i as u32));
                }
            });
        } else {
            let mut indices: Vec<u32> = keys
                .iter()
                .filter_map(|k| match k {
                    PropertyKey::Index(i) => Some(*i),
                    _ => None,
                })
                .collect();
            indices.sort_unstable();
            result.extend(indices.into_iter().map(PropertyKey::Index));
        }
        if matches!(self.kind, ObjectKind::Array(_) | ObjectKind::String(_)) {
            result.push(PropertyKey::from("length"));
        }
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
                .filter(|k| matches!(k, PropertyKey::Symbol(s) if !s.private)),
        );
        // 5. Return keys.
        result
    }

    /// PrivateFieldAdd / PrivateMethodOrAccessorAdd: adds a private element
    /// (keyed by its private symbol) even to a non-extensible object; false
    /// when the object already has it.
    pub fn private_add(&self, key: PropertyKey, property: Property) -> bool {
        if self.properties.contains(&key) {
            return false;
        }
        self.properties.insert(key, property);
        true
    }

    /// Adds or replaces a private element (static private methods).
    pub fn private_put(&self, key: PropertyKey, property: Property) {
        self.properties.insert(key, property);
    }

    /// PrivateSet of a field: replaces the value, keeping the attributes.
    pub fn private_set_value(&self, key: PropertyKey, value: Value) {
        if let Some(Property::Data { attrs, .. }) = self.properties.get(&key) {
            self.properties.insert(key, Property::Data { value, attrs });
        }
    }

    /// StringGetOwnProperty ( S, P ) — <https://tc39.es/ecma262/#sec-stringgetownproperty>
    fn string_own_index(&self, index: u32) -> Option<Property> {
        let ObjectKind::String(s) = &self.kind else {
            return None;
        };
        let unit = *s.units().get(index as usize)?;
        Some(Property::Data {
            value: Value::String(JsStr::from_units(vec![unit])),
            attrs: Attributes {
                writable: false,
                enumerable: true,
                configurable: false,
            },
        })
    }
}

fn is_length(s: &JsStr) -> bool {
    s.units() == [108, 101, 110, 103, 116, 104]
}

pub(crate) fn same_object(a: &Option<Gc<JsObject>>, b: &Option<Gc<JsObject>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => Gc::ptr_eq(a, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests;

//! The storage behind an object's own properties: insertion-ordered, O(1)
//! lookup, O(1) writes whatever the object's size.
//!
//! The property values sit in one `Slots` vector. Their keys are kept in
//! one of two ways:
//! - shaped (how every object starts): a shared [`Shape`] lists the keys,
//!   and a key's position there is its value's index, so objects built
//!   alike store no keys of their own;
//! - dictionary (after a delete, a symbol key, or many keys): the object's
//!   own key vector beside the values (index i of one belongs to index i of
//!   the other). Deleting leaves a hole (`None` key) so that later entries
//!   keep their positions; holes are compacted away once they make up half
//!   the table. Small tables are searched linearly; from `INDEX_THRESHOLD`
//!   entries on, a hash map from key to position is kept.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gc::{Finalize, Trace};

use super::property::{key_index_with_capacity, KeyId, KeyIndex, Property, PropertyKey};
use super::shape::{bump_prototype_epoch, Shape};
use super::slots::Slots;
use super::value::Value;

const INDEX_THRESHOLD: usize = 8;

/// `shape_id` of a table in dictionary mode (no shape has this number).
const DICTIONARY: u64 = u64::MAX - 1;

pub struct PropertyTable {
    /// The shared key list while the table is shaped; None in dictionary mode.
    shape: RefCell<Option<Rc<Shape>>>,
    /// The number of `shape` (`DICTIONARY` in dictionary mode), kept beside
    /// it so that an inline cache's check reads one word.
    shape_id: Cell<u64>,
    properties: Slots<Option<Property>>,
    /// The table's own keys in dictionary mode.
    dictionary: RefCell<Option<Box<Dictionary>>>,
    live: Cell<u32>,
    /// Set once the object is some object's prototype: from then on, a key
    /// added or removed here moves the prototype epoch.
    watched: Cell<bool>,
}

struct Dictionary {
    keys: Slots<Option<PropertyKey>>,
    /// Position of each live key, once the table has grown past the threshold.
    index: Option<KeyIndex>,
}

impl Default for PropertyTable {
    fn default() -> Self {
        PropertyTable {
            shape: RefCell::new(Some(Shape::empty())),
            shape_id: Cell::new(Shape::empty().id()),
            properties: Slots::new(),
            dictionary: RefCell::new(None),
            live: Cell::new(0),
            watched: Cell::new(false),
        }
    }
}

impl PropertyTable {
    pub fn new() -> PropertyTable {
        PropertyTable::default()
    }

    /// An empty table with room for `room` properties.
    pub fn with_room(room: usize) -> PropertyTable {
        PropertyTable {
            properties: Slots::from_vec(Vec::with_capacity(room)),
            ..PropertyTable::default()
        }
    }

    /// The number of properties.
    pub fn len(&self) -> usize {
        self.live.get() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Records that the object is a prototype (see `watched`).
    pub(crate) fn watch(&self) {
        if !self.watched.get() {
            self.watched.set(true);
            bump_prototype_epoch();
        }
    }

    pub(crate) fn is_watched(&self) -> bool {
        self.watched.get()
    }

    /// The number of the table's shape, while it is shaped.
    pub(crate) fn shape_id(&self) -> Option<u64> {
        match self.shape_id.get() {
            DICTIONARY => None,
            id => Some(id),
        }
    }

    /// Whether the table still has shape number `shape`.
    #[inline]
    pub(crate) fn has_shape(&self, shape: u64) -> bool {
        self.shape_id.get() == shape && shape != DICTIONARY
    }

    /// Moves the table to shape `next`.
    fn set_shape(&self, next: Rc<Shape>) {
        self.shape_id.set(next.id());
        *self.shape.borrow_mut() = Some(next);
    }

    /// Gives a table that has no properties yet the properties of `shape`,
    /// whose keys are `properties`' keys in order (what inserting them one
    /// by one would make, without looking up each transition). False, and
    /// nothing done, when the table already has properties or has left the
    /// empty shape.
    pub(crate) fn init_from_shape(
        &self,
        shape: &Rc<Shape>,
        properties: Vec<Option<Property>>,
    ) -> bool {
        debug_assert_eq!(shape.len(), properties.len());
        if self.live.get() != 0 || !self.has_shape(Shape::empty().id()) {
            return false;
        }
        if self.watched.get() {
            bump_prototype_epoch();
        }
        self.live.set(properties.len() as u32);
        self.properties.fill(properties);
        self.set_shape(shape.clone());
        true
    }

    /// The property stored at `index`, in either mode.
    pub(crate) fn get_at(&self, index: usize) -> Option<Property> {
        self.properties
            .inspect_or(index, None, Option::<Property>::clone)
    }

    pub(crate) fn position(&self, key: &PropertyKey) -> Option<usize> {
        if let Some(shape) = self.shape.borrow().as_ref() {
            return shape.position(&key.id());
        }
        let dictionary = self.dictionary.borrow();
        let dictionary = dictionary
            .as_ref()
            .expect("a table without a shape has its own keys");
        let id = key.id();
        if let Some(index) = &dictionary.index {
            return index.get(&id).copied();
        }
        let keys = &dictionary.keys;
        (0..keys.len()).find(|&i| matches!(keys.get(i), Some(Some(k)) if k.id() == id))
    }

    /// The value of the data property at `index` (None: no property there,
    /// or an accessor), copying nothing else.
    pub(crate) fn data_value_at(&self, index: usize) -> Option<Value> {
        self.properties
            .inspect_or(index, None, |property| match property {
                Some(Property::Data { value, .. }) => Some(value.clone()),
                _ => None,
            })
    }

    /// `data_value_at(index)` if the table still has shape number `shape`.
    pub(crate) fn data_value_if_shape(&self, shape: u64, index: usize) -> Option<Value> {
        if self.has_shape(shape) {
            self.data_value_at(index)
        } else {
            None
        }
    }

    /// Writes `value` into the writable data property at `index` if the
    /// table still has shape number `shape`; false otherwise.
    pub(crate) fn set_data_if_shape(&self, shape: u64, index: usize, value: &Value) -> bool {
        if !self.has_shape(shape) {
            return false;
        }
        let attrs = self.properties.inspect(index, |property| match property {
            Some(Property::Data { attrs, .. }) => Some(*attrs),
            _ => None,
        });
        match attrs.flatten() {
            Some(attrs) if attrs.writable => {
                self.properties.set(
                    index,
                    Some(Property::Data {
                        value: value.clone(),
                        attrs,
                    }),
                );
                true
            }
            _ => false,
        }
    }

    /// Adds a new key's property by moving a shaped table to its shape's
    /// child numbered `child` (the child adds the key); false when the table
    /// is not shaped or the shape no longer has that child.
    pub(crate) fn add_by_transition(&self, child: u64, property: Property) -> bool {
        let next = match self.shape.borrow().as_ref() {
            Some(shape) => shape.child_with_id(child),
            None => None,
        };
        let Some(next) = next else {
            return false;
        };
        if self.watched.get() {
            bump_prototype_epoch();
        }
        self.set_shape(next);
        self.properties.push_small(Some(property));
        self.live.set(self.live.get() + 1);
        true
    }

    /// Whether the table's shape is `parent`'s child for `key` (the last
    /// write added `key` to a table that had shape number `parent`).
    pub(crate) fn shape_extends(&self, parent: u64, key: &PropertyKey) -> bool {
        matches!(self.shape.borrow().as_ref(), Some(s) if s.extends(parent, &key.id()))
    }

    pub fn get(&self, key: &PropertyKey) -> Option<Property> {
        let i = self.position(key)?;
        self.properties
            .inspect_or(i, None, Option::<Property>::clone)
    }

    pub fn contains(&self, key: &PropertyKey) -> bool {
        self.position(key).is_some()
    }

    /// Appends the string keys of the enumerable properties, in insertion
    /// order, read in place. False (with `out` partly filled) when some key
    /// is an array index, since those come first in ascending order and the
    /// table keeps them in insertion order.
    pub(crate) fn enumerable_string_keys(&self, out: &mut Vec<PropertyKey>) -> bool {
        if let Some(shape) = self.shape.borrow().as_ref() {
            return self.properties.with_items(|properties| {
                for (id, property) in shape.key_ids().iter().zip(properties) {
                    match id {
                        KeyId::Index(_) => return false,
                        KeyId::String(s) if property.as_ref().is_some_and(Property::enumerable) => {
                            out.push(PropertyKey::String(s.clone()))
                        }
                        _ => {}
                    }
                }
                true
            });
        }
        let dictionary = self.dictionary.borrow();
        let dictionary = dictionary
            .as_ref()
            .expect("a table without a shape has its own keys");
        dictionary.keys.with_items(|keys| {
            self.properties.with_items(|properties| {
                for (key, property) in keys.iter().zip(properties) {
                    match key {
                        Some(PropertyKey::Index(_)) => return false,
                        Some(key @ PropertyKey::String(_))
                            if property.as_ref().is_some_and(Property::enumerable) =>
                        {
                            out.push(key.clone())
                        }
                        _ => {}
                    }
                }
                true
            })
        })
    }

    /// Whether some property, of any key, is enumerable.
    pub fn has_enumerable(&self) -> bool {
        self.properties
            .any(|p| p.as_ref().is_some_and(Property::enumerable))
    }

    /// Adds or replaces a property (an existing key keeps its position).
    pub fn insert(&self, key: PropertyKey, property: Property) {
        if let Some(i) = self.position(&key) {
            // A prototype's property that changes its kind or attributes
            // moves the epoch: an add cache relies on an inherited property
            // staying a writable data property (see `fill_store_cache`).
            if self.watched.get()
                && !self
                    .properties
                    .inspect_or(i, false, |old| same_kind(old, &property))
            {
                bump_prototype_epoch();
            }
            self.properties.set(i, Some(property));
            return;
        }
        if self.watched.get() {
            bump_prototype_epoch();
        }
        let shaped = self.shape.borrow().clone();
        if let Some(shape) = shaped {
            match shape.with_key(&key) {
                Some(next) => {
                    self.set_shape(next);
                    self.properties.push_small(Some(property));
                    self.live.set(self.live.get() + 1);
                    return;
                }
                None => self.leave_shape(),
            }
        }
        let mut dictionary = self.dictionary.borrow_mut();
        let dictionary = dictionary
            .as_mut()
            .expect("a table without a shape has its own keys");
        let i = dictionary.keys.len();
        if let Some(index) = dictionary.index.as_mut() {
            index.insert(key.id(), i);
        }
        dictionary.keys.push(Some(key));
        self.properties.push(Some(property));
        self.live.set(self.live.get() + 1);
        if dictionary.keys.len() == INDEX_THRESHOLD {
            dictionary.build_index();
        }
    }

    /// Removes a property; true when it existed.
    pub fn remove(&self, key: &PropertyKey) -> bool {
        let Some(i) = self.position(key) else {
            return false;
        };
        if self.watched.get() {
            bump_prototype_epoch();
        }
        self.leave_shape();
        self.properties.set(i, None);
        self.live.set(self.live.get() - 1);
        let mut dictionary = self.dictionary.borrow_mut();
        let dictionary = dictionary
            .as_mut()
            .expect("a table without a shape has its own keys");
        dictionary.keys.set(i, None);
        if let Some(index) = dictionary.index.as_mut() {
            index.remove(&key.id());
        }
        if dictionary.keys.len() >= INDEX_THRESHOLD
            && (self.live.get() as usize) * 2 < dictionary.keys.len()
        {
            dictionary.compact(&self.properties);
        }
        true
    }

    /// The live keys in insertion order.
    pub fn keys(&self) -> Vec<PropertyKey> {
        if let Some(shape) = self.shape.borrow().as_ref() {
            return shape.keys();
        }
        let dictionary = self.dictionary.borrow();
        let dictionary = dictionary
            .as_ref()
            .expect("a table without a shape has its own keys");
        dictionary.keys.to_vec().into_iter().flatten().collect()
    }

    /// Moves a shaped table to dictionary mode (its own copy of the keys).
    fn leave_shape(&self) {
        let Some(shape) = self.shape.borrow_mut().take() else {
            return;
        };
        self.shape_id.set(DICTIONARY);
        let keys = Slots::new();
        if !self.properties.is_rooted() {
            // SAFETY: the table is inside the heap, so the new (still empty)
            // key storage takes the heap's rooting state before it is filled.
            unsafe { keys.unroot() }
        }
        for key in shape.keys() {
            keys.push(Some(key));
        }
        let mut dictionary = Dictionary { keys, index: None };
        if shape.len() >= INDEX_THRESHOLD {
            dictionary.build_index();
        }
        *self.dictionary.borrow_mut() = Some(Box::new(dictionary));
    }
}

/// Whether `new` replaces `old` as a data property with the same attributes.
fn same_kind(old: &Option<Property>, new: &Property) -> bool {
    matches!((old, new), (Some(Property::Data { attrs: a, .. }), Property::Data { attrs: b, .. }) if a == b)
}

impl Dictionary {
    /// Drops the holes left by deletions and rebuilds the index.
    fn compact(&mut self, properties: &Slots<Option<Property>>) {
        let keys = self.keys.to_vec();
        let values = properties.to_vec();
        self.keys.truncate(0);
        properties.truncate(0);
        for (k, p) in keys.into_iter().zip(values) {
            if k.is_some() {
                self.keys.push(k);
                properties.push(p);
            }
        }
        if self.keys.len() >= INDEX_THRESHOLD {
            self.build_index();
        } else {
            self.index = None;
        }
    }

    fn build_index(&mut self) {
        let mut index = key_index_with_capacity(self.keys.len() * 2);
        for (i, key) in self.keys.to_vec().into_iter().enumerate() {
            if let Some(key) = key {
                index.insert(key.id(), i);
            }
        }
        self.index = Some(index);
    }
}

impl Finalize for PropertyTable {}

// SAFETY: the index holds no `Gc` (symbols appear only as addresses, kept
// alive by the dictionary's keys); a shape keeps its symbols alive by roots
// of its own (see `Shape`); the values and the dictionary's keys are
// traced. No borrow of `dictionary` is held while a collection can start
// (no method allocates a `Gc`).
unsafe impl Trace for PropertyTable {
    gc::custom_trace!(this, {
        mark(&this.properties);
        if let Some(dictionary) = this.dictionary.borrow().as_ref() {
            mark(&dictionary.keys);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::property::Attributes;
    use crate::interp::value::Value;

    fn data(n: f64) -> Property {
        Property::Data {
            value: Value::Number(n),
            attrs: Attributes::ALL,
        }
    }

    fn number(p: Option<Property>) -> f64 {
        match p {
            Some(Property::Data {
                value: Value::Number(n),
                ..
            }) => n,
            _ => panic!("not a number property"),
        }
    }

    #[test]
    fn insertion_order_survives_deletes_and_compaction() {
        let table = PropertyTable::new();
        for i in 0..20 {
            table.insert(PropertyKey::from(format!("k{i}").as_str()), data(i as f64));
        }
        for i in 0..15 {
            assert!(table.remove(&PropertyKey::from(format!("k{i}").as_str())));
        }
        table.insert(PropertyKey::from("k3"), data(3.0));
        let names: Vec<String> = table
            .keys()
            .iter()
            .map(|k| match k.to_value() {
                Value::String(s) => s.to_rust_string(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(names, ["k15", "k16", "k17", "k18", "k19", "k3"]);
        assert_eq!(number(table.get(&PropertyKey::from("k17"))), 17.0);
        assert_eq!(table.len(), 6);
    }

    #[test]
    fn replacing_keeps_position() {
        let table = PropertyTable::new();
        table.insert(PropertyKey::from("a"), data(1.0));
        table.insert(PropertyKey::from("b"), data(2.0));
        table.insert(PropertyKey::from("a"), data(3.0));
        assert_eq!(number(table.get(&PropertyKey::from("a"))), 3.0);
        assert_eq!(table.keys().len(), 2);
    }

    #[test]
    fn a_million_writes_to_one_table() {
        let table = PropertyTable::new();
        for i in 0..200_000u32 {
            table.insert(PropertyKey::from(i), data(f64::from(i)));
        }
        for i in 0..200_000u32 {
            table.insert(PropertyKey::from(i), data(0.0));
        }
        assert_eq!(table.len(), 200_000);
    }
}

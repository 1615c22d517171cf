//! The storage behind an object's own properties: insertion-ordered, O(1)
//! lookup, O(1) writes whatever the object's size.
//!
//! Keys and properties sit in two `Slots` vectors (index i of one belongs to
//! index i of the other). Deleting leaves a hole (`None` key) so that later
//! entries keep their positions; holes are compacted away once they make up
//! half the table. Small tables are searched linearly; from
//! `INDEX_THRESHOLD` entries on, a hash map from key to position is kept.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gc::{Finalize, Trace};

use super::property::{KeyId, Property, PropertyKey};
use super::slots::Slots;

const INDEX_THRESHOLD: usize = 8;

#[derive(Default)]
pub struct PropertyTable {
    keys: Slots<Option<PropertyKey>>,
    properties: Slots<Option<Property>>,
    /// Position of each live key, once the table has grown past the threshold.
    index: RefCell<Option<HashMap<KeyId, usize>>>,
    live: Cell<usize>,
}

impl PropertyTable {
    pub fn new() -> PropertyTable {
        PropertyTable::default()
    }

    /// The number of properties.
    pub fn len(&self) -> usize {
        self.live.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn position(&self, key: &PropertyKey) -> Option<usize> {
        let id = key.id();
        if let Some(index) = self.index.borrow().as_ref() {
            return index.get(&id).copied();
        }
        (0..self.keys.len()).find(|&i| matches!(self.keys.get(i), Some(Some(k)) if k.id() == id))
    }

    pub fn get(&self, key: &PropertyKey) -> Option<Property> {
        let i = self.position(key)?;
        self.properties.get(i).flatten()
    }

    pub fn contains(&self, key: &PropertyKey) -> bool {
        self.position(key).is_some()
    }

    /// Adds or replaces a property (an existing key keeps its position).
    pub fn insert(&self, key: PropertyKey, property: Property) {
        if let Some(i) = self.position(&key) {
            self.properties.set(i, Some(property));
            return;
        }
        let i = self.keys.len();
        if let Some(index) = self.index.borrow_mut().as_mut() {
            index.insert(key.id(), i);
        }
        self.keys.push(Some(key));
        self.properties.push(Some(property));
        self.live.set(self.live.get() + 1);
        if self.keys.len() == INDEX_THRESHOLD {
            self.build_index();
        }
    }

    /// Removes a property; true when it existed.
    pub fn remove(&self, key: &PropertyKey) -> bool {
        let Some(i) = self.position(key) else {
            return false;
        };
        self.keys.set(i, None);
        self.properties.set(i, None);
        if let Some(index) = self.index.borrow_mut().as_mut() {
            index.remove(&key.id());
        }
        self.live.set(self.live.get() - 1);
        if self.keys.len() >= INDEX_THRESHOLD && self.live.get() * 2 < self.keys.len() {
            self.compact();
        }
        true
    }

    /// The live keys in insertion order.
    pub fn keys(&self) -> Vec<PropertyKey> {
        self.keys.to_vec().into_iter().flatten().collect()
    }

    /// Drops the holes left by deletions and rebuilds the index.
    fn compact(&self) {
        let keys = self.keys.to_vec();
        let properties = self.properties.to_vec();
        self.keys.truncate(0);
        self.properties.truncate(0);
        for (k, p) in keys.into_iter().zip(properties) {
            if k.is_some() {
                self.keys.push(k);
                self.properties.push(p);
            }
        }
        if self.keys.len() >= INDEX_THRESHOLD {
            self.build_index();
        } else {
            *self.index.borrow_mut() = None;
        }
    }

    fn build_index(&self) {
        let mut index = HashMap::with_capacity(self.keys.len() * 2);
        for (i, key) in self.keys.to_vec().into_iter().enumerate() {
            if let Some(key) = key {
                index.insert(key.id(), i);
            }
        }
        *self.index.borrow_mut() = Some(index);
    }
}

impl Finalize for PropertyTable {}

// SAFETY: the index holds no `Gc` (symbols appear only as addresses, kept
// alive by `keys`); `keys` and `properties` are traced.
unsafe impl Trace for PropertyTable {
    gc::custom_trace!(this, {
        mark(&this.keys);
        mark(&this.properties);
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

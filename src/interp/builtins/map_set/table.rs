//! The ordered hash table behind Map, Set, WeakMap and WeakSet: the
//! spec's `[[MapData]]` / `[[SetData]]` List of entries, kept in insertion
//! order with deleted entries left as holes, plus a hash index from key
//! identity to position so that every operation is O(1) (amortised).
//!
//! Live iterators (and `forEach` loops) hold a shared cursor: a position in
//! the entries list. Holes are squeezed out only when the table compacts,
//! and compaction moves every registered cursor to the same logical place,
//! so iteration sees entries added while it runs and survives deletes and
//! `clear`, as the spec's index-based iteration does.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gc::{Finalize, Gc, Trace};

use crate::interp::slots::Slots;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// A key's identity under SameValueZero: strings by content, numbers by
/// their bits with −0 folded into +0 and every NaN into one, objects and
/// symbols by address (the table keeps them alive, so addresses are unique).
#[derive(Clone, PartialEq, Eq, Hash)]
enum KeyId {
    Undefined,
    Null,
    Bool(bool),
    Number(u64),
    String(JsStr),
    Symbol(usize),
    BigInt(crate::interp::bigint::JsBigInt),
    Object(usize),
}

fn key_id(key: &Value) -> KeyId {
    match key {
        Value::Undefined => KeyId::Undefined,
        Value::Null => KeyId::Null,
        Value::Bool(b) => KeyId::Bool(*b),
        Value::Number(n) => KeyId::Number(normalize_number(*n).to_bits()),
        Value::String(s) => KeyId::String(s.clone()),
        Value::Symbol(s) => KeyId::Symbol(Gc::as_ptr(s) as *const u8 as usize),
        // SameValueZero compares BigInts by value.
        Value::BigInt(b) => KeyId::BigInt(b.clone()),
        Value::Object(o) => KeyId::Object(Gc::as_ptr(o) as *const u8 as usize),
    }
}

/// −0 becomes +0 (Map.prototype.set step 4, Set.prototype.add step 4);
/// NaNs share one bit pattern so they hash alike.
pub fn normalize_number(n: f64) -> f64 {
    if n == 0.0 {
        0.0
    } else if n.is_nan() {
        f64::NAN
    } else {
        n
    }
}

/// Normalises a key the way Map.prototype.set / Set.prototype.add store it.
pub fn canonical_key(key: Value) -> Value {
    match key {
        Value::Number(n) => Value::Number(if n == 0.0 { 0.0 } else { n }),
        other => other,
    }
}

/// A position in a table's entries list shared between an iterator and
/// the table, which moves it when compaction shifts entries.
pub type Cursor = Rc<Cell<usize>>;

#[derive(Trace, Finalize, Default)]
pub struct OrderedTable {
    /// Keys in insertion order; `None` marks a deleted entry.
    keys: Slots<Option<Value>>,
    /// Values parallel to `keys` (Undefined for sets).
    values: Slots<Value>,
    #[unsafe_ignore_trace]
    index: RefCell<HashMap<KeyId, usize>>,
    #[unsafe_ignore_trace]
    cursors: RefCell<Vec<Weak<Cell<usize>>>>,
    /// How many cursors were alive after the last pruning of `cursors`.
    #[unsafe_ignore_trace]
    cursors_pruned_at: Cell<usize>,
}

impl OrderedTable {
    pub fn new() -> OrderedTable {
        OrderedTable::default()
    }

    /// The number of live entries (the `size` getter).
    pub fn live_count(&self) -> usize {
        self.index.borrow().len()
    }

    fn position(&self, key: &Value) -> Option<usize> {
        self.index.borrow().get(&key_id(key)).copied()
    }

    pub fn has(&self, key: &Value) -> bool {
        self.position(key).is_some()
    }

    pub fn get(&self, key: &Value) -> Option<Value> {
        self.position(key).and_then(|i| self.values.get(i))
    }

    /// Updates the entry for `key` or appends a new one (the key must
    /// already be canonical, see [`canonical_key`]).
    pub fn set(&self, key: Value, value: Value) {
        if let Some(i) = self.position(&key) {
            self.values.set(i, value);
            return;
        }
        let i = self.keys.len();
        self.index.borrow_mut().insert(key_id(&key), i);
        self.keys.push(Some(key));
        self.values.push(value);
    }

    /// Removes the entry for `key`, leaving a hole; true when there was one.
    pub fn delete(&self, key: &Value) -> bool {
        let Some(i) = self.index.borrow_mut().remove(&key_id(key)) else {
            return false;
        };
        self.keys.set(i, None);
        self.values.set(i, Value::Undefined);
        let holes = self.keys.len() - self.live_count();
        if holes > 32 && holes > self.live_count() {
            self.compact();
        }
        true
    }

    /// Empties the table; every cursor moves to the start, where the
    /// entries added from now on will be.
    pub fn clear(&self) {
        self.index.borrow_mut().clear();
        self.keys.truncate(0);
        self.values.truncate(0);
        for cursor in self.live_cursors() {
            cursor.set(0);
        }
    }

    /// The entry at or after position `*at` (skipping holes), advancing
    /// `*at` past it; None at the end of the list.
    pub fn next_entry(&self, at: &Cell<usize>) -> Option<(Value, Value)> {
        let mut i = at.get();
        while i < self.keys.len() {
            let key = self.keys.get(i).flatten();
            i += 1;
            if let Some(key) = key {
                at.set(i);
                let value = self.values.get(i - 1).unwrap_or(Value::Undefined);
                return Some((key, value));
            }
        }
        at.set(i);
        None
    }

    /// A cursor at the start of the list that compaction keeps in place.
    pub fn new_cursor(&self) -> Cursor {
        let cursor = Rc::new(Cell::new(0));
        let mut cursors = self.cursors.borrow_mut();
        cursors.push(Rc::downgrade(&cursor));
        // Drop the registrations of abandoned iterators now and then, so the
        // list stays proportional to the iterators that are still alive.
        if cursors.len() > 2 * self.cursors_pruned_at.get() + 16 {
            cursors.retain(|c| c.strong_count() > 0);
            self.cursors_pruned_at.set(cursors.len());
        }
        cursor
    }

    fn live_cursors(&self) -> Vec<Cursor> {
        let mut cursors = self.cursors.borrow_mut();
        cursors.retain(|c| c.strong_count() > 0);
        self.cursors_pruned_at.set(cursors.len());
        cursors.iter().filter_map(Weak::upgrade).collect()
    }

    /// Every live entry in order (for console formatting and tests).
    pub fn entries(&self) -> Vec<(Value, Value)> {
        let at = Cell::new(0);
        let mut out = Vec::with_capacity(self.live_count());
        while let Some(e) = self.next_entry(&at) {
            out.push(e);
        }
        out
    }

    /// Squeezes the holes out of the list, rebuilding the index and moving
    /// each cursor to the number of live entries before its old position.
    fn compact(&self) {
        let old_keys = self.keys.to_vec();
        let old_values = self.values.to_vec();
        // live_before[i] = live entries in old positions [0, i).
        let mut live_before = Vec::with_capacity(old_keys.len() + 1);
        let mut kept_keys = Vec::with_capacity(self.live_count());
        let mut kept_values = Vec::with_capacity(self.live_count());
        let mut index = HashMap::with_capacity(self.live_count());
        for (key, value) in old_keys.into_iter().zip(old_values) {
            live_before.push(kept_keys.len());
            if let Some(key) = key {
                index.insert(key_id(&key), kept_keys.len());
                kept_keys.push(Some(key));
                kept_values.push(value);
            }
        }
        live_before.push(kept_keys.len());
        for cursor in self.live_cursors() {
            let at = cursor.get().min(live_before.len() - 1);
            cursor.set(live_before[at]);
        }
        self.keys.truncate(0);
        self.values.truncate(0);
        for (k, v) in kept_keys.into_iter().zip(kept_values) {
            self.keys.push(k);
            self.values.push(v);
        }
        *self.index.borrow_mut() = index;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iteration_survives_deletes_compaction_and_clear() {
        let t = OrderedTable::new();
        for i in 0..100 {
            t.set(Value::Number(f64::from(i)), Value::Number(f64::from(i * 2)));
        }
        let cursor = t.new_cursor();
        for _ in 0..10 {
            t.next_entry(&cursor);
        }
        for i in 0..95 {
            t.delete(&Value::Number(f64::from(i)));
        }
        let (k, v) = t.next_entry(&cursor).unwrap();
        assert!(k.same_value(&Value::Number(95.0)));
        assert!(v.same_value(&Value::Number(190.0)));
        t.clear();
        t.set(Value::from("a"), Value::Undefined);
        let (k, _) = t.next_entry(&cursor).unwrap();
        assert!(k.same_value(&Value::from("a")));
        assert!(t.next_entry(&cursor).is_none());
    }

    #[test]
    fn keys_use_same_value_zero() {
        let t = OrderedTable::new();
        t.set(canonical_key(Value::Number(-0.0)), Value::from("zero"));
        assert!(t.has(&Value::Number(0.0)));
        t.set(Value::Number(f64::NAN), Value::from("nan"));
        assert!(t.has(&Value::Number(-f64::NAN)));
        assert!(!t.has(&Value::from("x")));
        t.set(Value::from("x"), Value::Null);
        assert!(t.has(&Value::String(JsStr::from("x"))));
        assert_eq!(t.live_count(), 3);
    }
}

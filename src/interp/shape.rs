//! Shapes: the ordered own keys of objects that received the same keys in
//! the same order, shared by all of them (V8 calls them maps or hidden
//! classes).
//!
//! An object starts with the empty shape; adding a key moves it to the
//! child shape for that key, found in the parent's transitions or made
//! there once. So a million `{ x, y }` objects share one key list and each
//! keeps only its property values. Long key lists and shapes with too
//! many children leave the shared tree, and the object keeps a table of its
//! own (see `PropertyTable`).
//!
//! A symbol key is known by its allocation's address. The shape that adds
//! one keeps a (rooted) handle to the symbol, so the address names the same
//! symbol for as long as the shape, or any shape below it, lives. Shapes
//! are not traced: the handle is a root, which is sound because a symbol
//! refers to no object, so it can be part of no cycle through the shape.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};

use gc::Gc;

use super::property::{key_index_with_capacity, KeyId, KeyIndex, PropertyKey};
use super::value::Symbol;

/// Objects with more own keys than this keep a table of their own.
const MAX_KEYS: usize = 64;
/// A shape with this many live children makes no more: objects used as
/// maps with ever new keys would otherwise grow the tree without bound.
const MAX_TRANSITIONS: usize = 64;
/// From this many keys on, lookups go through a hash map built on first use.
const INDEX_THRESHOLD: usize = 8;

pub(crate) struct Shape {
    /// A number no other shape of this thread has (inline caches compare it).
    id: u64,
    /// The keys in insertion order; a key's position is its value's index
    /// in the object's property storage.
    keys: Box<[KeyId]>,
    index: OnceCell<KeyIndex>,
    /// Children by added key. A child lives as long as an object (or a
    /// grandchild) uses it.
    transitions: RefCell<Vec<(KeyId, Weak<Shape>)>>,
    /// The parent, kept alive by its children.
    _parent: Option<Rc<Shape>>,
    /// The symbol this shape's last key names, kept alive with the shape.
    symbol: Option<Gc<Symbol>>,
}

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    static EMPTY: Rc<Shape> = Rc::new(Shape {
        id: next_id(),
        keys: Box::new([]),
        index: OnceCell::new(),
        transitions: RefCell::new(Vec::new()),
        _parent: None,
        symbol: None,
    });
}

thread_local! {
    /// The prototype epoch (see `ProtoGuard` in the tree's inline caches).
    static PROTOTYPE_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// The current prototype epoch: inherited-property cache entries made in
/// another epoch are stale.
#[inline]
pub(crate) fn prototype_epoch() -> u64 {
    PROTOTYPE_EPOCH.with(Cell::get)
}

/// Marks every inherited-property cache entry stale: a prototype gained
/// or lost a key or changed its [[Prototype]], or an object became a
/// prototype.
pub(crate) fn bump_prototype_epoch() {
    PROTOTYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

impl Shape {
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The shape of an object without own keys.
    pub(crate) fn empty() -> Rc<Shape> {
        EMPTY.with(Rc::clone)
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The keys' identities in order.
    pub(crate) fn key_ids(&self) -> &[KeyId] {
        &self.keys
    }

    /// The position of `id` among the keys.
    pub(crate) fn position(&self, id: &KeyId) -> Option<usize> {
        if self.keys.len() < INDEX_THRESHOLD {
            return self.keys.iter().position(|k| k == id);
        }
        let index = self.index.get_or_init(|| {
            let mut index = key_index_with_capacity(self.keys.len());
            index.extend(self.keys.iter().enumerate().map(|(i, k)| (k.clone(), i)));
            index
        });
        index.get(id).copied()
    }

    /// The live child shape numbered `id`, if this shape has it.
    pub(crate) fn child_with_id(&self, id: u64) -> Option<Rc<Shape>> {
        self.transitions
            .borrow()
            .iter()
            .find_map(|(_, child)| child.upgrade().filter(|c| c.id == id))
    }

    /// The keys in order (each symbol is the one its adding shape holds).
    pub(crate) fn keys(&self) -> Vec<PropertyKey> {
        let mut symbols = Vec::new();
        let mut shape = Some(self);
        while let Some(s) = shape {
            symbols.extend(s.symbol.clone());
            shape = s._parent.as_deref();
        }
        self.keys
            .iter()
            .map(|id| match id {
                KeyId::Index(i) => PropertyKey::Index(*i),
                KeyId::String(s) => PropertyKey::String(s.clone()),
                KeyId::Symbol(_) => PropertyKey::Symbol(
                    symbols
                        .pop()
                        .expect("the shape that adds a symbol key holds it"),
                ),
            })
            .collect()
    }

    /// Whether this shape is `parent`'s child for `key`.
    pub(crate) fn extends(&self, parent: u64, key: &KeyId) -> bool {
        matches!(&self._parent, Some(p) if p.id == parent) && self.keys.last() == Some(key)
    }

    /// The shape with `key` added after this one's keys, or None when the
    /// object should keep its own table instead (too many keys, too many
    /// siblings).
    pub(crate) fn with_key(self: &Rc<Shape>, key: &PropertyKey) -> Option<Rc<Shape>> {
        if self.keys.len() >= MAX_KEYS {
            return None;
        }
        let id = key.id();
        let mut transitions = self.transitions.borrow_mut();
        // The keys are compared first: only the matching child is upgraded.
        if let Some(i) = transitions.iter().position(|(key, _)| *key == id) {
            match transitions[i].1.upgrade() {
                Some(child) => return Some(child),
                // A child no object uses any more: made anew below.
                None => {
                    transitions.swap_remove(i);
                }
            }
        }
        // Children no object uses any more go before a new one is made:
        // their entries would keep their memory (keys of symbols, which
        // are never made again, would pile up until the bound).
        transitions.retain(|(_, child)| child.strong_count() > 0);
        if transitions.len() >= MAX_TRANSITIONS {
            return None;
        }
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        keys.extend(self.keys.iter().cloned());
        keys.push(id.clone());
        let child = Rc::new(Shape {
            id: next_id(),
            keys: keys.into_boxed_slice(),
            index: OnceCell::new(),
            transitions: RefCell::new(Vec::new()),
            _parent: Some(self.clone()),
            symbol: match key {
                PropertyKey::Symbol(symbol) => Some(symbol.clone()),
                _ => None,
            },
        });
        transitions.push((id, Rc::downgrade(&child)));
        Some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::string::JsStr;

    fn key(s: &str) -> PropertyKey {
        PropertyKey::String(JsStr::from(s))
    }

    #[test]
    fn same_keys_in_same_order_share_a_shape() {
        let a = Shape::empty()
            .with_key(&key("x"))
            .unwrap()
            .with_key(&key("y"))
            .unwrap();
        let b = Shape::empty()
            .with_key(&key("x"))
            .unwrap()
            .with_key(&key("y"))
            .unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        let c = Shape::empty()
            .with_key(&key("y"))
            .unwrap()
            .with_key(&key("x"))
            .unwrap();
        assert!(!Rc::ptr_eq(&a, &c));
        assert_eq!(a.position(&key("y").id()), Some(1));
        assert_eq!(c.position(&key("y").id()), Some(0));
        assert_eq!(a.position(&key("z").id()), None);
    }

    #[test]
    fn long_key_lists_are_indexed_and_end_the_shared_tree() {
        let mut shape = Shape::empty();
        for i in 0..MAX_KEYS {
            shape = shape.with_key(&key(&format!("k{i}"))).unwrap();
        }
        assert_eq!(shape.position(&key("k40").id()), Some(40));
        assert!(shape.with_key(&key("one more")).is_none());
    }

    #[test]
    fn a_symbol_key_stays_alive_with_its_shape() {
        let symbol = Symbol::new(Some(JsStr::from("s")));
        let address = Gc::as_ptr(&symbol) as usize;
        let shape = Shape::empty()
            .with_key(&key("a"))
            .unwrap()
            .with_key(&PropertyKey::Symbol(symbol))
            .unwrap()
            .with_key(&key("b"))
            .unwrap();
        gc::force_collect();
        assert_eq!(shape.position(&KeyId::Symbol(address)), Some(1));
        let keys = shape.keys();
        match &keys[1] {
            PropertyKey::Symbol(s) => assert_eq!(Gc::as_ptr(s) as usize, address),
            _ => panic!("not the symbol"),
        }
        assert!(matches!(keys[2], PropertyKey::String(_)));
    }

    #[test]
    fn unused_children_are_dropped_and_siblings_are_bounded() {
        let root = Shape::empty().with_key(&key("unique parent")).unwrap();
        for i in 0..MAX_TRANSITIONS {
            drop(root.with_key(&key(&format!("gone{i}"))).unwrap());
        }
        // The dead children were swept, so new ones can still be made.
        let kept: Vec<_> = (0..MAX_TRANSITIONS)
            .map(|i| root.with_key(&key(&format!("kept{i}"))).unwrap())
            .collect();
        assert!(root.with_key(&key("too many")).is_none());
        assert_eq!(kept.len(), MAX_TRANSITIONS);
    }
}

//! Property keys, stored properties and Property Descriptors
//! (ECMA-262 §6.1.7 The Object Type, §6.2.6 The Property Descriptor
//! Specification Type).

use std::cell::RefCell;

use gc::{Finalize, Gc, Trace};
use rustc_hash::FxHashMap;

use super::object::JsObject;
use super::string::JsStr;
use super::value::{Symbol, Value};

/// A property key. Array indices (canonical numeric strings below
/// 2^32 − 1) get their own variant: they are ordered first, ascending, by
/// `[[OwnPropertyKeys]]`, and arrays store them densely.
#[derive(Clone)]
pub enum PropertyKey {
    Index(u32),
    String(JsStr),
    Symbol(Gc<Symbol>),
}

impl PropertyKey {
    /// The key for a string, canonicalising array indices.
    pub fn from_string(s: JsStr) -> PropertyKey {
        match s.as_array_index() {
            Some(i) => PropertyKey::Index(i),
            None => PropertyKey::String(s),
        }
    }

    /// A hashable identity for the key: symbols by allocation.
    pub(crate) fn id(&self) -> KeyId {
        match self {
            PropertyKey::Index(i) => KeyId::Index(*i),
            PropertyKey::String(s) => KeyId::String(s.clone()),
            PropertyKey::Symbol(sym) => KeyId::Symbol(Gc::as_ptr(sym) as usize),
        }
    }

    /// The key as a value (what `Reflect.ownKeys` returns).
    pub fn to_value(&self) -> Value {
        match self {
            PropertyKey::Index(i) => Value::String(JsStr::from(i.to_string())),
            PropertyKey::String(s) => Value::String(s.clone()),
            PropertyKey::Symbol(sym) => Value::Symbol(sym.clone()),
        }
    }
}

/// Property names the runtime looks up all the time (function creation,
/// [[Construct]], iteration, promises): kept encoded once per thread, so
/// `PropertyKey::from("length")` does not allocate.
const COMMON_NAMES: [&str; 22] = [
    "length",
    "name",
    "prototype",
    "constructor",
    "next",
    "done",
    "value",
    "then",
    "toString",
    "valueOf",
    "message",
    "stack",
    "return",
    "get",
    "set",
    "cause",
    "resolve",
    "reject",
    "values",
    "remaining",
    "throw",
    "errors",
];

/// The position of `s` in [`COMMON_NAMES`]: the length first, so most
/// names are told apart without comparing text.
fn common_name_index(s: &str) -> Option<usize> {
    let candidates: &[usize] = match s.len() {
        3 => &[13, 14],
        4 => &[1, 4, 5, 7],
        5 => &[6, 11, 15, 20],
        6 => &[0, 12, 17, 18, 21],
        7 => &[9, 10, 16],
        8 => &[8],
        9 => &[2, 19],
        11 => &[3],
        _ => &[],
    };
    candidates.iter().copied().find(|&i| COMMON_NAMES[i] == s)
}

thread_local! {
    static COMMON_KEYS: Vec<JsStr> = COMMON_NAMES.iter().map(|n| JsStr::from(*n)).collect();
}

/// `PropertyKey::from(NAME)` for a literal NAME that is not an array
/// index, encoded once per thread at the place that names it: for the
/// built-ins' hot paths, where even [`NAME_KEYS`]' hashing shows.
macro_rules! static_key {
    ($name:literal) => {{
        thread_local! {
            static KEY: $crate::interp::string::JsStr = $crate::interp::string::JsStr::from($name);
        }
        $crate::interp::property::PropertyKey::String(KEY.with(|key| key.clone()))
    }};
}
pub(crate) use static_key;

/// How many other names [`NAME_KEYS`] keeps, and how long they may be.
/// The names built-ins look up by text ("lastIndex", "flags", "index", …)
/// are a few hundred short ones; the bounds keep text from programs (which
/// may also pass through here) from growing the cache without end.
const NAME_KEYS_MAX: usize = 4096;
const NAME_KEY_MAX_LEN: usize = 32;

thread_local! {
    /// Names other than the common ones, encoded once per thread: a
    /// built-in that reads `rx.lastIndex` on every call neither allocates
    /// nor encodes, and its key is the very string the property table
    /// holds, so the table's comparison stops at the address.
    static NAME_KEYS: RefCell<FxHashMap<Box<str>, JsStr>> = RefCell::default();
}

impl From<&str> for PropertyKey {
    fn from(s: &str) -> PropertyKey {
        if let Some(i) = common_name_index(s) {
            // None of the common names is an array index.
            return PropertyKey::String(COMMON_KEYS.with(|keys| keys[i].clone()));
        }
        if s.len() > NAME_KEY_MAX_LEN || s.starts_with(|c: char| c.is_ascii_digit()) {
            return PropertyKey::from_string(JsStr::from(s));
        }
        // No array index starts with anything but a digit.
        NAME_KEYS.with(|cache| {
            if let Some(key) = cache.borrow().get(s) {
                return PropertyKey::String(key.clone());
            }
            let key = JsStr::from(s);
            let mut cache = cache.borrow_mut();
            if cache.len() < NAME_KEYS_MAX {
                cache.insert(s.into(), key.clone());
            }
            PropertyKey::String(key)
        })
    }
}

impl From<u32> for PropertyKey {
    fn from(i: u32) -> PropertyKey {
        if i == u32::MAX {
            PropertyKey::String(JsStr::from(i.to_string()))
        } else {
            PropertyKey::Index(i)
        }
    }
}

/// Identity of a key inside the property table's index. Symbols are
/// identified by address; the table's key list keeps them alive.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) enum KeyId {
    Index(u32),
    String(JsStr),
    Symbol(usize),
}

/// The attribute bits of a stored property.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Attributes {
    pub writable: bool,
    pub enumerable: bool,
    pub configurable: bool,
}

impl Attributes {
    /// What ordinary assignment creates: writable, enumerable, configurable.
    pub const ALL: Attributes = Attributes {
        writable: true,
        enumerable: true,
        configurable: true,
    };
    /// Built-in methods: writable, configurable, not enumerable.
    pub const METHOD: Attributes = Attributes {
        writable: true,
        enumerable: false,
        configurable: true,
    };
    /// A function's `prototype`: writable only.
    pub const WRITABLE_ONLY: Attributes = Attributes {
        writable: true,
        enumerable: false,
        configurable: false,
    };
}

/// A property as an object stores it: fully populated.
#[derive(Clone)]
pub enum Property {
    /// `writable` in `attrs` applies.
    Data { value: Value, attrs: Attributes },
    /// Boxed, being rarer than data properties: inline, its two functions
    /// made every property 40 bytes wide instead of 24.
    Accessor(Box<AccessorProperty>),
}

/// An accessor property's functions and attributes (`writable` in `attrs`
/// is ignored).
#[derive(Clone)]
pub struct AccessorProperty {
    pub get: Option<Gc<JsObject>>,
    pub set: Option<Gc<JsObject>>,
    pub attrs: Attributes,
}

impl Property {
    /// An accessor property.
    pub fn accessor(
        get: Option<Gc<JsObject>>,
        set: Option<Gc<JsObject>>,
        attrs: Attributes,
    ) -> Property {
        Property::Accessor(Box::new(AccessorProperty { get, set, attrs }))
    }

    pub fn attrs(&self) -> Attributes {
        match self {
            Property::Data { attrs, .. } => *attrs,
            Property::Accessor(a) => a.attrs,
        }
    }

    pub fn enumerable(&self) -> bool {
        self.attrs().enumerable
    }

    pub fn configurable(&self) -> bool {
        self.attrs().configurable
    }

    /// FromPropertyDescriptor's input: the complete descriptor of this property.
    pub fn to_descriptor(&self) -> PropertyDescriptor {
        match self {
            Property::Data { value, attrs } => PropertyDescriptor {
                value: Some(value.clone()),
                writable: Some(attrs.writable),
                get: None,
                set: None,
                enumerable: Some(attrs.enumerable),
                configurable: Some(attrs.configurable),
            },
            Property::Accessor(a) => PropertyDescriptor {
                value: None,
                writable: None,
                get: Some(a.get.clone()),
                set: Some(a.set.clone()),
                enumerable: Some(a.attrs.enumerable),
                configurable: Some(a.attrs.configurable),
            },
        }
    }
}

/// The Property Descriptor specification type: every field optional.
/// `get`/`set` are `Some(None)` for a present field whose value is undefined.
#[derive(Clone, Default)]
pub struct PropertyDescriptor {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Option<Gc<JsObject>>>,
    pub set: Option<Option<Gc<JsObject>>>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// A complete data descriptor.
    pub fn data(value: Value, attrs: Attributes) -> PropertyDescriptor {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attrs.writable),
            get: None,
            set: None,
            enumerable: Some(attrs.enumerable),
            configurable: Some(attrs.configurable),
        }
    }

    /// IsAccessorDescriptor ( Desc ) — <https://tc39.es/ecma262/#sec-isaccessordescriptor>
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }

    /// IsDataDescriptor ( Desc ) — <https://tc39.es/ecma262/#sec-isdatadescriptor>
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }

    /// IsGenericDescriptor ( Desc ) — <https://tc39.es/ecma262/#sec-isgenericdescriptor>
    pub fn is_generic(&self) -> bool {
        !self.is_accessor() && !self.is_data()
    }
}

// Trace is implemented by hand for the types above: gc_derive also emits an
// empty `Drop`, which would forbid moving fields out of them.

impl Finalize for PropertyKey {}

// SAFETY: visits the symbol a key may hold.
unsafe impl Trace for PropertyKey {
    gc::custom_trace!(this, {
        if let PropertyKey::Symbol(s) = this {
            mark(s);
        }
    });
}

impl Finalize for Property {}

// SAFETY: visits every `Gc` the property holds.
unsafe impl Trace for Property {
    gc::custom_trace!(this, {
        match this {
            Property::Data { value, .. } => mark(value),
            Property::Accessor(a) => {
                mark(&a.get);
                mark(&a.set);
            }
        }
    });
}

impl Finalize for PropertyDescriptor {}

// SAFETY: visits every `Gc` the descriptor holds.
unsafe impl Trace for PropertyDescriptor {
    gc::custom_trace!(this, {
        mark(&this.value);
        mark(&this.get);
        mark(&this.set);
    });
}

/// A map from property keys to positions, for the key indexes of shapes and
/// property tables. The hasher is FxHash (these maps sit on the property
/// lookup path, where SipHash cost a measurable share of run time), seeded
/// once per process so that key sets cannot be prepared to collide.
pub(crate) type KeyIndex = std::collections::HashMap<KeyId, usize, rustc_hash::FxSeededState>;

/// An empty `KeyIndex` with room for `capacity` keys.
pub(crate) fn key_index_with_capacity(capacity: usize) -> KeyIndex {
    static SEED: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let seed = *SEED.get_or_init(|| {
        use std::hash::BuildHasher;
        std::collections::hash_map::RandomState::new().hash_one(0u8) as usize
    });
    KeyIndex::with_capacity_and_hasher(capacity, rustc_hash::FxSeededState::with_seed(seed))
}

#[cfg(test)]
mod common_name_tests {
    use super::{common_name_index, COMMON_NAMES};

    #[test]
    fn every_common_name_is_found_at_its_position() {
        for (i, name) in COMMON_NAMES.iter().enumerate() {
            assert_eq!(common_name_index(name), Some(i), "{name}");
        }
        for other in ["", "x", "lengths", "Then", "constructors", "valueof"] {
            assert_eq!(common_name_index(other), None, "{other}");
        }
    }
}

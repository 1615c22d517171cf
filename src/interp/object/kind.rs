//! What kind of object a `JsObject` is: the internal slots beyond the
//! ordinary ones (ECMA-262 §10.4 exotic objects and the built-ins' slots).

use std::any::Any;
use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use crate::interp::function::FunctionData;
use crate::interp::string::JsStr;
use crate::interp::value::Symbol;

/// Internal slots of built-in object kinds that the object model itself
/// does not need to know about (Map, Set, Promise, RegExp, generators,
/// iterators, …). Each family defines its own struct and downcasts with
/// [`JsObject::data`](super::JsObject::data).
pub trait ObjectData: Trace + Any {
    fn as_any(&self) -> &dyn Any;
    /// The class name tests and debugging output show.
    fn class_name(&self) -> &'static str;
    /// Exotic objects whose stored data properties have computed values
    /// (module namespace objects, ECMA-262 §10.4.6): `Some(Some(v))` is the
    /// current value of own property `key`, `Some(None)` a binding still in
    /// its temporal dead zone ([[Get]] throws a ReferenceError); `None`: the
    /// stored value applies.
    fn live_value(
        &self,
        _key: &crate::interp::property::PropertyKey,
    ) -> Option<Option<crate::interp::value::Value>> {
        None
    }
    /// Whether [[Set]] always returns false (module namespace objects).
    fn rejects_set(&self) -> bool {
        false
    }
    /// An object whose own properties are looked up first (and to which
    /// new and deleted properties go): the contextified object behind a
    /// `vm.createContext` global. `None` for everything else.
    fn forward_target(&self) -> Option<Gc<super::JsObject>> {
        None
    }
    /// Integer-indexed exotic objects (typed arrays, ECMA-262 §10.4.5):
    /// the element storage that canonical numeric keys go to.
    fn integer_indexed(&self) -> Option<&dyn IntegerIndexed> {
        None
    }
}

/// A typed array's [[ContentType]] (§23.2.7): its elements are Numbers or BigInts.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ContentType {
    Number,
    BigInt,
}

/// The element storage of an integer-indexed exotic object (§10.4.5):
/// what its internal methods need for canonical numeric string keys.
pub trait IntegerIndexed {
    /// IsValidIntegerIndex ( O, index ) —
    /// <https://tc39.es/ecma262/#sec-isvalidintegerindex>
    fn is_valid_integer_index(&self, index: f64) -> bool;
    /// TypedArrayGetElement ( O, index ): `None` when `index` is not a
    /// valid integer index (the caller's undefined).
    fn get_element(&self, index: f64) -> Option<crate::interp::value::Value>;
    /// TypedArraySetElement ( O, index, numValue ) after its step 1–2
    /// conversion: `value` is already a Number, or a BigInt when the
    /// content type is bigint. Does nothing for an invalid index.
    fn set_element(&self, index: f64, value: &crate::interp::value::Value);
    /// [[ContentType]]: which conversion TypedArraySetElement applies.
    fn content_type(&self) -> ContentType;
    /// TypedArrayLength of the current view (0 when out of bounds), the
    /// number of index keys [[OwnPropertyKeys]] lists.
    fn current_length(&self) -> usize;
}

/// Array exotic objects' `length` (§10.4.2): kept here rather than as a
/// stored property so that element writes can update it cheaply.
pub struct ArrayData {
    pub length: Cell<u32>,
    pub length_writable: Cell<bool>,
}

pub enum ObjectKind {
    Ordinary,
    Array(ArrayData),
    /// Ordinary and built-in functions, closures, bound functions.
    Function(Box<FunctionData>),
    /// Has an [[ErrorData]] slot.
    Error,
    /// [[BooleanData]]
    Boolean(bool),
    /// [[NumberData]]
    Number(f64),
    /// String exotic objects (§10.4.3): [[StringData]].
    String(JsStr),
    /// [[SymbolData]]
    Symbol(Gc<Symbol>),
    /// [[BigIntData]]
    BigInt(crate::interp::bigint::JsBigInt),
    /// An unmapped arguments object (strict code only has these).
    Arguments,
    Other(Box<dyn ObjectData>),
}

impl Finalize for ObjectKind {}

// SAFETY: visits every `Gc` the kinds hold.
unsafe impl Trace for ObjectKind {
    gc::custom_trace!(this, {
        match this {
            ObjectKind::Function(f) => mark(f),
            ObjectKind::Symbol(s) => mark(s),
            ObjectKind::Other(data) => mark(data),
            _ => {}
        }
    });
}

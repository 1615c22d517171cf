//! What kind of object a `JsObject` is: the internal slots beyond the
//! ordinary ones (ECMA-262 §10.4 exotic objects and the built-ins' slots).

use std::any::Any;
use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use crate::interp::function::FunctionData;
use crate::interp::slots::Slot;
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
    /// A deferred module namespace object (Deferring Module Evaluation),
    /// whose internal methods may evaluate its module first
    /// (`crate::module::namespace::deferred_namespace_access`).
    fn is_deferred_namespace(&self) -> bool {
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

/// The internal slots of a Proxy exotic object (ECMA-262 §10.5): both
/// are null once the proxy is revoked. Whether it has [[Call]] and
/// [[Construct]] is fixed when ProxyCreate makes it.
#[derive(Trace, Finalize)]
pub struct ProxyData {
    /// [[ProxyTarget]]
    target: Slot<Option<Gc<super::JsObject>>>,
    /// [[ProxyHandler]]
    handler: Slot<Option<Gc<super::JsObject>>>,
    /// Whether the proxy has a [[Call]] internal method (its target is callable).
    pub callable: bool,
    /// Whether the proxy has a [[Construct]] internal method.
    pub constructor: bool,
}

impl ProxyData {
    pub fn new(
        target: Gc<super::JsObject>,
        handler: Gc<super::JsObject>,
        callable: bool,
        constructor: bool,
    ) -> ProxyData {
        ProxyData {
            target: Slot::new(Some(target)),
            handler: Slot::new(Some(handler)),
            callable,
            constructor,
        }
    }

    /// [[ProxyTarget]] and [[ProxyHandler]], or `None` for a revoked proxy.
    pub fn target_and_handler(&self) -> Option<(Gc<super::JsObject>, Gc<super::JsObject>)> {
        Some((self.target.get()?, self.handler.get()?))
    }

    /// [[ProxyTarget]], or `None` for a revoked proxy.
    pub fn target(&self) -> Option<Gc<super::JsObject>> {
        self.target.get()
    }

    /// Sets [[ProxyTarget]] and [[ProxyHandler]] to null (Proxy revocation
    /// functions, steps 4–5).
    pub fn revoke(&self) {
        self.target.set(None);
        self.handler.set(None);
    }
}

/// An error object's [[ErrorData]] slot, which vmjs uses for V8's lazy
/// `stack`: the `    at` lines are captured when the error is made, the
/// `name: message` header in front of them only when `stack` is first read
/// (so a subclass that sets `this.name` after `super()` shows its name).
#[derive(Default)]
pub struct ErrorData {
    /// The frames of a `stack` still waiting for its header: the very
    /// string stored as the property's value (a value written since is not
    /// this string, and is left alone).
    pending_frames: Cell<Option<JsStr>>,
}

impl ErrorData {
    /// Records `frames`, the value just stored as `stack`, as waiting for its header.
    pub fn set_pending_frames(&self, frames: JsStr) {
        self.pending_frames.set(Some(frames));
    }

    /// Whether a `stack` header is still to be computed.
    pub fn has_pending_frames(&self) -> bool {
        let frames = self.pending_frames.take();
        let pending = frames.is_some();
        self.pending_frames.set(frames);
        pending
    }

    /// The waiting frames, which are no longer waiting.
    pub fn take_pending_frames(&self) -> Option<JsStr> {
        self.pending_frames.take()
    }
}

pub enum ObjectKind {
    Ordinary,
    Array(ArrayData),
    /// Ordinary and built-in functions, closures, bound functions.
    Function(Box<FunctionData>),
    /// Has an [[ErrorData]] slot.
    Error(ErrorData),
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
    /// An arguments object: unmapped, or mapped with its [[ParameterMap]]
    /// (§10.4.4, `arguments.rs`).
    Arguments(Option<Box<super::ParameterMap>>),
    /// Proxy exotic objects (§10.5): [[ProxyTarget]] and [[ProxyHandler]].
    Proxy(ProxyData),
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
            ObjectKind::Proxy(proxy) => mark(proxy),
            ObjectKind::Arguments(Some(map)) => mark(map),
            _ => {}
        }
    });
}

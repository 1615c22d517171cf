//! Creating built-in function objects and installing properties on the
//! intrinsics (CreateBuiltinFunction, SetFunctionName, SetFunctionLength).

use std::rc::Rc;

use gc::Gc;

use super::agent::Agent;
use super::function::{Callable, FunctionData, NativeFn, NativeFunction};
use super::object::{JsObject, ObjectKind};
use super::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use super::shape::Shape;
use super::slots::Slots;
use super::string::JsStr;
use super::value::{Symbol, Value};

/// `length` and `name` of functions: not writable, not enumerable, configurable.
const FUNCTION_META: Attributes = Attributes {
    writable: false,
    enumerable: false,
    configurable: true,
};

/// Attributes of `C.prototype` on built-in constructors.
pub const FIXED: Attributes = Attributes {
    writable: false,
    enumerable: false,
    configurable: false,
};

impl Agent {
    /// CreateBuiltinFunction ( behaviour, length, name, … ) —
    /// <https://tc39.es/ecma262/#sec-createbuiltinfunction>
    pub fn native_function(&mut self, name: &str, length: u32, call: NativeFn) -> Gc<JsObject> {
        self.native_function_with(name, length, call, false, Vec::new())
    }

    /// A built-in function that closes over `captures` (read them with
    /// `CallArgs::capture`), optionally a constructor.
    pub fn native_function_with(
        &mut self,
        name: &str,
        length: u32,
        call: NativeFn,
        is_constructor: bool,
        captures: Vec<Value>,
    ) -> Gc<JsObject> {
        let f = JsObject::with_kind(
            Some(self.intrinsics().function_prototype.clone()),
            ObjectKind::Function(Box::new(FunctionData {
                callable: Callable::Native(NativeFunction {
                    call,
                    is_constructor,
                    captures: Slots::from_vec(captures),
                    realm: std::rc::Rc::downgrade(&self.realm),
                }),
            })),
        );
        set_function_length_and_name(&f, f64::from(length), JsStr::from(name), 0);
        f
    }

    /// A built-in constructor `name` with its prototype object linked both
    /// ways (`C.prototype`, `C.prototype.constructor`), made a global.
    pub fn native_constructor(
        &mut self,
        name: &'static str,
        length: u32,
        call: NativeFn,
        prototype: &Gc<JsObject>,
    ) -> Gc<JsObject> {
        let c = self.native_function_with(name, length, call, true, Vec::new());
        c.define_own_property(
            PropertyKey::from("prototype"),
            PropertyDescriptor::data(Value::Object(prototype.clone()), FIXED),
        );
        prototype.define_own_property(
            PropertyKey::from("constructor"),
            PropertyDescriptor::data(Value::Object(c.clone()), Attributes::METHOD),
        );
        self.intrinsics().register(name, c.clone());
        let global = self.global_object();
        define_value(&global, name, Value::Object(c.clone()), Attributes::METHOD);
        c
    }

    /// `target[@@toStringTag]`: `tag`, not writable, not enumerable,
    /// configurable (as every built-in prototype's is).
    pub fn define_to_string_tag(&mut self, target: &Gc<JsObject>, tag: &str) {
        target.define_own_property(
            PropertyKey::Symbol(self.symbols.to_string_tag.clone()),
            PropertyDescriptor::data(
                Value::from(tag),
                Attributes {
                    writable: false,
                    enumerable: false,
                    configurable: true,
                },
            ),
        );
    }

    /// `get [Symbol.species]` on a built-in constructor: a getter that
    /// returns the this value.
    pub fn define_species(&mut self, ctor: &Gc<JsObject>) {
        let species = self.symbols.species.clone();
        self.define_accessor(
            ctor,
            PropertyKey::Symbol(species),
            Some(species_getter),
            None,
        );
    }

    /// Defines a built-in method `name` on `target`.
    pub fn define_method(
        &mut self,
        target: &Gc<JsObject>,
        name: &str,
        length: u32,
        call: NativeFn,
    ) -> Gc<JsObject> {
        let f = self.native_function(name, length, call);
        define_value(target, name, Value::Object(f.clone()), Attributes::METHOD);
        f
    }

    /// Defines a built-in method keyed by a symbol (its name is `[description]`).
    pub fn define_symbol_method(
        &mut self,
        target: &Gc<JsObject>,
        symbol: &Gc<Symbol>,
        length: u32,
        call: NativeFn,
    ) -> Gc<JsObject> {
        let name = symbol_function_name(symbol, None);
        let f = self.native_function(&name, length, call);
        target.define_own_property(
            PropertyKey::Symbol(symbol.clone()),
            PropertyDescriptor::data(Value::Object(f.clone()), Attributes::METHOD),
        );
        f
    }

    /// Defines an accessor property with built-in getter (and setter).
    pub fn define_accessor(
        &mut self,
        target: &Gc<JsObject>,
        key: PropertyKey,
        getter: Option<NativeFn>,
        setter: Option<NativeFn>,
    ) {
        let base = match &key {
            PropertyKey::Symbol(s) => symbol_function_name(s, None),
            other => other.to_value_string(),
        };
        let get = getter.map(|g| self.native_function(&format!("get {base}"), 0, g));
        let set = setter.map(|s| self.native_function(&format!("set {base}"), 1, s));
        target.define_own_property(
            key,
            PropertyDescriptor {
                get: Some(get),
                set: Some(set),
                enumerable: Some(false),
                configurable: Some(true),
                ..Default::default()
            },
        );
    }
}

/// Defines a data property with the given attributes (no checks: for
/// setting up intrinsics and fresh objects).
pub fn define_value(target: &Gc<JsObject>, name: &str, value: Value, attrs: Attributes) {
    target.define_own_property(
        PropertyKey::from(name),
        PropertyDescriptor::data(value, attrs),
    );
}

/// SetFunctionName ( F, name ) for a name already converted to a string.
pub fn set_function_name(f: &Gc<JsObject>, name: JsStr) {
    // 1. Assert: F is an extensible object that does not have a "name" own
    //    property. 6. Perform ! DefinePropertyOrThrow(F, "name", …): on such
    //    an object, a plain insert.
    NAME_KEY.with(|key| f.insert_own_data(key.clone(), Value::String(name), FUNCTION_META));
}

thread_local! {
    /// The keys every function object gets, made once.
    static NAME_KEY: PropertyKey = PropertyKey::from("name");
    static LENGTH_KEY: PropertyKey = PropertyKey::from("length");
    /// The shape of a function object's first two properties, `length`
    /// then `name` (None: the shape tree refused the transition).
    static LENGTH_NAME_SHAPE: Option<Rc<Shape>> = LENGTH_KEY.with(|length| {
        NAME_KEY.with(|name| Shape::empty().with_key(length)?.with_key(name))
    });
}

/// SetFunctionLength then SetFunctionName on a function object that has no
/// properties yet: both at once, through their shared shape. `room` more
/// properties are to follow (a constructor's `prototype`).
pub fn set_function_length_and_name(f: &Gc<JsObject>, length: f64, name: JsStr, room: usize) {
    let done = LENGTH_NAME_SHAPE.with(|shape| match shape {
        Some(shape) => {
            let mut properties = Vec::with_capacity(2 + room);
            properties.push(Some(Property::Data {
                value: Value::Number(length),
                attrs: FUNCTION_META,
            }));
            properties.push(Some(Property::Data {
                value: Value::String(name.clone()),
                attrs: FUNCTION_META,
            }));
            f.init_properties_from_shape(shape, properties)
        }
        None => false,
    });
    if !done {
        set_function_length(f, length);
        set_function_name(f, name);
    }
}

/// SetFunctionLength ( F, length ) — <https://tc39.es/ecma262/#sec-setfunctionlength>
pub fn set_function_length(f: &Gc<JsObject>, length: f64) {
    // 1. Assert: F is an extensible object that does not have a "length"
    //    own property. 2. Perform ! DefinePropertyOrThrow(F, "length", …).
    LENGTH_KEY.with(|key| f.insert_own_data(key.clone(), Value::Number(length), FUNCTION_META));
}

/// The name SetFunctionName gives a function keyed by a symbol:
/// `[description]` (or "" without one), with an optional `get `/`set ` prefix.
pub fn symbol_function_name(symbol: &Gc<Symbol>, prefix: Option<&str>) -> String {
    let base = match &symbol.description {
        Some(d) if symbol.private => d.to_rust_string(),
        Some(d) => format!("[{}]", d.to_rust_string()),
        None => String::new(),
    };
    match prefix {
        Some(p) => format!("{p} {base}"),
        None => base,
    }
}

impl PropertyKey {
    /// The key as a Rust string (symbols as `Symbol(description)`).
    pub fn to_value_string(&self) -> String {
        super::ops::object_ops::key_display(self)
    }
}

/// `get [Symbol.species]` of the built-in constructors: the this value.
fn species_getter(
    _: &mut Agent,
    args: &crate::interp::function::CallArgs,
) -> crate::interp::completion::JsResult<Value> {
    Ok(args.this.clone())
}

//! Realms (ECMA-262 §9.3): a set of intrinsic objects and a global object.
//! `Realm::new` creates the intrinsic prototypes as bare objects of the
//! right kind; the builtin families (`builtins::install`) then give them
//! their properties and create the constructors.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gc::Gc;

use super::function::{CallArgs, Callable, FunctionData, NativeFunction};
use super::object::{JsObject, ObjectKind};
use super::slots::Slots;
use super::string::JsStr;
use super::value::{Symbol, Value};

/// The well-known symbols (§6.1.5.1), shared by every realm of an agent.
#[derive(Clone)]
pub struct WellKnownSymbols {
    pub async_iterator: Gc<Symbol>,
    pub has_instance: Gc<Symbol>,
    pub is_concat_spreadable: Gc<Symbol>,
    pub iterator: Gc<Symbol>,
    pub match_: Gc<Symbol>,
    pub match_all: Gc<Symbol>,
    pub replace: Gc<Symbol>,
    pub search: Gc<Symbol>,
    pub species: Gc<Symbol>,
    pub split: Gc<Symbol>,
    pub to_primitive: Gc<Symbol>,
    pub to_string_tag: Gc<Symbol>,
    pub unscopables: Gc<Symbol>,
}

impl WellKnownSymbols {
    pub fn new() -> WellKnownSymbols {
        let s = |name: &str| Symbol::new(Some(JsStr::from(format!("Symbol.{name}"))));
        WellKnownSymbols {
            async_iterator: s("asyncIterator"),
            has_instance: s("hasInstance"),
            is_concat_spreadable: s("isConcatSpreadable"),
            iterator: s("iterator"),
            match_: s("match"),
            match_all: s("matchAll"),
            replace: s("replace"),
            search: s("search"),
            species: s("species"),
            split: s("split"),
            to_primitive: s("toPrimitive"),
            to_string_tag: s("toStringTag"),
            unscopables: s("unscopables"),
        }
    }

    /// (name without "Symbol.", symbol) for each, in spec table order.
    pub fn all(&self) -> Vec<(&'static str, Gc<Symbol>)> {
        vec![
            ("asyncIterator", self.async_iterator.clone()),
            ("hasInstance", self.has_instance.clone()),
            ("isConcatSpreadable", self.is_concat_spreadable.clone()),
            ("iterator", self.iterator.clone()),
            ("match", self.match_.clone()),
            ("matchAll", self.match_all.clone()),
            ("replace", self.replace.clone()),
            ("search", self.search.clone()),
            ("species", self.species.clone()),
            ("split", self.split.clone()),
            ("toPrimitive", self.to_primitive.clone()),
            ("toStringTag", self.to_string_tag.clone()),
            ("unscopables", self.unscopables.clone()),
        ]
    }
}

impl Default for WellKnownSymbols {
    fn default() -> Self {
        WellKnownSymbols::new()
    }
}

/// The intrinsic prototypes every part of the evaluator needs by name.
/// Constructors and other intrinsics are registered by name in `named`.
pub struct Intrinsics {
    pub object_prototype: Gc<JsObject>,
    pub function_prototype: Gc<JsObject>,
    pub array_prototype: Gc<JsObject>,
    pub string_prototype: Gc<JsObject>,
    pub number_prototype: Gc<JsObject>,
    pub boolean_prototype: Gc<JsObject>,
    pub symbol_prototype: Gc<JsObject>,
    pub bigint_prototype: Gc<JsObject>,
    pub error_prototype: Gc<JsObject>,
    pub type_error_prototype: Gc<JsObject>,
    pub range_error_prototype: Gc<JsObject>,
    pub reference_error_prototype: Gc<JsObject>,
    pub syntax_error_prototype: Gc<JsObject>,
    pub eval_error_prototype: Gc<JsObject>,
    pub uri_error_prototype: Gc<JsObject>,
    pub aggregate_error_prototype: Gc<JsObject>,
    pub promise_prototype: Gc<JsObject>,
    pub map_prototype: Gc<JsObject>,
    pub set_prototype: Gc<JsObject>,
    pub weak_map_prototype: Gc<JsObject>,
    pub weak_set_prototype: Gc<JsObject>,
    pub regexp_prototype: Gc<JsObject>,
    pub date_prototype: Gc<JsObject>,
    /// %IteratorPrototype%
    pub iterator_prototype: Gc<JsObject>,
    /// %AsyncIteratorPrototype%
    pub async_iterator_prototype: Gc<JsObject>,
    pub array_iterator_prototype: Gc<JsObject>,
    pub string_iterator_prototype: Gc<JsObject>,
    pub map_iterator_prototype: Gc<JsObject>,
    pub set_iterator_prototype: Gc<JsObject>,
    pub regexp_string_iterator_prototype: Gc<JsObject>,
    /// %GeneratorFunction.prototype% (the prototype of generator functions)
    pub generator_function_prototype: Gc<JsObject>,
    /// %GeneratorPrototype% (%GeneratorFunction.prototype.prototype%)
    pub generator_prototype: Gc<JsObject>,
    pub async_function_prototype: Gc<JsObject>,
    pub async_generator_function_prototype: Gc<JsObject>,
    pub async_generator_prototype: Gc<JsObject>,
    /// %AsyncFromSyncIteratorPrototype%
    pub async_from_sync_iterator_prototype: Gc<JsObject>,
    /// Constructors and other intrinsics by their spec name without `%`
    /// ("Object", "Array", "Promise", "ThrowTypeError", …).
    named: RefCell<HashMap<&'static str, Gc<JsObject>>>,
    /// %Array.prototype.values% and %ThrowTypeError%, also kept here by
    /// their installers (beside `named`): every arguments object needs them.
    pub(crate) array_prototype_values: OnceCell<Gc<JsObject>>,
    pub(crate) throw_type_error: OnceCell<Gc<JsObject>>,
    /// The getters of RegExp.prototype's `flags` and flag properties, kept
    /// by the RegExp installer: a built-in that would call them finds them
    /// by identity and reads the flags itself (see `regexp/accessors.rs`).
    pub(crate) regexp_getters: OnceCell<Vec<Gc<JsObject>>>,
    /// The prototype epoch in which %RegExp.prototype% was last found to
    /// hold all of `regexp_getters` (any change to one of its accessors
    /// moves the epoch on).
    pub(crate) regexp_getters_checked: std::cell::Cell<Option<u64>>,
    /// %Function.prototype[@@hasInstance]%, which `instanceof` finds on
    /// almost every call (see `Agent::instance_of`).
    pub(crate) function_has_instance: OnceCell<Gc<JsObject>>,
}

impl Intrinsics {
    /// A named intrinsic registered by a builtin family.
    pub fn get(&self, name: &str) -> Gc<JsObject> {
        self.named
            .borrow()
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("intrinsic %{name}% is installed at realm creation"))
    }

    pub fn try_get(&self, name: &str) -> Option<Gc<JsObject>> {
        self.named.borrow().get(name).cloned()
    }

    pub fn register(&self, name: &'static str, object: Gc<JsObject>) {
        self.named.borrow_mut().insert(name, object);
    }

    /// The intrinsic of `other` that is to `other` what `object` is to
    /// this realm (%Array.prototype% for %Array.prototype%, …), found by
    /// identity: GetPrototypeFromConstructor's intrinsicDefaultProto names
    /// an intrinsic, which callers pass as the current realm's object.
    pub fn same_intrinsic_in(
        &self,
        other: &Intrinsics,
        object: &Gc<JsObject>,
    ) -> Option<Gc<JsObject>> {
        let fields: [(&Gc<JsObject>, &Gc<JsObject>); 36] = [
            (&self.object_prototype, &other.object_prototype),
            (&self.function_prototype, &other.function_prototype),
            (&self.array_prototype, &other.array_prototype),
            (&self.string_prototype, &other.string_prototype),
            (&self.number_prototype, &other.number_prototype),
            (&self.boolean_prototype, &other.boolean_prototype),
            (&self.symbol_prototype, &other.symbol_prototype),
            (&self.bigint_prototype, &other.bigint_prototype),
            (&self.error_prototype, &other.error_prototype),
            (&self.type_error_prototype, &other.type_error_prototype),
            (&self.range_error_prototype, &other.range_error_prototype),
            (
                &self.reference_error_prototype,
                &other.reference_error_prototype,
            ),
            (&self.syntax_error_prototype, &other.syntax_error_prototype),
            (&self.eval_error_prototype, &other.eval_error_prototype),
            (&self.uri_error_prototype, &other.uri_error_prototype),
            (
                &self.aggregate_error_prototype,
                &other.aggregate_error_prototype,
            ),
            (&self.promise_prototype, &other.promise_prototype),
            (&self.map_prototype, &other.map_prototype),
            (&self.set_prototype, &other.set_prototype),
            (&self.weak_map_prototype, &other.weak_map_prototype),
            (&self.weak_set_prototype, &other.weak_set_prototype),
            (&self.regexp_prototype, &other.regexp_prototype),
            (&self.date_prototype, &other.date_prototype),
            (&self.iterator_prototype, &other.iterator_prototype),
            (
                &self.async_iterator_prototype,
                &other.async_iterator_prototype,
            ),
            (
                &self.array_iterator_prototype,
                &other.array_iterator_prototype,
            ),
            (
                &self.string_iterator_prototype,
                &other.string_iterator_prototype,
            ),
            (&self.map_iterator_prototype, &other.map_iterator_prototype),
            (&self.set_iterator_prototype, &other.set_iterator_prototype),
            (
                &self.regexp_string_iterator_prototype,
                &other.regexp_string_iterator_prototype,
            ),
            (
                &self.generator_function_prototype,
                &other.generator_function_prototype,
            ),
            (&self.generator_prototype, &other.generator_prototype),
            (
                &self.async_function_prototype,
                &other.async_function_prototype,
            ),
            (
                &self.async_generator_function_prototype,
                &other.async_generator_function_prototype,
            ),
            (
                &self.async_generator_prototype,
                &other.async_generator_prototype,
            ),
            (
                &self.async_from_sync_iterator_prototype,
                &other.async_from_sync_iterator_prototype,
            ),
        ];
        if let Some((_, theirs)) = fields.iter().find(|(mine, _)| Gc::ptr_eq(mine, object)) {
            return Some((*theirs).clone());
        }
        let name = self
            .named
            .borrow()
            .iter()
            .find(|(_, o)| Gc::ptr_eq(o, object))
            .map(|(name, _)| *name)?;
        other.try_get(name)
    }
}

/// A Realm Record.
pub struct Realm {
    pub intrinsics: Intrinsics,
    /// [[GlobalObject]] (also the global environment's object record).
    pub global_object: Gc<JsObject>,
    /// [[GlobalEnv]]'s declarative record: a name not
    /// found in any scope is looked up there, then on the global object.
    pub global_env: super::global_env::GlobalEnvironment,
    pub symbols: WellKnownSymbols,
}

fn function_prototype_call(
    _: &mut super::agent::Agent,
    _: &CallArgs,
) -> super::completion::JsResult<Value> {
    // %Function.prototype% accepts any arguments and returns undefined.
    Ok(Value::Undefined)
}

impl Realm {
    /// CreateIntrinsics + SetRealmGlobalObject, without the builtins'
    /// properties (installed next by `builtins::install`).
    pub fn new(symbols: &WellKnownSymbols) -> Rc<Realm> {
        Realm::with_global(symbols, ObjectKind::Ordinary)
    }

    /// A realm whose global object is of kind `global_kind` (a context's
    /// global forwards to its contextified object).
    pub fn with_global(symbols: &WellKnownSymbols, global_kind: ObjectKind) -> Rc<Realm> {
        Rc::new_cyclic(|realm| Realm::create_intrinsics(realm, symbols, global_kind))
    }

    /// CreateIntrinsics ( realmRec ) and the global object, for the realm
    /// `realm` is about to point to (the [[Realm]] of %Function.prototype%).
    fn create_intrinsics(
        realm: &std::rc::Weak<Realm>,
        symbols: &WellKnownSymbols,
        global_kind: ObjectKind,
    ) -> Realm {
        let op = JsObject::ordinary_create(None);
        let plain = |proto: &Gc<JsObject>| JsObject::ordinary_create(Some(proto.clone()));
        let function_prototype = JsObject::with_kind(
            Some(op.clone()),
            ObjectKind::Function(Box::new(FunctionData {
                callable: Callable::Native(NativeFunction {
                    call: function_prototype_call,
                    is_constructor: false,
                    captures: Slots::new(),
                    realm: realm.clone(),
                }),
            })),
        );
        let error_prototype = plain(&op);
        let iterator_prototype = plain(&op);
        let async_iterator_prototype = plain(&op);
        let generator_prototype = plain(&iterator_prototype);
        let async_generator_prototype = plain(&async_iterator_prototype);
        let intrinsics = Intrinsics {
            array_prototype: JsObject::array_create(0, Some(op.clone())),
            string_prototype: JsObject::with_kind(
                Some(op.clone()),
                ObjectKind::String(JsStr::from("")),
            ),
            number_prototype: JsObject::with_kind(Some(op.clone()), ObjectKind::Number(0.0)),
            boolean_prototype: JsObject::with_kind(Some(op.clone()), ObjectKind::Boolean(false)),
            symbol_prototype: plain(&op),
            bigint_prototype: plain(&op),
            type_error_prototype: plain(&error_prototype),
            range_error_prototype: plain(&error_prototype),
            reference_error_prototype: plain(&error_prototype),
            syntax_error_prototype: plain(&error_prototype),
            eval_error_prototype: plain(&error_prototype),
            uri_error_prototype: plain(&error_prototype),
            aggregate_error_prototype: plain(&error_prototype),
            promise_prototype: plain(&op),
            map_prototype: plain(&op),
            set_prototype: plain(&op),
            weak_map_prototype: plain(&op),
            weak_set_prototype: plain(&op),
            regexp_prototype: plain(&op),
            date_prototype: plain(&op),
            array_iterator_prototype: plain(&iterator_prototype),
            string_iterator_prototype: plain(&iterator_prototype),
            map_iterator_prototype: plain(&iterator_prototype),
            set_iterator_prototype: plain(&iterator_prototype),
            regexp_string_iterator_prototype: plain(&iterator_prototype),
            generator_function_prototype: plain(&function_prototype),
            async_function_prototype: plain(&function_prototype),
            async_generator_function_prototype: plain(&function_prototype),
            async_from_sync_iterator_prototype: plain(&async_iterator_prototype),
            generator_prototype,
            async_generator_prototype,
            iterator_prototype,
            async_iterator_prototype,
            error_prototype,
            function_prototype,
            object_prototype: op.clone(),
            named: RefCell::new(HashMap::new()),
            array_prototype_values: OnceCell::new(),
            throw_type_error: OnceCell::new(),
            regexp_getters: OnceCell::new(),
            regexp_getters_checked: std::cell::Cell::new(None),
            function_has_instance: OnceCell::new(),
        };
        let global_object = JsObject::with_kind(Some(op), global_kind);
        Realm {
            intrinsics,
            global_object,
            global_env: Default::default(),
            symbols: symbols.clone(),
        }
    }
}

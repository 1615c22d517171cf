//! Arguments objects (ECMA-262 §10.4.4): CreateUnmappedArgumentsObject,
//! CreateMappedArgumentsObject and %ThrowTypeError%.

use std::cell::RefCell;
use std::rc::Rc;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind, ParameterMap};
use crate::interp::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use crate::interp::shape::Shape;
use crate::interp::value::{Symbol, Value};

/// %ThrowTypeError% ( ) — <https://tc39.es/ecma262/#sec-%throwtypeerror%>
fn throw_type_error(agent: &mut Agent, _args: &CallArgs) -> JsResult<Value> {
    // 1. Throw a TypeError exception.
    agent.throw_type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    )
}

/// Creates %ThrowTypeError%: unique per realm, non-extensible, its
/// `length` and `name` non-configurable.
pub fn install(agent: &mut Agent) {
    let f = agent.native_function("", 0, throw_type_error);
    for (key, value) in [("length", Value::Number(0.0)), ("name", Value::from(""))] {
        f.define_own_property(
            PropertyKey::from(key),
            PropertyDescriptor::data(value, Attributes::default()),
        );
    }
    f.prevent_extensions();
    let _ = agent.intrinsics().throw_type_error.set(f.clone());
    agent.intrinsics().register("ThrowTypeError", f);
}

thread_local! {
    /// The shape of an arguments object's own named keys, in the order both
    /// algorithms create them: `length`, @@iterator, `callee`. The shape
    /// keeps its @@iterator alive, so an agent with other well-known
    /// symbols (another thread-local agent) only makes it anew.
    static ARGUMENTS_SHAPE: RefCell<Option<Rc<Shape>>> = const { RefCell::new(None) };
}

/// `ARGUMENTS_SHAPE` for `iterator` (None: the shape tree refused it, and
/// the keys are inserted one by one).
fn arguments_shape(iterator: &Gc<Symbol>) -> Option<Rc<Shape>> {
    ARGUMENTS_SHAPE.with(|cell| {
        let mut cached = cell.borrow_mut();
        let iterator = PropertyKey::Symbol(iterator.clone());
        let current = cached
            .as_ref()
            .filter(|shape| shape.position(&iterator.id()) == Some(1));
        if current.is_none() {
            *cached = Shape::empty()
                .with_key(&PropertyKey::from("length"))
                .and_then(|s| s.with_key(&iterator))
                .and_then(|s| s.with_key(&PropertyKey::from("callee")));
        }
        cached.clone()
    })
}

impl Agent {
    /// An arguments object's named properties: `length` (CreateUnmappedArgumentsObject
    /// step 4, CreateMappedArgumentsObject step 16), @@iterator (steps 7
    /// and 20: %Array.prototype.values%) and `callee` (steps 8 and 21).
    /// The object has no properties yet, so each definition is a plain
    /// insert, and all three are made at once through their shared shape.
    fn arguments_named_properties(&mut self, obj: &Gc<JsObject>, length: usize, callee: Property) {
        let length = Property::Data {
            value: Value::Number(length as f64),
            attrs: Attributes::METHOD,
        };
        let values = self.intrinsics().array_prototype_values.get().cloned();
        let iterator = values.map(|values| Property::Data {
            value: Value::Object(values),
            attrs: Attributes::METHOD,
        });
        let symbol = self.symbols.iterator.clone();
        let shape = iterator.as_ref().and_then(|_| arguments_shape(&symbol));
        match (iterator, shape) {
            (Some(iterator), Some(shape)) => {
                let properties = vec![Some(length), Some(iterator), Some(callee)];
                let done = obj.init_properties_from_shape(&shape, properties);
                debug_assert!(done, "a new arguments object takes its shape");
            }
            // Without the shape (or while %Array.prototype.values% is not
            // yet installed), one key at a time.
            (iterator, _) => {
                obj.insert_property(PropertyKey::from("length"), length);
                if let Some(iterator) = iterator {
                    obj.insert_property(PropertyKey::Symbol(symbol), iterator);
                }
                obj.insert_property(PropertyKey::from("callee"), callee);
            }
        }
    }

    /// CreateUnmappedArgumentsObject ( argumentsList ) —
    /// <https://tc39.es/ecma262/#sec-createunmappedargumentsobject>
    pub(crate) fn create_unmapped_arguments_object(&mut self, args: &[Value]) -> Gc<JsObject> {
        // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%, « [[ParameterMap]] »).
        // 3. Set obj.[[ParameterMap]] to undefined.
        let obj = JsObject::with_kind_and_room(
            Some(self.intrinsics().object_prototype.clone()),
            ObjectKind::Arguments(None),
            3,
        );
        // 5–6. The indices: writable, enumerable, configurable data
        //      properties, which is how dense elements are stored.
        obj.init_elements(args);
        // 4, 7–8. length, @@iterator, and "callee": PropertyDescriptor {
        //    [[Get]]: %ThrowTypeError%, [[Set]]: %ThrowTypeError%,
        //    [[Enumerable]]: false, [[Configurable]]: false }.
        let thrower = self.intrinsics().throw_type_error.get().cloned();
        let callee = Property::accessor(
            thrower.clone(),
            thrower,
            Attributes {
                writable: false,
                enumerable: false,
                configurable: false,
            },
        );
        self.arguments_named_properties(&obj, args.len(), callee);
        // 9. Return obj.
        obj
    }

    /// CreateMappedArgumentsObject ( func, formals, argumentsList, env ) —
    /// <https://tc39.es/ecma262/#sec-createmappedargumentsobject>;
    /// `parameter_slots` are the parameters' slots in `env` (scope
    /// analysis resolved steps 16–18's mappedNames).
    pub(crate) fn create_mapped_arguments_object(
        &mut self,
        func: &Gc<JsObject>,
        args: &[Value],
        env: Gc<Env>,
        parameter_slots: &[Option<u32>],
    ) -> Gc<JsObject> {
        // 18.b.ii. Only indices below len are mapped.
        let slots: Vec<Option<u32>> = parameter_slots.iter().take(args.len()).copied().collect();
        // An object none of whose indices is mapped (no formals, or no
        // arguments) behaves as an ordinary one in every exotic method (each
        // asks the map first), so it keeps no map and its indices dense.
        let mapped = slots.iter().any(Option::is_some);
        // 3–10. obj, an arguments exotic object whose [[ParameterMap]] is map.
        let map = mapped.then(|| Box::new(ParameterMap::new(env, slots)));
        let obj = JsObject::with_kind_and_room(
            Some(self.intrinsics().object_prototype.clone()),
            ObjectKind::Arguments(map),
            3 + if mapped { args.len() } else { 0 },
        );
        // 16, 20–21. length, @@iterator, and "callee": PropertyDescriptor {
        //     [[Value]]: func, [[Writable]]: true, [[Enumerable]]: false,
        //     [[Configurable]]: true }.
        let callee = Property::Data {
            value: Value::Object(func.clone()),
            attrs: Attributes::METHOD,
        };
        self.arguments_named_properties(&obj, args.len(), callee);
        // 14–15. The indices. A mapped object keeps them in its property
        // table, where the exotic methods see every access.
        if mapped {
            obj.make_sparse();
            for (i, v) in args.iter().enumerate() {
                obj.insert_property(
                    PropertyKey::Index(i as u32),
                    Property::Data {
                        value: v.clone(),
                        attrs: Attributes::ALL,
                    },
                );
            }
        } else {
            obj.init_elements(args);
        }
        // 22. Return obj.
        obj
    }
}

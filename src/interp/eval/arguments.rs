//! Arguments objects (ECMA-262 §10.4.4): CreateUnmappedArgumentsObject,
//! CreateMappedArgumentsObject and %ThrowTypeError%.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind, ParameterMap};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

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
    agent.intrinsics().register("ThrowTypeError", f);
}

impl Agent {
    /// The properties both kinds of arguments object start with
    /// (CreateUnmappedArgumentsObject steps 4–7, CreateMappedArgumentsObject
    /// steps 14–15 and 19).
    fn arguments_properties(&mut self, obj: &Gc<JsObject>, args: &[Value]) {
        for (i, v) in args.iter().enumerate() {
            obj.define_own_property(
                PropertyKey::Index(i as u32),
                PropertyDescriptor::data(v.clone(), Attributes::ALL),
            );
        }
        obj.define_own_property(
            PropertyKey::from("length"),
            PropertyDescriptor::data(Value::Number(args.len() as f64), Attributes::METHOD),
        );
        // @@iterator is %Array.prototype.values%.
        let array_proto = self.intrinsics().array_prototype.clone();
        if let Some(values) = array_proto.get_own_data_value(&PropertyKey::from("values")) {
            obj.define_own_property(
                PropertyKey::Symbol(self.symbols.iterator.clone()),
                PropertyDescriptor::data(values, Attributes::METHOD),
            );
        }
    }

    /// CreateUnmappedArgumentsObject ( argumentsList ) —
    /// <https://tc39.es/ecma262/#sec-createunmappedargumentsobject>
    pub(crate) fn create_unmapped_arguments_object(&mut self, args: &[Value]) -> Gc<JsObject> {
        // 2. Let obj be OrdinaryObjectCreate(%Object.prototype%, « [[ParameterMap]] »).
        // 3. Set obj.[[ParameterMap]] to undefined.
        let obj = JsObject::with_kind(
            Some(self.intrinsics().object_prototype.clone()),
            ObjectKind::Arguments(None),
        );
        // 4–7. length, the indices, @@iterator.
        self.arguments_properties(&obj, args);
        // 8. Perform ! DefinePropertyOrThrow(obj, "callee", PropertyDescriptor {
        //    [[Get]]: %ThrowTypeError%, [[Set]]: %ThrowTypeError%,
        //    [[Enumerable]]: false, [[Configurable]]: false }).
        if let Some(thrower) = self.intrinsics().try_get("ThrowTypeError") {
            obj.define_own_property(
                PropertyKey::from("callee"),
                PropertyDescriptor {
                    get: Some(Some(thrower.clone())),
                    set: Some(Some(thrower)),
                    enumerable: Some(false),
                    configurable: Some(false),
                    ..PropertyDescriptor::default()
                },
            );
        }
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
        let slots = parameter_slots.iter().take(args.len()).copied().collect();
        // 3–10. obj, an arguments exotic object whose [[ParameterMap]] is map.
        let obj = JsObject::with_kind(
            Some(self.intrinsics().object_prototype.clone()),
            ObjectKind::Arguments(Some(Box::new(ParameterMap::new(env, slots)))),
        );
        // Its index properties live in the property table, where the
        // exotic methods see every access.
        obj.make_sparse();
        // 14–15, 19. The indices, length, @@iterator.
        self.arguments_properties(&obj, args);
        // 20. Perform ! DefinePropertyOrThrow(obj, "callee", PropertyDescriptor {
        //     [[Value]]: func, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }).
        obj.define_own_property(
            PropertyKey::from("callee"),
            PropertyDescriptor::data(Value::Object(func.clone()), Attributes::METHOD),
        );
        // 21. Return obj.
        obj
    }
}

//! Creating ECMAScript function objects from the AST (ECMA-262 §10.2.3
//! OrdinaryFunctionCreate, §10.2.5 MakeConstructor, §10.2.7 MakeMethod,
//! InstantiateOrdinaryFunctionExpression and friends, NamedEvaluation).

use std::rc::Rc;

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{Callable, Closure, Code, ConstructorKind, FunctionData};
use crate::interp::native::{set_function_length_and_name, symbol_function_name};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::slots::{Slot, Slots};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, ExprKind, Function, FunctionKind};

impl Agent {
    /// A function, generator, async or arrow function expression's value.
    pub fn instantiate_function_expression(
        &mut self,
        f: &Frame,
        func: &Rc<Function>,
        name: Option<JsStr>,
    ) -> Gc<JsObject> {
        let name = name
            .or_else(|| func.name.as_ref().map(|n| JsStr::from_units(n.units())))
            .unwrap_or_else(|| JsStr::from(""));
        self.make_function(f, func, None, name)
    }

    /// InstantiateFunctionObject for a hoisted declaration.
    pub(crate) fn instantiate_function_declaration(
        &mut self,
        f: &Frame,
        func: &Rc<Function>,
    ) -> Gc<JsObject> {
        let name = func
            .name
            .as_ref()
            .map(|n| JsStr::from_units(n.units()))
            .unwrap_or_else(|| JsStr::from("default"));
        self.make_function(f, func, None, name)
    }

    /// DefineMethod / MethodDefinitionEvaluation's function: [[HomeObject]] set.
    pub(crate) fn instantiate_method(
        &mut self,
        f: &Frame,
        func: &Rc<Function>,
        home: &Gc<JsObject>,
        name: JsStr,
    ) -> Gc<JsObject> {
        self.make_function(f, func, Some(home.clone()), name)
    }

    /// OrdinaryFunctionCreate + SetFunctionName + MakeConstructor (or the
    /// generator `prototype`), by the kind of function.
    fn make_function(
        &mut self,
        f: &Frame,
        func: &Rc<Function>,
        home: Option<Gc<JsObject>>,
        name: JsStr,
    ) -> Gc<JsObject> {
        let i = self.intrinsics();
        let (proto, prototype_parent) = match (func.is_async, func.is_generator) {
            (false, false) => (i.function_prototype.clone(), None),
            (false, true) => (
                i.generator_function_prototype.clone(),
                Some(i.generator_prototype.clone()),
            ),
            (true, false) => (i.async_function_prototype.clone(), None),
            (true, true) => (
                i.async_generator_function_prototype.clone(),
                Some(i.async_generator_prototype.clone()),
            ),
        };
        let object_prototype = i.object_prototype.clone();
        let constructor_kind = match func.kind {
            FunctionKind::Normal if !func.is_async && !func.is_generator => ConstructorKind::Plain,
            _ => ConstructorKind::None,
        };
        let closure = self.closure_object(
            f,
            Code::Function(func.clone()),
            proto,
            home,
            constructor_kind,
        );
        let sloppy_plain = constructor_kind == ConstructorKind::Plain && !func.is_strict();
        let room =
            usize::from(prototype_parent.is_some() || constructor_kind == ConstructorKind::Plain)
                + 2 * usize::from(sloppy_plain);
        // Getters and setters arrive with their "get "/"set " prefix.
        set_function_length_and_name(&closure, expected_argument_count(func), name, room);
        if sloppy_plain {
            // Non-strict plain functions have own `arguments` and `caller`
            // properties in V8 (which %Function.prototype%'s throwing
            // accessors would otherwise answer). Deviation: their value is
            // undefined, the legacy extension not being provided; V8
            // computes the running caller and arguments on each read.
            for key in ["arguments", "caller"] {
                closure.define_own_property(
                    PropertyKey::from(key),
                    PropertyDescriptor::data(Value::Undefined, Attributes::default()),
                );
            }
        }
        if let Some(parent) = prototype_parent {
            // Generators: `prototype` inherits from %GeneratorPrototype%, no `constructor`.
            let prototype = JsObject::ordinary_create(Some(parent));
            closure.define_own_property(
                PropertyKey::from("prototype"),
                PropertyDescriptor::data(Value::Object(prototype), Attributes::WRITABLE_ONLY),
            );
        } else if constructor_kind == ConstructorKind::Plain {
            // MakeConstructor ( F ): a fresh prototype with `constructor`.
            let prototype = JsObject::ordinary_create(Some(object_prototype));
            prototype.define_own_property(
                PropertyKey::from("constructor"),
                PropertyDescriptor::data(Value::Object(closure.clone()), Attributes::METHOD),
            );
            closure.define_own_property(
                PropertyKey::from("prototype"),
                PropertyDescriptor::data(Value::Object(prototype), Attributes::WRITABLE_ONLY),
            );
        }
        closure
    }

    /// OrdinaryFunctionCreate's object, closing over the frame's environment.
    pub(crate) fn closure_object(
        &mut self,
        f: &Frame,
        code: Code,
        proto: Gc<JsObject>,
        home: Option<Gc<JsObject>>,
        constructor_kind: ConstructorKind,
    ) -> Gc<JsObject> {
        JsObject::with_kind(
            Some(proto),
            ObjectKind::Function(Box::new(FunctionData {
                callable: Callable::Closure(Closure {
                    code,
                    env: f.env.clone(),
                    module_env: f.module_env.clone(),
                    home_object: Slot::new(home),
                    constructor_kind,
                    fields: Slots::new(),
                    private_methods: Slots::new(),
                    source: f.source.clone(),
                    stackless: std::cell::Cell::new(None),
                    expected_properties: std::cell::Cell::new(0),
                }),
            })),
        )
    }

    /// NamedEvaluation of an anonymous function or class definition.
    pub(crate) fn eval_named_function(
        &mut self,
        f: &mut Frame,
        e: &Expr,
        name: JsStr,
    ) -> JsResult<Value> {
        match &e.kind {
            ExprKind::Function(func) | ExprKind::Arrow(func) => Ok(Value::Object(
                self.instantiate_function_expression(f, func, Some(name)),
            )),
            ExprKind::Class(class) => self.eval_class(f, class, Some(name)),
            ExprKind::Paren(inner) => self.eval_named_function(f, inner, name),
            _ => self.eval_expr(f, e),
        }
    }
}

/// IsAnonymousFunctionDefinition ( expr ) — <https://tc39.es/ecma262/#sec-isanonymousfunctiondefinition>
pub(crate) fn is_anonymous_function_definition(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Function(func) => func.name.is_none(),
        ExprKind::Arrow(_) => true,
        ExprKind::Class(class) => class.name.is_none(),
        ExprKind::Paren(inner) => is_anonymous_function_definition(inner),
        _ => false,
    }
}

/// The name SetFunctionName gives for a property key.
pub(crate) fn function_name_for_key(key: &PropertyKey, prefix: Option<&str>) -> JsStr {
    let base = match key {
        PropertyKey::Symbol(s) => return JsStr::from(symbol_function_name(s, prefix)),
        PropertyKey::Index(i) => JsStr::from(i.to_string()),
        PropertyKey::String(s) => s.clone(),
    };
    match prefix {
        Some(p) => prefixed(&base, p),
        None => base,
    }
}

fn prefixed(name: &JsStr, prefix: &str) -> JsStr {
    let mut units: Vec<u16> = format!("{prefix} ").encode_utf16().collect();
    units.extend_from_slice(name.units());
    JsStr::from_units(units)
}

/// ExpectedArgumentCount: parameters before the first default or rest.
pub(crate) fn expected_argument_count(func: &Function) -> f64 {
    func.params
        .iter()
        .take_while(|p| p.default.is_none())
        .count() as f64
}

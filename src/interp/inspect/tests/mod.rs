//! Tests of `inspect` and the console: expected strings come from Node 20's
//! `util.inspect` / `util.format`. Values are built directly (no evaluator).

use gc::Gc;

use super::{inspect, InspectOptions};
use crate::interp::agent::Agent;
use crate::interp::function::{Closure, Code, ConstructorKind, FunctionData};
use crate::interp::native::{define_value, set_function_name};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::slots::{Slot, Slots};
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::{Symbol, Value};
use crate::syntax::ast::{ModuleItem, StmtKind};

/// A JavaScript value literal for building test data.
pub enum J {
    N(f64),
    S(&'static str),
    Undef,
    Null,
    B(bool),
    Hole,
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
    V(Value),
}

pub fn build(agent: &Agent, j: J) -> Value {
    match j {
        J::N(n) => Value::Number(n),
        J::S(s) => Value::from(s),
        J::Undef | J::Hole => Value::Undefined,
        J::Null => Value::Null,
        J::B(b) => Value::Bool(b),
        J::V(v) => v,
        J::Arr(items) => {
            let len = items.len() as u32;
            let a = JsObject::array_create(len, Some(agent.intrinsics().array_prototype.clone()));
            for (i, item) in items.into_iter().enumerate() {
                if matches!(item, J::Hole) {
                    continue;
                }
                let v = build(agent, item);
                a.define_own_property(
                    PropertyKey::from(i as u32),
                    PropertyDescriptor::data(v, Attributes::ALL),
                );
            }
            Value::Object(a)
        }
        J::Obj(props) => {
            let o = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
            for (k, item) in props {
                let v = build(agent, item);
                define_value(&o, k, v, Attributes::ALL);
            }
            Value::Object(o)
        }
    }
}

pub fn show(agent: &mut Agent, v: &Value) -> String {
    match inspect(agent, v, &InspectOptions::default()) {
        Ok(s) => s,
        Err(_) => panic!("inspect threw"),
    }
}

fn obj(v: &Value) -> Gc<JsObject> {
    v.as_object().expect("an object").clone()
}

fn set(o: &Value, key: PropertyKey, v: Value) {
    obj(o).define_own_property(key, PropertyDescriptor::data(v, Attributes::ALL));
}

fn range(from: usize, to: usize) -> J {
    J::Arr((from..to).map(|i| J::N(i as f64)).collect())
}

/// An ECMAScript function object for the first declaration in `source`.
pub fn closure(agent: &Agent, source: &str) -> Gc<JsObject> {
    let module = crate::syntax::parse_module(source).expect("test source parses");
    let first = module.body.into_iter().next().map(|item| match item {
        ModuleItem::Stmt(stmt) => Some(stmt.kind),
        _ => None,
    });
    let (code, name, kind) = match first.flatten() {
        Some(StmtKind::Function(f)) => {
            let name = f
                .name
                .as_ref()
                .map(|n| source[n.span.start as usize..n.span.end as usize].to_string());
            (Code::Function(f), name, ConstructorKind::Plain)
        }
        Some(StmtKind::Class(c)) => {
            let name = c
                .name
                .as_ref()
                .map(|n| source[n.span.start as usize..n.span.end as usize].to_string());
            let derived = c.super_class.is_some();
            let kind = if derived {
                ConstructorKind::Derived
            } else {
                ConstructorKind::Base
            };
            (Code::DefaultConstructor { derived, class: c }, name, kind)
        }
        _ => panic!("test source declares a function or class"),
    };
    let f = JsObject::with_kind(
        Some(agent.intrinsics().function_prototype.clone()),
        ObjectKind::Function(Box::new(FunctionData {
            callable: crate::interp::function::Callable::Closure(Closure {
                code,
                env: None,
                module_env: None,
                home_object: Slot::new(None),
                constructor_kind: kind,
                fields: Slots::new(),
                private_methods: Slots::new(),
                source: SourceText::new("test.mjs", source),
                stackless: std::cell::Cell::new(None),
                expected_properties: std::cell::Cell::new(0),
            }),
        })),
    );
    set_function_name(&f, JsStr::from(name.unwrap_or_default().as_str()));
    f
}

/// Gives the intrinsic prototypes a `constructor` where their family has
/// not installed one yet, so that names resolve as in a full realm.
pub fn prepare(agent: &mut Agent) {
    let i = agent.intrinsics();
    let protos = [
        (i.object_prototype.clone(), "Object"),
        (i.function_prototype.clone(), "Function"),
        (i.array_prototype.clone(), "Array"),
        (i.number_prototype.clone(), "Number"),
        (i.string_prototype.clone(), "String"),
        (i.boolean_prototype.clone(), "Boolean"),
        (i.symbol_prototype.clone(), "Symbol"),
        (i.error_prototype.clone(), "Error"),
        (i.type_error_prototype.clone(), "TypeError"),
        (i.range_error_prototype.clone(), "RangeError"),
    ];
    let key = PropertyKey::from("constructor");
    for (proto, name) in protos {
        if proto.get_own_property(&key).is_some() {
            continue;
        }
        let c = agent.native_function(name, 0, |_, _| Ok(Value::Undefined));
        define_value(
            &c,
            "prototype",
            Value::Object(proto.clone()),
            Attributes::default(),
        );
        define_value(
            &proto,
            "constructor",
            Value::Object(c.clone()),
            Attributes::METHOD,
        );
        let global = agent.global_object();
        if global.get_own_property(&PropertyKey::from(name)).is_none() {
            define_value(&global, name, Value::Object(c), Attributes::METHOD);
        }
    }
    // Conversions of objects to primitives need these.
    let op = agent.intrinsics().object_prototype.clone();
    if op
        .get_own_property(&PropertyKey::from("toString"))
        .is_none()
    {
        agent.define_method(&op, "toString", 0, |_, _| {
            Ok(Value::from("[object Object]"))
        });
        agent.define_method(&op, "valueOf", 0, |_, args| Ok(args.this.clone()));
    }
    let ap = agent.intrinsics().array_prototype.clone();
    if ap
        .get_own_property(&PropertyKey::from("toString"))
        .is_none()
    {
        agent.define_method(&ap, "toString", 0, array_to_string);
    }
    for (proto, name) in [
        (agent.intrinsics().error_prototype.clone(), "Error"),
        (agent.intrinsics().type_error_prototype.clone(), "TypeError"),
    ] {
        if proto.get_own_property(&PropertyKey::from("name")).is_none() {
            define_value(&proto, "name", Value::from(name), Attributes::METHOD);
            define_value(&proto, "message", Value::from(""), Attributes::METHOD);
        }
    }
}

/// `Array.prototype.toString` (elements joined by commas), for tests.
fn array_to_string(
    agent: &mut Agent,
    args: &crate::interp::function::CallArgs,
) -> crate::interp::completion::JsResult<Value> {
    let Value::Object(a) = args.this else {
        return Ok(Value::from(""));
    };
    let len = a.array_length().unwrap_or(0);
    let mut parts = Vec::new();
    for i in 0..len {
        let v = agent.get(a, &PropertyKey::from(i))?;
        parts.push(match v {
            Value::Undefined | Value::Null => String::new(),
            v => agent.to_string(&v)?.to_rust_string(),
        });
    }
    Ok(Value::from(parts.join(",").as_str()))
}

/// A fresh agent whose intrinsics are named.
pub fn agent() -> Agent {
    let mut agent = Agent::new();
    prepare(&mut agent);
    agent
}

macro_rules! case {
    ($name:ident, $build:expr, $expected:expr) => {
        #[test]
        fn $name() {
            let mut agent = agent();
            let build_fn: fn(&mut Agent) -> Value = $build;
            let v = build_fn(&mut agent);
            assert_eq!(show(&mut agent, &v), $expected);
        }
    };
}

pub(crate) mod differential;
mod functions_errors;
mod values;

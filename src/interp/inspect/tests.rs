//! Expected strings come from Node 20's `util.inspect` / `util.format`.

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
                a.define_own_property(PropertyKey::from(i as u32), PropertyDescriptor::data(v, Attributes::ALL));
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
            let name = f.name.as_ref().map(|n| source[n.span.start as usize..n.span.end as usize].to_string());
            (Code::Function(f), name, ConstructorKind::Plain)
        }
        Some(StmtKind::Class(c)) => {
            let name = c.name.as_ref().map(|n| source[n.span.start as usize..n.span.end as usize].to_string());
            let derived = c.super_class.is_some();
            let kind = if derived { ConstructorKind::Derived } else { ConstructorKind::Base };
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
        define_value(&c, "prototype", Value::Object(proto.clone()), Attributes::default());
        define_value(&proto, "constructor", Value::Object(c), Attributes::METHOD);
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

use J::*;

case!(numbers, |a| build(a, Arr(vec![N(1.0), N(-0.0), N(1.5), N(f64::NAN), N(f64::NEG_INFINITY), N(1e21)])), "[ 1, -0, 1.5, NaN, -Infinity, 1e+21 ]");
case!(primitives, |a| {
    let x = Value::Symbol(Symbol::new(Some(JsStr::from("x"))));
    let none = Value::Symbol(Symbol::new(None));
    build(a, Arr(vec![S("a"), Null, Undef, B(true), V(x), V(none)]))
}, "[ 'a', null, undefined, true, Symbol(x), Symbol() ]");
case!(short_array, |a| build(a, Arr(vec![N(1.0), N(2.0), N(3.0)])), "[ 1, 2, 3 ]");
case!(holes, |a| build(a, Arr(vec![N(1.0), Hole, N(3.0), Hole, Hole, N(6.0)])), "[ 1, <1 empty item>, 3, <2 empty items>, 6 ]");
case!(trailing_holes, |a| build(a, Arr(vec![N(1.0), Hole, Hole])), "[ 1, <2 empty items> ]");
case!(thirty_numbers_in_columns, |a| build(a, range(1, 31)), "[\n   1,  2,  3,  4,  5,  6,  7,  8,  9,\n  10, 11, 12, 13, 14, 15, 16, 17, 18,\n  19, 20, 21, 22, 23, 24, 25, 26, 27,\n  28, 29, 30\n]");
case!(hundred_numbers_in_columns, |a| build(a, range(0, 100)), "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99\n]");
case!(more_than_hundred_items, |a| build(a, range(0, 101)), "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 1 more item\n]");
case!(words_in_columns, |a| build(a, Arr(["apple", "banana", "cherry", "dates", "elderberry", "fig", "grape", "honeydew", "kiwi", "lemon"].into_iter().map(S).collect())), "[\n  'apple',      'banana',\n  'cherry',     'dates',\n  'elderberry', 'fig',\n  'grape',      'honeydew',\n  'kiwi',       'lemon'\n]");
case!(mixed_columns_pad_end, |a| build(a, Arr(vec![N(1.0), S("two"), N(3.0), S("four"), N(5.0), S("six"), N(7.0)])), "[\n  1, 'two',\n  3, 'four',\n  5, 'six',\n  7\n]");
case!(nested_arrays_beyond_depth, |a| build(a, Arr(vec![Arr(vec![Arr(vec![Arr(vec![N(1.0)])])])])), "[ [ [ [Array] ] ] ]");
case!(nested_objects_beyond_depth, |a| build(a, Obj(vec![("a", Obj(vec![("b", Obj(vec![("c", Obj(vec![("d", N(1.0))]))]))]))])), "{ a: { b: { c: [Object] } } }");
case!(keys_quoted_or_bare, |a| {
    let o = build(a, Obj(vec![("a", N(1.0)), ("b-c", N(2.0))]));
    set(&o, PropertyKey::Symbol(Symbol::new(Some(JsStr::from("x")))), Value::Number(3.0));
    set(&o, PropertyKey::from("0"), Value::Number(4.0));
    set(&o, PropertyKey::from("__proto__x"), Value::Number(5.0));
    set(&o, PropertyKey::from("__proto__"), Value::Number(6.0));
    o
}, "{\n  '0': 4,\n  a: 1,\n  'b-c': 2,\n  __proto__x: 5,\n  ['__proto__']: 6,\n  [Symbol(x)]: 3\n}");
case!(string_quotes, |a| build(a, Arr(vec![S("a\nb"), S("it's"), S("say \"hi\" it's"), S("a`b\"'")])), "[ 'a\\nb', \"it's\", `say \"hi\" it's`, 'a`b\"\\'' ]");
case!(long_strings_split_at_newlines, |a| build(a, Arr(vec![S("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbb\nccc")])), "[\n  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\n' +\n    'bbb\\n' +\n    'ccc'\n]");
case!(wide_object_breaks_lines, |a| build(a, Obj(vec![("alpha", S("aaaaaaaaaaaaaaaa")), ("beta", S("bbbbbbbbbbbbbbbbbbbb")), ("gamma", S("cccccccccccccccccccc")), ("delta", N(1.0))])), "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc',\n  delta: 1\n}");
case!(nested_wide, |a| build(a, Obj(vec![
    ("list", Arr(vec![N(1.0), N(2.0), N(3.0)])),
    ("inner", Obj(vec![("x", N(1.0)), ("y", Arr(vec![N(4.0), N(5.0), Obj(vec![("z", N(6.0))])]))])),
    ("name", S("thing")),
])), "{\n  list: [ 1, 2, 3 ],\n  inner: { x: 1, y: [ 4, 5, [Object] ] },\n  name: 'thing'\n}");
case!(array_of_objects, |a| build(a, Arr((0..4).map(|i| Obj(vec![("a", N(f64::from(2 * i + 1))), ("b", N(f64::from(2 * i + 2)))])).collect())), "[ { a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }, { a: 7, b: 8 } ]");
case!(boxed_primitives, |a| {
    let i = a.intrinsics();
    let n = JsObject::with_kind(Some(i.number_prototype.clone()), ObjectKind::Number(3.0));
    let s = JsObject::with_kind(Some(i.string_prototype.clone()), ObjectKind::String(JsStr::from("ab")));
    let b = JsObject::with_kind(Some(i.boolean_prototype.clone()), ObjectKind::Boolean(false));
    let y = JsObject::with_kind(Some(i.symbol_prototype.clone()), ObjectKind::Symbol(Symbol::new(Some(JsStr::from("q")))));
    let z = JsObject::with_kind(Some(i.number_prototype.clone()), ObjectKind::Number(-0.0));
    build(a, Arr(vec![V(n.into()), V(s.into()), V(b.into()), V(y.into()), V(z.into())]))
}, "[\n  [Number: 3],\n  [String: 'ab'],\n  [Boolean: false],\n  [Symbol: Symbol(q)],\n  [Number: -0]\n]");
case!(circular_reference, |a| {
    let c = build(a, Obj(vec![("x", N(1.0))]));
    set(&c, PropertyKey::from("self"), c.clone());
    let arr = build(a, Arr(vec![V(c.clone())]));
    set(&c, PropertyKey::from("arr"), arr);
    c
}, "<ref *1> { x: 1, self: [Circular *1], arr: [ [Circular *1] ] }");
case!(two_circular_references, |a| {
    let d = build(a, Obj(vec![("name", S("d"))]));
    let list = build(a, Arr(vec![V(d.clone())]));
    let e = build(a, Obj(vec![("d", V(d.clone())), ("list", V(list))]));
    set(&d, PropertyKey::from("e"), e.clone());
    build(a, Arr(vec![V(d), V(e)]))
}, "[\n  <ref *1> { name: 'd', e: { d: [Circular *1], list: [Array] } },\n  <ref *2> {\n    d: <ref *1> { name: 'd', e: [Circular *2] },\n    list: [ [Object] ]\n  }\n]");
case!(null_prototype, |_| {
    let o = JsObject::ordinary_create(None);
    define_value(&o, "a", Value::Number(1.0), Attributes::ALL);
    o.into()
}, "[Object: null prototype] { a: 1 }");
case!(empty_null_prototype, |_| JsObject::ordinary_create(None).into(), "[Object: null prototype] {}");
case!(accessors_are_not_called, |a| {
    let o = build(a, Obj(vec![]));
    let f = a.native_function("f", 0, |_, _| Ok(Value::Undefined));
    let accessor = |get: bool, set: bool| PropertyDescriptor {
        get: Some(if get { Some(f.clone()) } else { None }),
        set: Some(if set { Some(f.clone()) } else { None }),
        enumerable: Some(true),
        configurable: Some(true),
        ..Default::default()
    };
    obj(&o).define_own_property(PropertyKey::from("g"), accessor(true, false));
    obj(&o).define_own_property(PropertyKey::from("s"), accessor(false, true));
    obj(&o).define_own_property(PropertyKey::from("gs"), accessor(true, true));
    obj(&o).define_own_property(PropertyKey::from("hidden"), PropertyDescriptor::data(Value::Number(1.0), Attributes::default()));
    o
}, "{ g: [Getter], s: [Setter], gs: [Getter/Setter] }");
case!(array_with_extra_keys, |a| {
    let arr = build(a, Arr(vec![N(1.0), N(2.0)]));
    set(&arr, PropertyKey::from("foo"), Value::from("b"));
    set(&arr, PropertyKey::Symbol(Symbol::new(Some(JsStr::from("s")))), Value::Number(3.0));
    arr
}, "[ 1, 2, foo: 'b', [Symbol(s)]: 3 ]");
case!(undefined_and_null_values, |a| build(a, Obj(vec![("u", Undef), ("n", Null)])), "{ u: undefined, n: null }");
case!(empty_containers, |a| build(a, Arr(vec![Arr(vec![]), Obj(vec![]), Arr(vec![Arr(vec![])]), Arr(vec![Obj(vec![])])])), "[ [], {}, [ [] ], [ {} ] ]");

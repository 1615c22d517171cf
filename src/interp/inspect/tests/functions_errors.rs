//! Functions, classes, class instances, errors, tags and custom inspectors.

use super::*;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use J::*;

fn error_with_stack(agent: &Agent, proto: Gc<JsObject>, message: &str, stack: &str) -> Value {
    let _ = agent;
    let e = JsObject::with_kind(Some(proto), ObjectKind::Error(Default::default()));
    define_value(&e, "message", Value::from(message), Attributes::METHOD);
    define_value(&e, "stack", Value::from(stack), Attributes::METHOD);
    e.into()
}

/// A constructor `name` whose `prototype` inherits from `parent`.
fn subclass(agent: &mut Agent, name: &str, parent: Gc<JsObject>) -> Gc<JsObject> {
    let proto = JsObject::ordinary_create(Some(parent));
    let c = agent.native_function(name, 0, |_, _| Ok(Value::Undefined));
    define_value(
        &c,
        "prototype",
        Value::Object(proto.clone()),
        Attributes::default(),
    );
    define_value(&proto, "constructor", Value::Object(c), Attributes::METHOD);
    proto
}

case!(
    named_function,
    |a| a
        .native_function("f", 0, |_, _| Ok(Value::Undefined))
        .into(),
    "[Function: f]"
);
case!(
    anonymous_function,
    |a| a.native_function("", 0, |_, _| Ok(Value::Undefined)).into(),
    "[Function (anonymous)]"
);
case!(
    async_and_generator_functions,
    |a| {
        let fs = [
            "async function af() {}",
            "function* gf() {}",
            "async function* agf() {}",
        ]
        .map(|src| V(closure(a, src).into()));
        build(a, Arr(fs.into_iter().collect()))
    },
    "[\n  [AsyncFunction: af],\n  [GeneratorFunction: gf],\n  [AsyncGeneratorFunction: agf]\n]"
);
case!(
    classes,
    |a| {
        let k = closure(a, "class K {}");
        let l = closure(a, "class L extends K {}");
        JsObject::set_prototype_of(&l, Some(k.clone()));
        build(a, Arr(vec![V(k.into()), V(l.into())]))
    },
    "[ [class K], [class L extends K] ]"
);
case!(
    function_with_properties,
    |a| {
        let f = closure(a, "function g() {}");
        define_value(&f, "a", Value::Number(1.0), Attributes::ALL);
        f.into()
    },
    "[Function: g] { a: 1 }"
);
case!(
    class_instance,
    |a| {
        let op = a.intrinsics().object_prototype.clone();
        let proto = subclass(a, "Foo", op);
        let o = JsObject::ordinary_create(Some(proto));
        define_value(&o, "x", Value::Number(1.0), Attributes::ALL);
        o.into()
    },
    "Foo { x: 1 }"
);
case!(
    empty_class_instance,
    |a| {
        let op = a.intrinsics().object_prototype.clone();
        let proto = subclass(a, "Bar", op);
        JsObject::ordinary_create(Some(proto)).into()
    },
    "Bar {}"
);

const STACK: &str = "Error: boom\n    at f (file:///a.mjs:1:1)\n    at file:///a.mjs:2:1";

case!(
    error_shows_its_stack,
    |a| {
        let p = a.intrinsics().error_prototype.clone();
        error_with_stack(a, p, "boom", STACK)
    },
    "Error: boom\n    at f (file:///a.mjs:1:1)\n    at file:///a.mjs:2:1"
);
case!(
    error_with_properties,
    |a| {
        let p = a.intrinsics().error_prototype.clone();
        let e = error_with_stack(a, p, "boom", STACK);
        define_value(&obj(&e), "code", Value::from("E1"), Attributes::ALL);
        e
    },
    "Error: boom\n    at f (file:///a.mjs:1:1)\n    at file:///a.mjs:2:1 {\n  code: 'E1'\n}"
);
case!(nested_error_is_indented, |a| {
    let p = a.intrinsics().error_prototype.clone();
    let e = error_with_stack(a, p, "boom", STACK);
    define_value(&obj(&e), "code", Value::from("E1"), Attributes::ALL);
    build(a, Obj(vec![("e", V(e))]))
}, "{\n  e: Error: boom\n      at f (file:///a.mjs:1:1)\n      at file:///a.mjs:2:1 {\n    code: 'E1'\n  }\n}");
case!(
    error_without_frames_in_brackets,
    |a| {
        let p = a.intrinsics().type_error_prototype.clone();
        error_with_stack(a, p, "bad", "TypeError: bad")
    },
    "[TypeError: bad]"
);
case!(
    error_cause,
    |a| {
        let tp = a.intrinsics().type_error_prototype.clone();
        let cause = error_with_stack(a, tp, "bad", "TypeError: bad");
        let p = a.intrinsics().error_prototype.clone();
        let e = error_with_stack(a, p, "outer", "Error: outer\n    at x (file:///a.mjs:3:1)");
        define_value(&obj(&e), "cause", cause, Attributes::METHOD);
        e
    },
    "Error: outer\n    at x (file:///a.mjs:3:1) {\n  [cause]: [TypeError: bad]\n}"
);
case!(
    error_subclass_names_its_constructor,
    |a| {
        let ep = a.intrinsics().error_prototype.clone();
        let proto = subclass(a, "MyError", ep);
        error_with_stack(a, proto, "m", "Error: m\n    at y (file:///a.mjs:4:1)")
    },
    "MyError: m\n    at y (file:///a.mjs:4:1)"
);
case!(
    error_without_message,
    |a| {
        let p = a.intrinsics().error_prototype.clone();
        error_with_stack(a, p, "", "Error\n    at q (file:///a.mjs:6:1)")
    },
    "Error\n    at q (file:///a.mjs:6:1)"
);
case!(
    arguments_object,
    |a| {
        let o = JsObject::with_kind(
            Some(a.intrinsics().object_prototype.clone()),
            ObjectKind::Arguments(None),
        );
        define_value(&o, "0", Value::Number(1.0), Attributes::ALL);
        define_value(&o, "1", Value::from("a"), Attributes::ALL);
        o.into()
    },
    "[Arguments] { '0': 1, '1': 'a' }"
);
case!(
    own_enumerable_tag_is_a_property,
    |a| {
        let o = build(a, Obj(vec![("a", N(1.0))]));
        let tag = a.symbols.to_string_tag.clone();
        set(&o, PropertyKey::Symbol(tag), Value::from("T"));
        o
    },
    "{ a: 1, [Symbol(Symbol.toStringTag)]: 'T' }"
);
case!(
    inherited_tag_in_brackets,
    |a| {
        let op = a.intrinsics().object_prototype.clone();
        let proto = subclass(a, "Tagged", op);
        let getter = a.native_function("get", 0, |_, _| Ok(Value::from("TT")));
        proto.define_own_property(
            PropertyKey::Symbol(a.symbols.to_string_tag.clone()),
            PropertyDescriptor {
                get: Some(Some(getter)),
                set: Some(None),
                enumerable: Some(false),
                configurable: Some(true),
                ..Default::default()
            },
        );
        JsObject::ordinary_create(Some(proto)).into()
    },
    "Tagged [TT] {}"
);
case!(
    prototype_without_constructor,
    |_| {
        let p = JsObject::ordinary_create(None);
        JsObject::ordinary_create(Some(p)).into()
    },
    "Object <[Object: null prototype] {}> {}"
);
case!(
    two_prototypes_without_constructor,
    |_| {
        let p = JsObject::ordinary_create(Some(JsObject::ordinary_create(None)));
        JsObject::ordinary_create(Some(p)).into()
    },
    "Object <Object <[Object: null prototype] {}>> {}"
);

fn custom_symbol(agent: &mut Agent) -> Gc<Symbol> {
    let sym = Symbol::new(Some(JsStr::from(super::super::CUSTOM_INSPECT_KEY)));
    agent
        .symbol_registry
        .insert(JsStr::from(super::super::CUSTOM_INSPECT_KEY), sym.clone());
    sym
}

fn custom_text(_: &mut Agent, _: &CallArgs) -> JsResult<Value> {
    Ok(Value::from("CUSTOM\nX"))
}

fn custom_object(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let options = args.arg(1);
    let bl = agent.get_v(&options, &PropertyKey::from("breakLength"))?;
    let o = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    define_value(&o, "depth", args.arg(0), Attributes::ALL);
    define_value(&o, "bl", bl, Attributes::ALL);
    Ok(o.into())
}

case!(
    custom_inspector_text,
    |a| {
        let sym = custom_symbol(a);
        let o = build(a, Obj(vec![]));
        let f = a.native_function("inspect", 0, custom_text);
        set(&o, PropertyKey::Symbol(sym), f.into());
        o
    },
    "CUSTOM\nX"
);
case!(
    custom_inspector_text_nested,
    |a| {
        let sym = custom_symbol(a);
        let inner = build(a, Obj(vec![]));
        let f = a.native_function("inspect", 0, custom_text);
        set(&inner, PropertyKey::Symbol(sym), f.into());
        build(a, Obj(vec![("a", V(inner))]))
    },
    "{\n  a: CUSTOM\n  X\n}"
);
case!(
    custom_inspector_value,
    |a| {
        let sym = custom_symbol(a);
        let o = build(a, Obj(vec![]));
        let f = a.native_function("inspect", 0, custom_object);
        set(&o, PropertyKey::Symbol(sym), f.into());
        o
    },
    "{ depth: 2, bl: 80 }"
);

#[test]
fn show_hidden_lists_prototype_accessors() {
    let mut a = agent();
    let op = a.intrinsics().object_prototype.clone();
    let proto = subclass(&mut a, "A", op);
    let getter = a.native_function("get g", 0, |_, _| Ok(Value::Number(1.0)));
    proto.define_own_property(
        PropertyKey::from("g"),
        PropertyDescriptor {
            get: Some(Some(getter)),
            set: Some(None),
            enumerable: Some(false),
            configurable: Some(true),
            ..Default::default()
        },
    );
    let method = a.native_function("m", 0, |_, _| Ok(Value::Undefined));
    define_value(&proto, "m", method.into(), Attributes::METHOD);
    let o = JsObject::ordinary_create(Some(proto));
    define_value(&o, "x", Value::Number(1.0), Attributes::ALL);
    let opts = InspectOptions {
        show_hidden: true,
        depth: 4.0,
        ..InspectOptions::default()
    };
    let shown = inspect(&mut a, &Value::Object(o.clone()), &opts).ok();
    assert_eq!(shown.as_deref(), Some("A { x: 1, [g]: [Getter] }"));
    assert_eq!(show(&mut a, &Value::Object(o)), "A { x: 1 }");
    let plain = build(&a, Obj(vec![("a", N(1.0))]));
    let nested = build(&a, Arr(vec![N(2.0)]));
    let arr = build(&a, Arr(vec![N(1.0), V(nested)]));
    let shown = inspect(&mut a, &plain, &opts).ok();
    assert_eq!(shown.as_deref(), Some("{ a: 1 }"));
    let shown = inspect(&mut a, &arr, &opts).ok();
    assert_eq!(
        shown.as_deref(),
        Some("[ 1, [ 2, [length]: 1 ], [length]: 2 ]")
    );
}

case!(
    async_function_with_inherited_tag,
    |a| {
        let f = closure(a, "async function af() {}");
        let proto = a.intrinsics().async_function_prototype.clone();
        let tag = PropertyKey::Symbol(a.symbols.to_string_tag.clone());
        if proto.get_own_property(&tag).is_none() {
            proto.define_own_property(
                tag,
                PropertyDescriptor::data(Value::from("AsyncFunction"), Attributes::default()),
            );
        }
        JsObject::set_prototype_of(&f, Some(proto));
        f.into()
    },
    "[AsyncFunction: af]"
);

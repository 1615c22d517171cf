//! Primitives, arrays, objects, line breaking and circular references.

use super::*;
use J::*;

case!(
    numbers,
    |a| build(
        a,
        Arr(vec![
            N(1.0),
            N(-0.0),
            N(1.5),
            N(f64::NAN),
            N(f64::NEG_INFINITY),
            N(1e21)
        ])
    ),
    "[ 1, -0, 1.5, NaN, -Infinity, 1e+21 ]"
);
case!(
    primitives,
    |a| {
        let x = Value::Symbol(Symbol::new(Some(JsStr::from("x"))));
        let none = Value::Symbol(Symbol::new(None));
        build(a, Arr(vec![S("a"), Null, Undef, B(true), V(x), V(none)]))
    },
    "[ 'a', null, undefined, true, Symbol(x), Symbol() ]"
);
case!(
    short_array,
    |a| build(a, Arr(vec![N(1.0), N(2.0), N(3.0)])),
    "[ 1, 2, 3 ]"
);
case!(
    holes,
    |a| build(a, Arr(vec![N(1.0), Hole, N(3.0), Hole, Hole, N(6.0)])),
    "[ 1, <1 empty item>, 3, <2 empty items>, 6 ]"
);
case!(
    trailing_holes,
    |a| build(a, Arr(vec![N(1.0), Hole, Hole])),
    "[ 1, <2 empty items> ]"
);
case!(thirty_numbers_in_columns, |a| build(a, range(1, 31)), "[\n   1,  2,  3,  4,  5,  6,  7,  8,  9,\n  10, 11, 12, 13, 14, 15, 16, 17, 18,\n  19, 20, 21, 22, 23, 24, 25, 26, 27,\n  28, 29, 30\n]");
case!(hundred_numbers_in_columns, |a| build(a, range(0, 100)), "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99\n]");
case!(more_than_hundred_items, |a| build(a, range(0, 101)), "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 1 more item\n]");
case!(words_in_columns, |a| build(a, Arr(["apple", "banana", "cherry", "dates", "elderberry", "fig", "grape", "honeydew", "kiwi", "lemon"].into_iter().map(S).collect())), "[\n  'apple',      'banana',\n  'cherry',     'dates',\n  'elderberry', 'fig',\n  'grape',      'honeydew',\n  'kiwi',       'lemon'\n]");
case!(
    mixed_columns_pad_end,
    |a| build(
        a,
        Arr(vec![
            N(1.0),
            S("two"),
            N(3.0),
            S("four"),
            N(5.0),
            S("six"),
            N(7.0)
        ])
    ),
    "[\n  1, 'two',\n  3, 'four',\n  5, 'six',\n  7\n]"
);
case!(
    nested_arrays_beyond_depth,
    |a| build(a, Arr(vec![Arr(vec![Arr(vec![Arr(vec![N(1.0)])])])])),
    "[ [ [ [Array] ] ] ]"
);
case!(
    nested_objects_beyond_depth,
    |a| build(
        a,
        Obj(vec![(
            "a",
            Obj(vec![("b", Obj(vec![("c", Obj(vec![("d", N(1.0))]))]))])
        )])
    ),
    "{ a: { b: { c: [Object] } } }"
);
case!(keys_quoted_or_bare, |a| {
    let o = build(a, Obj(vec![("a", N(1.0)), ("b-c", N(2.0))]));
    set(&o, PropertyKey::Symbol(Symbol::new(Some(JsStr::from("x")))), Value::Number(3.0));
    set(&o, PropertyKey::from("0"), Value::Number(4.0));
    set(&o, PropertyKey::from("__proto__x"), Value::Number(5.0));
    set(&o, PropertyKey::from("__proto__"), Value::Number(6.0));
    o
}, "{\n  '0': 4,\n  a: 1,\n  'b-c': 2,\n  __proto__x: 5,\n  ['__proto__']: 6,\n  [Symbol(x)]: 3\n}");
case!(
    string_quotes,
    |a| build(
        a,
        Arr(vec![
            S("a\nb"),
            S("it's"),
            S("say \"hi\" it's"),
            S("a`b\"'")
        ])
    ),
    "[ 'a\\nb', \"it's\", `say \"hi\" it's`, 'a`b\"\\'' ]"
);
case!(long_strings_split_at_newlines, |a| build(a, Arr(vec![S("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nbbb\nccc")])), "[\n  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\n' +\n    'bbb\\n' +\n    'ccc'\n]");
case!(wide_object_breaks_lines, |a| build(a, Obj(vec![("alpha", S("aaaaaaaaaaaaaaaa")), ("beta", S("bbbbbbbbbbbbbbbbbbbb")), ("gamma", S("cccccccccccccccccccc")), ("delta", N(1.0))])), "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc',\n  delta: 1\n}");
case!(
    nested_wide,
    |a| build(
        a,
        Obj(vec![
            ("list", Arr(vec![N(1.0), N(2.0), N(3.0)])),
            (
                "inner",
                Obj(vec![
                    ("x", N(1.0)),
                    ("y", Arr(vec![N(4.0), N(5.0), Obj(vec![("z", N(6.0))])]))
                ])
            ),
            ("name", S("thing")),
        ])
    ),
    "{\n  list: [ 1, 2, 3 ],\n  inner: { x: 1, y: [ 4, 5, [Object] ] },\n  name: 'thing'\n}"
);
case!(
    array_of_objects,
    |a| build(
        a,
        Arr((0..4)
            .map(|i| Obj(vec![
                ("a", N(f64::from(2 * i + 1))),
                ("b", N(f64::from(2 * i + 2)))
            ]))
            .collect())
    ),
    "[ { a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }, { a: 7, b: 8 } ]"
);
case!(boxed_primitives, |a| {
    let i = a.intrinsics();
    let n = JsObject::with_kind(Some(i.number_prototype.clone()), ObjectKind::Number(3.0));
    let s = JsObject::with_kind(Some(i.string_prototype.clone()), ObjectKind::String(JsStr::from("ab")));
    let b = JsObject::with_kind(Some(i.boolean_prototype.clone()), ObjectKind::Boolean(false));
    let y = JsObject::with_kind(Some(i.symbol_prototype.clone()), ObjectKind::Symbol(Symbol::new(Some(JsStr::from("q")))));
    let z = JsObject::with_kind(Some(i.number_prototype.clone()), ObjectKind::Number(-0.0));
    build(a, Arr(vec![V(n.into()), V(s.into()), V(b.into()), V(y.into()), V(z.into())]))
}, "[\n  [Number: 3],\n  [String: 'ab'],\n  [Boolean: false],\n  [Symbol: Symbol(q)],\n  [Number: -0]\n]");
case!(
    circular_reference,
    |a| {
        let c = build(a, Obj(vec![("x", N(1.0))]));
        set(&c, PropertyKey::from("self"), c.clone());
        let arr = build(a, Arr(vec![V(c.clone())]));
        set(&c, PropertyKey::from("arr"), arr);
        c
    },
    "<ref *1> { x: 1, self: [Circular *1], arr: [ [Circular *1] ] }"
);
case!(two_circular_references, |a| {
    let d = build(a, Obj(vec![("name", S("d"))]));
    let list = build(a, Arr(vec![V(d.clone())]));
    let e = build(a, Obj(vec![("d", V(d.clone())), ("list", V(list))]));
    set(&d, PropertyKey::from("e"), e.clone());
    build(a, Arr(vec![V(d), V(e)]))
}, "[\n  <ref *1> { name: 'd', e: { d: [Circular *1], list: [Array] } },\n  <ref *2> {\n    d: <ref *1> { name: 'd', e: [Circular *2] },\n    list: [ [Object] ]\n  }\n]");
case!(
    null_prototype,
    |_| {
        let o = JsObject::ordinary_create(None);
        define_value(&o, "a", Value::Number(1.0), Attributes::ALL);
        o.into()
    },
    "[Object: null prototype] { a: 1 }"
);
case!(
    empty_null_prototype,
    |_| JsObject::ordinary_create(None).into(),
    "[Object: null prototype] {}"
);
case!(
    accessors_are_not_called,
    |a| {
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
        obj(&o).define_own_property(
            PropertyKey::from("hidden"),
            PropertyDescriptor::data(Value::Number(1.0), Attributes::default()),
        );
        o
    },
    "{ g: [Getter], s: [Setter], gs: [Getter/Setter] }"
);
case!(
    array_with_extra_keys,
    |a| {
        let arr = build(a, Arr(vec![N(1.0), N(2.0)]));
        set(&arr, PropertyKey::from("foo"), Value::from("b"));
        set(
            &arr,
            PropertyKey::Symbol(Symbol::new(Some(JsStr::from("s")))),
            Value::Number(3.0),
        );
        arr
    },
    "[ 1, 2, foo: 'b', [Symbol(s)]: 3 ]"
);
case!(
    undefined_and_null_values,
    |a| build(a, Obj(vec![("u", Undef), ("n", Null)])),
    "{ u: undefined, n: null }"
);
case!(
    empty_containers,
    |a| build(
        a,
        Arr(vec![
            Arr(vec![]),
            Obj(vec![]),
            Arr(vec![Arr(vec![])]),
            Arr(vec![Obj(vec![])])
        ])
    ),
    "[ [], {}, [ [] ], [ {} ] ]"
);

/// A chain of `n` nested one-element arrays.
fn deep_arrays(agent: &Agent, n: usize) -> Value {
    let mut v = Value::Number(1.0);
    for _ in 0..n {
        v = build(agent, Arr(vec![V(v)]));
    }
    v
}

#[test]
fn deep_nesting_within_depth_is_cut_off() {
    let mut a = agent();
    let v = deep_arrays(&a, 3_000);
    assert_eq!(show(&mut a, &v), "[ [ [ [Array] ] ] ]");
}

/// Runs `f` on a thread with a large registered stack, as the runtime does.
fn on_big_stack(f: impl FnOnce() + Send + 'static) {
    const SIZE: usize = 256 << 20;
    let thread = std::thread::Builder::new().stack_size(SIZE).spawn(move || {
        crate::interp::stack_guard::register_thread_stack(SIZE);
        f();
    });
    let joined = thread.map(|t| t.join());
    assert!(matches!(joined, Ok(Ok(()))), "the inspecting thread failed");
}

#[test]
fn unlimited_depth_is_interrupted_instead_of_overflowing() {
    on_big_stack(|| {
        let mut a = agent();
        let v = deep_arrays(&a, 3_000);
        let opts = InspectOptions {
            depth: f64::INFINITY,
            ..InspectOptions::default()
        };
        let shown = match inspect(&mut a, &v, &opts) {
            Ok(s) => s,
            Err(_) => panic!("inspect threw"),
        };
        assert!(shown.contains(
            "[Array: Inspection interrupted prematurely. Maximum call stack size exceeded.]"
        ));
    });
}

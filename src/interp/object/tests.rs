//! Expected results follow the spec's steps and agree with Node
//! (e.g. `Reflect.ownKeys`, `Object.defineProperty`, `Object.setPrototypeOf`).

use super::*;
use crate::interp::string::JsStr;
use crate::interp::value::Symbol;

fn key_text(k: &PropertyKey) -> String {
    match k.to_value() {
        Value::String(s) => s.to_rust_string(),
        Value::Symbol(s) => format!("Symbol({})", s.description.as_ref().unwrap()),
        _ => unreachable!(),
    }
}

fn data(v: Value, writable: bool, enumerable: bool, configurable: bool) -> PropertyDescriptor {
    PropertyDescriptor::data(
        v,
        Attributes {
            writable,
            enumerable,
            configurable,
        },
    )
}

#[test]
fn own_property_keys_order() {
    // Reflect.ownKeys({b: 1, 2: 1, [s]: 1, a: 1, 1: 1}) → ['1', '2', 'b', 'a', Symbol(s)]
    let o = JsObject::ordinary_create(None);
    let sym = Symbol::new(Some(JsStr::from("s")));
    for key in [
        PropertyKey::from("b"),
        PropertyKey::from("2"),
        PropertyKey::Symbol(sym),
        PropertyKey::from("a"),
        PropertyKey::from("1"),
    ] {
        assert!(o.define_own_property(key, data(Value::Number(1.0), true, true, true)));
    }
    let keys: Vec<String> = o.own_property_keys().iter().map(key_text).collect();
    assert_eq!(keys, ["1", "2", "b", "a", "Symbol(s)"]);
}

#[test]
fn non_configurable_properties_resist_change() {
    let o = JsObject::ordinary_create(None);
    assert!(o.define_own_property("x".into(), data(Value::Number(1.0), false, false, false)));
    // Same value again: allowed (SameValue).
    assert!(o.define_own_property(
        "x".into(),
        PropertyDescriptor {
            value: Some(Value::Number(1.0)),
            ..Default::default()
        }
    ));
    // Another value, making it writable, or configurable: refused.
    assert!(!o.define_own_property(
        "x".into(),
        PropertyDescriptor {
            value: Some(Value::Number(2.0)),
            ..Default::default()
        }
    ));
    assert!(!o.define_own_property(
        "x".into(),
        PropertyDescriptor {
            writable: Some(true),
            ..Default::default()
        }
    ));
    assert!(!o.define_own_property(
        "x".into(),
        PropertyDescriptor {
            configurable: Some(true),
            ..Default::default()
        }
    ));
    // +0 → -0 on a non-writable property is a change (SameValue).
    assert!(o.define_own_property("z".into(), data(Value::Number(0.0), false, false, false)));
    assert!(!o.define_own_property("z".into(), data(Value::Number(-0.0), false, false, false)));
    assert!(!o.delete(&"x".into()));
}

#[test]
fn defaults_for_absent_fields_and_partial_updates() {
    let o = JsObject::ordinary_create(None);
    assert!(o.define_own_property(
        "p".into(),
        PropertyDescriptor {
            value: Some(Value::Number(5.0)),
            ..Default::default()
        }
    ));
    let attrs = o.get_own_property(&"p".into()).unwrap().attrs();
    assert_eq!(attrs, Attributes::default());
    let o2 = JsObject::ordinary_create(None);
    o2.define_own_property("q".into(), data(Value::Number(1.0), true, true, true));
    o2.define_own_property(
        "q".into(),
        PropertyDescriptor {
            enumerable: Some(false),
            ..Default::default()
        },
    );
    match o2.get_own_property(&"q".into()).unwrap() {
        Property::Data { value, attrs } => {
            assert!(value.same_value(&Value::Number(1.0)));
            assert!(attrs.writable && !attrs.enumerable && attrs.configurable);
        }
        Property::Accessor { .. } => panic!("expected a data property"),
    }
}

#[test]
fn data_to_accessor_keeps_enumerable_and_configurable() {
    let o = JsObject::ordinary_create(None);
    let getter = JsObject::ordinary_create(None);
    o.define_own_property("a".into(), data(Value::Number(1.0), true, true, true));
    assert!(o.define_own_property(
        "a".into(),
        PropertyDescriptor {
            get: Some(Some(getter.clone())),
            ..Default::default()
        }
    ));
    match o.get_own_property(&"a".into()).unwrap() {
        Property::Accessor(a) => {
            assert!(Gc::ptr_eq(&a.get.unwrap(), &getter));
            assert!(a.set.is_none());
            assert!(a.attrs.enumerable && a.attrs.configurable);
        }
        Property::Data { .. } => panic!("expected an accessor"),
    }
}

#[test]
fn prototype_cycles_and_non_extensible_objects() {
    let a = JsObject::ordinary_create(None);
    let b = JsObject::ordinary_create(Some(a.clone()));
    // Object.setPrototypeOf(a, b) would close a cycle: refused.
    assert!(!JsObject::set_prototype_of(&a, Some(b.clone())));
    assert!(JsObject::set_prototype_of(&a, None));
    b.define_own_property("x".into(), data(Value::Null, true, true, true));
    let c = JsObject::ordinary_create(Some(b.clone()));
    assert!(c.has_property(&"x".into()));
    assert!(!c.has_property(&"y".into()));
    c.prevent_extensions();
    assert!(!c.define_own_property("y".into(), data(Value::Null, true, true, true)));
    assert!(!JsObject::set_prototype_of(&c, None));
    // Setting the same prototype is fine even when not extensible.
    assert!(JsObject::set_prototype_of(&c, Some(b)));
}

#[test]
fn objects_survive_and_die_with_collection() {
    let root = JsObject::ordinary_create(None);
    let mut prev = root.clone();
    // A 1,000-long chain built through property values.
    for _ in 0..1000 {
        let next = JsObject::ordinary_create(None);
        prev.define_own_property(
            "next".into(),
            data(Value::Object(next.clone()), true, true, true),
        );
        prev = next;
    }
    drop(prev);
    gc::force_collect();
    let mut cur = root.clone();
    let mut n = 0;
    while let Some(Property::Data {
        value: Value::Object(next),
        ..
    }) = cur.get_own_property(&"next".into())
    {
        cur = next;
        n += 1;
    }
    assert_eq!(n, 1000);
}

#[test]
fn a_property_stays_small() {
    // A property is a value and its attributes; an accessor's pair is boxed.
    assert_eq!(std::mem::size_of::<Option<Property>>(), 24);
}

use crate::interp::agent::Agent;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

fn global(agent: &mut Agent, name: &str) -> Value {
    let g = agent.global_object();
    agent.get(&g, &PropertyKey::from(name)).ok().unwrap()
}

fn method(agent: &mut Agent, target: &Value, name: &str) -> Value {
    agent.get_v(target, &PropertyKey::from(name)).ok().unwrap()
}

fn call(agent: &mut Agent, target: &Value, name: &str, args: &[Value]) -> Value {
    let f = method(agent, target, name);
    agent.call(&f, target, args).ok().unwrap()
}

fn new(agent: &mut Agent, ctor: &str, args: &[Value]) -> Value {
    let Value::Object(c) = global(agent, ctor) else {
        panic!("{ctor} is installed")
    };
    agent.construct(&c, args, None).ok().unwrap()
}

#[test]
fn map_basic_operations_and_zero_keys() {
    let mut agent = Agent::new();
    let m = new(&mut agent, "Map", &[]);
    call(
        &mut agent,
        &m,
        "set",
        &[Value::Number(-0.0), Value::from("z")],
    );
    let got = call(&mut agent, &m, "get", &[Value::Number(0.0)]);
    assert!(got.same_value(&Value::from("z")));
    let keys = super::map_entries(match &m {
        Value::Object(o) => o,
        _ => unreachable!(),
    })
    .unwrap();
    assert!(keys[0].0.same_value(&Value::Number(0.0)));
    let size = method(&mut agent, &m, "size");
    assert!(size.same_value(&Value::Number(1.0)));
    let deleted = call(&mut agent, &m, "delete", &[Value::Number(0.0)]);
    assert!(deleted.same_value(&Value::Bool(true)));
}

#[test]
fn map_requires_new_and_checks_receivers() {
    let mut agent = Agent::new();
    let map = global(&mut agent, "Map");
    assert!(agent.call(&map, &Value::Undefined, &[]).is_err());
    let s = new(&mut agent, "Set", &[]);
    let proto = agent.intrinsics().map_prototype.clone();
    let get = agent.get(&proto, &PropertyKey::from("get")).ok().unwrap();
    assert!(agent.call(&get, &s, &[]).is_err());
}

#[test]
fn set_iterator_sees_additions() {
    let mut agent = Agent::new();
    let s = new(&mut agent, "Set", &[]);
    call(&mut agent, &s, "add", &[Value::from("a")]);
    let it = call(&mut agent, &s, "values", &[]);
    let first = call(&mut agent, &it, "next", &[]);
    let v = method(&mut agent, &first, "value");
    assert!(v.same_value(&Value::from("a")));
    call(&mut agent, &s, "add", &[Value::from("b")]);
    let second = call(&mut agent, &it, "next", &[]);
    let v = method(&mut agent, &second, "value");
    assert!(v.same_value(&Value::from("b")));
    let third = call(&mut agent, &it, "next", &[]);
    let done = method(&mut agent, &third, "done");
    assert!(done.same_value(&Value::Bool(true)));
    call(&mut agent, &s, "add", &[Value::from("c")]);
    let fourth = call(&mut agent, &it, "next", &[]);
    let done = method(&mut agent, &fourth, "done");
    assert!(
        done.same_value(&Value::Bool(true)),
        "a finished iterator stays finished"
    );
}

#[test]
fn weak_collections_reject_primitives() {
    let mut agent = Agent::new();
    let wm = new(&mut agent, "WeakMap", &[]);
    let f = method(&mut agent, &wm, "set");
    assert!(agent.call(&f, &wm, &[Value::Number(1.0)]).is_err());
    let ws = new(&mut agent, "WeakSet", &[]);
    let obj = new(&mut agent, "Map", &[]);
    call(&mut agent, &ws, "add", std::slice::from_ref(&obj));
    let has = call(&mut agent, &ws, "has", &[obj]);
    assert!(has.same_value(&Value::Bool(true)));
}

#[test]
fn iterator_preview_does_not_advance() {
    let mut agent = Agent::new();
    let m = new(&mut agent, "Map", &[]);
    call(&mut agent, &m, "set", &[Value::from("a"), Value::from("A")]);
    call(&mut agent, &m, "set", &[Value::from("b"), Value::from("B")]);
    let it = call(&mut agent, &m, "entries", &[]);
    call(&mut agent, &it, "next", &[]);
    let Value::Object(o) = &it else {
        unreachable!()
    };
    let Some((name, super::IteratorPreview::Pairs(pairs))) = super::collection_iterator_preview(o)
    else {
        panic!("a Map entries iterator")
    };
    assert_eq!(name, "Map Iterator");
    assert_eq!(pairs.len(), 1);
    assert!(pairs[0].1.same_value(&Value::from("B")));
    let next = call(&mut agent, &it, "next", &[]);
    let done = method(&mut agent, &next, "done");
    assert!(done.same_value(&Value::Bool(false)));
}

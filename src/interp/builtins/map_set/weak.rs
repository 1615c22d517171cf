//! WeakMap Objects (ECMA-262 §24.3) and WeakSet Objects (§24.4). Entries
//! are held strongly (see the module documentation of `map_set`).

use gc::Gc;

use super::set::{add_values_from_iterable, get_adder};
use super::CollectionKind::{WeakMap, WeakSet};
use super::{create_collection, define_to_string_tag, table, this_collection};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    let proto = agent.intrinsics().weak_map_prototype.clone();
    agent.native_constructor("WeakMap", 0, weak_map_constructor, &proto);
    agent.define_method(&proto, "delete", 1, weak_map_delete);
    agent.define_method(&proto, "get", 1, weak_map_get);
    agent.define_method(&proto, "set", 2, weak_map_set);
    agent.define_method(&proto, "has", 1, weak_map_has);
    define_to_string_tag(agent, &proto, "WeakMap");

    let proto = agent.intrinsics().weak_set_prototype.clone();
    agent.native_constructor("WeakSet", 0, weak_set_constructor, &proto);
    agent.define_method(&proto, "delete", 1, weak_set_delete);
    agent.define_method(&proto, "has", 1, weak_set_has);
    agent.define_method(&proto, "add", 1, weak_set_add);
    define_to_string_tag(agent, &proto, "WeakSet");
}

/// CanBeHeldWeakly ( v ) — <https://tc39.es/ecma262/#sec-canbeheldweakly>
fn can_be_held_weakly(agent: &Agent, v: &Value) -> bool {
    match v {
        // 1. If v is an Object, return true.
        Value::Object(_) => true,
        // 2. If v is a Symbol and KeyForSymbol(v) is undefined, return true.
        Value::Symbol(s) => !agent.symbol_registry.values().any(|r| Gc::ptr_eq(r, s)),
        // 3. Return false.
        _ => false,
    }
}

/// WeakMap ( [ iterable ] ) — <https://tc39.es/ecma262/#sec-weakmap-iterable>
fn weak_map_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let proto = agent.intrinsics().weak_map_prototype.clone();
    let map = create_collection(agent, args, WeakMap, proto)?;
    let iterable = args.arg(0);
    // 4. If iterable is either undefined or null, return map.
    if matches!(iterable, Value::Undefined | Value::Null) {
        return Ok(Value::Object(map));
    }
    // 5–6. Let adder be ? Get(map, "set"), which must be callable.
    let adder = get_adder(agent, &map, "set")?;
    // 7. Return ? AddEntriesFromIterable(map, iterable, adder).
    super::map::add_entries_from_iterable(agent, &map, &iterable, &adder)?;
    Ok(Value::Object(map))
}

/// WeakMap.prototype.delete ( key ) — <https://tc39.es/ecma262/#sec-weakmap.prototype.delete>
fn weak_map_delete(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, WeakMap, "delete")?;
    // 3. If CanBeHeldWeakly(key) is false, return false.
    Ok(Value::Bool(table(&m).delete(&args.arg(0))))
}

/// WeakMap.prototype.get ( key ) — <https://tc39.es/ecma262/#sec-weakmap.prototype.get>
fn weak_map_get(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, WeakMap, "get")?;
    Ok(table(&m).get(&args.arg(0)).unwrap_or(Value::Undefined))
}

/// WeakMap.prototype.has ( key ) — <https://tc39.es/ecma262/#sec-weakmap.prototype.has>
fn weak_map_has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, WeakMap, "has")?;
    Ok(Value::Bool(table(&m).has(&args.arg(0))))
}

/// WeakMap.prototype.set ( key, value ) — <https://tc39.es/ecma262/#sec-weakmap.prototype.set>
fn weak_map_set(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let m = this_collection(agent, args, WeakMap, "set")?;
    let key = args.arg(0);
    // 3. If CanBeHeldWeakly(key) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, &key) {
        return agent.throw_type_error("Invalid value used as weak map key");
    }
    // 4–5. Update an existing entry or append a new one.
    table(&m).set(key, args.arg(1));
    // 6. Return M.
    Ok(Value::Object(m))
}

/// WeakSet ( [ iterable ] ) — <https://tc39.es/ecma262/#sec-weakset-iterable>
fn weak_set_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let proto = agent.intrinsics().weak_set_prototype.clone();
    let set = create_collection(agent, args, WeakSet, proto)?;
    let iterable = args.arg(0);
    if matches!(iterable, Value::Undefined | Value::Null) {
        return Ok(Value::Object(set));
    }
    let adder = get_adder(agent, &set, "add")?;
    add_values_from_iterable(agent, &set, &iterable, &adder)?;
    Ok(Value::Object(set))
}

/// WeakSet.prototype.add ( value ) — <https://tc39.es/ecma262/#sec-weakset.prototype.add>
fn weak_set_add(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, WeakSet, "add")?;
    let value = args.arg(0);
    // 3. If CanBeHeldWeakly(value) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, &value) {
        return agent.throw_type_error("Invalid value used in weak set");
    }
    // 4–5. Append value unless it is already an element.
    if !table(&s).has(&value) {
        table(&s).set(value, Value::Undefined);
    }
    Ok(Value::Object(s))
}

/// WeakSet.prototype.delete ( value ) — <https://tc39.es/ecma262/#sec-weakset.prototype.delete>
fn weak_set_delete(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, WeakSet, "delete")?;
    Ok(Value::Bool(table(&s).delete(&args.arg(0))))
}

/// WeakSet.prototype.has ( value ) — <https://tc39.es/ecma262/#sec-weakset.prototype.has>
fn weak_set_has(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = this_collection(agent, args, WeakSet, "has")?;
    Ok(Value::Bool(table(&s).has(&args.arg(0))))
}

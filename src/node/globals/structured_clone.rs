//! `structuredClone(value)` (HTML's StructuredSerialize and
//! StructuredDeserialize in one pass, as Node provides it): primitives,
//! plain objects and arrays (own enumerable string keys, read with
//! [[Get]]), Boolean/Number/String objects, Dates, RegExps, Maps, Sets and
//! the standard errors; cycles and shared references are kept. Anything
//! else (functions, symbols, promises, weak collections, class instances'
//! methods) is a DataCloneError, worded as V8 words it.
//!
//! ArrayBuffers are copied (resizable ones stay resizable); typed arrays
//! and DataViews are new views of their buffer's copy.
//!
//! Deviation: SharedArrayBuffers and the `transfer` option are not
//! supported (a DataCloneError).

use gc::Gc;

use super::dom_exception::dom_exception;
use crate::interp::agent::Agent;
use crate::interp::builtins::data_view::DataViewData;
use crate::interp::builtins::typed_array::TypedArrayData;
use crate::interp::builtins::{array_buffer, date, map_set, regexp};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The objects cloned so far (the spec's memory): original to copy.
type Memory = Vec<(Gc<JsObject>, Gc<JsObject>)>;

/// structuredClone ( value [ , options ] )
fn structured_clone(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if args.args.is_empty() {
        return agent.throw_type_error("The value argument must be specified");
    }
    let mut memory = Memory::new();
    clone_value(agent, &args.arg(0), &mut memory)
}

/// V8's DataCloneError for a value it cannot clone.
fn cannot_clone(agent: &mut Agent, value: &Value) -> crate::interp::completion::Throw {
    let shown = match value {
        Value::Object(o) if agent.is_callable(value) => {
            let function_prototype = agent.intrinsics().function_prototype.clone();
            let to_string = agent
                .get(&function_prototype, &PropertyKey::from("toString"))
                .unwrap_or(Value::Undefined);
            agent
                .call(&to_string, &Value::Object(o.clone()), &[])
                .ok()
                .map(|s| agent.to_display_string(&s))
                .unwrap_or_default()
        }
        Value::Object(_) => map_set::labels::receiver_label(value),
        other => agent.to_display_string(other),
    };
    dom_exception(
        agent,
        &format!("{shown} could not be cloned."),
        "DataCloneError",
    )
}

fn clone_value(agent: &mut Agent, value: &Value, memory: &mut Memory) -> JsResult<Value> {
    let Value::Object(o) = value else {
        return match value {
            Value::Symbol(_) => Err(cannot_clone(agent, value)),
            primitive => Ok(primitive.clone()),
        };
    };
    if let Some((_, copy)) = memory.iter().find(|(original, _)| Gc::ptr_eq(original, o)) {
        return Ok(Value::Object(copy.clone()));
    }
    agent.poll_interrupt()?;
    agent.enter_native_recursion()?;
    let result = clone_object(agent, o, value, memory);
    agent.leave_native_recursion();
    result
}

fn clone_object(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    value: &Value,
    memory: &mut Memory,
) -> JsResult<Value> {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let copy = match &o.kind {
        ObjectKind::Function(_) | ObjectKind::Proxy(_) => return Err(cannot_clone(agent, value)),
        ObjectKind::Boolean(_)
        | ObjectKind::Number(_)
        | ObjectKind::String(_)
        | ObjectKind::BigInt(_) => {
            let primitive = match &o.kind {
                ObjectKind::Boolean(b) => Value::Bool(*b),
                ObjectKind::Number(n) => Value::Number(*n),
                ObjectKind::BigInt(b) => Value::BigInt(b.clone()),
                ObjectKind::String(s) => Value::String(s.clone()),
                _ => Value::Undefined,
            };
            let copy = agent.to_object(&primitive)?;
            memory.push((o.clone(), copy.clone()));
            return Ok(Value::Object(copy));
        }
        ObjectKind::Error(_) => return clone_error(agent, o, memory),
        ObjectKind::Array(_) => {
            let length = agent.get(o, &PropertyKey::from("length"))?;
            let copy = agent.create_array_from_list(Vec::new());
            agent.set_or_throw(&copy, &PropertyKey::from("length"), length)?;
            copy
        }
        ObjectKind::Ordinary | ObjectKind::Arguments(_) => {
            JsObject::ordinary_create(Some(object_prototype))
        }
        ObjectKind::Other(_) => {
            if let Some(copy) = clone_binary(agent, o, value, memory)? {
                return Ok(copy);
            }
            if let Some(tv) = date::date_value(o) {
                let ctor = agent.intrinsics().get("Date");
                let copy = agent.construct(&ctor, &[Value::Number(tv)], None)?;
                return Ok(remember(memory, o, copy));
            }
            if let Some((source, flags)) = regexp::source_and_flags(o) {
                let copy = regexp::regexp_create(agent, source, flags)?;
                return Ok(remember(memory, o, copy));
            }
            if let Some(entries) = map_set::map_entries(o) {
                let ctor = agent.intrinsics().get("Map");
                let copy = agent.construct(&ctor, &[], None)?;
                let Value::Object(map) = remember(memory, o, copy) else {
                    return Ok(Value::Undefined);
                };
                let set = agent.get(&map, &PropertyKey::from("set"))?;
                for (key, v) in entries {
                    let key = clone_value(agent, &key, memory)?;
                    let v = clone_value(agent, &v, memory)?;
                    agent.call(&set, &Value::Object(map.clone()), &[key, v])?;
                }
                return Ok(Value::Object(map));
            }
            if let Some(values) = map_set::set_values(o) {
                let ctor = agent.intrinsics().get("Set");
                let copy = agent.construct(&ctor, &[], None)?;
                let Value::Object(set) = remember(memory, o, copy) else {
                    return Ok(Value::Undefined);
                };
                let add = agent.get(&set, &PropertyKey::from("add"))?;
                for v in values {
                    let v = clone_value(agent, &v, memory)?;
                    agent.call(&add, &Value::Object(set.clone()), &[v])?;
                }
                return Ok(Value::Object(set));
            }
            return Err(cannot_clone(agent, value));
        }
        _ => return Err(cannot_clone(agent, value)),
    };
    memory.push((o.clone(), copy.clone()));
    // The own enumerable string-keyed properties, in order, read with [[Get]].
    for key in o.own_property_keys() {
        if matches!(key, PropertyKey::Symbol(_)) {
            continue;
        }
        let enumerable = agent
            .get_own_property(o, &key)?
            .is_some_and(|p| p.attrs().enumerable);
        if !enumerable {
            continue;
        }
        let v = agent.get(o, &key)?;
        let v = clone_value(agent, &v, memory)?;
        agent.create_data_property(&copy, key, v)?;
    }
    Ok(Value::Object(copy))
}

/// An ArrayBuffer, typed array or DataView; None for anything else.
fn clone_binary(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    value: &Value,
    memory: &mut Memory,
) -> JsResult<Option<Value>> {
    if let Some(store) = array_buffer::object_store(o) {
        if store.shared {
            return Err(cannot_clone(agent, value));
        }
        if store.is_detached() {
            return Err(dom_exception(
                agent,
                "An ArrayBuffer is detached and could not be cloned.",
                "DataCloneError",
            ));
        }
        let ctor = agent.intrinsics().get("ArrayBuffer");
        let mut args = vec![Value::Number(store.len() as f64)];
        if let Some(max) = store.max_byte_length {
            let options =
                JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
            crate::interp::native::define_value(
                &options,
                "maxByteLength",
                Value::Number(max as f64),
                crate::interp::property::Attributes::ALL,
            );
            args.push(Value::Object(options));
        }
        let copy = agent.construct(&ctor, &args, None)?;
        if let Some(copy_store) = array_buffer::buffer_store(&copy) {
            let bytes = store.copy_range(0, store.len());
            copy_store.with_bytes_mut(|b| b.copy_from_slice(&bytes));
        }
        return Ok(Some(remember(memory, o, copy)));
    }
    let view = if let Some(ta) = o.data::<TypedArrayData>() {
        let length = ta
            .array_length
            .map_or(Value::Undefined, |l| Value::Number(l as f64));
        Some((
            ta.element.constructor_name(),
            ta.buffer.clone(),
            ta.byte_offset,
            length,
        ))
    } else if let Some(dv) = o.data::<DataViewData>() {
        let length = dv
            .byte_length
            .map_or(Value::Undefined, |l| Value::Number(l as f64));
        Some(("DataView", dv.buffer.clone(), dv.byte_offset, length))
    } else {
        None
    };
    let Some((constructor, buffer, offset, length)) = view else {
        return Ok(None);
    };
    let buffer = clone_value(agent, &Value::Object(buffer), memory)?;
    let ctor = agent.intrinsics().get(constructor);
    let copy = agent.construct(&ctor, &[buffer, Value::Number(offset as f64), length], None)?;
    Ok(Some(remember(memory, o, copy)))
}

fn remember(memory: &mut Memory, original: &Gc<JsObject>, copy: Value) -> Value {
    if let Value::Object(c) = &copy {
        memory.push((original.clone(), c.clone()));
    }
    copy
}

/// An error: the standard kind its `name` says (else Error), its own
/// `message`, `stack` and `cause`.
fn clone_error(agent: &mut Agent, o: &Gc<JsObject>, memory: &mut Memory) -> JsResult<Value> {
    let name = agent.get(o, &PropertyKey::from("name"))?;
    let name = agent.to_string(&name)?.to_rust_string();
    let kind = match name.as_str() {
        "EvalError" => ErrorKind::EvalError,
        "RangeError" => ErrorKind::RangeError,
        "ReferenceError" => ErrorKind::ReferenceError,
        "SyntaxError" => ErrorKind::SyntaxError,
        "TypeError" => ErrorKind::TypeError,
        "URIError" => ErrorKind::URIError,
        _ => ErrorKind::Error,
    };
    let proto = agent.error_prototype(kind);
    let copy = JsObject::with_kind(Some(proto), ObjectKind::Error(Default::default()));
    memory.push((o.clone(), copy.clone()));
    for name in ["message", "stack", "cause"] {
        let key = PropertyKey::from(name);
        if agent.get_own_property(o, &key)?.is_none() {
            continue;
        }
        let v = agent.get(o, &key)?;
        let v = if name == "cause" {
            clone_value(agent, &v, memory)?
        } else {
            Value::String(agent.to_string(&v)?)
        };
        crate::interp::native::define_value(
            &copy,
            name,
            v,
            crate::interp::property::Attributes::METHOD,
        );
    }
    Ok(Value::Object(copy))
}

pub(super) fn install(agent: &mut Agent) {
    let global = agent.global_object();
    agent.define_method(&global, "structuredClone", 1, structured_clone);
}

//! What an inspected object is called: Node's `getConstructorName` (the
//! first `constructor` up the prototype chain that the object is an
//! instance of), the engine's own class name as a fallback, and the
//! `Foo [tag] ` / `[Object: null prototype] ` prefixes built from them.

use gc::Gc;

use super::options::{Ctx, InspectOptions, MAX_NESTING};
use super::prototype::{add_prototype_properties, is_builtin_constructor_name};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::{Property, PropertyKey};
use crate::interp::value::Value;

/// The class name the engine itself knows for an object (V8's
/// `GetConstructorName` fallback).
pub fn internal_constructor_name(o: &JsObject) -> String {
    match &o.kind {
        ObjectKind::Array(_) => "Array".into(),
        ObjectKind::Function(_) => "Function".into(),
        ObjectKind::Error(_) => "Error".into(),
        ObjectKind::Boolean(_) => "Boolean".into(),
        ObjectKind::Number(_) => "Number".into(),
        ObjectKind::String(_) => "String".into(),
        ObjectKind::Symbol(_) => "Symbol".into(),
        ObjectKind::BigInt(_) => "BigInt".into(),
        ObjectKind::Other(data) => data.class_name().into(),
        ObjectKind::Proxy(p) if p.callable => "Function".into(),
        ObjectKind::Ordinary | ObjectKind::Arguments(_) | ObjectKind::Proxy(_) => "Object".into(),
    }
}

/// `String(v)` for names, without failing on symbols.
pub fn name_to_string(agent: &mut Agent, v: &Value) -> JsResult<String> {
    match v {
        Value::Symbol(s) => Ok(super::text::symbol_to_string(s)),
        v => Ok(agent.to_string(v)?.to_rust_string()),
    }
}

/// `obj instanceof c`, false when the check throws (Node's `isInstanceof`).
fn is_instance_of(agent: &mut Agent, obj: &Gc<JsObject>, c: &Gc<JsObject>) -> bool {
    agent
        .instance_of(&Value::Object(obj.clone()), &Value::Object(c.clone()))
        .unwrap_or(false)
}

/// `firstProto === o` (false while `firstProto` is still undefined).
fn first_is(first_proto: &Option<Option<Gc<JsObject>>>, o: &Gc<JsObject>) -> bool {
    matches!(first_proto, Some(Some(p)) if Gc::ptr_eq(p, o))
}

/// `firstProto || tmp`
fn first_start(first_proto: &Option<Option<Gc<JsObject>>>, obj: &Gc<JsObject>) -> Gc<JsObject> {
    match first_proto {
        Some(Some(p)) => p.clone(),
        _ => obj.clone(),
    }
}

/// Node's `getConstructorName ( obj, ctx, recurseTimes )`: `None` for
/// objects whose prototype chain ends without a usable constructor right
/// away (null-prototype objects).
pub fn constructor_name(
    agent: &mut Agent,
    ctx: &mut Ctx,
    obj: &Gc<JsObject>,
    recurse_times: usize,
    mut proto_props: Option<&mut Vec<String>>,
) -> JsResult<Option<String>> {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let function_prototype = agent.intrinsics().function_prototype.clone();
    let mut first_proto: Option<Option<Gc<JsObject>>> = None;
    let mut current = Some(obj.clone());
    while let Some(o) = current {
        // Object.prototype and Function.prototype name their instances
        // even when their `constructor` has been tampered with.
        if !Gc::ptr_eq(&o, obj) {
            let well_known = if Gc::ptr_eq(&o, &object_prototype) {
                Some("Object")
            } else if Gc::ptr_eq(&o, &function_prototype) {
                Some("Function")
            } else {
                None
            };
            if let Some(name) = well_known {
                if let Some(output) = proto_props.as_deref_mut() {
                    if !first_is(&first_proto, &o) {
                        let start = first_start(&first_proto, obj);
                        add_prototype_properties(agent, ctx, obj, start, recurse_times, output)?;
                    }
                }
                return Ok(Some(name.into()));
            }
        }
        if let Some(Property::Data {
            value: Value::Object(c),
            ..
        }) = o.get_own_property(&PropertyKey::from("constructor"))
        {
            if c.is_callable() {
                let name = agent.get(&c, &PropertyKey::from("name"))?;
                let empty = matches!(&name, Value::String(s) if s.is_empty());
                if !empty && is_instance_of(agent, obj, &c) {
                    if let Some(output) = proto_props.as_deref_mut() {
                        if !first_is(&first_proto, &o) || !is_builtin_constructor_name(agent, &name)
                        {
                            let start = first_start(&first_proto, obj);
                            add_prototype_properties(
                                agent,
                                ctx,
                                obj,
                                start,
                                recurse_times,
                                output,
                            )?;
                        }
                    }
                    return name_to_string(agent, &name).map(Some);
                }
            }
        }
        current = o.get_prototype_of();
        if first_proto.is_none() {
            first_proto = Some(current.clone());
        }
    }
    let Some(Some(first_proto)) = first_proto else {
        return Ok(None);
    };
    let res = internal_constructor_name(obj);
    if ctx.too_deep(recurse_times) || recurse_times > MAX_NESTING {
        return Ok(Some(format!("{res} <Complex prototype>")));
    }
    match constructor_name(agent, ctx, &first_proto, recurse_times + 1, proto_props)? {
        Some(proto_name) => Ok(Some(format!("{res} <{proto_name}>"))),
        None => {
            let opts = InspectOptions {
                custom_inspect: false,
                depth: -1.0,
                ..ctx.opts.clone()
            };
            let shown = super::inspect(agent, &Value::Object(first_proto), &opts)?;
            Ok(Some(format!("{res} <{shown}>")))
        }
    }
}

/// Node's `getPrefix ( constructor, tag, fallback, size )`.
pub fn get_prefix(constructor: Option<&str>, tag: &str, fallback: &str, size: &str) -> String {
    match constructor {
        None => {
            if !tag.is_empty() && fallback != tag {
                format!("[{fallback}{size}: null prototype] [{tag}] ")
            } else {
                format!("[{fallback}{size}: null prototype] ")
            }
        }
        Some(c) => {
            if !tag.is_empty() && c != tag {
                format!("{c}{size} [{tag}] ")
            } else {
                format!("{c}{size} ")
            }
        }
    }
}

/// Node's `getCtxStyle ( value, constructor, tag )`.
pub fn ctx_style(o: &JsObject, constructor: Option<&str>, tag: &str) -> String {
    let mut fallback = String::new();
    if constructor.is_none() {
        fallback = internal_constructor_name(o);
        if fallback == tag {
            fallback = "Object".into();
        }
    }
    get_prefix(constructor, tag, &fallback, "")
}

/// A prefix without its trailing space.
pub fn trim_last(s: &str) -> &str {
    match s.char_indices().last() {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

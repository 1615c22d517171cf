//! With `showHidden`, the non-function properties that an object's own
//! prototypes (up to three, stopping at a built-in's) add: getters of a
//! class show as `[g]: [Getter]` (Node's `addPrototypeProperties`).

use gc::Gc;

use super::options::{Ctx, EntryType};
use super::property::format_property;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::property::{Property, PropertyKey};
use crate::interp::value::Value;

/// The globals Node's host adds after `util.inspect` has taken its list of
/// built-ins (so they are not in it).
const HOST_GLOBALS: [&str; 6] = [
    "Buffer",
    "DOMException",
    "TextDecoder",
    "TextEncoder",
    "URL",
    "URLSearchParams",
];

/// Whether `name` is one of the global built-in constructors' names
/// (Node's `builtInObjects`: the globals of the JavaScript engine matching
/// `/^[A-Z][a-zA-Z0-9]+$/`, not the host's).
pub fn is_builtin_constructor_name(agent: &Agent, name: &Value) -> bool {
    let Value::String(name) = name else {
        return false;
    };
    let text = name.to_rust_string();
    let mut chars = text.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && text.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric());
    well_formed
        && !HOST_GLOBALS.contains(&text.as_str())
        && agent
            .global_object()
            .get_own_property(&PropertyKey::String(name.clone()))
            .is_some()
}

/// Whether `o`'s own `constructor` is one of the global built-in constructors.
pub fn has_builtin_constructor(agent: &mut Agent, o: &JsObject) -> JsResult<bool> {
    match o.get_own_property(&PropertyKey::from("constructor")) {
        Some(Property::Data {
            value: Value::Object(c),
            ..
        }) if c.is_callable() => {
            let name = agent.get(&c, &PropertyKey::from("name"))?;
            Ok(is_builtin_constructor_name(agent, &name))
        }
        _ => Ok(false),
    }
}

fn same_key(a: &PropertyKey, b: &PropertyKey) -> bool {
    a.to_value().same_value(&b.to_value())
}

/// Node's `addPrototypeProperties ( ctx, main, obj, recurseTimes, output )`.
pub fn add_prototype_properties(
    agent: &mut Agent,
    ctx: &mut Ctx,
    main: &Gc<JsObject>,
    mut obj: Gc<JsObject>,
    recurse_times: usize,
    output: &mut Vec<String>,
) -> JsResult<()> {
    let mut seen_keys: Vec<PropertyKey> = Vec::new();
    let mut keys: Vec<PropertyKey> = Vec::new();
    let constructor_key = PropertyKey::from("constructor");
    for depth in 0..3 {
        if depth != 0 || Gc::ptr_eq(main, &obj) {
            // Stop at a null prototype or a built-in object type.
            let Some(next) = obj.get_prototype_of() else {
                return Ok(());
            };
            obj = next;
            if has_builtin_constructor(agent, &obj)? {
                return Ok(());
            }
        }
        if depth != 0 {
            seen_keys.append(&mut keys);
        }
        keys = obj.own_property_keys();
        ctx.seen.push(main.clone());
        let mut result = Ok(());
        for key in &keys {
            if same_key(key, &constructor_key)
                || main.has_own_property(key)
                || (depth != 0 && seen_keys.iter().any(|k| same_key(k, key)))
            {
                continue;
            }
            if let Some(Property::Data {
                value: Value::Object(f),
                ..
            }) = obj.get_own_property(key)
            {
                if f.is_callable() {
                    continue;
                }
            }
            match format_property(agent, ctx, &obj, recurse_times, key, EntryType::Object) {
                Ok(shown) => output.push(shown),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        ctx.seen.pop();
        result?;
    }
    Ok(())
}

//! Node's `util.format` (`formatWithOptionsInternal`): `%s %d %i %f %j %o
//! %O %c %%` placeholders in a leading string, then every other argument
//! joined by spaces — strings as they are, anything else inspected.

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::inspect::{format_number, inspect, is_builtin_constructor_name, InspectOptions};
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::ops::conversion::is_callable;
use crate::interp::property::{Property, PropertyKey};
use crate::interp::value::Value;

use super::numbers::{parse_float, parse_int};

/// `String(v)`: like ToString, but symbols become `Symbol(description)`.
pub fn string_of(agent: &mut Agent, v: &Value) -> JsResult<String> {
    match v {
        Value::Symbol(s) => Ok(match &s.description {
            Some(d) => format!("Symbol({})", d.to_rust_string()),
            None => "Symbol()".into(),
        }),
        v => Ok(agent.to_string(v)?.to_rust_string()),
    }
}

/// Node's `hasBuiltInToString`: whether the `toString` (or
/// `Symbol.toPrimitive`) an object would use comes from a built-in.
fn has_builtin_to_string(agent: &mut Agent, o: &Gc<JsObject>) -> JsResult<bool> {
    let to_string_key = PropertyKey::from("toString");
    let to_primitive_key = PropertyKey::Symbol(agent.symbols.to_primitive.clone());
    let to_string = agent.get(o, &to_string_key)?;
    let to_primitive = agent.get(o, &to_primitive_key)?;
    let mut look_for_to_string = true;
    let mut look_for_to_primitive = true;
    if !is_callable(&to_string) {
        if !is_callable(&to_primitive) {
            return Ok(true);
        } else if o.has_own_property(&to_primitive_key) {
            return Ok(false);
        }
        look_for_to_string = false;
    } else if o.has_own_property(&to_string_key) {
        return Ok(false);
    } else if !is_callable(&to_primitive) {
        look_for_to_primitive = false;
    } else if o.has_own_property(&to_primitive_key) {
        return Ok(false);
    }
    let mut pointer = o.clone();
    loop {
        let Some(next) = pointer.get_prototype_of() else {
            return Ok(true);
        };
        pointer = next;
        if (look_for_to_string && pointer.has_own_property(&to_string_key))
            || (look_for_to_primitive && pointer.has_own_property(&to_primitive_key))
        {
            break;
        }
    }
    match pointer.get_own_property(&PropertyKey::from("constructor")) {
        Some(Property::Data {
            value: Value::Object(c),
            ..
        }) if matches!(c.kind, ObjectKind::Function(_)) => {
            let name = agent.get(&c, &PropertyKey::from("name"))?;
            Ok(is_builtin_constructor_name(agent, &name))
        }
        _ => Ok(false),
    }
}

/// `JSON.stringify(v)`, or `[Circular]` for circular structures.
fn try_stringify(agent: &mut Agent, v: &Value) -> JsResult<String> {
    let global = agent.global_object();
    let json = agent.get(&global, &PropertyKey::from("JSON"))?;
    let stringify = agent.get_v(&json, &PropertyKey::from("stringify"))?;
    match agent.call(&stringify, &json, std::slice::from_ref(v)) {
        Ok(result) => string_of(agent, &result),
        Err(thrown) => {
            if let Value::Object(e) = &*thrown.0 {
                let message = e.get_own_data_value(&PropertyKey::from("message"));
                if let Some(Value::String(m)) = message {
                    if m.to_rust_string()
                        .starts_with("Converting circular structure to JSON")
                    {
                        return Ok("[Circular]".into());
                    }
                }
            }
            Err(thrown)
        }
    }
}

/// One placeholder's text, or None when the character after `%` is not a
/// placeholder.
fn placeholder(agent: &mut Agent, kind: u16, arg: &Value) -> JsResult<Option<String>> {
    let is_symbol = matches!(arg, Value::Symbol(_));
    Ok(Some(
        match char::from_u32(u32::from(kind)).unwrap_or('\0') {
            's' => match arg {
                Value::Number(n) => format_number(*n),
                Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
                // Functions are not `typeof 'object'`: they print their source.
                Value::Object(o) if !o.is_callable() && has_builtin_to_string(agent, o)? => {
                    let opts = InspectOptions {
                        depth: 0.0,
                        ..InspectOptions::default()
                    };
                    inspect(agent, arg, &opts)?
                }
                other => string_of(agent, other)?,
            },
            'j' => try_stringify(agent, arg)?,
            'd' | 'i' if matches!(arg, Value::BigInt(_)) => {
                format!("{}n", agent.to_string(arg)?.to_rust_string())
            }
            'd' if is_symbol => "NaN".into(),
            'd' => format_number(agent.to_number(arg)?),
            'O' => inspect(agent, arg, &InspectOptions::default())?,
            'o' => {
                let opts = InspectOptions {
                    show_hidden: true,
                    show_proxy: true,
                    depth: 4.0,
                    ..InspectOptions::default()
                };
                inspect(agent, arg, &opts)?
            }
            'i' if is_symbol => "NaN".into(),
            'i' => {
                let text = agent.to_string(arg)?;
                format_number(parse_int(text.units()))
            }
            'f' if is_symbol => "NaN".into(),
            'f' => {
                let text = agent.to_string(arg)?;
                format_number(parse_float(text.units()))
            }
            'c' => String::new(),
            _ => return Ok(None),
        },
    ))
}

/// Node's `formatWithOptionsInternal ( undefined, args )`.
pub fn format_args(agent: &mut Agent, args: &[Value]) -> JsResult<String> {
    let mut out = String::new();
    let mut a = 0;
    let mut join = "";
    if let Some(Value::String(first)) = args.first() {
        if args.len() == 1 {
            return Ok(first.to_rust_string());
        }
        let units = first.units();
        let text = |from: usize, to: usize| String::from_utf16_lossy(&units[from..to]);
        let mut last_pos = 0;
        let mut i = 0;
        while i + 1 < units.len() {
            if units[i] == u16::from(b'%') {
                i += 1;
                let next = units[i];
                if a + 1 != args.len() {
                    if next == u16::from(b'%') {
                        out.push_str(&text(last_pos, i));
                        last_pos = i + 1;
                        i += 1;
                        continue;
                    }
                    let Some(shown) = placeholder(agent, next, &args[a + 1])? else {
                        i += 1;
                        continue;
                    };
                    a += 1;
                    if last_pos != i - 1 {
                        out.push_str(&text(last_pos, i - 1));
                    }
                    out.push_str(&shown);
                    last_pos = i + 1;
                } else if next == u16::from(b'%') {
                    out.push_str(&text(last_pos, i));
                    last_pos = i + 1;
                }
            }
            i += 1;
        }
        if last_pos != 0 {
            a += 1;
            join = " ";
            if last_pos < units.len() {
                out.push_str(&text(last_pos, units.len()));
            }
        }
    }
    while a < args.len() {
        out.push_str(join);
        match &args[a] {
            Value::String(s) => out.push_str(&s.to_rust_string()),
            other => out.push_str(&inspect(agent, other, &InspectOptions::default())?),
        }
        join = " ";
        a += 1;
    }
    Ok(out)
}

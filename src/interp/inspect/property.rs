//! Own keys and single properties: which keys an inspection lists (Node's
//! `getKeys`) and how one `key: value` entry reads (`formatProperty`):
//! values of data properties, `[Getter]`/`[Setter]`/`[Getter/Setter]` for
//! accessors (never called), bare identifiers or quoted keys.

use gc::Gc;

use super::options::{Ctx, EntryType};
use super::text::{escape_bare, quote_string, string_width, symbol_to_string};
use super::value::format_value;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::property::{Property, PropertyKey};

/// Node's `getKeys`: enumerable own string keys then enumerable own symbols
/// (all of them with `showHidden`). Private names never show.
pub fn own_keys(o: &JsObject, show_hidden: bool) -> Vec<PropertyKey> {
    o.own_property_keys()
        .into_iter()
        .filter(|k| {
            show_hidden
                || o.get_own_property(k)
                    .map(|p| p.enumerable())
                    .unwrap_or(false)
        })
        .collect()
}

/// `getOwnNonIndexProperties`: the keys of an array besides its elements.
pub fn own_non_index_keys(o: &JsObject, show_hidden: bool) -> Vec<PropertyKey> {
    own_keys(o, show_hidden)
        .into_iter()
        .filter(|k| !matches!(k, PropertyKey::Index(_)))
        .collect()
}

/// `/^[a-zA-Z_][a-zA-Z_0-9]*$/`: keys that print without quotes.
fn is_plain_key(units: &[u16]) -> bool {
    let is_start = |u: u16| u == u16::from(b'_') || (u < 128 && (u as u8).is_ascii_alphabetic());
    let is_part = |u: u16| is_start(u) || (u < 128 && (u as u8).is_ascii_digit());
    match units.split_first() {
        Some((&first, rest)) => is_start(first) && rest.iter().all(|&u| is_part(u)),
        None => false,
    }
}

/// The text of a key as `formatProperty` shows it before the colon.
pub fn key_label(key: &PropertyKey, enumerable: bool) -> String {
    match key {
        PropertyKey::Symbol(s) => {
            let text: Vec<u16> = symbol_to_string(s).encode_utf16().collect();
            format!("[{}]", escape_bare(&text))
        }
        other => {
            let units: Vec<u16> = match other {
                PropertyKey::Index(i) => i.to_string().encode_utf16().collect(),
                PropertyKey::String(s) => s.units().to_vec(),
                PropertyKey::Symbol(_) => Vec::new(),
            };
            if units == "__proto__".encode_utf16().collect::<Vec<_>>() {
                "['__proto__']".into()
            } else if !enumerable {
                format!("[{}]", escape_bare(&units))
            } else if is_plain_key(&units) {
                String::from_utf16_lossy(&units)
            } else {
                quote_string(&units)
            }
        }
    }
}

/// Node's `formatProperty ( ctx, value, recurseTimes, key, type )`.
pub fn format_property(
    agent: &mut Agent,
    ctx: &mut Ctx,
    o: &Gc<JsObject>,
    recurse_times: usize,
    key: &PropertyKey,
    entry_type: EntryType,
) -> JsResult<String> {
    let (property, enumerable) = match o.get_own_property(key) {
        Some(p) => {
            let enumerable = p.enumerable();
            (p, enumerable)
        }
        // Inherited keys (an error's `cause`) are read through [[Get]].
        None => {
            let value = agent.get(o, key)?;
            (
                Property::Data {
                    value,
                    attrs: Default::default(),
                },
                true,
            )
        }
    };
    // A module namespace's binding in its TDZ (Node: `<uninitialized>`).
    let uninitialized = match &o.kind {
        crate::interp::object::ObjectKind::Other(data) => {
            matches!(data.live_value(key), Some(None))
        }
        _ => false,
    };
    let mut extra = " ".to_string();
    let shown = match property {
        _ if uninitialized => "<uninitialized>".into(),
        Property::Data { value, .. } if !value.is_undefined() => {
            let diff = if ctx.opts.compact != usize::MAX || entry_type != EntryType::Object {
                2
            } else {
                3
            };
            ctx.indentation_lvl += diff;
            let result = format_value(agent, ctx, &value, recurse_times, false);
            if let Ok(s) = &result {
                if diff == 3 && ctx.opts.break_length < string_width(s) {
                    extra = format!("\n{}", " ".repeat(ctx.indentation_lvl));
                }
            }
            ctx.indentation_lvl -= diff;
            result?
        }
        Property::Accessor(a) => match (&a.get, &a.set) {
            (Some(_), Some(_)) => "[Getter/Setter]".into(),
            (Some(_), None) => "[Getter]".into(),
            (None, Some(_)) => "[Setter]".into(),
            (None, None) => "undefined".into(),
        },
        Property::Data { .. } => "undefined".into(),
    };
    if entry_type == EntryType::ArrayElement {
        return Ok(shown);
    }
    Ok(format!("{}:{extra}{shown}", key_label(key, enumerable)))
}

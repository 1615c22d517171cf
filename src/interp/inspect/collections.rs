//! The entries of arrays (holes as `<n empty items>`, at most
//! `maxArrayLength` of them), Sets, Maps and Promises (Node's
//! `formatArray`, `formatSpecialArray`, `formatSet`, `formatMap`,
//! `formatPromise`).

use gc::Gc;

use super::options::{Ctx, EntryType};
use super::property::{format_property, own_keys};
use super::value::format_value;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::PromiseStateView;
use crate::interp::completion::JsResult;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// `... 1 more item` / `... n more items`
pub fn remaining_text(remaining: usize) -> String {
    let plural = if remaining > 1 { "s" } else { "" };
    format!("... {remaining} more item{plural}")
}

fn empty_items(n: u64) -> String {
    let plural = if n > 1 { "s" } else { "" };
    format!("<{n} empty item{plural}>")
}

/// Node's `formatArray`.
pub fn format_array(
    agent: &mut Agent,
    ctx: &mut Ctx,
    array: &Gc<JsObject>,
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let value_length = array.array_length().unwrap_or(0) as usize;
    let len = ctx.opts.max_array_length.min(value_length);
    let remaining = value_length - len;
    let mut output = Vec::with_capacity(len.min(1024));
    for i in 0..len {
        let key = PropertyKey::Index(i as u32);
        if !array.has_own_property(&key) {
            return format_special_array(agent, ctx, array, recurse_times, len, output, i);
        }
        output.push(format_property(
            agent,
            ctx,
            array,
            recurse_times,
            &key,
            EntryType::ArrayElement,
        )?);
    }
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    Ok(output)
}

/// Node's `formatSpecialArray`: a sparse array, walked through its
/// enumerable keys so that runs of holes cost nothing.
fn format_special_array(
    agent: &mut Agent,
    ctx: &mut Ctx,
    array: &Gc<JsObject>,
    recurse_times: usize,
    max_length: usize,
    mut output: Vec<String>,
    start: usize,
) -> JsResult<Vec<String>> {
    let keys: Vec<PropertyKey> = own_keys(array, false)
        .into_iter()
        .filter(|k| !matches!(k, PropertyKey::Symbol(_)))
        .collect();
    let mut index = start as u64;
    let mut i = start;
    while i < keys.len() && output.len() < max_length {
        // Only array indices come first in the key order; any other key ends the walk.
        let PropertyKey::Index(key_index) = &keys[i] else {
            break;
        };
        let key_index = u64::from(*key_index);
        if key_index != index {
            output.push(empty_items(key_index - index));
            index = key_index;
            if output.len() == max_length {
                break;
            }
        }
        output.push(format_property(
            agent,
            ctx,
            array,
            recurse_times,
            &keys[i],
            EntryType::ArrayElement,
        )?);
        index += 1;
        i += 1;
    }
    let length = u64::from(array.array_length().unwrap_or(0));
    let remaining = length.saturating_sub(index);
    if output.len() != max_length {
        if remaining > 0 {
            output.push(empty_items(remaining));
        }
    } else if remaining > 0 {
        output.push(remaining_text(remaining as usize));
    }
    Ok(output)
}

/// Node's `formatSet`.
pub fn format_set(
    agent: &mut Agent,
    ctx: &mut Ctx,
    values: &[Value],
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let max_length = ctx.opts.max_array_length.min(values.len());
    let mut output = Vec::with_capacity(max_length);
    ctx.indentation_lvl += 2;
    for v in &values[..max_length] {
        match format_value(agent, ctx, v, recurse_times, false) {
            Ok(s) => output.push(s),
            Err(e) => {
                ctx.indentation_lvl -= 2;
                return Err(e);
            }
        }
    }
    if values.len() > max_length {
        output.push(remaining_text(values.len() - max_length));
    }
    ctx.indentation_lvl -= 2;
    Ok(output)
}

/// Node's `formatMap`: `key => value` entries.
pub fn format_map(
    agent: &mut Agent,
    ctx: &mut Ctx,
    entries: &[(Value, Value)],
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let max_length = ctx.opts.max_array_length.min(entries.len());
    let mut output = Vec::with_capacity(max_length);
    ctx.indentation_lvl += 2;
    for (k, v) in &entries[..max_length] {
        let entry = format_value(agent, ctx, k, recurse_times, false).and_then(|k| {
            let v = format_value(agent, ctx, v, recurse_times, false)?;
            Ok(format!("{k} => {v}"))
        });
        match entry {
            Ok(s) => output.push(s),
            Err(e) => {
                ctx.indentation_lvl -= 2;
                return Err(e);
            }
        }
    }
    if entries.len() > max_length {
        output.push(remaining_text(entries.len() - max_length));
    }
    ctx.indentation_lvl -= 2;
    Ok(output)
}

/// Node's `formatPromise`: `<pending>`, the value, or `<rejected> reason`.
pub fn format_promise(
    agent: &mut Agent,
    ctx: &mut Ctx,
    state: PromiseStateView,
    recurse_times: usize,
) -> JsResult<Vec<String>> {
    let (result, rejected) = match state {
        PromiseStateView::Pending => return Ok(vec!["<pending>".into()]),
        PromiseStateView::Fulfilled(v) => (v, false),
        PromiseStateView::Rejected(v) => (v, true),
    };
    ctx.indentation_lvl += 2;
    let shown = format_value(agent, ctx, &result, recurse_times, false);
    ctx.indentation_lvl -= 2;
    let shown = shown?;
    Ok(vec![if rejected {
        format!("<rejected> {shown}")
    } else {
        shown
    }])
}

/// Node's `formatTypedArray` (without `showHidden`'s extra keys): the
/// first `maxArrayLength` elements as numbers (or BigInts).
pub fn format_typed_array(ctx: &Ctx, o: &Gc<JsObject>, length: usize) -> Vec<String> {
    let max_length = ctx.opts.max_array_length.min(length);
    let remaining = length - max_length;
    let mut output = Vec::with_capacity(max_length + 1);
    if let Some(data) = o.data::<crate::interp::builtins::typed_array::TypedArrayData>() {
        for i in 0..max_length {
            output.push(match data.get(i) {
                Some(Value::BigInt(b)) => format!("{}n", b.to_string_radix(10)),
                Some(Value::Number(n)) => super::text::format_number(n),
                _ => super::text::format_number(f64::NAN),
            });
        }
    }
    if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    output
}

/// Node's `formatArrayBuffer`: `[Uint8Contents]: <01 02 …>` with at most
/// `maxArrayLength` bytes, or `(detached)`.
pub fn format_array_buffer(ctx: &Ctx, o: &Gc<JsObject>) -> String {
    let Some(store) = crate::interp::builtins::array_buffer::object_store(o) else {
        return String::new();
    };
    if store.is_detached() {
        return "(detached)".into();
    }
    let len = store.len();
    let shown = ctx.opts.max_array_length.min(len);
    let bytes = store.copy_range(0, shown);
    let mut text = bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    let remaining = len - shown;
    if remaining > 0 {
        let plural = if remaining > 1 { "s" } else { "" };
        text.push_str(&format!(" ... {remaining} more byte{plural}"));
    }
    format!("[Uint8Contents]: <{text}>")
}

//! Node's `formatValue` and `formatRaw`: primitives, custom inspectors,
//! circular references, and for objects the choice of prefix, braces and
//! entry formatter by kind, the depth cut-off (`[Object]`), and the
//! `<ref *n>` marker.

use gc::Gc;

use super::collections::{format_array, format_map, format_promise, format_set};
use super::collections::{format_array_buffer, format_typed_array};
use super::error::{format_error, is_error};
use super::kinds::{boxed_base, function_base, is_boxed};
use super::options::{Ctx, EntryType, MAX_NESTING};
use super::prefix::{constructor_name, ctx_style, get_prefix, trim_last};
use super::property::{format_property, own_keys, own_non_index_keys};
use super::reduce::reduce_to_single_string;
use super::text::{format_number, format_string, symbol_to_string};
use crate::interp::agent::Agent;
use crate::interp::builtins::{
    array_buffer, data_view, date, map_set, promise, regexp, typed_array,
};
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::stack_guard::stack_is_low;
use crate::interp::value::Value;

/// Node's `formatPrimitive` (no colours).
pub fn format_primitive(ctx: &Ctx, v: &Value) -> String {
    match v {
        Value::String(s) => format_string(
            s,
            ctx.indentation_lvl,
            ctx.opts.break_length,
            ctx.opts.max_string_length,
        ),
        Value::Number(n) => format_number(*n),
        Value::Bool(b) => b.to_string(),
        Value::Undefined => "undefined".into(),
        Value::Null => "null".into(),
        Value::Symbol(s) => symbol_to_string(s),
        // formatBigInt: the digits and an `n`.
        Value::BigInt(b) => format!("{}n", b.to_string_radix(10)),
        Value::Object(_) => String::new(),
    }
}

/// Node's `formatValue ( ctx, value, recurseTimes, typedArray )`.
pub fn format_value(
    agent: &mut Agent,
    ctx: &mut Ctx,
    value: &Value,
    recurse_times: usize,
    typed_array: bool,
) -> JsResult<String> {
    let Value::Object(o) = value else {
        return Ok(format_primitive(ctx, value));
    };
    // Proxies are never asked anything: the target is shown instead.
    let target;
    let o = if o.is_proxy() {
        match super::proxy::proxy_shown(agent, ctx, o, recurse_times)? {
            super::proxy::ProxyShown::Text(text) => return Ok(text),
            super::proxy::ProxyShown::Target(t) => {
                target = t;
                &target
            }
        }
    } else {
        o
    };
    if ctx.opts.custom_inspect {
        if let Some(shown) = super::custom::custom_inspect(agent, ctx, o, recurse_times)? {
            return Ok(shown);
        }
    }
    if ctx.is_seen(o) {
        let index = ctx.circular_index(o);
        return Ok(format!("[Circular *{index}]"));
    }
    ctx.nesting += 1;
    let result = if ctx.nesting > MAX_NESTING || stack_is_low() {
        ctx.overflowed = true;
        Err(agent.stack_overflow())
    } else {
        format_raw(agent, ctx, o, recurse_times, typed_array)
    };
    ctx.nesting -= 1;
    result
}

/// How the entries of an object are produced.
enum Formatter {
    None,
    Array,
    Set(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Promise(promise::PromiseStateView),
    WeakCollection,
    TypedArray(usize),
    ArrayBuffer,
}

/// The `Symbol.toStringTag` Node shows: a string that is not an own
/// enumerable property (own at all, with `showHidden`).
fn to_string_tag(agent: &mut Agent, ctx: &Ctx, o: &Gc<JsObject>) -> JsResult<String> {
    let key = PropertyKey::Symbol(agent.symbols.to_string_tag.clone());
    let Value::String(tag) = agent.get(o, &key)? else {
        return Ok(String::new());
    };
    if tag.is_empty() {
        return Ok(String::new());
    }
    let own = o.get_own_property(&key);
    let hide = match own {
        Some(p) => ctx.opts.show_hidden || p.enumerable(),
        None => false,
    };
    Ok(if hide {
        String::new()
    } else {
        tag.to_rust_string()
    })
}

/// Whether `o` is a module namespace object.
fn is_module_namespace(o: &JsObject) -> bool {
    matches!(&o.kind, ObjectKind::Other(data) if data.class_name() == "Module")
}

/// Node's `formatRaw ( ctx, value, recurseTimes, typedArray )`.
fn format_raw(
    agent: &mut Agent,
    ctx: &mut Ctx,
    o: &Gc<JsObject>,
    recurse_times: usize,
    typed_array: bool,
) -> JsResult<String> {
    let mut proto_props: Option<Vec<String>> =
        (ctx.opts.show_hidden && !ctx.too_deep(recurse_times)).then(Vec::new);
    let constructor = constructor_name(agent, ctx, o, recurse_times, proto_props.as_mut())?;
    if proto_props.as_ref().is_some_and(Vec::is_empty) {
        proto_props = None;
    }
    let no_entries = |keys: &Vec<PropertyKey>| keys.is_empty() && proto_props.is_none();
    let ctor = constructor.as_deref();
    let tag = to_string_tag(agent, ctx, o)?;
    let mut base = String::new();
    let mut formatter = Formatter::None;
    let mut braces = (String::from("{"), String::from("}"));
    let mut extras_type = EntryType::Object;
    let mut keys: Vec<PropertyKey> = Vec::new();
    let mut handled = false;

    // Iterable kinds (and anything with a null prototype) first.
    let iterator = PropertyKey::Symbol(agent.symbols.iterator.clone());
    if o.is_array() || constructor.is_none() || agent.has_property(o, &iterator)? {
        if o.is_array() {
            handled = true;
            let length = o.array_length().unwrap_or(0);
            let prefix = if ctor != Some("Array") || !tag.is_empty() {
                get_prefix(ctor, &tag, "Array", &format!("({length})"))
            } else {
                String::new()
            };
            keys = own_non_index_keys(o, ctx.opts.show_hidden);
            braces = (format!("{prefix}["), "]".into());
            if length == 0 && no_entries(&keys) {
                return Ok(format!("{}]", braces.0));
            }
            extras_type = EntryType::ArrayExtras;
            formatter = Formatter::Array;
        } else if let Some(length) = typed_array::typed_array_length(o) {
            // Node's typed array case: `Uint8Array(3) [ 1, 2, 3 ]`.
            handled = true;
            let size = length.unwrap_or(0);
            let fallback = o.data::<typed_array::TypedArrayData>().map_or("", |d| {
                if constructor.is_none() {
                    d.element.constructor_name()
                } else {
                    ""
                }
            });
            keys = own_non_index_keys(o, ctx.opts.show_hidden);
            let prefix = get_prefix(ctor, &tag, fallback, &format!("({size})"));
            braces = (format!("{prefix}["), "]".into());
            if size == 0 && keys.is_empty() && !ctx.opts.show_hidden {
                return Ok(format!("{}]", braces.0));
            }
            extras_type = EntryType::ArrayExtras;
            formatter = Formatter::TypedArray(size);
        } else if let Some(values) = map_set::set_values(o) {
            handled = true;
            let prefix = get_prefix(ctor, &tag, "Set", &format!("({})", values.len()));
            keys = own_keys(o, ctx.opts.show_hidden);
            if values.is_empty() && no_entries(&keys) {
                return Ok(format!("{prefix}{{}}"));
            }
            braces = (format!("{prefix}{{"), "}".into());
            formatter = Formatter::Set(values);
        } else if let Some(entries) = map_set::map_entries(o) {
            handled = true;
            let prefix = get_prefix(ctor, &tag, "Map", &format!("({})", entries.len()));
            keys = own_keys(o, ctx.opts.show_hidden);
            if entries.is_empty() && no_entries(&keys) {
                return Ok(format!("{prefix}{{}}"));
            }
            braces = (format!("{prefix}{{"), "}".into());
            formatter = Formatter::Map(entries);
        }
    }
    if !handled {
        keys = own_keys(o, ctx.opts.show_hidden);
        if o.is_callable() {
            base = function_base(agent, o, ctor, &tag)?;
            if no_entries(&keys) {
                return Ok(base);
            }
        } else if ctor == Some("Object") {
            if matches!(o.kind, ObjectKind::Arguments(_)) {
                braces.0 = "[Arguments] {".into();
            } else if !tag.is_empty() {
                braces.0 = format!("{}{{", get_prefix(ctor, &tag, "Object", ""));
            }
            if no_entries(&keys) {
                return Ok(format!("{}}}", braces.0));
            }
        } else if let Some(shown) = regexp::regexp_display(o) {
            base = shown;
            let prefix = get_prefix(ctor, &tag, "RegExp", "");
            if prefix != "RegExp " {
                base = format!("{prefix}{base}");
            }
            if no_entries(&keys) || ctx.too_deep(recurse_times) {
                return Ok(base);
            }
        } else if let Some(shown) = date::date_display(o) {
            // Node's formatRaw: isDate — the ISO string, or toString's
            // "Invalid Date".
            base = shown;
            let prefix = get_prefix(ctor, &tag, "Date", "");
            if prefix != "Date " {
                base = format!("{prefix}{base}");
            }
            if no_entries(&keys) {
                return Ok(base);
            }
        } else if is_error(agent, o) {
            base = format_error(agent, ctx, o, ctor, &tag, &mut keys)?;
            if no_entries(&keys) {
                return Ok(base);
            }
        } else if let Some(store) = array_buffer::object_store(o) {
            // Node's isAnyArrayBuffer case: the contents, then byteLength.
            let kind = if store.shared {
                "SharedArrayBuffer"
            } else {
                "ArrayBuffer"
            };
            let prefix = get_prefix(ctor, &tag, kind, "");
            if typed_array && no_entries(&keys) {
                return Ok(format!("{prefix}{{ byteLength: {} }}", store.len()));
            }
            if !typed_array {
                formatter = Formatter::ArrayBuffer;
            }
            braces.0 = format!("{prefix}{{");
            keys.insert(0, PropertyKey::from("byteLength"));
        } else if o.data::<data_view::DataViewData>().is_some() {
            braces.0 = format!("{}{{", get_prefix(ctor, &tag, "DataView", ""));
            for (i, name) in ["byteLength", "byteOffset", "buffer"]
                .into_iter()
                .enumerate()
            {
                keys.insert(i, PropertyKey::from(name));
            }
        } else if let Some(state) = promise::promise_state(o) {
            braces.0 = format!("{}{{", get_prefix(ctor, &tag, "Promise", ""));
            formatter = Formatter::Promise(state);
        } else if let Some(kind) = map_set::weak_collection_kind(o) {
            braces.0 = format!("{}{{", get_prefix(ctor, &tag, kind, ""));
            formatter = Formatter::WeakCollection;
        } else if is_module_namespace(o) {
            braces.0 = format!("{}{{", get_prefix(ctor, &tag, "Module", ""));
        } else if is_boxed(o) {
            base = boxed_base(ctx, o, &mut keys, ctor, &tag);
            if no_entries(&keys) {
                return Ok(base);
            }
        } else {
            let style = ctx_style(o, ctor, &tag);
            if no_entries(&keys) {
                return Ok(format!("{style}{{}}"));
            }
            braces.0 = format!("{style}{{");
        }
    }

    if ctx.too_deep(recurse_times) {
        let style = ctx_style(o, ctor, &tag);
        let name = trim_last(&style);
        return Ok(if constructor.is_some() {
            format!("[{name}]")
        } else {
            name.to_string()
        });
    }
    let recurse_times = recurse_times + 1;
    ctx.seen.push(o.clone());
    ctx.current_depth = recurse_times;
    let indentation_lvl = ctx.indentation_lvl;
    let output =
        entries(agent, ctx, o, recurse_times, formatter, &keys, extras_type).map(|mut output| {
            output.extend(proto_props.unwrap_or_default());
            output
        });
    ctx.seen.pop();
    let output = match output {
        Ok(output) => output,
        Err(_) if ctx.overflowed => {
            // Node's handleMaxCallStackSize.
            ctx.overflowed = false;
            ctx.indentation_lvl = indentation_lvl;
            let style = ctx_style(o, ctor, &tag);
            return Ok(format!(
                "[{}: Inspection interrupted prematurely. Maximum call stack size exceeded.]",
                trim_last(&style)
            ));
        }
        Err(e) => return Err(e),
    };
    if let Some(index) = ctx.circular.get(&(Gc::as_ptr(o) as *const u8 as usize)) {
        let reference = format!("<ref *{index}>");
        if ctx.opts.compact != usize::MAX {
            base = if base.is_empty() {
                reference
            } else {
                format!("{reference} {base}")
            };
        } else {
            braces.0 = format!("{reference} {}", braces.0);
        }
    }
    let array = if o.is_array() || typed_array::is_typed_array(o) {
        Some(o)
    } else {
        None
    };
    let res = reduce_to_single_string(
        ctx,
        output,
        &base,
        (&braces.0, &braces.1),
        extras_type,
        recurse_times,
        array,
    );
    let budget = ctx.budget.entry(ctx.indentation_lvl).or_insert(0);
    // Bytes stand in for UTF-16 units: only the order of magnitude matters.
    *budget += res.len();
    if *budget > 1 << 27 {
        ctx.depth = -1.0;
    }
    Ok(res)
}

/// The formatter's entries followed by one `key: value` per key.
fn entries(
    agent: &mut Agent,
    ctx: &mut Ctx,
    o: &Gc<JsObject>,
    recurse_times: usize,
    formatter: Formatter,
    keys: &[PropertyKey],
    extras_type: EntryType,
) -> JsResult<Vec<String>> {
    let mut output = match formatter {
        Formatter::None => Vec::new(),
        Formatter::Array => format_array(agent, ctx, o, recurse_times)?,
        Formatter::Set(values) => format_set(agent, ctx, &values, recurse_times)?,
        Formatter::Map(entries) => format_map(agent, ctx, &entries, recurse_times)?,
        Formatter::Promise(state) => format_promise(agent, ctx, state, recurse_times)?,
        Formatter::WeakCollection => vec!["<items unknown>".into()],
        Formatter::TypedArray(length) => format_typed_array(ctx, o, length),
        Formatter::ArrayBuffer => vec![format_array_buffer(ctx, o)],
    };
    for key in keys {
        output.push(format_property(
            agent,
            ctx,
            o,
            recurse_times,
            key,
            extras_type,
        )?);
    }
    Ok(output)
}

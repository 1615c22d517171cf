//! The DataView constructor (ECMA-262 §25.3.2) and the getters of
//! DataView.prototype (§25.3.4.1–§25.3.4.3).

use gc::Gc;

use super::DataViewData;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::{
    buffer_store, detached_error, incompatible_receiver, MAX_SAFE_INTEGER,
};
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::number::number_to_string;
use crate::interp::object::{JsObject, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// Creates DataView and DataView.prototype; returns the prototype.
pub fn install(agent: &mut Agent) -> Gc<JsObject> {
    let proto = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    agent
        .intrinsics()
        .register("DataView.prototype", proto.clone());
    agent.native_constructor("DataView", 1, data_view_constructor, &proto);
    for (name, getter) in [
        ("buffer", buffer as NativeFn),
        ("byteLength", byte_length),
        ("byteOffset", byte_offset),
    ] {
        agent.define_accessor(&proto, PropertyKey::from(name), Some(getter), None);
    }
    agent.define_to_string_tag(&proto, "DataView");
    proto
}

/// ToIndex with V8's DataView messages.
fn to_index(agent: &mut Agent, v: &Value, what: &str) -> JsResult<f64> {
    let integer = agent.to_integer_or_infinity(v)?;
    if !(0.0..=MAX_SAFE_INTEGER).contains(&integer) {
        let shown = number_to_string(integer);
        return agent.throw_range_error(match what {
            "offset" => format!("Start offset {shown} is outside the bounds of the buffer"),
            _ => format!("Invalid DataView length {shown}"),
        });
    }
    Ok(integer)
}

/// DataView ( buffer [ , byteOffset [ , byteLength ] ] ) — <https://tc39.es/ecma262/#sec-dataview-buffer-byteoffset-bytelength>
fn data_view_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor DataView requires 'new'");
    };
    // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
    let buffer = args.arg(0);
    let Some(store) = buffer_store(&buffer) else {
        return agent
            .throw_type_error("First argument to DataView constructor must be an ArrayBuffer");
    };
    let Value::Object(buffer) = buffer else {
        unreachable!("buffer_store only accepts objects")
    };
    // 3. Let offset be ? ToIndex(byteOffset).
    let offset = to_index(agent, &args.arg(1), "offset")?;
    // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "DataView constructor"));
    }
    // 5–6. If offset > bufferByteLength, throw a RangeError exception.
    let buffer_byte_length = store.len() as f64;
    let out_of_bounds = |agent: &mut Agent| -> JsResult<Value> {
        agent.throw_range_error(format!(
            "Start offset {} is outside the bounds of the buffer",
            number_to_string(offset)
        ))
    };
    if offset > buffer_byte_length {
        return out_of_bounds(agent);
    }
    // 7–9. viewByteLength: the rest of a fixed buffer, auto for a resizable
    //      one, or ? ToIndex(byteLength) within the buffer.
    let byte_length_arg = args.arg(2);
    let view_byte_length = if byte_length_arg.is_undefined() {
        if store.is_fixed_length() {
            Some(buffer_byte_length - offset)
        } else {
            None
        }
    } else {
        let length = to_index(agent, &byte_length_arg, "length")?;
        if offset + length > buffer_byte_length {
            return agent.throw_range_error(format!(
                "Invalid DataView length {}",
                number_to_string(length)
            ));
        }
        Some(length)
    };
    // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%", …).
    let default = agent.intrinsics().get("DataView.prototype");
    let proto = agent.get_prototype_from_constructor(new_target, default)?;
    // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
    if store.is_detached() {
        return Err(detached_error(agent, "DataView constructor"));
    }
    // 12–14. The prototype lookup may have shrunk the buffer: check again.
    let buffer_byte_length = store.len() as f64;
    if offset > buffer_byte_length {
        return out_of_bounds(agent);
    }
    if let Some(length) = view_byte_length {
        if !byte_length_arg.is_undefined() && offset + length > buffer_byte_length {
            return agent.throw_range_error(format!(
                "Invalid DataView length {}",
                number_to_string(length)
            ));
        }
    }
    // 15–18. Set the slots.
    Ok(Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(DataViewData {
            buffer,
            store,
            byte_offset: offset as usize,
            byte_length: view_byte_length.map(|l| l as usize),
        })),
    )))
}

/// RequireInternalSlot(O, [[DataView]]) for a getter.
fn this_view<'a>(agent: &mut Agent, args: &'a CallArgs, name: &str) -> JsResult<&'a DataViewData> {
    match args.this {
        Value::Object(o) => match o.data::<DataViewData>() {
            Some(d) => Ok(d),
            None => Err(incompatible_receiver(
                agent,
                &format!("get DataView.prototype.{name}"),
                args.this,
            )),
        },
        _ => Err(incompatible_receiver(
            agent,
            &format!("get DataView.prototype.{name}"),
            args.this,
        )),
    }
}

/// get DataView.prototype.buffer — <https://tc39.es/ecma262/#sec-get-dataview.prototype.buffer>
fn buffer(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Object(
        this_view(agent, args, "buffer")?.buffer.clone(),
    ))
}

/// get DataView.prototype.byteLength — <https://tc39.es/ecma262/#sec-get-dataview.prototype.bytelength>
fn byte_length(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args, "byteLength")?;
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    match view.view_byte_length() {
        Some(len) => Ok(Value::Number(len as f64)),
        None => Err(detached_error(agent, "DataView.prototype.byteLength")),
    }
}

/// get DataView.prototype.byteOffset — <https://tc39.es/ecma262/#sec-get-dataview.prototype.byteoffset>
fn byte_offset(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let view = this_view(agent, args, "byteOffset")?;
    // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    match view.view_byte_length() {
        Some(_) => Ok(Value::Number(view.byte_offset as f64)),
        None => Err(detached_error(agent, "DataView.prototype.byteOffset")),
    }
}

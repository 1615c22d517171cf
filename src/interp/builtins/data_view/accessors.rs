//! DataView.prototype's get and set methods for every element type
//! (ECMA-262 §25.3.4.5–§25.3.4.24) through GetViewValue and SetViewValue
//! (§25.3.1.5–§25.3.1.6).

use gc::Gc;

use super::DataViewData;
use crate::interp::agent::Agent;
use crate::interp::builtins::array_buffer::element_type::ElementType;
use crate::interp::builtins::array_buffer::{
    detached_error, incompatible_receiver, MAX_SAFE_INTEGER,
};
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::Attributes;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    for (i, element) in ElementType::ALL.into_iter().enumerate() {
        let capture = vec![Value::Number(i as f64)];
        let name = format!("get{}", element.data_view_name());
        let f = agent.native_function_with(&name, 1, get_method, false, capture.clone());
        define_value(proto, &name, Value::Object(f), Attributes::METHOD);
        let name = format!("set{}", element.data_view_name());
        let f = agent.native_function_with(&name, 2, set_method, false, capture);
        define_value(proto, &name, Value::Object(f), Attributes::METHOD);
    }
}

fn element_type(args: &CallArgs) -> ElementType {
    let i = match args.capture(0) {
        Value::Number(n) => n as usize,
        _ => 0,
    };
    ElementType::ALL[i.min(ElementType::ALL.len() - 1)]
}

/// DataView.prototype.getInt8 ( byteOffset ) … getFloat64 ( byteOffset [ , littleEndian ] )
fn get_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let element = element_type(args);
    // Return ? GetViewValue(v, byteOffset, littleEndian, type).
    get_view_value(agent, args, element)
}

/// DataView.prototype.setInt8 ( byteOffset, value ) … setFloat64 ( byteOffset, value [ , littleEndian ] )
fn set_method(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let element = element_type(args);
    // Return ? SetViewValue(v, byteOffset, littleEndian, type, value).
    set_view_value(agent, args, element)
}

/// RequireInternalSlot(view, [[DataView]]).
fn this_view<'a>(
    agent: &mut Agent,
    args: &'a CallArgs,
    method: &str,
) -> JsResult<&'a DataViewData> {
    if let Value::Object(o) = args.this {
        if let Some(d) = o.data::<DataViewData>() {
            return Ok(d);
        }
    }
    // V8 names the receiver `undefined` whatever it is.
    Err(incompatible_receiver(agent, method, &Value::Undefined))
}

/// ToIndex for a request index, with V8's message.
fn request_index(agent: &mut Agent, v: &Value) -> JsResult<f64> {
    let integer = agent.to_integer_or_infinity(v)?;
    if !(0.0..=MAX_SAFE_INTEGER).contains(&integer) {
        return agent.throw_range_error("Offset is outside the bounds of the DataView");
    }
    Ok(integer)
}

/// Steps 5–11 of both: the byte index within the buffer.
fn buffer_index(
    agent: &mut Agent,
    view: &DataViewData,
    get_index: f64,
    element: ElementType,
    method: &str,
) -> JsResult<usize> {
    // 6–7. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
    let Some(view_size) = view.view_byte_length() else {
        return Err(detached_error(agent, method));
    };
    // 10. If getIndex + elementSize > viewSize, throw a RangeError exception.
    if get_index + element.size() as f64 > view_size as f64 {
        return agent.throw_range_error("Offset is outside the bounds of the DataView");
    }
    // 11. Let bufferIndex be getIndex + viewOffset.
    Ok(get_index as usize + view.byte_offset)
}

/// GetViewValue ( view, requestIndex, isLittleEndian, type ) —
/// <https://tc39.es/ecma262/#sec-getviewvalue>
fn get_view_value(agent: &mut Agent, args: &CallArgs, element: ElementType) -> JsResult<Value> {
    let method = format!("DataView.prototype.get{}", element.data_view_name());
    // 1–2. Perform ? RequireInternalSlot(view, [[DataView]]).
    let view = this_view(agent, args, &method)?;
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = request_index(agent, &args.arg(0))?;
    // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = to_boolean(&args.arg(1));
    let at = buffer_index(agent, view, get_index, element, &method)?;
    // 12. Return GetValueFromBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, false, unordered, isLittleEndian).
    let size = element.size();
    Ok(view
        .store
        .with_bytes(|b| element.raw_bytes_to_numeric(&b[at..at + size], little_endian)))
}

/// SetViewValue ( view, requestIndex, isLittleEndian, type, value ) —
/// <https://tc39.es/ecma262/#sec-setviewvalue>
fn set_view_value(agent: &mut Agent, args: &CallArgs, element: ElementType) -> JsResult<Value> {
    let method = format!("DataView.prototype.set{}", element.data_view_name());
    // 1–2. Perform ? RequireInternalSlot(view, [[DataView]]).
    let view = this_view(agent, args, &method)?;
    // 3. Let getIndex be ? ToIndex(requestIndex).
    let get_index = request_index(agent, &args.arg(0))?;
    // 4–5. If IsBigIntElementType(type), let numberValue be ? ToBigInt(value);
    //      otherwise let numberValue be ? ToNumber(value).
    let number = agent.to_content_type(Some(element.content_type()), &args.arg(1))?;
    // 6. Set isLittleEndian to ToBoolean(isLittleEndian).
    let little_endian = to_boolean(&args.arg(2));
    let at = buffer_index(agent, view, get_index, element, &method)?;
    // 13. Perform SetValueInBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, numberValue, false, unordered, isLittleEndian).
    let size = element.size();
    view.store.with_bytes_mut(|b| {
        element.numeric_to_raw_bytes(&number, little_endian, &mut b[at..at + size])
    });
    // 14. Return undefined.
    Ok(Value::Undefined)
}

//! JSON.rawJSON and JSON.isRawJSON (ECMAScript 2026, JSON.parse source
//! text access): frozen null-prototype objects with an [[IsRawJSON]]
//! slot whose `rawJSON` text JSON.stringify emits as it is.

use gc::{Finalize, Gc, Trace};

use super::parse::{parse_json_text, unexpected_token_error};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::object_ops::IntegrityLevel;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// The [[IsRawJSON]] internal slot (it holds nothing).
#[derive(Trace, Finalize)]
pub struct RawJsonSlot;

impl ObjectData for RawJsonSlot {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Object"
    }
}

/// Whether `o` has an [[IsRawJSON]] internal slot.
pub fn is_raw_json(o: &JsObject) -> bool {
    o.data::<RawJsonSlot>().is_some()
}

/// JSON.rawJSON ( text ) — <https://tc39.es/proposal-json-parse-with-source/#sec-json.rawjson>
pub(super) fn json_raw_json(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let jsonString be ? ToString(text).
    let json_string = agent.to_string(&args.arg(0))?;
    let units = json_string.units();
    // 2. Throw a SyntaxError exception if jsonString is the empty String, or
    //    if either the first or last code unit of jsonString is any of 0x0009
    //    (TAB), 0x000A (LF), 0x000D (CR), or 0x0020 (SPACE).
    let Some((&first, &last)) = units.first().zip(units.last()) else {
        return Err(agent.syntax_error("Invalid value for JSON.rawJSON"));
    };
    let is_whitespace = |u: u16| matches!(u, 0x09 | 0x0A | 0x0D | 0x20);
    if is_whitespace(first) {
        return Err(unexpected_token_error(agent, &json_string, 0));
    }
    if is_whitespace(last) {
        return Err(agent.syntax_error("Invalid value for JSON.rawJSON"));
    }
    // 3. Parse StringToCodePoints(jsonString) as a JSON text; throw a
    //    SyntaxError if it is not valid or if its outermost value is an
    //    object or array.
    if first == u16::from(b'{') || first == u16::from(b'[') {
        return Err(unexpected_token_error(agent, &json_string, 0));
    }
    parse_json_text(agent, &json_string)?;
    // 4–5. Let obj be OrdinaryObjectCreate(null, « [[IsRawJSON]] »).
    let obj = JsObject::with_kind(None, ObjectKind::Other(Box::new(RawJsonSlot)));
    // 6. Perform ! CreateDataPropertyOrThrow(obj, "rawJSON", jsonString).
    obj.define_own_property(
        PropertyKey::from("rawJSON"),
        PropertyDescriptor::data(Value::String(json_string), Attributes::ALL),
    );
    // 7. Perform ! SetIntegrityLevel(obj, frozen).
    agent.set_integrity_level(&obj, IntegrityLevel::Frozen)?;
    // 8. Return obj.
    Ok(Value::Object(obj))
}

/// JSON.isRawJSON ( O ) — <https://tc39.es/proposal-json-parse-with-source/#sec-json.israwjson>
pub(super) fn json_is_raw_json(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If O is an Object and O has an [[IsRawJSON]] internal slot, return true.
    // 2. Return false.
    Ok(Value::Bool(
        matches!(args.arg(0), Value::Object(o) if is_raw_json(&o)),
    ))
}

/// The text a raw JSON object stands for in JSON.stringify.
pub(super) fn raw_json_text(o: &Gc<JsObject>) -> Option<Value> {
    if !is_raw_json(o) {
        return None;
    }
    // SerializeJSONProperty 4.a. If value has an [[IsRawJSON]] internal slot,
    // return ! Get(value, "rawJSON").
    o.get_own_data_value(&PropertyKey::from("rawJSON"))
}

//! The JSON Object (ECMA-262 §25.5): JSON.parse with its reviver walk
//! and JSON.stringify, and JSON.rawJSON/JSON.isRawJSON (raw_json.rs).

mod internalize;
mod parse;
mod raw_json;
mod stringify;
#[cfg(test)]
mod tests;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

pub use stringify::quote_json_string;

pub fn install(agent: &mut Agent) {
    let json = plain_object(agent);
    agent.define_method(&json, "parse", 2, json_parse);
    agent.define_method(&json, "stringify", 3, json_stringify);
    agent.define_method(&json, "rawJSON", 1, raw_json::json_raw_json);
    agent.define_method(&json, "isRawJSON", 1, raw_json::json_is_raw_json);
    agent.define_to_string_tag(&json, "JSON");
    agent.intrinsics().register("JSON", json.clone());
    let global = agent.global_object();
    define_value(&global, "JSON", Value::Object(json), Attributes::METHOD);
}

/// OrdinaryObjectCreate(%Object.prototype%).
fn plain_object(agent: &Agent) -> Gc<JsObject> {
    JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()))
}

/// JSON.parse ( text [ , reviver ] ) — <https://tc39.es/ecma262/#sec-json.parse>
fn json_parse(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let jsonString be ? ToString(text).
    let json_string = agent.to_string(&args.arg(0))?;
    // 2–4. Parse it as a JSON text and evaluate it (the parser builds the values).
    let unfiltered = parse::parse_json_text(agent, &json_string)?;
    let reviver = args.arg(1);
    // 5. If IsCallable(reviver) is true, then
    if agent.is_callable(&reviver) {
        // a. Let root be OrdinaryObjectCreate(%Object.prototype%).
        let root = plain_object(agent);
        // b. Let rootName be the empty String.
        let root_name = PropertyKey::from("");
        // c. Perform ! CreateDataPropertyOrThrow(root, rootName, unfiltered).
        root.define_own_property(
            root_name.clone(),
            PropertyDescriptor::data(unfiltered, Attributes::ALL),
        );
        // d. Return ? InternalizeJSONProperty(root, rootName, reviver).
        return internalize::internalize_json_property(agent, &root, &root_name, &reviver, 0);
    }
    // 6. Else, return unfiltered.
    Ok(unfiltered)
}

/// JSON.stringify ( value [ , replacer [ , space ] ] ) —
/// <https://tc39.es/ecma262/#sec-json.stringify>
fn json_stringify(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(
        match stringify::stringify(agent, args.arg(0), args.arg(1), args.arg(2))? {
            Some(s) => Value::String(s),
            None => Value::Undefined,
        },
    )
}

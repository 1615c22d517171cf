//! JSON modules (`import data from './data.json' with { type: 'json' }`):
//! ParseJSONModule (ECMA-262 §16.2.1.8.2).

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;
use crate::module::record::ModuleRecord;
use crate::module::{create_default_export_synthetic_module, ModuleIdentity};

/// ParseJSONModule ( source ) —
/// <https://tc39.es/ecma262/#sec-parse-json-module>
pub fn parse_json_module(
    agent: &mut Agent,
    source: &str,
    identity: ModuleIdentity,
) -> JsResult<ModuleRecord> {
    // 1. Let json be ? ParseJSON(source) (%JSON.parse% of the current realm).
    let json = agent.intrinsics().get("JSON");
    let parse = agent.get(&json, &PropertyKey::from("parse"))?;
    let value = agent.call(&parse, &Value::Object(json), &[Value::from(source)])?;
    // 2. Return CreateDefaultExportSyntheticModule(json).
    Ok(create_default_export_synthetic_module(value, identity))
}

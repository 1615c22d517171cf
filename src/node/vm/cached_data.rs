//! `node:vm`'s cached data (V8's code cache in Node): vmjs's code cache
//! (`syntax::cache`) for `vm.Script` and `vm.SourceTextModule`. The bytes
//! go to JavaScript as a Uint8Array (vm.mjs's `toCachedDataBuffer` makes
//! the value Node returns of it).

use gc::Gc;

use super::script::CompiledScript;
use super::wrap::unwrap;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::{CallArgs, NativeFn};
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::Attributes;
use crate::interp::value::Value;
use crate::module::code_cache::record_cached_data;
use crate::node::globals::text_codec::{new_uint8_array, viewed_bytes};

/// Adds the cached-data functions to the binding object.
pub fn install(agent: &mut Agent, binding: &Gc<JsObject>) {
    let functions: [(&str, u32, NativeFn); 3] = [
        ("createScriptCachedData", 1, create_script_cached_data),
        ("scriptCachedDataRejected", 1, script_cached_data_rejected),
        ("createModuleCachedData", 1, create_module_cached_data),
    ];
    for (name, length, f) in functions {
        let f = agent.native_function(name, length, f);
        define_value(binding, name, Value::Object(f), Attributes::METHOD);
    }
}

/// The bytes of the `cachedData` option (a TypedArray or DataView, which
/// vm.mjs checked), or None when it is undefined.
pub fn cached_data_option(agent: &mut Agent, v: &Value) -> JsResult<Option<Vec<u8>>> {
    match v {
        Value::Undefined => Ok(None),
        v => viewed_bytes(agent, v).map(Some),
    }
}

fn compiled_script<'a>(agent: &mut Agent, v: &'a Value) -> JsResult<&'a CompiledScript> {
    match v {
        Value::Object(o) => match o.data::<CompiledScript>() {
            Some(s) => Ok(s),
            None => agent.throw_type_error("Illegal invocation"),
        },
        _ => agent.throw_type_error("Illegal invocation"),
    }
}

/// `createScriptCachedData(script)`: `script.createCachedData()`.
fn create_script_cached_data(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let script = args.arg(0);
    let bytes = compiled_script(agent, &script)?.cached_data();
    new_uint8_array(agent, &bytes)
}

/// `scriptCachedDataRejected(script)`: whether the `cachedData` the script
/// was compiled with was rejected (undefined when it had none).
fn script_cached_data_rejected(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let script = args.arg(0);
    Ok(
        match compiled_script(agent, &script)?.cached_data_rejected {
            Some(rejected) => Value::Bool(rejected),
            None => Value::Undefined,
        },
    )
}

/// `createModuleCachedData(wrap)`: `module.createCachedData()` (vm.mjs
/// checked the status).
fn create_module_cached_data(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = super::binding::graph(agent)?;
    let bytes = record_cached_data(graph.borrow().get(id));
    match bytes {
        Some(bytes) => new_uint8_array(agent, &bytes),
        None => agent.throw_type_error("not a source text module"),
    }
}

//! The native side of `node:module` (src/node/module.mjs):
//! `createRequire(filename)`, `isBuiltin(name)` and `builtinModules`, as
//! Node's `lib/internal/modules/cjs/loader.js` defines them.

use std::path::{Path, PathBuf};

use gc::Gc;

use super::loader::{new_module, set};
use super::require_function::host_of;
use crate::host::errors::coded_error;
use crate::host::module_map::FileHostState;
use crate::host::resolve::{is_node_builtin, node_builtin_names, percent_decode};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::inspect::{inspect, InspectOptions};
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// The binding only `node:module` may import.
pub const MODULE_BINDING_SPECIFIER: &str = "vmjs:module-binding";

/// Built-ins Node only offers with the `node:` prefix (Node 20).
const SCHEME_ONLY_BUILTINS: [&str; 3] = ["sea", "test", "test/reporters"];

impl FileHostState {
    /// The `vmjs:module-binding` object: `createRequire`, `isBuiltin`,
    /// `builtinModules`.
    pub(crate) fn module_binding(&self, agent: &mut Agent) -> JsResult<Gc<JsObject>> {
        let binding = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
        let create = agent.native_function_with(
            "createRequire",
            1,
            create_require,
            false,
            vec![self.handle_value()],
        );
        set(agent, &binding, "createRequire", Value::Object(create))?;
        let is_builtin = agent.native_function_with("isBuiltin", 1, is_builtin, false, vec![]);
        set(agent, &binding, "isBuiltin", Value::Object(is_builtin))?;
        let names = node_builtin_names()
            .iter()
            .map(|name| Value::from(*name))
            .collect();
        let names = agent.create_array_from_list(names);
        set(agent, &binding, "builtinModules", Value::Object(names))?;
        Ok(binding)
    }
}

/// `module.createRequire(filename)`: a `require` function that resolves
/// from `filename` (a file URL object or string, or an absolute path; a
/// path ending in `/` is a folder, standing for a `noop.js` in it).
fn create_require(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let host = host_of(agent, &args.capture(0))?;
    let filename = args.arg(0);
    // A URL object (anything with a string `href`, as Node's isURL tests
    // `href` and `protocol`) stands for its `href`.
    let url_object_href = match &filename {
        Value::Object(o) => {
            let href = agent.get(o, &PropertyKey::from("href"))?;
            let protocol = agent.get(o, &PropertyKey::from("protocol"))?;
            match (href, protocol) {
                (Value::String(h), Value::String(_)) => Some(h.to_rust_string()),
                _ => None,
            }
        }
        _ => None,
    };
    let path = match (&filename, url_object_href) {
        (_, Some(href)) => file_url_to_path(&href),
        (Value::String(s), None) => {
            let text = s.to_rust_string();
            if text.starts_with('/') {
                Some(PathBuf::from(text))
            } else {
                file_url_to_path(&text)
            }
        }
        _ => None,
    };
    let Some(path) = path else {
        let received = inspect(agent, &filename, &InspectOptions::default())?;
        return Err(coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_ARG_VALUE",
            format!(
                "The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received {received}"
            ),
        ));
    };
    // createRequireFromPath: a folder stands for a file in it.
    let path = if path.as_os_str().to_string_lossy().ends_with('/') {
        path.join("noop.js")
    } else {
        path
    };
    let module = new_module(agent, &host, &path.display().to_string(), &path)?;
    let require = host.make_require(agent, &module, &path)?;
    Ok(Value::Object(require))
}

/// Node's fileURLToPath for a `file:` URL string (None for anything
/// else, or a URL with a host).
fn file_url_to_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("file://")?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    Some(Path::new(&percent_decode(path)).to_path_buf())
}

/// `module.isBuiltin(moduleName)`: whether Node has a built-in of that
/// name (with or without `node:`; some only with it).
fn is_builtin(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let name = match args.arg(0) {
        Value::String(s) => s.to_rust_string(),
        other => agent.to_string(&other)?.to_rust_string(),
    };
    let builtin = match name.strip_prefix("node:") {
        Some(bare) => is_node_builtin(bare) || SCHEME_ONLY_BUILTINS.contains(&bare),
        None => is_node_builtin(&name),
    };
    Ok(Value::Bool(builtin))
}

//! The `require` function of a CommonJS module (Node's `makeRequireFunction`):
//! `require(id)`, `require.resolve(id)`, `require.resolve.paths(id)`,
//! `require.cache`, `require.main`, and `module.require(id)`; the errors
//! Node throws for a request that resolves to nothing.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::rc::{Rc, Weak};

use gc::{Finalize, Gc, Trace};

use super::loader::{cache_object, get, set};
use crate::host::errors::coded_error;
use crate::host::module_map::{throw_resolve_error, FileHostState};
use crate::host::resolve::{node_modules_paths, RequireResolveError, Resolved};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// What a `require` function holds of the host (weakly: the host owns
/// the graph that holds the function).
#[derive(Trace, Finalize)]
struct HostHandle {
    #[unsafe_ignore_trace]
    state: Weak<FileHostState>,
}

impl ObjectData for HostHandle {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "CommonJsHost"
    }
}

/// The host behind a captured handle.
pub(super) fn host_of(agent: &mut Agent, handle: &Value) -> JsResult<Rc<FileHostState>> {
    let state = match handle {
        Value::Object(o) => o.data::<HostHandle>().and_then(|h| h.state.upgrade()),
        _ => None,
    };
    state.ok_or_else(|| agent.error(ErrorKind::Error, "The module loader is gone"))
}

/// The request argument of `require` and `require.resolve`: a non-empty
/// string, or Node's argument errors.
fn request_of(agent: &mut Agent, value: &Value) -> JsResult<String> {
    let Value::String(s) = value else {
        return Err(crate::node::globals::invalid_arg_type(
            agent, "id", "string", value,
        ));
    };
    if s.is_empty() {
        return Err(coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_ARG_VALUE",
            "The argument 'id' must be a non-empty string. Received ''".to_string(),
        ));
    }
    Ok(s.to_rust_string())
}

impl FileHostState {
    /// A handle to this host for native functions to capture.
    pub(super) fn handle_value(&self) -> Value {
        Value::Object(JsObject::with_kind(
            None,
            ObjectKind::Other(Box::new(HostHandle {
                state: self.self_ref.clone(),
            })),
        ))
    }

    /// `require` for the module object `module` at `path`.
    pub(super) fn make_require(
        &self,
        agent: &mut Agent,
        module: &Gc<JsObject>,
        path: &Path,
    ) -> JsResult<Gc<JsObject>> {
        let captures = vec![
            self.handle_value(),
            Value::Object(module.clone()),
            Value::from(path.display().to_string().as_str()),
        ];
        let require = agent.native_function_with("require", 1, require, false, captures.clone());
        let resolve =
            agent.native_function_with("resolve", 2, require_resolve, false, captures.clone());
        let paths = agent.native_function_with("paths", 1, require_resolve_paths, false, captures);
        set(agent, &resolve, "paths", Value::Object(paths))?;
        set(agent, &require, "resolve", Value::Object(resolve))?;
        let main = agent
            .intrinsics()
            .try_get("CommonJS.main")
            .map_or(Value::Undefined, Value::Object);
        set(agent, &require, "main", main)?;
        let cache = cache_object(agent);
        set(agent, &require, "cache", Value::Object(cache))?;
        Ok(require)
    }

    /// The handle `Module.prototype.require` captures.
    pub(super) fn prototype_captures(&self) -> Vec<Value> {
        vec![self.handle_value()]
    }

    /// `require(request)` from the module `parent` at `parent_path`.
    pub(super) fn require(
        &self,
        agent: &mut Agent,
        request: &str,
        parent: &Gc<JsObject>,
        parent_path: &Path,
    ) -> JsResult<Value> {
        match self.commonjs.resolver.require_resolve(request, parent_path) {
            Ok(Resolved::File(path)) => {
                self.require_path(agent, &path, Some((parent, parent_path)), false)
            }
            Ok(Resolved::Builtin(name)) => self.require_builtin(agent, &name),
            Ok(Resolved::OtherUrl(_)) => {
                Err(self.require_error(agent, request, parent_path, RequireResolveError::NotFound))
            }
            Err(e) => Err(self.require_error(agent, request, parent_path, e)),
        }
    }

    /// The error of a `require` that resolved to nothing, as Node words it.
    fn require_error(
        &self,
        agent: &mut Agent,
        request: &str,
        parent_path: &Path,
        error: RequireResolveError,
    ) -> Throw {
        match error {
            RequireResolveError::NotFound => {
                let stack = self.require_stack(parent_path);
                let lines: Vec<String> = stack.iter().map(|p| format!("\n- {p}")).collect();
                let message = format!(
                    "Cannot find module '{request}'\nRequire stack:{}",
                    lines.concat()
                );
                let stack: Vec<Value> = stack.iter().map(|p| Value::from(p.as_str())).collect();
                let stack = agent.create_array_from_list(stack);
                error_with(
                    agent,
                    message,
                    &[
                        ("code", Value::from("MODULE_NOT_FOUND")),
                        ("requireStack", Value::Object(stack)),
                    ],
                )
            }
            RequireResolveError::TargetNotFound {
                message,
                package_json,
                request_path,
            } => {
                let mut fields = vec![
                    ("code", Value::from("MODULE_NOT_FOUND")),
                    ("path", Value::from(package_json.as_str())),
                ];
                if let Some(request_path) = request_path {
                    fields.push(("requestPath", Value::from(request_path.as_str())));
                }
                error_with(agent, message, &fields)
            }
            RequireResolveError::Resolve(e) => throw_resolve_error(agent, e),
        }
    }

    /// `require('vm')`, `require('node:vm')`: the built-in module's
    /// default export (the object `import vm from 'node:vm'` gives).
    fn require_builtin(&self, agent: &mut Agent, name: &str) -> JsResult<Value> {
        let id = self.load_builtin(agent, &format!("node:{name}"))?;
        let namespace = self.evaluate_now(agent, id, None)?;
        let default = get(agent, &namespace, "default")?;
        Ok(match default {
            Value::Undefined => Value::Object(namespace),
            other => other,
        })
    }
}

/// A plain `Error` with `message` and the data properties `fields`
/// (Node's `MODULE_NOT_FOUND` errors).
fn error_with(agent: &mut Agent, message: String, fields: &[(&str, Value)]) -> Throw {
    let Throw(e) = agent.error(ErrorKind::Error, &message);
    if let Value::Object(o) = &*e {
        for (key, value) in fields {
            let _ = agent.create_data_property(o, PropertyKey::from(*key), value.clone());
        }
    }
    Throw(e)
}

/// The host, module and path a `require` function captured.
fn captured(
    agent: &mut Agent,
    args: &CallArgs,
) -> JsResult<(Rc<FileHostState>, Gc<JsObject>, PathBuf)> {
    let host = host_of(agent, &args.capture(0))?;
    let Value::Object(module) = args.capture(1) else {
        return Err(agent.error(ErrorKind::Error, "require has no module"));
    };
    let path = match args.capture(2) {
        Value::String(s) => PathBuf::from(s.to_rust_string()),
        _ => PathBuf::new(),
    };
    Ok((host, module, path))
}

/// `require(id)`
fn require(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (host, module, path) = captured(agent, args)?;
    let request = request_of(agent, &args.arg(0))?;
    host.require(agent, &request, &module, &path)
}

/// `module.require(id)` (Module.prototype.require): `require` from the
/// module `this`.
pub(super) fn module_require(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let host = host_of(agent, &args.capture(0))?;
    let Value::Object(module) = args.this.clone() else {
        return agent.throw_type_error("module.require called on a non-module");
    };
    let filename = get(agent, &module, "filename")?;
    let path = PathBuf::from(agent.to_string(&filename)?.to_rust_string());
    let request = request_of(agent, &args.arg(0))?;
    host.require(agent, &request, &module, &path)
}

/// `require.resolve(request)`: the file `require` would load (a
/// built-in's name as given).
// Deviation: the `options` argument (`{ paths }`) is not read.
fn require_resolve(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (host, _, path) = captured(agent, args)?;
    let request = request_of(agent, &args.arg(0))?;
    match host.commonjs.resolver.require_resolve(&request, &path) {
        Ok(Resolved::File(file)) => Ok(Value::from(file.display().to_string().as_str())),
        Ok(_) => Ok(Value::from(request.as_str())),
        Err(e) => Err(host.require_error(agent, &request, &path, e)),
    }
}

/// `require.resolve.paths(request)`: the folders a bare request is
/// looked up in, the requiring module's folder for a relative one, null
/// for a built-in.
fn require_resolve_paths(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (_, _, path) = captured(agent, args)?;
    let request = request_of(agent, &args.arg(0))?;
    let dir = path.parent().unwrap_or(Path::new("/"));
    let bare = request.strip_prefix("node:").unwrap_or(&request);
    if request.starts_with("node:") || crate::host::resolve::is_node_builtin(bare) {
        return Ok(Value::Null);
    }
    let relative = request.starts_with("./")
        || request.starts_with("../")
        || request == "."
        || request == "..";
    let paths: Vec<Value> = if relative {
        vec![Value::from(dir.display().to_string().as_str())]
    } else {
        node_modules_paths(dir)
            .iter()
            .map(|p| Value::from(p.display().to_string().as_str()))
            .collect()
    };
    Ok(Value::Object(agent.create_array_from_list(paths)))
}

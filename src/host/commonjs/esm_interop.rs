//! CommonJS and ES modules meeting, as in Node:
//! - `import` of a CommonJS file gives a synthetic module record whose
//!   exports are `default` (`module.exports`) and the names
//!   export_names.rs finds; its evaluation steps run the file (at its
//!   place in the ES module evaluation order) and copy the values;
//! - `require` of an ES module (Node 20.19+, 22.12+) loads, links and
//!   evaluates its graph at once and returns the namespace, unless the
//!   graph has top-level await (ERR_REQUIRE_ASYNC_MODULE).

use std::path::{Path, PathBuf};
use std::rc::Rc;

use gc::Gc;
use rustc_hash::FxHashSet as HashSet;

use super::export_names::commonjs_exports;
use super::loader::RequireFormat;
use crate::host::errors::coded_error;
use crate::host::module_map::FileHostState;
use crate::host::resolve::Resolved;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::record::ModuleBody;
use crate::module::{
    create_synthetic_module, get_module_namespace, set_synthetic_module_export, ModuleId,
    ModuleIdentity, Status,
};

impl FileHostState {
    /// The module record `import` gets for the CommonJS file at `path`
    /// (whose text is `text`), added to the graph; `is_main` for the
    /// entry of `vmjs run`.
    pub(crate) fn commonjs_module_record(
        &self,
        agent: &mut Agent,
        path: &Path,
        text: &str,
        identity: ModuleIdentity,
        is_main: bool,
    ) -> ModuleId {
        self.commonjs.files.borrow_mut().insert(path.to_path_buf());
        let names = self.commonjs_export_names(agent, path, Some(text));
        let mut export_names = vec![JsStr::from("default")];
        export_names.extend(
            names
                .iter()
                .filter(|n| n.as_str() != "default")
                .map(|n| JsStr::from(n.as_str())),
        );
        let record = create_synthetic_module(&export_names, None, identity);
        let id = self.graph.borrow_mut().add(record);
        let steps = agent.native_function_with(
            "",
            0,
            evaluate_commonjs_module,
            false,
            vec![
                self.handle_value(),
                Value::Number(f64::from(id.0)),
                Value::from(path.display().to_string().as_str()),
                Value::Bool(is_main),
            ],
        );
        if let ModuleBody::Synthetic {
            evaluation_steps, ..
        } = &mut self.graph.borrow_mut().get_mut(id).body
        {
            *evaluation_steps = Some(Value::Object(steps));
        }
        id
    }

    /// The names the CommonJS file at `path` exports, with those of the
    /// CommonJS files it re-exports (transitively, each file once).
    fn commonjs_export_names(
        &self,
        agent: &mut Agent,
        path: &Path,
        text: Option<&str>,
    ) -> Rc<Vec<String>> {
        if let Some(names) = self.commonjs.names.borrow().get(path) {
            return names.clone();
        }
        let mut names: Vec<String> = Vec::new();
        let mut visited: HashSet<PathBuf> = HashSet::default();
        let mut pending: Vec<(PathBuf, Option<String>)> =
            vec![(path.to_path_buf(), text.map(str::to_string))];
        while let Some((file, text)) = pending.pop() {
            if !visited.insert(file.clone()) {
                continue;
            }
            let text = match text {
                Some(text) => text,
                None => match self.require_format(agent, &file) {
                    Ok(RequireFormat::CommonJs(text)) => text,
                    _ => continue,
                },
            };
            let found = commonjs_exports(&text);
            for name in found.exports {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            for specifier in found.reexports.iter().rev() {
                if let Ok(Resolved::File(target)) =
                    self.commonjs.resolver.require_resolve(specifier, &file)
                {
                    pending.push((target, None));
                }
            }
        }
        let names = Rc::new(names);
        self.commonjs
            .names
            .borrow_mut()
            .insert(path.to_path_buf(), names.clone());
        names
    }

    /// `require` of the ES module at `path` from the file `referrer`: its
    /// namespace, its graph evaluated now.
    pub(crate) fn require_module(
        &self,
        agent: &mut Agent,
        path: &Path,
        referrer: &str,
    ) -> JsResult<Value> {
        let id = self.load_path(agent, path, None, Some(referrer).filter(|r| !r.is_empty()))?;
        let namespace = self.evaluate_now(agent, id, Some((referrer, path)))?;
        Ok(Value::Object(namespace))
    }

    /// LoadRequestedModules, Link and Evaluate of `id` at once: its
    /// namespace. A graph that would wait (top-level await) is Node's
    /// ERR_REQUIRE_ASYNC_MODULE; `required` names the files for it.
    pub(super) fn evaluate_now(
        &self,
        agent: &mut Agent,
        id: ModuleId,
        required: Option<(&str, &Path)>,
    ) -> JsResult<Gc<JsObject>> {
        let graph = self.graph.clone();
        if graph.borrow().get(id).status == Status::Evaluating {
            let path = graph.borrow().get(id).name.clone();
            return Err(coded_error(
                agent,
                ErrorKind::Error,
                "ERR_REQUIRE_CYCLE_MODULE",
                format!("Cannot require() ES Module {path} in a cycle."),
            ));
        }
        crate::interp::agent::without_collection(|| -> JsResult<()> {
            crate::module::load_requested_modules(agent, self, id)?;
            crate::module::link(agent, &graph, id)
        })?;
        if self.graph_has_tla(id) {
            return Err(require_async_error(agent, required));
        }
        let promise = crate::module::evaluate(agent, &graph, id)?;
        if let Value::Object(p) = &promise {
            match promise_state(p) {
                Some(PromiseStateView::Rejected(reason)) => {
                    agent
                        .jobs
                        .unhandled_rejections
                        .retain(|q| !Gc::ptr_eq(q, p));
                    return Err(Throw::new(reason));
                }
                Some(PromiseStateView::Pending) => {
                    return Err(require_async_error(agent, required))
                }
                _ => {}
            }
        }
        Ok(get_module_namespace(agent, &graph, id))
    }

    /// Whether a module of `id`'s graph not yet evaluated has top-level await.
    fn graph_has_tla(&self, id: ModuleId) -> bool {
        let graph = self.graph.borrow();
        let mut seen: HashSet<ModuleId> = HashSet::default();
        let mut stack = vec![id];
        while let Some(m) = stack.pop() {
            if !seen.insert(m) {
                continue;
            }
            let record = graph.get(m);
            if record.status == Status::Evaluated {
                continue;
            }
            if record.has_tla {
                return true;
            }
            stack.extend(record.loaded_modules.iter().flatten().copied());
        }
        false
    }
}

/// ERR_REQUIRE_ASYNC_MODULE, as Node 20.19+ words it.
fn require_async_error(agent: &mut Agent, required: Option<(&str, &Path)>) -> Throw {
    let mut message = "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.".to_string();
    if let Some((from, path)) = required {
        message.push_str(&format!(
            "\n  From {from} \n  Requiring {} ",
            path.display()
        ));
    }
    coded_error(agent, ErrorKind::Error, "ERR_REQUIRE_ASYNC_MODULE", message)
}

/// The evaluation steps of a CommonJS file's module record: `Module._load`
/// of the file (or its cached module), then `default` is `module.exports`
/// and each other name `module.exports[name]`.
fn evaluate_commonjs_module(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let host = super::require_function::host_of(agent, &args.capture(0))?;
    let Value::Number(n) = args.capture(1) else {
        return Ok(Value::Undefined);
    };
    let id = ModuleId(n as u32);
    let path = match args.capture(2) {
        Value::String(s) => PathBuf::from(s.to_rust_string()),
        _ => return Ok(Value::Undefined),
    };
    let is_main = matches!(args.capture(3), Value::Bool(true));
    let exports = host.require_path(agent, &path, None, is_main)?;
    let names: Vec<JsStr> = {
        let graph = host.graph.borrow();
        graph
            .get(id)
            .local_export_entries
            .iter()
            .filter_map(|e| e.export_name.clone())
            .collect()
    };
    let mut values = Vec::with_capacity(names.len());
    for name in &names {
        let value = if name.to_rust_string() == "default" {
            exports.clone()
        } else {
            match &exports {
                Value::Object(o) => agent.get(o, &PropertyKey::from_string(name.clone()))?,
                _ => Value::Undefined,
            }
        };
        values.push(value);
    }
    let graph = host.graph.borrow();
    let record = graph.get(id);
    for (name, value) in names.iter().zip(values) {
        set_synthetic_module_export(record, name, value);
    }
    Ok(Value::Undefined)
}

//! Built-in modules (`node:vm`, also `vm`; `node:buffer`, …) and the
//! native bindings only built-ins may import (`vmjs:vm-binding`,
//! `vmjs:buffer-binding`): each is created once and kept
//! in the module map under its name.

use super::errors::coded_error;
use super::module_map::FileHostState;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::value::Value;
use crate::module::{
    create_default_export_synthetic_module, parse_module, throw_syntax_error, ModuleId,
    ModuleIdentity,
};

impl FileHostState {
    /// The built-in module or binding `name` (`node:vm`, `vmjs:vm-binding`).
    pub(super) fn load_builtin(&self, agent: &mut Agent, name: &str) -> JsResult<ModuleId> {
        let key = (std::ffi::OsString::from(name), None);
        if let Some(id) = self.map.borrow().get(&key) {
            return Ok(*id);
        }
        let identity = ModuleIdentity::named(name, None);
        let record = if name == crate::node::vm::BINDING_SPECIFIER {
            let binding = crate::node::vm::binding::create(agent);
            create_default_export_synthetic_module(Value::Object(binding), identity)
        } else if name == crate::node::buffer::BINDING_SPECIFIER {
            let binding = crate::node::buffer::binding(agent);
            create_default_export_synthetic_module(Value::Object(binding), identity)
        } else if name == super::commonjs::MODULE_BINDING_SPECIFIER {
            let binding = self.module_binding(agent)?;
            create_default_export_synthetic_module(Value::Object(binding), identity)
        } else {
            let Some(source) = name
                .strip_prefix("node:")
                .and_then(crate::node::builtin_source)
            else {
                return Err(coded_error(
                    agent,
                    ErrorKind::Error,
                    "ERR_UNKNOWN_BUILTIN_MODULE",
                    format!("No such built-in module: {name}"),
                ));
            };
            parse_module(source, identity)
                .map_err(|err| throw_syntax_error(agent, &err, name, source))?
        };
        let id = self.graph.borrow_mut().add(record);
        self.map.borrow_mut().insert(key, id);
        Ok(id)
    }
}

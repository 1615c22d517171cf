//! The handle `vm.mjs` holds for a module record (Node's ModuleWrap).

use std::any::Any;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::value::Value;
use crate::module::ModuleId;

#[derive(Trace, Finalize)]
pub struct ModuleWrap {
    id: u32,
}

impl ObjectData for ModuleWrap {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "ModuleWrap"
    }
}

/// A new handle for module `id` (a null-prototype object).
pub fn wrap(id: ModuleId) -> Gc<JsObject> {
    JsObject::with_kind(None, ObjectKind::Other(Box::new(ModuleWrap { id: id.0 })))
}

/// The module behind a handle.
pub fn unwrap(agent: &mut Agent, v: &Value) -> JsResult<ModuleId> {
    if let Value::Object(o) = v {
        if let Some(w) = o.data::<ModuleWrap>() {
            return Ok(ModuleId(w.id));
        }
    }
    agent.throw_type_error("Provided module is not an instance of Module")
}

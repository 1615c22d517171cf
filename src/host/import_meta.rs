//! `import.meta` in the file host: HostGetImportMetaProperties (`url`) and
//! FinalizeImportMeta, or a `node:vm` module's initializeImportMeta.

use gc::Gc;

use super::file_host::FileHost;
use crate::interp::agent::{Agent, JsResult};
use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

impl FileHost {
    /// The `import.meta` object of the module whose environment is
    /// `module`, created on first use (a null-prototype object).
    pub(super) fn import_meta_object(
        &self,
        agent: &mut Agent,
        module: Option<Gc<Env>>,
    ) -> JsResult<Value> {
        let graph = self.state().graph.clone();
        let Some(id) = module.and_then(|env| graph.borrow().owner_of(&env)) else {
            return Ok(Value::Object(JsObject::ordinary_create(None)));
        };
        if let Some(meta) = &graph.borrow().get(id).import_meta {
            return Ok(Value::Object(meta.clone()));
        }
        // HostGetImportMetaProperties: `url`; the object has a null prototype.
        let meta = JsObject::ordinary_create(None);
        let host_defined = graph.borrow().get(id).host_defined.clone();
        if let Some(host_defined) = host_defined {
            // A `node:vm` module: its initializeImportMeta fills it in.
            graph.borrow_mut().get_mut(id).import_meta = Some(meta.clone());
            agent.call(
                &host_defined.initialize_import_meta,
                &Value::Undefined,
                &[Value::Object(meta.clone())],
            )?;
            return Ok(Value::Object(meta));
        }
        let url = graph.borrow().get(id).url.clone();
        agent.create_data_property(&meta, PropertyKey::from("url"), Value::from(url.as_str()))?;
        graph.borrow_mut().get_mut(id).import_meta = Some(meta.clone());
        Ok(Value::Object(meta))
    }
}

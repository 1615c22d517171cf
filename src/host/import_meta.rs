//! `import.meta` in the file host: HostGetImportMetaProperties (`url`,
//! `dirname`, `filename`, `resolve`, as Node 20.11+) and
//! FinalizeImportMeta, or a `node:vm` module's initializeImportMeta.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::file_host::FileHost;
use super::module_map::throw_resolve_error;
use super::resolve::Resolver;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// What `import.meta.resolve` of one module resolves with: the host's
/// resolver and the module's path.
#[derive(Trace, Finalize)]
struct MetaResolver {
    #[unsafe_ignore_trace]
    resolver: Rc<Resolver>,
    #[unsafe_ignore_trace]
    referrer: PathBuf,
}

impl ObjectData for MetaResolver {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "MetaResolver"
    }
}

/// `import.meta.resolve(specifier)`: ESM_RESOLVE from this module, the
/// resolved URL as a string. As in Node, a file that is missing or a
/// folder still gives its URL; other failures throw Node's error.
fn import_meta_resolve(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let specifier = agent.to_string(&args.arg(0))?.to_rust_string();
    let Value::Object(handle) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let Some(meta) = handle.data::<MetaResolver>() else {
        return Ok(Value::Undefined);
    };
    match meta.resolver.resolve_import(&specifier, &meta.referrer) {
        Ok(resolved) => Ok(Value::from(resolved.url().as_str())),
        Err(e) => match e.url.clone() {
            Some(url) => Ok(Value::from(url.as_str())),
            None => Err(throw_resolve_error(agent, e)),
        },
    }
}

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
        let (url, name) = {
            let graph = graph.borrow();
            let record = graph.get(id);
            (record.url.clone(), record.name.clone())
        };
        let path = Path::new(&name);
        if let Some(dir) = path.parent() {
            let dirname = dir.display().to_string();
            agent.create_data_property(
                &meta,
                PropertyKey::from("dirname"),
                Value::from(dirname.as_str()),
            )?;
            agent.create_data_property(
                &meta,
                PropertyKey::from("filename"),
                Value::from(name.as_str()),
            )?;
        }
        let handle = JsObject::with_kind(
            None,
            ObjectKind::Other(Box::new(MetaResolver {
                resolver: self.state().resolver.clone(),
                referrer: path.to_path_buf(),
            })),
        );
        let resolve = agent.native_function_with(
            "resolve",
            1,
            import_meta_resolve,
            false,
            vec![Value::Object(handle)],
        );
        agent.create_data_property(&meta, PropertyKey::from("resolve"), Value::Object(resolve))?;
        agent.create_data_property(&meta, PropertyKey::from("url"), Value::from(url.as_str()))?;
        graph.borrow_mut().get_mut(id).import_meta = Some(meta.clone());
        Ok(Value::Object(meta))
    }
}

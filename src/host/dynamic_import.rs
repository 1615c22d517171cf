//! `import()` in the file host: HostLoadImportedModule for the referrer
//! (a module, a script, or a `node:vm` module with its own
//! importModuleDynamically), then ContinueDynamicImport (ECMA-262 §16.2.1.12).

use std::path::PathBuf;

use gc::Gc;

use super::file_host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::perform_promise_then;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::{registered_graph, ModuleId, ModuleRequest};

impl FileHost {
    /// HostLoadImportedModule for `import(specifier)` from the code whose
    /// environment is `referrer`, then ContinueDynamicImport: the promise
    /// for the namespace.
    pub(super) fn import_dynamically(
        &self,
        agent: &mut Agent,
        referrer: Option<Gc<Env>>,
        specifier: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
    ) -> JsResult<Value> {
        let state = self.state();
        let graph = state.graph.clone();
        // A script's import(): its Script Record's [[HostDefined]] is its file.
        let script = referrer
            .as_ref()
            .and_then(|env| agent.realm.global_env.script_host_defined(env));
        let referrer = referrer.and_then(|env| graph.borrow().owner_of(&env));
        let mut attributes = attributes;
        attributes.sort_by(|a, b| a.0.units().cmp(b.0.units()));
        // A `node:vm` module imports through its importModuleDynamically.
        let host_defined = referrer.and_then(|r| graph.borrow().get(r).host_defined.clone());
        if let Some(host_defined) = host_defined {
            let object = JsObject::ordinary_create(None);
            for (key, value) in &attributes {
                agent.create_data_property(
                    &object,
                    PropertyKey::from_string(key.clone()),
                    Value::String(value.clone()),
                )?;
            }
            return agent.call(
                &host_defined.import_dynamically,
                &Value::Undefined,
                &[Value::String(specifier), Value::Object(object)],
            );
        }
        let request = ModuleRequest {
            specifier,
            attributes,
        };
        // HostLoadImportedModule, then ContinueDynamicImport.
        let module = match script {
            Some(path) => state.load_imported_from(agent, &PathBuf::from(&*path), &request)?,
            None => state.load_now(agent, referrer, &request)?,
        };
        continue_dynamic_import(agent, self, module)
    }
}

/// ContinueDynamicImport ( promiseCapability, moduleCompletion ) —
/// <https://tc39.es/ecma262/#sec-ContinueDynamicImport>, for a module the
/// host loaded.
fn continue_dynamic_import(
    agent: &mut Agent,
    host: &FileHost,
    module: ModuleId,
) -> JsResult<Value> {
    // 3. Let loadPromise be module.LoadRequestedModules() (it settles at
    //    once here: this host finishes its loads before returning).
    host.load_graph(agent, module)?;
    let capability = agent.promise_capability()?;
    let load_promise = crate::interp::builtins::promise::new_promise(agent);
    crate::interp::builtins::promise::resolve_promise(agent, &load_promise, Value::Undefined);
    // 6–8. PerformPromiseThen(loadPromise, linkAndEvaluate, onRejected):
    //      Link and Evaluate run as a reaction job, after the code that
    //      called import() (a module of the same graph that is still to
    //      be evaluated is evaluated in its graph's order first).
    let link_and_evaluate = agent.native_function_with(
        "",
        0,
        link_and_evaluate_closure,
        false,
        vec![
            Value::Number(f64::from(module.0)),
            capability.resolve.clone(),
            capability.reject.clone(),
        ],
    );
    perform_promise_then(
        agent,
        &load_promise,
        Value::Object(link_and_evaluate),
        capability.reject.clone(),
        None,
    );
    Ok(capability.promise)
}

/// ContinueDynamicImport's linkAndEvaluateClosure (step 6): Link, then
/// Evaluate, then resolve with the namespace (or reject with the error).
fn link_and_evaluate_closure(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (Value::Number(n), resolve, reject) = (args.capture(0), args.capture(1), args.capture(2))
    else {
        return Ok(Value::Undefined);
    };
    let module = ModuleId(n as u32);
    let Some(graph) = registered_graph(agent) else {
        return Ok(Value::Undefined);
    };
    // a. Let link be Completion(module.Link()).
    let linked =
        crate::interp::agent::without_collection(|| crate::module::link(agent, &graph, module));
    // b. If link is an abrupt completion, reject and return.
    // c. Let evaluatePromise be module.Evaluate().
    let evaluation = linked.and_then(|()| crate::module::evaluate(agent, &graph, module));
    let promise = match evaluation {
        Ok(Value::Object(p)) => p,
        Ok(_) => return Ok(Value::Undefined),
        Err(Throw(e)) => {
            agent.call(&reject, &Value::Undefined, &[e])?;
            return Ok(Value::Undefined);
        }
    };
    // d–f. On fulfilment resolve with GetModuleNamespace(module); on rejection reject.
    let on_fulfilled = agent.native_function_with(
        "",
        0,
        resolve_with_namespace,
        false,
        vec![Value::Number(n), resolve],
    );
    perform_promise_then(agent, &promise, Value::Object(on_fulfilled), reject, None);
    Ok(Value::Undefined)
}

/// ContinueDynamicImport's onFulfilled: resolve with GetModuleNamespace(module).
fn resolve_with_namespace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Number(n) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let resolve = args.capture(1);
    if let Some(graph) = registered_graph(agent) {
        let ns = crate::module::get_module_namespace(agent, &graph, ModuleId(n as u32));
        agent.call(&resolve, &Value::Undefined, &[Value::Object(ns)])?;
    }
    Ok(Value::Undefined)
}

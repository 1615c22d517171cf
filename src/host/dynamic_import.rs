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
use crate::module::deferred::gather_asynchronous_transitive_dependencies;
use crate::module::module_source::get_module_source;
use crate::module::namespace::get_module_namespace_in_phase;
use crate::module::record::ImportPhase;
use crate::module::trace::TraceEvent;
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
        phase: ImportPhase,
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
                &[
                    Value::String(specifier),
                    Value::Object(object),
                    Value::from(phase.name()),
                ],
            );
        }
        // EvaluateImportCall: a new ModuleRequest Record { [[Specifier]]:
        // specifierString, [[Attributes]]: attributes, [[Phase]]: phase }.
        let request = ModuleRequest {
            specifier,
            attributes,
            phase,
        };
        // HostLoadImportedModule, then ContinueDynamicImport.
        let module = match script {
            Some(path) => state.load_imported_from(agent, &PathBuf::from(&*path), &request)?,
            None => state.load_now(agent, referrer, &request)?,
        };
        continue_dynamic_import(agent, self, module, phase)
    }
}

/// ContinueDynamicImport ( promiseCapability, moduleCompletion, phase ) —
/// <https://tc39.es/ecma262/#sec-ContinueDynamicImport>, for a module the
/// host loaded (with the steps Deferring Module Evaluation and Source Phase
/// Imports add for their phases).
fn continue_dynamic_import(
    agent: &mut Agent,
    host: &FileHost,
    module: ModuleId,
    phase: ImportPhase,
) -> JsResult<Value> {
    // (Source Phase Imports:) If phase is source, then
    if phase == ImportPhase::Source {
        let capability = agent.promise_capability()?;
        let graph = host.state().graph.clone();
        // a. Let moduleSource be module.[[ModuleSource]].
        match get_module_source(agent, &graph, module) {
            // c. Else, perform ! Call(promiseCapability.[[Resolve]], undefined, « moduleSource »).
            Ok(source) => agent.call(
                &capability.resolve,
                &Value::Undefined,
                &[Value::Object(source)],
            )?,
            // b. If moduleSource is empty, then perform ! Call(promiseCapability.[[Reject]],
            //    undefined, « a newly created SyntaxError object »).
            Err(Throw(e)) => agent.call(&capability.reject, &Value::Undefined, &[*e])?,
        };
        // d. Return unused.
        return Ok(capability.promise);
    }
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
            Value::Bool(phase == ImportPhase::Defer),
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
    let defer = matches!(args.capture(3), Value::Bool(true));
    // a. Let link be Completion(module.Link()).
    let linked =
        crate::interp::agent::without_collection(|| crate::module::link(agent, &graph, module));
    // b. If link is an abrupt completion, reject and return.
    if let Err(Throw(e)) = linked {
        agent.call(&reject, &Value::Undefined, &[*e])?;
        return Ok(Value::Undefined);
    }
    evaluate_and_resolve(agent, &graph, module, defer, resolve, reject)?;
    Ok(Value::Undefined)
}

/// ContinueDynamicImport's linkAndEvaluateClosure after Link (steps c–f):
/// Evaluate the module (phase evaluation) or the asynchronous dependencies
/// GatherAsynchronousTransitiveDependencies lists (phase defer), then
/// `resolve` with GetModuleNamespace(module, phase), or `reject` with the
/// error. `vm.SourceTextModule`'s `import.defer()` ends here too, for the
/// linked module its importModuleDynamically returned.
pub(crate) fn evaluate_and_resolve(
    agent: &mut Agent,
    graph: &crate::module::SharedGraph,
    module: ModuleId,
    defer: bool,
    resolve: Value,
    reject: Value,
) -> JsResult<()> {
    let evaluation = (|| {
        if defer {
            // (Deferring Module Evaluation:) If phase is defer, then
            // i. Let evaluationList be GatherAsynchronousTransitiveDependencies(module).
            let evaluation_list = gather_asynchronous_transitive_dependencies(graph, module);
            {
                let g = graph.borrow();
                if g.tracing() {
                    let line = format!(
                        "defer {}: import.defer() evaluates {}",
                        g.label(module),
                        g.labels(&evaluation_list)
                    );
                    let event =
                        TraceEvent::new("GatherAsynchronousTransitiveDependencies", "9", module)
                            .value("result", evaluation_list.clone());
                    g.trace(event.text(line));
                }
            }
            // ii. If evaluationList is empty, then
            //     1. Perform fulfilledClosure(). 2. Return unused.
            // (Here: a promise already fulfilled, whose reaction is fulfilledClosure.)
            // iii. Let asyncDepsEvaluationPromises be a new empty List.
            // iv. For each Module Record dep of evaluationList, append dep.Evaluate()
            //     to asyncDepsEvaluationPromises.
            let mut promises = Vec::with_capacity(evaluation_list.len());
            for dep in evaluation_list {
                promises.push(crate::module::evaluate(agent, graph, dep)?);
            }
            // v. Let evaluatePromise be SafePerformPromiseAll(asyncDepsEvaluationPromises).
            safe_perform_promise_all(agent, promises)
        } else {
            // c. Let evaluatePromise be module.Evaluate().
            crate::module::evaluate(agent, graph, module)
        }
    })();
    let promise = match evaluation {
        Ok(Value::Object(p)) => p,
        Ok(_) => return Ok(()),
        Err(Throw(e)) => {
            agent.call(&reject, &Value::Undefined, &[*e])?;
            return Ok(());
        }
    };
    // d–f. On fulfilment resolve with GetModuleNamespace(module); on rejection reject.
    let on_fulfilled = agent.native_function_with(
        "",
        0,
        resolve_with_namespace,
        false,
        vec![
            Value::Number(f64::from(module.0)),
            resolve,
            Value::Bool(defer),
        ],
    );
    perform_promise_then(agent, &promise, Value::Object(on_fulfilled), reject, None);
    Ok(())
}

/// ContinueDynamicImport's onFulfilled: resolve with GetModuleNamespace(module).
fn resolve_with_namespace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Number(n) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let resolve = args.capture(1);
    let phase = match args.capture(2) {
        Value::Bool(true) => ImportPhase::Defer,
        _ => ImportPhase::Evaluation,
    };
    if let Some(graph) = registered_graph(agent) {
        // i. Let namespace be GetModuleNamespace(module, phase).
        let ns = get_module_namespace_in_phase(agent, &graph, ModuleId(n as u32), phase);
        agent.call(&resolve, &Value::Undefined, &[Value::Object(ns)])?;
    }
    Ok(Value::Undefined)
}

/// SafePerformPromiseAll ( promises ) — Deferring Module Evaluation: a
/// promise fulfilled once every promise of the list is (with the list of
/// their values), rejected with the first rejection; the reactions are
/// added with PerformPromiseThen, never through a "then" lookup.
fn safe_perform_promise_all(agent: &mut Agent, promises: Vec<Value>) -> JsResult<Value> {
    // 1. Let resultCapability be ! NewPromiseCapability(%Promise%).
    let capability = agent.promise_capability()?;
    // 2. If promises is empty, then
    //    a. Perform ! Call(resultCapability.[[Resolve]], undefined, « CreateArrayFromList(« ») »).
    //    b. Return resultCapability.[[Promise]].
    if promises.is_empty() {
        let empty = agent.create_array_from_list(Vec::new());
        agent.call(
            &capability.resolve,
            &Value::Undefined,
            &[Value::Object(empty)],
        )?;
        return Ok(capability.promise);
    }
    // 3. Let values be a new empty List (an array, filled in as they come).
    // 4. Let remainingElementsCount be the Record { [[Value]]: the number of
    //    elements in promises } (an array holding the count).
    let values = agent.create_array_from_list(vec![Value::Undefined; promises.len()]);
    let remaining = agent.create_array_from_list(vec![Value::Number(promises.len() as f64)]);
    // 5. Let index be 0.
    // 6. For each element promise of promises, do
    for (index, promise) in promises.into_iter().enumerate() {
        let Value::Object(promise) = promise else {
            continue;
        };
        // a. Append undefined to values.
        // b. Let onFulfilled be CreatePromiseAllResolveElement(index, values,
        //    resultCapability, remainingElementsCount).
        let on_fulfilled = agent.native_function_with(
            "",
            1,
            promise_all_resolve_element,
            false,
            vec![
                Value::Number(index as f64),
                Value::Object(values.clone()),
                capability.resolve.clone(),
                Value::Object(remaining.clone()),
                Value::Bool(false),
            ],
        );
        // c. Set index to index + 1.
        // d. Perform PerformPromiseThen(promise, onFulfilled, resultCapability.[[Reject]]).
        perform_promise_then(
            agent,
            &promise,
            Value::Object(on_fulfilled),
            capability.reject.clone(),
            None,
        );
    }
    // 7. Return resultCapability.[[Promise]].
    Ok(capability.promise)
}

/// The function CreatePromiseAllResolveElement makes (its fulfilledSteps).
fn promise_all_resolve_element(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (Value::Number(index), Value::Object(values), resolve, Value::Object(remaining)) = (
        args.capture(0),
        args.capture(1),
        args.capture(2),
        args.capture(3),
    ) else {
        return Ok(Value::Undefined);
    };
    // 1–3. If F.[[AlreadyCalled]] is true, return undefined; set it to true.
    // (The elements are called once each: only their own promise settles them.)
    // 4–5. Set values[F.[[Index]]] to value.
    agent.create_data_property(&values, PropertyKey::Index(index as u32), args.arg(0))?;
    // 6. Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    let count = match agent.get(&remaining, &PropertyKey::Index(0))? {
        Value::Number(n) => n - 1.0,
        _ => 0.0,
    };
    agent.create_data_property(&remaining, PropertyKey::Index(0), Value::Number(count))?;
    // 7. If remainingElementsCount.[[Value]] = 0, then
    //    a. Let valuesArray be CreateArrayFromList(values).
    //    b. Return ? Call(resultCapability.[[Resolve]], undefined, « valuesArray »).
    if count == 0.0 {
        return agent.call(&resolve, &Value::Undefined, &[Value::Object(values)]);
    }
    // 8. Return undefined.
    Ok(Value::Undefined)
}

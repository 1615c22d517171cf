//! The native binding of `node:vm` (`import binding from
//! 'vmjs:vm-binding'`): creating module records from source text or as
//! synthetic modules, recording what the linker returned, Link, Evaluate,
//! the status and error of a record, and contexts.

use std::collections::HashSet;
use std::rc::Rc;
use std::time::{Duration, Instant};

use gc::Gc;

use super::wrap::{unwrap, wrap};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::function::NativeFn;
use crate::interp::interrupt::Interrupt;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::interp::vm_context::{context_realm, make_context};
use crate::module::code_cache::parse_module_from_cached_data;
use crate::module::namespace::ModuleNamespace;
use crate::module::record::{HostDefined, Status};
use crate::module::synthetic::throw_export_not_defined;
use crate::module::termination::clear_termination;
use crate::module::{
    create_synthetic_module, load_requested_modules, parse_module, registered_graph,
    set_synthetic_module_export, throw_syntax_error, HostLoad, ModuleHost, ModuleId,
    ModuleIdentity, ModuleRequest, SharedGraph, VmStatus,
};

/// The binding object.
pub fn create(agent: &mut Agent) -> Gc<JsObject> {
    let binding = JsObject::ordinary_create(None);
    let functions: [(&str, u32, NativeFn); 19] = [
        ("compileSourceText", 4, compile_source_text),
        ("compileSynthetic", 4, compile_synthetic),
        ("setHostDefined", 3, set_host_defined),
        ("moduleRequests", 1, module_requests),
        ("link", 2, link),
        ("instantiate", 1, instantiate),
        ("evaluate", 2, evaluate),
        ("status", 1, status),
        ("error", 1, error),
        ("namespace", 1, namespace),
        ("importDeferred", 1, import_deferred),
        ("moduleSource", 1, module_source),
        ("setExport", 3, set_export),
        ("hasTopLevelAwait", 1, has_top_level_await),
        ("isGraphAsync", 1, is_graph_async),
        ("makeContext", 1, make_context_native),
        ("isContext", 1, is_context),
        ("isModuleNamespace", 1, is_module_namespace),
        ("inspect", 2, crate::interp::inspect::inspect_function),
    ];
    for (name, length, f) in functions {
        let f = agent.native_function(name, length, f);
        define_value(&binding, name, Value::Object(f), Attributes::METHOD);
    }
    super::script::install(agent, &binding);
    super::cached_data::install(agent, &binding);
    binding
}

/// The agent's module records (the installed host's).
pub(super) fn graph(agent: &mut Agent) -> JsResult<SharedGraph> {
    match registered_graph(agent) {
        Some(graph) => Ok(graph),
        None => agent.throw_type_error("node:vm needs a module host"),
    }
}

/// The realm of the context `v` (undefined: the current realm).
fn realm_of(agent: &mut Agent, v: &Value) -> JsResult<Option<Rc<crate::interp::realm::Realm>>> {
    match v {
        Value::Object(sandbox) => match context_realm(agent, sandbox) {
            Some(realm) => Ok(Some(realm)),
            None => agent.throw_type_error("not a context"),
        },
        _ => Ok(None),
    }
}

/// `compileSourceText(source, identifier, context)`: ParseModule — a
/// Source Text Module Record in status new, or the SyntaxError.
// With `cachedData`, the record is made from it when it holds this
// module's code; otherwise the text is parsed and, as in Node, a
// SyntaxError wins over the rejection, which is thrown once the text parsed.
fn compile_source_text(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let text = agent.to_string(&args.arg(0))?.to_rust_string();
    let identifier = agent.to_string(&args.arg(1))?.to_rust_string();
    let realm = realm_of(agent, &args.arg(2))?;
    let cached_data = super::cached_data::cached_data_option(agent, &args.arg(3))?;
    let identity = || ModuleIdentity::named(identifier.clone(), realm.clone());
    let (record, rejected) = match cached_data {
        None => (parse_module(&text, identity()), false),
        Some(bytes) => match parse_module_from_cached_data(&bytes, &text, identity()) {
            Ok(record) => (Ok(record), false),
            Err(_) => (parse_module(&text, identity()), true),
        },
    };
    let record = record.map_err(|err| throw_syntax_error(agent, &err, &identifier, &text))?;
    if rejected {
        return Err(coded_plain_error(
            agent,
            "cachedData buffer was rejected",
            "ERR_VM_MODULE_CACHED_DATA_REJECTED",
        ));
    }
    let id = graph(agent)?.borrow_mut().add(record);
    Ok(Value::Object(wrap(id)))
}

/// `compileSynthetic(exportNames, evaluationSteps, identifier, context)`:
/// CreateSyntheticModule — every export starts as undefined.
fn compile_synthetic(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let names = string_list(agent, &args.arg(0))?;
    let steps = args.arg(1);
    let identifier = agent.to_string(&args.arg(2))?.to_rust_string();
    let realm = realm_of(agent, &args.arg(3))?;
    let identity = ModuleIdentity::named(identifier, realm);
    let record = create_synthetic_module(&names, Some(steps), identity);
    let id = graph(agent)?.borrow_mut().add(record);
    Ok(Value::Object(wrap(id)))
}

/// The strings of an array.
fn string_list(agent: &mut Agent, v: &Value) -> JsResult<Vec<JsStr>> {
    let Value::Object(array) = v else {
        return Ok(Vec::new());
    };
    let length = agent.get(array, &PropertyKey::from("length"))?;
    let length = agent.to_number(&length)? as u32;
    let mut out = Vec::with_capacity(length as usize);
    for i in 0..length {
        let item = agent.get(array, &PropertyKey::Index(i))?;
        out.push(agent.to_string(&item)?);
    }
    Ok(out)
}

/// `setHostDefined(wrap, initializeImportMeta, importModuleDynamically)`.
fn set_host_defined(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    graph(agent)?.borrow_mut().get_mut(id).host_defined = Some(Rc::new(HostDefined {
        initialize_import_meta: args.arg(1),
        import_dynamically: args.arg(2),
    }));
    Ok(Value::Undefined)
}

/// `moduleRequests(wrap)`: [[RequestedModules]] as
/// `{ specifier, attributes, phase }` objects (attributes: null prototype,
/// keys sorted; phase `"evaluation"`, `"source"` or `"defer"`).
fn module_requests(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let requests = graph(agent)?.borrow().get(id).requested_modules.clone();
    let mut list = Vec::with_capacity(requests.len());
    for request in requests {
        let attributes = JsObject::ordinary_create(None);
        for (key, value) in &request.attributes {
            agent.create_data_property(
                &attributes,
                PropertyKey::from_string(key.clone()),
                Value::String(value.clone()),
            )?;
        }
        let proto = agent.intrinsics().object_prototype.clone();
        let item = JsObject::ordinary_create(Some(proto));
        agent.create_data_property(
            &item,
            PropertyKey::from("specifier"),
            Value::String(request.specifier.clone()),
        )?;
        agent.create_data_property(
            &item,
            PropertyKey::from("attributes"),
            Value::Object(attributes),
        )?;
        // [[Phase]]: "evaluation", "source" (as Node names them) or "defer".
        agent.create_data_property(
            &item,
            PropertyKey::from("phase"),
            Value::from(request.phase.name()),
        )?;
        list.push(Value::Object(item));
    }
    Ok(Value::Object(agent.create_array_from_list(list)))
}

/// `link(wrap, modules)`: records the module the linker gave for each
/// request (FinishLoadingImportedModule), unless the record is linked already.
///
/// Deviation: a module whose Link ( ) failed is `unlinked` with its
/// [[LoadedModules]] kept, and the spec never loads it again. Node lets
/// `link()` be called again with another linker, and V8 asks for every
/// module anew at each instantiation; so new links put the record back to
/// `new`, and `instantiate`'s LoadRequestedModules walks it (and the
/// modules it now reaches) again.
fn link(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let Value::Object(list) = args.arg(1) else {
        return Ok(Value::Undefined);
    };
    let graph = graph(agent)?;
    let count = graph.borrow().get(id).requested_modules.len();
    let mut modules = Vec::with_capacity(count);
    for i in 0..count {
        let item = agent.get(&list, &PropertyKey::Index(i as u32))?;
        modules.push(unwrap(agent, &item)?);
    }
    let mut g = graph.borrow_mut();
    let record = g.get_mut(id);
    if matches!(record.status, Status::New | Status::Unlinked) {
        record.loaded_modules = modules.into_iter().map(Some).collect();
        record.status = Status::New;
    }
    Ok(Value::Undefined)
}

/// `instantiate(wrap)`: LoadRequestedModules over what the linker
/// recorded, then Link ( ). Node's resolve callback reports a request with
/// nothing recorded as "not in cache".
fn instantiate(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let root = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let host = RecordedLinks {
        graph: graph.clone(),
    };
    load_requested_modules(agent, &host, root)?;
    crate::module::link(agent, &graph, root)?;
    Ok(Value::Undefined)
}

/// The host `instantiate` loads through: every module was recorded by
/// `link` (the JavaScript half ran the user's linker for each request), so
/// HostLoadImportedModule has nothing left to find.
struct RecordedLinks {
    graph: SharedGraph,
}

impl ModuleHost for RecordedLinks {
    fn graph(&self) -> SharedGraph {
        self.graph.clone()
    }

    fn load_imported_module(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> HostLoad {
        HostLoad::Finished(self.finish_load(agent, referrer, request))
    }

    fn finish_load(
        &self,
        agent: &mut Agent,
        _referrer: ModuleId,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        let message = format!("request for '{}' is not in cache", request.specifier);
        Err(coded_plain_error(
            agent,
            &message,
            "ERR_VM_MODULE_LINK_FAILURE",
        ))
    }
}

/// An `Error` with an own enumerable `code`, as Node's C++ layer makes them
/// (`String(e)` has no `[CODE]` part).
pub fn coded_plain_error(agent: &mut Agent, message: &str, code: &str) -> Throw {
    let Throw(e) = agent.error(crate::interp::ops::errors::ErrorKind::Error, message);
    if let Value::Object(o) = &*e {
        o.define_own_property(
            PropertyKey::from("code"),
            PropertyDescriptor::data(Value::from(code), Attributes::ALL),
        );
    }
    Throw(e)
}

/// `evaluate(wrap, timeout)`: Evaluate ( ) — the promise of the graph's evaluation.
fn evaluate(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let timeout = match args.arg(1) {
        Value::Number(ms) if ms >= 1.0 => Some(ms),
        _ => None,
    };
    let Some(ms) = timeout else {
        return crate::module::evaluate(agent, &graph, id);
    };
    let (result, timed_out) = under_timeout(agent, ms, |agent| {
        crate::module::evaluate(agent, &graph, id)
    });
    if !timed_out {
        return result;
    }
    clear_termination(agent, &graph, id)?;
    // Node's ModuleWrap::Evaluate throws the timeout error rather than
    // returning a rejected promise.
    Err(timeout_error(agent, ms))
}

/// Runs `work` with a deadline `ms` milliseconds away: its result, and
/// whether the deadline ended it.
pub(super) fn under_timeout(
    agent: &mut Agent,
    ms: f64,
    work: impl FnOnce(&mut Agent) -> JsResult<Value>,
) -> (JsResult<Value>, bool) {
    let deadline = Instant::now() + Duration::from_millis(ms as u64);
    let outer = agent.set_interrupt(Some(Interrupt::new(Some(deadline), None, None)));
    let result = work(agent);
    let watch = agent.set_interrupt(outer);
    let timed_out = watch.is_some_and(|w| w.fired.is_some());
    (result, timed_out)
}

/// ERR_SCRIPT_EXECUTION_TIMEOUT, as Node words it.
pub(super) fn timeout_error(agent: &mut Agent, ms: f64) -> Throw {
    let message = format!("Script execution timed out after {ms}ms");
    coded_plain_error(agent, &message, "ERR_SCRIPT_EXECUTION_TIMEOUT")
}

/// `status(wrap)`: the record's [[Status]] as Node's native status number.
fn status(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let status = VmStatus::of(graph.borrow().get(id));
    Ok(Value::Number(status.native_number()))
}

/// `error(wrap)`: [[EvaluationError]].
fn error(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let error = graph.borrow().get(id).evaluation_error.clone();
    Ok(error.unwrap_or(Value::Undefined))
}

/// `namespace(wrap)`: GetModuleNamespace.
fn namespace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    Ok(Value::Object(crate::module::get_module_namespace(
        agent, &graph, id,
    )))
}

/// `importDeferred(wrap)`: `import.defer()` of a linked module that an
/// importModuleDynamically returned — ContinueDynamicImport's steps after
/// Link for phase defer: a promise for the module's deferred namespace,
/// fulfilled once the asynchronous dependencies that
/// GatherAsynchronousTransitiveDependencies lists are evaluated.
fn import_deferred(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let capability = agent.promise_capability()?;
    crate::host::dynamic_import::evaluate_and_resolve(
        agent,
        &graph,
        id,
        true,
        capability.resolve.clone(),
        capability.reject.clone(),
    )?;
    Ok(capability.promise)
}

/// `moduleSource(wrap)`: the record's [[ModuleSource]] for `import.source()`,
/// or the SyntaxError of a module that has none (every source text module).
fn module_source(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let source = crate::module::module_source::get_module_source(agent, &graph, id)?;
    Ok(Value::Object(source))
}

/// `setExport(wrap, name, value)`: SetSyntheticModuleExport.
fn set_export(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let name = agent.to_string(&args.arg(1))?;
    let graph = graph(agent)?;
    let set = set_synthetic_module_export(graph.borrow().get(id), &name, args.arg(2));
    if !set {
        return throw_export_not_defined(agent, &name.to_rust_string());
    }
    Ok(Value::Undefined)
}

/// `hasTopLevelAwait(wrap)`: [[HasTLA]].
fn has_top_level_await(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let has_tla = graph.borrow().get(id).has_tla;
    Ok(Value::Bool(has_tla))
}

/// `isGraphAsync(wrap)`: whether the module or any module it reaches has
/// top-level await.
fn is_graph_async(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let root = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let g = graph.borrow();
    let mut seen: HashSet<ModuleId> = HashSet::new();
    let mut work = vec![root];
    while let Some(m) = work.pop() {
        if !seen.insert(m) {
            continue;
        }
        let record = g.get(m);
        if record.has_tla {
            return Ok(Value::Bool(true));
        }
        work.extend(record.loaded_modules.iter().flatten().copied());
    }
    Ok(Value::Bool(false))
}

/// `makeContext(object)`: contextifies `object`.
fn make_context_native(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Value::Object(sandbox) = args.arg(0) {
        make_context(agent, &sandbox);
    }
    Ok(Value::Undefined)
}

/// `isContext(object)`.
fn is_context(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(match args.arg(0) {
        Value::Object(o) => context_realm(agent, &o).is_some(),
        _ => false,
    }))
}

/// `isModuleNamespace(value)`: whether it is a module namespace exotic object.
fn is_module_namespace(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(Value::Bool(match args.arg(0) {
        Value::Object(o) => o.data::<ModuleNamespace>().is_some(),
        _ => false,
    }))
}

//! The native binding of `node:vm` (`import binding from
//! 'vmjs:vm-binding'`): creating module records from source text or as
//! synthetic modules, recording what the linker returned, Link, Evaluate,
//! the status and error of a record, and contexts.

use std::collections::HashSet;
use std::rc::Rc;
use std::time::{Duration, Instant};

use gc::Gc;

use super::context::{context_realm, make_context};
use super::wrap::{unwrap, wrap};
use crate::interp::agent::{Agent, JsResult, Throw};
use crate::interp::environment::Env;
use crate::interp::eval::ModuleCode;
use crate::interp::function::CallArgs;
use crate::interp::function::NativeFn;
use crate::interp::interrupt::Interrupt;
use crate::interp::native::define_value;
use crate::interp::object::JsObject;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::entries::parse_module_entries;
use crate::module::namespace::ModuleNamespace;
use crate::module::record::{
    ExportEntry, ExportRef, HostDefined, ModuleBody, ModuleRecord, Status,
};
use crate::module::{ModuleId, SharedGraph};

/// Node's native statuses (ModuleWrap's kUninstantiated … kErrored).
const UNLINKED: f64 = 0.0;
const LINKING: f64 = 1.0;
const LINKED: f64 = 2.0;
const EVALUATING: f64 = 3.0;
const EVALUATED: f64 = 4.0;
const ERRORED: f64 = 5.0;

/// The binding object.
pub fn create(agent: &mut Agent) -> Gc<JsObject> {
    let binding = JsObject::ordinary_create(None);
    let functions: [(&str, u32, NativeFn); 17] = [
        ("compileSourceText", 3, compile_source_text),
        ("compileSynthetic", 4, compile_synthetic),
        ("setHostDefined", 3, set_host_defined),
        ("moduleRequests", 1, module_requests),
        ("link", 2, link),
        ("instantiate", 1, instantiate),
        ("evaluate", 2, evaluate),
        ("status", 1, status),
        ("error", 1, error),
        ("namespace", 1, namespace),
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
    binding
}

/// The agent's module records (the installed host's).
fn graph(agent: &mut Agent) -> JsResult<SharedGraph> {
    match agent.host.as_ref().and_then(|h| h.module_host()) {
        Some(host) => Ok(host.graph()),
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
fn compile_source_text(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let text = agent.to_string(&args.arg(0))?.to_rust_string();
    let identifier = agent.to_string(&args.arg(1))?.to_rust_string();
    let realm = realm_of(agent, &args.arg(2))?;
    let ast = match crate::syntax::parse_module(&text) {
        Ok(ast) => Rc::new(ast),
        Err(err) => {
            let Throw(e) = agent.syntax_error(&err.message);
            if let Value::Object(o) = &e {
                o.define_own_property(
                    PropertyKey::from("stack"),
                    PropertyDescriptor::data(
                        Value::String(JsStr::from(err.render(&identifier, &text))),
                        Attributes::METHOD,
                    ),
                );
            }
            return Err(Throw(e));
        }
    };
    let source = SourceText::new(identifier.clone(), text.as_str());
    if let Some(realm) = &realm {
        let _ = source.realm.set(realm.clone());
    }
    let code = ModuleCode::new(ast.clone(), source);
    let mut record = ModuleRecord::new(identifier.clone(), identifier, ModuleBody::Source(code));
    parse_module_entries(&mut record, &ast);
    record.has_tla = crate::module::has_tla::module_contains_await(&ast);
    record.realm = realm;
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
    let env = Env::new_module(names.len() as u32, 0);
    for slot in 0..names.len() {
        env.set(slot as u32, Value::Undefined);
    }
    let mut record = ModuleRecord::new(
        identifier.clone(),
        identifier,
        ModuleBody::Synthetic {
            env,
            evaluation_steps: Some(steps),
        },
    );
    for (slot, name) in names.into_iter().enumerate() {
        record.local_export_entries.push(ExportEntry {
            export_name: Some(name.clone()),
            module_request: None,
            import_name: None,
            local_name: Some((name, slot as u32)),
        });
    }
    record.index_exports();
    record.realm = realm;
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
    graph(agent)?.borrow_mut().get_mut(id).host_defined = Some(HostDefined {
        initialize_import_meta: args.arg(1),
        import_dynamically: args.arg(2),
    });
    Ok(Value::Undefined)
}

/// `moduleRequests(wrap)`: [[RequestedModules]] as
/// `{ specifier, attributes }` objects (attributes: null prototype, keys sorted).
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
        list.push(Value::Object(item));
    }
    Ok(Value::Object(agent.create_array_from_list(list)))
}

/// `link(wrap, modules)`: records the module the linker gave for each
/// request (FinishLoadingImportedModule), unless the record is linked already.
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
    }
    Ok(Value::Undefined)
}

/// `instantiate(wrap)`: Link ( ) on the graph. Every unlinked module
/// reached must have all its requests recorded; Node's resolve callback
/// reports the first one missing as "not in cache".
fn instantiate(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let root = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let mut seen = HashSet::new();
    let mut work = vec![root];
    let mut reached = Vec::new();
    while let Some(m) = work.pop() {
        if !seen.insert(m) {
            continue;
        }
        let g = graph.borrow();
        let record = g.get(m);
        if !matches!(record.status, Status::New | Status::Unlinked) {
            continue;
        }
        reached.push(m);
        for (i, request) in record.requested_modules.iter().enumerate() {
            match record.loaded_modules.get(i).copied().flatten() {
                Some(dep) => work.push(dep),
                None => {
                    let message = format!("request for '{}' is not in cache", request.specifier);
                    drop(g);
                    return Err(coded_plain_error(
                        agent,
                        &message,
                        "ERR_VM_MODULE_LINK_FAILURE",
                    ));
                }
            }
        }
    }
    {
        // LoadRequestedModules' end: every module loaded becomes unlinked.
        let mut g = graph.borrow_mut();
        for m in reached {
            let record = g.get_mut(m);
            if record.status == Status::New {
                record.status = Status::Unlinked;
            }
        }
    }
    crate::module::link(agent, &graph, root)?;
    Ok(Value::Undefined)
}

/// An `Error` with an own enumerable `code`, as Node's C++ layer makes them
/// (`String(e)` has no `[CODE]` part).
pub fn coded_plain_error(agent: &mut Agent, message: &str, code: &str) -> Throw {
    let Throw(e) = agent.error(crate::interp::ops::errors::ErrorKind::Error, message);
    if let Value::Object(o) = &e {
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
    let deadline = Instant::now() + Duration::from_millis(ms as u64);
    let outer = agent.set_interrupt(Some(Interrupt::new(Some(deadline), None, None)));
    let result = crate::module::evaluate(agent, &graph, id);
    let watch = agent.set_interrupt(outer);
    if watch.is_none_or(|w| w.fired.is_none()) {
        return result;
    }
    clear_termination(agent, &graph, id)?;
    // Node's ModuleWrap::Evaluate throws the timeout error rather than
    // returning a rejected promise.
    let message = format!("Script execution timed out after {ms}ms");
    Err(coded_plain_error(
        agent,
        &message,
        "ERR_SCRIPT_EXECUTION_TIMEOUT",
    ))
}

/// After a terminated evaluation of `id`: the modules the termination went
/// through are errored with error `null` (as Node reports them), and
/// evaluating the module again gives a promise that never settles.
pub fn clear_termination(agent: &mut Agent, graph: &SharedGraph, id: ModuleId) -> JsResult<()> {
    let marker = Value::Object(agent.termination_marker());
    let never = agent.promise_capability()?;
    let mut g = graph.borrow_mut();
    let root = {
        let record = g.get(id);
        record.cycle_root.unwrap_or(id)
    };
    for record in g.modules.iter_mut() {
        if record
            .evaluation_error
            .as_ref()
            .is_some_and(|e| e.same_value(&marker))
        {
            record.evaluation_error = Some(Value::Null);
        }
    }
    if let Some(old) = g.get_mut(root).top_level_capability.replace(never) {
        if let Value::Object(p) = &old.promise {
            agent
                .jobs
                .unhandled_rejections
                .retain(|q| !Gc::ptr_eq(q, p));
        }
    }
    Ok(())
}

/// `status(wrap)`: the record's [[Status]] as Node's native status number.
fn status(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let graph = graph(agent)?;
    let g = graph.borrow();
    let record = g.get(id);
    Ok(Value::Number(match record.status {
        Status::New | Status::Unlinked => UNLINKED,
        Status::Linking => LINKING,
        Status::Linked => LINKED,
        Status::Evaluating => EVALUATING,
        Status::EvaluatingAsync | Status::Evaluated => {
            if record.evaluation_error.is_some() {
                ERRORED
            } else {
                EVALUATED
            }
        }
    }))
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

/// `setExport(wrap, name, value)`: SetSyntheticModuleExport.
fn set_export(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let id = unwrap(agent, &args.arg(0))?;
    let name = agent.to_string(&args.arg(1))?;
    let graph = graph(agent)?;
    let slot = {
        let g = graph.borrow();
        let record = g.get(id);
        match record.export_index.get(&name) {
            Some(ExportRef::Local(i)) => record.local_export_entries[*i]
                .local_name
                .as_ref()
                .map(|(_, slot)| (*slot, record.env())),
            _ => None,
        }
    };
    match slot {
        Some((slot, env)) => {
            env.set(slot, args.arg(2));
            Ok(Value::Undefined)
        }
        None => Err(agent.reference_error(format!("Export '{name}' is not defined in module"))),
    }
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

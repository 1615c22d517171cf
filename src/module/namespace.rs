//! Module namespace exotic objects (ECMA-262 §10.4.6, ModuleNamespaceCreate
//! §10.4.6.12, §28.3 Module Namespace Objects) and GetModuleNamespace
//! (§16.2.1.13).
//!
//! The object stores one ordinary data property per export (writable,
//! enumerable, not configurable) in sorted order plus @@toStringTag, and is
//! not extensible, so the ordinary internal methods give the specified
//! answers for [[GetPrototypeOf]], [[IsExtensible]], [[DefineOwnProperty]]
//! of absent keys, [[Delete]] and [[OwnPropertyKeys]]. Values are read live
//! through [`ObjectData::live_value`]; [[Set]] always fails.
//!
//! Deferring Module Evaluation adds [[Deferred]] namespaces
//! (`import defer * as ns`, `import.defer()`): the same object, whose internal methods
//! first perform GetModuleExportsList — EvaluateModuleSync of the module —
//! for every key that is not symbol-like (IsSymbolLikeNamespaceKey: a
//! Symbol, or "then"). The agent's internal methods call
//! [`deferred_namespace_access`] for such objects before the ordinary
//! steps.

use std::any::Any;

use gc::{Finalize, Gc, GcCell, Trace};

use std::cell::RefCell;
use std::rc::Weak;

use super::record::{BindingName, ImportPhase, ModuleGraph, ModuleId, Resolution, SharedGraph};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::ImportTarget;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// [[Module]]'s bindings for [[Exports]] (sorted by code units).
#[derive(Trace, Finalize)]
pub struct ModuleNamespace {
    #[unsafe_ignore_trace]
    names: Vec<JsStr>,
    targets: GcCell<Vec<ImportTarget>>,
    /// [[Deferred]] is true: [[Module]], whose evaluation the object's
    /// internal methods trigger.
    #[unsafe_ignore_trace]
    deferred: Option<DeferredModule>,
}

/// [[Module]] of a deferred namespace (the graph is held weakly: the graph
/// holds the namespace).
#[derive(Clone)]
pub struct DeferredModule {
    graph: Weak<RefCell<ModuleGraph>>,
    module: ModuleId,
}

impl ObjectData for ModuleNamespace {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Module"
    }
    fn live_value(&self, key: &PropertyKey) -> Option<Option<Value>> {
        let name = match key {
            PropertyKey::String(s) => s.clone(),
            PropertyKey::Index(i) => JsStr::from(i.to_string()),
            PropertyKey::Symbol(_) => return None,
        };
        let i = self
            .names
            .binary_search_by(|n| n.units().cmp(name.units()))
            .ok()?;
        Some(match &self.targets.borrow()[i] {
            ImportTarget::Binding { env, slot } => env.get(*slot),
            ImportTarget::Namespace(ns) => Some(Value::Object(ns.clone())),
            ImportTarget::Unlinked => None,
        })
    }
    fn rejects_set(&self) -> bool {
        true
    }
    fn is_deferred_namespace(&self) -> bool {
        self.deferred.is_some()
    }
}

/// IsSymbolLikeNamespaceKey ( P, ns ) — whether `key` is an ordinary
/// property of the namespace rather than one of the module's exports.
pub fn is_symbol_like_namespace_key(key: &PropertyKey, deferred: bool) -> bool {
    match key {
        // 1. If P is a Symbol, return true.
        PropertyKey::Symbol(_) => true,
        // 2. If ns.[[Deferred]] is true and P is "then", return true.
        PropertyKey::String(s) => deferred && s.units() == JsStr::from("then").units(),
        // 3. Return false.
        PropertyKey::Index(_) => false,
    }
}

/// The first steps of a deferred namespace's internal methods
/// ([[GetOwnProperty]], [[DefineOwnProperty]], [[HasProperty]], [[Get]],
/// [[Delete]] with `Some(key)`; [[OwnPropertyKeys]] with `None`): when the
/// key is not symbol-like, GetModuleExportsList(O), which evaluates the
/// module. `method` names the internal method in the trace.
pub fn deferred_namespace_access(
    agent: &mut Agent,
    o: &Gc<JsObject>,
    key: Option<&PropertyKey>,
    method: &str,
) -> JsResult<()> {
    let Some(ns) = o.data::<ModuleNamespace>() else {
        return Ok(());
    };
    let Some(deferred) = ns.deferred.clone() else {
        return Ok(());
    };
    // 1. If IsSymbolLikeNamespaceKey(P, O) is true, return Ordinary…(O, P).
    if key.is_some_and(|k| is_symbol_like_namespace_key(k, true)) {
        return Ok(());
    }
    // 2. Let exports be ? GetModuleExportsList(O).
    get_module_exports_list(agent, &deferred, key, method)
}

/// GetModuleExportsList ( O ) for a deferred namespace: its step 1 (the
/// list itself, step 2, is the object's own string keys).
fn get_module_exports_list(
    agent: &mut Agent,
    deferred: &DeferredModule,
    key: Option<&PropertyKey>,
    method: &str,
) -> JsResult<()> {
    let Some(graph) = deferred.graph.upgrade() else {
        return Ok(());
    };
    // 1. If O.[[Deferred]] is true, then
    //    a. Let m be O.[[Module]].
    let m = deferred.module;
    {
        let g = graph.borrow();
        // (Traced when the access evaluates the module or fails: not for
        // the accesses after its evaluation.)
        if g.tracing() && g.get(m).status != super::record::Status::Evaluated {
            let status = g.get(m).status.spec_name();
            let key_text = key.map(|k| k.to_value_string());
            let line = format!(
                "defer {}: triggered by {method}{} ({status})",
                g.label(m),
                key_text.as_ref().map_or(String::new(), |k| format!(" {k}"))
            );
            let mut event = super::trace::TraceEvent::new("GetModuleExportsList", "1", m)
                .value("internal method", method.to_string());
            if let Some(k) = key_text {
                event = event.value("P", k);
            }
            g.trace(event.value("[[Status]]", status).text(line));
        }
    }
    //    b. Perform ? EvaluateModuleSync(m).
    super::deferred::evaluate_module_sync(agent, &graph, m)
}

/// GetModuleNamespace ( module ) — <https://tc39.es/ecma262/#sec-getmodulenamespace>
/// (§16.2.1.13)
// Deviation: iterative. Exports that are other modules' namespaces
// (`export * as ns`) are filled in once every namespace they need exists,
// so cycles of such exports need no recursion. The namespace also records
// where each export's binding lives (ResolveExport's answer), so reading a
// property needs no second resolution.
pub fn get_module_namespace(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> Gc<JsObject> {
    let mut work = vec![module];
    // (namespace object, export index, module whose namespace goes there)
    let mut fills: Vec<(Gc<JsObject>, usize, ModuleId)> = Vec::new();
    // (module, export name, module whose deferred namespace goes there)
    let mut deferred_wanted: Vec<(ModuleId, JsStr, ModuleId)> = Vec::new();
    // 1. Assert: If module is a Cyclic Module Record, then module.[[Status]] is
    //    not new or unlinked.
    // (Only for `module` itself. The namespaces of its `export * as ns`
    // targets are made here with it, where the spec makes them at the first
    // [[Get]] of `ns`, and a target may not be linked yet: in
    // `import * as a from './b.mjs'` where b.mjs imports this module back,
    // b's InitializeEnvironment asks for this namespace while a later
    // `export * as ns from './c.mjs'` of this module has c still unlinked.
    // Nothing observable depends on it: a namespace's names and bindings
    // come from the loaded records, and its values are read at run time.)
    debug_assert!(
        !matches!(
            graph.borrow().get(module).status,
            super::record::Status::New | super::record::Status::Unlinked
        ),
        "GetModuleNamespace step 1"
    );
    while let Some(m) = work.pop() {
        // 2. Let namespace be module.[[Namespace]].
        // 3. If namespace is empty, then
        if graph.borrow().get(m).namespace.is_some() {
            continue;
        }
        let mut g = graph.borrow_mut();
        // a. Let exportedNames be module.GetExportedNames().
        let exported_names = g.get_exported_names(m);
        // b. Let unambiguousNames be a new empty List.
        // c. For each element name of exportedNames, do
        //    i. Let resolution be module.ResolveExport(name).
        //    ii. If resolution is a ResolvedBinding Record, append name to unambiguousNames.
        let mut resolved = Vec::new();
        let mut wanted = Vec::new();
        for name in exported_names {
            if let Resolution::Resolved(b) = g.resolve_export(m, &name) {
                let target = match b.binding_name {
                    BindingName::Slot(slot) => ImportTarget::Binding {
                        env: g.get(b.module).env(),
                        slot,
                    },
                    BindingName::Namespace => {
                        wanted.push((name.clone(), b.module));
                        ImportTarget::Unlinked
                    }
                    BindingName::DeferredNamespace => {
                        deferred_wanted.push((m, name.clone(), b.module));
                        ImportTarget::Unlinked
                    }
                    BindingName::Source => source_target(&g, b.module),
                };
                resolved.push((name, target));
            }
        }
        drop(g);
        // d. Set namespace to ModuleNamespaceCreate(module, unambiguousNames).
        let ns = module_namespace_create(agent, resolved, None);
        let data = ns.data::<ModuleNamespace>().expect("namespace");
        for (name, dep) in wanted {
            let index = data
                .names
                .binary_search_by(|n| n.units().cmp(name.units()))
                .expect("exported name");
            fills.push((ns.clone(), index, dep));
            work.push(dep);
        }
        // (ModuleNamespaceCreate step 9.) Set module.[[Namespace]] to M.
        graph.borrow_mut().get_mut(m).namespace = Some(ns);
    }
    for (m, name, dep) in deferred_wanted {
        let target = get_module_namespace_in_phase(agent, graph, dep, ImportPhase::Defer);
        let ns = graph
            .borrow()
            .get(m)
            .namespace
            .clone()
            .expect("created above");
        fill(&ns, &name, target);
    }
    let g = graph.borrow();
    for (ns, index, dep) in fills {
        let target = g.get(dep).namespace.clone().expect("created above");
        let data = ns.data::<ModuleNamespace>().expect("namespace");
        data.targets.borrow_mut()[index] = ImportTarget::Namespace(target);
    }
    // 4. Return namespace.
    g.get(module).namespace.clone().expect("created above")
}

/// Sets the export `name` of namespace `ns` to the object `target`.
fn fill(ns: &Gc<JsObject>, name: &JsStr, target: Gc<JsObject>) {
    let data = ns.data::<ModuleNamespace>().expect("namespace");
    if let Ok(index) = data.names.binary_search_by(|n| n.units().cmp(name.units())) {
        data.targets.borrow_mut()[index] = ImportTarget::Namespace(target);
    }
}

/// Where an export whose [[BindingName]] is `source` reads from: the
/// module's [[ModuleSource]]; a module without one reads as a binding in
/// its temporal dead zone (a ReferenceError, as namespace [[Get]] throws).
fn source_target(g: &ModuleGraph, module: ModuleId) -> ImportTarget {
    match &g.get(module).module_source {
        Some(source) => ImportTarget::Namespace(source.clone()),
        None => ImportTarget::Unlinked,
    }
}

/// GetModuleNamespace ( module, phase ) — Deferring Module Evaluation's
/// version of §16.2.1.13: the [[Namespace]] for `evaluation`, the
/// [[DeferredNamespace]] for `defer`.
pub fn get_module_namespace_in_phase(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
    phase: ImportPhase,
) -> Gc<JsObject> {
    if phase != ImportPhase::Defer {
        return get_module_namespace(agent, graph, module);
    }
    // 2. If phase is defer, let namespace be module.[[DeferredNamespace]].
    if let Some(ns) = &graph.borrow().get(module).deferred_namespace {
        return ns.clone();
    }
    // 3. If namespace is empty, then
    //    a. Let exportedNames be module.GetExportedNames().
    let exported_names = graph.borrow().get_exported_names(module);
    //    b. Let unambiguousNames be a new empty List.
    //    c. For each element name of exportedNames, do
    //       i. If phase is not defer or name is not "then", then
    //          1. Let resolution be module.ResolveExport(name).
    //          2. If resolution is a ResolvedBinding Record, append name to unambiguousNames.
    let mut resolved = Vec::new();
    let mut namespaces = Vec::new();
    {
        let mut g = graph.borrow_mut();
        for name in exported_names {
            if name.units() == JsStr::from("then").units() {
                continue;
            }
            if let Resolution::Resolved(b) = g.resolve_export(module, &name) {
                let target = match b.binding_name {
                    BindingName::Slot(slot) => ImportTarget::Binding {
                        env: g.get(b.module).env(),
                        slot,
                    },
                    BindingName::Namespace => {
                        namespaces.push((name.clone(), b.module, ImportPhase::Evaluation));
                        ImportTarget::Unlinked
                    }
                    BindingName::DeferredNamespace => {
                        namespaces.push((name.clone(), b.module, ImportPhase::Defer));
                        ImportTarget::Unlinked
                    }
                    BindingName::Source => source_target(&g, b.module),
                };
                resolved.push((name, target));
            }
        }
    }
    //    d. Set namespace to ModuleNamespaceCreate(module, unambiguousNames, phase).
    let deferred = DeferredModule {
        graph: std::rc::Rc::downgrade(graph),
        module,
    };
    let ns = module_namespace_create(agent, resolved, Some(deferred));
    // (ModuleNamespaceCreate step 10.a–b.) Assert: module.[[DeferredNamespace]]
    // is empty; set module.[[DeferredNamespace]] to M.
    graph.borrow_mut().get_mut(module).deferred_namespace = Some(ns.clone());
    for (name, dep, phase) in namespaces {
        let target = get_module_namespace_in_phase(agent, graph, dep, phase);
        fill(&ns, &name, target);
    }
    // 4. Return namespace.
    ns
}

/// ModuleNamespaceCreate ( module, exports ) —
/// <https://tc39.es/ecma262/#sec-modulenamespacecreate> (§10.4.6.12)
// Deviation: the caller does step 9 (Set module.[[Namespace]] to M), and
// step 1's Assert is its check that [[Namespace]] is empty. [[Module]] is
// not kept: the namespace holds each export's binding instead.
// Deviation: `deferred` is the phase (Some for defer, with [[Module]]).
fn module_namespace_create(
    agent: &mut Agent,
    mut exports: Vec<(JsStr, ImportTarget)>,
    deferred: Option<DeferredModule>,
) -> Gc<JsObject> {
    // 6. Let sortedExports be a List whose elements are the elements of exports,
    //    sorted according to lexicographic code unit order.
    exports.sort_by(|a, b| a.0.units().cmp(b.0.units()));
    let (names, targets): (Vec<JsStr>, Vec<ImportTarget>) = exports.into_iter().unzip();
    let names_copy = names.clone();
    // 2. Let internalSlotsList be the internal slots listed in Table "Internal Slots
    //    of Module Namespace Exotic Objects".
    // 3. Let M be MakeBasicObject(internalSlotsList).
    // 4. Set M's essential internal methods to the definitions specified in §10.4.6.
    // 5. Set M.[[Module]] to module.
    // 7. Set M.[[Exports]] to sortedExports.
    // (Exports are ordinary non-configurable data properties whose values are
    // read live through `ObjectData::live_value`; [[Prototype]] is null.)
    let ns = JsObject::with_kind(
        None,
        ObjectKind::Other(Box::new(ModuleNamespace {
            names,
            targets: GcCell::new(targets),
            deferred: deferred.clone(),
        })),
    );
    for name in names_copy {
        ns.ordinary_define_own_property(
            PropertyKey::from_string(name),
            PropertyDescriptor::data(
                Value::Undefined,
                Attributes {
                    writable: true,
                    enumerable: true,
                    configurable: false,
                },
            ),
        );
    }
    // (Deferring Module Evaluation:)
    // 9. If phase is defer, then … d. Let toStringTag be "Deferred Module".
    // 10. Else, … d. Let toStringTag be "Module".
    let to_string_tag = if deferred.is_some() {
        "Deferred Module"
    } else {
        "Module"
    };
    // 11. Create an own data property of M named %Symbol.toStringTag% whose
    //     [[Value]] is toStringTag and whose [[Writable]], [[Enumerable]], and
    //     [[Configurable]] attributes are false.
    let tag = agent.symbols.to_string_tag.clone();
    ns.define_own_property(
        PropertyKey::Symbol(tag),
        PropertyDescriptor::data(
            Value::String(JsStr::from(to_string_tag)),
            Attributes::default(),
        ),
    );
    ns.prevent_extensions();
    // 10. Return M.
    ns
}

//! Link and InnerModuleLinking (ECMA-262 §16.2.1.6.1.2–§16.2.1.6.1.2.1),
//! InitializeEnvironment (§16.2.1.7.3.1) and the Link ( ) of Synthetic
//! Module Records (§16.2.1.8.4.4).

use super::module_source::get_module_source;
use super::namespace::{get_module_namespace, get_module_namespace_in_phase};
use super::record::{
    BindingName, ImportName, ImportPhase, LocalBinding, ModuleBody, ModuleId, Resolution,
    SharedGraph, Status,
};
use super::trace::TraceEvent;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::ImportTarget;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// Link ( ) — <https://tc39.es/ecma262/#sec-moduledeclarationlinking>
/// (§16.2.1.6.1.2)
pub fn link(agent: &mut Agent, graph: &SharedGraph, module: ModuleId) -> JsResult<()> {
    // 1. Assert: module.[[Status]] is one of unlinked, linked, evaluating-async, or evaluated.
    debug_assert!(
        matches!(
            graph.borrow().get(module).status,
            Status::Unlinked | Status::Linked | Status::EvaluatingAsync | Status::Evaluated
        ),
        "Link step 1"
    );
    // 2. Let stack be a new empty List.
    let mut stack: Vec<ModuleId> = Vec::new();
    // 3. Let result be Completion(InnerModuleLinking(module, stack, 0)).
    let result = inner_module_linking(agent, graph, module, &mut stack);
    let mut g = graph.borrow_mut();
    // 4. If result is an abrupt completion, then
    if let Err(Throw(error)) = &result {
        if g.tracing() {
            let mut event = TraceEvent::new("Link", "4", module)
                .value("error", super::trace::describe_thrown(error));
            for m in &stack {
                event = event.write_to(*m, "[[Status]]", "unlinked");
            }
            g.trace(event);
        }
        // a. For each Cyclic Module Record m of stack, do
        for m in stack {
            let r = g.get_mut(m);
            // i. Assert: m.[[Status]] is linking.
            debug_assert_eq!(r.status, Status::Linking, "Link step 4.a.i");
            // ii. Set m.[[Status]] to unlinked.
            r.status = Status::Unlinked;
        }
        // b. Assert: module.[[Status]] is unlinked.
        debug_assert_eq!(g.get(module).status, Status::Unlinked, "Link step 4.b");
        // c. Return ? result.
        return result;
    }
    // 5. Assert: module.[[Status]] is one of linked, evaluating-async, or evaluated.
    debug_assert!(
        matches!(
            g.get(module).status,
            Status::Linked | Status::EvaluatingAsync | Status::Evaluated
        ),
        "Link step 5"
    );
    // 6. Assert: stack is empty.
    debug_assert!(stack.is_empty(), "Link step 6");
    // 7. Return unused.
    Ok(())
}

/// InnerModuleLinking ( module, stack, index ) —
/// <https://tc39.es/ecma262/#sec-InnerModuleLinking> (§16.2.1.6.1.2.1)
// Deviation: iterative. `frames` holds (module, next request) for the calls
// in progress; `enter` is steps 2–8 of a call, `after_child` is step 9.c for
// a call that returned, and the loop body is steps 9–13.
// Deviation: step 1 (a module that is not a Cyclic Module Record) never
// applies: synthetic modules are Cyclic Module Records here, and
// InitializeEnvironment does their Link ( ).
fn inner_module_linking(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
    stack: &mut Vec<ModuleId>,
) -> JsResult<()> {
    let mut index: u32 = 0;
    let mut frames: Vec<(ModuleId, usize)> = Vec::new();
    let enter =
        |graph: &SharedGraph, m: ModuleId, index: &mut u32, stack: &mut Vec<ModuleId>| -> bool {
            let mut g = graph.borrow_mut();
            let r = g.get_mut(m);
            // 2. If module.[[Status]] is one of linking, linked, evaluating-async,
            //    or evaluated, then
            //    a. Return index.
            if matches!(
                r.status,
                Status::Linking | Status::Linked | Status::EvaluatingAsync | Status::Evaluated
            ) {
                return false;
            }
            // 3. Assert: module.[[Status]] is unlinked.
            debug_assert_eq!(r.status, Status::Unlinked, "InnerModuleLinking step 3");
            if r.status != Status::Unlinked {
                return false;
            }
            // 4. Set module.[[Status]] to linking.
            r.status = Status::Linking;
            // 5. Set module.[[DFSIndex]] to index.
            r.dfs_index = Some(*index);
            // 6. Set module.[[DFSAncestorIndex]] to index.
            r.dfs_ancestor_index = Some(*index);
            // 7. Set index to index + 1.
            *index += 1;
            // 8. Append module to stack.
            stack.push(m);
            if g.tracing() {
                let line = format!(
                    "link {}: unlinked -> linking, DFSIndex {} DFSAncestorIndex {}",
                    g.label(m),
                    *index - 1,
                    *index - 1
                );
                g.trace(
                    TraceEvent::new("InnerModuleLinking", "4-8", m)
                        .write("[[Status]]", "linking")
                        .write("[[DFSIndex]]", *index - 1)
                        .write("[[DFSAncestorIndex]]", *index - 1)
                        .text(line),
                );
            }
            true
        };
    if enter(graph, module, &mut index, stack) {
        frames.push((module, 0));
    }
    while let Some(&mut (m, ref mut next)) = frames.last_mut() {
        // 9. For each ModuleRequest Record request of module.[[RequestedModules]], do
        //    a. Let requiredModule be GetImportedModule(module, request).
        let child = {
            let g = graph.borrow();
            let r = g.get(m);
            (*next < r.loaded_modules.len()).then(|| {
                // (Source Phase Imports:) If request.[[Phase]] is evaluation
                // (or defer: a deferred module is linked with its importer),
                // then … — a source phase request is not linked.
                let linked = r.requested_modules[*next].phase != ImportPhase::Source;
                linked.then(|| r.imported(*next))
            })
        };
        if let Some(required) = child {
            *next += 1;
            let Some(required) = required else {
                continue;
            };
            // b. Set index to ? InnerModuleLinking(requiredModule, stack, index).
            if enter(graph, required, &mut index, stack) {
                frames.push((required, 0));
            } else {
                after_child(graph, m, required, stack);
            }
            continue;
        }
        // 10. Perform ? module.InitializeEnvironment().
        initialize_environment(agent, graph, m)?;
        let mut g = graph.borrow_mut();
        let r = g.get(m);
        // 11. Assert: module occurs exactly once in stack.
        debug_assert_eq!(
            stack.iter().filter(|&&s| s == m).count(),
            1,
            "InnerModuleLinking step 11"
        );
        // 12. Assert: module.[[DFSAncestorIndex]] ≤ module.[[DFSIndex]].
        debug_assert!(
            r.dfs_ancestor_index <= r.dfs_index,
            "InnerModuleLinking step 12"
        );
        // 13. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
        if r.dfs_ancestor_index == r.dfs_index {
            // (The component's members are kept only for the trace.)
            let tracing = g.tracing();
            let mut component = Vec::new();
            // a. Let done be false.
            // b. Repeat, while done is false,
            //    i. Let requiredModule be the last element of stack.
            //    ii. Remove the last element of stack.
            while let Some(popped) = stack.pop() {
                // iii. Assert: requiredModule is a Cyclic Module Record.
                // iv. Set requiredModule.[[Status]] to linked.
                g.get_mut(popped).status = Status::Linked;
                if tracing {
                    component.push(popped);
                }
                // v. If requiredModule and module are the same Module Record, set done to true.
                if popped == m {
                    break;
                }
            }
            if tracing {
                let line = format!(
                    "link {}: pops {} -> linked",
                    g.label(m),
                    g.labels(&component)
                );
                let mut event = TraceEvent::new("InnerModuleLinking", "13.b", m);
                for popped in &component {
                    event = event.write_to(*popped, "[[Status]]", "linked");
                }
                g.trace(event.value("component", component).text(line));
            }
        }
        drop(g);
        // 14. Return index.
        frames.pop();
        if let Some(&(parent, _)) = frames.last() {
            after_child(graph, parent, m, stack);
        }
    }
    Ok(())
}

/// InnerModuleLinking step 9.c, for a call on `required` that returned to
/// the call on `module`.
fn after_child(graph: &SharedGraph, module: ModuleId, required: ModuleId, stack: &[ModuleId]) {
    let mut g = graph.borrow_mut();
    let req = g.get(required);
    // c. If requiredModule is a Cyclic Module Record, then
    // i. Assert: requiredModule.[[Status]] is one of linking, linked, evaluating-async,
    //    or evaluated.
    debug_assert!(
        matches!(
            req.status,
            Status::Linking | Status::Linked | Status::EvaluatingAsync | Status::Evaluated
        ),
        "InnerModuleLinking step 9.c.i"
    );
    // ii. Assert: requiredModule.[[Status]] is linking if and only if stack contains
    //     requiredModule.
    debug_assert_eq!(
        req.status == Status::Linking,
        stack.contains(&required),
        "InnerModuleLinking step 9.c.ii"
    );
    // iii. If requiredModule.[[Status]] is linking, then
    if req.status == Status::Linking {
        // 1. Set module.[[DFSAncestorIndex]] to min(module.[[DFSAncestorIndex]],
        //    requiredModule.[[DFSAncestorIndex]]).
        g.lower_dfs_ancestor_index(module, required, "link");
    }
}

/// InitializeEnvironment ( ) —
/// <https://tc39.es/ecma262/#sec-source-text-module-record-initialize-environment>
/// (§16.2.1.7.3.1)
// Deviation: steps 3–6 (NewModuleEnvironment) happen when the record is
// made: scope analysis gives every binding its slot, so the environment
// exists from parsing on. Steps 8–17 and 25 (the module's execution
// context) are not needed to instantiate declarations; ExecuteModule makes
// the context it runs in.
fn initialize_environment(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<()> {
    // Link ( ) of a Synthetic Module Record —
    // <https://tc39.es/ecma262/#sec-smr-Link> (§16.2.1.8.4.4)
    // Deviation: a synthetic module is linked as a Cyclic Module Record
    // whose InitializeEnvironment has nothing to do: its environment, one
    // binding per [[ExportNames]] entry initialised to undefined (steps 1–4),
    // was made with the record (CreateSyntheticModule in the host).
    if matches!(
        graph.borrow().get(module).body,
        ModuleBody::Synthetic { .. }
    ) {
        // 5. Return NormalCompletion(unused).
        return Ok(());
    }
    // 1. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    // (Entries are read one at a time: ResolveExport needs the graph.)
    let indirect_count = graph.borrow().get(module).indirect_export_entries.len();
    for i in 0..indirect_count {
        let e = graph.borrow().get(module).indirect_export_entries[i].clone();
        // a. Assert: e.[[ExportName]] is not null.
        let name = e
            .export_name
            .clone()
            .expect("InitializeEnvironment step 1.a: an indirect export has a name");
        // b. Let resolution be module.ResolveExport(e.[[ExportName]]).
        let resolution = graph.borrow_mut().resolve_export(module, &name);
        // c. If resolution is either null or ambiguous, throw a SyntaxError exception.
        // d. Assert: resolution is a ResolvedBinding Record.
        if resolution != Resolution::NotFound && resolution != Resolution::Ambiguous {
            continue;
        }
        let request = e.module_request.expect("indirect request");
        let specifier = graph.borrow().get(module).requested_modules[request]
            .specifier
            .clone();
        let import_name = match &e.import_name {
            Some(ImportName::Name(n)) => n.clone(),
            _ => name,
        };
        return Err(resolution_error(
            agent,
            &specifier,
            &import_name,
            resolution,
        ));
    }
    // 2. Assert: All named exports from module are resolvable.
    // 3. Let realm be module.[[Realm]].
    // 4. Assert: realm is not undefined.
    // 5. Let env be NewModuleEnvironment(realm.[[GlobalEnv]]).
    // 6. Set module.[[Environment]] to env.
    let env = graph.borrow().get(module).env();
    // 7. For each ImportEntry Record in of module.[[ImportEntries]], do
    let import_count = graph.borrow().get(module).import_entries.len();
    for i in 0..import_count {
        // a. Let importedModule be GetImportedModule(module, in.[[ModuleRequest]]).
        let (imported, import_name, local, request) = {
            let g = graph.borrow();
            let r = g.get(module);
            let ie = &r.import_entries[i];
            (
                r.imported(ie.module_request),
                ie.import_name.clone(),
                ie.local,
                ie.module_request,
            )
        };
        match &import_name {
            // b. If in.[[ImportName]] is namespace-object, then
            ImportName::NamespaceObject | ImportName::AllButDefault => {
                // i. Let namespace be GetModuleNamespace(importedModule,
                //    in.[[ModuleRequest]].[[Phase]]).
                let phase = graph.borrow().get(module).requested_modules[request].phase;
                let ns = get_module_namespace_in_phase(agent, graph, imported, phase);
                // ii. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                // iii. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                if let LocalBinding::Slot(slot) = local {
                    env.set(slot, Value::Object(ns));
                }
            }
            // (Source Phase Imports:) Else if in.[[ImportName]] is source, then
            ImportName::Source => {
                // 1. Let moduleSourceObject be importedModule.[[ModuleSource]].
                // 2. If moduleSourceObject is empty, throw a SyntaxError exception.
                let source = get_module_source(agent, graph, imported)?;
                // 3. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                // 4. Perform ! env.InitializeBinding(in.[[LocalName]], moduleSourceObject).
                if let LocalBinding::ImportIndex(i) = local {
                    env.imports.set(i as usize, ImportTarget::Namespace(source));
                }
            }
            // c. Else,
            ImportName::Name(import_name) => {
                // i. Let resolution be importedModule.ResolveExport(in.[[ImportName]]).
                let resolution = graph.borrow_mut().resolve_export(imported, import_name);
                // ii. If resolution is either null or ambiguous, throw a SyntaxError exception.
                let binding = match resolution {
                    Resolution::Resolved(b) => b,
                    other => {
                        let specifier = graph.borrow().get(module).requested_modules[request]
                            .specifier
                            .clone();
                        return Err(resolution_error(agent, &specifier, import_name, other));
                    }
                };
                let target = match binding.binding_name {
                    // iii. If resolution.[[BindingName]] is namespace, then
                    //      1. Let namespace be GetModuleNamespace(resolution.[[Module]]).
                    //      2. Perform ! env.CreateImmutableBinding(in.[[LocalName]], true).
                    //      3. Perform ! env.InitializeBinding(in.[[LocalName]], namespace).
                    BindingName::Namespace => {
                        ImportTarget::Namespace(get_module_namespace(agent, graph, binding.module))
                    }
                    // (Deferring Module Evaluation:) … or deferred-namespace:
                    //      GetModuleNamespace(resolution.[[Module]], defer).
                    BindingName::DeferredNamespace => {
                        ImportTarget::Namespace(get_module_namespace_in_phase(
                            agent,
                            graph,
                            binding.module,
                            ImportPhase::Defer,
                        ))
                    }
                    // (Source Phase Imports:) Else if resolution.[[BindingName]] is source,
                    //      1–2. Let moduleSourceObject be resolution.[[Module]].[[ModuleSource]];
                    //           if it is empty, throw a SyntaxError exception.
                    BindingName::Source => {
                        ImportTarget::Namespace(get_module_source(agent, graph, binding.module)?)
                    }
                    // iv. Else,
                    //     1. Perform CreateImportBinding(env, in.[[LocalName]],
                    //        resolution.[[Module]], resolution.[[BindingName]]).
                    BindingName::Slot(slot) => ImportTarget::Binding {
                        env: graph.borrow().get(binding.module).env(),
                        slot,
                    },
                };
                if let LocalBinding::ImportIndex(i) = local {
                    env.imports.set(i as usize, target);
                }
            }
        }
    }
    // 18–24. The var-scoped bindings (initialised to undefined) and the
    //        hoisted function declarations (InstantiateFunctionObject).
    let g = graph.borrow();
    if let ModuleBody::Source(code) = &g.get(module).body {
        agent.instantiate_module_declarations(code)?;
    }
    // 26. Return unused.
    Ok(())
}

/// The SyntaxError for an import that does not resolve, in V8's words.
fn resolution_error(
    agent: &mut Agent,
    specifier: &JsStr,
    name: &JsStr,
    resolution: Resolution,
) -> Throw {
    if resolution == Resolution::Ambiguous {
        agent.syntax_error(format!(
            "The requested module '{specifier}' contains conflicting star exports for name '{name}'"
        ))
    } else {
        agent.syntax_error(format!(
            "The requested module '{specifier}' does not provide an export named '{name}'"
        ))
    }
}

//! Link, InnerModuleLinking and InitializeEnvironment (ECMA-262
//! §16.2.1.5.2, §16.2.1.7.3.1).

use super::namespace::get_module_namespace;
use super::record::{
    BindingName, ImportName, LocalBinding, ModuleBody, ModuleId, Resolution, SharedGraph, Status,
};
use crate::interp::agent::{Agent, JsResult, Throw};
use crate::interp::environment::ImportTarget;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// Link ( ) — <https://tc39.es/ecma262/#sec-moduledeclarationlinking>
pub fn link(agent: &mut Agent, graph: &SharedGraph, module: ModuleId) -> JsResult<()> {
    // 2. Let stack be a new empty List.
    let mut stack: Vec<ModuleId> = Vec::new();
    // 3. Let result be Completion(InnerModuleLinking(module, stack, 0)).
    let result = inner_module_linking(agent, graph, module, &mut stack);
    // 4. If result is an abrupt completion, then
    if result.is_err() {
        // a. For each Cyclic Module Record m of stack: set m.[[Status]] to unlinked.
        let mut g = graph.borrow_mut();
        for m in stack {
            g.get_mut(m).status = Status::Unlinked;
        }
    }
    result
}

/// InnerModuleLinking ( module, stack, index ) —
/// <https://tc39.es/ecma262/#sec-InnerModuleLinking>
// Deviation: iterative; `frames` holds (module, next request) for the
// calls in progress, and a child's return runs step 9.b's update.
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
            //    or evaluated, return index.
            if r.status != Status::Unlinked {
                return false;
            }
            // 4. Set module.[[Status]] to linking.
            r.status = Status::Linking;
            // 5–7. [[DFSIndex]] and [[DFSAncestorIndex]] to index; index + 1.
            r.dfs_index = Some(*index);
            r.dfs_ancestor_index = Some(*index);
            *index += 1;
            // 8. Append module to stack.
            stack.push(m);
            if g.tracing() {
                g.trace_line(format!(
                    "link {}: unlinked -> linking, DFSIndex {} DFSAncestorIndex {}",
                    g.label(m),
                    *index - 1,
                    *index - 1
                ));
            }
            true
        };
    if enter(graph, module, &mut index, stack) {
        frames.push((module, 0));
    }
    while let Some(&mut (m, ref mut next)) = frames.last_mut() {
        // 9. For each String required of module.[[RequestedModules]], do
        let child = {
            let g = graph.borrow();
            let r = g.get(m);
            let child = r.loaded_modules.get(*next).map(|c| c.expect("loaded"));
            child
        };
        if let Some(required) = child {
            *next += 1;
            // a. Let requiredModule be GetImportedModule(module, required).
            // b. Set index to ? InnerModuleLinking(requiredModule, stack, index).
            if enter(graph, required, &mut index, stack) {
                frames.push((required, 0));
            } else {
                after_child(graph, m, required);
            }
            continue;
        }
        // 10. Perform ? module.InitializeEnvironment().
        initialize_environment(agent, graph, m)?;
        // 13. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
        let mut g = graph.borrow_mut();
        let r = g.get(m);
        if r.dfs_ancestor_index == r.dfs_index {
            // a–b. Repeat, while done is false: pop requiredModule, set its
            //      [[Status]] to linked; done is requiredModule = module.
            // (The component's members are kept only for the trace.)
            let tracing = g.tracing();
            let mut component = Vec::new();
            while let Some(popped) = stack.pop() {
                g.get_mut(popped).status = Status::Linked;
                if tracing {
                    component.push(popped);
                }
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
                g.trace_line(line);
            }
        }
        drop(g);
        frames.pop();
        if let Some(&(parent, _)) = frames.last() {
            after_child(graph, parent, m);
        }
    }
    Ok(())
}

/// InnerModuleLinking step 9.c: if requiredModule.[[Status]] is linking, set
/// module.[[DFSAncestorIndex]] to min(it, requiredModule.[[DFSAncestorIndex]]).
fn after_child(graph: &SharedGraph, module: ModuleId, required: ModuleId) {
    let mut g = graph.borrow_mut();
    let req = g.get(required);
    if req.status == Status::Linking {
        let a = req.dfs_ancestor_index;
        let r = g.get_mut(module);
        let before = r.dfs_ancestor_index;
        r.dfs_ancestor_index = before.min(a);
        if g.tracing() && a < before {
            let line = format!(
                "link {}: DFSAncestorIndex {} (from {})",
                g.label(module),
                a.unwrap_or(0),
                g.label(required)
            );
            g.trace_line(line);
        }
    }
}

/// InitializeEnvironment ( ) — <https://tc39.es/ecma262/#sec-source-text-module-record-initialize-environment>
fn initialize_environment(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<()> {
    if matches!(
        graph.borrow().get(module).body,
        ModuleBody::Synthetic { .. }
    ) {
        return Ok(());
    }
    // 1. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
    // (Entries are read one at a time: ResolveExport needs the graph.)
    let indirect_count = graph.borrow().get(module).indirect_export_entries.len();
    for i in 0..indirect_count {
        let e = graph.borrow().get(module).indirect_export_entries[i].clone();
        let name = e.export_name.clone().expect("indirect export name");
        // b. Let resolution be module.ResolveExport(e.[[ExportName]]).
        let resolution = graph.borrow_mut().resolve_export(module, &name);
        // c. If resolution is either null or ambiguous, throw a SyntaxError exception.
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
    // 7–8. (The environment exists since parsing.) For each ImportEntry in of
    //      module.[[ImportEntries]], do
    let env = graph.borrow().get(module).env();
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
                // i. Let namespace be GetModuleNamespace(importedModule).
                let ns = get_module_namespace(agent, graph, imported);
                // ii–iii. CreateImmutableBinding + InitializeBinding(in.[[LocalName]], namespace).
                if let LocalBinding::Slot(slot) = local {
                    env.set(slot, Value::Object(ns));
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
                    //      CreateImmutableBinding + InitializeBinding to GetModuleNamespace.
                    BindingName::Namespace => {
                        ImportTarget::Namespace(get_module_namespace(agent, graph, binding.module))
                    }
                    // iv. Else, CreateImportBinding(in.[[LocalName]], resolution.[[Module]],
                    //     resolution.[[BindingName]]).
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
    // 21–24. Var and hoisted function bindings.
    let g = graph.borrow();
    if let ModuleBody::Source(code) = &g.get(module).body {
        agent.instantiate_module_declarations(code)?;
    }
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

//! LoadRequestedModules, InnerModuleLoading, HostLoadImportedModule and
//! FinishLoadingImportedModule (ECMA-262 §16.2.1.5.1, §16.2.1.10–11).

use rustc_hash::FxHashSet as HashSet;

use super::record::{ModuleId, ModuleRequest, SharedGraph, Status};
use crate::interp::agent::{Agent, JsResult};

/// The host side of module loading (HostLoadImportedModule).
pub trait ModuleHost {
    /// The agent's module records.
    fn graph(&self) -> SharedGraph;

    /// HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) —
    /// <https://tc39.es/ecma262/#sec-HostLoadImportedModule>
    /// Deviation: synchronous; returns what it would pass to
    /// FinishLoadingImportedModule (the same module for the same request).
    fn load_imported_module(
        &self,
        agent: &mut Agent,
        referrer: Option<ModuleId>,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId>;
}

/// LoadRequestedModules ( [ hostDefined ] ) —
/// <https://tc39.es/ecma262/#sec-LoadRequestedModules>
/// Deviation: the host loads synchronously, so the GraphLoadingState's
/// promise is replaced by the completion (callers wrap it in a promise
/// where the spec exposes one).
pub fn load_requested_modules(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    module: ModuleId,
) -> JsResult<()> {
    let graph = host.graph();
    // 2. Let state be the GraphLoadingState Record { [[IsLoading]]: true,
    //    [[PendingModulesCount]]: 1, [[Visited]]: « », … }.
    let mut visited: Vec<ModuleId> = Vec::new();
    let mut visited_set: HashSet<ModuleId> = HashSet::default();
    // 3. Perform InnerModuleLoading(state, module).
    inner_module_loading(agent, host, &graph, module, &mut visited, &mut visited_set)?;
    // ContinueModuleLoading 2.a (PendingModulesCount reached 0):
    //   For each Cyclic Module Record loaded of state.[[Visited]], if
    //   loaded.[[Status]] is new, set loaded.[[Status]] to unlinked.
    let mut g = graph.borrow_mut();
    for m in visited {
        let record = g.get_mut(m);
        if record.status == Status::New {
            record.status = Status::Unlinked;
        }
    }
    Ok(())
}

/// InnerModuleLoading ( state, module ) —
/// <https://tc39.es/ecma262/#sec-InnerModuleLoading>
// Deviation: iterative (a work stack of modules to visit).
fn inner_module_loading(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    graph: &SharedGraph,
    module: ModuleId,
    visited: &mut Vec<ModuleId>,
    visited_set: &mut HashSet<ModuleId>,
) -> JsResult<()> {
    let mut work = vec![module];
    while let Some(m) = work.pop() {
        // 1. If module is a Cyclic Module Record, module.[[Status]] is new,
        //    and state.[[Visited]] does not contain module, then
        let (status, requests) = {
            let g = graph.borrow();
            let r = g.get(m);
            (r.status, r.requested_modules.len())
        };
        if status != Status::New || !visited_set.insert(m) {
            continue;
        }
        // a. Append module to state.[[Visited]].
        visited.push(m);
        // c. For each ModuleRequest Record request of module.[[RequestedModules]], do
        let mut loaded_now = Vec::with_capacity(requests);
        for i in 0..requests {
            let (request, loaded) = {
                let g = graph.borrow();
                let r = g.get(m);
                (r.requested_modules[i].clone(), r.loaded_modules[i])
            };
            // ii. Else if module.[[LoadedModules]] contains a LoadedModuleRequest
            //     Record record such that ModuleRequestsEqual(record, request) is
            //     true, then perform InnerModuleLoading(state, record.[[Module]]).
            // iii. Else, perform HostLoadImportedModule(module, request, …).
            let target = match loaded {
                Some(t) => t,
                None => {
                    let t = host.load_imported_module(agent, Some(m), &request)?;
                    finish_loading_imported_module(graph, m, i, t);
                    t
                }
            };
            loaded_now.push(target);
        }
        // Visit in request order: the first request is popped first.
        work.extend(loaded_now.into_iter().rev());
    }
    Ok(())
}

/// FinishLoadingImportedModule ( referrer, moduleRequest, payload, result ) —
/// <https://tc39.es/ecma262/#sec-FinishLoadingImportedModule>
/// 1.a–b. Record the loaded module in referrer.[[LoadedModules]] (the same
/// request always gets the same module).
pub fn finish_loading_imported_module(
    graph: &SharedGraph,
    referrer: ModuleId,
    request: usize,
    module: ModuleId,
) {
    let mut g = graph.borrow_mut();
    let slot = &mut g.get_mut(referrer).loaded_modules[request];
    if slot.is_none() {
        *slot = Some(module);
    }
}

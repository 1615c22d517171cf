//! LoadRequestedModules, InnerModuleLoading, HostLoadImportedModule and
//! FinishLoadingImportedModule (ECMA-262 §16.2.1.5.1, §16.2.1.10–11).

use rustc_hash::FxHashSet as HashSet;
use std::collections::VecDeque;

use super::record::{ModuleId, ModuleRequest, SharedGraph, Status};
use crate::interp::agent::{Agent, JsResult};

/// What HostLoadImportedModule did with a request.
pub enum HostLoad {
    /// Finished at once (FinishLoadingImportedModule was called).
    Finished(JsResult<ModuleId>),
    /// Under way: the loader asks for the result later
    /// ([`ModuleHost::finish_load`]), in the order the loads were started.
    Started,
}

/// The host side of module loading (HostLoadImportedModule).
pub trait ModuleHost {
    /// The agent's module records.
    fn graph(&self) -> SharedGraph;

    /// HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) —
    /// <https://tc39.es/ecma262/#sec-HostLoadImportedModule>, done at once:
    /// returns what it passes to FinishLoadingImportedModule (the same
    /// module for the same request).
    fn load_imported_module(
        &self,
        agent: &mut Agent,
        referrer: Option<ModuleId>,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId>;

    /// HostLoadImportedModule as LoadRequestedModules calls it: a host may
    /// start the load and finish it later (the spec lets hosts load
    /// asynchronously). By default it finishes at once.
    fn start_load(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> HostLoad {
        HostLoad::Finished(self.load_imported_module(agent, Some(referrer), request))
    }

    /// The result of a load [`ModuleHost::start_load`] left under way
    /// (waiting for it if need be).
    fn finish_load(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        self.load_imported_module(agent, Some(referrer), request)
    }
}

/// GraphLoadingState Record ([[IsLoading]] is the caller's control flow;
/// [[PromiseCapability]] is the caller's completion).
#[derive(Default)]
struct GraphLoadingState {
    /// [[Visited]]
    visited: Vec<ModuleId>,
    visited_set: HashSet<ModuleId>,
    /// The loads under way ([[PendingModulesCount]] is their number, plus
    /// one while InnerModuleLoading runs): (referrer, request index), in
    /// the order they started.
    pending: VecDeque<(ModuleId, usize)>,
}

/// LoadRequestedModules ( [ hostDefined ] ) —
/// <https://tc39.es/ecma262/#sec-LoadRequestedModules>
/// Deviation: the GraphLoadingState's promise is replaced by the
/// completion (callers wrap it in a promise where the spec exposes one);
/// the loads a host leaves under way are finished here, in the order they
/// started, so the graph is loaded when this returns.
pub fn load_requested_modules(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    module: ModuleId,
) -> JsResult<()> {
    let graph = host.graph();
    // 2. Let state be the GraphLoadingState Record { [[IsLoading]]: true,
    //    [[PendingModulesCount]]: 1, [[Visited]]: « », … }.
    let mut state = GraphLoadingState::default();
    // 3. Perform InnerModuleLoading(state, module).
    inner_module_loading(agent, host, &graph, module, &mut state)?;
    // The host's FinishLoadingImportedModule calls for loads under way.
    while let Some((referrer, index)) = state.pending.pop_front() {
        let request = graph.borrow().get(referrer).requested_modules[index].clone();
        // ContinueModuleLoading ( state, moduleCompletion ) —
        // 3. If moduleCompletion is an abrupt completion: [[IsLoading]] to
        //    false, reject (here: return the error).
        let loaded = host.finish_load(agent, referrer, &request)?;
        finish_loading_imported_module(&graph, referrer, index, loaded);
        // 2. (normal completion) Perform InnerModuleLoading(state, moduleCompletion.[[Value]]).
        inner_module_loading(agent, host, &graph, loaded, &mut state)?;
    }
    // InnerModuleLoading 4 (PendingModulesCount reached 0):
    //   For each Cyclic Module Record loaded of state.[[Visited]], if
    //   loaded.[[Status]] is new, set loaded.[[Status]] to unlinked.
    let mut g = graph.borrow_mut();
    for m in state.visited {
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
    state: &mut GraphLoadingState,
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
        if status != Status::New || !state.visited_set.insert(m) {
            continue;
        }
        // a. Append module to state.[[Visited]].
        state.visited.push(m);
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
                None => match host.start_load(agent, m, &request) {
                    HostLoad::Finished(result) => {
                        let t = result?;
                        finish_loading_imported_module(graph, m, i, t);
                        t
                    }
                    HostLoad::Started => {
                        state.pending.push_back((m, i));
                        continue;
                    }
                },
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

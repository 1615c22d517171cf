//! LoadRequestedModules, InnerModuleLoading and ContinueModuleLoading
//! (ECMA-262 §16.2.1.6.1.1–§16.2.1.6.1.1.2), HostLoadImportedModule and
//! FinishLoadingImportedModule (§16.2.1.10–11).

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
    /// <https://tc39.es/ecma262/#sec-HostLoadImportedModule> (§16.2.1.10),
    /// done at once: returns the result it passes to
    /// FinishLoadingImportedModule (the same module for the same request).
    ///
    /// Deviation: AllImportAttributesSupported (§16.2.1.12) is the host's
    /// (InnerModuleLoading step 2.d.i does not call it): the file host
    /// rejects an unsupported attribute here with Node's TypeError
    /// (`ERR_IMPORT_ATTRIBUTE_UNSUPPORTED`), not the spec's SyntaxError,
    /// as Node does.
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

/// GraphLoadingState Record (§16.2.1.6, Table "GraphLoadingState Record
/// Fields").
// Deviation: [[IsLoading]] is the loader's control flow (it stops at the
// first error), [[PromiseCapability]] is the caller's completion, and
// [[HostDefined]] is the host's own state.
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
/// <https://tc39.es/ecma262/#sec-LoadRequestedModules> (§16.2.1.6.1.1)
// Deviation: the promise of steps 2 and 5 is replaced by the completion
// (callers wrap it in a promise where the spec exposes one); the loads a
// host leaves under way are finished here, in the order they started
// (ContinueModuleLoading for each), so the graph is loaded when this
// returns.
pub fn load_requested_modules(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    module: ModuleId,
) -> JsResult<()> {
    let graph = host.graph();
    // 1. If hostDefined is not present, let hostDefined be empty.
    // 2. Let pc be ! NewPromiseCapability(%Promise%).
    // 3. Let state be the GraphLoadingState Record { [[IsLoading]]: true,
    //    [[PendingModulesCount]]: 1, [[Visited]]: « », [[PromiseCapability]]: pc,
    //    [[HostDefined]]: hostDefined }.
    let mut state = GraphLoadingState::default();
    // 4. Perform InnerModuleLoading(state, module).
    inner_module_loading(agent, host, &graph, module, &mut state)?;
    // The host's FinishLoadingImportedModule calls for loads under way
    // (FinishLoadingImportedModule step 2: ContinueModuleLoading).
    while let Some((referrer, index)) = state.pending.pop_front() {
        let request = graph.borrow().get(referrer).requested_modules[index].clone();
        // ContinueModuleLoading ( state, moduleCompletion ) —
        // <https://tc39.es/ecma262/#sec-ContinueModuleLoading> (§16.2.1.6.1.1.2)
        // 1. If state.[[IsLoading]] is false, return unused.
        // 3. Else (moduleCompletion is a throw completion),
        //    a. Set state.[[IsLoading]] to false.
        //    b. Perform ! Call(state.[[PromiseCapability]].[[Reject]], undefined,
        //       « moduleCompletion.[[Value]] »).
        //    (Here: return the error; the loads still pending are abandoned.)
        let loaded = host.finish_load(agent, referrer, &request)?;
        finish_loading_imported_module(&graph, referrer, index, loaded);
        // 2. If moduleCompletion is a normal completion, then
        //    a. Perform InnerModuleLoading(state, moduleCompletion.[[Value]]).
        inner_module_loading(agent, host, &graph, loaded, &mut state)?;
    }
    // InnerModuleLoading step 5 (state.[[PendingModulesCount]] = 0):
    //   a. Set state.[[IsLoading]] to false.
    //   b. For each Cyclic Module Record loaded of state.[[Visited]], do
    //      i. If loaded.[[Status]] is new, set loaded.[[Status]] to unlinked.
    //   c. Perform ! Call(state.[[PromiseCapability]].[[Resolve]], undefined, « undefined »).
    //      (Here: return normally.)
    let mut g = graph.borrow_mut();
    for m in state.visited {
        let record = g.get_mut(m);
        if record.status == Status::New {
            record.status = Status::Unlinked;
        }
    }
    // LoadRequestedModules step 5. Return pc.[[Promise]].
    Ok(())
}

/// InnerModuleLoading ( state, module ) —
/// <https://tc39.es/ecma262/#sec-InnerModuleLoading> (§16.2.1.6.1.1.1)
// Deviation: iterative (a work stack of modules to visit), and the host
// calls go breadth-first: every request of a module goes to the host
// (step 2.d.iii) before any module loaded for it is visited (step 2.d.ii,
// or ContinueModuleLoading's InnerModuleLoading for a load the host
// finishes at once), and the loads a host leaves under way finish in the
// order they started. The spec visits each loaded module as soon as it is
// known (depth-first host calls for a synchronous host). Breadth-first lets
// the file host start reading and parsing all of a module's imports on
// worker threads before the loader needs the first; the same graph loads
// the same modules, and the order stays deterministic (module ids, the
// trace, and which of several load errors is reported are the same on
// every run).
// Deviation: [[PendingModulesCount]] (steps 2.c, 3–4) is the length of
// `state.pending`; step 5 is the end of `load_requested_modules`.
fn inner_module_loading(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    graph: &SharedGraph,
    module: ModuleId,
    state: &mut GraphLoadingState,
) -> JsResult<()> {
    // 1. Assert: state.[[IsLoading]] is true.
    //    (An error returns from the loader at once, so it always is here.)
    let mut work = vec![module];
    while let Some(m) = work.pop() {
        // 2. If module is a Cyclic Module Record, module.[[Status]] is new,
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
        // b. Let requestedModulesCount be the number of elements in module.[[RequestedModules]].
        // c. Set state.[[PendingModulesCount]] to state.[[PendingModulesCount]] + requestedModulesCount.
        // d. For each ModuleRequest Record request of module.[[RequestedModules]], do
        let mut loaded_now = Vec::with_capacity(requests);
        for i in 0..requests {
            let (request, loaded) = {
                let g = graph.borrow();
                let r = g.get(m);
                (r.requested_modules[i].clone(), r.loaded_modules[i])
            };
            // i. If AllImportAttributesSupported(request.[[Attributes]]) is false, then
            //    (Deviation: the host's, see ModuleHost::load_imported_module.)
            let target = match loaded {
                // ii. Else if module.[[LoadedModules]] contains a LoadedModuleRequest
                //     Record record such that ModuleRequestsEqual(record, request) is
                //     true, then
                //     1. Perform InnerModuleLoading(state, record.[[Module]]).
                Some(t) => t,
                // iii. Else,
                //      1. Perform HostLoadImportedModule(module, request,
                //         state.[[HostDefined]], state).
                None => match host.start_load(agent, m, &request) {
                    // (FinishLoadingImportedModule at once; an error is
                    // ContinueModuleLoading step 3 and, iv., the end of loading.)
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
    // 6. Return unused.
    Ok(())
}

/// FinishLoadingImportedModule ( referrer, moduleRequest, payload, result ) —
/// <https://tc39.es/ecma262/#sec-FinishLoadingImportedModule> (§16.2.1.11),
/// for a normal completion: step 1 (steps 2–3, continuing the loading or
/// the dynamic import, are the caller's).
pub fn finish_loading_imported_module(
    graph: &SharedGraph,
    referrer: ModuleId,
    request: usize,
    module: ModuleId,
) {
    let mut g = graph.borrow_mut();
    let slot = &mut g.get_mut(referrer).loaded_modules[request];
    match slot {
        // a. If referrer.[[LoadedModules]] contains a LoadedModuleRequest Record
        //    record such that ModuleRequestsEqual(record, moduleRequest) is true, then
        //    i. Assert: record.[[Module]] and result.[[Value]] are the same Module Record.
        Some(existing) => {
            debug_assert_eq!(*existing, module, "FinishLoadingImportedModule step 1.a.i")
        }
        // b. Else,
        //    i. Append the LoadedModuleRequest Record { [[Specifier]]: moduleRequest.[[Specifier]],
        //       [[Attributes]]: moduleRequest.[[Attributes]], [[Module]]: result.[[Value]] }
        //       to referrer.[[LoadedModules]].
        None => *slot = Some(module),
    }
}

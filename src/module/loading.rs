//! LoadRequestedModules, InnerModuleLoading and ContinueModuleLoading
//! (ECMA-262 §16.2.1.6.1.1–§16.2.1.6.1.1.2), HostLoadImportedModule and
//! FinishLoadingImportedModule (§16.2.1.10–11).
//!
//! Every host loads through these functions: the file host (whose loads
//! finish on worker threads), `node:vm` (whose linker answered every request
//! before), and the Rust API (whose linker closure answers each request as
//! the loading process reaches it, between the steps of [`GraphLoadingState`]).

use rustc_hash::FxHashSet as HashSet;
use std::collections::VecDeque;

use super::record::{ImportPhase, ModuleId, ModuleRequest, SharedGraph, Status};
use super::trace::{describe_thrown, TraceEvent};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;

/// What HostLoadImportedModule did with a request.
pub enum HostLoad {
    /// Finished at once (FinishLoadingImportedModule was called).
    Finished(JsResult<ModuleId>),
    /// Under way: whoever drives the [`GraphLoadingState`] finishes it
    /// later with [`GraphLoadingState::continue_module_loading`], in the
    /// order the loads were started.
    Started,
}

/// The host side of module loading (HostLoadImportedModule).
pub trait ModuleHost {
    /// The agent's module records.
    fn graph(&self) -> SharedGraph;

    /// HostLoadImportedModule ( referrer, moduleRequest, hostDefined, payload ) —
    /// <https://tc39.es/ecma262/#sec-HostLoadImportedModule> (§16.2.1.10):
    /// finishes the load now, or starts it and leaves it under way. The
    /// same request of the same referrer must always give the same module.
    ///
    /// Deviation: AllImportAttributesSupported (§16.2.1.12) is the host's
    /// (InnerModuleLoading step 2.d.i does not call it): the file host
    /// rejects an unsupported attribute here with Node's TypeError
    /// (`ERR_IMPORT_ATTRIBUTE_UNSUPPORTED`), not the spec's SyntaxError,
    /// as Node does.
    fn load_imported_module(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> HostLoad;

    /// The result of a load [`ModuleHost::load_imported_module`] left under
    /// way (waiting for it if need be), for [`load_requested_modules`]. A
    /// host that leaves loads under way either answers here or drives the
    /// [`GraphLoadingState`] itself.
    fn finish_load(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId>;
}

/// The module graph of the host installed on `agent` (what it registers
/// through [`HostHooks::host_defined`]), for the module algorithms' promise
/// reactions and for `node:vm`.
///
/// [`HostHooks::host_defined`]: crate::interp::agent::HostHooks::host_defined
pub fn registered_graph(agent: &Agent) -> Option<SharedGraph> {
    let defined = agent.host.as_ref()?.host_defined()?;
    defined
        .downcast::<std::cell::RefCell<super::record::ModuleGraph>>()
        .ok()
}

/// GraphLoadingState Record (§16.2.1.6, Table "GraphLoadingState Record
/// Fields").
// Deviation: [[IsLoading]] is whether the state is still held (the first
// error ends the loading); [[PendingModulesCount]] is the number of loads
// under way; [[PromiseCapability]] is the caller's completion, and
// [[HostDefined]] is the host's own state.
pub struct GraphLoadingState {
    graph: SharedGraph,
    /// [[Visited]]
    visited: Vec<ModuleId>,
    visited_set: HashSet<ModuleId>,
    /// The loads under way: (referrer, index into its [[RequestedModules]]),
    /// in the order they started.
    pending: VecDeque<(ModuleId, usize)>,
}

/// A load HostLoadImportedModule left under way.
pub struct PendingLoad {
    /// The module whose request it is.
    pub referrer: ModuleId,
    /// The request's index in the referrer's [[RequestedModules]].
    index: usize,
    pub request: ModuleRequest,
}

/// LoadRequestedModules ( [ hostDefined ] ) —
/// <https://tc39.es/ecma262/#sec-LoadRequestedModules> (§16.2.1.6.1.1), for
/// a host that answers every load through [`ModuleHost::finish_load`].
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
    let mut state = GraphLoadingState::start(agent, host, module)?;
    // The host's FinishLoadingImportedModule calls for loads under way
    // (FinishLoadingImportedModule step 2: ContinueModuleLoading).
    while let Some(load) = state.next_pending() {
        let completion = host.finish_load(agent, load.referrer, &load.request);
        state.continue_module_loading(agent, host, &load, completion)?;
    }
    state.finish();
    // 5. Return pc.[[Promise]] (here: return normally).
    Ok(())
}

impl GraphLoadingState {
    /// LoadRequestedModules steps 3–4: the state, and InnerModuleLoading of
    /// `module` (loads the host finishes at once are followed now; the
    /// others wait in [`GraphLoadingState::next_pending`]).
    pub fn start(
        agent: &mut Agent,
        host: &dyn ModuleHost,
        module: ModuleId,
    ) -> JsResult<GraphLoadingState> {
        // 1. If hostDefined is not present, let hostDefined be empty.
        // 2. Let pc be ! NewPromiseCapability(%Promise%).
        // 3. Let state be the GraphLoadingState Record { [[IsLoading]]: true,
        //    [[PendingModulesCount]]: 1, [[Visited]]: « », [[PromiseCapability]]: pc,
        //    [[HostDefined]]: hostDefined }.
        let mut state = GraphLoadingState {
            graph: host.graph(),
            visited: Vec::new(),
            visited_set: HashSet::default(),
            pending: VecDeque::new(),
        };
        // 4. Perform InnerModuleLoading(state, module).
        state.inner_module_loading(agent, host, module)?;
        Ok(state)
    }

    /// The oldest load under way, taken off the list: the caller finishes
    /// it with [`GraphLoadingState::continue_module_loading`].
    pub fn next_pending(&mut self) -> Option<PendingLoad> {
        let (referrer, index) = self.pending.pop_front()?;
        let request = self.graph.borrow().get(referrer).requested_modules[index].clone();
        Some(PendingLoad {
            referrer,
            index,
            request,
        })
    }

    /// FinishLoadingImportedModule ( referrer, moduleRequest, payload, result )
    /// then ContinueModuleLoading ( state, moduleCompletion ) —
    /// <https://tc39.es/ecma262/#sec-ContinueModuleLoading> (§16.2.1.6.1.1.2)
    /// — for a load [`GraphLoadingState::next_pending`] gave.
    pub fn continue_module_loading(
        &mut self,
        agent: &mut Agent,
        host: &dyn ModuleHost,
        load: &PendingLoad,
        module_completion: JsResult<ModuleId>,
    ) -> JsResult<()> {
        // 1. If state.[[IsLoading]] is false, return unused (an error has
        //    ended the loading: the caller holds no state any more).
        // 3. Else (moduleCompletion is a throw completion),
        //    a. Set state.[[IsLoading]] to false.
        //    b. Perform ! Call(state.[[PromiseCapability]].[[Reject]], undefined,
        //       « moduleCompletion.[[Value]] »).
        //    (Here: return the error; the loads still pending are abandoned.)
        let loaded = module_completion
            .inspect_err(|e| trace_load_error(&self.graph, load.referrer, &load.request, &e.0))?;
        finish_loading_imported_module(&self.graph, load.referrer, load.index, loaded);
        // 2. If moduleCompletion is a normal completion, then
        //    a. (Source Phase Imports:) If phase is source, let loadType be
        //       single; else let loadType be recursive-load.
        //    b. Perform InnerModuleLoading(state, moduleCompletion.[[Value]], loadType).
        if load.request.phase == ImportPhase::Source {
            self.trace_single_load(load.referrer, loaded);
            return Ok(());
        }
        self.inner_module_loading(agent, host, loaded)
    }

    /// InnerModuleLoading step 5, once no load is under way
    /// (state.[[PendingModulesCount]] = 0): every module visited that is
    /// still new becomes unlinked.
    pub fn finish(self) {
        debug_assert!(self.pending.is_empty(), "every load has finished");
        // 5. If state.[[PendingModulesCount]] = 0, then
        //    a. Set state.[[IsLoading]] to false.
        //    b. For each Cyclic Module Record loaded of state.[[Visited]], do
        //       i. If loaded.[[Status]] is new, set loaded.[[Status]] to unlinked.
        //    c. Perform ! Call(state.[[PromiseCapability]].[[Resolve]], undefined,
        //       « undefined ») (here: the caller returns normally).
        let mut g = self.graph.borrow_mut();
        if g.tracing() {
            if let Some(&first) = self.visited.first() {
                let mut event = TraceEvent::new("InnerModuleLoading", "5", first);
                for &m in &self.visited {
                    if g.get(m).status == Status::New {
                        event = event.write_to(m, "[[Status]]", "unlinked");
                    }
                }
                g.trace(event.value("[[Visited]]", self.visited.clone()));
            }
        }
        for m in self.visited {
            let record = g.get_mut(m);
            if record.status == Status::New {
                record.status = Status::Unlinked;
            }
        }
    }

    /// The trace line of InnerModuleLoading with loadType single.
    fn trace_single_load(&self, referrer: ModuleId, module: ModuleId) {
        let g = self.graph.borrow();
        if g.tracing() {
            g.trace_line(format!(
                "load {}: source phase {} (its imports are not loaded)",
                g.label(referrer),
                g.label(module)
            ));
        }
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
    // `pending`; step 5 is `finish`.
    fn inner_module_loading(
        &mut self,
        agent: &mut Agent,
        host: &dyn ModuleHost,
        module: ModuleId,
    ) -> JsResult<()> {
        // 1. Assert: state.[[IsLoading]] is true.
        //    (An error returns from the loader at once, so it always is here.)
        let graph = self.graph.clone();
        let mut work = vec![module];
        while let Some(m) = work.pop() {
            // 2. If module is a Cyclic Module Record, module.[[Status]] is new,
            //    and state.[[Visited]] does not contain module, then
            let (status, requests) = {
                let g = graph.borrow();
                let r = g.get(m);
                (r.status, r.requested_modules.len())
            };
            if status != Status::New || !self.visited_set.insert(m) {
                continue;
            }
            // a. Append module to state.[[Visited]].
            self.visited.push(m);
            {
                let g = graph.borrow();
                if g.tracing() {
                    let event = TraceEvent::new("InnerModuleLoading", "2.a-d", m)
                        .value("requestedModulesCount", requests);
                    g.trace(event);
                }
            }
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
                    // ii. Else if module.[[LoadedModules]] contains a
                    //     LoadedModuleRequest Record record such that
                    //     ModuleRequestsEqual(record, request) is true, then
                    //     1. Perform InnerModuleLoading(state, record.[[Module]]).
                    Some(t) => t,
                    // iii. Else,
                    //      1. Perform HostLoadImportedModule(module, request,
                    //         state.[[HostDefined]], state).
                    None => match host.load_imported_module(agent, m, &request) {
                        HostLoad::Finished(result) => {
                            // iv. If state.[[IsLoading]] is false (the load
                            //     failed), return.
                            let t = result
                                .inspect_err(|e| trace_load_error(&graph, m, &request, &e.0))?;
                            finish_loading_imported_module(&graph, m, i, t);
                            t
                        }
                        HostLoad::Started => {
                            self.pending.push_back((m, i));
                            continue;
                        }
                    },
                };
                // (Source Phase Imports:) If required.[[Phase]] is source, let
                // innerLoadType be single (InnerModuleLoading of a single load
                // does not visit the module's own requests).
                if request.phase == ImportPhase::Source {
                    self.trace_single_load(m, target);
                    continue;
                }
                loaded_now.push(target);
            }
            // Visit in request order: the first request is popped first.
            work.extend(loaded_now.into_iter().rev());
        }
        // 6. Return unused.
        Ok(())
    }
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
    debug_assert!(
        slot.is_none_or(|m| m == module),
        "1.a.i. If referrer.[[LoadedModules]] contains a LoadedModuleRequest Record \
         record such that ModuleRequestsEqual(record, moduleRequest) is true, then \
         Assert: record.[[Module]] and result.[[Value]] are the same Module Record."
    );
    if slot.is_none() {
        *slot = Some(module);
        if g.tracing() {
            let specifier = g.get(referrer).requested_modules[request]
                .specifier
                .to_rust_string();
            let event = TraceEvent::new("FinishLoadingImportedModule", "1.b.i", referrer)
                .value("[[Specifier]]", specifier)
                .value("[[Module]]", module);
            g.trace(event);
        }
    }
}

/// The trace event of a load that failed: FinishLoadingImportedModule
/// with a throw completion, whose ContinueModuleLoading (step 3) ends the
/// loading with the error.
fn trace_load_error(
    graph: &SharedGraph,
    referrer: ModuleId,
    request: &ModuleRequest,
    error: &crate::interp::value::Value,
) {
    let g = graph.borrow();
    if g.tracing() {
        let event = TraceEvent::new("ContinueModuleLoading", "3", referrer)
            .value("[[Specifier]]", request.specifier.to_rust_string())
            .value("error", describe_thrown(error));
        g.trace(event);
    }
}

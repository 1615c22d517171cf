//! Deferring Module Evaluation (TC39 proposal, stage 3): the algorithms it
//! adds to the module system — GatherAsynchronousTransitiveDependencies,
//! ReadyForSyncExecution and EvaluateModuleSync
//! (spec-notes/18-import-phases.md). InnerModuleEvaluation's use of them is
//! in `evaluation.rs`, the deferred namespace object in `namespace.rs`.

use rustc_hash::FxHashSet as HashSet;

use super::record::{ImportPhase, ModuleId, SharedGraph, Status};
use super::trace::TraceEvent;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::value::Value;

/// GatherAsynchronousTransitiveDependencies ( module [ , seen ] ): the
/// post-order list of `module`'s unexecuted transitive dependencies that use
/// top-level await, the search stopping at each such module.
// Deviation: iterative; `seen` is a set, and a frame's next request index
// stands for the recursion's place in step 8.
pub fn gather_asynchronous_transitive_dependencies(
    graph: &SharedGraph,
    module: ModuleId,
) -> Vec<ModuleId> {
    let g = graph.borrow();
    // 1. If seen is not present, set seen to a new empty List.
    let mut seen: HashSet<ModuleId> = HashSet::default();
    // 2. Let result be a new empty List.
    let mut result: Vec<ModuleId> = Vec::new();
    // The calls in progress: (module, next request).
    let mut frames: Vec<(ModuleId, usize)> = Vec::new();
    let mut enter = |m: ModuleId, result: &mut Vec<ModuleId>| -> bool {
        // 3. If seen contains module, return result.
        // 4. Append module to seen.
        if !seen.insert(m) {
            return false;
        }
        // 5. If module is not a Cyclic Module Record, return result.
        let r = g.get(m);
        // 6. If module.[[Status]] is either evaluating or evaluated, return result.
        if matches!(r.status, Status::Evaluating | Status::Evaluated) {
            return false;
        }
        // 7. If module.[[HasTLA]] is true, then
        //    a. Append module to result.
        //    b. Return result.
        if r.has_tla {
            if !result.contains(&m) {
                result.push(m);
            }
            return false;
        }
        true
    };
    if enter(module, &mut result) {
        frames.push((module, 0));
    }
    while let Some(&mut (m, ref mut next)) = frames.last_mut() {
        // 8. For each ModuleRequest Record request of module.[[RequestedModules]], do
        let r = g.get(m);
        if *next >= r.requested_modules.len() {
            frames.pop();
            continue;
        }
        let i = *next;
        *next += 1;
        // (A source phase request is neither linked nor evaluated.)
        if r.requested_modules[i].phase == ImportPhase::Source {
            continue;
        }
        // a. Let requiredModule be GetImportedModule(module, request).
        let required = r.imported(i);
        // b. Let additionalModules be GatherAsynchronousTransitiveDependencies(requiredModule, seen).
        // c. For each Module Record m of additionalModules, do
        //    i. If result does not contain m, append m to result.
        if enter(required, &mut result) {
            frames.push((required, 0));
        }
    }
    // 9. Return result.
    result
}

/// ReadyForSyncExecution ( module [ , seen ] ): whether `module` and its
/// dependencies can be evaluated now, synchronously — none is evaluating
/// and none still to run uses top-level await.
// Deviation: iterative (a work list; the answer does not depend on the
// order of the visits).
pub fn ready_for_sync_execution(graph: &SharedGraph, module: ModuleId) -> bool {
    let g = graph.borrow();
    // 2. If seen is not present, set seen to a new empty List.
    let mut seen: HashSet<ModuleId> = HashSet::default();
    let mut work = vec![module];
    while let Some(m) = work.pop() {
        // 1. If module is not a Cyclic Module Record, return true.
        // 3. If seen contains module, return true.
        // 4. Append module to seen.
        if !seen.insert(m) {
            continue;
        }
        let r = g.get(m);
        match r.status {
            // 5. If module.[[Status]] is evaluated, return true.
            Status::Evaluated => continue,
            // 6. If module.[[Status]] is evaluating or evaluating-async, return false.
            Status::Evaluating | Status::EvaluatingAsync => return false,
            // 7. Assert: module.[[Status]] is linked.
            status => debug_assert_eq!(status, Status::Linked, "ReadyForSyncExecution step 7"),
        }
        // 8. If module.[[HasTLA]] is true, return false.
        if r.has_tla {
            return false;
        }
        // 9. For each ModuleRequest Record request of module.[[RequestedModules]], do
        //    a. Let requiredModule be GetImportedModule(module, request).
        //    b. If ReadyForSyncExecution(requiredModule, seen) is false, then
        //       i. Return false.
        for (i, request) in r.requested_modules.iter().enumerate() {
            if request.phase != ImportPhase::Source {
                work.push(r.imported(i));
            }
        }
    }
    // 10. Return true.
    true
}

/// EvaluateModuleSync ( module ): evaluates `module` now, throwing before
/// evaluating if its evaluation would not settle at once.
pub fn evaluate_module_sync(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<()> {
    // 1. If ReadyForSyncExecution(module) is false, throw a TypeError exception.
    if !ready_for_sync_execution(graph, module) {
        let (label, status) = {
            let g = graph.borrow();
            (g.label(module), g.get(module).status)
        };
        {
            let g = graph.borrow();
            if g.tracing() {
                let line = format!("defer not-ready {}", g.label(module));
                g.trace(
                    TraceEvent::new("EvaluateModuleSync", "1", module)
                        .value("ReadyForSyncExecution", false)
                        .text(line),
                );
            }
        }
        let why = match status {
            Status::Evaluating | Status::EvaluatingAsync => "it is being evaluated",
            _ => "it or one of its dependencies is being evaluated or uses top-level await",
        };
        return Err(agent.type_error(format!(
            "Cannot evaluate deferred module '{label}' synchronously: {why}"
        )));
    }
    {
        let g = graph.borrow();
        if g.tracing() {
            // (No text line: `vmjs run --trace` shows the trigger.)
            g.trace(
                TraceEvent::new("EvaluateModuleSync", "1-2", module)
                    .value("ReadyForSyncExecution", true),
            );
        }
    }
    // 2. Let promise be module.Evaluate().
    let promise = super::evaluation::evaluate(agent, graph, module)?;
    let Value::Object(promise) = promise else {
        return Ok(());
    };
    // 3. Assert: promise.[[PromiseState]] is either fulfilled or rejected.
    match promise_state(&promise) {
        // 4. If promise.[[PromiseState]] is rejected, then
        Some(PromiseStateView::Rejected(reason)) => {
            // a. If promise.[[PromiseIsHandled]] is false, perform
            //    HostPromiseRejectionTracker(promise, "handle").
            // b. Set promise.[[PromiseIsHandled]] to true.
            agent
                .jobs
                .unhandled_rejections
                .retain(|q| !gc::Gc::ptr_eq(q, &promise));
            // c. Return ThrowCompletion(promise.[[PromiseResult]]).
            Err(Throw::new(reason))
        }
        // Deviation: not asserted. ReadyForSyncExecution(module) is true when
        // every dependency is evaluated, but an evaluated dependency whose
        // cycle root is still evaluating-async makes the module wait for that
        // root (InnerModuleEvaluation step 12.c.v): the promise is then still
        // pending, and the module finishes with the cycle (test262's
        // async-cycle-dependency-of-deferred-module, written for a later
        // revision of the proposal).
        Some(PromiseStateView::Pending) => Ok(()),
        // 5. Return unused.
        _ => Ok(()),
    }
}

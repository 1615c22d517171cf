//! Evaluate and InnerModuleEvaluation (ECMA-262 §16.2.1.6.1.3–§16.2.1.6.1.3.1),
//! ExecuteModule for a module without top-level await (§16.2.1.7.3.2) and
//! the Evaluate ( ) of Synthetic Module Records (§16.2.1.8.4.5). The
//! asynchronous part is in `async_evaluation.rs`.

use super::async_evaluation::execute_async_module;
use super::loading::ModuleHost;
use smallvec::SmallVec;

use super::deferred::gather_asynchronous_transitive_dependencies;
use super::record::{AsyncEvaluationOrder, ImportPhase, ModuleBody, ModuleId, SharedGraph, Status};
use super::trace::{describe_thrown, TraceEvent};
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::value::Value;

/// Evaluate ( ) — <https://tc39.es/ecma262/#sec-moduleevaluation>
/// (§16.2.1.6.1.3). Returns the promise for the evaluation of `module`'s
/// graph.
pub fn evaluate(agent: &mut Agent, graph: &SharedGraph, mut module: ModuleId) -> JsResult<Value> {
    // 1. Assert: This call to Evaluate is not happening at the same time as
    //    another call to Evaluate within the surrounding agent.
    //    (Not checked: a `node:vm` module's body may call evaluate() on
    //    another graph, which Node allows.)
    {
        let g = graph.borrow();
        let r = g.get(module);
        // 2. Assert: module.[[Status]] is one of linked, evaluating-async, or evaluated.
        debug_assert!(
            matches!(
                r.status,
                Status::Linked | Status::EvaluatingAsync | Status::Evaluated
            ),
            "Evaluate step 2: {} is {:?}",
            g.label(module),
            r.status
        );
        // 3. If module.[[Status]] is either evaluating-async or evaluated, set
        //    module to module.[[CycleRoot]].
        if matches!(r.status, Status::EvaluatingAsync | Status::Evaluated) {
            // Deviation: a module that failed while on another Evaluate's
            // stack has no [[CycleRoot]] (step 9.a does not set it); it
            // stands for itself.
            module = r.cycle_root.unwrap_or(module);
        }
        // 4. If module.[[TopLevelCapability]] is not empty, then
        //    a. Return module.[[TopLevelCapability]].[[Promise]].
        if let Some(c) = &g.get(module).top_level_capability {
            return Ok(c.promise.clone());
        }
    }
    // 5. Let stack be a new empty List.
    let mut stack: Vec<ModuleId> = Vec::new();
    // 6. Let capability be ! NewPromiseCapability(%Promise%).
    let capability = agent.promise_capability()?;
    // 7. Set module.[[TopLevelCapability]] to capability.
    graph.borrow_mut().get_mut(module).top_level_capability = Some(Box::new(capability.clone()));
    // 8. Let result be Completion(InnerModuleEvaluation(module, stack, 0)).
    let result = inner_module_evaluation(agent, graph, module, &mut stack);
    match result {
        // 9. If result is an abrupt completion, then
        Err(Throw(error)) => {
            {
                let mut g = graph.borrow_mut();
                if g.tracing() {
                    let description = describe_thrown(&error);
                    let mut event = TraceEvent::new("Evaluate", "9.a", module);
                    for m in &stack {
                        event = event.write_to(*m, "[[Status]]", "evaluated").write_to(
                            *m,
                            "[[EvaluationError]]",
                            description.clone(),
                        );
                    }
                    g.trace(event.value("result", description));
                }
                // a. For each Cyclic Module Record m of stack, do
                for m in stack {
                    let r = g.get_mut(m);
                    // i. Assert: m.[[Status]] is evaluating.
                    debug_assert_eq!(r.status, Status::Evaluating, "Evaluate step 9.a.i");
                    // ii. Assert: m.[[AsyncEvaluationOrder]] is unset.
                    // Deviation: not asserted. A module of the stack that has
                    // top-level await may already have its order (step 12 of
                    // InnerModuleEvaluation runs before the module's component
                    // is popped) when a later sibling throws; tc39/ecma262#3787
                    // lets [[AsyncEvaluationOrder]] have any value once
                    // [[EvaluationError]] is set.
                    // iii. Set m.[[Status]] to evaluated.
                    r.status = Status::Evaluated;
                    // iv. Set m.[[EvaluationError]] to result.
                    r.evaluation_error = Some(*error.clone());
                }
                let r = g.get(module);
                // b. Assert: module.[[Status]] is evaluated.
                debug_assert_eq!(r.status, Status::Evaluated, "Evaluate step 9.b");
                // c. Assert: module.[[EvaluationError]] and result are the same Completion Record.
                debug_assert!(
                    r.evaluation_error
                        .as_ref()
                        .is_some_and(|e| e.same_value(&error)),
                    "Evaluate step 9.c"
                );
            }
            // d. Perform ! Call(capability.[[Reject]], undefined, « result.[[Value]] »).
            agent.call(&capability.reject, &Value::Undefined, &[*error])?;
        }
        // 10. Else,
        Ok(()) => {
            let (status, order) = {
                let g = graph.borrow();
                let r = g.get(module);
                // a. Assert: module.[[Status]] is either evaluating-async or evaluated.
                debug_assert!(
                    matches!(r.status, Status::EvaluatingAsync | Status::Evaluated),
                    "Evaluate step 10.a"
                );
                // b. Assert: module.[[EvaluationError]] is empty.
                debug_assert!(r.evaluation_error.is_none(), "Evaluate step 10.b");
                (r.status, r.async_evaluation_order)
            };
            // c. If module.[[Status]] is evaluated, then
            if status == Status::Evaluated {
                // i. NOTE: This implies that evaluation of module completed synchronously.
                // ii. Assert: module.[[AsyncEvaluationOrder]] is unset.
                // Deviation: unset or done, as tc39/ecma262#3613 corrects it: a
                // module whose asynchronous evaluation finished under another
                // root (then imported again) is evaluated with the order done.
                debug_assert!(
                    matches!(
                        order,
                        AsyncEvaluationOrder::Unset | AsyncEvaluationOrder::Done
                    ),
                    "Evaluate step 10.c.ii"
                );
                // iii. Perform ! Call(capability.[[Resolve]], undefined, « undefined »).
                agent.call(&capability.resolve, &Value::Undefined, &[Value::Undefined])?;
            }
            // d. Assert: stack is empty.
            debug_assert!(stack.is_empty(), "Evaluate step 10.d");
        }
    }
    // 11. Return capability.[[Promise]].
    Ok(capability.promise)
}

/// InnerModuleEvaluation ( module, stack, index ) —
/// <https://tc39.es/ecma262/#sec-innermoduleevaluation> (§16.2.1.6.1.3.1)
// Deviation: iterative. `frames` holds (module, next request) for the calls
// in progress; `enter` is steps 2–10 of a call, `after_child` is step 11.c
// for a call that returned, and the loop body is steps 11–16.
// Deviation: step 1 (a module that is not a Cyclic Module Record) never
// applies: synthetic modules are Cyclic Module Records here.
fn inner_module_evaluation(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
    stack: &mut Vec<ModuleId>,
) -> JsResult<()> {
    let mut index: u32 = 0;
    let mut frames: Vec<(ModuleId, usize, SmallVec<[ModuleId; 4]>)> = Vec::new();
    // Steps 2–10 for a call; Ok(true) when a frame was pushed.
    let enter = |graph: &SharedGraph,
                 m: ModuleId,
                 index: &mut u32,
                 stack: &mut Vec<ModuleId>|
     -> Result<bool, Value> {
        let mut g = graph.borrow_mut();
        let r = g.get_mut(m);
        match r.status {
            // 2. If module.[[Status]] is either evaluating-async or evaluated, then
            //    a. If module.[[EvaluationError]] is empty, return index.
            //    b. Otherwise, return ? module.[[EvaluationError]].
            Status::EvaluatingAsync | Status::Evaluated => match &r.evaluation_error {
                Some(e) => {
                    let e = e.clone();
                    if g.tracing() {
                        let event = TraceEvent::new("InnerModuleEvaluation", "2.b", m)
                            .value("[[EvaluationError]]", describe_thrown(&e));
                        g.trace(event);
                    }
                    Err(e)
                }
                None => Ok(false),
            },
            // 3. If module.[[Status]] is evaluating, return index.
            Status::Evaluating => Ok(false),
            _ => {
                // 4. Assert: module.[[Status]] is linked.
                debug_assert_eq!(r.status, Status::Linked, "InnerModuleEvaluation step 4");
                // 5. Set module.[[Status]] to evaluating.
                r.status = Status::Evaluating;
                // 6. Set module.[[DFSIndex]] to index.
                r.dfs_index = Some(*index);
                // 7. Set module.[[DFSAncestorIndex]] to index.
                r.dfs_ancestor_index = Some(*index);
                // 8. Set module.[[PendingAsyncDependencies]] to 0.
                r.pending_async_dependencies = Some(0);
                // 9. Set index to index + 1.
                *index += 1;
                // 10. Append module to stack.
                stack.push(m);
                if g.tracing() {
                    let line = format!(
                        "evaluate {}: linked -> evaluating, DFSIndex {} DFSAncestorIndex {}",
                        g.label(m),
                        *index - 1,
                        *index - 1
                    );
                    g.trace(
                        TraceEvent::new("InnerModuleEvaluation", "5-10", m)
                            .write("[[Status]]", "evaluating")
                            .write("[[DFSIndex]]", *index - 1)
                            .write("[[DFSAncestorIndex]]", *index - 1)
                            .write("[[PendingAsyncDependencies]]", 0u32)
                            .text(line),
                    );
                }
                Ok(true)
            }
        }
    };
    match enter(graph, module, &mut index, stack) {
        Ok(true) => frames.push((module, 0, evaluation_list(graph, module))),
        Ok(false) => return Ok(()),
        Err(e) => return Err(Throw::new(e)),
    }
    while let Some(&mut (m, ref mut next, ref list)) = frames.last_mut() {
        // (Deferring Module Evaluation:)
        // 12. For each Module Record requiredModule of evaluationList, do
        let child = list.get(*next).copied();
        if let Some(required) = child {
            *next += 1;
            // a. Set index to ? InnerModuleEvaluation(requiredModule, stack, index).
            match enter(graph, required, &mut index, stack) {
                Ok(true) => frames.push((required, 0, evaluation_list(graph, required))),
                Ok(false) => after_child(graph, m, required, stack).map_err(Throw::new)?,
                Err(e) => return Err(Throw::new(e)),
            }
            continue;
        }
        let (pending, has_tla) = {
            let g = graph.borrow();
            let r = g.get(m);
            let pending = r
                .pending_async_dependencies
                .expect("InnerModuleEvaluation step 8 set [[PendingAsyncDependencies]]");
            (pending, r.has_tla)
        };
        // 12. If module.[[PendingAsyncDependencies]] > 0 or module.[[HasTLA]] is true, then
        if pending > 0 || has_tla {
            // a. Assert: module.[[AsyncEvaluationOrder]] is unset.
            // b. Set module.[[AsyncEvaluationOrder]] to IncrementModuleAsyncEvaluationCount().
            set_async_evaluation_order(graph, m);
            // c. If module.[[PendingAsyncDependencies]] = 0, perform ExecuteAsyncModule(module).
            if pending == 0 {
                execute_async_module(agent, graph, m)?;
            }
        } else {
            // 13. Else,
            //     a. Perform ? module.ExecuteModule().
            execute_module(agent, graph, m)?;
        }
        let closes = {
            let g = graph.borrow();
            let r = g.get(m);
            // 14. Assert: module occurs exactly once in stack.
            debug_assert_eq!(
                stack.iter().filter(|&&s| s == m).count(),
                1,
                "InnerModuleEvaluation step 14"
            );
            // 15. Assert: module.[[DFSAncestorIndex]] ≤ module.[[DFSIndex]].
            debug_assert!(
                r.dfs_ancestor_index <= r.dfs_index,
                "InnerModuleEvaluation step 15"
            );
            r.dfs_ancestor_index == r.dfs_index
        };
        // 16. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
        if closes {
            // (The component's members are kept only for the trace.)
            let tracing = graph.borrow().tracing();
            let mut component = Vec::new();
            // a. Let done be false.
            // b. Repeat, while done is false,
            //    i. Let requiredModule be the last element of stack.
            //    ii. Remove the last element of stack.
            while let Some(popped) = stack.pop() {
                if tracing {
                    component.push(popped);
                }
                let mut g = graph.borrow_mut();
                let r = g.get_mut(popped);
                // iii. Assert: requiredModule is a Cyclic Module Record.
                // iv. Assert: requiredModule.[[AsyncEvaluationOrder]] is either an integer or unset.
                debug_assert_ne!(
                    r.async_evaluation_order,
                    AsyncEvaluationOrder::Done,
                    "InnerModuleEvaluation step 16.b.iv"
                );
                // v. If requiredModule.[[AsyncEvaluationOrder]] is unset, set
                //    requiredModule.[[Status]] to evaluated.
                // vi. Otherwise, set requiredModule.[[Status]] to evaluating-async.
                r.status = if r.async_evaluation_order.is_integer() {
                    Status::EvaluatingAsync
                } else {
                    Status::Evaluated
                };
                // viii. Set requiredModule.[[CycleRoot]] to module.
                r.cycle_root = Some(m);
                // vii. If requiredModule and module are the same Module Record, set done to true.
                if popped == m {
                    break;
                }
            }
            let g = graph.borrow();
            if g.tracing() {
                let states: Vec<String> = component
                    .iter()
                    .map(|c| format!("{} {}", g.label(*c), g.get(*c).status.spec_name()))
                    .collect();
                let line = format!("evaluate {}: pops [{}]", g.label(m), states.join(", "));
                let mut event = TraceEvent::new("InnerModuleEvaluation", "16.b", m);
                for c in &component {
                    event = event
                        .write_to(*c, "[[Status]]", g.get(*c).status.spec_name())
                        .write_to(*c, "[[CycleRoot]]", m);
                }
                g.trace(event.value("component", component).text(line));
            }
        }
        // 17. Return index.
        frames.pop();
        if let Some(&(parent, _, _)) = frames.last() {
            after_child(graph, parent, m, stack).map_err(Throw::new)?;
        }
    }
    Ok(())
}

/// InnerModuleEvaluation steps 10–11 of Deferring Module Evaluation: the
/// modules whose evaluation `module`'s waits for — each module it imports
/// for evaluation, and for each deferred import, the asynchronous modules
/// GatherAsynchronousTransitiveDependencies finds below it (they are
/// evaluated now, the rest of the deferred graph when first used). A source
/// phase import (Source Phase Imports) is not evaluated.
pub(super) fn evaluation_list(graph: &SharedGraph, module: ModuleId) -> SmallVec<[ModuleId; 4]> {
    // 10. Let evaluationList be a new empty List.
    let mut evaluation_list: SmallVec<[ModuleId; 4]> = SmallVec::new();
    let (requests, has_defer): (SmallVec<[(ImportPhase, ModuleId); 4]>, bool) = {
        let g = graph.borrow();
        let r = g.get(module);
        let requests: SmallVec<[(ImportPhase, ModuleId); 4]> = r
            .requested_modules
            .iter()
            .enumerate()
            .map(|(i, request)| (request.phase, r.imported(i)))
            .collect();
        let has_defer = requests.iter().any(|(p, _)| *p == ImportPhase::Defer);
        (requests, has_defer)
    };
    // 11. For each ModuleRequest Record request of module.[[RequestedModules]], do
    //     a. Let requiredModule be GetImportedModule(module, request).
    for (phase, required) in requests {
        match phase {
            // b. If request.[[Phase]] is defer, then
            ImportPhase::Defer => {
                // i. Let additionalModules be GatherAsynchronousTransitiveDependencies(requiredModule).
                let additional = gather_asynchronous_transitive_dependencies(graph, required);
                // ii. For each Module Record additionalModule of additionalModules, do
                //     1. If evaluationList does not contain additionalModule, then
                //        a. Append additionalModule to evaluationList.
                for m in additional {
                    if !evaluation_list.contains(&m) {
                        evaluation_list.push(m);
                    }
                }
            }
            // (Source Phase Imports: only evaluation phase requests are evaluated.)
            ImportPhase::Source => {}
            // c. Else if evaluationList does not contain requiredModule, then
            //    i. Append requiredModule to evaluationList.
            ImportPhase::Evaluation => {
                if !evaluation_list.contains(&required) {
                    evaluation_list.push(required);
                }
            }
        }
    }
    let g = graph.borrow();
    if has_defer && g.tracing() {
        let line = format!(
            "evaluate {}: evaluationList {}",
            g.label(module),
            g.labels(&evaluation_list)
        );
        // (The proposal's step 11 builds evaluationList before its loop.)
        let event = TraceEvent::new("InnerModuleEvaluation", "11", module)
            .value("evaluationList", evaluation_list.to_vec());
        g.trace(event.text(line));
    }
    evaluation_list
}

/// InnerModuleEvaluation step 12.a–b: the module's [[AsyncEvaluationOrder]].
fn set_async_evaluation_order(graph: &SharedGraph, m: ModuleId) {
    let mut g = graph.borrow_mut();
    // a. Assert: module.[[AsyncEvaluationOrder]] is unset.
    debug_assert_eq!(
        g.get(m).async_evaluation_order,
        AsyncEvaluationOrder::Unset,
        "InnerModuleEvaluation step 12.a"
    );
    // b. Set module.[[AsyncEvaluationOrder]] to IncrementModuleAsyncEvaluationCount().
    let order = g.increment_module_async_evaluation_count();
    g.get_mut(m).async_evaluation_order = AsyncEvaluationOrder::Order(order);
    if g.tracing() {
        let r = g.get(m);
        let line = format!(
            "evaluate {}: [[AsyncEvaluationOrder]] {order} (PendingAsyncDependencies {}, HasTLA {})",
            g.label(m),
            r.pending_async_dependencies.unwrap_or(0),
            r.has_tla
        );
        let event = TraceEvent::new("InnerModuleEvaluation", "12.b", m)
            .write("[[AsyncEvaluationOrder]]", order)
            .value(
                "[[PendingAsyncDependencies]]",
                r.pending_async_dependencies.unwrap_or(0),
            )
            .value("[[HasTLA]]", r.has_tla)
            .text(line);
        g.trace(event);
    }
}

/// The trace event of ExecuteModule ( [ capability ] ) on `m` (`sync`: no
/// capability, step 9; otherwise step 10).
fn trace_execute_module(graph: &SharedGraph, m: ModuleId, sync: bool) {
    let g = graph.borrow();
    if g.tracing() {
        let line = format!("execute {}", g.label(m));
        let step = if sync { "9" } else { "10" };
        g.trace(TraceEvent::new("ExecuteModule", step, m).text(line));
    }
}

/// InnerModuleEvaluation step 11.c, for a call on `required` that returned
/// to the call on `module`.
fn after_child(
    graph: &SharedGraph,
    module: ModuleId,
    required: ModuleId,
    stack: &[ModuleId],
) -> Result<(), Value> {
    let mut g = graph.borrow_mut();
    let req = g.get(required);
    let mut required = required;
    // c. If requiredModule is a Cyclic Module Record, then
    // i. Assert: requiredModule.[[Status]] is one of evaluating, evaluating-async, or evaluated.
    debug_assert!(
        matches!(
            req.status,
            Status::Evaluating | Status::EvaluatingAsync | Status::Evaluated
        ),
        "InnerModuleEvaluation step 11.c.i"
    );
    // ii. Assert: requiredModule.[[Status]] is evaluating if and only if stack
    //     contains requiredModule.
    debug_assert_eq!(
        req.status == Status::Evaluating,
        stack.contains(&required),
        "InnerModuleEvaluation step 11.c.ii"
    );
    // iii. If requiredModule.[[Status]] is evaluating, then
    if req.status == Status::Evaluating {
        // 1. Set module.[[DFSAncestorIndex]] to min(module.[[DFSAncestorIndex]],
        //    requiredModule.[[DFSAncestorIndex]]).
        g.lower_dfs_ancestor_index(module, required, "evaluate");
    } else {
        // iv. Else,
        //     1. Set requiredModule to requiredModule.[[CycleRoot]].
        required = req
            .cycle_root
            .expect("InnerModuleEvaluation step 16.b.viii set [[CycleRoot]]");
        //     2. Assert: requiredModule.[[Status]] is either evaluating-async or evaluated.
        let root = g.get(required);
        debug_assert!(
            matches!(root.status, Status::EvaluatingAsync | Status::Evaluated),
            "InnerModuleEvaluation step 11.c.iv.2"
        );
        //     3. If requiredModule.[[EvaluationError]] is not empty, return ?
        //        requiredModule.[[EvaluationError]].
        if let Some(e) = &root.evaluation_error {
            if g.tracing() {
                let event = TraceEvent::new("InnerModuleEvaluation", "11.c.iv.3", module)
                    .value("requiredModule", required)
                    .value("[[EvaluationError]]", describe_thrown(e));
                g.trace(event);
            }
            return Err(e.clone());
        }
    }
    // v. If requiredModule.[[AsyncEvaluationOrder]] is an integer, then
    if g.get(required).async_evaluation_order.is_integer() {
        // 1. Set module.[[PendingAsyncDependencies]] to module.[[PendingAsyncDependencies]] + 1.
        let r = g.get_mut(module);
        let pending = r
            .pending_async_dependencies
            .expect("InnerModuleEvaluation step 8 set [[PendingAsyncDependencies]]");
        r.pending_async_dependencies = Some(pending + 1);
        // 2. Append module to requiredModule.[[AsyncParentModules]].
        g.get_mut(required).async_parent_modules.push(module);
        if g.tracing() {
            let parents = g.get(required).async_parent_modules.clone();
            let event = TraceEvent::new("InnerModuleEvaluation", "11.c.v", module)
                .write("[[PendingAsyncDependencies]]", pending + 1)
                .write_to(required, "[[AsyncParentModules]]", parents)
                .value("requiredModule", required);
            g.trace(event);
        }
    }
    Ok(())
}

/// Runs `m`'s body: its promise when it may await (`sync` false), None
/// when it ran to completion here (or the module is synthetic).
pub(super) fn run_body(
    agent: &mut Agent,
    graph: &SharedGraph,
    m: ModuleId,
    sync: bool,
) -> JsResult<Option<gc::Gc<crate::interp::object::JsObject>>> {
    trace_execute_module(graph, m, sync);
    let (code, realm) = {
        let g = graph.borrow();
        let record = g.get(m);
        let code = match &record.body {
            ModuleBody::Source(code) => Ok(crate::interp::eval::ModuleCode {
                ast: code.ast.clone(),
                source: code.source.clone(),
                env: code.env.clone(),
            }),
            ModuleBody::Synthetic {
                evaluation_steps, ..
            } => Err(evaluation_steps.clone()),
        };
        (code, record.realm.clone())
    };
    // A module of another realm (a vm context) runs with that realm current.
    let outer = realm.map(|r| std::mem::replace(&mut agent.realm, r));
    let result = match code {
        Ok(code) if sync => agent.execute_module_sync(&code).map(|()| Value::Undefined),
        Ok(code) => agent.execute_module(&code),
        // Evaluate ( ) of a Synthetic Module Record —
        // <https://tc39.es/ecma262/#sec-smr-Evaluate> (§16.2.1.8.4.5):
        // 9. Let steps be module.[[EvaluationSteps]].
        // 10. Let result be Completion(steps(module)).
        // Deviation: it runs as the cyclic ExecuteModule of a module without
        // top-level await, so an abrupt result is the caller's throw, not a
        // rejected promise (steps 13–16); the steps' own result is ignored
        // (a promise they return is not awaited, as in Node). Steps 1–8 and
        // 11–12 (its execution context) are the caller's.
        Err(Some(steps)) => agent
            .call(&steps, &Value::Undefined, &[])
            .map(|_| Value::Undefined),
        // A JSON module: CreateDefaultExportSyntheticModule's steps (set
        // "default") ran when the host created the record.
        Err(None) => Ok(Value::Undefined),
    };
    if let Some(outer) = outer {
        agent.realm = outer;
    }
    match result? {
        Value::Object(p) => Ok(Some(p)),
        _ => Ok(None),
    }
}

/// ExecuteModule ( [ capability ] ) for a module without top-level await —
/// <https://tc39.es/ecma262/#sec-source-text-module-record-execute-module>
/// (§16.2.1.7.3.2, step 9): the body's completion.
pub(super) fn execute_module(agent: &mut Agent, graph: &SharedGraph, m: ModuleId) -> JsResult<()> {
    let Some(p) = run_body(agent, graph, m, true)? else {
        return Ok(());
    };
    match promise_state(&p) {
        Some(PromiseStateView::Rejected(reason)) => {
            // A completion, not a rejection anyone could observe.
            agent
                .jobs
                .unhandled_rejections
                .retain(|q| !gc::Gc::ptr_eq(q, &p));
            Err(Throw::new(reason))
        }
        _ => Ok(()),
    }
}

/// LoadRequestedModules + Link + Evaluate for a root module: the promise
/// of its evaluation (rejected with a load or link error).
pub fn load_link_evaluate(
    agent: &mut Agent,
    host: &dyn ModuleHost,
    module: ModuleId,
) -> JsResult<Value> {
    let graph = host.graph();
    // Loading and linking allocate only what stays alive (environments,
    // records): collecting meanwhile would re-mark the growing graph again
    // and again, so the collector waits until the graph is linked.
    let linked = crate::interp::agent::without_collection(|| -> JsResult<()> {
        super::loading::load_requested_modules(agent, host, module)?;
        super::linking::link(agent, &graph, module)
    });
    linked?;
    evaluate(agent, &graph, module)
}

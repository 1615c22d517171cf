//! ExecuteAsyncModule, GatherAvailableAncestors,
//! AsyncModuleExecutionFulfilled and AsyncModuleExecutionRejected (ECMA-262
//! §16.2.1.6.1.3.2–§16.2.1.6.1.3.5): the asynchronous part of Evaluate.

use rustc_hash::FxHashSet as HashSet;

use super::evaluation::{execute_module, run_body};
use super::record::{AsyncEvaluationOrder, ModuleId, SharedGraph, Status};
use super::trace::{describe_thrown, TraceEvent};
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::perform_promise_then;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// ExecuteAsyncModule ( module ) — <https://tc39.es/ecma262/#sec-execute-async-module>
/// (§16.2.1.6.1.3.2)
pub(super) fn execute_async_module(
    agent: &mut Agent,
    graph: &SharedGraph,
    m: ModuleId,
) -> JsResult<()> {
    {
        let g = graph.borrow();
        let r = g.get(m);
        // 1. Assert: module.[[Status]] is either evaluating or evaluating-async.
        debug_assert!(
            matches!(r.status, Status::Evaluating | Status::EvaluatingAsync),
            "ExecuteAsyncModule step 1"
        );
        // 2. Assert: module.[[HasTLA]] is true.
        debug_assert!(r.has_tla, "ExecuteAsyncModule step 2");
    }
    // 3–8. A capability whose reactions are AsyncModuleExecutionFulfilled /
    //      Rejected.
    // 9. Perform ! module.ExecuteModule(capability).
    // Deviation: the capability is the body's own promise (ExecuteModule
    // step 10.b's AsyncBlockStart settles it), and the reactions are
    // attached after the body started: they run as jobs either way.
    let Some(p) = run_body(agent, graph, m, false)? else {
        return async_module_execution_fulfilled(agent, graph, m);
    };
    let id = Value::Number(f64::from(m.0));
    // 4–5. onFulfilled: AsyncModuleExecutionFulfilled(module).
    let on_fulfilled =
        agent.native_function_with("", 0, on_async_fulfilled, false, vec![id.clone()]);
    // 6–7. onRejected: AsyncModuleExecutionRejected(module, error).
    let on_rejected = agent.native_function_with("", 1, on_async_rejected, false, vec![id]);
    // 8. Perform PerformPromiseThen(capability.[[Promise]], onFulfilled, onRejected).
    perform_promise_then(
        agent,
        &p,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
    // 10. Return unused.
    Ok(())
}

fn host_graph(agent: &Agent) -> Option<SharedGraph> {
    super::loading::registered_graph(agent)
}

fn module_of(args: &CallArgs) -> ModuleId {
    match args.capture(0) {
        Value::Number(n) => ModuleId(n as u32),
        _ => ModuleId(0),
    }
}

/// ExecuteAsyncModule step 4's fulfilledClosure.
fn on_async_fulfilled(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Some(graph) = host_graph(agent) {
        // a. Perform AsyncModuleExecutionFulfilled(module).
        async_module_execution_fulfilled(agent, &graph, module_of(args))?;
    }
    // b. Return undefined.
    Ok(Value::Undefined)
}

/// ExecuteAsyncModule step 6's rejectedClosure.
fn on_async_rejected(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Some(graph) = host_graph(agent) {
        // a. Perform AsyncModuleExecutionRejected(module, error).
        async_module_execution_rejected(agent, &graph, module_of(args), args.arg(0))?;
    }
    // b. Return undefined.
    Ok(Value::Undefined)
}

/// GatherAvailableAncestors ( module, execList ) —
/// <https://tc39.es/ecma262/#sec-gather-available-ancestors> (§16.2.1.6.1.3.3)
// Deviation: iterative (a work stack of modules whose parents to visit), so
// execList is filled in another order; AsyncModuleExecutionFulfilled sorts
// it (step 11), and which modules it holds does not depend on the order.
fn gather_available_ancestors(
    graph: &SharedGraph,
    module: ModuleId,
    exec_list: &mut Vec<ModuleId>,
) {
    let mut g = graph.borrow_mut();
    let mut in_list: HashSet<ModuleId> = exec_list.iter().copied().collect();
    let mut work = vec![module];
    while let Some(current) = work.pop() {
        // 1. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
        let parents = g.get(current).async_parent_modules.clone();
        for m in parents {
            // a. If execList does not contain m and m.[[CycleRoot]].[[EvaluationError]]
            //    is empty, then
            // Deviation: a parent that failed while still on Evaluate's stack
            // has no [[CycleRoot]] (Evaluate step 9.a does not set it); its
            // own [[EvaluationError]] stands for its root's.
            let root = g.get(m).cycle_root.unwrap_or(m);
            if in_list.contains(&m) || g.get(root).evaluation_error.is_some() {
                continue;
            }
            let r = g.get_mut(m);
            // i. Assert: m.[[Status]] is evaluating-async.
            debug_assert_eq!(
                r.status,
                Status::EvaluatingAsync,
                "GatherAvailableAncestors step 1.a.i"
            );
            // ii. Assert: m.[[EvaluationError]] is empty.
            debug_assert!(
                r.evaluation_error.is_none(),
                "GatherAvailableAncestors step 1.a.ii"
            );
            // iii. Assert: m.[[AsyncEvaluationOrder]] is an integer.
            debug_assert!(
                r.async_evaluation_order.is_integer(),
                "GatherAvailableAncestors step 1.a.iii"
            );
            // iv. Assert: m.[[PendingAsyncDependencies]] > 0.
            let pending = r
                .pending_async_dependencies
                .expect("InnerModuleEvaluation step 8 set [[PendingAsyncDependencies]]");
            debug_assert!(pending > 0, "GatherAvailableAncestors step 1.a.iv");
            // v. Set m.[[PendingAsyncDependencies]] to m.[[PendingAsyncDependencies]] - 1.
            let pending = pending - 1;
            r.pending_async_dependencies = Some(pending);
            if g.tracing() {
                let event = TraceEvent::new("GatherAvailableAncestors", "1.a.v-vi", current)
                    .write_to(m, "[[PendingAsyncDependencies]]", pending)
                    .value("m", m)
                    .value("appended to execList", pending == 0);
                g.trace(event);
            }
            let r = g.get_mut(m);
            // vi. If m.[[PendingAsyncDependencies]] = 0, then
            if pending == 0 {
                // 1. Append m to execList.
                exec_list.push(m);
                in_list.insert(m);
                // 2. If m.[[HasTLA]] is false, perform GatherAvailableAncestors(m, execList).
                if !r.has_tla {
                    work.push(m);
                }
            }
        }
    }
    // 2. Return unused.
}

/// AsyncModuleExecutionFulfilled ( module ) —
/// <https://tc39.es/ecma262/#sec-async-module-execution-fulfilled> (§16.2.1.6.1.3.4)
pub fn async_module_execution_fulfilled(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<()> {
    let capability = {
        let mut g = graph.borrow_mut();
        let r = g.get_mut(module);
        // 1. If module.[[Status]] is evaluated, then
        if r.status == Status::Evaluated {
            // a. Assert: module.[[EvaluationError]] is not empty.
            debug_assert!(
                r.evaluation_error.is_some(),
                "AsyncModuleExecutionFulfilled step 1.a"
            );
            // b. Return unused.
            return Ok(());
        }
        // 2. Assert: module.[[Status]] is evaluating-async.
        debug_assert_eq!(
            r.status,
            Status::EvaluatingAsync,
            "AsyncModuleExecutionFulfilled step 2"
        );
        // 3. Assert: module.[[AsyncEvaluationOrder]] is an integer.
        debug_assert!(
            r.async_evaluation_order.is_integer(),
            "AsyncModuleExecutionFulfilled step 3"
        );
        // 4. Assert: module.[[EvaluationError]] is empty.
        debug_assert!(
            r.evaluation_error.is_none(),
            "AsyncModuleExecutionFulfilled step 4"
        );
        if g.tracing() {
            let line = format!(
                "async fulfilled {}: evaluating-async -> evaluated",
                g.label(module)
            );
            let event = TraceEvent::new("AsyncModuleExecutionFulfilled", "5-6", module)
                .write("[[AsyncEvaluationOrder]]", "done")
                .write("[[Status]]", "evaluated")
                .text(line);
            g.trace(event);
        }
        let r = g.get_mut(module);
        // 5. Set module.[[AsyncEvaluationOrder]] to done.
        r.async_evaluation_order = AsyncEvaluationOrder::Done;
        // 6. Set module.[[Status]] to evaluated.
        r.status = Status::Evaluated;
        // 7. If module.[[TopLevelCapability]] is not empty, then
        //    a. Assert: module.[[CycleRoot]] and module are the same Module Record.
        debug_assert!(
            r.top_level_capability.is_none() || r.cycle_root == Some(module),
            "AsyncModuleExecutionFulfilled step 7.a"
        );
        r.top_level_capability.as_deref().cloned()
    };
    //    b. Perform ! Call(module.[[TopLevelCapability]].[[Resolve]], undefined, « undefined »).
    if let Some(c) = capability {
        agent.call(&c.resolve, &Value::Undefined, &[Value::Undefined])?;
    }
    // 8. Let execList be a new empty List.
    let mut exec_list = Vec::new();
    // 9. Perform GatherAvailableAncestors(module, execList).
    gather_available_ancestors(graph, module, &mut exec_list);
    {
        let g = graph.borrow();
        // 10. Assert: All elements of execList have their [[AsyncEvaluationOrder]] field
        //     set to an integer, [[PendingAsyncDependencies]] field set to 0, and
        //     [[EvaluationError]] field set to empty.
        debug_assert!(
            exec_list.iter().all(|m| {
                let r = g.get(*m);
                r.async_evaluation_order.is_integer()
                    && r.pending_async_dependencies == Some(0)
                    && r.evaluation_error.is_none()
            }),
            "AsyncModuleExecutionFulfilled step 10"
        );
        // 11. Let sortedExecList be a List whose elements are the elements of
        //     execList, sorted by their [[AsyncEvaluationOrder]] field in ascending order.
        exec_list.sort_by_key(|m| match g.get(*m).async_evaluation_order {
            AsyncEvaluationOrder::Order(order) => order,
            AsyncEvaluationOrder::Unset | AsyncEvaluationOrder::Done => u64::MAX,
        });
        if g.tracing() && !exec_list.is_empty() {
            let line = format!(
                "gather {}: execList {}",
                g.label(module),
                g.labels(&exec_list)
            );
            let event = TraceEvent::new("AsyncModuleExecutionFulfilled", "11", module)
                .value("sortedExecList", exec_list.clone())
                .text(line);
            g.trace(event);
        }
    }
    // 12. For each Cyclic Module Record m of sortedExecList, do
    for m in exec_list {
        let (status, has_tla) = {
            let g = graph.borrow();
            let r = g.get(m);
            (r.status, r.has_tla)
        };
        // a. If m.[[Status]] is evaluated, then
        if status == Status::Evaluated {
            // i. Assert: m.[[EvaluationError]] is not empty.
            debug_assert!(
                graph.borrow().get(m).evaluation_error.is_some(),
                "AsyncModuleExecutionFulfilled step 12.a.i"
            );
            continue;
        }
        // b. Else if m.[[HasTLA]] is true, then
        if has_tla {
            // i. Perform ExecuteAsyncModule(m).
            execute_async_module(agent, graph, m)?;
            continue;
        }
        // c. Else,
        //    i. Let result be m.ExecuteModule().
        match execute_module(agent, graph, m) {
            // ii. If result is an abrupt completion, then
            //     1. Perform AsyncModuleExecutionRejected(m, result.[[Value]]).
            Err(Throw(error)) => async_module_execution_rejected(agent, graph, m, *error)?,
            // iii. Else,
            Ok(()) => {
                let capability = {
                    let mut g = graph.borrow_mut();
                    let r = g.get_mut(m);
                    // 1. Set m.[[AsyncEvaluationOrder]] to done.
                    r.async_evaluation_order = AsyncEvaluationOrder::Done;
                    // 2. Set m.[[Status]] to evaluated.
                    r.status = Status::Evaluated;
                    let capability = r.top_level_capability.as_deref().cloned();
                    if g.tracing() {
                        let event =
                            TraceEvent::new("AsyncModuleExecutionFulfilled", "12.c.iii", module)
                                .write_to(m, "[[AsyncEvaluationOrder]]", "done")
                                .write_to(m, "[[Status]]", "evaluated")
                                .value("m", m);
                        g.trace(event);
                    }
                    let r = g.get(m);
                    // 3. If m.[[TopLevelCapability]] is not empty, then
                    //    a. Assert: m.[[CycleRoot]] and m are the same Module Record.
                    debug_assert!(
                        r.top_level_capability.is_none() || r.cycle_root == Some(m),
                        "AsyncModuleExecutionFulfilled step 12.c.iii.3.a"
                    );
                    capability
                };
                //    b. Perform ! Call(m.[[TopLevelCapability]].[[Resolve]], undefined, « undefined »).
                if let Some(c) = capability {
                    agent.call(&c.resolve, &Value::Undefined, &[Value::Undefined])?;
                }
            }
        }
    }
    // 13. Return unused.
    Ok(())
}

/// AsyncModuleExecutionRejected ( module, error ) —
/// <https://tc39.es/ecma262/#sec-async-module-execution-rejected> (§16.2.1.6.1.3.5)
// Deviation: iterative over [[AsyncParentModules]] (a work stack, visiting
// parents in the recursion's order).
// Deviation: capabilities are rejected in pre-order — a module's
// [[TopLevelCapability]] (step 10) before those of its parents (step 9's
// recursive calls) — where the spec rejects them in post-order (parents
// first). The work stack finishes a module before visiting its parents; the
// order shows only when several modules of the rejected chain have a
// [[TopLevelCapability]] (several roots were evaluated, e.g. through
// `node:vm` or `import()`), as the order of their rejection reactions.
pub fn async_module_execution_rejected(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
    error: Value,
) -> JsResult<()> {
    let mut work = vec![module];
    while let Some(m) = work.pop() {
        let capability = {
            let mut g = graph.borrow_mut();
            let r = g.get_mut(m);
            // 1. If module.[[Status]] is evaluated, then
            if r.status == Status::Evaluated {
                // a. Assert: module.[[EvaluationError]] is not empty.
                debug_assert!(
                    r.evaluation_error.is_some(),
                    "AsyncModuleExecutionRejected step 1.a"
                );
                // b. Return unused.
                continue;
            }
            // 2. Assert: module.[[Status]] is evaluating-async.
            debug_assert_eq!(
                r.status,
                Status::EvaluatingAsync,
                "AsyncModuleExecutionRejected step 2"
            );
            // 3. Assert: module.[[AsyncEvaluationOrder]] is an integer.
            debug_assert!(
                r.async_evaluation_order.is_integer(),
                "AsyncModuleExecutionRejected step 3"
            );
            // 4. Assert: module.[[EvaluationError]] is empty.
            debug_assert!(
                r.evaluation_error.is_none(),
                "AsyncModuleExecutionRejected step 4"
            );
            if g.tracing() {
                let line = format!("async rejected {}: -> evaluated with error", g.label(m));
                let description = describe_thrown(&error);
                let event = TraceEvent::new("AsyncModuleExecutionRejected", "5-7", m)
                    .write("[[EvaluationError]]", description.clone())
                    .write("[[Status]]", "evaluated")
                    .write("[[AsyncEvaluationOrder]]", "done")
                    .value("error", description)
                    .text(line);
                g.trace(event);
            }
            let r = g.get_mut(m);
            // 5. Set module.[[EvaluationError]] to ThrowCompletion(error).
            r.evaluation_error = Some(error.clone());
            // 6. Set module.[[Status]] to evaluated.
            r.status = Status::Evaluated;
            // 7. Set module.[[AsyncEvaluationOrder]] to done.
            r.async_evaluation_order = AsyncEvaluationOrder::Done;
            // 9. For each Cyclic Module Record m of module.[[AsyncParentModules]], do
            //    a. Perform AsyncModuleExecutionRejected(m, error).
            work.extend(r.async_parent_modules.iter().rev().copied());
            // 10. If module.[[TopLevelCapability]] is not empty, then
            //     a. Assert: module.[[CycleRoot]] and module are the same Module Record.
            debug_assert!(
                r.top_level_capability.is_none() || r.cycle_root == Some(m),
                "AsyncModuleExecutionRejected step 10.a"
            );
            r.top_level_capability.as_deref().cloned()
        };
        //     b. Perform ! Call(module.[[TopLevelCapability]].[[Reject]], undefined, « error »).
        if let Some(c) = capability {
            agent.call(&c.reject, &Value::Undefined, std::slice::from_ref(&error))?;
        }
    }
    // 11. Return unused.
    Ok(())
}

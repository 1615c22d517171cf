//! Evaluate, InnerModuleEvaluation, ExecuteAsyncModule,
//! GatherAvailableAncestors, AsyncModuleExecutionFulfilled and
//! AsyncModuleExecutionRejected (ECMA-262 §16.2.1.5.3).

use rustc_hash::FxHashSet as HashSet;

use super::loading::ModuleHost;
use super::record::{ModuleBody, ModuleId, SharedGraph, Status};
use crate::interp::agent::{Agent, JsResult, Throw};
use crate::interp::builtins::promise::{perform_promise_then, promise_state, PromiseStateView};
use crate::interp::function::CallArgs;
use crate::interp::value::Value;

/// Evaluate ( ) — <https://tc39.es/ecma262/#sec-moduleevaluation>
/// Returns the promise for the evaluation of `module`'s graph.
pub fn evaluate(agent: &mut Agent, graph: &SharedGraph, mut module: ModuleId) -> JsResult<Value> {
    {
        let g = graph.borrow();
        let r = g.get(module);
        // 2. If module.[[Status]] is either evaluating-async or evaluated, set
        //    module to module.[[CycleRoot]].
        if matches!(r.status, Status::EvaluatingAsync | Status::Evaluated) {
            module = r.cycle_root.unwrap_or(module);
        }
        // 3. If module.[[TopLevelCapability]] is not empty, return its promise.
        if let Some(c) = &g.get(module).top_level_capability {
            return Ok(c.promise.clone());
        }
    }
    // 4. Let stack be a new empty List.
    let mut stack: Vec<ModuleId> = Vec::new();
    // 5–6. Let capability be ! NewPromiseCapability(%Promise%); set [[TopLevelCapability]].
    let capability = agent.promise_capability()?;
    graph.borrow_mut().get_mut(module).top_level_capability = Some(capability.clone());
    // 7. Let result be Completion(InnerModuleEvaluation(module, stack, 0)).
    let result = inner_module_evaluation(agent, graph, module, &mut stack);
    match result {
        // 8. If result is an abrupt completion, then
        Err(Throw(error)) => {
            // a. For each Cyclic Module Record m of stack: set [[Status]] to evaluated,
            //    [[EvaluationError]] to result.
            {
                let mut g = graph.borrow_mut();
                for m in stack {
                    let r = g.get_mut(m);
                    r.status = Status::Evaluated;
                    r.evaluation_error = Some(error.clone());
                }
            }
            // c. Perform ! Call(capability.[[Reject]], undefined, « result.[[Value]] »).
            agent.call(&capability.reject, &Value::Undefined, &[error])?;
        }
        Ok(()) => {
            // 9.b. If module.[[AsyncEvaluation]] is false, resolve with undefined.
            let is_async = graph.borrow().get(module).async_evaluation.is_some();
            if !is_async {
                agent.call(&capability.resolve, &Value::Undefined, &[Value::Undefined])?;
            }
        }
    }
    // 10. Return capability.[[Promise]].
    Ok(capability.promise)
}

/// Whether [[AsyncEvaluation]] is true (an order set and not done).
fn async_pending(graph: &SharedGraph, m: ModuleId) -> bool {
    let g = graph.borrow();
    let r = g.get(m);
    r.async_evaluation.is_some() && !r.async_evaluation_done
}

/// InnerModuleEvaluation ( module, stack, index ) —
/// <https://tc39.es/ecma262/#sec-innermoduleevaluation>
// Deviation: iterative, with (module, next request) frames.
fn inner_module_evaluation(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
    stack: &mut Vec<ModuleId>,
) -> JsResult<()> {
    let mut index: u32 = 0;
    let mut frames: Vec<(ModuleId, usize)> = Vec::new();
    // Steps 2–10 for a call; Ok(true) when a frame was pushed.
    let enter = |graph: &SharedGraph,
                 m: ModuleId,
                 index: &mut u32,
                 stack: &mut Vec<ModuleId>|
     -> Result<bool, Value> {
        let mut g = graph.borrow_mut();
        let r = g.get_mut(m);
        match r.status {
            // 2. If module.[[Status]] is evaluating-async or evaluated: return
            //    index, or the recorded [[EvaluationError]].
            Status::EvaluatingAsync | Status::Evaluated => match &r.evaluation_error {
                Some(e) => Err(e.clone()),
                None => Ok(false),
            },
            // 3. If module.[[Status]] is evaluating, return index.
            Status::Evaluating => Ok(false),
            _ => {
                // 5. Set module.[[Status]] to evaluating.
                r.status = Status::Evaluating;
                // 6–8. DFS indices; index + 1.
                r.dfs_index = Some(*index);
                r.dfs_ancestor_index = Some(*index);
                *index += 1;
                // 9. Set module.[[PendingAsyncDependencies]] to 0.
                r.pending_async_dependencies = Some(0);
                // 10. Append module to stack.
                stack.push(m);
                if g.tracing() {
                    g.trace_line(format!(
                        "evaluate {}: linked -> evaluating, DFSIndex {} DFSAncestorIndex {}",
                        g.label(m),
                        *index - 1,
                        *index - 1
                    ));
                }
                Ok(true)
            }
        }
    };
    match enter(graph, module, &mut index, stack) {
        Ok(true) => frames.push((module, 0)),
        Ok(false) => return Ok(()),
        Err(e) => return Err(Throw(e)),
    }
    while let Some(&mut (m, ref mut next)) = frames.last_mut() {
        // 11. For each ModuleRequest Record required of module.[[RequestedModules]], do
        let child = graph
            .borrow()
            .get(m)
            .loaded_modules
            .get(*next)
            .map(|c| c.expect("loaded"));
        if let Some(required) = child {
            *next += 1;
            // b. Set index to ? InnerModuleEvaluation(requiredModule, stack, index).
            match enter(graph, required, &mut index, stack) {
                Ok(true) => frames.push((required, 0)),
                Ok(false) => after_child(graph, m, required).map_err(Throw)?,
                Err(e) => return Err(Throw(e)),
            }
            continue;
        }
        let (pending, has_tla) = {
            let g = graph.borrow();
            let r = g.get(m);
            (r.pending_async_dependencies.unwrap_or(0), r.has_tla)
        };
        // 12. If module.[[PendingAsyncDependencies]] > 0 or module.[[HasTLA]] is true, then
        if pending > 0 || has_tla {
            // b. Set module.[[AsyncEvaluation]] to true (its order).
            set_async_order(graph, m);
            // d. If module.[[PendingAsyncDependencies]] = 0, perform ExecuteAsyncModule(module).
            if pending == 0 {
                execute_async_module(agent, graph, m)?;
            }
        } else {
            // 13. Else, perform ? module.ExecuteModule().
            execute_module(agent, graph, m)?;
        }
        // 16. If module.[[DFSAncestorIndex]] = module.[[DFSIndex]], then
        let closes = {
            let g = graph.borrow();
            let r = g.get(m);
            r.dfs_ancestor_index == r.dfs_index
        };
        if closes {
            // (The component's members are kept only for the trace.)
            let tracing = graph.borrow().tracing();
            let mut component = Vec::new();
            while let Some(popped) = stack.pop() {
                if tracing {
                    component.push(popped);
                }
                let is_async = async_pending(graph, popped);
                let mut g = graph.borrow_mut();
                let r = g.get_mut(popped);
                // ii. If requiredModule.[[AsyncEvaluation]] is false, set status to
                //     evaluated; else to evaluating-async.
                r.status = if is_async || r.async_evaluation.is_some() && !r.async_evaluation_done {
                    Status::EvaluatingAsync
                } else {
                    Status::Evaluated
                };
                // iv. Set requiredModule.[[CycleRoot]] to module.
                r.cycle_root = Some(m);
                if popped == m {
                    break;
                }
            }
            let g = graph.borrow();
            if g.tracing() {
                let states: Vec<String> = component
                    .iter()
                    .map(|c| format!("{} {}", g.label(*c), status_name(g.get(*c).status)))
                    .collect();
                g.trace_line(format!(
                    "evaluate {}: pops [{}]",
                    g.label(m),
                    states.join(", ")
                ));
            }
        }
        frames.pop();
        if let Some(&(parent, _)) = frames.last() {
            after_child(graph, parent, m).map_err(Throw)?;
        }
    }
    Ok(())
}

fn set_async_order(graph: &SharedGraph, m: ModuleId) {
    let mut g = graph.borrow_mut();
    // IncrementModuleAsyncEvaluationCount: returns the count, then adds 1.
    let order = g.async_evaluation_count;
    g.async_evaluation_count += 1;
    g.get_mut(m).async_evaluation = Some(order);
    if g.tracing() {
        let r = g.get(m);
        let line = format!(
            "evaluate {}: [[AsyncEvaluation]] order {order} (PendingAsyncDependencies {}, HasTLA {})",
            g.label(m),
            r.pending_async_dependencies.unwrap_or(0),
            r.has_tla
        );
        g.trace_line(line);
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::New => "new",
        Status::Unlinked => "unlinked",
        Status::Linking => "linking",
        Status::Linked => "linked",
        Status::Evaluating => "evaluating",
        Status::EvaluatingAsync => "evaluating-async",
        Status::Evaluated => "evaluated",
    }
}

fn trace(graph: &SharedGraph, what: &str, m: ModuleId) {
    let g = graph.borrow();
    if g.tracing() {
        let line = format!("{what} {}", g.label(m));
        g.trace_line(line);
    }
}

/// InnerModuleEvaluation step 11.c for a returned child.
fn after_child(graph: &SharedGraph, module: ModuleId, required: ModuleId) -> Result<(), Value> {
    let mut g = graph.borrow_mut();
    let req = g.get(required);
    let mut required = required;
    if req.status == Status::Evaluating {
        // ii. Set module.[[DFSAncestorIndex]] to min(…, requiredModule.[[DFSAncestorIndex]]).
        let a = req.dfs_ancestor_index;
        let r = g.get_mut(module);
        let before = r.dfs_ancestor_index;
        r.dfs_ancestor_index = before.min(a);
        if g.tracing() && a < before {
            let line = format!(
                "evaluate {}: DFSAncestorIndex {} (from {})",
                g.label(module),
                a.unwrap_or(0),
                g.label(required)
            );
            g.trace_line(line);
        }
    } else {
        // iii. Else: set requiredModule to requiredModule.[[CycleRoot]]; if its
        //      [[EvaluationError]] is not empty, return it.
        required = req.cycle_root.unwrap_or(required);
        if let Some(e) = &g.get(required).evaluation_error {
            return Err(e.clone());
        }
    }
    // iv. If requiredModule.[[AsyncEvaluation]] is true, then
    let req = g.get(required);
    if req.async_evaluation.is_some() && !req.async_evaluation_done {
        // 1. Set module.[[PendingAsyncDependencies]] + 1.
        let r = g.get_mut(module);
        r.pending_async_dependencies = Some(r.pending_async_dependencies.unwrap_or(0) + 1);
        // 2. Append module to requiredModule.[[AsyncParentModules]].
        g.get_mut(required).async_parent_modules.push(module);
    }
    Ok(())
}

/// Runs `m`'s body: its promise when it may await (`sync` false), None
/// when it ran to completion here (or the module is synthetic).
fn run_body(
    agent: &mut Agent,
    graph: &SharedGraph,
    m: ModuleId,
    sync: bool,
) -> JsResult<Option<gc::Gc<crate::interp::object::JsObject>>> {
    trace(graph, "execute", m);
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
        // Synthetic Module Record Evaluate ( ): run [[EvaluationSteps]]; its
        // result is ignored (a promise it returns is not awaited).
        Err(Some(steps)) => agent
            .call(&steps, &Value::Undefined, &[])
            .map(|_| Value::Undefined),
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

/// ExecuteModule ( ) for a module without top-level await —
/// <https://tc39.es/ecma262/#sec-source-text-module-record-execute-module>:
/// the body's completion.
fn execute_module(agent: &mut Agent, graph: &SharedGraph, m: ModuleId) -> JsResult<()> {
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
            Err(Throw(reason))
        }
        _ => Ok(()),
    }
}

/// ExecuteAsyncModule ( module ) — <https://tc39.es/ecma262/#sec-execute-async-module>
fn execute_async_module(agent: &mut Agent, graph: &SharedGraph, m: ModuleId) -> JsResult<()> {
    // 3–8. A capability whose reactions are AsyncModuleExecutionFulfilled /
    //      Rejected (here: the body's own promise).
    // 9. Perform ! module.ExecuteModule(capability).
    let Some(p) = run_body(agent, graph, m, false)? else {
        return async_module_execution_fulfilled(agent, graph, m);
    };
    let id = Value::Number(f64::from(m.0));
    let on_fulfilled =
        agent.native_function_with("", 0, on_async_fulfilled, false, vec![id.clone()]);
    let on_rejected = agent.native_function_with("", 1, on_async_rejected, false, vec![id]);
    perform_promise_then(
        agent,
        &p,
        Value::Object(on_fulfilled),
        Value::Object(on_rejected),
        None,
    );
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

fn on_async_fulfilled(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Some(graph) = host_graph(agent) {
        async_module_execution_fulfilled(agent, &graph, module_of(args))?;
    }
    Ok(Value::Undefined)
}

fn on_async_rejected(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    if let Some(graph) = host_graph(agent) {
        async_module_execution_rejected(agent, &graph, module_of(args), args.arg(0))?;
    }
    Ok(Value::Undefined)
}

/// GatherAvailableAncestors ( module, execList ) —
/// <https://tc39.es/ecma262/#sec-gather-available-ancestors>
// Deviation: iterative (a work stack of modules whose parents to visit).
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
            // a. If execList does not contain m and m.[[CycleRoot]].[[EvaluationError]] is empty, then
            let root = g.get(m).cycle_root.unwrap_or(m);
            if in_list.contains(&m) || g.get(root).evaluation_error.is_some() {
                continue;
            }
            // v. Set m.[[PendingAsyncDependencies]] to m.[[PendingAsyncDependencies]] - 1.
            let r = g.get_mut(m);
            let pending = r.pending_async_dependencies.unwrap_or(1).saturating_sub(1);
            r.pending_async_dependencies = Some(pending);
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
}

/// AsyncModuleExecutionFulfilled ( module ) —
/// <https://tc39.es/ecma262/#sec-async-module-execution-fulfilled>
pub fn async_module_execution_fulfilled(
    agent: &mut Agent,
    graph: &SharedGraph,
    module: ModuleId,
) -> JsResult<()> {
    let capability = {
        let mut g = graph.borrow_mut();
        let r = g.get_mut(module);
        // 1. If module.[[Status]] is evaluated, then (an error was recorded) return.
        if r.status == Status::Evaluated && r.evaluation_error.is_some() {
            return Ok(());
        }
        if g.tracing() {
            let line = format!(
                "async fulfilled {}: evaluating-async -> evaluated",
                g.label(module)
            );
            g.trace_line(line);
        }
        let r = g.get_mut(module);
        // 5. Set module.[[AsyncEvaluation]] to done. 6. Set [[Status]] to evaluated.
        r.async_evaluation_done = true;
        r.status = Status::Evaluated;
        r.top_level_capability.clone()
    };
    // 7. If module.[[TopLevelCapability]] is not empty, resolve it with undefined.
    if let Some(c) = capability {
        agent.call(&c.resolve, &Value::Undefined, &[Value::Undefined])?;
    }
    // 8–9. Let execList be « »; GatherAvailableAncestors(module, execList).
    let mut exec_list = Vec::new();
    gather_available_ancestors(graph, module, &mut exec_list);
    // 11. Sort by [[AsyncEvaluation]] order.
    {
        let g = graph.borrow();
        exec_list.sort_by_key(|m| g.get(*m).async_evaluation.unwrap_or(u64::MAX));
        if g.tracing() && !exec_list.is_empty() {
            let line = format!(
                "gather {}: execList {}",
                g.label(module),
                g.labels(&exec_list)
            );
            g.trace_line(line);
        }
    }
    // 12. For each Cyclic Module Record m of sortedExecList, do
    for m in exec_list {
        let (status, has_tla) = {
            let g = graph.borrow();
            let r = g.get(m);
            (r.status, r.has_tla)
        };
        // a. If m.[[Status]] is evaluated, then assert an error is recorded.
        if status == Status::Evaluated {
            continue;
        }
        // b. Else if m.[[HasTLA]] is true, then perform ExecuteAsyncModule(m).
        if has_tla {
            execute_async_module(agent, graph, m)?;
            continue;
        }
        // c. Else,
        //    i. Let result be m.ExecuteModule().
        match execute_module(agent, graph, m) {
            // ii. If result is an abrupt completion, AsyncModuleExecutionRejected(m, result.[[Value]]).
            Err(Throw(error)) => async_module_execution_rejected(agent, graph, m, error)?,
            // iii. Else: [[AsyncEvaluation]] done, [[Status]] evaluated, and resolve
            //      m.[[TopLevelCapability]] if not empty.
            Ok(()) => {
                let capability = {
                    let mut g = graph.borrow_mut();
                    let r = g.get_mut(m);
                    r.async_evaluation_done = true;
                    r.status = Status::Evaluated;
                    r.top_level_capability.clone()
                };
                if let Some(c) = capability {
                    agent.call(&c.resolve, &Value::Undefined, &[Value::Undefined])?;
                }
            }
        }
    }
    Ok(())
}

/// AsyncModuleExecutionRejected ( module, error ) —
/// <https://tc39.es/ecma262/#sec-async-module-execution-rejected>
// Deviation: iterative over [[AsyncParentModules]] (a work stack, in the
// recursion's order).
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
            // 1. If module.[[Status]] is evaluated, return.
            if r.status == Status::Evaluated {
                continue;
            }
            if g.tracing() {
                let line = format!("async rejected {}: -> evaluated with error", g.label(m));
                g.trace_line(line);
            }
            let r = g.get_mut(m);
            // 5–7. [[EvaluationError]], [[Status]] evaluated, [[AsyncEvaluation]] done.
            r.evaluation_error = Some(error.clone());
            r.status = Status::Evaluated;
            r.async_evaluation_done = true;
            // 9. For each m of module.[[AsyncParentModules]]: AsyncModuleExecutionRejected(m, error).
            work.extend(r.async_parent_modules.iter().rev().copied());
            r.top_level_capability.clone()
        };
        // 10. If module.[[TopLevelCapability]] is not empty, reject it with error.
        if let Some(c) = capability {
            agent.call(&c.reject, &Value::Undefined, std::slice::from_ref(&error))?;
        }
    }
    Ok(())
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

//! What a terminated evaluation (a `vm` timeout, a step budget, a heap cap)
//! leaves in the module records: Node reports the modules it went through
//! as errored with error `null`, and evaluating the module again gives a
//! promise that never settles.
//!
//! Deviation: termination is not in ECMA-262 (it is V8's TerminateExecution);
//! the records are repaired after the fact so that `status` and `error`
//! read as Node's do.

use gc::Gc;

use super::record::{ModuleId, SharedGraph};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::value::Value;

/// After a terminated evaluation of `id`: every [[EvaluationError]] that is
/// the termination becomes `null`, and the cycle root's
/// [[TopLevelCapability]] a promise that never settles (the old one's
/// rejection is not reported as unhandled).
pub fn clear_termination(agent: &mut Agent, graph: &SharedGraph, id: ModuleId) -> JsResult<()> {
    let marker = Value::Object(agent.termination_marker());
    let never = agent.promise_capability()?;
    let mut g = graph.borrow_mut();
    let root = g.get(id).cycle_root.unwrap_or(id);
    for record in g.modules.iter_mut() {
        if record
            .evaluation_error
            .as_ref()
            .is_some_and(|e| e.same_value(&marker))
        {
            record.evaluation_error = Some(Value::Null);
        }
    }
    if let Some(old) = g
        .get_mut(root)
        .top_level_capability
        .replace(Box::new(never))
    {
        if let Value::Object(p) = &old.promise {
            agent
                .jobs
                .unhandled_rejections
                .retain(|q| !Gc::ptr_eq(q, p));
        }
    }
    Ok(())
}

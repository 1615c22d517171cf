//! URLSearchParams Iterator objects (WebIDL's default iterator objects
//! for a pair iterable): live cursors over a URLSearchParams list.

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use super::search_params::SearchParamsData;
use crate::host::errors::coded_error;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::ops::errors::ErrorKind;
use crate::interp::value::Value;

/// What an iterator yields: names, values or [name, value] pairs.
#[derive(Copy, Clone, PartialEq, Eq)]
pub(super) enum IteratorKind {
    Key,
    Value,
    KeyValue,
}

/// The iterator's target, kind and index into the target's list.
#[derive(Trace, Finalize)]
struct SearchParamsIteratorData {
    target: Gc<JsObject>,
    #[unsafe_ignore_trace]
    kind: IteratorKind,
    #[unsafe_ignore_trace]
    index: Cell<usize>,
}

impl ObjectData for SearchParamsIteratorData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "URLSearchParams Iterator"
    }
}

/// A new iterator over `target`'s list.
pub(super) fn create_search_params_iterator(
    agent: &mut Agent,
    target: Gc<JsObject>,
    kind: IteratorKind,
) -> Value {
    let proto = agent.intrinsics().get("URLSearchParams Iterator.prototype");
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(SearchParamsIteratorData {
            target,
            kind,
            index: Cell::new(0),
        })),
    ))
}

/// %URLSearchParamsIteratorPrototype%.next ( ): the pair at the index (the
/// list is read afresh each time), or done.
fn next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let data = match args.this {
        Value::Object(o) => o.data::<SearchParamsIteratorData>(),
        _ => None,
    };
    let Some(data) = data else {
        return Err(coded_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_THIS",
            "Value of \"this\" must be of type URLSearchParamsIterator".to_string(),
        ));
    };
    let index = data.index.get();
    let pair = data
        .target
        .data::<SearchParamsData>()
        .expect("an iterator's target is a URLSearchParams")
        .list
        .borrow()
        .get(index)
        .cloned();
    let Some((name, value)) = pair else {
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    };
    data.index.set(index + 1);
    let result = match data.kind {
        IteratorKind::Key => Value::from(name.as_str()),
        IteratorKind::Value => Value::from(value.as_str()),
        IteratorKind::KeyValue => Value::Object(agent.create_array_from_list(vec![
            Value::from(name.as_str()),
            Value::from(value.as_str()),
        ])),
    };
    Ok(agent.create_iter_result_object(result, false))
}

pub(super) fn install(agent: &mut Agent) {
    let iterator_prototype = agent.intrinsics().iterator_prototype.clone();
    let proto = JsObject::ordinary_create(Some(iterator_prototype));
    agent.define_method(&proto, "next", 0, next);
    agent.define_to_string_tag(&proto, "URLSearchParams Iterator");
    agent
        .intrinsics()
        .register("URLSearchParams Iterator.prototype", proto);
}

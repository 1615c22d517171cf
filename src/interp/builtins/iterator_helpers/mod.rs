//! The Iterator constructor and the iterator helpers (ECMA-262 §27.1.3):
//! `Iterator`, `Iterator.from`, the lazy helpers `map`, `filter`, `take`,
//! `drop` and `flatMap` (helper.rs, whose objects are
//! %IteratorHelperPrototype%'s), and the eager `reduce`, `toArray`,
//! `forEach`, `some`, `every` and `find` (consumers.rs).

mod constructor;
mod consumers;
mod helper;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::JsObject;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent) {
    constructor::install(agent);
    let proto = agent.intrinsics().iterator_prototype.clone();
    helper::install(agent, &proto);
    consumers::install(agent, &proto);
}

/// GetIteratorDirect ( obj ) — <https://tc39.es/ecma262/#sec-getiteratordirect>
fn get_iterator_direct(agent: &mut Agent, obj: &Gc<JsObject>) -> JsResult<IteratorRecord> {
    // 1. Let nextMethod be ? Get(obj, "next").
    let next_method = agent.get(obj, &PropertyKey::from("next"))?;
    // 2. Let iteratorRecord be the Iterator Record { [[Iterator]]: obj,
    //    [[NextMethod]]: nextMethod, [[Done]]: false }.
    // 3. Return iteratorRecord.
    Ok(IteratorRecord {
        iterator: Value::Object(obj.clone()),
        next_method,
        done: false,
    })
}

/// Steps 1–2 of every helper: the this value, which must be an Object.
fn this_object(agent: &mut Agent, this: &Value, method: &str) -> JsResult<Gc<JsObject>> {
    match this {
        Value::Object(o) => Ok(o.clone()),
        _ => agent.throw_type_error(format!("Iterator.prototype.{method} called on non-object")),
    }
}

/// The argument checks of the helpers: on failure, `error` is thrown
/// after IteratorClose of the receiver ({ [[Iterator]]: O,
/// [[NextMethod]]: undefined }).
fn close_receiver_with(agent: &mut Agent, o: &Gc<JsObject>, error: Throw) -> Throw {
    let record = IteratorRecord {
        iterator: Value::Object(o.clone()),
        next_method: Value::Undefined,
        done: false,
    };
    agent.iterator_close_with_error(&record, error)
}

/// IsCallable(f), or V8's TypeError after closing the receiver.
fn require_callable(agent: &mut Agent, o: &Gc<JsObject>, f: &Value, method: &str) -> JsResult<()> {
    if agent.is_callable(f) {
        return Ok(());
    }
    let error = agent.type_error(format!(
        "string \"Iterator.prototype.{method}\" is not a function"
    ));
    Err(close_receiver_with(agent, o, error))
}

/// IteratorStep ( iteratorRecord ): whether a result came (false once the
/// iterator is done); its value is not read.
fn iterator_step(agent: &mut Agent, record: &mut IteratorRecord) -> JsResult<bool> {
    let result = agent.iterator_next(record, None)?;
    match agent.iterator_complete(&result) {
        Ok(true) => {
            record.done = true;
            Ok(false)
        }
        Ok(false) => Ok(true),
        Err(e) => {
            record.done = true;
            Err(e)
        }
    }
}

//! The eager iterator helpers (§27.1.3.2): reduce, toArray, forEach,
//! some, every and find.

use gc::Gc;

use super::{get_iterator_direct, require_callable, this_object};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::ops::iteration::IteratorRecord;
use crate::interp::value::Value;

/// Iterator.prototype.reduce ( reducer [ , initialValue ] ) —
/// <https://tc39.es/ecma262/#sec-iterator.prototype.reduce>
fn reduce(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; if O is not an Object, throw a TypeError.
    let o = this_object(agent, args.this, "reduce")?;
    // 3–4. If IsCallable(reducer) is false, throw a TypeError (closing O).
    let reducer = args.arg(0);
    require_callable(agent, &o, &reducer, "reduce")?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &o)?;
    // 6. If initialValue is not present, then
    let (mut accumulator, mut counter) = if args.args.len() < 2 {
        // a. Let accumulator be ? IteratorStepValue(iterated).
        // b. If accumulator is done, throw a TypeError exception.
        match agent.iterator_step_value(&mut iterated)? {
            Some(first) => (first, 1.0),
            None => {
                return agent.throw_type_error("Reduce of a done iterator with no initial value")
            }
        }
    } else {
        // 7. Else, let accumulator be initialValue and counter be 0.
        (args.arg(1), 0.0)
    };
    // 8. Repeat,
    loop {
        // a. Let value be ? IteratorStepValue(iterated).
        // b. If value is done, return accumulator.
        let Some(value) = agent.iterator_step_value(&mut iterated)? else {
            return Ok(accumulator);
        };
        // c. Let result be Completion(Call(reducer, undefined, « accumulator, value, 𝔽(counter) »)).
        let result = agent.call(
            &reducer,
            &Value::Undefined,
            &[accumulator, value, Value::Number(counter)],
        );
        // d. IfAbruptCloseIterator(result, iterated).
        // e. Set accumulator to result.
        accumulator = result.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// Iterator.prototype.toArray ( ) — <https://tc39.es/ecma262/#sec-iterator.prototype.toarray>
fn to_array(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let O be the this value; if O is not an Object, throw a TypeError.
    let o = this_object(agent, args.this, "toArray")?;
    // 3. Let iterated be ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &o)?;
    // 4–5. Append every value; return CreateArrayFromList(items).
    let items = agent.iterator_to_list(&mut iterated)?;
    Ok(Value::Object(agent.create_array_from_list(items)))
}

/// What a predicate's answer does to forEach, some, every and find.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Consumer {
    ForEach,
    Some,
    Every,
    Find,
}

/// forEach, some, every and find: call `fn` with each value and counter;
/// some/every/find stop (closing the iterator) at their answer.
fn consume(
    agent: &mut Agent,
    args: &CallArgs,
    consumer: Consumer,
    method: &str,
) -> JsResult<Value> {
    // 1–2. Let O be the this value; if O is not an Object, throw a TypeError.
    let o = this_object(agent, args.this, method)?;
    // 3–4. If IsCallable(fn) is false, throw a TypeError (closing O).
    let function = args.arg(0);
    require_callable(agent, &o, &function, method)?;
    // 5. Set iterated to ? GetIteratorDirect(O).
    let mut iterated = get_iterator_direct(agent, &o)?;
    // 6. Let counter be 0.
    let mut counter = 0.0;
    // 7. Repeat,
    loop {
        // a–b. Let value be ? IteratorStepValue(iterated); if done, return
        //      undefined (forEach, find), false (some) or true (every).
        let Some(value) = agent.iterator_step_value(&mut iterated)? else {
            return Ok(match consumer {
                Consumer::ForEach | Consumer::Find => Value::Undefined,
                Consumer::Some => Value::Bool(false),
                Consumer::Every => Value::Bool(true),
            });
        };
        // c. Let result be Completion(Call(fn, undefined, « value, 𝔽(counter) »)).
        let result = agent.call(
            &function,
            &Value::Undefined,
            &[value.clone(), Value::Number(counter)],
        );
        // d. IfAbruptCloseIterator(result, iterated).
        let result = result.map_err(|e| agent.iterator_close_with_error(&iterated, e))?;
        // e. some: if ToBoolean(result) is true, return ? IteratorClose(iterated, true);
        //    every: if false, return ? IteratorClose(iterated, false);
        //    find: if true, return ? IteratorClose(iterated, value).
        let answer = match (consumer, to_boolean(&result)) {
            (Consumer::Some, true) => Some(Value::Bool(true)),
            (Consumer::Every, false) => Some(Value::Bool(false)),
            (Consumer::Find, true) => Some(value),
            _ => None,
        };
        if let Some(answer) = answer {
            return close_with(agent, &iterated, answer);
        }
        // f. Set counter to counter + 1.
        counter += 1.0;
    }
}

/// ? IteratorClose(iterated, NormalCompletion(value)).
fn close_with(agent: &mut Agent, iterated: &IteratorRecord, value: Value) -> JsResult<Value> {
    agent.iterator_close(iterated, Ok(value))
}

/// Iterator.prototype.forEach ( procedure ) — <https://tc39.es/ecma262/#sec-iterator.prototype.foreach>
fn for_each(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    consume(agent, args, Consumer::ForEach, "forEach")
}

/// Iterator.prototype.some ( predicate ) — <https://tc39.es/ecma262/#sec-iterator.prototype.some>
fn some(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    consume(agent, args, Consumer::Some, "some")
}

/// Iterator.prototype.every ( predicate ) — <https://tc39.es/ecma262/#sec-iterator.prototype.every>
fn every(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    consume(agent, args, Consumer::Every, "every")
}

/// Iterator.prototype.find ( predicate ) — <https://tc39.es/ecma262/#sec-iterator.prototype.find>
fn find(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    consume(agent, args, Consumer::Find, "find")
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<crate::interp::object::JsObject>) {
    agent.define_method(proto, "reduce", 1, reduce);
    agent.define_method(proto, "toArray", 0, to_array);
    agent.define_method(proto, "forEach", 1, for_each);
    agent.define_method(proto, "some", 1, some);
    agent.define_method(proto, "every", 1, every);
    agent.define_method(proto, "find", 1, find);
}

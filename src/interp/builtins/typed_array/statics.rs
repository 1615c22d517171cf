//! Properties of the %TypedArray% intrinsic (ECMA-262 §23.2.2):
//! `from` and `of`, and the creation operations methods share
//! (§23.2.4 TypedArraySpeciesCreate, TypedArrayCreateFromConstructor,
//! TypedArrayCreateSameType).

use gc::Gc;

use super::object::{ta, validate_typed_array};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::call::is_constructor;
use crate::interp::ops::conversion::is_callable;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

pub fn install(agent: &mut Agent, intrinsic: &Gc<JsObject>) {
    agent.define_method(intrinsic, "from", 1, from);
    agent.define_method(intrinsic, "of", 0, of);
}

/// The this value when it is a constructor.
fn this_constructor(agent: &mut Agent, args: &CallArgs, method: &str) -> JsResult<Gc<JsObject>> {
    match args.this {
        Value::Object(c) if is_constructor(c) => Ok(c.clone()),
        other => {
            let shown = match other {
                Value::Object(o) => agent.object_label(o),
                Value::Number(_) => "[object Number]".into(),
                v => agent.to_display_string(v),
            };
            agent.throw_type_error(format!(
                "Method %TypedArray%.{method} called on incompatible receiver {shown}"
            ))
        }
    }
}

/// %TypedArray%.from ( source [ , mapfn [ , thisArg ] ] ) — <https://tc39.es/ecma262/#sec-%typedarray%.from>
fn from(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. Let C be the this value; if IsConstructor(C) is false, throw a TypeError.
    let c = this_constructor(agent, args, "from")?;
    let (source, mapfn, this_arg) = (args.arg(0), args.arg(1), args.arg(2));
    // 3–4. mapping, with a callable mapfn.
    let mapping = !mapfn.is_undefined();
    if mapping && !is_callable(&mapfn) {
        let shown = agent.to_display_string(&mapfn);
        return agent.throw_type_error(format!("{shown} is not a function"));
    }
    // 5. Let usingIterator be ? GetMethod(source, @@iterator).
    let iterator = PropertyKey::Symbol(agent.symbols.iterator.clone());
    if matches!(source, Value::Undefined | Value::Null) {
        return agent.throw_type_error("Cannot convert undefined or null to object");
    }
    if let Some(method) = agent.get_method(&source, &iterator)? {
        // 6.a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
        let mut record = agent.get_iterator_from_method(&source, &method)?;
        let values = agent.iterator_to_list(&mut record)?;
        // b–c. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
        let len = values.len();
        let target = typed_array_create_from_constructor(agent, &c, &[Value::Number(len as f64)])?;
        // d–e. For each k: mappedValue, then ? Set(targetObj, Pk, mappedValue, true).
        for (k, value) in values.into_iter().enumerate() {
            let mapped = if mapping {
                agent.call(&mapfn, &this_arg, &[value, Value::Number(k as f64)])?
            } else {
                value
            };
            agent.set_or_throw(&target, &PropertyKey::from(k as u32), mapped)?;
        }
        // g. Return targetObj.
        return Ok(Value::Object(target));
    }
    // 8. Let arrayLike be ! ToObject(source).
    let array_like = agent.to_object(&source)?;
    // 9. Let len be ? LengthOfArrayLike(arrayLike).
    let len = agent.length_of_array_like(&array_like)?;
    // 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let target = typed_array_create_from_constructor(agent, &c, &[Value::Number(len)])?;
    // 11–12. For each k: kValue = ? Get(arrayLike, Pk), mapped, ? Set(targetObj, Pk, mappedValue, true).
    let mut k = 0.0;
    while k < len {
        agent.poll_interrupt()?;
        let key = PropertyKey::from(k as u32);
        let value = agent.get(&array_like, &key)?;
        let mapped = if mapping {
            agent.call(&mapfn, &this_arg, &[value, Value::Number(k)])?
        } else {
            value
        };
        agent.set_or_throw(&target, &key, mapped)?;
        k += 1.0;
    }
    // 13. Return targetObj.
    Ok(Value::Object(target))
}

/// %TypedArray%.of ( ...items ) — <https://tc39.es/ecma262/#sec-%typedarray%.of>
fn of(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. Let len be the number of elements in items.
    let len = args.args.len();
    // 2–3. Let C be the this value; if IsConstructor(C) is false, throw a TypeError.
    let c = this_constructor(agent, args, "of")?;
    // 4. Let newObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    let new = typed_array_create_from_constructor(agent, &c, &[Value::Number(len as f64)])?;
    // 5–6. For each k: Perform ? Set(newObj, Pk, kValue, true).
    for (k, value) in args.args.iter().enumerate() {
        agent.set_or_throw(&new, &PropertyKey::from(k as u32), value.clone())?;
    }
    // 7. Return newObj.
    Ok(Value::Object(new))
}

/// TypedArrayCreateFromConstructor ( constructor, argumentList ) —
/// <https://tc39.es/ecma262/#sec-typedarraycreatefromconstructor>
pub fn typed_array_create_from_constructor(
    agent: &mut Agent,
    constructor: &Gc<JsObject>,
    argument_list: &[Value],
) -> JsResult<Gc<JsObject>> {
    // 1. Let newTypedArray be ? Construct(constructor, argumentList).
    let new = agent.construct(constructor, argument_list, None)?;
    // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst).
    let (new, length) = validate_typed_array(agent, &new, "Construct")?;
    // 3. If argumentList is a single Number, then
    if let [Value::Number(n)] = argument_list {
        // c. If length < ℝ(argumentList[0]), throw a TypeError exception.
        if (length as f64) < *n {
            return agent.throw_type_error(
                "Derived TypedArray constructor created an array which was too small",
            );
        }
    }
    // 4. Return newTypedArray.
    Ok(new)
}

/// TypedArraySpeciesCreate ( exemplar, argumentList ) —
/// <https://tc39.es/ecma262/#sec-typedarray-species-create>
pub fn typed_array_species_create(
    agent: &mut Agent,
    exemplar: &Gc<JsObject>,
    argument_list: &[Value],
) -> JsResult<Gc<JsObject>> {
    // 1. Let defaultConstructor be the intrinsic object associated with exemplar.[[TypedArrayName]].
    let default = agent
        .intrinsics()
        .get(ta(exemplar).element.constructor_name());
    // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
    let constructor = agent.species_constructor(exemplar, default)?;
    // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
    let result = typed_array_create_from_constructor(agent, &constructor, argument_list)?;
    // 4. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError exception.
    if ta(&result).element.content_type() != ta(exemplar).element.content_type() {
        return agent
            .throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
    }
    // 5. Return result.
    Ok(result)
}

/// TypedArrayCreateSameType ( exemplar, argumentList ) —
/// <https://tc39.es/ecma262/#sec-typedarray-create-same-type>
pub fn typed_array_create_same_type(
    agent: &mut Agent,
    exemplar: &Gc<JsObject>,
    length: usize,
) -> JsResult<Gc<JsObject>> {
    let constructor = agent
        .intrinsics()
        .get(ta(exemplar).element.constructor_name());
    typed_array_create_from_constructor(agent, &constructor, &[Value::Number(length as f64)])
}

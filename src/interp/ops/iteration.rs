//! Operations on iterator objects (ECMA-262 §7.4).

use gc::Gc;

use super::conversion::{is_callable, to_boolean};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::JsObject;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;

/// An Iterator Record (§7.4.1).
#[derive(Clone)]
pub struct IteratorRecord {
    /// [[Iterator]]
    pub iterator: Value,
    /// [[NextMethod]]
    pub next_method: Value,
    /// [[Done]]
    pub done: bool,
}

/// sync or async, for GetIterator.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IteratorKind {
    Sync,
    Async,
}

impl Agent {
    /// GetIteratorFromMethod ( obj, method ) — <https://tc39.es/ecma262/#sec-getiteratorfrommethod>
    pub fn get_iterator_from_method(
        &mut self,
        obj: &Value,
        method: &Value,
    ) -> JsResult<IteratorRecord> {
        // 1. Let iterator be ? Call(method, obj).
        let iterator = self.call(method, obj, &[])?;
        // 2. If iterator is not an Object, throw a TypeError exception.
        if !matches!(iterator, Value::Object(_)) {
            return self.throw_type_error("Result of the Symbol.iterator method is not an object");
        }
        // 3. Let nextMethod be ? Get(iterator, "next").
        let next_method = self.get_v(&iterator, &PropertyKey::from("next"))?;
        // 4–5. Return the Iterator Record.
        Ok(IteratorRecord {
            iterator,
            next_method,
            done: false,
        })
    }

    /// GetIterator ( obj, kind ) — <https://tc39.es/ecma262/#sec-getiterator>
    /// (the async kind's CreateAsyncFromSyncIterator fallback lives with
    /// the async iteration code).
    pub fn get_iterator(&mut self, obj: &Value) -> JsResult<IteratorRecord> {
        // 2. Else, let method be ? GetMethod(obj, @@iterator).
        let key = PropertyKey::Symbol(self.symbols.iterator.clone());
        let method = self.get_method(obj, &key)?;
        // 3. If method is undefined, throw a TypeError exception.
        let Some(method) = method else {
            let shown = self.iterable_label(obj);
            return self.throw_type_error(format!("{shown} is not iterable"));
        };
        // 4. Return ? GetIteratorFromMethod(obj, method).
        self.get_iterator_from_method(obj, &method)
    }

    /// How V8 names a non-iterable value in its error message.
    fn iterable_label(&self, v: &Value) -> String {
        match v {
            Value::Object(o) if o.is_callable() => "function".into(),
            Value::Object(_) => "object".into(),
            Value::String(s) => format!("\"{}\"", s.to_rust_string()),
            other => self.to_display_string(other),
        }
    }

    /// IteratorNext ( iteratorRecord [ , value ] ) — <https://tc39.es/ecma262/#sec-iteratornext>
    pub fn iterator_next(
        &mut self,
        record: &mut IteratorRecord,
        value: Option<&Value>,
    ) -> JsResult<Gc<JsObject>> {
        let args: &[Value] = match value {
            Some(v) => std::slice::from_ref(v),
            None => &[],
        };
        // 1–2. Let result be Completion(Call(next, iterator[, « value »])).
        let result = match self.call(&record.next_method.clone(), &record.iterator.clone(), args) {
            Ok(r) => r,
            Err(e) => {
                // 3. If result is a throw completion, set [[Done]] to true.
                record.done = true;
                return Err(e);
            }
        };
        // 5. If result is not an Object, then set [[Done]] and throw a TypeError.
        match result {
            Value::Object(o) => Ok(o),
            other => {
                record.done = true;
                let shown = self.to_display_string(&other);
                self.throw_type_error(format!("Iterator result {shown} is not an object"))
            }
        }
    }

    /// IteratorComplete ( iterResult ) — <https://tc39.es/ecma262/#sec-iteratorcomplete>
    pub fn iterator_complete(&mut self, result: &Gc<JsObject>) -> JsResult<bool> {
        let done = self.get(result, &PropertyKey::from("done"))?;
        Ok(to_boolean(&done))
    }

    /// IteratorValue ( iterResult ) — <https://tc39.es/ecma262/#sec-iteratorvalue>
    pub fn iterator_value(&mut self, result: &Gc<JsObject>) -> JsResult<Value> {
        self.get(result, &PropertyKey::from("value"))
    }

    /// IteratorStepValue ( iteratorRecord ) — <https://tc39.es/ecma262/#sec-iteratorstepvalue>
    /// `Ok(None)` when the iterator is done.
    pub fn iterator_step_value(&mut self, record: &mut IteratorRecord) -> JsResult<Option<Value>> {
        // 1. Let result be ? IteratorStep(iteratorRecord).
        let result = self.iterator_next(record, None)?;
        let done = match self.iterator_complete(&result) {
            Ok(d) => d,
            Err(e) => {
                record.done = true;
                return Err(e);
            }
        };
        if done {
            record.done = true;
            return Ok(None);
        }
        // 3. Let value be Completion(IteratorValue(result)).
        match self.iterator_value(&result) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                // 4. If value is a throw completion, set [[Done]] to true.
                record.done = true;
                Err(e)
            }
        }
    }

    /// IteratorClose ( iteratorRecord, completion ) — <https://tc39.es/ecma262/#sec-iteratorclose>
    pub fn iterator_close<T>(
        &mut self,
        record: &IteratorRecord,
        completion: JsResult<T>,
    ) -> JsResult<T> {
        // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
        let iterator = record.iterator.clone();
        let inner = match self.get_method(&iterator, &PropertyKey::from("return")) {
            // 4. If innerResult is a normal completion, then
            Ok(Some(ret)) => self.call(&ret, &iterator, &[]),
            // b. If return is undefined, return ? completion.
            Ok(None) => return completion,
            Err(e) => Err(e),
        };
        // 5. If completion is a throw completion, return ? completion.
        let value = completion?;
        // 6. If innerResult is a throw completion, return ? innerResult.
        let inner = inner?;
        // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
        if !matches!(inner, Value::Object(_)) {
            let shown = self.to_display_string(&inner);
            return self.throw_type_error(format!("Iterator result {shown} is not an object"));
        }
        // 8. Return ? completion.
        Ok(value)
    }

    /// IteratorClose for an abrupt exit whose error wins over any error of `return`.
    pub fn iterator_close_with_error(&mut self, record: &IteratorRecord, error: Throw) -> Throw {
        match self.iterator_close::<()>(record, Err(error)) {
            Err(e) => e,
            Ok(()) => unreachable!("a throw completion stays a throw"),
        }
    }

    /// IteratorToList ( iteratorRecord ) — <https://tc39.es/ecma262/#sec-iteratortolist>
    pub fn iterator_to_list(&mut self, record: &mut IteratorRecord) -> JsResult<Vec<Value>> {
        let mut values = Vec::new();
        while let Some(v) = self.iterator_step_value(record)? {
            values.push(v);
        }
        Ok(values)
    }

    /// Every value an iterable produces (GetIterator + IteratorToList).
    pub fn iterable_to_list(&mut self, iterable: &Value) -> JsResult<Vec<Value>> {
        let mut record = self.get_iterator(iterable)?;
        self.iterator_to_list(&mut record)
    }

    /// CreateIterResultObject ( value, done ) — <https://tc39.es/ecma262/#sec-createiterresultobject>
    pub fn create_iter_result_object(&mut self, value: Value, done: bool) -> Value {
        let obj = JsObject::ordinary_create(Some(self.intrinsics().object_prototype.clone()));
        let attrs = crate::interp::property::Attributes::ALL;
        crate::interp::native::define_value(&obj, "value", value, attrs);
        crate::interp::native::define_value(&obj, "done", Value::Bool(done), attrs);
        Value::Object(obj)
    }

    /// Whether a value is callable (for builtins' argument checks).
    pub fn is_callable(&self, v: &Value) -> bool {
        is_callable(v)
    }
}

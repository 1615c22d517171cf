//! %IteratorPrototype% and the array iterators (ECMA-262 §27.1.2,
//! §23.1.5): CreateArrayIterator and %ArrayIteratorPrototype%.next.

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::PropertyKey;
use crate::interp::slots::Slot;
use crate::interp::value::Value;

/// What an array iterator yields.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ArrayIterKind {
    Keys,
    Values,
    Entries,
}

#[derive(Trace, Finalize)]
struct ArrayIterator {
    /// [[IteratedArrayLike]]; undefined once exhausted.
    iterated: Slot<Value>,
    #[unsafe_ignore_trace]
    next_index: Cell<f64>,
    #[unsafe_ignore_trace]
    kind: ArrayIterKind,
}

impl ObjectData for ArrayIterator {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "Array Iterator"
    }
}

/// CreateArrayIterator ( array, kind ) — <https://tc39.es/ecma262/#sec-createarrayiterator>
pub fn create_array_iterator(agent: &mut Agent, array: Gc<JsObject>, kind: ArrayIterKind) -> Value {
    let proto = agent.intrinsics().array_iterator_prototype.clone();
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(ArrayIterator {
            iterated: Slot::new(Value::Object(array)),
            next_index: Cell::new(0.0),
            kind,
        })),
    ))
}

/// %ArrayIteratorPrototype%.next ( )
fn array_iterator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let it = match args.this {
        Value::Object(o) if o.data::<ArrayIterator>().is_some() => o.clone(),
        _ => {
            let shown = agent.to_display_string(args.this);
            return agent.throw_type_error(format!(
                "Method Array Iterator.prototype.next called on incompatible receiver {shown}"
            ));
        }
    };
    let data = it.data::<ArrayIterator>().expect("checked above");
    let Value::Object(array) = data.iterated.get() else {
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    };
    let index = data.next_index.get();
    // 1.b.ii–iii. A typed array's length comes from its buffer; one out of
    // bounds (or detached) throws a TypeError.
    let len = match crate::interp::builtins::typed_array::typed_array_length(&array) {
        Some(Some(len)) => len as f64,
        Some(None) => {
            return Err(crate::interp::builtins::array_buffer::detached_error(
                agent,
                "%ArrayIteratorPrototype%.next",
            ))
        }
        None => agent.length_of_array_like(&array)?,
    };
    if index >= len {
        data.iterated.set(Value::Undefined);
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    }
    data.next_index.set(index + 1.0);
    let key = PropertyKey::from(index as u32);
    let result = match data.kind {
        ArrayIterKind::Keys => Value::Number(index),
        ArrayIterKind::Values => agent.get(&array, &key)?,
        ArrayIterKind::Entries => {
            let v = agent.get(&array, &key)?;
            Value::Object(agent.create_array_from_list(vec![Value::Number(index), v]))
        }
    };
    Ok(agent.create_iter_result_object(result, false))
}

/// %IteratorPrototype% [ @@iterator ] ( ): returns this.
fn iterator_self(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(args.this.clone())
}

pub fn install(agent: &mut Agent) {
    let iterator_prototype = agent.intrinsics().iterator_prototype.clone();
    let symbol = agent.symbols.iterator.clone();
    agent.define_symbol_method(&iterator_prototype, &symbol, 0, iterator_self);
    let proto = agent.intrinsics().array_iterator_prototype.clone();
    agent.define_method(&proto, "next", 0, array_iterator_next);
    agent.define_to_string_tag(&proto, "Array Iterator");
}

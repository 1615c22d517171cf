//! String.prototype[@@iterator] and %StringIteratorPrototype% (ECMA-262
//! §22.1.5): iteration by code points.

use std::cell::Cell;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::string::JsStr;
use crate::interp::value::Value;

#[derive(Trace, Finalize)]
struct StringIterator {
    #[unsafe_ignore_trace]
    string: JsStr,
    #[unsafe_ignore_trace]
    position: Cell<usize>,
    #[unsafe_ignore_trace]
    done: Cell<bool>,
}

impl ObjectData for StringIterator {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "String Iterator"
    }
}

/// String.prototype [ @@iterator ] ( ) — <https://tc39.es/ecma262/#sec-string.prototype-@@iterator>
fn string_iterator(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let s = super::methods::this_string(agent, args.this, "String.prototype[Symbol.iterator]")?;
    let proto = agent.intrinsics().string_iterator_prototype.clone();
    Ok(Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(StringIterator {
            string: s,
            position: Cell::new(0),
            done: Cell::new(false),
        })),
    )))
}

/// %StringIteratorPrototype%.next ( )
fn next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let it: Gc<JsObject> = match args.this {
        Value::Object(o) if o.data::<StringIterator>().is_some() => o.clone(),
        _ => return agent.throw_type_error("next method called on incompatible receiver"),
    };
    let data = it.data::<StringIterator>().expect("checked above");
    let units = data.string.units();
    let i = data.position.get();
    if data.done.get() || i >= units.len() {
        data.done.set(true);
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    }
    // CodePointAt: a surrogate pair is one code point.
    let len = if (0xD800..0xDC00).contains(&units[i])
        && units
            .get(i + 1)
            .is_some_and(|u| (0xDC00..0xE000).contains(u))
    {
        2
    } else {
        1
    };
    data.position.set(i + len);
    let cp = JsStr::from_units(units[i..i + len].to_vec());
    Ok(agent.create_iter_result_object(Value::String(cp), false))
}

pub(super) fn install(agent: &mut Agent, proto: &Gc<JsObject>) {
    let symbol = agent.symbols.iterator.clone();
    agent.define_symbol_method(proto, &symbol, 0, string_iterator);
    let iter_proto = agent.intrinsics().string_iterator_prototype.clone();
    agent.define_method(&iter_proto, "next", 0, next);
    agent.define_to_string_tag(&iter_proto, "String Iterator");
}

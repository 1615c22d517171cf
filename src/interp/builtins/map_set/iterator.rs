//! Map Iterator and Set Iterator objects (ECMA-262 §24.1.5, §24.2.6):
//! %MapIteratorPrototype% and %SetIteratorPrototype%.

use gc::{Finalize, Gc, Trace};

use super::table::Cursor;
use super::{define_to_string_tag, table};
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::slots::Slot;
use crate::interp::value::Value;

/// What an iterator yields: keys, values or [key, value] pairs.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IterationKind {
    Key,
    Value,
    KeyValue,
}

/// The state of the generator that CreateMapIterator / CreateSetIterator
/// describe: the collection (None once the iterator is done) and a cursor
/// into its entries.
#[derive(Trace, Finalize)]
pub struct CollectionIteratorData {
    collection: Slot<Option<Gc<JsObject>>>,
    #[unsafe_ignore_trace]
    cursor: Cursor,
    #[unsafe_ignore_trace]
    kind: IterationKind,
    #[unsafe_ignore_trace]
    is_map: bool,
}

impl ObjectData for CollectionIteratorData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        if self.is_map {
            "Map Iterator"
        } else {
            "Set Iterator"
        }
    }
}

pub fn install(agent: &mut Agent) {
    let map_iter = agent.intrinsics().map_iterator_prototype.clone();
    agent.define_method(&map_iter, "next", 0, map_iterator_next);
    define_to_string_tag(agent, &map_iter, "Map Iterator");
    let set_iter = agent.intrinsics().set_iterator_prototype.clone();
    agent.define_method(&set_iter, "next", 0, set_iterator_next);
    define_to_string_tag(agent, &set_iter, "Set Iterator");
}

/// CreateMapIterator ( map, kind ) / CreateSetIterator ( set, kind ) —
/// <https://tc39.es/ecma262/#sec-createmapiterator>
pub fn create_collection_iterator(
    agent: &mut Agent,
    collection: Gc<JsObject>,
    kind: IterationKind,
    is_map: bool,
) -> Value {
    let proto = if is_map {
        agent.intrinsics().map_iterator_prototype.clone()
    } else {
        agent.intrinsics().set_iterator_prototype.clone()
    };
    let cursor = table(&collection).new_cursor();
    Value::Object(JsObject::with_kind(
        Some(proto),
        ObjectKind::Other(Box::new(CollectionIteratorData {
            collection: Slot::new(Some(collection)),
            cursor,
            kind,
            is_map,
        })),
    ))
}

/// %MapIteratorPrototype%.next ( ) — <https://tc39.es/ecma262/#sec-%mapiteratorprototype%.next>
fn map_iterator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_next(agent, args, true)
}

/// %SetIteratorPrototype%.next ( ) — <https://tc39.es/ecma262/#sec-%setiteratorprototype%.next>
fn set_iterator_next(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    iterator_next(agent, args, false)
}

/// GeneratorResume of the closure CreateMapIterator / CreateSetIterator build.
fn iterator_next(agent: &mut Agent, args: &CallArgs, is_map: bool) -> JsResult<Value> {
    let data = match args.this {
        Value::Object(o) => o
            .data::<CollectionIteratorData>()
            .filter(|d| d.is_map == is_map),
        _ => None,
    };
    let Some(data) = data else {
        let name = if is_map {
            "Map Iterator"
        } else {
            "Set Iterator"
        };
        let shown = super::labels::receiver_label(args.this);
        return agent.throw_type_error(format!(
            "Method {name}.prototype.next called on incompatible receiver {shown}"
        ));
    };
    // A finished iterator stays finished (the generator has completed).
    let Some(collection) = data.collection.get() else {
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    };
    // 2.a–c. Walk the entries from the saved index, skipping empty ones.
    let Some((key, value)) = table(&collection).next_entry(&data.cursor) else {
        data.collection.set(None);
        return Ok(agent.create_iter_result_object(Value::Undefined, true));
    };
    // iii. Let result be key, value or CreateArrayFromList(« key, value »).
    let result = match (data.kind, is_map) {
        (IterationKind::Key, _) => key,
        (IterationKind::Value, true) => value,
        (IterationKind::Value, false) => key,
        (IterationKind::KeyValue, true) => {
            Value::Object(agent.create_array_from_list(vec![key, value]))
        }
        (IterationKind::KeyValue, false) => {
            Value::Object(agent.create_array_from_list(vec![key.clone(), key]))
        }
    };
    // iv. Perform ? GeneratorYield(CreateIterResultObject(result, false)).
    Ok(agent.create_iter_result_object(result, false))
}

/// What a Map or Set iterator has still to produce, read without advancing it.
pub enum IteratorPreview {
    /// Keys or values.
    Single(Vec<Value>),
    /// `[key, value]` entries (a Set's entries repeat the value).
    Pairs(Vec<(Value, Value)>),
}

/// For console formatting: `("Map Iterator" | "Set Iterator", remaining items)`
/// when `o` is a Map or Set iterator.
pub fn collection_iterator_preview(o: &Gc<JsObject>) -> Option<(&'static str, IteratorPreview)> {
    let data = o.data::<CollectionIteratorData>()?;
    let name = data.class_name();
    let mut pairs = Vec::new();
    if let Some(collection) = data.collection.get() {
        let at = std::cell::Cell::new(data.cursor.get());
        while let Some((key, value)) = table(&collection).next_entry(&at) {
            pairs.push(if data.is_map {
                (key, value)
            } else {
                (key.clone(), key)
            });
        }
    }
    let preview = match data.kind {
        IterationKind::KeyValue => IteratorPreview::Pairs(pairs),
        IterationKind::Key => IteratorPreview::Single(pairs.into_iter().map(|(k, _)| k).collect()),
        IterationKind::Value => {
            IteratorPreview::Single(pairs.into_iter().map(|(_, v)| v).collect())
        }
    };
    Some((name, preview))
}

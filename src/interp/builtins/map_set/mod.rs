//! Keyed collections (ECMA-262 §24): Map, Set, WeakMap, WeakSet and the
//! Map / Set iterators, all over one ordered hash table (`table.rs`).
//!
//! WeakMap and WeakSet hold their keys strongly: the `gc` crate has no
//! ephemerons, so an entry lives as long as its collection. Only memory use
//! can tell the difference, since weak collections cannot be enumerated.

mod collection;
mod iterator;
pub(crate) mod labels;
mod map;
mod set;
mod set_methods;
mod table;
#[cfg(test)]
mod tests;
mod weak;

use gc::Gc;

use crate::interp::agent::Agent;
use crate::interp::object::JsObject;
use crate::interp::value::Value;
use collection::{collection_of, create_collection, define_to_string_tag, table, this_collection};
pub use collection::{CollectionData, CollectionKind};
pub use iterator::{collection_iterator_preview, IteratorPreview};

pub fn install(agent: &mut Agent) {
    map::install(agent);
    set::install(agent);
    weak::install(agent);
    iterator::install(agent);
}

/// The entries of a Map, in insertion order (None when `o` is not a Map).
/// Used by console formatting.
pub fn map_entries(o: &Gc<JsObject>) -> Option<Vec<(Value, Value)>> {
    let data = o.data::<CollectionData>()?;
    (data.kind == CollectionKind::Map).then(|| data.table.entries())
}

/// The values of a Set, in insertion order (None when `o` is not a Set).
pub fn set_values(o: &Gc<JsObject>) -> Option<Vec<Value>> {
    let data = o.data::<CollectionData>()?;
    (data.kind == CollectionKind::Set)
        .then(|| data.table.entries().into_iter().map(|(k, _)| k).collect())
}

/// Whether `o` is a WeakMap / WeakSet ("WeakMap" / "WeakSet"), for console formatting.
pub fn weak_collection_kind(o: &Gc<JsObject>) -> Option<&'static str> {
    match o.data::<CollectionData>()?.kind {
        CollectionKind::WeakMap => Some("WeakMap"),
        CollectionKind::WeakSet => Some("WeakSet"),
        _ => None,
    }
}

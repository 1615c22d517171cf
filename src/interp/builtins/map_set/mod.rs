//! Keyed collections (ECMA-262 §24): Map, Set, WeakMap, WeakSet and the
//! Map / Set iterators, all over one ordered hash table (`table.rs`).
//!
//! WeakMap and WeakSet hold their keys strongly: the `gc` crate has no
//! ephemerons, so an entry lives as long as its collection. Only memory use
//! can tell the difference, since weak collections cannot be enumerated.

mod iterator;
pub(crate) mod labels;
mod map;
mod set;
mod table;
#[cfg(test)]
mod tests;
mod weak;

use gc::{Finalize, Gc, Trace};

use crate::interp::agent::{Agent, JsResult};
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;
use table::OrderedTable;

/// Which collection an object with a [[MapData]] / [[SetData]] slot is.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum CollectionKind {
    Map,
    Set,
    WeakMap,
    WeakSet,
}

impl CollectionKind {
    fn name(self) -> &'static str {
        match self {
            CollectionKind::Map => "Map",
            CollectionKind::Set => "Set",
            CollectionKind::WeakMap => "WeakMap",
            CollectionKind::WeakSet => "WeakSet",
        }
    }
}

/// The [[MapData]] / [[SetData]] / [[WeakMapData]] / [[WeakSetData]] slot.
#[derive(Trace, Finalize)]
pub struct CollectionData {
    #[unsafe_ignore_trace]
    kind: CollectionKind,
    table: OrderedTable,
}

impl ObjectData for CollectionData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        self.kind.name()
    }
}

/// The collection data of `v` when it is a collection of `kind`.
fn collection_of(v: &Value, kind: CollectionKind) -> Option<Gc<JsObject>> {
    match v {
        Value::Object(o) if o.data::<CollectionData>().is_some_and(|d| d.kind == kind) => {
            Some(o.clone())
        }
        _ => None,
    }
}

fn table(o: &Gc<JsObject>) -> &OrderedTable {
    &o.data::<CollectionData>()
        .expect("checked by this_collection")
        .table
}

/// RequireInternalSlot(O, [[MapData]]) etc., with V8's message naming the method.
fn this_collection(
    agent: &mut Agent,
    args: &CallArgs,
    kind: CollectionKind,
    method: &str,
) -> JsResult<Gc<JsObject>> {
    match collection_of(args.this, kind) {
        Some(o) => Ok(o),
        None => {
            let shown = labels::receiver_label(args.this);
            agent.throw_type_error(format!(
                "Method {}.prototype.{method} called on incompatible receiver {shown}",
                kind.name()
            ))
        }
    }
}

/// The shared start of the four constructors: the `new` check and
/// OrdinaryCreateFromConstructor with an empty table.
fn create_collection(
    agent: &mut Agent,
    args: &CallArgs,
    kind: CollectionKind,
    default_proto: Gc<JsObject>,
) -> JsResult<Gc<JsObject>> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error(format!("Constructor {} requires 'new'", kind.name()));
    };
    // 2. Let map be ? OrdinaryCreateFromConstructor(NewTarget, "%Map.prototype%", « [[MapData]] »).
    // 3. Set map.[[MapData]] to a new empty List.
    agent.ordinary_create_from_constructor(
        new_target,
        default_proto,
        ObjectKind::Other(Box::new(CollectionData {
            kind,
            table: OrderedTable::new(),
        })),
    )
}

/// `get [Symbol.species]` of Map and Set: returns the this value.
fn species_getter(_: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    Ok(args.this.clone())
}

/// Installs `get [Symbol.species]` on a constructor.
fn define_species(agent: &mut Agent, ctor: &Gc<JsObject>) {
    let species = agent.symbols.species.clone();
    agent.define_accessor(
        ctor,
        PropertyKey::Symbol(species),
        Some(species_getter),
        None,
    );
}

/// `C.prototype[@@toStringTag]`.
fn define_to_string_tag(agent: &mut Agent, target: &Gc<JsObject>, tag: &str) {
    target.define_own_property(
        PropertyKey::Symbol(agent.symbols.to_string_tag.clone()),
        PropertyDescriptor::data(
            Value::from(tag),
            Attributes {
                writable: false,
                enumerable: false,
                configurable: true,
            },
        ),
    );
}

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

//! What the four keyed collections share: the `[[MapData]]` / `[[SetData]]`
//! slot, receiver checks, construction and the species / toStringTag
//! properties.

use gc::{Finalize, Gc, Trace};

use super::labels;
use super::table::OrderedTable;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::value::Value;

/// Which collection an object with a `[[MapData]]` / `[[SetData]]` slot is.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum CollectionKind {
    Map,
    Set,
    WeakMap,
    WeakSet,
}

impl CollectionKind {
    pub(super) fn name(self) -> &'static str {
        match self {
            CollectionKind::Map => "Map",
            CollectionKind::Set => "Set",
            CollectionKind::WeakMap => "WeakMap",
            CollectionKind::WeakSet => "WeakSet",
        }
    }
}

/// The `[[MapData]]` / `[[SetData]]` / `[[WeakMapData]]` / `[[WeakSetData]]` slot.
#[derive(Trace, Finalize)]
pub struct CollectionData {
    #[unsafe_ignore_trace]
    pub(super) kind: CollectionKind,
    pub(super) table: OrderedTable,
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
pub(super) fn collection_of(v: &Value, kind: CollectionKind) -> Option<Gc<JsObject>> {
    match v {
        Value::Object(o) if o.data::<CollectionData>().is_some_and(|d| d.kind == kind) => {
            Some(o.clone())
        }
        _ => None,
    }
}

pub(super) fn table(o: &Gc<JsObject>) -> &OrderedTable {
    &o.data::<CollectionData>()
        .expect("checked by this_collection")
        .table
}

/// RequireInternalSlot(O, `[[MapData]]`) etc., with V8's message naming the method.
pub(super) fn this_collection(
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
pub(super) fn create_collection(
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

/// `C.prototype[@@toStringTag]`.
pub(super) fn define_to_string_tag(agent: &mut Agent, target: &Gc<JsObject>, tag: &str) {
    agent.define_to_string_tag(target, tag);
}

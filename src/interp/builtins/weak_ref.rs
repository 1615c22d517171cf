//! WeakRef and FinalizationRegistry (ECMA-262 §26.1–§26.2).
//!
//! Deviation: the `gc` crate has no weak pointers, so a WeakRef holds its
//! target strongly and a FinalizationRegistry never sees a target
//! collected: `deref()` always returns the target and cleanup callbacks
//! never run. The spec allows this (an implementation need never collect
//! a target, §9.9.3); only memory use can tell the difference. A
//! registry keeps no reference to the targets it watches.

use gc::{Finalize, Gc, GcCell, Trace};

use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::function::CallArgs;
use crate::interp::object::{JsObject, ObjectData, ObjectKind};
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::value::Value;

/// [[WeakRefTarget]]
#[derive(Trace, Finalize)]
struct WeakRefData {
    target: Value,
}

impl ObjectData for WeakRefData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "WeakRef"
    }
}

/// A [[Cells]] entry: the held value and the unregister token.
#[derive(Trace, Finalize)]
struct Cell {
    held_value: Value,
    unregister_token: Option<Value>,
}

/// [[CleanupCallback]] and [[Cells]] of a FinalizationRegistry.
#[derive(Trace, Finalize)]
struct RegistryData {
    cleanup_callback: Value,
    cells: GcCell<Vec<Cell>>,
}

impl ObjectData for RegistryData {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn class_name(&self) -> &'static str {
        "FinalizationRegistry"
    }
}

/// CanBeHeldWeakly ( v ) — <https://tc39.es/ecma262/#sec-canbeheldweakly>
fn can_be_held_weakly(agent: &Agent, v: &Value) -> bool {
    match v {
        // 1. If v is an Object, return true.
        Value::Object(_) => true,
        // 2. If v is a Symbol and KeyForSymbol(v) is undefined, return true.
        Value::Symbol(s) => !agent
            .symbol_registry
            .values()
            .any(|registered| Gc::ptr_eq(registered, s)),
        // 3. Return false.
        _ => false,
    }
}

/// WeakRef ( target ) — <https://tc39.es/ecma262/#sec-weak-ref-target>
fn weak_ref_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor WeakRef requires 'new'");
    };
    // 2. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    let target = args.arg(0);
    if !can_be_held_weakly(agent, &target) {
        return agent.throw_type_error("WeakRef: invalid target");
    }
    // 3. Let weakRef be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%WeakRef.prototype%", « [[WeakRefTarget]] »).
    // 4. Perform AddToKeptObjects(target).
    // 5. Set weakRef.[[WeakRefTarget]] to target.
    let default = agent.intrinsics().get("WeakRef.prototype");
    let kind = ObjectKind::Other(Box::new(WeakRefData { target }));
    let weak_ref = agent.ordinary_create_from_constructor(new_target, default, kind)?;
    // 6. Return weakRef.
    Ok(Value::Object(weak_ref))
}

/// WeakRef.prototype.deref ( ) — <https://tc39.es/ecma262/#sec-weak-ref.prototype.deref>
fn weak_ref_deref(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(weakRef, [[WeakRefTarget]]).
    let target = match args.this {
        Value::Object(o) => o.data::<WeakRefData>().map(|d| d.target.clone()),
        _ => None,
    };
    match target {
        // 3. Return WeakRefDeref(weakRef).
        Some(target) => Ok(target),
        None => {
            let shown = super::map_set::labels::receiver_label(args.this);
            agent.throw_type_error(format!(
                "Method WeakRef.prototype.deref called on incompatible receiver {shown}"
            ))
        }
    }
}

/// FinalizationRegistry ( cleanupCallback ) —
/// <https://tc39.es/ecma262/#sec-finalization-registry-cleanup-callback>
fn registry_constructor(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1. If NewTarget is undefined, throw a TypeError exception.
    let Some(new_target) = args.new_target else {
        return agent.throw_type_error("Constructor FinalizationRegistry requires 'new'");
    };
    // 2. If IsCallable(cleanupCallback) is false, throw a TypeError exception.
    let cleanup_callback = args.arg(0);
    if !agent.is_callable(&cleanup_callback) {
        return agent.throw_type_error("FinalizationRegistry: cleanup must be callable");
    }
    // 3. Let finalizationRegistry be ? OrdinaryCreateFromConstructor(NewTarget,
    //    "%FinalizationRegistry.prototype%", « [[Realm]], [[CleanupCallback]], [[Cells]] »).
    // 4–7. [[Realm]], [[CleanupCallback]] and an empty [[Cells]].
    let default = agent.intrinsics().get("FinalizationRegistry.prototype");
    let kind = ObjectKind::Other(Box::new(RegistryData {
        cleanup_callback,
        cells: GcCell::new(Vec::new()),
    }));
    let registry = agent.ordinary_create_from_constructor(new_target, default, kind)?;
    // 8. Return finalizationRegistry.
    Ok(Value::Object(registry))
}

/// RequireInternalSlot(finalizationRegistry, [[Cells]]).
fn this_registry(agent: &mut Agent, args: &CallArgs, method: &str) -> JsResult<Gc<JsObject>> {
    match args.this {
        Value::Object(o) if o.data::<RegistryData>().is_some() => Ok(o.clone()),
        _ => {
            let shown = super::map_set::labels::receiver_label(args.this);
            agent.throw_type_error(format!(
                "Method FinalizationRegistry.prototype.{method} called on incompatible receiver {shown}"
            ))
        }
    }
}

fn cells(registry: &Gc<JsObject>) -> &GcCell<Vec<Cell>> {
    &registry
        .data::<RegistryData>()
        .expect("checked by this_registry")
        .cells
}

/// FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] ) —
/// <https://tc39.es/ecma262/#sec-finalization-registry.prototype.register>
fn registry_register(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let registry = this_registry(agent, args, "register")?;
    let (target, held_value, token) = (args.arg(0), args.arg(1), args.arg(2));
    // 3. If CanBeHeldWeakly(target) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, &target) {
        return agent.throw_type_error("FinalizationRegistry.prototype.register: invalid target");
    }
    // 4. If SameValue(target, heldValue) is true, throw a TypeError exception.
    if target.same_value(&held_value) {
        return agent.throw_type_error(
            "FinalizationRegistry.prototype.register: target and holdings must not be same",
        );
    }
    // 5. If CanBeHeldWeakly(unregisterToken) is false, then
    //    a. If unregisterToken is not undefined, throw a TypeError exception.
    //    b. Set unregisterToken to empty.
    let unregister_token = if can_be_held_weakly(agent, &token) {
        Some(token)
    } else if token.is_undefined() {
        None
    } else {
        let shown = agent.to_display_string(&token);
        return agent.throw_type_error(format!("Invalid unregisterToken ('{shown}')"));
    };
    // 6–7. Append the Record { [[WeakRefTarget]]: target, [[HeldValue]]:
    //      heldValue, [[UnregisterToken]]: unregisterToken } to [[Cells]].
    cells(&registry).borrow_mut().push(Cell {
        held_value,
        unregister_token,
    });
    // 8. Return undefined.
    Ok(Value::Undefined)
}

/// FinalizationRegistry.prototype.unregister ( unregisterToken ) —
/// <https://tc39.es/ecma262/#sec-finalization-registry.prototype.unregister>
fn registry_unregister(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    // 1–2. RequireInternalSlot(finalizationRegistry, [[Cells]]).
    let registry = this_registry(agent, args, "unregister")?;
    let token = args.arg(0);
    // 3. If CanBeHeldWeakly(unregisterToken) is false, throw a TypeError exception.
    if !can_be_held_weakly(agent, &token) {
        let shown = agent.to_display_string(&token);
        return agent.throw_type_error(format!("Invalid unregisterToken ('{shown}')"));
    }
    // 4–5. Remove every cell whose [[UnregisterToken]] is unregisterToken;
    //      removed is whether there was one.
    let mut cells = cells(&registry).borrow_mut();
    let before = cells.len();
    cells.retain(|cell| {
        !cell
            .unregister_token
            .as_ref()
            .is_some_and(|t| t.same_value(&token))
    });
    // 6. Return removed.
    Ok(Value::Bool(cells.len() != before))
}

/// Creates WeakRef and FinalizationRegistry with their prototypes.
pub fn install(agent: &mut Agent) {
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let global = agent.global_object();
    let weak_ref_proto = JsObject::ordinary_create(Some(object_prototype.clone()));
    let weak_ref = agent.native_constructor("WeakRef", 1, weak_ref_constructor, &weak_ref_proto);
    agent.define_method(&weak_ref_proto, "deref", 0, weak_ref_deref);
    agent.define_to_string_tag(&weak_ref_proto, "WeakRef");
    agent
        .intrinsics()
        .register("WeakRef.prototype", weak_ref_proto);
    let registry_proto = JsObject::ordinary_create(Some(object_prototype));
    let registry = agent.native_constructor(
        "FinalizationRegistry",
        1,
        registry_constructor,
        &registry_proto,
    );
    agent.define_method(&registry_proto, "register", 2, registry_register);
    agent.define_method(&registry_proto, "unregister", 1, registry_unregister);
    agent.define_to_string_tag(&registry_proto, "FinalizationRegistry");
    agent
        .intrinsics()
        .register("FinalizationRegistry.prototype", registry_proto);
    for (name, ctor) in [("WeakRef", weak_ref), ("FinalizationRegistry", registry)] {
        global.define_own_property(
            PropertyKey::from(name),
            PropertyDescriptor::data(Value::Object(ctor), Attributes::METHOD),
        );
    }
}

//! Reading and writing resolved bindings (what GetValue and PutValue do
//! for identifier references, after scope analysis).

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::environment::{Env, ImportTarget};
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Expr, ExprKind, Ident, Literal};
use crate::syntax::scope::{BindingRef, Implicit};

/// The environment `hops` parents up from the frame's current one.
#[inline]
pub(super) fn env_at(frame: &Frame, hops: u32) -> &Gc<Env> {
    let mut env = frame
        .env
        .as_ref()
        .expect("scope analysis resolved a binding to an environment");
    for _ in 0..hops {
        env = env
            .parent
            .as_ref()
            .expect("scope analysis counted an existing environment");
    }
    env
}

/// The value of an operand that is a number literal, or an identifier
/// whose initialised frame or environment slot holds a number: what the
/// arithmetic and comparison fast paths read without a recursive
/// evaluation. Reading such a binding has no effect, so reading it at the
/// operand's turn is its evaluation. None: evaluate the operand.
#[inline(always)]
pub(super) fn number_operand(frame: &Frame, e: &Expr) -> Option<f64> {
    match &e.kind {
        ExprKind::Lit(Literal::Num(n)) => Some(*n),
        ExprKind::Ident(id) => match id.binding.get() {
            BindingRef::Frame { slot, .. } => match frame.slots[slot as usize] {
                Some(Value::Number(n)) => Some(n),
                _ => None,
            },
            BindingRef::Env { hops, slot, .. } => env_at(frame, hops).number_at(slot),
            _ => None,
        },
        _ => None,
    }
}

/// The value of a binding in an initialised frame or environment slot;
/// None for every other binding (and in the temporal dead zone).
#[inline(always)]
pub(super) fn initialized_slot_value(frame: &Frame, binding: BindingRef) -> Option<Value> {
    match binding {
        BindingRef::Frame { slot, .. } => frame.slots[slot as usize].clone(),
        BindingRef::Env { hops, slot, .. } => env_at(frame, hops).get(slot),
        _ => None,
    }
}

impl Agent {
    /// The ReferenceError for a binding read or written in its temporal
    /// dead zone, located at `id`.
    fn uninitialized_error(&mut self, id: &Ident) -> Throw {
        self.set_position(id.span.start);
        self.reference_error(format!("Cannot access '{}' before initialization", id.name))
    }

    /// The value of an identifier reference (ResolveBinding + GetValue).
    pub(super) fn read_ident(&mut self, frame: &Frame, id: &Ident) -> JsResult<Value> {
        let binding = id.binding.get();
        // The common cases first: an initialised frame or environment slot.
        if let Some(v) = initialized_slot_value(frame, binding) {
            return Ok(v);
        }
        match binding {
            BindingRef::Global | BindingRef::Unresolved => return self.read_global(id),
            BindingRef::Dynamic(Implicit::Name) => return Ok(self.read_dynamic(frame, id)?.0),
            _ => {}
        }
        match self.read_binding(frame, binding)? {
            Some(v) => Ok(v),
            None => Err(self.uninitialized_error(id)),
        }
    }

    /// GetValue of a reference resolved in the global environment record.
    pub(super) fn read_global(&mut self, id: &Ident) -> JsResult<Value> {
        let global = &self.realm.global_object;
        if let Some(v) = global.cached_global(id.property_cache()) {
            return Ok(v);
        }
        // The global declarative record (scripts' let, const and class) first.
        if let Some(found) = self.realm.global_env.lexical_value(&id.name) {
            return match found {
                Some(v) => Ok(v),
                None => Err(self.uninitialized_error(id)),
            };
        }
        let global = self.global_object();
        let key = PropertyKey::from_string(JsStr::from_units(id.units()));
        if global.has_property(&key) {
            global.fill_global_cache(&key, id.property_cache());
            return self.get(&global, &key);
        }
        self.set_position(id.span.start);
        Err(self.reference_error(format!("{} is not defined", id.name)))
    }

    /// Whether `name` resolves nowhere in the global environment record.
    pub(super) fn global_is_unresolvable(&mut self, name: &str) -> bool {
        if self.realm.global_env.lexical_value(name).is_some() {
            return false;
        }
        let global = self.global_object();
        !global.has_property(&PropertyKey::from(name))
    }

    /// The value in a binding's slot (None: uninitialised, or a global that
    /// does not exist).
    pub(super) fn read_binding(
        &mut self,
        frame: &Frame,
        binding: BindingRef,
    ) -> JsResult<Option<Value>> {
        Ok(match binding {
            BindingRef::Frame { slot, .. } => frame.slots[slot as usize].clone(),
            BindingRef::Env { hops, slot, .. } => env_at(frame, hops).get(slot),
            BindingRef::Import { index } => {
                let module = frame
                    .module_env
                    .as_ref()
                    .expect("imports exist only in modules");
                match module.imports.get(index as usize) {
                    Some(ImportTarget::Binding { env, slot }) => env.get(slot),
                    Some(ImportTarget::Namespace(ns)) => Some(Value::Object(ns)),
                    _ => None,
                }
            }
            BindingRef::Global | BindingRef::Unresolved | BindingRef::Dynamic(Implicit::Name) => {
                None
            }
            BindingRef::Dynamic(implicit) => {
                self.read_implicit_by_name(frame, implicit.binding_name())?
            }
        })
    }

    /// InitializeReferencedBinding: writes a declaration's first value
    /// (also for immutable bindings).
    pub(super) fn initialize_binding(
        &mut self,
        frame: &mut Frame,
        binding: BindingRef,
        name: &str,
        value: Value,
    ) -> JsResult<()> {
        match binding {
            BindingRef::Frame { slot, .. } => frame.slots[slot as usize] = Some(value),
            BindingRef::Env { hops, slot, .. } => env_at(frame, hops).set(slot, value),
            BindingRef::Import { .. } => {}
            BindingRef::Global | BindingRef::Unresolved => {
                let global = self.global_object();
                self.set_or_throw(&global, &PropertyKey::from(name), value)?;
            }
            // A `var` declaration's PutValue (non-strict eval code, or a
            // `with` object that may have the name).
            BindingRef::Dynamic(Implicit::Name) => {
                let id = Ident::new(
                    crate::syntax::ast::Name::from(name),
                    crate::syntax::Span::default(),
                );
                self.assign_dynamic(frame, &id, value)?;
            }
            BindingRef::Dynamic(implicit) => {
                self.initialize_implicit_by_name(frame, implicit.binding_name(), value)?;
            }
        }
        Ok(())
    }

    /// PutValue for an identifier reference (ECMA-262 §6.2.5.6, PutValue).
    pub(super) fn assign_ident(
        &mut self,
        frame: &mut Frame,
        id: &Ident,
        value: Value,
    ) -> JsResult<()> {
        let binding = id.binding.get();
        // The common cases first: an initialised, mutable frame or
        // environment slot.
        match binding {
            BindingRef::Frame {
                slot,
                mutable: true,
            } => {
                let cell = &mut frame.slots[slot as usize];
                // A number over a number rewrites the payload alone (see
                // `eval_update`).
                if let (Some(Value::Number(old)), Value::Number(n)) = (&mut *cell, &value) {
                    *old = *n;
                    return Ok(());
                }
                if cell.is_some() {
                    *cell = Some(value);
                    return Ok(());
                }
            }
            BindingRef::Env {
                hops,
                slot,
                mutable: true,
            } => {
                let env = env_at(frame, hops);
                if let Value::Number(n) = value {
                    if env.set_number_in_place(slot, n) {
                        return Ok(());
                    }
                }
                if env.is_initialized(slot) {
                    env.set(slot, value);
                    return Ok(());
                }
            }
            _ => {}
        }
        match binding {
            BindingRef::Global | BindingRef::Unresolved => self.assign_global(frame, id, value),
            BindingRef::Dynamic(_) => self.assign_dynamic(frame, id, value),
            _ => {
                // The binding must be initialised (TDZ), then mutable.
                if self.read_binding(frame, binding)?.is_none() {
                    return Err(self.uninitialized_error(id));
                }
                if !binding.is_mutable() {
                    self.set_position(id.span.start);
                    return self.throw_type_error("Assignment to constant variable.");
                }
                self.initialize_binding(frame, binding, &id.name, value)
            }
        }
    }

    /// PutValue of a reference resolved in the global environment record.
    pub(super) fn assign_global(
        &mut self,
        frame: &Frame,
        id: &Ident,
        value: Value,
    ) -> JsResult<()> {
        if let Some(lexical) = self.realm.global_env.lexical_binding(&id.name) {
            if lexical.env.get(lexical.slot).is_none() {
                return Err(self.uninitialized_error(id));
            }
            if !lexical.mutable {
                self.set_position(id.span.start);
                return self.throw_type_error("Assignment to constant variable.");
            }
            lexical.env.set(lexical.slot, value);
            return Ok(());
        }
        let global = self.global_object();
        let key = PropertyKey::from_string(JsStr::from_units(id.units()));
        // 3. If IsUnresolvableReference(V) is true, then
        //    a. If V.[[Strict]] is true, throw a ReferenceError exception.
        if frame.strict && !global.has_property(&key) {
            self.set_position(id.span.start);
            return Err(self.reference_error(format!("{} is not defined", id.name)));
        }
        // 3.b–c. Perform ? Set(globalObj, V.[[ReferencedName]], W, false)
        //        (non-strict code); SetMutableBinding of the global
        //        object record throws only in strict code.
        if !self.set_property(&global, &key, value)? && frame.strict {
            return self.throw_type_error(format!(
                "Cannot assign to read only property '{}' of object '#<Object>'",
                id.name
            ));
        }
        Ok(())
    }

    /// Records the source position of what is being evaluated, for stack traces.
    pub(super) fn set_position(&self, offset: u32) {
        if let Some(top) = self.stack.last() {
            top.position.set(offset);
        }
    }
}

//! References resolved at run time, by name (ECMA-262 §9.1.2.1
//! GetIdentifierReference and the Environment Record methods that take a
//! name), for the identifiers scope analysis could not resolve statically:
//! those a `with` object or a non-strict direct `eval` may shadow, and the
//! free names of eval code. The environments such a lookup can reach carry
//! their names (`EnvExtra`); all others are skipped, as they cannot declare
//! the name (see `spec-notes/14-non-strict-code.md`).

use gc::Gc;

use super::frame::Frame;
use crate::interp::agent::Agent;
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::object::JsObject;
use crate::interp::ops::conversion::to_boolean;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::{Ident, Pattern, PatternKind};
use crate::syntax::scope::{BindingRef, Implicit};

/// Where a name resolved.
#[derive(Clone)]
pub(crate) enum DynamicBinding {
    /// A slot of a declarative environment.
    Slot {
        env: Gc<Env>,
        slot: u32,
        mutable: bool,
    },
    /// A var binding that eval code added to a function's environment.
    Added { env: Gc<Env>, index: usize },
    /// A property of a `with` statement's object (an Object Environment
    /// Record with [[IsWithEnvironment]] true).
    Object(Gc<JsObject>),
    /// None of the environments: the global environment record decides.
    Global,
}

impl Agent {
    /// GetIdentifierReference over the running code's environments, from
    /// `frame.env` outward, up to (not including) the global environment.
    pub(crate) fn resolve_binding_by_name(
        &mut self,
        frame: &Frame,
        name: &str,
    ) -> JsResult<DynamicBinding> {
        let mut env = frame.env.clone();
        while let Some(e) = env {
            if let Some(extra) = &e.extra {
                if let Some(object) = &extra.object {
                    if self.object_env_has_binding(object, name)? {
                        return Ok(DynamicBinding::Object(object.clone()));
                    }
                } else {
                    if let Some(found) = extra.names.as_ref().and_then(|n| n.find(name)) {
                        return Ok(DynamicBinding::Slot {
                            env: e.clone(),
                            slot: found.slot,
                            mutable: found.mutable,
                        });
                    }
                    if let Some(index) = extra.added_index(name) {
                        return Ok(DynamicBinding::Added {
                            env: e.clone(),
                            index,
                        });
                    }
                }
            }
            env = e.parent.clone();
        }
        Ok(DynamicBinding::Global)
    }

    /// HasBinding ( N ) of an Object Environment Record whose
    /// [[IsWithEnvironment]] is true (§9.1.1.2.1).
    fn object_env_has_binding(
        &mut self,
        binding_object: &Gc<JsObject>,
        name: &str,
    ) -> JsResult<bool> {
        let key = PropertyKey::from(name);
        // 2. Let foundBinding be ? HasProperty(bindingObject, N).
        // 3. If foundBinding is false, return false.
        if !self.has_property(binding_object, &key)? {
            return Ok(false);
        }
        // 4. (withEnvironment is true.)
        // 5. Let unscopables be ? Get(bindingObject, @@unscopables).
        let unscopables_key = PropertyKey::Symbol(self.symbols.unscopables.clone());
        let unscopables = self.get(binding_object, &unscopables_key)?;
        // 6. If unscopables is an Object, then
        if let Value::Object(unscopables) = unscopables {
            // a. Let blocked be ToBoolean(? Get(unscopables, N)).
            // b. If blocked is true, return false.
            if to_boolean(&self.get(&unscopables, &key)?) {
                return Ok(false);
            }
        }
        // 7. Return true.
        Ok(true)
    }

    /// GetValue of a dynamically resolved identifier reference; also the
    /// `this` value a call through it uses (the `with` object:
    /// WithBaseObject).
    pub(crate) fn read_dynamic(&mut self, frame: &Frame, id: &Ident) -> JsResult<(Value, Value)> {
        let binding = self.resolve_binding_by_name(frame, &id.name)?;
        self.get_dynamic_value(frame, id, binding)
    }

    /// GetValue of an identifier reference already resolved to `binding`.
    pub(crate) fn get_dynamic_value(
        &mut self,
        frame: &Frame,
        id: &Ident,
        binding: DynamicBinding,
    ) -> JsResult<(Value, Value)> {
        match binding {
            DynamicBinding::Slot { env, slot, .. } => match env.get(slot) {
                Some(v) => Ok((v, Value::Undefined)),
                None => {
                    self.set_position(id.span.start);
                    Err(self.reference_error(format!(
                        "Cannot access '{}' before initialization",
                        id.name
                    )))
                }
            },
            DynamicBinding::Added { env, index } => {
                let extra = env
                    .extra
                    .as_ref()
                    .expect("an eval-added binding's environment");
                Ok((extra.added_value(index), Value::Undefined))
            }
            DynamicBinding::Object(object) => {
                // Object Environment Record GetBindingValue ( N, S ):
                // 2. Let value be ? HasProperty(bindingObject, N).
                let key = PropertyKey::from_string(JsStr::from_units(id.units()));
                // 3. If value is false: S true → ReferenceError, else undefined.
                if !self.has_property(&object, &key)? {
                    if frame.strict {
                        self.set_position(id.span.start);
                        return Err(self.reference_error(format!("{} is not defined", id.name)));
                    }
                    return Ok((Value::Undefined, Value::Object(object)));
                }
                // 4. Return ? Get(bindingObject, N).
                let v = self.get(&object, &key)?;
                Ok((v, Value::Object(object)))
            }
            DynamicBinding::Global => Ok((self.read_global(id)?, Value::Undefined)),
        }
    }

    /// ResolveBinding of an identifier target looked up by name, made
    /// before the value it is to get is evaluated, as VariableDeclaration,
    /// SingleNameBinding, AssignmentElement and Annex B.3.5's for-in head
    /// do (a `with` object the name is found on then gets the value even if
    /// the evaluation deletes the property). `None` for any other target:
    /// its binding cannot change meanwhile.
    pub(crate) fn resolve_target_first<'t>(
        &mut self,
        frame: &Frame,
        target: &'t Pattern,
    ) -> JsResult<Option<(&'t Ident, DynamicBinding)>> {
        match &target.kind {
            PatternKind::Ident(id) if id.binding.get() == BindingRef::Dynamic(Implicit::Name) => {
                Ok(Some((id, self.resolve_binding_by_name(frame, &id.name)?)))
            }
            _ => Ok(None),
        }
    }

    /// PutValue of a dynamically resolved identifier reference.
    pub(crate) fn assign_dynamic(
        &mut self,
        frame: &mut Frame,
        id: &Ident,
        value: Value,
    ) -> JsResult<()> {
        let binding = self.resolve_binding_by_name(frame, &id.name)?;
        self.put_dynamic_value(frame, id, binding, value)
    }

    /// PutValue of an identifier reference already resolved to `binding`.
    pub(crate) fn put_dynamic_value(
        &mut self,
        frame: &mut Frame,
        id: &Ident,
        binding: DynamicBinding,
        value: Value,
    ) -> JsResult<()> {
        match binding {
            DynamicBinding::Slot { env, slot, mutable } => {
                if env.get(slot).is_none() {
                    self.set_position(id.span.start);
                    return Err(self.reference_error(format!(
                        "Cannot access '{}' before initialization",
                        id.name
                    )));
                }
                if !mutable {
                    self.set_position(id.span.start);
                    return self.throw_type_error("Assignment to constant variable.");
                }
                env.set(slot, value);
                Ok(())
            }
            DynamicBinding::Added { env, index } => {
                let extra = env
                    .extra
                    .as_ref()
                    .expect("an eval-added binding's environment");
                extra.set_added(index, value);
                Ok(())
            }
            DynamicBinding::Object(object) => {
                // Object Environment Record SetMutableBinding ( N, V, S ):
                let key = PropertyKey::from_string(JsStr::from_units(id.units()));
                // 2. Let stillExists be ? HasProperty(bindingObject, N).
                // 3. If stillExists is false and S is true, throw a ReferenceError.
                if !self.has_property(&object, &key)? && frame.strict {
                    self.set_position(id.span.start);
                    return Err(self.reference_error(format!("{} is not defined", id.name)));
                }
                // 4. Perform ? Set(bindingObject, N, V, S).
                if !self.set_property(&object, &key, value)? && frame.strict {
                    return self.throw_type_error(format!(
                        "Cannot assign to read only property '{}' of object '#<Object>'",
                        id.name
                    ));
                }
                Ok(())
            }
            DynamicBinding::Global => self.assign_global(frame, id, value),
        }
    }

    /// The value of an implicit binding (`this`, `new.target`, the active
    /// function) that eval code reads from the code that called `eval`.
    /// None: uninitialised (a derived constructor's `this` before `super()`).
    pub(crate) fn read_implicit_by_name(
        &mut self,
        frame: &Frame,
        name: &str,
    ) -> JsResult<Option<Value>> {
        match self.resolve_binding_by_name(frame, name)? {
            DynamicBinding::Slot { env, slot, .. } => Ok(env.get(slot)),
            // At the top level of a script: the global environment's
            // [[GlobalThisValue]]; no new.target, no function.
            _ => Ok(Some(match name {
                "%this" => Value::Object(self.global_object()),
                _ => Value::Undefined,
            })),
        }
    }

    /// Initialises an implicit binding of the calling code (`super()` in
    /// eval code binds the constructor's `this`).
    pub(crate) fn initialize_implicit_by_name(
        &mut self,
        frame: &Frame,
        name: &str,
        value: Value,
    ) -> JsResult<()> {
        if let DynamicBinding::Slot { env, slot, .. } = self.resolve_binding_by_name(frame, name)? {
            env.set(slot, value);
        }
        Ok(())
    }

    /// `typeof x` where x may resolve nowhere: "undefined" instead of a
    /// ReferenceError (§13.5.3.1 step 2.a). True when unresolvable.
    pub(crate) fn dynamic_is_unresolvable(&mut self, frame: &Frame, id: &Ident) -> JsResult<bool> {
        Ok(match self.resolve_binding_by_name(frame, &id.name)? {
            DynamicBinding::Global => self.global_is_unresolvable(&id.name),
            _ => false,
        })
    }

    /// DeleteBinding of a dynamically resolved name (the delete operator
    /// on an identifier in non-strict code).
    pub(crate) fn delete_dynamic(&mut self, frame: &Frame, id: &Ident) -> JsResult<bool> {
        match self.resolve_binding_by_name(frame, &id.name)? {
            DynamicBinding::Slot { .. } => Ok(false),
            // Bindings eval code created are deletable (CreateMutableBinding(N, true)).
            DynamicBinding::Added { env, index } => {
                let extra = env
                    .extra
                    .as_ref()
                    .expect("an eval-added binding's environment");
                extra.remove_added(index);
                Ok(true)
            }
            DynamicBinding::Object(object) => {
                let key = PropertyKey::from_string(JsStr::from_units(id.units()));
                Ok(object.delete(&key))
            }
            DynamicBinding::Global => Ok(self.delete_global(id)),
        }
    }
}

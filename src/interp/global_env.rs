//! The realm's global environment (ECMA-262 §9.1.1.4 Global Environment
//! Records) beyond its object record, which is the global object itself:
//! the declarative record holding scripts' top-level let, const and class
//! bindings, and the Script Records run in the realm (for `import()`
//! referrers). (ES2025 has no [[VarNames]] any more: a script's var and
//! function declarations are known by their non-configurable properties.)
//!
//! A script's lexical bindings live in slots of its own script environment
//! (so the script reads them by slot); the declarative record names those
//! slots, so later scripts and modules find them by name. Identifier
//! references that scope analysis left global ask the declarative record
//! first, then the global object.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gc::Gc;

use super::agent::Agent;
use super::completion::JsResult;
use super::environment::Env;
use super::property::{Attributes, Property, PropertyDescriptor, PropertyKey};
use super::value::Value;
use crate::syntax::ast::Name;

/// One binding of the global declarative record: a slot of the script
/// environment of the script that declared it (`None` there: in its TDZ).
#[derive(Clone)]
pub struct GlobalLexical {
    pub env: Gc<Env>,
    pub slot: u32,
    /// false for const.
    pub mutable: bool,
}

/// The parts of the global Environment Record that are not the global object.
#[derive(Default)]
pub struct GlobalEnvironment {
    /// [[DeclarativeRecord]]
    lexical: RefCell<HashMap<Name, GlobalLexical>>,
    /// The script environment and [[HostDefined]] (the file that relative
    /// `import()` specifiers resolve against) of each script run here.
    scripts: RefCell<Vec<(Gc<Env>, Rc<str>)>>,
}

impl GlobalEnvironment {
    /// The value of a declarative-record binding: `None` when there is no
    /// such binding, `Some(None)` while it is in its TDZ. The common case
    /// (no script declared anything) costs one emptiness check.
    #[inline]
    pub fn lexical_value(&self, name: &str) -> Option<Option<Value>> {
        let lexical = self.lexical.borrow();
        if lexical.is_empty() {
            return None;
        }
        lexical.get(name).map(|b| b.env.get(b.slot))
    }

    /// The declarative-record binding `name`, if any.
    pub fn lexical_binding(&self, name: &str) -> Option<GlobalLexical> {
        let lexical = self.lexical.borrow();
        if lexical.is_empty() {
            return None;
        }
        lexical.get(name).cloned()
    }

    /// DclRec.CreateMutableBinding / CreateImmutableBinding: records a
    /// script's (uninitialised) binding.
    pub fn create_lexical_binding(&self, name: Name, binding: GlobalLexical) {
        // The binding shadows a global object property of the same name:
        // identifier caches that point at such a property are stale.
        super::shape::bump_prototype_epoch();
        self.lexical.borrow_mut().insert(name, binding);
    }

    /// Records a Script Record run in this realm.
    pub fn add_script(&self, env: Gc<Env>, host_defined: Rc<str>) {
        self.scripts.borrow_mut().push((env, host_defined));
    }

    /// The [[HostDefined]] of the script whose environment is `env`.
    pub fn script_host_defined(&self, env: &Gc<Env>) -> Option<Rc<str>> {
        self.scripts
            .borrow()
            .iter()
            .find(|(e, _)| Gc::ptr_eq(e, env))
            .map(|(_, host_defined)| host_defined.clone())
    }
}

impl Agent {
    /// HasLexicalDeclaration ( N ) — <https://tc39.es/ecma262/#sec-haslexicaldeclaration>
    pub fn has_lexical_declaration(&self, name: &str) -> bool {
        // 1. Let DclRec be envRec.[[DeclarativeRecord]].
        // 2. Return ! DclRec.HasBinding(N).
        self.realm.global_env.lexical.borrow().contains_key(name)
    }

    /// HasRestrictedGlobalProperty ( N ) — <https://tc39.es/ecma262/#sec-hasrestrictedglobalproperty>
    pub fn has_restricted_global_property(&mut self, name: &str) -> JsResult<bool> {
        // 1–2. Let globalObject be envRec.[[ObjectRecord]].[[BindingObject]].
        let global = self.global_object();
        // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](N).
        let existing = self.get_own_property(&global, &PropertyKey::from(name))?;
        Ok(match existing {
            // 4. If existingProp is undefined, return false.
            None => false,
            // 5. If existingProp.[[Configurable]] is true, return false.
            // 6. Return true.
            Some(p) => !p.configurable(),
        })
    }

    /// CanDeclareGlobalVar ( N ) — <https://tc39.es/ecma262/#sec-candeclareglobalvar>
    pub fn can_declare_global_var(&mut self, name: &str) -> JsResult<bool> {
        let global = self.global_object();
        // 3. Let hasProperty be ? HasOwnProperty(globalObject, N).
        // 4. If hasProperty is true, return true.
        if self.has_own_property(&global, &PropertyKey::from(name))? {
            return Ok(true);
        }
        // 5. Return ? IsExtensible(globalObject).
        Ok(global.is_extensible())
    }

    /// CanDeclareGlobalFunction ( N ) — <https://tc39.es/ecma262/#sec-candeclareglobalfunction>
    pub fn can_declare_global_function(&mut self, name: &str) -> JsResult<bool> {
        let global = self.global_object();
        // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](N).
        let existing = self.get_own_property(&global, &PropertyKey::from(name))?;
        Ok(match existing {
            // 4. If existingProp is undefined, return ? IsExtensible(globalObject).
            None => global.is_extensible(),
            // 5. If existingProp.[[Configurable]] is true, return true.
            Some(p) if p.configurable() => true,
            // 6. If IsDataDescriptor(existingProp) is true and existingProp has
            //    attribute values { [[Writable]]: true, [[Enumerable]]: true }, return true.
            Some(Property::Data { attrs, .. }) => attrs.writable && attrs.enumerable,
            // 7. Return false.
            Some(Property::Accessor { .. }) => false,
        })
    }

    /// CreateGlobalVarBinding ( N, D ) — <https://tc39.es/ecma262/#sec-createglobalvarbinding>
    pub fn create_global_var_binding(&mut self, name: &Name, deletable: bool) -> JsResult<()> {
        let global = self.global_object();
        let key = PropertyKey::from(&**name);
        // 3. Let hasProperty be ? HasOwnProperty(globalObject, N).
        let has_property = self.has_own_property(&global, &key)?;
        // 4. Let extensible be ? IsExtensible(globalObject).
        let extensible = global.is_extensible();
        // 5. If hasProperty is false and extensible is true, then
        if !has_property && extensible {
            // a. Perform ? ObjRec.CreateMutableBinding(N, D).
            let attrs = Attributes {
                writable: true,
                enumerable: true,
                configurable: deletable,
            };
            let desc = PropertyDescriptor::data(Value::Undefined, attrs);
            self.define_property_or_throw(&global, key.clone(), desc)?;
            // b. Perform ? ObjRec.InitializeBinding(N, undefined).
            self.set_property(&global, &key, Value::Undefined)?;
        }
        Ok(())
    }

    /// CreateGlobalFunctionBinding ( N, V, D ) — <https://tc39.es/ecma262/#sec-createglobalfunctionbinding>
    pub fn create_global_function_binding(
        &mut self,
        name: &Name,
        value: Value,
        deletable: bool,
    ) -> JsResult<()> {
        let global = self.global_object();
        let key = PropertyKey::from(&**name);
        // 3. Let existingProp be ? globalObject.[[GetOwnProperty]](N).
        let existing = self.get_own_property(&global, &key)?;
        // 4. If existingProp is undefined or existingProp.[[Configurable]] is true, then
        let desc = if existing.as_ref().is_none_or(|p| p.configurable()) {
            // a. Let desc be the PropertyDescriptor { [[Value]]: V, [[Writable]]: true,
            //    [[Enumerable]]: true, [[Configurable]]: D }.
            let attrs = Attributes {
                writable: true,
                enumerable: true,
                configurable: deletable,
            };
            PropertyDescriptor::data(value.clone(), attrs)
        } else {
            // 5. Else, let desc be the PropertyDescriptor { [[Value]]: V }.
            PropertyDescriptor {
                value: Some(value.clone()),
                ..Default::default()
            }
        };
        // 6. Perform ? DefinePropertyOrThrow(globalObject, N, desc).
        self.define_property_or_throw(&global, key.clone(), desc)?;
        // 7. Perform ? Set(globalObject, N, V, false).
        self.set_property(&global, &key, value)?;
        Ok(())
    }
}

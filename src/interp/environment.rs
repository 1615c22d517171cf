//! Environments: the heap-allocated scopes that closures capture
//! (ECMA-262 §9.1 Environment Records, reduced to what static resolution
//! leaves to run time). Scope analysis decides which scopes need one and
//! which slot each captured binding takes; a slot is `None` while its
//! binding is uninitialised (the temporal dead zone).

use std::cell::RefCell;
use std::rc::Rc;

use gc::{Finalize, Gc, Trace};

use super::object::JsObject;
use super::slots::Slots;
use super::value::Value;
use crate::syntax::ast::Name;
use crate::syntax::scope::EnvNames;

#[derive(Trace, Finalize)]
pub struct Env {
    /// [[OuterEnv]]
    pub parent: Option<Gc<Env>>,
    slots: Slots<Option<Value>>,
    /// In a module environment: where each import binding points, set when
    /// the module is linked (CreateImportBinding).
    pub imports: Slots<ImportTarget>,
    /// What only environments that `eval` and `with` look into by name
    /// have (see [`EnvExtra`]).
    pub extra: Option<Box<EnvExtra>>,
}

/// The by-name side of an environment (ECMA-262 §9.1: HasBinding and the
/// other methods that take a name), for direct `eval` and `with`.
#[derive(Trace, Finalize)]
pub struct EnvExtra {
    /// The names of the slots (from scope analysis).
    #[unsafe_ignore_trace]
    pub names: Option<Rc<EnvNames>>,
    /// An Object Environment Record's [[BindingObject]] (a `with`
    /// statement's; its [[IsWithEnvironment]] is true).
    pub object: Option<Gc<JsObject>>,
    /// Var bindings that non-strict direct eval code added (deletable),
    /// with their values in `added_values`.
    #[unsafe_ignore_trace]
    added_names: RefCell<Vec<Name>>,
    added_values: Slots<Value>,
}

impl EnvExtra {
    /// The index of an eval-added binding.
    pub fn added_index(&self, name: &str) -> Option<usize> {
        self.added_names.borrow().iter().position(|n| &**n == name)
    }

    pub fn added_value(&self, index: usize) -> Value {
        self.added_values.get(index).unwrap_or(Value::Undefined)
    }

    pub fn set_added(&self, index: usize, value: Value) {
        self.added_values.set(index, value);
    }

    /// CreateMutableBinding(N, true) + InitializeBinding, for eval code's vars.
    pub fn add(&self, name: Name, value: Value) {
        self.added_names.borrow_mut().push(name);
        self.added_values.push(value);
    }

    /// DeleteBinding of an eval-added binding.
    pub fn remove_added(&self, index: usize) {
        self.added_names.borrow_mut().remove(index);
        self.added_values.remove(index);
    }
}

/// The target of an indirect import binding.
#[derive(Clone)]
pub enum ImportTarget {
    Unlinked,
    /// A binding of another module's environment.
    Binding {
        env: Gc<Env>,
        slot: u32,
    },
    /// A module namespace object (`import { ns }` of an `export * as ns`).
    Namespace(Gc<JsObject>),
}

impl Finalize for ImportTarget {}

// SAFETY: visits the one `Gc` a target holds.
unsafe impl Trace for ImportTarget {
    gc::custom_trace!(this, {
        match this {
            ImportTarget::Binding { env, .. } => mark(env),
            ImportTarget::Namespace(ns) => mark(ns),
            ImportTarget::Unlinked => {}
        }
    });
}

impl Env {
    /// A new environment of `size` uninitialised slots.
    pub fn new(parent: Option<Gc<Env>>, size: u32) -> Gc<Env> {
        Gc::new(Env {
            parent,
            slots: Slots::from_vec(vec![None; size as usize]),
            imports: Slots::new(),
            extra: None,
        })
    }

    /// A new environment of `size` uninitialised slots, with their names
    /// when scope analysis gave them.
    pub fn new_named(parent: Option<Gc<Env>>, size: u32, names: Option<Rc<EnvNames>>) -> Gc<Env> {
        Gc::new(Env {
            parent,
            slots: Slots::from_vec(vec![None; size as usize]),
            imports: Slots::new(),
            extra: names.map(|names| Box::new(EnvExtra::new(Some(names), None))),
        })
    }

    /// NewObjectEnvironment ( O, W = true, E ) — a `with` statement's.
    pub fn new_object(parent: Option<Gc<Env>>, object: Gc<JsObject>) -> Gc<Env> {
        Gc::new(Env {
            parent,
            slots: Slots::new(),
            imports: Slots::new(),
            extra: Some(Box::new(EnvExtra::new(None, Some(object)))),
        })
    }

    /// A module environment with `imports` unlinked import bindings.
    pub fn new_module(size: u32, imports: u32, names: Option<Rc<EnvNames>>) -> Gc<Env> {
        Gc::new(Env {
            parent: None,
            slots: Slots::from_vec(vec![None; size as usize]),
            imports: Slots::from_vec(vec![ImportTarget::Unlinked; imports as usize]),
            extra: names.map(|names| Box::new(EnvExtra::new(Some(names), None))),
        })
    }

    /// The value of a slot; `None` while uninitialised.
    #[inline]
    pub fn get(&self, slot: u32) -> Option<Value> {
        self.slots
            .inspect_or(slot as usize, None, Option::<Value>::clone)
    }

    /// The number in a slot, when it holds one (read without a copy of
    /// the value: the arithmetic fast paths' operand).
    #[inline]
    pub fn number_at(&self, slot: u32) -> Option<f64> {
        self.slots.inspect_or(slot as usize, None, |v| match v {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        })
    }

    /// Whether a slot's binding is initialised (out of its temporal dead zone).
    #[inline]
    pub fn is_initialized(&self, slot: u32) -> bool {
        self.slots
            .inspect(slot as usize, Option::is_some)
            .unwrap_or(false)
    }

    pub fn set(&self, slot: u32, value: Value) {
        self.slots.set(slot as usize, Some(value));
    }

    /// Writes `n` over the number a slot holds, in place; false (and no
    /// write) when the slot holds anything else.
    #[inline]
    pub fn set_number_in_place(&self, slot: u32, n: f64) -> bool {
        // SAFETY: only a number's payload changes; no handle is touched.
        let done = unsafe {
            self.slots.modify_in_place(slot as usize, |v| match v {
                Some(Value::Number(old)) => {
                    *old = n;
                    true
                }
                _ => false,
            })
        };
        done == Some(true)
    }

    /// Puts a slot back into its temporal dead zone.
    pub fn clear(&self, slot: u32) {
        self.slots.set(slot as usize, None);
    }

    pub fn len(&self) -> u32 {
        self.slots.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The environment `hops` parents up.
    pub fn ancestor(this: &Gc<Env>, hops: u32) -> Gc<Env> {
        let mut env = this.clone();
        for _ in 0..hops {
            env = env
                .parent
                .clone()
                .expect("scope analysis counted an existing environment");
        }
        env
    }

    /// CreatePerIterationEnvironment's copy: a sibling with the same
    /// parent and the current values.
    pub fn copy(this: &Gc<Env>) -> Gc<Env> {
        Gc::new(Env {
            parent: this.parent.clone(),
            slots: Slots::from_vec(this.slots.to_vec()),
            imports: Slots::new(),
            extra: this
                .extra
                .as_ref()
                .map(|extra| Box::new(EnvExtra::new(extra.names.clone(), None))),
        })
    }
}

impl EnvExtra {
    fn new(names: Option<Rc<EnvNames>>, object: Option<Gc<JsObject>>) -> EnvExtra {
        EnvExtra {
            names,
            object,
            added_names: RefCell::new(Vec::new()),
            added_values: Slots::new(),
        }
    }
}

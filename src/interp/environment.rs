//! Environments: the heap-allocated scopes that closures capture
//! (ECMA-262 §9.1 Environment Records, reduced to what static resolution
//! leaves to run time). Scope analysis decides which scopes need one and
//! which slot each captured binding takes; a slot is `None` while its
//! binding is uninitialised (the temporal dead zone).

use gc::{Finalize, Gc, Trace};

use super::object::JsObject;
use super::slots::Slots;
use super::value::Value;

#[derive(Trace, Finalize)]
pub struct Env {
    /// [[OuterEnv]]
    pub parent: Option<Gc<Env>>,
    slots: Slots<Option<Value>>,
    /// In a module environment: where each import binding points, set when
    /// the module is linked (CreateImportBinding).
    pub imports: Slots<ImportTarget>,
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
        })
    }

    /// A module environment with `imports` unlinked import bindings.
    pub fn new_module(size: u32, imports: u32) -> Gc<Env> {
        Gc::new(Env {
            parent: None,
            slots: Slots::from_vec(vec![None; size as usize]),
            imports: Slots::from_vec(vec![ImportTarget::Unlinked; imports as usize]),
        })
    }

    /// The value of a slot; `None` while uninitialised.
    pub fn get(&self, slot: u32) -> Option<Value> {
        self.slots.get(slot as usize).flatten()
    }

    pub fn set(&self, slot: u32, value: Value) {
        self.slots.set(slot as usize, Some(value));
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
        })
    }
}

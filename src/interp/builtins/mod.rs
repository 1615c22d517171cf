//! The built-in objects: one module per family of intrinsics, each with an
//! `install` that fills in its prototype, creates its constructor and
//! defines its globals.

pub mod array;
pub mod array_buffer;
pub mod async_from_sync_iterator;
pub mod atomics;
pub mod bigint;
pub mod boolean;
pub mod console;
pub mod data_view;
pub mod date;
pub mod dynamic_function;
pub mod error;
pub mod function;
pub mod global;
pub mod iterator;
pub mod iterator_helpers;
pub mod json;
pub mod map_set;
pub mod math;
pub mod number;
pub mod object;
pub mod promise;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod string;
pub mod sum_precise;
pub mod symbol;
pub mod timers;
pub mod typed_array;
pub mod uri;
pub mod weak_ref;

use std::rc::Rc;

use super::agent::Agent;
use super::realm::Realm;

/// Installs every builtin family into `realm` (the agent's current realm).
pub fn install(agent: &mut Agent, realm: &Rc<Realm>) {
    debug_assert!(Rc::ptr_eq(&agent.realm, realm));
    // Object and Function first: every other family's functions and
    // prototypes hang off theirs.
    object::install(agent);
    // %ThrowTypeError% first: %Function.prototype%'s restricted properties use it.
    crate::interp::eval::arguments::install(agent);
    function::install(agent);
    global::install(agent);
    crate::interp::eval::eval_code::install(agent);
    error::install(agent);
    symbol::install(agent);
    boolean::install(agent);
    number::install(agent);
    bigint::install(agent);
    math::install(agent);
    string::install(agent);
    date::install(agent);
    iterator::install(agent);
    iterator_helpers::install(agent);
    async_from_sync_iterator::install(agent);
    array::install(agent);
    array_buffer::install(agent);
    typed_array::install(agent);
    crate::module::module_source::install_abstract_module_source(agent);
    data_view::install(agent);
    atomics::install(agent);
    map_set::install(agent);
    weak_ref::install(agent);
    regexp::install(agent);
    json::install(agent);
    reflect::install(agent);
    proxy::install(agent);
    promise::install(agent);
    timers::install(agent);
    console::install(agent);
}

//! `node:vm`: Node's `vm.Module` API. The classes are JavaScript
//! (`vm.mjs`, shaped like Node's own implementation so that statuses and
//! promise timing come out the same); the binding (`binding.rs`) gives
//! them module records, linking, evaluation and contexts
//! (`crate::interp::vm_context`).

pub mod binding;
mod cached_data;
mod display_errors;
pub mod script;
mod wrap;

/// The JavaScript side of `node:vm`.
pub const SOURCE: &str = include_str!("vm.mjs");

/// The specifier `vm.mjs` imports its binding with.
pub const BINDING_SPECIFIER: &str = "vmjs:vm-binding";

#![allow(non_local_definitions)] // gc_derive 0.5 expands its derives into non-local impls
//! vmjs: a JavaScript interpreter whose module system follows ECMA-262's
//! Cyclic Module Records, with Node's `vm.Module` API layered on top.
//!
//! The crate is built as a pipeline (see `DESIGN` in the repository):
//! [`syntax`] turns source text into a checked AST.

pub mod interp;
pub mod syntax;

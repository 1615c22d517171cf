//! ESTree JSON output (`vmjs parse --json`): the tree acorn and espree
//! produce for modules and scripts, with positions.

mod builder;
mod expression;
mod function;
pub mod json;
mod locate;
mod module;
mod object;
pub mod operators;
mod pattern;
mod statement;
mod template;

pub use builder::{module_to_estree_json, script_to_estree_json};

//! The tree-walking evaluator: one file per family of AST nodes. Every
//! evaluation function is a method on the agent taking the running
//! function's frame.

mod annex_b;
pub mod arguments;
mod async_eligibility;
mod async_generators;
mod bindings;
mod call;
mod classes;
mod dynamic;
pub mod eval_code;
mod expressions;
mod frame;
mod functions;
pub mod generators;
mod host_hooks;
mod literals;
mod loops;
pub mod module_body;
mod operators;
mod patterns;
mod references;
pub mod script;
pub(crate) mod stackless_async;
mod statements;
pub(crate) mod suspend;

pub use call::{call_closure, construct_closure};
pub use frame::{Completion, Frame};
pub use module_body::ModuleCode;
pub use operators::exponentiate;
pub use script::ScriptRecord;
pub use suspend::{bury_dead_coroutines, Coroutines};

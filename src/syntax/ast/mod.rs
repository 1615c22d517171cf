//! The abstract syntax tree of an ECMAScript module.
//!
//! Every node keeps its byte span. `Expr`, `Stmt` and `Pattern` also record
//! their nesting depth, computed by their constructors from their children:
//! the parser refuses trees deeper than [`MAX_NESTING`] (a SyntaxError
//! instead of a Rust stack overflow when such a tree is walked or dropped).
//! A constructor whose node would be too deep returns a `TooDeep` node in its
//! place (its children are dropped there, while still shallow); the parser
//! turns the first `TooDeep` into the SyntaxError.
//!
//! Functions and classes sit behind `Rc` so that the evaluator can share them
//! with the closures it creates without copying bodies.

mod depth;
mod expressions;
mod functions;
mod js_string;
mod module_items;
mod patterns;
mod statements;
mod text;

pub use depth::MAX_NESTING;
pub use expressions::*;
pub use functions::*;
pub use js_string::{set_allocation_hook, ALLOCATION_HOOK_STEP};
pub use module_items::*;
pub use patterns::*;
pub use statements::*;
pub use text::*;

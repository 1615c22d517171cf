//! The default output of `vmjs parse` (modules, and scripts with
//! `--script`): a compact indented tree, one node
//! per line, each line ending with the node's `@LINE:COLUMN` (1-based, as in
//! error messages). A child's line starts with its role in the parent
//! (`test:`, `callee:`) where the node kind alone would not say it.
//!
//! ```text
//! Module @1:1
//!   ImportDecl default=x from "./a.mjs" @1:1
//!   Var const @2:1
//!     Declarator @2:7
//!       target: Ident y @2:7
//!       init: Num 1 @2:11
//! ```

mod expression;
mod function;
mod printer;
mod statement;

pub use printer::{dump_module, dump_script};

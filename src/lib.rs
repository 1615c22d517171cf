//! vmjs: a JavaScript interpreter whose module system follows ECMA-262's
//! Cyclic Module Records, with Node's `vm.Module` API layered on top.
//!
//! The crate is a pipeline: [`syntax`] turns source text into a checked AST
//! (lexer, LALRPOP parser, early errors); [`interp`] holds the evaluator's
//! value model (strings, values, objects on the `gc` heap); [`cli`] is the
//! `vmjs` command line.
//!
//! ```
//! let module = vmjs::syntax::parse_module("export const answer = 6 * 7;").unwrap();
//! assert_eq!(module.body.len(), 1);
//!
//! let err = vmjs::syntax::parse_module("export const = 1;").unwrap_err();
//! assert_eq!(err.message, "Unexpected token '='");
//! ```

// gc_derive 0.5 expands its derives into non-local impl blocks.
#![allow(non_local_definitions)]

pub mod cli;
pub mod host;
pub mod interp;
pub mod module;
pub mod node;
pub mod syntax;
pub mod vm;

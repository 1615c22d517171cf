//! vmjs: a JavaScript interpreter whose module system follows ECMA-262's
//! Cyclic Module Records, with Node's `vm.Module` API layered on top.
//!
//! The crate is a pipeline whose layers depend one way, top to bottom:
//!
//! - [`cli`]: the `vmjs` command line (`run`, `parse`, `graph`, `bench`, `trace`).
//! - [`embed`]: the Rust embedding API (`Runtime`, `SourceTextModule`,
//!   `SyntheticModule`, `Limits`), Node's `vm.Module` shape for Rust programs.
//! - [`node`]: Node's built-in modules, `node:vm` (JavaScript classes over a
//!   native binding).
//! - [`host`]: the file host — specifier resolution, the module map, JSON
//!   modules, built-ins, `import()` and `import.meta`, parallel read and parse.
//! - [`module`]: ECMA-262 §16.2.1 — Cyclic and Source Text Module Records in an
//!   arena, ParseModule, CreateSyntheticModule, loading, linking, evaluation
//!   with top-level await, export resolution, namespaces; one construction
//!   path per spec operation, used by every host above.
//! - [`interp`]: the tree-walking evaluator — values, objects, realms, the
//!   agent, the job queue, the builtins and `util.inspect`.
//! - [`syntax`]: source text to a checked AST — logos lexer, LALRPOP parser,
//!   early errors, scope analysis, ESTree output.
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
pub mod embed;
pub mod host;
pub mod interp;
pub mod module;
pub mod node;
pub mod syntax;

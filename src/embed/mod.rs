//! The embedding API: Node's `vm.Module` shape for Rust programs.
//!
//! A [`Runtime`] holds the heap, the job queue and the module records.
//! [`SourceTextModule::new`] parses a module, [`Module::link`] resolves its
//! imports with a Rust closure (the spec's HostLoadImportedModule),
//! [`Module::evaluate`] runs the graph and its jobs, and
//! [`Module::namespace`] reads the exports. Errors are one enum,
//! [`Error`], whose `vm` variants carry Node's error codes; JavaScript
//! cannot panic the host, and [`Limits`] bound time, steps, heap and depth.
//!
//! ```
//! use std::collections::HashMap;
//! use vmjs::embed::{Module, ModuleOptions, Runtime, SourceTextModule};
//!
//! let mut rt = Runtime::new();
//! let sources = HashMap::from([
//!     ("./math.mjs", "export const square = (x) => x * x;"),
//! ]);
//! let main = SourceTextModule::new(
//!     &mut rt,
//!     "import { square } from './math.mjs'; export const area = square(7);",
//!     ModuleOptions::default(),
//! )?;
//! main.link(&mut rt, |rt, specifier, _referrer, _attributes| {
//!     let source = sources[specifier];
//!     SourceTextModule::new(rt, source, ModuleOptions::default())
//! })?;
//! main.evaluate(&mut rt)?;
//! assert_eq!(main.namespace(&mut rt)?.get_number(&mut rt, "area")?, 49.0);
//! assert_eq!(main.status(&rt)?.as_str(), "evaluated");
//! # Ok::<(), vmjs::embed::Error>(())
//! ```
//!
//! Misuse gets Node's codes:
//!
//! ```
//! use vmjs::embed::{ModuleOptions, Runtime, SourceTextModule};
//!
//! let mut rt = Runtime::new();
//! let m = SourceTextModule::new(&mut rt, "export const x = 1;", ModuleOptions::default())?;
//! let err = m.evaluate(&mut rt).unwrap_err();
//! assert_eq!(err.code(), Some("ERR_VM_MODULE_STATUS"));
//! assert_eq!(
//!     err.to_string(),
//!     "Error [ERR_VM_MODULE_STATUS]: Module status must be one of linked, evaluated, or errored"
//! );
//! # Ok::<(), vmjs::embed::Error>(())
//! ```

mod error;
mod module;
mod namespace;
mod resolver;
mod runtime;
pub mod script;
mod value;

pub use crate::interp::heap::CountingAllocator;
pub use error::{Error, LimitExceeded, Result};
pub use module::{
    Attributes, Evaluation, ImportPhase, Module, ModuleOptions, ModuleRequestInfo,
    SourceTextModule, Status, SyntheticExports, SyntheticModule,
};
pub use namespace::Namespace;
pub use resolver::{LoadedModule, ModuleLoader, ModuleMap, NodeResolver};
pub use runtime::{Context, Limits, Runtime};
pub use value::{JsValue, ObjectRef};

#[cfg(test)]
mod tests;

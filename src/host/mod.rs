//! Hosts: what ECMA-262 leaves to the embedding (module loading,
//! import.meta). `vmjs run` uses the file host.

mod builtin_modules;
pub mod code_cache_dir;
pub mod commonjs;
pub(crate) mod dynamic_import;
mod edge_memo;
pub mod errors;
pub mod file_host;
pub mod import_map;
mod import_meta;
pub(crate) mod json_module;
mod module_map;
pub mod prefetch;
pub mod resolve;

pub use file_host::FileHost;

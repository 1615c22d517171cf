//! Hosts: what ECMA-262 leaves to the embedding (module loading,
//! import.meta). `vmjs run` uses the file host.

pub mod file_host;
pub mod prefetch;
pub mod resolve;

pub use file_host::FileHost;

//! Scope analysis: resolves every identifier to a frame slot, an
//! environment slot, an import or a global, and records what each scope
//! allocates (see `types`).

mod types;

pub use types::*;

//! The module system: ECMA-262 Cyclic Module Records (§16.2.1.6), Source
//! Text Module Records (§16.2.1.7), Synthetic Module Records (§16.2.1.8)
//! and GetModuleNamespace (§16.2.1.13) over an arena of records.

pub mod async_evaluation;
pub mod code_cache;
pub mod deferred;
pub mod entries;
pub mod evaluation;
pub mod exports;
pub mod has_tla;
pub mod linking;
pub mod loading;
pub mod module_source;
pub mod namespace;
pub mod record;
pub mod source_text;
pub mod synthetic;
pub mod termination;
pub mod trace;
pub mod vm_status;

pub use evaluation::{evaluate, load_link_evaluate};
pub use linking::link;
pub use loading::{
    load_requested_modules, registered_graph, GraphLoadingState, HostLoad, ModuleHost, PendingLoad,
};
pub use namespace::get_module_namespace;
pub use record::{ModuleGraph, ModuleId, ModuleRecord, ModuleRequest, SharedGraph, Status};
pub use source_text::{parse_module, throw_syntax_error, ModuleIdentity};
pub use synthetic::{
    create_default_export_synthetic_module, create_synthetic_module, set_synthetic_module_export,
};
pub use vm_status::VmStatus;

#[cfg(test)]
mod tests;

//! The evaluator: the value model (strings, values, property keys and
//! descriptors, objects on the `gc` heap), the agent and its realms, the
//! abstract operations, the builtins and the tree-walking evaluator.

pub mod agent;
pub mod bigint;
pub mod builtins;
pub mod completion;
pub mod environment;
pub mod eval;
pub mod function;
pub mod global_env;
pub mod heap;
pub mod initialize;
pub mod inspect;
pub mod interrupt;
pub mod jobs;
pub mod native;
pub mod number;
pub mod object;
pub mod ops;
pub mod property;
pub mod property_table;
pub mod proxy;
pub mod realm;
pub mod run_source;
pub mod shape;
pub mod slots;
pub mod source;
pub mod stack_guard;
pub mod stack_pool;
pub mod string;
pub mod throw_site;
pub mod uncaught;
pub mod value;
pub mod vm_context;

pub use agent::Agent;
pub use completion::{JsResult, Throw};
pub use value::Value;

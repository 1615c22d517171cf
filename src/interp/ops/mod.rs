//! Abstract operations (ECMA-262 §7) as methods on the agent.

pub mod bigint;
pub mod call;
pub mod conversion;
pub mod equality;
pub mod errors;
pub mod internal_methods;
pub mod iteration;
pub mod object_ops;

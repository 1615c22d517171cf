//! Node's `Buffer` (a subclass of `Uint8Array`): the `Buffer` global of
//! `vmjs run` and the `node:buffer` built-in module (`buffer.mjs`, over the
//! binding `vmjs:buffer-binding`). Everything is native: the function and
//! prototype (constructor.rs), the statics (statics.rs), the string and
//! byte methods (prototype.rs), searching (search.rs), the number readers
//! and writers (numbers.rs), over the encodings (encoding.rs) and Node's
//! argument checks and errors (errors.rs).

mod constructor;
mod encoding;
mod errors;
mod numbers;
mod object;
mod prototype;
mod search;
mod statics;

pub use constructor::{binding, buffer_constructor, install_global};
pub use object::new_buffer;

/// The JavaScript of `node:buffer`.
pub const SOURCE: &str = include_str!("buffer.mjs");

/// The specifier `buffer.mjs` imports its binding with.
pub const BINDING_SPECIFIER: &str = "vmjs:buffer-binding";

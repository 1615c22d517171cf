//! The host globals of Node that programs touch at load time: `process`
//! (process.rs), `performance` (performance.rs), `atob`/`btoa`
//! (base64.rs), `DOMException` (dom_exception.rs), `structuredClone`
//! (structured_clone.rs), `TextEncoder`/`TextDecoder` (text_codec.rs) and
//! `URL`/`URLSearchParams` (url/), and `Buffer` (`crate::node::buffer`).
//! `vmjs run` installs
//! them on the global object; `vm` contexts do not get them, as in Node.

mod arguments;
mod base64;
mod dom_exception;
mod performance;
mod process;
mod structured_clone;
pub(crate) mod text_codec;
mod url;

use crate::interp::agent::Agent;

pub use arguments::{describe_received, invalid_arg_type, invalid_arg_type_phrase};
pub use base64::base64_function;
pub(crate) use base64::{decode_base64_lenient, encode_base64};
pub use dom_exception::dom_exception;
pub use process::exit_code;
pub(crate) use text_codec::{decode_utf8_lossy, encode_utf8};

/// What `process` reports about the command line.
pub struct ProcessInfo {
    /// `process.argv`: the vmjs executable, the entry file (absolute), then
    /// the arguments after it.
    pub argv: Vec<String>,
}

/// Defines `process` and `performance` on the agent's global object.
pub fn install(agent: &mut Agent, info: ProcessInfo) {
    process::install(agent, info);
    performance::install(agent);
    dom_exception::install(agent);
    base64::install(agent);
    structured_clone::install(agent);
    text_codec::install(agent);
    url::install(agent);
    crate::node::buffer::install_global(agent);
}

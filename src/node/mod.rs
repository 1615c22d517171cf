//! Node's built-in modules that vmjs provides: `node:vm` (also `vm`),
//! `node:buffer` (also `buffer`), `node:module` and `node:process` (also
//! `process`).
//!
//! A built-in is an ordinary source text module written in JavaScript
//! (compiled into the binary) plus a native binding that only built-ins can
//! import, as `vmjs:<name>-binding`.

pub mod buffer;
pub mod globals;
pub mod vm;

/// The JavaScript of `node:module` (its binding is the file host's).
const MODULE_SOURCE: &str = include_str!("module.mjs");

/// The JavaScript of `node:process`.
const PROCESS_SOURCE: &str = include_str!("process.mjs");

/// The source text of built-in module `name` (`vm` for `node:vm`).
pub fn builtin_source(name: &str) -> Option<&'static str> {
    match name {
        "vm" => Some(vm::SOURCE),
        "buffer" => Some(buffer::SOURCE),
        "process" => Some(PROCESS_SOURCE),
        "module" => Some(MODULE_SOURCE),
        _ => None,
    }
}

/// Whether `specifier`, requested by module `referrer_name`, names an
/// internal binding (only built-ins, whose names start with `node:`, see them).
pub fn is_binding_request(referrer_name: &str, specifier: &str) -> bool {
    referrer_name.starts_with("node:") && specifier.starts_with("vmjs:")
}

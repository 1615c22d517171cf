//! Names and string values as the AST stores them.

use std::rc::Rc;

/// An identifier name (never contains lone surrogates).
pub type Name = Rc<str>;
pub use super::js_string::JsString;

/// Encodes a Rust string as a `JsString`.
pub fn js_string(s: &str) -> JsString {
    s.encode_utf16().collect()
}

/// Decodes a `JsString`, replacing lone surrogates with U+FFFD.
pub fn js_string_lossy(s: &[u16]) -> String {
    String::from_utf16_lossy(s)
}

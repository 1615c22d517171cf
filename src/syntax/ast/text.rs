//! Names and string values as the AST stores them.

use std::rc::Rc;

/// An identifier name (never contains lone surrogates).
pub type Name = Rc<str>;
/// A string value as UTF-16 code units (string literals may hold lone surrogates).
pub type JsString = Rc<[u16]>;

/// Encodes a Rust string as a `JsString`.
pub fn js_string(s: &str) -> JsString {
    s.encode_utf16().collect::<Vec<u16>>().into()
}

/// Decodes a `JsString`, replacing lone surrogates with U+FFFD.
pub fn js_string_lossy(s: &[u16]) -> String {
    String::from_utf16_lossy(s)
}

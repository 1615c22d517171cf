//! Import maps: the WHATWG HTML standard's § 8.1.5.3 (import maps) and
//! the "resolve a module specifier" algorithm, one function per algorithm,
//! named after it. spec-notes/12-package-resolution.md says how the file
//! host applies them before Node's resolution.
//!
//! - parse.rs: parse an import map string, sort and normalize a module
//!   specifier map, sort and normalize scopes, normalize a module integrity
//!   map, normalize a specifier key
//! - resolve.rs: resolve a module specifier, resolve an imports match,
//!   resolve a URL-like module specifier
//!
//! Standard: https://html.spec.whatwg.org/multipage/webappapis.html#import-maps

mod parse;
mod resolve;

pub use parse::parse_import_map_string;
pub use resolve::{resolve_module_specifier, resolve_url_like_module_specifier};

use std::cmp::Ordering;

use url::Url;

/// A specifier map, sorted: each key (a normalized specifier, or a URL's
/// serialization) with its address, or `None` for a null entry (which
/// blocks resolution). Keys are in descending code unit order, so a longer
/// prefix comes before a shorter one.
pub type SpecifierMap = Vec<(String, Option<Url>)>;

/// An import map: its imports, its scopes (by the serialized scope prefix,
/// in descending code unit order) and its integrity map (kept, not used:
/// nothing here fetches over a network).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportMap {
    pub imports: SpecifierMap,
    pub scopes: Vec<(String, SpecifierMap)>,
    pub integrity: Vec<(String, String)>,
}

/// Which JavaScript error an import map failure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMapErrorKind {
    /// The text is not JSON (`JSON.parse`'s error).
    SyntaxError,
    TypeError,
}

/// A failure the standard says to throw.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", match .kind { ImportMapErrorKind::SyntaxError => "SyntaxError", ImportMapErrorKind::TypeError => "TypeError" })]
pub struct ImportMapError {
    pub kind: ImportMapErrorKind,
    pub message: String,
}

impl ImportMapError {
    fn type_error(message: String) -> ImportMapError {
        ImportMapError {
            kind: ImportMapErrorKind::TypeError,
            message,
        }
    }
}

/// Whether `a` is code unit less than `b` (Infra): compared as UTF-16, which
/// differs from Rust's byte order for characters above U+FFFF.
fn code_unit_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Whether `url`'s scheme is special (ftp, file, http, https, ws, wss).
fn is_special(url: &Url) -> bool {
    matches!(
        url.scheme(),
        "ftp" | "file" | "http" | "https" | "ws" | "wss"
    )
}

#[cfg(test)]
mod tests;

//! The code cache: what parsing produced — the checked tree with its scope
//! analysis — as bytes, so that a later run with the same source text skips
//! lexing, parsing, early errors and scope analysis (`vm.Script`'s
//! `cachedData`, `vm.SourceTextModule`'s `createCachedData()`, and
//! `vmjs run --cache`).
//!
//! The bytes are a header (`format`: magic, format and vmjs versions, kind,
//! the source's length and XXH3-128 hash, the payload's length and hash)
//! and the tree in postcard's encoding of the AST's serde derives. The
//! evaluator's inline caches and other run-time cells are not written and
//! start empty. Decoding treats its input as untrusted: anything that does
//! not match is a [`Rejection`], never a panic; lengths are checked against
//! the bytes there are before anything is allocated for them, and nesting
//! is bounded (`serde_with::MAX_DECODE_NESTING`).
//!
//! ```
//! use vmjs::syntax::cache::{decode, encode, CodeKind};
//! use vmjs::syntax::{ast::Script, parse_script};
//!
//! let source = "let x = 1; x + 1";
//! let bytes = encode(CodeKind::Script, source, &parse_script(source).unwrap());
//! let script: Script = decode(CodeKind::Script, source, &bytes).unwrap();
//! assert_eq!(script.body.len(), 2);
//! assert!(decode::<Script>(CodeKind::Script, "other", &bytes).is_err());
//! ```

mod format;
pub mod serde_with;
#[cfg(test)]
mod tests;

pub use format::{CodeKind, AST_FORMAT, FORMAT_VERSION};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why cached data was not used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("not vmjs cached data")]
    NotCodeCache,
    #[error("made by another vmjs version or cache format")]
    OtherVersion,
    #[error("made for a script where a module is expected, or the reverse")]
    OtherKind,
    #[error("made for another source text")]
    OtherSource,
    #[error("truncated")]
    Truncated,
    #[error("corrupt (its checksum does not match)")]
    Corrupt,
    #[error("undecodable: {0}")]
    Undecodable(String),
}

/// The cached data of `payload` (a checked tree, or a tree and what the
/// module layer derived from it), made from `source`.
///
/// # Panics
/// If `payload` holds a `TooDeep` node, which only a tree that failed its
/// checks has.
pub fn encode<T: Serialize>(kind: CodeKind, source: &str, payload: &T) -> Vec<u8> {
    let _session = serde_with::EncodeSession::start();
    let bytes = postcard::to_allocvec(payload)
        .expect("a checked tree is encodable (it has no TooDeep node)");
    format::frame(kind, source, &bytes)
}

/// The payload of `bytes` when they are cached data of `kind` made from
/// exactly `source` by this version of vmjs.
pub fn decode<T: DeserializeOwned>(
    kind: CodeKind,
    source: &str,
    bytes: &[u8],
) -> Result<T, Rejection> {
    let payload = format::unframe(kind, source, bytes)?;
    let _session = serde_with::DecodeSession::start();
    match postcard::take_from_bytes::<T>(payload) {
        Ok((value, [])) => Ok(value),
        Ok(_) => Err(Rejection::Undecodable("bytes after the tree".into())),
        Err(e) => Err(Rejection::Undecodable(e.to_string())),
    }
}

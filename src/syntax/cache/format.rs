//! The code cache's byte layout: a header that says what the payload is
//! and what it was made from, then the payload (the tree in postcard's
//! encoding).
//!
//! | bytes | field |
//! | --- | --- |
//! | 8 | magic: `vmjscode` |
//! | 4 | [`FORMAT_VERSION`] (this header's layout), little-endian |
//! | 4 | [`AST_FORMAT`] (the payload's types), little-endian |
//! | 1 + n | the vmjs version (`CARGO_PKG_VERSION`): its length, then its bytes |
//! | 1 | the kind: 0 script, 1 module |
//! | 8 | the source text's length in bytes |
//! | 16 | the source text's XXH3-128 hash |
//! | 8 | the payload's length |
//! | 8 | the payload's XXH3-64 hash |
//! | … | the payload |

use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

use super::Rejection;

const MAGIC: &[u8; 8] = b"vmjscode";

/// The header's layout; bumped when it changes.
pub const FORMAT_VERSION: u32 = 1;

/// The payload's layout: bumped whenever a type in `syntax::ast` or
/// `syntax::scope` (or a module payload) changes, since postcard's encoding
/// follows the types field by field.
pub const AST_FORMAT: u32 = 1;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the cached tree is: the goal it was parsed with.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Script,
    Module,
}

impl CodeKind {
    fn tag(self) -> u8 {
        match self {
            CodeKind::Script => 0,
            CodeKind::Module => 1,
        }
    }
}

/// The header followed by `payload`.
pub(super) fn frame(kind: CodeKind, source: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&AST_FORMAT.to_le_bytes());
    out.push(VERSION.len() as u8);
    out.extend_from_slice(VERSION.as_bytes());
    out.push(kind.tag());
    out.extend_from_slice(&(source.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_128(source.as_bytes()).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Reads fields off the front of a byte slice; running out is a rejection.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Rejection> {
        if self.0.len() < n {
            return Err(Rejection::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Rejection> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
}

/// Checks the header of `bytes` against what the caller has: a code cache
/// of this format and vmjs version, of `kind`, made from `source`, whole
/// and unaltered. Returns the payload.
pub(super) fn unframe<'a>(
    kind: CodeKind,
    source: &str,
    bytes: &'a [u8],
) -> Result<&'a [u8], Rejection> {
    let mut r = Reader(bytes);
    if r.take(MAGIC.len()).ok() != Some(&MAGIC[..]) {
        return Err(Rejection::NotCodeCache);
    }
    let format = u32::from_le_bytes(r.array()?);
    let ast = u32::from_le_bytes(r.array()?);
    let [version_len] = r.array()?;
    let version = r.take(version_len as usize)?;
    if format != FORMAT_VERSION || ast != AST_FORMAT || version != VERSION.as_bytes() {
        return Err(Rejection::OtherVersion);
    }
    let [tag] = r.array()?;
    if tag != kind.tag() {
        return Err(Rejection::OtherKind);
    }
    let source_len = u64::from_le_bytes(r.array()?);
    let source_hash = u128::from_le_bytes(r.array()?);
    if source_len != source.len() as u64 || source_hash != xxh3_128(source.as_bytes()) {
        return Err(Rejection::OtherSource);
    }
    let payload_len = u64::from_le_bytes(r.array()?);
    let payload_hash = u64::from_le_bytes(r.array()?);
    if payload_len != r.0.len() as u64 {
        return Err(Rejection::Truncated);
    }
    if payload_hash != xxh3_64(r.0) {
        return Err(Rejection::Corrupt);
    }
    Ok(r.0)
}

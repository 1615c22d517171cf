//! A Source Text Module's code cache: what ParseModule computes from the
//! text that takes a walk of the tree — the checked, scope-analysed body
//! (step 1) and [[HasTLA]] (step 11) — as bytes (`syntax::cache`), and the
//! record made back from them without parsing. The entry lists (steps 3–10)
//! come from the top-level items alone and are made again from the body.

use std::rc::Rc;

use super::has_tla::module_contains_await;
use super::record::{ModuleBody, ModuleRecord};
use super::source_text::{source_text_module_record_with, ModuleIdentity};
use crate::syntax::ast::Module;
use crate::syntax::cache::{self, CodeKind, Rejection};

/// The cached data of a module parsed from `source`, whose body `body` has
/// [[HasTLA]] `has_tla`.
pub fn module_cached_data(body: &Module, has_tla: bool, source: &str) -> Vec<u8> {
    cache::encode(CodeKind::Module, source, &(body, has_tla))
}

/// The cached data of a Source Text Module Record, or None for another
/// kind of record (a synthetic module has no code to cache).
pub fn record_cached_data(record: &ModuleRecord) -> Option<Vec<u8>> {
    match &record.body {
        ModuleBody::Source(code) => Some(module_cached_data(
            &code.ast,
            record.has_tla,
            &code.source.text,
        )),
        _ => None,
    }
}

/// The body and [[HasTLA]] that `bytes` hold, if they are a module's cached
/// data made from exactly `source` by this vmjs.
pub fn module_from_cached_data(bytes: &[u8], source: &str) -> Result<(Module, bool), Rejection> {
    cache::decode(CodeKind::Module, source, bytes)
}

/// ParseModule from cached data: the record, made without parsing, or why
/// the data was rejected.
pub fn parse_module_from_cached_data(
    bytes: &[u8],
    source: &str,
    identity: ModuleIdentity,
) -> Result<ModuleRecord, Rejection> {
    let (body, has_tla) = module_from_cached_data(bytes, source)?;
    Ok(source_text_module_record_with(
        Rc::new(body),
        has_tla,
        source,
        identity,
    ))
}

/// [[HasTLA]] of a freshly parsed body (ParseModule step 11), for callers
/// that cache it.
pub fn has_top_level_await(body: &Module) -> bool {
    module_contains_await(body)
}

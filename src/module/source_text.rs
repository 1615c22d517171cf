//! ParseModule (ECMA-262 §16.2.1.7.1): the one way every host — the file
//! host, `node:vm`'s `SourceTextModule` and the Rust API — makes a Source
//! Text Module Record from source text.

use std::rc::Rc;

use super::entries::{module_entries, ModuleEntries};
use super::has_tla::module_contains_await;
use super::record::{ModuleBody, ModuleRecord};
use crate::interp::agent::Agent;
use crate::interp::completion::Throw;
use crate::interp::eval::ModuleCode;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::realm::Realm;
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::syntax::ast::Module;
use crate::syntax::SyntaxError;

/// Who a module is, for the host: `name` is what error messages and the
/// module map use (an absolute path, or `vm:module(0)`), `url` what
/// `import.meta.url` and stack frames print; `realm` is the realm the
/// module runs in when it is not the agent's first (a `vm` context).
pub struct ModuleIdentity {
    pub name: String,
    pub url: String,
    pub realm: Option<Rc<Realm>>,
}

impl ModuleIdentity {
    /// A module known by one name (`node:vm`'s identifiers, built-ins).
    pub fn named(name: impl Into<String>, realm: Option<Rc<Realm>>) -> ModuleIdentity {
        let name = name.into();
        ModuleIdentity {
            url: name.clone(),
            name,
            realm,
        }
    }
}

/// ParseModule ( sourceText, realm, hostDefined ) —
/// <https://tc39.es/ecma262/#sec-parsemodule>
/// A Source Text Module Record in status new, or the SyntaxError.
pub fn parse_module(source: &str, identity: ModuleIdentity) -> Result<ModuleRecord, SyntaxError> {
    // 1. Let body be ParseText(sourceText, Module).
    // 2. If body is a List of errors, return body.
    let body = crate::syntax::parse_module(source)?;
    Ok(source_text_module_record(Rc::new(body), source, identity))
}

/// ParseModule's steps 3–12 for a body already parsed (the file host
/// parses on worker threads): the import and export entries, [[HasTLA]],
/// and the record.
pub fn source_text_module_record(
    body: Rc<Module>,
    source: &str,
    identity: ModuleIdentity,
) -> ModuleRecord {
    // 11. Let async be body Contains await.
    let has_tla = module_contains_await(&body);
    source_text_module_record_with(body, has_tla, source, identity)
}

/// [`source_text_module_record`] with [[HasTLA]] already known (a body
/// from the code cache, or one whose worker thread computed it).
pub fn source_text_module_record_with(
    body: Rc<Module>,
    has_tla: bool,
    source: &str,
    identity: ModuleIdentity,
) -> ModuleRecord {
    // 3–10. requestedModules, importEntries, localExportEntries,
    //       indirectExportEntries and starExportEntries.
    let entries = module_entries(&body);
    source_text_module_record_from(body, has_tla, entries, source, identity)
}

/// [`source_text_module_record_with`] with the entry lists already
/// computed (by the loader's worker thread that parsed the body).
pub fn source_text_module_record_from(
    body: Rc<Module>,
    has_tla: bool,
    entries: ModuleEntries,
    source: &str,
    identity: ModuleIdentity,
) -> ModuleRecord {
    let ModuleIdentity { name, url, realm } = identity;
    let text = SourceText::new(url.clone(), source);
    if let Some(realm) = &realm {
        text.set_realm(realm);
    }
    let code = ModuleCode::new(body.clone(), text);
    // 12. Return Source Text Module Record { [[Realm]]: realm, [[Environment]]: empty,
    //     [[Status]]: new, [[ECMAScriptCode]]: body, … }.
    let mut record = ModuleRecord::new(name, url, ModuleBody::Source(code));
    record.realm = realm;
    // 3–10. (Computed by the caller.)
    record.set_entries(entries);
    // 11. (Computed by the caller: async.)
    record.has_tla = has_tla;
    record
}

/// The SyntaxError a host throws for a module that did not parse: V8's
/// message, and a `stack` that shows where (file:line, the line, a caret).
pub fn throw_syntax_error(agent: &mut Agent, err: &SyntaxError, name: &str, source: &str) -> Throw {
    let Throw(e) = agent.syntax_error(&err.message);
    if let Value::Object(o) = &*e {
        o.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(
                Value::String(JsStr::from(err.render(name, source))),
                Attributes::METHOD,
            ),
        );
    }
    Throw(e)
}

//! ParseModule's entry lists — <https://tc39.es/ecma262/#sec-parsemodule>
//! (§16.2.1.7.1):
//! RequestedModules, ImportEntries and the three kinds of ExportEntries,
//! computed from the parsed and scope-analysed AST.

use rustc_hash::FxHashMap as HashMap;

use super::record::ModuleRequest;
use super::record::{ExportEntry, ImportEntry, ImportName, LocalBinding};
use crate::interp::string::JsStr;
use crate::syntax::ast::{
    ExportKind, Ident, ImportAttribute, ImportPhase, Module, ModuleExportName, ModuleItem,
    StmtKind, StringLit,
};
use crate::syntax::scope::DeclKind;

fn lit(s: &StringLit) -> JsStr {
    JsStr::from_units(s.value.clone())
}

fn export_name(n: &ModuleExportName) -> JsStr {
    match n {
        ModuleExportName::Ident(i) => JsStr::from(&*i.name),
        ModuleExportName::Str(s) => lit(s),
    }
}

/// ModuleRequests: a specifier with its attributes sorted by key.
fn module_request(
    source: &StringLit,
    attributes: &[ImportAttribute],
    phase: ImportPhase,
) -> ModuleRequest {
    let mut attributes: Vec<(JsStr, JsStr)> = attributes
        .iter()
        .map(|a| (export_name(&a.key), lit(&a.value)))
        .collect();
    attributes.sort_by(|a, b| a.0.units().cmp(b.0.units()));
    ModuleRequest {
        specifier: lit(source),
        attributes,
        phase,
    }
}

/// ParseModule's entry lists of one module, before its record exists
/// (the loader's worker threads compute them with the parse).
#[derive(Debug, Default)]
pub struct ModuleEntries {
    pub requested_modules: Vec<ModuleRequest>,
    pub import_entries: Vec<ImportEntry>,
    pub local_export_entries: Vec<ExportEntry>,
    pub indirect_export_entries: Vec<ExportEntry>,
    pub star_export_entries: Vec<ExportEntry>,
}

/// [[RequestedModules]], [[ImportEntries]], [[LocalExportEntries]],
/// [[IndirectExportEntries]] and [[StarExportEntries]] of `module`
/// (ParseModule steps 3–10).
// Deviation: one walk over the module items computes ModuleRequests,
// ImportEntries and ExportEntries together. Export entries with a
// [[ModuleRequest]] are sorted into the indirect and star lists as they are
// found (step 10.b–c), the others once the imports are known (step 10.a),
// so a re-export of an import comes after every `export … from` in
// [[IndirectExportEntries]]; InitializeEnvironment step 1 then reports an
// unresolvable `export … from` before an unresolvable re-exported import.
pub fn module_entries(module: &Module) -> ModuleEntries {
    let mut entries = ModuleEntries::default();
    let scope = module
        .scope
        .get()
        .expect("modules are analysed when parsed");
    let slots: HashMap<&str, (u32, DeclKind)> = scope
        .declarations
        .iter()
        .map(|(n, slot, kind)| (&**n, (*slot, *kind)))
        .collect();
    let import_index: HashMap<&str, u32> = scope
        .imports
        .iter()
        .enumerate()
        .map(|(i, n)| (&**n, i as u32))
        .collect();
    // Scope analysis lists every named and default import; an index past the
    // end (never expected) leaves the binding unlinked rather than panicking.
    let index_of = |name: &str| import_index.get(name).copied().unwrap_or(u32::MAX);
    let mut request_index: HashMap<ModuleRequest, usize> = HashMap::default();
    let mut request = |entries: &mut ModuleEntries, r: ModuleRequest| -> usize {
        *request_index.entry(r.clone()).or_insert_with(|| {
            entries.requested_modules.push(r);
            entries.requested_modules.len() - 1
        })
    };
    let slot_of = |name: &str| slots.get(name).map(|(s, _)| *s).unwrap_or(0);
    let mut local_candidates: Vec<(JsStr, JsStr)> = Vec::new();
    for item in &module.body {
        match item {
            // 3. Let requestedModules be the ModuleRequests of body.
            // 4. Let importEntries be the ImportEntries of body.
            ModuleItem::Import(decl) => {
                // ModuleRequests of ImportDeclaration: [[Phase]] is the
                // declaration's (`defer`, `source` or `evaluation`).
                let r = request(
                    &mut entries,
                    module_request(&decl.source, &decl.attributes, decl.phase),
                );
                if let Some(d) = &decl.default {
                    // ImportEntries of `import source x from`: [[ImportName]]
                    // is `source`.
                    let import_name = match decl.phase {
                        ImportPhase::Source => ImportName::Source,
                        _ => ImportName::Name(JsStr::from("default")),
                    };
                    entries.import_entries.push(ImportEntry {
                        module_request: r,
                        import_name,
                        local_name: JsStr::from(&*d.name),
                        local: LocalBinding::ImportIndex(index_of(&d.name)),
                    });
                }
                if let Some(ns) = &decl.namespace {
                    entries.import_entries.push(ImportEntry {
                        module_request: r,
                        import_name: ImportName::NamespaceObject,
                        local_name: JsStr::from(&*ns.name),
                        local: LocalBinding::Slot(slot_of(&ns.name)),
                    });
                }
                for spec in decl.named.iter().flatten() {
                    let imported = match &spec.imported {
                        Some(n) => export_name(n),
                        None => JsStr::from(&*spec.local.name),
                    };
                    entries.import_entries.push(ImportEntry {
                        module_request: r,
                        import_name: ImportName::Name(imported),
                        local_name: JsStr::from(&*spec.local.name),
                        local: LocalBinding::ImportIndex(index_of(&spec.local.name)),
                    });
                }
            }
            ModuleItem::Export(decl) => match &decl.kind {
                ExportKind::Decl(stmt) => {
                    let mut names: Vec<&Ident> = Vec::new();
                    match &stmt.kind {
                        StmtKind::Var(v) => {
                            for d in &v.declarations {
                                d.target.bound_names(&mut names);
                            }
                        }
                        StmtKind::Function(f) => names.extend(f.name.iter()),
                        StmtKind::Class(c) => names.extend(c.name.iter()),
                        _ => {}
                    }
                    for n in names {
                        let name = JsStr::from(&*n.name);
                        local_candidates.push((name.clone(), name));
                    }
                }
                ExportKind::DefaultExpr(_) => {
                    local_candidates.push(("default".into(), "*default*".into()))
                }
                ExportKind::DefaultFunction(f) => {
                    let local = f
                        .name
                        .as_ref()
                        .map_or("*default*".into(), |n| JsStr::from(&*n.name));
                    local_candidates.push(("default".into(), local));
                }
                ExportKind::DefaultClass(c) => {
                    let local = c
                        .name
                        .as_ref()
                        .map_or("*default*".into(), |n| JsStr::from(&*n.name));
                    local_candidates.push(("default".into(), local));
                }
                ExportKind::Named {
                    specifiers,
                    source: None,
                    ..
                } => {
                    for s in specifiers {
                        let local = export_name(&s.local);
                        let exported = s.exported.as_ref().map_or(local.clone(), export_name);
                        local_candidates.push((exported, local));
                    }
                }
                ExportKind::Named {
                    specifiers,
                    source: Some(source),
                    attributes,
                } => {
                    let r = request(
                        &mut entries,
                        module_request(source, attributes, ImportPhase::Evaluation),
                    );
                    // 10.c. Else, i. Append ee to indirectExportEntries.
                    for s in specifiers {
                        let imported = export_name(&s.local);
                        let exported = s.exported.as_ref().map_or(imported.clone(), export_name);
                        entries.indirect_export_entries.push(ExportEntry {
                            export_name: Some(exported),
                            module_request: Some(r),
                            import_name: Some(ImportName::Name(imported)),
                            local_name: None,
                        });
                    }
                }
                ExportKind::All {
                    exported,
                    source,
                    attributes,
                } => {
                    let r = request(
                        &mut entries,
                        module_request(source, attributes, ImportPhase::Evaluation),
                    );
                    match exported {
                        // export * as ns from: an indirect entry of the namespace
                        // (10.c. Else, i. Append ee to indirectExportEntries).
                        Some(n) => entries.indirect_export_entries.push(ExportEntry {
                            export_name: Some(export_name(n)),
                            module_request: Some(r),
                            import_name: Some(ImportName::NamespaceObject),
                            local_name: None,
                        }),
                        // 10.b. Else if ee.[[ImportName]] is all-but-default, then
                        //       i. Assert: ee.[[ExportName]] is null.
                        //       ii. Append ee to starExportEntries.
                        None => entries.star_export_entries.push(ExportEntry {
                            export_name: None,
                            module_request: Some(r),
                            import_name: Some(ImportName::AllButDefault),
                            local_name: None,
                        }),
                    }
                }
            },
            ModuleItem::Stmt(_) => {}
        }
    }
    // 5. Let importedBoundNames be ImportedLocalNames(importEntries).
    let imports_by_local: HashMap<JsStr, ImportEntry> = entries
        .import_entries
        .iter()
        .map(|ie| (ie.local_name.clone(), ie.clone()))
        .collect();
    // 10. For each ExportEntry Record ee of exportEntries, do
    for (exported, local) in local_candidates {
        // a. If ee.[[ModuleRequest]] is null, then
        //   i. If importedBoundNames does not contain ee.[[LocalName]], append to localExportEntries.
        //   ii. Else, 1. Let ie be the element of importEntries whose [[LocalName]]
        //       is ee.[[LocalName]].
        let ie = imports_by_local.get(&local).cloned();
        match ie {
            None => {
                let slot = slot_of(&local.to_rust_string());
                entries.local_export_entries.push(ExportEntry {
                    export_name: Some(exported),
                    module_request: None,
                    import_name: None,
                    local_name: Some((local, slot)),
                });
            }
            Some(ie) => {
                // ii.2. If ie.[[ImportName]] is namespace-object, then
                //   a. NOTE: This is a re-export of an imported module namespace object.
                //   b. Append ee to localExportEntries.
                if ie.import_name == ImportName::NamespaceObject {
                    let slot = slot_of(&local.to_rust_string());
                    entries.local_export_entries.push(ExportEntry {
                        export_name: Some(exported),
                        module_request: None,
                        import_name: None,
                        local_name: Some((local, slot)),
                    });
                } else {
                    // 3. Else, append ExportEntry { [[ModuleRequest]]: ie.[[ModuleRequest]],
                    //    [[ImportName]]: ie.[[ImportName]], [[LocalName]]: null,
                    //    [[ExportName]]: ee.[[ExportName]] } to indirectExportEntries.
                    entries.indirect_export_entries.push(ExportEntry {
                        export_name: Some(exported),
                        module_request: Some(ie.module_request),
                        import_name: Some(ie.import_name),
                        local_name: None,
                    });
                }
            }
        }
    }
    // The lists are final now: give back what growing them left spare
    // (a module's record lives as long as the graph).
    entries.requested_modules.shrink_to_fit();
    entries.import_entries.shrink_to_fit();
    entries.local_export_entries.shrink_to_fit();
    entries.indirect_export_entries.shrink_to_fit();
    entries.star_export_entries.shrink_to_fit();
    entries
}

impl ModuleEntries {
    /// Whether some string of the lists is empty. `JsStr::from("")` is one
    /// string shared by every user on its thread, so lists made on one
    /// thread move to another only when no string is empty (none is, but
    /// for an empty specifier or export name).
    pub fn has_empty_string(&self) -> bool {
        let empty = |s: &JsStr| s.is_empty();
        let import_name = |n: &ImportName| matches!(n, ImportName::Name(s) if s.is_empty());
        let export = |e: &ExportEntry| {
            e.export_name.as_ref().is_some_and(empty)
                || e.import_name.as_ref().is_some_and(import_name)
                || e.local_name.as_ref().is_some_and(|(s, _)| s.is_empty())
        };
        self.requested_modules
            .iter()
            .any(|r| empty(&r.specifier) || r.attributes.iter().any(|(k, v)| empty(k) || empty(v)))
            || self
                .import_entries
                .iter()
                .any(|e| import_name(&e.import_name) || empty(&e.local_name))
            || self.local_export_entries.iter().any(export)
            || self.indirect_export_entries.iter().any(export)
            || self.star_export_entries.iter().any(export)
    }
}

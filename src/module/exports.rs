//! GetExportedNames and ResolveExport (ECMA-262 §16.2.1.7.2.1–2) over the
//! arena, with explicit stacks instead of recursion. They serve synthetic
//! modules too (§16.2.1.8.4.2–3): a synthetic module's [[ExportNames]] are
//! its local export entries, so step 6 of GetExportedNames returns them
//! and step 5 of ResolveExport resolves them to their bindings.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use smallvec::SmallVec;

use super::record::{
    BindingName, ExportRef, ImportName, ImportPhase, ModuleGraph, ModuleId, Resolution,
    ResolvedBinding,
};
use crate::interp::string::JsStr;

impl ModuleGraph {
    /// GetExportedNames ( [ exportStarSet ] ) —
    /// <https://tc39.es/ecma262/#sec-getexportednames> (§16.2.1.7.2.1)
    // Deviation: iterative; exportStarSet is the visited set of one walk,
    // so each module of the `export *` graph is visited once, and the
    // names reached through stars are merged as they are found (step 8.d).
    pub fn get_exported_names(&self, module: ModuleId) -> Vec<JsStr> {
        // 1. Assert: module.[[Status]] is not new.
        debug_assert_ne!(
            self.get(module).status,
            super::record::Status::New,
            "GetExportedNames step 1"
        );
        // 2. If exportStarSet is not present, set exportStarSet to a new empty List.
        let mut export_star_set: HashSet<ModuleId> = HashSet::default();
        let mut exported_names: Vec<JsStr> = Vec::new();
        let mut seen: HashSet<JsStr> = HashSet::default();
        // (module, whether it is the starting module: only it exports "default")
        let mut stack = vec![(module, true)];
        while let Some((m, is_root)) = stack.pop() {
            // 3. If exportStarSet contains module, then
            //    a. Assert: We've reached the starting point of an export * circularity.
            //    b. Return a new empty List.
            // 4. Append module to exportStarSet.
            if !export_star_set.insert(m) {
                continue;
            }
            let record = self.get(m);
            // 5. Let exportedNames be a new empty List.
            // 6. For each ExportEntry Record e of module.[[LocalExportEntries]], do
            // 7. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
            //    a. Assert: module provides the direct binding for this export /
            //       module imports a specific binding for this export.
            for e in record
                .local_export_entries
                .iter()
                .chain(&record.indirect_export_entries)
            {
                // b. Assert: e.[[ExportName]] is not null.
                let name = e
                    .export_name
                    .clone()
                    .expect("GetExportedNames steps 6.b and 7.b: a named export");
                // c. Append e.[[ExportName]] to exportedNames.
                // (For a module reached through a star, step 8.d of the
                // caller: i. if n is not "default", 1. if exportedNames does
                // not contain n, a. append n.)
                if !is_root && name.units() == DEFAULT {
                    continue;
                }
                if seen.insert(name.clone()) {
                    exported_names.push(name);
                }
            }
            // 8. For each ExportEntry Record e of module.[[StarExportEntries]], do
            //    a. Assert: e.[[ModuleRequest]] is not null.
            //    b. Let requestedModule be GetImportedModule(module, e.[[ModuleRequest]]).
            //    c. Let starNames be requestedModule.GetExportedNames(exportStarSet).
            for e in record.star_export_entries.iter().rev() {
                let requested = record.imported(
                    e.module_request
                        .expect("GetExportedNames step 8.a: a star export has a request"),
                );
                stack.push((requested, false));
            }
        }
        // 9. Return exportedNames.
        exported_names
    }

    /// ResolveExport ( exportName [ , resolveSet ] ) —
    /// <https://tc39.es/ecma262/#sec-resolveexport> (§16.2.1.7.2.2)
    // Deviation: results of top-level calls are cached (the graph is fully
    // loaded whenever this is called, so the spec's "each time … it must
    // return the same result" makes the cache invisible).
    pub fn resolve_export(&mut self, module: ModuleId, export_name: &JsStr) -> Resolution {
        // 1. Assert: module.[[Status]] is not new.
        debug_assert_ne!(
            self.get(module).status,
            super::record::Status::New,
            "ResolveExport step 1"
        );
        // Step 5 answers most calls (an import of a name the module itself
        // declares): that needs neither a resolveSet nor the cache.
        let record = self.get(module);
        if let Some(ExportRef::Local(i)) = record.find_export(export_name) {
            if let Some((_, slot)) = &record.local_export_entries[i].local_name {
                return Resolution::Resolved(ResolvedBinding {
                    module,
                    binding_name: BindingName::Slot(*slot),
                });
            }
        }
        let key = (module, export_name.clone());
        if let Some(r) = self.resolve_cache.get(&key) {
            return *r;
        }
        let r = self.resolve_export_uncached(module, export_name);
        self.resolve_cache.insert(key, r);
        r
    }

    // Deviation: iterative. The indirect-export step (6.a.iv.3) is a tail
    // call (the current call is replaced); each star-export step keeps a
    // frame with its starResolution while the starred module is resolved.
    // Steps 5–6 look the name up in `export_index` instead of walking the
    // entry lists.
    fn resolve_export_uncached(&self, module: ModuleId, export_name: &JsStr) -> Resolution {
        struct StarFrame {
            module: ModuleId,
            name: JsStr,
            next_star: usize,
            star_resolution: Option<ResolvedBinding>,
        }
        // 2. If resolveSet is not present, set resolveSet to a new empty List.
        let mut resolve_set: HashSet<(ModuleId, JsStr)> = HashSet::default();
        let mut frames: Vec<StarFrame> = Vec::new();
        let mut call: Option<(ModuleId, JsStr)> = Some((module, export_name.clone()));
        let mut returned: Option<Resolution> = None;
        loop {
            if let Some((m, name)) = call.take() {
                // 3. For each Record { [[Module]], [[ExportName]] } r of resolveSet, do
                //    a. If module and r.[[Module]] are the same Module Record and
                //       exportName is r.[[ExportName]], then
                //       i. Assert: This is a circular import request.
                //       ii. Return null.
                // 4. Append the Record { [[Module]]: module, [[ExportName]]: exportName }
                //    to resolveSet.
                if !resolve_set.insert((m, name.clone())) {
                    returned = Some(Resolution::NotFound);
                } else {
                    let record = self.get(m);
                    let continue_with_star;
                    match record.find_export(&name) {
                        // 5. For each ExportEntry Record e of module.[[LocalExportEntries]], do
                        //    a. If e.[[ExportName]] is exportName, then
                        //       i. Assert: module provides the direct binding for this export.
                        //       ii. Return ResolvedBinding Record { [[Module]]: module,
                        //           [[BindingName]]: e.[[LocalName]] }.
                        Some(ExportRef::Local(i)) => {
                            let e = &record.local_export_entries[i];
                            let slot = e
                                .local_name
                                .as_ref()
                                .expect("ResolveExport step 5.a.i: a local export has a binding")
                                .1;
                            returned = Some(Resolution::Resolved(ResolvedBinding {
                                module: m,
                                binding_name: BindingName::Slot(slot),
                            }));
                            continue_with_star = false;
                        }
                        // 6. For each ExportEntry Record e of module.[[IndirectExportEntries]], do
                        //    a. If e.[[ExportName]] is exportName, then
                        Some(ExportRef::Indirect(i)) => {
                            let e = &record.indirect_export_entries[i];
                            // i. Assert: e.[[ModuleRequest]] is not null.
                            // ii. Let importedModule be GetImportedModule(module,
                            //     e.[[ModuleRequest]]).
                            let imported = record.imported(e.module_request.expect(
                                "ResolveExport step 6.a.i: an indirect export has a request",
                            ));
                            match e.import_name.as_ref().expect(
                                "ResolveExport step 6.a.iv.2: an indirect export imports a name",
                            ) {
                                // iii. If e.[[ImportName]] is all, then
                                //      1. Assert: module does not provide the direct binding
                                //         for this export.
                                //      2. Return ResolvedBinding Record { [[Module]]:
                                //         importedModule, [[BindingName]]: namespace }.
                                //      (Deferring Module Evaluation:)
                                //      2. If e.[[ModuleRequest]].[[Phase]] is defer, then
                                //         a. Return ResolvedBinding Record { [[Module]]:
                                //            importedModule, [[BindingName]]: deferred-namespace }.
                                //      3. Else, return ResolvedBinding Record { [[Module]]:
                                //         importedModule, [[BindingName]]: namespace }.
                                ImportName::NamespaceObject | ImportName::AllButDefault => {
                                    let request = e.module_request.expect("step 6.a.i");
                                    let binding_name = match record.requested_modules[request].phase
                                    {
                                        ImportPhase::Defer => BindingName::DeferredNamespace,
                                        _ => BindingName::Namespace,
                                    };
                                    returned = Some(Resolution::Resolved(ResolvedBinding {
                                        module: imported,
                                        binding_name,
                                    }));
                                }
                                // (Source Phase Imports:) Else if e.[[ImportName]] is source, then
                                //   1. Assert: module does not provide the direct binding for this export.
                                //   2. Return ResolvedBinding Record { [[Module]]: importedModule,
                                //      [[BindingName]]: source }.
                                ImportName::Source => {
                                    returned = Some(Resolution::Resolved(ResolvedBinding {
                                        module: imported,
                                        binding_name: BindingName::Source,
                                    }));
                                }
                                // iv. Else,
                                //     1. Assert: module imports a specific binding for this export.
                                //     2. Assert: e.[[ImportName]] is a String.
                                //     3. Return importedModule.ResolveExport(e.[[ImportName]],
                                //        resolveSet).
                                ImportName::Name(n) => {
                                    call = Some((imported, n.clone()));
                                    continue;
                                }
                            }
                            continue_with_star = false;
                        }
                        None => continue_with_star = true,
                    }
                    if !continue_with_star {
                        // Resolved by step 5 or 6.a.iii.
                    } else if name.units() == DEFAULT {
                        // 7. If exportName is "default", then
                        //    a. Assert: A default export was not explicitly defined by
                        //       this module.
                        //    b. Return null.
                        //    c. NOTE: A default export cannot be provided by an
                        //       export * from "mod" declaration.
                        returned = Some(Resolution::NotFound);
                    } else {
                        // 8. Let starResolution be null.
                        frames.push(StarFrame {
                            module: m,
                            name,
                            next_star: 0,
                            star_resolution: None,
                        });
                        returned = None;
                    }
                }
            }
            let Some(top) = frames.last_mut() else {
                return returned.unwrap_or(Resolution::NotFound);
            };
            if let Some(r) = returned.take() {
                match r {
                    // 9.d. If resolution is ambiguous, return ambiguous.
                    Resolution::Ambiguous => {
                        frames.pop();
                        returned = Some(Resolution::Ambiguous);
                        continue;
                    }
                    // e. If resolution is not null, then
                    //    i. Assert: resolution is a ResolvedBinding Record.
                    Resolution::Resolved(b) => match top.star_resolution {
                        // ii. If starResolution is null, then
                        //     1. Set starResolution to resolution.
                        None => top.star_resolution = Some(b),
                        // iii. Else,
                        //      1. Assert: There is more than one * import that includes
                        //         the requested name.
                        //      2. If resolution.[[Module]] and starResolution.[[Module]] are
                        //         not the same Module Record, return ambiguous.
                        //      3–4. If their [[BindingName]]s differ (a String and
                        //         namespace, or two different Strings), return ambiguous.
                        Some(s) if s != b => {
                            frames.pop();
                            returned = Some(Resolution::Ambiguous);
                            continue;
                        }
                        Some(_) => {}
                    },
                    Resolution::NotFound => {}
                }
            }
            // 9. For each ExportEntry Record e of module.[[StarExportEntries]], do
            let record = self.get(top.module);
            // Deviation: a module with many star exports visits only those
            // whose module exports the name (the others would return null).
            let entry = match self.star_index(top.module) {
                Some(index) => index
                    .get(&top.name)
                    .and_then(|entries| entries.get(top.next_star).copied()),
                None => Some(top.next_star as u32),
            };
            if let Some(e) = entry.and_then(|i| record.star_export_entries.get(i as usize)) {
                top.next_star += 1;
                // a. Assert: e.[[ModuleRequest]] is not null.
                // b. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
                // c. Let resolution be importedModule.ResolveExport(exportName, resolveSet).
                let imported = record.imported(
                    e.module_request
                        .expect("ResolveExport step 9.a: a star export has a request"),
                );
                call = Some((imported, top.name.clone()));
            } else {
                // 10. Return starResolution.
                let frame = frames.pop().expect("top frame");
                returned = Some(match frame.star_resolution {
                    Some(b) => Resolution::Resolved(b),
                    None => Resolution::NotFound,
                });
            }
        }
    }
}

/// Modules with at least this many `export *` entries get a star index.
const STAR_INDEX_MIN: usize = 16;

/// For a module with many star exports: each name to the star entries
/// (indices into [[StarExportEntries]], in order) whose module exports it.
pub type StarIndex = HashMap<JsStr, SmallVec<[u32; 2]>>;

impl ModuleGraph {
    /// The star index of `module`, built on first use (None for modules
    /// with few star exports, which are walked as the spec says).
    fn star_index(&self, module: ModuleId) -> Option<Rc<StarIndex>> {
        let record = self.get(module);
        if record.star_export_entries.len() < STAR_INDEX_MIN {
            return None;
        }
        if let Some(index) = self.star_indexes.borrow().get(&module) {
            return Some(index.clone());
        }
        let mut index = StarIndex::default();
        for (i, e) in record.star_export_entries.iter().enumerate() {
            let requested = record.imported(e.module_request.expect("star request"));
            for name in self.get_exported_names(requested) {
                let entries = index.entry(name).or_default();
                if entries.last() != Some(&(i as u32)) {
                    entries.push(i as u32);
                }
            }
        }
        let index = Rc::new(index);
        self.star_indexes.borrow_mut().insert(module, index.clone());
        Some(index)
    }
}

const DEFAULT: &[u16] = &[100, 101, 102, 97, 117, 108, 116];

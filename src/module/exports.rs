//! GetExportedNames and ResolveExport (ECMA-262 §16.2.1.7.2.1–2) over the
//! arena, with explicit stacks instead of recursion.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

use smallvec::SmallVec;

use super::record::{
    BindingName, ExportRef, ImportName, ModuleGraph, ModuleId, Resolution, ResolvedBinding,
};
use crate::interp::string::JsStr;

impl ModuleGraph {
    /// GetExportedNames ( [ exportStarSet ] ) —
    /// <https://tc39.es/ecma262/#sec-getexportednames>
    // Deviation: iterative; exportStarSet is the visited set of one walk,
    // so each module of the `export *` graph is visited once.
    pub fn get_exported_names(&self, module: ModuleId) -> Vec<JsStr> {
        let mut export_star_set: HashSet<ModuleId> = HashSet::default();
        let mut exported_names: Vec<JsStr> = Vec::new();
        let mut seen: HashSet<JsStr> = HashSet::default();
        // (module, whether it is the starting module: only it exports "default")
        let mut stack = vec![(module, true)];
        while let Some((m, is_root)) = stack.pop() {
            // 2. If exportStarSet contains module, return « » (a circular import request).
            // 3. Append module to exportStarSet.
            if !export_star_set.insert(m) {
                continue;
            }
            let record = self.get(m);
            // 5–6. For each ExportEntry e of [[LocalExportEntries]] / [[IndirectExportEntries]]:
            //      append e.[[ExportName]].
            for e in record
                .local_export_entries
                .iter()
                .chain(&record.indirect_export_entries)
            {
                let name = e.export_name.clone().expect("named export");
                // 7.d.i–ii (for star-reached modules): skip "default" and duplicates.
                if !is_root && name.units() == DEFAULT {
                    continue;
                }
                if seen.insert(name.clone()) {
                    exported_names.push(name);
                }
            }
            // 7. For each ExportEntry e of module.[[StarExportEntries]], do
            //    a. Let requestedModule be GetImportedModule(module, e.[[ModuleRequest]]).
            //    b. Let starNames be requestedModule.GetExportedNames(exportStarSet).
            for e in record.star_export_entries.iter().rev() {
                let requested = record.imported(e.module_request.expect("star request"));
                stack.push((requested, false));
            }
        }
        exported_names
    }

    /// ResolveExport ( exportName [ , resolveSet ] ) —
    /// <https://tc39.es/ecma262/#sec-resolveexport>
    /// Results of top-level calls are cached (the graph is fully loaded
    /// whenever this is called).
    pub fn resolve_export(&mut self, module: ModuleId, export_name: &JsStr) -> Resolution {
        // Step 4 answers most calls (an import of a name the module itself
        // declares): that needs neither a resolveSet nor the cache.
        let record = self.get(module);
        if let Some(ExportRef::Local(i)) = record.export_index.get(export_name) {
            if let Some((_, slot)) = &record.local_export_entries[*i].local_name {
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

    // Deviation: iterative. The indirect-export step is a tail call (the
    // current call is replaced); each star-export step keeps a frame with
    // its starResolution while the starred module is resolved.
    fn resolve_export_uncached(&self, module: ModuleId, export_name: &JsStr) -> Resolution {
        struct StarFrame {
            module: ModuleId,
            name: JsStr,
            next_star: usize,
            star_resolution: Option<ResolvedBinding>,
        }
        // 1. Assert / resolveSet: the (module, exportName) pairs visited.
        let mut resolve_set: HashSet<(ModuleId, JsStr)> = HashSet::default();
        let mut frames: Vec<StarFrame> = Vec::new();
        let mut call: Option<(ModuleId, JsStr)> = Some((module, export_name.clone()));
        let mut returned: Option<Resolution> = None;
        loop {
            if let Some((m, name)) = call.take() {
                // 2–3. If resolveSet has (module, exportName), return null (a
                //      circular import request); else append it.
                if !resolve_set.insert((m, name.clone())) {
                    returned = Some(Resolution::NotFound);
                } else {
                    let record = self.get(m);
                    let continue_with_star;
                    match record.export_index.get(&name).copied() {
                        // 4. For each ExportEntry e of [[LocalExportEntries]]: if exportName
                        //    is e.[[ExportName]], return ResolvedBinding { module, e.[[LocalName]] }.
                        Some(ExportRef::Local(i)) => {
                            let e = &record.local_export_entries[i];
                            let slot = e.local_name.as_ref().expect("local export").1;
                            returned = Some(Resolution::Resolved(ResolvedBinding {
                                module: m,
                                binding_name: BindingName::Slot(slot),
                            }));
                            continue_with_star = false;
                        }
                        // 5. For each ExportEntry e of [[IndirectExportEntries]]:
                        Some(ExportRef::Indirect(i)) => {
                            let e = &record.indirect_export_entries[i];
                            // a. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
                            let imported =
                                record.imported(e.module_request.expect("indirect request"));
                            match e.import_name.as_ref().expect("indirect import name") {
                                // b. If e.[[ImportName]] is all, return ResolvedBinding
                                //    { importedModule, namespace }.
                                ImportName::NamespaceObject | ImportName::AllButDefault => {
                                    returned = Some(Resolution::Resolved(ResolvedBinding {
                                        module: imported,
                                        binding_name: BindingName::Namespace,
                                    }));
                                }
                                // c. Return importedModule.ResolveExport(e.[[ImportName]], resolveSet).
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
                        // Resolved by step 4 or 5.b.
                    } else if name.units() == DEFAULT {
                        // 6. If exportName is "default", return null.
                        returned = Some(Resolution::NotFound);
                    } else {
                        // 7–9. Let starResolution be null; walk the star exports.
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
                    // 10.d. If resolution is ambiguous, return ambiguous.
                    Resolution::Ambiguous => {
                        frames.pop();
                        returned = Some(Resolution::Ambiguous);
                        continue;
                    }
                    // e. If resolution is not null, then
                    Resolution::Resolved(b) => match top.star_resolution {
                        // ii. If starResolution is null, set starResolution to resolution.
                        None => top.star_resolution = Some(b),
                        // iii. Else, if resolution.[[Module]] and starResolution.[[Module]]
                        //      differ, or their [[BindingName]]s differ, return ambiguous.
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
            // 10. For each ExportEntry e of module.[[StarExportEntries]], do
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
                // a. Let importedModule be GetImportedModule(module, e.[[ModuleRequest]]).
                // b. Let resolution be importedModule.ResolveExport(exportName, resolveSet).
                let imported = record.imported(e.module_request.expect("star request"));
                call = Some((imported, top.name.clone()));
            } else {
                // 11. Return starResolution.
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

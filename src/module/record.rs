//! Module records (ECMA-262 §16.2.1.5 Abstract Module Records, §16.2.1.6
//! Cyclic Module Records, §16.2.1.7 Source Text Module Records, §16.2.1.8
//! Synthetic Module Records) kept in an arena: a module is a [`ModuleId`],
//! its edges are ids, so graph walks never chase pointers.
//!
//! Deviation: one record type serves Source Text and Synthetic Module
//! Records ([`ModuleBody`] tells them apart). A synthetic module is a
//! Cyclic Module Record without requests, without top-level await and with
//! one local export entry per export name, so the cyclic algorithms
//! (§16.2.1.6.1) link and evaluate it; their steps then do what the
//! Synthetic Module Record's own concrete methods (§16.2.1.8.4) do (see
//! spec-notes/06-module-loading.md).

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

use gc::Gc;
use smallvec::SmallVec;

use crate::interp::builtins::promise::PromiseCapability;
use crate::interp::environment::Env;
use crate::interp::eval::ModuleCode;
use crate::interp::object::JsObject;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
pub use crate::syntax::ast::ImportPhase;

/// A module's index in [`ModuleGraph::modules`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModuleId(pub u32);

/// [[Status]] of a Cyclic Module Record (§16.2.1.6, Table "Additional
/// Fields of Cyclic Module Records").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Unlinked,
    Linking,
    Linked,
    Evaluating,
    EvaluatingAsync,
    Evaluated,
}

impl Status {
    /// The status as the spec writes it.
    pub fn spec_name(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Unlinked => "unlinked",
            Status::Linking => "linking",
            Status::Linked => "linked",
            Status::Evaluating => "evaluating",
            Status::EvaluatingAsync => "evaluating-async",
            Status::Evaluated => "evaluated",
        }
    }
}

/// ModuleRequest Record: a specifier, its import attributes (sorted by
/// key) and [[Phase]] (Deferring Module Evaluation, Source Phase Imports:
/// `evaluation`, `defer` or `source`). Equality is the ModuleRequests
/// de-duplication (key and phase); ModuleRequestsKeyEqual is
/// [`ModuleRequest::key_equal`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModuleRequest {
    pub specifier: JsStr,
    pub attributes: Vec<(JsStr, JsStr)>,
    pub phase: ImportPhase,
}

impl ModuleRequest {
    /// ModuleRequestsKeyEqual ( left, right ) — the same [[Specifier]] and
    /// [[Attributes]], whatever the phases (both lists are sorted by key,
    /// so equal lists are equal sets).
    pub fn key_equal(&self, other: &ModuleRequest) -> bool {
        self.specifier == other.specifier && self.attributes == other.attributes
    }
}

/// [[ImportName]] of an ImportEntry / ExportEntry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportName {
    Name(JsStr),
    /// `namespace-object` (`import * as ns`, `export * as ns from`).
    NamespaceObject,
    /// `all-but-default` (`export * from`).
    AllButDefault,
    /// `source` (Source Phase Imports: `import source x from`, and its
    /// re-export `export { x }`).
    Source,
}

/// ImportEntry Record; `module_request` indexes [[RequestedModules]].
#[derive(Clone, Debug)]
pub struct ImportEntry {
    pub module_request: usize,
    pub import_name: ImportName,
    pub local_name: JsStr,
    /// Where the local binding lives: an import binding index
    /// (`Env::imports`) or, for a namespace import, an environment slot.
    pub local: LocalBinding,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LocalBinding {
    ImportIndex(u32),
    Slot(u32),
}

/// ExportEntry Record.
#[derive(Clone, Debug)]
pub struct ExportEntry {
    /// [[ExportName]] (None for `export * from`).
    pub export_name: Option<JsStr>,
    pub module_request: Option<usize>,
    pub import_name: Option<ImportName>,
    /// [[LocalName]] with its module-environment slot.
    pub local_name: Option<(JsStr, u32)>,
}

/// Where a resolved export lives: a binding slot or the namespace object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BindingName {
    Slot(u32),
    Namespace,
    /// `deferred-namespace` (Deferring Module Evaluation): the namespace
    /// of an `export defer * as ns from` entry.
    DeferredNamespace,
    /// `source` (Source Phase Imports): the module's [[ModuleSource]].
    Source,
}

/// ResolvedBinding Record { [[Module]], [[BindingName]] }.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ResolvedBinding {
    pub module: ModuleId,
    pub binding_name: BindingName,
}

/// ResolveExport's result: a binding, `null` or `ambiguous`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    Resolved(ResolvedBinding),
    NotFound,
    Ambiguous,
}

/// Which entry exports a name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ExportRef {
    Local(usize),
    Indirect(usize),
}

/// A module's code: source text, or a synthetic module whose export
/// values the host sets (JSON modules).
pub enum ModuleBody {
    Source(ModuleCode),
    /// Synthetic Module Record: export name i lives in slot i of `env`.
    Synthetic {
        env: Gc<Env>,
        /// [[EvaluationSteps]]: a function called with no arguments when the
        /// module is evaluated (`vm.SyntheticModule`); None when the host
        /// set the exports already (JSON modules).
        evaluation_steps: Option<Value>,
    },
}

/// What a module created through `node:vm` carries for the host hooks
/// (the spec's [[HostDefined]]).
#[derive(Clone)]
pub struct HostDefined {
    /// Called as `(meta)` when `import.meta` is first evaluated.
    pub initialize_import_meta: Value,
    /// Called as `(specifier, attributes)` for `import()`; returns the promise.
    pub import_dynamically: Value,
}

/// [[AsyncEvaluationOrder]] of a Cyclic Module Record: `unset`, an
/// integer, or `done` (§16.2.1.6, Table "Additional Fields of Cyclic
/// Module Records").
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum AsyncEvaluationOrder {
    /// `unset`: the module and its dependencies are synchronous (so far).
    #[default]
    Unset,
    /// The order in which AsyncModuleExecutionFulfilled queues the module's
    /// execution (from IncrementModuleAsyncEvaluationCount).
    Order(u64),
    /// `done`: the module's asynchronous execution finished.
    Done,
}

impl AsyncEvaluationOrder {
    /// "[[AsyncEvaluationOrder]] is an integer".
    pub fn is_integer(self) -> bool {
        matches!(self, AsyncEvaluationOrder::Order(_))
    }
}

/// A Cyclic Module Record (§16.2.1.6) with the fields of a Source Text
/// Module Record (§16.2.1.7) or a Synthetic Module Record (§16.2.1.8).
pub struct ModuleRecord {
    /// Absolute path or host-given name (error messages, import.meta.url).
    pub(crate) name: String,
    /// `file://` URL for `import.meta.url`.
    pub(crate) url: String,
    /// [[ECMAScriptCode]] with [[Environment]], or the synthetic module's
    /// environment and [[EvaluationSteps]].
    pub(crate) body: ModuleBody,
    /// [[Status]]
    pub(crate) status: Status,
    /// [[EvaluationError]] (`None` is `empty`).
    pub(crate) evaluation_error: Option<Value>,
    /// [[DFSIndex]] (`None` is `empty`).
    pub(crate) dfs_index: Option<u32>,
    /// [[DFSAncestorIndex]] (`None` is `empty`).
    pub(crate) dfs_ancestor_index: Option<u32>,
    /// [[RequestedModules]]
    pub(crate) requested_modules: Vec<ModuleRequest>,
    /// [[LoadedModules]], parallel to `requested_modules`. Stored inline
    /// for modules with few imports: linking and evaluation walk these
    /// edges for every module, and an extra allocation per module is an
    /// extra cache miss per visit on large graphs.
    pub(crate) loaded_modules: SmallVec<[Option<ModuleId>; 4]>,
    /// [[CycleRoot]] (`None` is `empty`).
    pub(crate) cycle_root: Option<ModuleId>,
    /// [[HasTLA]]: whether the body contains `await` outside functions.
    pub(crate) has_tla: bool,
    /// [[AsyncEvaluationOrder]]
    pub(crate) async_evaluation_order: AsyncEvaluationOrder,
    /// [[TopLevelCapability]] (`None` is `empty`).
    pub(crate) top_level_capability: Option<Box<PromiseCapability>>,
    /// [[AsyncParentModules]]
    pub(crate) async_parent_modules: Vec<ModuleId>,
    /// [[PendingAsyncDependencies]] (`None` is `empty`).
    pub(crate) pending_async_dependencies: Option<u32>,
    /// [[ImportEntries]]
    pub(crate) import_entries: Vec<ImportEntry>,
    /// [[LocalExportEntries]]
    pub(crate) local_export_entries: Vec<ExportEntry>,
    /// [[IndirectExportEntries]]
    pub(crate) indirect_export_entries: Vec<ExportEntry>,
    /// [[StarExportEntries]]
    pub(crate) star_export_entries: Vec<ExportEntry>,
    /// Export names to their entries, for ResolveExport steps 5–6 in
    /// constant time (local entries win, as step 5 comes first); empty for
    /// a module with few exports (see `find_export`).
    pub(crate) export_index: HashMap<JsStr, ExportRef>,
    /// [[Namespace]]
    pub(crate) namespace: Option<Gc<JsObject>>,
    /// [[DeferredNamespace]] (Deferring Module Evaluation).
    pub(crate) deferred_namespace: Option<Gc<JsObject>>,
    /// [[ModuleSource]] (Source Phase Imports): `None` (`empty`) for source
    /// text and synthetic modules, which have no source representation.
    pub(crate) module_source: Option<Gc<JsObject>>,
    /// [[ImportMeta]], created on first use.
    pub(crate) import_meta: Option<Gc<JsObject>>,
    /// [[Realm]], when it is not the agent's first (modules of a
    /// `vm.createContext` context).
    pub(crate) realm: Option<Rc<crate::interp::realm::Realm>>,
    /// [[HostDefined]] of `node:vm` modules.
    pub(crate) host_defined: Option<Rc<HostDefined>>,
}

impl ModuleRecord {
    pub fn new(name: String, url: String, body: ModuleBody) -> ModuleRecord {
        ModuleRecord {
            name,
            url,
            body,
            status: Status::New,
            evaluation_error: None,
            dfs_index: None,
            dfs_ancestor_index: None,
            requested_modules: Vec::new(),
            loaded_modules: SmallVec::new(),
            cycle_root: None,
            has_tla: false,
            async_evaluation_order: AsyncEvaluationOrder::Unset,
            top_level_capability: None,
            async_parent_modules: Vec::new(),
            pending_async_dependencies: None,
            import_entries: Vec::new(),
            local_export_entries: Vec::new(),
            indirect_export_entries: Vec::new(),
            star_export_entries: Vec::new(),
            export_index: HashMap::default(),
            namespace: None,
            deferred_namespace: None,
            module_source: None,
            import_meta: None,
            realm: None,
            host_defined: None,
        }
    }

    /// Takes ParseModule's entry lists; every [[LoadedModules]] entry
    /// starts empty.
    pub fn set_entries(&mut self, entries: super::entries::ModuleEntries) {
        self.loaded_modules = SmallVec::from_elem(None, entries.requested_modules.len());
        self.requested_modules = entries.requested_modules;
        self.import_entries = entries.import_entries;
        self.local_export_entries = entries.local_export_entries;
        self.indirect_export_entries = entries.indirect_export_entries;
        self.star_export_entries = entries.star_export_entries;
        self.index_exports();
    }

    /// Fills `export_index` from the local and indirect export entries,
    /// when there are more than `SCANNED_EXPORTS` of them (fewer are
    /// searched in place, which is as fast and allocates nothing).
    pub fn index_exports(&mut self) {
        self.export_index = HashMap::default();
        if self.local_export_entries.len() + self.indirect_export_entries.len()
            <= Self::SCANNED_EXPORTS
        {
            return;
        }
        for (i, e) in self.indirect_export_entries.iter().enumerate() {
            if let Some(name) = &e.export_name {
                self.export_index
                    .insert(name.clone(), ExportRef::Indirect(i));
            }
        }
        for (i, e) in self.local_export_entries.iter().enumerate() {
            if let Some(name) = &e.export_name {
                self.export_index.insert(name.clone(), ExportRef::Local(i));
            }
        }
    }

    /// Up to how many local and indirect export entries a lookup walks
    /// instead of building `export_index`.
    const SCANNED_EXPORTS: usize = 8;

    /// The local or indirect entry exporting `name` (ResolveExport steps
    /// 5–6; local entries win, as step 5 comes first).
    pub fn find_export(&self, name: &JsStr) -> Option<ExportRef> {
        if !self.export_index.is_empty() {
            return self.export_index.get(name).copied();
        }
        let named = |e: &ExportEntry| e.export_name.as_ref() == Some(name);
        if let Some(i) = self.local_export_entries.iter().position(named) {
            return Some(ExportRef::Local(i));
        }
        self.indirect_export_entries
            .iter()
            .position(named)
            .map(ExportRef::Indirect)
    }

    /// The module's environment ([[Environment]]).
    pub fn env(&self) -> Gc<Env> {
        match &self.body {
            ModuleBody::Source(code) => code.env.clone(),
            ModuleBody::Synthetic { env, .. } => env.clone(),
        }
    }

    /// GetImportedModule ( referrer, request ) —
    /// <https://tc39.es/ecma262/#sec-GetImportedModule>: the module loaded
    /// for [[RequestedModules]][request].
    // Deviation: [[LoadedModules]] is parallel to [[RequestedModules]], so
    // step 1's search is an index; step 2's Assert is the `expect`.
    pub fn imported(&self, request: usize) -> ModuleId {
        // 2. Assert: records has exactly one element, since LoadRequestedModules
        //    has completed successfully on referrer prior to invoking this abstract operation.
        // 4. Return record.[[Module]].
        self.loaded_modules[request]
            .expect("GetImportedModule step 2: LoadRequestedModules completed")
    }
}

/// Every module record of an agent, plus the algorithms' shared state.
#[derive(Default)]
pub struct ModuleGraph {
    pub modules: Vec<ModuleRecord>,
    /// The agent's [[ModuleAsyncEvaluationCount]] (§9.6).
    pub module_async_evaluation_count: u64,
    /// ResolveExport results of top-level calls, once loading is complete.
    pub resolve_cache: HashMap<(ModuleId, JsStr), Resolution>,
    /// Star-export indexes of modules with many `export *` entries.
    pub star_indexes: RefCell<HashMap<ModuleId, Rc<super::exports::StarIndex>>>,
    /// Module environments to their modules (for import() and import.meta).
    pub env_owner: HashMap<usize, ModuleId>,
    /// Where the algorithms' steps go (`vmjs run --trace`), if anywhere.
    pub trace: Option<TraceSink>,
}

/// The destination of trace lines.
pub enum TraceSink {
    Stderr,
    Buffer(Rc<RefCell<Vec<String>>>),
    /// Every event in its structured form (`vmjs trace --html`).
    Events(Rc<RefCell<Vec<super::trace::TraceEvent>>>),
}

pub type SharedGraph = Rc<RefCell<ModuleGraph>>;

impl ModuleGraph {
    pub fn add(&mut self, record: ModuleRecord) -> ModuleId {
        let id = ModuleId(self.modules.len() as u32);
        if self.trace.is_some() {
            let line = format!("load {}: new", short_name(&record.name));
            // The host made the record (ParseModule or a synthetic module's
            // constructor) for HostLoadImportedModule.
            self.trace(
                super::trace::TraceEvent::new("HostLoadImportedModule", "", id)
                    .write("[[Status]]", "new")
                    .text(line),
            );
        }
        let env = record.env();
        self.env_owner.insert(env_key(&env), id);
        self.modules.push(record);
        id
    }

    /// IncrementModuleAsyncEvaluationCount ( ) —
    /// <https://tc39.es/ecma262/#sec-IncrementModuleAsyncEvaluationCount>
    pub fn increment_module_async_evaluation_count(&mut self) -> u64 {
        // 2. Let count be AR.[[ModuleAsyncEvaluationCount]].
        let count = self.module_async_evaluation_count;
        // 3. Set AR.[[ModuleAsyncEvaluationCount]] to count + 1.
        self.module_async_evaluation_count = count + 1;
        // 4. Return count.
        count
    }

    pub fn get(&self, id: ModuleId) -> &ModuleRecord {
        &self.modules[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: ModuleId) -> &mut ModuleRecord {
        &mut self.modules[id.0 as usize]
    }

    /// Writes one trace line (only when tracing).
    pub fn trace_line(&self, line: String) {
        match &self.trace {
            None => {}
            Some(TraceSink::Stderr) => eprintln!("[trace] {line}"),
            Some(TraceSink::Buffer(lines)) => lines.borrow_mut().push(line),
            Some(TraceSink::Events(events)) => events
                .borrow_mut()
                .push(super::trace::TraceEvent::line(line)),
        }
    }

    /// Records one trace event (only when tracing): the text sinks get its
    /// line, if it has one.
    pub fn trace(&self, event: super::trace::TraceEvent) {
        match &self.trace {
            Some(TraceSink::Events(events)) => events.borrow_mut().push(event),
            _ => {
                if let Some(line) = event.text {
                    self.trace_line(line);
                }
            }
        }
    }

    /// Whether trace lines are wanted (callers skip formatting otherwise).
    pub fn tracing(&self) -> bool {
        self.trace.is_some()
    }

    /// A module's file name, for trace lines.
    pub fn label(&self, id: ModuleId) -> String {
        short_name(&self.get(id).name)
    }

    /// Labels of a list of modules, `[a.mjs, b.mjs]`.
    pub fn labels(&self, ids: &[ModuleId]) -> String {
        let names: Vec<String> = ids.iter().map(|m| self.label(*m)).collect();
        format!("[{}]", names.join(", "))
    }

    /// InnerModuleLinking step 9.c.iii.1 and InnerModuleEvaluation step
    /// 11.c.iii.1: module.[[DFSAncestorIndex]] becomes
    /// min(module.[[DFSAncestorIndex]], required.[[DFSAncestorIndex]]);
    /// `phase` names the algorithm in the trace (`link`, `evaluate`).
    pub(crate) fn lower_dfs_ancestor_index(
        &mut self,
        module: ModuleId,
        required: ModuleId,
        phase: &str,
    ) {
        let from = self
            .get(required)
            .dfs_ancestor_index
            .expect("the required module's DFS step set [[DFSAncestorIndex]]");
        let record = self.get_mut(module);
        let before = record
            .dfs_ancestor_index
            .expect("the module's DFS step set [[DFSAncestorIndex]]");
        record.dfs_ancestor_index = Some(before.min(from));
        if self.tracing() && from < before {
            let line = format!(
                "{phase} {}: DFSAncestorIndex {} (from {})",
                self.label(module),
                from,
                self.label(required)
            );
            let (algorithm, step) = match phase {
                "link" => ("InnerModuleLinking", "9.c.iii.1"),
                _ => ("InnerModuleEvaluation", "11.c.iii.1"),
            };
            self.trace(
                super::trace::TraceEvent::new(algorithm, step, module)
                    .write("[[DFSAncestorIndex]]", from)
                    .value("requiredModule", required)
                    .text(line),
            );
        }
    }

    /// The module whose environment is `env`.
    pub fn owner_of(&self, env: &Gc<Env>) -> Option<ModuleId> {
        self.env_owner.get(&env_key(env)).copied()
    }
}

fn env_key(env: &Gc<Env>) -> usize {
    &**env as *const Env as usize
}

fn short_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

//! Module records (ECMA-262 §16.2.1.5 Cyclic Module Records, §16.2.1.7
//! Source Text Module Records) kept in an arena: a module is a
//! [`ModuleId`], its edges are ids, so graph walks never chase pointers.

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

/// A module's index in [`ModuleGraph::modules`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModuleId(pub u32);

/// [[Status]] of a Cyclic Module Record.
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

/// ModuleRequest Record: a specifier and its import attributes (sorted by key).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ModuleRequest {
    pub specifier: JsStr,
    pub attributes: Vec<(JsStr, JsStr)>,
}

/// [[ImportName]] of an ImportEntry / ExportEntry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportName {
    Name(JsStr),
    /// `namespace-object` (`import * as ns`, `export * as ns from`).
    NamespaceObject,
    /// `all-but-default` (`export * from`).
    AllButDefault,
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

pub struct ModuleRecord {
    /// Absolute path or host-given name (error messages, import.meta.url).
    pub name: String,
    /// `file://` URL for `import.meta.url`.
    pub url: String,
    pub body: ModuleBody,
    pub status: Status,
    /// [[EvaluationError]]
    pub evaluation_error: Option<Value>,
    pub dfs_index: Option<u32>,
    pub dfs_ancestor_index: Option<u32>,
    pub requested_modules: Vec<ModuleRequest>,
    /// [[LoadedModules]], parallel to `requested_modules`. Stored inline
    /// for modules with few imports: linking and evaluation walk these
    /// edges for every module, and an extra allocation per module is an
    /// extra cache miss per visit on large graphs.
    pub loaded_modules: SmallVec<[Option<ModuleId>; 4]>,
    pub cycle_root: Option<ModuleId>,
    /// [[HasTLA]]: whether the body contains `await` outside functions.
    pub has_tla: bool,
    /// [[AsyncEvaluation]] with its order (`None` is false).
    pub async_evaluation: Option<u64>,
    /// Whether [[AsyncEvaluation]] is done (order cleared to "done").
    pub async_evaluation_done: bool,
    pub top_level_capability: Option<PromiseCapability>,
    pub async_parent_modules: Vec<ModuleId>,
    pub pending_async_dependencies: Option<u32>,
    pub import_entries: Vec<ImportEntry>,
    pub local_export_entries: Vec<ExportEntry>,
    pub indirect_export_entries: Vec<ExportEntry>,
    pub star_export_entries: Vec<ExportEntry>,
    /// Export names to their entries, for ResolveExport steps 4–5 in
    /// constant time (local entries win, as step 4 comes first).
    pub export_index: HashMap<JsStr, ExportRef>,
    /// [[Namespace]]
    pub namespace: Option<Gc<JsObject>>,
    /// import.meta, created on first use.
    pub import_meta: Option<Gc<JsObject>>,
    /// The realm the module runs in, when it is not the agent's first
    /// (modules of a `vm.createContext` context).
    pub realm: Option<Rc<crate::interp::realm::Realm>>,
    /// [[HostDefined]] of `node:vm` modules.
    pub host_defined: Option<HostDefined>,
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
            async_evaluation: None,
            async_evaluation_done: false,
            top_level_capability: None,
            async_parent_modules: Vec::new(),
            pending_async_dependencies: None,
            import_entries: Vec::new(),
            local_export_entries: Vec::new(),
            indirect_export_entries: Vec::new(),
            star_export_entries: Vec::new(),
            export_index: HashMap::default(),
            namespace: None,
            import_meta: None,
            realm: None,
            host_defined: None,
        }
    }

    /// Fills `export_index` from the local and indirect export entries.
    pub fn index_exports(&mut self) {
        self.export_index.clear();
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

    /// The module's environment ([[Environment]]).
    pub fn env(&self) -> Gc<Env> {
        match &self.body {
            ModuleBody::Source(code) => code.env.clone(),
            ModuleBody::Synthetic { env, .. } => env.clone(),
        }
    }

    /// The module loaded for [[RequestedModules]][i] (GetImportedModule).
    pub fn imported(&self, request: usize) -> ModuleId {
        self.loaded_modules[request].expect("loaded before linking")
    }
}

/// Every module record of an agent, plus the algorithms' shared state.
#[derive(Default)]
pub struct ModuleGraph {
    pub modules: Vec<ModuleRecord>,
    /// The agent's ModuleAsyncEvaluationCount.
    pub async_evaluation_count: u64,
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
}

pub type SharedGraph = Rc<RefCell<ModuleGraph>>;

impl ModuleGraph {
    pub fn add(&mut self, record: ModuleRecord) -> ModuleId {
        let id = ModuleId(self.modules.len() as u32);
        if self.trace.is_some() {
            let line = format!("load {}: new", short_name(&record.name));
            self.trace_line(line);
        }
        let env = record.env();
        self.env_owner.insert(env_key(&env), id);
        self.modules.push(record);
        id
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

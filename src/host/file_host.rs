//! The file host: the handle `vmjs run`, `vmjs bench` and the Rust API
//! hold, and the host hooks it installs on the agent. The module map and
//! HostLoadImportedModule are in module_map.rs, JSON modules in
//! json_module.rs, built-ins in builtin_modules.rs, `import()` in
//! dynamic_import.rs, `import.meta` in import_meta.rs.

use std::any::Any;
use std::path::Path;
use std::rc::Rc;

use gc::Gc;

use super::module_map::FileHostState;
use super::resolve::PackageType;
use crate::interp::agent::{Agent, HostHooks};
use crate::interp::completion::JsResult;
use crate::interp::environment::Env;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::{ModuleId, SharedGraph};
use crate::syntax::SyntaxError;

/// A handle to the file host (cheap to clone: the state is shared).
#[derive(Clone)]
pub struct FileHost {
    state: Rc<FileHostState>,
}

impl Default for FileHost {
    fn default() -> Self {
        FileHost::new()
    }
}

impl FileHost {
    pub fn new() -> FileHost {
        FileHost::with_conditions(&[])
    }

    /// A host whose resolver also matches `conditions` in `exports` and
    /// `imports` (as `node --conditions NAME`).
    pub fn with_conditions(conditions: &[String]) -> FileHost {
        FileHost::with_options(conditions, false)
    }

    /// A host matching `conditions`, whose `.js` files outside any
    /// package `"type"` are ES modules when `default_type_module` (as
    /// `node --experimental-default-type=module`) instead of being
    /// detected from their syntax.
    pub fn with_options(conditions: &[String], default_type_module: bool) -> FileHost {
        let default_type = if default_type_module {
            PackageType::Module
        } else {
            PackageType::None
        };
        FileHost {
            state: Rc::new_cyclic(|weak| {
                FileHostState::new(conditions, default_type, weak.clone())
            }),
        }
    }

    /// Loads module files from the code cache in `cache` (`--cache DIR`)
    /// and stores their parses there; set before loading.
    pub fn set_code_cache(&self, cache: std::sync::Arc<super::code_cache_dir::CodeCacheDir>) {
        self.state.set_code_cache(cache);
    }

    /// What the code cache did so far, if the host has one.
    pub fn code_cache_stats(&self) -> Option<super::code_cache_dir::CodeCacheStats> {
        self.state.code_cache().map(|c| c.stats())
    }

    pub(super) fn state(&self) -> &FileHostState {
        &self.state
    }

    pub fn graph(&self) -> SharedGraph {
        self.state.graph.clone()
    }

    /// Time spent parsing modules (ParseModule) so far, summed over the
    /// threads that parsed them (see prefetch.rs).
    pub fn parse_time(&self) -> std::time::Duration {
        self.state.parse_time()
    }

    /// Time spent resolving specifiers so far (`import`, `require`, the
    /// import map).
    pub fn resolve_time(&self) -> std::time::Duration {
        self.state.resolver.resolve_time()
    }

    /// How many CommonJS files were imported or required so far.
    pub fn commonjs_module_count(&self) -> usize {
        self.state.commonjs.files.borrow().len()
    }

    /// Whether the module at `path` (a real path) is a CommonJS file.
    pub fn is_commonjs(&self, path: &Path) -> bool {
        self.state.commonjs.files.borrow().contains(path)
    }

    /// Applies `import_map` to every `import` (static, dynamic and
    /// `import.meta.resolve`) before Node's resolution.
    pub fn set_import_map(&self, import_map: super::import_map::ImportMap) {
        self.state.resolver.set_import_map(import_map);
    }

    /// Installs this host on the agent.
    pub fn install(&self, agent: &mut Agent) {
        agent.host = Some(Box::new(self.clone()));
    }

    /// Loads the entry module (a path, relative to the working directory).
    pub fn load_entry(&self, agent: &mut Agent, path: &Path) -> JsResult<ModuleId> {
        self.state.load_path(agent, &absolute(path), None, None)
    }

    /// The entry module at `path` (relative to the working directory) from
    /// the text the caller read: parsed once and recorded in the module
    /// map, or its SyntaxError for the caller to print. A CommonJS file
    /// (`.cjs`, or `.js` by its package scope or syntax) is the main
    /// CommonJS module, run when the graph is evaluated.
    pub fn load_entry_text(
        &self,
        agent: &mut Agent,
        path: &Path,
        text: &str,
    ) -> Result<ModuleId, SyntaxError> {
        self.state.load_entry_text(agent, &absolute(path), text)
    }

    /// LoadRequestedModules of `module` (reading and parsing the graph).
    pub fn load_graph(&self, agent: &mut Agent, module: ModuleId) -> JsResult<()> {
        crate::interp::agent::without_collection(|| {
            crate::module::load_requested_modules(agent, &*self.state, module)
        })
    }

    /// Link ( ) of a loaded graph.
    pub fn link_graph(&self, agent: &mut Agent, module: ModuleId) -> JsResult<()> {
        let graph = self.graph();
        crate::interp::agent::without_collection(|| crate::module::link(agent, &graph, module))
    }

    /// Evaluate ( ) of a linked graph: its promise.
    pub fn evaluate_graph(&self, agent: &mut Agent, module: ModuleId) -> JsResult<Value> {
        crate::module::evaluate(agent, &self.graph(), module)
    }

    /// LoadRequestedModules, Link and Evaluate of `module`: its promise.
    pub fn run(&self, agent: &mut Agent, module: ModuleId) -> JsResult<Value> {
        crate::module::load_link_evaluate(agent, &*self.state, module)
    }
}

/// `path` made absolute against the working directory.
fn absolute(path: &Path) -> std::path::PathBuf {
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

impl HostHooks for FileHost {
    fn import_dynamic(
        &mut self,
        agent: &mut Agent,
        referrer: Option<Gc<Env>>,
        specifier: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
        phase: crate::syntax::ast::ImportPhase,
    ) -> JsResult<Value> {
        // The agent's host slot is empty while this runs: module code
        // evaluated from here may itself import().
        agent.host = Some(Box::new(self.clone()));
        self.import_dynamically(agent, referrer, specifier, attributes, phase)
    }

    fn import_meta(&mut self, agent: &mut Agent, module: Option<Gc<Env>>) -> JsResult<Value> {
        self.import_meta_object(agent, module)
    }

    /// The module graph, for the module algorithms' promise reactions and
    /// `node:vm` (see [`crate::module::registered_graph`]).
    fn host_defined(&self) -> Option<Rc<dyn Any>> {
        Some(self.state.graph.clone())
    }
}

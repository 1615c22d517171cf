//! The file host's module map and its HostLoadImportedModule: one record
//! per canonical path and `type` attribute, files read and parsed ahead on
//! worker threads (prefetch.rs), Node's errors for what cannot be loaded.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::rc::{Rc, Weak};
use std::time::{Duration, Instant};

use super::code_cache_dir::CodeCacheDir;
use super::commonjs::detect::detect_module_syntax;
use super::commonjs::CommonJsState;
use super::edge_memo::EdgeMemo;
use super::errors::coded_error;
use super::json_module::parse_json_module;
use super::prefetch::{FileRead, ParsedModule, Prefetched, Prefetcher};
use super::resolve::{file_url, ErrorType, Format, PackageType, ResolveError, Resolved, Resolver};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::ops::errors::ErrorKind;
use crate::module::code_cache::has_top_level_await;
use crate::module::entries::module_entries;
use crate::module::record::{ModuleGraph, ModuleRecord};
use crate::module::source_text::{source_text_module_record_from, source_text_module_record_with};
use crate::module::{
    throw_syntax_error, HostLoad, ModuleHost, ModuleId, ModuleIdentity, ModuleRequest, SharedGraph,
};
use crate::syntax::SyntaxError;

/// Module map key: canonical path and the `type` attribute. The path is
/// kept as text: the paths are absolute and normalized, and hashing the
/// text is cheaper than hashing a `Path`'s components.
pub(super) type MapKey = (OsString, Option<String>);

pub struct FileHostState {
    pub(super) graph: SharedGraph,
    /// The module map: canonical path and type to module.
    pub(super) map: RefCell<HashMap<MapKey, ModuleId>>,
    /// Resolved (not canonicalised) paths already loaded.
    resolved: RefCell<HashMap<MapKey, ModuleId>>,
    /// Files read and parsed ahead of the loader.
    prefetch: Prefetcher,
    /// The resolved path of each load left under way, by referrer and
    /// request index, so finishing it does not resolve the specifier again.
    started: RefCell<HashMap<(ModuleId, ModuleRequest), PathBuf>>,
    /// Relative specifiers loaded, by folder: later edges skip resolution.
    edges: RefCell<EdgeMemo>,
    /// Time spent in ParseModule, on every thread that parsed.
    parse_time: Cell<Duration>,
    /// `--cache DIR`: the code cache module files are loaded from.
    code_cache: std::cell::OnceCell<std::sync::Arc<CodeCacheDir>>,
    /// Node's resolver (ESM_RESOLVE) with its `package.json` cache.
    pub(super) resolver: Rc<Resolver>,
    /// CommonJS modules: `require`'s resolver, cache and bookkeeping.
    pub(super) commonjs: CommonJsState,
    /// This state, for the native functions (`require`) that call back.
    pub(super) self_ref: Weak<FileHostState>,
}

impl FileHostState {
    /// A host whose resolver matches `conditions` besides Node's defaults.
    pub(super) fn new(
        conditions: &[String],
        default_type: PackageType,
        self_ref: Weak<FileHostState>,
    ) -> FileHostState {
        let resolver = Resolver::with_default_type(conditions, default_type);
        FileHostState {
            commonjs: CommonJsState::new(&resolver),
            self_ref,
            graph: Rc::new(RefCell::new(ModuleGraph::default())),
            map: RefCell::new(HashMap::default()),
            resolved: RefCell::new(HashMap::default()),
            prefetch: Prefetcher::default(),
            started: RefCell::new(HashMap::default()),
            edges: RefCell::default(),
            parse_time: Cell::new(Duration::ZERO),
            code_cache: std::cell::OnceCell::new(),
            resolver: Rc::new(resolver),
        }
    }

    /// Loads module files from `cache` and stores their parses there.
    pub(super) fn set_code_cache(&self, cache: std::sync::Arc<CodeCacheDir>) {
        self.prefetch.set_code_cache(cache.clone());
        let _ = self.code_cache.set(cache);
    }

    /// The code cache, if the host has one.
    pub(super) fn code_cache(&self) -> Option<&CodeCacheDir> {
        self.code_cache.get().map(|c| &**c)
    }

    /// ParseModule's syntax part and [[HasTLA]] of the file at `path`, on
    /// this thread: from the code cache when there is one.
    fn parse_file(
        &self,
        path: &Path,
        text: &str,
    ) -> Result<(crate::syntax::ast::Module, bool), SyntaxError> {
        match self.code_cache() {
            Some(cache) => cache.load_or_parse(path, text),
            None => {
                let module = crate::syntax::parse_module(text)?;
                let has_tla = has_top_level_await(&module);
                Ok((module, has_tla))
            }
        }
    }

    /// Time spent parsing modules so far, summed over the threads that parsed.
    pub(super) fn parse_time(&self) -> Duration {
        self.parse_time.get()
    }

    /// The entry module at `path`, whose text the caller has read: parsed
    /// here (once) and recorded in the module map; the SyntaxError as it is.
    /// A CommonJS entry (by ESM_FILE_FORMAT) runs as Node's main module.
    pub(super) fn load_entry_text(
        &self,
        agent: &mut Agent,
        path: &Path,
        text: &str,
    ) -> Result<ModuleId, SyntaxError> {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let key = (canonical.as_os_str().to_owned(), None);
        if let Some(id) = self.map.borrow().get(&key) {
            return Ok(*id);
        }
        let identity = ModuleIdentity {
            name: canonical.display().to_string(),
            url: file_url(&canonical),
            realm: None,
        };
        let format = self.resolver.esm_file_format(&canonical);
        let started = Instant::now();
        let parsed = match format {
            Ok(Format::CommonJs) => None,
            _ => Some(self.parse_file(&canonical, text)),
        };
        self.parse_time
            .set(self.parse_time.get() + started.elapsed());
        let is_commonjs = match (&format, &parsed) {
            (Ok(Format::CommonJs), _) => true,
            (Ok(Format::Detect), Some(Ok((module, _)))) => !detect_module_syntax(module, text),
            (Ok(Format::Detect), Some(Err(_))) => {
                super::commonjs::wrapper::parse_wrapper(text).is_ok()
            }
            _ => false,
        };
        let id = if is_commonjs {
            super::commonjs::wrapper::parse_wrapper(text)?;
            self.commonjs_module_record(agent, &canonical, text, identity, true)
        } else {
            let (body, has_tla) = parsed.unwrap_or_else(|| self.parse_file(&canonical, text))?;
            let record = source_text_module_record_with(Rc::new(body), has_tla, text, identity);
            self.graph.borrow_mut().add(record)
        };
        self.map.borrow_mut().insert(key, id);
        self.resolved
            .borrow_mut()
            .insert((path.as_os_str().to_owned(), None), id);
        Ok(id)
    }

    /// Reads, parses and records the module at `path` once per key.
    pub(super) fn load_path(
        &self,
        agent: &mut Agent,
        path: &Path,
        kind: Option<String>,
        referrer: Option<&str>,
    ) -> JsResult<ModuleId> {
        let not_found = |agent: &mut Agent| {
            let message = match referrer {
                Some(r) => format!("Cannot find module '{}' imported from {r}", path.display()),
                None => format!("Cannot find module '{}'", path.display()),
            };
            coded_error(agent, ErrorKind::Error, "ERR_MODULE_NOT_FOUND", message)
        };
        // Every edge to a module resolves to the same path text: look that
        // up first, so the file system is asked once per module, not per edge.
        let by_path = (path.as_os_str().to_owned(), kind.clone());
        if let Some(id) = self.resolved.borrow().get(&by_path) {
            return Ok(*id);
        }
        // ESM_FILE_FORMAT: how the file loads. JSON needs `type: 'json'`
        // (checked below); CommonJS is a synthetic module (commonjs/).
        let format = self
            .resolver
            .esm_file_format(path)
            .map_err(|e| throw_resolve_error(agent, e))?;
        let Prefetched {
            read,
            parsed,
            parse_time,
        } = self.prefetch.take(path);
        self.parse_time.set(self.parse_time.get() + parse_time);
        let FileRead::Found { link_target, text } = read else {
            return Err(not_found(agent));
        };
        let canonical = match link_target {
            Some(target) => target,
            None => match self.canonical_dir_join(path) {
                Some(c) => c,
                None => return Err(not_found(agent)),
            },
        };
        let key = (canonical.as_os_str().to_owned(), kind.clone());
        if let Some(id) = self.map.borrow().get(&key).copied() {
            self.resolved.borrow_mut().insert(by_path, id);
            return Ok(id);
        }
        let identity = ModuleIdentity {
            name: canonical.display().to_string(),
            url: file_url(&canonical),
            realm: None,
        };
        let record = if kind.as_deref() == Some("json") {
            parse_json_module(agent, &text, identity)?
        } else if format == Format::CommonJs
            || (format == Format::Detect && !self.detected_module(&text, &parsed))
        {
            let id = self.commonjs_module_record(agent, &canonical, &text, identity, false);
            self.map.borrow_mut().insert(key, id);
            self.resolved.borrow_mut().insert(by_path, id);
            return Ok(id);
        } else {
            if format == Format::Json {
                return Err(coded_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_IMPORT_ASSERTION_TYPE_MISSING",
                    format!(
                        "Module \"{}\" needs an import attribute of type \"json\"",
                        identity.url
                    ),
                ));
            }
            self.source_module_record(agent, identity, &text, parsed)?
        };
        let id = self.graph.borrow_mut().add(record);
        self.map.borrow_mut().insert(key, id);
        self.resolved.borrow_mut().insert(by_path, id);
        Ok(id)
    }

    /// DETECT_MODULE_SYNTAX of a file with no `"type"`, from the parse a
    /// worker did if any (a module parse that fails: not a module).
    fn detected_module(
        &self,
        text: &str,
        parsed: &Option<Result<ParsedModule, SyntaxError>>,
    ) -> bool {
        match parsed {
            Some(Ok(parsed)) => detect_module_syntax(parsed.module(), text),
            Some(Err(_)) => false,
            None => crate::syntax::parse_module(text)
                .is_ok_and(|module| detect_module_syntax(&module, text)),
        }
    }

    /// The module an earlier edge from `referrer`'s folder loaded for the
    /// same relative specifier (see edge_memo.rs).
    fn memoized_edge(&self, referrer: ModuleId, request: &ModuleRequest) -> Option<ModuleId> {
        if self.resolver.has_import_map() {
            return None;
        }
        let graph = self.graph.borrow();
        let referrer_name = &graph.get(referrer).name;
        self.edges.borrow().get(referrer_name, &request.specifier)
    }

    /// Keeps what an edge without attributes loaded, for its folder.
    fn memoize_edge(&self, referrer_name: &str, request: &ModuleRequest, id: ModuleId) {
        if request.attributes.is_empty() && !self.resolver.has_import_map() {
            self.edges
                .borrow_mut()
                .insert(referrer_name, &request.specifier, id);
        }
    }

    /// The canonical path of a file that is not a symbolic link: its
    /// directory's canonical path (from the resolver's cache of them)
    /// joined with its name.
    fn canonical_dir_join(&self, path: &Path) -> Option<PathBuf> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return std::fs::canonicalize(path).ok();
        };
        Some(self.resolver.real_dir(dir)?.join(name))
    }

    /// ParseModule of a file's text, with the parse a worker did if any.
    fn source_module_record(
        &self,
        agent: &mut Agent,
        identity: ModuleIdentity,
        text: &str,
        parsed: Option<Result<ParsedModule, SyntaxError>>,
    ) -> JsResult<ModuleRecord> {
        let path = PathBuf::from(&identity.name);
        let parsed = match parsed {
            Some(done) => done.map(ParsedModule::into_parts),
            None => {
                let started = Instant::now();
                let parsed = self.parse_file(&path, text);
                self.parse_time
                    .set(self.parse_time.get() + started.elapsed());
                parsed.map(|(body, has_tla)| (body, has_tla, None))
            }
        };
        match parsed {
            Ok((body, has_tla, entries)) => {
                let entries = entries.unwrap_or_else(|| module_entries(&body));
                Ok(source_text_module_record_from(
                    Rc::new(body),
                    has_tla,
                    entries,
                    text,
                    identity,
                ))
            }
            Err(err) => Err(throw_syntax_error(agent, &err, &identity.name, text)),
        }
    }

    /// HostLoadImportedModule, done at once, for a module (or, with no
    /// referrer, code with no file: `[eval]` in the working directory).
    pub(super) fn load_now(
        &self,
        agent: &mut Agent,
        referrer: Option<ModuleId>,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        let referrer_path = match referrer {
            Some(r) => PathBuf::from(&self.graph.borrow().get(r).name),
            None => std::env::current_dir().unwrap_or_default().join("[eval]"),
        };
        self.load_imported_from(agent, &referrer_path, request)
    }

    /// HostLoadImportedModule for a referrer (module or script) at `referrer_path`.
    pub(super) fn load_imported_from(
        &self,
        agent: &mut Agent,
        referrer_path: &Path,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        // Import attributes: only `type`, and only `type: 'json'`.
        let mut kind = None;
        for (key, value) in &request.attributes {
            if key.to_rust_string() != "type" {
                return Err(coded_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                    format!("Import attribute \"{key}\" with value \"{value}\" is not supported"),
                ));
            }
            if value.to_rust_string() != "json" {
                return Err(coded_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED",
                    format!("Import attribute type \"{value}\" is unsupported"),
                ));
            }
            kind = Some("json".to_string());
        }
        let specifier = request.specifier.to_rust_string();
        let referrer_name = referrer_path.display().to_string();
        if crate::node::is_binding_request(&referrer_name, &specifier) {
            return self.load_builtin(agent, &specifier);
        }
        let resolved = self
            .resolver
            .resolve_import(&specifier, referrer_path)
            .map_err(|e| throw_resolve_error(agent, e))?;
        self.load_resolved(agent, resolved, kind, &referrer_name)
    }

    /// Loads what ESM_RESOLVE gave.
    pub(super) fn load_resolved(
        &self,
        agent: &mut Agent,
        resolved: Resolved,
        kind: Option<String>,
        referrer_name: &str,
    ) -> JsResult<ModuleId> {
        match resolved {
            Resolved::File(path) => self.load_path(agent, &path, kind, Some(referrer_name)),
            Resolved::Builtin(name) => self.load_builtin(agent, &format!("node:{name}")),
            Resolved::OtherUrl(url) => {
                let scheme = url.split(':').next().unwrap_or_default();
                Err(throw_resolve_error(
                    agent,
                    ResolveError::unsupported_url_scheme(scheme),
                ))
            }
        }
    }
}

/// A resolver error as Node's JavaScript error (with `code`).
pub(super) fn throw_resolve_error(agent: &mut Agent, error: ResolveError) -> Throw {
    if error.code.is_empty() {
        let kind = match error.error_type {
            ErrorType::Error => ErrorKind::Error,
            ErrorType::TypeError => ErrorKind::TypeError,
        };
        return agent.error(kind, &error.message);
    }
    let kind = match error.error_type {
        ErrorType::Error => ErrorKind::Error,
        ErrorType::TypeError => ErrorKind::TypeError,
    };
    coded_error(agent, kind, error.code, error.message)
}

impl ModuleHost for FileHostState {
    fn graph(&self) -> SharedGraph {
        self.graph.clone()
    }

    /// A plain import of a file not loaded yet starts on the prefetcher's
    /// workers (read and parsed there, see prefetch.rs); everything else
    /// (attributes, built-ins, errors, modules already loaded) finishes now.
    fn load_imported_module(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> HostLoad {
        if request.attributes.is_empty() {
            if let Some(id) = self.memoized_edge(referrer, request) {
                return HostLoad::Finished(Ok(id));
            }
            let referrer_name = self.graph.borrow().get(referrer).name.clone();
            let specifier = request.specifier.to_rust_string();
            if !crate::node::is_binding_request(&referrer_name, &specifier) {
                // Resolved here, once: a load left under way keeps the path.
                let resolved = match self
                    .resolver
                    .resolve_import(&specifier, Path::new(&referrer_name))
                {
                    Ok(resolved) => resolved,
                    Err(e) => return HostLoad::Finished(Err(throw_resolve_error(agent, e))),
                };
                if let Resolved::File(path) = &resolved {
                    let is_module = matches!(
                        self.resolver.esm_file_format(path),
                        Ok(Format::Module | Format::Detect)
                    );
                    if is_module
                        && !self
                            .resolved
                            .borrow()
                            .contains_key(&(path.as_os_str().to_owned(), None))
                    {
                        self.prefetch.request(path.clone());
                        self.started
                            .borrow_mut()
                            .insert((referrer, request.clone()), path.clone());
                        return HostLoad::Started;
                    }
                }
                let loaded = self.load_resolved(agent, resolved, None, &referrer_name);
                if let Ok(id) = loaded {
                    self.memoize_edge(&referrer_name, request, id);
                }
                return HostLoad::Finished(loaded);
            }
        }
        HostLoad::Finished(self.load_now(agent, Some(referrer), request))
    }

    fn finish_load(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> JsResult<ModuleId> {
        let started = self
            .started
            .borrow_mut()
            .remove(&(referrer, request.clone()));
        match started {
            Some(path) => {
                let referrer_name = self.graph.borrow().get(referrer).name.clone();
                let loaded = self.load_path(agent, &path, None, Some(&referrer_name));
                if let Ok(id) = loaded {
                    self.memoize_edge(&referrer_name, request, id);
                }
                loaded
            }
            None => self.load_now(agent, Some(referrer), request),
        }
    }
}

//! The file host: HostLoadImportedModule over the file system, the module
//! map (one record per canonical path and attributes), JSON modules,
//! `import.meta` and dynamic `import()`.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gc::Gc;

use super::prefetch::{FileRead, ParsedModule, Prefetched, Prefetcher};
use super::resolve::{file_url, resolve_specifier, Resolved};
use crate::interp::agent::{Agent, HostHooks, JsResult, Throw};
use crate::interp::builtins::promise::perform_promise_then;
use crate::interp::environment::Env;
use crate::interp::eval::ModuleCode;
use crate::interp::function::CallArgs;
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::{Attributes, PropertyDescriptor, PropertyKey};
use crate::interp::source::SourceText;
use crate::interp::string::JsStr;
use crate::interp::value::Value;
use crate::module::entries::parse_module_entries;
use crate::module::record::{ExportEntry, ModuleBody, ModuleGraph, ModuleRecord};
use crate::module::{HostLoad, ModuleHost, ModuleId, ModuleRequest, SharedGraph};
use crate::syntax::{parse_module, SyntaxError};

/// Module map key: canonical path and the `type` attribute.
type MapKey = (PathBuf, Option<String>);

pub struct FileHostState {
    graph: SharedGraph,
    /// The module map: canonical path and type to module.
    map: RefCell<HashMap<MapKey, ModuleId>>,
    /// Resolved (not canonicalised) paths already loaded.
    resolved: RefCell<HashMap<MapKey, ModuleId>>,
    /// Directories' canonical paths.
    dirs: RefCell<HashMap<PathBuf, PathBuf>>,
    /// Files read and parsed ahead of the loader.
    prefetch: Prefetcher,
    /// Time spent in ParseModule, on every thread that parsed.
    parse_time: std::cell::Cell<std::time::Duration>,
}

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
        FileHost {
            state: Rc::new(FileHostState {
                graph: Rc::new(RefCell::new(ModuleGraph::default())),
                map: RefCell::new(HashMap::default()),
                resolved: RefCell::new(HashMap::default()),
                dirs: RefCell::new(HashMap::default()),
                prefetch: Prefetcher::default(),
                parse_time: Default::default(),
            }),
        }
    }

    pub fn graph(&self) -> SharedGraph {
        self.state.graph.clone()
    }

    /// Time spent parsing modules (ParseModule) so far, summed over the
    /// threads that parsed them (see prefetch.rs).
    pub fn parse_time(&self) -> std::time::Duration {
        self.state.parse_time.get()
    }

    /// Installs this host on the agent.
    pub fn install(&self, agent: &mut Agent) {
        agent.host = Some(Box::new(self.clone()));
    }

    /// Loads the entry module (a path, relative to the working directory).
    pub fn load_entry(&self, agent: &mut Agent, path: &Path) -> JsResult<ModuleId> {
        let absolute = std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf());
        self.state.load_path(agent, &absolute, None, None)
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

fn coded_error(agent: &mut Agent, kind: ErrorKind, code: &str, message: String) -> Throw {
    let Throw(e) = agent.error(kind, &message);
    if let Value::Object(o) = &e {
        let name = match kind {
            ErrorKind::TypeError => "TypeError",
            _ => "Error",
        };
        o.define_own_property(
            PropertyKey::from("code"),
            PropertyDescriptor::data(Value::from(code), Attributes::METHOD),
        );
        o.define_own_property(
            PropertyKey::from("stack"),
            PropertyDescriptor::data(
                Value::String(JsStr::from(format!("{name} [{code}]: {message}"))),
                Attributes::METHOD,
            ),
        );
    }
    Throw(e)
}

impl FileHostState {
    /// Reads, parses and records the module at `path` once per key.
    fn load_path(
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
        let by_path = (path.to_path_buf(), kind.clone());
        if let Some(id) = self.resolved.borrow().get(&by_path) {
            return Ok(*id);
        }
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
        let key = (canonical.clone(), kind.clone());
        if let Some(id) = self.map.borrow().get(&key).copied() {
            self.resolved.borrow_mut().insert(by_path, id);
            return Ok(id);
        }
        let name = canonical.display().to_string();
        let url = file_url(&canonical);
        let record = if kind.as_deref() == Some("json") {
            self.json_module(agent, name, url, &text)?
        } else {
            if canonical.extension().is_some_and(|e| e == "json") {
                return Err(coded_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_IMPORT_ASSERTION_TYPE_MISSING",
                    format!("Module \"{url}\" needs an import attribute of type \"json\""),
                ));
            }
            self.source_module_record(agent, name, url, &text, parsed)?
        };
        let id = self.graph.borrow_mut().add(record);
        self.map.borrow_mut().insert(key, id);
        self.resolved.borrow_mut().insert(by_path, id);
        Ok(id)
    }

    /// The canonical path of a file that is not a symbolic link: its
    /// directory's canonical path (asked of the file system once per
    /// directory) joined with its name.
    fn canonical_dir_join(&self, path: &Path) -> Option<PathBuf> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return std::fs::canonicalize(path).ok();
        };
        let cached = self.dirs.borrow().get(dir).cloned();
        let canonical_dir = match cached {
            Some(d) => d,
            None => {
                let d = std::fs::canonicalize(dir).ok()?;
                self.dirs.borrow_mut().insert(dir.to_path_buf(), d.clone());
                d
            }
        };
        Some(canonical_dir.join(name))
    }

    /// ParseModule: a Source Text Module Record for `text`, or its SyntaxError.
    fn source_module_record(
        &self,
        agent: &mut Agent,
        name: String,
        url: String,
        text: &str,
        parsed: Option<Result<ParsedModule, SyntaxError>>,
    ) -> JsResult<ModuleRecord> {
        {
            let parsed = match parsed {
                Some(done) => done.map(ParsedModule::into_module),
                None => {
                    let started = std::time::Instant::now();
                    let parsed = parse_module(text);
                    self.parse_time
                        .set(self.parse_time.get() + started.elapsed());
                    parsed
                }
            };
            let ast = match parsed {
                Ok(ast) => Rc::new(ast),
                Err(err) => {
                    let Throw(e) = agent.syntax_error(&err.message);
                    if let Value::Object(o) = &e {
                        o.define_own_property(
                            PropertyKey::from("stack"),
                            PropertyDescriptor::data(
                                Value::String(JsStr::from(err.render(&name, text))),
                                Attributes::METHOD,
                            ),
                        );
                    }
                    return Err(Throw(e));
                }
            };
            let code = ModuleCode::new(ast.clone(), SourceText::new(url.clone(), text));
            let mut record = ModuleRecord::new(name, url, ModuleBody::Source(code));
            parse_module_entries(&mut record, &ast);
            record.has_tla = crate::module::has_tla::module_contains_await(&ast);
            Ok(record)
        }
    }

    /// A built-in module (`node:vm`), or the binding a built-in imports;
    /// each is created once.
    fn load_builtin(&self, agent: &mut Agent, name: &str) -> JsResult<ModuleId> {
        let key = (PathBuf::from(name), None);
        if let Some(id) = self.map.borrow().get(&key) {
            return Ok(*id);
        }
        let record = if name == crate::node::vm::BINDING_SPECIFIER {
            let binding = crate::node::vm::binding::create(agent);
            default_export_module(name.to_string(), Value::Object(binding))
        } else {
            let Some(source) = name
                .strip_prefix("node:")
                .and_then(crate::node::builtin_source)
            else {
                return Err(coded_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_UNKNOWN_BUILTIN_MODULE",
                    format!("No such built-in module: {name}"),
                ));
            };
            self.source_module_record(agent, name.to_string(), name.to_string(), source, None)?
        };
        let id = self.graph.borrow_mut().add(record);
        self.map.borrow_mut().insert(key, id);
        Ok(id)
    }

    /// A JSON module: a synthetic module whose `default` export is the
    /// parsed value (CreateDefaultExportSyntheticModule).
    fn json_module(
        &self,
        agent: &mut Agent,
        name: String,
        url: String,
        text: &str,
    ) -> JsResult<ModuleRecord> {
        let json = agent.intrinsics().get("JSON");
        let parse = agent.get(&json, &PropertyKey::from("parse"))?;
        let value = agent.call(&parse, &Value::Object(json), &[Value::from(text)])?;
        let mut record = default_export_module(name, value);
        record.url = url;
        Ok(record)
    }
}

/// A synthetic module whose only export, `default`, is `value`
/// (CreateDefaultExportSyntheticModule).
fn default_export_module(name: String, value: Value) -> ModuleRecord {
    let env = Env::new_module(1, 0);
    env.set(0, value);
    let mut record = ModuleRecord::new(
        name.clone(),
        name,
        ModuleBody::Synthetic {
            env,
            evaluation_steps: None,
        },
    );
    record.local_export_entries.push(ExportEntry {
        export_name: Some(JsStr::from("default")),
        module_request: None,
        import_name: None,
        local_name: Some((JsStr::from("default"), 0)),
    });
    record.index_exports();
    record
}

impl ModuleHost for FileHostState {
    fn graph(&self) -> SharedGraph {
        self.graph.clone()
    }

    /// A plain import of a file not loaded yet starts on the prefetcher's
    /// workers (read and parsed there, see prefetch.rs); everything else
    /// (attributes, built-ins, errors, modules already loaded) finishes now.
    fn start_load(
        &self,
        agent: &mut Agent,
        referrer: ModuleId,
        request: &ModuleRequest,
    ) -> HostLoad {
        if request.attributes.is_empty() {
            let referrer_name = self.graph.borrow().get(referrer).name.clone();
            let specifier = request.specifier.to_rust_string();
            if !crate::node::is_binding_request(&referrer_name, &specifier) {
                if let Resolved::File(path) =
                    resolve_specifier(&specifier, Path::new(&referrer_name))
                {
                    let key = (path, None);
                    if !self.resolved.borrow().contains_key(&key) {
                        self.prefetch.request(key.0);
                        return HostLoad::Started;
                    }
                }
            }
        }
        HostLoad::Finished(self.load_imported_module(agent, Some(referrer), request))
    }

    fn load_imported_module(
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
}

impl FileHostState {
    /// HostLoadImportedModule for a referrer (module or script) at `referrer_path`.
    fn load_imported_from(
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
        match resolve_specifier(&specifier, referrer_path) {
            Resolved::File(path) => self.load_path(agent, &path, kind, Some(&referrer_name)),
            Resolved::Builtin(name) => self.load_builtin(agent, &format!("node:{name}")),
            Resolved::Bare(name) => Err(coded_error(
                agent,
                ErrorKind::Error,
                "ERR_MODULE_NOT_FOUND",
                format!("Cannot find package '{name}' imported from {referrer_name}"),
            )),
        }
    }
}

impl HostHooks for FileHost {
    fn import_dynamic(
        &mut self,
        agent: &mut Agent,
        referrer: Option<Gc<Env>>,
        specifier: JsStr,
        attributes: Vec<(JsStr, JsStr)>,
    ) -> JsResult<Value> {
        // The agent's host slot is empty while this runs: module code
        // evaluated from here may itself import().
        agent.host = Some(Box::new(self.clone()));
        let graph = self.state.graph.clone();
        // A script's import(): its Script Record's [[HostDefined]] is its file.
        let script = referrer
            .as_ref()
            .and_then(|env| agent.realm.global_env.script_host_defined(env));
        let referrer = referrer.and_then(|env| graph.borrow().owner_of(&env));
        let mut attributes = attributes;
        attributes.sort_by(|a, b| a.0.units().cmp(b.0.units()));
        // A `node:vm` module imports through its importModuleDynamically.
        let host_defined = referrer.and_then(|r| graph.borrow().get(r).host_defined.clone());
        if let Some(host_defined) = host_defined {
            let object = JsObject::ordinary_create(None);
            for (key, value) in &attributes {
                agent.create_data_property(
                    &object,
                    PropertyKey::from_string(key.clone()),
                    Value::String(value.clone()),
                )?;
            }
            return agent.call(
                &host_defined.import_dynamically,
                &Value::Undefined,
                &[Value::String(specifier), Value::Object(object)],
            );
        }
        let request = ModuleRequest {
            specifier,
            attributes,
        };
        // HostLoadImportedModule, then ContinueDynamicImport.
        let module = match script {
            Some(path) => {
                let path = PathBuf::from(&*path);
                self.state.load_imported_from(agent, &path, &request)?
            }
            None => self.state.load_imported_module(agent, referrer, &request)?,
        };
        // ContinueDynamicImport ( promiseCapability, moduleCompletion ) —
        // <https://tc39.es/ecma262/#sec-ContinueDynamicImport>
        // 3. Let loadPromise be module.LoadRequestedModules() (it settles at
        //    once here: this host finishes its loads before returning).
        crate::interp::agent::without_collection(|| {
            crate::module::load_requested_modules(agent, &*self.state, module)
        })?;
        let capability = agent.promise_capability()?;
        let load_promise = crate::interp::builtins::promise::new_promise(agent);
        crate::interp::builtins::promise::resolve_promise(agent, &load_promise, Value::Undefined);
        // 6–8. PerformPromiseThen(loadPromise, linkAndEvaluate, onRejected):
        //      Link and Evaluate run as a reaction job, after the code that
        //      called import() (a module of the same graph that is still to
        //      be evaluated is evaluated in its graph's order first).
        let link_and_evaluate = agent.native_function_with(
            "",
            0,
            link_and_evaluate_closure,
            false,
            vec![
                Value::Number(f64::from(module.0)),
                capability.resolve.clone(),
                capability.reject.clone(),
            ],
        );
        perform_promise_then(
            agent,
            &load_promise,
            Value::Object(link_and_evaluate),
            capability.reject.clone(),
            None,
        );
        Ok(capability.promise)
    }

    fn import_meta(&mut self, agent: &mut Agent, module: Option<Gc<Env>>) -> JsResult<Value> {
        let graph = self.state.graph.clone();
        let Some(id) = module.and_then(|env| graph.borrow().owner_of(&env)) else {
            return Ok(Value::Object(JsObject::ordinary_create(None)));
        };
        if let Some(meta) = &graph.borrow().get(id).import_meta {
            return Ok(Value::Object(meta.clone()));
        }
        // HostGetImportMetaProperties: `url`; the object has a null prototype.
        let meta = JsObject::ordinary_create(None);
        let host_defined = graph.borrow().get(id).host_defined.clone();
        if let Some(host_defined) = host_defined {
            // A `node:vm` module: its initializeImportMeta fills it in.
            graph.borrow_mut().get_mut(id).import_meta = Some(meta.clone());
            agent.call(
                &host_defined.initialize_import_meta,
                &Value::Undefined,
                &[Value::Object(meta.clone())],
            )?;
            return Ok(Value::Object(meta));
        }
        let url = graph.borrow().get(id).url.clone();
        agent.create_data_property(&meta, PropertyKey::from("url"), Value::from(url.as_str()))?;
        graph.borrow_mut().get_mut(id).import_meta = Some(meta.clone());
        Ok(Value::Object(meta))
    }

    fn module_host(&self) -> Option<Rc<dyn ModuleHost>> {
        Some(self.state.clone())
    }
}

/// ContinueDynamicImport's linkAndEvaluateClosure (step 6): Link, then
/// Evaluate, then resolve with the namespace (or reject with the error).
fn link_and_evaluate_closure(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let (Value::Number(n), resolve, reject) = (args.capture(0), args.capture(1), args.capture(2))
    else {
        return Ok(Value::Undefined);
    };
    let module = ModuleId(n as u32);
    let Some(graph) = agent
        .host
        .as_ref()
        .and_then(|h| h.module_host())
        .map(|h| h.graph())
    else {
        return Ok(Value::Undefined);
    };
    // a. Let link be Completion(module.Link()).
    let linked =
        crate::interp::agent::without_collection(|| crate::module::link(agent, &graph, module));
    // b. If link is an abrupt completion, reject and return.
    // c. Let evaluatePromise be module.Evaluate().
    let evaluation = linked.and_then(|()| crate::module::evaluate(agent, &graph, module));
    let promise = match evaluation {
        Ok(Value::Object(p)) => p,
        Ok(_) => return Ok(Value::Undefined),
        Err(Throw(e)) => {
            agent.call(&reject, &Value::Undefined, &[e])?;
            return Ok(Value::Undefined);
        }
    };
    // d–f. On fulfilment resolve with GetModuleNamespace(module); on rejection reject.
    let on_fulfilled = agent.native_function_with(
        "",
        0,
        resolve_with_namespace,
        false,
        vec![Value::Number(n), resolve],
    );
    perform_promise_then(agent, &promise, Value::Object(on_fulfilled), reject, None);
    Ok(Value::Undefined)
}

/// ContinueDynamicImport's onFulfilled: resolve with GetModuleNamespace(module).
fn resolve_with_namespace(agent: &mut Agent, args: &CallArgs) -> JsResult<Value> {
    let Value::Number(n) = args.capture(0) else {
        return Ok(Value::Undefined);
    };
    let resolve = args.capture(1);
    let graph = agent
        .host
        .as_ref()
        .and_then(|h| h.module_host())
        .map(|h| h.graph());
    if let Some(graph) = graph {
        let ns = crate::module::get_module_namespace(agent, &graph, ModuleId(n as u32));
        agent.call(&resolve, &Value::Undefined, &[Value::Object(ns)])?;
    }
    Ok(Value::Undefined)
}

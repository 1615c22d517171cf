//! Node's `Module._load` for the file host: the `require.cache` object
//! (keyed by real path), module objects (`id`, `path`, `exports`,
//! `filename`, `loaded`, `children`, `paths`), and loading a file by its
//! format — CommonJS through the module wrapper, JSON with `JSON.parse`,
//! an ES module through the module map (`require(esm)`, Node 20.19+).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gc::Gc;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::wrapper::compile_wrapper;
use crate::host::module_map::{throw_resolve_error, FileHostState};
use crate::host::resolve::{node_modules_paths, Format, Resolver};
use crate::interp::agent::Agent;
use crate::interp::completion::{JsResult, Throw};
use crate::interp::object::JsObject;
use crate::interp::ops::errors::ErrorKind;
use crate::interp::property::PropertyKey;
use crate::interp::string::JsStr;
use crate::interp::value::Value;

/// The CommonJS side of the file host.
pub struct CommonJsState {
    /// The resolver with the `require` conditions (sharing the `import`
    /// resolver's caches).
    pub(crate) resolver: Rc<Resolver>,
    /// The module that first required each module (Node's
    /// `module.parent`), for the require stack of a failed `require`.
    parents: RefCell<HashMap<PathBuf, PathBuf>>,
    /// The export names found in each file (export_names.rs), with those
    /// of the files it re-exports.
    pub(super) names: RefCell<HashMap<PathBuf, Rc<Vec<String>>>>,
    /// Every CommonJS file imported or required so far (`vmjs bench`
    /// counts them).
    pub(crate) files: RefCell<HashSet<PathBuf>>,
}

impl CommonJsState {
    pub(crate) fn new(resolver: &Resolver) -> CommonJsState {
        CommonJsState {
            resolver: Rc::new(resolver.for_require()),
            parents: RefCell::default(),
            names: RefCell::default(),
            files: RefCell::default(),
        }
    }
}

/// How `require` loads a resolved file (Node's `Module._extensions`).
pub enum RequireFormat {
    /// Through the module wrapper, with the file's text.
    CommonJs(String),
    /// `JSON.parse` of the text.
    Json(String),
    /// An ES module (`.mjs`, or `.js` in a `"type": "module"` scope or
    /// with module syntax).
    Module,
    /// A native addon (`.node`).
    Addon,
}

/// `require.cache` (Node's `Module._cache`, a null-prototype object).
pub(super) fn cache_object(agent: &mut Agent) -> Gc<JsObject> {
    if let Some(cache) = agent.intrinsics().try_get("CommonJS.cache") {
        return cache;
    }
    let cache = JsObject::ordinary_create(None);
    agent.intrinsics().register("CommonJS.cache", cache.clone());
    cache
}

/// The file's path as a property key (of `require.cache`).
fn path_key(path: &Path) -> PropertyKey {
    PropertyKey::from_string(JsStr::from(path.display().to_string()))
}

/// A data property of `object`.
pub(super) fn set(
    agent: &mut Agent,
    object: &Gc<JsObject>,
    key: &str,
    value: Value,
) -> JsResult<()> {
    agent.set_or_throw(object, &PropertyKey::from(key), value)
}

/// `object[key]`.
pub(super) fn get(agent: &mut Agent, object: &Gc<JsObject>, key: &str) -> JsResult<Value> {
    agent.get(object, &PropertyKey::from(key))
}

impl FileHostState {
    /// How `require` loads the file at `path` (a real path).
    pub(crate) fn require_format(&self, agent: &mut Agent, path: &Path) -> JsResult<RequireFormat> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let read = |agent: &mut Agent| {
            std::fs::read_to_string(path).map_err(|e| {
                agent.error(
                    ErrorKind::Error,
                    format!("Cannot read '{}': {e}", path.display()),
                )
            })
        };
        match extension {
            "mjs" => Ok(RequireFormat::Module),
            "json" => Ok(RequireFormat::Json(read(agent)?)),
            "node" => Ok(RequireFormat::Addon),
            // `.js` follows the package scope's "type", else the syntax;
            // any other extension loads as CommonJS.
            "js" => {
                let format = self
                    .commonjs
                    .resolver
                    .esm_file_format(path)
                    .map_err(|e| throw_resolve_error(agent, e))?;
                match format {
                    Format::Module => Ok(RequireFormat::Module),
                    Format::Detect => {
                        let text = read(agent)?;
                        match crate::syntax::parse_module(&text) {
                            Ok(m) if super::detect::detect_module_syntax(&m, &text) => {
                                Ok(RequireFormat::Module)
                            }
                            _ => Ok(RequireFormat::CommonJs(text)),
                        }
                    }
                    _ => Ok(RequireFormat::CommonJs(read(agent)?)),
                }
            }
            _ => Ok(RequireFormat::CommonJs(read(agent)?)),
        }
    }

    /// `Module._load` of the resolved file at `path`, required by the
    /// module `parent` (None: imported by an ES module, or the entry):
    /// the cached module's `exports`, or the file loaded now.
    pub(crate) fn require_path(
        &self,
        agent: &mut Agent,
        path: &Path,
        parent: Option<(&Gc<JsObject>, &Path)>,
        is_main: bool,
    ) -> JsResult<Value> {
        let cache = cache_object(agent);
        if let Value::Object(cached) = agent.get(&cache, &path_key(path))? {
            if let Some((parent, _)) = parent {
                add_child(agent, parent, &cached)?;
            }
            return get(agent, &cached, "exports");
        }
        match self.require_format(agent, path)? {
            RequireFormat::Module => {
                let referrer = parent.map(|(_, p)| p.display().to_string());
                self.require_module(agent, path, referrer.as_deref().unwrap_or(""))
            }
            RequireFormat::Addon => Err(agent.error(
                ErrorKind::Error,
                format!(
                    "Cannot load native addon '{}': vmjs does not run native code",
                    path.display()
                ),
            )),
            RequireFormat::Json(text) => {
                let module = self.load_module(agent, path, parent, is_main, Source::Json(&text))?;
                get(agent, &module, "exports")
            }
            RequireFormat::CommonJs(text) => {
                let module =
                    self.load_module(agent, path, parent, is_main, Source::CommonJs(&text))?;
                get(agent, &module, "exports")
            }
        }
    }

    /// `Module._load`'s new module: created, cached, run; removed from the
    /// cache again if it throws.
    fn load_module(
        &self,
        agent: &mut Agent,
        path: &Path,
        parent: Option<(&Gc<JsObject>, &Path)>,
        is_main: bool,
        source: Source<'_>,
    ) -> JsResult<Gc<JsObject>> {
        let filename = path.display().to_string();
        let id = if is_main { "." } else { filename.as_str() };
        let module = new_module(agent, self, id, path)?;
        if is_main {
            agent.intrinsics().register("CommonJS.main", module.clone());
        }
        let cache = cache_object(agent);
        agent.create_data_property(&cache, path_key(path), Value::Object(module.clone()))?;
        if let Some((parent, parent_path)) = parent {
            add_child(agent, parent, &module)?;
            self.commonjs
                .parents
                .borrow_mut()
                .entry(path.to_path_buf())
                .or_insert_with(|| parent_path.to_path_buf());
        }
        let result = match source {
            Source::Json(text) => load_json(agent, &module, &filename, text),
            Source::CommonJs(text) => {
                self.commonjs.files.borrow_mut().insert(path.to_path_buf());
                self.run_commonjs(agent, &module, path, text)
            }
        };
        if let Err(e) = result {
            agent.delete_property_or_throw(&cache, &path_key(path))?;
            return Err(e);
        }
        set(agent, &module, "loaded", Value::Bool(true))?;
        Ok(module)
    }

    /// Module.prototype._compile: the wrapper called with `this` the
    /// module's `exports`.
    fn run_commonjs(
        &self,
        agent: &mut Agent,
        module: &Gc<JsObject>,
        path: &Path,
        text: &str,
    ) -> JsResult<()> {
        let filename = path.display().to_string();
        let dirname = path
            .parent()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        let wrapper = compile_wrapper(agent, &filename, text)?;
        let require = self.make_require(agent, module, path)?;
        let exports = get(agent, module, "exports")?;
        agent.call(
            &Value::Object(wrapper),
            &exports,
            &[
                exports.clone(),
                Value::Object(require),
                Value::Object(module.clone()),
                Value::from(filename.as_str()),
                Value::from(dirname.as_str()),
            ],
        )?;
        Ok(())
    }

    /// The require stack of a failed `require` from `parent`: it, the
    /// module that required it, and so on.
    pub(super) fn require_stack(&self, parent: &Path) -> Vec<String> {
        let parents = self.commonjs.parents.borrow();
        let mut stack = vec![parent.display().to_string()];
        let mut cursor = parent;
        while let Some(next) = parents.get(cursor) {
            if stack.len() > parents.len() {
                break;
            }
            stack.push(next.display().to_string());
            cursor = next;
        }
        stack
    }
}

/// The text of a file `require` loads.
enum Source<'a> {
    CommonJs(&'a str),
    Json(&'a str),
}

/// `Module._extensions['.json']`: `module.exports` is `JSON.parse(text)`;
/// a parse error's message starts with the file's path.
fn load_json(agent: &mut Agent, module: &Gc<JsObject>, filename: &str, text: &str) -> JsResult<()> {
    let json = agent.intrinsics().get("JSON");
    let parse = agent.get(&json, &PropertyKey::from("parse"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match agent.call(&parse, &Value::Object(json), &[Value::from(text)]) {
        Ok(value) => set(agent, module, "exports", value),
        Err(Throw(thrown)) if matches!(*thrown, Value::Object(_)) => {
            let Value::Object(e) = *thrown else {
                unreachable!("matched as an object")
            };
            let message = get(agent, &e, "message")?;
            let message = agent.to_string(&message)?;
            set(
                agent,
                &e,
                "message",
                Value::from(format!("{filename}: {message}").as_str()),
            )?;
            Err(Throw::new(Value::Object(e)))
        }
        Err(e) => Err(e),
    }
}

/// Node's `updateChildren`: `child` joins `parent.children` once.
fn add_child(agent: &mut Agent, parent: &Gc<JsObject>, child: &Gc<JsObject>) -> JsResult<()> {
    let Value::Object(children) = get(agent, parent, "children")? else {
        return Ok(());
    };
    let includes = get(agent, &children, "includes")?;
    let present = agent.call(
        &includes,
        &Value::Object(children.clone()),
        &[Value::Object(child.clone())],
    )?;
    if !crate::interp::ops::conversion::to_boolean(&present) {
        let push = get(agent, &children, "push")?;
        agent.call(
            &push,
            &Value::Object(children),
            &[Value::Object(child.clone())],
        )?;
    }
    Ok(())
}

/// `Module.prototype`: the prototype of module objects, with `require`.
fn module_prototype(agent: &mut Agent, host: &FileHostState) -> Gc<JsObject> {
    if let Some(proto) = agent.intrinsics().try_get("CommonJS.Module.prototype") {
        return proto;
    }
    let object_prototype = agent.intrinsics().object_prototype.clone();
    let proto = JsObject::ordinary_create(Some(object_prototype));
    let require = agent.native_function_with(
        "require",
        1,
        super::require_function::module_require,
        false,
        host.prototype_captures(),
    );
    proto.define_own_property(
        PropertyKey::from("require"),
        crate::interp::property::PropertyDescriptor::data(
            Value::Object(require),
            crate::interp::property::Attributes::METHOD,
        ),
    );
    agent
        .intrinsics()
        .register("CommonJS.Module.prototype", proto.clone());
    proto
}

/// `new Module(id, parent)` with its filename and lookup paths set, as
/// `Module._load` leaves it before loading.
pub(super) fn new_module(
    agent: &mut Agent,
    host: &FileHostState,
    id: &str,
    path: &Path,
) -> JsResult<Gc<JsObject>> {
    let proto = module_prototype(agent, host);
    let module = JsObject::ordinary_create(Some(proto));
    let dir = path.parent().unwrap_or(Path::new("/"));
    let exports = JsObject::ordinary_create(Some(agent.intrinsics().object_prototype.clone()));
    let children = agent.create_array_from_list(Vec::new());
    let paths: Vec<Value> = node_modules_paths(dir)
        .iter()
        .map(|p| Value::from(p.display().to_string().as_str()))
        .collect();
    let paths = agent.create_array_from_list(paths);
    let fields = [
        ("id", Value::from(id)),
        ("path", Value::from(dir.display().to_string().as_str())),
        ("exports", Value::Object(exports)),
        ("filename", Value::from(path.display().to_string().as_str())),
        ("loaded", Value::Bool(false)),
        ("children", Value::Object(children)),
        ("paths", Value::Object(paths)),
    ];
    for (key, value) in fields {
        agent.create_data_property(&module, PropertyKey::from(key), value)?;
    }
    Ok(module)
}

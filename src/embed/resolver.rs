//! Loaders: the embedder says what a specifier is (the spec's
//! HostLoadImportedModule as a Rust function from specifier, referrer and
//! attributes to a module's source), and [`ModuleMap`] keeps one module
//! per identifier and links graphs with it. [`NodeResolver`] is a ready
//! loader that resolves and reads files as `vmjs run` does (Node's ESM
//! resolution: relative paths, `file:` URLs, `node_modules`, `exports`,
//! `imports`, conditions; JSON modules with `type: 'json'`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::error::{Error, Result};
use super::module::{Attributes, Module, ModuleOptions, SourceTextModule};
use super::runtime::Runtime;
use crate::host::commonjs::detect::detect_module_syntax;
use crate::host::resolve::{file_url, percent_decode, Format, ResolveError, Resolved, Resolver};
use crate::module::ModuleIdentity;

/// What a loader gives for one request.
#[derive(Clone, Debug)]
pub enum LoadedModule {
    /// An ES module's source text. The identifier names the module (a path
    /// or URL): [`ModuleMap`] parses each identifier once, so two requests
    /// that resolve to the same identifier get the same module.
    Source { identifier: String, text: String },
    /// A JSON module's text: its default export is `JSON.parse(text)`.
    Json { identifier: String, text: String },
    /// A module the embedder made itself (for example a
    /// [`SyntheticModule`](super::SyntheticModule)).
    Module(Module),
}

/// Resolves and loads a module request: `specifier` as imported by the
/// module whose identifier is `referrer`, with its import attributes.
/// Closures of that shape are loaders.
pub trait ModuleLoader {
    fn load(
        &mut self,
        rt: &mut Runtime,
        specifier: &str,
        referrer: &str,
        attributes: &Attributes,
    ) -> Result<LoadedModule>;
}

impl<F> ModuleLoader for F
where
    F: FnMut(&mut Runtime, &str, &str, &Attributes) -> Result<LoadedModule>,
{
    fn load(
        &mut self,
        rt: &mut Runtime,
        specifier: &str,
        referrer: &str,
        attributes: &Attributes,
    ) -> Result<LoadedModule> {
        self(rt, specifier, referrer, attributes)
    }
}

/// A module map over a loader: one module per identifier (and JSON or
/// not), the graphs linked through the loader.
///
/// ```
/// use std::collections::HashMap;
/// use vmjs::embed::{LoadedModule, ModuleMap, Runtime};
///
/// let files = HashMap::from([
///     ("/app/main.mjs", "import { twice } from './lib.mjs'; export const x = twice(21);"),
///     ("/app/lib.mjs", "export const twice = (n) => n * 2;"),
/// ]);
/// let mut rt = Runtime::new();
/// let mut map = ModuleMap::new(|_: &mut Runtime, specifier: &str, referrer: &str, _: &[(String, String)]| {
///     // Resolve relative to the referrer's folder.
///     let dir = referrer.rsplit_once('/').map_or("", |(dir, _)| dir);
///     let identifier = format!("{dir}/{}", specifier.trim_start_matches("./"));
///     match files.get(identifier.as_str()) {
///         Some(text) => Ok(LoadedModule::Source { identifier, text: text.to_string() }),
///         None => Err(vmjs::embed::Error::vm_link_failure(specifier)),
///     }
/// });
/// let main = map.import(&mut rt, "./main.mjs", "/app/")?;
/// main.evaluate(&mut rt)?;
/// assert_eq!(main.namespace(&mut rt)?.get_number(&mut rt, "x")?, 42.0);
/// # Ok::<(), vmjs::embed::Error>(())
/// ```
pub struct ModuleMap<L: ModuleLoader> {
    loader: L,
    /// Modules by identifier (JSON modules apart, as `type` keys them).
    modules: HashMap<(String, bool), Module>,
    /// The identifier of each module this map made.
    identifiers: HashMap<Module, String>,
}

impl<L: ModuleLoader> ModuleMap<L> {
    pub fn new(loader: L) -> ModuleMap<L> {
        ModuleMap {
            loader,
            modules: HashMap::new(),
            identifiers: HashMap::new(),
        }
    }

    /// The loader (for example to change its settings between graphs).
    pub fn loader(&mut self) -> &mut L {
        &mut self.loader
    }

    /// The module `specifier` names from `referrer` (an identifier, or a
    /// base such as a folder path ending in `/`), with its graph loaded and
    /// linked: ready for [`Module::evaluate`].
    pub fn import(&mut self, rt: &mut Runtime, specifier: &str, referrer: &str) -> Result<Module> {
        let loaded = self.loader.load(rt, specifier, referrer, &[])?;
        let module = self.module_for(rt, loaded)?;
        self.link(rt, module)?;
        Ok(module)
    }

    /// Links `module`'s graph (unless it is linked already), every request
    /// answered by the loader.
    pub fn link(&mut self, rt: &mut Runtime, module: Module) -> Result<()> {
        if module.status(rt)? != super::Status::Unlinked {
            return Ok(());
        }
        module.link(rt, |rt, specifier, referrer, attributes| {
            let referrer = self
                .identifiers
                .get(&referrer)
                .cloned()
                .map_or_else(|| referrer.identifier(rt), Ok)?;
            let loaded = self.loader.load(rt, specifier, &referrer, attributes)?;
            self.module_for(rt, loaded)
        })
    }

    /// The module of a loader's answer: the one already made for its
    /// identifier, or a new one.
    fn module_for(&mut self, rt: &mut Runtime, loaded: LoadedModule) -> Result<Module> {
        let (identifier, text, json) = match loaded {
            LoadedModule::Module(module) => return Ok(module),
            LoadedModule::Source { identifier, text } => (identifier, text, false),
            LoadedModule::Json { identifier, text } => (identifier, text, true),
        };
        let key = (identifier, json);
        if let Some(module) = self.modules.get(&key) {
            return Ok(*module);
        }
        let module = if json {
            let identity = ModuleIdentity::named(key.0.clone(), None);
            let record = rt.guarded(|agent| {
                crate::host::json_module::parse_json_module(agent, &text, identity)
            })?;
            let id = rt.graph().borrow_mut().add(record);
            Module {
                id,
                runtime: rt.serial,
            }
        } else {
            let options = ModuleOptions {
                identifier: Some(key.0.clone()),
                context: None,
            };
            SourceTextModule::new(rt, &text, options)?
        };
        self.identifiers.insert(module, key.0.clone());
        self.modules.insert(key, module);
        Ok(module)
    }
}

/// Node's ES module resolution over the file system, as a loader: what
/// `vmjs run` resolves, read from disk. Identifiers are real paths; a
/// referrer that is a folder ends in `/`.
///
/// ```no_run
/// use vmjs::embed::{ModuleMap, NodeResolver, Runtime};
///
/// let mut rt = Runtime::new();
/// let mut map = ModuleMap::new(NodeResolver::new());
/// let main = map.import(&mut rt, "./app/main.mjs", "/home/me/project/")?;
/// main.evaluate(&mut rt)?;
/// # Ok::<(), vmjs::embed::Error>(())
/// ```
pub struct NodeResolver {
    resolver: Resolver,
}

impl Default for NodeResolver {
    fn default() -> Self {
        NodeResolver::new()
    }
}

impl NodeResolver {
    /// Node's default conditions (`node`, `import`, …).
    pub fn new() -> NodeResolver {
        NodeResolver::with_conditions(&[])
    }

    /// Also matching `conditions` in `exports` and `imports` (as
    /// `node --conditions NAME`).
    pub fn with_conditions(conditions: &[String]) -> NodeResolver {
        NodeResolver {
            resolver: Resolver::new(conditions),
        }
    }

    /// What `specifier` from `referrer` resolves to: the file's real path.
    pub fn resolve(&self, specifier: &str, referrer: &str) -> Result<PathBuf> {
        match self
            .resolver
            .esm_resolve(specifier, &referrer_path(referrer))
            .map_err(resolve_error)?
        {
            Resolved::File(path) => Ok(path),
            Resolved::Builtin(name) => Err(Error::Resolve {
                code: "ERR_UNKNOWN_BUILTIN_MODULE",
                message: format!("No such built-in module: node:{name}"),
            }),
            Resolved::OtherUrl(url) => {
                let scheme = url.split(':').next().unwrap_or_default();
                Err(resolve_error(ResolveError::unsupported_url_scheme(scheme)))
            }
        }
    }
}

impl ModuleLoader for NodeResolver {
    fn load(
        &mut self,
        _rt: &mut Runtime,
        specifier: &str,
        referrer: &str,
        attributes: &Attributes,
    ) -> Result<LoadedModule> {
        let path = self.resolve(specifier, referrer)?;
        let json_requested = attributes.iter().any(|(k, v)| k == "type" && v == "json");
        if let Some((key, value)) = attributes.iter().find(|(k, v)| k != "type" || v != "json") {
            return Err(Error::Resolve {
                code: "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                message: format!(
                    "Import attribute \"{key}\" with value \"{value}\" is not supported"
                ),
            });
        }
        let format = self
            .resolver
            .esm_file_format(&path)
            .map_err(resolve_error)?;
        let identifier = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| Error::Resolve {
            code: "ERR_MODULE_NOT_FOUND",
            message: format!("Cannot read '{identifier}': {e}"),
        })?;
        let url = file_url(&path);
        match format {
            _ if json_requested => Ok(LoadedModule::Json { identifier, text }),
            Format::Json => Err(Error::Resolve {
                code: "ERR_IMPORT_ASSERTION_TYPE_MISSING",
                message: format!("Module \"{url}\" needs an import attribute of type \"json\""),
            }),
            Format::Module => Ok(LoadedModule::Source { identifier, text }),
            Format::Detect
                if crate::syntax::parse_module(&text)
                    .is_ok_and(|module| detect_module_syntax(&module, &text)) =>
            {
                Ok(LoadedModule::Source { identifier, text })
            }
            // Deviation: CommonJS needs the file host's loader (`vmjs run`);
            // this loader gives ES and JSON modules only.
            Format::CommonJs | Format::Detect => Err(Error::Resolve {
                code: "ERR_VMJS_COMMONJS_UNSUPPORTED",
                message: format!(
                    "'{identifier}' is a CommonJS module, which NodeResolver does not load"
                ),
            }),
        }
    }
}

/// The path a referrer identifier stands for: a path, a `file:` URL, or a
/// folder (ending in `/`, resolved as from a file in it).
fn referrer_path(referrer: &str) -> PathBuf {
    let text = match referrer.strip_prefix("file://") {
        Some(rest) => percent_decode(rest),
        None => referrer.to_string(),
    };
    let path = Path::new(&text);
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    if text.ends_with('/') || text.is_empty() {
        path.join("[embedder]")
    } else {
        path
    }
}

/// A resolver error as the API's error, with Node's code.
fn resolve_error(error: ResolveError) -> Error {
    Error::Resolve {
        code: error.code,
        message: error.message,
    }
}

#[cfg(test)]
#[path = "resolver_tests.rs"]
mod tests;

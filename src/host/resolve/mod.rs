//! Node's ES module resolution: the "Resolver Algorithm Specification" of
//! Node's `doc/api/esm.md`, one function per algorithm, named after it.
//! spec-notes/12-package-resolution.md maps the steps to the code.
//!
//! - esm_resolve.rs: ESM_RESOLVE (and the file checks of its step 7),
//!   ESM_FILE_FORMAT
//! - package_resolve.rs: PACKAGE_RESOLVE, PACKAGE_SELF_RESOLVE, and the
//!   `main` fallback Node implements for packages without `exports`
//! - exports.rs: PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE,
//!   PACKAGE_IMPORTS_EXPORTS_RESOLVE, PATTERN_KEY_COMPARE
//! - target.rs: PACKAGE_TARGET_RESOLVE
//! - package_json.rs: READ_PACKAGE_JSON, LOOKUP_PACKAGE_SCOPE
//! - require_resolve.rs: `require(X)`, Node's CommonJS resolution
//! - url.rs: the URL paths the algorithms work on
//! - error.rs: Node's error codes and messages
//!
//! The resolver is plain Rust: it returns [`ResolveError`]s, which the
//! module map turns into JavaScript errors.

mod error;
mod esm_resolve;
mod exports;
mod package_json;
mod package_resolve;
mod require_resolve;
mod target;
mod url;

use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap as HashMap;

pub use error::{ErrorType, ResolveError};
pub use esm_resolve::Format;
pub use package_json::{PackageJson, PackageType};
pub use package_resolve::{is_node_builtin, node_builtin_names};
pub use require_resolve::{node_modules_paths, RequireResolveError};
pub use url::{file_url, normalize, percent_decode};

use package_json::PackageJsonFile;

use crate::host::import_map::{resolve_module_specifier, ImportMap};

/// What a specifier resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file, by its real path (symbolic links resolved).
    File(PathBuf),
    /// A built-in module, by its name without `node:` (`vm`, `fs`).
    Builtin(String),
    /// A URL whose scheme this loader cannot load (`http:`, `data:`):
    /// `import.meta.resolve` returns it, loading it fails.
    OtherUrl(String),
}

impl Resolved {
    /// The resolved URL (what `import.meta.resolve` returns).
    pub fn url(&self) -> String {
        match self {
            Resolved::File(path) => file_url(path),
            Resolved::Builtin(name) => format!("node:{name}"),
            Resolved::OtherUrl(url) => url.clone(),
        }
    }
}

/// Node's conditions followed by the user's (each once).
fn with_user_conditions(defaults: &[&str], user_conditions: &[String]) -> Vec<String> {
    let mut conditions: Vec<String> = defaults.iter().map(|c| c.to_string()).collect();
    for c in user_conditions {
        if !conditions.contains(c) {
            conditions.push(c.clone());
        }
    }
    conditions
}

/// What the file system says about a path (cached per path).
#[derive(Clone, Debug, PartialEq, Eq)]
enum FileKind {
    Missing,
    Directory,
    /// A file, with its real path.
    File(PathBuf),
}

/// How many paths of one folder are asked of the file system one by one
/// before the folder is listed.
const LIST_AFTER: u32 = 8;

/// What a folder's listing says about one of its names.
#[derive(Clone, Copy, Debug)]
enum Listed {
    File,
    Directory,
    /// A symbolic link or something else: asked of the file system.
    Other,
}

/// A folder's paths asked about so far, and its listing once made.
#[derive(Default)]
struct Listing {
    asked: u32,
    entries: Option<HashMap<OsString, Listed>>,
}

/// The names in `dir` and what each is (an unreadable folder lists
/// nothing, which leaves every name to `stat`).
fn list_folder(dir: &Path) -> HashMap<OsString, Listed> {
    let mut entries = HashMap::default();
    let Ok(read) = std::fs::read_dir(dir) else {
        return entries;
    };
    for entry in read.flatten() {
        let listed = match entry.file_type() {
            Ok(t) if t.is_file() => Listed::File,
            Ok(t) if t.is_dir() => Listed::Directory,
            _ => Listed::Other,
        };
        entries.insert(entry.file_name(), listed);
    }
    entries
}

/// Node's ES module resolver with its caches: each `package.json` is read
/// and parsed once, each path asked of the file system once.
pub struct Resolver {
    /// The conditions `exports` and `imports` match besides `"default"`:
    /// Node's defaults then the user's (`--conditions`).
    conditions: Vec<String>,
    /// The user's conditions, for [`Resolver::for_require`].
    user_conditions: Vec<String>,
    /// The format of a `.js` or extensionless file outside any `"type"`:
    /// `None` detects it from the syntax (Node's default), `Module` is
    /// `node --experimental-default-type=module`.
    pub(crate) default_type: PackageType,
    /// What the file system said, shared with the `require` resolver.
    caches: Rc<Caches>,
    /// The import map `import` applies before ESM_RESOLVE
    /// (`vmjs run --import-map FILE`); `require` does not use it.
    import_map: RefCell<Option<Rc<ImportMap>>>,
}

/// The resolver's caches (one per host: the `import` and `require`
/// resolvers share them).
#[derive(Default)]
struct Caches {
    package_json: RefCell<HashMap<PathBuf, Rc<PackageJsonFile>>>,
    /// By path text: the paths asked about are normalized, and hashing
    /// the text is cheaper than hashing a `Path`'s components.
    files: RefCell<HashMap<OsString, FileKind>>,
    /// Folders' real paths.
    dirs: RefCell<HashMap<OsString, PathBuf>>,
    /// Folders' listings, by folder.
    listings: RefCell<HashMap<OsString, Listing>>,
    /// Time spent resolving specifiers (`import` and `require`), for
    /// `vmjs bench`.
    resolve_time: Cell<Duration>,
}

impl Default for Resolver {
    fn default() -> Self {
        Resolver::new(&[])
    }
}

/// Node's default conditions for `import`: `node`, `import`,
/// `node-addons` and (since Node 20.19 and 22.12, with `require(esm)`)
/// `module-sync`.
const DEFAULT_CONDITIONS: [&str; 4] = ["node", "import", "node-addons", "module-sync"];

/// Node's conditions for `require`: `require` instead of `import`.
const REQUIRE_CONDITIONS: [&str; 4] = ["require", "node", "node-addons", "module-sync"];

impl Resolver {
    /// A resolver matching Node's default conditions and `user_conditions`
    /// (as `node --conditions NAME`).
    pub fn new(user_conditions: &[String]) -> Resolver {
        Resolver::with_default_type(user_conditions, PackageType::None)
    }

    /// A resolver whose `.js` files outside any `"type"` have
    /// `default_type` (`PackageType::None`: detected from their syntax).
    pub fn with_default_type(user_conditions: &[String], default_type: PackageType) -> Resolver {
        Resolver {
            conditions: with_user_conditions(&DEFAULT_CONDITIONS, user_conditions),
            user_conditions: user_conditions.to_vec(),
            default_type,
            caches: Rc::default(),
            import_map: RefCell::default(),
        }
    }

    /// The resolver `require` uses: the same caches and user conditions,
    /// with `require` instead of `import`.
    pub fn for_require(&self) -> Resolver {
        Resolver {
            conditions: with_user_conditions(&REQUIRE_CONDITIONS, &self.user_conditions),
            user_conditions: self.user_conditions.clone(),
            default_type: self.default_type,
            caches: self.caches.clone(),
            import_map: RefCell::default(),
        }
    }

    /// Sets the import map `import` applies before ESM_RESOLVE.
    pub fn set_import_map(&self, import_map: ImportMap) {
        *self.import_map.borrow_mut() = Some(Rc::new(import_map));
    }

    /// Whether `import` goes through an import map.
    pub fn has_import_map(&self) -> bool {
        self.import_map.borrow().is_some()
    }

    /// Resolves an `import` specifier: through the import map (the HTML
    /// standard's "resolve a module specifier"), whose URL then goes to
    /// ESM_RESOLVE; without a match, ESM_RESOLVE of the specifier itself.
    /// A null entry or a blocked prefix match is the standard's TypeError
    /// (with no `code`).
    pub fn resolve_import(&self, specifier: &str, parent: &Path) -> Result<Resolved, ResolveError> {
        let import_map = self.import_map.borrow().clone();
        let Some(import_map) = import_map else {
            return self.esm_resolve(specifier, parent);
        };
        let started = Instant::now();
        let base_url = ::url::Url::parse(&file_url(parent));
        let mapped = match &base_url {
            Ok(base_url) => resolve_module_specifier(&import_map, base_url, specifier),
            Err(_) => Ok(None),
        };
        self.add_resolve_time(started.elapsed());
        match mapped {
            Ok(Some(url)) => self.esm_resolve(url.as_str(), parent),
            Ok(None) => self.esm_resolve(specifier, parent),
            Err(e) => Err(ResolveError::import_map(e.message)),
        }
    }

    /// Time spent resolving so far (by this resolver and the others that
    /// share its caches).
    pub fn resolve_time(&self) -> Duration {
        self.caches.resolve_time.get()
    }

    pub(super) fn add_resolve_time(&self, time: Duration) {
        let total = &self.caches.resolve_time;
        total.set(total.get() + time);
    }

    /// The conditions matched, in addition to `"default"`.
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// What is at `path`: nothing, a folder, or a file and its real path
    /// (one `stat`, and a `realpath` of the folder once per folder; or,
    /// in a folder asked about often, one listing of the folder).
    fn file_kind(&self, path: &Path) -> FileKind {
        if let Some(kind) = self.caches.files.borrow().get(path.as_os_str()) {
            return kind.clone();
        }
        let kind = match self.listed_kind(path) {
            Some(kind) => kind,
            None => match std::fs::metadata(path) {
                Err(_) => FileKind::Missing,
                Ok(m) if m.is_dir() => FileKind::Directory,
                Ok(_) => match self.real_path(path) {
                    Some(real) => FileKind::File(real),
                    None => FileKind::Missing,
                },
            },
        };
        self.caches
            .files
            .borrow_mut()
            .insert(path.as_os_str().to_owned(), kind.clone());
        kind
    }

    /// What the listing of `path`'s folder says is at `path`, once the
    /// folder has been asked about [`LIST_AFTER`] times (a graph of many
    /// modules in one folder then costs one listing, not a `stat` per
    /// file). `None` when the listing does not settle it: a symbolic link,
    /// or a name the listing lacks (a file system that ignores case may
    /// still find it under another spelling).
    fn listed_kind(&self, path: &Path) -> Option<FileKind> {
        let (dir, name) = (path.parent()?, path.file_name()?);
        let mut listings = self.caches.listings.borrow_mut();
        let listing = listings.entry(dir.as_os_str().to_owned()).or_default();
        if listing.entries.is_none() {
            listing.asked += 1;
            if listing.asked < LIST_AFTER {
                return None;
            }
            listing.entries = Some(list_folder(dir));
        }
        let kind = *listing.entries.as_ref()?.get(name)?;
        drop(listings);
        match kind {
            Listed::Directory => Some(FileKind::Directory),
            Listed::File => Some(FileKind::File(self.real_dir(dir)?.join(name))),
            Listed::Other => None,
        }
    }

    /// The real path of the file at `path`: its folder's real path (asked
    /// once per folder) joined with its name, or the link's target.
    fn real_path(&self, path: &Path) -> Option<PathBuf> {
        let is_link = std::fs::symlink_metadata(path)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false);
        let (Some(dir), Some(name), false) = (path.parent(), path.file_name(), is_link) else {
            return std::fs::canonicalize(path).ok();
        };
        Some(self.real_dir(dir)?.join(name))
    }

    /// A folder's real path (asked of the file system once per folder).
    pub(crate) fn real_dir(&self, dir: &Path) -> Option<PathBuf> {
        if let Some(real) = self.caches.dirs.borrow().get(dir.as_os_str()) {
            return Some(real.clone());
        }
        let real = std::fs::canonicalize(dir).ok()?;
        self.caches
            .dirs
            .borrow_mut()
            .insert(dir.as_os_str().to_owned(), real.clone());
        Some(real)
    }

    /// Whether `path` is a file.
    fn is_file(&self, path: &Path) -> bool {
        matches!(self.file_kind(path), FileKind::File(_))
    }

    /// Whether `path` is a folder.
    fn is_dir(&self, path: &Path) -> bool {
        self.file_kind(path) == FileKind::Directory
    }
}

#[cfg(test)]
mod tests;

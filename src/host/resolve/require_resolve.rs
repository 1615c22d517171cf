//! `require(X)` from a module at path Y: Node's CommonJS resolution, the
//! "All together" pseudocode of Node's `doc/api/modules.md`, one function
//! per step, named after it. `exports`, `imports` and self-reference reuse
//! the ES module resolver's algorithms (PACKAGE_EXPORTS_RESOLVE,
//! PACKAGE_IMPORTS_RESOLVE) with the `require` conditions
//! ([`Resolver::for_require`]).

use std::path::{Path, PathBuf};

use super::error::ResolveError;
use super::esm_resolve::Url;
use super::package_json::Importing;
use super::package_resolve::is_node_builtin;
use super::url::{normalize, path_text, url_path};
use super::{FileKind, Resolved, Resolver};

/// The extensions `require` tries, in order (`Module._extensions`).
const EXTENSIONS: [&str; 3] = [".js", ".json", ".node"];

/// Why `require(X)` found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequireResolveError {
    /// `Cannot find module 'X'` (the caller adds the require stack).
    NotFound,
    /// A file a `package.json` names is missing (`MODULE_NOT_FOUND` with
    /// Node's message for it, `path` the `package.json`, and for a `main`
    /// entry `requestPath` the request).
    TargetNotFound {
        message: String,
        package_json: String,
        request_path: Option<String>,
    },
    /// An error of the `exports`/`imports` algorithms (Node's codes).
    Resolve(ResolveError),
}

impl From<ResolveError> for RequireResolveError {
    fn from(e: ResolveError) -> Self {
        RequireResolveError::Resolve(e)
    }
}

type RequireResult = Result<Option<PathBuf>, RequireResolveError>;
type MatchResult = Result<Option<Resolved>, RequireResolveError>;

/// Whether `request` is a path request for `require`: `/…`, `./…`,
/// `../…`, `.` or `..`.
fn is_path_request(request: &str) -> bool {
    request.starts_with('/')
        || request.starts_with("./")
        || request.starts_with("../")
        || request == "."
        || request == ".."
}

/// NODE_MODULES_PATHS(START): `START/node_modules` and the same in every
/// folder above it, skipping folders that are themselves `node_modules`
/// (also `module.paths`).
pub fn node_modules_paths(start: &Path) -> Vec<PathBuf> {
    // 1. let PARTS = path split(START)
    let parts: Vec<_> = start.components().collect();
    // 2. let I = count of PARTS - 1
    // 3. let DIRS = []
    let mut dirs = Vec::new();
    // 4. while I >= 0,
    for i in (0..parts.len()).rev() {
        // a. if PARTS[I] = "node_modules", go to d.
        if parts[i].as_os_str() == "node_modules" {
            continue;
        }
        // b. DIR = path join(PARTS[0 .. I] + "node_modules")
        // c. DIRS = DIR + DIRS
        let dir: PathBuf = parts[..=i].iter().collect();
        dirs.push(dir.join("node_modules"));
        // d. let I = I - 1
    }
    // 5. return DIRS + GLOBAL_FOLDERS
    // Deviation: no global folders (NODE_PATH, ~/.node_modules).
    dirs
}

/// Splits a bare request into the package name and the subpath (`""` or
/// `/…`), as LOAD_PACKAGE_EXPORTS step 1 does; None if it is not one.
fn package_name_and_subpath(request: &str) -> Option<(&str, &str)> {
    let name_end = if request.starts_with('@') {
        let slash = request.find('/')?;
        let scope = &request[1..slash];
        if scope.is_empty() || scope.contains(['\\', '%']) {
            return None;
        }
        request[slash + 1..]
            .find('/')
            .map_or(request.len(), |i| slash + 1 + i)
    } else {
        request.find('/').unwrap_or(request.len())
    };
    let (name, subpath) = request.split_at(name_end);
    let bare = name.rsplit('/').next().unwrap_or(name);
    if bare.is_empty() || bare.starts_with('.') || name.contains(['\\', '%']) {
        return None;
    }
    Some((name, subpath))
}

impl Resolver {
    /// `require(X)` from module at path Y — <https://nodejs.org/api/modules.html#all-together>
    ///
    /// `parent` is the requiring file's path. Returns the file's real path
    /// or a built-in's name. Call it on the [`Resolver::for_require`]
    /// resolver so `exports` match the `require` conditions.
    pub fn require_resolve(
        &self,
        request: &str,
        parent: &Path,
    ) -> Result<Resolved, RequireResolveError> {
        let started = std::time::Instant::now();
        let result = self.require_resolve_steps(request, parent);
        self.add_resolve_time(started.elapsed());
        result
    }

    /// The steps of `require(X)` (timed by [`Resolver::require_resolve`]).
    fn require_resolve_steps(
        &self,
        request: &str,
        parent: &Path,
    ) -> Result<Resolved, RequireResolveError> {
        let base = parent.display().to_string();
        let dir = parent.parent().unwrap_or(Path::new("/"));
        // 1. If X is a core module, return the core module.
        if let Some(name) = request.strip_prefix("node:") {
            if is_node_builtin(name) {
                return Ok(Resolved::Builtin(name.to_string()));
            }
            return Err(RequireResolveError::Resolve(ResolveError::unknown_builtin(
                request,
            )));
        }
        if is_node_builtin(request) {
            return Ok(Resolved::Builtin(request.to_string()));
        }
        let found = if is_path_request(request) {
            // 2. If X begins with '/', set Y to the file system root.
            // 3. If X is equal to '.', or X begins with './', '/' or '../'
            //    a. LOAD_AS_FILE(Y + X)
            //    b. LOAD_AS_DIRECTORY(Y + X)
            //    c. THROW "not found"
            let joined = normalize(&dir.join(request));
            let trailing_slash = request.ends_with('/') || request == "." || request == "..";
            self.load_as_file_or_directory(&joined, trailing_slash, request)?
                .map(Resolved::File)
        } else if request.starts_with('#') {
            // 4. If X begins with '#'
            //    a. LOAD_PACKAGE_IMPORTS(X, dirname(Y))
            self.load_package_imports(request, parent, &base)?
        } else {
            // 5. LOAD_PACKAGE_SELF(X, dirname(Y))
            // 6. LOAD_NODE_MODULES(X, dirname(Y))
            match self.load_package_self(request, parent, &base)? {
                Some(found) => Some(found),
                None => self.load_node_modules(request, dir, &base)?,
            }
        };
        // 7. THROW "not found"
        found.ok_or(RequireResolveError::NotFound)
    }

    /// LOAD_AS_FILE(X) then LOAD_AS_DIRECTORY(X), as Node's `_findPath`
    /// does them for one candidate (a request ending in `/` is a folder).
    fn load_as_file_or_directory(
        &self,
        x: &Path,
        trailing_slash: bool,
        request: &str,
    ) -> RequireResult {
        if !trailing_slash {
            if let Some(found) = self.load_as_file(x) {
                return Ok(Some(found));
            }
        }
        if self.is_dir(x) {
            return self.load_as_directory(x, request);
        }
        Ok(None)
    }

    /// LOAD_AS_FILE(X): X, then X.js, X.json, X.node.
    fn load_as_file(&self, x: &Path) -> Option<PathBuf> {
        // 1. If X is a file, load X as its file extension format. STOP
        if let FileKind::File(real) = self.file_kind(x) {
            return Some(real);
        }
        // 2–4. If X.js / X.json / X.node is a file, load it. STOP
        self.try_extensions(x)
    }

    /// X with each of `require`'s extensions: the first that is a file.
    fn try_extensions(&self, x: &Path) -> Option<PathBuf> {
        EXTENSIONS.iter().find_map(|ext| {
            let mut candidate = x.as_os_str().to_owned();
            candidate.push(ext);
            match self.file_kind(Path::new(&candidate)) {
                FileKind::File(real) => Some(real),
                _ => None,
            }
        })
    }

    /// LOAD_INDEX(X): X/index.js, X/index.json, X/index.node.
    fn load_index(&self, x: &Path) -> Option<PathBuf> {
        self.try_extensions(&x.join("index"))
    }

    /// LOAD_AS_DIRECTORY(X)
    fn load_as_directory(&self, x: &Path, request: &str) -> RequireResult {
        // 1. If X/package.json is a file,
        //    a. Parse X/package.json, and look for "main" field.
        let package_url = format!("{}/", url_path(x));
        let pjson_path = x.join("package.json").display().to_string();
        let pjson = self.read_package_json(&package_url, Importing::Module(&pjson_path))?;
        let main = pjson
            .as_ref()
            .and_then(|p| p.main.clone())
            .filter(|m| !m.is_empty());
        //    b. If "main" is a falsy value, GOTO 2.
        if let Some(main) = main {
            // c. let M = X + (json main field)
            let m = normalize(&x.join(&main));
            // d. LOAD_AS_FILE(M)
            // e. LOAD_INDEX(M)
            if let Some(found) = self.load_as_file(&m).or_else(|| self.load_index(&m)) {
                return Ok(Some(found));
            }
            // f. LOAD_INDEX(X) DEPRECATED
            if let Some(found) = self.load_index(x) {
                return Ok(Some(found));
            }
            // g. THROW "not found"
            return Err(RequireResolveError::TargetNotFound {
                message: format!(
                    "Cannot find module '{}'. Please verify that the package.json has a valid \"main\" entry",
                    m.display()
                ),
                package_json: pjson_path,
                request_path: Some(request.to_string()),
            });
        }
        // 2. LOAD_INDEX(X)
        Ok(self.load_index(x))
    }

    /// LOAD_NODE_MODULES(X, START)
    fn load_node_modules(&self, x: &str, start: &Path, base: &str) -> MatchResult {
        // 1. let DIRS = NODE_MODULES_PATHS(START)
        // 2. for each DIR in DIRS:
        for dir in node_modules_paths(start) {
            // a. LOAD_PACKAGE_EXPORTS(X, DIR)
            if let Some(found) = self.load_package_exports(x, &dir, base)? {
                return Ok(Some(found));
            }
            // b. LOAD_AS_FILE(DIR/X)
            // c. LOAD_AS_DIRECTORY(DIR/X)
            let candidate = normalize(&dir.join(x));
            if let Some(found) = self.load_as_file_or_directory(&candidate, x.ends_with('/'), x)? {
                return Ok(Some(Resolved::File(found)));
            }
        }
        Ok(None)
    }

    /// LOAD_PACKAGE_IMPORTS(X, DIR)
    fn load_package_imports(&self, x: &str, parent: &Path, base: &str) -> MatchResult {
        // 1. Find the closest package scope SCOPE to DIR.
        // 2. If no scope was found, return.
        // 3. If the SCOPE/package.json "imports" is null or undefined, return.
        // Deviation: as in Node's implementation, these cases go on to
        // PACKAGE_IMPORTS_RESOLVE, whose error names the specifier.
        // 4. let MATCH = PACKAGE_IMPORTS_RESOLVE(X, pathToFileURL(SCOPE),
        //    ["node", "require"]) defined in the ESM resolver.
        let matched = self.package_imports_resolve(x, &url_path(parent), base)?;
        // 5. RESOLVE_ESM_MATCH(MATCH).
        let scope = self.lookup_package_scope(&url_path(parent));
        self.resolve_esm_match(
            matched,
            scope.map(|s| path_text(&format!("{s}package.json"))),
        )
    }

    /// LOAD_PACKAGE_EXPORTS(X, DIR)
    fn load_package_exports(&self, x: &str, dir: &Path, base: &str) -> MatchResult {
        // 1. Try to interpret X as a combination of NAME and SUBPATH where
        //    the name may have a @scope/ prefix and the subpath begins with
        //    a slash (`/`).
        // 2. If X does not match this pattern or DIR/NAME/package.json is
        //    not a file, return.
        let Some((name, subpath)) = package_name_and_subpath(x) else {
            return Ok(None);
        };
        let package_dir = dir.join(name);
        if !self.is_file(&package_dir.join("package.json")) {
            return Ok(None);
        }
        // 3. Parse DIR/NAME/package.json, and look for "exports" field.
        // 4. If "exports" is null or undefined, return.
        let package_url = format!("{}/", url_path(&package_dir));
        let importing = Importing::Specifier { specifier: x, base };
        let Some(pjson) = self
            .read_package_json(&package_url, importing)?
            .filter(|p| p.exports.is_some())
        else {
            return Ok(None);
        };
        // 5. let MATCH = PACKAGE_EXPORTS_RESOLVE(pathToFileURL(DIR/NAME),
        //    "." + SUBPATH, `package.json` "exports", ["node", "require"]).
        let matched = self
            .package_exports_resolve(&pjson, &format!(".{subpath}"), base)
            .map_err(|e| without_base(e, base))?;
        // 6. RESOLVE_ESM_MATCH(MATCH)
        self.resolve_esm_match(matched, Some(pjson.path()))
    }

    /// LOAD_PACKAGE_SELF(X, DIR)
    fn load_package_self(&self, x: &str, parent: &Path, base: &str) -> MatchResult {
        // 1. Find the closest package scope SCOPE to DIR.
        // 2. If no scope was found, return.
        let Some(scope) = self.lookup_package_scope(&url_path(parent)) else {
            return Ok(None);
        };
        // 3. If the SCOPE/package.json "exports" is null or undefined, return.
        let Some(pjson) = self
            .read_package_json(&scope, Importing::Module(base))?
            .filter(|p| p.exports.is_some())
        else {
            return Ok(None);
        };
        // 4. If the SCOPE/package.json "name" is not the first segment of X, return.
        let Some(name) = pjson.name.as_deref() else {
            return Ok(None);
        };
        let Some(rest) = x.strip_prefix(name) else {
            return Ok(None);
        };
        if !rest.is_empty() && !rest.starts_with('/') {
            return Ok(None);
        }
        // 5. let MATCH = PACKAGE_EXPORTS_RESOLVE(pathToFileURL(SCOPE),
        //    "." + X.slice("name".length), `package.json` "exports",
        //    ["node", "require"]).
        let matched = self
            .package_exports_resolve(&pjson, &format!(".{rest}"), base)
            .map_err(|e| without_base(e, base))?;
        // 6. RESOLVE_ESM_MATCH(MATCH)
        self.resolve_esm_match(matched, Some(pjson.path()))
    }

    /// RESOLVE_ESM_MATCH(MATCH)
    fn resolve_esm_match(&self, matched: Url, package_json: Option<String>) -> MatchResult {
        let url = match matched {
            Url::File(url) => url,
            // An `imports` target naming a built-in (`#fs` → `node:fs`).
            Url::Node(name) => return Ok(Some(Resolved::Builtin(name))),
            Url::Other(_) => return Ok(None),
        };
        // 1. let RESOLVED_PATH = fileURLToPath(MATCH)
        let resolved_path = PathBuf::from(path_text(&url));
        // 2. If the file at RESOLVED_PATH exists, load RESOLVED_PATH as its
        //    extension format. STOP
        if let FileKind::File(real) = self.file_kind(&resolved_path) {
            return Ok(Some(Resolved::File(real)));
        }
        // 3. THROW "not found"
        Err(RequireResolveError::TargetNotFound {
            message: format!("Cannot find module '{}'", resolved_path.display()),
            package_json: package_json.unwrap_or_default(),
            request_path: None,
        })
    }
}

/// An `exports` error as `require` words it: Node names no importer.
fn without_base(mut e: ResolveError, base: &str) -> ResolveError {
    e.message = e.message.replace(&format!(" imported from {base}"), "");
    e
}

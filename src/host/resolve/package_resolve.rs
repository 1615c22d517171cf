//! PACKAGE_RESOLVE (bare specifiers through `node_modules` folders),
//! PACKAGE_SELF_RESOLVE (a package importing itself by name) and the
//! `main` fallback for packages without `exports`.

use std::path::Path;

use super::error::ResolveError;
use super::esm_resolve::Url;
use super::package_json::{Importing, PackageJson};
use super::url::{path_text, resolve_url_path};
use super::Resolver;

/// Node's built-in module names (`require('module').builtinModules` of
/// Node 20), which bare specifiers name before any package does.
const NODE_BUILTINS: &[&str] = &[
    "_http_agent",
    "_http_client",
    "_http_common",
    "_http_incoming",
    "_http_outgoing",
    "_http_server",
    "_stream_duplex",
    "_stream_passthrough",
    "_stream_readable",
    "_stream_transform",
    "_stream_wrap",
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Whether `name` is a Node.js builtin module name.
pub fn is_node_builtin(name: &str) -> bool {
    NODE_BUILTINS.contains(&name)
}

/// Node's built-in module names (`require('module').builtinModules`).
pub fn node_builtin_names() -> &'static [&'static str] {
    NODE_BUILTINS
}

impl Resolver {
    /// PACKAGE_RESOLVE ( packageSpecifier, parentURL ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// `base` is the importer's path, for error messages.
    pub(super) fn package_resolve(
        &self,
        package_specifier: &str,
        parent_url: &str,
        base: &str,
    ) -> Result<Url, ResolveError> {
        let invalid = || {
            ResolveError::invalid_module_specifier(
                package_specifier,
                "is not a valid package name",
                base,
            )
        };
        // 1. Let packageName be undefined.
        // 2. If packageSpecifier is an empty string, then throw an Invalid
        //    Module Specifier error.
        if package_specifier.is_empty() {
            return Err(invalid());
        }
        // 3. If packageSpecifier is a Node.js builtin module name, then return
        //    the string "node:" concatenated with packageSpecifier.
        if is_node_builtin(package_specifier) {
            return Ok(Url::Node(package_specifier.to_string()));
        }
        // 4. If packageSpecifier does not start with "@", then set packageName
        //    to the substring of packageSpecifier until the first "/"
        //    separator or the end of the string.
        let package_name = if !package_specifier.starts_with('@') {
            package_specifier.split('/').next().unwrap_or("")
        // 5. Otherwise,
        } else {
            // a. If packageSpecifier does not contain a "/" separator, then
            //    throw an Invalid Module Specifier error.
            let Some(first) = package_specifier.find('/') else {
                return Err(invalid());
            };
            // b. Set packageName to the substring of packageSpecifier until
            //    the second "/" separator or the end of the string.
            match package_specifier[first + 1..].find('/') {
                Some(second) => &package_specifier[..first + 1 + second],
                None => package_specifier,
            }
        };
        // 6. If packageName starts with "." or contains "\" or "%", then throw
        //    an Invalid Module Specifier error.
        if package_name.starts_with('.') || package_name.contains(['\\', '%']) {
            return Err(invalid());
        }
        // 7. Let packageSubpath be "." concatenated with the substring of
        //    packageSpecifier from the position at the length of packageName.
        let package_subpath = format!(".{}", &package_specifier[package_name.len()..]);
        // 8. If packageSubpath ends in "/", then throw an Invalid Module
        //    Specifier error.
        // Deviation: Node does not make this check (`pkg/` is a subpath
        // `exports` does not define, or a folder); we do what Node does.
        // 9. Let selfUrl be the result of PACKAGE_SELF_RESOLVE(packageName,
        //    packageSubpath, parentURL).
        // 10. If selfUrl is not undefined, return selfUrl.
        if let Some(url) =
            self.package_self_resolve(package_name, &package_subpath, parent_url, base)?
        {
            return Ok(url);
        }
        // 11. While parentURL is not the file system root,
        let mut folder = parent_url[..parent_url.rfind('/').map_or(0, |i| i + 1)].to_string();
        while !folder.is_empty() {
            // a. Let packageURL be the URL resolution of "node_modules/"
            //    concatenated with packageName, relative to parentURL.
            let package_url = format!("{folder}node_modules/{package_name}/");
            // b. Set parentURL to the parent folder URL of parentURL.
            folder = parent_folder(&folder);
            // c. If the folder at packageURL does not exist, then continue
            //    the next loop iteration.
            if !self.is_dir(Path::new(&path_text(&package_url))) {
                continue;
            }
            // d. Let pjson be the result of READ_PACKAGE_JSON(packageURL).
            let importing = Importing::Specifier {
                specifier: package_specifier,
                base,
            };
            let pjson = self.read_package_json(&package_url, importing)?;
            // e. If pjson is not null and pjson.exports is not null or
            //    undefined, then return the result of
            //    PACKAGE_EXPORTS_RESOLVE(packageURL, packageSubpath,
            //    pjson.exports, defaultConditions).
            if let Some(pjson) = pjson.as_ref().filter(|p| p.exports.is_some()) {
                return self.package_exports_resolve(pjson, &package_subpath, base);
            }
            // f. Otherwise, if packageSubpath is equal to ".", then
            //    i. If pjson.main is a string, then return the URL
            //       resolution of main in packageURL.
            // Deviation: as Node does, `main` (or index.js) is looked up
            // with the legacy CommonJS extensions (legacy_main_resolve).
            if package_subpath == "." {
                return self.legacy_main_resolve(&package_url, pjson.as_deref(), base);
            }
            // g. Otherwise, return the URL resolution of packageSubpath in packageURL.
            return Ok(Url::File(resolve_url_path(&package_url, &package_subpath)));
        }
        // 12. Throw a Module Not Found error.
        Err(ResolveError::package_not_found(package_name, base))
    }

    /// PACKAGE_SELF_RESOLVE ( packageName, packageSubpath, parentURL ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    fn package_self_resolve(
        &self,
        package_name: &str,
        package_subpath: &str,
        parent_url: &str,
        base: &str,
    ) -> Result<Option<Url>, ResolveError> {
        // 1. Let packageURL be the result of LOOKUP_PACKAGE_SCOPE(parentURL).
        // 2. If packageURL is null, then return undefined.
        let Some(package_url) = self.lookup_package_scope(parent_url) else {
            return Ok(None);
        };
        // 3. Let pjson be the result of READ_PACKAGE_JSON(packageURL).
        let pjson = self.read_package_json(&package_url, Importing::Module(base))?;
        // 4. If pjson is null or if pjson.exports is null or undefined, then
        //    return undefined.
        let Some(pjson) = pjson.filter(|p| p.exports.is_some()) else {
            return Ok(None);
        };
        // 5. If pjson.name is equal to packageName, then return the result of
        //    PACKAGE_EXPORTS_RESOLVE(packageURL, packageSubpath, pjson.exports,
        //    defaultConditions).
        if pjson.name.as_deref() == Some(package_name) {
            return self
                .package_exports_resolve(&pjson, package_subpath, base)
                .map(Some);
        }
        // 6. Otherwise, return undefined.
        Ok(None)
    }

    /// The `main` of a package without `exports`, as Node resolves it
    /// (`legacyMainResolve`): `main`, then `main` with `.js`, `.json`,
    /// `.node`, then `main/index` with those, then `index.js`,
    /// `index.json`, `index.node`; the first that is a file.
    fn legacy_main_resolve(
        &self,
        package_url: &str,
        pjson: Option<&PackageJson>,
        base: &str,
    ) -> Result<Url, ResolveError> {
        const MAIN_SUFFIXES: [&str; 7] = [
            "",
            ".js",
            ".json",
            ".node",
            "/index.js",
            "/index.json",
            "/index.node",
        ];
        const INDEX_FILES: [&str; 3] = ["./index.js", "./index.json", "./index.node"];
        let main = pjson.and_then(|p| p.main.as_deref());
        let mut candidates: Vec<String> = Vec::new();
        if let Some(main) = main {
            candidates.extend(MAIN_SUFFIXES.iter().map(|s| format!("{main}{s}")));
        }
        candidates.extend(INDEX_FILES.iter().map(|s| s.to_string()));
        for candidate in &candidates {
            let url = resolve_url_path(package_url, candidate);
            if self.is_file(Path::new(&path_text(&url))) {
                return Ok(Url::File(url));
            }
        }
        let missing = resolve_url_path(package_url, main.unwrap_or("./index.js"));
        Err(ResolveError::package_not_found(&path_text(&missing), base))
    }
}

/// The parent folder of the folder URL path `folder` (ending with `/`);
/// empty for the root.
fn parent_folder(folder: &str) -> String {
    if folder == "/" {
        return String::new();
    }
    let trimmed = &folder[..folder.len() - 1];
    trimmed[..trimmed.rfind('/').map_or(0, |i| i + 1)].to_string()
}

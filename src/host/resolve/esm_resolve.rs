//! ESM_RESOLVE, the resolver's entry point, and ESM_FILE_FORMAT, which
//! says how a resolved file is loaded.

use std::path::Path;

use super::error::ResolveError;
use super::package_json::{Importing, PackageType};
use super::url::{file_url_path, path_text, resolve_url_path, url_path, url_scheme};
use super::{FileKind, Resolved, Resolver};

/// A module format (ESM_FILE_FORMAT's result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Module,
    CommonJs,
    Json,
    /// A `.js` or extensionless file with no `"type"`: DETECT_MODULE_SYNTAX
    /// of its text decides (`commonjs::detect`).
    Detect,
}

/// A URL the algorithms produce before ESM_RESOLVE's step 7 checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Url {
    /// A `file:` URL, by its (percent-encoded) path.
    File(String),
    /// `node:NAME`.
    Node(String),
    /// Any other URL.
    Other(String),
}

/// Whether `specifier` is relative or absolute as Node treats it: `/…`,
/// `./…`, `../…`, `.` or `..`.
fn is_relative_or_absolute(specifier: &str) -> bool {
    specifier.starts_with('/')
        || specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier == "."
        || specifier == ".."
}

impl Resolver {
    /// ESM_RESOLVE ( specifier, parentURL ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// `parent` is the importing module's path. Returns the file's real
    /// path (or a built-in's name). Loading decides the format
    /// (ESM_FILE_FORMAT), as in Node, so `import.meta.resolve` of a file
    /// with an unknown extension still returns its URL.
    pub fn esm_resolve(&self, specifier: &str, parent: &Path) -> Result<Resolved, ResolveError> {
        let started = std::time::Instant::now();
        let result = self.esm_resolve_steps(specifier, parent);
        self.add_resolve_time(started.elapsed());
        result
    }

    /// The steps of ESM_RESOLVE (timed by [`Resolver::esm_resolve`]).
    fn esm_resolve_steps(&self, specifier: &str, parent: &Path) -> Result<Resolved, ResolveError> {
        let parent_url = url_path(parent);
        // The importer as error messages name it.
        let base = || parent.display().to_string();
        // 1. Let resolved be undefined.
        // 2. If specifier is a valid URL, then set resolved to the result of
        //    parsing and reserializing specifier as a URL.
        let resolved = if let Some(scheme) = url_scheme(specifier) {
            match scheme {
                "file" => Url::File(file_url_path(specifier)),
                "node" => Url::Node(specifier["node:".len()..].to_string()),
                _ => Url::Other(specifier.to_string()),
            }
        // 3. Otherwise, if specifier starts with "/", "./", or "../", then set
        //    resolved to the URL resolution of specifier relative to parentURL.
        } else if is_relative_or_absolute(specifier) {
            // Deviation: a query or fragment is dropped (Node keeps it in
            // the URL, making a separate module instance).
            let path = specifier.split(['?', '#']).next().unwrap_or("");
            Url::File(resolve_url_path(&parent_url, path))
        // 4. Otherwise, if specifier starts with "#", then set resolved to the
        //    result of PACKAGE_IMPORTS_RESOLVE(specifier, parentURL, defaultConditions).
        } else if specifier.starts_with('#') {
            self.package_imports_resolve(specifier, &parent_url, &base())?
        // 5. Otherwise, specifier is a bare specifier: set resolved to the
        //    result of PACKAGE_RESOLVE(specifier, parentURL).
        } else {
            self.package_resolve(specifier, &parent_url, &base())?
        };
        match resolved {
            // 7. If resolved is a "file:" URL, then
            Url::File(resolved) => self.resolve_file_url(&resolved, base),
            Url::Node(name) => Ok(Resolved::Builtin(name)),
            // 8. Otherwise, set format the module format of the content type
            //    associated with the URL resolved.
            // Deviation: no other scheme is loaded; loading says so.
            Url::Other(url) => Ok(Resolved::OtherUrl(url)),
        }
    }

    /// ESM_RESOLVE step 7 a–d for the `file:` URL path `resolved`.
    fn resolve_file_url(
        &self,
        resolved: &str,
        base: impl Fn() -> String,
    ) -> Result<Resolved, ResolveError> {
        // a. If resolved contains any percent encodings of "/" or "\" ("%2F"
        //    and "%5C" respectively), then throw an Invalid Module Specifier error.
        let encoded_separator = resolved.as_bytes().windows(3).any(|w| {
            w[0] == b'%'
                && matches!(
                    (w[1], w[2].to_ascii_uppercase()),
                    (b'2', b'F') | (b'5', b'C')
                )
        });
        if encoded_separator {
            return Err(ResolveError::invalid_module_specifier(
                resolved,
                "must not include encoded \"/\" or \"\\\" characters",
                &base(),
            ));
        }
        let path_text = path_text(resolved);
        let url = || format!("file://{resolved}");
        match self.file_kind(Path::new(&path_text)) {
            // b. If the file at resolved is a directory, then throw an
            //    Unsupported Directory Import error.
            FileKind::Directory => Err(ResolveError::unsupported_dir_import(
                &path_text,
                &base(),
                url(),
            )),
            // c. If the file at resolved does not exist, then throw a Module
            //    Not Found error.
            FileKind::Missing => Err(ResolveError::module_not_found(&path_text, &base(), url())),
            // d. Set resolved to the real path of resolved, maintaining the
            //    same URL querystring and fragment components.
            FileKind::File(real) => Ok(Resolved::File(real)),
        }
    }

    /// ESM_FILE_FORMAT ( url ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// The format of the file at `path` (a real path).
    pub fn esm_file_format(&self, path: &Path) -> Result<Format, ResolveError> {
        // 1. Assert: url corresponds to an existing file.
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        match extension.as_deref() {
            // 2. If url ends in ".mjs", then return "module".
            Some("mjs") => return Ok(Format::Module),
            // 3. If url ends in ".cjs", then return "commonjs".
            Some("cjs") => return Ok(Format::CommonJs),
            // 4. If url ends in ".json", then return "json".
            Some("json") => return Ok(Format::Json),
            _ => {}
        }
        // 5. Let packageURL be the result of LOOKUP_PACKAGE_SCOPE(url).
        let url = url_path(path);
        let display = path.display().to_string();
        let package_url = self.lookup_package_scope(&url);
        // 6. Let pjson be the result of READ_PACKAGE_JSON(packageURL).
        let pjson = match &package_url {
            Some(package_url) => {
                self.read_package_json(package_url, Importing::Module(&display))?
            }
            None => None,
        };
        // 7. Let packageType be null.
        // 8. If pjson?.type is "module" or "commonjs", then set packageType to pjson.type.
        let package_type = match pjson.map_or(PackageType::None, |p| p.package_type) {
            // (`--experimental-default-type`: the type outside any "type".)
            PackageType::None => self.default_type,
            package_type => package_type,
        };
        match extension.as_deref() {
            // 9. If url ends in ".js", then
            //    a. If packageType is not null, then return packageType.
            //    b. If the result of DETECT_MODULE_SYNTAX(source) is true, then
            //       return "module".
            //    c. Return "commonjs".
            // 10. If url does not have any extension, then (the same, less
            //     WebAssembly).
            // The loader reads the source and detects (Format::Detect).
            Some("js") | None => Ok(match package_type {
                PackageType::CommonJs => Format::CommonJs,
                PackageType::Module => Format::Module,
                PackageType::None => Format::Detect,
            }),
            // 11. Return undefined (will throw during load phase).
            Some(other) => Err(ResolveError::unknown_file_extension(
                &format!(".{other}"),
                &display,
            )),
        }
    }
}

//! The resolver's errors: Node's error codes with Node's exact messages
//! (lib/internal/errors.js), as plain values; the module map turns them
//! into JavaScript errors (`coded_error`).

/// Which JavaScript error constructor Node uses for a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    Error,
    TypeError,
}

/// A resolution failure: Node's `code`, its error type and message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ResolveError {
    pub code: &'static str,
    pub error_type: ErrorType,
    pub message: String,
    /// The URL that was resolved, for errors about a file that is not
    /// there or is a folder: `import.meta.resolve` returns it instead of
    /// throwing (Node's `error.url`).
    pub url: Option<String>,
}

impl ResolveError {
    fn new(code: &'static str, error_type: ErrorType, message: String) -> ResolveError {
        ResolveError {
            code,
            error_type,
            message,
            url: None,
        }
    }

    /// A TypeError the import map's resolution throws (the HTML standard
    /// gives it no code; the empty `code` means none).
    pub fn import_map(message: String) -> ResolveError {
        ResolveError::new("", ErrorType::TypeError, message)
    }

    /// _Module Not Found_ for a package name.
    pub fn package_not_found(name: &str, base: &str) -> ResolveError {
        ResolveError::new(
            "ERR_MODULE_NOT_FOUND",
            ErrorType::Error,
            format!("Cannot find package '{name}' imported from {base}"),
        )
    }

    /// _Module Not Found_ for a file.
    pub fn module_not_found(path: &str, base: &str, url: String) -> ResolveError {
        ResolveError {
            url: Some(url),
            ..ResolveError::new(
                "ERR_MODULE_NOT_FOUND",
                ErrorType::Error,
                format!("Cannot find module '{path}' imported from {base}"),
            )
        }
    }

    /// _Unsupported Directory Import_.
    pub fn unsupported_dir_import(path: &str, base: &str, url: String) -> ResolveError {
        ResolveError {
            url: Some(url),
            ..ResolveError::new(
                "ERR_UNSUPPORTED_DIR_IMPORT",
                ErrorType::Error,
                format!(
                    "Directory import '{path}' is not supported resolving ES modules imported from {base}"
                ),
            )
        }
    }

    /// _Invalid Module Specifier_.
    pub fn invalid_module_specifier(request: &str, reason: &str, base: &str) -> ResolveError {
        ResolveError::new(
            "ERR_INVALID_MODULE_SPECIFIER",
            ErrorType::TypeError,
            format!("Invalid module \"{request}\" {reason} imported from {base}"),
        )
    }

    /// _Invalid Package Configuration_: `package_json` is the file's path,
    /// `importing` says what was being imported (Node words it per caller).
    pub fn invalid_package_config(
        package_json: &str,
        importing: &str,
        detail: &str,
    ) -> ResolveError {
        ResolveError::new(
            "ERR_INVALID_PACKAGE_CONFIG",
            ErrorType::Error,
            format!("Invalid package config {package_json} while importing {importing}. {detail}"),
        )
    }

    /// _Invalid Package Target_: `package_dir` ends with `/`; `key` is the
    /// `exports`/`imports` key matched; `target` the target as text.
    pub fn invalid_package_target(
        package_dir: &str,
        key: &str,
        target: &str,
        is_imports: bool,
        base: &str,
    ) -> ResolveError {
        let quoted = serde_json::Value::String(target.to_string()).to_string();
        let related = if !is_imports && !target.is_empty() && !target.starts_with("./") {
            "; targets must start with \"./\""
        } else {
            ""
        };
        let message = if key == "." {
            format!(
                "Invalid \"exports\" main target {quoted} defined in the package config {package_dir}package.json imported from {base}{related}"
            )
        } else {
            let field = if is_imports { "imports" } else { "exports" };
            format!(
                "Invalid \"{field}\" target {quoted} defined for '{key}' in the package config {package_dir}package.json imported from {base}{related}"
            )
        };
        ResolveError::new("ERR_INVALID_PACKAGE_TARGET", ErrorType::Error, message)
    }

    /// _Package Path Not Exported_.
    pub fn package_path_not_exported(package_dir: &str, subpath: &str, base: &str) -> ResolveError {
        let message = if subpath == "." {
            format!("No \"exports\" main defined in {package_dir}package.json imported from {base}")
        } else {
            format!(
                "Package subpath '{subpath}' is not defined by \"exports\" in {package_dir}package.json imported from {base}"
            )
        };
        ResolveError::new("ERR_PACKAGE_PATH_NOT_EXPORTED", ErrorType::Error, message)
    }

    /// _Package Import Not Defined_.
    pub fn package_import_not_defined(
        specifier: &str,
        package_dir: Option<&str>,
        base: &str,
    ) -> ResolveError {
        let within = package_dir
            .map(|dir| format!(" in package {dir}package.json"))
            .unwrap_or_default();
        ResolveError::new(
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            ErrorType::TypeError,
            format!("Package import specifier \"{specifier}\" is not defined{within} imported from {base}"),
        )
    }

    /// A `node:` name that is not a built-in module.
    pub fn unknown_builtin(specifier: &str) -> ResolveError {
        ResolveError::new(
            "ERR_UNKNOWN_BUILTIN_MODULE",
            ErrorType::Error,
            format!("No such built-in module: {specifier}"),
        )
    }

    /// _Unsupported File Extension_ (ESM_FILE_FORMAT).
    pub fn unknown_file_extension(extension: &str, path: &str) -> ResolveError {
        ResolveError::new(
            "ERR_UNKNOWN_FILE_EXTENSION",
            ErrorType::TypeError,
            format!("Unknown file extension \"{extension}\" for {path}"),
        )
    }

    /// A URL whose scheme the loader does not load (`http:`, `data:`, …).
    pub fn unsupported_url_scheme(scheme: &str) -> ResolveError {
        ResolveError::new(
            "ERR_UNSUPPORTED_ESM_URL_SCHEME",
            ErrorType::Error,
            format!(
                "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{scheme}:'"
            ),
        )
    }
}

//! READ_PACKAGE_JSON and LOOKUP_PACKAGE_SCOPE: `package.json` files, each
//! read and parsed once (the resolver caches them by path). Objects keep
//! their keys in file order (`serde_json`'s `preserve_order`), which
//! `exports` conditions depend on.

use std::path::PathBuf;
use std::rc::Rc;

use serde_json::Value;

use super::error::ResolveError;
use super::url::path_text;
use super::Resolver;

/// The `"type"` field: how `.js` files (and files with no extension) in
/// the package scope are loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackageType {
    Module,
    CommonJs,
    /// Absent (or neither `"module"` nor `"commonjs"`).
    None,
}

/// The fields of a `package.json` the resolver reads.
#[derive(Debug)]
pub struct PackageJson {
    /// The package folder's URL path, ending with `/`.
    pub package_url: String,
    pub name: Option<String>,
    pub main: Option<String>,
    pub package_type: PackageType,
    /// `exports`, when present and not `null`.
    pub exports: Option<Value>,
    /// `imports`, when present and not `null`.
    pub imports: Option<Value>,
}

impl PackageJson {
    /// The package folder's file-system path, ending with `/` (as Node's
    /// messages print it).
    pub fn package_dir(&self) -> String {
        path_text(&self.package_url)
    }

    /// The `package.json` file's path.
    pub fn path(&self) -> String {
        format!("{}package.json", self.package_dir())
    }
}

/// What reading one `package.json` gave (cached).
#[derive(Debug)]
pub(super) enum PackageJsonFile {
    Missing,
    /// Not JSON: the parser's message.
    Invalid(String),
    Parsed(Rc<PackageJson>),
}

/// How an invalid `package.json` error names what was being imported.
pub enum Importing<'a> {
    /// A bare specifier from a module: `"pkg" from /abs/main.mjs`.
    Specifier { specifier: &'a str, base: &'a str },
    /// A module (finding its package scope): `/abs/main.mjs`.
    Module(&'a str),
}

impl Importing<'_> {
    fn describe(&self) -> String {
        match self {
            Importing::Specifier { specifier, base } => format!("\"{specifier}\" from {base}"),
            Importing::Module(path) => path.to_string(),
        }
    }
}

impl Resolver {
    /// READ_PACKAGE_JSON ( packageURL ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// `package_url` is a folder's URL path ending with `/`.
    pub fn read_package_json(
        &self,
        package_url: &str,
        importing: Importing<'_>,
    ) -> Result<Option<Rc<PackageJson>>, ResolveError> {
        // 1. Let pjsonURL be the resolution of "package.json" within packageURL.
        let file = self.package_json_file(package_url);
        let path = || path_text(&format!("{package_url}package.json"));
        match &*file {
            // 2. If the file at pjsonURL does not exist, then return null.
            PackageJsonFile::Missing => Ok(None),
            // 3. If the file at packageURL does not parse as valid JSON, then
            //    throw an Invalid Package Configuration error.
            PackageJsonFile::Invalid(detail) => Err(ResolveError::invalid_package_config(
                &path(),
                &importing.describe(),
                detail,
            )),
            // 4. Return the parsed JSON source of the file at pjsonURL.
            PackageJsonFile::Parsed(pjson) => Ok(Some(pjson.clone())),
        }
    }

    /// The `package.json` in the folder `package_url`, read once.
    fn package_json_file(&self, package_url: &str) -> Rc<PackageJsonFile> {
        let path = PathBuf::from(path_text(&format!("{package_url}package.json")));
        if let Some(file) = self.caches.package_json.borrow().get(&path) {
            return file.clone();
        }
        let file = Rc::new(parse_package_json(package_url, &path));
        self.caches
            .package_json
            .borrow_mut()
            .insert(path, file.clone());
        file
    }

    /// LOOKUP_PACKAGE_SCOPE ( url ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// The URL path (ending with `/`) of the folder of the nearest
    /// `package.json` above `url`, if any.
    pub fn lookup_package_scope(&self, url: &str) -> Option<String> {
        // 1. Let scopeURL be url.
        let mut scope_url = url.to_string();
        // 2. While scopeURL is not the file system root,
        while scope_url != "/" {
            // a. Set scopeURL to the parent URL of scopeURL.
            let trimmed = scope_url.strip_suffix('/').unwrap_or(&scope_url);
            scope_url = trimmed[..trimmed.rfind('/').map_or(0, |i| i + 1)].to_string();
            if scope_url.is_empty() {
                return None;
            }
            // b. If scopeURL ends in a "node_modules" path segment, return null.
            if scope_url.ends_with("/node_modules/") {
                return None;
            }
            // c. Let pjsonURL be the resolution of "package.json" within scopeURL.
            // d. If the file at pjsonURL exists, then return scopeURL.
            if !matches!(
                *self.package_json_file(&scope_url),
                PackageJsonFile::Missing
            ) {
                return Some(scope_url);
            }
        }
        // 3. Return null.
        None
    }
}

/// Reads and parses the `package.json` at `path`.
fn parse_package_json(package_url: &str, path: &std::path::Path) -> PackageJsonFile {
    let Ok(text) = std::fs::read_to_string(path) else {
        return PackageJsonFile::Missing;
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        // Deviation: the detail is serde_json's wording, not V8's JSON.parse's.
        Err(err) => return PackageJsonFile::Invalid(err.to_string()),
    };
    let field = |name: &str| value.get(name).filter(|v| !v.is_null()).cloned();
    let string = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    PackageJsonFile::Parsed(Rc::new(PackageJson {
        package_url: package_url.to_string(),
        name: string("name"),
        main: string("main"),
        package_type: match value.get("type").and_then(Value::as_str) {
            Some("module") => PackageType::Module,
            Some("commonjs") => PackageType::CommonJs,
            _ => PackageType::None,
        },
        exports: field("exports"),
        imports: field("imports"),
    }))
}

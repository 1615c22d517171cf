//! PACKAGE_EXPORTS_RESOLVE (`exports`), PACKAGE_IMPORTS_RESOLVE
//! (`imports`, `#name` specifiers), the matching both share
//! (PACKAGE_IMPORTS_EXPORTS_RESOLVE) and PATTERN_KEY_COMPARE.

use std::cmp::Ordering;
use std::path::Path;

use serde_json::{Map, Value};

use super::error::ResolveError;
use super::esm_resolve::Url;
use super::package_json::{Importing, PackageJson};
use super::target::Target;
use super::url::file_url;
use super::Resolver;

/// The message of an `exports` object mixing subpaths and conditions.
const MIXED_EXPORTS: &str = "\"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.";

impl Resolver {
    /// PACKAGE_EXPORTS_RESOLVE ( packageURL, subpath, exports, conditions ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// `pjson` holds packageURL and exports; `subpath` is `.` or `./…`.
    pub(super) fn package_exports_resolve(
        &self,
        pjson: &PackageJson,
        subpath: &str,
        base: &str,
    ) -> Result<Url, ResolveError> {
        let exports = pjson
            .exports
            .as_ref()
            .expect("PACKAGE_RESOLVE calls this only when exports is not null");
        let object = exports.as_object();
        // 1. If exports is an Object with both a key starting with "." and a
        //    key not starting with ".", throw an Invalid Package Configuration error.
        let (dotted, undotted) = object.map_or((0, 0), |o| {
            let dotted = o.keys().filter(|k| k.starts_with('.')).count();
            (dotted, o.len() - dotted)
        });
        if dotted > 0 && undotted > 0 {
            return Err(ResolveError::invalid_package_config(
                &pjson.path(),
                &file_url(Path::new(base)),
                MIXED_EXPORTS,
            ));
        }
        // 2. If subpath is equal to ".", then
        if subpath == "." {
            // a. Let mainExport be undefined.
            // b. If exports is a String or Array, or an Object containing no
            //    keys starting with ".", then set mainExport to exports.
            // c. Otherwise if exports is an Object containing a "." property,
            //    then set mainExport to exports["."].
            let main_export = match object {
                Some(o) if dotted > 0 => o.get("."),
                _ => Some(exports),
            };
            // d. If mainExport is not undefined, then
            if let Some(main_export) = main_export {
                // i. Let resolved be the result of PACKAGE_TARGET_RESOLVE(
                //    packageURL, mainExport, null, false, conditions).
                // ii. If resolved is not null or undefined, return resolved.
                let resolved =
                    self.package_target_resolve(pjson, main_export, None, ".", false, base)?;
                if let Target::Resolved(url) = resolved {
                    return Ok(url);
                }
            }
        // 3. Otherwise, if exports is an Object and all keys of exports start
        //    with ".", then
        } else if let Some(match_obj) = object.filter(|_| undotted == 0) {
            // a. Assert: subpath begins with "./".
            debug_assert!(subpath.starts_with("./"));
            // b. Let resolved be the result of PACKAGE_IMPORTS_EXPORTS_RESOLVE(
            //    subpath, exports, packageURL, false, conditions).
            // c. If resolved is not null or undefined, return resolved.
            let resolved =
                self.package_imports_exports_resolve(subpath, match_obj, pjson, false, base)?;
            if let Target::Resolved(url) = resolved {
                return Ok(url);
            }
        }
        // 4. Throw a Package Path Not Exported error.
        Err(ResolveError::package_path_not_exported(
            &pjson.package_dir(),
            subpath,
            base,
        ))
    }

    /// PACKAGE_IMPORTS_RESOLVE ( specifier, parentURL, conditions ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    pub(super) fn package_imports_resolve(
        &self,
        specifier: &str,
        parent_url: &str,
        base: &str,
    ) -> Result<Url, ResolveError> {
        // 1. Assert: specifier begins with "#".
        debug_assert!(specifier.starts_with('#'));
        // 2. If specifier is exactly equal to "#" or starts with "#/", then
        //    throw an Invalid Module Specifier error.
        if specifier == "#" || specifier.starts_with("#/") {
            return Err(ResolveError::invalid_module_specifier(
                specifier,
                "is not a valid internal imports specifier name",
                base,
            ));
        }
        // 3. Let packageURL be the result of LOOKUP_PACKAGE_SCOPE(parentURL).
        let package_url = self.lookup_package_scope(parent_url);
        let mut package_dir = None;
        // 4. If packageURL is not null, then
        if let Some(package_url) = package_url {
            // a. Let pjson be the result of READ_PACKAGE_JSON(packageURL).
            let pjson = self.read_package_json(&package_url, Importing::Module(base))?;
            if let Some(pjson) = pjson {
                package_dir = Some(pjson.package_dir());
                // b. If pjson.imports is a non-null Object, then
                if let Some(imports) = pjson.imports.as_ref().and_then(Value::as_object) {
                    // i. Let resolved be the result of PACKAGE_IMPORTS_EXPORTS_RESOLVE(
                    //    specifier, pjson.imports, packageURL, true, conditions).
                    // ii. If resolved is not null or undefined, return resolved.
                    let resolved = self
                        .package_imports_exports_resolve(specifier, imports, &pjson, true, base)?;
                    if let Target::Resolved(url) = resolved {
                        return Ok(url);
                    }
                }
            }
        }
        // 5. Throw a Package Import Not Defined error.
        Err(ResolveError::package_import_not_defined(
            specifier,
            package_dir.as_deref(),
            base,
        ))
    }

    /// PACKAGE_IMPORTS_EXPORTS_RESOLVE ( matchKey, matchObj, packageURL, isImports, conditions ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    fn package_imports_exports_resolve(
        &self,
        match_key: &str,
        match_obj: &Map<String, Value>,
        pjson: &PackageJson,
        is_imports: bool,
        base: &str,
    ) -> Result<Target, ResolveError> {
        // 1. If matchKey ends in "/", then throw an Invalid Module Specifier error.
        // Deviation: Node does not throw here; the key is simply not
        // matched (`pkg/` is Package Path Not Exported), as below.
        // 2. If matchKey is a key of matchObj and does not contain "*", then
        if !match_key.contains('*') && !match_key.ends_with('/') {
            if let Some(target) = match_obj.get(match_key) {
                // a. Let target be the value of matchObj[matchKey].
                // b. Return the result of PACKAGE_TARGET_RESOLVE(packageURL,
                //    target, null, isImports, conditions).
                return self
                    .package_target_resolve(pjson, target, None, match_key, is_imports, base);
            }
        }
        // 3. Let expansionKeys be the list of keys of matchObj containing only
        //    a single "*", sorted by the sorting function PATTERN_KEY_COMPARE
        //    which orders in descending order of specificity.
        let mut expansion_keys: Vec<&String> = match_obj
            .keys()
            .filter(|k| k.matches('*').count() == 1)
            .collect();
        expansion_keys.sort_by(|a, b| pattern_key_compare(a, b));
        // 4. For each key expansionKey in expansionKeys, do
        for expansion_key in expansion_keys {
            // a. Let patternBase be the substring of expansionKey up to but
            //    excluding the first "*" character.
            let star = expansion_key.find('*').expect("expansion keys have one *");
            let pattern_base = &expansion_key[..star];
            // b. If matchKey starts with but is not equal to patternBase, then
            if match_key.starts_with(pattern_base) && match_key != pattern_base {
                // i. Let patternTrailer be the substring of expansionKey from
                //    the index after the first "*" character.
                let pattern_trailer = &expansion_key[star + 1..];
                // ii. If patternTrailer has zero length, or if matchKey ends
                //     with patternTrailer and the length of matchKey is greater
                //     than or equal to the length of expansionKey, then
                if pattern_trailer.is_empty()
                    || (match_key.ends_with(pattern_trailer)
                        && match_key.len() >= expansion_key.len())
                {
                    // 1. Let target be the value of matchObj[expansionKey].
                    let target = &match_obj[expansion_key.as_str()];
                    // 2. Let patternMatch be the substring of matchKey starting
                    //    at the index of the length of patternBase up to the
                    //    length of matchKey minus the length of patternTrailer.
                    let pattern_match =
                        &match_key[pattern_base.len()..match_key.len() - pattern_trailer.len()];
                    // 3. Return the result of PACKAGE_TARGET_RESOLVE(packageURL,
                    //    target, patternMatch, isImports, conditions).
                    return self.package_target_resolve(
                        pjson,
                        target,
                        Some(pattern_match),
                        expansion_key,
                        is_imports,
                        base,
                    );
                }
            }
        }
        // 5. Return null.
        Ok(Target::Null)
    }
}

/// PATTERN_KEY_COMPARE ( keyA, keyB ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
pub fn pattern_key_compare(key_a: &str, key_b: &str) -> Ordering {
    // 1. Assert: keyA contains only a single "*".
    // 2. Assert: keyB contains only a single "*".
    debug_assert!(key_a.matches('*').count() == 1 && key_b.matches('*').count() == 1);
    // 3. Let baseLengthA be the index of "*" in keyA.
    let base_length_a = key_a.find('*').map_or(key_a.len(), |i| i + 1);
    // 4. Let baseLengthB be the index of "*" in keyB.
    let base_length_b = key_b.find('*').map_or(key_b.len(), |i| i + 1);
    // 5. If baseLengthA is greater than baseLengthB, return -1.
    // 6. If baseLengthB is greater than baseLengthA, return 1.
    match base_length_b.cmp(&base_length_a) {
        Ordering::Equal => {}
        other => return other,
    }
    // 7. If the length of keyA is greater than the length of keyB, return -1.
    // 8. If the length of keyB is greater than the length of keyA, return 1.
    // 9. Return 0.
    key_b.len().cmp(&key_a.len())
}

//! PACKAGE_TARGET_RESOLVE: what an `exports` or `imports` target (a path,
//! a conditions object, an array of fallbacks, or `null`) resolves to.

use std::path::Path;

use serde_json::Value;

use super::error::ResolveError;
use super::esm_resolve::Url;
use super::package_json::PackageJson;
use super::url::{file_url, percent_decode, resolve_url_path, url_scheme};
use super::Resolver;

/// PACKAGE_TARGET_RESOLVE's result: the spec tells `null` (no target
/// here: stop) from `undefined` (no condition matched: try the next).
#[derive(Debug)]
pub(super) enum Target {
    Resolved(Url),
    Null,
    Undefined,
}

/// Whether `text` split on `/` or `\` has a `.`, `..` or `node_modules`
/// segment, case-insensitively and percent-decoded.
// Deviation: empty segments are allowed, as Node allows them (with a
// deprecation warning); the spec forbids them.
fn has_invalid_segment(text: &str) -> bool {
    text.split(['/', '\\']).any(|segment| {
        let decoded = percent_decode(segment).to_ascii_lowercase();
        decoded == "." || decoded == ".." || decoded == "node_modules"
    })
}

/// The text Node prints for a target in an Invalid Package Target error.
fn target_text(target: &Value) -> String {
    match target {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Resolver {
    /// PACKAGE_TARGET_RESOLVE ( packageURL, target, patternMatch, isImports, conditions ) — https://nodejs.org/api/esm.html#resolution-algorithm-specification
    ///
    /// `match_key` is the `exports`/`imports` key that gave `target` (for
    /// messages); `pjson` holds packageURL.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn package_target_resolve(
        &self,
        pjson: &PackageJson,
        target: &Value,
        pattern_match: Option<&str>,
        match_key: &str,
        is_imports: bool,
        base: &str,
    ) -> Result<Target, ResolveError> {
        let package_url = &pjson.package_url;
        let invalid_target = || {
            ResolveError::invalid_package_target(
                &pjson.package_dir(),
                match_key,
                &target_text(target),
                is_imports,
                base,
            )
        };
        match target {
            // 1. If target is a String, then
            Value::String(target) => {
                // a. If target does not start with "./", then
                if !target.starts_with("./") {
                    // i. If isImports is false, or if target starts with "../"
                    //    or "/", or if target is a valid URL, then throw an
                    //    Invalid Package Target error.
                    if !is_imports
                        || target.starts_with("../")
                        || target.starts_with('/')
                        || url_scheme(target).is_some()
                    {
                        return Err(invalid_target());
                    }
                    // ii. If patternMatch is a String, then return
                    //     PACKAGE_RESOLVE(target with every instance of "*"
                    //     replaced by patternMatch, packageURL + "/").
                    // iii. Return PACKAGE_RESOLVE(target, packageURL + "/").
                    let specifier = match pattern_match {
                        Some(m) => target.replace('*', m),
                        None => target.clone(),
                    };
                    let pjson_path = pjson.path();
                    return self
                        .package_resolve(
                            &specifier,
                            &format!("{package_url}package.json"),
                            &pjson_path,
                        )
                        .map(Target::Resolved);
                }
                // b. If target split on "/" or "\" contains any "", ".", "..",
                //    or "node_modules" segments after the first "." segment,
                //    case insensitive and including percent encoded variants,
                //    throw an Invalid Package Target error.
                if has_invalid_segment(&target[2..]) {
                    return Err(invalid_target());
                }
                // c. Let resolvedTarget be the URL resolution of the
                //    concatenation of packageURL and target.
                let resolved_target = resolve_url_path(package_url, target);
                // d. Assert: packageURL is contained in resolvedTarget.
                if !resolved_target.starts_with(package_url.as_str()) {
                    return Err(invalid_target());
                }
                // e. If patternMatch is null, then return resolvedTarget.
                let Some(pattern_match) = pattern_match else {
                    return Ok(Target::Resolved(Url::File(resolved_target)));
                };
                // f. If patternMatch split on "/" or "\" contains any "", ".",
                //    "..", or "node_modules" segments, case insensitive and
                //    including percent encoded variants, throw an Invalid
                //    Module Specifier error.
                if has_invalid_segment(pattern_match) {
                    let request = match_key.replacen('*', pattern_match, 1);
                    let field = if is_imports { "imports" } else { "exports" };
                    let reason = format!(
                        "request is not a valid match in pattern \"{match_key}\" for the \"{field}\" resolution of {}",
                        pjson.path()
                    );
                    return Err(ResolveError::invalid_module_specifier(
                        &request, &reason, base,
                    ));
                }
                // g. Return the URL resolution of resolvedTarget with every
                //    instance of "*" replaced with patternMatch.
                Ok(Target::Resolved(Url::File(
                    resolved_target.replace('*', pattern_match),
                )))
            }
            // 2. Otherwise, if target is a non-null Object, then
            Value::Object(conditions) => {
                // a. If target contains any index property keys, as defined in
                //    ECMA-262 6.1.7 Array Index, throw an Invalid Package
                //    Configuration error.
                if conditions.keys().any(|k| is_array_index(k)) {
                    return Err(ResolveError::invalid_package_config(
                        &pjson.path(),
                        &file_url(Path::new(base)),
                        "\"exports\" cannot contain numeric property keys.",
                    ));
                }
                // b. For each property p of target, in object insertion order as,
                for (p, target_value) in conditions {
                    // i. If p equals "default" or conditions contains an entry for p, then
                    if p == "default" || self.conditions.iter().any(|c| c == p) {
                        // 1. Let targetValue be the value of the p property in target.
                        // 2. Let resolved be the result of PACKAGE_TARGET_RESOLVE(
                        //    packageURL, targetValue, patternMatch, isImports, conditions).
                        let resolved = self.package_target_resolve(
                            pjson,
                            target_value,
                            pattern_match,
                            match_key,
                            is_imports,
                            base,
                        )?;
                        // 3. If resolved is equal to undefined, continue the loop.
                        if matches!(resolved, Target::Undefined) {
                            continue;
                        }
                        // 4. Return resolved.
                        return Ok(resolved);
                    }
                }
                // c. Return undefined.
                Ok(Target::Undefined)
            }
            // 3. Otherwise, if target is an Array, then
            Value::Array(fallbacks) => {
                // a. If target.length is zero, return null.
                // b. For each item targetValue in target, do
                //    1. Let resolved be the result of PACKAGE_TARGET_RESOLVE(
                //       packageURL, targetValue, patternMatch, isImports,
                //       conditions), continuing the loop on any Invalid
                //       Package Target error.
                //    2. If resolved is undefined, continue the loop.
                //    3. Return resolved.
                // c. Return or throw the last fallback resolution null return or error.
                // Deviation: a `null` item also continues the loop, as in Node.
                if fallbacks.is_empty() {
                    return Ok(Target::Null);
                }
                let mut last: Result<Target, ResolveError> = Ok(Target::Undefined);
                for target_value in fallbacks {
                    let resolved = self.package_target_resolve(
                        pjson,
                        target_value,
                        pattern_match,
                        match_key,
                        is_imports,
                        base,
                    );
                    match resolved {
                        Err(e) if e.code == "ERR_INVALID_PACKAGE_TARGET" => last = Err(e),
                        Err(e) => return Err(e),
                        Ok(Target::Undefined) => {}
                        Ok(Target::Null) => last = Ok(Target::Null),
                        Ok(resolved) => return Ok(resolved),
                    }
                }
                last
            }
            // 4. Otherwise, if target is null, return null.
            Value::Null => Ok(Target::Null),
            // 5. Otherwise throw an Invalid Package Target error.
            _ => Err(invalid_target()),
        }
    }
}

/// Whether `key` is an array index (ECMA-262 6.1.7): a canonical numeric
/// string below 2³² − 1.
fn is_array_index(key: &str) -> bool {
    key.parse::<u32>()
        .is_ok_and(|n| n != u32::MAX && n.to_string() == key)
}

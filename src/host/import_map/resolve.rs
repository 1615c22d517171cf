//! Resolving a module specifier through an import map.

use url::Url;

use super::{is_special, ImportMap, ImportMapError, SpecifierMap};

/// Resolve a module specifier ( referringScript, specifier ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#resolve-a-module-specifier
///
/// `base_url` is the referring module's URL (steps 1–3) and `import_map`
/// the host's import map (steps 4–5). Returns the URL the import map gives,
/// or `None` when it gives none.
// Deviation: steps 12–14 (an unmapped specifier is its own URL if it is
// one, else a TypeError) are Node's ESM_RESOLVE here: the caller resolves
// an unmapped specifier as Node does (packages, `node:` built-ins), as Deno
// does with its own resolution after the import map. Step 13.1 (the
// resolved module set) only matters to import maps added after modules
// have loaded, and a run has a single import map.
pub fn resolve_module_specifier(
    import_map: &ImportMap,
    base_url: &Url,
    specifier: &str,
) -> Result<Option<Url>, ImportMapError> {
    // 6. Let serializedBaseURL be baseURL, serialized.
    let serialized_base_url = base_url.as_str();
    // 7. Let asURL be the result of resolving a URL-like module specifier
    //    given specifier and baseURL.
    let as_url = resolve_url_like_module_specifier(specifier, base_url);
    // 8. Let normalizedSpecifier be the serialization of asURL, if asURL is
    //    non-null; otherwise, specifier.
    let normalized_specifier = match &as_url {
        Some(url) => url.as_str(),
        None => specifier,
    };
    // 9. Let result be a URL-or-null, initially null.
    let mut result = None;
    // 10. For each scopePrefix → scopeImports of importMap's scopes:
    for (scope_prefix, scope_imports) in &import_map.scopes {
        // 10.1. If scopePrefix is serializedBaseURL, or if scopePrefix ends
        //       with U+002F (/) and scopePrefix is a code unit prefix of
        //       serializedBaseURL, then:
        if scope_prefix == serialized_base_url
            || (scope_prefix.ends_with('/') && serialized_base_url.starts_with(scope_prefix))
        {
            // 10.1.1. Let scopeImportsMatch be the result of resolving an
            //         imports match given normalizedSpecifier, asURL, and
            //         scopeImports.
            let scope_imports_match =
                resolve_imports_match(normalized_specifier, as_url.as_ref(), scope_imports)?;
            // 10.1.2. If scopeImportsMatch is not null, then set result to
            //         scopeImportsMatch, and break.
            if scope_imports_match.is_some() {
                result = scope_imports_match;
                break;
            }
        }
    }
    // 11. If result is null, set result to the result of resolving an
    //     imports match given normalizedSpecifier, asURL, and importMap's
    //     imports.
    if result.is_none() {
        result = resolve_imports_match(normalized_specifier, as_url.as_ref(), &import_map.imports)?;
    }
    Ok(result)
}

/// Resolve an imports match ( normalizedSpecifier, asURL, specifierMap ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#resolving-an-imports-match
fn resolve_imports_match(
    normalized_specifier: &str,
    as_url: Option<&Url>,
    specifier_map: &SpecifierMap,
) -> Result<Option<Url>, ImportMapError> {
    // 1. For each specifierKey → resolutionResult of specifierMap:
    for (specifier_key, resolution_result) in specifier_map {
        // 1.1. If specifierKey is normalizedSpecifier, then:
        if specifier_key == normalized_specifier {
            // 1.1.1. If resolutionResult is null, then throw a TypeError
            //        indicating that resolution of specifierKey was blocked
            //        by a null entry.
            // 1.1.2. Assert: resolutionResult is a URL.
            // 1.1.3. Return resolutionResult.
            return match resolution_result {
                Some(url) => Ok(Some(url.clone())),
                None => Err(blocked_by_null_entry(specifier_key)),
            };
        }
        // 1.2. If all of the following are true:
        //      - specifierKey ends with U+002F (/);
        //      - specifierKey is a code unit prefix of normalizedSpecifier; and
        //      - either asURL is null, or asURL is special,
        //      then:
        if specifier_key.ends_with('/')
            && normalized_specifier.starts_with(specifier_key.as_str())
            && as_url.is_none_or(is_special)
        {
            // 1.2.1. If resolutionResult is null, then throw a TypeError
            //        indicating that the resolution of specifierKey was
            //        blocked by a null entry.
            // 1.2.2. Assert: resolutionResult is a URL.
            let Some(resolution_result) = resolution_result else {
                return Err(blocked_by_null_entry(specifier_key));
            };
            // 1.2.3. Let afterPrefix be the portion of normalizedSpecifier
            //        after the initial specifierKey prefix.
            let after_prefix = &normalized_specifier[specifier_key.len()..];
            // 1.2.4. Assert: resolutionResult, serialized, ends with U+002F
            //        (/), as enforced during parsing.
            debug_assert!(resolution_result.as_str().ends_with('/'));
            // 1.2.5. Let url be the result of URL parsing afterPrefix with
            //        resolutionResult.
            // 1.2.6. If url is failure, then throw a TypeError indicating
            //        that resolution of normalizedSpecifier was blocked since
            //        the afterPrefix portion could not be URL-parsed relative
            //        to the resolutionResult mapped to by the specifierKey
            //        prefix.
            let url = resolution_result.join(after_prefix).map_err(|_| {
                ImportMapError::type_error(format!(
                    "Resolution of \"{normalized_specifier}\" was blocked: \"{after_prefix}\" could not be parsed as a URL relative to \"{resolution_result}\", the address of \"{specifier_key}\"."
                ))
            })?;
            // 1.2.7. Assert: url is a URL.
            // 1.2.8. If the serialization of resolutionResult is not a code
            //        unit prefix of the serialization of url, then throw a
            //        TypeError indicating that the resolution of
            //        normalizedSpecifier was blocked due to it backtracking
            //        above its prefix specifierKey.
            if !url.as_str().starts_with(resolution_result.as_str()) {
                return Err(ImportMapError::type_error(format!(
                    "Resolution of \"{normalized_specifier}\" was blocked: it backtracks above its prefix \"{specifier_key}\"."
                )));
            }
            // 1.2.9. Assert: url is a URL.
            // 1.2.10. Return url.
            return Ok(Some(url));
        }
    }
    // 2. Return null.
    Ok(None)
}

/// The TypeError of a null entry (steps 1.1.1 and 1.2.1 above).
fn blocked_by_null_entry(specifier_key: &str) -> ImportMapError {
    ImportMapError::type_error(format!(
        "Resolution of \"{specifier_key}\" was blocked by a null entry in the import map."
    ))
}

/// Resolve a URL-like module specifier ( specifier, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#resolving-a-url-like-module-specifier
pub fn resolve_url_like_module_specifier(specifier: &str, base_url: &Url) -> Option<Url> {
    // 1. If specifier starts with "/", "./", or "../", then:
    if specifier.starts_with('/') || specifier.starts_with("./") || specifier.starts_with("../") {
        // 1.1. Let url be the result of URL parsing specifier with baseURL.
        // 1.2. If url is failure, then return null.
        // 1.3. Return url.
        return base_url.join(specifier).ok();
    }
    // 2. Let url be the result of URL parsing specifier (with no base URL).
    // 3. If url is failure, then return null.
    // 4. Return url.
    Url::parse(specifier).ok()
}

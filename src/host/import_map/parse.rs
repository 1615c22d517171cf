//! Parsing an import map: the JSON text to an [`ImportMap`] whose maps are
//! sorted and normalized, with the warnings the standard says a user agent
//! reports to the console.

use serde_json::{Map, Value};
use url::Url;

use super::{
    code_unit_cmp, resolve_url_like_module_specifier, ImportMap, ImportMapError,
    ImportMapErrorKind, SpecifierMap,
};

/// Parse an import map string ( input, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#parse-an-import-map-string
///
/// The warnings are pushed to `warnings` (browsers print them on the
/// console; `vmjs run --import-map` on stderr).
pub fn parse_import_map_string(
    input: &str,
    base_url: &Url,
    warnings: &mut Vec<String>,
) -> Result<ImportMap, ImportMapError> {
    // 1. Let parsed be the result of parsing a JSON string to an Infra value
    //    given input.
    let parsed: Value = serde_json::from_str(input).map_err(|e| ImportMapError {
        kind: ImportMapErrorKind::SyntaxError,
        message: format!("The import map is not valid JSON: {e}"),
    })?;
    // 2. If parsed is not an ordered map, then throw a TypeError indicating
    //    that the top-level value needs to be a JSON object.
    let Value::Object(parsed) = parsed else {
        return Err(ImportMapError::type_error(
            "The top-level value of an import map needs to be a JSON object.".to_string(),
        ));
    };
    // 3. Let sortedAndNormalizedImports be an empty ordered map.
    let mut imports = SpecifierMap::new();
    // 4. If parsed["imports"] exists, then:
    if let Some(value) = parsed.get("imports") {
        // 4.1. If parsed["imports"] is not an ordered map, then throw a
        //      TypeError indicating that the value for the "imports"
        //      top-level key needs to be a JSON object.
        let Value::Object(map) = value else {
            return Err(ImportMapError::type_error(
                "The value for the \"imports\" top-level key needs to be a JSON object."
                    .to_string(),
            ));
        };
        // 4.2. Set sortedAndNormalizedImports to the result of sorting and
        //      normalizing a module specifier map given parsed["imports"]
        //      and baseURL.
        imports = sort_and_normalize_module_specifier_map(map, base_url, warnings);
    }
    // 5. Let sortedAndNormalizedScopes be an empty ordered map.
    let mut scopes = Vec::new();
    // 6. If parsed["scopes"] exists, then:
    if let Some(value) = parsed.get("scopes") {
        // 6.1. If parsed["scopes"] is not an ordered map, then throw a
        //      TypeError indicating that the value for the "scopes"
        //      top-level key needs to be a JSON object.
        let Value::Object(map) = value else {
            return Err(ImportMapError::type_error(
                "The value for the \"scopes\" top-level key needs to be a JSON object.".to_string(),
            ));
        };
        // 6.2. Set sortedAndNormalizedScopes to the result of sorting and
        //      normalizing scopes given parsed["scopes"] and baseURL.
        scopes = sort_and_normalize_scopes(map, base_url, warnings)?;
    }
    // 7. Let normalizedIntegrity be an empty ordered map.
    let mut integrity = Vec::new();
    // 8. If parsed["integrity"] exists, then:
    if let Some(value) = parsed.get("integrity") {
        // 8.1. If parsed["integrity"] is not an ordered map, then throw a
        //      TypeError indicating that the value for the "integrity"
        //      top-level key needs to be a JSON object.
        let Value::Object(map) = value else {
            return Err(ImportMapError::type_error(
                "The value for the \"integrity\" top-level key needs to be a JSON object."
                    .to_string(),
            ));
        };
        // 8.2. Set normalizedIntegrity to the result of normalizing a
        //      module integrity map given parsed["integrity"] and baseURL.
        integrity = normalize_module_integrity_map(map, base_url, warnings);
    }
    // 9. If parsed's keys contains any items besides "imports", "scopes",
    //    or "integrity", then the user agent should report a warning to the
    //    console indicating that an invalid top-level key was present in
    //    the import map.
    for key in parsed.keys() {
        if !matches!(key.as_str(), "imports" | "scopes" | "integrity") {
            warnings.push(format!(
                "Invalid top-level key \"{key}\" in the import map: only \"imports\", \"scopes\" and \"integrity\" are allowed."
            ));
        }
    }
    // 10. Return an import map whose imports are sortedAndNormalizedImports,
    //     whose scopes are sortedAndNormalizedScopes, and whose integrity is
    //     normalizedIntegrity.
    Ok(ImportMap {
        imports,
        scopes,
        integrity,
    })
}

/// Sort and normalize a module specifier map ( originalMap, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#sorting-and-normalizing-a-module-specifier-map
fn sort_and_normalize_module_specifier_map(
    original_map: &Map<String, Value>,
    base_url: &Url,
    warnings: &mut Vec<String>,
) -> SpecifierMap {
    // 1. Let normalized be an empty ordered map.
    let mut normalized: SpecifierMap = Vec::new();
    let set = |normalized: &mut SpecifierMap, key: String, value: Option<Url>| match normalized
        .iter_mut()
        .find(|(k, _)| *k == key)
    {
        Some(entry) => entry.1 = value,
        None => normalized.push((key, value)),
    };
    // 2. For each specifierKey → value of originalMap:
    for (specifier_key, value) in original_map {
        // 2.1. Let normalizedSpecifierKey be the result of normalizing a
        //      specifier key given specifierKey and baseURL.
        // 2.2. If normalizedSpecifierKey is null, then continue.
        let Some(normalized_specifier_key) =
            normalize_specifier_key(specifier_key, base_url, warnings)
        else {
            continue;
        };
        // 2.3. If value is not a string, then:
        let Value::String(value) = value else {
            // 2.3.1. The user agent may report a warning to the console
            //        indicating that addresses need to be strings.
            // (Not for `null`: a null entry is how a map blocks a specifier.)
            if !value.is_null() {
                warnings.push(format!(
                    "Ignored the import map entry \"{specifier_key}\": addresses need to be strings."
                ));
            }
            // 2.3.2. Set normalized[normalizedSpecifierKey] to null.
            set(&mut normalized, normalized_specifier_key, None);
            // 2.3.3. Continue.
            continue;
        };
        // 2.4. Let addressURL be the result of resolving a URL-like module
        //      specifier given value and baseURL.
        // 2.5. If addressURL is null, then:
        let Some(address_url) = resolve_url_like_module_specifier(value, base_url) else {
            // 2.5.1. The user agent may report a warning to the console
            //        indicating that the address was invalid.
            warnings.push(format!(
                "Ignored the import map entry \"{specifier_key}\": the address \"{value}\" is invalid."
            ));
            // 2.5.2. Set normalized[normalizedSpecifierKey] to null.
            set(&mut normalized, normalized_specifier_key, None);
            // 2.5.3. Continue.
            continue;
        };
        // 2.6. If specifierKey ends with U+002F (/), and the serialization
        //      of addressURL does not end with U+002F (/), then:
        if specifier_key.ends_with('/') && !address_url.as_str().ends_with('/') {
            // 2.6.1. The user agent may report a warning to the console
            //        indicating that an invalid address was given for the
            //        specifier key specifierKey; since specifierKey ends
            //        with a slash, the address needs to as well.
            warnings.push(format!(
                "Ignored the import map entry \"{specifier_key}\": since the key ends with a slash, the address \"{address_url}\" needs to as well."
            ));
            // 2.6.2. Set normalized[normalizedSpecifierKey] to null.
            set(&mut normalized, normalized_specifier_key, None);
            // 2.6.3. Continue.
            continue;
        }
        // 2.7. Set normalized[normalizedSpecifierKey] to addressURL.
        set(&mut normalized, normalized_specifier_key, Some(address_url));
    }
    // 3. Return the result of sorting in descending order normalized, with
    //    an entry a being less than an entry b if a's key is code unit less
    //    than b's key.
    normalized.sort_by(|a, b| code_unit_cmp(&b.0, &a.0));
    normalized
}

/// Sort and normalize scopes ( originalMap, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#sorting-and-normalizing-scopes
fn sort_and_normalize_scopes(
    original_map: &Map<String, Value>,
    base_url: &Url,
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, SpecifierMap)>, ImportMapError> {
    // 1. Let normalized be an empty ordered map.
    let mut normalized: Vec<(String, SpecifierMap)> = Vec::new();
    // 2. For each scopePrefix → potentialSpecifierMap of originalMap:
    for (scope_prefix, potential_specifier_map) in original_map {
        // 2.1. If potentialSpecifierMap is not an ordered map, then throw a
        //      TypeError indicating that the value of the scope with prefix
        //      scopePrefix needs to be a JSON object.
        let Value::Object(potential_specifier_map) = potential_specifier_map else {
            return Err(ImportMapError::type_error(format!(
                "The value of the scope with prefix \"{scope_prefix}\" needs to be a JSON object."
            )));
        };
        // 2.2. Let scopePrefixURL be the result of URL parsing scopePrefix
        //      with baseURL.
        // 2.3. If scopePrefixURL is failure, then:
        let Ok(scope_prefix_url) = base_url.join(scope_prefix) else {
            // 2.3.1. The user agent may report a warning to the console that
            //        the scope prefix URL was not parseable.
            warnings.push(format!(
                "Ignored the import map scope \"{scope_prefix}\": the scope prefix is not a valid URL."
            ));
            // 2.3.2. Continue.
            continue;
        };
        // 2.4. Let normalizedScopePrefix be the serialization of scopePrefixURL.
        let normalized_scope_prefix = scope_prefix_url.to_string();
        // 2.5. Set normalized[normalizedScopePrefix] to the result of
        //      sorting and normalizing a module specifier map given
        //      potentialSpecifierMap and baseURL.
        let map =
            sort_and_normalize_module_specifier_map(potential_specifier_map, base_url, warnings);
        match normalized
            .iter_mut()
            .find(|(k, _)| *k == normalized_scope_prefix)
        {
            Some(entry) => entry.1 = map,
            None => normalized.push((normalized_scope_prefix, map)),
        }
    }
    // 3. Return the result of sorting in descending order normalized, with
    //    an entry a being less than an entry b if a's key is code unit less
    //    than b's key.
    normalized.sort_by(|a, b| code_unit_cmp(&b.0, &a.0));
    Ok(normalized)
}

/// Normalize a module integrity map ( originalMap, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#normalizing-a-module-integrity-map
fn normalize_module_integrity_map(
    original_map: &Map<String, Value>,
    base_url: &Url,
    warnings: &mut Vec<String>,
) -> Vec<(String, String)> {
    // 1. Let normalized be an empty ordered map.
    let mut normalized: Vec<(String, String)> = Vec::new();
    // 2. For each key → value of originalMap:
    for (key, value) in original_map {
        // 2.1. Let resolvedURL be the result of resolving a URL-like module
        //      specifier given key and baseURL.
        // 2.2. If resolvedURL is null, then:
        let Some(resolved_url) = resolve_url_like_module_specifier(key, base_url) else {
            // 2.2.1. The user agent may report a warning to the console
            //        indicating that the key failed to resolve.
            warnings.push(format!(
                "Ignored the import map integrity entry \"{key}\": the key is not a URL."
            ));
            // 2.2.2. Continue.
            continue;
        };
        // 2.3. If value is not a string, then:
        let Value::String(value) = value else {
            // 2.3.1. The user agent may report a warning to the console
            //        indicating that integrity metadata values need to be
            //        strings.
            warnings.push(format!(
                "Ignored the import map integrity entry \"{key}\": integrity metadata values need to be strings."
            ));
            // 2.3.2. Continue.
            continue;
        };
        // 2.4. Set normalized[resolvedURL] to value.
        let resolved = resolved_url.to_string();
        match normalized.iter_mut().find(|(k, _)| *k == resolved) {
            Some(entry) => entry.1 = value.clone(),
            None => normalized.push((resolved, value.clone())),
        }
    }
    // 3. Return normalized.
    normalized
}

/// Normalize a specifier key ( specifierKey, baseURL ) —
/// https://html.spec.whatwg.org/multipage/webappapis.html#normalizing-a-specifier-key
fn normalize_specifier_key(
    specifier_key: &str,
    base_url: &Url,
    warnings: &mut Vec<String>,
) -> Option<String> {
    // 1. If specifierKey is the empty string, then:
    if specifier_key.is_empty() {
        // 1.1. The user agent may report a warning to the console indicating
        //      that specifier keys may not be the empty string.
        warnings.push(
            "Ignored an import map entry: specifier keys cannot be the empty string.".to_string(),
        );
        // 1.2. Return null.
        return None;
    }
    // 2. Let url be the result of resolving a URL-like module specifier,
    //    given specifierKey and baseURL.
    // 3. If url is not null, then return the serialization of url.
    if let Some(url) = resolve_url_like_module_specifier(specifier_key, base_url) {
        return Some(url.to_string());
    }
    // 4. Return specifierKey.
    Some(specifier_key.to_string())
}

//! Import maps against the HTML standard: each case's expected value is
//! worked out from the algorithm's steps (the comment names the section);
//! where the case is also one of the web-platform-tests' import-maps data
//! tests, or Deno behaves the same, the comment says so.

use url::Url;

use super::*;

fn base() -> Url {
    Url::parse("https://example.com/app/main.mjs").expect("base URL")
}

fn parse(json: &str) -> (ImportMap, Vec<String>) {
    let mut warnings = Vec::new();
    let map = parse_import_map_string(json, &base(), &mut warnings).expect("a valid import map");
    (map, warnings)
}

fn resolve(map: &ImportMap, referrer: &str, specifier: &str) -> Result<Option<String>, String> {
    let referrer = Url::parse(referrer).expect("referrer URL");
    resolve_module_specifier(map, &referrer, specifier)
        .map(|url| url.map(|u| u.to_string()))
        .map_err(|e| e.to_string())
}

const REFERRER: &str = "https://example.com/app/main.mjs";

// Parse an import map string, step 2: the top level must be an object.
#[test]
fn top_level_must_be_an_object() {
    for json in ["[]", "1", "null", "\"imports\""] {
        let err = parse_import_map_string(json, &base(), &mut Vec::new()).unwrap_err();
        assert_eq!(err.kind, ImportMapErrorKind::TypeError, "{json}");
    }
}

// Parse an import map string, step 1: JSON that does not parse throws.
#[test]
fn invalid_json_is_a_syntax_error() {
    let err = parse_import_map_string("{imports: {}}", &base(), &mut Vec::new()).unwrap_err();
    assert_eq!(err.kind, ImportMapErrorKind::SyntaxError);
}

// Steps 4.1, 6.1, 8.1: "imports", "scopes" and "integrity" must be
// objects; sort and normalize scopes, step 2.1: so must each scope.
#[test]
fn top_level_values_must_be_objects() {
    for json in [
        r#"{"imports": []}"#,
        r#"{"imports": "x"}"#,
        r#"{"scopes": null}"#,
        r#"{"integrity": 1}"#,
        r#"{"scopes": {"/a/": "x"}}"#,
    ] {
        let err = parse_import_map_string(json, &base(), &mut Vec::new()).unwrap_err();
        assert_eq!(err.kind, ImportMapErrorKind::TypeError, "{json}");
    }
}

// Step 9: other top-level keys only warn.
#[test]
fn unknown_top_level_keys_warn() {
    let (map, warnings) = parse(r#"{"imports": {}, "imprts": {}}"#);
    assert_eq!(map, ImportMap::default());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("imprts"));
}

// Sort and normalize a module specifier map: invalid entries become null
// (step 2.3 non-string, 2.5 unparseable address, 2.6 a slash key whose
// address has no slash); the empty key is dropped (normalize a specifier
// key, step 1). Each warns. (WPT: data-driven parsing-specifier-keys and
// parsing-addresses.)
#[test]
fn invalid_entries_are_null_and_warn() {
    let (map, warnings) = parse(
        r#"{"imports": {
            "": "/x.mjs",
            "num": 1,
            "nothing": null,
            "bare": "lodash",
            "dir/": "/no-slash",
            "ok": "./ok.mjs"
        }}"#,
    );
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    let entry = |key: &str| {
        map.imports
            .iter()
            .find(|(k, _)| k == key)
            .map(|e| e.1.clone())
    };
    assert_eq!(entry(""), None);
    assert_eq!(entry("num"), Some(None));
    // A null entry is kept, without a warning (step 2.3.1 is a "may").
    assert_eq!(entry("nothing"), Some(None));
    assert_eq!(entry("bare"), Some(None));
    assert_eq!(entry("dir/"), Some(None));
    assert_eq!(
        entry("ok"),
        Some(Some(Url::parse("https://example.com/app/ok.mjs").unwrap()))
    );
}

// Normalize a specifier key, step 3: URL-like keys are stored as URLs
// (relative ones against the map's base URL).
#[test]
fn url_like_keys_are_normalized() {
    let (map, _) = parse(
        r#"{"imports": {"./lib/a.mjs": "/b.mjs", "https://cdn.test/x": "/y.mjs", "../up": "/z.mjs"}}"#,
    );
    let keys: Vec<&str> = map.imports.iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"https://example.com/app/lib/a.mjs"));
    assert!(keys.contains(&"https://cdn.test/x"));
    assert!(keys.contains(&"https://example.com/up"));
}

// Sort and normalize a module specifier map, step 3: descending code unit
// order, so "a/b/" is tried before "a/", and a character above U+FFFF
// (surrogates, 0xD800..) sorts below U+FFFD although its UTF-8 is greater.
#[test]
fn maps_are_sorted_in_descending_code_unit_order() {
    let (map, _) = parse(
        r#"{"imports": {"a/": "/1/", "a/b/": "/2/", "b": "/3", "\ud83d\ude00": "/4", "\ufffd": "/5"}}"#,
    );
    let keys: Vec<&str> = map.imports.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["\u{fffd}", "\u{1f600}", "b", "a/b/", "a/"]);
}

// Resolve an imports match, step 1.1: an exact key.
#[test]
fn exact_match() {
    let (map, _) = parse(r#"{"imports": {"moment": "/node_modules/moment/src/moment.js"}}"#);
    assert_eq!(
        resolve(&map, REFERRER, "moment"),
        Ok(Some(
            "https://example.com/node_modules/moment/src/moment.js".into()
        ))
    );
    // Not a prefix match without a trailing slash on the key.
    assert_eq!(resolve(&map, REFERRER, "moment/foo"), Ok(None));
}

// Resolve an imports match, step 1.2: a prefix key ending in "/", the rest
// parsed against its address; the longest key wins by the sort order.
// (WPT: data-driven resolving "packages via trailing slashes".)
#[test]
fn trailing_slash_prefixes() {
    let (map, _) = parse(
        r#"{"imports": {
            "lodash/": "/node_modules/lodash-es/",
            "lodash/fp/": "/node_modules/lodash-fp/"
        }}"#,
    );
    assert_eq!(
        resolve(&map, REFERRER, "lodash/map.js"),
        Ok(Some(
            "https://example.com/node_modules/lodash-es/map.js".into()
        ))
    );
    assert_eq!(
        resolve(&map, REFERRER, "lodash/fp/map.js"),
        Ok(Some(
            "https://example.com/node_modules/lodash-fp/map.js".into()
        ))
    );
}

// Steps 1.1.1 and 1.2.1: a null entry blocks with a TypeError.
#[test]
fn null_entries_block() {
    let (map, _) = parse(r#"{"imports": {"blocked": null, "dir/": null}}"#);
    let err = resolve(&map, REFERRER, "blocked").unwrap_err();
    assert!(
        err.starts_with("TypeError: ") && err.contains("null entry"),
        "{err}"
    );
    let err = resolve(&map, REFERRER, "dir/x.js").unwrap_err();
    assert!(
        err.contains("\"dir/\"") && err.contains("null entry"),
        "{err}"
    );
}

// Step 1.2.8: a prefix match that backtracks above its address is blocked
// (WPT: "should fail for backtracking above the prefix").
#[test]
fn backtracking_above_the_prefix_is_blocked() {
    let (map, _) = parse(r#"{"imports": {"moment/": "/node_modules/moment/src/"}}"#);
    let err = resolve(&map, REFERRER, "moment/../x.js").unwrap_err();
    assert!(err.contains("backtracks above its prefix"), "{err}");
    // Backtracking that stays inside is fine.
    assert_eq!(
        resolve(&map, REFERRER, "moment/a/../b.js"),
        Ok(Some(
            "https://example.com/node_modules/moment/src/b.js".into()
        ))
    );
}

// Resolve a module specifier, steps 7–8: a URL-like specifier is matched by
// its serialization, so "./x" and "../app/x" from /app/ both match the
// normalized key; step 1.2's "asURL is special" keeps a non-special URL
// (`data:`) from prefix matching.
#[test]
fn url_like_specifiers_match_by_their_serialization() {
    let (map, _) = parse(
        r#"{"imports": {
            "./x.mjs": "./mapped/x.mjs",
            "https://example.com/lib/": "/vendor/lib/",
            "data:text/": "/never/"
        }}"#,
    );
    let mapped = Ok(Some("https://example.com/app/mapped/x.mjs".into()));
    assert_eq!(resolve(&map, REFERRER, "./x.mjs"), mapped);
    assert_eq!(resolve(&map, REFERRER, "../app/x.mjs"), mapped);
    assert_eq!(
        resolve(&map, REFERRER, "/lib/a.mjs"),
        Ok(Some("https://example.com/vendor/lib/a.mjs".into()))
    );
    assert_eq!(resolve(&map, REFERRER, "data:text/javascript,1"), Ok(None));
}

// Resolve a module specifier, step 10: a scope applies to referrers whose
// URL it prefixes (or equals), the most specific first, then step 11 the
// top-level imports. (WPT: data-driven scopes tests.)
#[test]
fn scopes_apply_by_referrer_prefix() {
    let (map, _) = parse(
        r#"{
            "imports": {"a": "/a-top.mjs", "b": "/b-top.mjs"},
            "scopes": {
                "/app/": {"a": "/a-app.mjs"},
                "/app/inner/": {"a": "/a-inner.mjs"},
                "/exact.mjs": {"b": "/b-exact.mjs"}
            }
        }"#,
    );
    let at = |referrer: &str, specifier: &str| {
        resolve(&map, &format!("https://example.com{referrer}"), specifier)
            .unwrap()
            .unwrap()
    };
    assert_eq!(at("/app/main.mjs", "a"), "https://example.com/a-app.mjs");
    assert_eq!(
        at("/app/inner/x.mjs", "a"),
        "https://example.com/a-inner.mjs"
    );
    assert_eq!(at("/other.mjs", "a"), "https://example.com/a-top.mjs");
    assert_eq!(at("/app/main.mjs", "b"), "https://example.com/b-top.mjs");
    assert_eq!(at("/exact.mjs", "b"), "https://example.com/b-exact.mjs");
    // A scope without a trailing slash only matches its exact URL.
    assert_eq!(at("/exact.mjs/x", "b"), "https://example.com/b-top.mjs");
}

// Resolve an imports match, step 1.2.6: the part after the prefix must
// parse against the address (a prefix mapped to a non-hierarchical
// address, where "x" does not parse).
#[test]
fn after_prefix_that_does_not_parse_is_blocked() {
    let (map, _) = parse(r#"{"imports": {"pkg/": "mailto:/"}}"#);
    // "mailto:/" + "a b" parses; an unparseable rest needs a host the URL
    // parser refuses, such as an invalid port.
    let (map2, _) = parse(r#"{"imports": {"pkg/": "https://example.com/p/"}}"#);
    assert!(resolve(&map, REFERRER, "pkg/a").unwrap().is_some());
    let err = resolve(&map2, REFERRER, "pkg///h:99999/").unwrap_err();
    assert!(err.contains("could not be parsed"), "{err}");
}

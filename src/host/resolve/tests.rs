//! Unit tests of the parts that need no file system; the package layouts
//! are in tests/packages (tests/package_resolution.rs).

use std::cmp::Ordering;
use std::path::Path;

use super::exports::pattern_key_compare;
use super::{Resolved, Resolver};

#[test]
fn pattern_keys_order_by_specificity() {
    let mut keys = vec!["./*", "./a/*.js", "./a/*", "./a/b/*"];
    keys.sort_by(|a, b| pattern_key_compare(a, b));
    assert_eq!(keys, ["./a/b/*", "./a/*.js", "./a/*", "./*"]);
    assert_eq!(pattern_key_compare("./x/*", "./x/*"), Ordering::Equal);
}

#[test]
fn builtins_and_other_urls() {
    let resolver = Resolver::default();
    let parent = Path::new("/nowhere/main.mjs");
    assert_eq!(
        resolver.esm_resolve("node:vm", parent),
        Ok(Resolved::Builtin("vm".into()))
    );
    assert_eq!(
        resolver.esm_resolve("fs", parent),
        Ok(Resolved::Builtin("fs".into()))
    );
    assert_eq!(
        resolver
            .esm_resolve("https://example.com/x.mjs", parent)
            .map(|r| r.url()),
        Ok("https://example.com/x.mjs".to_string())
    );
    let missing = resolver.esm_resolve("./missing.mjs", parent).unwrap_err();
    assert_eq!(missing.code, "ERR_MODULE_NOT_FOUND");
    assert_eq!(missing.url.as_deref(), Some("file:///nowhere/missing.mjs"));
    let bad = resolver.esm_resolve("@scope", parent).unwrap_err();
    assert_eq!(bad.code, "ERR_INVALID_MODULE_SPECIFIER");
}

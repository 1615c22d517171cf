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

/// A folder asked about often is listed once; what the listing says
/// agrees with what `stat` says, for files, folders, links and names that
/// are not there.
#[cfg(unix)]
#[test]
fn a_listed_folder_answers_as_stat_does() {
    use super::{FileKind, LIST_AFTER};
    let dir = std::env::temp_dir().join(format!("vmjs-listing-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
    let dir = std::fs::canonicalize(&dir).expect("canonical");
    let count = LIST_AFTER as usize * 2;
    for i in 0..count {
        std::fs::write(dir.join(format!("m{i}.mjs")), "export {};").expect("write");
    }
    std::os::unix::fs::symlink(dir.join("m0.mjs"), dir.join("link.mjs")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("sub"), dir.join("link-dir")).expect("symlink");
    let resolver = Resolver::default();
    for i in 0..count {
        let path = dir.join(format!("m{i}.mjs"));
        assert_eq!(resolver.file_kind(&path), FileKind::File(path.clone()));
    }
    assert!(resolver.caches.listings.borrow()[dir.as_os_str()]
        .entries
        .is_some());
    assert_eq!(resolver.file_kind(&dir.join("sub")), FileKind::Directory);
    assert_eq!(
        resolver.file_kind(&dir.join("link-dir")),
        FileKind::Directory
    );
    assert_eq!(
        resolver.file_kind(&dir.join("link.mjs")),
        FileKind::File(dir.join("m0.mjs"))
    );
    assert_eq!(resolver.file_kind(&dir.join("none.mjs")), FileKind::Missing);
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

//! Which test262 `_FIXTURE` files each file imports.
//!
//! A fixture has no frontmatter of its own: it is in scope exactly when some
//! test that runs imports it, directly or through other fixtures. Fixtures
//! only reachable from skipped tests (a proposal's tests) are skipped with
//! them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// The fixture paths `source` (the text of the file at `path`) names in
/// string literals, resolved against its directory.
pub fn fixture_specifiers(path: &Path, source: &str) -> Vec<PathBuf> {
    let base = path.parent().unwrap_or(Path::new(""));
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = source[from..].find("_FIXTURE") {
        let at = from + offset;
        from = at + "_FIXTURE".len();
        // The enclosing string literal: back to the opening quote, then on to
        // the same quote.
        let Some(open) = source[..at].rfind(['\'', '"', '\n']) else {
            continue;
        };
        let quote = bytes[open];
        if quote == b'\n' {
            continue;
        }
        let Some(close) = source[at..].find(quote as char).map(|c| at + c) else {
            continue;
        };
        let specifier = &source[open + 1..close];
        if specifier.starts_with("./") || specifier.starts_with("../") {
            found.push(normalize(&base.join(specifier)));
        }
    }
    found
}

/// Resolves `.` and `..` components lexically (the files need not exist).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Every file reachable from `roots` through `references` (roots included).
pub fn reachable(
    roots: impl IntoIterator<Item = PathBuf>,
    references: &BTreeMap<PathBuf, Vec<PathBuf>>,
) -> BTreeSet<PathBuf> {
    let mut seen = BTreeSet::new();
    let mut pending: Vec<PathBuf> = roots.into_iter().collect();
    while let Some(path) = pending.pop() {
        if !seen.insert(path.clone()) {
            continue;
        }
        if let Some(targets) = references.get(&path) {
            pending.extend(targets.iter().cloned());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_fixture_specifiers() {
        let source = "import x from './a_FIXTURE.js';\nexport * from \"../b/c_FIXTURE.js\";\n// foo_FIXTURE.js only in a comment\nimport('./d_FIXTURE.js');";
        let found = fixture_specifiers(Path::new("/t/dir/test.js"), source);
        assert_eq!(
            found,
            [
                PathBuf::from("/t/dir/a_FIXTURE.js"),
                PathBuf::from("/t/b/c_FIXTURE.js"),
                PathBuf::from("/t/dir/d_FIXTURE.js"),
            ]
        );
    }
}

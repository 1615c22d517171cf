//! Specifier resolution for the file host: relative and absolute paths
//! and `file:` URLs, against the referrer's path.

use std::path::{Component, Path, PathBuf};

/// What a specifier names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A built-in module (`node:vm`, `vm`).
    Builtin(String),
    /// A bare specifier (a package name), which this host does not search for.
    Bare(String),
}

/// Resolves `specifier` against the directory of `referrer` (an absolute path).
pub fn resolve_specifier(specifier: &str, referrer: &Path) -> Resolved {
    if specifier == "vm" || specifier.starts_with("node:") {
        return Resolved::Builtin(specifier.trim_start_matches("node:").to_string());
    }
    let base = referrer.parent().unwrap_or(Path::new("/"));
    let path = if let Some(rest) = specifier.strip_prefix("file://") {
        PathBuf::from(percent_decode(rest))
    } else if specifier.starts_with('/') {
        PathBuf::from(specifier)
    } else if specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier == "."
        || specifier == ".."
    {
        base.join(specifier)
    } else {
        return Resolved::Bare(specifier.to_string());
    };
    Resolved::File(normalize(&path))
}

/// Removes `.` and `..` components without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `%XX` escapes of a URL path.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The `file://` URL of an absolute path (spaces and `%` escaped).
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for ch in path.to_string_lossy().chars() {
        match ch {
            ' ' => url.push_str("%20"),
            '%' => url.push_str("%25"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            c => url.push(c),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_absolute_and_url_specifiers() {
        let referrer = Path::new("/a/b/main.mjs");
        assert_eq!(
            resolve_specifier("./x.mjs", referrer),
            Resolved::File("/a/b/x.mjs".into())
        );
        assert_eq!(
            resolve_specifier("../y/z.mjs", referrer),
            Resolved::File("/a/y/z.mjs".into())
        );
        assert_eq!(
            resolve_specifier("/abs.mjs", referrer),
            Resolved::File("/abs.mjs".into())
        );
        assert_eq!(
            resolve_specifier("file:///a/my%20dir/m.mjs", referrer),
            Resolved::File("/a/my dir/m.mjs".into())
        );
        assert_eq!(
            resolve_specifier("node:vm", referrer),
            Resolved::Builtin("vm".into())
        );
        assert_eq!(
            resolve_specifier("lodash", referrer),
            Resolved::Bare("lodash".into())
        );
        assert_eq!(file_url(Path::new("/a b/c.mjs")), "file:///a%20b/c.mjs");
    }
}

//! The little of the URL standard the resolver needs. Node resolves
//! `file:` URLs; this resolver works on their paths, kept percent-encoded
//! ("URL paths": `/a/my%20dir/x.mjs`) until ESM_RESOLVE turns the result
//! into a file-system path, so the checks the algorithm makes on encoded
//! text (`%2F`, `%2e%2e` segments) see what Node's see.

use std::path::{Component, Path, PathBuf};

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

/// `%XX` escapes of a URL path decoded (invalid escapes stay as they are).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
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

/// The URL path of an absolute file-system path (`%`, space, `#`, `?`
/// escaped, as `url.pathToFileURL` does).
pub fn url_path(path: &Path) -> String {
    let mut url = String::new();
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

/// The `file://` URL of an absolute path.
pub fn file_url(path: &Path) -> String {
    format!("file://{}", url_path(path))
}

/// The file-system path text of a URL path.
pub fn path_text(url_path: &str) -> String {
    percent_decode(url_path)
}

/// The URL resolution of `relative` (a path: `./x`, `../x`, `x/y`, `/x`)
/// against the URL path `base`: joined to `base`'s folder (everything up
/// to its last `/`), then `.` and `..` segments removed. Empty segments
/// stay, as the URL parser keeps them.
pub fn resolve_url_path(base: &str, relative: &str) -> String {
    let joined = if relative.starts_with('/') {
        relative.to_string()
    } else {
        let folder = &base[..base.rfind('/').map_or(0, |i| i + 1)];
        format!("{folder}{relative}")
    };
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').skip(1).collect();
    let last = parts.len().saturating_sub(1);
    for (i, segment) in parts.iter().enumerate() {
        match *segment {
            "." | "%2e" | "%2E" => {
                if i == last {
                    segments.push("");
                }
            }
            ".." | ".%2e" | ".%2E" | "%2e." | "%2E." | "%2e%2e" | "%2E%2E" | "%2e%2E"
            | "%2E%2e" => {
                segments.pop();
                if i == last {
                    segments.push("");
                }
            }
            s => segments.push(s),
        }
    }
    format!("/{}", segments.join("/"))
}

/// The URL scheme of `specifier` when it is an absolute URL (`file`,
/// `node`, `http`, …): letters, digits, `+`, `-`, `.` before a `:`, the
/// first a letter. (A one-letter scheme stays a URL, as in Node on POSIX.)
pub fn url_scheme(specifier: &str) -> Option<&str> {
    let colon = specifier.find(':')?;
    let scheme = &specifier[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// The URL path of a `file:` URL (`file:///a/b`, `file://localhost/a/b`,
/// `file:/a/b`), without its query and fragment, its dot segments removed.
pub fn file_url_path(url: &str) -> String {
    let rest = &url["file:".len()..];
    let rest = match rest.strip_prefix("//") {
        Some(after) => {
            let path_start = after.find('/').unwrap_or(after.len());
            &after[path_start..]
        }
        None => rest,
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    resolve_url_path("/", if rest.is_empty() { "/" } else { rest })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths() {
        assert_eq!(resolve_url_path("/a/b/main.mjs", "./x.mjs"), "/a/b/x.mjs");
        assert_eq!(
            resolve_url_path("/a/b/main.mjs", "../y/z.mjs"),
            "/a/y/z.mjs"
        );
        assert_eq!(resolve_url_path("/a/b/main.mjs", "/abs.mjs"), "/abs.mjs");
        assert_eq!(resolve_url_path("/a/b/main.mjs", ".."), "/a/");
        assert_eq!(resolve_url_path("/a/b/", "c//d"), "/a/b/c//d");
        assert_eq!(
            file_url_path("file:///a/my%20dir/m.mjs?q#f"),
            "/a/my%20dir/m.mjs"
        );
        assert_eq!(path_text("/a/my%20dir/m.mjs"), "/a/my dir/m.mjs");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(file_url(Path::new("/a b/c.mjs")), "file:///a%20b/c.mjs");
        assert_eq!(url_scheme("node:vm"), Some("node"));
        assert_eq!(url_scheme("./a:b"), None);
        assert_eq!(url_scheme("@scope/pkg"), None);
    }
}

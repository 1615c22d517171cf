//! `--cache DIR`: the file host's on-disk code cache. Each module file's
//! cached data (`module::code_cache`) is one file in DIR, named after the
//! file's canonical path and its content's hash. An entry is never trusted
//! as it is: its header must name this vmjs, a module, and exactly the
//! text just read (`syntax::cache`); one that does not (another version,
//! a damaged file) is counted as rejected, and the module is parsed and
//! its entry written again. Writes go to a temporary file in DIR that is
//! then renamed over the entry, so concurrent runs sharing DIR never read
//! a half-written entry.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

use crate::module::code_cache::{has_top_level_await, module_cached_data, module_from_cached_data};
use crate::syntax::ast::Module;
use crate::syntax::{parse_module, SyntaxError};

/// The extension of entry files (and the only files `clear` removes).
const EXTENSION: &str = "vmjsc";

/// What a cache did during a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeCacheStats {
    /// Modules made from an entry, without parsing.
    pub loaded: usize,
    /// Modules parsed (no entry, or a rejected one) and written.
    pub written: usize,
    /// Entries there that were refused.
    pub rejected: usize,
}

/// A code cache directory, shared by the loader's threads.
#[derive(Debug)]
pub struct CodeCacheDir {
    dir: PathBuf,
    loaded: AtomicUsize,
    written: AtomicUsize,
    rejected: AtomicUsize,
}

impl CodeCacheDir {
    /// The cache in `dir`, created if missing.
    pub fn open(dir: &Path) -> std::io::Result<CodeCacheDir> {
        std::fs::create_dir_all(dir)?;
        Ok(CodeCacheDir {
            dir: dir.to_path_buf(),
            loaded: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            rejected: AtomicUsize::new(0),
        })
    }

    pub fn stats(&self) -> CodeCacheStats {
        CodeCacheStats {
            loaded: self.loaded.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
            rejected: self.rejected.load(Ordering::Relaxed),
        }
    }

    /// Removes every entry (files with the entries' extension) from the
    /// directory: what `vmjs bench --cache` does before a cold run.
    pub fn clear(&self) -> std::io::Result<()> {
        for entry in std::fs::read_dir(&self.dir)?.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == EXTENSION) {
                std::fs::remove_file(&path)?;
            }
        }
        Ok(())
    }

    /// The entry file for the module at the canonical path `path` with
    /// text `text`.
    fn entry_path(&self, path: &Path, text: &str) -> PathBuf {
        let path_hash = xxh3_128(path.as_os_str().as_encoded_bytes());
        let text_hash = xxh3_64(text.as_bytes());
        self.dir
            .join(format!("{path_hash:032x}-{text_hash:016x}.{EXTENSION}"))
    }

    /// ParseModule's syntax part and [[HasTLA]] for the module file at
    /// `path` (canonical: the same file always gets the same entry) whose
    /// text is `text`: from its entry when there is a valid
    /// one, otherwise parsed, and then the entry written (a file that does
    /// not parse has none).
    pub fn load_or_parse(&self, path: &Path, text: &str) -> Result<(Module, bool), SyntaxError> {
        let entry = self.entry_path(path, text);
        if let Ok(bytes) = std::fs::read(&entry) {
            match module_from_cached_data(&bytes, text) {
                Ok(parsed) => {
                    self.loaded.fetch_add(1, Ordering::Relaxed);
                    return Ok(parsed);
                }
                Err(_) => {
                    self.rejected.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
        let module = parse_module(text)?;
        let has_tla = has_top_level_await(&module);
        // A cache that cannot be written only costs the next run a parse.
        if self
            .write(&entry, &module_cached_data(&module, has_tla, text))
            .is_ok()
        {
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        Ok((module, has_tla))
    }

    /// Writes `bytes` as the entry `entry`: into a temporary file of DIR
    /// (named after this process and thread), then renamed into place.
    fn write(&self, entry: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let name = entry.file_name().unwrap_or_default().to_string_lossy();
        let temp = self.dir.join(format!(
            ".{name}.{}.{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, entry).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_load_uses_the_entry_and_a_damaged_one_is_rewritten() {
        let dir = std::env::temp_dir().join(format!("vmjs-code-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = CodeCacheDir::open(&dir.join("cache")).expect("created");
        let file = dir.join("m.mjs");
        let text = "export const x = await 1; function f() { return x; }";
        std::fs::write(&file, text).expect("written");
        let (first, tla) = cache.load_or_parse(&file, text).expect("parses");
        assert!(tla);
        let stats = |loaded, written, rejected| CodeCacheStats {
            loaded,
            written,
            rejected,
        };
        assert_eq!(cache.stats(), stats(0, 1, 0));
        let (second, tla) = cache.load_or_parse(&file, text).expect("loads");
        assert!(tla);
        assert_eq!(format!("{first:?}"), format!("{second:?}"));
        assert_eq!(cache.stats(), stats(1, 1, 0));
        // Damaged: rejected, parsed again and rewritten.
        let entry = cache.entry_path(&file, text);
        let mut bytes = std::fs::read(&entry).expect("an entry");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&entry, bytes).expect("written");
        cache.load_or_parse(&file, text).expect("parses");
        assert_eq!(cache.stats(), stats(1, 2, 1));
        cache.load_or_parse(&file, text).expect("loads");
        assert_eq!(cache.stats(), stats(2, 2, 1));
        // A SyntaxError is not cached.
        assert!(cache.load_or_parse(&file, "export const = 1;").is_err());
        assert_eq!(cache.stats(), stats(2, 2, 1));
        cache.clear().expect("cleared");
        assert!(!entry.exists());
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }
}

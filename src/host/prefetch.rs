//! Reading and parsing module files ahead of the loader, on other threads.
//!
//! Loading a graph one module at a time keeps one core busy, and much of
//! that time waits for the disk. The file host's HostLoadImportedModule
//! therefore only starts a load (the spec lets hosts finish loads later):
//! the path goes to worker threads, which read the file and parse it
//! (ParseModule's syntax part: the AST with its early errors and scope
//! analysis). LoadRequestedModules finishes the loads in the order they
//! started — breadth-first, so the workers are well ahead of it — and
//! makes each record on its own thread from the worker's AST.
//!
//! The order is fixed by the graph, not by which worker is faster, so
//! module ids and the error a broken graph reports are the same on every
//! run; a worker's parse result is exactly what the loader's own parse of
//! the same text would give.

use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use super::code_cache_dir::CodeCacheDir;
use crate::module::code_cache::has_top_level_await;
use crate::module::entries::{module_entries, ModuleEntries};
use crate::syntax::ast::Module;
use crate::syntax::{parse_module, SyntaxError};

/// Worker threads: enough to keep every core parsing while some wait for
/// the disk.
/// (Asked once: finding the core count reads the cgroup files.)
fn worker_count() -> usize {
    static COUNT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *COUNT.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        (cores * 2).min(16)
    })
}

/// Parsing may recurse as deep as the syntax layer allows
/// (`ast::depth::MAX_NESTING`); 64 MiB holds the deepest input (as in the
/// test262 runners). Only reserved: untouched pages cost nothing.
const WORKER_STACK_BYTES: usize = 64 << 20;

/// What the file system says about a module's path.
#[derive(Debug)]
pub enum FileRead {
    /// Nothing there (or not readable as UTF-8 text).
    Missing,
    Found {
        /// The canonical path when the file itself is a symbolic link
        /// (otherwise its directory's canonical path joined with its name).
        link_target: Option<PathBuf>,
        text: String,
    },
}

/// Reads `path` on this thread.
pub fn read_file(path: &Path) -> FileRead {
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return FileRead::Missing;
    };
    let link_target = if metadata.file_type().is_symlink() {
        match std::fs::canonicalize(path) {
            Ok(target) => Some(target),
            Err(_) => return FileRead::Missing,
        }
    } else {
        None
    };
    match std::fs::read_to_string(path) {
        Ok(text) => FileRead::Found { link_target, text },
        Err(_) => FileRead::Missing,
    }
}

/// A parsed module moving from the worker that parsed it to the loader.
///
/// An AST holds `Rc`s (names, strings, functions) and `Cell`s, so it is not
/// `Send`. It may still move between threads as a whole: every `Rc` in it
/// was created by the one `parse_module` call that made it and is referred
/// to only from inside the tree (the lexer's interner and the parser's
/// state are dropped when the parse returns, and the parser's thread-local
/// error bookkeeping keeps no tokens after it), so no other thread can
/// touch those reference counts.
///
/// The same holds for the entry lists computed from the AST: their strings
/// share the AST's or were allocated for them, except an empty one, which
/// is the worker thread's shared empty string (`JsStr::from("")`); lists
/// with an empty string are therefore not kept, and the loader computes
/// them again on its thread.
pub struct ParsedModule {
    module: Module,
    /// [[HasTLA]] (ParseModule step 11), computed here too.
    has_tla: bool,
    /// ParseModule steps 3–10, computed here too (see above).
    entries: Option<ModuleEntries>,
}

// SAFETY: see above: the value is the sole owner of every `Rc` and `Cell`
// reachable from it, so moving it moves all of them at once.
unsafe impl Send for ParsedModule {}

impl ParsedModule {
    /// The module file at `path` with text `text`, parsed, or loaded from
    /// its entry in `cache`.
    fn parse(
        path: &Path,
        text: &str,
        cache: Option<&CodeCacheDir>,
    ) -> Result<ParsedModule, SyntaxError> {
        let (module, has_tla) = match cache {
            Some(cache) => cache.load_or_parse(path, text)?,
            None => {
                let module = parse_module(text)?;
                let has_tla = has_top_level_await(&module);
                (module, has_tla)
            }
        };
        let entries = Some(module_entries(&module)).filter(|e| !e.has_empty_string());
        Ok(ParsedModule {
            module,
            has_tla,
            entries,
        })
    }

    /// The body, its [[HasTLA]] and, when computed, its entry lists.
    pub fn into_parts(self) -> (Module, bool, Option<ModuleEntries>) {
        (self.module, self.has_tla, self.entries)
    }

    pub fn module(&self) -> &Module {
        &self.module
    }
}

/// A file read, and its parse when a worker did it.
pub struct Prefetched {
    pub read: FileRead,
    pub parsed: Option<Result<ParsedModule, SyntaxError>>,
    /// How long the worker spent parsing.
    pub parse_time: Duration,
}

enum Entry {
    Queued,
    Working,
    Done(Box<Prefetched>),
}

#[derive(Default)]
struct State {
    /// Paths not started yet, in the order they were requested (the order
    /// the loader finishes its loads in).
    queue: VecDeque<PathBuf>,
    entries: HashMap<PathBuf, Entry>,
    workers: usize,
    /// Workers waiting for a path, and loaders waiting for a worker: a
    /// condition variable is signalled only when someone waits on it
    /// (each signal is a system call).
    idle_workers: usize,
    waiting_takers: usize,
    closed: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    /// Signalled when a path is queued or the prefetcher closes.
    queued: Condvar,
    /// Signalled when a worker finishes a path.
    finished: Condvar,
    /// `--cache DIR`: where parses are looked up and stored.
    cache: OnceLock<Arc<CodeCacheDir>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // No code panics while holding the lock; should one, every change
        // to the state is a single insert or remove, so it is consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Worker threads and what they have read and parsed, by path.
#[derive(Default)]
pub struct Prefetcher {
    shared: Arc<Shared>,
}

impl Prefetcher {
    /// Makes the workers load modules from `cache` (and store their
    /// parses there); set before the first request.
    pub fn set_code_cache(&self, cache: Arc<CodeCacheDir>) {
        let _ = self.shared.cache.set(cache);
    }

    /// Asks for the module file at `path` to be read and parsed in the
    /// background (once per path).
    pub fn request(&self, path: PathBuf) {
        let mut state = self.shared.lock();
        if state.closed || state.entries.contains_key(&path) {
            return;
        }
        state.entries.insert(path.clone(), Entry::Queued);
        state.queue.push_back(path);
        if state.workers < worker_count().min(state.queue.len()) {
            let shared = self.shared.clone();
            let spawned = std::thread::Builder::new()
                .name("vmjs-loader".into())
                .stack_size(WORKER_STACK_BYTES)
                .spawn(move || work(&shared));
            if spawned.is_ok() {
                state.workers += 1;
            }
        }
        let wake = state.idle_workers > 0;
        drop(state);
        if wake {
            self.shared.queued.notify_one();
        }
    }

    /// The file at `path`, with its parse if a worker did it: waits for a
    /// worker that has started on it, and reads it here (unparsed) if none
    /// has.
    pub fn take(&self, path: &Path) -> Prefetched {
        let mut state = self.shared.lock();
        loop {
            match state.entries.remove(path) {
                Some(Entry::Done(done)) => return *done,
                Some(Entry::Working) => {
                    state.entries.insert(path.to_path_buf(), Entry::Working);
                    state.waiting_takers += 1;
                    state = self
                        .shared
                        .finished
                        .wait(state)
                        .unwrap_or_else(|e| e.into_inner());
                    state.waiting_takers -= 1;
                }
                // Not started (a worker skips its queue slot later), or never
                // requested.
                Some(Entry::Queued) | None => {
                    drop(state);
                    return Prefetched {
                        read: read_file(path),
                        parsed: None,
                        parse_time: Duration::ZERO,
                    };
                }
            }
        }
    }
}

impl Drop for Prefetcher {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        state.closed = true;
        // Results nobody took (a load that failed part-way) go with the
        // workers' last reference, on whichever thread drops it last.
        state.queue.clear();
        drop(state);
        self.shared.queued.notify_all();
    }
}

/// A worker: reads and parses queued paths until the prefetcher is dropped.
fn work(shared: &Shared) {
    let mut state = shared.lock();
    loop {
        if state.closed {
            return;
        }
        let Some(path) = state.queue.pop_front() else {
            state.idle_workers += 1;
            state = shared.queued.wait(state).unwrap_or_else(|e| e.into_inner());
            state.idle_workers -= 1;
            continue;
        };
        // The loader may have taken (and read) it meanwhile.
        match state.entries.get_mut(&path) {
            Some(entry @ Entry::Queued) => *entry = Entry::Working,
            _ => continue,
        }
        drop(state);
        let read = read_file(&path);
        let started = Instant::now();
        let parsed = match &read {
            // The loader's canonical path, when it is not `path` itself
            // (the resolver's paths are absolute and real but for links).
            FileRead::Found { text, link_target } if !is_json(&path) => Some(ParsedModule::parse(
                link_target.as_deref().unwrap_or(&path),
                text,
                shared.cache.get().map(|c| &**c),
            )),
            _ => None,
        };
        let done = Prefetched {
            read,
            parsed,
            parse_time: started.elapsed(),
        };
        state = shared.lock();
        state.entries.insert(path, Entry::Done(Box::new(done)));
        if state.waiting_takers > 0 {
            shared.finished.notify_all();
        }
    }
}

/// JSON modules are not JavaScript: the loader makes those itself.
fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vmjs-prefetch-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn workers_read_and_parse_what_was_requested() {
        let dir = temp_dir("parse");
        let mut paths = Vec::new();
        // Miri runs the workers too (the `Send` of `ParsedModule` is what it
        // checks: no reference count is shared between threads), on fewer files.
        let count = if cfg!(miri) { 3 } else { 40 };
        for i in 0..count {
            let p = dir.join(format!("m{i}.mjs"));
            std::fs::write(&p, format!("export const v = {i};")).expect("write");
            paths.push(p);
        }
        let bad = dir.join("bad.mjs");
        std::fs::write(&bad, "export const = 1;").expect("write");
        let prefetcher = Prefetcher::default();
        for p in paths.iter().chain([&bad, &dir.join("missing.mjs")]) {
            prefetcher.request(p.clone());
        }
        for (i, p) in paths.iter().enumerate() {
            let got = prefetcher.take(p);
            match got.read {
                FileRead::Found { link_target, text } => {
                    assert_eq!(link_target, None);
                    assert_eq!(text, format!("export const v = {i};"));
                }
                FileRead::Missing => panic!("{} was written", p.display()),
            }
            // Parsed by a worker, or read here when no worker had started.
            if let Some(parsed) = got.parsed {
                let (module, _, entries) = parsed.expect("parses").into_parts();
                assert!(entries.is_some_and(|e| e.requested_modules.is_empty()));
                assert_eq!(module.body.len(), 1);
            }
        }
        if let Some(parsed) = prefetcher.take(&bad).parsed {
            let err = parsed.err().expect("a SyntaxError");
            assert_eq!(Some(err), parse_module("export const = 1;").err());
        }
        assert!(matches!(
            prefetcher.take(&dir.join("missing.mjs")).read,
            FileRead::Missing
        ));
        // Never requested (or taken before): read on the spot, not parsed.
        let again = prefetcher.take(&paths[count - 1]);
        assert!(matches!(again.read, FileRead::Found { .. }));
        assert!(again.parsed.is_none());
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_reports_its_target() {
        let dir = temp_dir("link");
        let target = dir.join("target.mjs");
        std::fs::write(&target, "export default 1;").expect("write");
        let link = dir.join("link.mjs");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let prefetcher = Prefetcher::default();
        prefetcher.request(link.clone());
        match prefetcher.take(&link).read {
            FileRead::Found { link_target, .. } => assert_eq!(
                link_target,
                Some(std::fs::canonicalize(&target).expect("canonical"))
            ),
            FileRead::Missing => panic!("the link points to a file"),
        }
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }
}

//! Stage 3 proposals the parser accepts unless told otherwise: Deferring
//! Module Evaluation (`import defer * as ns`, `import.defer()`) and Source
//! Phase Imports (`import source x`, `import.source()`). `vmjs run
//! --no-import-phases` turns both off, so that programs parse as Node 20
//! (which has neither) parses them.
//!
//! The setting is the process's: the file host parses on worker threads.

use std::sync::atomic::{AtomicBool, Ordering};

static IMPORT_PHASES: AtomicBool = AtomicBool::new(true);

/// Whether `import defer`/`import source` and `import.defer()`/
/// `import.source()` parse (true unless turned off).
pub fn import_phases_enabled() -> bool {
    IMPORT_PHASES.load(Ordering::Relaxed)
}

/// Turns the two import-phase proposals on or off for later parses.
pub fn set_import_phases(enabled: bool) {
    IMPORT_PHASES.store(enabled, Ordering::Relaxed);
}

//! Finding the `../shared` data directory next to the crate.
//!
//! The scoreboard data (test262 subset, conformance cases) is not part of the
//! repository: it sits beside the checkout. A fresh clone without it still
//! passes `cargo test` (the runners print that they skipped), except on CI,
//! where the data must be present and a missing directory is a failure.

use std::path::PathBuf;

/// The `shared` directory beside the crate root.
pub fn shared_dir_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Returns `../shared/<subdir>` (canonicalized) when it exists. Otherwise prints
/// `<runner>: skipped: ../shared not found` and returns `None`, or panics when
/// the environment variable `CI` is `true`.
pub fn locate_shared(runner: &str, subdir: &str) -> Option<PathBuf> {
    let dir = shared_dir_path().join(subdir);
    if dir.is_dir() {
        // Canonical, so paths built from it compare equal to lexically
        // resolved import specifiers.
        return Some(std::fs::canonicalize(&dir).unwrap_or(dir));
    }
    let on_ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true"));
    if on_ci {
        panic!(
            "{runner}: ../shared not found ({} is missing) and CI=true requires it",
            dir.display()
        );
    }
    println!(
        "{runner}: skipped: ../shared not found (looked for {})",
        dir.display()
    );
    None
}

//! Helpers shared by the scoreboard runners in `tests/scoreboard/` (test262,
//! the Node-recorded conformance cases of `../shared`, and `tests/js`). Each
//! runner includes this module with `#[path = "../common/mod.rs"] mod common;`.
//!
//! Each runner binary uses only part of this module, hence the blanket
//! `dead_code` allowance.
#![allow(dead_code)]

pub mod fixture_references;
pub mod frontmatter;
pub mod guarded_parse;
pub mod known_failures;
pub mod run_case;
pub mod score;
pub mod shared_data;
pub mod test262;
pub mod walk;

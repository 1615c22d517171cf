//! Helpers shared by the integration-test runners that score the syntax layer
//! against `../shared` (test262 and the Node-recorded conformance cases).
//!
//! Each runner binary uses only part of this module, hence the blanket
//! `dead_code` allowance.
#![allow(dead_code)]

pub mod fixture_references;
pub mod frontmatter;
pub mod guarded_parse;
pub mod known_failures;
pub mod run_case;
pub mod shared_data;
pub mod walk;

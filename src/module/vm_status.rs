//! The status a `vm.Module` reports (`module.status` in Node): one mapping
//! from the spec's [[Status]] and [[EvaluationError]], used by `node:vm`
//! and the Rust API alike.

use super::record::{ModuleRecord, Status as SpecStatus};

/// `module.status` as Node reports it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VmStatus {
    Unlinked,
    Linking,
    Linked,
    Evaluating,
    /// Evaluated, or still running after a top-level `await`.
    Evaluated,
    Errored,
}

impl VmStatus {
    /// The status of `record`: `new` reads as `unlinked`, and a module that
    /// evaluated (or is evaluating asynchronously) with an error as `errored`.
    pub fn of(record: &ModuleRecord) -> VmStatus {
        match record.status {
            SpecStatus::New | SpecStatus::Unlinked => VmStatus::Unlinked,
            SpecStatus::Linking => VmStatus::Linking,
            SpecStatus::Linked => VmStatus::Linked,
            SpecStatus::Evaluating => VmStatus::Evaluating,
            SpecStatus::EvaluatingAsync | SpecStatus::Evaluated => match record.evaluation_error {
                Some(_) => VmStatus::Errored,
                None => VmStatus::Evaluated,
            },
        }
    }

    /// Node's string for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            VmStatus::Unlinked => "unlinked",
            VmStatus::Linking => "linking",
            VmStatus::Linked => "linked",
            VmStatus::Evaluating => "evaluating",
            VmStatus::Evaluated => "evaluated",
            VmStatus::Errored => "errored",
        }
    }

    /// Node's native number for the status (ModuleWrap's kUninstantiated …
    /// kErrored), which `node:vm`'s JavaScript half maps to the string.
    pub fn native_number(self) -> f64 {
        match self {
            VmStatus::Unlinked => 0.0,
            VmStatus::Linking => 1.0,
            VmStatus::Linked => 2.0,
            VmStatus::Evaluating => 3.0,
            VmStatus::Evaluated => 4.0,
            VmStatus::Errored => 5.0,
        }
    }
}

//! The embedding API's one error type.

use super::value::JsValue;

/// Everything that can go wrong in the embedding API. JavaScript never
/// panics the host: syntax errors, exceptions, limits and misuse of the
/// module API all arrive here.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The source text is not a valid module.
    #[error("SyntaxError: {message} ({identifier}:{line}:{column})")]
    Syntax {
        identifier: String,
        message: String,
        /// 1-based.
        line: usize,
        /// 1-based.
        column: usize,
    },
    /// A JavaScript exception (or rejection) that was not caught.
    #[error("{description}")]
    Exception {
        /// What Node would print: the error's `stack`, or the value.
        description: String,
        /// The thrown value itself.
        value: JsValue,
    },
    /// A misuse of the module API, with Node's `vm` error code and message
    /// (`ERR_VM_MODULE_STATUS`, `ERR_VM_MODULE_ALREADY_LINKED`, …).
    #[error("Error [{code}]: {message}")]
    Vm {
        code: &'static str,
        message: String,
        /// `ERR_VM_MODULE_LINK_FAILURE`: the errored module's error.
        cause: Option<Box<Error>>,
    },
    /// A loader could not resolve or load a request, with Node's code
    /// (`ERR_MODULE_NOT_FOUND`, `ERR_PACKAGE_PATH_NOT_EXPORTED`, …).
    #[error("Error [{code}]: {message}")]
    Resolve { code: &'static str, message: String },
    /// A limit of [`Limits`](super::Limits) ended the evaluation.
    #[error("{0}")]
    Limit(LimitExceeded),
}

/// Which limit was reached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitExceeded {
    #[error("Script execution timed out after {0}ms")]
    Timeout(u128),
    #[error("Step budget of {0} loop iterations and calls exhausted")]
    StepBudget(u64),
    #[error("Heap limit of {0} bytes exceeded")]
    Heap(usize),
    /// A host function ended the program (as `process.exit(code)` does),
    /// through [`Agent::terminate_with_exit`](crate::interp::agent::Agent::terminate_with_exit).
    #[error("The program exited with status {0}")]
    Exit(i32),
}

impl Error {
    /// Node's error code: the `vm` codes, `ERR_SCRIPT_EXECUTION_TIMEOUT`
    /// for a timeout, `ERR_VMJS_STEP_BUDGET` / `ERR_VMJS_HEAP_LIMIT` for the
    /// limits Node does not have; None for syntax errors and exceptions.
    pub fn code(&self) -> Option<&'static str> {
        match self {
            Error::Vm { code, .. } | Error::Resolve { code, .. } => Some(code),
            Error::Limit(LimitExceeded::Timeout(_)) => Some("ERR_SCRIPT_EXECUTION_TIMEOUT"),
            Error::Limit(LimitExceeded::StepBudget(_)) => Some("ERR_VMJS_STEP_BUDGET"),
            Error::Limit(LimitExceeded::Heap(_)) => Some("ERR_VMJS_HEAP_LIMIT"),
            Error::Limit(LimitExceeded::Exit(_)) => Some("ERR_VMJS_EXIT"),
            Error::Syntax { .. } | Error::Exception { .. } => None,
        }
    }

    /// A linker's answer for a specifier it cannot resolve.
    pub fn vm_link_failure(specifier: &str) -> Error {
        Error::vm(
            "ERR_VM_MODULE_LINK_FAILURE",
            format!("request for '{specifier}' cannot be resolved"),
        )
    }

    pub(crate) fn vm(code: &'static str, message: impl Into<String>) -> Error {
        Error::Vm {
            code,
            message: message.into(),
            cause: None,
        }
    }

    pub(crate) fn status(message: &str) -> Error {
        Error::vm("ERR_VM_MODULE_STATUS", format!("Module status {message}"))
    }
}

/// The embedding API's result type.
pub type Result<T> = std::result::Result<T, Error>;

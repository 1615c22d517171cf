//! Placeholder: early errors are being written.
use super::ast::{Module, Script};
use super::error::SyntaxError;

pub fn check_module(_module: &Module) -> Result<(), SyntaxError> {
    Ok(())
}

pub fn check_script(_script: &Script) -> Result<(), SyntaxError> {
    Ok(())
}

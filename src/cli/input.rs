//! Reading source files and writing results, with the errors the command
//! line reports (exit status 2).

use std::io::{self, Write};
use std::path::Path;

/// An I/O failure of the command line itself (not of the JavaScript it runs).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("cannot write output: {reason}")]
    Write { reason: String },
    #[error("{reason}")]
    Usage { reason: String },
    #[error("invalid import map {path}: {reason}")]
    ImportMap { path: String, reason: String },
}

/// An I/O error's description without the trailing ` (os error N)`.
fn io_reason(err: &io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads a source file. Bytes that are not UTF-8 become U+FFFD, as when
/// Node decodes a source file.
pub fn read_source(path: &Path) -> Result<String, CliError> {
    let bytes = std::fs::read(path).map_err(|err| CliError::Read {
        path: path.display().to_string(),
        reason: io_reason(&err),
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    })
}

/// Writes `text` to stdout. A closed pipe (`vmjs parse f | head`) is not an
/// error: the reader has what it wanted.
pub fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(CliError::Write {
            reason: io_reason(&err),
        }),
        _ => Ok(()),
    }
}

//! Printing a SyntaxError: the plain format of `SyntaxError::render`, or a
//! coloured codespan-reporting diagnostic when stderr is a terminal.

use std::io::{IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};

use super::app::ColorWhen;
use crate::syntax::SyntaxError;

/// Prints `err` (found in `source`, read from `file`) to stderr.
pub fn report_syntax_error(file: &str, source: &str, err: &SyntaxError, color: ColorWhen) {
    let rich = match color {
        ColorWhen::Always => Some(ColorChoice::Always),
        ColorWhen::Auto if std::io::stderr().is_terminal() => Some(ColorChoice::Auto),
        _ => None,
    };
    if let Some(choice) = rich {
        if emit_rich(file, source, err, choice).is_ok() {
            return;
        }
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", err.render(file, source));
}

fn emit_rich(
    file: &str,
    source: &str,
    err: &SyntaxError,
    choice: ColorChoice,
) -> Result<(), codespan_reporting::files::Error> {
    let mut range = err.span.range();
    // codespan slices the source by this range: keep it inside the text and
    // on character boundaries.
    range.end = range.end.min(source.len());
    range.start = range.start.min(range.end);
    if source.get(range.clone()).is_none() {
        return Err(codespan_reporting::files::Error::InvalidCharBoundary { given: range.start });
    }
    let files = SimpleFile::new(file, source);
    let diagnostic = Diagnostic::error()
        .with_code("SyntaxError")
        .with_message(&err.message)
        .with_labels(vec![Label::primary((), range)]);
    let writer = StandardStream::stderr(choice);
    let mut lock = writer.lock();
    term::emit_to_write_style(&mut lock, &Config::default(), &files, &diagnostic)
}

//! The SyntaxError every phase of the syntax layer reports.

use super::span::{LineIndex, Span};

/// An early or parse-time SyntaxError: V8's message wording and the span of
/// the offending source text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("SyntaxError: {message}")]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span,
        }
    }

    /// Renders the error the way `vmjs` prints it (plain text, no colour): the
    /// message line, then `FILE:LINE:COL`, the source line and carets under
    /// the offending text.
    pub fn render(&self, file: &str, source: &str) -> String {
        let excerpt = self.excerpt(source);
        format!(
            "SyntaxError: {}\n{}:{}:{}\n{}\n{}",
            self.message, file, excerpt.line, excerpt.column, excerpt.text, excerpt.carets
        )
    }

    /// Where the error is in `source`: its line and column, the line's text
    /// and the carets (indented to the column) under the offending text.
    pub fn excerpt<'a>(&self, source: &'a str) -> Excerpt<'a> {
        let index = LineIndex::new(source);
        let pos = index.line_col(self.span.start as usize);
        let text = index.line_text(pos.line);
        let pad: String = text
            .chars()
            .scan(0u32, |col, c| {
                *col += c.len_utf16() as u32;
                Some((*col, c))
            })
            .take_while(|(col, _)| *col < pos.column)
            .map(|(_, c)| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let width = source
            .get(self.span.range())
            .map(|s| s.lines().next().unwrap_or("").chars().count())
            .unwrap_or(1)
            .max(1);
        Excerpt {
            line: pos.line,
            column: pos.column,
            text,
            carets: format!("{pad}{}", "^".repeat(width)),
        }
    }
}

/// A SyntaxError's place in its source, for printing.
pub struct Excerpt<'a> {
    pub line: u32,
    pub column: u32,
    /// The text of the error's line.
    pub text: &'a str,
    /// Carets under the offending text, indented to its column.
    pub carets: String,
}

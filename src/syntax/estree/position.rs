//! Byte offset to line/column translation for printers that ask for every
//! node's position.
//!
//! `LineIndex::line_col` scans its line from the start for each query, which
//! is quadratic on minified sources (one long line, many nodes). This index
//! uses the same line terminators but remembers which lines are pure ASCII,
//! where a column is just a subtraction.

use crate::syntax::span::LineCol;

pub struct SourcePositions<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    /// `ascii_lines[i]`: line `i` holds only ASCII bytes.
    ascii_lines: Vec<bool>,
}

impl<'a> SourcePositions<'a> {
    /// Line terminators are LF, CR, CRLF, U+2028 and U+2029 (ECMA-262 §12.3),
    /// as in `LineIndex`.
    pub fn new(source: &'a str) -> SourcePositions<'a> {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut ascii_lines = Vec::new();
        let mut ascii = true;
        let mut i = 0;
        while i < bytes.len() {
            let next_line = match bytes[i] {
                b'\n' => Some(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
                b'\r' => Some(i + 1),
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8) | Some(0xA9)) =>
                {
                    // Multi-byte: offsets inside it take the slow path.
                    ascii = false;
                    Some(i + 3)
                }
                b => {
                    ascii &= b.is_ascii();
                    None
                }
            };
            match next_line {
                Some(start) => {
                    ascii_lines.push(ascii);
                    line_starts.push(start);
                    ascii = true;
                    i = start;
                }
                None => i += 1,
            }
        }
        ascii_lines.push(ascii);
        SourcePositions {
            source,
            line_starts,
            ascii_lines,
        }
    }

    /// The 1-based line and 1-based UTF-16 column of a byte offset (clamped
    /// to the source), equal to `LineIndex::line_col`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.source.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = if self.ascii_lines[line] {
            offset - start
        } else {
            let mut end = offset;
            while !self.source.is_char_boundary(end) {
                end -= 1;
            }
            self.source[start..end].chars().map(char::len_utf16).sum()
        };
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::span::LineIndex;

    #[test]
    fn agrees_with_line_index() {
        let src = "ab\ncd\r\nef\rg\u{2028}h😀i\u{2029}\n\r\nx = 'é';\n";
        let positions = SourcePositions::new(src);
        let index = LineIndex::new(src);
        for offset in 0..=src.len() + 2 {
            assert_eq!(
                positions.line_col(offset),
                index.line_col(offset),
                "{offset}"
            );
        }
    }
}

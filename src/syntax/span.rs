//! Byte spans and their translation to line/column positions.

/// A half-open byte range `[start, end)` into the source text.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A 1-based line and column. Columns count UTF-16 code units, as V8's do.
#[derive(Copy, Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Finds line starts once, then answers position queries by binary search.
/// Line terminators are LF, CR, CRLF, U+2028 and U+2029 (ECMA-262 §12.3).
///
/// Lines that are pure ASCII are remembered, so a column there is a
/// subtraction; other lines are scanned from their start (columns count
/// UTF-16 units). Without that, printing every node of a minified one-line
/// file would be quadratic.
pub struct LineIndex<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    /// `ascii_lines[i]`: line `i` holds only ASCII bytes.
    ascii_lines: Vec<bool>,
}

impl<'a> LineIndex<'a> {
    pub fn new(source: &'a str) -> LineIndex<'a> {
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
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9 in UTF-8.
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8) | Some(0xA9)) =>
                {
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
        LineIndex {
            source,
            line_starts,
            ascii_lines,
        }
    }

    /// The line and column of a byte offset (clamped to the source).
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

    /// The text of a 1-based line, without its terminator.
    pub fn line_text(&self, line: u32) -> &'a str {
        let i = (line as usize)
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        let start = self.line_starts[i];
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.source.len());
        self.source[start..end].trim_end_matches(['\n', '\r', '\u{2028}', '\u{2029}'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncd\r\nef\rg\u{2028}h";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(4), LineCol { line: 2, column: 2 });
        assert_eq!(idx.line_col(7), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(10), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_text(2), "cd");
        assert_eq!(idx.line_text(5), "h");
    }

    #[test]
    fn ascii_and_non_ascii_lines_agree_with_a_full_scan() {
        let src = "ab\ncd\r\nef\rg\u{2028}h😀i\u{2029}\n\r\nx = 'é';\n";
        let idx = LineIndex::new(src);
        for offset in 0..=src.len() {
            let pos = idx.line_col(offset);
            let line_start = idx.line_starts[pos.line as usize - 1];
            let mut end = offset;
            while !src.is_char_boundary(end) {
                end -= 1;
            }
            let column: usize = src[line_start..end].chars().map(char::len_utf16).sum();
            assert_eq!(pos.column as usize, column + 1, "offset {offset}");
        }
    }

    #[test]
    fn columns_count_utf16_units() {
        let src = "'😀'x";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(6).column, 5);
    }
}

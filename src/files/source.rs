//! The text of one input file, with line and column lookup.

use std::path::PathBuf;

use unicode_normalization::char::is_combining_mark;

/// The text of an input file and where its lines start.
#[derive(Debug)]
pub struct SourceFile {
    /// The file as it was named.
    pub path: PathBuf,
    /// Its text (valid UTF-8).
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps a file's text.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column of a byte offset. The column counts characters as a reader
    /// sees them: a letter and the combining accents after it (NFD text) count as one, so the
    /// same line in NFC or NFD gives the same column.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end]
            .chars()
            .filter(|&c| !is_combining_mark(c))
            .count()
            + 1;
        (line, col)
    }

    /// The byte offset of a 1-based line and a column counted in Unicode scalar values (as
    /// ron reports them). Out-of-range positions are clamped to the text.
    pub fn offset_of_char_col(&self, line: usize, col: usize) -> usize {
        if line == 0 || line > self.line_starts.len() {
            return self.text.len();
        }
        let start = self.line_starts[line - 1];
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        match line_text.char_indices().nth(col.saturating_sub(1)) {
            Some((i, _)) => start + i,
            None => start + line_text.len(),
        }
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.display().to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_what_a_reader_sees_in_nfc_and_nfd() {
        let nfc = "Xã Hồng Phú: bad";
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
        let a = SourceFile::new("a", nfc.to_string());
        let b = SourceFile::new("b", nfd.clone());
        assert_eq!(a.line_col(nfc.find("bad").unwrap()), (1, 14));
        assert_eq!(b.line_col(nfd.find("bad").unwrap()), (1, 14));
    }

    #[test]
    fn lines_are_one_based() {
        let s = SourceFile::new("a", "ab\ncd\n".to_string());
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        assert_eq!(s.line_col(4), (2, 2));
        assert_eq!(s.offset_of_char_col(2, 2), 4);
    }
}

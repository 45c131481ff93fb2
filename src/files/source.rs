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
    /// Reads only the lines around the span. miette's own `str` implementation scans the text
    /// from its first byte to find the span's line, which made rendering N diagnostics of one
    /// file O(N × file size) (12,000 warnings on the national model never finished). Here the
    /// line index finds the window, and miette's scan runs over the window alone, so the
    /// drawing is byte-identical and each diagnostic costs only its few lines.
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let len = self.text.len();
        let start = span.offset().min(len);
        let end = (span.offset().saturating_add(span.len())).min(len);
        let line_of = |o: usize| self.line_starts.partition_point(|&s| s <= o) - 1;
        // One line of margin before too: miette's scan treats a span at the very start of its
        // text specially (`offset - 1` saturates), so the window never starts at the span.
        let first = line_of(start).saturating_sub(context_lines_before.saturating_add(1));
        // Two lines of margin after what miette reads, so its scan stops where it would on
        // the whole text.
        let last = line_of(end)
            .saturating_add(context_lines_after)
            .saturating_add(2);
        let from = self.line_starts[first];
        let to = self.line_starts.get(last + 1).copied().unwrap_or(len);
        let window = &self.text[from..to];
        let local = miette::SourceSpan::from((span.offset() - from.min(span.offset()), span.len()));
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.display().to_string(),
            inner.data(),
            (inner.span().offset() + from, inner.span().len()).into(),
            inner.line() + first,
            inner.column(),
            inner.line_count() + first,
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
    fn windowed_spans_draw_as_miette_draws_the_whole_text() {
        use miette::SourceCode;
        let text: String = (0..40)
            .map(|i| format!("line {i}: Staff(id: \"A-{i:02}\")\r\n"))
            .collect::<String>()
            + "last line without newline";
        let s = SourceFile::new("a", text.clone());
        for offset in (0..text.len()).step_by(7) {
            for len in [0, 1, 5, 40] {
                for (b, a) in [(0, 0), (1, 1), (2, 3)] {
                    let span = miette::SourceSpan::from((offset, len.min(text.len() - offset)));
                    let ours = s.read_span(&span, b, a).unwrap();
                    let theirs = text.as_str().read_span(&span, b, a).unwrap();
                    assert_eq!(ours.data(), theirs.data(), "{offset} {len} {b} {a}");
                    assert_eq!(ours.span(), theirs.span());
                    assert_eq!(ours.line(), theirs.line());
                    assert_eq!(ours.column(), theirs.column());
                }
            }
        }
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

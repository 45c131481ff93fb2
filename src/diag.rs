//! Problems found in input files: one [`Diagnostic`] each, collected into [`Diagnostics`] so
//! that a run reports everything wrong, not only the first thing.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::files::source::SourceFile;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// Worth a look, but the file can be used (e.g. more holders than a post's quota).
    Warning,
}

/// One problem in one file, with where it is and what to do about it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as it was named (relative paths stay relative).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem is the whole file (e.g. it cannot be read).
    pub line: usize,
    /// 1-based column, counted in characters (not bytes); 0 with line 0.
    pub column: usize,
    /// What is wrong, in a planner's words.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The entity concerned, e.g. `Staff "DP-07"`.
    pub entity: Option<String>,
    /// The field concerned, e.g. `position`.
    pub field: Option<String>,
    /// The text of the file and the byte range to underline, for rendering.
    pub source: Option<Arc<SourceFile>>,
    /// Byte offset and length of the span within `source`.
    pub span: Option<(usize, usize)>,
}

impl Diagnostic {
    /// A problem with the file as a whole (no position).
    pub fn file_error(file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            entity: None,
            field: None,
            source: None,
            span: None,
        }
    }

    /// A problem at a byte offset of a source file.
    pub fn at(
        severity: Severity,
        source: &Arc<SourceFile>,
        offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = source.line_col(offset);
        Diagnostic {
            severity,
            file: source.path.clone(),
            line,
            column,
            message: message.into(),
            help: None,
            entity: None,
            field: None,
            source: Some(source.clone()),
            span: Some((offset, len)),
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names the entity and field concerned.
    pub fn with_entity(mut self, entity: impl Into<String>, field: Option<&str>) -> Self {
        self.entity = Some(entity.into());
        self.field = field.map(str::to_string);
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The severity in the reader's language: `lỗi` / `cảnh báo` (`error` / `warning`).
    pub fn severity_text(&self) -> String {
        match self.severity {
            Severity::Error => crate::t!("check-severity-error"),
            Severity::Warning => crate::t!("check-severity-warning"),
        }
    }

    /// `file:line:column: error: Entity, field `f`: message`, in the reader's language.
    pub fn headline(&self) -> String {
        let mut s = format!("{}: {}: ", self.location(), self.severity_text());
        if let Some(e) = &self.entity {
            s.push_str(e);
            if let Some(f) = &self.field {
                s.push_str(&crate::t!("check-field-of-entity", field = f.as_str()));
            }
            s.push_str(": ");
        }
        s.push_str(&self.message);
        s
    }

    /// What makes two reports the same problem: the place, the field and the message. The file
    /// is compared with `dir/..` resolved, so that a model named directly and through a
    /// scenario (`scenarios/../models/m.ron`) is one file.
    pub fn identity(&self) -> (PathBuf, usize, usize, String, Option<String>) {
        (
            lexical(&self.file),
            self.line,
            self.column,
            self.message.clone(),
            self.field.clone(),
        )
    }

    /// `file:line:column` (or only the file when there is no position).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.display().to_string()
        } else {
            format!("{}:{}:{}", self.file.display(), self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        if let Some(help) = &self.help {
            write!(
                f,
                " ({})",
                crate::t!("check-help-inline", help = help.as_str())
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source
            .as_ref()
            .map(|s| s.as_ref() as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (offset, len) = self.span?;
        let label = match &self.field {
            Some(field) => format!("`{field}`"),
            None => crate::t!("check-label-here"),
        };
        Some(Box::new(std::iter::once(miette::LabeledSpan::new(
            Some(label),
            offset,
            len,
        ))))
    }
}

/// A path with `.` dropped and `dir/..` resolved, without asking the file system.
fn lexical(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Every problem found in one run, errors and warnings together, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// No problems yet.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Records every problem of another collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Drops repeated problems (the same model read by several scenarios), keeping the first.
    pub fn dedup(&mut self) {
        let mut seen = std::collections::HashSet::new();
        self.0.retain(|d| seen.insert(d.identity()));
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

//! Reading the three file kinds of SPEC §1: the text, the RON syntax, the serde structs and
//! where each value stands.
//!
//! Everything here turns a bad file into a [`Diagnostic`] with file, line and column; nothing
//! panics on any input.

pub mod locate;
pub mod raw;
pub mod source;

use std::path::Path;
use std::sync::Arc;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Severity};
use locate::Node;
use source::SourceFile;

/// Files larger than this are refused before reading: 1 GiB. A national model of 250,000
/// staff is about 80 MB.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The kind of a file, from its top-level struct name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `Model(...)`.
    Model,
    /// `Norms(...)`.
    Norms,
    /// `Scenario(...)`.
    Scenario,
}

impl FileKind {
    /// The top-level struct name.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Model => "Model",
            FileKind::Norms => "Norms",
            FileKind::Scenario => "Scenario",
        }
    }
}

/// A file that parsed: its text, its serde value and the positions of its values.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    /// The text, for positions and rendering.
    pub source: Arc<SourceFile>,
    /// The deserialized value.
    pub raw: T,
    /// Where each value stands.
    pub tree: Node,
}

/// Reads a file's text: refuses missing, unreadable, oversized, binary and non-UTF-8 files with
/// a clear message. A UTF-8 byte-order mark is dropped.
pub fn read_source(path: &Path) -> Result<Arc<SourceFile>, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::file_error(path, format!("cannot open the file: {}", io_reason(&e)))
            .with_help("check the path; paths inside a file are relative to that file")
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::file_error(path, "this is a folder, not a file")
            .with_help("name a .ron file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            path,
            format!(
                "the file is {} MB, more than the {} MB orgplan reads",
                meta.len() >> 20,
                MAX_FILE_BYTES >> 20
            ),
        )
        .with_help("split the model, or check that this is the right file"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file_error(path, format!("cannot read the file: {}", io_reason(&e)))
    })?;
    source_from_bytes(path, bytes)
}

/// Checks bytes as a text file and wraps them (see [`read_source`]).
pub fn source_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let binary = bytes.iter().take(8192).any(|&b| b == 0);
            let src = Arc::new(SourceFile::new(path, prefix));
            let msg = if binary {
                "this is a binary file, not a RON text file".to_string()
            } else {
                format!(
                    "the file is not UTF-8 text: byte 0x{:02X} cannot start a character here",
                    bytes[valid]
                )
            };
            return Err(Diagnostic::at(Severity::Error, &src, valid, 0, msg).with_help(
                "save the file as UTF-8 (Vietnamese text in Windows-1258 or TCVN3 must be converted)",
            ));
        }
    };
    if let Some(nul) = text.find('\0') {
        let src = Arc::new(SourceFile::new(path, text));
        return Err(Diagnostic::at(
            Severity::Error,
            &src,
            nul,
            1,
            "this is a binary file, not a RON text file (it contains a NUL byte)",
        )
        .with_help("name a .ron file written as UTF-8 text"));
    }
    Ok(Arc::new(SourceFile::new(path, text)))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The kind of a file from its first token.
pub fn detect_kind(source: &Arc<SourceFile>) -> Result<FileKind, Diagnostic> {
    let text = &source.text;
    let mut at = locate::next_token(text, 0);
    // `#![enable(...)]` attributes may come first.
    while text[at..].starts_with("#!") {
        match text[at..].find(']') {
            Some(end) => at = locate::next_token(text, at + end + 1),
            None => break,
        }
    }
    if at >= text.len() {
        return Err(
            Diagnostic::at(Severity::Error, source, 0, 0, "the file is empty")
                .with_help("an orgplan file starts with Model(...), Norms(...) or Scenario(...)"),
        );
    }
    let word: String = text[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "Model" => Ok(FileKind::Model),
        "Norms" => Ok(FileKind::Norms),
        "Scenario" => Ok(FileKind::Scenario),
        _ => {
            let len = locate::token_len(text, at);
            let found = if word.is_empty() {
                text[at..]
                    .chars()
                    .next()
                    .map(String::from)
                    .unwrap_or_default()
            } else {
                word
            };
            Err(Diagnostic::at(
                Severity::Error,
                source,
                at,
                len,
                format!("this is not an orgplan file: it starts with `{found}`"),
            )
            .with_help("an orgplan file starts with Model(...), Norms(...) or Scenario(...)"))
        }
    }
}

/// The RON options of every orgplan file: `implicit_some` on by default.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Deserializes a file's text as `T`, without positions (see [`parse`]).
pub fn deserialize<T: DeserializeOwned>(source: &Arc<SourceFile>) -> Result<T, Diagnostic> {
    ron_options()
        .from_str(&source.text)
        .map_err(|e| syntax_error(source, &e))
}

/// Deserializes a file's text as `T` and scans the positions of its values.
pub fn parse<T: DeserializeOwned>(source: &Arc<SourceFile>) -> Result<Parsed<T>, Diagnostic> {
    let raw: T = deserialize(source)?;
    let tree = locate::scan(&source.text).ok_or_else(|| {
        Diagnostic::at(
            Severity::Error,
            source,
            0,
            0,
            "orgplan could not follow the structure of this file",
        )
        .with_help(
            "please report this file: ron accepted it but orgplan's position scanner did not",
        )
    })?;
    Ok(Parsed {
        source: source.clone(),
        raw,
        tree,
    })
}

/// Turns ron's error into a diagnostic pointing at the offending token.
pub fn syntax_error(source: &Arc<SourceFile>, e: &ron::error::SpannedError) -> Diagnostic {
    let start = source.offset_of_char_col(e.span.start.line, e.span.start.col);
    let at = locate::next_token(&source.text, start);
    let len = locate::token_len(&source.text, at);
    let (message, help) = explain_ron_error(&e.code);
    let mut d = Diagnostic::at(Severity::Error, source, at, len, message);
    d.help = help;
    d
}

fn explain_ron_error(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!(
                "unknown field `{found}`{}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            Some(format!(
                "check the spelling; the fields are: {}",
                expected.join(", ")
            )),
        ),
        E::MissingStructField { field, outer } => (
            format!(
                "missing field `{field}`{}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            Some(format!("add `{field}: ...` (see SPEC §1 for its meaning)")),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!(
                "`{found}` is not a valid value{}",
                outer
                    .as_ref()
                    .map(|o| format!(" for {o}"))
                    .unwrap_or_default()
            ),
            Some(format!("use one of: {}", expected.join(", "))),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            format!("expected {expected}(...), found {found}(...)"),
            Some(format!("this place holds a {expected}")),
        ),
        E::DuplicateStructField { field, outer } => (
            format!(
                "field `{field}` is written twice{}",
                outer
                    .as_ref()
                    .map(|o| format!(" in {o}"))
                    .unwrap_or_default()
            ),
            Some("keep one of them".to_string()),
        ),
        E::Eof => (
            "the file ends too early".to_string(),
            Some("a bracket or parenthesis is not closed".to_string()),
        ),
        E::ExceededRecursionLimit => (
            "the file nests brackets too deeply".to_string(),
            Some("orgplan files nest a few levels at most; check the brackets".to_string()),
        ),
        other => (
            format!("syntax error: {other}"),
            Some("check the RON syntax at this point (a missing comma, quote or bracket?)".into()),
        ),
    }
}

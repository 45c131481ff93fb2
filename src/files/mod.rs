//! Reading the three file kinds of SPEC §1: the text, the RON syntax, the serde structs and
//! where each value stands.
//!
//! Everything here turns a bad file into a [`Diagnostic`] with file, line and column; nothing
//! panics on any input.

pub mod inputs;
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
    inputs::note_input(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::file_error(
            path,
            crate::t!("check-file-cannot-open", reason = io_reason(&e)),
        )
        .with_help(crate::t!("check-file-cannot-open-help"))
    })?;
    if meta.is_dir() {
        return Err(
            Diagnostic::file_error(path, crate::t!("check-file-is-folder"))
                .with_help(crate::t!("check-file-is-folder-help")),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            path,
            crate::t!(
                "check-file-too-large",
                mb = meta.len() >> 20,
                max = MAX_FILE_BYTES >> 20
            ),
        )
        .with_help(crate::t!("check-file-too-large-help")));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::file_error(
            path,
            crate::t!("check-file-cannot-read", reason = io_reason(&e)),
        )
    })?;
    source_from_bytes(path, bytes)
}

/// Checks bytes as a text file and wraps them (see [`read_source`]).
pub fn source_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // What Windows editors save as "Unicode": not binary, only the wrong encoding.
        let src = Arc::new(SourceFile::new(path, String::new()));
        return Err(
            Diagnostic::at(Severity::Error, &src, 0, 0, crate::t!("check-file-utf16"))
                .with_help(crate::t!("check-file-utf16-help")),
        );
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
                crate::t!("check-file-binary")
            } else {
                crate::t!(
                    "check-file-not-utf8",
                    byte = format!("0x{:02X}", bytes[valid])
                )
            };
            return Err(Diagnostic::at(Severity::Error, &src, valid, 0, msg)
                .with_help(crate::t!("check-file-not-utf8-help")));
        }
    };
    if let Some(nul) = text.find('\0') {
        let src = Arc::new(SourceFile::new(path, text));
        return Err(
            Diagnostic::at(Severity::Error, &src, nul, 1, crate::t!("check-file-nul"))
                .with_help(crate::t!("check-file-nul-help")),
        );
    }
    Ok(Arc::new(SourceFile::new(path, text)))
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::t!("check-io-not-found"),
        std::io::ErrorKind::PermissionDenied => crate::t!("check-io-permission"),
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
        let help = crate::t!("check-file-kind-help");
        if let Some(c) = locate::context_at(text, text.len()).unclosed_comment {
            return Err(Diagnostic::at(
                Severity::Error,
                source,
                c,
                2,
                crate::t!("check-syntax-unclosed-comment-hides"),
            )
            .with_help(crate::t!("check-syntax-unclosed-comment-help")));
        }
        let message = if text.trim().is_empty() {
            crate::t!("check-file-empty")
        } else {
            crate::t!("check-file-only-comments")
        };
        return Err(Diagnostic::at(Severity::Error, source, 0, 0, message).with_help(help));
    }
    // A raw identifier `r#Model` names `Model`.
    if text[at..].starts_with("r#") {
        at += 2;
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
                crate::t!("check-file-not-orgplan", found = found),
            )
            .with_help(crate::t!("check-file-kind-help")))
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
            crate::t!("check-file-scanner"),
        )
        .with_help(crate::t!("check-file-scanner-help"))
    })?;
    Ok(Parsed {
        source: source.clone(),
        raw,
        tree,
    })
}

/// Turns ron's error into a diagnostic pointing at the offending token — or, where ron only
/// notices a problem later, at its cause: the bracket that is never closed, the text whose
/// closing quote is missing, the struct that lacks a field.
pub fn syntax_error(source: &Arc<SourceFile>, e: &ron::error::SpannedError) -> Diagnostic {
    let text = &source.text;
    let start = source.offset_of_char_col(e.span.start.line, e.span.start.col);
    let at = locate::next_token(text, start);
    let x = explain_at(text, &e.code, at).unwrap_or_else(|| {
        let (message, help) = explain_ron_error(&e.code, text, at);
        Explained {
            at,
            len: locate::token_len(text, at),
            message,
            help,
        }
    });
    // The span stays inside the text and on character boundaries, whatever ron reported.
    let start = floor_char_boundary(text, x.at);
    let mut end = (start + x.len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut d = Diagnostic::at(Severity::Error, source, start, end - start, x.message);
    d.help = x.help;
    d
}

/// The largest character boundary at or before `i` (clamped to the text).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A syntax error moved to its cause.
struct Explained {
    at: usize,
    len: usize,
    message: String,
    help: Option<String>,
}

/// The token at `at`, quoted for a message (or "the end of the file").
fn found(text: &str, at: usize) -> String {
    if at >= text.len() {
        return crate::t!("check-found-eof");
    }
    let len = locate::token_len(text, at);
    let tok = text.get(at..at + len).unwrap_or("");
    let first_line = tok.lines().next().unwrap_or("");
    let mut shown: String = first_line.chars().take(40).collect();
    if shown.len() < tok.len() {
        shown.push('…');
    }
    format!("`{shown}`")
}

/// Where a problem ron reports at `at` really lies, for the errors whose position ron does not
/// give well. `None`: ron's position is right.
fn explain_at(text: &str, code: &ron::Error, at: usize) -> Option<Explained> {
    use ron::Error as E;
    let b = text.as_bytes();
    let at_end = at >= b.len() && !matches!(code, E::ExpectedStringEnd);
    match code {
        _ if at_end || matches!(code, E::Eof | E::UnclosedBlockComment) => {
            let cx = locate::context_at(text, text.len());
            if let Some(c) = cx.unclosed_comment {
                return Some(Explained {
                    at: c,
                    len: 2,
                    message: crate::t!("check-syntax-unclosed-comment"),
                    help: Some(crate::t!("check-syntax-unclosed-comment-help")),
                });
            }
            if let Some(&open) = cx.open.last() {
                let close = match b[open] {
                    b'(' => ')',
                    b'[' => ']',
                    _ => '}',
                };
                let mut name = open;
                while name > 0 && (b[name - 1].is_ascii_alphanumeric() || b[name - 1] == b'_') {
                    name -= 1;
                }
                let label = &text[name..=open];
                return Some(Explained {
                    at: name,
                    len: open + 1 - name,
                    message: crate::t!(
                        "check-syntax-unclosed-bracket",
                        label = label,
                        close = close.to_string()
                    ),
                    help: Some(crate::t!(
                        "check-syntax-unclosed-bracket-help",
                        close = close.to_string()
                    )),
                });
            }
            None
        }
        E::ExpectedStringEnd => Some(Explained {
            // ron may point past the last escape in the text; the quote that opens it is
            // where a reader looks.
            at: locate::context_at(text, text.len())
                .unclosed_string
                .unwrap_or(at),
            len: 1,
            message: crate::t!("check-syntax-unclosed-string"),
            help: Some(crate::t!("check-syntax-unclosed-string-help")),
        }),
        E::MissingStructField { field, outer } => {
            // ron notices a missing field at the struct's `)`: point at the struct's name.
            if b.get(at) != Some(&b')') {
                return None;
            }
            let open = *locate::context_at(text, at).open.last()?;
            let mut name = open;
            while name > 0 && (b[name - 1].is_ascii_alphanumeric() || b[name - 1] == b'_') {
                name -= 1;
            }
            let what = outer
                .clone()
                .unwrap_or_else(|| text[name..open].to_string());
            Some(Explained {
                at: name,
                len: open + 1 - name,
                message: crate::t!(
                    "check-syntax-missing-field-in",
                    field = *field,
                    outer = what
                ),
                help: Some(crate::t!("check-syntax-missing-field-help", field = *field)),
            })
        }
        E::InvalidEscape(_) => {
            // ron points at the start of the text; find the bad escape in it.
            let mut i = at;
            while i < b.len() {
                match b[i] {
                    b'\\' => {
                        let next = text.get(i + 1..).and_then(|r| r.chars().next());
                        match next {
                            Some('\'' | '"' | '\\' | 'n' | 'r' | 't' | '0' | 'x' | 'u') => i += 2,
                            Some(c) => {
                                return Some(Explained {
                                    at: i,
                                    len: 1 + c.len_utf8(),
                                    message: crate::t!(
                                        "check-syntax-bad-escape",
                                        escape = format!("\\{c}")
                                    ),
                                    help: Some(crate::t!("check-syntax-escape-help")),
                                })
                            }
                            None => return None,
                        }
                    }
                    b'"' | b'\n' if i > at => return None,
                    _ => i += 1,
                }
            }
            None
        }
        E::IntegerOutOfBounds => {
            let mut n = at.min(b.len());
            while n > 0 && matches!(b[n - 1], b'0'..=b'9' | b'-' | b'+' | b'_' | b'.') {
                n -= 1;
            }
            let len = locate::token_len(text, n);
            let num = text.get(n..n + len).unwrap_or("");
            let (message, help) = if num.starts_with('-') {
                (
                    crate::t!("check-syntax-negative", num = num),
                    crate::t!("check-syntax-negative-help"),
                )
            } else {
                (
                    crate::t!("check-syntax-out-of-range", num = num),
                    crate::t!("check-syntax-out-of-range-help"),
                )
            };
            Some(Explained {
                at: n,
                len,
                message,
                help: Some(help),
            })
        }
        E::ExpectedComma if b.get(at) == Some(&b'.') && at > 0 && b[at - 1].is_ascii_digit() => {
            // `quota: 1.5`: ron reads the whole number 1, then wants a comma.
            let mut n = at;
            while n > 0 && matches!(b[n - 1], b'0'..=b'9' | b'-' | b'+' | b'_') {
                n -= 1;
            }
            let len = locate::token_len(text, n);
            Some(Explained {
                at: n,
                len,
                message: crate::t!(
                    "check-syntax-not-whole",
                    found = text.get(n..n + len).unwrap_or("")
                ),
                help: Some(crate::t!("check-syntax-not-whole-help")),
            })
        }
        E::NoSuchStructField { .. }
        | E::NoSuchEnumVariant { .. }
        | E::DuplicateStructField { .. }
        | E::ExpectedDifferentStructName { .. }
        | E::ExceededRecursionLimit => None,
        _ => unclosed_string_before(text, at),
    }
}

/// A string just before `at` that runs over a line end: its closing quote is probably
/// missing, and the parser only stumbled later, on the text after it.
fn unclosed_string_before(text: &str, at: usize) -> Option<Explained> {
    let (start, end) = locate::context_at(text, at).last_string?;
    let string = &text[start..end];
    if !string.contains('\n') || locate::next_token(text, end) != at {
        return None;
    }
    let first_line = string.split('\n').next().unwrap_or("");
    let stop_line = text[..at.min(text.len())].matches('\n').count() + 1;
    Some(Explained {
        at: start,
        len: first_line.len(),
        message: crate::t!("check-syntax-string-runs-over"),
        help: Some(crate::t!(
            "check-syntax-string-runs-over-help",
            line = stop_line.to_string()
        )),
    })
}

fn explain_ron_error(code: &ron::Error, text: &str, at: usize) -> (String, Option<String>) {
    use ron::Error as E;
    // The previous token ends on an earlier line: the comma is missing at that line's end.
    let comma_help = || {
        let before = text[..at.min(text.len())].trim_end();
        let prev_line = before.matches('\n').count() + 1;
        let this_line = text[..at.min(text.len())].matches('\n').count() + 1;
        if !before.is_empty() && prev_line < this_line && !before.ends_with([',', '(', '[', '{']) {
            crate::t!(
                "check-syntax-comma-missing-at",
                line = prev_line.to_string()
            )
        } else {
            crate::t!("check-syntax-comma-help")
        }
    };
    let outer_of = |o: &Option<String>| o.clone().unwrap_or_default();
    let found_arg = || found(text, at);
    let t_found = |key: &str| crate::i18n::message(key, &[("found", found_arg().into())]);
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            crate::t!(
                if outer.is_some() {
                    "check-syntax-unknown-field-in"
                } else {
                    "check-syntax-unknown-field"
                },
                field = found.as_str(),
                outer = outer_of(outer)
            ),
            Some(crate::t!(
                "check-syntax-unknown-field-help",
                fields = expected.join(", ")
            )),
        ),
        E::MissingStructField { field, outer } => (
            crate::t!(
                if outer.is_some() {
                    "check-syntax-missing-field-in"
                } else {
                    "check-syntax-missing-field"
                },
                field = *field,
                outer = outer_of(outer)
            ),
            Some(crate::t!("check-syntax-missing-field-help", field = *field)),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            crate::t!(
                "check-syntax-bad-variant",
                found = found.as_str(),
                what = match outer.as_deref() {
                    Some("UnitKind") => crate::t!("check-what-unit-kind"),
                    Some("PositionKind") => crate::t!("check-what-post-kind"),
                    Some("Level") => crate::t!("check-what-level"),
                    Some("Class") => crate::t!("check-what-class"),
                    Some("Gender") => crate::t!("check-what-gender"),
                    Some("Role") => crate::t!("check-what-role"),
                    Some("Pool") => crate::t!("check-what-pool"),
                    Some("Rule") => crate::t!("check-what-rule"),
                    Some(o) => crate::t!("check-what-value-for", name = o),
                    None => crate::t!("check-what-value"),
                }
            ),
            Some(crate::t!(
                "check-syntax-bad-variant-help",
                values = expected.join(", ")
            )),
        ),
        E::ExpectedDifferentStructName { expected, found } => (
            crate::t!(
                "check-syntax-struct-name",
                expected = *expected,
                found = found.as_str()
            ),
            Some(crate::t!(
                "check-syntax-struct-name-help",
                expected = *expected
            )),
        ),
        E::DuplicateStructField { field, outer } => (
            crate::t!(
                if outer.is_some() {
                    "check-syntax-field-twice-in"
                } else {
                    "check-syntax-field-twice"
                },
                field = *field,
                outer = outer_of(outer)
            ),
            Some(crate::t!("check-syntax-field-twice-help")),
        ),
        E::Eof => (
            crate::t!("check-syntax-eof"),
            Some(crate::t!("check-syntax-eof-help")),
        ),
        E::ExceededRecursionLimit => (
            crate::t!("check-syntax-too-deep"),
            Some(crate::t!("check-syntax-too-deep-help")),
        ),
        E::ExpectedComma => (t_found("check-syntax-expected-comma"), Some(comma_help())),
        E::ExpectedMapColon => (
            t_found("check-syntax-expected-colon"),
            Some(crate::t!("check-syntax-expected-colon-help")),
        ),
        E::ExpectedIdentifier => (t_found("check-syntax-expected-field"), Some(comma_help())),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => (
            t_found("check-syntax-expected-paren-end"),
            Some(comma_help()),
        ),
        E::ExpectedArrayEnd => (
            t_found("check-syntax-expected-array-end"),
            Some(comma_help()),
        ),
        E::ExpectedMapEnd => (t_found("check-syntax-expected-map-end"), Some(comma_help())),
        E::ExpectedArray => (
            t_found("check-syntax-expected-array"),
            Some(crate::t!("check-syntax-expected-array-help")),
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            (t_found("check-syntax-expected-paren"), None)
        }
        E::ExpectedString => (
            t_found("check-syntax-expected-string"),
            Some(crate::t!("check-syntax-expected-string-help")),
        ),
        E::ExpectedFloat => (
            t_found("check-syntax-expected-float"),
            Some(crate::t!("check-syntax-expected-float-help")),
        ),
        E::ExpectedInteger => (
            t_found("check-syntax-expected-integer"),
            Some(crate::t!("check-syntax-expected-integer-help")),
        ),
        E::ExpectedBoolean => (t_found("check-syntax-expected-bool"), None),
        E::ExpectedStringEnd => (crate::t!("check-syntax-unclosed-string"), None),
        E::UnexpectedChar(c) => (
            crate::t!("check-syntax-unexpected-char", char = c.to_string()),
            Some(crate::t!("check-syntax-check-here")),
        ),
        E::TrailingCharacters => (
            t_found("check-syntax-trailing"),
            Some(crate::t!("check-syntax-trailing-help")),
        ),
        // serde's own description of the types is English: name the token instead.
        E::InvalidValueForType { .. } | E::Message(_) | E::ExpectedDifferentLength { .. } => (
            t_found("check-syntax-wrong-type"),
            Some(crate::t!("check-syntax-check-here")),
        ),
        E::InvalidEscape(_) => (
            crate::t!("check-syntax-invalid-escape"),
            Some(crate::t!("check-syntax-escape-help")),
        ),
        E::UnclosedBlockComment => (crate::t!("check-syntax-unclosed-comment"), None),
        E::UnclosedLineComment => (crate::t!("check-syntax-unclosed-line-comment"), None),
        E::InvalidIntegerDigit { digit, base } => (
            crate::t!(
                "check-syntax-bad-digit",
                digit = digit.to_string(),
                base = *base
            ),
            Some(crate::t!("check-syntax-expected-integer-help")),
        ),
        E::FloatUnderscore | E::UnderscoreAtBeginning => (
            t_found("check-syntax-underscore"),
            Some(crate::t!("check-syntax-expected-float-help")),
        ),
        E::ExpectedChar | E::ExpectedByteLiteral | E::ExpectedByteString => (
            t_found("check-syntax-expected-string"),
            Some(crate::t!("check-syntax-expected-string-help")),
        ),
        E::ExpectedOption | E::ExpectedUnit | E::ExpectedMap | E::ExpectedRawValue => (
            t_found("check-syntax-unexpected"),
            Some(crate::t!("check-syntax-check-here")),
        ),
        E::ExpectedAttribute | E::ExpectedAttributeEnd | E::NoSuchExtension(_) => (
            t_found("check-syntax-attribute"),
            Some(crate::t!("check-syntax-attribute-help")),
        ),
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) | E::ExpectedStructName(_) => (
            t_found("check-syntax-bad-identifier"),
            Some(crate::t!("check-syntax-check-here")),
        ),
        E::Utf8Error(_) => (
            crate::t!("check-file-binary"),
            Some(crate::t!("check-file-not-utf8-help")),
        ),
        _ => (
            t_found("check-syntax-unexpected"),
            Some(crate::t!("check-syntax-check-here")),
        ),
    }
}

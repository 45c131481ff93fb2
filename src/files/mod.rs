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
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // What Windows editors save as "Unicode": not binary, only the wrong encoding.
        let src = Arc::new(SourceFile::new(path, String::new()));
        return Err(Diagnostic::at(
            Severity::Error,
            &src,
            0,
            0,
            "the file is UTF-16 text; orgplan reads UTF-8",
        )
        .with_help("save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"));
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
        let help = "an orgplan file starts with Model(...), Norms(...) or Scenario(...)";
        if let Some(c) = locate::context_at(text, text.len()).unclosed_comment {
            return Err(Diagnostic::at(
                Severity::Error,
                source,
                c,
                2,
                "this comment `/*` is never closed: it hides the rest of the file",
            )
            .with_help("close it with `*/`"));
        }
        let message = if text.trim().is_empty() {
            "the file is empty"
        } else {
            "the file holds only comments: there is no Model(...), Norms(...) or Scenario(...)"
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
        return "the end of the file".to_string();
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
                    message: "this comment `/*` is never closed".into(),
                    help: Some("close it with `*/`".into()),
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
                    message: format!(
                        "`{label}` is never closed: the file ends before its `{close}`"
                    ),
                    help: Some(format!(
                        "add the missing `{close}`; brackets close in the reverse order they open"
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
            message: "this text in quotes is never closed".into(),
            help: Some("add the closing `\"` at the end of the text".into()),
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
                message: format!("missing field `{field}` in {what}"),
                help: Some(format!("add `{field}: ...` (see SPEC §1 for its meaning)")),
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
                                    message: format!(
                                        "`\\{c}` is not a valid escape in text in quotes"
                                    ),
                                    help: Some("to write a backslash, double it: `\\\\`".into()),
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
                    format!("a negative number (`{num}`) is not allowed here"),
                    "this field counts something (people, months, đồng): write 0 or more",
                )
            } else {
                (
                    format!("the number `{num}` is out of range for this field"),
                    "this field takes a whole number, 0 or more, of reasonable size",
                )
            };
            Some(Explained {
                at: n,
                len,
                message,
                help: Some(help.into()),
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
                message: format!(
                    "a whole number is expected here, not `{}`",
                    text.get(n..n + len).unwrap_or("")
                ),
                help: Some("this field counts something: write it without a decimal point".into()),
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
        message: "the text in quotes that starts here is not closed on its line: a closing `\"` \
                  is probably missing"
            .into(),
        help: Some(format!(
            "orgplan read it as text up to the next `\"`, and stopped at line {stop_line}"
        )),
    })
}

fn explain_ron_error(code: &ron::Error, text: &str, at: usize) -> (String, Option<String>) {
    use ron::Error as E;
    let found = || found(text, at);
    // The previous token ends on an earlier line: the comma is missing at that line's end.
    let comma_help = || {
        let before = text[..at.min(text.len())].trim_end();
        let prev_line = before.matches('\n').count() + 1;
        let this_line = text[..at.min(text.len())].matches('\n').count() + 1;
        if !before.is_empty() && prev_line < this_line && !before.ends_with([',', '(', '[', '{']) {
            format!("a comma is probably missing at the end of line {prev_line}")
        } else {
            "fields and list items are separated by commas".to_string()
        }
    };
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
                "`{found}` is not a valid {}",
                match outer.as_deref() {
                    Some("UnitKind") => "unit kind".to_string(),
                    Some("PositionKind") => "post kind".to_string(),
                    Some("Level") => "level".to_string(),
                    Some("Class") => "class".to_string(),
                    Some("Gender") => "gender".to_string(),
                    Some("Role") => "role".to_string(),
                    Some("Pool") => "pool".to_string(),
                    Some("Rule") => "rule".to_string(),
                    Some(o) => format!("value for {o}"),
                    None => "value".to_string(),
                }
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
        E::ExpectedComma => (
            format!("expected `,` or a closing bracket here, found {}", found()),
            Some(comma_help()),
        ),
        E::ExpectedMapColon => (
            format!("expected `:` after the field name, found {}", found()),
            Some("write fields as `name: value`".into()),
        ),
        E::ExpectedIdentifier => (
            format!("expected a field name here, found {}", found()),
            Some(comma_help()),
        ),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => (
            format!("expected a closing `)` here, found {}", found()),
            Some(comma_help()),
        ),
        E::ExpectedArrayEnd => (
            format!("expected a closing `]` here, found {}", found()),
            Some(comma_help()),
        ),
        E::ExpectedMapEnd => (
            format!("expected a closing `}}` here, found {}", found()),
            Some(comma_help()),
        ),
        E::ExpectedArray => (
            format!("expected a list `[...]` here, found {}", found()),
            Some("lists are written in square brackets, even with one item: `[a]`".into()),
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => (
            format!("expected `(` here, found {}", found()),
            None,
        ),
        E::ExpectedString => (
            format!("expected text in quotes here, found {}", found()),
            Some("ids, names and dates are written in double quotes: \"an\"".into()),
        ),
        E::ExpectedFloat => (
            format!("expected a number here, found {}", found()),
            Some("write a decimal number without quotes, e.g. 3.99".into()),
        ),
        E::ExpectedInteger => (
            format!("expected a whole number here, found {}", found()),
            Some("write a whole number without quotes, e.g. 12".into()),
        ),
        E::ExpectedBoolean => (
            format!("expected `true` or `false` here, found {}", found()),
            None,
        ),
        E::ExpectedStringEnd => ("this text in quotes is never closed".into(), None),
        E::UnexpectedChar(c) => (
            format!("unexpected character `{c}`"),
            Some("check the RON syntax here: a missing comma, quote or bracket?".into()),
        ),
        E::TrailingCharacters => (
            format!("unexpected {} after the end of the file's main value", found()),
            Some("a file holds one Model(...), Norms(...) or Scenario(...); check the brackets before this".into()),
        ),
        E::InvalidValueForType { expected, found } => {
            (format!("expected {expected} here, found {found}"), None)
        }
        E::InvalidEscape(why) => (
            format!("invalid escape in text in quotes: {}", why.to_lowercase()),
            Some("to write a backslash, double it: `\\\\`".into()),
        ),
        E::UnclosedBlockComment => ("a comment `/*` is never closed".into(), None),
        other => (
            format!("syntax error: {other}"),
            Some("check the RON syntax at this point (a missing comma, quote or bracket?)".into()),
        ),
    }
}

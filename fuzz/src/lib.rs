//! Shared helpers of the fuzz targets: fixed good files to point scenarios at, and the
//! headers that let the fuzzer start deep inside a valid file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use orgplan::files::source::SourceFile;

/// A valid small model and norms, as in `tests/fixtures/good/`.
const MODEL: &str = include_str!("../../tests/fixtures/good/small-model.ron");
const NORMS: &str = include_str!("../../tests/fixtures/good/small-norms.ron");

/// Valid openings of each file kind: input appended to one of these gets past the first
/// tokens, where most of the checking is.
pub const MODEL_HEADER: &str = "Model(\n    name: \"Xã Thử\",\n    as_of: \"2024-12-31\",\n";
pub const NORMS_HEADER: &str = "Norms(\n    name: \"Định mức\",\n";
pub const SCENARIO_HEADER: &str = "Scenario(\n    name: \"Thử\",\n    model: \"small-model.ron\",\n    norms: [\"small-norms.ron\"],\n    effective: \"2025-01-01\",\n";

/// A folder holding `small-model.ron` and `small-norms.ron`, made once per process.
pub fn good_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("small-model.ron"), MODEL).unwrap();
        std::fs::write(dir.path().join("small-norms.ron"), NORMS).unwrap();
        dir
    })
    .path()
}

/// The path a fuzzed scenario pretends to live at (beside the good files; never written).
pub fn scenario_path() -> PathBuf {
    good_dir().join("fuzz-scenario.ron")
}

/// The input as text, after `header` when the first byte is odd (so that half the time the
/// fuzzer explores inside a valid opening). `None` if it is not UTF-8.
pub fn text(data: &[u8], header: &str) -> Option<String> {
    let (first, rest) = data.split_first()?;
    let body = std::str::from_utf8(rest).ok()?;
    Some(if first & 1 == 1 {
        format!("{header}{body}")
    } else {
        body.to_string()
    })
}

/// Wraps text as a source file at `path`.
pub fn source(path: &Path, text: String) -> Arc<SourceFile> {
    Arc::new(SourceFile::new(path, text))
}

/// Every diagnostic must have a message and, when it has a position, a valid one.
pub fn check_diagnostics(d: &orgplan::diag::Diagnostics) {
    for e in &d.0 {
        assert!(!e.message.trim().is_empty(), "empty message: {e:?}");
        // ron accepted the file but the position scanner could not follow it: the scanner
        // and ron disagree on RON's grammar.
        assert_ne!(
            e.message, "orgplan could not follow the structure of this file",
            "the position scanner disagrees with ron"
        );
        assert_eq!(e.line == 0, e.column == 0, "half a position: {e:?}");
        if let (Some(src), Some((off, len))) = (&e.source, e.span) {
            assert!(off + len <= src.text.len(), "span past the end: {e:?}");
            assert!(
                src.text.is_char_boundary(off),
                "span inside a character: {e:?}"
            );
            assert!(
                src.text.is_char_boundary(off + len),
                "span inside a character: {e:?}"
            );
            if e.line > 0 {
                assert!(e.line <= src.line_count(), "line past the end: {e:?}");
            }
        }
    }
}

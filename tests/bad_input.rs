//! Bad input: every file in `tests/fixtures/bad/` must be refused with exactly the errors its
//! header announces, and the command line must say so without panics or debug dumps.
//!
//! A fixture announces each error it expects with a comment line
//!
//! ```text
//! // expect: LINE:COL substring of the message
//! ```
//!
//! (LINE:COL of the reported diagnostic, 1-based, columns counted as a reader sees them).
//! Files that cannot hold comments (empty, binary, UTF-16) have them in a sidecar `NAME.expect`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use orgplan::diag::Diagnostic;
use orgplan::model::load_any;

fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

fn examples() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples"
    ))
}

/// The bad fixtures, sorted (sidecar `.expect` files are not fixtures).
fn bad_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures("bad"))
        .expect("tests/fixtures/bad exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension() != Some(std::ffi::OsStr::new("expect")))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    files
}

/// One expected error: where, and a piece of its message.
#[derive(Debug, Clone, PartialEq)]
struct Expect {
    line: usize,
    column: usize,
    contains: String,
}

/// The `// expect:` lines of a fixture (or of its sidecar `.expect` file).
fn expectations(path: &Path) -> Vec<Expect> {
    let sidecar = path.with_extension("expect");
    let bytes = std::fs::read(if sidecar.exists() { &sidecar } else { path })
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("// expect:"))
        .map(|rest| {
            let rest = rest.trim();
            let (pos, contains) = rest.split_once(' ').unwrap_or((rest, ""));
            let (line, column) = pos
                .split_once(':')
                .and_then(|(l, c)| Some((l.parse().ok()?, c.parse().ok()?)))
                .unwrap_or_else(|| panic!("{}: bad expect line `{rest}`", path.display()));
            Expect {
                line,
                column,
                contains: contains.trim().to_string(),
            }
        })
        .collect()
}

/// What is wrong with one fixture's errors, if anything.
fn check_fixture(path: &Path) -> Result<(), String> {
    let expected = expectations(path);
    if expected.is_empty() {
        return Err("no `// expect:` line (nor a sidecar .expect file)".into());
    }
    let errors: Vec<Diagnostic> = match load_any(path) {
        Ok(_) => return Err("accepted, but it is bad input".into()),
        Err(d) => d.errors().cloned().collect(),
    };
    let mut problems = Vec::new();
    for e in &errors {
        if e.message.trim().is_empty() {
            problems.push(format!("empty message at {}:{}", e.line, e.column));
        }
        if e.file != path {
            problems.push(format!(
                "error reported in another file, {}: {}",
                e.file.display(),
                e.message
            ));
        }
    }
    let mut unmatched: Vec<&Diagnostic> = errors.iter().collect();
    for x in &expected {
        match unmatched.iter().position(|e| {
            e.line == x.line && e.column == x.column && e.message.contains(&x.contains)
        }) {
            Some(i) => {
                unmatched.remove(i);
            }
            None => problems.push(format!("missing: {}:{} {}", x.line, x.column, x.contains)),
        }
    }
    for e in unmatched {
        // Line 0 (no position) only ever passes when expected as `0:0`.
        problems.push(format!("extra: {}:{} {}", e.line, e.column, e.message));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

#[test]
fn every_bad_fixture_reports_exactly_the_errors_it_expects() {
    let files = bad_files();
    assert!(
        files.len() >= 30,
        "only {} bad fixtures; the corpus covers every rule of SPEC §2",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            check_fixture(f)
                .err()
                .map(|why| format!("{}:\n    {why}", f.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bad fixtures do not match their expectations:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn fixtures_with_several_problems_report_them_all_in_one_run() {
    for name in ["multi-model.ron", "multi-norms.ron", "multi-scenario.ron"] {
        let path = fixtures("bad").join(name);
        let expected = expectations(&path).len();
        assert!(expected >= 4, "{name} announces only {expected} errors");
        let errors = load_any(&path).expect_err(name).errors().count();
        assert_eq!(errors, expected, "{name}");
    }
}

#[test]
fn good_fixtures_and_shipped_examples_are_valid() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [fixtures("good"), examples()] {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (tests/fixtures/examples/ is part of the repository)",
                dir.display()
            )
        });
        // The RON files only: the examples' folder also holds its README.
        files.extend(
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron")),
        );
    }
    files.sort();
    assert_eq!(
        files.iter().filter(|f| f.starts_with(examples())).count(),
        5
    );
    for f in &files {
        if let Err(d) = load_any(f) {
            panic!("{} is refused:\n{d}", f.display());
        }
    }
    // And through the command line, all at once.
    let out = orgplan(&["validate", "--format", "json"], &files);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(0));
}

fn orgplan(args: &[&str], files: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .args(files)
        .env("NO_COLOR", "1")
        .output()
        .expect("run orgplan")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a person at the terminal must never see: a panic or a Rust debug dump.
fn assert_no_internals(text: &str) {
    assert!(!text.contains("panicked"), "a panic:\n{text}");
    assert!(!text.contains("RUST_BACKTRACE"), "a panic:\n{text}");
    for dump in [
        " { ",
        "Some(",
        "Diagnostic",
        "SpannedError",
        "Error {",
        "\\n",
    ] {
        assert!(!text.contains(dump), "Rust debug output `{dump}`:\n{text}");
    }
}

#[test]
fn validate_on_bad_files_exits_1_and_names_file_line_and_column() {
    for name in [
        "syntax-model-missing-comma.ron",
        "syntax-nfd-diacritics.ron",
        "duplicate-staff-id.ron",
        "parent-cycle.ron",
        "wrong-kind-scenario-model-is-norms.ron",
        "multi-scenario.ron",
        "binary.ron",
        "windows-1258.ron",
        "empty.ron",
    ] {
        let path = fixtures("bad").join(name);
        let out = orgplan(&["validate"], std::slice::from_ref(&path));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}:\n{err}");
        for x in expectations(&path) {
            let at = format!("{}:{}:{}", path.display(), x.line, x.column);
            assert!(err.contains(&at), "{name}: no `{at}` in:\n{err}");
            assert!(
                err.contains(&x.contains),
                "{name}: no `{}` in:\n{err}",
                x.contains
            );
        }
        assert_no_internals(&err);
        assert_no_internals(&String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn validate_json_lists_every_error_with_file_line_column_and_message() {
    let path = fixtures("bad").join("multi-model.ron");
    let out = orgplan(
        &["validate", "--format", "json"],
        std::slice::from_ref(&path),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_no_internals(&stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["valid"], false);
    let errors = json["errors"].as_array().expect("errors is a list");
    let mut got: Vec<(u64, u64, String)> = errors
        .iter()
        .map(|e| {
            assert_eq!(e["file"].as_str(), Some(path.to_str().unwrap()));
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(u64, u64, String)> = expectations(&path)
        .into_iter()
        .map(|x| (x.line as u64, x.column as u64, x.contains))
        .collect();
    want.sort();
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for ((gl, gc, gm), (wl, wc, wm)) in got.iter().zip(&want) {
        assert_eq!((gl, gc), (wl, wc), "{gm}");
        assert!(gm.contains(wm.as_str()), "`{gm}` does not contain `{wm}`");
    }
    // The over-quota post is a warning, not an error.
    let warnings = json["warnings"].as_array().expect("warnings is a list");
    assert!(warnings.iter().any(|w| w["message"]
        .as_str()
        .is_some_and(|m| m.contains("over its quota"))));
}

/// A valid model header, then `staff` entries up to `bytes`; the comma after the second-last
/// entry is left out. Returns the text and the line of the last entry, where the error is.
fn big_model_with_missing_comma(bytes: usize) -> (String, usize) {
    let mut text = String::with_capacity(bytes + 1000);
    text.push_str(
        "Model(\n    name: \"Huyện Lớn\",\n    as_of: \"2024-12-31\",\n    \
         units: [ Unit(id: \"an\", name: \"Xã An\", kind: Commune) ],\n    \
         positions: [ Position(id: \"an.cc\", unit: \"an\", title: \"Công chức\", \
         kind: CivilServant, quota: 1000000) ],\n    staff: [\n",
    );
    let mut n = 0;
    let mut last_start = 0;
    while text.len() < bytes {
        last_start = text.len();
        text.push_str(&format!(
            "        Staff(id: \"S-{n:07}\", name: \"Nguyễn Văn Thứ {n}\", gender: Male, \
             born: \"1980-01\", position: \"an.cc\", salary_coefficient: 2.34),\n"
        ));
        n += 1;
    }
    // Drop the comma that ends the second-last entry.
    let comma = text[..last_start].rfind(",\n").unwrap();
    text.remove(comma);
    let line = text[..last_start - 1].matches('\n').count() + 1;
    text.push_str("    ],\n)\n");
    (text, line)
}

const FIFTY_MB: usize = 50 << 20;
/// Far above the 3 s the 50 MB file takes in a debug build: catches a quadratic slip, not
/// noise (benchmarks measure speed; this only guards against hanging).
const PATIENCE: Duration = Duration::from_secs(60);

#[test]
fn a_50_mb_model_with_a_missing_comma_near_the_end_is_reported_at_the_right_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big-model.ron");
    let (text, line) = big_model_with_missing_comma(FIFTY_MB);
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let start = Instant::now();
    let out = orgplan(&["validate"], std::slice::from_ref(&path));
    let took = start.elapsed();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let at = format!("{}:{line}:9: error: expected `,`", path.display());
    assert!(
        err.lines().next().unwrap_or("").starts_with(&at),
        "want `{at}` first in:\n{err}"
    );
    assert_no_internals(&err);
    assert!(took < PATIENCE, "validate took {took:?} on 50 MB");
}

#[test]
fn a_50_mb_unclosed_string_is_reported_at_its_opening_quote() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big-string.ron");
    // The name of unit "an" never ends: its opening quote is at 4:35.
    let mut text = String::from(
        "Model(\n    name: \"Huyện Lớn\",\n    as_of: \"2024-12-31\",\n    \
         units: [ Unit(id: \"an\", name: \"",
    );
    let filler = "Công chức văn hóa xã hội, địa chính, tư pháp; ".repeat(20) + "\n";
    while text.len() < FIFTY_MB {
        text.push_str(&filler);
    }
    std::fs::write(&path, &text).unwrap();
    let start = Instant::now();
    let out = orgplan(&["validate"], std::slice::from_ref(&path));
    let took = start.elapsed();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let at = format!(
        "{}:4:35: error: this text in quotes is never closed",
        path.display()
    );
    assert!(
        err.lines().next().unwrap_or("").starts_with(&at),
        "want `{at}` first in:\n{err}"
    );
    assert_no_internals(&err);
    assert!(took < PATIENCE, "validate took {took:?} on 50 MB");
}

//! A fuzz smoke test that runs everywhere (stable, CI): random mutations of the good fixtures
//! — byte flips, truncations, inserted tokens — go through the same path as `orgplan
//! validate`, and must give a checked file or well-formed diagnostics, never a panic. The
//! real fuzzing is `fuzz/` (cargo-fuzz, nightly); this guards its findings in every run.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use orgplan::diag::Diagnostics;
use orgplan::files::{detect_kind, source_from_bytes, FileKind};
use orgplan::model::{check_model, check_norms, check_scenario};

fn good(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/good")
        .join(name)
}

const FILES: [&str; 3] = ["small-model.ron", "small-norms.ron", "small-scenario.ron"];

/// Tokens that break files in interesting ways (the fuzzer's crashes among them).
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "/*",
    "*/",
    "//",
    "r#",
    "r#\"",
    "b\"",
    "\u{0b}",
    "\u{2028}",
    "\u{200e}",
    "\n",
    "NaN",
    "inf",
    "-1",
    "1.5",
    "1e999",
    "99999999999999999999",
    "Some(",
    "None",
    "Model(",
    "Norms(",
    "Scenario(",
    "Unit(",
    "#![enable(implicit_some)]",
    "é",
    "\u{301}",
    "\0",
    "Comune",
    "r#name: \"x\",",
    "id: \"an\",",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, usize),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(p, t)| Mutation::Insert(p, t)),
        (any::<usize>(), 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |p: usize, len: usize| if len == 0 { 0 } else { p % (len + 1) };
    match *m {
        Mutation::Flip(p, b) if !bytes.is_empty() => {
            let i = p % bytes.len();
            bytes[i] ^= b;
        }
        Mutation::Flip(..) => {}
        Mutation::Truncate(p) => bytes.truncate(at(p, bytes.len())),
        Mutation::Insert(p, t) => {
            let i = at(p, bytes.len());
            bytes.splice(i..i, TOKENS[t].bytes());
        }
        Mutation::Delete(p, n) => {
            let i = at(p, bytes.len());
            let j = (i + n).min(bytes.len());
            bytes.drain(i..j);
        }
    }
}

/// Every diagnostic has a message and a position inside its file.
fn assert_well_formed(d: &Diagnostics) {
    for e in &d.0 {
        assert!(!e.message.trim().is_empty(), "empty message");
        assert_eq!(e.line == 0, e.column == 0, "half a position: {e}");
        assert_ne!(
            e.message, "orgplan could not follow the structure of this file",
            "the position scanner disagrees with ron"
        );
        if let (Some(src), Some((off, len))) = (&e.source, e.span) {
            assert!(off + len <= src.text.len(), "span past the end: {e}");
            assert!(src.text.is_char_boundary(off) && src.text.is_char_boundary(off + len));
            assert!(e.line <= src.line_count(), "line past the end: {e}");
        }
    }
}

/// What `orgplan validate` does with a file's bytes (the scenario's references resolve
/// beside the good fixtures).
fn check_bytes(bytes: Vec<u8>) {
    let path = good("fuzz-smoke.ron");
    let src = match source_from_bytes(&path, bytes) {
        Ok(s) => s,
        Err(d) => return assert_well_formed(&Diagnostics(vec![d])),
    };
    let result = match detect_kind(&src) {
        Err(d) => Err(Diagnostics(vec![d])),
        Ok(FileKind::Model) => check_model(&src).map(|l| l.warnings),
        Ok(FileKind::Norms) => check_norms(&src).map(|l| l.warnings),
        Ok(FileKind::Scenario) => check_scenario(&src).map(|l| l.warnings),
    };
    match result {
        Ok(w) => assert_well_formed(&w),
        Err(d) => assert_well_formed(&d),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_good_files_never_panic_and_give_well_formed_diagnostics(
        file in 0..FILES.len(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let mut bytes = std::fs::read(good(FILES[file])).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_bytes(bytes);
    }
}

#[test]
fn the_fuzzers_findings_stay_fixed() {
    // fuzz crashes f91db4b9: a raw identifier; 7b70d1f5: a vertical tab in a list;
    // bb673e7d: `Some` without parentheses; 2308dad1: an unclosed text whose last escape
    // is followed by a multi-byte letter.
    for text in [
        "Model(\n    r#name: \"Huyện\",\n    as_of: \"2024-12-31\",\n)",
        "\nModel( name: \"\",as_of:\"\",functions:[\u{0b}])\n",
        "\nScenario( name: \"hử\", model:\"n\", effective:\"\",\n  mergers:[(into:(id: \"\", \
         name: \"X \", kind:Commune), from:[],template:Some\"-\")],\n)",
        "Norms(\n    name: \"Sáp \\\\\\\\\\'\\\\ã  kind: Commu\\\"re)\u{e}",
    ] {
        check_bytes(text.as_bytes().to_vec());
    }
}

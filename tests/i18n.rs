//! Vietnamese first: every text a person reads comes from the message catalogue.
//!
//! The catalogue's own soundness (syntax, every key in both languages) is a unit test of
//! `orgplan::i18n`; here: every key the code asks for exists, and the main commands' output
//! holds no text that bypassed the catalogue. For the last, the commands run in the `marked`
//! language, where every catalogue message is wrapped in `⟦ ⟧`; what is left outside the
//! brackets must be data: numbers, and words that stand in the input files (names, ids).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use orgplan::i18n::{self, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The literal keys of every `t!("…")` in `src/`.
fn keys_in_code() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut keys = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f.strip_prefix(root()).unwrap().display().to_string();
        for (i, _) in text.match_indices("t!(\"") {
            // `print!("…")` and friends end in `t!(` too: the macro stands alone.
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // Keys named in comments are examples, not requests.
            let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            if text[line_start..i].trim_start().starts_with("//") {
                continue;
            }
            let rest = &text[i + 4..];
            if let Some(j) = rest.find('"') {
                keys.insert((rest[..j].to_string(), rel.clone()));
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_asks_for_is_in_both_languages() {
    let mut missing = Vec::new();
    for (key, file) in keys_in_code() {
        for lang in [Lang::Vi, Lang::En] {
            if i18n::keys(lang).binary_search(&key).is_err() {
                missing.push(format!("{file}: {key} missing in {}", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_language_is_chosen_by_flag_or_environment() {
    let run = |args: &[&str], env: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_orgplan"));
        c.args(args).env_remove("ORGPLAN_LANG");
        if let Some(v) = env {
            c.env("ORGPLAN_LANG", v);
        }
        let out = c.output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&["--help"], None).contains("Cách dùng:"));
    assert!(run(&["--help", "--lang", "en"], None).contains("Usage:"));
    assert!(run(&["--help"], Some("en_US.UTF-8")).contains("Usage:"));
    // The flag wins over the environment.
    assert!(run(&["--lang=vi", "--help"], Some("en")).contains("Cách dùng:"));
    let bad = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["--lang", "fr", "--help"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("“fr”"));
}

/// Removes every `⟦…⟧` (nested ones too) from `text`.
pub fn strip_marked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => out.push(' '),
        }
    }
    out
}

/// Every word that stands in a quoted string of these files: the data the output may repeat.
pub fn data_words(files: &[PathBuf]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                words.insert(w.to_lowercase());
            }
        }
        for c in f.components() {
            for w in c
                .as_os_str()
                .to_string_lossy()
                .split(|c: char| !c.is_alphanumeric())
            {
                words.insert(w.to_lowercase());
            }
        }
    }
    words
}

/// The words of `output` outside the catalogue's brackets that are not data.
pub fn bypassing_words(output: &str, data: &BTreeSet<String>) -> Vec<String> {
    let plain = strip_marked(output);
    let mut found = BTreeSet::new();
    for w in plain.split(|c: char| !c.is_alphabetic()) {
        if w.chars().count() < 2 {
            continue;
        }
        if !data.contains(&w.to_lowercase()) {
            found.insert(w.to_string());
        }
    }
    found.into_iter().collect()
}

#[test]
fn the_marked_language_shows_what_bypasses_the_catalogue() {
    // The check itself: bracketed text is catalogue text, the rest must be data.
    let data = data_words(&[root().join("scenarios/hong-phu.ron")]);
    assert!(bypassing_words("⟦Tổng: ⟦39⟧ ứng viên⟧ Xã Hồng Phú 12.742", &data).is_empty());
    assert_eq!(
        bypassing_words("⟦Tổng⟧ Hồng Phú Quit", &data),
        vec!["Quit".to_string()]
    );
}

//! The reference (`docs/reference.{vi,en}.md`) describes every field of the three input files:
//! each struct and field name of `src/files/raw.rs` (what serde reads) must appear in both
//! languages, written as code (`` `field` ``), so that a field added to the files without its
//! documentation fails here.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The names the file format uses: each `#[serde(rename = "X")]` struct and each field of the
/// `Raw*` structs and of the rule variants.
fn file_format_names() -> BTreeSet<String> {
    let raw = read("src/files/raw.rs");
    let mut names = BTreeSet::new();
    let mut in_raw = false;
    for line in raw.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("#[serde(rename = \"") {
            // `Rule` is only the name messages give the enum: rules are written `Pin(...)` ….
            if let Some(name) = rest.split('"').next().filter(|n| *n != "Rule") {
                names.insert(name.to_string());
            }
        }
        if line.starts_with("pub struct Raw") || line.starts_with("pub enum RawRule") {
            in_raw = true;
        } else if line == "}" {
            in_raw = false;
        } else if in_raw {
            // `pub field: Type,` in structs; `Variant { a: T, b: U },` and `a: T,` in the rules.
            let body = line.strip_prefix("pub ").unwrap_or(line);
            let body = body.split_once('{').map_or(body, |(_, b)| b);
            for part in body.split(',') {
                if let Some((field, _)) = part.split_once(':') {
                    let field = field.trim();
                    if !field.is_empty()
                        && !field.starts_with("//")
                        && field
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                    {
                        names.insert(field.to_string());
                    }
                }
            }
        }
    }
    names
}

#[test]
fn the_reference_names_every_field_of_the_files_in_both_languages() {
    let names = file_format_names();
    // The parse found the files' structure (a broken parse would find nothing to check).
    for expected in [
        "Model",
        "Staff",
        "Merger",
        "TemplatePosition",
        "salary_coefficient",
        "required_for",
        "local",
        "share",
    ] {
        assert!(
            names.contains(expected),
            "{expected} not found in raw.rs: {names:?}"
        );
    }
    for doc in ["docs/reference.vi.md", "docs/reference.en.md"] {
        let text = read(doc);
        let missing: Vec<&String> = names
            .iter()
            .filter(|n| !text.contains(&format!("`{n}`")) && !text.contains(&format!("`{n}(")))
            .collect();
        assert!(missing.is_empty(), "{doc} does not describe: {missing:?}");
    }
}

#[test]
fn the_reference_covers_every_rule_and_the_readme_links_it() {
    let readme = read("README.md");
    for doc in ["docs/reference.vi.md", "docs/reference.en.md"] {
        let text = read(doc);
        for rule in [
            "Pin(staff, position)",
            "Forbid(staff, position)",
            "Keep(staff)",
            "MinShare(gender, kind, share)",
        ] {
            assert!(text.contains(rule), "{doc}: {rule}");
        }
        assert!(text.contains("law.md"), "{doc} links the law data");
        assert!(readme.contains(doc), "README links {doc}");
    }
}

//! The default output of the main commands holds no text that bypassed the catalogue, and
//! `--lang en` gives English (issue "Vietnamese first"). The commands are those of the issue's
//! acceptance: plan with --explain, package, overlaps, compare, diff, show, validate on broken
//! files, and an infeasible plan.

use std::path::PathBuf;
use std::process::Command;

use super::i18n::{bypassing_words, data_words};

fn repo(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// Each command's arguments and the input files whose words its output may repeat.
fn commands() -> Vec<(Vec<String>, Vec<PathBuf>)> {
    let s = |p: &str| repo(p).display().to_string();
    let model = repo("models/chuong-my-2024.ron");
    let norms = repo("models/norms/nd33-2023.ron");
    let inputs = |extra: &[&str]| {
        let mut v = vec![model.clone(), norms.clone()];
        v.extend(extra.iter().map(|p| repo(p)));
        v
    };
    let bad_dir = repo("tests/fixtures/bad");
    let mut bad: Vec<PathBuf> = std::fs::read_dir(&bad_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    bad.sort();
    let mut out = vec![
        (
            vec![
                "plan".into(),
                s("scenarios/hong-phu.ron"),
                "--explain".into(),
            ],
            inputs(&["scenarios/hong-phu.ron"]),
        ),
        (
            vec![
                "plan".into(),
                s("scenarios/hoa-phu.ron"),
                "--explain".into(),
            ],
            inputs(&["scenarios/hoa-phu.ron"]),
        ),
        (
            vec![
                "package".into(),
                "DP-16".into(),
                "--scenario".into(),
                s("scenarios/hong-phu.ron"),
            ],
            inputs(&["scenarios/hong-phu.ron"]),
        ),
        (
            vec![
                "overlaps".into(),
                s("scenarios/hong-phu.ron"),
                "--before".into(),
            ],
            inputs(&["scenarios/hong-phu.ron"]),
        ),
        (
            vec![
                "compare".into(),
                s("scenarios/hong-phu.ron"),
                s("scenarios/hoa-phu.ron"),
            ],
            inputs(&["scenarios/hong-phu.ron", "scenarios/hoa-phu.ron"]),
        ),
        (
            vec![
                "diff".into(),
                s("models/chuong-my-2024.ron"),
                s("scenarios/hong-phu.ron"),
            ],
            inputs(&["scenarios/hong-phu.ron"]),
        ),
        (
            vec!["show".into(), s("models/chuong-my-2024.ron")],
            inputs(&[]),
        ),
        (
            vec!["plan".into(), s("tests/fixtures/i18n/infeasible.ron")],
            inputs(&["tests/fixtures/i18n/infeasible.ron"]),
        ),
    ];
    for f in bad {
        out.push((vec!["validate".into(), f.display().to_string()], vec![f]));
    }
    out
}

fn run(args: &[String], lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .env("ORGPLAN_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_default_output_has_no_text_outside_the_catalogue() {
    let mut problems = Vec::new();
    for (args, files) in commands() {
        let data = data_words(&files);
        let mut out = run(&args, "marked");
        if args[0] == "report" {
            out = page_text(&out);
        }
        let words = bypassing_words(&out, &data);
        if !words.is_empty() {
            problems.push(format!("orgplan {}: {}", args.join(" "), words.join(" ")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The text a reader sees on an HTML page: no style, no script, no tags, entities decoded.
fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        let tail = &rest[i..];
        let end_of = |close: &str| tail.find(close).map(|j| j + close.len());
        let skip = if tail.starts_with("<style") {
            end_of("</style>")
        } else if tail.starts_with("<script") {
            end_of("</script>")
        } else {
            end_of(">")
        };
        rest = &tail[skip.unwrap_or(tail.len())..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
}

#[test]
fn english_is_one_flag_away() {
    let out = run(
        &[
            "plan".into(),
            repo("scenarios/hong-phu.ron").display().to_string(),
        ],
        "en",
    );
    assert!(out.contains("Surplus"), "{out}");
    let vi = run(
        &[
            "plan".into(),
            repo("scenarios/hong-phu.ron").display().to_string(),
        ],
        "vi",
    );
    assert!(vi.contains("Dôi dư"), "{vi}");
}

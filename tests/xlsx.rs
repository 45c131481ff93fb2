//! Workbooks (issue 6): `plan`, `diff` and `compare` with `--format xlsx` read back with
//! calamine — the sheets, the Vietnamese headers and names intact, amounts and counts stored as
//! numbers, and the same bytes for the same input.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader};

use crate::EXAMPLES;

const MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/examples/chuong-my-2024.ron"
);

/// Runs orgplan with `--format xlsx -o FILE` and returns the workbook's bytes.
fn xlsx(args: &[&str], dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .args(["--format", "xlsx", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).unwrap()
}

/// The workbook's sheets, each as rows of cells.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn plan_workbook_has_its_sheets_with_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = xlsx(
        &["plan", EXAMPLES[0], "--no-timing"],
        dir.path(),
        "plan.xlsx",
    );
    let again = xlsx(
        &["plan", EXAMPLES[0], "--no-timing"],
        dir.path(),
        "again.xlsx",
    );
    assert_eq!(bytes, again, "same input, same workbook");
    let s = sheets(&bytes);
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Tổng hợp", "Bố trí", "Dôi dư", "Còn thiếu", "Lộ trình"]
    );

    // Summary: Hồng Phú, 39 candidates, 20 placed, 19 surplus, the cost in đồng as a number.
    let summary = &s[0].1;
    assert_eq!(text(&summary[0][1]), "Tên");
    assert_eq!(text(&summary[1][1]), "Xã Hồng Phú");
    assert_eq!(number(&summary[1][6]), 39.0);
    assert_eq!(number(&summary[1][7]), 20.0);
    assert_eq!(number(&summary[1][8]), 19.0);
    // Issue 12: M with the 25% public-service allowance and the revised rules. Checked by hand:
    // DP-16 (4.98, 356 months, m = 82): M = 4.98 × 2,340,000 × 1.25 = 14,566,500;
    // 0.9 × 60 M + 4 × 7 M + (5 + 0.5 × 10) M = 92 M = 1,340,118,000; DP-02 (Cadre, 3.03 +
    // 0.25, 95 months, no pension): M = 3.28 × 2,925,000 = 9,594,000; 48 M + 1.5 × 8 M + 3 M =
    // 63 M = 604,422,000.
    assert_eq!(number(&summary[1][10]), 12_504_405_713.0);

    // Placements: one row per placed person, names with their diacritics.
    let placed = &s[1].1;
    assert_eq!(placed.len(), 1 + 20);
    // DP-01, past retirement age, is not placed (issue 12).
    assert!(placed.iter().all(|r| text(&r[4]) != "Khuất Hữu Trung"));
    assert!(placed.iter().any(|r| text(&r[4]) == "Nguyễn Đức Phong"));

    // Surplus: one row per surplus person, every package's cost adding up to the total.
    let surplus = &s[2].1;
    assert_eq!(surplus.len(), 1 + 19);
    let total: f64 = surplus[1..].iter().map(|r| number(&r[8])).sum();
    assert_eq!(total, 12_504_405_713.0);
    assert!(surplus[1..].iter().all(|r| text(&r[9]).contains("m = ")));
}

#[test]
fn diff_workbook_lists_every_person_once() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = xlsx(&["diff", MODEL, EXAMPLES[0]], dir.path(), "diff.xlsx");
    let s = sheets(&bytes);
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Tổng hợp", "Biên chế trước-sau", "Nhân sự"]);
    let people = &s[2].1;
    assert_eq!(people.len(), 1 + 74);
    let mut ids: Vec<String> = people[1..].iter().map(|r| text(&r[1])).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 74);
    let posts = &s[1].1;
    let bi_thu = posts
        .iter()
        .find(|r| text(&r[2]) == "hong-phu.bi-thu")
        .unwrap();
    assert_eq!(text(&bi_thu[3]), "Bí thư Đảng ủy");
    assert_eq!(
        [number(&bi_thu[4]), number(&bi_thu[5]), number(&bi_thu[6])],
        [2.0, 1.0, 1.0]
    );
}

#[test]
fn compare_workbook_has_a_column_per_scenario_and_the_best() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["compare"];
    args.extend(EXAMPLES);
    let bytes = xlsx(&args, dir.path(), "compare.xlsx");
    let s = sheets(&bytes);
    assert_eq!(s.len(), 1);
    let rows = &s[0].1;
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(
        header,
        [
            "Chỉ tiêu",
            "Đơn vị tính",
            "hong-phu",
            "hoa-phu",
            "chuong-my-2025",
            "Tốt nhất"
        ]
    );
    let surplus = rows.iter().find(|r| text(&r[0]) == "Dôi dư").unwrap();
    assert_eq!(
        [
            number(&surplus[2]),
            number(&surplus[3]),
            number(&surplus[4])
        ],
        [19.0, 16.0, 34.0]
    );
    assert_eq!(text(&surplus[5]), "hoa-phu");
}

#[test]
fn validate_has_no_workbook() {
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["validate", MODEL, "--format", "xlsx"])
        .output()
        .unwrap();
    // A usage error (exit 2) that lists what validate writes, and only that.
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("table, json, csv"), "{err}");
    let help = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["validate", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("csv") && !help.contains("xlsx"), "{help}");
}

#[test]
fn overlaps_workbook_has_one_row_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = xlsx(&["overlaps", MODEL], dir.path(), "overlaps.xlsx");
    let s = sheets(&bytes);
    assert_eq!(s.len(), 1);
    let csv = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["overlaps", MODEL, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    // The same records as the CSV, header included.
    assert_eq!(s[0].1.len(), csv.lines().count());
    assert!(s[0]
        .1
        .iter()
        .flatten()
        .any(|c| text(c).contains("Xã Hồng Phong")));
}

/// Every CSV a person opens is headed in words of the reader's language, never by the
/// report's field names (`cost_vnd`, `from_post`): the headers come from the catalogue.
#[test]
fn csv_headers_are_words_in_the_readers_language() {
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/bad/bad-date-born.ron"
    );
    let commands: [&[&str]; 5] = [
        &["plan", EXAMPLES[0], "--no-timing"],
        &["show", MODEL],
        &["diff", MODEL, EXAMPLES[0]],
        &["overlaps", MODEL],
        &["validate", bad],
    ];
    for args in commands {
        for (lang, expect) in [("vi", "Mã"), ("en", "")] {
            let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
                .args(args)
                .args(["--format", "csv", "--lang", lang])
                .output()
                .unwrap();
            let csv = String::from_utf8(out.stdout).unwrap();
            let mut r = csv::Reader::from_reader(csv.as_bytes());
            let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
            assert!(!header.is_empty(), "{args:?} {lang}: no header in {csv:?}");
            for h in &header {
                assert!(
                    !h.contains('_'),
                    "{args:?} {lang}: field name {h:?} as a header"
                );
                assert!(
                    h.chars().next().is_some_and(char::is_uppercase),
                    "{args:?} {lang}: {h:?} is not a header written for people"
                );
            }
            if lang == "vi" && args[0] != "validate" {
                assert!(header.iter().any(|h| h.starts_with(expect)), "{header:?}");
            }
        }
    }
}

/// `package --format csv` is CSV (it printed JSON): one row per term of the working, then the
/// total, whose amount is the sum of the terms; `--format xlsx` is refused by clap (exit 2).
#[test]
fn package_csv_lists_the_terms_and_their_total() {
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args([
            "package",
            "DP-16",
            "--scenario",
            EXAMPLES[0],
            "--format",
            "csv",
        ])
        .env("ORGPLAN_LANG", "vi")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "Mã cán bộ");
    let amount = headers.iter().position(|h| h == "Số tiền (đồng)").unwrap();
    let term = headers.iter().position(|h| h == "Khoản").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let (total, terms) = rows.split_last().unwrap();
    assert_eq!(&total[term], "Tổng");
    assert!(!terms.is_empty());
    let sum: u64 = terms
        .iter()
        .map(|t| t[amount].parse::<u64>().unwrap())
        .sum();
    assert_eq!(total[amount].parse::<u64>().unwrap(), sum);
    let xlsx = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args([
            "package",
            "DP-16",
            "--scenario",
            EXAMPLES[0],
            "--format",
            "xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(xlsx.status.code(), Some(2));
}

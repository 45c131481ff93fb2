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
    assert_eq!(number(&summary[1][10]), 11_663_894_970.0);

    // Placements: one row per placed person, names with their diacritics.
    let placed = &s[1].1;
    assert_eq!(placed.len(), 1 + 20);
    assert!(placed.iter().any(|r| text(&r[4]) == "Khuất Hữu Trung"));

    // Surplus: one row per surplus person, every package's cost adding up to the total.
    let surplus = &s[2].1;
    assert_eq!(surplus.len(), 1 + 19);
    let total: f64 = surplus[1..].iter().map(|r| number(&r[8])).sum();
    assert_eq!(total, 11_663_894_970.0);
    assert!(surplus[1..].iter().all(|r| text(&r[9]).contains("Decree")));
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
            "Chỉ tiêu (measure)",
            "Đơn vị tính",
            "hong-phu",
            "hoa-phu",
            "chuong-my-2025",
            "Tốt nhất (best)"
        ]
    );
    let surplus = rows.iter().find(|r| text(&r[0]) == "surplus").unwrap();
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
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("table, json or csv"));
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

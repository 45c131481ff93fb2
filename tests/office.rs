//! Issue 18, the office path: a home-affairs office's own workbook — one section row per
//! commune ("I. XÃ HÒA PHÚ"), a title and date line, columns orgplan does not read, a
//! "Tổng cộng" line — read into the real old units of the 2025 map, and planned on the
//! two-tier norms, every person exactly once.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn orgplan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("ORGPLAN_LANG")
        .output()
        .expect("orgplan runs")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The model of xã Hòa Phú's six old communes, no people, in a new folder.
fn hoa_phu_units() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let o = orgplan(&[
        "gen",
        "--real",
        "--unit",
        "10096",
        "--no-staff",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

/// Imports `table` into the folder's `model.ron`; the output, and the model when it succeeds.
fn import_into(dir: &Path, table: &Path) -> (std::process::Output, Option<orgplan::model::Model>) {
    let out = dir.join("model-own.ron");
    let _ = std::fs::remove_file(&out);
    let o = orgplan(&[
        "import",
        table.to_str().unwrap(),
        "--into",
        dir.join("model.ron").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let m = o
        .status
        .success()
        .then(|| orgplan::model::load_model(&out).unwrap().value);
    (o, m)
}

/// People per unit code (every person of the model has a post). The sample's counts are
/// those of its section rows (see `examples/make_office_workbook.rs`).
fn people_by_code(m: &orgplan::model::Model) -> BTreeMap<String, usize> {
    let mut by = BTreeMap::new();
    for s in &m.staff {
        let u = &m.units[m.positions[s.position.expect("placed")].unit];
        *by.entry(u.code.clone().unwrap_or_default()).or_default() += 1;
    }
    by
}

const SAMPLE_COUNTS: [(&str, usize); 6] = [
    ("10090", 21),
    ("10096", 23),
    ("10102", 23),
    ("10105", 21),
    ("10108", 22),
    ("10159", 20),
];

#[test]
fn the_sample_workbook_goes_from_the_map_to_the_plan_of_xa_hoa_phu_every_person_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let table = repo("tests/fixtures/office/hoa-phu.xlsx");
    // The documented path: gen --real --staff, then plan.
    let o = orgplan(&[
        "gen",
        "--real",
        "--unit",
        "10096",
        "--staff",
        table.to_str().unwrap(),
        "--out",
        &d(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The unread column is named, not dropped silently.
    assert!(stderr(&o).contains("Số điện thoại"), "{}", stderr(&o));
    let m = orgplan::model::load_model(&dir.path().join("model.ron"))
        .unwrap()
        .value;
    assert_eq!(m.staff.len(), 130);
    // Each person went into the real old unit of their section, official code and all.
    let expected: BTreeMap<String, usize> = SAMPLE_COUNTS
        .iter()
        .map(|(c, n)| (c.to_string(), *n))
        .collect();
    assert_eq!(people_by_code(&m), expected);
    // Phụ cấp chức vụ and Ngạch were read.
    let chair = m
        .staff
        .iter()
        .find(|s| m.positions[s.position.unwrap()].id == "kim-thu-10159.bi-thu")
        .expect("Kim Thư's Party secretary");
    assert_eq!(
        m.positions[chair.position.unwrap()].allowance_coefficient,
        0.3
    );
    assert!(m.staff.iter().any(|s| s.grade == "01.003"));

    let o = orgplan(&["plan", &d("scenario.ron"), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let merger = &plan["mergers"][0];
    assert_eq!(merger["code"], "10096");
    assert_eq!(merger["parts"][0], "kim-thu-10159");
    let mut seen: HashMap<String, usize> = HashMap::new();
    for list in ["assignments", "surplus", "retained"] {
        for e in merger[list].as_array().into_iter().flatten() {
            *seen
                .entry(e["staff"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    assert_eq!(
        seen.len(),
        130,
        "every person of the workbook is in the plan"
    );
    assert!(seen.values().all(|&n| n == 1), "and only once");
    for s in &m.staff {
        assert_eq!(seen.get(&s.id), Some(&1), "{} once", s.id);
    }
    // Kim Thư went in only in part: its people are candidates here.
    assert_eq!(
        seen.keys()
            .filter(|k| k.starts_with("kim-thu-10159-"))
            .count(),
        20
    );
    assert_eq!(plan["totals"]["candidates"], 130);
    // The two-tier norm of the real xã Hòa Phú: 48 posts.
    assert_eq!(merger["norm"], 48);
}

#[test]
fn a_don_vi_column_and_arabic_section_numbers_give_the_same_people_per_unit() {
    let dir = hoa_phu_units();
    let (o, m) = import_into(
        dir.path(),
        &repo("tests/fixtures/office/hoa-phu-don-vi.csv"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let m = m.unwrap();
    let expected: BTreeMap<String, usize> = SAMPLE_COUNTS
        .iter()
        .map(|(c, n)| (c.to_string(), *n))
        .collect();
    assert_eq!(people_by_code(&m), expected);
}

const HEAD: &str = "DANH SÁCH CÁN BỘ, CÔNG CHỨC\n(Số liệu đến ngày 30/06/2025)\nSTT;Họ và tên;Ngày sinh;Giới tính;Chức danh;Ngạch;Hệ số lương;Phụ cấp chức vụ\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn section_rows_in_any_case_roman_arabic_or_none_old_or_new_tone_placement_subtotals_skipped() {
    let dir = hoa_phu_units();
    let t = format!(
        "{HEAD}1. xã văn võ\n1;Nguyễn Văn An;01/02/1980;Nam;Tư pháp - hộ tịch;01.003;3,33;\n\
         ii) XÃ HOÀ PHÚ\n2;Trần Thị Bình;03/04/1985;Nữ;Văn hóa - xã hội;01.003;2,67;\n\
         Cộng: 1 người\n\
         III. Xã Kim Thư\n3;Lê Văn Cường;05/06/1970;Nam;Chủ tịch Ủy ban nhân dân;;4,98;0,25\n\
         XÃ ĐỒNG LẠC (1 người)\n4;Phạm Thu Dung;07/08/1990;Nữ;Tài chính - kế toán;01.003;3,00;\n\
         Tổng cộng: 4 người\n"
    );
    let table = write(dir.path(), "ba.csv", &t);
    let (o, m) = import_into(dir.path(), &table);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = m.unwrap();
    let codes: Vec<(String, String)> = m
        .staff
        .iter()
        .map(|s| {
            let u = &m.units[m.positions[s.position.unwrap()].unit];
            (s.name.clone(), u.code.clone().unwrap())
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("Nguyễn Văn An".to_string(), "10102".to_string()),
            ("Trần Thị Bình".to_string(), "10108".to_string()),
            ("Lê Văn Cường".to_string(), "10159".to_string()),
            ("Phạm Thu Dung".to_string(), "10105".to_string()),
        ]
    );
    assert_eq!(m.staff[0].grade, "01.003");
}

#[test]
fn a_section_name_that_matches_no_old_unit_is_an_error_listing_the_candidates() {
    let dir = hoa_phu_units();
    // "Hòa Phu" without the tone of "Phú" is another name: tone marks count.
    let t = format!(
        "{HEAD}I. XÃ HÒA PHU\n1;Nguyễn Văn An;01/02/1980;Nam;Tư pháp - hộ tịch;;3,33;\n\
         II. XÃ ĐÔNG LẠC\n2;Trần Thị Bình;03/04/1985;Nữ;Văn hóa - xã hội;;2,67;\n"
    );
    let table = write(dir.path(), "sai.csv", &t);
    let (o, m) = import_into(dir.path(), &table);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(m.is_none());
    let e = stderr(&o);
    // Both headings reported in one run, each at its row, with the closest names.
    assert!(e.contains("dòng 4") && e.contains("“XÃ HÒA PHU”"), "{e}");
    assert!(
        e.contains("“Xã Hòa Phú” (hoa-phu-10108, Huyện Chương Mỹ)"),
        "{e}"
    );
    assert!(e.contains("dòng 6") && e.contains("“XÃ ĐÔNG LẠC”"), "{e}");
    assert!(
        e.contains("“Xã Đồng Lạc” (dong-lac-10105, Huyện Chương Mỹ)"),
        "{e}"
    );
    assert!(!dir.path().join("model-own.ron").exists());
}

#[test]
fn a_don_vi_cell_that_disagrees_with_its_section_is_an_error_one_that_names_it_is_not() {
    let dir = hoa_phu_units();
    let t = "STT;Họ và tên;Ngày sinh;Giới tính;Đơn vị;Chức danh;Hệ số lương\n\
             I. XÃ VĂN VÕ\n1;Nguyễn Văn An;01/02/1980;Nam;Văn Võ;Tư pháp - hộ tịch;3,33\n\
             2;Trần Thị Bình;03/04/1985;Nữ;Xã Đồng Lạc;Văn hóa - xã hội;2,67\n";
    let table = write(dir.path(), "lech.csv", t);
    let (o, _) = import_into(dir.path(), &table);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("dòng 4"), "{e}");
    assert!(
        !e.contains("dòng 3,"),
        "“Văn Võ” under “XÃ VĂN VÕ” agrees: {e}"
    );
    assert!(
        e.contains("“Xã Đồng Lạc”") && e.contains("“XÃ VĂN VÕ” (dòng 2)"),
        "{e}"
    );
}

#[test]
fn a_workbook_mixing_two_districts_finds_each_commune_in_its_own_district() {
    let dir = hoa_phu_units();
    // A second "Xã Hòa Phú", in Huyện Thanh Oai (made up for the test).
    let model = std::fs::read_to_string(dir.path().join("model.ron")).unwrap();
    let kim_thu = model
        .lines()
        .find(|l| l.contains("Unit(id: \"kim-thu-10159\""))
        .unwrap()
        .to_string();
    let twin = "        Unit(id: \"hoa-phu-thanh-oai\", name: \"Xã Hòa Phú\", kind: Commune, parent: \"huyen-thanh-oai-01-278\", code: \"99999\"),";
    std::fs::write(
        dir.path().join("model.ron"),
        model.replace(&kim_thu, &format!("{kim_thu}\n{twin}")),
    )
    .unwrap();
    let rows = "1;Nguyễn Văn An;01/02/1980;Nam;Tư pháp - hộ tịch;;3,33;\n";
    let rows2 = "2;Trần Thị Bình;03/04/1985;Nữ;Văn hóa - xã hội;;2,67;\n";
    let t = format!(
        "{HEAD}A. HUYỆN CHƯƠNG MỸ\nI. XÃ HÒA PHÚ\n{rows}B. HUYỆN THANH OAI\nI. XÃ HÒA PHÚ\n{rows2}\
         II. XÃ KIM THƯ\n3;Lê Văn Cường;05/06/1970;Nam;Chủ tịch Ủy ban nhân dân;;4,98;0,25\n"
    );
    let table = write(dir.path(), "hai-huyen.csv", &t);
    let (o, m) = import_into(dir.path(), &table);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = m.unwrap();
    let unit_of = |name: &str| {
        let s = m.staff.iter().find(|s| s.name == name).unwrap();
        m.units[m.positions[s.position.unwrap()].unit].id.clone()
    };
    assert_eq!(unit_of("Nguyễn Văn An"), "hoa-phu-10108");
    assert_eq!(unit_of("Trần Thị Bình"), "hoa-phu-thanh-oai");
    assert_eq!(unit_of("Lê Văn Cường"), "kim-thu-10159");

    // Without the district rows the name is ambiguous: an error naming both, with districts.
    let t = format!("{HEAD}I. XÃ HÒA PHÚ\n{rows}");
    let table = write(dir.path(), "mot-ten.csv", &t);
    let (o, _) = import_into(dir.path(), &table);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("(hoa-phu-10108, Huyện Chương Mỹ)"), "{e}");
    assert!(e.contains("(hoa-phu-thanh-oai, Huyện Thanh Oai)"), "{e}");

    // A district the model does not have: an error with the districts it has.
    let t = format!("{HEAD}A. HUYỆN ỨNG HÒA\nI. XÃ HÒA PHÚ\n{rows}");
    let table = write(dir.path(), "huyen-la.csv", &t);
    let (o, _) = import_into(dir.path(), &table);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("“HUYỆN ỨNG HÒA”"), "{}", stderr(&o));
}

#[test]
fn kim_thus_people_may_be_claimed_by_the_other_unit_that_took_a_part_each_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let table = repo("tests/fixtures/office/hoa-phu.xlsx");
    // Xã Hòa Phú (10096) and xã Thanh Oai (10114), the two new units that took a part of Kim Thư.
    let o = orgplan(&[
        "gen",
        "--real",
        "--unit",
        "10096",
        "--unit",
        "10114",
        "--staff",
        table.to_str().unwrap(),
        "--out",
        &d(""),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = orgplan(&["plan", &d("scenario.ron"), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut kim_thu_by_unit: BTreeMap<String, usize> = BTreeMap::new();
    for m in plan["mergers"].as_array().unwrap() {
        for list in ["assignments", "surplus", "retained"] {
            for e in m[list].as_array().into_iter().flatten() {
                let id = e["staff"].as_str().unwrap();
                *seen.entry(id.to_string()).or_default() += 1;
                if list == "assignments" && id.starts_with("kim-thu-10159-") {
                    *kim_thu_by_unit
                        .entry(m["code"].as_str().unwrap().to_string())
                        .or_default() += 1;
                }
            }
        }
    }
    assert_eq!(seen.len(), 130);
    assert!(seen.values().all(|&n| n == 1), "every person exactly once");
    // The other unit, whose own old communes have nobody in this workbook, claims some of them.
    assert!(
        kim_thu_by_unit.get("10114").is_some_and(|&n| n > 0),
        "{kim_thu_by_unit:?}"
    );
}

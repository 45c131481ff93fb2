//! The text of plan, explanations, show, help and usage errors (issue "Vietnamese first"):
//! Vietnamese by default, English with `--lang en`, in the reader's convention, with the
//! newcomer problems fixed (negative months explained, old posts by title, plurals, usage
//! errors in the reader's language with exit 2).

use std::path::PathBuf;
use std::process::Command;

fn repo(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(p)
        .display()
        .to_string()
}

/// Runs orgplan in a language; returns (exit code, stdout, stderr).
fn run(args: &[&str], lang: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .env("ORGPLAN_LANG", lang)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_is_in_the_readers_language_with_translated_value_names() {
    let (code, vi, _) = run(&["plan", "--help"], "vi");
    assert_eq!(code, Some(0));
    assert!(
        vi.contains("Cách dùng: orgplan plan [TÙY_CHỌN] <KỊCH_BẢN>"),
        "{vi}"
    );
    assert!(vi.contains("Tệp kịch bản"), "{vi}");
    assert!(vi.contains("[mặc định: table]"), "{vi}");
    assert!(
        !vi.contains("[default:") && !vi.contains("possible values"),
        "{vi}"
    );
    let (_, en, _) = run(&["plan", "--help"], "en");
    assert!(
        en.contains("Usage: orgplan plan [OPTIONS] <SCENARIO>"),
        "{en}"
    );
    assert!(en.contains("A Scenario file"), "{en}");
    // Every command has its help in Vietnamese.
    let (_, top, _) = run(&["--help"], "vi");
    for line in top.lines().skip_while(|l| !l.starts_with("Lệnh")).skip(1) {
        if line.trim().is_empty() {
            break;
        }
        let about = line
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!about.is_empty(), "{line}");
        let (_, en_top, _) = run(&["--help"], "en");
        assert!(!en_top.contains(&about), "not translated: {line}");
    }
}

#[test]
fn usage_errors_are_translated_and_exit_2() {
    let (code, _, err) = run(&["plan", "x.ron", "--format", "yaml"], "vi");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("lỗi: giá trị “yaml” không hợp lệ cho --format <DẠNG>"),
        "{err}"
    );
    assert!(err.contains("table, json, csv, xlsx"), "{err}");
    let (code, _, err) = run(&["plan", "x.ron", "--formt", "csv"], "vi");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("không có tùy chọn --formt") && err.contains("“--format”"),
        "{err}"
    );
    let (code, _, err) = run(&["plan"], "vi");
    assert_eq!(code, Some(2));
    assert!(err.contains("thiếu đối số bắt buộc: <KỊCH_BẢN>"), "{err}");
    let (code, _, err) = run(&["plna"], "en");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("unrecognized command “plna”") && err.contains("“plan”"),
        "{err}"
    );
}

#[test]
fn plan_reads_as_vietnamese_and_explains_those_at_retirement_age() {
    let (code, out, _) = run(
        &["plan", &repo("scenarios/hong-phu.ron"), "--no-timing"],
        "vi",
    );
    assert_eq!(code, Some(0));
    assert!(out.contains("hiệu lực từ 01/01/2025"), "{out}");
    assert!(
        out.contains("dân số 12.742, diện tích 7,17 km²; định mức 20; ứng viên 39"),
        "{out}"
    );
    // DP-11 is past the retirement age (months -7, pension from 2024-06 in the plan's JSON):
    // listed among those who retire, under a heading that says so, with the month in the
    // reader's format — not a bare negative number.
    let retired = out
        .split("Nghỉ hưu — đã đến tuổi nghỉ hưu, không bố trí (4):")
        .nth(1)
        .expect("no section of those at retirement age");
    let dp11 = retired.lines().find(|l| l.contains("(DP-11)")).unwrap();
    assert!(dp11.contains("06/2024"), "{dp11}");
    assert!(!dp11.contains("-7"), "{dp11}");
    // Old posts by their title, packages and money in Vietnamese (DP-16: early retirement,
    // 1,340,118,000 VND in the plan's JSON).
    assert!(dp11.contains("Chủ tịch Hội Cựu"), "{dp11}");
    let dp16 = out.lines().find(|l| l.contains("(DP-16)")).unwrap();
    assert!(dp16.contains("Nghỉ hưu trước tuổi"), "{dp16}");
    assert!(dp16.contains("1.340.118.000 đ"), "{dp16}");
    assert!(
        out.contains("Bộ giải: tối ưu (đã chứng minh), 0,000 giây"),
        "{out}"
    );
    for english in ["Quit", "EarlyRetirement", "Optimal", "Solver", "component"] {
        assert!(!out.contains(english), "{english} in\n{out}");
    }
    // English: plurals chosen by number.
    let (_, en, _) = run(
        &["plan", &repo("scenarios/hong-phu.ron"), "--no-timing"],
        "en",
    );
    assert!(en.contains("(one component, one node)"), "{en}");
    assert!(en.contains("Roadmap over 5 years:"), "{en}");
    assert!(
        en.contains("1,340,118,000 ₫") && en.contains("Early retirement"),
        "{en}"
    );
}

#[test]
fn explanations_are_sentences_in_either_language() {
    let s = repo("scenarios/hoa-phu.ron");
    let (_, vi, _) = run(&["plan", &s, "--explain"], "vi");
    assert!(
        vi.contains(
            "hoa-phu.tu-phap ×1: không ứng viên nào đủ điều kiện: thiếu yêu cầu bắt buộc law (34 ứng viên); đã đến tuổi nghỉ hưu (đang hưởng lương hưu) và không có quy tắc giữ lại (1 ứng viên)"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("điểm phù hợp 124 = liên tục công việc 100"),
        "{vi}"
    );
    let (_, en, _) = run(&["plan", &s, "--explain"], "en");
    assert!(
        en.contains(
            "no candidate may take it: missing the required qualification law (34 candidates); past retirement age (pension started), and no Retain rule keeps the person (one candidate)"
        ),
        "{en}"
    );
    assert!(!en.contains("35 lacks"), "{en}");
}

#[test]
fn an_infeasible_plan_names_its_rules_in_vietnamese() {
    let (code, out, err) = run(&["plan", &repo("tests/fixtures/i18n/infeasible.ron")], "vi");
    assert_eq!(code, Some(1));
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(
            "không thể lập phương án: hong-phu.chu-tich-ubnd có định mức 1 nhưng có 2 người được chỉ định vào: DP-05 (quy tắc 1), HP-05 (quy tắc 2) [quy tắc 1, 2]"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "quy tắc 3 chỉ định DP-13 vào hong-phu.bi-thu, nhưng DP-13 không đủ điều kiện"
        ),
        "{err}"
    );
    let (_, _, en) = run(&["plan", &repo("tests/fixtures/i18n/infeasible.ron")], "en");
    assert!(
        en.contains("hong-phu.chu-tich-ubnd has a quota of 1 but 2 people are pinned to it"),
        "{en}"
    );
}

#[test]
fn show_and_its_csv_are_for_people() {
    let m = repo("models/chuong-my-2024.ron");
    let (_, out, _) = run(&["show", &m], "vi");
    assert!(out.contains("(tính đến 31/12/2024)"), "{out}");
    assert!(out.contains("⚠ vượt định mức"), "{out}");
    assert!(
        out.contains("Công chức") && !out.contains("CivilServant"),
        "{out}"
    );
    let (_, en, _) = run(&["show", &m], "en");
    assert!(en.contains("11 units, 74 posts"), "{en}");
    let (_, csv, _) = run(&["show", &m, "--format", "csv"], "vi");
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with("Mã đơn vị,Tên đơn vị,Loại đơn vị"),
        "{header}"
    );
    assert!(!header.contains('_'), "{header}");
    // JSON stays the machine format, English field names and values.
    let (_, json, _) = run(&["show", &m, "--format", "json"], "vi");
    assert!(json.contains("\"kind\": \"CivilServant\""), "{json}");
}

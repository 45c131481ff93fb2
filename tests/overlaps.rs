//! `orgplan overlaps` (issue 5): every finding kind of SPEC §4 on small hand-built models, the
//! Chương Mỹ example checked finding by finding, the Hồng Phú merger before and after, and
//! the command line's JSON, CSV, table and exit codes.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use orgplan::files::source::SourceFile;
use orgplan::model::{check_model, load_scenario, Model};
use orgplan::overlaps::{self, Change, Finding, FindingKind, Options, Severity};

const CHUONG_MY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/examples/chuong-my-2024.ron"
);
const HONG_PHU: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/examples/hong-phu.ron"
);

/// A model from the inside of `Model(...)`: functions, units, mandates and positions.
fn model(body: &str) -> Model {
    let text = format!("Model(name: \"test\", as_of: \"2024-12-31\", {body}, staff: [])");
    match check_model(&Arc::new(SourceFile::new("test.ron", text))) {
        Ok(l) => l.value,
        Err(d) => panic!("test model does not check: {d:?}"),
    }
}

fn detect(m: &Model) -> Vec<Finding> {
    overlaps::detect(m, &Options::default())
}

/// (kind, functions, units) of each finding, as a set of short strings for comparison.
fn summary(findings: &[Finding]) -> BTreeSet<String> {
    findings
        .iter()
        .map(|f| format!("{} {} {}", f.kind, f.functions.join(","), f.units.join(",")))
        .collect()
}

fn of_kind(findings: &[Finding], kind: FindingKind) -> Vec<&Finding> {
    findings.iter().filter(|f| f.kind == kind).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A district with two Departments and two communes; `f` has no level and no requirement.
const TWO_TIERS: &str = r#"
    units: [
        Unit(id: "h", name: "Huyện A", kind: District),
        Unit(id: "h.vp", name: "Văn phòng HĐND và UBND", kind: Department, parent: "h"),
        Unit(id: "h.vh", name: "Phòng Văn hóa", kind: Department, parent: "h"),
        Unit(id: "x1", name: "Xã Một", kind: Commune, parent: "h"),
        Unit(id: "x2", name: "Xã Hai", kind: Commune, parent: "h"),
        Unit(id: "k", name: "Huyện B", kind: District),
        Unit(id: "k.vh", name: "Phòng Văn hóa", kind: Department, parent: "k"),
        Unit(id: "y1", name: "Xã Ba", kind: Commune, parent: "k"),
    ]"#;

fn two_tiers(functions: &str, mandates: &str, positions: &str) -> Model {
    model(&format!(
        "functions: [{functions}], {TWO_TIERS}, mandates: [{mandates}], positions: [{positions}]"
    ))
}

const F: &str = r#"Function(id: "f", name: "Chuyển đổi số")"#;

/// Posts covering `f` in every unit, so that UnstaffedMandate stays out of the way.
const STAFFED: &str = r#"
    Position(id: "h.p", unit: "h", title: "Chủ tịch", kind: Leader, functions: ["f"]),
    Position(id: "h.vp.p", unit: "h.vp", title: "Chuyên viên", kind: CivilServant, functions: ["f"]),
    Position(id: "h.vh.p", unit: "h.vh", title: "Chuyên viên", kind: CivilServant, functions: ["f"]),
    Position(id: "k.vh.p", unit: "k.vh", title: "Chuyên viên", kind: CivilServant, functions: ["f"]),
    Position(id: "x1.p", unit: "x1", title: "Công chức", kind: CivilServant, functions: ["f"]),
    Position(id: "x2.p", unit: "x2", title: "Công chức", kind: CivilServant, functions: ["f"]),
    Position(id: "y1.p", unit: "y1", title: "Công chức", kind: CivilServant, functions: ["f"]),
"#;

#[test]
fn two_bodies_leading_one_function_in_one_district_are_a_duplicate_lead() {
    let m = two_tiers(
        F,
        r#"Mandate(unit: "h.vp", function: "f", role: Lead),
           Mandate(unit: "h.vh", function: "f", role: Lead)"#,
        STAFFED,
    );
    let found = detect(&m);
    assert_eq!(summary(&found), set(&["DuplicateLead f h.vp,h.vh"]));
    let d = &found[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.scope.as_deref(), Some("h"));
    assert_eq!(
        d.message,
        "\"Chuyển đổi số\" được chủ trì bởi 2 đơn vị trên cùng địa bàn Huyện A: \
         Văn phòng HĐND và UBND, Phòng Văn hóa"
    );
}

#[test]
fn a_coordinate_role_is_not_a_lead() {
    let m = two_tiers(
        r#"Function(id: "f", name: "Chuyển đổi số", required_for: [Commune])"#,
        r#"Mandate(unit: "h.vp", function: "f", role: Lead),
           Mandate(unit: "h.vh", function: "f", role: Coordinate),
           Mandate(unit: "x1", function: "f", role: Coordinate),
           Mandate(unit: "x2", function: "f", role: Coordinate),
           Mandate(unit: "y1", function: "f", role: Lead)"#,
        STAFFED,
    );
    // Not a duplicate with h.vp, not a tier under it, and it does not close x1's and x2's gaps.
    assert_eq!(summary(&detect(&m)), set(&["Gap f x1", "Gap f x2"]));
}

#[test]
fn two_communes_leading_a_function_on_their_own_territories_are_not_duplicates() {
    let m = two_tiers(
        F,
        r#"Mandate(unit: "x1", function: "f"), Mandate(unit: "x2", function: "f"),
           Mandate(unit: "y1", function: "f")"#,
        STAFFED,
    );
    assert_eq!(detect(&m), vec![]);
}

#[test]
fn a_departments_territory_is_its_administrative_parents() {
    // The district and its own Department lead: one territory, two leads.
    let m = two_tiers(
        F,
        r#"Mandate(unit: "h", function: "f"), Mandate(unit: "h.vh", function: "f"),
           Mandate(unit: "k.vh", function: "f")"#,
        STAFFED,
    );
    let found = detect(&m);
    // k.vh is in another district: no duplicate with either.
    assert_eq!(summary(&found), set(&["DuplicateLead f h,h.vh"]));
    assert_eq!(found[0].scope.as_deref(), Some("h"));

    // An Agency inside a Department still covers the district.
    let nested = model(&format!(
        r#"functions: [{F}], units: [
            Unit(id: "h", name: "Huyện A", kind: District),
            Unit(id: "h.vh", name: "Phòng Văn hóa", kind: Department, parent: "h"),
            Unit(id: "h.vh.tt", name: "Trung tâm Văn hóa", kind: Agency, parent: "h.vh"),
            Unit(id: "h.nv", name: "Phòng Nội vụ", kind: Department, parent: "h")],
           mandates: [Mandate(unit: "h.vh.tt", function: "f"), Mandate(unit: "h.nv", function: "f")],
           positions: [
            Position(id: "a", unit: "h.vh.tt", title: "Viên chức", kind: CivilServant, functions: ["f"]),
            Position(id: "b", unit: "h.nv", title: "Chuyên viên", kind: CivilServant, functions: ["f"])]"#
    ));
    assert_eq!(
        summary(&detect(&nested)),
        set(&["DuplicateLead f h.vh.tt,h.nv"])
    );
}

#[test]
fn a_district_body_and_a_commune_inside_leading_one_function_are_a_vertical_duplicate() {
    let m = two_tiers(
        F,
        r#"Mandate(unit: "h.vh", function: "f"), Mandate(unit: "x1", function: "f"),
           Mandate(unit: "x2", function: "f"), Mandate(unit: "y1", function: "f")"#,
        STAFFED,
    );
    let found = detect(&m);
    // y1 is under the other district, where no district body leads f.
    assert_eq!(summary(&found), set(&["VerticalDuplicate f h.vh,x1,x2"]));
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].scope.as_deref(), Some("h"));
    assert!(found[0]
        .message
        .contains("cấp huyện: Phòng Văn hóa (Huyện A); cấp xã: Xã Một, Xã Hai"));
}

#[test]
fn three_nested_tiers_make_one_vertical_duplicate_under_the_uppermost() {
    let m = model(&format!(
        r#"functions: [{F}], units: [
            Unit(id: "t", name: "Thành phố Hà Nội", kind: Province),
            Unit(id: "h", name: "Huyện A", kind: District, parent: "t"),
            Unit(id: "x", name: "Xã Một", kind: Commune, parent: "h"),
            Unit(id: "w", name: "Phường Hai", kind: Ward, parent: "t")],
           mandates: [Mandate(unit: "t", function: "f"), Mandate(unit: "h", function: "f"),
                      Mandate(unit: "x", function: "f")],
           positions: [
            Position(id: "t.p", unit: "t", title: "a", kind: Leader, functions: ["f"]),
            Position(id: "h.p", unit: "h", title: "a", kind: Leader, functions: ["f"]),
            Position(id: "x.p", unit: "x", title: "a", kind: Leader, functions: ["f"])]"#
    ));
    let found = detect(&m);
    assert_eq!(summary(&found), set(&["VerticalDuplicate f t,h,x"]));
    assert_eq!(found[0].scope.as_deref(), Some("t"));
}

#[test]
fn a_function_led_at_another_tier_than_its_level_is_misplaced() {
    let m = two_tiers(
        r#"Function(id: "f", name: "Cấp phép xây dựng", level: Commune),
           Function(id: "g", name: "Tổ chức cán bộ", level: District),
           Function(id: "n", name: "Thống kê")"#,
        r#"Mandate(unit: "h.vh", function: "f"), Mandate(unit: "y1", function: "f"),
           Mandate(unit: "k.vh", function: "g"), Mandate(unit: "x1", function: "g"),
           Mandate(unit: "h.vp", function: "n")"#,
        r#"Position(id: "p", unit: "h", title: "Chủ tịch", kind: Leader, functions: ["f", "g", "n"]),
           Position(id: "q", unit: "k", title: "Chủ tịch", kind: Leader, functions: ["g", "f"]),
           Position(id: "r", unit: "x1", title: "Công chức", kind: CivilServant, functions: ["g"]),
           Position(id: "s", unit: "y1", title: "Công chức", kind: CivilServant, functions: ["f"])"#,
    );
    let found = detect(&m);
    let misplaced = of_kind(&found, FindingKind::MisplacedLevel);
    let got: BTreeSet<String> = misplaced
        .iter()
        .map(|f| format!("{} {}", f.functions[0], f.units[0]))
        .collect();
    // f (Commune) by a district body, g (District) by a commune; y1 and k.vh are in place and
    // n has no level.
    assert_eq!(got, set(&["f h.vh", "g x1"]));
    assert!(misplaced[0]
        .message
        .contains("là chức năng cấp xã nhưng do Phòng Văn hóa (cấp huyện) chủ trì"));
}

#[test]
fn a_gap_is_closed_by_a_department_of_the_unit() {
    let functions = r#"Function(id: "f", name: "Văn phòng", required_for: [District, Commune])"#;
    let open = two_tiers(
        functions,
        r#"Mandate(unit: "x1", function: "f"), Mandate(unit: "x2", function: "f")"#,
        STAFFED,
    );
    assert_eq!(
        summary(
            &of_kind(&detect(&open), FindingKind::Gap)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        ),
        set(&["Gap f h", "Gap f k", "Gap f y1"])
    );
    // h.vp closes Huyện A's gap; k.vh closes Huyện B's; y1 leads itself. A Department of another
    // district closes nothing, and a commune is not closed by its district's bodies.
    let closed = two_tiers(
        functions,
        r#"Mandate(unit: "x1", function: "f"), Mandate(unit: "x2", function: "f"),
           Mandate(unit: "h.vp", function: "f"), Mandate(unit: "k.vh", function: "f")"#,
        STAFFED,
    );
    let found = detect(&closed);
    let gaps = of_kind(&found, FindingKind::Gap);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].units, ["y1"]);
    assert_eq!(gaps[0].severity, Severity::Error);
    assert_eq!(
        gaps[0].message,
        "Xã Ba (kể cả các phòng, ban trực thuộc) không chủ trì \"Văn phòng\", chức năng bắt buộc \
         đối với xã"
    );
}

#[test]
fn a_mandate_is_staffed_by_a_post_of_the_unit_or_of_its_bodies_only() {
    let m = two_tiers(
        F,
        // h leads, its Department's post covers it; h.vh leads, only the district's post
        // would cover it; x1 leads with no post at all; k.vh leads with its own post.
        r#"Mandate(unit: "h", function: "f"), Mandate(unit: "k.vh", function: "f"),
           Mandate(unit: "x1", function: "f")"#,
        r#"Position(id: "h.vp.p", unit: "h.vp", title: "Chuyên viên", kind: CivilServant, functions: ["f"]),
           Position(id: "k.p", unit: "k", title: "Chủ tịch", kind: Leader, functions: []),
           Position(id: "k.vh.p", unit: "k.vh", title: "Chuyên viên", kind: CivilServant, functions: ["f"])"#,
    );
    let found = detect(&m);
    assert_eq!(
        summary(&found),
        set(&["UnstaffedMandate f x1", "VerticalDuplicate f h,x1"])
    );

    let body_only = two_tiers(
        F,
        r#"Mandate(unit: "h.vh", function: "f")"#,
        r#"Position(id: "h.p", unit: "h", title: "Chủ tịch", kind: Leader, functions: ["f"])"#,
    );
    assert_eq!(
        summary(&detect(&body_only)),
        set(&["UnstaffedMandate f h.vh"])
    );
}

#[test]
fn position_overlap_is_only_for_distinct_posts_of_the_same_unit() {
    let m = two_tiers(
        F,
        r#"Mandate(unit: "x1", function: "f"), Mandate(unit: "x2", function: "f")"#,
        r#"Position(id: "x1.a", unit: "x1", title: "Chủ tịch", kind: Cadre, functions: ["f"]),
           Position(id: "x1.b", unit: "x1", title: "Phó Chủ tịch", kind: Cadre, functions: ["f"]),
           Position(id: "x2.a", unit: "x2", title: "Công chức", kind: CivilServant, functions: ["f", "f"]),
           Position(id: "h.a", unit: "h", title: "Chuyên viên", kind: CivilServant, functions: ["f"]),
           Position(id: "h.vh.a", unit: "h.vh", title: "Chuyên viên", kind: CivilServant, functions: ["f"])"#,
    );
    let found = detect(&m);
    // x2's one post naming f twice, and h's post with its Department's, are not overlaps.
    assert_eq!(summary(&found), set(&["PositionOverlap f x1"]));
    assert_eq!(found[0].positions, ["x1.a", "x1.b"]);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(
        found[0].message,
        "2 vị trí của Xã Một cùng đảm nhiệm \"Chuyển đổi số\": Chủ tịch, Phó Chủ tịch"
    );
}

#[test]
fn similar_functions_ignore_tone_marks_case_punctuation_and_va() {
    let nfd: String = {
        use unicode_normalization::UnicodeNormalization;
        "THỦY LỢI VÀ NÔNG NGHIỆP".nfd().collect()
    };
    let m = model(&format!(
        r#"functions: [
            Function(id: "a", name: "Văn hóa, thông tin, thể thao"),
            Function(id: "b", name: "Văn hoá, thông tin và thể thao"),
            Function(id: "c", name: "Quản lý đất đai, địa chính"),
            Function(id: "d", name: "Quản lý nhà nước về đất đai trên địa bàn huyện"),
            Function(id: "e", name: "Nông nghiệp, thủy lợi"),
            Function(id: "g", name: "{nfd}"),
            Function(id: "h", name: "Thống kê", description: "số liệu dân số"),
            Function(id: "i", name: "Thống kê", description: "số liệu nông nghiệp, thủy sản")],
           units: [], mandates: [], positions: []"#
    ));
    let found = detect(&m);
    let pairs: BTreeSet<String> = found.iter().map(|f| f.functions.join("~")).collect();
    // Same name, different descriptions: name + description are compared, and differ.
    assert_eq!(pairs, set(&["a~b", "e~g"]));
    assert!(found
        .iter()
        .all(|f| f.kind == FindingKind::SimilarFunctions));
    assert!(found[0].message.contains("(độ tương đồng 1.00)"));

    // The threshold is the planner's: at 0.5 the same-named statistics functions match too.
    let loose = overlaps::detect(&m, &Options { similarity: 0.5 });
    let pairs: BTreeSet<String> = loose.iter().map(|f| f.functions.join("~")).collect();
    assert!(pairs.contains("h~i"), "{pairs:?}");
    assert!(!pairs.contains("c~d"), "{pairs:?}");
}

/// The margin behind the default threshold: in the Chương Mỹ catalogue the one near-duplicate
/// pair scores 1.0 and the closest distinct pair 0.62 (two "Công tác Hội …" functions).
#[test]
fn the_example_catalogue_has_one_near_duplicate_and_a_wide_margin() {
    use orgplan::overlaps::text::Prepared;
    let m = orgplan::model::load_model(Path::new(CHUONG_MY))
        .unwrap()
        .value;
    let texts: Vec<Prepared> = m.functions.iter().map(|f| Prepared::new(&f.name)).collect();
    let mut scores = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            let pair = format!("{}~{}", m.functions[i].id, m.functions[j].id);
            scores.push((texts[i].similarity(&texts[j]), pair));
        }
    }
    scores.sort_by(|a, b| b.0.total_cmp(&a.0));
    assert_eq!(scores[0], (1.0, "van-hoa~van-hoa-co-so".to_string()));
    assert_eq!(scores[1].1, "phu-nu~cuu-chien-binh");
    assert!((scores[1].0 - 0.6207).abs() < 1e-4, "{:?}", scores[1]);
}

#[test]
fn findings_come_sorted_by_severity_then_kind_then_ids() {
    let found = detect(
        &orgplan::model::load_model(Path::new(CHUONG_MY))
            .unwrap()
            .value,
    );
    let mut sorted = found.clone();
    sorted.sort_by(|a, b| {
        (a.severity, a.kind, &a.functions, &a.units).cmp(&(
            b.severity,
            b.kind,
            &b.functions,
            &b.units,
        ))
    });
    assert_eq!(found, sorted);
    assert!(found.iter().all(|f| f.severity == f.kind.severity()));
}

/// The Chương Mỹ example as a planner reads it:
/// - the district's culture office (cm.vhtt) and culture centre (cm.ttvh) both lead grassroots
///   culture, and cm.vhtt and the district office (cm.van-phong) both lead digital
///   transformation, which three communes lead as well;
/// - building permits (a commune-level function) are led by the district's urban office and
///   by Đồng Phú, which has no post for them;
/// - Hồng Phong leads no digital transformation although every commune must;
/// - Phú Nam An has no culture-and-society post for the culture and labour functions it leads;
/// - the catalogue holds "Văn hóa, thông tin, thể thao" twice, spelt two ways;
/// - every commune has a secretary and deputy for the Party committee, a chair and deputy for
///   the council and for the people's committee, and the home-affairs office a head and staff
///   on the same function (PositionOverlap, info).
#[test]
fn chuong_my_2024_has_exactly_the_findings_a_planner_sees() {
    let m = orgplan::model::load_model(Path::new(CHUONG_MY))
        .unwrap()
        .value;
    let found = detect(&m);
    let mut expected = vec![
        "DuplicateLead chuyen-doi-so cm.van-phong,cm.vhtt",
        "DuplicateLead van-hoa-co-so cm.vhtt,cm.ttvh",
        "Gap chuyen-doi-so hong-phong",
        "VerticalDuplicate cap-phep-xay-dung cm.qldt,dong-phu",
        "VerticalDuplicate chuyen-doi-so cm.van-phong,cm.vhtt,dong-phu,phu-nam-an,hoa-chinh",
        "MisplacedLevel cap-phep-xay-dung cm.qldt",
        "UnstaffedMandate cap-phep-xay-dung dong-phu",
        "UnstaffedMandate van-hoa phu-nam-an",
        "UnstaffedMandate xa-hoi phu-nam-an",
        "PositionOverlap to-chuc-can-bo cm.noi-vu",
        "SimilarFunctions van-hoa,van-hoa-co-so ",
    ];
    let overlaps: Vec<String> = ["dong-phu", "hong-phong", "phu-nam-an", "hoa-chinh"]
        .iter()
        .flat_map(|u| ["dang-uy", "hdnd", "ubnd"].map(|f| format!("PositionOverlap {f} {u}")))
        .collect();
    expected.extend(overlaps.iter().map(String::as_str));
    assert_eq!(summary(&found), set(&expected));
    assert_eq!(found.len(), expected.len());

    // No false DuplicateLead: exactly the two, both over the district.
    let dups = of_kind(&found, FindingKind::DuplicateLead);
    assert!(dups.iter().all(|d| d.scope.as_deref() == Some("chuong-my")));
    // The de-an-06 Coordinate of cm.noi-vu is not a Lead.
    assert!(found.iter().all(|f| f.functions != ["de-an-06"]));
    let counts = |s: Severity| found.iter().filter(|f| f.severity == s).count();
    assert_eq!(
        (
            counts(Severity::Error),
            counts(Severity::Warning),
            counts(Severity::Info)
        ),
        (3, 6, 14)
    );
}

#[test]
fn detection_on_a_scenario_sees_the_organization_after_its_mergers() {
    let s = load_scenario(Path::new(HONG_PHU)).unwrap().value;
    let found = overlaps::detect_scenario(&s, &Options::default());
    for f in &found {
        for u in &f.units {
            assert!(
                u != "dong-phu" && u != "hong-phong",
                "dissolved unit in {f:?}"
            );
        }
        for p in &f.positions {
            assert!(
                !p.starts_with("dong-phu.") && !p.starts_with("hong-phong."),
                "{f:?}"
            );
        }
    }
    let s = summary(&found);
    assert!(s.contains(
        "VerticalDuplicate chuyen-doi-so cm.van-phong,cm.vhtt,phu-nam-an,hoa-chinh,hong-phu"
    ));
    // Đồng Phú's building-permit mandate moved to Hồng Phú, whose template has no post for it.
    assert!(s.contains("UnstaffedMandate cap-phep-xay-dung hong-phu"));
    assert!(!s.iter().any(|x| x.starts_with("Gap")));
}

#[test]
fn the_hong_phu_merger_closes_the_gap_and_keeps_the_district_duplicates() {
    let s = load_scenario(Path::new(HONG_PHU)).unwrap().value;
    let compared = overlaps::compare_scenario(&s, &Options::default());
    let of = |c: Change| -> BTreeSet<String> {
        let fs: Vec<Finding> = compared
            .iter()
            .filter(|(_, x)| *x == c)
            .map(|(f, _)| f.clone())
            .collect();
        summary(&fs)
    };
    // Hồng Phú inherits Đồng Phú's Lead of chuyen-doi-so: Hồng Phong's gap is gone.
    assert_eq!(of(Change::Gone), set(&["Gap chuyen-doi-so hong-phong"]));
    assert_eq!(of(Change::New), set(&[]));
    let kept = of(Change::Kept);
    for k in [
        "DuplicateLead chuyen-doi-so cm.van-phong,cm.vhtt",
        "DuplicateLead van-hoa-co-so cm.vhtt,cm.ttvh",
        "MisplacedLevel cap-phep-xay-dung cm.qldt",
        "VerticalDuplicate cap-phep-xay-dung cm.qldt,hong-phu",
        "UnstaffedMandate cap-phep-xay-dung hong-phu",
        "UnstaffedMandate van-hoa phu-nam-an",
        "PositionOverlap dang-uy hong-phu",
        "SimilarFunctions van-hoa,van-hoa-co-so ",
    ] {
        assert!(kept.contains(k), "{k} not kept: {kept:?}");
    }
    // Two communes' leader/deputy overlaps become the merged commune's one.
    assert_eq!(kept.len(), 19);
    // Sorted by severity, kind, then change.
    let order: Vec<_> = compared
        .iter()
        .map(|(f, c)| (f.severity, f.kind, *c))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn compare_matches_a_finding_through_the_unit_its_unit_merges_into() {
    // Before: Hồng Phong's and Đồng Phú's Party-committee overlaps; after: Hồng Phú's. Kept,
    // not gone and new.
    let s = load_scenario(Path::new(HONG_PHU)).unwrap().value;
    let compared = overlaps::compare_scenario(&s, &Options::default());
    let dang_uy: Vec<_> = compared
        .iter()
        .filter(|(f, _)| f.kind == FindingKind::PositionOverlap && f.functions == ["dang-uy"])
        .map(|(f, c)| (f.units.join(","), *c))
        .collect();
    assert_eq!(
        dang_uy,
        [
            ("hoa-chinh".to_string(), Change::Kept),
            ("hong-phu".to_string(), Change::Kept),
            ("phu-nam-an".to_string(), Change::Kept)
        ]
    );
}

// ---- the command line ----

fn orgplan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .output()
        .expect("orgplan runs")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn overlaps_json_has_the_fields_of_spec_7_1() {
    let out = orgplan(&["overlaps", CHUONG_MY, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let findings = v["findings"].as_array().expect("findings is a list");
    assert_eq!(findings.len(), 23);
    for f in findings {
        for key in ["kind", "severity", "message"] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        for key in ["functions", "units", "positions"] {
            assert!(
                f[key]
                    .as_array()
                    .is_some_and(|a| a.iter().all(|x| x.is_string())),
                "{key} in {f}"
            );
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
        assert!(f.get("change").is_none());
    }
    let first = &findings[0];
    assert_eq!(first["kind"], "DuplicateLead");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["functions"], serde_json::json!(["chuyen-doi-so"]));
    assert_eq!(
        first["units"],
        serde_json::json!(["cm.van-phong", "cm.vhtt"])
    );
    assert_eq!(first["positions"], serde_json::json!([]));
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("trên cùng địa bàn Huyện Chương Mỹ"));
}

#[test]
fn overlaps_before_marks_each_finding_in_json_and_csv() {
    let out = orgplan(&["overlaps", HONG_PHU, "--before", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let gone: Vec<_> = findings.iter().filter(|f| f["change"] == "gone").collect();
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0]["kind"], "Gap");
    assert_eq!(gone[0]["units"], serde_json::json!(["hong-phong"]));
    assert!(findings
        .iter()
        .all(|f| ["new", "gone", "kept"].contains(&f["change"].as_str().unwrap())));

    let csv = orgplan(&["overlaps", HONG_PHU, "--before", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv.stdout.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "severity",
            "kind",
            "change",
            "functions",
            "units",
            "positions",
            "scope",
            "message"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), findings.len());
    assert!(rows.iter().any(|row| &row[1] == "Gap" && &row[2] == "gone"));
}

#[test]
fn overlaps_table_fits_in_100_columns() {
    use unicode_width::UnicodeWidthStr;
    for args in [
        vec!["overlaps", CHUONG_MY],
        vec!["overlaps", HONG_PHU, "--before"],
    ] {
        let out = orgplan(&args);
        let text = stdout(&out);
        assert!(text.contains("error · DuplicateLead (2)"), "{text}");
        for line in text.lines() {
            assert!(line.width() <= 100, "{} columns: {line}", line.width());
        }
    }
    let text = stdout(&orgplan(&["overlaps", CHUONG_MY]));
    // Grouped by severity, then kind.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("error · DuplicateLead") < at("error · Gap"));
    assert!(at("error · Gap") < at("warning · VerticalDuplicate"));
    assert!(at("warning · UnstaffedMandate") < at("info · PositionOverlap"));
    assert!(text.ends_with("23 findings: 3 error, 6 warning, 14 info\n"));
}

#[test]
fn fail_on_exits_1_when_a_finding_is_at_least_that_severe() {
    let code = |args: &[&str]| orgplan(args).status.code();
    assert_eq!(
        code(&["overlaps", CHUONG_MY, "--fail-on", "error"]),
        Some(1)
    );
    assert_eq!(code(&["overlaps", CHUONG_MY, "--fail-on", "info"]), Some(1));
    // After the merger the only error left is the district's duplicate leads.
    assert_eq!(code(&["overlaps", HONG_PHU, "--fail-on", "error"]), Some(1));
    assert_eq!(
        code(&["overlaps", CHUONG_MY, "--fail-on", "nonsense"]),
        Some(2)
    );
    assert_eq!(
        code(&["overlaps", CHUONG_MY, "--similarity", "1.5"]),
        Some(2)
    );
    // --before needs a scenario.
    assert_eq!(code(&["overlaps", CHUONG_MY, "--before"]), Some(2));
}

#[test]
fn fail_on_passes_a_model_without_findings_at_that_severity() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clean.ron");
    std::fs::write(
        &path,
        r#"Model(name: "clean", as_of: "2024-12-31",
            functions: [Function(id: "f", name: "Thống kê", required_for: [Commune])],
            units: [Unit(id: "x", name: "Xã Một", kind: Commune)],
            mandates: [Mandate(unit: "x", function: "f")],
            positions: [
                Position(id: "x.a", unit: "x", title: "Công chức", kind: CivilServant, functions: ["f"]),
                Position(id: "x.b", unit: "x", title: "Công chức", kind: CivilServant, functions: ["f"])],
            staff: [])"#,
    )
    .unwrap();
    let p = path.to_str().unwrap();
    // One PositionOverlap (info): passes --fail-on warning, fails --fail-on info.
    assert_eq!(
        orgplan(&["overlaps", p, "--fail-on", "warning"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        orgplan(&["overlaps", p, "--fail-on", "info"]).status.code(),
        Some(1)
    );
    let out = orgplan(&[
        "overlaps",
        p,
        "-o",
        dir.path().join("o.json").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("o.json")).unwrap()).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

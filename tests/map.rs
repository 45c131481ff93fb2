//! The real 2025 map (issue 13): the embedded table accounted for row by row, lookups with and
//! without tone marks, bad map data caught, partial mergers (a split unit's people placed at
//! most once, its mandates followed), the two-tier norms' population rule, and the real
//! scenarios (`gen --real`) of Hà Nội and of xã Hòa Phú.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use orgplan::files::raw::UnitKind;
use orgplan::gen::real::{generate_real, generate_units, RealConfig};
use orgplan::map::{self, Hit, Map};

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

#[test]
fn every_row_of_the_map_is_accounted_for() {
    let m = map::official();
    // Records, not lines: a seat's address may hold a line break.
    let records = |text: &str| csv::Reader::from_reader(text.as_bytes()).records().count();
    let census = records(map::OLD_UNITS_CSV);
    let links = records(map::MAPPING_CSV);
    let new = records(map::NEW_UNITS_CSV);
    assert_eq!((census, new, links), (10_035, 3_321, 10_571));
    // Every census row is an old unit; the table adds 5 island districts and one strip.
    assert_eq!(m.old.len(), 10_035 + 6);
    assert_eq!(m.new.len(), 3_321);
    assert_eq!(m.links.len(), 10_571);
    assert_eq!(m.split_units().count(), 440);
    // Each link is listed once by its old unit and once by its new unit.
    let by_old: usize = m.old.iter().map(|o| o.targets.len()).sum();
    let by_new: usize = m.new.iter().map(|n| n.sources.len()).sum();
    assert_eq!((by_old, by_new), (10_571, 10_571));
    assert!(m.old.iter().all(|o| !o.targets.is_empty()));
    assert!(m.new.iter().all(|n| !n.sources.is_empty()));
    // A link is a part exactly when its old unit is split.
    assert!(m.links.iter().all(|l| l.part == m.old[l.old].is_split()));
    let kinds = |k| m.new.iter().filter(|n| n.kind == k).count();
    assert_eq!(
        (
            kinds(UnitKind::Commune),
            kinds(UnitKind::Ward),
            kinds(UnitKind::SpecialZone)
        ),
        (2_621, 687, 13)
    );
    assert_eq!(m.provinces().len(), 34);
    let hn = m.province("Hà Nội").unwrap();
    assert_eq!(hn.len(), 126);
    let mut old: Vec<usize> = hn
        .iter()
        .flat_map(|&n| m.new[n].sources.iter().map(|&l| m.links[l].old))
        .collect();
    old.sort_unstable();
    old.dedup();
    assert_eq!(old.len(), 526);
}

#[test]
fn hoa_phu_10096_is_formed_from_six_units_with_part_of_kim_thu() {
    let m = map::official();
    let hp = m.new_unit("10096").unwrap();
    assert_eq!(hp.name, "Xã Hòa Phú");
    assert_eq!((hp.population, hp.area_km2), (Some(48_822), Some(29.87)));
    let sources: Vec<(&str, bool)> = hp
        .sources
        .iter()
        .map(|&l| (m.old[m.links[l].old].name.as_str(), m.links[l].part))
        .collect();
    assert_eq!(
        sources,
        [
            ("Xã Thượng Vực", false),
            ("Xã Hồng Phú", false),
            ("Xã Văn Võ", false),
            ("Xã Đồng Lạc", false),
            ("Xã Hòa Phú", false),
            ("Xã Kim Thư", true),
        ]
    );
    let kim_thu = m.old_unit("10159").unwrap();
    let into: Vec<&str> = kim_thu
        .targets
        .iter()
        .map(|&l| m.new[m.links[l].new].code.as_str())
        .collect();
    assert_eq!(into, ["10096", "10114"]);
}

#[test]
fn lookups_work_with_and_without_tone_marks() {
    let m = map::official();
    let hoa_phu = Hit::New(m.new_index("10096").unwrap());
    // NFC, NFD, old-style "Hoà", capitals, no marks, with the kind: the same hits.
    let nfd = "Ho\u{0300}a Phu\u{0301}";
    let queries = ["Hòa Phú", nfd, "Hoà Phú", "HÒA PHÚ", "hoa phu"];
    let first = m.search(queries[0], 100);
    assert!(first.contains(&hoa_phu));
    for q in queries {
        assert_eq!(m.search(q, 100), first, "query {q:?}");
    }
    // With the kind written, only communes, with or without marks.
    let communes = m.search("Xã Hòa Phú", 100);
    assert_eq!(m.search("xa hoa phu", 100), communes);
    assert!(communes.contains(&hoa_phu));
    assert!(communes.len() < first.len());
    assert!(communes.iter().all(|h| first.contains(h)));
    // New units first; the old xã Hòa Phú (10108) that went into it is found too.
    assert!(matches!(first[0], Hit::New(_)));
    assert!(first.contains(&Hit::Old(m.old_index("10108").unwrap())));
    // The kind narrows: there is no phường Hòa Phú.
    assert!(m.search("Phường Hòa Phú", 100).iter().all(
        |h| matches!(h, Hit::New(n) if m.new[*n].kind == UnitKind::Ward)
            || matches!(h, Hit::Old(o) if m.old[*o].kind == UnitKind::Ward)
    ));
    // A code finds the new unit and the old unit that had it (Hồng Phú was 10096).
    assert_eq!(
        m.search("10096", 10),
        [hoa_phu, Hit::Old(m.old_index("10096").unwrap())]
    );
    assert_eq!(m.old_unit("10096").unwrap().name, "Xã Hồng Phú");
    // A word inside a name: "kim thu" finds Kim Thư, split in two.
    let kt = m.search("kim thu", 10);
    assert!(kt.contains(&Hit::Old(m.old_index("10159").unwrap())));
    assert!(m.search("zzzz", 10).is_empty());
    // Provinces by name with or without tone marks and "Thành phố", or by code.
    assert_eq!(m.province("ha noi"), m.province("Thành phố Hà Nội"));
    assert_eq!(m.province("01"), m.province("Hà Nội"));
    assert!(m.province("Atlantis").is_none());
}

const MAPPING_HEAD: &str = "old_code,old_name,old_district,old_district_code,old_province,old_province_code,new_code,new_name,new_province,new_province_code,nso_note,n_new_targets,n_old_sources\n";
const NEW_HEAD: &str = "new_code,new_name,new_province,new_province_code,n_old_sources,old_codes,population_bando2025,area_km2,admin_center\n";
const OLD_HEAD: &str = "old_code,old_name,old_district,pop2019,urban2019,rural2019,pop_flags\n";

fn mapping_row(old: &str, new: &str, targets: u32, sources: u32) -> String {
    format!("{old},Xã {old},Huyện A,001,Tỉnh A,01,{new},Xã {new},Tỉnh A,01,Nhập toàn bộ,{targets},{sources}\n")
}

#[test]
fn a_good_small_map_parses() {
    let mapping = format!(
        "{MAPPING_HEAD}{}{}{}",
        mapping_row("00001", "10001", 1, 2),
        mapping_row("00002", "10001", 2, 2),
        mapping_row("00002", "10002", 2, 1)
    );
    let new = format!(
        "{NEW_HEAD}10001,Xã Một,Tỉnh A,01,2,00001;00002,9000,12.5,x\n10002,Phường Hai,Tỉnh A,01,1,00002,,3.0,y\n"
    );
    let old = format!(
        "{OLD_HEAD}00001,Xã Một Cũ,Huyện A,5000,0,5000,\n00002,Xã Hai Cũ,Huyện A,7000,0,7000,\n"
    );
    let m = Map::parse(&mapping, &new, &old).unwrap();
    assert_eq!((m.old.len(), m.new.len(), m.links.len()), (2, 2, 3));
    assert_eq!(m.split_units().count(), 1);
    assert_eq!(m.new_unit("10002").unwrap().population, None);
    assert_eq!(m.new_unit("10002").unwrap().kind, UnitKind::Ward);
}

#[test]
fn bad_map_data_is_caught_with_file_and_line() {
    // A new code twice, an old code twice, a new unit with no source, a link to an unknown
    // new unit, and counts that disagree with the rows: all reported in one run.
    let mapping = format!(
        "{MAPPING_HEAD}{}{}",
        mapping_row("00001", "10001", 1, 2),
        mapping_row("00002", "19999", 1, 1)
    );
    let new = format!(
        "{NEW_HEAD}10001,Xã Một,Tỉnh A,01,1,00001,9000,12.5,x\n10001,Xã Một Nữa,Tỉnh A,01,1,00001,1,1,x\n10003,Xã Ba,Tỉnh A,01,1,00003,1,1,x\n"
    );
    let old = format!(
        "{OLD_HEAD}00001,Xã Một Cũ,Huyện A,5000,0,5000,\n00001,Xã Trùng,Huyện A,1,0,1,\n00002,Xã Hai Cũ,Huyện A,nhiều,0,0,\n00003,Xã Ba Cũ,Huyện A,1,0,1,\n"
    );
    let problems = Map::parse(&mapping, &new, &old).unwrap_err();
    let has = |file: &str, line: u64, text: &str| {
        problems
            .iter()
            .any(|p| p.file == file && p.line == line && p.message.contains(text))
    };
    let all = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        has(
            "new_units.csv",
            3,
            "mã đơn vị mới \"10001\" xuất hiện hai lần"
        ),
        "{all}"
    );
    assert!(
        has(
            "old_units.csv",
            3,
            "mã đơn vị cũ \"00001\" xuất hiện hai lần"
        ),
        "{all}"
    );
    assert!(
        has("old_units.csv", 4, "pop2019 \"nhiều\" không phải số nguyên"),
        "{all}"
    );
    assert!(
        has("new_units.csv", 4, "10003 (Xã Ba) không có nguồn"),
        "{all}"
    );
    assert!(
        has(
            "mapping.csv",
            3,
            "đơn vị mới \"19999\" không có trong new_units.csv"
        ),
        "{all}"
    );
    assert!(
        has("mapping.csv", 2, "n_old_sources của 10001 là 2"),
        "{all}"
    );
    assert!(
        has(
            "old_units.csv",
            5,
            "00003 (Xã Ba Cũ) không vào đơn vị mới nào"
        ),
        "{all}"
    );
    assert!(
        has(
            "old_units.csv",
            4,
            "00002 (Xã Hai Cũ) không vào đơn vị mới nào"
        ) || has("mapping.csv", 3, "19999"),
        "{all}"
    );
}

#[test]
fn a_split_units_person_is_placed_once_and_its_mandates_go_to_each() {
    let s = orgplan::model::load_scenario(&repo("tests/fixtures/good/split-scenario.ron"))
        .unwrap()
        .value;
    let binh = s.model.unit("binh").unwrap();
    assert_eq!(s.mergers[0].parts, [binh]);
    assert_eq!(s.mergers[1].parts, [binh]);
    // Population is given for the first, and not summed for the second (it takes a part).
    assert_eq!(s.mergers[0].into.population, Some(8_100));
    assert_eq!(s.mergers[1].into.population, None);
    assert_eq!(s.mergers[1].into.code.as_deref(), Some("90002"));
    // Bình's people are candidates of both mergers, the others of their own.
    let sets = s.candidate_sets();
    let b02 = s.model.staff_member("B-02").unwrap();
    assert_eq!(sets[b02], [0, 1]);
    assert_eq!(sets[s.model.staff_member("C-01").unwrap()], [1]);

    let plan = orgplan::alloc::plan(&s).unwrap();
    // One component: Bình links the two mergers.
    assert_eq!(plan.solver.components, 1);
    assert_eq!(plan.mergers[0].parts, ["binh"]);
    // Every candidate exactly once, assigned or surplus, over both mergers.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for m in &plan.mergers {
        for a in &m.assignments {
            *seen.entry(a.staff.clone()).or_default() += 1;
        }
        for x in &m.surplus {
            *seen.entry(x.staff.clone()).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), 9, "{seen:?}");
    assert!(seen.values().all(|&n| n == 1), "{seen:?}");
    assert_eq!(plan.totals.candidates, 9);
    // Cường's people hold no land qualification: Xã Cường Mới's land posts can only be filled
    // by Bình's B-02, who is a candidate there through the split.
    let b02_post = plan
        .mergers
        .iter()
        .flat_map(|m| &m.assignments)
        .find(|a| a.staff == "B-02")
        .map(|a| a.position.as_str());
    assert_eq!(b02_post, Some("cuong-moi.dia-chinh"));
    // The JSON carries the parts and the codes.
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["mergers"][1]["parts"][0], "binh");
    assert_eq!(json["mergers"][0]["code"], "90001");

    // Bình's mandates go to each new unit: its Lead of dia-chinh is on both.
    let applied = orgplan::merge::apply(&s);
    let dia = applied.model.function("dia-chinh").unwrap();
    for &u in &applied.new_units {
        assert!(
            applied
                .model
                .mandates
                .iter()
                .any(|m| m.unit == u && m.function == dia),
            "new unit {} lacks Bình's mandate",
            applied.model.units[u].id
        );
    }
    assert_eq!(
        applied.model.units[binh].merged_into,
        Some(applied.new_units[0])
    );

    // diff: every person of either side exactly once.
    let before = orgplan::diff::Staffing::from_model(&s.model, "trước");
    let after = orgplan::diff::Staffing::from_plan(&s, &plan, "sau");
    let d = orgplan::diff::diff(&before, &after);
    let mut ids: Vec<&str> = d.people.iter().map(|p| p.staff.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert_eq!(n, 10);

    // compare: Bình counts once among the dissolved units; the plan's figures are the plan's.
    let c = orgplan::compare::compare(&[("tách".to_string(), s.clone())]).unwrap();
    let value = |m: &str| c.row(m).and_then(|r| r.values[0].as_f64());
    assert_eq!(value("units-dissolved"), Some(3.0));
    assert_eq!(value("units-created"), Some(2.0));
    assert_eq!(value(orgplan::compare::measure::STAFF), Some(9.0));
    // overlaps before/after: no finding is about a dissolved unit after the mergers.
    let findings = orgplan::overlaps::detect_scenario(&s, &Default::default());
    assert!(findings.iter().all(|f| !f
        .units
        .iter()
        .any(|u| ["an", "binh", "cuong"].contains(&u.as_str()))));
}

#[test]
fn the_two_tier_template_grows_with_the_population() {
    let text = std::fs::read_to_string(repo("models/norms/nd150-2025.ron")).unwrap();
    let src = std::sync::Arc::new(orgplan::files::source::SourceFile::new(
        repo("models/norms/nd150-2025.ron"),
        text,
    ));
    let norms = orgplan::model::check_norms(&src).unwrap().value;
    let tpl = |id: &str| norms.templates.iter().find(|t| t.id == id).unwrap();
    for id in ["nd150-commune", "nd150-ward", "nd150-special-zone"] {
        assert_eq!(tpl(id).norm(), 32, "{id}");
        let q = |p| tpl(id).quotas(p).iter().sum::<u32>();
        assert_eq!(q(None), 32);
        assert_eq!(q(Some(16_000)), 32);
        assert_eq!(q(Some(17_999)), 32);
        assert_eq!(q(Some(18_000)), 33);
        assert_eq!(q(Some(48_822)), 48);
    }
    // At most 50 posts in a commune, 70 in a ward.
    assert_eq!(
        tpl("nd150-commune")
            .quotas(Some(200_000))
            .iter()
            .sum::<u32>(),
        50
    );
    assert_eq!(
        tpl("nd150-ward").quotas(Some(200_000)).iter().sum::<u32>(),
        70
    );
    // The three departments and the centre are there.
    let titles: Vec<&str> = tpl("nd150-ward")
        .positions
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    for t in [
        "Chánh Văn phòng HĐND và UBND",
        "Trưởng phòng Kinh tế, Hạ tầng và Đô thị",
        "Trưởng phòng Văn hóa - Xã hội",
        "Phó Giám đốc Trung tâm phục vụ hành chính công",
    ] {
        assert!(titles.contains(&t), "{t} missing from {titles:?}");
    }
    // The commune standard is 8,000 people in both norms.
    for n in ["models/norms/nd150-2025.ron", "models/norms/nd33-2023.ron"] {
        let text = std::fs::read_to_string(repo(n)).unwrap();
        assert!(
            text.contains("Standard(unit_kind: Commune, min_population: 8000"),
            "{n}"
        );
    }
}

fn write(dir: &Path, g: &orgplan::gen::real::RealGenerated) -> PathBuf {
    for (name, text) in [
        ("model.ron", &g.model),
        ("norms.ron", &g.norms),
        ("scenario.ron", &g.scenario),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir.join("scenario.ron")
}

#[test]
fn gen_real_ha_noi_gives_126_new_units_from_526_and_validates() {
    let cfg = RealConfig {
        province: Some("Hà Nội".into()),
        ..RealConfig::default()
    };
    let g = generate_real(&cfg).unwrap();
    assert_eq!((g.old_units, g.new_units), (526, 126));
    // Deterministic: the same files again.
    let again = generate_real(&cfg).unwrap();
    assert!(g.model == again.model && g.scenario == again.scenario);
    let dir = tempfile::tempdir().unwrap();
    let loaded = orgplan::model::load_scenario(&write(dir.path(), &g)).unwrap();
    assert!(!loaded.warnings.has_errors());
    let s = loaded.value;
    assert_eq!(s.mergers.len(), 126);
    assert_eq!(s.model.staff.len(), g.staff);
    let hp = s
        .mergers
        .iter()
        .find(|m| m.into.code.as_deref() == Some("10096"))
        .unwrap();
    let names = |us: &[usize]| -> Vec<&str> {
        us.iter().map(|&u| s.model.units[u].name.as_str()).collect()
    };
    assert_eq!(
        names(&hp.from),
        [
            "Xã Thượng Vực",
            "Xã Hồng Phú",
            "Xã Văn Võ",
            "Xã Đồng Lạc",
            "Xã Hòa Phú"
        ]
    );
    assert_eq!(names(&hp.parts), ["Xã Kim Thư"]);
    assert_eq!(hp.into.population, Some(48_822));
    assert_eq!(hp.norm(), 48);
    // Old units keep their official codes.
    assert_eq!(s.model.units[hp.parts[0]].code.as_deref(), Some("10159"));
}

#[test]
fn gen_real_of_the_whole_country_gives_3321_new_units() {
    let g = generate_real(&RealConfig::default()).unwrap();
    assert_eq!(g.new_units, 3_321);
    assert_eq!(g.old_units, 10_041);
    assert_eq!(g.split, 440);
    assert_eq!(g.scenario.matches("        Merger(").count(), 3_321);
    assert!(matches!(
        generate_real(&RealConfig {
            province: Some("Atlantis".into()),
            ..RealConfig::default()
        }),
        Err(orgplan::gen::real::RealError::UnknownProvince(_))
    ));
}

#[test]
fn the_shipped_hoa_phu_10096_scenario_plans_and_matches_the_generator() {
    let path = repo("scenarios/hoa-phu-10096.ron");
    let s = orgplan::model::load_scenario(&path).unwrap().value;
    assert_eq!(s.mergers.len(), 1);
    assert_eq!(s.mergers[0].from.len() + s.mergers[0].parts.len(), 6);
    let plan = orgplan::alloc::plan(&s).unwrap();
    let m = &plan.mergers[0];
    assert_eq!(m.norm, 48);
    assert_eq!(m.candidates, s.model.staff.len());
    assert_eq!(m.assignments.len() + m.surplus.len(), m.candidates);
    assert_eq!(plan.solver.status, "Optimal");
    // The shipped model is what `gen --real --unit 10096` writes.
    let g = generate_units(&["10096"], &RealConfig::default()).unwrap();
    let shipped = std::fs::read_to_string(repo("models/hoa-phu-10096-2025-06.ron")).unwrap();
    if shipped != g.model {
        std::fs::write(
            std::env::temp_dir().join("hoa-phu-10096-generated.ron"),
            &g.model,
        )
        .unwrap();
    }
    assert!(
        shipped == g.model,
        "the shipped model differs from the generator's"
    );
}

fn orgplan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("orgplan runs")
}

#[test]
fn an_office_starts_from_its_new_unit_and_brings_its_own_staff() {
    let dir = tempfile::tempdir().unwrap();
    let d = |f: &str| dir.path().join(f).display().to_string();
    let o = orgplan(&[
        "gen",
        "--real",
        "--unit",
        "10096",
        "--no-staff",
        "--out",
        &d(""),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!std::fs::read_to_string(d("model.ron"))
        .unwrap()
        .contains("Staff("));
    // The office's own table: two of its old communes, by name.
    let table = std::fs::read_to_string(repo("tests/fixtures/import/dong-phu-hong-phong.csv"))
        .unwrap()
        .replace("Xã Đồng Phú", "Xã Hòa Phú")
        .replace("Xã Hồng Phong", "Xã Văn Võ");
    std::fs::write(d("office.csv"), table).unwrap();
    let o = orgplan(&[
        "import",
        &d("office.csv"),
        "--into",
        &d("model.ron"),
        "-o",
        &d("model-own.ron"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let scenario = std::fs::read_to_string(d("scenario.ron"))
        .unwrap()
        .replace("model: \"model.ron\"", "model: \"model-own.ron\"");
    std::fs::write(d("scenario.ron"), scenario).unwrap();
    let s = orgplan::model::load_scenario(&dir.path().join("scenario.ron"))
        .unwrap()
        .value;
    // The people went into the real old units (found by name), not into new ones.
    let hoa_phu = s.model.unit("hoa-phu-10108").unwrap();
    let in_hoa_phu = s
        .model
        .staff
        .iter()
        .filter(|p| {
            p.position
                .is_some_and(|q| s.model.positions[q].unit == hoa_phu)
        })
        .count();
    assert!(in_hoa_phu > 0);
    let plan = orgplan::alloc::plan(&s).unwrap();
    assert_eq!(plan.totals.candidates, s.model.staff.len());
    assert_eq!(
        plan.totals.assigned + plan.totals.surplus,
        plan.totals.candidates
    );
}

mod mutated {
    use super::*;
    use proptest::prelude::*;

    fn small() -> [String; 3] {
        [
            format!(
                "{MAPPING_HEAD}{}{}{}",
                mapping_row("00001", "10001", 1, 2),
                mapping_row("00002", "10001", 2, 2),
                mapping_row("00002", "10002", 2, 1)
            ),
            format!("{NEW_HEAD}10001,Xã Một,Tỉnh A,01,2,00001;00002,9000,12.5,x\n10002,Phường Hai,Tỉnh A,01,1,00002,,3.0,y\n"),
            format!("{OLD_HEAD}00001,Xã Một Cũ,Huyện A,5000,0,5000,\n00002,Xã Hai Cũ,Huyện A,7000,0,7000,\n"),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Byte flips, cuts and inserted separators in any of the three files: a map or
        /// problems with a file and a line, never a panic.
        #[test]
        fn a_mutated_map_is_refused_cleanly(file in 0usize..3, at in 0usize..400, cut in any::<bool>(),
                                            token in prop::sample::select(vec![",", "\n", "\"", ";", "x", "", "99999"])) {
            let mut files = small();
            let f = &mut files[file];
            let mut i = at.min(f.len());
            while !f.is_char_boundary(i) { i -= 1; }
            if cut { f.truncate(i); } else { f.insert_str(i, token); }
            match Map::parse(&files[0], &files[1], &files[2]) {
                Ok(m) => prop_assert!(m.new.iter().all(|n| !n.sources.is_empty())),
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    prop_assert!(problems.iter().all(|p| !p.message.is_empty()));
                }
            }
        }
    }
}

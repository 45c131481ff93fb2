//! Staffing tables side by side (issue 6): `diff` of the Chương Mỹ model against the Hồng Phú
//! plan, with every person accounted for, against a saved plan JSON, and through the binary.

use std::collections::HashSet;
use std::process::Command;

use orgplan::alloc;
use orgplan::diff::{diff, Change, PlanFile, Staffing};
use orgplan::model::{load_model, load_scenario};

const MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/examples/chuong-my-2024.ron"
);
const HONG_PHU: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/examples/hong-phu.ron"
);

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_orgplan"))
}

#[test]
fn model_against_its_plan_accounts_for_everyone() {
    let model = load_model(std::path::Path::new(MODEL)).unwrap().value;
    let scenario = load_scenario(std::path::Path::new(HONG_PHU)).unwrap().value;
    let plan = alloc::plan(&scenario).unwrap();
    let a = Staffing::from_model(&model, "before");
    let b = Staffing::from_plan(&scenario, &plan, "after");
    let d = diff(&a, &b);

    // Every person of the model exactly once.
    let ids: Vec<&str> = d.people.iter().map(|p| p.staff.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len());
    assert_eq!(ids.len(), model.staff.len());
    assert_eq!(d.totals.people, model.staff.len());
    assert_eq!(d.totals.new + d.totals.left, 0);

    // The plan's surplus, with its packages and cost.
    assert_eq!(d.totals.surplus, plan.totals.surplus);
    assert_eq!(d.totals.surplus_cost_vnd, plan.totals.surplus_cost_vnd);
    let surplus: HashSet<&str> = plan
        .mergers
        .iter()
        .flat_map(|m| &m.surplus)
        .map(|s| s.staff.as_str())
        .collect();
    for p in &d.people {
        assert_eq!(
            p.change == Change::Surplus,
            surplus.contains(p.staff.as_str())
        );
        if p.change == Change::Surplus {
            assert!(p.package.is_some() && p.cost_vnd.is_some());
            assert!(p.to_post.is_none());
        }
    }
    // Everyone the plan placed moved into a Hồng Phú post.
    assert_eq!(d.totals.moved, plan.totals.assigned);

    // Hồng Phú's table: its posts, before = the two communes' holders, after = the plan's.
    let hp: Vec<_> = d.posts.iter().filter(|r| r.unit == "hong-phu").collect();
    let m = &plan.mergers[0];
    assert_eq!(hp.iter().map(|r| r.norm).sum::<u32>(), m.norm);
    assert_eq!(
        hp.iter().map(|r| r.after as usize).sum::<usize>(),
        m.assignments.len()
    );
    assert_eq!(
        hp.iter().map(|r| r.before as usize).sum::<usize>(),
        m.candidates
    );
    let bi_thu = hp.iter().find(|r| r.post == "hong-phu.bi-thu").unwrap();
    assert_eq!((bi_thu.before, bi_thu.after, bi_thu.norm), (2, 1, 1));
    assert_eq!(bi_thu.from_posts, ["dong-phu.bi-thu", "hong-phong.bi-thu"]);
    // No post of the dissolved communes is left unaccounted for.
    assert!(d
        .posts
        .iter()
        .all(|r| r.unit != "dong-phu" && r.unit != "hong-phong"));

    // Whole table: before counts everyone placed in the model, after everyone placed after.
    let placed_before = model.staff.iter().filter(|s| s.position.is_some()).count();
    assert_eq!(d.totals.before as usize, placed_before);
    assert_eq!(d.totals.after as usize, placed_before - plan.totals.surplus);
    for r in &d.posts {
        assert_eq!(r.delta, i64::from(r.after) - i64::from(r.before));
    }
}

#[test]
fn a_saved_plan_gives_the_same_changes_for_its_mergers() {
    let model = load_model(std::path::Path::new(MODEL)).unwrap().value;
    let scenario = load_scenario(std::path::Path::new(HONG_PHU)).unwrap().value;
    let plan = alloc::plan(&scenario).unwrap();
    let json = serde_json::to_string(&plan).unwrap();
    let saved: PlanFile = serde_json::from_str(&json).unwrap();
    let a = Staffing::from_model(&model, "before");
    let full = diff(&a, &Staffing::from_plan(&scenario, &plan, "after"));
    let part = diff(&a, &Staffing::from_plan_json(&saved, "saved"));
    assert!(part.scope.is_some());
    // Only the two merged communes' people: the plan's candidates.
    assert_eq!(part.totals.people, plan.totals.candidates);
    assert_eq!(part.totals.surplus, full.totals.surplus);
    assert_eq!(part.totals.moved, full.totals.moved);
    assert_eq!(part.totals.surplus_cost_vnd, full.totals.surplus_cost_vnd);
    let rows = |d: &orgplan::diff::Diff| -> Vec<(String, u32, u32, u32)> {
        d.posts
            .iter()
            .filter(|r| r.unit == "hong-phu")
            .map(|r| (r.post.clone(), r.before, r.after, r.norm))
            .collect()
    };
    assert_eq!(rows(&part), rows(&full));
    // A plan against itself: nobody moves.
    let same = diff(
        &Staffing::from_plan_json(&saved, "x"),
        &Staffing::from_plan_json(&saved, "y"),
    );
    assert_eq!(same.totals.moved, 0);
    assert_eq!(same.totals.stayed, plan.totals.assigned);
}

#[test]
fn the_binary_prints_the_hong_phu_table_and_writes_every_format() {
    let out = bin().args(["diff", MODEL, HONG_PHU]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Xã Hồng Phú [hong-phu]"));
    assert!(text.contains("Bí thư Đảng ủy"));
    assert!(
        text.contains("people 74: stayed 35, moved 20, surplus 19"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let json = bin()
        .args(["diff", MODEL, HONG_PHU, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["totals"]["people"], 74);
    let csv = bin()
        .args(["diff", MODEL, HONG_PHU, "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(csv.lines().filter(|l| l.starts_with("person,")).count(), 74);
    let mut files = Vec::new();
    for i in 0..2 {
        let path = dir.path().join(format!("diff{i}.xlsx"));
        let st = bin()
            .args(["diff", MODEL, HONG_PHU, "--format", "xlsx", "-o"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(st.success());
        files.push(std::fs::read(&path).unwrap());
    }
    assert_eq!(&files[0][..2], b"PK");
    assert_eq!(files[0], files[1], "same input, same workbook");
}

#[test]
fn a_broken_plan_json_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("plan.json");
    std::fs::write(&bad, "{\n  \"scenario\": \"x\",\n  \"mergers\": 3\n}\n").unwrap();
    let out = bin().args(["diff", MODEL]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("plan.json:3:"), "{err}");
    assert!(err.contains("this is not a saved plan"), "{err}");
}

/// On generated scenarios of both pools, the diff of the model against the plan accounts for
/// every person once and every holder before once.
#[test]
fn generated_scenarios_account_for_everyone() {
    use orgplan::gen::GenConfig;
    for (seed, pool_scenario) in [(1, false), (2, true), (3, false), (4, true)] {
        let (_dir, path) = crate::generated(&GenConfig {
            seed,
            communes: 24,
            into: 7,
            pool_scenario,
            ..GenConfig::default()
        });
        let scenario = load_scenario(&path).unwrap().value;
        let plan = alloc::plan(&scenario).unwrap();
        let a = Staffing::from_model(&scenario.model, "before");
        let b = Staffing::from_plan(&scenario, &plan, "after");
        let d = diff(&a, &b);
        let ids: HashSet<&str> = d.people.iter().map(|p| p.staff.as_str()).collect();
        assert_eq!(ids.len(), d.people.len(), "seed {seed}");
        assert_eq!(ids.len(), scenario.model.staff.len(), "seed {seed}");
        let placed = scenario
            .model
            .staff
            .iter()
            .filter(|s| s.position.is_some())
            .count();
        assert_eq!(d.totals.before as usize, placed, "seed {seed}");
        assert_eq!(d.totals.surplus, plan.totals.surplus, "seed {seed}");
        assert_eq!(
            d.totals.after as usize,
            placed - plan.totals.surplus,
            "seed {seed}"
        );
    }
}

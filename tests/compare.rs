//! Scenarios side by side (issue 7): `compare` of the three shipped Chương Mỹ examples against
//! each scenario's own plan, the best marks, and the binary's JSON.

use orgplan::alloc;
use orgplan::compare::{compare, Comparison, NotMarked, Value, Verdict};
use orgplan::model::{load_scenario, Scenario};

use crate::EXAMPLES;

fn scenarios() -> Vec<(String, Scenario)> {
    EXAMPLES
        .iter()
        .map(|p| {
            let path = std::path::Path::new(p);
            let label = path.file_stem().unwrap().to_string_lossy().into_owned();
            (label, load_scenario(path).unwrap().value)
        })
        .collect()
}

/// A row by its measure's stable id (the same in every language).
fn row<'a>(c: &'a Comparison, id: &str) -> &'a orgplan::compare::Row {
    c.rows
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no row {id:?}"))
}

#[test]
fn compare_has_one_column_per_scenario_and_every_measure() {
    let c = compare(&scenarios()).unwrap();
    assert_eq!(c.scenarios, ["hong-phu", "hoa-phu", "chuong-my-2025"]);
    for r in &c.rows {
        assert_eq!(r.values.len(), 3, "{}", r.measure);
    }
    for m in [
        "units-before",
        "units-after",
        "units-dissolved",
        "units-created",
        "population:hong-phu",
        "area-vs-standard:hoa-phu",
        "below-standard:hoa-phu",
        "decision-759:hong-phu",
        "new-units-below-standard",
        "new-communes-failing-759",
        "staff",
        "norm",
        "placed",
        "surplus",
        "vacancies",
        "total-fit",
        "surplus-cost-now",
        "release-cost-year-1",
        "release-cost-year-5",
        "retiring",
        "findings-before:Gap",
        "findings-after:Gap",
        "women-leaders",
    ] {
        row(&c, m);
    }
    // Every id is unique, and every row is named in the reader's language (Vietnamese here).
    let mut ids: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.rows.len());
    assert_eq!(row(&c, "surplus").measure, "Dôi dư");
    assert_eq!(
        row(&c, "population:hong-phu").measure,
        "Dân số: Xã Hồng Phú (hong-phu)"
    );
    assert_eq!(row(&c, "surplus").unit.as_deref(), Some("người"));
    // Hồng Phú: 12,742 people on 7.17 km² against 16,000 and 30 km² — below the standard and
    // short of Decision 759's 200% / 100%.
    let pop = row(&c, "population:hong-phu");
    assert_eq!(pop.values[0], Value::Count(12742));
    assert_eq!(pop.values[1], Value::NotApplicable);
    assert_eq!(
        row(&c, "decision-759:hong-phu").values[0],
        Value::Verdict(Verdict::Fails)
    );
    assert_eq!(row(&c, "units-dissolved").values[2], Value::Count(4));
}

#[test]
fn compare_figures_match_each_scenarios_own_plan() {
    let s = scenarios();
    let c = compare(&s).unwrap();
    for (i, (label, sc)) in s.iter().enumerate() {
        let p = alloc::plan(sc).unwrap();
        let t = &p.totals;
        let at = |m: &str| row(&c, m).values[i].clone();
        assert_eq!(at("staff"), Value::Count(t.candidates as u64), "{label}");
        assert_eq!(at("placed"), Value::Count(t.assigned as u64), "{label}");
        assert_eq!(at("surplus"), Value::Count(t.surplus as u64), "{label}");
        assert_eq!(
            at("surplus-share"),
            Value::Share {
                count: t.surplus as u64,
                of: t.candidates as u64
            },
            "{label}"
        );
        let norm: u64 = p.mergers.iter().map(|m| u64::from(m.norm)).sum();
        assert_eq!(
            at("posts-filled"),
            Value::Share {
                count: t.assigned as u64,
                of: norm
            },
            "{label}"
        );
        assert_eq!(
            at("cost-per-surplus"),
            Value::Vnd((t.surplus_cost_vnd + t.surplus as u64 / 2) / t.surplus as u64),
            "{label}"
        );
        assert_eq!(at("vacancies"), Value::Count(t.vacancies), "{label}");
        assert_eq!(at("total-fit"), Value::Count(t.fit), "{label}");
        assert_eq!(
            at("surplus-cost-now"),
            Value::Vnd(t.surplus_cost_vnd),
            "{label}"
        );
        let norm: u64 = p.mergers.iter().map(|m| u64::from(m.norm)).sum();
        assert_eq!(at("norm"), Value::Count(norm), "{label}");
        for y in 0..5 {
            let cost: u64 = p
                .mergers
                .iter()
                .map(|m| m.roadmap.years[y].release_cost_vnd)
                .sum();
            assert_eq!(
                at(&format!("release-cost-year-{}", y + 1)),
                Value::Vnd(cost),
                "{label} year {}",
                y + 1
            );
        }
    }
}

#[test]
fn compare_marks_the_best_value_by_the_measures_direction() {
    let c = compare(&scenarios()).unwrap();
    // By hand: surplus 19, 16, 34 — fewer is better: hoa-phu. Placed 20, 19, 40 — more is
    // better: chuong-my-2025. Vacancies 0, 1, 0 — the best is shared: no mark.
    let surplus = row(&c, "surplus");
    assert_eq!(
        surplus.values,
        [Value::Count(19), Value::Count(16), Value::Count(34)]
    );
    assert_eq!(surplus.best, Some(1));
    assert_eq!(row(&c, "placed").best, Some(2));
    assert_eq!(row(&c, "vacancies").best, None);
    // Descriptive measures are never marked.
    assert_eq!(row(&c, "units-before").best, None);
    assert_eq!(row(&c, "units-before").not_marked, None);
    // Total fit is in points of each scenario's weights and pool: chuong-my-2025 pools the
    // whole scenario (its `local` term adds points the others cannot have), so no best is
    // marked across the three, and the row says why.
    let fit = row(&c, "total-fit");
    assert_eq!(fit.best, None);
    assert_eq!(fit.not_marked, Some(NotMarked::UnlikeScenarios));
    // Among like scenarios (same pool and weights) the best is marked.
    let mut like = scenarios();
    like.truncate(2);
    let c2 = compare(&like).unwrap();
    let fit2 = row(&c2, "total-fit");
    assert_eq!(fit2.not_marked, None);
    let (a, b) = match (&fit2.values[0], &fit2.values[1]) {
        (Value::Count(a), Value::Count(b)) => (*a, *b),
        other => panic!("{other:?}"),
    };
    assert_ne!(a, b);
    assert_eq!(fit2.best, Some(usize::from(b > a)));
}

#[test]
fn compare_json_from_the_binary_parses() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("compare")
        .args(EXAMPLES)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["scenarios"],
        serde_json::json!(["hong-phu", "hoa-phu", "chuong-my-2025"])
    );
    let rows = v["rows"].as_array().unwrap();
    // Rows are found by their stable id; the name is for people.
    let surplus = rows.iter().find(|r| r["id"] == "surplus").unwrap();
    assert_eq!(surplus["measure"], "Dôi dư");
    assert_eq!(surplus["values"], serde_json::json!([19, 16, 34]));
    assert_eq!(surplus["best"], 1);
    let women = rows.iter().find(|r| r["id"] == "women-leaders").unwrap();
    assert!(women["values"][0]["percent"].is_number());
    // JSON keeps its English enum values whatever the language.
    let verdict = rows
        .iter()
        .find(|r| r["id"] == "decision-759:hong-phu")
        .unwrap();
    assert_eq!(verdict["values"][0], "fails");
    let fit = rows.iter().find(|r| r["id"] == "total-fit").unwrap();
    assert_eq!(fit["not_marked"], "unlike_scenarios");
}

#[test]
fn compare_table_and_csv_mark_the_best() {
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
            .arg("compare")
            .args(EXAMPLES)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run("table");
    assert!(table.contains("16 ★"), "{table}");
    // Total fit is not comparable across these three: marked ☆ with the reason below.
    assert!(table.contains("☆ không đánh dấu tốt nhất"), "{table}");
    assert!(table.contains("policy.local"), "{table}");
    // No number is broken across lines: every value cell holds its whole value.
    for line in table
        .lines()
        .filter(|l| l.contains("Chi phí chính sách cho người dôi dư"))
    {
        // hoa-phu's plan: totals.surplus_cost_vnd 11,040,068,814, the sum of its packages.
        assert!(line.contains("11.040.068.814 ★"), "{line}");
    }
    let csv = run("csv");
    assert!(
        csv.starts_with(
            "Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,hong-phu,hoa-phu,chuong-my-2025,Tốt nhất\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\nsurplus,Dôi dư,người,19,16,34,hoa-phu\n"),
        "{csv}"
    );
}

#[test]
fn compare_speaks_english_with_lang_en() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("compare")
        .args(EXAMPLES)
        .args(["--lang", "en", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("Measure id,Measure,Unit,hong-phu,hoa-phu,chuong-my-2025,Best\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\nsurplus,Surplus,people,19,16,34,hoa-phu\n"),
        "{csv}"
    );
    assert!(csv.contains("11,040,068,814"), "{csv}");
}

#[test]
fn sweep_with_an_unknown_parameter_is_a_usage_error() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .args(["sweep", EXAMPLES[0], "--vary", "foo=1,2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không thay đổi được “foo”"), "{err}");
    assert!(err.contains("weights.continuity"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn compare_gives_an_infeasible_scenario_a_column_of_infeasible_values() {
    // Two people pinned to one post with a quota of one: no plan.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(EXAMPLES[0])
        .unwrap()
        .replace(
            "\"chuong-my-2024.ron\"",
            &format!(
                "{:?}",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/examples/chuong-my-2024.ron"
                )
            ),
        )
        .replace(
            "\"nd33-2023.ron\"",
            &format!(
                "{:?}",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/examples/nd33-2023.ron"
                )
            ),
        )
        .replace(
            "MinShare(gender: Female, kind: Cadre, share: 0.3)",
            "Pin(staff: \"HP-05\", position: \"hong-phu.chu-tich-ubnd\")",
        );
    let path = dir.path().join("two-pins.ron");
    std::fs::write(&path, text).unwrap();
    let bad = load_scenario(&path).unwrap().value;
    assert!(alloc::plan(&bad).is_err());
    let mut s = scenarios();
    s.truncate(2);
    s.insert(0, ("two-pins".into(), bad));
    let c = compare(&s).unwrap();
    for m in ["placed", "surplus", "surplus-cost-now", "women-leaders"] {
        let r = row(&c, m);
        assert_eq!(r.values[0], Value::Infeasible, "{m}");
        assert_ne!(r.values[1], Value::Infeasible, "{m}");
    }
    // The infeasible column is never the best; hong-phu and hoa-phu still compare.
    assert_eq!(row(&c, "surplus").best, Some(2));
    // What needs no plan is still measured.
    assert_eq!(row(&c, "units-dissolved").values[0], Value::Count(2));
}

#[test]
fn compare_runs_on_every_shipped_scenario() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_orgplan"))
        .arg("compare")
        .args(&files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["scenarios"].as_array().unwrap().len(), files.len());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("infeasible"));
}

#[test]
fn sweep_builds_the_grid_in_order_and_sets_each_parameter() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples/hong-phu.ron"
    );
    let base = orgplan::model::load_scenario(std::path::Path::new(path))
        .unwrap()
        .value;
    let varies = vec![
        orgplan::compare::parse_vary("policy.transition_years=3,5").unwrap(),
        orgplan::compare::parse_vary("weights.continuity=50, 200").unwrap(),
    ];
    let grid = orgplan::compare::sweep(&base, &varies);
    let labels: Vec<&str> = grid.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "transition_years=3, continuity=50",
            "transition_years=3, continuity=200",
            "transition_years=5, continuity=50",
            "transition_years=5, continuity=200"
        ]
    );
    assert_eq!(grid[1].1.policy.transition_years, 3);
    assert_eq!(grid[1].1.weights.continuity, 200);
    // Each variant plans as its own scenario would: continuity 200 adds 100 per continuing
    // placement over continuity 100.
    let fit = |s: &orgplan::model::Scenario| orgplan::alloc::plan(s).unwrap().totals.fit;
    assert_eq!(fit(&grid[3].1), fit(&base) + 20 * 100);
    assert!(orgplan::compare::parse_vary("weights.foo=1").is_err());
    assert!(orgplan::compare::parse_vary("weights.continuity=x").is_err());
}

#[test]
fn a_sweep_of_the_weights_marks_no_best_fit_but_a_sweep_of_the_calendar_does() {
    let base = load_scenario(std::path::Path::new(EXAMPLES[0]))
        .unwrap()
        .value;
    let fit = |vary: &str| {
        let grid = orgplan::compare::sweep(&base, &[orgplan::compare::parse_vary(vary).unwrap()]);
        let c = compare(&grid).unwrap();
        let r = row(&c, "total-fit");
        (r.best, r.not_marked)
    };
    // Other weights, other points: not one scale.
    assert_eq!(
        fit("weights.continuity=50,200"),
        (None, Some(NotMarked::UnlikeScenarios))
    );
    // The transition's length changes no fit point: the variants compare, and tie (no mark,
    // no reason needed beyond the tie).
    assert_eq!(fit("policy.transition_years=3,5"), (None, None));
}

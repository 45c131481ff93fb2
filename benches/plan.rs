//! Planning end to end (issue 4): load, validate, solve, cost, JSON.
//!
//! - `hong_phu`: `tests/fixtures/examples/hong-phu.ron` (target under 0.1 s).
//! - `province_11k`: a generated Hà Nội-sized scenario, 526 communes into 126, about 10,500
//!   staff, `pool: Scenario` (any post in any new unit), no MinShare rule (target: proved
//!   optimal under 10 s).
//!
//! - `real_ha_noi`, `real_national`: the real map of 1 July 2025 (`gen --real`): Hà Nội's 526
//!   old units into 126, and the country's 10,041 into 3,321, split units in `parts`
//!   (components joined where a split unit links mergers), generated staff, no MinShare rule.
//!
//! The synthetic national scenario (10,035 communes, 230,000 staff) is timed as a command:
//! BENCHMARKS.md gives it, and the real one's.
//! Run: `cargo bench --bench plan`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use orgplan::gen::real::{generate_real, RealConfig};
use orgplan::gen::{generate, GenConfig};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn plan_file(path: &Path) -> usize {
    let s = orgplan::model::load_scenario(path)
        .expect("valid scenario")
        .value;
    let plan = orgplan::alloc::plan(&s).expect("a plan");
    assert_eq!(plan.solver.status, "Optimal");
    serde_json::to_string(&plan).expect("json").len()
}

fn plan(c: &mut Criterion) {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples/hong-phu.ron");
    let mut group = c.benchmark_group("plan");
    group.bench_function("hong_phu", |b| b.iter(|| plan_file(&example)));

    let dir = tempfile::tempdir().expect("temp dir");
    let g = generate(&GenConfig {
        min_share: false,
        pool_scenario: true,
        ..GenConfig::province()
    });
    for (name, text) in [
        ("model.ron", &g.model),
        ("norms.ron", &g.norms),
        ("scenario.ron", &g.scenario),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let scenario = dir.path().join("scenario.ron");
    group.sample_size(10);
    group.bench_function("province_11k_pool_scenario", |b| {
        b.iter(|| plan_file(&scenario))
    });

    for (name, province) in [("real_ha_noi", Some("Hà Nội")), ("real_national", None)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let g = generate_real(&RealConfig {
            province: province.map(str::to_string),
            ..RealConfig::default()
        })
        .expect("the real map");
        for (file, text) in [
            ("model.ron", &g.model),
            ("norms.ron", &g.norms),
            ("scenario.ron", &g.scenario),
        ] {
            std::fs::write(dir.path().join(file), text).expect("write");
        }
        let scenario = dir.path().join("scenario.ron");
        group.bench_function(name, |b| b.iter(|| plan_file(&scenario)));
    }
    group.finish();
}

criterion_group!(benches, plan);
criterion_main!(benches);

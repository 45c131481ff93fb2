//! Planning end to end (issue 4): load, validate, solve, cost, JSON.
//!
//! - `hong_phu`: `tests/fixtures/examples/hong-phu.ron` (target under 0.1 s).
//! - `province_11k`: a generated Hà Nội-sized scenario, 526 communes into 126, about 10,500
//!   staff, `pool: Scenario` (any post in any new unit), no MinShare rule (target: proved
//!   optimal under 10 s).
//!
//! The national scenario (10,035 communes, 200,000 staff) takes tens of seconds, too long for
//! criterion's repetitions: BENCHMARKS.md gives the command that times it.
//! Run: `cargo bench --bench plan`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
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
    group.finish();
}

criterion_group!(benches, plan);
criterion_main!(benches);

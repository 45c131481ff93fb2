//! A sweep (issue 7): 12 variants of a generated Hà Nội-sized scenario — 526 communes into
//! 126, about 10,600 staff, each merger planned on its own with a MinShare rule for women
//! among cadres — planned in parallel and compared: transition 3 or 5 years × continuity
//! weight 50, 100 or 200 × preference weight 10 or 20.
//!
//! Run: `cargo bench --bench sweep`. The command line does the same with a progress bar:
//! `orgplan gen --province --out /tmp/hn` and
//! `orgplan sweep /tmp/hn/scenario.ron --vary policy.transition_years=3,5
//! --vary weights.continuity=50,100,200 --vary weights.preferred=10,20`.

use criterion::{criterion_group, criterion_main, Criterion};
use orgplan::compare::{compare, parse_vary, sweep};
use orgplan::gen::{generate, GenConfig};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = generate(&GenConfig::province());
    for (name, text) in [
        ("model.ron", &g.model),
        ("norms.ron", &g.norms),
        ("scenario.ron", &g.scenario),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let base = orgplan::model::load_scenario(&dir.path().join("scenario.ron"))
        .expect("valid scenario")
        .value;
    let varies: Vec<_> = [
        "policy.transition_years=3,5",
        "weights.continuity=50,100,200",
        "weights.preferred=10,20",
    ]
    .iter()
    .map(|v| parse_vary(v).expect("a parameter"))
    .collect();
    let grid = sweep(&base, &varies);
    assert_eq!(grid.len(), 12);
    let mut group = c.benchmark_group("sweep");
    group.sample_size(10);
    group.bench_function("hanoi_12_variants", |b| {
        b.iter(|| {
            let cmp = compare(&grid).expect("a comparison");
            assert_eq!(cmp.scenarios.len(), 12);
            cmp.rows.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

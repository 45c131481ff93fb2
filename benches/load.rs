//! Loading and validating a national-size model: 250,000 staff (issue 2: under 2 s).
//!
//! The model is generated in memory by `orgplan::gen` (12,500 communes of 15–25 staff), then
//! checked from its text exactly as `orgplan validate` does: RON parsing, every SPEC §2 check,
//! id resolution. Run: `cargo bench --bench load`.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use orgplan::files::source::SourceFile;
use orgplan::gen::{generate, GenConfig};

// The same allocator as the `orgplan` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(c: &mut Criterion) {
    let cfg = GenConfig {
        communes: 12_500,
        into: 4_000,
        ..GenConfig::default()
    };
    let g = generate(&cfg);
    assert!(g.staff >= 245_000, "{} staff", g.staff);
    eprintln!(
        "model: {} staff, {} MB of RON",
        g.staff,
        g.model.len() >> 20
    );
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("check_model_250k_staff", |b| {
        b.iter_batched(
            || Arc::new(SourceFile::new("model.ron", g.model.clone())),
            |src| {
                let m = orgplan::model::check_model(&src).expect("the generated model is valid");
                assert!(m.warnings.is_empty());
                m.value.staff.len()
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

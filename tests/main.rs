//! Integration tests: one binary, one module per capability.

/// The three Chương Mỹ example scenarios of `tests/fixtures/examples/`.
pub const EXAMPLES: [&str; 3] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples/hong-phu.ron"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples/hoa-phu.ron"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples/chuong-my-2025.ron"
    ),
];

mod alloc;
mod bad_input;
#[cfg(feature = "chart")]
mod chart;
mod cli_text;
mod compare;
mod diff;
mod fuzz_smoke;
mod i18n;
mod i18n_output;
mod import;
mod law;
mod map;
mod office;
mod output_safety;
mod overlaps;
mod reference;
mod report;
mod runs;
mod xlsx;

/// Writes a generated model, norms and scenario into a new temporary folder (kept alive by the
/// returned guard) and returns the folder with the path of its scenario.
pub fn generated(cfg: &orgplan::gen::GenConfig) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let g = orgplan::gen::generate(cfg);
    for (name, text) in [
        ("model.ron", &g.model),
        ("norms.ron", &g.norms),
        ("scenario.ron", &g.scenario),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let scenario = dir.path().join("scenario.ron");
    (dir, scenario)
}

//! Integration tests: one binary, one module per capability.

/// The three shipped Chương Mỹ scenarios of `../shared/examples/`.
pub const EXAMPLES: [&str; 3] = [
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/hong-phu.ron"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/hoa-phu.ron"
    ),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/chuong-my-2025.ron"
    ),
];

mod alloc;
mod bad_input;
#[cfg(feature = "chart")]
mod chart;
mod compare;
mod diff;
mod fuzz_smoke;
mod import;
mod overlaps;
mod runs;
mod xlsx;

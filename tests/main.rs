//! Integration tests: one binary, one module per capability.

mod alloc;
mod bad_input;
#[cfg(feature = "chart")]
mod chart;
mod compare;
mod diff;
mod fuzz_smoke;
mod overlaps;
mod runs;

//! Integration tests: one binary, one module per capability.

mod alloc;
mod bad_input;
mod compare;
mod fuzz_smoke;
mod import;
mod overlaps;
mod runs;

//! Integration tests.

mod bad_input;
mod fuzz_smoke;

//! Integration tests: one binary, one module per capability.

mod alloc;
mod overlaps;

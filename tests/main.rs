//! Integration tests.
mod overlaps;

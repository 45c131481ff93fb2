//! Reading the three file kinds of SPEC §1.

pub mod raw;

//! The allocation of staff to posts.

pub mod flow;

//! The allocation of staff to posts.

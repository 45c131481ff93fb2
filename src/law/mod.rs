//! The law: retirement ages, surplus packages, the transition roadmap (SPEC §6).
//!
//! Every legal number is a named `pub const` next to its source; the rules live here and
//! nowhere else.
//!
//! - [`retirement`]: statutory retirement age and month (SPEC §6.1; Labour Code 2019 art. 169,
//!   Decree 135/2020).
//!
//! Dates serialize as `"YYYY-MM-DD"`, months as `"YYYY-MM"`.

pub mod retirement;

pub use retirement::{
    months_to_retirement, retirement, retirement_age, retirement_age_months, Retirement, YearMonth,
};

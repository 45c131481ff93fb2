//! The law: retirement ages, surplus packages, the transition roadmap (SPEC §6).
//!
//! The rules live here and nowhere else; every legal number is data: a figure of a law file
//! (`data/law/*.ron`, embedded; [`data`]) with its article and the dates it is in force.
//!
//! - [`retirement`](mod@retirement): statutory retirement age and month (SPEC §6.1; Labour
//!   Code 2019 art. 169, Decree 135/2020).
//! - [`data`]: the law files (one per regime), their checks, and the figure in force on a date.
//! - [`package`](mod@package): the package of a surplus person and its cost, with a breakdown
//!   an HR officer can check by hand (SPEC §6.2; Decree 178/2024 as amended by Decree 67/2025;
//!   Decree 154/2025 for part-time commune workers). Returns data; the CLI words it.
//! - [`roadmap`](mod@roadmap): year-by-year headcount, natural attrition and release cost over
//!   the transition period (SPEC §6.3).
//!
//! Dates serialize as `"YYYY-MM-DD"`, months as `"YYYY-MM"`.

pub mod data;
pub mod package;
pub mod ratio;
pub mod retirement;
pub mod roadmap;

pub use data::{check_law, load_law, Key, Law, Laws, Regime};
pub use package::{
    default_min_pension_years, eligible_packages, insured_half_years, package,
    try_eligible_packages, try_package, Branch, LawError, LawPolicy, Package, PackageInput,
    PackageKind, Salary, Term, TermKind,
};
pub use ratio::Ratio;
pub use retirement::{
    months_to_retirement, retirement, retirement_age, retirement_age_months, Retirement, YearMonth,
};
pub use roadmap::{roadmap, Roadmap, RoadmapPerson, RoadmapYear};

/// Decision 759/QĐ-TTg (2025): a new non-mountain commune needs at least 200% of the standard
/// population ([`crate::model::Standard::min_population`]) …
pub const DECISION_759_POPULATION_PERCENT: u64 = 200;
/// … and at least 100% of the standard area ([`crate::model::Standard::min_area_km2`]).
pub const DECISION_759_AREA_PERCENT: u64 = 100;

/// Serializes a date as `"YYYY-MM-DD"` (chrono's `serde` feature is off in this crate).
pub(crate) fn serialize_date<S: serde::Serializer>(
    date: &chrono::NaiveDate,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

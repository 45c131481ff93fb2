//! Packages for surplus people and their cost (SPEC §6.2).
//!
//! Source: Decree 178/2024/NĐ-CP (in force 1 Jan 2025) as amended by Decree 67/2025/NĐ-CP
//! (15 Mar 2025): art. 7 (early retirement), art. 9 (quitting); Social Insurance Law 2014 and
//! 2024 (minimum insured years for a pension); Decree 73/2024/NĐ-CP (base salary).
//!
//! # Exact arithmetic
//!
//! Nothing is accumulated in floating point. Each coefficient (an `f64` from the files, e.g.
//! 3.99) is first turned into an exact integer number of ten-thousandths
//! (`round(coef × 10_000)`, after checking it is finite, ≥ 0 and ≤ [`MAX_COEFFICIENT`]), so the
//! monthly salary M is an exact integer number of ten-thousandths of a đồng. Insured years are
//! counted in half-years, and the factors 0.9, 0.8, 0.5, 0.4, 1.5 are exact [`Factor`]s. Every
//! term is computed as an exact integer number of millionths of a đồng (all denominators divide
//! 100, so the division is exact), the terms are added exactly, and only the total is rounded,
//! once, to the nearest đồng (halves away from zero). Each [`Term`] shows its value rounded to
//! the đồng ([`Term::value_vnd`]) and exactly ([`Term::exact_vnd`]); the rounded terms may differ
//! from the total by a đồng or so, the exact ones add up to it.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::retirement::{months_to_retirement, retirement, Retirement};
use super::serialize_date;
use crate::files::raw::Gender;

/// Base salary (lương cơ sở), VND per month, from 1 Jul 2024 (Decree 73/2024/NĐ-CP art. 3(2)).
/// The default of [`LawPolicy::base_salary_vnd`].
pub const BASE_SALARY_VND_2024: u64 = 2_340_000;

/// Whether the decision to leave falls within 12 months of the restructuring decision, by
/// default (Decree 178/2024 art. 7(1) and 9(1): the full rates apply in the first 12 months).
pub const DEFAULT_DECISION_WITHIN_12_MONTHS: bool = true;

/// The day the Social Insurance Law 2024 (Law 41/2024/QH15) comes into force: 1 Jul 2025.
pub const SOCIAL_INSURANCE_LAW_2024_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1)
{
    Some(date) => date,
    None => panic!("2025-07-01 is a date"),
};

/// Minimum insured years for a pension before 1 Jul 2025: 20 (Social Insurance Law 2014,
/// Law 58/2014/QH13, art. 54(1)).
pub const MIN_PENSION_YEARS_SI_LAW_2014: u32 = 20;

/// Minimum insured years for a pension from 1 Jul 2025: 15 (Social Insurance Law 2024,
/// Law 41/2024/QH15, art. 64(1)).
pub const MIN_PENSION_YEARS_SI_LAW_2024: u32 = 15;

/// An odd remainder of 1 to this many insured months counts as half a year; 7–11 months count as
/// a whole year (Decree 178/2024, rule on odd months of insured time).
pub const INSURED_HALF_YEAR_MAX_REMAINDER_MONTHS: u32 = 6;

/// Early retirement needs at least this many months to the retirement age, 2 years ("đủ 02
/// năm"); with less, only the months-early allowance applies (Decree 178/2024 art. 7, as
/// amended by Decree 67/2025 art. 1(5)–(6)).
pub const EARLY_RETIREMENT_MIN_MONTHS: i64 = 24;

/// Up to this many months early (5 years, "đến đủ 05 năm") the months-early allowance is one
/// month's salary per month early (Decree 178/2024 art. 7(1)(a)).
pub const EARLY_RETIREMENT_FULL_RATE_MAX_MONTHS: i64 = 60;

/// Early retirement is open up to this many months early, 10 years ("đến đủ 10 năm") (Decree
/// 178/2024 art. 7(1)(a), 7(2)(b)).
pub const EARLY_RETIREMENT_MAX_MONTHS: i64 = 120;

/// Beyond 5 years early the months-early allowance is 0.9 month's salary… (Decree 178/2024
/// art. 7(1)(a)).
pub const BEYOND_5_YEARS_RATE: Factor = Factor::new(9, 10);

/// …times 60 months (Decree 178/2024 art. 7(1)(a)).
pub const BEYOND_5_YEARS_MONTHS: i64 = 60;

/// f when the decision is within 12 months of the restructuring decision (Decree 178/2024
/// art. 7(1)(a)).
pub const EARLY_FACTOR_WITHIN_12_MONTHS: Factor = Factor::new(1, 1);

/// f from the 13th month: half the allowance (Decree 178/2024 art. 7(1)(b)).
pub const EARLY_FACTOR_AFTER_12_MONTHS: Factor = Factor::new(1, 2);

/// Months' salary per full year early, 2–5 years early (Decree 178/2024 art. 7(2)(a), as
/// amended by Decree 67/2025 art. 1(6)).
pub const MONTHS_PER_YEAR_EARLY_UP_TO_5_YEARS: i64 = 5;

/// Months' salary per full year early, over 5 to 10 years early (Decree 178/2024 art. 7(2)(b),
/// as amended by Decree 67/2025 art. 1(6)).
pub const MONTHS_PER_YEAR_EARLY_5_TO_10_YEARS: i64 = 4;

/// S with at least 20 insured years: 5 months' salary for the first 20 years… (Decree 178/2024
/// art. 7(2)).
pub const S_FIRST_YEARS_LONG: u32 = 20;

/// …5 months' salary for those first 20 years (Decree 178/2024 art. 7(2)).
pub const S_FIRST_MONTHS_LONG: i64 = 5;

/// S with 15 to under 20 insured years: 4 months' salary for the first 15 years… (Decree
/// 178/2024 art. 7(2) as amended by Decree 67/2025 art. 1(6)).
pub const S_FIRST_YEARS_SHORT: u32 = 15;

/// …4 months' salary for those first 15 years (Decree 67/2025 art. 1(6)).
pub const S_FIRST_MONTHS_SHORT: i64 = 4;

/// S: half a month's salary per further insured year (Decree 178/2024 art. 7(2); Decree
/// 67/2025 art. 1(6)).
pub const S_FURTHER_YEAR_RATE: Factor = Factor::new(1, 2);

/// Quitting needs at least 2 years to the retirement age (Decree 178/2024 art. 9(1)).
pub const QUIT_MIN_MONTHS: i64 = 24;

/// g when the decision is within 12 months: 0.8 month's salary per month to retirement
/// (Decree 178/2024 art. 9(1)(a)).
pub const QUIT_FACTOR_WITHIN_12_MONTHS: Factor = Factor::new(4, 5);

/// g from the 13th month: 0.4 (Decree 178/2024 art. 9(1)(a)).
pub const QUIT_FACTOR_AFTER_12_MONTHS: Factor = Factor::new(2, 5);

/// The months counted for quitting are at most 60 (Decree 178/2024 art. 9(1)(a)); with under
/// 60 insured months, at most the insured months.
pub const QUIT_MAX_MONTHS: i64 = 60;

/// 1.5 months' salary per insured year when quitting (Decree 178/2024 art. 9(1)(b)).
pub const QUIT_MONTHS_PER_INSURED_YEAR: Factor = Factor::new(3, 2);

/// 3 months' salary to find work when quitting (Decree 178/2024 art. 9(1)(c)).
pub const QUIT_JOB_SEARCH_MONTHS: i64 = 3;

/// Coefficients are held exactly in units of 1/10,000 (not a legal number: the precision of the
/// exact arithmetic; salary tables use two decimals).
pub const COEFFICIENT_SCALE: i128 = 10_000;

/// The largest coefficient accepted (not a legal number: a sanity bound that keeps the exact
/// arithmetic far from overflow; real coefficients are below 15).
pub const MAX_COEFFICIENT: f64 = 1000.0;

/// Legal source of the Retire branch.
pub const SOURCE_RETIRE: &str =
    "Labour Code 2019 art. 169; Decree 135/2020 art. 4 and Appendix I (normal retirement)";
/// Legal source of early retirement with under 2 years to go.
pub const SOURCE_EARLY_UNDER_2_YEARS: &str =
    "Decree 178/2024 art. 7(1), as amended by Decree 67/2025 art. 1(5) (months-early allowance only)";
/// Legal source of early retirement 2–5 years early.
pub const SOURCE_EARLY_2_TO_5_YEARS: &str =
    "Decree 178/2024 art. 7(1)(a) and 7(2)(a), as amended by Decree 67/2025 art. 1(5)–(6)";
/// Legal source of early retirement over 5 to 10 years early.
pub const SOURCE_EARLY_5_TO_10_YEARS: &str =
    "Decree 178/2024 art. 7(1)(a) and 7(2)(b), as amended by Decree 67/2025 art. 1(5)–(6)";
/// Legal source of quitting.
pub const SOURCE_QUIT: &str = "Decree 178/2024 art. 9(1)";
/// Legal source of the None branch (no package applies).
pub const SOURCE_NONE: &str =
    "Decree 178/2024 art. 7 and 9 (neither applies: under 2 years to retirement, no pension right)";

/// Millionths of a đồng per đồng: the unit of the exact arithmetic.
const MICRO: i128 = 1_000_000;

/// An exact non-negative rational factor `num / den`, e.g. 0.8 = 4/5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Factor {
    /// Numerator.
    pub num: u32,
    /// Denominator, never 0.
    pub den: u32,
}

impl Factor {
    /// `num / den`.
    ///
    /// # Panics
    /// If `den` is 0.
    pub const fn new(num: u32, den: u32) -> Factor {
        assert!(den != 0, "a factor's denominator is never 0");
        Factor { num, den }
    }
}

impl fmt::Display for Factor {
    /// As a decimal with at least one decimal place: `1.0`, `0.8`, `1.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let micro = i128::from(self.num) * MICRO / i128::from(self.den);
        f.write_str(&fmt_micro(micro, 1))
    }
}

/// A coefficient given that is not finite, negative or absurdly large.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LawError {
    /// `field` is NaN, infinite, negative or above [`MAX_COEFFICIENT`].
    #[error(
        "{field} = {value} is not a valid coefficient (it must be finite, ≥ 0 and ≤ {max})",
        max = MAX_COEFFICIENT
    )]
    InvalidCoefficient {
        /// `salary_coefficient` or `allowance_coefficient`.
        field: &'static str,
        /// The value given.
        value: f64,
    },
}

/// What the law needs to know of a person to price their package.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PackageInput {
    /// Gender, for the retirement age.
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "serialize_date")]
    pub born: NaiveDate,
    /// Grade salary coefficient (hệ số lương), e.g. 3.99.
    pub salary_coefficient: f64,
    /// Allowances counted in the "current monthly salary" (leadership, seniority, …), as a
    /// coefficient of the base salary, e.g. 0.25.
    pub allowance_coefficient: f64,
    /// Months of compulsory social insurance.
    pub insured_months: u32,
}

impl PackageInput {
    /// Checks the coefficients: finite, ≥ 0 and ≤ [`MAX_COEFFICIENT`].
    pub fn validate(&self) -> Result<(), LawError> {
        coefficient("salary_coefficient", self.salary_coefficient)?;
        coefficient("allowance_coefficient", self.allowance_coefficient)?;
        Ok(())
    }
}

/// The policy the packages are priced under (SPEC §1.3 `Policy`, §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct LawPolicy {
    /// The effective date of the restructuring; months to retirement count from it.
    #[serde(serialize_with = "serialize_date")]
    pub effective: NaiveDate,
    /// Base salary, VND per month.
    pub base_salary_vnd: u64,
    /// Whether people leave within 12 months of the restructuring decision (full rates) or
    /// later (halved rates).
    pub decision_within_12_months: bool,
    /// Minimum insured years for a pension, needed for early retirement.
    pub min_pension_years: u32,
}

impl LawPolicy {
    /// A policy with the defaults of SPEC §1.3/§6.2 for the fields not given: base salary
    /// [`BASE_SALARY_VND_2024`], [`DEFAULT_DECISION_WITHIN_12_MONTHS`], and
    /// [`default_min_pension_years`] of the effective date.
    pub fn new(
        effective: NaiveDate,
        base_salary_vnd: Option<u64>,
        decision_within_12_months: Option<bool>,
        min_pension_years: Option<u32>,
    ) -> LawPolicy {
        LawPolicy {
            effective,
            base_salary_vnd: base_salary_vnd.unwrap_or(BASE_SALARY_VND_2024),
            decision_within_12_months: decision_within_12_months
                .unwrap_or(DEFAULT_DECISION_WITHIN_12_MONTHS),
            min_pension_years: min_pension_years
                .unwrap_or_else(|| default_min_pension_years(effective)),
        }
    }

    /// The same policy at another effective date. Every other field, `min_pension_years`
    /// included, is kept as it is.
    pub fn with_effective(self, effective: NaiveDate) -> LawPolicy {
        LawPolicy { effective, ..self }
    }
}

/// The minimum insured years for a pension at `effective`: 20 before 1 Jul 2025 (Social
/// Insurance Law 2014 art. 54), 15 from then (Social Insurance Law 2024 art. 64).
pub fn default_min_pension_years(effective: NaiveDate) -> u32 {
    if effective < SOCIAL_INSURANCE_LAW_2024_IN_FORCE {
        MIN_PENSION_YEARS_SI_LAW_2014
    } else {
        MIN_PENSION_YEARS_SI_LAW_2024
    }
}

/// Insured years in half-years: ⌊months/12⌋ years, plus ½ for a remainder of 1–6 months, plus 1
/// for 7–11 (Decree 178/2024; see [`INSURED_HALF_YEAR_MAX_REMAINDER_MONTHS`]). 342 months = 28
/// years 6 months → 57 half-years (28.5).
pub fn insured_half_years(insured_months: u32) -> u64 {
    let full = u64::from(insured_months / 12);
    let remainder = insured_months % 12;
    let extra = if remainder == 0 {
        0
    } else if remainder <= INSURED_HALF_YEAR_MAX_REMAINDER_MONTHS {
        1
    } else {
        2
    };
    2 * full + extra
}

/// The package kinds (names as SPEC §6.2 writes them, also in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PackageKind {
    /// Reaches the statutory retirement age by the effective date: normal retirement, cost 0.
    Retire,
    /// Early retirement (Decree 178/2024 art. 7).
    EarlyRetirement,
    /// Quitting (Decree 178/2024 art. 9).
    Quit,
    /// No package applies: kept until retirement, cost 0.
    None,
}

impl PackageKind {
    /// The name as written in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            PackageKind::Retire => "Retire",
            PackageKind::EarlyRetirement => "EarlyRetirement",
            PackageKind::Quit => "Quit",
            PackageKind::None => "None",
        }
    }
}

impl fmt::Display for PackageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One term of a package's cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// What the term pays for, e.g. "months-early allowance f × M × m".
    pub label: String,
    /// The formula with the numbers substituted, e.g. "1.0 × 11,294,400 × 30".
    pub formula: String,
    /// The term's value rounded to the nearest đồng (for display: the total is the rounded
    /// exact sum, not the sum of these).
    pub value_vnd: u64,
    /// The term's exact value in đồng as a decimal, e.g. "1,234,567.5" (at most 6 decimals).
    pub exact_vnd: String,
}

/// The package of one person, with everything needed to check it by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Package {
    /// Which package.
    pub kind: PackageKind,
    /// m: whole months from the effective date to the pension start.
    pub months_to_retirement: i64,
    /// Y, in years with halves, e.g. 28.5.
    pub insured_years: f64,
    /// The insured months Y comes from.
    pub insured_months: u32,
    /// M rounded to the đồng (the terms use the exact M).
    pub monthly_salary_vnd: u64,
    /// How M is computed, e.g. "(3.99 + 0.25) × 2,340,000 = 9,921,600".
    pub monthly_salary_formula: String,
    /// Which branch of SPEC §6.2 applies and why, with its legal source.
    pub branch: String,
    /// The terms of the cost, in order.
    pub terms: Vec<Term>,
    /// The cost: the exact sum of the terms, rounded once to the nearest đồng (halves away from
    /// zero). Saturates at `u64::MAX` (unreachable with valid inputs).
    pub cost_vnd: u64,
    /// The legal source of the branch.
    pub source: &'static str,
    /// Anything the HR officer must know beyond the figures (always set for Retire and None).
    pub note: Option<String>,
    /// The statutory retirement the months are counted to.
    pub retirement: Retirement,
    /// The effective date m is counted from.
    #[serde(serialize_with = "serialize_date")]
    pub effective: NaiveDate,
}

impl Package {
    /// A plain-text breakdown an HR officer can check with a calculator.
    pub fn explain(&self) -> String {
        let mut s = String::new();
        let w = &mut s;
        use fmt::Write as _;
        let _ = writeln!(
            w,
            "Package: {} — cost {} VND",
            self.kind,
            fmt_vnd(self.cost_vnd)
        );
        let _ = writeln!(w, "Branch: {}", self.branch);
        let _ = writeln!(w, "Monthly salary M = {} VND", self.monthly_salary_formula);
        let (years, months) = (self.insured_months / 12, self.insured_months % 12);
        let _ = writeln!(
            w,
            "Insured years Y = {} months = {years} years {months} months → {}",
            self.insured_months,
            fmt_half_years(insured_half_years(self.insured_months))
        );
        let _ = writeln!(
            w,
            "Months to retirement m = {} (from {} to the pension start {}; \
             retirement age {}y{}m reached {})",
            self.months_to_retirement,
            self.effective,
            self.retirement.pension_start,
            self.retirement.age.0,
            self.retirement.age.1,
            self.retirement.retirement_month,
        );
        for (i, t) in self.terms.iter().enumerate() {
            let _ = write!(
                w,
                "  {}. {}: {} = {}",
                i + 1,
                t.label,
                t.formula,
                t.exact_vnd
            );
            let _ = writeln!(w);
        }
        let _ = writeln!(
            w,
            "Total = {} VND (the exact sum of the terms, rounded once to the nearest đồng)",
            fmt_vnd(self.cost_vnd)
        );
        if let Some(note) = &self.note {
            let _ = writeln!(w, "Note: {note}");
        }
        s
    }
}

impl fmt::Display for Package {
    /// The same text as [`Package::explain`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain())
    }
}

/// The package SPEC §6.2 assigns to a person (the first of [`eligible_packages`]).
///
/// # Panics
/// If a coefficient is invalid (see [`PackageInput::validate`]); [`try_package`] returns the
/// error instead.
pub fn package(input: &PackageInput, policy: &LawPolicy) -> Package {
    try_package(input, policy).unwrap_or_else(|e| panic!("{e}"))
}

/// [`package`], returning an error for an invalid coefficient instead of panicking.
pub fn try_package(input: &PackageInput, policy: &LawPolicy) -> Result<Package, LawError> {
    let ctx = Ctx::new(input, policy)?;
    let first = ctx.branches()[0];
    Ok(ctx.build(first))
}

/// Every package the person qualifies for; the first is the one SPEC §6.2 picks ([`package`]).
/// With the pension years met and 24 ≤ m ≤ 120, both EarlyRetirement and Quit; otherwise the
/// single SPEC package (Retire, EarlyRetirement, Quit or None).
///
/// # Panics
/// If a coefficient is invalid (see [`PackageInput::validate`]); [`try_eligible_packages`]
/// returns the error instead.
pub fn eligible_packages(input: &PackageInput, policy: &LawPolicy) -> Vec<Package> {
    try_eligible_packages(input, policy).unwrap_or_else(|e| panic!("{e}"))
}

/// [`eligible_packages`], returning an error for an invalid coefficient instead of panicking.
pub fn try_eligible_packages(
    input: &PackageInput,
    policy: &LawPolicy,
) -> Result<Vec<Package>, LawError> {
    let ctx = Ctx::new(input, policy)?;
    Ok(ctx.branches().into_iter().map(|b| ctx.build(b)).collect())
}

/// The branches of SPEC §6.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Branch {
    Retire,
    /// 0 < m < 24.
    EarlyUnder2,
    /// 24 ≤ m ≤ 60.
    Early2To5,
    /// 60 < m ≤ 120.
    Early5To10,
    Quit,
    None,
}

/// A coefficient as an exact number of ten-thousandths.
fn coefficient(field: &'static str, value: f64) -> Result<i128, LawError> {
    // Also rejects NaN and the infinities.
    if !(0.0..=MAX_COEFFICIENT).contains(&value) {
        return Err(LawError::InvalidCoefficient { field, value });
    }
    // 0 ≤ value × 10,000 ≤ 10⁷: the cast is exact after rounding.
    Ok((value * COEFFICIENT_SCALE as f64).round() as i128)
}

/// Everything the branches need, exact.
struct Ctx {
    retirement: Retirement,
    effective: NaiveDate,
    /// m.
    m: i64,
    /// Y in half-years.
    half_years: u64,
    insured_months: u32,
    /// M in millionths of a đồng.
    salary_micro: i128,
    salary_formula: String,
    within_12_months: bool,
    f: Factor,
    g: Factor,
    min_pension_years: u32,
}

impl Ctx {
    fn new(input: &PackageInput, policy: &LawPolicy) -> Result<Ctx, LawError> {
        let salary = coefficient("salary_coefficient", input.salary_coefficient)?;
        let allowance = coefficient("allowance_coefficient", input.allowance_coefficient)?;
        // (ten-thousandths) × VND × 100 = millionths of a đồng; ≤ 2·10⁷ × 1.9·10¹⁹ × 100.
        let salary_micro =
            (salary + allowance) * i128::from(policy.base_salary_vnd) * (MICRO / COEFFICIENT_SCALE);
        let salary_formula = format!(
            "({} + {}) × {} = {}",
            fmt_micro(salary * (MICRO / COEFFICIENT_SCALE), 0),
            fmt_micro(allowance * (MICRO / COEFFICIENT_SCALE), 0),
            fmt_vnd(policy.base_salary_vnd),
            fmt_micro(salary_micro, 0)
        );
        let retirement = retirement(input.gender, input.born);
        let (f, g) = if policy.decision_within_12_months {
            (EARLY_FACTOR_WITHIN_12_MONTHS, QUIT_FACTOR_WITHIN_12_MONTHS)
        } else {
            (EARLY_FACTOR_AFTER_12_MONTHS, QUIT_FACTOR_AFTER_12_MONTHS)
        };
        Ok(Ctx {
            retirement,
            effective: policy.effective,
            m: months_to_retirement(&retirement, policy.effective),
            half_years: insured_half_years(input.insured_months),
            insured_months: input.insured_months,
            salary_micro,
            salary_formula,
            within_12_months: policy.decision_within_12_months,
            f,
            g,
            min_pension_years: policy.min_pension_years,
        })
    }

    fn pension_years_met(&self) -> bool {
        self.half_years >= 2 * u64::from(self.min_pension_years)
    }

    /// The branches open to the person, SPEC §6.2's pick first.
    fn branches(&self) -> Vec<Branch> {
        let m = self.m;
        if m <= 0 {
            return vec![Branch::Retire];
        }
        let mut out = Vec::new();
        if self.pension_years_met() {
            if m < EARLY_RETIREMENT_MIN_MONTHS {
                out.push(Branch::EarlyUnder2);
            } else if m <= EARLY_RETIREMENT_FULL_RATE_MAX_MONTHS {
                out.push(Branch::Early2To5);
            } else if m <= EARLY_RETIREMENT_MAX_MONTHS {
                out.push(Branch::Early5To10);
            }
        }
        if m >= QUIT_MIN_MONTHS {
            out.push(Branch::Quit);
        }
        if out.is_empty() {
            out.push(Branch::None);
        }
        out
    }

    fn y(&self) -> String {
        fmt_half_years(self.half_years)
    }

    fn salary(&self) -> String {
        fmt_micro(self.salary_micro, 0)
    }

    /// "Y = 28.5 ≥ 20 pension years" or "Y = 12 < 20 pension years".
    fn pension_clause(&self) -> String {
        let op = if self.pension_years_met() { "≥" } else { "<" };
        format!(
            "Y = {} {op} {} pension years",
            self.y(),
            self.min_pension_years
        )
    }

    /// M × months × factor, exact, in millionths of a đồng.
    fn times(&self, months: i64, factor: Factor) -> i128 {
        exact_div(
            self.salary_micro * i128::from(months) * i128::from(factor.num),
            i128::from(factor.den),
        )
    }

    /// A term and its exact value in millionths of a đồng.
    fn term(&self, label: String, formula: String, micro: i128) -> (Term, i128) {
        let term = Term {
            label,
            formula,
            value_vnd: round_micro(micro),
            exact_vnd: fmt_micro(micro, 0),
        };
        (term, micro)
    }

    /// f × M × m.
    fn months_early_term(&self) -> (Term, i128) {
        self.term(
            "months-early allowance f × M × m".into(),
            format!("{} × {} × {}", self.f, self.salary(), self.m),
            self.times(self.m, self.f),
        )
    }

    /// k × M × ⌊m/12⌋.
    fn years_early_term(&self, months_per_year: i64) -> (Term, i128) {
        let years = self.m / 12;
        self.term(
            format!("years-early allowance {months_per_year} × M × ⌊m/12⌋"),
            format!("{months_per_year} × {} × {years}", self.salary()),
            self.times(months_per_year * years, Factor::new(1, 1)),
        )
    }

    /// S.
    fn insured_years_term(&self) -> (Term, i128) {
        let h = self.half_years as i128;
        let (first_years, first_months) = if h >= 2 * i128::from(S_FIRST_YEARS_LONG) {
            (S_FIRST_YEARS_LONG, S_FIRST_MONTHS_LONG)
        } else if h >= 2 * i128::from(S_FIRST_YEARS_SHORT) {
            (S_FIRST_YEARS_SHORT, S_FIRST_MONTHS_SHORT)
        } else {
            return self.term(
                "insured-years allowance S".into(),
                format!("Y = {} < {S_FIRST_YEARS_SHORT}: 0", self.y()),
                0,
            );
        };
        // first_months × M + rate × M × (Y − first_years), Y − first_years in half-years.
        let further_half_years = h - 2 * i128::from(first_years);
        let micro = self.times(first_months, Factor::new(1, 1))
            + exact_div(
                self.salary_micro * further_half_years * i128::from(S_FURTHER_YEAR_RATE.num),
                2 * i128::from(S_FURTHER_YEAR_RATE.den),
            );
        self.term(
            format!(
                "insured-years allowance S = {first_months} × M + {} × M × (Y − {first_years})",
                S_FURTHER_YEAR_RATE
            ),
            format!(
                "{first_months} × {m} + {r} × {m} × ({y} − {first_years})",
                m = self.salary(),
                r = S_FURTHER_YEAR_RATE,
                y = self.y()
            ),
            micro,
        )
    }

    fn build(&self, branch: Branch) -> Package {
        let m = self.m;
        let y = self.y();
        let pension = self.retirement.pension_start;
        let mut note = None;
        let (kind, reason, terms, source) = match branch {
            Branch::Retire => {
                note = Some(format!(
                    "Reaches the statutory retirement age by the effective date (pension from \
                     {pension}): normal retirement, no package, cost 0."
                ));
                (
                    PackageKind::Retire,
                    format!("m = {m} ≤ 0: retirement age reached"),
                    vec![],
                    SOURCE_RETIRE,
                )
            }
            Branch::EarlyUnder2 => (
                PackageKind::EarlyRetirement,
                format!(
                    "0 < m = {m} < {EARLY_RETIREMENT_MIN_MONTHS} and {}",
                    self.pension_clause()
                ),
                vec![self.months_early_term()],
                SOURCE_EARLY_UNDER_2_YEARS,
            ),
            Branch::Early2To5 => (
                PackageKind::EarlyRetirement,
                format!(
                    "{EARLY_RETIREMENT_MIN_MONTHS} ≤ m = {m} ≤ {EARLY_RETIREMENT_FULL_RATE_MAX_MONTHS} and {}",
                    self.pension_clause()
                ),
                vec![
                    self.months_early_term(),
                    self.years_early_term(MONTHS_PER_YEAR_EARLY_UP_TO_5_YEARS),
                    self.insured_years_term(),
                ],
                SOURCE_EARLY_2_TO_5_YEARS,
            ),
            Branch::Early5To10 => {
                let first = self.term(
                    format!(
                        "months-early allowance {BEYOND_5_YEARS_RATE} × f × M × {BEYOND_5_YEARS_MONTHS}"
                    ),
                    format!(
                        "{BEYOND_5_YEARS_RATE} × {} × {} × {BEYOND_5_YEARS_MONTHS}",
                        self.f,
                        self.salary()
                    ),
                    self.times(
                        BEYOND_5_YEARS_MONTHS,
                        Factor::new(
                            BEYOND_5_YEARS_RATE.num * self.f.num,
                            BEYOND_5_YEARS_RATE.den * self.f.den,
                        ),
                    ),
                );
                (
                    PackageKind::EarlyRetirement,
                    format!(
                        "{EARLY_RETIREMENT_FULL_RATE_MAX_MONTHS} < m = {m} ≤ {EARLY_RETIREMENT_MAX_MONTHS} and {}",
                        self.pension_clause()
                    ),
                    vec![
                        first,
                        self.years_early_term(MONTHS_PER_YEAR_EARLY_5_TO_10_YEARS),
                        self.insured_years_term(),
                    ],
                    SOURCE_EARLY_5_TO_10_YEARS,
                )
            }
            Branch::Quit => {
                let reason = if !self.pension_years_met() {
                    format!("m = {m} ≥ {QUIT_MIN_MONTHS} and {}", self.pension_clause())
                } else if m > EARLY_RETIREMENT_MAX_MONTHS {
                    format!(
                        "m = {m} ≥ {QUIT_MIN_MONTHS} and m > {EARLY_RETIREMENT_MAX_MONTHS} \
                         (too early for early retirement)"
                    )
                } else {
                    format!(
                        "m = {m} ≥ {QUIT_MIN_MONTHS}: quitting, the alternative to early \
                         retirement ({})",
                        self.pension_clause()
                    )
                };
                (PackageKind::Quit, reason, self.quit_terms(), SOURCE_QUIT)
            }
            Branch::None => {
                note = Some(format!(
                    "No package applies: m = {m} < {QUIT_MIN_MONTHS} months to retirement and \
                     Y = {y} < {} insured years needed for a pension. The person is kept until \
                     retirement (pension from {pension}); cost 0.",
                    self.min_pension_years
                ));
                (
                    PackageKind::None,
                    format!("0 < m = {m} < {QUIT_MIN_MONTHS} and {}", self.pension_clause()),
                    vec![],
                    SOURCE_NONE,
                )
            }
        };
        if !self.within_12_months
            && matches!(kind, PackageKind::EarlyRetirement | PackageKind::Quit)
        {
            note = Some(format!(
                "Decision more than 12 months after the restructuring decision: f = {}, g = {} \
                 (Decree 178/2024 art. 7(1)(b), 9(1)(a)).",
                self.f, self.g
            ));
        }
        let total: i128 = terms.iter().map(|(_, micro)| micro).sum();
        let terms = terms.into_iter().map(|(t, _)| t).collect();
        Package {
            kind,
            months_to_retirement: m,
            insured_years: self.half_years as f64 / 2.0,
            insured_months: self.insured_months,
            monthly_salary_vnd: round_micro(self.salary_micro),
            monthly_salary_formula: self.salary_formula.clone(),
            branch: format!("{reason}: {source}"),
            terms,
            cost_vnd: round_micro(total),
            source,
            note,
            retirement: self.retirement,
            effective: self.effective,
        }
    }

    /// g × M × n + 1.5 × M × Y + 3 × M.
    fn quit_terms(&self) -> Vec<(Term, i128)> {
        let insured = i64::from(self.insured_months);
        let by_months = self.m.min(QUIT_MAX_MONTHS);
        let n = if insured < QUIT_MAX_MONTHS {
            by_months.min(insured)
        } else {
            by_months
        };
        let n_label = if insured < QUIT_MAX_MONTHS {
            format!(
                "n = min({QUIT_MAX_MONTHS}, m = {}, insured months {insured}) = {n}",
                self.m
            )
        } else {
            format!("n = min({QUIT_MAX_MONTHS}, m = {}) = {n}", self.m)
        };
        let y_micro = exact_div(
            self.salary_micro
                * self.half_years as i128
                * i128::from(QUIT_MONTHS_PER_INSURED_YEAR.num),
            2 * i128::from(QUIT_MONTHS_PER_INSURED_YEAR.den),
        );
        vec![
            self.term(
                format!("months-to-retirement allowance g × M × n, {n_label}"),
                format!("{} × {} × {n}", self.g, self.salary()),
                self.times(n, self.g),
            ),
            self.term(
                format!("insured-years allowance {QUIT_MONTHS_PER_INSURED_YEAR} × M × Y"),
                format!(
                    "{QUIT_MONTHS_PER_INSURED_YEAR} × {} × {}",
                    self.salary(),
                    self.y()
                ),
                y_micro,
            ),
            self.term(
                format!("job-search allowance {QUIT_JOB_SEARCH_MONTHS} × M"),
                format!("{QUIT_JOB_SEARCH_MONTHS} × {}", self.salary()),
                self.times(QUIT_JOB_SEARCH_MONTHS, Factor::new(1, 1)),
            ),
        ]
    }
}

/// `a / b`, which must be exact (all denominators divide the scale; see the module docs).
fn exact_div(a: i128, b: i128) -> i128 {
    assert!(a % b == 0, "internal: inexact division {a} / {b}");
    a / b
}

/// Millionths of a đồng to đồng, rounding halves away from zero; saturating into `u64`.
fn round_micro(micro: i128) -> u64 {
    let half = MICRO / 2;
    let rounded = if micro >= 0 {
        (micro + half) / MICRO
    } else {
        (micro - half) / MICRO
    };
    u64::try_from(rounded.max(0)).unwrap_or(u64::MAX)
}

/// Formats millionths of a đồng (or of any unit) as a decimal with thousands separators and
/// the fractional digits needed, at least `min_decimals`: 11,294,400; 5,475,602.34; 0.8; 1.0.
fn fmt_micro(micro: i128, min_decimals: usize) -> String {
    let sign = if micro < 0 { "-" } else { "" };
    let abs = micro.unsigned_abs();
    let int = abs / MICRO as u128;
    let frac = abs % MICRO as u128;
    let mut digits = format!("{frac:06}");
    while digits.len() > min_decimals && digits.ends_with('0') {
        digits.pop();
    }
    let int = group_thousands(&int.to_string());
    if digits.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{digits}")
    }
}

/// 1234567 → "1,234,567".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole amount of đồng with thousands separators: 11,294,400.
pub(crate) fn fmt_vnd(vnd: u64) -> String {
    group_thousands(&vnd.to_string())
}

/// Half-years as years: 57 → "28.5", 40 → "20".
fn fmt_half_years(half_years: u64) -> String {
    if half_years % 2 == 0 {
        (half_years / 2).to_string()
    } else {
        format!("{}.5", half_years / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn person(g: Gender, born: NaiveDate, coef: f64, allowance: f64, insured: u32) -> PackageInput {
        PackageInput {
            gender: g,
            born,
            salary_coefficient: coef,
            allowance_coefficient: allowance,
            insured_months: insured,
        }
    }

    /// A man on coefficient 4.98, no allowance: M = 4.98 × 2,340,000 = 11,653,200.
    fn man(born: NaiveDate, insured: u32) -> PackageInput {
        person(Gender::Male, born, 4.98, 0.0, insured)
    }

    /// The default policy at `effective` (base 2,340,000, within 12 months, default pension
    /// years).
    fn at(effective: NaiveDate) -> LawPolicy {
        LawPolicy::new(effective, None, None, None)
    }

    /// Asserts kind, m, cost and number of terms; returns the package.
    fn check(
        input: PackageInput,
        policy: LawPolicy,
        kind: PackageKind,
        m: i64,
        cost: u64,
        terms: usize,
    ) -> Package {
        let p = package(&input, &policy);
        assert_eq!(p.kind, kind, "{}", p.explain());
        assert_eq!(p.months_to_retirement, m, "{}", p.explain());
        assert_eq!(p.cost_vnd, cost, "{}", p.explain());
        assert_eq!(p.terms.len(), terms, "{}", p.explain());
        p
    }

    #[test]
    fn insured_years_rounding() {
        // ⌊months/12⌋, + ½ for a remainder of 1–6, + 1 for 7–11.
        assert_eq!(insured_half_years(0), 0);
        assert_eq!(insured_half_years(240), 40); // 20y 0m → 20
        assert_eq!(insured_half_years(241), 41); // 20y 1m → 20.5
        assert_eq!(insured_half_years(246), 41); // 20y 6m → 20.5
        assert_eq!(insured_half_years(247), 42); // 20y 7m → 21
        assert_eq!(insured_half_years(251), 42); // 20y 11m → 21
        assert_eq!(insured_half_years(11), 2); // 0y 11m → 1
        assert_eq!(fmt_half_years(57), "28.5");
        assert_eq!(fmt_half_years(40), "20");
    }

    #[test]
    fn default_min_pension_years_switches_on_2025_07_01() {
        assert_eq!(default_min_pension_years(d(2025, 1, 1)), 20);
        assert_eq!(default_min_pension_years(d(2025, 6, 30)), 20);
        assert_eq!(default_min_pension_years(d(2025, 7, 1)), 15);
        assert_eq!(default_min_pension_years(d(2030, 1, 1)), 15);
        let p = LawPolicy::new(d(2025, 1, 1), Some(2_000_000), Some(false), Some(17));
        assert_eq!(
            (
                p.base_salary_vnd,
                p.decision_within_12_months,
                p.min_pension_years
            ),
            (2_000_000, false, 17)
        );
        let p = at(d(2025, 1, 1));
        assert_eq!(
            (
                p.base_salary_vnd,
                p.decision_within_12_months,
                p.min_pension_years
            ),
            (2_340_000, true, 20)
        );
    }

    #[test]
    fn m_0_retire() {
        // Man born 1963-12: 2023 needs 60y9m → 2024-09, not in 2023; 2024 needs 61y → 2024-12.
        // Pension from 2025-01; effective 2025-01-01 → m = 0 → Retire, cost 0, no terms.
        let p = check(
            man(d(1963, 12, 5), 400),
            at(d(2025, 1, 1)),
            PackageKind::Retire,
            0,
            0,
            0,
        );
        assert!(p.note.unwrap().contains("normal retirement"));
    }

    #[test]
    fn m_negative_retire() {
        // Man born 1961-01 retired 04/2021, pension 05/2021; 2025-01 → 2021-05 = −44 → Retire.
        check(
            man(d(1961, 1, 1), 400),
            at(d(2025, 1, 1)),
            PackageKind::Retire,
            -44,
            0,
            0,
        );
    }

    #[test]
    fn m_1_early_retirement_under_2_years() {
        // Man born 1964-01: 2024 needs 61y → 2025-01, not in 2024; 2025 needs 61y3m → 2025-04.
        // Pension 2025-05; effective 2025-04-01 → m = 1.
        // Insured 241 months = 20y 1m → Y = 20.5 ≥ 20 (default before 2025-07-01).
        // M = 4.98 × 2,340,000 = 11,653,200; cost = 1.0 × 11,653,200 × 1 = 11,653,200.
        let p = check(
            man(d(1964, 1, 20), 241),
            at(d(2025, 4, 1)),
            PackageKind::EarlyRetirement,
            1,
            11_653_200,
            1,
        );
        assert_eq!(p.insured_years, 20.5);
        assert_eq!(p.terms[0].formula, "1.0 × 11,653,200 × 1");
    }

    #[test]
    fn m_23_early_retirement_under_2_years() {
        // Man born 1965-05: 2025 needs 61y3m → 2026-08, not in 2025; 2026 needs 61y6m →
        // 2026-11. Pension 2026-12; 2025-01 → 2026-12 = 23 months.
        // Insured 246 = 20y 6m → Y = 20.5 ≥ 20.
        // Cost = 1.0 × 11,653,200 × 23 = 268,023,600.
        check(
            man(d(1965, 5, 1), 246),
            at(d(2025, 1, 1)),
            PackageKind::EarlyRetirement,
            23,
            268_023_600,
            1,
        );
    }

    #[test]
    fn m_24_early_retirement_2_to_5_years() {
        // Man born 1965-06: 2025 needs 61y3m → 2026-09, not in 2025; 2026 needs 61y6m →
        // 2026-12. Pension 2027-01; 2025-01 → 2027-01 = 24.
        // Insured 247 = 20y 7m → Y = 21.  M = 11,653,200.
        //   1.0 × M × 24               = 24 M  = 279,676,800
        //   5 × M × ⌊24/12⌋ = 5 × M × 2 = 10 M  = 116,532,000
        //   S = 5 M + 0.5 × M × (21 − 20) = 5.5 M = 64,092,600
        //   total 39.5 M = 460,301,400.
        let input = man(d(1965, 6, 10), 247);
        let p = check(
            input,
            at(d(2025, 1, 1)),
            PackageKind::EarlyRetirement,
            24,
            460_301_400,
            3,
        );
        let values: Vec<u64> = p.terms.iter().map(|t| t.value_vnd).collect();
        assert_eq!(values, [279_676_800, 116_532_000, 64_092_600]);
        assert_eq!(
            p.terms[2].formula,
            "5 × 11,653,200 + 0.5 × 11,653,200 × (21 − 20)"
        );
        // Both packages are open: early retirement first, quitting second:
        //   0.8 × M × 24 = 19.2 M; 1.5 × M × 21 = 31.5 M; 3 M → 53.7 M = 625,776,840.
        let all = eligible_packages(&input, &at(d(2025, 1, 1)));
        let kinds: Vec<PackageKind> = all.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PackageKind::EarlyRetirement, PackageKind::Quit]);
        assert_eq!(all[0], p);
        assert_eq!(all[1].cost_vnd, 625_776_840);
        assert_eq!(all[1].terms.len(), 3);
    }

    #[test]
    fn m_24_with_f_halved() {
        // As m_24 with the decision after 12 months: f = 0.5.
        //   0.5 × M × 24 = 12 M; 5 × M × 2 = 10 M; S = 5.5 M → 27.5 M = 320,463,000.
        let policy = LawPolicy::new(d(2025, 1, 1), None, Some(false), None);
        let p = check(
            man(d(1965, 6, 10), 247),
            policy,
            PackageKind::EarlyRetirement,
            24,
            320_463_000,
            3,
        );
        assert_eq!(p.terms[0].formula, "0.5 × 11,653,200 × 24");
        assert!(p.note.is_some());
    }

    #[test]
    fn m_60_early_retirement_with_allowance() {
        // Man born 1967-12: capped at 62y (2028 needs 62y → 2029-12, not in 2028; 2029 →
        // 2029-12). Pension 2030-01; 2025-01 → 2030-01 = 60.
        // M includes the allowance: (4.32 + 0.3) × 2,340,000 = 4.62 × 2,340,000 = 10,810,800.
        // Insured 360 = 30y 0m → Y = 30.
        //   1.0 × M × 60 = 60 M; 5 × M × 5 = 25 M; S = 5 M + 0.5 × M × 10 = 10 M
        //   total 95 M = 1,027,026,000.
        let p = check(
            person(Gender::Male, d(1967, 12, 1), 4.32, 0.3, 360),
            at(d(2025, 1, 1)),
            PackageKind::EarlyRetirement,
            60,
            1_027_026_000,
            3,
        );
        assert_eq!(p.monthly_salary_vnd, 10_810_800);
        assert_eq!(
            p.monthly_salary_formula,
            "(4.32 + 0.3) × 2,340,000 = 10,810,800"
        );
    }

    #[test]
    fn m_61_early_retirement_5_to_10_years() {
        // Man born 1968-01 → 62y in 2030-01, pension 2030-02; 2025-01 → 2030-02 = 61.
        // Insured 251 = 20y 11m → Y = 21.  M = 11,653,200.
        //   0.9 × 1.0 × M × 60 = 54 M; 4 × M × ⌊61/12⌋ = 4 × M × 5 = 20 M;
        //   S = 5 M + 0.5 × M × 1 = 5.5 M; total 79.5 M = 926,429,400.
        let p = check(
            man(d(1968, 1, 31), 251),
            at(d(2025, 1, 1)),
            PackageKind::EarlyRetirement,
            61,
            926_429_400,
            3,
        );
        assert_eq!(p.terms[0].formula, "0.9 × 1.0 × 11,653,200 × 60");
        assert_eq!(p.terms[1].formula, "4 × 11,653,200 × 5");
    }

    #[test]
    fn m_120_early_retirement_5_to_10_years() {
        // Man born 1972-12 → 62y in 2034-12, pension 2035-01; 2025-01 → 2035-01 = 120.
        // Insured 300 = 25y → Y = 25.
        //   0.9 × M × 60 = 54 M; 4 × M × 10 = 40 M; S = 5 M + 0.5 × M × 5 = 7.5 M
        //   total 101.5 M = 1,182,799,800.
        check(
            man(d(1972, 12, 1), 300),
            at(d(2025, 1, 1)),
            PackageKind::EarlyRetirement,
            120,
            1_182_799_800,
            3,
        );
    }

    #[test]
    fn m_121_quit() {
        // Man born 1973-01 → pension 2035-02; m = 121 > 120: no early retirement → Quit.
        // Insured 300 → Y = 25; n = min(60, 121) = 60.
        //   0.8 × M × 60 = 48 M; 1.5 × M × 25 = 37.5 M; 3 M → 88.5 M = 1,031,308,200.
        let input = man(d(1973, 1, 1), 300);
        check(
            input,
            at(d(2025, 1, 1)),
            PackageKind::Quit,
            121,
            1_031_308_200,
            3,
        );
        assert_eq!(eligible_packages(&input, &at(d(2025, 1, 1))).len(), 1);
    }

    #[test]
    fn quit_and_early_with_factors_halved() {
        // After 12 months: g = 0.4 for the m_121 man:
        //   0.4 × M × 60 = 24 M; 37.5 M; 3 M → 64.5 M = 751,631,400.
        let policy = LawPolicy::new(d(2025, 1, 1), None, Some(false), None);
        let p = check(
            man(d(1973, 1, 1), 300),
            policy,
            PackageKind::Quit,
            121,
            751_631_400,
            3,
        );
        assert_eq!(p.terms[0].formula, "0.4 × 11,653,200 × 60");
        // And f = 0.5 beyond 5 years, the m_120 man: 0.9 × 0.5 × M × 60 = 27 M; 40 M; 7.5 M
        //   → 74.5 M = 868,163,400.
        check(
            man(d(1972, 12, 1), 300),
            policy,
            PackageKind::EarlyRetirement,
            120,
            868_163_400,
            3,
        );
    }

    #[test]
    fn quit_under_5_insured_years_caps_n() {
        // Man born 1968-01, m = 61 (as above), insured 40 months = 3y 4m → Y = 3.5 < 20 → Quit.
        // n = min(60, 61) = 60, capped at the 40 insured months → n = 40.
        // M = 2.34 × 2,340,000 = 5,475,600.
        //   0.8 × M × 40 = 32 M; 1.5 × M × 3.5 = 5.25 M; 3 M → 40.25 M = 220,392,900.
        let p = check(
            person(Gender::Male, d(1968, 1, 1), 2.34, 0.0, 40),
            at(d(2025, 1, 1)),
            PackageKind::Quit,
            61,
            220_392_900,
            3,
        );
        assert_eq!(p.terms[0].formula, "0.8 × 5,475,600 × 40");
        assert!(p.terms[0].label.contains("insured months 40"));
    }

    #[test]
    fn decree_67_s_with_15_to_20_insured_years() {
        // Woman born 1970-08: 2026 needs 57y → 2027-08, not in 2026; 2027 needs 57y4m →
        // 2027-12. Pension 2028-01; effective 2025-07-01 → m = 30. Default pension years from
        // 2025-07-01: 15. Insured 210 = 17y 6m → Y = 17.5 ≥ 15.
        // M = (3.99 + 0.25) × 2,340,000 = 9,921,600.
        //   1.0 × M × 30 = 30 M; 5 × M × 2 = 10 M; S = 4 M + 0.5 × M × (17.5 − 15) = 5.25 M
        //   total 45.25 M = 448,952,400.
        let input = person(Gender::Female, d(1970, 8, 15), 3.99, 0.25, 210);
        let p = check(
            input,
            at(d(2025, 7, 1)),
            PackageKind::EarlyRetirement,
            30,
            448_952_400,
            3,
        );
        assert_eq!(
            p.terms[2].formula,
            "4 × 9,921,600 + 0.5 × 9,921,600 × (17.5 − 15)"
        );
        assert_eq!(p.terms[2].value_vnd, 52_088_400);
        // Quitting is the alternative: 0.8 × M × 30 = 24 M; 1.5 × M × 17.5 = 26.25 M; 3 M →
        // 53.25 M = 528,325,200.
        let all = eligible_packages(&input, &at(d(2025, 7, 1)));
        assert_eq!(all.len(), 2);
        assert_eq!(
            (all[1].kind, all[1].cost_vnd),
            (PackageKind::Quit, 528_325_200)
        );
    }

    #[test]
    fn default_pension_years_before_2025_07_01_forces_quit() {
        // The same woman a month earlier, effective 2025-06-01: m = 2025-06 → 2028-01 = 31;
        // pension years default to 20 and Y = 17.5 < 20 → Quit, n = 31:
        //   0.8 × M × 31 = 24.8 M; 1.5 × M × 17.5 = 26.25 M; 3 M → 54.05 M = 536,262,480.
        let input = person(Gender::Female, d(1970, 8, 15), 3.99, 0.25, 210);
        let p = check(
            input,
            at(d(2025, 6, 1)),
            PackageKind::Quit,
            31,
            536_262_480,
            3,
        );
        assert!(
            p.branch.contains("Y = 17.5 < 20 pension years"),
            "{}",
            p.branch
        );
        assert_eq!(eligible_packages(&input, &at(d(2025, 6, 1))).len(), 1);
    }

    #[test]
    fn none_branch() {
        // Man born 1965-05: m = 23 at 2025-01-01 (as above); insured 120 = 10y → Y = 10 < 20:
        // no early retirement, and m < 24 rules out quitting → None, cost 0, kept until
        // retirement.
        let input = man(d(1965, 5, 1), 120);
        let p = check(input, at(d(2025, 1, 1)), PackageKind::None, 23, 0, 0);
        let note = p.note.clone().unwrap();
        assert!(note.contains("kept until retirement"), "{note}");
        assert!(note.contains("2026-12"), "{note}");
        assert_eq!(eligible_packages(&input, &at(d(2025, 1, 1))), vec![p]);
    }

    #[test]
    fn total_is_the_rounded_exact_sum() {
        // Base 2,340,005 (a made-up base salary to get fractions), coefficient 2.34:
        // M = 2.34 × 2,340,005 = 5,475,611.7. Man born 1973-01, m = 121 → Quit, n = 60;
        // insured 301 = 25y 1m → Y = 25.5.
        //   0.8 × M × 60   = 48 M    = 262,829,361.6    (shown 262,829,362)
        //   1.5 × M × 25.5 = 38.25 M = 209,442,147.525  (shown 209,442,148)
        //   3 × M                    =  16,426,835.1    (shown  16,426,835)
        //   exact total 89.25 M = 488,698,344.225 → 488,698,344 (the rounded terms add to …345).
        let policy = LawPolicy::new(d(2025, 1, 1), Some(2_340_005), None, None);
        let p = check(
            person(Gender::Male, d(1973, 1, 1), 2.34, 0.0, 301),
            policy,
            PackageKind::Quit,
            121,
            488_698_344,
            3,
        );
        let shown: Vec<u64> = p.terms.iter().map(|t| t.value_vnd).collect();
        assert_eq!(shown, [262_829_362, 209_442_148, 16_426_835]);
        assert_eq!(p.terms[1].exact_vnd, "209,442,147.525");
        assert_eq!(p.monthly_salary_vnd, 5_475_612);
        // Rounding halves away from zero.
        assert_eq!(round_micro(1_500_000), 2);
        assert_eq!(round_micro(2_500_000), 3);
        assert_eq!(round_micro(2_499_999), 2);
    }

    #[test]
    fn invalid_coefficients_are_errors() {
        let policy = at(d(2025, 1, 1));
        for bad in [f64::NAN, f64::INFINITY, -0.1, 1e9] {
            let input = person(Gender::Male, d(1970, 1, 1), bad, 0.0, 100);
            assert!(input.validate().is_err());
            assert!(try_package(&input, &policy).is_err());
            let input = person(Gender::Male, d(1970, 1, 1), 2.0, bad, 100);
            assert!(try_eligible_packages(&input, &policy).is_err());
        }
    }

    #[test]
    fn explanation_and_json() {
        let p = package(&man(d(1965, 6, 10), 247), &at(d(2025, 1, 1)));
        let text = p.explain();
        for part in [
            "Package: EarlyRetirement — cost 460,301,400 VND",
            "24 ≤ m = 24 ≤ 60 and Y = 21 ≥ 20 pension years",
            "M = (4.98 + 0) × 2,340,000 = 11,653,200 VND",
            "Y = 247 months = 20 years 7 months → 21",
            "pension start 2027-01",
            "1.0 × 11,653,200 × 24 = 279,676,800",
            "Decree 178/2024 art. 7(1)(a)",
        ] {
            assert!(text.contains(part), "missing {part:?} in\n{text}");
        }
        assert_eq!(p.to_string(), text);
        let json: serde_json::Value = serde_json::to_value(&p).unwrap();
        assert_eq!(json["kind"], "EarlyRetirement");
        assert_eq!(json["cost_vnd"], 460_301_400u64);
        assert_eq!(json["insured_years"], 21.0);
        assert_eq!(json["effective"], "2025-01-01");
        assert_eq!(json["retirement"]["pension_start"], "2027-01");
        assert_eq!(json["terms"].as_array().unwrap().len(), 3);
    }
}

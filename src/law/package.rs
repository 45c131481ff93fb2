//! Packages for surplus people and their cost (SPEC §6.2, revised).
//!
//! The rules are those of Decree 178/2024/NĐ-CP as amended by Decree 67/2025/NĐ-CP (cadres,
//! civil servants, public employees, workers) and of Decree 154/2025/NĐ-CP art. 9 (part-time
//! commune workers), checked against the Ministry of Home Affairs' worked examples (Official
//! Letter 1814/BNV-TCBC, 2025). Every number comes from a law file ([`super::data`]): the
//! rates, thresholds, dates, the public-service allowance, the roundings and the base salary.
//! This module holds the formulas only; what a term is called is the presentation's business
//! (the command line renders [`TermKind`] and [`Branch`] through the message catalogue).
//!
//! # Exact arithmetic
//!
//! Each coefficient (an `f64` from the files, e.g. 3.99) is first turned into an exact number
//! of ten-thousandths (after checking it is finite, ≥ 0 and ≤ [`MAX_COEFFICIENT`]); every
//! figure of the law is an exact [`Ratio`] read from its decimal form. M, every term and their
//! sum are exact rationals; only the total is rounded, once, to the nearest đồng (halves away
//! from zero). Each [`Term`] shows its value rounded ([`Term::value_vnd`]) and exactly
//! ([`Term::exact_vnd`]); the rounded terms may differ from the total by a đồng or so.

use std::sync::Arc;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::data::{Figure, Key, Law, LawDataError, Laws, Regime, YearsEarly};
use super::ratio::{group_thousands, Ratio};
use super::retirement::{months_to_retirement, retirement, Retirement};
use super::serialize_date;
use crate::files::raw::{Category, Gender};

/// Coefficients are held exactly in units of 1/10,000 (not a legal number: the precision of
/// the exact arithmetic; salary tables use two decimals).
pub const COEFFICIENT_SCALE: i128 = 10_000;

/// The largest coefficient accepted (not a legal number: a sanity bound; real coefficients
/// are below 15).
pub const MAX_COEFFICIENT: f64 = 1000.0;

/// The largest beyond-frame seniority percent accepted (not a legal number: a sanity bound;
/// the allowance starts at 5% and grows 1% a year).
pub const MAX_BEYOND_FRAME_PCT: u32 = 100;

/// A person's figures or the law data do not allow a price.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LawError {
    /// `field` is NaN, infinite, negative or above [`MAX_COEFFICIENT`].
    #[error(
        "{field} = {value} is not a valid coefficient (it must be finite, ≥ 0 and ≤ {max})",
        max = MAX_COEFFICIENT
    )]
    InvalidCoefficient {
        /// `salary_coefficient`, `allowance_coefficient` or `other_allowances`.
        field: &'static str,
        /// The value given.
        value: f64,
    },
    /// The law data has no figure for a date (only a hand-built [`Law`] can; checked files
    /// cover every day).
    #[error(transparent)]
    Data(#[from] LawDataError),
}

/// What the law needs to know of a person to price their package.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PackageInput {
    /// Gender, for the retirement age.
    pub gender: Gender,
    /// Date of birth.
    #[serde(serialize_with = "serialize_date")]
    pub born: NaiveDate,
    /// Staff category: which allowances count in M and which regime applies.
    pub category: Category,
    /// Grade salary coefficient (hệ số lương), e.g. 3.99; for part-time workers, their
    /// allowance coefficient.
    pub salary_coefficient: f64,
    /// Position (leadership) allowance coefficient, e.g. 0.25.
    pub allowance_coefficient: f64,
    /// Phụ cấp thâm niên vượt khung, percent of the salary coefficient.
    pub beyond_frame_pct: u32,
    /// Other allowances that count in M, as a coefficient of the base salary.
    pub other_allowances: f64,
    /// Months of compulsory social insurance (for part-time workers: months of work).
    pub insured_months: u32,
}

impl PackageInput {
    /// A civil servant with no beyond-frame or other allowances (a shorthand for tests and
    /// examples).
    pub fn civil_servant(
        gender: Gender,
        born: NaiveDate,
        salary_coefficient: f64,
        allowance_coefficient: f64,
        insured_months: u32,
    ) -> PackageInput {
        PackageInput {
            gender,
            born,
            category: Category::CivilServant,
            salary_coefficient,
            allowance_coefficient,
            beyond_frame_pct: 0,
            other_allowances: 0.0,
            insured_months,
        }
    }

    /// Checks the coefficients: finite, ≥ 0 and ≤ [`MAX_COEFFICIENT`].
    pub fn validate(&self) -> Result<(), LawError> {
        coefficient("salary_coefficient", self.salary_coefficient)?;
        coefficient("allowance_coefficient", self.allowance_coefficient)?;
        coefficient("other_allowances", self.other_allowances)?;
        Ok(())
    }
}

/// The policy packages are priced under (SPEC §1.3 `Policy`, §6.2): the dates and the laws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LawPolicy {
    /// The day the person leaves; months to retirement count from it.
    #[serde(serialize_with = "serialize_date")]
    pub effective: NaiveDate,
    /// The effective date of the restructuring decision; the full rates apply within the
    /// law's window after it.
    #[serde(serialize_with = "serialize_date")]
    pub decision_date: NaiveDate,
    /// Base salary override, VND per month (`None`: the law's figure on `effective`).
    pub base_salary_vnd: Option<u64>,
    /// Override of the window test (`None`: from the dates).
    pub decision_within_12_months: Option<bool>,
    /// Override of the insured years needed for a pension (`None`: the law's figure).
    pub min_pension_years: Option<u32>,
    /// The laws in force.
    #[serde(serialize_with = "serialize_laws")]
    pub laws: Arc<Laws>,
}

fn serialize_laws<S: serde::Serializer>(laws: &Arc<Laws>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(laws.laws.iter().map(|l| l.id.as_str()))
}

impl LawPolicy {
    /// A policy under the shipped laws, the decision taking effect on `effective`.
    pub fn new(
        effective: NaiveDate,
        base_salary_vnd: Option<u64>,
        decision_within_12_months: Option<bool>,
        min_pension_years: Option<u32>,
    ) -> LawPolicy {
        LawPolicy {
            effective,
            decision_date: effective,
            base_salary_vnd,
            decision_within_12_months,
            min_pension_years,
            laws: Laws::embedded(),
        }
    }

    /// The same policy for someone leaving on another day (the decision date, laws and
    /// overrides are kept).
    pub fn with_effective(&self, effective: NaiveDate) -> LawPolicy {
        LawPolicy {
            effective,
            ..self.clone()
        }
    }

    /// The same policy with another decision date.
    pub fn with_decision_date(mut self, decision_date: NaiveDate) -> LawPolicy {
        self.decision_date = decision_date;
        self
    }

    /// The same policy under other laws.
    pub fn with_laws(mut self, laws: Arc<Laws>) -> LawPolicy {
        self.laws = laws;
        self
    }
}

/// The minimum insured years for a pension on `date` under the shipped Decree 178 law file:
/// 20 before 1 Jul 2025 (Social Insurance Law 2014 art. 54), 15 from then (Social Insurance
/// Law 2024 art. 64).
pub fn default_min_pension_years(date: NaiveDate) -> u32 {
    Laws::embedded()
        .get(Regime::Decree178)
        .value(Key::MinPensionYears, date)
        .map(|v| u32::try_from(v.trunc()).unwrap_or(u32::MAX))
        .unwrap_or(0)
}

/// Insured years for amounts, in half-years: ⌊months/12⌋ years, + ½ for a remainder of 1 to
/// `half_max` months, + 1 above (Decree 178/2024 art. 5; `half_max` = 6). 342 months = 28
/// years 6 months → 57 half-years (28.5).
pub fn half_years(months: u32, half_max: u32) -> u64 {
    let full = u64::from(months / 12);
    let remainder = months % 12;
    let extra = match remainder {
        0 => 0,
        r if r <= half_max => 1,
        _ => 2,
    };
    2 * full + extra
}

/// [`half_years`] with the shipped law's threshold (6 months).
pub fn insured_half_years(insured_months: u32) -> u64 {
    half_years(insured_months, 6)
}

/// The package kinds (names as SPEC §6.2 writes them, also in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PackageKind {
    /// At or past the statutory retirement age on the effective date: they retire.
    Retire,
    /// Early retirement (Decree 178/2024 art. 7).
    EarlyRetirement,
    /// Quitting (Decree 178/2024 art. 9 or 10; Decree 154/2025 art. 9 for part-time workers).
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

impl std::fmt::Display for PackageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which rule of SPEC §6.2 applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Branch {
    /// m ≤ 0: retirement age reached; cost 0.
    Retire,
    /// Early retirement, 0 < m < 24: the months part only.
    EarlyUnder2Years,
    /// Early retirement, 24 ≤ m ≤ 60.
    Early2To5Years,
    /// Early retirement, 60 < m ≤ 120.
    Early5To10Years,
    /// Quitting, cadres and civil servants (Decree 178 art. 9).
    QuitCivilService,
    /// Quitting, public employees and workers (Decree 178 art. 10).
    QuitPublicEmployee,
    /// No package: early retirement closed and m < 24.
    None,
    /// Part-time worker at retirement age (Decree 154 art. 9(2)).
    PartTimeRetired,
    /// Part-time worker with under 5 years of work (Decree 154 art. 9(1)(a)).
    PartTimeShortService,
    /// Part-time worker, 5+ years of work and under 5 years to retirement (art. 9(1)(b)).
    PartTimeNearRetirement,
    /// Part-time worker, 5+ years of work and 5+ years to retirement (art. 9(1)(c)).
    PartTimeLongService,
}

impl Branch {
    /// The name in JSON and catalogue keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Branch::Retire => "Retire",
            Branch::EarlyUnder2Years => "EarlyUnder2Years",
            Branch::Early2To5Years => "Early2To5Years",
            Branch::Early5To10Years => "Early5To10Years",
            Branch::QuitCivilService => "QuitCivilService",
            Branch::QuitPublicEmployee => "QuitPublicEmployee",
            Branch::None => "None",
            Branch::PartTimeRetired => "PartTimeRetired",
            Branch::PartTimeShortService => "PartTimeShortService",
            Branch::PartTimeNearRetirement => "PartTimeNearRetirement",
            Branch::PartTimeLongService => "PartTimeLongService",
        }
    }
}

/// What a term of a package pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TermKind {
    /// f × M × m.
    MonthsEarly,
    /// 0.9 × f × M × 60.
    MonthsEarlyCapped,
    /// k × M × E (k = 5 up to 5 years early, 4 beyond).
    YearsEarly,
    /// S, the insured-years allowance of early retirement.
    InsuredYears,
    /// g × M × n, n = min(60, insured months).
    QuitMonths,
    /// 1.5 × M × Y.
    QuitInsuredYears,
    /// 3 × M to find work.
    JobSearch,
    /// 0.8 × A × months (months of work, months early, or 60) — part-time workers.
    PartTimeMonths,
    /// 1.5 × A × years of work — part-time workers.
    PartTimeYears,
    /// 15 × A — part-time worker at retirement age.
    PartTimeRetired,
}

impl TermKind {
    /// The name in JSON and catalogue keys.
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::MonthsEarly => "MonthsEarly",
            TermKind::MonthsEarlyCapped => "MonthsEarlyCapped",
            TermKind::YearsEarly => "YearsEarly",
            TermKind::InsuredYears => "InsuredYears",
            TermKind::QuitMonths => "QuitMonths",
            TermKind::QuitInsuredYears => "QuitInsuredYears",
            TermKind::JobSearch => "JobSearch",
            TermKind::PartTimeMonths => "PartTimeMonths",
            TermKind::PartTimeYears => "PartTimeYears",
            TermKind::PartTimeRetired => "PartTimeRetired",
        }
    }
}

/// One term of a package's cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// What it pays for.
    pub kind: TermKind,
    /// The formula with the numbers substituted, e.g. "1.0 × 15,356,250 × 30".
    pub formula: String,
    /// The value rounded to the đồng (display only: the total is the rounded exact sum).
    pub value_vnd: u64,
    /// The exact value in đồng as a decimal, e.g. "1,234,567.5".
    pub exact_vnd: String,
    /// The articles of the figures it uses, e.g. "Điều 7 khoản 1 điểm a".
    pub article: String,
    /// `false` when a figure it uses is not confirmed from the primary text.
    pub verified: bool,
}

/// The current monthly salary M (Decree 178 art. 5) or the monthly allowance A (Decree 154),
/// and how it is made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Salary {
    /// The category it is computed for.
    pub category: Category,
    /// The salary coefficient.
    pub coefficient: f64,
    /// Beyond-frame seniority, percent.
    pub beyond_frame_pct: u32,
    /// Position allowance coefficient.
    pub allowance: f64,
    /// Other allowances that count.
    pub other_allowances: f64,
    /// The base salary used.
    pub base_salary_vnd: u64,
    /// The public-service allowance rate applied (cadres and civil servants), e.g. 0.25.
    pub public_service: Option<Ratio>,
    /// The formula with the numbers, e.g. "(4.65 + 0.6) × 2,340,000 × 1.25 = 15,356,250".
    pub formula: String,
    /// M exactly.
    pub exact_vnd: String,
    /// The articles it comes from.
    pub article: String,
}

/// The package of one person, with everything needed to check it by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Package {
    /// Which package.
    pub kind: PackageKind,
    /// Which rule.
    pub branch: Branch,
    /// The regime that priced it.
    pub regime: Regime,
    /// The id of the law file.
    pub law: String,
    /// `false` when no law file's `applies` covers the person's category and date, so Decree
    /// 178's rules were used as the nearest (the output says so).
    pub regime_applies: bool,
    /// The article of the branch.
    pub article: String,
    /// The staff category.
    pub category: Category,
    /// m: whole months from the effective date to the pension start.
    pub months_to_retirement: i64,
    /// The insured months.
    pub insured_months: u32,
    /// Y for amounts, in years with halves, e.g. 28.5.
    pub insured_years: f64,
    /// Whole insured years, for eligibility.
    pub eligibility_years: u32,
    /// Whole insured years needed for a pension on the date.
    pub min_pension_years: u32,
    /// Whether early retirement is open (pension right and at most the law's months early).
    pub early_retirement_open: bool,
    /// E, the years early as rounded, where a term uses it.
    pub years_early: Option<f64>,
    /// M rounded to the đồng (the terms use the exact M).
    pub monthly_salary_vnd: u64,
    /// How M is made.
    pub salary: Salary,
    /// Whether the person leaves within the window after the decision (full rates).
    pub within_window: bool,
    /// The last day of the window.
    #[serde(serialize_with = "serialize_date")]
    pub window_end: NaiveDate,
    /// The factors used: f (early retirement) and g (quitting).
    pub f: Ratio,
    /// See [`Package::f`].
    pub g: Ratio,
    /// The terms of the cost, in order.
    pub terms: Vec<Term>,
    /// The exact sum of the terms, rounded once to the nearest đồng (halves away from zero).
    pub cost_vnd: u64,
    /// `false` when a figure used is not confirmed from the primary text.
    pub verified: bool,
    /// The statutory retirement the months are counted to.
    pub retirement: Retirement,
    /// The day the person leaves (m is counted from it).
    #[serde(serialize_with = "serialize_date")]
    pub effective: NaiveDate,
    /// The restructuring decision's effective date.
    #[serde(serialize_with = "serialize_date")]
    pub decision_date: NaiveDate,
}

/// The package SPEC §6.2 assigns to a person.
///
/// # Panics
/// If a coefficient is invalid (see [`PackageInput::validate`]) or the law data has a gap on
/// the date (checked law files have none); [`try_package`] returns the error instead.
pub fn package(input: &PackageInput, policy: &LawPolicy) -> Package {
    try_package(input, policy).unwrap_or_else(|e| panic!("{e}"))
}

/// [`package`], returning an error instead of panicking.
pub fn try_package(input: &PackageInput, policy: &LawPolicy) -> Result<Package, LawError> {
    Ctx::new(input, policy)?.build()
}

/// The packages the person qualifies for: since Decree 67/2025 quitting is only for those to
/// whom early retirement is closed, there is exactly one, [`package`]'s.
///
/// # Panics
/// As [`package`].
pub fn eligible_packages(input: &PackageInput, policy: &LawPolicy) -> Vec<Package> {
    vec![package(input, policy)]
}

/// [`eligible_packages`], returning an error instead of panicking.
pub fn try_eligible_packages(
    input: &PackageInput,
    policy: &LawPolicy,
) -> Result<Vec<Package>, LawError> {
    Ok(vec![try_package(input, policy)?])
}

/// A coefficient as an exact ratio (ten-thousandths).
fn coefficient(field: &'static str, value: f64) -> Result<Ratio, LawError> {
    // Also rejects NaN and the infinities.
    if !(0.0..=MAX_COEFFICIENT).contains(&value) {
        return Err(LawError::InvalidCoefficient { field, value });
    }
    // 0 ≤ value × 10,000 ≤ 10⁷: the cast is exact after rounding.
    Ok(Ratio::new(
        (value * COEFFICIENT_SCALE as f64).round() as i128,
        COEFFICIENT_SCALE,
    ))
}

/// Everything the rules need, exact.
struct Ctx<'a> {
    law: &'a Law,
    regime_applies: bool,
    input: &'a PackageInput,
    policy: &'a LawPolicy,
    retirement: Retirement,
    m: i64,
    /// Y in half-years.
    half: u64,
    half_max: u32,
    salary: Ratio,
    salary_info: Salary,
    within: bool,
    window_end: NaiveDate,
    f: Ratio,
    g: Ratio,
    min_years: u32,
}

/// Art. 10 (public employees and workers) repeats art. 9's figures: the same citation with the
/// article number changed.
fn article_10(article: &str) -> String {
    article
        .replace("điều 9 ", "điều 10 ")
        .replace("Điều 9 ", "Điều 10 ")
}

/// "28.5" / "20" from half-years.
fn fmt_half(h: u64) -> String {
    if h % 2 == 0 {
        (h / 2).to_string()
    } else {
        format!("{}.5", h / 2)
    }
}

fn vnd(r: Ratio) -> String {
    group_thousands(&r.round().max(0).to_string())
}

fn to_u32(r: Ratio) -> u32 {
    u32::try_from(r.trunc().max(0)).unwrap_or(u32::MAX)
}

fn to_i64(r: Ratio) -> i64 {
    i64::try_from(r.trunc()).unwrap_or(i64::MAX)
}

impl<'a> Ctx<'a> {
    fn new(input: &'a PackageInput, policy: &'a LawPolicy) -> Result<Ctx<'a>, LawError> {
        let coef = coefficient("salary_coefficient", input.salary_coefficient)?;
        let allowance = coefficient("allowance_coefficient", input.allowance_coefficient)?;
        let other = coefficient("other_allowances", input.other_allowances)?;
        let date = policy.effective;
        let (law, regime_applies) = policy.laws.regime_for(input.category, date);
        let fig = |k: Key| law.figure(k, date);
        let base_fig = fig(Key::BaseSalary)?;
        let base = match policy.base_salary_vnd {
            Some(b) => Ratio::int(i128::from(b)),
            None => base_fig.value,
        };
        let half_max = to_u32(fig(Key::HalfYearMaxMonths)?.value);

        // M (Decree 178 art. 5) or A (Decree 154: the monthly allowance).
        let mut articles = vec![base_fig.article.clone()];
        let (salary, formula, public_service) = match (law.regime, input.category) {
            (_, Category::PartTime) => {
                let a = coef.times(base);
                (a, format!("{} × {} = {}", coef, vnd(base), vnd(a)), None)
            }
            (Regime::Decree178, category) => {
                let bf = Ratio::new(100 + i128::from(input.beyond_frame_pct), 100);
                let ps_fig = fig(Key::PublicServiceAllowance)?;
                let ps = matches!(category, Category::Cadre | Category::CivilServant)
                    .then_some(ps_fig.value);
                if ps.is_some() {
                    articles.push(ps_fig.article.clone());
                }
                let grade = coef.times(bf).plus(allowance);
                let main = grade
                    .times(base)
                    .times(ps.map_or(Ratio::ONE, |p| Ratio::ONE.plus(p)));
                let total = main.plus(other.times(base));
                let coef_text = if input.beyond_frame_pct == 0 {
                    coef.to_string()
                } else {
                    format!("{} × {}", coef, bf)
                };
                let mut f = if allowance == Ratio::ZERO {
                    format!("{coef_text} × {}", vnd(base))
                } else {
                    format!("({coef_text} + {}) × {}", allowance, vnd(base))
                };
                if let Some(p) = ps {
                    f.push_str(&format!(" × {}", Ratio::ONE.plus(p).decimal(2, false)));
                }
                if other != Ratio::ZERO {
                    f.push_str(&format!(" + {} × {}", other, vnd(base)));
                }
                f.push_str(&format!(" = {}", vnd(total)));
                (total, f, ps)
            }
            (Regime::Decree154, _) => {
                let a = coef.times(base);
                (a, format!("{} × {} = {}", coef, vnd(base), vnd(a)), None)
            }
        };
        let salary_info = Salary {
            category: input.category,
            coefficient: input.salary_coefficient,
            beyond_frame_pct: input.beyond_frame_pct,
            allowance: input.allowance_coefficient,
            other_allowances: input.other_allowances,
            base_salary_vnd: base.round_u64(),
            public_service,
            formula,
            exact_vnd: salary.decimal(0, true),
            article: articles.join("; "),
        };

        let retirement = retirement(input.gender, input.born);
        let m = months_to_retirement(&retirement, date);

        // The window after the decision (Decree 178 art. 7(1), 9(1); Dispatch 1767/BTC-TCCB).
        let (within, window_end, f, g, min_years) = if law.regime == Regime::Decree178 {
            let window = to_u32(fig(Key::DecisionWindowMonths)?.value);
            let end = policy
                .decision_date
                .checked_add_months(Months::new(window))
                .and_then(|d| d.pred_opt())
                .unwrap_or(NaiveDate::MAX);
            let within = policy.decision_within_12_months.unwrap_or(date <= end);
            let (f, g) = if within {
                (fig(Key::EarlyRate)?.value, fig(Key::QuitRate)?.value)
            } else {
                (
                    fig(Key::EarlyRateAfterWindow)?.value,
                    fig(Key::QuitRateAfterWindow)?.value,
                )
            };
            let min_years = match policy.min_pension_years {
                Some(y) => y,
                None => to_u32(fig(Key::MinPensionYears)?.value),
            };
            (within, end, f, g, min_years)
        } else {
            (
                true,
                law.until.unwrap_or(NaiveDate::MAX),
                Ratio::ONE,
                Ratio::ONE,
                0,
            )
        };
        Ok(Ctx {
            law,
            regime_applies,
            input,
            policy,
            retirement,
            m,
            half: half_years(input.insured_months, half_max),
            half_max,
            salary,
            salary_info,
            within,
            window_end,
            f,
            g,
            min_years,
        })
    }

    fn fig(&self, k: Key) -> Result<&'a Figure, LawError> {
        Ok(self.law.figure(k, self.policy.effective)?)
    }

    fn val(&self, k: Key) -> Result<Ratio, LawError> {
        Ok(self.fig(k)?.value)
    }

    /// Y as an exact ratio.
    fn y(&self) -> Ratio {
        Ratio::new(self.half as i128, 2)
    }

    fn m_text(&self) -> String {
        vnd(self.salary)
    }

    /// A term from its figures (for the article and the verified flag).
    fn term(&self, kind: TermKind, formula: String, value: Ratio, figs: &[&Figure]) -> Term {
        let mut article: Vec<&str> = Vec::new();
        for f in figs {
            if !article.contains(&f.article.as_str()) {
                article.push(&f.article);
            }
        }
        Term {
            kind,
            formula,
            value_vnd: value.round_u64(),
            exact_vnd: value.decimal(0, true),
            article: article.join("; "),
            verified: figs.iter().all(|f| f.verified),
        }
    }

    fn build(&self) -> Result<Package, LawError> {
        let (branch, kind, terms, years_early, early_open) =
            if self.law.regime == Regime::Decree154 && self.input.category == Category::PartTime {
                let (b, k, t) = self.part_time()?;
                (b, k, t, None, false)
            } else {
                self.decree_178()?
            };
        let total = terms.iter().fold(Ratio::ZERO, |sum, (_, v)| sum.plus(*v));
        let terms: Vec<Term> = terms.into_iter().map(|(t, _)| t).collect();
        Ok(Package {
            kind,
            branch,
            regime: self.law.regime,
            law: self.law.id.clone(),
            regime_applies: self.regime_applies,
            article: self.branch_article(branch),
            category: self.input.category,
            months_to_retirement: self.m,
            insured_months: self.input.insured_months,
            insured_years: self.half as f64 / 2.0,
            eligibility_years: self.input.insured_months / 12,
            min_pension_years: self.min_years,
            early_retirement_open: early_open,
            years_early,
            monthly_salary_vnd: self.salary.round_u64(),
            salary: self.salary_info.clone(),
            within_window: self.within,
            window_end: self.window_end,
            f: self.f,
            g: self.g,
            verified: terms.iter().all(|t| t.verified),
            terms,
            cost_vnd: total.round_u64(),
            retirement: self.retirement,
            effective: self.policy.effective,
            decision_date: self.policy.decision_date,
        })
    }

    /// The article of a branch: that of the law's `applies` entry or the figure that opens it.
    fn branch_article(&self, branch: Branch) -> String {
        let key = match branch {
            Branch::Retire => {
                return "Bộ luật Lao động 2019 điều 169; Nghị định 135/2020 điều 4".into()
            }
            Branch::EarlyUnder2Years | Branch::Early2To5Years => Key::EarlyRate,
            Branch::Early5To10Years => Key::EarlyBeyondRate,
            Branch::QuitCivilService | Branch::QuitPublicEmployee => Key::QuitRate,
            Branch::None => Key::QuitMinMonths,
            Branch::PartTimeRetired => Key::PtRetiredMonths,
            Branch::PartTimeShortService => Key::PtShortServiceMonths,
            Branch::PartTimeNearRetirement => Key::PtNearRetirementMonths,
            Branch::PartTimeLongService => Key::PtFarMonths,
        };
        let mut article = self.fig(key).map(|f| f.article.clone()).unwrap_or_default();
        if branch == Branch::QuitPublicEmployee {
            // Art. 10 repeats art. 9's figures for public employees and workers.
            article = article_10(&article);
        }
        article
    }

    /// Decree 178/2024 as amended by Decree 67/2025 (SPEC §6.2).
    #[allow(clippy::type_complexity)]
    fn decree_178(
        &self,
    ) -> Result<(Branch, PackageKind, Vec<(Term, Ratio)>, Option<f64>, bool), LawError> {
        let m = self.m;
        let pension_open = self.input.insured_months / 12 >= self.min_years;
        let max = to_i64(self.val(Key::EarlyMaxMonths)?);
        let early_open = pension_open && m > 0 && m <= max;
        if m <= 0 {
            return Ok((Branch::Retire, PackageKind::Retire, vec![], None, false));
        }
        if early_open {
            let min = to_i64(self.val(Key::EarlyMinMonths)?);
            let full = to_i64(self.val(Key::EarlyFullRateMaxMonths)?);
            let rate_fig = self.fig(if self.within {
                Key::EarlyRate
            } else {
                Key::EarlyRateAfterWindow
            })?;
            let months = Ratio::int(i128::from(m));
            if m < min {
                let v = self.f.times(self.salary).times(months);
                let t = self.term(
                    TermKind::MonthsEarly,
                    format!("{} × {} × {m}", self.f.decimal(1, false), self.m_text()),
                    v,
                    &[rate_fig],
                );
                return Ok((
                    Branch::EarlyUnder2Years,
                    PackageKind::EarlyRetirement,
                    vec![(t, v)],
                    None,
                    true,
                ));
            }
            // E: the years early, rounded per the law's reading.
            let e_half = match self.law.years_early {
                YearsEarly::HalfYear => {
                    half_years(u32::try_from(m).unwrap_or(u32::MAX), self.half_max)
                }
                YearsEarly::FullYear => 2 * (m as u64 / 12),
            };
            let e = Ratio::new(e_half as i128, 2);
            let half_fig = self.fig(Key::HalfYearMaxMonths)?;
            let (branch, first, per_year_fig) = if m <= full {
                let v = self.f.times(self.salary).times(months);
                let t = self.term(
                    TermKind::MonthsEarly,
                    format!("{} × {} × {m}", self.f.decimal(1, false), self.m_text()),
                    v,
                    &[rate_fig],
                );
                (
                    Branch::Early2To5Years,
                    (t, v),
                    self.fig(Key::YearsEarlyMonthsNear)?,
                )
            } else {
                let beyond = self.fig(Key::EarlyBeyondRate)?;
                let months_fig = self.fig(Key::EarlyBeyondMonths)?;
                let v = beyond
                    .value
                    .times(self.f)
                    .times(self.salary)
                    .times(months_fig.value);
                let t = self.term(
                    TermKind::MonthsEarlyCapped,
                    format!(
                        "{} × {} × {} × {}",
                        beyond.value,
                        self.f.decimal(1, false),
                        self.m_text(),
                        months_fig.value
                    ),
                    v,
                    &[beyond, months_fig, rate_fig],
                );
                (
                    Branch::Early5To10Years,
                    (t, v),
                    self.fig(Key::YearsEarlyMonthsFar)?,
                )
            };
            let v = per_year_fig.value.times(self.salary).times(e);
            let years = self.term(
                TermKind::YearsEarly,
                format!(
                    "{} × {} × {}",
                    per_year_fig.value,
                    self.m_text(),
                    fmt_half(e_half)
                ),
                v,
                &[per_year_fig, half_fig],
            );
            let s = self.insured_years_allowance()?;
            return Ok((
                branch,
                PackageKind::EarlyRetirement,
                vec![first, (years, v), s],
                Some(e.to_f64()),
                true,
            ));
        }
        let quit_min = to_i64(self.val(Key::QuitMinMonths)?);
        if m >= quit_min {
            let branch = match self.input.category {
                Category::PublicEmployee | Category::Worker => Branch::QuitPublicEmployee,
                _ => Branch::QuitCivilService,
            };
            let terms = self.quit_terms(branch)?;
            return Ok((branch, PackageKind::Quit, terms, None, false));
        }
        Ok((Branch::None, PackageKind::None, vec![], None, false))
    }

    /// S: first × M + 0.5 × M × (Y − first years).
    fn insured_years_allowance(&self) -> Result<(Term, Ratio), LawError> {
        let y = self.y();
        let further = self.fig(Key::SFurtherYear)?;
        let half_fig = self.fig(Key::HalfYearMaxMonths)?;
        let long_years = self.fig(Key::SFirstYears)?;
        let long_months = self.fig(Key::SFirstMonths)?;
        let short_years = self.fig(Key::SShortFirstYears)?;
        let short_months = self.fig(Key::SShortFirstMonths)?;
        let (years, months) = if y >= long_years.value {
            (long_years, long_months)
        } else if y >= short_years.value {
            (short_years, short_months)
        } else {
            let t = self.term(
                TermKind::InsuredYears,
                format!("Y = {} < {}: 0", fmt_half(self.half), short_years.value),
                Ratio::ZERO,
                &[short_years],
            );
            return Ok((t, Ratio::ZERO));
        };
        let v = months
            .value
            .times(self.salary)
            .plus(further.value.times(self.salary).times(y.minus(years.value)));
        let t = self.term(
            TermKind::InsuredYears,
            format!(
                "{} × {m} + {} × {m} × ({} − {})",
                months.value,
                further.value,
                fmt_half(self.half),
                years.value,
                m = self.m_text()
            ),
            v,
            &[months, years, further, half_fig],
        );
        Ok((t, v))
    }

    /// Quitting (Decree 178 art. 9 / 10): g × M × n + 1.5 × M × Y + 3 × M.
    fn quit_terms(&self, branch: Branch) -> Result<Vec<(Term, Ratio)>, LawError> {
        let art10 = |mut t: Term| {
            if branch == Branch::QuitPublicEmployee {
                t.article = article_10(&t.article);
            }
            t
        };
        let rate_fig = self.fig(if self.within {
            Key::QuitRate
        } else {
            Key::QuitRateAfterWindow
        })?;
        let cap = self.fig(Key::QuitMaxMonths)?;
        let n = Ratio::int(i128::from(self.input.insured_months)).min(cap.value);
        let v1 = self.g.times(self.salary).times(n);
        let t1 = self.term(
            TermKind::QuitMonths,
            format!("{} × {} × {}", self.g.decimal(1, false), self.m_text(), n),
            v1,
            &[rate_fig, cap],
        );
        let per_year = self.fig(Key::QuitPerYear)?;
        let half_fig = self.fig(Key::HalfYearMaxMonths)?;
        let v2 = per_year.value.times(self.salary).times(self.y());
        let t2 = self.term(
            TermKind::QuitInsuredYears,
            format!(
                "{} × {} × {}",
                per_year.value,
                self.m_text(),
                fmt_half(self.half)
            ),
            v2,
            &[per_year, half_fig],
        );
        let job = self.fig(Key::QuitJobSearch)?;
        let v3 = job.value.times(self.salary);
        let t3 = self.term(
            TermKind::JobSearch,
            format!("{} × {}", job.value, self.m_text()),
            v3,
            &[job],
        );
        Ok(vec![(art10(t1), v1), (art10(t2), v2), (art10(t3), v3)])
    }

    /// Decree 154/2025 art. 9: part-time commune workers, on their monthly allowance A.
    #[allow(clippy::type_complexity)]
    fn part_time(&self) -> Result<(Branch, PackageKind, Vec<(Term, Ratio)>), LawError> {
        let a = self.salary;
        let at = self.m_text();
        if self.m <= 0 {
            let f = self.fig(Key::PtRetiredMonths)?;
            let v = f.value.times(a);
            let t = self.term(
                TermKind::PartTimeRetired,
                format!("{} × {at}", f.value),
                v,
                &[f],
            );
            return Ok((Branch::PartTimeRetired, PackageKind::Retire, vec![(t, v)]));
        }
        let rate = self.fig(Key::PtMonthRate)?;
        let per_year = self.fig(Key::PtPerYear)?;
        let job = self.fig(Key::PtJobSearch)?;
        let half_fig = self.fig(Key::HalfYearMaxMonths)?;
        let short = self.fig(Key::PtShortServiceMonths)?;
        let near = self.fig(Key::PtNearRetirementMonths)?;
        let worked = Ratio::int(i128::from(self.input.insured_months));
        let (branch, months, months_fig) = if worked < short.value {
            (Branch::PartTimeShortService, worked, short)
        } else if Ratio::int(i128::from(self.m)) < near.value {
            (
                Branch::PartTimeNearRetirement,
                Ratio::int(i128::from(self.m)),
                near,
            )
        } else {
            let far = self.fig(Key::PtFarMonths)?;
            (Branch::PartTimeLongService, far.value, far)
        };
        let v1 = rate.value.times(a).times(months);
        let t1 = self.term(
            TermKind::PartTimeMonths,
            format!("{} × {at} × {months}", rate.value),
            v1,
            &[rate, months_fig],
        );
        let v2 = per_year.value.times(a).times(self.y());
        let t2 = self.term(
            TermKind::PartTimeYears,
            format!("{} × {at} × {}", per_year.value, fmt_half(self.half)),
            v2,
            &[per_year, half_fig],
        );
        let mut t2 = t2;
        if branch != Branch::PartTimeShortService {
            // Quoted for point a only; assumed for points b and c.
            t2.verified = false;
        }
        let mut terms = vec![(t1, v1), (t2, v2)];
        // The near-retirement package of art. 9(1)(b) has no job-search allowance.
        if branch != Branch::PartTimeNearRetirement {
            let v3 = job.value.times(a);
            let t3 = self.term(
                TermKind::JobSearch,
                format!("{} × {at}", job.value),
                v3,
                &[job],
            );
            terms.push((t3, v3));
        }
        Ok((branch, PackageKind::Quit, terms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn rounding_of_odd_months() {
        // ⌊months/12⌋, + ½ for a remainder of 1–6, + 1 for 7–11 (Decree 178 art. 5).
        assert_eq!(insured_half_years(0), 0);
        assert_eq!(insured_half_years(342), 57); // 28y 6m → 28.5
        assert_eq!(insured_half_years(343), 58); // 28y 7m → 29
        assert_eq!(insured_half_years(30), 5); // 2y 6m → 2.5
        assert_eq!(default_min_pension_years(d(2025, 6, 30)), 20);
        assert_eq!(default_min_pension_years(d(2025, 7, 1)), 15);
    }

    #[test]
    fn invalid_coefficients_are_errors() {
        let policy = LawPolicy::new(d(2025, 1, 1), None, None, None);
        for bad in [f64::NAN, f64::INFINITY, -0.1, 1e9] {
            let input = PackageInput::civil_servant(Gender::Male, d(1970, 1, 1), bad, 0.0, 100);
            assert!(input.validate().is_err());
            assert!(try_package(&input, &policy).is_err());
            let input = PackageInput {
                other_allowances: bad,
                ..PackageInput::civil_servant(Gender::Male, d(1970, 1, 1), 2.0, 0.0, 100)
            };
            assert!(try_eligible_packages(&input, &policy).is_err());
        }
    }
}

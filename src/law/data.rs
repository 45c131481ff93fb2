//! The law as data (SPEC §6.2 "Law as data"): one RON file per legal regime, shipped in
//! `data/law/` and embedded in the binary; a scenario's `law:` replaces the file of its regime.
//!
//! This module owns the law file format, its checks and the lookup of the figure in force on a
//! date. It returns data only (figures, dates, article references); the words a reader sees
//! are made by the command line from the message catalogue. `docs/law.md` describes every
//! field.
//!
//! A `Law(...)` file:
//!
//! ```ron
//! Law(
//!     id: "nd178-67",
//!     name: "Nghị định 178/2024/NĐ-CP, sửa đổi bởi Nghị định 67/2025/NĐ-CP",
//!     regime: Decree178,
//!     in_force: "2025-01-01",
//!     applies: [Applies(category: CivilServant, from: "2025-01-01", article: "Điều 2")],
//!     sources: [Source(id: "nd178", title: "Nghị định 178/2024/NĐ-CP", confidence: H)],
//!     readings: Readings(years_early: HalfYear),
//!     figures: [
//!         Figure(key: "quit-rate", value: 0.8, article: "Điều 9(1)(a)", source: "nd178"),
//!     ],
//! )
//! ```

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ratio::Ratio;
use super::serialize_date;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::files::raw::Category;
use crate::files::{self, source::SourceFile};
use crate::model::build::{item, Checker};

/// The shipped law file of Decree 178/2024 as amended by Decree 67/2025.
pub const DECREE_178_RON: &str = include_str!("../../data/law/nd178-67.ron");
/// The shipped law file of Decree 154/2025 (part-time commune workers).
pub const DECREE_154_RON: &str = include_str!("../../data/law/nd154.ron");

/// A legal regime: which set of rules prices a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Regime {
    /// Decree 178/2024/NĐ-CP as amended by Decree 67/2025/NĐ-CP: cadres, civil servants,
    /// public employees and workers in the restructuring.
    Decree178,
    /// Decree 154/2025/NĐ-CP (staff downsizing), art. 9: part-time commune workers.
    Decree154,
}

impl Regime {
    /// Every regime, in the order a person's regime is looked for (the specific one first).
    pub const ALL: [Regime; 2] = [Regime::Decree154, Regime::Decree178];

    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Decree178 => "Decree178",
            Regime::Decree154 => "Decree154",
        }
    }
}

/// How sure the figure's source is (DOMAIN.md's scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum Confidence {
    /// The official text, or several outlets agree.
    #[default]
    H,
    /// One outlet.
    M,
    /// Inferred.
    L,
}

/// How the years early E are rounded (SPEC §6.2; the ministry's example is `HalfYear`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum YearsEarly {
    /// ⌊m/12⌋, + ½ for 1–6 odd months, + 1 for 7–11 (Official Letter 1814/BNV-TCBC's example).
    #[default]
    HalfYear,
    /// ⌊m/12⌋ (Circular 01/2025/TT-BNV's wording "each full year").
    FullYear,
}

/// Every figure a law file may hold, by key. Each key belongs to one regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "&'static str")]
pub enum Key {
    // Both regimes.
    /// lương cơ sở, đồng a month.
    BaseSalary,
    /// Odd insured months up to this count as half a year; more as a whole year.
    HalfYearMaxMonths,
    // Decree 178/67.
    /// The public-service allowance counted in M for cadres and civil servants (0.25).
    PublicServiceAllowance,
    /// Whole insured years needed for a pension.
    MinPensionYears,
    /// Months after the restructuring decision in which the full rates apply.
    DecisionWindowMonths,
    /// f within the window.
    EarlyRate,
    /// f after the window.
    EarlyRateAfterWindow,
    /// g within the window.
    QuitRate,
    /// g after the window.
    QuitRateAfterWindow,
    /// From this many months early, the years-early and insured-years allowances apply.
    EarlyMinMonths,
    /// Up to this many months early, the months-early allowance is f × M × m.
    EarlyFullRateMaxMonths,
    /// Early retirement is open up to this many months early.
    EarlyMaxMonths,
    /// Beyond 5 years early: this share of a month's salary…
    EarlyBeyondRate,
    /// …times this many months.
    EarlyBeyondMonths,
    /// Months' salary per year early, up to 5 years early.
    YearsEarlyMonthsNear,
    /// Months' salary per year early, 5–10 years early.
    YearsEarlyMonthsFar,
    /// S: the first years covered by the base months (20, or 15 from 1 Jul 2025).
    SFirstYears,
    /// S: months' salary for those first years (5, or 4 from 1 Jul 2025).
    SFirstMonths,
    /// S for 15 ≤ Y < SFirstYears: the first years (15).
    SShortFirstYears,
    /// S for 15 ≤ Y < SFirstYears: months' salary (4).
    SShortFirstMonths,
    /// S: months' salary per further insured year (0.5).
    SFurtherYear,
    /// Quitting needs at least this many months to retirement.
    QuitMinMonths,
    /// n is at most this many months.
    QuitMaxMonths,
    /// Months' salary per insured year when quitting (1.5).
    QuitPerYear,
    /// Months' salary to find work (3).
    QuitJobSearch,
    // Decree 154.
    /// Under this many months of work, the short-service package.
    PtShortServiceMonths,
    /// Under this many months to retirement, the near-retirement package.
    PtNearRetirementMonths,
    /// Share of the monthly allowance per month counted (0.8).
    PtMonthRate,
    /// Months counted when far from retirement (60).
    PtFarMonths,
    /// Monthly allowances per year of work (1.5).
    PtPerYear,
    /// Monthly allowances to find work (3).
    PtJobSearch,
    /// Monthly allowances for a worker already at retirement age (15).
    PtRetiredMonths,
}

impl Key {
    /// Every key.
    pub const ALL: [Key; 32] = [
        Key::BaseSalary,
        Key::HalfYearMaxMonths,
        Key::PublicServiceAllowance,
        Key::MinPensionYears,
        Key::DecisionWindowMonths,
        Key::EarlyRate,
        Key::EarlyRateAfterWindow,
        Key::QuitRate,
        Key::QuitRateAfterWindow,
        Key::EarlyMinMonths,
        Key::EarlyFullRateMaxMonths,
        Key::EarlyMaxMonths,
        Key::EarlyBeyondRate,
        Key::EarlyBeyondMonths,
        Key::YearsEarlyMonthsNear,
        Key::YearsEarlyMonthsFar,
        Key::SFirstYears,
        Key::SFirstMonths,
        Key::SShortFirstYears,
        Key::SShortFirstMonths,
        Key::SFurtherYear,
        Key::QuitMinMonths,
        Key::QuitMaxMonths,
        Key::QuitPerYear,
        Key::QuitJobSearch,
        Key::PtShortServiceMonths,
        Key::PtNearRetirementMonths,
        Key::PtMonthRate,
        Key::PtFarMonths,
        Key::PtPerYear,
        Key::PtJobSearch,
        Key::PtRetiredMonths,
    ];

    /// The key as written in a law file (kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            Key::BaseSalary => "base-salary",
            Key::HalfYearMaxMonths => "half-year-max-months",
            Key::PublicServiceAllowance => "public-service-allowance",
            Key::MinPensionYears => "min-pension-years",
            Key::DecisionWindowMonths => "decision-window-months",
            Key::EarlyRate => "early-rate",
            Key::EarlyRateAfterWindow => "early-rate-after-window",
            Key::QuitRate => "quit-rate",
            Key::QuitRateAfterWindow => "quit-rate-after-window",
            Key::EarlyMinMonths => "early-min-months",
            Key::EarlyFullRateMaxMonths => "early-full-rate-max-months",
            Key::EarlyMaxMonths => "early-max-months",
            Key::EarlyBeyondRate => "early-beyond-rate",
            Key::EarlyBeyondMonths => "early-beyond-months",
            Key::YearsEarlyMonthsNear => "years-early-months-near",
            Key::YearsEarlyMonthsFar => "years-early-months-far",
            Key::SFirstYears => "s-first-years",
            Key::SFirstMonths => "s-first-months",
            Key::SShortFirstYears => "s-short-first-years",
            Key::SShortFirstMonths => "s-short-first-months",
            Key::SFurtherYear => "s-further-year",
            Key::QuitMinMonths => "quit-min-months",
            Key::QuitMaxMonths => "quit-max-months",
            Key::QuitPerYear => "quit-per-year",
            Key::QuitJobSearch => "quit-job-search",
            Key::PtShortServiceMonths => "pt-short-service-months",
            Key::PtNearRetirementMonths => "pt-near-retirement-months",
            Key::PtMonthRate => "pt-month-rate",
            Key::PtFarMonths => "pt-far-months",
            Key::PtPerYear => "pt-per-year",
            Key::PtJobSearch => "pt-job-search",
            Key::PtRetiredMonths => "pt-retired-months",
        }
    }

    /// The key written as `name`.
    pub fn parse(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The regimes whose files must (and may) hold this key.
    pub fn regimes(self) -> &'static [Regime] {
        use Key::*;
        match self {
            BaseSalary | HalfYearMaxMonths => &[Regime::Decree178, Regime::Decree154],
            PtShortServiceMonths
            | PtNearRetirementMonths
            | PtMonthRate
            | PtFarMonths
            | PtPerYear
            | PtJobSearch
            | PtRetiredMonths => &[Regime::Decree154],
            _ => &[Regime::Decree178],
        }
    }

    /// Whether the value must be a whole number (a count of months, years or đồng).
    pub fn integer(self) -> bool {
        use Key::*;
        !matches!(
            self,
            PublicServiceAllowance
                | EarlyRate
                | EarlyRateAfterWindow
                | QuitRate
                | QuitRateAfterWindow
                | EarlyBeyondRate
                | SFurtherYear
                | QuitPerYear
                | PtMonthRate
                | PtPerYear
        )
    }
}

impl From<Key> for &'static str {
    fn from(k: Key) -> &'static str {
        k.as_str()
    }
}

/// A source a figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Short id figures refer to.
    pub id: String,
    /// The document, e.g. "Công văn 1814/BNV-TCBC (2025)".
    pub title: String,
    /// Where it was read (may be empty).
    pub url: String,
    /// How sure it is.
    pub confidence: Confidence,
}

/// Who a regime applies to, and when (the date a person leaves).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applies {
    /// The staff category.
    pub category: Category,
    /// First day (inclusive).
    #[serde(serialize_with = "serialize_date")]
    pub from: NaiveDate,
    /// Last day (inclusive), if any.
    #[serde(serialize_with = "serialize_opt_date")]
    pub until: Option<NaiveDate>,
    /// The article that says so.
    pub article: String,
}

/// One legal number, with the article it comes from and the dates it is in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// What it is.
    pub key: Key,
    /// The exact value.
    pub value: Ratio,
    /// First day in force (inclusive); `None` = from the law's `in_force`.
    #[serde(serialize_with = "serialize_opt_date")]
    pub from: Option<NaiveDate>,
    /// Last day in force (inclusive); `None` = open.
    #[serde(serialize_with = "serialize_opt_date")]
    pub until: Option<NaiveDate>,
    /// The article, e.g. "Điều 7 khoản 1 điểm a".
    pub article: String,
    /// The id of its [`Source`], if given.
    pub source: Option<String>,
    /// `false` where the figure could not be confirmed from the primary text.
    pub verified: bool,
    /// A remark for the HR office (free text, as written).
    pub note: String,
    /// 1-based line in the law file.
    pub line: usize,
}

impl Figure {
    /// Whether the figure is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A checked law file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Law {
    /// Short id, e.g. "nd178-67".
    pub id: String,
    /// The title as written.
    pub name: String,
    /// The regime it defines.
    pub regime: Regime,
    /// The day it comes into force.
    #[serde(serialize_with = "serialize_date")]
    pub in_force: NaiveDate,
    /// The last day it applies, if any.
    #[serde(serialize_with = "serialize_opt_date")]
    pub until: Option<NaiveDate>,
    /// Who it applies to.
    pub applies: Vec<Applies>,
    /// The sources its figures cite.
    pub sources: Vec<Source>,
    /// How the years early are rounded.
    pub years_early: YearsEarly,
    /// Every figure.
    pub figures: Vec<Figure>,
    /// Where it was read from: a path, or "(embedded)".
    pub origin: String,
}

impl Law {
    /// The figure of `key` in force on `date`.
    pub fn figure(&self, key: Key, date: NaiveDate) -> Result<&Figure, LawDataError> {
        self.figures
            .iter()
            .find(|f| f.key == key && f.in_force(date))
            .ok_or(LawDataError::NoFigure {
                law: self.id.clone(),
                key,
                date,
            })
    }

    /// The value of `key` in force on `date`.
    pub fn value(&self, key: Key, date: NaiveDate) -> Result<Ratio, LawDataError> {
        self.figure(key, date).map(|f| f.value)
    }

    /// Whether the regime applies to a person of `category` leaving on `date`.
    pub fn applies_to(&self, category: Category, date: NaiveDate) -> Option<&Applies> {
        self.applies
            .iter()
            .find(|a| a.category == category && a.from <= date && a.until.is_none_or(|u| date <= u))
    }

    /// The figures in force on `date`, in file order.
    pub fn in_force_on(&self, date: NaiveDate) -> Vec<&Figure> {
        self.figures.iter().filter(|f| f.in_force(date)).collect()
    }
}

/// A law file that holds no figure for a key on a date (a gap in its dates).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LawDataError {
    /// No figure of `key` is in force on `date`.
    #[error("the law file {law} has no `{}` in force on {date}", key.as_str())]
    NoFigure {
        /// The law's id.
        law: String,
        /// The key.
        key: Key,
        /// The date.
        date: NaiveDate,
    },
}

/// The laws in force: one per regime.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Laws {
    /// One law per regime, in [`Regime::ALL`] order.
    pub laws: Vec<Law>,
}

impl Laws {
    /// The laws shipped with the program (embedded at build time), checked once.
    pub fn embedded() -> Arc<Laws> {
        static LAWS: OnceLock<Arc<Laws>> = OnceLock::new();
        LAWS.get_or_init(|| {
            let laws = Regime::ALL
                .into_iter()
                .map(|r| {
                    let (name, text) = match r {
                        Regime::Decree178 => ("data/law/nd178-67.ron", DECREE_178_RON),
                        Regime::Decree154 => ("data/law/nd154.ron", DECREE_154_RON),
                    };
                    let src = Arc::new(SourceFile::new(name, text.to_string()));
                    let mut law = check_law(&src).unwrap_or_else(|d| {
                        // A test (law_files_validate) checks the shipped files; reaching this
                        // is a broken build, not bad input.
                        panic!("the embedded law file {name} is invalid: {d:?}")
                    });
                    law.origin = "(embedded)".into();
                    law
                })
                .collect();
            Arc::new(Laws { laws })
        })
        .clone()
    }

    /// These laws with `law` replacing the one of its regime.
    pub fn with(&self, law: Law) -> Laws {
        let laws = self
            .laws
            .iter()
            .map(|l| {
                if l.regime == law.regime {
                    law.clone()
                } else {
                    l.clone()
                }
            })
            .collect();
        Laws { laws }
    }

    /// The law of a regime.
    pub fn get(&self, regime: Regime) -> &Law {
        self.laws
            .iter()
            .find(|l| l.regime == regime)
            .unwrap_or(&self.laws[0])
    }

    /// The regime that prices a person of `category` leaving on `date`: the first law of
    /// [`Regime::ALL`] whose `applies` covers them, and whether one did (when none does, Decree
    /// 178's rules are used and the package says so).
    pub fn regime_for(&self, category: Category, date: NaiveDate) -> (&Law, bool) {
        for r in Regime::ALL {
            let law = self.get(r);
            if law.applies_to(category, date).is_some() {
                return (law, true);
            }
        }
        (self.get(Regime::Decree178), false)
    }
}

// ---- the file form ----

#[derive(Debug, Deserialize)]
#[serde(rename = "Law", deny_unknown_fields)]
struct RawLaw {
    id: String,
    name: String,
    regime: Regime,
    in_force: String,
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    applies: Vec<RawApplies>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default)]
    readings: RawReadings,
    #[serde(default)]
    figures: Vec<RawFigure>,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Applies", deny_unknown_fields)]
struct RawApplies {
    category: Category,
    from: String,
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    article: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    confidence: Confidence,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename = "Readings", deny_unknown_fields)]
struct RawReadings {
    #[serde(default)]
    years_early: YearsEarly,
}

#[derive(Debug, Deserialize)]
#[serde(rename = "Figure", deny_unknown_fields)]
struct RawFigure {
    key: String,
    value: f64,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    until: Option<String>,
    article: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default = "yes")]
    verified: bool,
    #[serde(default)]
    note: String,
}

fn yes() -> bool {
    true
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Whether a file's first word is `Law` (after comments and `#![enable(...)]` attributes):
/// `orgplan validate` checks such a file as a law file.
pub fn is_law_file(path: &Path) -> bool {
    let Ok(src) = files::read_source(path) else {
        return false;
    };
    let text = &src.text;
    let mut at = crate::files::locate::next_token(text, 0);
    while text[at..].starts_with("#!") {
        match text[at..].find(']') {
            Some(end) => at = crate::files::locate::next_token(text, at + end + 1),
            None => break,
        }
    }
    let word: String = text[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    word == "Law"
}

/// Reads and checks a law file from disk.
pub fn load_law(path: &Path) -> Result<Law, Diagnostics> {
    let src = files::read_source(path).map_err(|d| Diagnostics(vec![d]))?;
    check_law(&src)
}

/// Checks a law file: every problem in one run, each at its line and column.
pub fn check_law(src: &Arc<SourceFile>) -> Result<Law, Diagnostics> {
    // The top-level name first: a Model given as a law is told so plainly.
    if let Ok(kind) = files::detect_kind(src) {
        return Err(Diagnostics(vec![Diagnostic::at(
            Severity::Error,
            src,
            0,
            0,
            crate::t!("law-check-not-a-law-file", kind = kind.as_str()),
        )
        .with_help(crate::t!("law-check-not-a-law-file-help"))]));
    }
    let parsed = files::parse::<RawLaw>(src).map_err(|d| Diagnostics(vec![d]))?;
    let mut c = Checker::new(src, &parsed.tree);
    let root = c.root;
    let raw = parsed.raw;
    let date = |c: &mut Checker<'_>, node, field: &str, entity: &str, text: &str| {
        let d = parse_date(text);
        if d.is_none() {
            c.error_help(
                node,
                Some(field),
                entity.into(),
                crate::t!("law-check-bad-date", field = field, text = text),
                crate::t!("law-check-bad-date-help"),
            );
        }
        d
    };
    let law_entity = crate::t!("law-check-entity-law");
    if raw.id.trim().is_empty() {
        c.error_help(
            root,
            Some("id"),
            crate::t!("law-check-entity-law"),
            crate::t!("law-check-empty-id"),
            crate::t!("law-check-empty-id-help"),
        );
    }
    let in_force = date(&mut c, root, "in_force", &law_entity, &raw.in_force);
    let until = raw
        .until
        .as_deref()
        .and_then(|u| date(&mut c, root, "until", &law_entity, u));
    if let (Some(f), Some(u)) = (in_force, until) {
        if u < f {
            c.error_help(
                root,
                Some("until"),
                crate::t!("law-check-entity-law"),
                crate::t!(
                    "law-check-until-before",
                    until = crate::i18n::fmt::date(u),
                    field = "in_force",
                    from = crate::i18n::fmt::date(f)
                ),
                crate::t!("law-check-until-before-help"),
            );
        }
    }

    let mut sources = Vec::new();
    for (i, s) in raw.sources.iter().enumerate() {
        let node = item(root, "sources", i);
        if sources.iter().any(|x: &Source| x.id == s.id) {
            c.error_help(
                node,
                Some("id"),
                crate::t!("law-check-entity-source", id = s.id.as_str()),
                crate::t!("law-check-source-twice", id = s.id.as_str()),
                crate::t!("law-check-source-twice-help"),
            );
        }
        sources.push(Source {
            id: s.id.clone(),
            title: s.title.clone(),
            url: s.url.clone(),
            confidence: s.confidence,
        });
    }

    let mut applies = Vec::new();
    for (i, a) in raw.applies.iter().enumerate() {
        let node = item(root, "applies", i);
        let entity = crate::t!("law-check-entity-applies", n = i + 1);
        let from = date(&mut c, node, "from", &entity, &a.from);
        let until = a
            .until
            .as_deref()
            .and_then(|u| date(&mut c, node, "until", &entity, u));
        if let Some(from) = from {
            applies.push(Applies {
                category: a.category,
                from,
                until,
                article: a.article.clone(),
            });
        }
    }

    let mut figures: Vec<Figure> = Vec::new();
    for (i, f) in raw.figures.iter().enumerate() {
        let node = item(root, "figures", i);
        let entity = crate::t!("law-check-entity-figure", key = f.key.as_str());
        let line = src.line_col(node.offset).0;
        let Some(key) = Key::parse(&f.key) else {
            let known: Vec<&str> = Key::ALL
                .iter()
                .filter(|k| k.regimes().contains(&raw.regime))
                .map(|k| k.as_str())
                .collect();
            c.error_help(
                node,
                Some("key"),
                entity,
                crate::t!("law-check-unknown-key", key = f.key.as_str()),
                crate::t!(
                    "law-check-unknown-key-help",
                    regime = raw.regime.as_str(),
                    keys = known.join(", ")
                ),
            );
            continue;
        };
        if !key.regimes().contains(&raw.regime) {
            c.error_help(
                node,
                Some("key"),
                entity.clone(),
                crate::t!(
                    "law-check-key-other-regime",
                    key = f.key.as_str(),
                    regime = raw.regime.as_str()
                ),
                crate::t!("law-check-key-other-regime-help"),
            );
        }
        let value = Ratio::from_decimal(f.value);
        match value {
            None => c.error_help(
                node,
                Some("value"),
                entity.clone(),
                crate::t!("law-check-bad-value", value = f.value.to_string()),
                crate::t!("law-check-bad-value-help"),
            ),
            Some(v) if key.integer() && !v.is_integer() => c.error_help(
                node,
                Some("value"),
                entity.clone(),
                crate::t!(
                    "law-check-not-whole",
                    key = f.key.as_str(),
                    value = f.value.to_string()
                ),
                crate::t!("law-check-not-whole-help"),
            ),
            _ => {}
        }
        if f.article.trim().is_empty() {
            c.error_help(
                node,
                Some("article"),
                entity.clone(),
                crate::t!("law-check-no-article"),
                crate::t!("law-check-no-article-help"),
            );
        }
        if let Some(s) = &f.source {
            if !raw.sources.iter().any(|x| &x.id == s) {
                c.error_help(
                    node,
                    Some("source"),
                    entity.clone(),
                    crate::t!("law-check-unknown-source", id = s.as_str()),
                    crate::t!("law-check-unknown-source-help"),
                );
            }
        }
        let from = f
            .from
            .as_deref()
            .and_then(|d| date(&mut c, node, "from", &entity, d));
        let until = f
            .until
            .as_deref()
            .and_then(|d| date(&mut c, node, "until", &entity, d));
        if let (Some(a), Some(b)) = (from, until) {
            if b < a {
                c.error_help(
                    node,
                    Some("until"),
                    entity.clone(),
                    crate::t!(
                        "law-check-until-before",
                        until = crate::i18n::fmt::date(b),
                        field = "from",
                        from = crate::i18n::fmt::date(a)
                    ),
                    crate::t!("law-check-until-before-help"),
                );
            }
        }
        let figure = Figure {
            key,
            value: value.unwrap_or(Ratio::ZERO),
            from,
            until,
            article: f.article.clone(),
            source: f.source.clone(),
            verified: f.verified,
            note: f.note.clone(),
            line,
        };
        // Two figures of one key in force on the same day.
        let start = |x: &Figure| x.from.unwrap_or(NaiveDate::MIN);
        let end = |x: &Figure| x.until.unwrap_or(NaiveDate::MAX);
        if let Some(other) = figures
            .iter()
            .find(|o| o.key == key && start(o) <= end(&figure) && start(&figure) <= end(o))
        {
            c.error_help(
                node,
                Some("from"),
                entity.clone(),
                crate::t!(
                    "law-check-overlap",
                    key = f.key.as_str(),
                    line = other.line.to_string()
                ),
                crate::t!("law-check-overlap-help"),
            );
        }
        figures.push(figure);
    }
    // Every key of the regime is present.
    let mut have: HashMap<Key, usize> = HashMap::new();
    for f in &figures {
        *have.entry(f.key).or_default() += 1;
    }
    // Every day has a figure: sorted by `from`, each starts the day after the one before ends.
    for key in Key::ALL {
        let mut of_key: Vec<(usize, &Figure)> = figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.key == key)
            .collect();
        if of_key.is_empty() {
            continue;
        }
        of_key.sort_by_key(|(_, f)| f.from.unwrap_or(NaiveDate::MIN));
        let mut next = NaiveDate::MIN;
        let mut gap: Option<(usize, NaiveDate)> = None;
        for &(i, f) in &of_key {
            let from = f.from.unwrap_or(NaiveDate::MIN);
            if from > next && gap.is_none() {
                gap = Some((i, next));
            }
            next = match f.until {
                None => NaiveDate::MAX,
                Some(u) => u.succ_opt().unwrap_or(NaiveDate::MAX),
            }
            .max(next);
        }
        if next != NaiveDate::MAX && gap.is_none() {
            gap = Some((of_key[of_key.len() - 1].0, next));
        }
        if let Some((i, day)) = gap {
            let day_text = if day == NaiveDate::MIN {
                crate::t!("law-check-gap-first-days")
            } else {
                crate::i18n::fmt::date(day)
            };
            c.error_help(
                item(root, "figures", i),
                Some("from"),
                crate::t!("law-check-entity-figure", key = key.as_str()),
                crate::t!("law-check-gap", key = key.as_str(), day = day_text),
                crate::t!("law-check-gap-help"),
            );
        }
    }
    for key in Key::ALL {
        if key.regimes().contains(&raw.regime) && !have.contains_key(&key) {
            let node = root.field("figures").unwrap_or(root);
            c.error_help(
                node,
                None,
                crate::t!("law-check-entity-law"),
                crate::t!("law-check-missing-figure", key = key.as_str()),
                crate::t!("law-check-missing-figure-help", key = key.as_str()),
            );
        }
    }
    let diags = c.diags;
    let Some(in_force) = in_force else {
        return Err(diags);
    };
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Law {
        id: raw.id,
        name: raw.name,
        regime: raw.regime,
        in_force,
        until,
        applies,
        sources,
        years_early: raw.readings.years_early,
        figures,
        origin: src.path.display().to_string(),
    })
}

pub(crate) fn serialize_opt_date<S: serde::Serializer>(
    date: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => serializer.collect_str(d),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_laws_check() {
        let laws = Laws::embedded();
        assert_eq!(laws.laws.len(), 2);
        let d = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let l = laws.get(Regime::Decree178);
        assert_eq!(l.value(Key::MinPensionYears, d).unwrap(), Ratio::int(20));
        let d = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert_eq!(l.value(Key::MinPensionYears, d).unwrap(), Ratio::int(15));
        assert_eq!(
            l.value(Key::PublicServiceAllowance, d).unwrap(),
            Ratio::new(1, 4)
        );
    }
}

//! `orgplan law [--date D] [--scenario S]`: the rules in force on a date, each figure with its
//! article and source; and the words of the law's data (term names, branches, the breakdown
//! of a package) for every command that shows a package.
//!
//! The law returns data (enums, numbers, article references); all the text about it is made
//! here.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use orgplan::law::data::{Confidence, Figure, Key, Law, Laws};
use orgplan::law::{Branch, Package, PackageKind, TermKind};
use orgplan::model::load_scenario;
use orgplan::t;

use super::{output, printer, ExitStatus, Fail, Format};

/// The name of a term of a package.
pub fn term_name(kind: TermKind) -> String {
    match kind {
        TermKind::MonthsEarly => t!("law-term-months-early"),
        TermKind::MonthsEarlyCapped => t!("law-term-months-early-capped"),
        TermKind::YearsEarly => t!("law-term-years-early"),
        TermKind::InsuredYears => t!("law-term-insured-years"),
        TermKind::QuitMonths => t!("law-term-quit-months"),
        TermKind::QuitInsuredYears => t!("law-term-quit-insured-years"),
        TermKind::JobSearch => t!("law-term-job-search"),
        TermKind::PartTimeMonths => t!("law-term-part-time-months"),
        TermKind::PartTimeYears => t!("law-term-part-time-years"),
        TermKind::PartTimeRetired => t!("law-term-part-time-retired"),
    }
}

/// The name of a package kind.
pub fn kind_name(kind: PackageKind) -> String {
    match kind {
        PackageKind::Retire => t!("law-kind-retire"),
        PackageKind::EarlyRetirement => t!("law-kind-early-retirement"),
        PackageKind::Quit => t!("law-kind-quit"),
        PackageKind::None => t!("law-kind-none"),
    }
}

/// A formula written by the law ("0.8 × 15,356,250 × 60") in the reader's convention: the
/// law writes English separators; Vietnamese swaps them ("0,8 × 15.356.250 × 60").
pub fn formula(text: &str) -> String {
    if orgplan::i18n::lang() == orgplan::i18n::Lang::En {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect()
}

fn month(ym: orgplan::law::YearMonth) -> String {
    orgplan::i18n::fmt::month(ym.first_day())
}

/// Which rule applies and why, in words.
pub fn branch_text(p: &Package) -> String {
    let m = p.months_to_retirement;
    let y = p.eligibility_years;
    let min = p.min_pension_years;
    let pension = month(p.retirement.pension_start);
    let mut s = match p.branch {
        Branch::Retire => t!("law-branch-retire", m = m, pension = pension),
        Branch::EarlyUnder2Years => t!("law-branch-early-under-2", m = m, y = y, min = min),
        Branch::Early2To5Years => t!("law-branch-early-2-to-5", m = m, y = y, min = min),
        Branch::Early5To10Years => t!("law-branch-early-5-to-10", m = m, y = y, min = min),
        Branch::QuitCivilService | Branch::QuitPublicEmployee => {
            if y < min {
                t!("law-branch-quit-no-pension", m = m, y = y, min = min)
            } else {
                t!("law-branch-quit-too-early", m = m)
            }
        }
        Branch::None => t!(
            "law-branch-none",
            m = m,
            y = y,
            min = min,
            pension = pension
        ),
        Branch::PartTimeRetired => t!("law-branch-pt-retired", m = m),
        Branch::PartTimeShortService => t!("law-branch-pt-short", months = p.insured_months),
        Branch::PartTimeNearRetirement => t!("law-branch-pt-near", m = m),
        Branch::PartTimeLongService => t!("law-branch-pt-long", m = m),
    };
    if !p.regime_applies {
        s.push_str(&t!("law-branch-fallback"));
    }
    s
}

/// A breakdown an HR officer can check with a calculator.
pub fn package_text(p: &Package) -> String {
    let mut s = String::new();
    let mut line = |text: String| {
        s.push_str(&text);
        s.push('\n');
    };
    line(t!(
        "law-pkg-head",
        kind = kind_name(p.kind),
        cost = money(p.cost_vnd)
    ));
    line(t!(
        "law-pkg-basis",
        reason = branch_text(p),
        article = p.article.as_str()
    ));
    line(t!(
        "law-pkg-salary",
        formula = formula(&p.salary.formula),
        article = p.salary.article.as_str()
    ));
    line(t!(
        "law-pkg-insured",
        months = p.insured_months,
        years = p.insured_months / 12,
        rem = p.insured_months % 12,
        y = p.insured_years,
        whole = p.eligibility_years
    ));
    line(t!(
        "law-pkg-months",
        m = p.months_to_retirement,
        from = orgplan::i18n::fmt::date(p.effective),
        pension = month(p.retirement.pension_start),
        age_years = p.retirement.age.0,
        age_months = p.retirement.age.1,
        month = month(p.retirement.retirement_month)
    ));
    if let Some(e) = p.years_early {
        line(t!("law-pkg-years-early", e = e));
    }
    if matches!(p.kind, PackageKind::EarlyRetirement | PackageKind::Quit)
        && p.regime == orgplan::law::Regime::Decree178
    {
        let (f, g) = (
            formula(&p.f.decimal(1, false)),
            formula(&p.g.decimal(1, false)),
        );
        if p.within_window {
            line(t!(
                "law-pkg-window-in",
                from = orgplan::i18n::fmt::date(p.decision_date),
                to = orgplan::i18n::fmt::date(p.window_end),
                f = f,
                g = g
            ));
        } else {
            line(t!(
                "law-pkg-window-out",
                end = orgplan::i18n::fmt::date(p.window_end),
                f = f,
                g = g
            ));
        }
    }
    for (i, term) in p.terms.iter().enumerate() {
        let mut text = format!(
            "  {}",
            t!(
                "law-pkg-term",
                n = i + 1,
                name = term_name(term.kind),
                formula = formula(&term.formula),
                exact = formula(&term.exact_vnd),
                article = term.article.as_str()
            )
        );
        if !term.verified {
            text.push(' ');
            text.push_str(&t!("law-pkg-term-unverified"));
        }
        line(text);
    }
    line(t!("law-pkg-total", cost = money(p.cost_vnd)));
    if !p.verified {
        line(t!("law-pkg-unverified-note"));
    }
    s
}

fn money(v: u64) -> String {
    orgplan::i18n::fmt::money(i128::from(v))
}

#[derive(Serialize)]
struct LawReport<'a> {
    date: String,
    laws: Vec<LawInForce<'a>>,
}

#[derive(Serialize)]
struct LawInForce<'a> {
    id: &'a str,
    name: &'a str,
    regime: &'a str,
    origin: &'a str,
    in_force: bool,
    applies: Vec<&'a orgplan::law::data::Applies>,
    figures: Vec<&'a Figure>,
    sources: &'a [orgplan::law::data::Source],
}

/// `orgplan law`.
pub fn run(
    date: Option<&str>,
    scenario: Option<&Path>,
    format: Format,
) -> Result<ExitStatus, Fail> {
    let (laws, default_date) = match scenario {
        Some(file) => {
            let loaded = load_scenario(file)?;
            printer::warning_count(&loaded.warnings, file);
            (loaded.value.laws.clone(), loaded.value.effective)
        }
        None => (Laws::embedded(), today()),
    };
    let date = match date {
        None => default_date,
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| Fail::Tool(t!("law-bad-date", text = text)))?,
    };
    let report = LawReport {
        date: date.to_string(),
        laws: laws
            .laws
            .iter()
            .map(|l| LawInForce {
                id: &l.id,
                name: &l.name,
                regime: l.regime.as_str(),
                origin: &l.origin,
                in_force: l.in_force <= date && l.until.is_none_or(|u| date <= u),
                applies: l.applies.iter().collect(),
                figures: l.in_force_on(date),
                sources: &l.sources,
            })
            .collect(),
    };
    let text = match format {
        Format::Json | Format::Csv => output::json(&report)?,
        Format::Xlsx => return Err(Fail::Tool(t!("law-no-workbook-law"))),
        Format::Table => {
            let mut s = t!("law-title", date = orgplan::i18n::fmt::date(date));
            s.push('\n');
            for l in &laws.laws {
                s.push_str(&law_text(l, date));
            }
            s
        }
    };
    output::emit(None, text.as_bytes())?;
    Ok(ExitStatus::Success)
}

/// Today (UTC), from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn law_text(l: &Law, date: NaiveDate) -> String {
    let d = orgplan::i18n::fmt::date;
    let origin = if l.origin == "(embedded)" {
        t!("law-origin-embedded")
    } else {
        l.origin.clone()
    };
    let mut s = format!(
        "\n{}\n",
        t!(
            "law-head",
            name = l.name.as_str(),
            id = l.id.as_str(),
            origin = origin
        )
    );
    let in_force = l.in_force <= date && l.until.is_none_or(|u| date <= u);
    s.push_str(&match l.until {
        None => t!("law-in-force", from = d(l.in_force)),
        Some(u) => t!("law-in-force-until", from = d(l.in_force), until = d(u)),
    });
    if !in_force {
        s.push(' ');
        s.push_str(&t!("law-not-in-force"));
    }
    s.push('\n');
    for a in &l.applies {
        let now = a.from <= date && a.until.is_none_or(|u| date <= u);
        let category = category_name(a.category);
        s.push_str("  ");
        s.push_str(&match a.until {
            None => t!(
                "law-applies",
                category = category,
                from = d(a.from),
                article = a.article.as_str()
            ),
            Some(u) => t!(
                "law-applies-until",
                category = category,
                from = d(a.from),
                until = d(u),
                article = a.article.as_str()
            ),
        });
        if !now {
            s.push(' ');
            s.push_str(&t!("law-applies-not-now"));
        }
        s.push('\n');
    }
    for f in l.in_force_on(date) {
        let source = f
            .source
            .as_deref()
            .and_then(|id| l.sources.iter().find(|x| x.id == id));
        s.push_str("  ");
        s.push_str(&t!(
            "law-figure",
            name = key_name(f.key),
            key = f.key.as_str(),
            value = formula(&f.value.decimal(0, true)),
            article = f.article.as_str()
        ));
        if let Some(x) = source {
            s.push(' ');
            s.push_str(&t!(
                "law-figure-source",
                title = x.title.as_str(),
                confidence = confidence(x.confidence)
            ));
        }
        if !f.verified {
            s.push(' ');
            s.push_str(&t!("law-unverified"));
        }
        s.push('\n');
    }
    s.push_str("  ");
    s.push_str(&match l.years_early {
        orgplan::law::data::YearsEarly::HalfYear => t!("law-years-early-half"),
        orgplan::law::data::YearsEarly::FullYear => t!("law-years-early-full"),
    });
    s.push('\n');
    s
}

/// The name of a figure's key.
fn key_name(key: Key) -> String {
    match key {
        Key::BaseSalary => t!("law-key-base-salary"),
        Key::HalfYearMaxMonths => t!("law-key-half-year-max-months"),
        Key::PublicServiceAllowance => t!("law-key-public-service-allowance"),
        Key::MinPensionYears => t!("law-key-min-pension-years"),
        Key::DecisionWindowMonths => t!("law-key-decision-window-months"),
        Key::EarlyRate => t!("law-key-early-rate"),
        Key::EarlyRateAfterWindow => t!("law-key-early-rate-after-window"),
        Key::QuitRate => t!("law-key-quit-rate"),
        Key::QuitRateAfterWindow => t!("law-key-quit-rate-after-window"),
        Key::EarlyMinMonths => t!("law-key-early-min-months"),
        Key::EarlyFullRateMaxMonths => t!("law-key-early-full-rate-max-months"),
        Key::EarlyMaxMonths => t!("law-key-early-max-months"),
        Key::EarlyBeyondRate => t!("law-key-early-beyond-rate"),
        Key::EarlyBeyondMonths => t!("law-key-early-beyond-months"),
        Key::YearsEarlyMonthsNear => t!("law-key-years-early-months-near"),
        Key::YearsEarlyMonthsFar => t!("law-key-years-early-months-far"),
        Key::SFirstYears => t!("law-key-s-first-years"),
        Key::SFirstMonths => t!("law-key-s-first-months"),
        Key::SShortFirstYears => t!("law-key-s-short-first-years"),
        Key::SShortFirstMonths => t!("law-key-s-short-first-months"),
        Key::SFurtherYear => t!("law-key-s-further-year"),
        Key::QuitMinMonths => t!("law-key-quit-min-months"),
        Key::QuitMaxMonths => t!("law-key-quit-max-months"),
        Key::QuitPerYear => t!("law-key-quit-per-year"),
        Key::QuitJobSearch => t!("law-key-quit-job-search"),
        Key::PtShortServiceMonths => t!("law-key-pt-short-service-months"),
        Key::PtNearRetirementMonths => t!("law-key-pt-near-retirement-months"),
        Key::PtMonthRate => t!("law-key-pt-month-rate"),
        Key::PtFarMonths => t!("law-key-pt-far-months"),
        Key::PtPerYear => t!("law-key-pt-per-year"),
        Key::PtJobSearch => t!("law-key-pt-job-search"),
        Key::PtRetiredMonths => t!("law-key-pt-retired-months"),
    }
}

fn confidence(c: Confidence) -> String {
    match c {
        Confidence::H => t!("law-confidence-h"),
        Confidence::M => t!("law-confidence-m"),
        Confidence::L => t!("law-confidence-l"),
    }
}

/// The name of a staff category.
pub fn category_name(c: orgplan::files::raw::Category) -> String {
    use orgplan::files::raw::Category;
    match c {
        Category::Cadre => t!("law-category-cadre"),
        Category::CivilServant => t!("law-category-civil-servant"),
        Category::PublicEmployee => t!("law-category-public-employee"),
        Category::PartTime => t!("law-category-part-time"),
        Category::Worker => t!("law-category-worker"),
    }
}

//! The planner's report as one self-contained HTML page (`orgplan report`): what leaves the
//! planner's desk for the leadership and the Party committee.
//!
//! This module owns the page: its words (`locales/*/report.ftl`, through [`text`]), its layout
//! and print stylesheet (`report.css`), its small script (`report.js`: lazy tables, sorting,
//! filtering, the org chart's search, and the error recorder a browser test reads), and the
//! inline SVG of the org charts and the roadmap. It reads the library's data — a
//! [`crate::alloc::Plan`] with its explanations, the law's packages, the roadmap, the overlap
//! findings before and after, a [`crate::compare::Comparison`] — and computes nothing the
//! rest of orgplan does not already decide; it may not change those types.
//!
//! The page fetches nothing: CSS, script, font (the embedded Noto Sans of `assets/fonts/`)
//! and pictures are inline, so it opens from a USB stick. Every text is escaped. The same
//! input gives the same bytes: no clock, no randomness, and every list in a fixed order (the
//! solver's time is not shown).

#[cfg(feature = "chart")]
mod compare;
mod orgchart;
mod page;
mod plan;
mod text;
mod why;

use crate::alloc::Plan;
use crate::model::Scenario;

/// The most candidates a report is made for: a province (Hà Nội's 2025 reform has about
/// 10,600) fits many times over; a national plan (about 200,000) would be a page of hundreds
/// of megabytes that no browser opens usefully, so it is refused.
pub const MAX_CANDIDATES: usize = 50_000;

/// Up to this many candidates, every org chart is drawn open in the page; above it, each
/// unit's chart is drawn when the reader opens it or a search finds it.
pub const EAGER_CHART_PEOPLE: usize = 400;

/// How the page is made.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The scenario file's name as the footer shows it (no folder, so that the page does not
    /// depend on where it was made).
    pub source_name: String,
    /// A package's legal working in words, one line per step (the command line's
    /// `law::package_text`, where the words of the law are made for every command); without
    /// it the page shows each term's formula and amount.
    pub package_text: Option<fn(&crate::law::Package) -> String>,
}

/// Why no report is made.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The scenario has more candidates than [`MAX_CANDIDATES`].
    #[error("{}", text::tr("report-refused", &[("n", (*.candidates).into()), ("max", (*.max).into())]))]
    TooLarge { candidates: usize, max: usize },
}

/// Refuses a scenario with more than `max` candidates (the command line uses
/// [`MAX_CANDIDATES`]), before anything is planned.
pub fn check_size(scenario: &Scenario, max: usize) -> Result<(), ReportError> {
    let candidates = scenario.candidate_merger().iter().flatten().count();
    if candidates > max {
        return Err(ReportError::TooLarge { candidates, max });
    }
    Ok(())
}

/// The report of a planned scenario as one HTML page, with why each person is where they are.
pub fn plan_page(scenario: &Scenario, plan: &Plan, opts: &Options) -> Result<String, ReportError> {
    if plan.totals.candidates > MAX_CANDIDATES {
        return Err(ReportError::TooLarge {
            candidates: plan.totals.candidates,
            max: MAX_CANDIDATES,
        });
    }
    Ok(plan::page(scenario, plan, opts))
}

/// The analyst's page: the scenarios' measures side by side with the best marked, and the
/// comparison chart. `files` names each scenario's file, in the comparison's order.
#[cfg(feature = "chart")]
pub fn compare_page(cmp: &crate::compare::Comparison, files: &[String]) -> String {
    compare::page(cmp, files)
}

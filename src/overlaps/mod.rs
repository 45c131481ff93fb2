//! Overlapping, duplicated and missing mandates (SPEC §4).
//!
//! [`detect`] runs every rule on a checked [`crate::model::Model`] and returns the findings in a fixed order;
//! [`compare`] runs it before and after a scenario's mergers and marks each finding new, gone
//! or kept. Only units in force count: a unit dissolved by a merger (`merged_into` set) and its
//! posts are left out, so on a merged model the findings are those of the organization as it
//! will be.
//!
//! | kind | severity | rule |
//! |---|---|---|
//! | DuplicateLead | error | two or more units Lead a function over the same territory |
//! | VerticalDuplicate | warning | a function is Led over nested territories at two or more tiers |
//! | MisplacedLevel | warning | a function with a `level` is Led by a unit of another tier |
//! | Gap | error | a unit's kind is in `required_for`; neither it nor its bodies Lead the function |
//! | UnstaffedMandate | warning | a unit Leads a function; no post of it or its bodies covers it |
//! | PositionOverlap | info | two or more distinct posts of one unit cover the same function |
//! | SimilarFunctions | info | name + description near-duplicates ([`text`]) |
//!
//! The territory of a Department or Agency is that of its nearest administrative ancestor
//! ([`crate::model::Model::territory`]); the tier of a body is the tier of its territory. A Coordinate
//! (phối hợp) mandate is never a Lead.
//!
//! Cost: every rule but SimilarFunctions is linear in mandates and posts, with hash lookups
//! keyed by (function, unit), plus a walk up the parent chain for each led territory (the
//! chain is a few tiers deep). SimilarFunctions compares every pair of catalogue entries: it
//! is quadratic in the number of functions, which is a catalogue of tens, not in units.
//!
//! ```
//! use std::sync::Arc;
//! use orgplan::files::source::SourceFile;
//! use orgplan::model::check_model;
//! use orgplan::overlaps::{detect, FindingKind, Options};
//!
//! let text = r#"Model(name: "m", as_of: "2024-12-31",
//!     functions: [Function(id: "f", name: "Thống kê")],
//!     units: [Unit(id: "h", name: "Huyện A", kind: District),
//!             Unit(id: "h.p", name: "Phòng Nội vụ", kind: Department, parent: "h")],
//!     mandates: [Mandate(unit: "h", function: "f"), Mandate(unit: "h.p", function: "f")],
//!     positions: [Position(id: "h.p.cv", unit: "h.p", title: "Chuyên viên",
//!                          kind: CivilServant, functions: ["f"])],
//!     staff: [])"#;
//! let model = check_model(&Arc::new(SourceFile::new("m.ron", text.to_string())))
//!     .unwrap().value;
//! let findings = detect(&model, &Options::default());
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].kind, FindingKind::DuplicateLead);
//! assert_eq!(findings[0].units, ["h", "h.p"]);
//! ```

mod compare;
mod detect;
pub mod text;

use serde::Serialize;

pub use compare::{compare, Change};
pub use detect::detect;

use crate::model::Scenario;

/// How serious a finding is. Ordered from the most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Whether this severity is `other` or more serious (for `--fail-on`).
    /// The severity in the reader's language (JSON keeps [`Severity::as_str`]).
    pub fn label(self) -> String {
        match self {
            Severity::Error => crate::t!("overlaps-severity-error"),
            Severity::Warning => crate::t!("overlaps-severity-warning"),
            Severity::Info => crate::t!("overlaps-severity-info"),
        }
    }

    pub fn is_at_least(self, other: Severity) -> bool {
        self <= other
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about (SPEC §4), in the SPEC's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[non_exhaustive]
pub enum FindingKind {
    /// Two or more units Lead the same function over the same territory (chồng chéo).
    DuplicateLead,
    /// A function is Led over nested territories at two or more tiers.
    VerticalDuplicate,
    /// A function with a `level` is Led by a unit of another tier.
    MisplacedLevel,
    /// A unit must Lead a function and neither it nor its bodies do.
    Gap,
    /// A unit Leads a function and no post of it or its bodies covers it.
    UnstaffedMandate,
    /// Two or more distinct posts of one unit cover the same function.
    PositionOverlap,
    /// Two catalogue entries read as the same function.
    SimilarFunctions,
}

impl FindingKind {
    /// Every kind, in the SPEC's order.
    pub const ALL: [FindingKind; 7] = [
        FindingKind::DuplicateLead,
        FindingKind::VerticalDuplicate,
        FindingKind::MisplacedLevel,
        FindingKind::Gap,
        FindingKind::UnstaffedMandate,
        FindingKind::PositionOverlap,
        FindingKind::SimilarFunctions,
    ];

    /// The SPEC's name, as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::DuplicateLead => "DuplicateLead",
            FindingKind::VerticalDuplicate => "VerticalDuplicate",
            FindingKind::MisplacedLevel => "MisplacedLevel",
            FindingKind::Gap => "Gap",
            FindingKind::UnstaffedMandate => "UnstaffedMandate",
            FindingKind::PositionOverlap => "PositionOverlap",
            FindingKind::SimilarFunctions => "SimilarFunctions",
        }
    }

    /// The severity SPEC §4 gives this kind.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::DuplicateLead | FindingKind::Gap => Severity::Error,
            FindingKind::VerticalDuplicate
            | FindingKind::MisplacedLevel
            | FindingKind::UnstaffedMandate => Severity::Warning,
            FindingKind::PositionOverlap | FindingKind::SimilarFunctions => Severity::Info,
        }
    }

    /// What the kind means, in a planner's words (in the reader's language).
    pub fn describe(self) -> String {
        match self {
            FindingKind::DuplicateLead => crate::t!("overlaps-describe-duplicate-lead"),
            FindingKind::VerticalDuplicate => crate::t!("overlaps-describe-vertical-duplicate"),
            FindingKind::MisplacedLevel => crate::t!("overlaps-describe-misplaced-level"),
            FindingKind::Gap => crate::t!("overlaps-describe-gap"),
            FindingKind::UnstaffedMandate => crate::t!("overlaps-describe-unstaffed-mandate"),
            FindingKind::PositionOverlap => crate::t!("overlaps-describe-position-overlap"),
            FindingKind::SimilarFunctions => crate::t!("overlaps-describe-similar-functions"),
        }
    }

    /// The kind's name in the reader's language (JSON keeps [`FindingKind::as_str`]).
    pub fn label(self) -> String {
        match self {
            FindingKind::DuplicateLead => crate::t!("overlaps-kind-duplicate-lead"),
            FindingKind::VerticalDuplicate => crate::t!("overlaps-kind-vertical-duplicate"),
            FindingKind::MisplacedLevel => crate::t!("overlaps-kind-misplaced-level"),
            FindingKind::Gap => crate::t!("overlaps-kind-gap"),
            FindingKind::UnstaffedMandate => crate::t!("overlaps-kind-unstaffed-mandate"),
            FindingKind::PositionOverlap => crate::t!("overlaps-kind-position-overlap"),
            FindingKind::SimilarFunctions => crate::t!("overlaps-kind-similar-functions"),
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One overlap, duplicate or gap.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Always `kind.severity()`; kept as a field for the JSON.
    pub severity: Severity,
    /// Function ids involved.
    pub functions: Vec<String>,
    /// Unit ids involved: the leading units (upper tier first), or the unit the finding is
    /// about; empty for SimilarFunctions.
    pub units: Vec<String>,
    /// Position ids involved (PositionOverlap).
    pub positions: Vec<String>,
    /// One line in plain words, with names as written.
    pub message: String,
    /// The unit the finding is about: the shared territory (DuplicateLead), the uppermost
    /// territory (VerticalDuplicate), or the unit (the other kinds); none for
    /// SimilarFunctions. [`compare`] matches findings before and after a merger on it.
    pub scope: Option<String>,
}

impl Finding {
    /// The order findings are reported in: severity, kind, then the ids.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.severity,
            self.kind,
            &self.functions,
            &self.units,
            &self.positions,
            &self.scope,
            &self.message,
        )
    }
}

/// Detection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// SimilarFunctions threshold: pairs scoring at least this are reported (0–1).
    pub similarity: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { similarity: 0.8 }
    }
}

/// Detection on the organization as a scenario leaves it (its mergers applied).
pub fn detect_scenario(scenario: &Scenario, opts: &Options) -> Vec<Finding> {
    detect(&crate::merge::apply(scenario).model, opts)
}

/// Before and after a scenario's mergers, each finding marked new, gone or kept.
pub fn compare_scenario(scenario: &Scenario, opts: &Options) -> Vec<(Finding, Change)> {
    compare(&scenario.model, &crate::merge::apply(scenario).model, opts)
}

/// Whether any finding is at least this serious.
pub fn any_at_least<'a>(findings: impl IntoIterator<Item = &'a Finding>, s: Severity) -> bool {
    findings.into_iter().any(|f| f.severity.is_at_least(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_order_is_error_warning_info() {
        assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Info);
        assert!(Severity::Error.is_at_least(Severity::Warning));
        assert!(!Severity::Info.is_at_least(Severity::Warning));
        assert!(Severity::Warning.is_at_least(Severity::Warning));
    }

    #[test]
    fn severities_serialize_lowercase_and_kinds_as_in_the_spec() {
        assert_eq!(
            serde_json::to_string(&Severity::Warning).unwrap(),
            "\"warning\""
        );
        for k in FindingKind::ALL {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}

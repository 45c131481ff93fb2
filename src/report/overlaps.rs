//! `orgplan overlaps`: the findings of SPEC §4, as JSON (SPEC §7.1) and CSV rows.

use serde::Serialize;

use crate::overlaps::{Change, Finding};

/// `{ "findings": [ { "kind", "severity", "functions", "units", "positions", "message" } ] }`,
/// each finding with its `scope` and, before/after a scenario, its `change`.
#[derive(Debug, Clone, Serialize)]
pub struct OverlapsReport {
    pub findings: Vec<ReportFinding>,
}

/// A finding, and what the mergers did to it when compared.
#[derive(Debug, Clone, Serialize)]
pub struct ReportFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// `new`, `gone` or `kept` (only with `--before`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// One CSV row per finding (for people: severity, kind and change in the reader's language, as
/// the table shows them); lists of ids are separated by spaces.
#[derive(Debug, Clone, Serialize)]
pub struct OverlapRow {
    pub severity: String,
    pub kind: String,
    pub change: String,
    pub functions: String,
    pub units: String,
    pub positions: String,
    pub scope: String,
    pub message: String,
}

impl OverlapsReport {
    /// The findings of one model.
    pub fn new(findings: Vec<Finding>) -> Self {
        OverlapsReport {
            findings: findings
                .into_iter()
                .map(|finding| ReportFinding {
                    finding,
                    change: None,
                })
                .collect(),
        }
    }

    /// The findings before and after a scenario's mergers.
    pub fn compared(findings: Vec<(Finding, Change)>) -> Self {
        OverlapsReport {
            findings: findings
                .into_iter()
                .map(|(finding, change)| ReportFinding {
                    finding,
                    change: Some(change),
                })
                .collect(),
        }
    }

    /// The findings that hold for the organization reported on: all of them, or, compared,
    /// all but the gone ones.
    pub fn current(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.change != Some(Change::Gone))
            .map(|f| &f.finding)
    }

    /// CSV rows, one per finding.
    pub fn rows(&self) -> Vec<OverlapRow> {
        self.findings
            .iter()
            .map(|r| {
                let f = &r.finding;
                OverlapRow {
                    severity: f.severity.label(),
                    kind: f.kind.label(),
                    change: r.change.map(Change::label).unwrap_or_default(),
                    functions: f.functions.join(" "),
                    units: f.units.join(" "),
                    positions: f.positions.join(" "),
                    scope: f.scope.clone().unwrap_or_default(),
                    message: f.message.clone(),
                }
            })
            .collect()
    }
}

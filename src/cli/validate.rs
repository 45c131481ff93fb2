//! `orgplan validate FILE...`.

use std::path::PathBuf;

use serde::Serialize;

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::model::{load_any, AnyFile};

use super::{output, printer, ExitStatus, Fail};

/// How `validate` reports: no workbook (a list of problems is read in the terminal or a
/// spreadsheet opens the CSV), so `--help` offers only what it does, described in the
/// reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidateFormat {
    /// The problems for people, on stderr, and one line per file.
    Table,
    /// JSON for programs.
    Json,
    /// CSV for spreadsheets.
    Csv,
}

impl clap::ValueEnum for ValidateFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Table, Self::Json, Self::Csv]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self {
            Self::Table => PossibleValue::new("table").help(orgplan::t!("check-format-table")),
            Self::Json => PossibleValue::new("json").help(orgplan::t!("check-format-json")),
            Self::Csv => PossibleValue::new("csv").help(orgplan::t!("check-format-csv")),
        })
    }
}

#[derive(Serialize)]
struct JsonReport {
    valid: bool,
    errors: Vec<JsonDiag>,
    warnings: Vec<JsonDiag>,
    files: Vec<JsonFile>,
}

#[derive(Serialize)]
struct JsonFile {
    file: String,
    kind: Option<&'static str>,
    valid: bool,
}

#[derive(Serialize)]
struct JsonDiag {
    file: String,
    line: usize,
    column: usize,
    message: String,
    help: Option<String>,
    entity: Option<String>,
    field: Option<String>,
}

impl From<&Diagnostic> for JsonDiag {
    fn from(d: &Diagnostic) -> Self {
        JsonDiag {
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            help: d.help.clone(),
            entity: d.entity.clone(),
            field: d.field.clone(),
        }
    }
}

pub fn run(files: &[PathBuf], format: ValidateFormat) -> Result<ExitStatus, Fail> {
    let mut all = Diagnostics::new();
    let mut listed = std::collections::HashSet::new();
    let mut summary = Vec::new();
    for f in files {
        if orgplan::law::data::is_law_file(f) {
            match orgplan::law::load_law(f) {
                Ok(l) => summary.push((
                    f.display().to_string(),
                    Some("Law"),
                    true,
                    format!("{} figures", l.figures.len()),
                )),
                Err(d) => {
                    summary.push((
                        f.display().to_string(),
                        None,
                        false,
                        format!("{} error(s)", d.errors().count()),
                    ));
                    all.extend(d);
                }
            }
            continue;
        }
        match load_any(f) {
            Ok(l) => {
                let (kind, what) = match &l.value {
                    AnyFile::Model(m) => (
                        "Model",
                        orgplan::t!(
                            "check-summary-model",
                            units = m.units.len(),
                            functions = m.functions.len(),
                            posts = m.positions.len(),
                            staff = m.staff.len()
                        ),
                    ),
                    AnyFile::Norms(n) => (
                        "Norms",
                        orgplan::t!(
                            "check-summary-norms",
                            templates = n.templates.len(),
                            standards = n.standards.len()
                        ),
                    ),
                    AnyFile::Scenario(s) => (
                        "Scenario",
                        orgplan::t!(
                            "check-summary-scenario",
                            mergers = s.mergers.len(),
                            rules = s.rules.len(),
                            staff = s.model.staff.len()
                        ),
                    ),
                };
                summary.push((f.display().to_string(), Some(kind), true, what));
                listed.extend(l.warnings.0.iter().map(|x| x.identity()));
                all.extend(l.warnings);
            }
            Err(mut d) => {
                // The count is of the problems listed: the same problem read twice (a model
                // named by two scenarios) is listed once, and counted once.
                d.dedup();
                let new = d.errors().filter(|x| listed.insert(x.identity())).count();
                let errors = d.errors().count();
                let what = if new == errors {
                    orgplan::t!("check-summary-errors", n = errors)
                } else {
                    orgplan::t!(
                        "check-summary-errors-shared",
                        n = errors,
                        before = errors - new
                    )
                };
                summary.push((f.display().to_string(), None, false, what));
                all.extend(d);
            }
        }
    }
    all.dedup();
    let valid = !all.has_errors();
    match format {
        ValidateFormat::Json => {
            let report = JsonReport {
                valid,
                errors: all.errors().map(JsonDiag::from).collect(),
                warnings: all.warnings().map(JsonDiag::from).collect(),
                files: summary
                    .iter()
                    .map(|(file, kind, valid, _)| JsonFile {
                        file: file.clone(),
                        kind: *kind,
                        valid: *valid,
                    })
                    .collect(),
            };
            let text = output::json(&report)?;
            output::emit(None, text.as_bytes())?;
        }
        ValidateFormat::Csv => {
            let mut rows = Vec::new();
            for d in &all.0 {
                rows.push(CsvRow {
                    severity: d.severity_text(),
                    file: d.file.display().to_string(),
                    line: d.line,
                    column: d.column,
                    entity: d.entity.clone().unwrap_or_default(),
                    field: d.field.clone().unwrap_or_default(),
                    message: d.message.clone(),
                    help: d.help.clone().unwrap_or_default(),
                });
            }
            let text = csv_text(&rows)?;
            output::emit(None, text.as_bytes())?;
        }
        ValidateFormat::Table => {
            printer::warnings(&all);
            let mut text = String::new();
            for (file, kind, ok, what) in &summary {
                let line = match (ok, kind) {
                    (true, Some(kind)) => {
                        orgplan::t!(
                            "check-summary-ok",
                            file = file.as_str(),
                            kind = *kind,
                            what = what.as_str()
                        )
                    }
                    _ => orgplan::t!(
                        "check-summary-invalid",
                        file = file.as_str(),
                        what = what.as_str()
                    ),
                };
                text.push_str(&line);
                text.push('\n');
            }
            output::emit(None, text.as_bytes())?;
        }
    }
    Ok(if valid {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// One problem, a row of the CSV report (for people: the headers are in the reader's
/// language, see [`csv_text`]).
struct CsvRow {
    severity: String,
    file: String,
    line: usize,
    column: usize,
    entity: String,
    field: String,
    message: String,
    help: String,
}

/// The CSV report: a header row in the reader's language, then one row per problem.
fn csv_text(rows: &[CsvRow]) -> Result<String, Fail> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        orgplan::t!("check-csv-severity"),
        orgplan::t!("check-csv-file"),
        orgplan::t!("check-csv-line"),
        orgplan::t!("check-csv-column"),
        orgplan::t!("check-csv-entity"),
        orgplan::t!("check-csv-field"),
        orgplan::t!("check-csv-message"),
        orgplan::t!("check-csv-help"),
    ];
    let fail = |e: csv::Error| Fail::Tool(orgplan::t!("check-csv-failed", reason = e.to_string()));
    w.write_record(&header).map_err(fail)?;
    for r in rows {
        w.write_record([
            r.severity.as_str(),
            r.file.as_str(),
            &r.line.to_string(),
            &r.column.to_string(),
            r.entity.as_str(),
            r.field.as_str(),
            r.message.as_str(),
            r.help.as_str(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Fail::Tool(orgplan::t!("check-csv-failed", reason = e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

//! `orgplan validate FILE...`.

use std::path::PathBuf;

use serde::Serialize;

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::model::{load_any, AnyFile};

use super::{output, printer, ExitStatus, Fail, Format};

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

pub fn run(files: &[PathBuf], format: Format) -> Result<ExitStatus, Fail> {
    let mut all = Diagnostics::new();
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
                        format!(
                            "{} units, {} functions, {} posts, {} staff",
                            m.units.len(),
                            m.functions.len(),
                            m.positions.len(),
                            m.staff.len()
                        ),
                    ),
                    AnyFile::Norms(n) => (
                        "Norms",
                        format!(
                            "{} templates, {} standards",
                            n.templates.len(),
                            n.standards.len()
                        ),
                    ),
                    AnyFile::Scenario(s) => (
                        "Scenario",
                        format!(
                            "{} mergers, {} rules, model {} staff",
                            s.mergers.len(),
                            s.rules.len(),
                            s.model.staff.len()
                        ),
                    ),
                };
                summary.push((f.display().to_string(), Some(kind), true, what));
                all.extend(l.warnings);
            }
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
    }
    all.dedup();
    let valid = !all.has_errors();
    match format {
        Format::Json => {
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
        Format::Csv => {
            let mut rows = Vec::new();
            for d in &all.0 {
                rows.push(CsvRow {
                    severity: if d.is_error() { "error" } else { "warning" },
                    file: d.file.display().to_string(),
                    line: d.line,
                    column: d.column,
                    entity: d.entity.clone().unwrap_or_default(),
                    field: d.field.clone().unwrap_or_default(),
                    message: d.message.clone(),
                    help: d.help.clone().unwrap_or_default(),
                });
            }
            let text = output::csv(&rows)?;
            output::emit(None, text.as_bytes())?;
        }
        Format::Xlsx => {
            return Err(Fail::Tool(
                "`validate` reports as table, json or csv (use `--format csv` for a spreadsheet)"
                    .into(),
            ))
        }
        Format::Table => {
            printer::warnings(&all);
            let mut text = String::new();
            for (file, kind, ok, what) in &summary {
                let mark = if *ok { "ok     " } else { "INVALID" };
                text.push_str(&format!(
                    "{mark} {file} ({}: {what})\n",
                    kind.unwrap_or("?")
                ));
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

#[derive(Serialize)]
struct CsvRow {
    severity: &'static str,
    file: String,
    line: usize,
    column: usize,
    entity: String,
    field: String,
    message: String,
    help: String,
}

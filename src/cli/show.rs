//! `orgplan show FILE` and `orgplan graph FILE`.

use std::path::Path;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::graph::OrgGraph;
use orgplan::i18n::fmt;
use orgplan::model::{load_any, AnyFile, Model};
use orgplan::report::show::{ShowReport, ShowRow};
use orgplan::report::xlsx::{Cell, Sheet};
use orgplan::t;

use super::{output, printer, ExitStatus, Fail, Format};

/// Loads a Model, or the model of a Scenario.
pub fn load_model_of(file: &Path) -> Result<Model, Fail> {
    let loaded = load_any(file)?;
    printer::warning_count(&loaded.warnings, file);
    match loaded.value {
        AnyFile::Model(m) => Ok(*m),
        AnyFile::Scenario(s) => Ok(s.model),
        AnyFile::Norms(_) => Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
            file,
            t!("show-norms-file"),
        )]))),
    }
}

pub fn run(file: &Path, format: Format, out: Option<&Path>) -> Result<ExitStatus, Fail> {
    output::check_xlsx_target(format, out)?;
    let model = load_model_of(file)?;
    let report = ShowReport::new(&model);
    let bytes = match format {
        Format::Json => output::json(&report)?.into_bytes(),
        Format::Csv => {
            let rows: Vec<Vec<String>> = report.rows().iter().map(csv_row).collect();
            output::csv_table(&headers(), &rows)?.into_bytes()
        }
        Format::Table => table(&report).into_bytes(),
        Format::Xlsx => {
            // The staffing table first, then the model's sheets, which `orgplan import` reads
            // back into the same model.
            let mut sheets = vec![staffing_sheet(&report.rows())];
            sheets.extend(orgplan::import::model_sheets(&model));
            output::xlsx(&sheets, out)?
        }
    };
    output::emit(out, &bytes)?;
    Ok(ExitStatus::Success)
}

/// A unit kind (`Commune`, `Department`, …) in the reader's language.
fn unit_kind(kind: &str) -> String {
    match kind {
        "Province" => t!("show-unit-province"),
        "District" => t!("show-unit-district"),
        "Commune" => t!("show-unit-commune"),
        "Ward" => t!("show-unit-ward"),
        "Township" => t!("show-unit-township"),
        "Department" => t!("show-unit-department"),
        "Agency" => t!("show-unit-agency"),
        other => other.to_string(),
    }
}

/// A post kind (`Leader`, `Cadre`, …) in the reader's language.
fn post_kind(kind: &str) -> String {
    match kind {
        "Leader" => t!("show-post-leader"),
        "Cadre" => t!("show-post-cadre"),
        "CivilServant" => t!("show-post-civil-servant"),
        "PartTime" => t!("show-post-part-time"),
        other => other.to_string(),
    }
}

/// The headers of the staffing table's CSV and sheet.
fn headers() -> Vec<String> {
    vec![
        t!("show-col-unit-id"),
        t!("show-col-unit-name"),
        t!("show-col-unit-kind"),
        t!("show-col-depth"),
        t!("show-col-post-id"),
        t!("show-col-title"),
        t!("show-col-post-kind"),
        t!("show-col-quota"),
        t!("show-col-held"),
        t!("show-col-over-quota"),
        t!("show-col-holder-ids"),
    ]
}

fn yes_no(b: bool) -> String {
    if b {
        t!("common-yes")
    } else {
        t!("common-no")
    }
}

fn csv_row(r: &ShowRow) -> Vec<String> {
    vec![
        r.unit.clone(),
        r.unit_name.clone(),
        unit_kind(r.unit_kind),
        r.depth.to_string(),
        r.position.clone(),
        r.title.clone(),
        if r.kind.is_empty() {
            String::new()
        } else {
            post_kind(r.kind)
        },
        r.quota.map(|q| q.to_string()).unwrap_or_default(),
        r.held.map(|h| h.to_string()).unwrap_or_default(),
        r.over_quota.map(yes_no).unwrap_or_default(),
        r.holders.clone(),
    ]
}

/// The staffing table as the first sheet of `show --format xlsx`.
fn staffing_sheet(rows: &[ShowRow]) -> Sheet {
    let h = headers();
    let mut sheet = Sheet::new(
        &t!("show-sheet-staffing"),
        &h.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for r in rows {
        let int = |n: Option<i64>| n.map_or(Cell::Empty, Cell::Int);
        sheet.push(vec![
            r.unit.as_str().into(),
            r.unit_name.as_str().into(),
            unit_kind(r.unit_kind).into(),
            Cell::Int(r.depth as i64),
            r.position.as_str().into(),
            r.title.as_str().into(),
            if r.kind.is_empty() {
                Cell::Empty
            } else {
                post_kind(r.kind).into()
            },
            int(r.quota.map(i64::from)),
            int(r.held.map(|h| h as i64)),
            r.over_quota.map_or(Cell::Empty, |b| yes_no(b).into()),
            r.holders.as_str().into(),
        ]);
    }
    sheet
}

fn table(r: &ShowReport) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .set_header(vec![
            t!("show-col-unit-or-post"),
            t!("show-col-kind"),
            t!("show-col-quota"),
            t!("show-col-held"),
            t!("show-col-holders"),
        ]);
    for u in &r.units {
        // Tree guides rather than spaces: the table wraps long names and trims spaces.
        let pad = "╎ ".repeat(u.depth);
        let mut label = format!("{pad}{} [{}]", u.name, u.id);
        if let Some(m) = &u.merged_into {
            label.push_str(&format!(" → {m}"));
        }
        let (quota, held): (u64, usize) = u
            .positions
            .iter()
            .fold((0, 0), |(q, h), p| (q + u64::from(p.quota), h + p.held));
        t.add_row(vec![
            label,
            unit_kind(u.kind),
            if u.positions.is_empty() {
                String::new()
            } else {
                fmt::int(quota)
            },
            if u.positions.is_empty() {
                String::new()
            } else {
                fmt::int(held as u64)
            },
            String::new(),
        ]);
        for p in &u.positions {
            let flag = if p.over_quota {
                format!(" ⚠ {}", t!("show-over-quota"))
            } else {
                String::new()
            };
            let names: Vec<String> = p.holders.iter().map(|h| h.name.clone()).collect();
            t.add_row(vec![
                format!("{pad}• {}", p.title),
                post_kind(p.kind),
                fmt::int(p.quota),
                format!("{}{flag}", fmt::int(p.held as u64)),
                names.join(", "),
            ]);
        }
    }
    for c in [2, 3] {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    let tot = &r.totals;
    let as_of = r
        .as_of
        .parse::<chrono::NaiveDate>()
        .map(fmt::date)
        .unwrap_or_else(|_| r.as_of.clone());
    format!(
        "{}\n{t}\n{}\n",
        t!("show-title", model = &r.model, date = as_of),
        t!(
            "show-totals",
            units = tot.units,
            posts = tot.positions,
            quota = tot.quota,
            staff = tot.staff,
            unplaced = tot.unplaced,
            over = tot.over_quota_positions
        )
    )
}

pub fn graph(file: &Path, out: Option<&Path>) -> Result<ExitStatus, Fail> {
    let model = load_model_of(file)?;
    let dot = OrgGraph::build(&model).to_dot(&model);
    output::emit(out, dot.as_bytes())?;
    Ok(ExitStatus::Success)
}

//! `orgplan show FILE` and `orgplan graph FILE`.

use std::path::Path;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::graph::OrgGraph;
use orgplan::model::{load_any, AnyFile, Model};
use orgplan::report::show::ShowReport;

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
            "this is a Norms file; this command needs a Model or a Scenario",
        )]))),
    }
}

pub fn run(file: &Path, format: Format, out: Option<&Path>) -> Result<ExitStatus, Fail> {
    let model = load_model_of(file)?;
    let report = ShowReport::new(&model);
    let bytes = match format {
        Format::Json => output::json(&report)?.into_bytes(),
        Format::Csv => output::csv(&report.rows())?.into_bytes(),
        Format::Table => table(&report).into_bytes(),
        Format::Xlsx => {
            // The staffing table first, then the model's sheets, which `orgplan import` reads
            // back into the same model.
            let mut sheets =
                vec![
                    orgplan::report::xlsx::Sheet::from_rows("Biên chế", &report.rows())
                        .map_err(|e| Fail::Tool(e.to_string()))?,
                ];
            sheets.extend(orgplan::import::model_sheets(&model));
            output::xlsx(&sheets, out)?
        }
    };
    output::emit(out, &bytes)?;
    Ok(ExitStatus::Success)
}

fn table(r: &ShowReport) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .set_header(vec![
            "Đơn vị / chức danh",
            "Loại",
            "Biên chế",
            "Có mặt",
            "Người giữ",
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
            u.kind.to_string(),
            if u.positions.is_empty() {
                String::new()
            } else {
                quota.to_string()
            },
            if u.positions.is_empty() {
                String::new()
            } else {
                held.to_string()
            },
            String::new(),
        ]);
        for p in &u.positions {
            let flag = if p.over_quota { " ⚠ over quota" } else { "" };
            let names: Vec<String> = p.holders.iter().map(|h| h.name.clone()).collect();
            t.add_row(vec![
                format!("{pad}• {}", p.title),
                p.kind.to_string(),
                p.quota.to_string(),
                format!("{}{flag}", p.held),
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
    format!(
        "{} (as of {})\n{t}\n{} units, {} posts, quota {}, {} staff ({} without a post), {} posts over quota\n",
        r.model, r.as_of, tot.units, tot.positions, tot.quota, tot.staff, tot.unplaced, tot.over_quota_positions
    )
}

pub fn graph(file: &Path, out: Option<&Path>) -> Result<ExitStatus, Fail> {
    let model = load_model_of(file)?;
    let dot = OrgGraph::build(&model).to_dot(&model);
    output::emit(out, dot.as_bytes())?;
    Ok(ExitStatus::Success)
}

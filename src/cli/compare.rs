//! `orgplan compare SCENARIO...`: the scenarios' measures side by side, one column per
//! scenario (headed by its file stem), the best value of each row marked with ★.

use std::path::{Path, PathBuf};

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use orgplan::chart::ChartFormat;
use orgplan::compare::{compare_watched, CompareError, Comparison, Value};
use orgplan::diag::Diagnostics;
use orgplan::model::load_scenario;
use orgplan::report::xlsx::{Cell, Sheet};

use super::{output, printer, progress, ExitStatus, Fail, Format};

/// How `compare` and `sweep` report.
#[derive(Debug, clap::Args)]
struct ReportArgs {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Also draw the comparison (staff and norm, cost by roadmap year) to FILE.svg or FILE.png.
    #[arg(long, value_name = "FILE", value_parser = chart_path)]
    chart: Option<PathBuf>,
}

/// The arguments of `orgplan compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Scenario files, one column each.
    #[arg(required = true)]
    scenarios: Vec<PathBuf>,
    #[command(flatten)]
    report: ReportArgs,
}

pub fn run(args: &CompareArgs) -> Result<ExitStatus, Fail> {
    let mut loaded = Vec::new();
    let mut problems = Diagnostics::new();
    for file in &args.scenarios {
        match load_scenario(file) {
            Ok(l) => {
                printer::warning_count(&l.warnings, file);
                loaded.push((label(file), l.value));
            }
            Err(d) => problems.extend(d),
        }
    }
    if !problems.is_empty() {
        return Err(Fail::Input(problems));
    }
    render(&loaded, &args.report)
}

/// The arguments of `orgplan sweep`.
#[derive(Debug, clap::Args)]
pub struct SweepArgs {
    /// The scenario to vary.
    scenario: PathBuf,
    /// A parameter and its values, e.g. `policy.transition_years=3,5` or
    /// `weights.continuity=50,100,200`; repeat for a grid.
    #[arg(long, required = true)]
    vary: Vec<String>,
    #[command(flatten)]
    report: ReportArgs,
}

/// `orgplan sweep`: the grid of variants, planned in parallel, reported like `compare`.
pub fn sweep(args: &SweepArgs) -> Result<ExitStatus, Fail> {
    let l = load_scenario(&args.scenario)?;
    printer::warning_count(&l.warnings, &args.scenario);
    let mut varies = Vec::new();
    for v in &args.vary {
        varies.push(orgplan::compare::parse_vary(v).map_err(|e| {
            Fail::Input(Diagnostics(vec![orgplan::diag::Diagnostic::file_error(
                &args.scenario,
                format!("--vary {e}"),
            )]))
        })?);
    }
    let grid = orgplan::compare::sweep(&l.value, &varies);
    printer::note(&format!("planning {} variants", grid.len()));
    render(&grid, &args.report)
}

fn render(
    loaded: &[(String, orgplan::model::Scenario)],
    report: &ReportArgs,
) -> Result<ExitStatus, Fail> {
    let (format, out, chart) = (
        report.format,
        report.output.as_deref(),
        report.chart.as_deref(),
    );
    let watch = progress::watch();
    let cmp = match compare_watched(loaded, &watch) {
        Ok(c) if !watch.stopped() => c,
        Err(CompareError::Interrupted) | Ok(_) => return Err(Fail::Interrupted),
        Err(e) => return Err(Fail::Tool(e.to_string())),
    };
    drop(watch);
    for (i, label) in cmp.scenarios.iter().enumerate() {
        if cmp.rows.iter().any(|r| r.values[i] == Value::Infeasible) {
            printer::note(&format!(
                "{label} has no plan (`orgplan plan` says why); its plan's measures read \"infeasible\""
            ));
        }
    }
    let bytes = match format {
        Format::Json => output::json(&cmp)?.into_bytes(),
        Format::Csv => csv(&cmp)
            .map_err(|e| Fail::Tool(e.to_string()))?
            .into_bytes(),
        Format::Table => table(&cmp).into_bytes(),
        Format::Xlsx => output::xlsx(&[sheet(&cmp)], out)?,
    };
    // The chart is drawn before anything is written: a failure leaves no output behind.
    let chart = match chart {
        Some(path) => Some((
            path,
            ChartFormat::from_path(path)
                .and_then(|format| orgplan::chart::render(&cmp, format))
                .map_err(|e| Fail::Tool(e.to_string()))?,
        )),
        None => None,
    };
    output::emit(out, &bytes)?;
    if let Some((path, drawing)) = chart {
        output::emit(Some(path), &drawing)?;
    }
    Ok(ExitStatus::Success)
}

/// `--chart`: refuses at once a file that is neither SVG nor PNG.
fn chart_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    ChartFormat::from_path(&path).map_err(|e| e.to_string())?;
    Ok(path)
}

/// A column's heading: the file stem.
fn label(file: &Path) -> String {
    file.file_stem().map_or_else(
        || file.display().to_string(),
        |s| s.to_string_lossy().into(),
    )
}

fn csv(cmp: &Comparison) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["measure".to_string(), "unit".into()];
    header.extend(cmp.scenarios.iter().cloned());
    header.push("best".into());
    w.write_record(&header)?;
    for r in &cmp.rows {
        let mut rec = vec![r.measure.clone(), r.unit.clone().unwrap_or_default()];
        rec.extend(r.values.iter().map(|v| v.to_string()));
        rec.push(r.best.map(|b| cmp.scenarios[b].clone()).unwrap_or_default());
        w.write_record(&rec)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// The comparison as one sheet: values as numbers (percentages as numbers with one decimal),
/// the best scenario of each row named in the last column.
fn sheet(cmp: &Comparison) -> Sheet {
    let mut headers = vec!["Chỉ tiêu (measure)", "Đơn vị tính"];
    headers.extend(cmp.scenarios.iter().map(String::as_str));
    headers.push("Tốt nhất (best)");
    let mut sheet = Sheet::new("So sánh", &headers);
    for r in &cmp.rows {
        let mut row = vec![Cell::Text(r.measure.clone()), Cell::from(r.unit.clone())];
        row.extend(r.values.iter().map(|v| match v {
            Value::Count(n) => Cell::Int(*n as i64),
            Value::Vnd(n) => Cell::Vnd(*n),
            Value::Number { value, decimals } => Cell::Number {
                value: *value,
                decimals: *decimals,
            },
            Value::Share { count, of } if *of > 0 => Cell::Number {
                value: (*count as f64 * 1000.0 / *of as f64).round() / 10.0,
                decimals: 1,
            },
            Value::NotApplicable | Value::Share { .. } => Cell::Empty,
            other => Cell::Text(other.to_string()),
        }));
        row.push(Cell::from(r.best.map(|b| cmp.scenarios[b].clone())));
        sheet.push(row);
    }
    sheet
}

fn table(cmp: &Comparison) -> String {
    let mut t = Table::new();
    let mut header = vec!["Measure".to_string(), "Unit".into()];
    header.extend(cmp.scenarios.iter().cloned());
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(160)
        .set_header(header);
    for r in &cmp.rows {
        let mut row = vec![r.measure.clone(), r.unit.clone().unwrap_or_default()];
        row.extend(r.values.iter().enumerate().map(|(i, v)| {
            if r.best == Some(i) {
                format!("{v} ★")
            } else {
                v.to_string()
            }
        }));
        t.add_row(row);
    }
    for c in 2..2 + cmp.scenarios.len() {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{t}\n★ best value of the row\n")
}

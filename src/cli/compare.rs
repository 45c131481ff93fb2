//! `orgplan compare SCENARIO...`: the scenarios' measures side by side, one column per
//! scenario (headed by its file stem), the best value of each row marked with ★.

use std::path::{Path, PathBuf};

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width};
use orgplan::t;

use orgplan::chart::ChartFormat;
use orgplan::compare::{compare_watched, measure, CompareError, Comparison, Param, Value};
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
    /// `weights.continuity=50,100,200`; repeat for a grid. A wrong one is a usage error (exit
    /// 2), refused before anything is read.
    #[arg(long, required = true, value_parser = vary)]
    vary: Vec<(Param, Vec<u64>)>,
    #[command(flatten)]
    report: ReportArgs,
}

/// `orgplan sweep`: the grid of variants, planned in parallel, reported like `compare`.
pub fn sweep(args: &SweepArgs) -> Result<ExitStatus, Fail> {
    let l = load_scenario(&args.scenario)?;
    printer::warning_count(&l.warnings, &args.scenario);
    let grid = orgplan::compare::sweep(&l.value, &args.vary);
    printer::note(&t!("compare-note-variants", n = grid.len()));
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
            printer::note(&t!("compare-note-no-plan", label = label.as_str()));
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

/// `--vary NAME=v1,v2,…`: parsed by clap, so a wrong one is a usage error.
fn vary(s: &str) -> Result<(Param, Vec<u64>), String> {
    orgplan::compare::parse_vary(s)
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

/// The best column's text: the best scenario, or why none is marked.
fn best_text(cmp: &Comparison, r: &orgplan::compare::Row) -> String {
    match (r.best, r.not_marked) {
        (Some(b), _) => cmp.scenarios[b].clone(),
        (None, Some(why)) => why.label(),
        (None, None) => String::new(),
    }
}

/// CSV for people: headers in the reader's language, values as the table shows them; the
/// measure's stable id comes first so that a program can still find a row.
fn csv(cmp: &Comparison) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        t!("compare-col-id"),
        t!("compare-col-measure"),
        t!("compare-col-unit"),
    ];
    header.extend(cmp.scenarios.iter().cloned());
    header.push(t!("compare-col-best"));
    w.write_record(&header)?;
    for r in &cmp.rows {
        let mut rec = vec![
            r.id.clone(),
            r.measure.clone(),
            r.unit.clone().unwrap_or_default(),
        ];
        rec.extend(r.values.iter().map(|v| v.to_string()));
        rec.push(best_text(cmp, r));
        w.write_record(&rec)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// The comparison as one sheet: values as numbers (percentages as numbers with one decimal),
/// the best scenario of each row named in the last column (or why none is).
fn sheet(cmp: &Comparison) -> Sheet {
    let (measure, unit, best) = (
        t!("compare-col-measure"),
        t!("compare-col-unit"),
        t!("compare-col-best"),
    );
    let mut headers = vec![measure.as_str(), unit.as_str()];
    headers.extend(cmp.scenarios.iter().map(String::as_str));
    headers.push(best.as_str());
    let mut sheet = Sheet::new(&t!("compare-sheet"), &headers);
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
        let b = best_text(cmp, r);
        row.push(if b.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(b)
        });
        sheet.push(row);
    }
    sheet
}

/// The table: the measure's name wraps if it must, a value never does (its column is at least
/// as wide as its widest value, counted in characters — digits, separators and ★ are one column each; a wide comparison is wider than the terminal rather than
/// broken across lines).
fn table(cmp: &Comparison) -> String {
    let mut t = Table::new();
    let mut header = vec![t!("compare-col-measure"), t!("compare-col-unit")];
    header.extend(cmp.scenarios.iter().cloned());
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(160)
        .set_header(header);
    let mut widths = vec![0usize; cmp.scenarios.len()];
    let mut unmarked = false;
    for r in &cmp.rows {
        let mut row = vec![r.measure.clone(), r.unit.clone().unwrap_or_default()];
        row.extend(r.values.iter().enumerate().map(|(i, v)| {
            let text = if r.best == Some(i) {
                format!("{v} ★")
            } else if r.not_marked.is_some() && v.as_f64().is_some() {
                format!("{v} ☆")
            } else {
                v.to_string()
            };
            widths[i] = widths[i].max(text.chars().count());
            text
        }));
        unmarked |= r.not_marked.is_some();
        t.add_row(row);
    }
    let unit_width = cmp
        .rows
        .iter()
        .filter_map(|r| r.unit.as_deref().map(|u| u.chars().count()))
        .max()
        .unwrap_or(0);
    if let Some(col) = t.column_mut(1) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            u16::try_from(unit_width).unwrap_or(u16::MAX),
        )));
    }
    for (i, w) in widths.iter().enumerate() {
        if let Some(col) = t.column_mut(2 + i) {
            col.set_cell_alignment(CellAlignment::Right);
            col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                u16::try_from(*w).unwrap_or(u16::MAX),
            )));
        }
    }
    let mut out = format!("{t}\n{}\n", t!("compare-legend-best"));
    if unmarked {
        out.push_str(&wrap(&t!("compare-legend-not-marked"), 100));
    }
    if cmp.row(measure::TOTAL_FIT).is_some() {
        out.push_str(&wrap(&t!("compare-fit-explained"), 100));
    }
    out
}

/// Text cut into lines of at most `width` characters at spaces, each line ended.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        }
        if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out.push('\n');
    out
}

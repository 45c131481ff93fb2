//! `orgplan diff A B`: two staffing tables side by side. Each side is a Model file (as it
//! stands), a Scenario file (the organization after its plan) or a saved plan JSON
//! (`orgplan plan --format json`).

use std::path::{Path, PathBuf};

use comfy_table::{CellAlignment, ColumnConstraint, Table};

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::diff::{diff, Change, Diff, PlanFile, Staffing};
use orgplan::i18n::fmt;
use orgplan::model::{load_any, AnyFile};
use orgplan::report::xlsx::{Cell, Sheet};
use orgplan::t;

use super::plan::{self, new_table};
use super::{output, printer, ExitStatus, Fail, Format};

/// The arguments of `orgplan diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// Before: a Model, a Scenario (its plan) or a plan JSON.
    before: PathBuf,
    /// After: a Model, a Scenario (its plan) or a plan JSON.
    after: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(args: &DiffArgs) -> Result<ExitStatus, Fail> {
    let a = side(&args.before);
    let b = side(&args.after);
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let mut d = Diagnostics::new();
            for r in [a, b] {
                match r {
                    Err(Fail::Input(x)) => d.extend(x),
                    Err(other) => return Err(other),
                    Ok(_) => {}
                }
            }
            return Err(Fail::Input(d));
        }
    };
    let d = diff(&a, &b);
    if let Some(scope) = &d.scope {
        printer::note(scope);
    }
    let out = args.output.as_deref();
    let bytes = match args.format {
        Format::Json => output::json(&d)?.into_bytes(),
        Format::Csv => output::csv(&csv_rows(&d))?.into_bytes(),
        Format::Table => table(&d).into_bytes(),
        Format::Xlsx => output::xlsx(&sheets(&d), out)?,
    };
    output::emit(out, &bytes)?;
    Ok(ExitStatus::Success)
}

/// Reads one side.
fn side(file: &Path) -> Result<Staffing, Fail> {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let is_json = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        orgplan::files::inputs::note_input(file);
        let text = std::fs::read_to_string(file).map_err(|e| {
            Fail::Input(Diagnostics(vec![Diagnostic::file_error(
                file,
                t!("diff-cannot-read", reason = e.to_string()),
            )]))
        })?;
        let plan: PlanFile = serde_json::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::file_error(file, t!("diff-not-a-plan", reason = e.to_string()))
                .with_help(t!("diff-not-a-plan-help"));
            d.line = e.line();
            d.column = e.column();
            Fail::Input(Diagnostics(vec![d]))
        })?;
        return Ok(Staffing::from_plan_json(
            &plan,
            &t!("diff-side-plan-json", file = name.as_str()),
        ));
    }
    let loaded = load_any(file)?;
    printer::warning_count(&loaded.warnings, file);
    match loaded.value {
        AnyFile::Model(m) => Ok(Staffing::from_model(
            &m,
            &t!("diff-side-model", file = name.as_str()),
        )),
        AnyFile::Scenario(s) => {
            let opts = plan::Options {
                no_timing: true,
                time_limit: 120.0,
                backend: orgplan::alloc::Backend::Flow,
                explain: false,
            };
            let p = plan::plan_scenario(file, &s, &opts)?;
            Ok(Staffing::from_plan(
                &s,
                &p,
                &t!("diff-side-scenario", file = name.as_str()),
            ))
        }
        AnyFile::Norms(_) => Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
            file,
            t!("diff-norms-file"),
        )]))),
    }
}

/// A post's standing against the norm, in the reader's language.
fn status_label(s: &str) -> String {
    match s {
        "over" => t!("diff-status-over"),
        "under" => t!("diff-status-under"),
        "abolished" => t!("diff-status-abolished"),
        _ => t!("diff-status-at"),
    }
}

/// What happened to a person, in the reader's language.
fn change_label(c: Change) -> String {
    match c {
        Change::Stayed => t!("diff-change-stayed"),
        Change::Moved => t!("diff-change-moved"),
        Change::Unplaced => t!("diff-change-unplaced"),
        Change::Surplus => t!("diff-change-surplus"),
        Change::Left => t!("diff-change-left"),
        Change::New => t!("diff-change-new"),
    }
}

/// A surplus package's name (as the plan names it: `Quit`, `EarlyRetirement`, …) in the
/// reader's language; an unknown name is shown as it is.
fn package_label(p: &str) -> String {
    match p {
        "Retire" => t!("diff-package-retire"),
        "EarlyRetirement" => t!("diff-package-early-retirement"),
        "Quit" => t!("diff-package-quit"),
        "None" => t!("diff-package-none"),
        other => other.to_string(),
    }
}

fn table(d: &Diff) -> String {
    let mut out = format!(
        "{}\n{}\n",
        t!("diff-before", side = d.before.as_str()),
        t!("diff-after", side = d.after.as_str())
    );
    let mut unit = None;
    let mut t = posts_table();
    let flush = |t: &mut Table, out: &mut String, heading: Option<String>| {
        if let Some(h) = heading {
            out.push_str(&format!("\n{h}\n{t}\n"));
        }
        *t = posts_table();
    };
    for r in &d.posts {
        let heading = format!("{} [{}]", r.unit_name, r.unit);
        if unit.as_ref() != Some(&heading) {
            flush(&mut t, &mut out, unit.take());
            unit = Some(heading);
        }
        // The old posts behind a merged post are in the JSON, CSV and xlsx; here the title
        // says enough.
        t.add_row(vec![
            r.post.clone(),
            r.title.clone(),
            fmt::int(r.before),
            fmt::int(r.after),
            fmt::int(r.norm),
            if r.delta > 0 {
                format!("+{}", fmt::int(r.delta))
            } else {
                fmt::int(r.delta)
            },
            status_label(r.status),
        ]);
    }
    flush(&mut t, &mut out, unit.take());
    let people_header = [
        t!("diff-col-change"),
        t!("diff-col-staff-id"),
        t!("diff-col-name"),
        t!("diff-col-from-post"),
        t!("diff-col-to-post"),
        t!("diff-col-package"),
        t!("diff-col-cost"),
    ];
    let mut people = new_table(people_header.iter().map(String::as_str).collect());
    for p in d.people.iter().filter(|p| p.change != Change::Stayed) {
        people.add_row(vec![
            change_label(p.change),
            p.staff.clone(),
            p.name.clone(),
            p.from_post.clone().unwrap_or_default(),
            p.to_post.clone().unwrap_or_default(),
            p.package.as_deref().map(package_label).unwrap_or_default(),
            p.cost_vnd.map(fmt::int).unwrap_or_default(),
        ]);
    }
    people.set_width(150);
    if let Some(c) = people.column_mut(6) {
        c.set_cell_alignment(CellAlignment::Right);
    }
    // Ids and amounts are never broken across lines; names and packages wrap if they must.
    for c in [1, 3, 4, 6] {
        if let Some(col) = people.column_mut(c) {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let t = &d.totals;
    out.push_str(&format!(
        "\n{}\n{people}\n",
        t!("diff-people-heading", stayed = t.stayed)
    ));
    out.push('\n');
    out.push_str(&t!(
        "diff-totals-posts",
        posts = t.posts,
        before = t.before,
        after = t.after,
        norm = t.norm,
        over = t.over_norm_posts,
        under = t.under_norm_posts
    ));
    out.push('\n');
    out.push_str(&t!(
        "diff-totals-people",
        people = t.people,
        stayed = t.stayed,
        moved = t.moved,
        surplus = t.surplus,
        cost = fmt::money(t.surplus_cost_vnd),
        unplaced = t.unplaced,
        left = t.left,
        new = t.new
    ));
    out.push('\n');
    out
}

/// A unit's posts: the counts right-aligned.
fn posts_table() -> Table {
    let header = [
        t!("diff-col-post"),
        t!("diff-col-title"),
        t!("diff-col-before"),
        t!("diff-col-after"),
        t!("diff-col-norm"),
        "±".to_string(),
        t!("diff-col-status"),
    ];
    let mut t = new_table(header.iter().map(String::as_str).collect());
    for c in 2..6 {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    // The post's id and the counts are never broken across lines.
    for c in [0, 2, 3, 4, 5] {
        if let Some(col) = t.column_mut(c) {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    t
}

/// One CSV row: a post or a person (`record` says which, in the reader's language, as do
/// the status and the package: CSV is for people, like the table).
#[derive(serde::Serialize)]
struct CsvRow<'a> {
    record: String,
    unit: &'a str,
    post: &'a str,
    title: &'a str,
    before: Option<u32>,
    after: Option<u32>,
    norm: Option<u32>,
    delta: Option<i64>,
    status: String,
    staff: &'a str,
    name: &'a str,
    from_post: &'a str,
    to_post: &'a str,
    package: String,
    cost_vnd: Option<u64>,
}

fn csv_rows(d: &Diff) -> Vec<CsvRow<'_>> {
    let mut rows = Vec::new();
    for r in &d.posts {
        rows.push(CsvRow {
            record: t!("diff-record-post"),
            unit: &r.unit,
            post: &r.post,
            title: &r.title,
            before: Some(r.before),
            after: Some(r.after),
            norm: Some(r.norm),
            delta: Some(r.delta),
            status: status_label(r.status),
            staff: "",
            name: "",
            from_post: "",
            to_post: "",
            package: String::new(),
            cost_vnd: None,
        });
    }
    for p in &d.people {
        rows.push(CsvRow {
            record: t!("diff-record-person"),
            unit: "",
            post: "",
            title: "",
            before: None,
            after: None,
            norm: None,
            delta: None,
            status: change_label(p.change),
            staff: &p.staff,
            name: &p.name,
            from_post: p.from_post.as_deref().unwrap_or(""),
            to_post: p.to_post.as_deref().unwrap_or(""),
            package: p.package.as_deref().map(package_label).unwrap_or_default(),
            cost_vnd: p.cost_vnd,
        });
    }
    rows
}

/// The diff as a workbook: the posts, the people, the totals.
fn sheets(d: &Diff) -> Vec<Sheet> {
    let posts_headers = [
        t!("diff-col-unit-id"),
        t!("diff-col-unit"),
        t!("diff-col-post"),
        t!("diff-col-title"),
        t!("diff-col-before"),
        t!("diff-col-after"),
        t!("diff-col-norm"),
        t!("diff-col-delta"),
        t!("diff-col-status"),
        t!("diff-col-from-posts"),
    ];
    let mut posts = Sheet::new(
        &t!("diff-sheet-posts"),
        &posts_headers.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for r in &d.posts {
        posts.push(vec![
            r.unit.as_str().into(),
            r.unit_name.as_str().into(),
            r.post.as_str().into(),
            r.title.as_str().into(),
            Cell::Int(r.before.into()),
            Cell::Int(r.after.into()),
            Cell::Int(r.norm.into()),
            Cell::Int(r.delta),
            status_label(r.status).into(),
            r.from_posts.join(", ").into(),
        ]);
    }
    let people_headers = [
        t!("diff-col-change"),
        t!("diff-col-staff-id"),
        t!("diff-col-name"),
        t!("diff-col-from-post"),
        t!("diff-col-to-post"),
        t!("diff-col-package"),
        t!("diff-col-cost"),
    ];
    let mut people = Sheet::new(
        &t!("diff-sheet-people"),
        &people_headers
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    for p in &d.people {
        people.push(vec![
            change_label(p.change).into(),
            p.staff.as_str().into(),
            p.name.as_str().into(),
            p.from_post.clone().into(),
            p.to_post.clone().into(),
            p.package.as_deref().map(package_label).into(),
            p.cost_vnd.map_or(Cell::Empty, Cell::Vnd),
        ]);
    }
    let t = &d.totals;
    let (measure, value) = (t!("diff-col-measure"), t!("diff-col-value"));
    let mut totals = Sheet::new(&t!("diff-sheet-totals"), &[&measure, &value]);
    for (k, v) in [
        ("diff-total-before", Cell::Text(d.before.clone())),
        ("diff-total-after", Cell::Text(d.after.clone())),
        ("diff-total-posts", Cell::Int(t.posts as i64)),
        ("diff-total-staff-before", Cell::Int(t.before as i64)),
        ("diff-total-staff-after", Cell::Int(t.after as i64)),
        ("diff-total-norm", Cell::Int(t.norm as i64)),
        ("diff-total-over", Cell::Int(t.over_norm_posts as i64)),
        ("diff-total-under", Cell::Int(t.under_norm_posts as i64)),
        ("diff-total-people", Cell::Int(t.people as i64)),
        ("diff-total-stayed", Cell::Int(t.stayed as i64)),
        ("diff-total-moved", Cell::Int(t.moved as i64)),
        ("diff-total-surplus", Cell::Int(t.surplus as i64)),
        ("diff-total-surplus-cost", Cell::Vnd(t.surplus_cost_vnd)),
        ("diff-total-unplaced", Cell::Int(t.unplaced as i64)),
        ("diff-total-left", Cell::Int(t.left as i64)),
        ("diff-total-new", Cell::Int(t.new as i64)),
    ] {
        totals.push(vec![t!(k).into(), v]);
    }
    vec![totals, posts, people]
}

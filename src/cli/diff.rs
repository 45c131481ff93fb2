//! `orgplan diff A B`: two staffing tables side by side. Each side is a Model file (as it
//! stands), a Scenario file (the organization after its plan) or a saved plan JSON
//! (`orgplan plan --format json`).

use std::path::{Path, PathBuf};

use comfy_table::{CellAlignment, Table};

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::diff::{diff, Change, Diff, PlanFile, Staffing};
use orgplan::model::{load_any, AnyFile};
use orgplan::report::vnd;
use orgplan::report::xlsx::{Cell, Sheet};

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
                format!("cannot read the file: {e}"),
            )]))
        })?;
        let plan: PlanFile = serde_json::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::file_error(file, format!("this is not a saved plan: {e}"))
                .with_help("save a plan with `orgplan plan SCENARIO --format json -o FILE.json`");
            d.line = e.line();
            d.column = e.column();
            Fail::Input(Diagnostics(vec![d]))
        })?;
        return Ok(Staffing::from_plan_json(&plan, &format!("plan {name}")));
    }
    let loaded = load_any(file)?;
    printer::warning_count(&loaded.warnings, file);
    match loaded.value {
        AnyFile::Model(m) => Ok(Staffing::from_model(&m, &format!("model {name}"))),
        AnyFile::Scenario(s) => {
            let opts = plan::Options {
                no_timing: true,
                time_limit: 120.0,
                backend: orgplan::alloc::Backend::Flow,
                explain: false,
            };
            let p = plan::plan_scenario(file, &s, &opts)?;
            Ok(Staffing::from_plan(&s, &p, &format!("plan of {name}")))
        }
        AnyFile::Norms(_) => Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
            file,
            "this is a Norms file; `diff` compares Models, Scenarios (their plans) and saved plans",
        )]))),
    }
}

fn status_vi(s: &str) -> &'static str {
    match s {
        "over" => "vượt định mức (over)",
        "under" => "thiếu (under)",
        "abolished" => "bãi bỏ (abolished)",
        _ => "đủ (at norm)",
    }
}

fn change_vi(c: Change) -> &'static str {
    match c {
        Change::Stayed => "giữ nguyên (stayed)",
        Change::Moved => "chuyển vị trí (moved)",
        Change::Unplaced => "chưa bố trí (unplaced)",
        Change::Surplus => "dôi dư (surplus)",
        Change::Left => "không còn (left)",
        Change::New => "mới (new)",
    }
}

fn table(d: &Diff) -> String {
    let mut out = format!(
        "Trước (before): {}\nSau (after):    {}\n",
        d.before, d.after
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
            r.before.to_string(),
            r.after.to_string(),
            r.norm.to_string(),
            format!("{:+}", r.delta),
            status_vi(r.status).to_string(),
        ]);
    }
    flush(&mut t, &mut out, unit.take());
    let mut people = new_table(vec![
        "Thay đổi",
        "Mã",
        "Họ và tên",
        "Từ vị trí",
        "Đến vị trí",
        "Chính sách",
        "Chi phí (đồng)",
    ]);
    for p in d.people.iter().filter(|p| p.change != Change::Stayed) {
        people.add_row(vec![
            change_vi(p.change).to_string(),
            p.staff.clone(),
            p.name.clone(),
            p.from_post.clone().unwrap_or_default(),
            p.to_post.clone().unwrap_or_default(),
            p.package.clone().unwrap_or_default(),
            p.cost_vnd.map(vnd).unwrap_or_default(),
        ]);
    }
    people.set_width(150);
    if let Some(c) = people.column_mut(6) {
        c.set_cell_alignment(CellAlignment::Right);
    }
    let t = &d.totals;
    out.push_str(&format!(
        "\nNhân sự thay đổi (people who changed; {} stayed in the same post)\n{people}\n",
        t.stayed
    ));
    out.push_str(&format!(
        "\nTổng (totals): {} posts; staff {} → {} against a norm of {} ({} posts over, {} under)\n\
         people {}: stayed {}, moved {}, surplus {} ({} đồng), unplaced {}, left {}, new {}\n",
        t.posts,
        t.before,
        t.after,
        t.norm,
        t.over_norm_posts,
        t.under_norm_posts,
        t.people,
        t.stayed,
        t.moved,
        t.surplus,
        vnd(t.surplus_cost_vnd),
        t.unplaced,
        t.left,
        t.new
    ));
    out
}

/// A unit's posts: the counts right-aligned.
fn posts_table() -> Table {
    let mut t = new_table(vec![
        "Vị trí (post)",
        "Chức danh",
        "Trước",
        "Sau",
        "Định mức",
        "±",
        "So với định mức",
    ]);
    for c in 2..6 {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// One CSV row: a post (`record` = "post") or a person (`record` = "person").
#[derive(serde::Serialize)]
struct CsvRow<'a> {
    record: &'static str,
    unit: &'a str,
    post: &'a str,
    title: &'a str,
    before: Option<u32>,
    after: Option<u32>,
    norm: Option<u32>,
    delta: Option<i64>,
    status: &'a str,
    staff: &'a str,
    name: &'a str,
    from_post: &'a str,
    to_post: &'a str,
    package: &'a str,
    cost_vnd: Option<u64>,
}

fn csv_rows(d: &Diff) -> Vec<CsvRow<'_>> {
    let mut rows = Vec::new();
    for r in &d.posts {
        rows.push(CsvRow {
            record: "post",
            unit: &r.unit,
            post: &r.post,
            title: &r.title,
            before: Some(r.before),
            after: Some(r.after),
            norm: Some(r.norm),
            delta: Some(r.delta),
            status: r.status,
            staff: "",
            name: "",
            from_post: "",
            to_post: "",
            package: "",
            cost_vnd: None,
        });
    }
    for p in &d.people {
        rows.push(CsvRow {
            record: "person",
            unit: "",
            post: "",
            title: "",
            before: None,
            after: None,
            norm: None,
            delta: None,
            status: change_name(p.change),
            staff: &p.staff,
            name: &p.name,
            from_post: p.from_post.as_deref().unwrap_or(""),
            to_post: p.to_post.as_deref().unwrap_or(""),
            package: p.package.as_deref().unwrap_or(""),
            cost_vnd: p.cost_vnd,
        });
    }
    rows
}

fn change_name(c: Change) -> &'static str {
    match c {
        Change::Stayed => "stayed",
        Change::Moved => "moved",
        Change::Unplaced => "unplaced",
        Change::Surplus => "surplus",
        Change::Left => "left",
        Change::New => "new",
    }
}

/// The diff as a workbook: the posts, the people, the totals.
fn sheets(d: &Diff) -> Vec<Sheet> {
    let mut posts = Sheet::new(
        "Biên chế trước-sau",
        &[
            "Mã đơn vị",
            "Đơn vị",
            "Vị trí",
            "Chức danh",
            "Trước",
            "Sau",
            "Định mức",
            "Chênh lệch",
            "So với định mức",
            "Từ các vị trí",
        ],
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
            status_vi(r.status).into(),
            r.from_posts.join(", ").into(),
        ]);
    }
    let mut people = Sheet::new(
        "Nhân sự",
        &[
            "Thay đổi",
            "Mã cán bộ",
            "Họ và tên",
            "Từ vị trí",
            "Đến vị trí",
            "Chính sách",
            "Chi phí (đồng)",
        ],
    );
    for p in &d.people {
        people.push(vec![
            change_vi(p.change).into(),
            p.staff.as_str().into(),
            p.name.as_str().into(),
            p.from_post.clone().into(),
            p.to_post.clone().into(),
            p.package.clone().into(),
            p.cost_vnd.map_or(Cell::Empty, Cell::Vnd),
        ]);
    }
    let t = &d.totals;
    let mut totals = Sheet::new("Tổng hợp", &["Chỉ tiêu", "Giá trị"]);
    for (k, v) in [
        ("Trước (before)", Cell::Text(d.before.clone())),
        ("Sau (after)", Cell::Text(d.after.clone())),
        ("Số vị trí", Cell::Int(t.posts as i64)),
        ("Biên chế trước", Cell::Int(t.before as i64)),
        ("Biên chế sau", Cell::Int(t.after as i64)),
        ("Định mức", Cell::Int(t.norm as i64)),
        ("Vị trí vượt định mức", Cell::Int(t.over_norm_posts as i64)),
        ("Vị trí thiếu", Cell::Int(t.under_norm_posts as i64)),
        ("Số người", Cell::Int(t.people as i64)),
        ("Giữ nguyên", Cell::Int(t.stayed as i64)),
        ("Chuyển vị trí", Cell::Int(t.moved as i64)),
        ("Dôi dư", Cell::Int(t.surplus as i64)),
        ("Chi phí dôi dư (đồng)", Cell::Vnd(t.surplus_cost_vnd)),
        ("Chưa bố trí", Cell::Int(t.unplaced as i64)),
        ("Không còn", Cell::Int(t.left as i64)),
        ("Mới", Cell::Int(t.new as i64)),
    ] {
        totals.push(vec![k.into(), v]);
    }
    vec![totals, posts, people]
}

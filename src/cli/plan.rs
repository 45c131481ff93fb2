//! `orgplan plan SCENARIO`: the new staffing table, surplus with packages, vacancies,
//! totals and roadmap.

use std::path::Path;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};
use serde::Serialize;

use orgplan::alloc::{self, Plan};
use orgplan::diag::{Diagnostic, Diagnostics, Severity};
use orgplan::model::{load_scenario, Scenario};
use orgplan::report::vnd;
use orgplan::report::xlsx::{Cell, Sheet};

use super::{output, printer, progress, ExitStatus, Fail, Format};

/// How to plan.
pub struct Options {
    pub no_timing: bool,
    pub time_limit: f64,
    pub backend: alloc::Backend,
    pub explain: bool,
}

/// Loads and plans a scenario; an infeasible plan is the user's input problem (exit 1).
pub fn make_plan(file: &Path, opts: &Options) -> Result<Plan, Fail> {
    let loaded = load_scenario(file)?;
    printer::warning_count(&loaded.warnings, file);
    plan_scenario(file, &loaded.value, opts)
}

/// Plans a loaded scenario (read from `file`), with a progress bar and Ctrl-C; an infeasible
/// plan is the user's input problem (exit 1), each conflict pointing at its rule.
pub fn plan_scenario(file: &Path, scenario: &Scenario, opts: &Options) -> Result<Plan, Fail> {
    let limit = std::time::Duration::try_from_secs_f64(opts.time_limit.max(0.0)).ok();
    let watch = progress::watch();
    let planned = alloc::plan_watched(scenario, opts.backend, limit, &watch);
    if watch.stopped() {
        return Err(Fail::Interrupted);
    }
    drop(watch);
    let mut plan = planned.map_err(|inf| {
        let mut d = Diagnostics::new();
        for c in &inf.conflicts {
            let rules = if c.rules.is_empty() {
                String::new()
            } else {
                format!(
                    " [rule{} {}]",
                    if c.rules.len() == 1 { "" } else { "s" },
                    c.rules
                        .iter()
                        .map(|r| r.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let mut diag = Diagnostic::file_error(
                file,
                // A message that already says "no plan …" (a time limit) needs no prefix.
                if c.message.starts_with("no plan") {
                    format!("{}{rules}", c.message)
                } else {
                    format!("no plan is possible: {}{rules}", c.message)
                },
            )
            .with_help("change or remove one of the rules named, or the posts' requirements");
            // Point at the first rule named.
            if let Some(r) = c
                .rules
                .first()
                .and_then(|n| scenario.rules.iter().find(|x| x.number == *n))
            {
                let off = scenario.source.offset_of_char_col(r.line, 1);
                let off = orgplan::files::locate::next_token(&scenario.source.text, off);
                let at = Diagnostic::at(Severity::Error, &scenario.source, off, 1, "");
                diag.line = at.line;
                diag.column = at.column;
                diag.source = at.source;
                diag.span = at.span;
            }
            d.push(diag);
        }
        Fail::Input(d)
    })?;
    if opts.explain {
        plan.explanations = Some(alloc::explain::explain(scenario, &plan));
    }
    Ok(plan)
}

pub fn run(
    file: &Path,
    format: Format,
    out: Option<&Path>,
    opts: Options,
) -> Result<ExitStatus, Fail> {
    let mut plan = make_plan(file, &opts)?;
    if opts.no_timing {
        plan.solver.seconds = 0.0;
    }
    let bytes = match format {
        Format::Json => output::json(&plan)?.into_bytes(),
        Format::Csv => output::csv(&csv_rows(&plan))?.into_bytes(),
        Format::Table => {
            let mut t = table(&plan);
            if let Some(e) = &plan.explanations {
                t.push_str(&explanations(e));
            }
            t.into_bytes()
        }
        Format::Xlsx => output::xlsx(&sheets(&plan), out)?,
    };
    output::emit(out, &bytes)?;
    Ok(ExitStatus::Success)
}

/// The explanations as text, section by section.
fn explanations(e: &orgplan::alloc::explain::Explanations) -> String {
    let mut out = String::from("\nGiải thích — vì sao (why)\n\nPlacements:\n");
    for p in &e.placements {
        let t = &p.fit_terms;
        out.push_str(&format!(
            "  {} → {}: fit {} = continuity {} + preferred {} + seniority {} + local {}{}\n",
            p.staff,
            p.position,
            p.fit,
            t.continuity,
            t.preferred,
            t.seniority,
            t.local,
            p.rule
                .as_ref()
                .map(|r| format!("; {r}"))
                .unwrap_or_default()
        ));
        if !p.runners_up.is_empty() {
            let r: Vec<String> = p
                .runners_up
                .iter()
                .map(|r| {
                    format!(
                        "{} (fit {}, {})",
                        r.staff,
                        r.fit,
                        r.placed_in.as_deref().unwrap_or("surplus")
                    )
                })
                .collect();
            out.push_str(&format!("      runners-up: {}\n", r.join(", ")));
        }
    }
    out.push_str("\nSurplus:\n");
    for s in &e.surplus {
        out.push_str(&format!("  {}\n", s.summary));
        for o in &s.outranked {
            for h in &o.holders {
                out.push_str(&format!(
                    "      {} [{}]: {}\n",
                    o.position, h.tier, h.reason
                ));
            }
        }
    }
    if !e.vacancies.is_empty() {
        out.push_str("\nVacancies:\n");
        for v in &e.vacancies {
            out.push_str(&format!("  {} ×{}: {}\n", v.position, v.count, v.reason));
        }
    }
    out
}

/// `orgplan formulate`: the problem as JSON.
pub fn formulate(file: &Path, out: Option<&Path>) -> Result<ExitStatus, Fail> {
    let loaded = load_scenario(file)?;
    printer::warning_count(&loaded.warnings, file);
    let s = loaded.value;
    let f = alloc::problem::Problem::new(&s).formulation(&s);
    let mut t = serde_json::to_string(&f).map_err(|e| Fail::Tool(e.to_string()))?;
    t.push('\n');
    output::emit(out, t.as_bytes())?;
    Ok(ExitStatus::Success)
}

/// One CSV row per candidate and per vacancy: every candidate appears exactly once.
#[derive(Serialize)]
struct CsvRow {
    unit: String,
    status: &'static str,
    staff: String,
    name: String,
    position: String,
    title: String,
    fit: Option<u64>,
    package: String,
    months_to_retirement: Option<i64>,
    cost_vnd: Option<u64>,
    vacancies: Option<u32>,
}

fn csv_rows(plan: &Plan) -> Vec<CsvRow> {
    let mut rows = Vec::new();
    for m in &plan.mergers {
        for a in &m.assignments {
            rows.push(CsvRow {
                unit: m.unit.clone(),
                status: "assigned",
                staff: a.staff.clone(),
                name: a.name.clone(),
                position: a.position.clone(),
                title: a.title.clone(),
                fit: Some(a.fit),
                package: String::new(),
                months_to_retirement: None,
                cost_vnd: None,
                vacancies: None,
            });
        }
        for s in &m.surplus {
            rows.push(CsvRow {
                unit: m.unit.clone(),
                status: "surplus",
                staff: s.staff.clone(),
                name: s.name.clone(),
                position: s.previous_position.clone().unwrap_or_default(),
                title: String::new(),
                fit: None,
                package: s.package.to_string(),
                months_to_retirement: Some(s.months_to_retirement),
                cost_vnd: Some(s.cost_vnd),
                vacancies: None,
            });
        }
        for v in &m.vacancies {
            rows.push(CsvRow {
                unit: m.unit.clone(),
                status: "vacancy",
                staff: String::new(),
                name: String::new(),
                position: v.position.clone(),
                title: v.title.clone(),
                fit: None,
                package: String::new(),
                months_to_retirement: None,
                cost_vnd: None,
                vacancies: Some(v.count),
            });
        }
    }
    rows
}

/// The plan as a workbook: a summary per new unit, the new staffing table, the surplus with
/// their packages and working, the vacancies, and the roadmap year by year.
pub fn sheets(plan: &Plan) -> Vec<Sheet> {
    let mut summary = Sheet::new(
        "Tổng hợp",
        &[
            "Đơn vị mới",
            "Tên",
            "Hợp nhất từ",
            "Dân số",
            "Diện tích (km²)",
            "Định mức",
            "Ứng viên",
            "Bố trí",
            "Dôi dư",
            "Còn thiếu",
            "Chi phí chính sách (đồng)",
        ],
    );
    let mut placed = Sheet::new(
        "Bố trí",
        &[
            "Đơn vị mới",
            "Vị trí",
            "Chức danh",
            "Mã cán bộ",
            "Họ và tên",
            "Nguồn (phương án)",
            "Vị trí cũ",
            "Điểm phù hợp",
        ],
    );
    let mut surplus = Sheet::new(
        "Dôi dư",
        &[
            "Đơn vị mới",
            "Mã cán bộ",
            "Họ và tên",
            "Vị trí cũ",
            "Chính sách",
            "Số tháng đến tuổi nghỉ hưu",
            "Số năm đóng BHXH",
            "Tiền lương tháng (đồng)",
            "Chi phí (đồng)",
            "Căn cứ",
            "Cách tính",
        ],
    );
    let mut vacant = Sheet::new(
        "Còn thiếu",
        &["Đơn vị mới", "Vị trí", "Chức danh", "Số lượng"],
    );
    let mut roadmap = Sheet::new(
        "Lộ trình",
        &[
            "Đơn vị mới",
            "Năm",
            "Từ ngày",
            "Đến ngày",
            "Đầu năm",
            "Định mức",
            "Vượt định mức",
            "Nghỉ hưu",
            "Tinh giản",
            "Cuối năm",
            "Chi phí tinh giản (đồng)",
        ],
    );
    for m in &plan.mergers {
        let cost: u64 = m.surplus.iter().map(|s| s.cost_vnd).sum();
        summary.push(vec![
            m.unit.as_str().into(),
            m.name.as_str().into(),
            sources_text(m, ", ").into(),
            m.population.map_or(Cell::Empty, |p| Cell::Int(p as i64)),
            m.area_km2.map_or(Cell::Empty, |a| Cell::Number {
                value: a,
                decimals: 2,
            }),
            Cell::Int(m.norm.into()),
            Cell::Int(m.candidates as i64),
            Cell::Int(m.assignments.len() as i64),
            Cell::Int(m.surplus.len() as i64),
            Cell::Int(m.vacancies.iter().map(|v| i64::from(v.count)).sum()),
            Cell::Vnd(cost),
        ]);
        for a in &m.assignments {
            placed.push(vec![
                m.unit.as_str().into(),
                a.position.as_str().into(),
                a.title.as_str().into(),
                a.staff.as_str().into(),
                a.name.as_str().into(),
                a.from_unit.as_str().into(),
                a.previous_position.clone().into(),
                Cell::Int(a.fit as i64),
            ]);
        }
        for s in &m.surplus {
            let d = &s.detail;
            let working = d
                .terms
                .iter()
                .map(|t| format!("{}: {} = {}", t.label, t.formula, vnd(t.value_vnd)))
                .collect::<Vec<_>>()
                .join("; ");
            surplus.push(vec![
                m.unit.as_str().into(),
                s.staff.as_str().into(),
                s.name.as_str().into(),
                s.previous_position.clone().into(),
                s.package.into(),
                Cell::Int(s.months_to_retirement),
                Cell::Number {
                    value: d.insured_years,
                    decimals: 1,
                },
                Cell::Vnd(d.monthly_salary_vnd),
                Cell::Vnd(s.cost_vnd),
                d.branch.as_str().into(),
                format!("M = {}; {working}", d.monthly_salary_formula).into(),
            ]);
        }
        for v in &m.vacancies {
            vacant.push(vec![
                m.unit.as_str().into(),
                v.position.as_str().into(),
                v.title.as_str().into(),
                Cell::Int(v.count.into()),
            ]);
        }
        for y in &m.roadmap.years {
            roadmap.push(vec![
                m.unit.as_str().into(),
                Cell::Int(y.year.into()),
                Cell::Date(y.start),
                Cell::Date(y.end),
                Cell::Int(y.headcount_start.into()),
                Cell::Int(y.norm.into()),
                Cell::Int(y.surplus_over_norm.into()),
                y.retiring.join(", ").into(),
                y.released.join(", ").into(),
                Cell::Int(y.headcount_end.into()),
                Cell::Vnd(y.release_cost_vnd),
            ]);
        }
    }
    let t = &plan.totals;
    summary.push(vec![
        "Tổng cộng".into(),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Int(plan.mergers.iter().map(|m| i64::from(m.norm)).sum()),
        Cell::Int(t.candidates as i64),
        Cell::Int(t.assigned as i64),
        Cell::Int(t.surplus as i64),
        Cell::Int(t.vacancies as i64),
        Cell::Vnd(t.surplus_cost_vnd),
    ]);
    vec![summary, placed, surplus, vacant, roadmap]
}

/// A table of the house style, 120 columns wide.
pub(super) fn new_table(header: Vec<&str>) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .set_header(header);
    t
}

fn right(t: &mut Table, cols: &[usize]) {
    for &c in cols {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The units a merger takes: whole, then "một phần X" for each part.
fn sources_text(m: &orgplan::alloc::MergerPlan, sep: &str) -> String {
    let parts = m
        .parts
        .iter()
        .map(|p| orgplan::t!("map-part-of", unit = p.as_str()));
    let all: Vec<String> = m.from.iter().cloned().chain(parts).collect();
    all.join(sep)
}

fn table(plan: &Plan) -> String {
    let mut out = format!("{} — hiệu lực {}\n", plan.scenario, plan.effective);
    for m in &plan.mergers {
        out.push_str(&format!(
            "\n{} [{}] ← {}; dân số {}, diện tích {} km²; định mức {} ; ứng viên {}\n",
            m.name,
            m.unit,
            sources_text(m, " + "),
            m.population.map_or("?".into(), |p| p.to_string()),
            m.area_km2.map_or("?".into(), |a| format!("{a:.2}")),
            m.norm,
            m.candidates
        ));
        let mut t = new_table(vec![
            "Chức danh mới",
            "Người được bố trí",
            "Từ chức danh cũ",
            "Fit",
        ]);
        for a in &m.assignments {
            t.add_row(vec![
                a.title.clone(),
                format!("{} ({})", a.name, a.staff),
                a.previous_position.clone().unwrap_or_default(),
                a.fit.to_string(),
            ]);
        }
        for v in &m.vacancies {
            t.add_row(vec![
                v.title.clone(),
                format!("— trống {} —", v.count),
                String::new(),
                String::new(),
            ]);
        }
        right(&mut t, &[3]);
        out.push_str(&format!("Bố trí ({}):\n{t}\n", m.assignments.len()));
        if !m.surplus.is_empty() {
            let mut t = new_table(vec![
                "Người dôi dư",
                "Chức danh cũ",
                "Chính sách",
                "Tháng đến nghỉ hưu",
                "Chi phí (đồng)",
            ]);
            for s in &m.surplus {
                t.add_row(vec![
                    format!("{} ({})", s.name, s.staff),
                    s.previous_position.clone().unwrap_or_default(),
                    s.package.to_string(),
                    s.months_to_retirement.to_string(),
                    vnd(s.cost_vnd),
                ]);
            }
            right(&mut t, &[3, 4]);
            out.push_str(&format!("Dôi dư ({}):\n{t}\n", m.surplus.len()));
        }
        let mut t = new_table(vec![
            "Năm",
            "Từ",
            "Có mặt",
            "Định mức",
            "Vượt định mức",
            "Nghỉ hưu trong năm",
            "Chi phí nếu giải quyết (đồng)",
        ]);
        for y in &m.roadmap.years {
            t.add_row(vec![
                y.year.to_string(),
                y.start.to_string(),
                y.headcount_start.to_string(),
                y.norm.to_string(),
                y.surplus_over_norm.to_string(),
                if y.retiring.is_empty() {
                    "—".into()
                } else {
                    y.retiring.join(", ")
                },
                vnd(y.release_cost_vnd),
            ]);
        }
        right(&mut t, &[2, 3, 4, 6]);
        out.push_str(&format!("Lộ trình {} năm:\n{t}\n", m.roadmap.years.len()));
    }
    let tot = &plan.totals;
    out.push_str(&format!(
        "\nTổng: {} ứng viên, {} bố trí, {} dôi dư, {} chỗ trống; tổng fit {}; chi phí dôi dư {} đồng\nSolver: {} in {:.3} s ({} component(s), {} node(s))\n",
        tot.candidates,
        tot.assigned,
        tot.surplus,
        tot.vacancies,
        tot.fit,
        vnd(tot.surplus_cost_vnd),
        plan.solver.status,
        plan.solver.seconds,
        plan.solver.components,
        plan.solver.nodes
    ));
    if let Some(b) = plan.solver.bound {
        let gap = if b.assigned > tot.assigned as u64 {
            format!("{} post(s)", b.assigned - tot.assigned as u64)
        } else {
            format!("fit {}", b.fit.saturating_sub(tot.fit))
        };
        out.push_str(&format!(
            "Bound: no plan fills more than {} posts, nor has a fit above {} with {} filled (gap: {gap})\n",
            b.assigned, b.fit, b.assigned
        ));
    }
    out
}

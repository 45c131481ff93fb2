//! `orgplan plan SCENARIO`: the new staffing table, surplus with packages, vacancies,
//! totals and roadmap.

use std::path::Path;

use comfy_table::{presets, CellAlignment, ContentArrangement, Table};

use orgplan::alloc::explain::{Explanations, RuleKind, RuleRef, Tier, VacancyReason};
use orgplan::alloc::problem::Ineligible;
use orgplan::alloc::ConflictKind;
use orgplan::alloc::{self, Plan};
use orgplan::diag::{Diagnostic, Diagnostics, Severity};
use orgplan::i18n::fmt;
use orgplan::model::{load_scenario, Scenario};
use orgplan::report::xlsx::{Cell, Sheet};
use orgplan::t;

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
            let what = conflict_text(&c.kind);
            let what = if c.rules.is_empty() {
                what
            } else {
                t!(
                    "plan-infeasible-rules",
                    what = what,
                    n = c.rules.len(),
                    rules = list(c.rules.iter().map(|r| fmt::int(*r as i128)))
                )
            };
            // A conflict that says "no plan …" itself (a time limit, a stop) needs no prefix.
            let message = if matches!(c.kind, ConflictKind::TimeLimit | ConflictKind::Interrupted) {
                what
            } else {
                t!("plan-infeasible", what = what)
            };
            let mut diag =
                Diagnostic::file_error(file, message).with_help(t!("plan-infeasible-help"));
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
    // Before any work: a workbook cannot go to a terminal.
    output::check_xlsx_target(format, out)?;
    let mut plan = make_plan(file, &opts)?;
    if opts.no_timing {
        plan.solver.seconds = 0.0;
    }
    let bytes = match format {
        Format::Json => output::json(&plan)?.into_bytes(),
        Format::Csv => {
            let (header, rows) = csv_rows(&plan);
            output::csv_table(&header, &rows)?.into_bytes()
        }
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

/// Items joined by the reader's list separator.
fn list<I: IntoIterator<Item = String>>(items: I) -> String {
    items.into_iter().collect::<Vec<_>>().join(", ")
}

/// A person's former post in a table: its title (the person's id stands beside it; an id
/// would be cut mid-word by the column's wrapping).
fn old_title(title: Option<&String>, id: Option<&String>) -> String {
    title.or(id).cloned().unwrap_or_default()
}

/// A person's former post in CSV and workbooks: its title, then its id.
fn old_post(title: Option<&String>, id: Option<&String>) -> String {
    match (title, id) {
        (Some(t), Some(i)) => format!("{t} ({i})"),
        (None, Some(i)) => i.clone(),
        (Some(t), None) => t.clone(),
        (None, None) => String::new(),
    }
}

/// A package's name (`Retire`, `EarlyRetirement`, `Quit`, `None`) in the reader's language.
pub(super) fn package_name(kind: &str) -> String {
    match kind {
        "Retire" => t!("law-kind-retire"),
        "EarlyRetirement" => t!("law-kind-early-retirement"),
        "Quit" => t!("law-kind-quit"),
        "None" => t!("law-kind-none"),
        other => other.to_string(),
    }
}

/// The solver's status in words.
fn status_name(status: &str) -> String {
    match status {
        "Optimal" => t!("plan-status-optimal"),
        "NodeLimit" => t!("plan-status-node-limit"),
        "TimeLimit" => t!("plan-status-time-limit"),
        "Interrupted" => t!("plan-status-interrupted"),
        other => other.to_string(),
    }
}

fn gender_name(g: orgplan::model::Gender) -> String {
    match g {
        orgplan::model::Gender::Female => t!("plan-gender-female"),
        orgplan::model::Gender::Male => t!("plan-gender-male"),
    }
}

fn kind_name(k: orgplan::model::PositionKind) -> String {
    use orgplan::model::PositionKind as K;
    match k {
        K::Leader => t!("plan-kind-leader"),
        K::Cadre => t!("plan-kind-cadre"),
        K::CivilServant => t!("plan-kind-civil-servant"),
        K::PartTime => t!("plan-kind-part-time"),
    }
}

/// Why a person may not take a post, as a phrase that reads after a person or a count.
pub(super) fn ineligible_text(why: &Ineligible) -> String {
    match why {
        Ineligible::MissingQualifications(q) => {
            t!("plan-why-missing", n = q.len(), list = q.join(", "))
        }
        Ineligible::Gender(g) => match g {
            orgplan::model::Gender::Female => t!("plan-why-women-only"),
            orgplan::model::Gender::Male => t!("plan-why-men-only"),
        },
        Ineligible::NotLeadership => t!("plan-why-not-leadership"),
        Ineligible::Forbidden(r) => t!("plan-why-forbidden", rule = *r),
        Ineligible::OtherMerger => t!("plan-why-other-merger"),
        Ineligible::Retired => t!("plan-why-retired"),
    }
}

/// Each reason with the posts it shuts: "reason (post, post); reason (post)".
fn reasons_text(reasons: &[(Ineligible, Vec<String>)]) -> String {
    reasons
        .iter()
        .map(|(why, posts)| format!("{} ({})", ineligible_text(why), posts.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn rule_text(r: &RuleRef) -> String {
    match r.kind {
        RuleKind::Pin => t!("plan-rule-pin", n = r.number),
        RuleKind::Keep => t!("plan-rule-keep", n = r.number),
    }
}

fn tier_name(t: Tier) -> String {
    match t {
        Tier::Rule => t!("plan-tier-rule"),
        Tier::Fit => t!("plan-tier-fit"),
        Tier::Cost => t!("plan-tier-cost"),
        Tier::PostsFilled => t!("plan-tier-posts-filled"),
    }
}

/// A conflict that makes a plan impossible, in the reader's language.
pub(super) fn conflict_text(kind: &ConflictKind) -> String {
    match kind {
        ConflictKind::PinnedTwice {
            staff,
            first,
            second,
            ..
        } => t!(
            "plan-conflict-pinned-twice",
            staff = staff,
            first = first,
            second = second
        ),
        ConflictKind::PinIneligible {
            rule,
            staff,
            post,
            why,
        } => t!(
            "plan-conflict-pin-ineligible",
            rule = *rule,
            staff = staff,
            post = post,
            why = ineligible_text(why)
        ),
        ConflictKind::PinsOverQuota {
            post,
            quota,
            pinned,
        } => t!(
            "plan-conflict-pins-over-quota",
            post = post,
            quota = *quota,
            n = pinned.len(),
            list = list(pinned.iter().map(|(who, r)| t!(
                "plan-conflict-by-rule",
                staff = who,
                rule = *r
            )))
        ),
        ConflictKind::KeepNoPost {
            rule,
            staff,
            reasons,
        } => {
            if reasons.is_empty() {
                t!("plan-conflict-keep-full", rule = *rule, staff = staff)
            } else {
                t!(
                    "plan-conflict-keep-no-post",
                    rule = *rule,
                    staff = staff,
                    reasons = reasons_text(reasons)
                )
            }
        }
        ConflictKind::KeepCrowdedOut { rule, staff, open } => t!(
            "plan-conflict-keep-crowded",
            rule = *rule,
            staff = staff,
            posts = open.join(", ")
        ),
        ConflictKind::MinShare {
            rule,
            num,
            den,
            gender,
            kind,
            unit,
            pinned,
        } => {
            let base = t!(
                "plan-conflict-min-share",
                rule = *rule,
                num = *num,
                den = *den,
                gender = gender_name(*gender),
                kind = kind_name(*kind),
                unit = unit
            );
            if pinned.is_empty() {
                base
            } else {
                let who = list(pinned.iter().map(|(s, p, r)| {
                    t!("plan-conflict-pinned-to", staff = s, post = p, rule = *r)
                }));
                format!("{base}: {who}")
            }
        }
        ConflictKind::TimeLimit => t!("plan-conflict-time-limit"),
        ConflictKind::Interrupted => t!("plan-conflict-interrupted"),
        ConflictKind::TooLarge => t!("plan-conflict-too-large"),
        ConflictKind::MilpFailed(msg) => t!("plan-conflict-milp", message = msg),
        _ => format!("{kind:?}"),
    }
}

/// The explanations as text, section by section.
fn explanations(e: &Explanations) -> String {
    let mut out = format!(
        "\n{}\n\n{}\n",
        t!("plan-explain-heading"),
        t!("plan-explain-placements")
    );
    let where_is = |p: &Option<String>| p.clone().unwrap_or_else(|| t!("plan-explain-surplus"));
    for p in &e.placements {
        let ft = &p.fit_terms;
        out.push_str(&format!(
            "  {}{}\n",
            t!(
                "plan-explain-placement",
                staff = &p.staff,
                post = &p.position,
                fit = p.fit,
                continuity = ft.continuity,
                preferred = ft.preferred,
                seniority = ft.seniority,
                local = ft.local
            ),
            p.rule
                .as_ref()
                .map(|r| format!("; {}", rule_text(r)))
                .unwrap_or_default()
        ));
        if !p.runners_up.is_empty() {
            let r = list(p.runners_up.iter().map(|r| {
                t!(
                    "plan-explain-runner-up",
                    staff = &r.staff,
                    fit = r.fit,
                    place = where_is(&r.placed_in)
                )
            }));
            out.push_str(&format!(
                "      {}\n",
                t!("plan-explain-runners-up", list = r)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", t!("plan-explain-surplus-heading")));
    for s in &e.surplus {
        let summary = if s.outranked.is_empty() {
            let reasons: Vec<(Ineligible, Vec<String>)> = s
                .ineligible
                .iter()
                .map(|i| (i.reason.clone(), i.positions.clone()))
                .collect();
            t!(
                "plan-explain-surplus-none",
                staff = &s.staff,
                reasons = reasons_text(&reasons)
            )
        } else {
            t!(
                "plan-explain-surplus-outranked",
                staff = &s.staff,
                n = s.outranked.len(),
                tiers = list(s.tiers().into_iter().map(tier_name))
            )
        };
        out.push_str(&format!("  {summary}\n"));
        for o in &s.outranked {
            for h in &o.holders {
                let reason = match h.tier {
                    Tier::Rule => t!(
                        "plan-why-held-by-rule",
                        holder = &h.staff,
                        rule = h.rule.as_ref().map(rule_text).unwrap_or_default()
                    ),
                    Tier::Fit => t!(
                        "plan-why-fits-better",
                        holder = &h.staff,
                        theirs = h.fit,
                        mine = o.fit
                    ),
                    Tier::Cost => t!(
                        "plan-why-cost",
                        fit = o.fit,
                        staff = &s.staff,
                        cost = fmt::money(s.cost_vnd),
                        holder = &h.staff,
                        holder_cost = fmt::money(h.cost_vnd)
                    ),
                    Tier::PostsFilled => t!(
                        "plan-why-posts-filled",
                        holder = &h.staff,
                        theirs = h.fit,
                        mine = o.fit,
                        staff = &s.staff
                    ),
                };
                out.push_str(&format!(
                    "      {} [{}]: {reason}\n",
                    o.position,
                    tier_name(h.tier)
                ));
            }
        }
    }
    if !e.vacancies.is_empty() {
        out.push_str(&format!("\n{}\n", t!("plan-explain-vacancies-heading")));
        for v in &e.vacancies {
            let reason = match &v.reason {
                VacancyReason::NoneEligible(counts) => t!(
                    "plan-explain-vacancy-none",
                    reasons = counts
                        .iter()
                        .map(|(why, n)| t!(
                            "plan-explain-count",
                            reason = ineligible_text(why),
                            n = *n
                        ))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
                VacancyReason::EligibleElsewhere(list_) => t!(
                    "plan-explain-vacancy-elsewhere",
                    n = list_.len(),
                    list = list(
                        list_
                            .iter()
                            .map(|(who, at)| format!("{who} → {}", where_is(at)))
                    )
                ),
            };
            out.push_str(&format!(
                "  {} ×{}: {reason}\n",
                v.position,
                fmt::int(v.count)
            ));
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

/// One CSV row per candidate and per vacancy: every candidate appears exactly once. CSV is
/// for people: headers and values in the reader's language, numbers plain.
fn csv_rows(plan: &Plan) -> (Vec<String>, Vec<Vec<String>>) {
    let header = vec![
        t!("plan-col-new-unit"),
        t!("plan-col-status"),
        t!("plan-col-staff-id"),
        t!("plan-col-name"),
        t!("plan-col-post"),
        t!("plan-col-title"),
        t!("plan-col-old-post"),
        t!("plan-col-fit"),
        t!("plan-col-package"),
        t!("plan-col-months"),
        t!("plan-col-cost-vnd"),
        t!("plan-col-vacancies"),
    ];
    let mut rows = Vec::new();
    for m in &plan.mergers {
        for a in &m.assignments {
            rows.push(vec![
                m.unit.clone(),
                t!("plan-status-assigned"),
                a.staff.clone(),
                a.name.clone(),
                a.position.clone(),
                a.title.clone(),
                old_post(a.previous_title.as_ref(), a.previous_position.as_ref()),
                a.fit.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        for s in &m.surplus {
            rows.push(vec![
                m.unit.clone(),
                t!("plan-status-surplus"),
                s.staff.clone(),
                s.name.clone(),
                String::new(),
                String::new(),
                old_post(s.previous_title.as_ref(), s.previous_position.as_ref()),
                String::new(),
                package_name(s.package),
                s.months_to_retirement.to_string(),
                s.cost_vnd.to_string(),
                String::new(),
            ]);
        }
        for v in &m.vacancies {
            rows.push(vec![
                m.unit.clone(),
                t!("plan-status-vacancy"),
                String::new(),
                String::new(),
                v.position.clone(),
                v.title.clone(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                v.count.to_string(),
            ]);
        }
    }
    (header, rows)
}

/// The strings of a list of owned headers, for [`Sheet::new`].
fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// The plan as a workbook: a summary per new unit, the new staffing table, the surplus with
/// their packages and working, the vacancies, and the roadmap year by year.
pub fn sheets(plan: &Plan) -> Vec<Sheet> {
    let mut summary = Sheet::new(
        &t!("plan-sheet-summary"),
        &strs(&[
            t!("plan-col-new-unit"),
            t!("plan-col-unit-name"),
            t!("plan-col-merged-from"),
            t!("plan-col-population"),
            t!("plan-col-area"),
            t!("plan-col-norm"),
            t!("plan-col-candidates"),
            t!("plan-col-assigned"),
            t!("plan-col-surplus"),
            t!("plan-col-vacancies"),
            t!("plan-col-package-cost"),
        ]),
    );
    let mut placed = Sheet::new(
        &t!("plan-sheet-placed"),
        &strs(&[
            t!("plan-col-new-unit"),
            t!("plan-col-post"),
            t!("plan-col-title"),
            t!("plan-col-staff-id"),
            t!("plan-col-name"),
            t!("plan-col-source"),
            t!("plan-col-old-post"),
            t!("plan-col-fit"),
        ]),
    );
    let mut surplus = Sheet::new(
        &t!("plan-sheet-surplus"),
        &strs(&[
            t!("plan-col-new-unit"),
            t!("plan-col-staff-id"),
            t!("plan-col-name"),
            t!("plan-col-old-post"),
            t!("plan-col-package"),
            t!("plan-col-months"),
            t!("plan-col-insured-years"),
            t!("plan-col-monthly-salary"),
            t!("plan-col-cost-vnd"),
            t!("plan-col-basis"),
            t!("plan-col-working"),
        ]),
    );
    let mut vacant = Sheet::new(
        &t!("plan-sheet-vacancies"),
        &strs(&[
            t!("plan-col-new-unit"),
            t!("plan-col-post"),
            t!("plan-col-title"),
            t!("plan-col-count"),
        ]),
    );
    let mut roadmap = Sheet::new(
        &t!("plan-sheet-roadmap"),
        &strs(&[
            t!("plan-col-new-unit"),
            t!("plan-col-year"),
            t!("plan-col-start"),
            t!("plan-col-end"),
            t!("plan-col-headcount-start"),
            t!("plan-col-norm"),
            t!("plan-col-over-norm"),
            t!("plan-col-retiring-list"),
            t!("plan-col-released"),
            t!("plan-col-headcount-end"),
            t!("plan-col-release-cost-vnd"),
        ]),
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
                old_post(a.previous_title.as_ref(), a.previous_position.as_ref()).into(),
                Cell::Int(a.fit as i64),
            ]);
        }
        for s in &m.surplus {
            let d = &s.detail;
            let working = d
                .terms
                .iter()
                .map(|t| {
                    format!(
                        "{}: {} = {}",
                        super::law::term_name(t.kind),
                        super::law::formula(&t.formula),
                        fmt::money(t.value_vnd)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            surplus.push(vec![
                m.unit.as_str().into(),
                s.staff.as_str().into(),
                s.name.as_str().into(),
                old_post(s.previous_title.as_ref(), s.previous_position.as_ref()).into(),
                package_name(s.package).into(),
                Cell::Int(s.months_to_retirement),
                Cell::Number {
                    value: d.insured_years,
                    decimals: 1,
                },
                Cell::Vnd(d.monthly_salary_vnd),
                Cell::Vnd(s.cost_vnd),
                super::law::branch_text(d).into(),
                format!("M = {}; {working}", d.salary.formula).into(),
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
        t!("plan-total-row").into(),
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
pub(super) fn new_table<S: Into<comfy_table::Cell>>(header: Vec<S>) -> Table {
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

/// Months to the pension, or, for those already there, since when.
fn months_text(s: &orgplan::alloc::Surplus) -> String {
    if s.months_to_retirement > 0 {
        fmt::int(s.months_to_retirement)
    } else {
        let ps = s.detail.retirement.pension_start;
        let month = chrono::NaiveDate::from_ymd_opt(ps.year, ps.month, 1)
            .map(fmt::month)
            .unwrap_or_default();
        t!("plan-retirement-reached", month = month)
    }
}

fn table(plan: &Plan) -> String {
    let mut out = format!(
        "{}\n",
        t!(
            "plan-title",
            scenario = &plan.scenario,
            date = plan
                .effective
                .parse::<chrono::NaiveDate>()
                .map(fmt::date)
                .unwrap_or_else(|_| plan.effective.to_string())
        )
    );
    for m in &plan.mergers {
        out.push_str(&format!(
            "\n{}\n",
            t!(
                "plan-merger",
                name = &m.name,
                unit = &m.unit,
                from = sources_text(m, " + "),
                population = m.population.map_or_else(|| t!("plan-unknown"), fmt::int),
                area = m
                    .area_km2
                    .map_or_else(|| t!("plan-unknown"), |a| fmt::decimal(a, 2)),
                norm = m.norm,
                candidates = m.candidates
            )
        ));
        let mut t = new_table(vec![
            t!("plan-col-new-title"),
            t!("plan-col-placed"),
            t!("plan-col-from-old-post"),
            t!("plan-col-fit"),
        ]);
        for a in &m.assignments {
            t.add_row(vec![
                a.title.clone(),
                match &a.retained_until {
                    None => format!("{} ({})", a.name, a.staff),
                    Some(u) => t!(
                        "law-plan-retained-flag",
                        person = format!("{} ({})", a.name, a.staff),
                        until = u.as_str()
                    ),
                },
                old_title(a.previous_title.as_ref(), a.previous_position.as_ref()),
                fmt::int(a.fit),
            ]);
        }
        for v in &m.vacancies {
            t.add_row(vec![
                v.title.clone(),
                t!("plan-vacant-row", n = v.count),
                String::new(),
                String::new(),
            ]);
        }
        right(&mut t, &[3]);
        out.push_str(&format!(
            "{}\n{t}\n",
            t!("plan-placed-heading", n = m.assignments.len())
        ));
        let retiring: Vec<_> = m.surplus.iter().filter(|s| s.retiring).collect();
        if !retiring.is_empty() {
            let heads = [
                orgplan::t!("law-plan-col-retiring"),
                orgplan::t!("law-plan-col-old-post"),
                orgplan::t!("law-plan-col-pension"),
            ];
            let mut t = new_table(heads.iter().map(String::as_str).collect());
            for s in &retiring {
                t.add_row(vec![
                    format!("{} ({})", s.name, s.staff),
                    old_title(s.previous_title.as_ref(), s.previous_position.as_ref()),
                    orgplan::i18n::fmt::month(s.pension_start.first_day()),
                ]);
            }
            out.push_str(&format!(
                "{}\n{t}\n",
                orgplan::t!("law-plan-retiring-title", n = retiring.len())
            ));
        }
        for r in &m.retained {
            out.push_str(&orgplan::t!(
                "law-plan-retained",
                name = r.name.as_str(),
                id = r.staff.as_str(),
                pension = orgplan::i18n::fmt::month(r.pension_start.first_day()),
                until = r.until.as_str(),
                rule = r.rule
            ));
            out.push_str(&match &r.position {
                Some(p) => orgplan::t!("law-plan-retained-placed", post = p.as_str()),
                None => orgplan::t!("law-plan-retained-unplaced"),
            });
            out.push('\n');
        }
        if m.surplus.iter().any(|s| !s.retiring) {
            let mut t = new_table(vec![
                t!("plan-col-surplus-person"),
                t!("plan-col-old-post"),
                t!("plan-col-package"),
                t!("plan-col-months-short"),
                t!("plan-col-cost"),
            ]);
            for s in m.surplus.iter().filter(|s| !s.retiring) {
                t.add_row(vec![
                    format!("{} ({})", s.name, s.staff),
                    old_title(s.previous_title.as_ref(), s.previous_position.as_ref()),
                    package_name(s.package),
                    months_text(s),
                    fmt::money(s.cost_vnd),
                ]);
            }
            right(&mut t, &[3, 4]);
            out.push_str(&format!(
                "{}\n{t}\n",
                t!(
                    "plan-surplus-heading",
                    n = m.surplus.iter().filter(|s| !s.retiring).count()
                )
            ));
        }
        let mut t = new_table(vec![
            t!("plan-col-year"),
            t!("plan-col-from-date"),
            t!("plan-col-headcount"),
            t!("plan-col-norm"),
            t!("plan-col-over-norm"),
            t!("plan-col-retiring"),
            t!("plan-col-release-cost"),
        ]);
        for y in &m.roadmap.years {
            t.add_row(vec![
                fmt::int(y.year),
                fmt::date(y.start),
                fmt::int(y.headcount_start),
                fmt::int(y.norm),
                fmt::int(y.surplus_over_norm),
                if y.retiring.is_empty() {
                    "—".into()
                } else {
                    y.retiring.join(", ")
                },
                fmt::money(y.release_cost_vnd),
            ]);
        }
        right(&mut t, &[2, 3, 4, 6]);
        out.push_str(&format!(
            "{}\n{t}\n",
            t!("plan-roadmap-heading", n = m.roadmap.years.len())
        ));
    }
    let tot = &plan.totals;
    out.push_str(&format!(
        "\n{}\n{}\n",
        t!(
            "plan-totals",
            candidates = tot.candidates,
            assigned = tot.assigned,
            retiring = tot.retiring,
            surplus = tot.surplus - tot.retiring,
            vacancies = tot.vacancies,
            fit = tot.fit,
            cost = fmt::money(tot.surplus_cost_vnd)
        ),
        t!(
            "plan-solver",
            status = status_name(plan.solver.status),
            seconds = fmt::decimal(plan.solver.seconds, 3),
            components = plan.solver.components,
            nodes = plan.solver.nodes
        )
    ));
    if let Some(b) = plan.solver.bound {
        let gap = if b.assigned > tot.assigned as u64 {
            t!("plan-gap-posts", n = b.assigned - tot.assigned as u64)
        } else {
            t!("plan-gap-fit", n = b.fit.saturating_sub(tot.fit))
        };
        out.push_str(&format!(
            "{}\n",
            t!("plan-bound", assigned = b.assigned, fit = b.fit, gap = gap)
        ));
    }
    out
}

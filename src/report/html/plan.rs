//! The planner's report of one scenario: summary, org charts before and after, allocation,
//! surplus with each package's legal working, vacancies with their reasons, the roadmap with
//! its chart, and the overlap findings before and after.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::orgchart::{destinations, merger_svg, posts_by_unit};
use super::page::{self, esc, Col, Key, LazyTable};
use super::text::{date, decimal, int, money, t, tr, Arg};
use super::why::{why, Tier, Why, RUNNERS_UP};
use super::Options;
use crate::alloc::problem::Ineligible;
use crate::alloc::Plan;
use crate::law::PackageKind;
use crate::model::{Gender, PositionKind, Rule, Scenario};
use crate::overlaps::{self, Change, Severity};

/// How many of the holders preferred to a surplus person are named (the rest are counted).
const WHY_LINES: usize = 4;

/// The page of one planned scenario.
pub(super) fn page(scenario: &Scenario, plan: &Plan, opts: &Options) -> String {
    let sections = [
        ("summary", t("report-summary")),
        ("orgchart", t("report-chart")),
        ("allocation", t("report-alloc")),
        ("surplus", t("report-surplus-title")),
        ("vacancies", t("report-vacancy-title")),
        ("roadmap", t("report-roadmap")),
        ("overlaps", t("report-overlaps")),
    ];
    let mut h = page::head(&plan.scenario, &plan.scenario);
    let _ = writeln!(
        h,
        "<header><p class=\"sub\">{}</p><h1>{}</h1><p class=\"sub\">{}</p><p class=\"sub\">{}</p></header>",
        esc(&t("report-doc-plan")),
        esc(&plan.scenario),
        esc(&tr("report-effective", &[("date", (&date(scenario.effective)).into())])),
        esc(&tr(
            "report-model",
            &[
                ("name", (&scenario.model.name).into()),
                ("date", (&date(scenario.model.as_of)).into())
            ]
        )),
    );
    page::contents(&mut h, &sections);
    // The sections are independent: built side by side, joined in their order.
    let section = |f: &(dyn Fn(&mut String) + Sync)| {
        let mut s = String::new();
        f(&mut s);
        s
    };
    let ((b, c), (a, (d, e))) = rayon::join(
        || {
            let why = why(scenario, plan);
            rayon::join(
                || section(&|s| allocation(s, scenario, plan, &why)),
                || section(&|s| surplus(s, scenario, plan, &why, opts)),
            )
        },
        || {
            rayon::join(
                || {
                    section(&|s| {
                        summary(s, scenario, plan);
                        orgchart(s, scenario, plan);
                    })
                },
                || {
                    rayon::join(
                        || {
                            section(&|s| {
                                vacancies(s, scenario, plan);
                                roadmap(s, plan);
                            })
                        },
                        || section(&|s| findings(s, scenario)),
                    )
                },
            )
        },
    );
    for part in [a, b, c, d, e] {
        h.push_str(&part);
    }
    let _ = writeln!(
        h,
        "<div class=\"sign\"><div><p><strong>{}</strong></p><p>{}</p><div class=\"space\"></div></div><div><p><strong>{}</strong></p><p>{}</p><div class=\"space\"></div></div></div>",
        esc(&t("report-sign")),
        esc(&t("report-sign-note")),
        esc(&t("report-sign-approve")),
        esc(&t("report-sign-note")),
    );
    let _ = writeln!(
        h,
        "<footer><p>{}</p></footer>",
        esc(&tr(
            "report-made-by",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("file", (&opts.source_name).into())
            ]
        ))
    );
    h.push_str(&page::tail(&page::script_messages()));
    h
}

fn kpi(h: &mut String, label: &str, value: &str) {
    let _ = write!(
        h,
        "<div><dt>{}</dt><dd>{}</dd></div>",
        esc(label),
        esc(value)
    );
}

fn person(scenario: &Scenario, s: usize) -> String {
    let p = &scenario.model.staff[s];
    format!("{} ({})", p.name, p.id)
}

fn kind_word(k: PositionKind) -> String {
    t(match k {
        PositionKind::Leader => "report-kind-leader",
        PositionKind::Cadre => "report-kind-cadre",
        PositionKind::CivilServant => "report-kind-civil-servant",
        PositionKind::PartTime => "report-kind-part-time",
    })
}

fn gender_word(g: Gender) -> String {
    t(match g {
        Gender::Female => "report-gender-female",
        Gender::Male => "report-gender-male",
    })
}

/// A share as a percentage without needless decimals: 0.3 → `30`, 0.335 → `33,5`.
fn percent(x: f64) -> String {
    let p = (x * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        int(p as i128)
    } else {
        decimal(p, 1)
    }
}

fn summary(h: &mut String, scenario: &Scenario, plan: &Plan) {
    page::section_start(h, "summary", &t("report-summary"));
    let tot = &plan.totals;
    let norm: u64 = plan.mergers.iter().map(|m| u64::from(m.norm)).sum();
    h.push_str("<dl class=\"kpi\">");
    kpi(h, &t("report-new-units"), &int(plan.mergers.len() as i128));
    kpi(h, &t("report-candidates"), &int(tot.candidates as i128));
    kpi(h, &t("report-norm"), &int(norm.into()));
    kpi(h, &t("report-placed"), &int(tot.assigned as i128));
    kpi(h, &t("report-retiring"), &int(tot.retiring as i128));
    kpi(
        h,
        &t("report-surplus"),
        &int((tot.surplus - tot.retiring) as i128),
    );
    kpi(h, &t("report-vacancies"), &int(tot.vacancies.into()));
    kpi(h, &t("report-cost"), &money(tot.surplus_cost_vnd));
    kpi(h, &t("report-fit"), &int(tot.fit.into()));
    h.push_str("</dl>\n");
    let s = &plan.solver;
    let (open, status) = match s.status {
        "Optimal" => (false, t("report-status-optimal")),
        "TimeLimit" => (true, t("report-status-timelimit")),
        "NodeLimit" => (true, t("report-status-nodelimit")),
        other => (true, tr("report-status-other", &[("status", other.into())])),
    };
    let _ = write!(
        h,
        "<p class=\"status{}\"><strong>{}:</strong> {}",
        if open { " open" } else { "" },
        esc(&t("report-status")),
        esc(&status)
    );
    if let Some(b) = s.bound {
        let _ = write!(
            h,
            " {}",
            esc(&tr(
                "report-bound",
                &[("assigned", b.assigned.into()), ("fit", b.fit.into())]
            ))
        );
    }
    let _ = writeln!(
        h,
        "<br>{}</p>",
        esc(&tr(
            "report-solver",
            &[
                ("components", s.components.into()),
                ("nodes", s.nodes.into())
            ]
        ))
    );
    // The base salary the packages used (the scenario's override, else the law's figure on
    // the effective date, as every package records it).
    let base_salary = scenario
        .policy
        .base_salary_vnd
        .or_else(|| {
            plan.mergers
                .iter()
                .flat_map(|m| &m.surplus)
                .map(|s| s.detail.salary.base_salary_vnd)
                .next()
        })
        .map_or_else(|| "—".to_string(), money);
    let _ = writeln!(
        h,
        "<p>{} {}</p>",
        esc(&tr(
            "report-policy",
            &[
                ("years", scenario.policy.transition_years.into()),
                ("base", (&base_salary).into()),
                ("continuity", scenario.weights.continuity.into()),
                ("preferred", scenario.weights.preferred.into()),
                ("seniority", scenario.weights.seniority.into()),
            ]
        )),
        esc(&t(match scenario.policy.pool {
            crate::model::Pool::PerMerger => "report-pool-per-merger",
            crate::model::Pool::Scenario => "report-pool-scenario",
        }))
    );
    let _ = writeln!(h, "<h3>{}</h3>", esc(&t("report-rules")));
    if scenario.rules.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(&t("report-no-rules")));
    } else {
        h.push_str("<ul>");
        for r in &scenario.rules {
            let n: Arg = r.number.into();
            let post = |&(m, i): &(usize, usize)| {
                let p = &scenario.mergers[m].posts[i];
                format!("{} ({})", p.title, p.id)
            };
            let line = match &r.rule {
                Rule::Pin { staff, post: p } => tr(
                    "report-rule-pin",
                    &[
                        ("n", n),
                        ("person", (&person(scenario, *staff)).into()),
                        ("post", (&post(p)).into()),
                    ],
                ),
                Rule::Forbid { staff, post: p } => tr(
                    "report-rule-forbid",
                    &[
                        ("n", n),
                        ("person", (&person(scenario, *staff)).into()),
                        ("post", (&post(p)).into()),
                    ],
                ),
                Rule::Retain { staff, until } => tr(
                    "report-rule-retain",
                    &[
                        ("n", n),
                        ("person", (&person(scenario, *staff)).into()),
                        ("until", (&date(*until)).into()),
                    ],
                ),
                Rule::Keep { staff } => tr(
                    "report-rule-keep",
                    &[("n", n), ("person", (&person(scenario, *staff)).into())],
                ),
                Rule::MinShare {
                    gender,
                    kind,
                    written,
                    ..
                } => tr(
                    "report-rule-minshare",
                    &[
                        ("n", n),
                        ("gender", (&gender_word(*gender)).into()),
                        ("share", (&percent(*written)).into()),
                        ("kind", (&kind_word(*kind)).into()),
                    ],
                ),
            };
            let _ = write!(h, "<li>{}</li>", esc(&line));
        }
        h.push_str("</ul>\n");
    }
    let mut units = LazyTable::new(
        "units-table",
        t("report-units-table"),
        vec![
            Col::text(t("report-col-unit")),
            Col::text(t("report-col-from")),
            Col::num(t("report-col-population")),
            Col::num(t("report-col-area")),
            Col::num(t("report-col-norm")),
            Col::num(t("report-col-candidates")),
            Col::num(t("report-col-placed")),
            Col::num(t("report-col-surplus")),
            Col::num(t("report-col-vacant")),
            Col::num(t("report-col-cost")),
        ],
    );
    units.row_header = Some(0);
    let name_of = unit_names(scenario);
    for m in &plan.mergers {
        let vac: u64 = m.vacancies.iter().map(|v| u64::from(v.count)).sum();
        let cost: u64 = m.surplus.iter().map(|s| s.cost_vnd).sum();
        let from: Vec<&str> = m
            .from
            .iter()
            .map(|u| name_of.get(u.as_str()).copied().unwrap_or(u.as_str()))
            .collect();
        // Those who retire are counted apart (the summary's "Nghỉ hưu").
        let surplus = m.surplus.iter().filter(|s| !s.retiring).count();
        units.rows.push((
            vec![
                esc(&m.name),
                esc(&from.join(", ")),
                m.population.map_or(String::new(), |p| int(p.into())),
                m.area_km2.map_or(String::new(), |a| decimal(a, 2)),
                int(m.norm.into()),
                int(m.candidates as i128),
                int(m.assignments.len() as i128),
                int(surplus as i128),
                int(vac.into()),
                esc(&money(cost)),
            ],
            vec![
                Key::Text(m.name.clone()),
                Key::Text(from.join(", ")),
                Key::Num(m.population.unwrap_or(0).into()),
                Key::Num(m.area_km2.map_or(0, |a| (a * 100.0).round() as i128)),
                Key::Num(m.norm.into()),
                Key::Num(m.candidates as i128),
                Key::Num(m.assignments.len() as i128),
                Key::Num(surplus as i128),
                Key::Num(vac.into()),
                Key::Num(cost.into()),
            ],
        ));
    }
    if plan.mergers.len() > 1 {
        units.foot = Some(vec![
            esc(&t("report-total")),
            String::new(),
            String::new(),
            String::new(),
            int(norm.into()),
            int(tot.candidates as i128),
            int(tot.assigned as i128),
            int(tot.surplus as i128),
            int(tot.vacancies.into()),
            esc(&money(tot.surplus_cost_vnd)),
        ]);
    }
    h.push_str(&units.render());
    h.push_str("</section>\n");
}

fn unit_names(scenario: &Scenario) -> HashMap<&str, &str> {
    scenario
        .model
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .chain(
            scenario
                .mergers
                .iter()
                .map(|m| (m.into.id.as_str(), m.into.name.as_str())),
        )
        .collect()
}

fn orgchart(h: &mut String, scenario: &Scenario, plan: &Plan) {
    page::section_start(h, "orgchart", &t("report-chart"));
    let _ = writeln!(h, "<p>{}</p>", esc(&t("report-chart-intro")));
    let _ = writeln!(
        h,
        "<div class=\"chart-tools toolbar\" hidden><label>{} <input type=\"search\" class=\"chart-search\"></label> \
         <button type=\"button\" class=\"open-all\">{}</button> <button type=\"button\" class=\"close-all\">{}</button> \
         <span class=\"hits\" aria-live=\"polite\"></span></div>",
        esc(&t("report-chart-search")),
        esc(&t("report-chart-open-all")),
        esc(&t("report-chart-close-all")),
    );
    let _ = writeln!(h, "<p class=\"sub\">{}</p>", esc(&t("report-chart-legend")));
    let candidates = scenario.candidates();
    let posts_of = posts_by_unit(scenario);
    let dest = destinations(plan);
    let name_of = unit_names(scenario);
    // A commune's chart is open and drawn in the page; at province scale each chart waits in
    // a template until its unit is opened or found, so the page opens quickly.
    let lazy = plan.totals.candidates > super::EAGER_CHART_PEOPLE;
    for (m, mp) in plan.mergers.iter().enumerate() {
        let vac: u64 = mp.vacancies.iter().map(|v| u64::from(v.count)).sum();
        let from: Vec<&str> = mp
            .from
            .iter()
            .map(|u| name_of.get(u.as_str()).copied().unwrap_or(u.as_str()))
            .collect();
        let _ = write!(
            h,
            "<details class=\"unit\"{}><summary>{}</summary>",
            if lazy { "" } else { " open" },
            esc(&tr(
                "report-chart-summary",
                &[
                    ("unit", (&mp.name).into()),
                    ("from", (&from.join(" + ")).into()),
                    ("placed", mp.assignments.len().into()),
                    (
                        "surplus",
                        mp.surplus.iter().filter(|s| !s.retiring).count().into()
                    ),
                    ("vacant", vac.into()),
                ]
            ))
        );
        let svg = merger_svg(scenario, plan, m, &candidates[m], &posts_of, &dest);
        if lazy {
            let _ = write!(h, "<template><div class=\"chart\">{svg}</div></template>");
        } else {
            let _ = write!(h, "<div class=\"chart\">{svg}</div>");
        }
        h.push_str("</details>\n");
    }
    h.push_str("</section>\n");
}

fn allocation(h: &mut String, scenario: &Scenario, plan: &Plan, why: &Why) {
    page::section_start(h, "allocation", &t("report-alloc"));
    let rule_of: HashMap<(&str, &str), usize> = scenario
        .rules
        .iter()
        .filter_map(|r| match &r.rule {
            Rule::Pin {
                staff,
                post: (m, i),
            } => Some((
                (
                    scenario.model.staff[*staff].id.as_str(),
                    scenario.mergers[*m].posts[*i].id.as_str(),
                ),
                r.number,
            )),
            _ => None,
        })
        .collect();
    let mut table = LazyTable::new(
        "allocation-table",
        t("report-alloc-caption"),
        vec![
            Col::text(t("report-col-unit")),
            Col::text(t("report-col-post")),
            Col::text(t("report-col-person")),
            Col::text(t("report-col-id")),
            Col::text(t("report-col-old-post")),
            Col::num(t("report-col-fit")),
            Col::plain(t("report-col-fit-terms")),
            Col::plain(t("report-col-runners")),
        ],
    );
    table.row_header = Some(2);
    let title_of = old_titles(scenario);
    for m in &plan.mergers {
        for a in &m.assignments {
            let f = &a.fit_terms;
            let mut terms = format!(
                "{} + {} + {} + {}",
                f.continuity, f.preferred, f.seniority, f.local
            );
            if let Some(n) = rule_of.get(&(a.staff.as_str(), a.position.as_str())) {
                terms.push_str("; ");
                terms.push_str(&tr("report-rule-held", &[("n", (*n).into())]));
            }
            let pr = &plan.problem;
            let runners_up = indices(scenario, plan, &a.staff, &a.position)
                .and_then(|(c, x)| why.eligible.get(&x).map(|list| (c, x, list)))
                .map(|(c, x, list)| {
                    list.iter()
                        .filter(|&&(_, o)| o != c && plan.assign[o] != Some(x))
                        .take(RUNNERS_UP)
                        .map(|&(fit, o)| {
                            format!(
                                "{} ({}, {})",
                                pr.staff_id(scenario, o),
                                fit,
                                plan.assign[o]
                                    .map(|y| pr.post_id(scenario, y))
                                    .unwrap_or_else(|| t("report-runner-surplus"))
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default();
            let old = a
                .previous_position
                .as_deref()
                .map(|p| {
                    title_of
                        .get(p)
                        .map_or(p.to_string(), |t| format!("{t} ({p})"))
                })
                .unwrap_or_default();
            table.rows.push((
                vec![
                    esc(&m.name),
                    esc(&a.title),
                    esc(&a.name),
                    esc(&a.staff),
                    esc(&old),
                    int(a.fit.into()),
                    esc(&terms),
                    esc(&runners_up),
                ],
                vec![
                    Key::Text(m.name.clone()),
                    Key::Text(a.title.clone()),
                    Key::Text(a.name.clone()),
                    Key::Text(a.staff.clone()),
                    Key::Text(old),
                    Key::Num(a.fit.into()),
                    Key::Num(0),
                    Key::Num(0),
                ],
            ));
        }
    }
    if plan.mergers.len() == 1 {
        table.drop_col(0);
    }
    if table.rows.len() > page::FIRST_PAGE {
        let _ = writeln!(
            h,
            "<p class=\"sub\">{}</p>",
            esc(&tr(
                "report-alloc-note",
                &[("first", page::FIRST_PAGE.into())]
            ))
        );
    }
    h.push_str(&table.render());
    h.push_str("</section>\n");
}

fn old_titles(scenario: &Scenario) -> HashMap<&str, &str> {
    scenario
        .model
        .positions
        .iter()
        .map(|p| (p.id.as_str(), p.title.as_str()))
        .collect()
}

fn package_word(k: PackageKind) -> String {
    t(match k {
        PackageKind::Retire => "report-package-retire",
        PackageKind::EarlyRetirement => "report-package-early",
        PackageKind::Quit => "report-package-quit",
        PackageKind::None => "report-package-none",
    })
}

fn ineligible_word(why: &Ineligible) -> String {
    match why {
        Ineligible::MissingQualifications(tags) => {
            tr("report-inel-qual", &[("tags", (&tags.join(", ")).into())])
        }
        Ineligible::Gender(Gender::Female) => t("report-inel-gender-female"),
        Ineligible::Gender(Gender::Male) => t("report-inel-gender-male"),
        Ineligible::NotLeadership => t("report-inel-leadership"),
        Ineligible::Forbidden(n) => tr("report-inel-forbidden", &[("n", (*n).into())]),
        Ineligible::Retired => t("report-inel-retired"),
        Ineligible::OtherMerger => String::new(),
    }
}

/// The problem's candidate and post indices of a person and a new post.
fn indices(scenario: &Scenario, plan: &Plan, staff: &str, post: &str) -> Option<(usize, usize)> {
    let s = scenario.model.staff_member(staff)?;
    let c = *plan.problem.by_staff.get(&s)?;
    let x = *plan.problem.by_post.get(&scenario.post(post)?)?;
    Some((c, x))
}

fn surplus(h: &mut String, scenario: &Scenario, plan: &Plan, why: &Why, opts: &Options) {
    page::section_start(h, "surplus", &t("report-surplus-title"));
    let title_of = old_titles(scenario);
    let mut table = LazyTable::new(
        "surplus-table",
        t("report-surplus-caption"),
        vec![
            Col::text(t("report-col-unit")),
            Col::text(t("report-col-person")),
            Col::text(t("report-col-id")),
            Col::text(t("report-col-old-post")),
            Col::text(t("report-col-package")),
            Col::num(t("report-col-months")),
            Col::num(t("report-col-insured")),
            Col::num(t("report-col-salary")),
            Col::num(t("report-col-cost")),
            Col::plain(t("report-col-working")),
        ],
    );
    table.row_header = Some(1);
    for m in &plan.mergers {
        for s in &m.surplus {
            let d = &s.detail;
            let mut w = String::new();
            let _ = write!(
                w,
                "<details class=\"working\"><summary>{}</summary>",
                esc(&t("report-working")),
            );
            match opts.package_text {
                // The law's words are made where every command makes them.
                Some(words) => {
                    for line in words(d).lines().filter(|l| !l.trim().is_empty()) {
                        let _ = write!(w, "<p>{}</p>", esc(line.trim()));
                    }
                }
                None => {
                    w.push_str("<ol>");
                    for term in &d.terms {
                        let _ = write!(
                            w,
                            "<li>{} = {}</li>",
                            esc(&term.formula),
                            esc(&money(term.value_vnd))
                        );
                    }
                    let _ = write!(
                        w,
                        "</ol><p>{}</p>",
                        esc(&tr(
                            "report-term-total",
                            &[("total", (&money(d.cost_vnd)).into())]
                        ))
                    );
                }
            }
            let pr = &plan.problem;
            if let Some(c) = scenario
                .model
                .staff_member(&s.staff)
                .and_then(|x| pr.by_staff.get(&x).copied())
            {
                let outranked = why.outranked.get(&c).map_or(&[][..], |v| &v[..]);
                let shut = why.shut.get(&c).map_or(&[][..], |v| &v[..]);
                let mut posts: Vec<usize> = outranked.iter().map(|o| o.post).collect();
                posts.dedup();
                let _ = write!(w, "<p><strong>{}:</strong> ", esc(&t("report-why")));
                if outranked.is_empty() {
                    w.push_str(&esc(&t("report-why-none")));
                } else {
                    w.push_str(&esc(&tr(
                        "report-why-outranked",
                        &[("n", posts.len().into())],
                    )));
                }
                w.push_str("</p><ul>");
                for o in outranked.iter().take(WHY_LINES) {
                    let holder = pr.staff_id(scenario, o.holder);
                    let line = match o.tier {
                        Tier::Rule => tr("report-why-rule", &[("holder", (&holder).into())]),
                        Tier::Fit => tr(
                            "report-why-fit",
                            &[
                                ("holder", (&holder).into()),
                                ("theirs", o.theirs.into()),
                                ("mine", o.mine.into()),
                            ],
                        ),
                        Tier::Cost => tr(
                            "report-why-cost",
                            &[
                                ("mine", o.mine.into()),
                                ("person", s.staff.as_str().into()),
                                ("cost", (&money(s.cost_vnd)).into()),
                                ("holder", (&holder).into()),
                                (
                                    "other",
                                    (&money(pr.candidates[o.holder].package.cost_vnd)).into(),
                                ),
                            ],
                        ),
                        Tier::Filled => tr(
                            "report-why-filled",
                            &[
                                ("holder", (&holder).into()),
                                ("theirs", o.theirs.into()),
                                ("mine", o.mine.into()),
                                ("person", s.staff.as_str().into()),
                            ],
                        ),
                    };
                    let _ = write!(
                        w,
                        "<li>{}: {}</li>",
                        esc(&pr.post_id(scenario, o.post)),
                        esc(&line)
                    );
                }
                if outranked.len() > WHY_LINES {
                    let _ = write!(
                        w,
                        "<li>{}</li>",
                        esc(&tr(
                            "report-why-more",
                            &[("n", (outranked.len() - WHY_LINES).into())]
                        ))
                    );
                }
                for (reason, posts) in shut {
                    let ids: Vec<String> = posts.iter().map(|&x| pr.post_id(scenario, x)).collect();
                    let _ = write!(
                        w,
                        "<li>{}</li>",
                        esc(&tr(
                            "report-why-ineligible",
                            &[
                                ("posts", (&ids.join(", ")).into()),
                                ("reason", (&ineligible_word(reason)).into()),
                            ]
                        ))
                    );
                }
                w.push_str("</ul>");
            }
            w.push_str("</details>");
            let old = s
                .previous_position
                .as_deref()
                .map(|p| {
                    title_of
                        .get(p)
                        .map_or(p.to_string(), |t| format!("{t} ({p})"))
                })
                .unwrap_or_default();
            let months = if s.months_to_retirement < 0 {
                tr(
                    "report-months-past",
                    &[("n", s.months_to_retirement.unsigned_abs().into())],
                )
            } else {
                int(s.months_to_retirement.into())
            };
            let package = package_word(d.kind);
            table.rows.push((
                vec![
                    esc(&m.name),
                    esc(&s.name),
                    esc(&s.staff),
                    esc(&old),
                    esc(&package),
                    esc(&months),
                    decimal(d.insured_years, 1),
                    esc(&money(d.monthly_salary_vnd)),
                    esc(&money(s.cost_vnd)),
                    w,
                ],
                vec![
                    Key::Text(m.name.clone()),
                    Key::Text(s.name.clone()),
                    Key::Text(s.staff.clone()),
                    Key::Text(old),
                    Key::Text(package),
                    Key::Num(s.months_to_retirement.into()),
                    Key::Num((d.insured_years * 10.0).round() as i128),
                    Key::Num(d.monthly_salary_vnd.into()),
                    Key::Num(s.cost_vnd.into()),
                    Key::Num(0),
                ],
            ));
        }
    }
    if plan.mergers.len() == 1 {
        table.drop_col(0);
    }
    h.push_str(&table.render());
    h.push_str("</section>\n");
}

fn vacancies(h: &mut String, scenario: &Scenario, plan: &Plan) {
    page::section_start(h, "vacancies", &t("report-vacancy-title"));
    let all: Vec<_> = plan
        .mergers
        .iter()
        .flat_map(|m| m.vacancies.iter().map(move |v| (m, v)))
        .collect();
    if all.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(&t("report-no-vacancies")));
        h.push_str("</section>\n");
        return;
    }
    let p = &plan.problem;
    let mut table = LazyTable::new(
        "vacancy-table",
        t("report-vacancy-caption"),
        vec![
            Col::text(t("report-col-unit")),
            Col::text(t("report-col-post")),
            Col::num(t("report-col-count")),
            Col::plain(t("report-col-reason")),
        ],
    );
    table.row_header = Some(1);
    for (m, v) in all {
        let reason = scenario
            .post(&v.position)
            .and_then(|key| p.by_post.get(&key))
            .map(|&x| {
                let mut eligible = Vec::new();
                let mut counts: Vec<(String, usize)> = Vec::new();
                for c in 0..p.candidates.len() {
                    match p.eligibility(scenario, c, x) {
                        Ok(()) => eligible.push(c),
                        Err(Ineligible::OtherMerger) => {}
                        Err(e) => {
                            let r = ineligible_word(&e);
                            match counts.iter_mut().find(|(t, _)| *t == r) {
                                Some((_, n)) => *n += 1,
                                None => counts.push((r, 1)),
                            }
                        }
                    }
                }
                if eligible.is_empty() {
                    let list: Vec<String> = counts
                        .iter()
                        .map(|(r, n)| {
                            tr(
                                "report-vac-count",
                                &[("n", (*n).into()), ("reason", r.into())],
                            )
                        })
                        .collect();
                    tr(
                        "report-vac-nobody",
                        &[("reasons", (&list.join("; ")).into())],
                    )
                } else {
                    let list: Vec<String> = eligible
                        .iter()
                        .map(|&c| {
                            format!(
                                "{} → {}",
                                p.staff_id(scenario, c),
                                plan.assign[c]
                                    .map(|x| p.post_id(scenario, x))
                                    .unwrap_or_else(|| t("report-runner-surplus"))
                            )
                        })
                        .collect();
                    tr(
                        "report-vac-taken",
                        &[
                            ("n", eligible.len().into()),
                            ("list", (&list.join(", ")).into()),
                        ],
                    )
                }
            })
            .unwrap_or_default();
        table.rows.push((
            vec![
                esc(&m.name),
                format!(
                    "{} <span class=\"sub\">({})</span>",
                    esc(&v.title),
                    esc(&v.position)
                ),
                int(v.count.into()),
                esc(&reason),
            ],
            vec![
                Key::Text(m.name.clone()),
                Key::Text(v.title.clone()),
                Key::Num(v.count.into()),
                Key::Num(0),
            ],
        ));
    }
    if plan.mergers.len() == 1 {
        table.drop_col(0);
    }
    h.push_str(&table.render());
    h.push_str("</section>\n");
}

/// One roadmap year summed over the new units.
struct Year {
    start: chrono::NaiveDate,
    headcount: u64,
    norm: u64,
    over: u64,
    retiring: u64,
    cost: u64,
}

fn roadmap(h: &mut String, plan: &Plan) {
    page::section_start(h, "roadmap", &t("report-roadmap"));
    let _ = writeln!(h, "<p>{}</p>", esc(&t("report-roadmap-intro")));
    let mut years: Vec<Year> = Vec::new();
    for m in &plan.mergers {
        for (i, y) in m.roadmap.years.iter().enumerate() {
            if years.len() <= i {
                years.push(Year {
                    start: y.start,
                    headcount: 0,
                    norm: 0,
                    over: 0,
                    retiring: 0,
                    cost: 0,
                });
            }
            let s = &mut years[i];
            s.start = s.start.min(y.start);
            s.headcount += u64::from(y.headcount_start);
            s.norm += u64::from(y.norm);
            s.over += u64::from(y.surplus_over_norm);
            s.retiring += y.retiring.len() as u64;
            s.cost += y.release_cost_vnd;
        }
    }
    h.push_str(&roadmap_svg(&years));
    let cols = || {
        vec![
            Col::num(t("report-col-year")),
            Col::text(t("report-col-from-date")),
            Col::num(t("report-col-headcount")),
            Col::num(t("report-col-norm")),
            Col::num(t("report-col-over")),
            Col::num(t("report-col-retiring")),
            Col::num(t("report-col-release")),
        ]
    };
    let mut table = LazyTable::new("roadmap-table", t("report-roadmap-caption"), cols());
    table.row_header = Some(0);
    for (i, y) in years.iter().enumerate() {
        table.rows.push((
            vec![
                int(i as i128 + 1),
                date(y.start),
                int(y.headcount.into()),
                int(y.norm.into()),
                int(y.over.into()),
                int(y.retiring.into()),
                esc(&money(y.cost)),
            ],
            vec![
                Key::Num(i as i128 + 1),
                Key::Text(y.start.to_string()),
                Key::Num(y.headcount.into()),
                Key::Num(y.norm.into()),
                Key::Num(y.over.into()),
                Key::Num(y.retiring.into()),
                Key::Num(y.cost.into()),
            ],
        ));
    }
    h.push_str(&table.render());
    if plan.mergers.len() > 1 {
        let mut c = cols();
        c.insert(0, Col::text(t("report-col-unit")));
        let mut per = LazyTable::new("roadmap-units-table", t("report-roadmap-units-caption"), c);
        per.row_header = Some(0);
        for m in &plan.mergers {
            for y in &m.roadmap.years {
                per.rows.push((
                    vec![
                        esc(&m.name),
                        int(y.year.into()),
                        date(y.start),
                        int(y.headcount_start.into()),
                        int(y.norm.into()),
                        int(y.surplus_over_norm.into()),
                        esc(&y.retiring.join(", ")),
                        esc(&money(y.release_cost_vnd)),
                    ],
                    vec![
                        Key::Text(m.name.clone()),
                        Key::Num(y.year.into()),
                        Key::Text(y.start.to_string()),
                        Key::Num(y.headcount_start.into()),
                        Key::Num(y.norm.into()),
                        Key::Num(y.surplus_over_norm.into()),
                        Key::Num(y.retiring.len() as i128),
                        Key::Num(y.release_cost_vnd.into()),
                    ],
                ));
            }
        }
        h.push_str(&per.render());
    }
    h.push_str("</section>\n");
}

/// Bars of the headcount at the start of each year against the norm, with the release cost
/// written under each year.
fn roadmap_svg(years: &[Year]) -> String {
    let (w, ht, left, top, bottom) = (900i64, 330i64, 70i64, 30i64, 70i64);
    let max = years
        .iter()
        .map(|y| y.headcount.max(y.norm))
        .max()
        .unwrap_or(1)
        .max(1);
    let plot_h = ht - top - bottom;
    let scale = |v: u64| top + plot_h - (v as i64 * plot_h) / max as i64;
    let n = years.len().max(1) as i64;
    let slot = (w - left - 20) / n;
    let mut h = String::new();
    let _ = write!(
        h,
        "<div class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {ht}\" width=\"{w}\" height=\"{ht}\" role=\"img\" aria-labelledby=\"roadmap-svg-title\" font-size=\"12\"><title id=\"roadmap-svg-title\">{}</title>",
        esc(&t("report-roadmap-chart"))
    );
    // Axis with four gridlines.
    for k in 0..=4u64 {
        let v = max * k / 4;
        let y = scale(v);
        let _ = write!(
            h,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d5d9de\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#4a4a4a\">{}</text>",
            w - 10,
            left - 6,
            y + 4,
            int(v.into())
        );
    }
    for (i, y) in years.iter().enumerate() {
        let x = left + i as i64 * slot + slot / 4;
        let bw = slot / 2;
        let top_y = scale(y.headcount);
        let _ = write!(
            h,
            "<rect x=\"{x}\" y=\"{top_y}\" width=\"{bw}\" height=\"{}\" fill=\"#0b4f8a\"><title>{}</title></rect><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1b1b1b\" font-weight=\"700\">{}</text>",
            scale(0) - top_y,
            esc(&format!("{}: {}", t("report-legend-headcount"), int(y.headcount.into()))),
            x + bw / 2,
            top_y - 4,
            int(y.headcount.into()),
        );
        let ny = scale(y.norm);
        let _ = write!(
            h,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{ny}\" y2=\"{ny}\" stroke=\"#a01818\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>",
            x - 8,
            x + bw + 8
        );
        let _ = write!(
            h,
            "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#1b1b1b\">{}</text><text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" fill=\"#4a4a4a\" font-size=\"11\">{}</text>",
            ht - bottom + 18,
            esc(&tr("report-year-n", &[("n", (i + 1).into())])),
            ht - bottom + 34,
            esc(&tr("report-billion", &[("n", (&decimal(y.cost as f64 / 1e9, 2)).into())])),
            cx = x + bw / 2,
        );
    }
    let ly = ht - 14;
    let _ = write!(
        h,
        "<rect x=\"{left}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"#0b4f8a\"/><text x=\"{}\" y=\"{ly}\" fill=\"#1b1b1b\">{}</text><line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#a01818\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/><text x=\"{}\" y=\"{ly}\" fill=\"#1b1b1b\">{}</text>",
        ly - 9,
        left + 20,
        esc(&t("report-legend-headcount")),
        left + 200,
        left + 230,
        ly - 4,
        ly - 4,
        left + 236,
        esc(&t("report-legend-norm")),
    );
    h.push_str("</svg></div>\n");
    h
}

fn findings(h: &mut String, scenario: &Scenario) {
    page::section_start(h, "overlaps", &t("report-overlaps"));
    let found = overlaps::compare_scenario(scenario, &overlaps::Options::default());
    if found.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(&t("report-overlaps-none")));
        h.push_str("</section>\n");
        return;
    }
    let count = |c: Change| found.iter().filter(|(_, x)| *x == c).count();
    let (new, gone, kept) = (count(Change::New), count(Change::Gone), count(Change::Kept));
    let _ = writeln!(
        h,
        "<p>{}</p>",
        esc(&tr(
            "report-overlaps-count",
            &[
                ("before", (gone + kept).into()),
                ("after", (new + kept).into()),
                ("new", new.into()),
                ("gone", gone.into()),
            ]
        ))
    );
    let mut table = LazyTable::new(
        "overlaps-table",
        t("report-overlaps-caption"),
        vec![
            Col::text(t("report-col-change")),
            Col::text(t("report-col-severity")),
            Col::text(t("report-col-kind")),
            Col::text(t("report-col-functions")),
            Col::text(t("report-col-units")),
            Col::plain(t("report-col-message")),
        ],
    );
    for (f, c) in &found {
        let (cls, word) = match c {
            Change::New => ("new", t("report-change-new")),
            Change::Gone => ("gone", t("report-change-gone")),
            Change::Kept => ("kept", t("report-change-kept")),
        };
        let sev = t(match f.severity {
            Severity::Error => "report-sev-error",
            Severity::Warning => "report-sev-warning",
            Severity::Info => "report-sev-info",
        });
        let mut where_ = f.units.clone();
        where_.extend(f.positions.iter().cloned());
        table.rows.push((
            vec![
                format!("<span class=\"tag {cls}\">{}</span>", esc(&word)),
                esc(&sev),
                esc(&f.kind.describe()),
                esc(&f.functions.join(", ")),
                esc(&where_.join(", ")),
                esc(&f.message),
            ],
            vec![
                Key::Text(word.clone()),
                Key::Num(f.severity as i128),
                Key::Text(f.kind.describe()),
                Key::Text(f.functions.join(", ")),
                Key::Text(where_.join(", ")),
                Key::Num(0),
            ],
        ));
    }
    h.push_str(&table.render());
    h.push_str("</section>\n");
}

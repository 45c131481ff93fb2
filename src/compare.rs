//! Scenarios side by side (issue 7, SPEC §7 `compare`): each scenario planned (in parallel),
//! then one row per measure that decides a merger — units, population and area against the
//! standard, staff and norm, placed, surplus, vacancies, fit, costs, retirements, overlap
//! findings, women's share — with the best value of each row marked.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::alloc;
use crate::i18n::fmt;
use crate::model::{Gender, Pool, PositionKind, Scenario, UnitKind};
use crate::overlaps::{self, FindingKind};
use crate::watch::Watch;

pub use crate::law::{DECISION_759_AREA_PERCENT, DECISION_759_POPULATION_PERCENT};

/// One cell of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A count (people, units, findings).
    Count(u64),
    /// An amount in đồng.
    Vnd(u64),
    /// A measured quantity shown with `decimals` decimals (km², percent).
    Number { value: f64, decimals: u8 },
    /// An exact fraction, shown as a percentage with one decimal.
    Share { count: u64, of: u64 },
    /// How a new unit stands against a standard.
    Verdict(Verdict),
    /// The scenario has no plan: the measure depends on it.
    Infeasible,
    /// The measure does not apply to this scenario (a new unit it does not create, a standard
    /// its norms do not set).
    NotApplicable,
}

/// How a new unit stands against its standard (or Decision 759).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Below the standard.
    Below,
    /// Meets it.
    Meets,
    /// Fails Decision 759's thresholds.
    Fails,
}

impl Verdict {
    /// The verdict in the reader's language.
    pub fn label(self) -> String {
        match self {
            Verdict::Below => crate::t!("compare-verdict-below"),
            Verdict::Meets => crate::t!("compare-verdict-meets"),
            Verdict::Fails => crate::t!("compare-verdict-fails"),
        }
    }
}

impl Value {
    /// The number the best mark compares, if the value is comparable.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Count(n) | Value::Vnd(n) => Some(n as f64),
            Value::Number { value, .. } => Some(value),
            Value::Share { count, of } if of > 0 => Some(count as f64 / of as f64),
            _ => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Count(n) | Value::Vnd(n) => f.write_str(&fmt::int(*n)),
            Value::Number { value, decimals } => {
                f.write_str(&fmt::decimal(*value, *decimals as usize))
            }
            Value::Share { count, of } if *of > 0 => write!(
                f,
                "{}% ({}/{})",
                fmt::decimal(*count as f64 * 100.0 / *of as f64, 1),
                fmt::int(*count),
                fmt::int(*of)
            ),
            Value::Share { .. } => f.write_str("— (0/0)"),
            Value::Verdict(v) => f.write_str(&v.label()),
            Value::Infeasible => f.write_str(&crate::t!("compare-infeasible")),
            Value::NotApplicable => f.write_str("—"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) | Value::Vnd(n) => s.serialize_u64(*n),
            // As shown: the figures behind a percentage are in the other rows.
            Value::Number { value, decimals } => {
                let f = 10f64.powi(i32::from(*decimals));
                s.serialize_f64((value * f).round() / f)
            }
            Value::Share { count, of } => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("count", count)?;
                m.serialize_entry("of", of)?;
                let pct = (*of > 0).then(|| (*count as f64 * 1000.0 / *of as f64).round() / 10.0);
                m.serialize_entry("percent", &pct)?;
                m.end()
            }
            Value::Verdict(v) => v.serialize(s),
            Value::Infeasible => s.serialize_str("infeasible"),
            Value::NotApplicable => s.serialize_none(),
        }
    }
}

/// Which way a measure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Better {
    More,
    Less,
    /// More is better, but only among like scenarios (the same pool and weights): total fit,
    /// whose points are those weights.
    MoreAmongLike,
    /// Descriptive: no value is better than another.
    Neither,
}

/// Why a measure with a direction has no best value marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotMarked {
    /// The scenarios differ in pool or fit weights: their fit points are not the same scale.
    UnlikeScenarios,
}

impl NotMarked {
    /// The reason in the reader's language.
    pub fn label(self) -> String {
        match self {
            NotMarked::UnlikeScenarios => crate::t!("compare-not-marked-unlike"),
        }
    }
}

/// One measure across the scenarios.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The measure's stable id, the same in every language (see [`measure`]): code and other
    /// tools find a row by it.
    pub id: String,
    /// The measure's name in the reader's language.
    pub measure: String,
    /// The unit of the values (people, đồng, km², %) in the reader's language, if any.
    pub unit: Option<String>,
    /// One value per scenario, in the scenarios' order.
    pub values: Vec<Value>,
    /// The index of the best value by the measure's direction (more placed is better, less
    /// cost is better, …); `None` for descriptive measures, when fewer than two values are
    /// comparable, or when the best value is shared.
    pub best: Option<usize>,
    /// Why no best value is marked although the measure has a direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_marked: Option<NotMarked>,
}

/// Scenarios side by side.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The scenarios' labels, one per column.
    pub scenarios: Vec<String>,
    pub rows: Vec<Row>,
}

impl Comparison {
    /// The row of a measure, by its id (see [`measure`] for the ids other code relies on).
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// The ids of the measures that other code reads (the chart): each is a row's `id`, the same
/// in every language (JSON shows it; the name shown to people comes from the catalogue).
pub mod measure {
    /// The people to place: the staff of the merged units.
    pub const STAFF: &str = "staff";
    /// The posts of the new units (the sum of the quotas).
    pub const NORM: &str = "norm";
    /// The people placed on a post.
    pub const PLACED: &str = "placed";
    /// The people left without a post.
    pub const SURPLUS: &str = "surplus";
    /// The posts left empty.
    pub const VACANCIES: &str = "vacancies";
    /// The total fit of the placements (comparable only among like scenarios).
    pub const TOTAL_FIT: &str = "total-fit";
    /// The packages of every surplus person at the effective date.
    pub const SURPLUS_COST_NOW: &str = "surplus-cost-now";

    /// The cost of releasing the surplus over the norm at the start of roadmap year `year`
    /// (from 1).
    pub fn release_cost(year: usize) -> String {
        format!("release-cost-year-{year}")
    }
}

/// Why there is no comparison.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum CompareError {
    #[error("{}", crate::t!("compare-error-empty"))]
    Empty,
    #[error("{}", crate::t!("compare-error-interrupted"))]
    Interrupted,
}

/// A new unit and its standard.
struct NewUnit {
    id: String,
    name: String,
    kind: UnitKind,
    population: Option<u64>,
    area: Option<f64>,
    standard: Option<(Option<u64>, Option<f64>)>,
}

/// What the plan says, summed over the mergers.
struct PlanFacts {
    candidates: u64,
    norm: u64,
    placed: u64,
    surplus: u64,
    vacancies: u64,
    fit: u64,
    surplus_cost: u64,
    release_by_year: Vec<u64>,
    retiring: u64,
    women: (u64, u64),
}

/// Everything measured on one scenario.
struct Facts {
    units_before: u64,
    dissolved: u64,
    created: u64,
    new_units: Vec<NewUnit>,
    findings_before: BTreeMap<FindingKind, u64>,
    findings_after: BTreeMap<FindingKind, u64>,
    plan: Option<PlanFacts>,
    /// What the fit points depend on: the pool, the weights, and `local` under pool: Scenario.
    fit_scale: (bool, u64, u64, u64, u64),
}

fn facts(s: &Scenario, watch: &Watch) -> Facts {
    let plan = alloc::plan_watched(s, alloc::Backend::Flow, None, watch)
        .ok()
        .map(|p| plan_facts(s, &p));
    let mut dissolved: Vec<usize> = s.mergers.iter().flat_map(|m| m.sources()).collect();
    dissolved.sort_unstable();
    dissolved.dedup();
    let units_before = (0..s.model.units.len())
        .filter(|&u| s.model.is_active(u))
        .count() as u64;
    let new_units = s
        .mergers
        .iter()
        .map(|m| NewUnit {
            id: m.into.id.clone(),
            name: m.into.name.clone(),
            kind: m.into.kind,
            population: m.into.population,
            area: m.into.area_km2,
            standard: s
                .norms
                .iter()
                .flat_map(|n| &n.standards)
                .find(|st| st.unit_kind == m.into.kind)
                .map(|st| (st.min_population, st.min_area_km2)),
        })
        .collect();
    let opts = overlaps::Options::default();
    let count = |fs: Vec<overlaps::Finding>| {
        let mut m = BTreeMap::new();
        for f in fs {
            *m.entry(f.kind).or_insert(0) += 1;
        }
        m
    };
    Facts {
        units_before,
        dissolved: dissolved.len() as u64,
        created: s.mergers.len() as u64,
        new_units,
        findings_before: count(overlaps::detect(&s.model, &opts)),
        findings_after: count(overlaps::detect_scenario(s, &opts)),
        plan,
        fit_scale: {
            let scenario_pool = s.policy.pool == Pool::Scenario;
            (
                scenario_pool,
                s.weights.continuity,
                s.weights.preferred,
                s.weights.seniority,
                if scenario_pool { s.policy.local } else { 0 },
            )
        },
    }
}

fn plan_facts(s: &Scenario, p: &alloc::Plan) -> PlanFacts {
    let years = p
        .mergers
        .iter()
        .map(|m| m.roadmap.years.len())
        .max()
        .unwrap_or(0);
    let mut release_by_year = vec![0u64; years];
    let mut retiring = std::collections::BTreeSet::new();
    let (mut women, mut leaders) = (0u64, 0u64);
    for m in &p.mergers {
        for (i, y) in m.roadmap.years.iter().enumerate() {
            release_by_year[i] += y.release_cost_vnd;
            retiring.extend(y.retiring.iter().cloned());
        }
        for a in &m.assignments {
            let Some((mi, pi)) = s.post(&a.position) else {
                continue;
            };
            if matches!(
                s.mergers[mi].posts[pi].kind,
                PositionKind::Leader | PositionKind::Cadre
            ) {
                leaders += 1;
                let female = s
                    .model
                    .staff_member(&a.staff)
                    .is_some_and(|x| s.model.staff[x].gender == Gender::Female);
                women += u64::from(female);
            }
        }
    }
    PlanFacts {
        candidates: p.totals.candidates as u64,
        norm: p.mergers.iter().map(|m| u64::from(m.norm)).sum(),
        placed: p.totals.assigned as u64,
        surplus: p.totals.surplus as u64,
        vacancies: p.totals.vacancies,
        fit: p.totals.fit,
        surplus_cost: p.totals.surplus_cost_vnd,
        release_by_year,
        retiring: retiring.len() as u64,
        women: (women, leaders),
    }
}

/// How a new unit stands against its standard: (below the standard, fails Decision 759 —
/// `None` when the rule does not apply or a figure is missing).
fn verdicts(u: &NewUnit) -> (Option<bool>, Option<bool>) {
    let Some((min_pop, min_area)) = u.standard else {
        return (None, None);
    };
    let below = match (u.population, min_pop, u.area, min_area) {
        (Some(p), Some(mp), _, _) if p < mp => Some(true),
        (_, _, Some(a), Some(ma)) if a < ma => Some(true),
        (None, Some(_), _, _) | (_, _, None, Some(_)) => None,
        _ => Some(false),
    };
    let fails_759 = if u.kind == UnitKind::Commune {
        match (u.population, min_pop, u.area, min_area) {
            (Some(p), Some(mp), Some(a), Some(ma)) => Some(
                p * 100 < mp * DECISION_759_POPULATION_PERCENT
                    || a * 100.0 < ma * DECISION_759_AREA_PERCENT as f64,
            ),
            _ => None,
        }
    } else {
        None
    };
    (below, fails_759)
}

/// Plans every scenario (in parallel) and sets their measures side by side, in the input
/// order. A scenario without a plan gets `infeasible` in every measure that needs one.
///
/// ```
/// use orgplan::compare::compare;
/// use orgplan::model::load_scenario;
///
/// let load = |f: &str| (f.to_string(), load_scenario(f.as_ref()).unwrap().value);
/// let c = compare(&[load("scenarios/hong-phu.ron"), load("scenarios/hoa-phu.ron")]).unwrap();
/// let surplus = c.rows.iter().find(|r| r.id == "surplus").unwrap();
/// assert_eq!(surplus.best, Some(1)); // 16 surplus in Hòa Phú against 19 in Hồng Phú
/// ```
pub fn compare(scenarios: &[(String, Scenario)]) -> Result<Comparison, CompareError> {
    compare_watched(scenarios, &Watch::default())
}

/// [`compare`], reporting each planned scenario to `watch`; when the watch is asked to stop,
/// the scenarios not yet planned are skipped and the result is [`CompareError::Interrupted`].
pub fn compare_watched(
    scenarios: &[(String, Scenario)],
    watch: &Watch,
) -> Result<Comparison, CompareError> {
    if scenarios.is_empty() {
        return Err(CompareError::Empty);
    }
    watch.start(scenarios.len() as u64, crate::watch::Stage::Scenarios);
    let inner = watch.quiet();
    let facts: Option<Vec<Facts>> = scenarios
        .par_iter()
        .map(|(_, s)| {
            // A stopped run skips what is left.
            let f = (!watch.stopped()).then(|| facts(s, &inner));
            watch.advance(1);
            f
        })
        .collect();
    let facts = match facts {
        Some(f) if !watch.stopped() => f,
        _ => return Err(CompareError::Interrupted),
    };
    let mut rows = Vec::new();
    let alike = facts.windows(2).all(|w| w[0].fit_scale == w[1].fit_scale);
    // A measure: its id, and its name from the catalogue key `compare-m-<id>`.
    let m = |id: &str| (id.to_string(), crate::t!(&format!("compare-m-{id}")));
    let mut push = |(id, measure): (String, String),
                    unit: Option<&str>,
                    better: Better,
                    values: Vec<Value>| {
        let (better, not_marked) = match better {
            Better::MoreAmongLike if alike => (Better::More, None),
            Better::MoreAmongLike => {
                let comparable = values.iter().filter(|v| v.as_f64().is_some()).count();
                (
                    Better::Neither,
                    (comparable >= 2).then_some(NotMarked::UnlikeScenarios),
                )
            }
            b => (b, None),
        };
        let best = best(&values, better);
        rows.push(Row {
            id,
            measure,
            unit: unit.map(|u| crate::t!(&format!("compare-unit-{u}"))),
            values,
            best,
            not_marked,
        });
    };
    let all = |f: &dyn Fn(&Facts) -> Value| facts.iter().map(f).collect::<Vec<_>>();
    let planned = |f: &dyn Fn(&PlanFacts) -> Value| {
        facts
            .iter()
            .map(|x| x.plan.as_ref().map_or(Value::Infeasible, f))
            .collect::<Vec<_>>()
    };
    let n = Better::Neither;
    push(
        m("units-before"),
        Some("units"),
        n,
        all(&|f| Value::Count(f.units_before)),
    );
    push(
        m("units-after"),
        Some("units"),
        n,
        all(&|f| Value::Count(f.units_before - f.dissolved + f.created)),
    );
    push(
        m("units-dissolved"),
        Some("units"),
        n,
        all(&|f| Value::Count(f.dissolved)),
    );
    push(
        m("units-created"),
        Some("units"),
        n,
        all(&|f| Value::Count(f.created)),
    );

    // New units, by id in order of first appearance.
    let mut ids: Vec<(String, String)> = Vec::new();
    for f in &facts {
        for u in &f.new_units {
            if !ids.iter().any(|(id, _)| *id == u.id) {
                ids.push((u.id.clone(), u.name.clone()));
            }
        }
    }
    for (id, name) in &ids {
        let of = |f: &dyn Fn(&NewUnit) -> Value| {
            facts
                .iter()
                .map(|x| {
                    x.new_units
                        .iter()
                        .find(|u| u.id == *id)
                        .map_or(Value::NotApplicable, f)
                })
                .collect::<Vec<_>>()
        };
        let opt_count = |v: Option<u64>| v.map_or(Value::NotApplicable, Value::Count);
        let pct = |v: Option<f64>, std: Option<f64>| match (v, std) {
            (Some(v), Some(s)) if s > 0.0 => Value::Number {
                value: v * 100.0 / s,
                decimals: 1,
            },
            _ => Value::NotApplicable,
        };
        let unit = format!("{name} ({id})");
        let per_unit = |what: &str| {
            (
                format!("{what}:{id}"),
                crate::t!(&format!("compare-m-{what}"), unit = unit.as_str()),
            )
        };
        push(
            per_unit("population"),
            Some("people"),
            n,
            of(&|u| opt_count(u.population)),
        );
        push(
            per_unit("population-vs-standard"),
            Some("percent"),
            n,
            of(&|u| {
                pct(
                    u.population.map(|p| p as f64),
                    u.standard.and_then(|s| s.0).map(|p| p as f64),
                )
            }),
        );
        push(
            per_unit("area"),
            Some("km2"),
            n,
            of(&|u| {
                u.area.map_or(Value::NotApplicable, |a| Value::Number {
                    value: a,
                    decimals: 2,
                })
            }),
        );
        push(
            per_unit("area-vs-standard"),
            Some("percent"),
            n,
            of(&|u| pct(u.area, u.standard.and_then(|s| s.1))),
        );
        let word = |b: Option<bool>, yes: Verdict| {
            b.map_or(Value::NotApplicable, |b| {
                Value::Verdict(if b { yes } else { Verdict::Meets })
            })
        };
        push(
            per_unit("below-standard"),
            None,
            n,
            of(&|u| word(verdicts(u).0, Verdict::Below)),
        );
        push(
            (
                format!("decision-759:{id}"),
                crate::t!(
                    "compare-m-decision-759",
                    population = DECISION_759_POPULATION_PERCENT,
                    area = DECISION_759_AREA_PERCENT,
                    unit = unit.as_str()
                ),
            ),
            None,
            n,
            of(&|u| word(verdicts(u).1, Verdict::Fails)),
        );
    }
    let count_where = |f: &Facts, which: fn(&NewUnit) -> Option<bool>| {
        Value::Count(
            f.new_units
                .iter()
                .filter(|u| which(u) == Some(true))
                .count() as u64,
        )
    };
    push(
        m("new-units-below-standard"),
        Some("units"),
        Better::Less,
        all(&|f| count_where(f, |u| verdicts(u).0)),
    );
    push(
        m("new-communes-failing-759"),
        Some("units"),
        Better::Less,
        all(&|f| count_where(f, |u| verdicts(u).1)),
    );

    push(
        m(measure::STAFF),
        Some("people"),
        n,
        planned(&|p| Value::Count(p.candidates)),
    );
    push(
        m(measure::NORM),
        Some("posts"),
        n,
        planned(&|p| Value::Count(p.norm)),
    );
    push(
        m(measure::PLACED),
        Some("people"),
        Better::More,
        planned(&|p| Value::Count(p.placed)),
    );
    push(
        m(measure::SURPLUS),
        Some("people"),
        Better::Less,
        planned(&|p| Value::Count(p.surplus)),
    );
    push(
        m(measure::VACANCIES),
        Some("posts"),
        Better::Less,
        planned(&|p| Value::Count(p.vacancies)),
    );
    // The same in proportion: scenarios of different sizes compare fairly on these.
    push(
        m("surplus-share"),
        Some("percent"),
        Better::Less,
        planned(&|p| Value::Share {
            count: p.surplus,
            of: p.candidates,
        }),
    );
    push(
        m("posts-filled"),
        Some("percent"),
        Better::More,
        planned(&|p| Value::Share {
            count: p.placed,
            of: p.norm,
        }),
    );
    push(
        m("cost-per-surplus"),
        Some("dong"),
        Better::Less,
        // Rounded to the nearest đồng; no surplus, no average.
        planned(&|p| {
            (p.surplus_cost + p.surplus / 2)
                .checked_div(p.surplus)
                .map_or(Value::NotApplicable, Value::Vnd)
        }),
    );
    push(
        m(measure::TOTAL_FIT),
        Some("points"),
        Better::MoreAmongLike,
        planned(&|p| Value::Count(p.fit)),
    );
    push(
        m(measure::SURPLUS_COST_NOW),
        Some("dong"),
        Better::Less,
        planned(&|p| Value::Vnd(p.surplus_cost)),
    );
    let years = facts
        .iter()
        .filter_map(|f| f.plan.as_ref().map(|p| p.release_by_year.len()))
        .max()
        .unwrap_or(0);
    for y in 0..years {
        push(
            (
                measure::release_cost(y + 1),
                crate::t!("compare-m-release-cost", year = y + 1),
            ),
            Some("dong"),
            Better::Less,
            planned(&|p| {
                p.release_by_year
                    .get(y)
                    .map_or(Value::NotApplicable, |c| Value::Vnd(*c))
            }),
        );
    }
    push(
        m("retiring"),
        Some("people"),
        n,
        planned(&|p| Value::Count(p.retiring)),
    );
    for kind in FindingKind::ALL {
        let any = facts
            .iter()
            .any(|f| f.findings_before.contains_key(&kind) || f.findings_after.contains_key(&kind));
        if !any {
            continue;
        }
        let get = |m: &BTreeMap<FindingKind, u64>| Value::Count(m.get(&kind).copied().unwrap_or(0));
        push(
            (
                format!("findings-before:{}", kind.as_str()),
                crate::t!("compare-m-findings-before", kind = kind.label()),
            ),
            Some("findings"),
            n,
            all(&|f| get(&f.findings_before)),
        );
        push(
            (
                format!("findings-after:{}", kind.as_str()),
                crate::t!("compare-m-findings-after", kind = kind.label()),
            ),
            Some("findings"),
            Better::Less,
            all(&|f| get(&f.findings_after)),
        );
    }
    push(
        m("women-leaders"),
        Some("percent"),
        Better::More,
        planned(&|p| Value::Share {
            count: p.women.0,
            of: p.women.1,
        }),
    );
    Ok(Comparison {
        scenarios: scenarios.iter().map(|(l, _)| l.clone()).collect(),
        rows,
    })
}

/// The index of the single best comparable value, if at least two are comparable.
fn best(values: &[Value], better: Better) -> Option<usize> {
    if matches!(better, Better::Neither | Better::MoreAmongLike) {
        return None;
    }
    let nums: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_f64().map(|x| (i, x)))
        .collect();
    if nums.len() < 2 {
        return None;
    }
    let pick = |a: f64, b: f64| match better {
        Better::More | Better::MoreAmongLike => a > b,
        _ => a < b,
    };
    let mut top = nums[0];
    for &(i, x) in &nums[1..] {
        if pick(x, top.1) {
            top = (i, x);
        }
    }
    let shared = nums.iter().filter(|(_, x)| *x == top.1).count() > 1;
    (!shared).then_some(top.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_follows_the_direction_and_skips_ties_and_infeasible() {
        let v = vec![Value::Count(3), Value::Infeasible, Value::Count(5)];
        assert_eq!(best(&v, Better::More), Some(2));
        assert_eq!(best(&v, Better::Less), Some(0));
        assert_eq!(best(&v, Better::Neither), None);
        let tie = vec![Value::Count(0), Value::Count(0), Value::Count(4)];
        assert_eq!(best(&tie, Better::Less), None);
        assert_eq!(
            best(&[Value::Count(1), Value::Infeasible], Better::More),
            None
        );
    }

    #[test]
    fn shares_show_one_decimal() {
        // The unit tests run in the default language (Vietnamese): a decimal comma.
        assert_eq!(Value::Share { count: 1, of: 3 }.to_string(), "33,3% (1/3)");
    }
}

/// A scenario parameter that a sweep varies (`--vary NAME=v1,v2,…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// `policy.transition_years`.
    TransitionYears,
    /// `policy.base_salary_vnd`.
    BaseSalary,
    /// `policy.local`.
    Local,
    /// `weights.continuity`.
    Continuity,
    /// `weights.preferred`.
    Preferred,
    /// `weights.seniority`.
    Seniority,
}

impl Param {
    const NAMES: [(&'static str, Param); 6] = [
        ("policy.transition_years", Param::TransitionYears),
        ("policy.base_salary_vnd", Param::BaseSalary),
        ("policy.local", Param::Local),
        ("weights.continuity", Param::Continuity),
        ("weights.preferred", Param::Preferred),
        ("weights.seniority", Param::Seniority),
    ];

    /// The name as written after `--vary`.
    pub fn name(self) -> &'static str {
        Param::NAMES
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("?", |(n, _)| n)
    }

    fn set(self, s: &mut Scenario, v: u64) {
        match self {
            Param::TransitionYears => {
                s.policy.transition_years = u32::try_from(v).unwrap_or(u32::MAX)
            }
            Param::BaseSalary => s.policy.base_salary_vnd = Some(v),
            Param::Local => s.policy.local = v,
            Param::Continuity => s.weights.continuity = v,
            Param::Preferred => s.weights.preferred = v,
            Param::Seniority => s.weights.seniority = v,
        }
    }
}

/// Parses `policy.transition_years=3,5` into the parameter and its values.
pub fn parse_vary(spec: &str) -> Result<(Param, Vec<u64>), String> {
    let (name, values) = spec
        .split_once('=')
        .ok_or_else(|| crate::t!("compare-vary-no-equals", spec = spec))?;
    let param = Param::NAMES
        .iter()
        .find(|(n, _)| *n == name.trim())
        .map(|(_, p)| *p)
        .ok_or_else(|| {
            let names: Vec<&str> = Param::NAMES.iter().map(|(n, _)| *n).collect();
            crate::t!(
                "compare-vary-unknown",
                name = name.trim(),
                names = names.join(", ")
            )
        })?;
    let values = values
        .split(',')
        .map(|v| {
            v.trim()
                .parse::<u64>()
                .map_err(|_| crate::t!("compare-vary-not-number", value = v.trim(), spec = spec))
        })
        .collect::<Result<Vec<u64>, String>>()?;
    if values.is_empty() {
        return Err(crate::t!("compare-vary-no-values", spec = spec));
    }
    Ok((param, values))
}

/// Every combination of the varied values applied to a copy of the scenario (the first
/// parameter varies slowest), each labelled `name=value, …`.
pub fn sweep(base: &Scenario, varies: &[(Param, Vec<u64>)]) -> Vec<(String, Scenario)> {
    let mut grid: Vec<(Vec<String>, Scenario)> = vec![(Vec::new(), base.clone())];
    for (param, values) in varies {
        grid = grid
            .into_iter()
            .flat_map(|(label, s)| {
                values.iter().map(move |&v| {
                    let mut s = s.clone();
                    param.set(&mut s, v);
                    let mut label = label.clone();
                    let short = param.name().rsplit('.').next().unwrap_or("");
                    label.push(format!("{short}={v}"));
                    (label, s)
                })
            })
            .collect();
    }
    grid.into_iter().map(|(l, s)| (l.join(", "), s)).collect()
}

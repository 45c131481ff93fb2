//! Why the plan is what it is (SPEC §5.6): for each placement its fit terms and the
//! runners-up for the post; for each surplus person why they got no post (a requirement they
//! lack, or who outranks them on which tier of the objective); for each vacancy why it is
//! empty.

use std::collections::HashMap;

use serde::Serialize;

use super::problem::Ineligible;
use super::{FitTerms, Plan};
use crate::model::Scenario;

/// How many runners-up are named for a post.
pub const RUNNERS_UP: usize = 3;

/// Every explanation of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct Explanations {
    pub placements: Vec<PlacementWhy>,
    pub surplus: Vec<SurplusWhy>,
    pub vacancies: Vec<VacancyWhy>,
}

/// Why a person holds a post.
#[derive(Debug, Clone, Serialize)]
pub struct PlacementWhy {
    pub staff: String,
    pub position: String,
    pub fit: u64,
    pub fit_terms: FitTerms,
    /// The rule that put them there, if any (e.g. "rule 1 (Pin)").
    pub rule: Option<String>,
    /// The best other eligible candidates for the post, with their fit and where they went.
    pub runners_up: Vec<RunnerUp>,
}

/// Another candidate for a post.
#[derive(Debug, Clone, Serialize)]
pub struct RunnerUp {
    pub staff: String,
    pub fit: u64,
    /// Their post in the plan, or none (surplus).
    pub placed_in: Option<String>,
}

/// Why a person got no post.
#[derive(Debug, Clone, Serialize)]
pub struct SurplusWhy {
    pub staff: String,
    /// One line in words.
    pub summary: String,
    /// Posts they may not take, grouped by the reason.
    pub ineligible: Vec<IneligibleFor>,
    /// Posts they may take, and who holds each instead, on which tier of the objective.
    pub outranked: Vec<Outranked>,
}

/// A reason and the posts it shuts.
#[derive(Debug, Clone, Serialize)]
pub struct IneligibleFor {
    pub reason: String,
    pub positions: Vec<String>,
}

/// A post open to a surplus person, held by others.
#[derive(Debug, Clone, Serialize)]
pub struct Outranked {
    pub position: String,
    /// The person's fit for the post.
    pub fit: u64,
    /// Each holder and why the holder is preferred.
    pub holders: Vec<Preferred>,
}

/// A holder preferred to a surplus person, and the tier of the objective that decides.
#[derive(Debug, Clone, Serialize)]
pub struct Preferred {
    pub staff: String,
    pub fit: u64,
    /// "rule", "fit", "cost" or "posts filled".
    pub tier: &'static str,
    pub reason: String,
}

/// Why a post is (partly) empty.
#[derive(Debug, Clone, Serialize)]
pub struct VacancyWhy {
    pub position: String,
    pub count: u32,
    pub reason: String,
}

/// Explains a plan of a scenario.
pub fn explain(scenario: &Scenario, plan: &Plan) -> Explanations {
    let p = &plan.problem;
    let id = |c: usize| p.staff_id(scenario, c);
    let post_id = |x: usize| p.post_id(scenario, x);
    let comp = |c: usize| -> Vec<usize> {
        // The posts a candidate competes for (eligible or not): their merger's, or all.
        (0..p.posts.len())
            .filter(|&x| {
                p.pool == crate::model::Pool::Scenario || p.candidates[c].takes(p.posts[x].merger)
            })
            .collect()
    };
    let mut holders: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, a) in plan.assign.iter().enumerate() {
        if let Some(x) = *a {
            holders.entry(x).or_default().push(c);
        }
    }
    let rule_of = |c: usize, x: usize| -> Option<String> {
        p.pins
            .iter()
            .find(|&&(pc, px, _)| pc == c && px == x)
            .map(|&(_, _, r)| format!("rule {r} (Pin)"))
            .or_else(|| {
                p.keeps
                    .iter()
                    .find(|&&(kc, _)| kc == c)
                    .map(|&(_, r)| format!("rule {r} (Keep)"))
            })
    };
    // Candidates eligible for each post, best fit first.
    let mut eligible_for: HashMap<usize, Vec<(u64, usize)>> = HashMap::new();
    for c in 0..p.candidates.len() {
        for x in comp(c) {
            if p.eligible(scenario, c, x) {
                eligible_for
                    .entry(x)
                    .or_default()
                    .push((p.fit(scenario, c, x).total(), c));
            }
        }
    }
    for v in eligible_for.values_mut() {
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    let where_is = |c: usize| plan.assign[c].map(post_id);

    let mut placements = Vec::new();
    for (c, a) in plan.assign.iter().enumerate() {
        let Some(x) = *a else { continue };
        let fit = p.fit(scenario, c, x);
        let runners_up = eligible_for
            .get(&x)
            .map(|v| {
                v.iter()
                    .filter(|&&(_, o)| o != c && !holders[&x].contains(&o))
                    .take(RUNNERS_UP)
                    .map(|&(f, o)| RunnerUp {
                        staff: id(o),
                        fit: f,
                        placed_in: where_is(o),
                    })
                    .collect()
            })
            .unwrap_or_default();
        placements.push(PlacementWhy {
            staff: id(c),
            position: post_id(x),
            fit: fit.total(),
            fit_terms: fit.into(),
            rule: rule_of(c, x),
            runners_up,
        });
    }

    let mut surplus = Vec::new();
    for c in 0..p.candidates.len() {
        if plan.assign[c].is_some() {
            continue;
        }
        let mut ineligible: Vec<IneligibleFor> = Vec::new();
        let mut outranked = Vec::new();
        for x in comp(c) {
            match p.eligibility(scenario, c, x) {
                Err(Ineligible::OtherMerger) => {}
                Err(why) => {
                    let reason = p.describe_ineligible(&why);
                    match ineligible.iter_mut().find(|i| i.reason == reason) {
                        Some(i) => i.positions.push(post_id(x)),
                        None => ineligible.push(IneligibleFor {
                            reason,
                            positions: vec![post_id(x)],
                        }),
                    }
                }
                Ok(()) => {
                    let mine = p.fit(scenario, c, x).total();
                    let cost = p.candidates[c].package.cost_vnd;
                    let hs = holders.get(&x).cloned().unwrap_or_default();
                    let preferred = hs
                        .iter()
                        .map(|&h| {
                            let theirs = p.fit(scenario, h, x).total();
                            let hcost = p.candidates[h].package.cost_vnd;
                            let (tier, reason) = if let Some(r) = rule_of(h, x) {
                                ("rule", format!("{} holds it by {r}", id(h)))
                            } else if theirs > mine {
                                ("fit", format!("{} fits better: {theirs} against {mine}", id(h)))
                            } else if theirs == mine {
                                (
                                    "cost",
                                    format!(
                                        "equal fit {mine}; releasing {} costs {} đồng, releasing {} would cost {}",
                                        id(c),
                                        crate::report::vnd(cost),
                                        id(h),
                                        crate::report::vnd(hcost)
                                    ),
                                )
                            } else {
                                (
                                    "posts filled",
                                    format!(
                                        "{} fits worse ({theirs} against {mine}) but no other arrangement fills as many posts (or meets the MinShare rules) with {} in it",
                                        id(h),
                                        id(c)
                                    ),
                                )
                            };
                            Preferred {
                                staff: id(h),
                                fit: theirs,
                                tier,
                                reason,
                            }
                        })
                        .collect();
                    outranked.push(Outranked {
                        position: post_id(x),
                        fit: mine,
                        holders: preferred,
                    });
                }
            }
        }
        let summary = if outranked.is_empty() {
            format!(
                "{} may take none of the new posts: {}",
                id(c),
                ineligible
                    .iter()
                    .map(|i| format!("{} ({})", i.reason, i.positions.join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ")
            )
        } else {
            let tiers: Vec<&str> = outranked
                .iter()
                .flat_map(|o| o.holders.iter().map(|h| h.tier))
                .collect();
            let mut uniq: Vec<&str> = Vec::new();
            for t in tiers {
                if !uniq.contains(&t) {
                    uniq.push(t);
                }
            }
            format!(
                "{} may take {} post(s), all held by people preferred on: {}",
                id(c),
                outranked.len(),
                uniq.join(", ")
            )
        };
        surplus.push(SurplusWhy {
            staff: id(c),
            summary,
            ineligible,
            outranked,
        });
    }

    let mut vacancies = Vec::new();
    for m in &plan.mergers {
        for v in &m.vacancies {
            let Some(key) = scenario.post(&v.position) else {
                continue;
            };
            let Some(&x) = p.by_post.get(&key) else {
                continue;
            };
            let reason = match eligible_for.get(&x) {
                None => {
                    // Why nobody: the reasons of the candidates of the post's merger.
                    let mut counts: Vec<(String, usize)> = Vec::new();
                    for c in 0..p.candidates.len() {
                        if let Err(why) = p.eligibility(scenario, c, x) {
                            if why == Ineligible::OtherMerger {
                                continue;
                            }
                            let r = p.describe_ineligible(&why);
                            match counts.iter_mut().find(|(t, _)| *t == r) {
                                Some((_, n)) => *n += 1,
                                None => counts.push((r, 1)),
                            }
                        }
                    }
                    format!(
                        "no candidate may take it: {}",
                        counts
                            .iter()
                            .map(|(r, n)| format!("{n} {r}"))
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                }
                Some(list) => format!(
                    "its {} eligible candidate(s) hold other posts: {}",
                    list.len(),
                    list.iter()
                        .map(|&(_, c)| format!(
                            "{} → {}",
                            id(c),
                            where_is(c).unwrap_or_else(|| "surplus".into())
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            vacancies.push(VacancyWhy {
                position: v.position.clone(),
                count: v.count,
                reason,
            });
        }
    }
    Explanations {
        placements,
        surplus,
        vacancies,
    }
}

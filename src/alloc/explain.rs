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

/// A rule of the scenario that decides a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleRef {
    /// The rule's number in the scenario's `rules` (from 1).
    pub number: usize,
    /// Which kind of rule.
    pub kind: RuleKind,
}

/// The kinds of rule that put a person on a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RuleKind {
    /// `Pin`: this person on this post.
    Pin,
    /// `Keep`: this person on some post.
    Keep,
}

/// Why a person holds a post.
#[derive(Debug, Clone, Serialize)]
pub struct PlacementWhy {
    pub staff: String,
    pub position: String,
    pub fit: u64,
    pub fit_terms: FitTerms,
    /// The rule that put them there, if any.
    pub rule: Option<RuleRef>,
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
    /// What releasing this person costs (their package), in đồng.
    pub cost_vnd: u64,
    /// Posts they may not take, grouped by the reason.
    pub ineligible: Vec<IneligibleFor>,
    /// Posts they may take, and who holds each instead, on which tier of the objective.
    pub outranked: Vec<Outranked>,
}

impl SurplusWhy {
    /// The tiers of the objective that decide against the person, each once, in the order
    /// first met.
    pub fn tiers(&self) -> Vec<Tier> {
        let mut out: Vec<Tier> = Vec::new();
        for h in self.outranked.iter().flat_map(|o| &o.holders) {
            if !out.contains(&h.tier) {
                out.push(h.tier);
            }
        }
        out
    }
}

/// A reason and the posts it shuts.
#[derive(Debug, Clone, Serialize)]
pub struct IneligibleFor {
    pub reason: Ineligible,
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

/// The tier of the lexicographic objective (SPEC §5.4) on which a holder is preferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Tier {
    /// A Pin or Keep rule puts the holder there.
    #[serde(rename = "rule")]
    Rule,
    /// The holder's fit is higher.
    #[serde(rename = "fit")]
    Fit,
    /// Equal fit; releasing the surplus person costs less.
    #[serde(rename = "cost")]
    Cost,
    /// The holder fits worse, but no arrangement with the surplus person in the post fills as
    /// many posts (or meets the MinShare rules).
    #[serde(rename = "posts filled")]
    PostsFilled,
}

/// A holder preferred to a surplus person, and the tier of the objective that decides.
#[derive(Debug, Clone, Serialize)]
pub struct Preferred {
    pub staff: String,
    pub fit: u64,
    pub tier: Tier,
    /// The rule that holds the holder there (tier `Rule`).
    pub rule: Option<RuleRef>,
    /// What releasing the holder would cost, in đồng.
    pub cost_vnd: u64,
}

/// Why a post is (partly) empty.
#[derive(Debug, Clone, Serialize)]
pub struct VacancyWhy {
    pub position: String,
    pub count: u32,
    pub reason: VacancyReason,
}

/// Why nobody fills a vacancy.
#[derive(Debug, Clone, Serialize)]
pub enum VacancyReason {
    /// No candidate may take the post: each reason with how many candidates it shuts out.
    NoneEligible(Vec<(Ineligible, usize)>),
    /// Every eligible candidate holds another post (or is surplus, for a rule): each with
    /// where they went.
    EligibleElsewhere(Vec<(String, Option<String>)>),
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
    let rule_of = |c: usize, x: usize| -> Option<RuleRef> {
        p.pins
            .iter()
            .find(|&&(pc, px, _)| pc == c && px == x)
            .map(|&(_, _, r)| RuleRef {
                number: r,
                kind: RuleKind::Pin,
            })
            .or_else(|| {
                p.keeps
                    .iter()
                    .find(|&&(kc, _)| kc == c)
                    .map(|&(_, r)| RuleRef {
                        number: r,
                        kind: RuleKind::Keep,
                    })
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
                Err(reason) => match ineligible.iter_mut().find(|i| i.reason == reason) {
                    Some(i) => i.positions.push(post_id(x)),
                    None => ineligible.push(IneligibleFor {
                        reason,
                        positions: vec![post_id(x)],
                    }),
                },
                Ok(()) => {
                    let mine = p.fit(scenario, c, x).total();
                    let hs = holders.get(&x).cloned().unwrap_or_default();
                    let preferred = hs
                        .iter()
                        .map(|&h| {
                            let theirs = p.fit(scenario, h, x).total();
                            let hcost = p.candidates[h].package.cost_vnd;
                            let rule = rule_of(h, x);
                            let tier = if rule.is_some() {
                                Tier::Rule
                            } else if theirs > mine {
                                Tier::Fit
                            } else if theirs == mine {
                                Tier::Cost
                            } else {
                                Tier::PostsFilled
                            };
                            Preferred {
                                staff: id(h),
                                fit: theirs,
                                tier,
                                rule,
                                cost_vnd: hcost,
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
        surplus.push(SurplusWhy {
            staff: id(c),
            cost_vnd: p.candidates[c].package.cost_vnd,
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
                    let mut counts: Vec<(Ineligible, usize)> = Vec::new();
                    for c in 0..p.candidates.len() {
                        if let Err(why) = p.eligibility(scenario, c, x) {
                            if why == Ineligible::OtherMerger {
                                continue;
                            }
                            match counts.iter_mut().find(|(t, _)| *t == why) {
                                Some((_, n)) => *n += 1,
                                None => counts.push((why, 1)),
                            }
                        }
                    }
                    VacancyReason::NoneEligible(counts)
                }
                Some(list) => VacancyReason::EligibleElsewhere(
                    list.iter().map(|&(_, c)| (id(c), where_is(c))).collect(),
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

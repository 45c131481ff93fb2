//! Why the plan is what it is, as the page needs it: the runners-up of each placement and,
//! for each surplus person, who holds the posts open to them and on which tier of the
//! objective, or why the posts are shut to them.
//!
//! The same reasoning as [`crate::alloc::explain`] (its tiers: a rule, a better fit, an equal
//! fit and a cheaper release, or the posts filled), kept to the posts each candidate competes
//! for — their own merger's under `pool: PerMerger` — so that a province's 10,000 candidates
//! cost a few hundred thousand checks instead of tens of millions, and returning the
//! ineligibility as data so that its words come from the catalogue.

use std::collections::HashMap;

use crate::alloc::problem::Ineligible;
use crate::alloc::Plan;
use crate::model::{Pool, Scenario};

/// How many runners-up are named for a post.
pub(crate) const RUNNERS_UP: usize = crate::alloc::explain::RUNNERS_UP;

/// The tier of the objective on which a holder is preferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tier {
    Rule,
    Fit,
    Cost,
    Filled,
}

/// A holder preferred to a surplus person for a post.
pub(crate) struct Preferred {
    pub post: usize,
    pub holder: usize,
    pub theirs: u64,
    pub mine: u64,
    pub tier: Tier,
}

/// Everything the page says about why.
pub(crate) struct Why {
    /// For each post: its eligible candidates, best fit first (fit, candidate).
    pub eligible: HashMap<usize, Vec<(u64, usize)>>,
    /// For each surplus candidate: the holders preferred, and the posts shut to them grouped
    /// by reason.
    pub outranked: HashMap<usize, Vec<Preferred>>,
    pub shut: HashMap<usize, Vec<(Ineligible, Vec<usize>)>>,
}

/// The posts candidate `c` competes for.
fn competes(plan: &Plan, by_merger: &[Vec<usize>], c: usize) -> Vec<usize> {
    let p = &plan.problem;
    match p.pool {
        Pool::PerMerger => by_merger[p.candidates[c].merger].clone(),
        Pool::Scenario => (0..p.posts.len()).collect(),
    }
}

pub(crate) fn why(scenario: &Scenario, plan: &Plan) -> Why {
    let p = &plan.problem;
    let mut by_merger: Vec<Vec<usize>> = vec![Vec::new(); scenario.mergers.len()];
    for (x, post) in p.posts.iter().enumerate() {
        by_merger[post.merger].push(x);
    }
    let mut holders: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, a) in plan.assign.iter().enumerate() {
        if let Some(x) = *a {
            holders.entry(x).or_default().push(c);
        }
    }
    let pinned = |c: usize, x: usize| {
        p.pins.iter().any(|&(pc, px, _)| pc == c && px == x)
            || p.keeps.iter().any(|&(kc, _)| kc == c)
    };
    let mut eligible: HashMap<usize, Vec<(u64, usize)>> = HashMap::new();
    let mut outranked: HashMap<usize, Vec<Preferred>> = HashMap::new();
    let mut shut: HashMap<usize, Vec<(Ineligible, Vec<usize>)>> = HashMap::new();
    for c in 0..p.candidates.len() {
        let surplus = plan.assign[c].is_none();
        for x in competes(plan, &by_merger, c) {
            match p.eligibility(scenario, c, x) {
                Ok(()) => {
                    let mine = p.fit(scenario, c, x).total();
                    eligible.entry(x).or_default().push((mine, c));
                    if !surplus {
                        continue;
                    }
                    for &h in holders.get(&x).map_or(&[][..], |v| &v[..]) {
                        let theirs = p.fit(scenario, h, x).total();
                        let tier = if pinned(h, x) {
                            Tier::Rule
                        } else if theirs > mine {
                            Tier::Fit
                        } else if theirs == mine {
                            Tier::Cost
                        } else {
                            Tier::Filled
                        };
                        outranked.entry(c).or_default().push(Preferred {
                            post: x,
                            holder: h,
                            theirs,
                            mine,
                            tier,
                        });
                    }
                }
                Err(Ineligible::OtherMerger) => {}
                Err(e) if surplus => {
                    let groups = shut.entry(c).or_default();
                    match groups.iter_mut().find(|(r, _)| *r == e) {
                        Some((_, posts)) => posts.push(x),
                        None => groups.push((e, vec![x])),
                    }
                }
                Err(_) => {}
            }
        }
    }
    for v in eligible.values_mut() {
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    Why {
        eligible,
        outranked,
        shut,
    }
}

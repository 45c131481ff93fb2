//! Solving the allocation exactly.
//!
//! Without MinShare rules the problem is a max-weight b-matching, solved as a min-cost flow
//! ([`super::flow`]); the lexicographic objective of SPEC §5.4 is folded into one `i128`
//! weight per (person, post) pair with tier multipliers computed from the instance, so that
//! one more placement always outweighs any fit, and one more fit point any cost:
//!
//! `weight(s, p) = A + fit(s, p) × B + cost(s)`, with `B = Σ cost + 1`, `A = (Σ max fit + 1) × B`.
//!
//! The tie-break of SPEC §5.4's fourth tier is the solver's own determinism: the network is
//! built in candidate and post order and the flow solver breaks ties by node index.
//!
//! Pins are fixed before solving; a Keep adds to the person's edges a bonus larger than the
//! sum of all other weights, and is infeasible if the optimum still leaves the person out.
//! MinShare rules couple people of one gender across posts and are not a network constraint:
//! they are enforced by an exact branch and bound (see [`solve_component`]) whose bounds come
//! from a Lagrangian relaxation of the broken rule, its multiplier found exactly by a
//! breakpoint search; the plan returned is proved optimal when the search ends within its
//! node and time limits. With several MinShare groups in one component, a root heuristic
//! (`Base::price`) penalizes every broken group at once to find a first plan that meets them
//! all, and gives a bound on the component that is reported when the search stops early.

use std::collections::HashSet;

use super::flow::{FlowError, FlowGraph};
use super::problem::{Ineligible, Problem};
use crate::model::Scenario;

/// The objective value of a plan, compared lexicographically (greater is better):
/// most posts filled, then highest fit, then the highest cost kept in post (= lowest cost of
/// the surplus, since the candidates' total is fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Objective {
    pub placed: u64,
    pub fit: u64,
    pub cost_placed: u128,
}

/// How the search ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Proved optimal.
    Optimal,
    /// The node limit was reached: the plan is feasible, not proved optimal.
    NodeLimit,
    /// The time limit was reached: the plan is feasible, not proved optimal.
    TimeLimit,
    /// The run was asked to stop ([`crate::watch::Watch::stop`]): the plan is not finished.
    Interrupted,
}

/// When a search must end early: at a deadline, or when its watch is asked to stop.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits<'a> {
    pub deadline: Option<std::time::Instant>,
    pub watch: Option<&'a crate::watch::Watch>,
}

impl Limits<'_> {
    /// Why the search must end now, if it must.
    pub fn reached(&self) -> Option<Status> {
        if self.watch.is_some_and(|w| w.stopped()) {
            Some(Status::Interrupted)
        } else if self
            .deadline
            .is_some_and(|d| std::time::Instant::now() >= d)
        {
            Some(Status::TimeLimit)
        } else {
            None
        }
    }
}

/// A solved component: for each of its candidates (problem index), the post taken (or none),
/// in candidate order.
#[derive(Debug, Clone)]
pub struct Solved {
    pub assign: Vec<(usize, Option<usize>)>,
    pub objective: Objective,
    pub status: Status,
    /// Branch-and-bound nodes explored (1 when no MinShare rule binds).
    pub nodes: usize,
    /// Whether a MinShare rule changed the plan (the unconstrained optimum broke it).
    pub share_binding: bool,
    /// No plan of the component has a better objective (lexicographically); equal to
    /// `objective` when the plan is proved optimal, otherwise from the Lagrangian relaxation
    /// of the MinShare rules at the root.
    pub bound: Objective,
}

/// A conflict that makes a plan impossible: the rules and posts involved and what conflicts,
/// as data (the command line says it in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The rules involved (numbers in the scenario's `rules`).
    pub rules: Vec<usize>,
    /// The posts involved (post indices of the problem).
    pub posts: Vec<usize>,
    /// What conflicts.
    pub kind: ConflictKind,
}

/// What makes a plan impossible. Staff and posts are named by their ids.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConflictKind {
    /// One person is pinned to two posts.
    PinnedTwice {
        rule: usize,
        staff: String,
        first: String,
        second: String,
    },
    /// A Pin rule names a post the person may not take.
    PinIneligible {
        rule: usize,
        staff: String,
        post: String,
        why: Ineligible,
    },
    /// More people are pinned to a post than its quota: each pinned person with their rule.
    PinsOverQuota {
        post: String,
        quota: u32,
        pinned: Vec<(String, usize)>,
    },
    /// A Keep rule names a person who may take no post: each reason with the posts it shuts
    /// (none: every post open to them is full).
    KeepNoPost {
        rule: usize,
        staff: String,
        reasons: Vec<(Ineligible, Vec<String>)>,
    },
    /// A Keep rule's person may take only posts that other Keep or Pin rules fill.
    KeepCrowdedOut {
        rule: usize,
        staff: String,
        open: Vec<String>,
    },
    /// A MinShare rule cannot be met given the pinned people of the other gender (with their
    /// post and rule).
    MinShare {
        rule: usize,
        num: u64,
        den: u64,
        gender: crate::model::Gender,
        kind: crate::model::PositionKind,
        unit: String,
        pinned: Vec<(String, String, usize)>,
    },
    /// No plan meeting every MinShare rule was found within the time limit.
    TimeLimit,
    /// The run was interrupted before a plan was found.
    Interrupted,
    /// The weights and costs are too large to fold into one exact objective.
    TooLarge,
    /// The MILP solver failed (its own message).
    MilpFailed(String),
}

/// Each candidate of a component (problem index) and the post it takes, if any.
pub type Placements = Vec<(usize, Option<usize>)>;

/// A branch-and-bound decision: candidate `c` is forced into / kept out of group `g`.
#[derive(Debug, Clone, Default)]
struct Node {
    forced: Vec<(usize, usize)>,
    excluded: HashSet<(usize, usize)>,
}

/// The largest number of branch-and-bound nodes explored for one component.
pub const NODE_LIMIT: usize = 20_000;

/// The most Lagrangian steps at one node (each finds a new breakpoint; a handful is usual).
const LAGRANGE_STEPS: usize = 200;

/// The most flows of the root heuristic for many MinShare groups (`Base::price`).
const PRICE_STEPS: usize = 64;

/// A flow solution of a node: placements, objective, and the objective folded into one
/// integer (`placed × A + fit × B + cost_placed`).
#[derive(Debug, Clone)]
struct Relaxed {
    assign: Placements,
    obj: Objective,
    folded: i128,
}

/// What the Lagrangian search says of a node and a MinShare group.
enum Lagrange {
    /// No solution of the node meets the group.
    Infeasible,
    /// Every solution of the node that meets the group has a folded objective of at most
    /// `num / den`; `hi` meets the group, `lo` does not.
    Bound {
        num: i128,
        den: i128,
        lo: Relaxed,
        hi: Relaxed,
    },
}

/// Solves one component: the candidates and posts given (indices into the problem).
///
/// Branch and bound: each node's flow relaxation drops the MinShare rules; when it breaks one,
/// the rule is moved into the objective with a Lagrange multiplier found exactly by a
/// breakpoint search (each step a flow), giving a bound and, usually, a plan that meets the
/// rule; the node is pruned when its bound is no better than the best plan found, and
/// otherwise split on whether one person of the other gender takes one of the group's posts.
/// With several groups, `Base::price` runs first at the root: its plan (checked against
/// every group) is the first incumbent, and its Lagrangian value bounds the component (the
/// search stops, proved, when the incumbent reaches it; otherwise it is `Solved::bound`).
pub fn solve_component(
    scenario: &Scenario,
    problem: &Problem,
    cands: &[usize],
    posts: &[usize],
    groups: &[usize],
    limits: Limits,
) -> Result<Solved, Vec<Conflict>> {
    let base = Base::new(scenario, problem, cands, posts, limits)?;
    let mut stack = vec![Node::default()];
    let mut best: Option<Relaxed> = None;
    let mut nodes = 0;
    let mut status = Status::Optimal;
    let mut share_binding = false;
    // An upper bound on the folded objective of every plan of the component (the root's).
    let mut bound: Option<i128> = None;
    while let Some(node) = stack.pop() {
        if best.as_ref().zip(bound).is_some_and(|(b, u)| b.folded >= u) {
            // The best plan reaches the bound: no node can do better.
            status = Status::Optimal;
            break;
        }
        if nodes >= NODE_LIMIT {
            status = Status::NodeLimit;
            break;
        }
        if let Some(why) = limits.reached().filter(|_| nodes > 0) {
            status = why;
            break;
        }
        nodes += 1;
        let root = nodes == 1;
        let Some(r0) = base.relax(scenario, problem, &node, None, root)? else {
            continue;
        };
        if root {
            bound = Some(r0.folded);
        }
        if best.as_ref().is_some_and(|b| r0.folded <= b.folded) {
            continue;
        }
        let Some(g) = first_violated(problem, &r0.assign, groups) else {
            best = Some(r0);
            continue;
        };
        share_binding |= root;
        if root && groups.len() > 1 {
            // Many groups: find a plan that meets them all first, and a bound.
            let (found, ub) = base.price(scenario, problem, &node, groups, &r0, limits);
            bound = Some(ub);
            if let Some(f) = found {
                debug_assert!(first_violated(problem, &f.assign, groups).is_none());
                best = Some(f);
            }
            if let Some(why) = limits.reached().filter(|_| best.is_some()) {
                status = why;
                break;
            }
        }
        let (lo, hi) = match base.lagrange(scenario, problem, &node, g, r0, limits)? {
            Lagrange::Infeasible => continue,
            Lagrange::Bound { num, den, lo, hi } => {
                if best.as_ref().is_some_and(|b| num <= b.folded * den) {
                    continue;
                }
                let closed = hi.folded * den >= num;
                if first_violated(problem, &hi.assign, groups).is_none()
                    && best.as_ref().is_none_or(|b| hi.folded > b.folded)
                {
                    best = Some(hi.clone());
                    if closed {
                        continue;
                    }
                }
                (lo, hi)
            }
        };
        match branch_on(problem, &node, g, &lo, &hi) {
            Some((cand, into)) => {
                let mut with = node.clone();
                with.forced.push((cand, g));
                let mut without = node;
                without.excluded.insert((cand, g));
                // Explore first the side that the Lagrangian plan `hi` takes.
                if into {
                    stack.push(without);
                    stack.push(with);
                } else {
                    stack.push(with);
                    stack.push(without);
                }
            }
            None => status = Status::NodeLimit,
        }
    }
    let proved = best.as_ref().zip(bound).is_some_and(|(b, u)| b.folded >= u);
    if proved && matches!(status, Status::NodeLimit | Status::TimeLimit) {
        status = Status::Optimal;
    }
    match best {
        Some(b) => Ok(Solved {
            bound: match (status, bound) {
                (Status::Optimal, _) | (_, None) => b.obj,
                (_, Some(u)) => base.unfold(u).max(b.obj),
            },
            assign: b.assign,
            objective: b.obj,
            status,
            nodes,
            share_binding,
        }),
        None if status == Status::Interrupted => Err(interrupted()),
        None if status == Status::TimeLimit => Err(vec![Conflict {
            rules: groups
                .first()
                .map(|&g| problem.groups[g].rule)
                .into_iter()
                .collect(),
            posts: Vec::new(),
            kind: ConflictKind::TimeLimit,
        }]),
        None => Err(min_share_conflicts(scenario, problem, groups)),
    }
}

/// D(x) of a group: den × (people of the gender) − num × (everyone) placed in its posts; the
/// rule holds when D ≥ 0.
fn share_slack(problem: &Problem, assign: &Placements, g: usize) -> i128 {
    let grp = &problem.groups[g];
    let (num, den) = (i128::from(grp.share.num), i128::from(grp.share.den));
    assign
        .iter()
        .filter_map(|&(c, a)| a.map(|p| (c, p)))
        .filter(|&(_, p)| problem.in_group(p, g))
        .map(|(c, _)| {
            if problem.candidates[c].gender == grp.gender {
                den - num
            } else {
                -num
            }
        })
        .sum()
}

/// The first MinShare group a plan breaks.
fn first_violated(problem: &Problem, assign: &Placements, groups: &[usize]) -> Option<usize> {
    groups
        .iter()
        .copied()
        .find(|&g| share_slack(problem, assign, g) < 0)
}

/// Whom to branch on: a person whose place in the group differs between the Lagrangian
/// plans `lo` and `hi` (the exchange the multiplier prices), else the first person of the
/// other gender in the group in `lo`. Returns the candidate and whether `hi` places them in
/// the group.
fn branch_on(
    problem: &Problem,
    node: &Node,
    g: usize,
    lo: &Relaxed,
    hi: &Relaxed,
) -> Option<(usize, bool)> {
    let pinned: HashSet<usize> = problem.pins.iter().map(|&(c, _, _)| c).collect();
    let free = |c: usize| {
        !pinned.contains(&c) && !node.forced.contains(&(c, g)) && !node.excluded.contains(&(c, g))
    };
    let in_g = |x: &Relaxed| -> HashSet<usize> {
        x.assign
            .iter()
            .filter(|(_, a)| a.is_some_and(|p| problem.in_group(p, g)))
            .map(|&(c, _)| c)
            .collect()
    };
    let (l, h) = (in_g(lo), in_g(hi));
    let mut diff: Vec<usize> = l
        .symmetric_difference(&h)
        .copied()
        .filter(|&c| free(c))
        .collect();
    diff.sort_unstable();
    if let Some(&c) = diff.first() {
        return Some((c, h.contains(&c)));
    }
    let gender = problem.groups[g].gender;
    let mut others: Vec<usize> = l
        .into_iter()
        .filter(|&c| free(c) && problem.candidates[c].gender != gender)
        .collect();
    others.sort_unstable();
    others.first().map(|&c| (c, false))
}

/// The part of the flow network that does not change between branch-and-bound nodes.
struct Base {
    cands: Vec<usize>,
    posts: Vec<usize>,
    /// Eligible pairs: (candidate, post, weight without keep bonus, fit).
    pairs: Vec<(usize, usize, i128)>,
    /// Remaining quota of each post after pins.
    quota_left: std::collections::BTreeMap<usize, i64>,
    /// Pinned candidate → post.
    pinned: Vec<(usize, usize)>,
    keep: HashSet<usize>,
    a: i128,
    b: i128,
    /// Asked inside every flow solve, so that a stop is honoured within one.
    watch: Option<crate::watch::Watch>,
}

impl Base {
    fn new(
        scenario: &Scenario,
        problem: &Problem,
        cands: &[usize],
        posts: &[usize],
        limits: Limits,
    ) -> Result<Base, Vec<Conflict>> {
        let stopped = || limits.watch.is_some_and(|w| w.stopped());
        let mut conflicts = Vec::new();
        let in_cands: HashSet<usize> = cands.iter().copied().collect();
        // Pins: eligibility, one post per person, quota.
        let mut quota_left: std::collections::BTreeMap<usize, i64> = posts
            .iter()
            .map(|&p| (p, i64::from(problem.posts[p].quota)))
            .collect();
        let mut pinned: Vec<(usize, usize)> = Vec::new();
        let mut pin_rules: std::collections::BTreeMap<usize, Vec<(usize, usize)>> =
            std::collections::BTreeMap::new();
        for &(c, p, rule) in &problem.pins {
            if !in_cands.contains(&c) {
                continue;
            }
            let who = problem.staff_id(scenario, c);
            let post_id = problem.post_id(scenario, p);
            if let Some(&(_, other)) = pinned.iter().find(|(pc, _)| *pc == c) {
                conflicts.push(Conflict {
                    rules: vec![rule],
                    posts: vec![other, p],
                    kind: ConflictKind::PinnedTwice {
                        rule,
                        staff: who,
                        first: problem.post_id(scenario, other),
                        second: post_id,
                    },
                });
                continue;
            }
            if let Err(why) = problem.eligibility(scenario, c, p) {
                conflicts.push(Conflict {
                    rules: vec![rule],
                    posts: vec![p],
                    kind: ConflictKind::PinIneligible {
                        rule,
                        staff: who,
                        post: post_id,
                        why,
                    },
                });
                continue;
            }
            pin_rules.entry(p).or_default().push((rule, c));
            *quota_left.entry(p).or_insert(0) -= 1;
            pinned.push((c, p));
        }
        for (&p, rules) in &pin_rules {
            if quota_left[&p] < 0 {
                conflicts.push(Conflict {
                    rules: rules.iter().map(|&(r, _)| r).collect(),
                    posts: vec![p],
                    kind: ConflictKind::PinsOverQuota {
                        post: problem.post_id(scenario, p),
                        quota: problem.posts[p].quota,
                        pinned: rules
                            .iter()
                            .map(|&(r, c)| (problem.staff_id(scenario, c), r))
                            .collect(),
                    },
                });
            }
        }
        let pinned_set: HashSet<usize> = pinned.iter().map(|&(c, _)| c).collect();
        let keep: HashSet<usize> = problem
            .keeps
            .iter()
            .filter(|(c, _)| in_cands.contains(c) && !pinned_set.contains(c))
            .map(|&(c, _)| c)
            .collect();

        // Eligible pairs and their fit.
        let mut raw_pairs: Vec<(usize, usize, u64)> = Vec::new();
        let mut max_fit_sum: u128 = 0;
        let mut cost_sum: u128 = 0;
        for (i, &c) in cands.iter().enumerate() {
            if i % 64 == 0 && stopped() {
                return Err(interrupted());
            }
            cost_sum += u128::from(problem.candidates[c].package.cost_vnd);
            if pinned_set.contains(&c) {
                continue;
            }
            let mut max_fit = 0u64;
            let mut any = false;
            for &p in posts {
                if quota_left[&p] <= 0 || !problem.eligible(scenario, c, p) {
                    continue;
                }
                let fit = problem.fit(scenario, c, p).total();
                max_fit = max_fit.max(fit);
                raw_pairs.push((c, p, fit));
                any = true;
            }
            if any {
                max_fit_sum += u128::from(max_fit);
            }
        }
        for &(c, rule) in &problem.keeps {
            if keep.contains(&c) && !raw_pairs.iter().any(|&(pc, _, _)| pc == c) {
                let who = problem.staff_id(scenario, c);
                let reasons = problem.why_no_post(scenario, c, posts);
                conflicts.push(Conflict {
                    rules: vec![rule],
                    posts: Vec::new(),
                    kind: ConflictKind::KeepNoPost {
                        rule,
                        staff: who,
                        reasons,
                    },
                });
            }
        }
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
        let b = i128::try_from(cost_sum + 1).map_err(|_| too_large())?;
        let a = i128::try_from(max_fit_sum + 1)
            .ok()
            .and_then(|f| f.checked_mul(b))
            .ok_or_else(too_large)?;
        // Headroom: the Lagrangian multiplies weights by a total of all weights, and the
        // bonus for Keep adds one more; refuse up front what could not stay exact.
        let n = i128::try_from(cands.len() + 1).map_err(|_| too_large())?;
        n.checked_mul(a)
            .and_then(|t| t.checked_mul(n))
            .and_then(|t| t.checked_mul(128))
            .ok_or_else(too_large)?;
        let pairs = raw_pairs
            .into_iter()
            .map(|(c, p, fit)| {
                let cost = i128::from(problem.candidates[c].package.cost_vnd);
                (c, p, a + i128::from(fit) * b + cost)
            })
            .collect();
        Ok(Base {
            cands: cands.to_vec(),
            posts: posts.to_vec(),
            pairs,
            quota_left,
            pinned,
            keep,
            a,
            b,
            watch: limits.watch.cloned(),
        })
    }

    /// The folded objective of a plan.
    fn folded(&self, obj: &Objective) -> i128 {
        i128::from(obj.placed) * self.a + i128::from(obj.fit) * self.b + obj.cost_placed as i128
    }

    /// Solves the flow of a branch-and-bound node, maximizing `folded × ld + Σ ln_g × D_g`
    /// when multipliers `([(g, ln_g)…], ld)` are given (else the folded objective). Kept and
    /// forced people get a bonus larger than any total, so the flow places them whenever it
    /// can. `Ok(None)`: the node has no solution; at the root a Keep that cannot hold is a
    /// conflict.
    fn relax(
        &self,
        scenario: &Scenario,
        problem: &Problem,
        node: &Node,
        mult: Option<(&[(usize, i128)], i128)>,
        root: bool,
    ) -> Result<Option<Relaxed>, Vec<Conflict>> {
        // The multipliers of the groups each post belongs to.
        let post_mults: std::collections::HashMap<usize, Vec<(usize, i128)>> = match mult {
            None => std::collections::HashMap::new(),
            Some((ms, _)) => {
                let mut m: std::collections::HashMap<usize, Vec<(usize, i128)>> =
                    std::collections::HashMap::new();
                for &p in &self.posts {
                    let of_p: Vec<(usize, i128)> = ms
                        .iter()
                        .copied()
                        .filter(|&(g, ln)| ln != 0 && problem.in_group(p, g))
                        .collect();
                    if !of_p.is_empty() {
                        m.insert(p, of_p);
                    }
                }
                m
            }
        };
        let forced_group: std::collections::HashMap<usize, usize> =
            node.forced.iter().map(|&(c, g)| (c, g)).collect();
        // Edge weights under the multiplier, and the bonus that outweighs them all.
        let mut weighted: Vec<(usize, usize, i128, bool)> = Vec::with_capacity(self.pairs.len());
        let mut max_of: std::collections::HashMap<usize, i128> = std::collections::HashMap::new();
        let stop = || self.watch.as_ref().is_some_and(|w| w.stopped());
        for (i, &(c, p, w)) in self.pairs.iter().enumerate() {
            // A pooled province has tens of millions of pairs: a stop is honoured here too.
            if i % (1 << 16) == 0 && stop() {
                return Err(interrupted());
            }
            let hard = match forced_group.get(&c) {
                Some(&grp) => {
                    if !problem.in_group(p, grp) {
                        continue;
                    }
                    true
                }
                None => self.keep.contains(&c),
            };
            if node
                .excluded
                .iter()
                .any(|&(ec, eg)| ec == c && problem.in_group(p, eg))
            {
                continue;
            }
            let w = match mult {
                None => w,
                Some((_, ld)) => {
                    let mut x = w.checked_mul(ld).ok_or_else(too_large)?;
                    for &(g, ln) in post_mults.get(&p).map_or(&[][..], |v| &v[..]) {
                        let grp = &problem.groups[g];
                        let coef = if problem.candidates[c].gender == grp.gender {
                            i128::from(grp.share.den - grp.share.num)
                        } else {
                            -i128::from(grp.share.num)
                        };
                        x = ln
                            .checked_mul(coef)
                            .and_then(|y| x.checked_add(y))
                            .ok_or_else(too_large)?;
                    }
                    x
                }
            };
            let m = max_of.entry(c).or_insert(0);
            *m = (*m).max(w.abs());
            weighted.push((c, p, w, hard));
        }
        let bonus = max_of
            .values()
            .try_fold(1i128, |acc, &m| acc.checked_add(m))
            .ok_or_else(too_large)?;
        let mut g = FlowGraph::new(2);
        let (src, sink) = (0, 1);
        let mut cand_node = std::collections::HashMap::with_capacity(self.cands.len());
        for &c in &self.cands {
            let n = g.add_node();
            cand_node.insert(c, n);
            g.add_edge(src, n, 1, 0);
        }
        let mut post_node = std::collections::HashMap::with_capacity(self.posts.len());
        for &p in &self.posts {
            if self.quota_left[&p] > 0 {
                let n = g.add_node();
                post_node.insert(p, n);
                g.add_edge(n, sink, self.quota_left[&p], 0);
            }
        }
        let mut edges = Vec::with_capacity(weighted.len());
        for &(c, p, w, hard) in &weighted {
            let w = if hard {
                w.checked_add(bonus).ok_or_else(too_large)?
            } else {
                w
            };
            // Only gains are worth a place: a weight of 0 or less never helps.
            if w > 0 {
                let e = g.add_edge(cand_node[&c], post_node[&p], 1, -w);
                edges.push((e, c, p));
            }
        }
        if stop() {
            return Err(interrupted());
        }
        g.try_min_cost_flow_until(src, sink, i64::MAX, &stop)
            .map_err(|e| match e {
                FlowError::Stopped => interrupted(),
                _ => too_large(),
            })?;
        let mut post_of: std::collections::HashMap<usize, usize> =
            self.pinned.iter().copied().collect();
        for &(e, c, p) in &edges {
            if g.flow(e) > 0 {
                post_of.insert(c, p);
            }
        }
        let assign: Placements = self
            .cands
            .iter()
            .map(|&c| (c, post_of.get(&c).copied()))
            .collect();
        // Keeps and forced placements must hold.
        let unkept: Vec<(usize, usize)> = problem
            .keeps
            .iter()
            .filter(|(c, _)| self.keep.contains(c) && !post_of.contains_key(c))
            .copied()
            .collect();
        if !unkept.is_empty() {
            if root && node.forced.is_empty() && node.excluded.is_empty() {
                return Err(self.keep_conflicts(scenario, problem, &unkept));
            }
            return Ok(None);
        }
        if node.forced.iter().any(|(c, _)| !post_of.contains_key(c)) {
            return Ok(None);
        }
        let mut obj = Objective::default();
        for &(c, a) in &assign {
            if let Some(p) = a {
                obj.placed += 1;
                obj.fit += problem.fit(scenario, c, p).total();
                obj.cost_placed += u128::from(problem.candidates[c].package.cost_vnd);
            }
        }
        Ok(Some(Relaxed {
            folded: self.folded(&obj),
            assign,
            obj,
        }))
    }

    /// The Lagrangian bound of a node for MinShare group `g`, which the node's relaxation
    /// `lo` breaks: the least over λ ≥ 0 of max over solutions of `folded + λ × D_g`, found
    /// exactly by Newton's method on the piecewise-linear dual (each step a flow at the
    /// multiplier where the lines of the current `lo` and `hi` meet).
    fn lagrange(
        &self,
        scenario: &Scenario,
        problem: &Problem,
        node: &Node,
        g: usize,
        lo: Relaxed,
        limits: Limits,
    ) -> Result<Lagrange, Vec<Conflict>> {
        let mut lo = lo;
        let mut d_lo = share_slack(problem, &lo.assign, g);
        // A multiplier so large that one unit of D outweighs any folded objective.
        let big = self
            .pairs
            .iter()
            .try_fold(1i128, |acc, &(_, _, w)| acc.checked_add(w))
            .ok_or_else(too_large)?;
        let Some(mut hi) = self.relax(scenario, problem, node, Some((&[(g, big)], 1)), false)?
        else {
            return Ok(Lagrange::Infeasible);
        };
        let mut d_hi = share_slack(problem, &hi.assign, g);
        if d_hi < 0 {
            return Ok(Lagrange::Infeasible);
        }
        for _ in 0..LAGRANGE_STEPS {
            if limits.reached().is_some() {
                break;
            }
            let ld = d_hi - d_lo;
            let ln = lo.folded - hi.folded;
            if ln <= 0 {
                // hi is as good as lo: it is optimal for the node.
                return Ok(Lagrange::Bound {
                    num: hi.folded,
                    den: 1,
                    lo,
                    hi,
                });
            }
            let line = lo.folded * ld + ln * d_lo;
            let Some(x) = self.relax(scenario, problem, node, Some((&[(g, ln)], ld)), false)?
            else {
                return Ok(Lagrange::Infeasible);
            };
            let d_x = share_slack(problem, &x.assign, g);
            let val = x.folded * ld + ln * d_x;
            if val <= line {
                return Ok(Lagrange::Bound {
                    num: line,
                    den: ld,
                    lo,
                    hi,
                });
            }
            if d_x < 0 {
                lo = x;
                d_lo = d_x;
            } else {
                hi = x;
                d_hi = d_x;
            }
        }
        // Out of steps: any multiplier gives a valid bound; use lo's (the larger one).
        Ok(Lagrange::Bound {
            num: lo.folded,
            den: 1,
            lo,
            hi,
        })
    }

    /// A primal heuristic for many MinShare groups, run at the root: every group the current
    /// relaxation breaks gets a penalty (a multiplier: one fit point per unit of the group's
    /// slack at first, then doubled), the others keep theirs, and the flow is solved again
    /// under all of them, until a solution meets every group or the multipliers can grow no
    /// more. Returns the first solution that meets every group, if any (the time limit does
    /// not cut this search short, as a plan is wanted before it ends; a stop does), and the
    /// least Lagrangian value seen: for multipliers λ ≥ 0, `max over solutions of folded +
    /// Σ λ_g × D_g` is at least the folded objective of every solution of the node that meets
    /// all the groups, so it bounds them. A flow that fails (no solution, or weights too large
    /// for exact arithmetic) ends the heuristic, not the plan.
    fn price(
        &self,
        scenario: &Scenario,
        problem: &Problem,
        node: &Node,
        groups: &[usize],
        r0: &Relaxed,
        limits: Limits,
    ) -> (Option<Relaxed>, i128) {
        let mut ub = r0.folded;
        let Some(big) = self
            .pairs
            .iter()
            .try_fold(1i128, |acc, &(_, _, w)| acc.checked_add(w))
        else {
            return (None, ub);
        };
        let mut lam = vec![0i128; groups.len()];
        let mut x = r0.clone();
        for _ in 0..PRICE_STEPS {
            // Only a stop ends it: the time limit waits for a first plan.
            if limits.reached() == Some(Status::Interrupted) {
                break;
            }
            let mut raised = false;
            for (l, &g) in lam.iter_mut().zip(groups) {
                if share_slack(problem, &x.assign, g) < 0 && *l < big {
                    *l = if *l == 0 { self.b } else { l.saturating_mul(2) }.min(big);
                    raised = true;
                }
            }
            if !raised {
                break;
            }
            let ms: Vec<(usize, i128)> = groups
                .iter()
                .zip(&lam)
                .filter(|&(_, &l)| l > 0)
                .map(|(&g, &l)| (g, l))
                .collect();
            // A node without solution, or weights too large for these multipliers, ends the
            // heuristic (not the plan: the branch and bound goes on without it).
            let Ok(Some(y)) = self.relax(scenario, problem, node, Some((&ms, 1)), false) else {
                break;
            };
            let Some(val) = ms.iter().try_fold(y.folded, |acc, &(g, l)| {
                l.checked_mul(share_slack(problem, &y.assign, g))
                    .and_then(|t| acc.checked_add(t))
            }) else {
                break;
            };
            ub = ub.min(val);
            if first_violated(problem, &y.assign, groups).is_none() {
                return (Some(y), ub);
            }
            x = y;
        }
        (None, ub)
    }

    /// The lexicographic objective that a folded value stands for: an upper bound on the
    /// objective of every plan whose folded objective is at most `v`.
    fn unfold(&self, v: i128) -> Objective {
        let v = v.max(0);
        let rem = v % self.a;
        Objective {
            placed: u64::try_from(v / self.a).unwrap_or(u64::MAX),
            fit: u64::try_from(rem / self.b).unwrap_or(u64::MAX),
            cost_placed: (rem % self.b) as u128,
        }
    }

    /// Explains Keep rules that cannot all hold.
    fn keep_conflicts(
        &self,
        scenario: &Scenario,
        problem: &Problem,
        unkept: &[(usize, usize)],
    ) -> Vec<Conflict> {
        unkept
            .iter()
            .map(|&(c, rule)| {
                let who = problem.staff_id(scenario, c);
                let open: Vec<usize> = self
                    .pairs
                    .iter()
                    .filter(|&&(pc, _, _)| pc == c)
                    .map(|&(_, p, _)| p)
                    .collect();
                let mut rules = vec![rule];
                rules.extend(
                    problem
                        .keeps
                        .iter()
                        .filter(|&&(oc, _)| oc != c && self.keep.contains(&oc))
                        .map(|&(_, r)| r),
                );
                rules.extend(problem.pins.iter().map(|&(_, _, r)| r));
                rules.sort_unstable();
                rules.dedup();
                let names: Vec<String> =
                    open.iter().map(|&p| problem.post_id(scenario, p)).collect();
                Conflict {
                    rules,
                    posts: open,
                    kind: ConflictKind::KeepCrowdedOut {
                        rule,
                        staff: who,
                        open: names,
                    },
                }
            })
            .collect()
    }
}

/// The run was stopped before a plan was found.
fn interrupted() -> Vec<Conflict> {
    vec![Conflict {
        rules: Vec::new(),
        posts: Vec::new(),
        kind: ConflictKind::Interrupted,
    }]
}

fn too_large() -> Vec<Conflict> {
    vec![Conflict {
        rules: Vec::new(),
        posts: Vec::new(),
        kind: ConflictKind::TooLarge,
    }]
}

/// Explains a MinShare group that cannot be met: the pins and keeps of the other gender.
fn min_share_conflicts(scenario: &Scenario, problem: &Problem, groups: &[usize]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for &g in groups {
        let grp = &problem.groups[g];
        let unit = &scenario.mergers[grp.merger].into.id;
        let pinned_other: Vec<(usize, usize, usize)> = problem
            .pins
            .iter()
            .filter(|&&(c, p, _)| {
                let post = &problem.posts[p];
                post.merger == grp.merger
                    && post.kind == grp.kind
                    && problem.candidate_gender(c) != grp.gender
            })
            .copied()
            .collect();
        let mut rules = vec![grp.rule];
        rules.extend(pinned_other.iter().map(|&(_, _, r)| r));
        let who: Vec<(String, String, usize)> = pinned_other
            .iter()
            .map(|&(c, p, r)| {
                (
                    problem.staff_id(scenario, c),
                    problem.post_id(scenario, p),
                    r,
                )
            })
            .collect();
        out.push(Conflict {
            rules,
            posts: pinned_other.iter().map(|&(_, p, _)| p).collect(),
            kind: ConflictKind::MinShare {
                rule: grp.rule,
                num: grp.share.num,
                den: grp.share.den,
                gender: grp.gender,
                kind: grp.kind,
                unit: unit.clone(),
                pinned: who,
            },
        });
    }
    out
}

impl Problem {
    /// The id of a candidate.
    pub fn staff_id(&self, scenario: &Scenario, c: usize) -> String {
        scenario.model.staff[self.candidates[c].staff].id.clone()
    }

    /// The id of a post.
    pub fn post_id(&self, scenario: &Scenario, p: usize) -> String {
        let post = &self.posts[p];
        scenario.mergers[post.merger].posts[post.index].id.clone()
    }

    /// The gender of a candidate.
    pub fn candidate_gender(&self, c: usize) -> crate::model::Gender {
        self.candidates[c].gender
    }

    /// Why a candidate can take none of the posts: each reason with the posts it shuts, in
    /// the order first met (empty: every post they may take is full).
    pub fn why_no_post(
        &self,
        scenario: &Scenario,
        c: usize,
        posts: &[usize],
    ) -> Vec<(Ineligible, Vec<String>)> {
        let mut reasons: Vec<(Ineligible, Vec<String>)> = Vec::new();
        for &p in posts {
            if let Err(why) = self.eligibility(scenario, c, p) {
                let id = self.post_id(scenario, p);
                match reasons.iter_mut().find(|(t, _)| *t == why) {
                    Some((_, ids)) => ids.push(id),
                    None => reasons.push((why, vec![id])),
                }
            }
        }
        reasons
    }
}

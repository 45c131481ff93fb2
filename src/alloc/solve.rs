//! Solving the allocation exactly.
//!
//! Without MinShare rules the problem is a max-weight b-matching, solved as a min-cost flow
//! ([`super::flow`]); the lexicographic objective of SPEC §5.4 is folded into one `i128`
//! weight per (person, post) pair with tier multipliers computed from the instance, so that
//! one more placement always outweighs any fit, and one more fit point any cost:
//!
//! `weight(s, p) = A + fit(s, p) × B + cost(s)`, with `B = Σ cost + 1`, `A = (Σ max fit + 1) × B`.
//!
//! Pins are fixed before solving; a Keep adds a bonus `K = (n + 1) × A` that outweighs every
//! other term, and is infeasible if the optimum still leaves the person out. MinShare rules
//! couple people of one gender across posts and are not a network constraint: they are
//! enforced by an exact branch and bound whose relaxation is the flow (branching on "this
//! person of the other gender is / is not placed in this group's posts"); a node is pruned
//! when its relaxation is no better than the best plan found, so the plan returned is proved
//! optimal when the search ends within its node limit.

use std::collections::HashSet;

use super::flow::FlowGraph;
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
    /// The best bound on the objective when not proved optimal.
    pub bound: Objective,
}

/// A conflict that makes a plan impossible, in a planner's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The rules involved (numbers in the scenario's `rules`).
    pub rules: Vec<usize>,
    /// The posts involved (post indices of the problem).
    pub posts: Vec<usize>,
    /// What conflicts.
    pub message: String,
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

/// Solves one component: the candidates and posts given (indices into the problem).
pub fn solve_component(
    scenario: &Scenario,
    problem: &Problem,
    cands: &[usize],
    posts: &[usize],
    groups: &[usize],
) -> Result<Solved, Vec<Conflict>> {
    let base = Base::new(scenario, problem, cands, posts)?;
    let mut stack = vec![Node::default()];
    let mut best: Option<(Objective, Placements)> = None;
    let mut nodes = 0;
    let mut status = Status::Optimal;
    let mut bound = Objective::default();
    let mut first_conflicts: Option<Vec<Conflict>> = None;
    while let Some(node) = stack.pop() {
        if nodes >= NODE_LIMIT {
            status = Status::NodeLimit;
            // The best bound over the open nodes is at most the root's relaxation.
            break;
        }
        nodes += 1;
        let (obj, assign) = match base.relax(scenario, problem, &node, groups) {
            Ok(r) => r,
            Err(c) => {
                if first_conflicts.is_none() {
                    first_conflicts = Some(c);
                }
                continue;
            }
        };
        if nodes == 1 {
            bound = obj;
        }
        if let Some((b, _)) = &best {
            if obj <= *b {
                continue;
            }
        }
        match violated(problem, &assign, groups, &node) {
            None => best = Some((obj, assign)),
            Some(Branch::Infeasible) => {}
            Some(Branch::On { cand, group }) => {
                let mut forced = node.clone();
                forced.forced.push((cand, group));
                let mut excluded = node;
                excluded.excluded.insert((cand, group));
                stack.push(forced);
                stack.push(excluded);
            }
        }
    }
    match best {
        Some((objective, assign)) => Ok(Solved {
            assign,
            objective,
            status,
            nodes,
            bound: if status == Status::Optimal {
                objective
            } else {
                bound
            },
        }),
        None => {
            Err(first_conflicts.unwrap_or_else(|| min_share_conflicts(scenario, problem, groups)))
        }
    }
}

enum Branch {
    /// The group is short of people of its gender and no placed person of the other gender
    /// can be moved (all pinned or forced).
    Infeasible,
    On {
        cand: usize,
        group: usize,
    },
}

/// The first MinShare group the plan breaks, and whom to branch on: the placed person of the
/// other gender in that group with the lowest candidate index not yet decided.
fn violated(
    problem: &Problem,
    assign: &[(usize, Option<usize>)],
    groups: &[usize],
    node: &Node,
) -> Option<Branch> {
    let pinned: HashSet<usize> = problem.pins.iter().map(|&(c, _, _)| c).collect();
    for &g in groups {
        let grp = &problem.groups[g];
        let mut n = 0u64;
        let mut of_gender = 0u64;
        let mut others = Vec::new();
        for &(c, a) in assign {
            let Some(p) = a else { continue };
            let post = &problem.posts[p];
            if post.merger != grp.merger || post.kind != grp.kind {
                continue;
            }
            n += 1;
            if problem.candidate_gender(c) == grp.gender {
                of_gender += 1;
            } else if !pinned.contains(&c) && !node.forced.contains(&(c, g)) {
                others.push(c);
            }
        }
        if of_gender < grp.share.min_count(n) {
            return Some(match others.first() {
                Some(&cand) => Branch::On { cand, group: g },
                None => Branch::Infeasible,
            });
        }
    }
    None
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
    keep_bonus: i128,
    a: i128,
    b: i128,
}

impl Base {
    fn new(
        scenario: &Scenario,
        problem: &Problem,
        cands: &[usize],
        posts: &[usize],
    ) -> Result<Base, Vec<Conflict>> {
        let mut conflicts = Vec::new();
        let in_posts: HashSet<usize> = posts.iter().copied().collect();
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
                    message: format!(
                        "{who} is pinned to two posts, {} and {post_id}; a person takes one post",
                        problem.post_id(scenario, other)
                    ),
                });
                continue;
            }
            if let Err(why) = problem.eligibility(scenario, c, p) {
                conflicts.push(Conflict {
                    rules: vec![rule],
                    posts: vec![p],
                    message: format!(
                        "rule {rule} pins {who} to {post_id}, but {who} may not take it: {}",
                        problem.describe_ineligible(&why)
                    ),
                });
                continue;
            }
            pin_rules.entry(p).or_default().push((rule, c));
            *quota_left.entry(p).or_insert(0) -= 1;
            pinned.push((c, p));
        }
        for (&p, rules) in &pin_rules {
            if quota_left[&p] < 0 {
                let names: Vec<String> = rules
                    .iter()
                    .map(|&(r, c)| format!("{} (rule {r})", problem.staff_id(scenario, c)))
                    .collect();
                conflicts.push(Conflict {
                    rules: rules.iter().map(|&(r, _)| r).collect(),
                    posts: vec![p],
                    message: format!(
                        "{} has a quota of {} but {} people are pinned to it: {}",
                        problem.post_id(scenario, p),
                        problem.posts[p].quota,
                        rules.len(),
                        names.join(", ")
                    ),
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
        for &c in cands {
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
                    message: format!(
                        "rule {rule} keeps {who}, but no post is open to {who}: {reasons}"
                    ),
                });
            }
        }
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
        let _ = in_posts;
        let b = i128::try_from(cost_sum + 1).map_err(|_| too_large())?;
        let a = i128::try_from(max_fit_sum + 1)
            .ok()
            .and_then(|f| f.checked_mul(b))
            .ok_or_else(too_large)?;
        let n = i128::try_from(cands.len() + 1).map_err(|_| too_large())?;
        let keep_bonus = n.checked_mul(a).ok_or_else(too_large)?;
        // The largest total: every candidate placed with keep bonus.
        n.checked_mul(keep_bonus.checked_add(a).ok_or_else(too_large)?)
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
            keep_bonus,
            a,
            b,
        })
    }

    /// Solves the flow relaxation of a branch-and-bound node.
    fn relax(
        &self,
        scenario: &Scenario,
        problem: &Problem,
        node: &Node,
        groups: &[usize],
    ) -> Result<(Objective, Placements), Vec<Conflict>> {
        let _ = groups;
        let in_group = |p: usize, g: usize| {
            let grp = &problem.groups[g];
            let post = &problem.posts[p];
            post.merger == grp.merger && post.kind == grp.kind
        };
        let forced_group: std::collections::HashMap<usize, usize> =
            node.forced.iter().map(|&(c, g)| (c, g)).collect();
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
        let mut edges = Vec::with_capacity(self.pairs.len());
        for &(c, p, w) in &self.pairs {
            let mut w = w;
            if let Some(&grp) = forced_group.get(&c) {
                if !in_group(p, grp) {
                    continue;
                }
                w += self.keep_bonus;
            } else if self.keep.contains(&c) {
                w += self.keep_bonus;
            }
            if node
                .excluded
                .iter()
                .any(|&(ec, eg)| ec == c && in_group(p, eg))
            {
                continue;
            }
            let e = g.add_edge(cand_node[&c], post_node[&p], 1, -w);
            edges.push((e, c, p));
        }
        g.min_cost_flow(src, sink, i64::MAX);
        let mut post_of: std::collections::HashMap<usize, usize> =
            self.pinned.iter().copied().collect();
        for &(e, c, p) in &edges {
            if g.flow(e) > 0 {
                post_of.insert(c, p);
            }
        }
        let assign: Vec<(usize, Option<usize>)> = self
            .cands
            .iter()
            .map(|&c| (c, post_of.get(&c).copied()))
            .collect();
        // Keeps and forced placements must hold.
        let mut conflicts = Vec::new();
        for &(c, rule) in &problem.keeps {
            if self.keep.contains(&c) && !post_of.contains_key(&c) {
                let who = problem.staff_id(scenario, c);
                let open: Vec<String> = self
                    .pairs
                    .iter()
                    .filter(|&&(pc, _, _)| pc == c)
                    .map(|&(_, p, _)| problem.post_id(scenario, p))
                    .collect();
                let other_keeps: Vec<usize> = problem
                    .keeps
                    .iter()
                    .filter(|&&(oc, _)| oc != c && self.keep.contains(&oc))
                    .map(|&(_, r)| r)
                    .collect();
                let mut rules = vec![rule];
                rules.extend(other_keeps);
                rules.extend(problem.pins.iter().map(|&(_, _, r)| r));
                rules.sort_unstable();
                rules.dedup();
                conflicts.push(Conflict {
                    rules,
                    posts: self.pairs.iter().filter(|&&(pc, _, _)| pc == c).map(|&(_, p, _)| p).collect(),
                    message: format!(
                        "rule {rule} keeps {who}, who may take only {}, and those places all go to people whom other Keep or Pin rules require",
                        open.join(", ")
                    ),
                });
            }
        }
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
        if node.forced.iter().any(|(c, _)| !post_of.contains_key(c)) {
            return Err(Vec::new());
        }
        let mut obj = Objective::default();
        for &(c, a) in &assign {
            if let Some(p) = a {
                obj.placed += 1;
                obj.fit += problem.fit(scenario, c, p).total();
                obj.cost_placed += u128::from(problem.candidates[c].package.cost_vnd);
            }
        }
        let _ = (self.a, self.b);
        Ok((obj, assign))
    }
}

fn too_large() -> Vec<Conflict> {
    vec![Conflict {
        rules: Vec::new(),
        posts: Vec::new(),
        message: "the weights and costs are too large to fold into one exact objective; lower the weights".into(),
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
        let who: Vec<String> = pinned_other
            .iter()
            .map(|&(c, p, r)| {
                format!(
                    "{} → {} (rule {r})",
                    problem.staff_id(scenario, c),
                    problem.post_id(scenario, p)
                )
            })
            .collect();
        out.push(Conflict {
            rules,
            posts: pinned_other.iter().map(|&(_, p, _)| p).collect(),
            message: format!(
                "rule {} needs at least {}/{} {} among the people placed in {} posts of {unit}, but the pinned people make that impossible{}",
                grp.rule,
                grp.share.num,
                grp.share.den,
                grp.gender.as_str(),
                grp.kind.as_str(),
                if who.is_empty() { String::new() } else { format!(": {}", who.join(", ")) }
            ),
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

    /// A reason in words.
    pub fn describe_ineligible(&self, why: &Ineligible) -> String {
        match why {
            Ineligible::MissingQualifications(q) => {
                format!("lacks the required qualification(s) {}", q.join(", "))
            }
            Ineligible::Gender(g) => format!("the post is for {} holders", g.as_str()),
            Ineligible::NotLeadership => {
                "the post is a Leader or Cadre post and the person's current post is not".into()
            }
            Ineligible::Forbidden(r) => format!("rule {r} forbids it"),
            Ineligible::OtherMerger => "the post is in another merger (pool: PerMerger)".into(),
        }
    }

    /// Why a candidate can take none of the posts, post by post (grouped by reason).
    pub fn why_no_post(&self, scenario: &Scenario, c: usize, posts: &[usize]) -> String {
        let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
        for &p in posts {
            if let Err(why) = self.eligibility(scenario, c, p) {
                let text = self.describe_ineligible(&why);
                let id = self.post_id(scenario, p);
                match reasons.iter_mut().find(|(t, _)| *t == text) {
                    Some((_, ids)) => ids.push(id),
                    None => reasons.push((text, vec![id])),
                }
            }
        }
        if reasons.is_empty() {
            return "every post they may take is full".into();
        }
        reasons
            .into_iter()
            .map(|(t, ids)| format!("{t} ({})", ids.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

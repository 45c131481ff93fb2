//! The allocation of staff to posts (SPEC §5): who takes which post in each merged unit, who
//! is surplus and what their package costs, which posts stay vacant — proved optimal for the
//! lexicographic objective of SPEC §5.4.
//!
//! [`problem`] formulates (eligibility, fit, costs, rules); [`solve`] solves exactly (a
//! min-cost flow from [`flow`], with branch and bound for MinShare rules); this module splits
//! the scenario into independent components (one per merger under `pool: PerMerger`, solved
//! in parallel) and assembles the [`Plan`].

pub mod explain;
pub mod flow;
pub mod milp;
pub mod problem;
pub mod solve;

use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::law::{self, Package, Roadmap, RoadmapPerson};
use crate::model::{Pool, Scenario};
use crate::watch::Watch;
use problem::{law_policy, package_input, Fit, Problem};
pub use solve::{Conflict, ConflictKind};
use solve::{Objective, Solved, Status};

/// A placement: a person takes a new post.
#[derive(Debug, Clone, Serialize)]
pub struct Assignment {
    pub staff: String,
    pub name: String,
    pub position: String,
    pub title: String,
    /// The fit (SPEC §5.3).
    pub fit: u64,
    pub fit_terms: FitTerms,
    /// The person's post before the merger.
    pub previous_position: Option<String>,
    /// The title of that post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_title: Option<String>,
    /// The merger the person comes from (differs from the post's under `pool: Scenario`).
    pub from_unit: String,
    /// Set when the person is past retirement age and placed only because a Retain rule keeps
    /// them: the rule's `until` (the output flags it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retained_until: Option<String>,
}

/// The fit's terms, for explanations.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FitTerms {
    pub continuity: u64,
    pub preferred: u64,
    pub seniority: u64,
    pub local: u64,
}

impl From<Fit> for FitTerms {
    fn from(f: Fit) -> Self {
        FitTerms {
            continuity: f.continuity,
            preferred: f.preferred,
            seniority: f.seniority,
            local: f.local,
        }
    }
}

/// A person without a post in the new unit, with the law's package.
#[derive(Debug, Clone, Serialize)]
pub struct Surplus {
    pub staff: String,
    pub name: String,
    /// Retire, EarlyRetirement, Quit or None.
    pub package: &'static str,
    pub months_to_retirement: i64,
    pub cost_vnd: u64,
    pub previous_position: Option<String>,
    /// The title of that post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_title: Option<String>,
    /// Whether the person retires: their pension has started by the effective date (package
    /// Retire). They were not a candidate for any post.
    pub retiring: bool,
    /// The month their pension starts ("YYYY-MM").
    pub pension_start: law::YearMonth,
    /// The package with its full breakdown.
    pub detail: Package,
}

/// A person past retirement age kept a candidate by a Retain rule (SPEC §6.2).
#[derive(Debug, Clone, Serialize)]
pub struct Retained {
    pub staff: String,
    pub name: String,
    /// The month their pension started.
    pub pension_start: law::YearMonth,
    /// The rule's `until`.
    pub until: String,
    /// The rule's number in the scenario.
    pub rule: usize,
    /// The post they take, if placed.
    pub position: Option<String>,
}

/// A post (or part of its quota) left empty.
#[derive(Debug, Clone, Serialize)]
pub struct Vacancy {
    pub position: String,
    pub title: String,
    pub count: u32,
}

/// The plan of one merger.
#[derive(Debug, Clone, Serialize)]
pub struct MergerPlan {
    /// The new unit.
    pub unit: String,
    pub name: String,
    /// The official statistics code of the new unit, if the scenario gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The units it takes whole.
    pub from: Vec<String>,
    /// The units of which it takes a part (split among several new units). Their people who
    /// stay surplus are listed under the first merger that takes a part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    /// The norm: the sum of the new posts' quotas.
    pub norm: u32,
    /// The people who came from this merger's units.
    pub candidates: usize,
    /// Placements in this unit's posts, in post order.
    pub assignments: Vec<Assignment>,
    /// This merger's candidates who got no post, the retiring included (`retiring: true`).
    pub surplus: Vec<Surplus>,
    /// People past retirement age whom a Retain rule keeps a candidate.
    pub retained: Vec<Retained>,
    pub vacancies: Vec<Vacancy>,
    /// The transition year by year (SPEC §6.3).
    pub roadmap: Roadmap,
}

/// Sums over the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub candidates: usize,
    pub assigned: usize,
    pub surplus: usize,
    /// Of the surplus, those who retire (pension started by the effective date).
    pub retiring: usize,
    pub vacancies: u64,
    pub fit: u64,
    pub surplus_cost_vnd: u64,
}

/// How the plan was solved.
#[derive(Debug, Clone, Serialize)]
pub struct SolverInfo {
    /// "Optimal" when proved; "NodeLimit" or "TimeLimit" when the search stopped early with a
    /// feasible plan that is not proved optimal.
    pub status: &'static str,
    pub seconds: f64,
    /// The method.
    pub backend: &'static str,
    /// Independent components solved.
    pub components: usize,
    /// Branch-and-bound nodes over all components (one per component when no MinShare
    /// rule binds).
    pub nodes: usize,
    /// Components where a MinShare rule changed the plan.
    pub share_binding: usize,
    /// When the plan is not proved optimal: what no plan can exceed (lexicographically: posts
    /// filled, then fit), from the Lagrangian relaxation of the MinShare rules; the gap to the
    /// plan's totals is what the search could still gain. Absent when proved optimal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
}

/// An upper bound on the objective of every plan of a scenario ([`SolverInfo::bound`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// No plan fills more posts.
    pub assigned: u64,
    /// No plan that fills `assigned` posts has a higher total fit.
    pub fit: u64,
}

/// The plan of a scenario (SPEC §7.1).
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub scenario: String,
    pub effective: String,
    pub mergers: Vec<MergerPlan>,
    pub totals: Totals,
    pub solver: SolverInfo,
    /// Why each person is where they are and each vacancy is empty (`plan --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanations: Option<explain::Explanations>,
    /// The problem as formulated, for explanations.
    #[serde(skip)]
    pub problem: Problem,
    /// The post of each candidate (problem indices).
    #[serde(skip)]
    pub assign: Vec<Option<usize>>,
}

/// A scenario with no plan: the conflicting rules and posts.
#[derive(Debug, Clone, thiserror::Error)]
#[error("no plan satisfies every rule: {:?}", .conflicts.iter().map(|c| &c.kind).collect::<Vec<_>>())]
pub struct Infeasible {
    pub conflicts: Vec<Conflict>,
}

/// Which method solves the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    /// Min-cost flow with branch and bound for MinShare rules (the default: exact and fast).
    #[default]
    Flow,
    /// A MILP through good_lp (three lexicographic solves).
    Milp(milp::MilpSolver),
}

impl Backend {
    /// The name shown in the output.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Flow => "flow",
            Backend::Milp(milp::MilpSolver::MicroLp) => "milp-microlp",
            #[cfg(feature = "highs")]
            Backend::Milp(milp::MilpSolver::Highs) => "milp-highs",
        }
    }
}

/// Solves one component with the chosen backend.
fn solve_one(
    scenario: &Scenario,
    problem: &Problem,
    (c, p, g): (&[usize], &[usize], &[usize]),
    backend: Backend,
    limits: solve::Limits,
) -> Result<Solved, Vec<Conflict>> {
    match backend {
        Backend::Flow => solve::solve_component(scenario, problem, c, p, g, limits),
        Backend::Milp(solver) => match milp::solve_component(scenario, problem, c, p, g, solver) {
            Ok(s) => Ok(s),
            // The flow method names the conflicting rules.
            Err(milp::MilpError::Infeasible) => {
                solve::solve_component(scenario, problem, c, p, g, limits)
            }
            Err(milp::MilpError::Solver(msg)) => Err(vec![Conflict {
                rules: Vec::new(),
                posts: Vec::new(),
                kind: ConflictKind::MilpFailed(msg),
            }]),
        },
    }
}

/// Plans a scenario: the optimal allocation, surplus packages, vacancies and roadmaps.
pub fn plan(scenario: &Scenario) -> Result<Plan, Infeasible> {
    plan_with(scenario, Backend::Flow)
}

/// Plans a scenario with a chosen backend.
pub fn plan_with(scenario: &Scenario, backend: Backend) -> Result<Plan, Infeasible> {
    plan_limited(scenario, backend, None)
}

/// Plans a scenario; after `time_limit` the branch and bound for MinShare rules stops and
/// returns the best plan found with status `TimeLimit` (never before a first plan exists).
pub fn plan_limited(
    scenario: &Scenario,
    backend: Backend,
    time_limit: Option<std::time::Duration>,
) -> Result<Plan, Infeasible> {
    plan_watched(scenario, backend, time_limit, &Watch::default())
}

/// [`plan_limited`], reporting each solved component to `watch` and stopping early when it is
/// asked to: a stopped run returns an unfinished plan (status `Interrupted`) or no plan, and
/// the caller, who knows it stopped the run, must not take either for an answer.
pub fn plan_watched(
    scenario: &Scenario,
    backend: Backend,
    time_limit: Option<std::time::Duration>,
    watch: &Watch,
) -> Result<Plan, Infeasible> {
    let start = Instant::now();
    let limits = solve::Limits {
        deadline: time_limit.map(|t| start + t),
        watch: Some(watch),
    };
    let problem = Problem::new(scenario);
    // Components: independent sub-problems.
    let components: Vec<(Vec<usize>, Vec<usize>, Vec<usize>)> = match problem.pool {
        Pool::PerMerger => {
            // One component per merger, except that mergers taking parts of one split unit
            // are one component: its people compete for the posts of each.
            let n = scenario.mergers.len();
            let comp_of = joined_mergers(n, &problem);
            let count = comp_of.iter().map(|&k| k + 1).max().unwrap_or(0);
            // One pass over candidates, posts and groups, bucketed by component.
            let mut comps: Vec<(Vec<usize>, Vec<usize>, Vec<usize>)> =
                vec![(Vec::new(), Vec::new(), Vec::new()); count];
            for (c, cand) in problem.candidates.iter().enumerate() {
                comps[comp_of[cand.merger]].0.push(c);
            }
            for (p, post) in problem.posts.iter().enumerate() {
                comps[comp_of[post.merger]].1.push(p);
            }
            for (g, grp) in problem.groups.iter().enumerate() {
                comps[comp_of[grp.merger]].2.push(g);
            }
            comps
        }
        Pool::Scenario => vec![(
            (0..problem.candidates.len()).collect(),
            (0..problem.posts.len()).collect(),
            (0..problem.groups.len()).collect(),
        )],
    };
    watch.start(components.len() as u64, crate::watch::Stage::Components);
    let results: Vec<Result<Solved, Vec<Conflict>>> = components
        .par_iter()
        .map(|(c, p, g)| {
            if watch.stopped() {
                return Err(vec![Conflict {
                    rules: Vec::new(),
                    posts: Vec::new(),
                    kind: ConflictKind::Interrupted,
                }]);
            }
            let r = solve_one(scenario, &problem, (c, p, g), backend, limits);
            watch.advance(1);
            r
        })
        .collect();

    let mut assign = vec![None; problem.candidates.len()];
    let mut conflicts = Vec::new();
    let mut status = Status::Optimal;
    let mut nodes = 0;
    let mut share_binding = 0;
    let mut objective = Objective::default();
    let mut bound = Objective::default();
    for r in results {
        match r {
            Ok(s) => {
                for (c, a) in s.assign {
                    assign[c] = a;
                }
                if s.status != Status::Optimal {
                    status = s.status;
                }
                nodes += s.nodes;
                share_binding += usize::from(s.share_binding);
                objective.placed += s.objective.placed;
                objective.fit += s.objective.fit;
                // Each component's bound is lexicographically at least its objective, so
                // the sums keep that order.
                bound.placed += s.bound.placed;
                bound.fit += s.bound.fit;
            }
            Err(c) => conflicts.extend(c),
        }
    }
    if !conflicts.is_empty() {
        return Err(Infeasible { conflicts });
    }
    let mergers = assemble(scenario, &problem, &assign);
    let totals = Totals {
        candidates: problem.candidates.len(),
        assigned: mergers.iter().map(|m| m.assignments.len()).sum(),
        surplus: mergers.iter().map(|m| m.surplus.len()).sum(),
        retiring: mergers
            .iter()
            .flat_map(|m| &m.surplus)
            .filter(|s| s.retiring)
            .count(),
        vacancies: mergers
            .iter()
            .flat_map(|m| &m.vacancies)
            .map(|v| u64::from(v.count))
            .sum(),
        fit: objective.fit,
        surplus_cost_vnd: mergers
            .iter()
            .flat_map(|m| &m.surplus)
            .map(|s| s.cost_vnd)
            .sum(),
    };
    Ok(Plan {
        scenario: scenario.name.clone(),
        effective: scenario.effective.to_string(),
        mergers,
        totals,
        solver: SolverInfo {
            status: match status {
                Status::Optimal => "Optimal",
                Status::NodeLimit => "NodeLimit",
                Status::TimeLimit => "TimeLimit",
                Status::Interrupted => "Interrupted",
            },
            seconds: start.elapsed().as_secs_f64(),
            backend: backend.name(),
            components: components.len(),
            nodes,
            share_binding,
            bound: (status != Status::Optimal).then_some(Bound {
                assigned: bound.placed,
                fit: bound.fit,
            }),
        },
        explanations: None,
        problem,
        assign,
    })
}

/// The day a retained person past retirement age leaves: the day after the Retain rule's
/// `until`.
fn retained_leaves(cand: &problem::Candidate) -> Option<chrono::NaiveDate> {
    cand.retained
        .filter(|_| cand.package.months_to_retirement <= 0)
        .and_then(|(_, until)| until.succ_opt())
}

/// The component of each merger under `pool: PerMerger`, numbered by the first merger of each
/// (so in merger order): mergers linked by a split unit's people are joined (union-find).
fn joined_mergers(n: usize, problem: &Problem) -> Vec<usize> {
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..n).collect();
    for cand in &problem.candidates {
        for &m in &cand.mergers[1..] {
            let (a, b) = (root(&mut parent, cand.mergers[0]), root(&mut parent, m));
            // The smaller index is the root, so the numbering below follows merger order.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            parent[hi] = lo;
        }
    }
    let mut number = vec![usize::MAX; n];
    let mut next = 0;
    let mut out = Vec::with_capacity(n);
    for m in 0..n {
        let r = root(&mut parent, m);
        if number[r] == usize::MAX {
            number[r] = next;
            next += 1;
        }
        out.push(number[r]);
    }
    out
}

fn assemble(scenario: &Scenario, problem: &Problem, assign: &[Option<usize>]) -> Vec<MergerPlan> {
    let model = &scenario.model;
    let policy = law_policy(scenario);
    let prev = |s: usize| {
        model.staff[s]
            .position
            .map(|p| model.positions[p].id.clone())
    };
    let prev_title = |s: usize| {
        model.staff[s]
            .position
            .map(|p| model.positions[p].title.clone())
    };
    // Placements and candidates by merger, in one pass.
    let mut placed_in: Vec<Vec<(usize, usize)>> = vec![Vec::new(); scenario.mergers.len()];
    let mut cands_of: Vec<Vec<usize>> = vec![Vec::new(); scenario.mergers.len()];
    for (c, a) in assign.iter().enumerate() {
        if let Some(p) = *a {
            placed_in[problem.posts[p].merger].push((c, p));
        }
        cands_of[problem.candidates[c].merger].push(c);
    }
    scenario
        .mergers
        .par_iter()
        .enumerate()
        .map(|(m, merger)| {
            let mut assignments = Vec::new();
            let mut filled = vec![0u32; merger.posts.len()];
            let mut roadmap_people = Vec::new();
            // Placements, in post order then candidate order.
            let mut placed = placed_in[m].clone();
            placed.sort_by_key(|&(c, p)| (problem.posts[p].index, c));
            for (c, p) in placed {
                let cand = &problem.candidates[c];
                let person = &model.staff[cand.staff];
                let post = &merger.posts[problem.posts[p].index];
                filled[problem.posts[p].index] += 1;
                let fit = problem.fit(scenario, c, p);
                assignments.push(Assignment {
                    staff: person.id.clone(),
                    name: person.name.clone(),
                    position: post.id.clone(),
                    title: post.title.clone(),
                    fit: fit.total(),
                    fit_terms: fit.into(),
                    previous_position: prev(cand.staff),
                    previous_title: prev_title(cand.staff),
                    from_unit: scenario.mergers[cand.merger].into.id.clone(),
                    retained_until: cand
                        .retained
                        .filter(|_| cand.package.months_to_retirement <= 0)
                        .map(|(_, until)| until.to_string()),
                });
                roadmap_people.push(RoadmapPerson {
                    id: person.id.clone(),
                    input: package_input(person),
                    placed: true,
                    leaves: retained_leaves(cand),
                });
            }
            let mut surplus = Vec::new();
            let mut retained = Vec::new();
            let mut candidates = 0;
            for &c in &cands_of[m] {
                let cand = &problem.candidates[c];
                candidates += 1;
                if let Some((rule, until)) = cand.retained {
                    if cand.package.months_to_retirement <= 0 {
                        retained.push(Retained {
                            staff: model.staff[cand.staff].id.clone(),
                            name: model.staff[cand.staff].name.clone(),
                            pension_start: cand.package.retirement.pension_start,
                            until: until.to_string(),
                            rule,
                            position: assign[c].map(|p| {
                                scenario.mergers[problem.posts[p].merger].posts
                                    [problem.posts[p].index]
                                    .id
                                    .clone()
                            }),
                        });
                    }
                }
                if assign[c].is_some() {
                    continue;
                }
                let person = &model.staff[cand.staff];
                surplus.push(Surplus {
                    staff: person.id.clone(),
                    name: person.name.clone(),
                    package: cand.package.kind.as_str(),
                    months_to_retirement: cand.package.months_to_retirement,
                    cost_vnd: cand.package.cost_vnd,
                    previous_position: prev(cand.staff),
                    previous_title: prev_title(cand.staff),
                    retiring: cand.package.kind == law::PackageKind::Retire,
                    pension_start: cand.package.retirement.pension_start,
                    detail: cand.package.clone(),
                });
                roadmap_people.push(RoadmapPerson {
                    id: person.id.clone(),
                    input: package_input(person),
                    placed: false,
                    leaves: retained_leaves(cand),
                });
            }
            let vacancies = merger
                .posts
                .iter()
                .zip(&filled)
                .filter(|(p, &f)| f < p.quota)
                .map(|(p, &f)| Vacancy {
                    position: p.id.clone(),
                    title: p.title.clone(),
                    count: p.quota - f,
                })
                .collect();
            let norm = merger.norm();
            let roadmap = law::roadmap(
                &roadmap_people,
                norm,
                &policy,
                scenario.policy.transition_years,
            );
            MergerPlan {
                unit: merger.into.id.clone(),
                name: merger.into.name.clone(),
                code: merger.into.code.clone(),
                from: merger
                    .from
                    .iter()
                    .map(|&u| model.units[u].id.clone())
                    .collect(),
                parts: merger
                    .parts
                    .iter()
                    .map(|&u| model.units[u].id.clone())
                    .collect(),
                population: merger.into.population,
                area_km2: merger.into.area_km2,
                norm,
                candidates,
                assignments,
                surplus,
                retained,
                vacancies,
                roadmap,
            }
        })
        .collect()
}

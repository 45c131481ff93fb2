//! The same allocation as a mixed-integer program through good_lp: an independent second
//! method, used to cross-check the flow solver and as the `--solver milp` / `--solver highs`
//! backends.
//!
//! The lexicographic objective of SPEC §5.4 is solved as three programs in turn (most posts
//! filled; then, with that number fixed, highest fit; then, with both fixed, the highest cost
//! kept in post), so that no tier is folded into a float and every coefficient stays an exact
//! integer in `f64` (below 2^53).

use std::collections::HashSet;

use good_lp::{
    constraint, variable, Expression, ProblemVariables, Solution, SolverModel, Variable,
};

use super::problem::Problem;
use super::solve::{Objective, Solved, Status};
use crate::model::Scenario;

/// Which MILP solver good_lp drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilpSolver {
    /// microlp: pure Rust, always built.
    MicroLp,
    /// HiGHS (cargo feature `highs`), with the MIP gap set to 0.
    #[cfg(feature = "highs")]
    Highs,
}

/// Why the MILP backend gave no plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilpError {
    /// The rules cannot all hold.
    Infeasible,
    /// The solver failed.
    Solver(String),
}

/// Solves one component as three MILPs (see the module doc).
pub fn solve_component(
    scenario: &Scenario,
    problem: &Problem,
    cands: &[usize],
    posts: &[usize],
    groups: &[usize],
    solver: MilpSolver,
) -> Result<Solved, MilpError> {
    let cand_set: HashSet<usize> = cands.iter().copied().collect();
    let pinned: Vec<(usize, usize)> = problem
        .pins
        .iter()
        .filter(|(c, _, _)| cand_set.contains(c))
        .map(|&(c, p, _)| (c, p))
        .collect();
    // Pairs: eligible, or pinned (a pin to an ineligible post is infeasible).
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &c in cands {
        for &p in posts {
            if problem.eligible(scenario, c, p) {
                pairs.push((c, p));
            }
        }
    }
    for &(c, p) in &pinned {
        if !pairs.contains(&(c, p)) {
            return Err(MilpError::Infeasible);
        }
    }
    if pairs.is_empty() {
        // Nobody may take any post (HiGHS refuses an empty model): the plan is empty, unless
        // a rule needs someone placed.
        if !pinned.is_empty() || problem.keeps.iter().any(|(c, _)| cand_set.contains(c)) {
            return Err(MilpError::Infeasible);
        }
        return Ok(Solved {
            assign: cands.iter().map(|&c| (c, None)).collect(),
            objective: Objective::default(),
            status: Status::Optimal,
            nodes: 0,
            share_binding: false,
            bound: Objective::default(),
        });
    }
    let fit: Vec<f64> = pairs
        .iter()
        .map(|&(c, p)| problem.fit(scenario, c, p).total() as f64)
        .collect();
    let cost: Vec<f64> = pairs
        .iter()
        .map(|&(c, _)| problem.candidates[c].package.cost_vnd as f64)
        .collect();
    let ones = vec![1.0; pairs.len()];

    let mut fixed: Vec<(Vec<f64>, f64)> = Vec::new();
    let mut values = Vec::new();
    for tier in [&ones, &fit, &cost] {
        let (x, best) = solve_tier(
            problem, &pairs, &pinned, groups, cands, posts, tier, &fixed, solver,
        )?;
        fixed.push((tier.clone(), best));
        values = x;
    }
    let mut post_of = std::collections::HashMap::new();
    let mut obj = Objective::default();
    for (i, &(c, p)) in pairs.iter().enumerate() {
        if values[i] > 0.5 {
            post_of.insert(c, p);
            obj.placed += 1;
            obj.fit += fit[i] as u64;
            obj.cost_placed += problem.candidates[c].package.cost_vnd as u128;
        }
    }
    let assign = cands
        .iter()
        .map(|&c| (c, post_of.get(&c).copied()))
        .collect();
    Ok(Solved {
        assign,
        objective: obj,
        status: Status::Optimal,
        nodes: 3,
        share_binding: false,
        bound: obj,
    })
}

#[allow(clippy::too_many_arguments)]
fn solve_tier(
    problem: &Problem,
    pairs: &[(usize, usize)],
    pinned: &[(usize, usize)],
    groups: &[usize],
    cands: &[usize],
    posts: &[usize],
    objective: &[f64],
    fixed: &[(Vec<f64>, f64)],
    solver: MilpSolver,
) -> Result<(Vec<f64>, f64), MilpError> {
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = pairs
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let sum = |coef: &dyn Fn(usize) -> f64, filter: &dyn Fn(usize) -> bool| -> Expression {
        let mut e = Expression::from(0.0);
        for (i, v) in x.iter().enumerate() {
            if filter(i) {
                e += coef(i) * *v;
            }
        }
        e
    };
    let obj = sum(&|i| objective[i], &|_| true);
    let mut constraints = Vec::new();
    for &c in cands {
        constraints.push(constraint!(sum(&|_| 1.0, &|i| pairs[i].0 == c) <= 1.0));
    }
    for &p in posts {
        let q = f64::from(problem.posts[p].quota);
        constraints.push(constraint!(sum(&|_| 1.0, &|i| pairs[i].1 == p) <= q));
    }
    for &(c, p) in pinned {
        constraints.push(constraint!(sum(&|_| 1.0, &|i| pairs[i] == (c, p)) == 1.0));
    }
    for &(c, _) in &problem.keeps {
        if cands.contains(&c) {
            constraints.push(constraint!(sum(&|_| 1.0, &|i| pairs[i].0 == c) == 1.0));
        }
    }
    for &g in groups {
        let grp = &problem.groups[g];
        let in_group = |i: usize| {
            let post = &problem.posts[pairs[i].1];
            post.merger == grp.merger && post.kind == grp.kind
        };
        let (num, den) = (grp.share.num as f64, grp.share.den as f64);
        // den × (people of the gender) − num × (everyone) ≥ 0.
        let e = sum(
            &|i| {
                if problem.candidate_gender(pairs[i].0) == grp.gender {
                    den - num
                } else {
                    -num
                }
            },
            &in_group,
        );
        constraints.push(constraint!(e >= 0.0));
    }
    for (coef, value) in fixed {
        constraints.push(constraint!(sum(&|i| coef[i], &|_| true) >= *value - 0.5));
    }
    let unsolved = vars.maximise(obj.clone());
    let result = match solver {
        MilpSolver::MicroLp => unsolved
            .using(good_lp::microlp)
            .with_all(constraints)
            .solve()
            .map(|s| {
                let vals: Vec<f64> = x.iter().map(|v| s.value(*v)).collect();
                vals
            }),
        #[cfg(feature = "highs")]
        MilpSolver::Highs => {
            let model = unsolved.using(good_lp::highs).with_all(constraints);
            let model = model
                .set_mip_rel_gap(0.0)
                .map_err(|e| MilpError::Solver(e.to_string()))?;
            model
                .solve()
                .map(|s| x.iter().map(|v| s.value(*v)).collect())
        }
    };
    match result {
        Ok(vals) => {
            let best: f64 = vals.iter().zip(objective).map(|(v, c)| v.round() * c).sum();
            Ok((vals, best))
        }
        Err(good_lp::ResolutionError::Infeasible) => Err(MilpError::Infeasible),
        Err(e) => Err(MilpError::Solver(e.to_string())),
    }
}

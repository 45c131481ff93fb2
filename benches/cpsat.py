#!/usr/bin/env python3
"""orgplan against OR-Tools CP-SAT on the same allocation problem (issue 4).

Usage:  pip install ortools
        cargo build --release
        python3 benches/cpsat.py SCENARIO.ron [--workers 2] [--time-limit 600]

`orgplan formulate` writes the problem exactly as orgplan solves it (candidates, posts, every
eligible pair with its fit, pins, keeps, MinShare groups). CP-SAT solves it lexicographically,
as SPEC §5.4 orders the objective: most posts filled; then, with that fixed, the highest fit;
then the highest package cost kept in post (the cheapest surplus). The script times
`orgplan plan` end to end (load, solve, price, JSON) against CP-SAT's three solves alone
(model building not counted), checks that both reach the same optimum, and prints the ratio.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from ortools.sat.python import cp_model

ROOT = Path(__file__).resolve().parent.parent
ORGPLAN = ROOT / "target" / "release" / "orgplan"


def solve_cpsat(f, workers, time_limit):
    pairs = f["pairs"]
    cands = f["candidates"]
    tiers = [
        [1] * len(pairs),
        [fit for (_, _, fit) in pairs],
        [cands[c]["cost_vnd"] for (c, _, _) in pairs],
    ]
    fixed = []
    seconds = 0.0
    values = None
    for tier in tiers:
        m = cp_model.CpModel()
        x = [m.NewBoolVar("") for _ in pairs]
        by_cand, by_post = {}, {}
        for i, (c, p, _) in enumerate(pairs):
            by_cand.setdefault(c, []).append(i)
            by_post.setdefault(p, []).append(i)
        for c, ids in by_cand.items():
            m.Add(sum(x[i] for i in ids) <= 1)
        for p, ids in by_post.items():
            m.Add(sum(x[i] for i in ids) <= f["posts"][p]["quota"])
        index = {(c, p): i for i, (c, p, _) in enumerate(pairs)}
        for c, p in f["pins"]:
            m.Add(x[index[(c, p)]] == 1)
        for c in f["keeps"]:
            m.Add(sum(x[i] for i in by_cand.get(c, [])) == 1)
        for g in f["groups"]:
            posts = set(g["posts"])
            terms = []
            for i, (c, p, _) in enumerate(pairs):
                if p in posts:
                    of = cands[c]["female"] == g["female"]
                    terms.append((g["den"] - g["num"] if of else -g["num"], x[i]))
            if terms:
                m.Add(sum(k * v for k, v in terms) >= 0)
        for coef, best in fixed:
            m.Add(sum(k * v for k, v in zip(coef, x)) >= best)
        m.Maximize(sum(k * v for k, v in zip(tier, x)))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers
        solver.parameters.max_time_in_seconds = time_limit
        start = time.perf_counter()
        status = solver.Solve(m)
        seconds += time.perf_counter() - start
        if status != cp_model.OPTIMAL:
            return None, seconds, solver.StatusName(status)
        best = round(solver.ObjectiveValue())
        fixed.append((tier, best))
        values = [solver.Value(v) for v in x]
    placed = sum(values)
    fit = sum(v * t for v, t in zip(values, tiers[1]))
    kept_cost = sum(v * t for v, t in zip(values, tiers[2]))
    return (placed, fit, kept_cost), seconds, "OPTIMAL"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=600.0)
    a = ap.parse_args()

    f = json.loads(subprocess.run([ORGPLAN, "formulate", a.scenario], check=True,
                                  capture_output=True).stdout)
    start = time.perf_counter()
    out = subprocess.run([ORGPLAN, "plan", a.scenario, "--format", "json"], check=True,
                         capture_output=True).stdout
    orgplan_s = time.perf_counter() - start
    plan = json.loads(out)
    total_cost = sum(c["cost_vnd"] for c in f["candidates"])
    mine = (plan["totals"]["assigned"], plan["totals"]["fit"],
            total_cost - plan["totals"]["surplus_cost_vnd"])

    theirs, cpsat_s, status = solve_cpsat(f, a.workers, a.time_limit)
    print(f"instance: {len(f['candidates'])} candidates, {len(f['posts'])} posts, "
          f"{len(f['pairs'])} eligible pairs, {len(f['groups'])} MinShare groups")
    print(f"orgplan plan (end to end): {orgplan_s:.2f} s, {plan['solver']['status']}, "
          f"placed/fit/cost kept = {mine}")
    print(f"CP-SAT ({a.workers} workers, solve only): {cpsat_s:.2f} s, {status}, "
          f"placed/fit/cost kept = {theirs}")
    if theirs is not None:
        print(f"same optimum: {theirs == mine}; CP-SAT / orgplan = {cpsat_s / orgplan_s:.1f}x")
        return 0 if theirs == mine else 1
    return 1


if __name__ == "__main__":
    sys.exit(main())

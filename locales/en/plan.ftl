# The plan (orgplan plan): placements, surplus, roadmap, totals, solver, explanations, conflicts.
plan-title = { $scenario } — effective { $date }
plan-merger = { $name } [{ $unit }] ← { $from }; population { $population }, area { $area } km²; norm { $norm }; { $candidates ->
    [one] one candidate
   *[other] { $candidates } candidates
}
plan-unknown = unknown
plan-placed-heading = Placed ({ $n }):
plan-surplus-heading = Surplus ({ $n }):
plan-roadmap-heading = Roadmap over { $n ->
    [one] one year
   *[other] { $n } years
}:
plan-vacant-row = — { $n } vacant —
plan-retirement-reached = retirement age reached (pension from { $month })
plan-totals = Totals: { $candidates ->
    [one] one candidate
   *[other] { $candidates } candidates
}, { $assigned } placed, { $retiring } retiring, { $surplus } surplus, { $vacancies ->
    [one] one vacancy
   *[other] { $vacancies } vacancies
}; total fit { $fit }; surplus cost { $cost }
plan-solver = Solver: { $status } in { $seconds } s ({ $components ->
    [one] one component
   *[other] { $components } components
}, { $nodes ->
    [one] one node
   *[other] { $nodes } nodes
})
plan-bound = Bound: no plan fills more than { $assigned } posts, nor has a fit above { $fit } with { $assigned } filled (gap: { $gap })
plan-gap-posts = { $n ->
    [one] one post
   *[other] { $n } posts
}
plan-gap-fit = fit { $n }
plan-status-optimal = optimal (proved)
plan-status-node-limit = stopped at the node limit, not proved optimal
plan-status-time-limit = stopped at the time limit, not proved optimal
plan-status-interrupted = interrupted
plan-status-assigned = placed
plan-status-surplus = surplus
plan-status-vacancy = vacancy
plan-gender-female = women
plan-gender-male = men
plan-kind-leader = Leader
plan-kind-cadre = Cadre
plan-kind-civil-servant = civil servant
plan-kind-part-time = part-time
plan-total-row = Total

# Columns of the tables, CSV and workbook.
plan-col-new-title = New post
plan-col-placed = Placed person
plan-col-from-old-post = From former post
plan-col-fit = Fit
plan-col-surplus-person = Surplus person
plan-col-old-post = Former post
plan-col-package = Package
plan-col-months-short = Months to retirement
plan-col-months = Months to retirement
plan-col-cost = Cost
plan-col-cost-vnd = Cost (₫)
plan-col-year = Year
plan-col-from-date = From
plan-col-headcount = Headcount
plan-col-norm = Norm
plan-col-over-norm = Over the norm
plan-col-retiring = Retiring in the year
plan-col-release-cost = Cost if released
plan-col-new-unit = New unit
plan-col-status = Status
plan-col-staff-id = Staff id
plan-col-name = Name
plan-col-post = Post
plan-col-title = Title
plan-col-vacancies = Vacancies
plan-col-unit-name = Name
plan-col-merged-from = Merged from
plan-col-population = Population
plan-col-area = Area (km²)
plan-col-candidates = Candidates
plan-col-assigned = Placed
plan-col-surplus = Surplus
plan-col-package-cost = Package cost (₫)
plan-col-source = From (merger)
plan-col-insured-years = Insured years
plan-col-monthly-salary = Monthly salary (₫)
plan-col-basis = Legal basis
plan-col-working = Working
plan-col-count = Count
plan-col-start = From
plan-col-end = To
plan-col-headcount-start = At the start
plan-col-retiring-list = Retiring
plan-col-released = Released
plan-col-headcount-end = At the end
plan-col-release-cost-vnd = Release cost (₫)
plan-sheet-summary = Summary
plan-sheet-placed = Placed
plan-sheet-surplus = Surplus
plan-sheet-vacancies = Vacancies
plan-sheet-roadmap = Roadmap

# Explanations (--explain).
plan-explain-heading = Explanations — why
plan-explain-placements = Placements:
plan-explain-placement = { $staff } → { $post }: fit { $fit } = continuity { $continuity } + preferred { $preferred } + seniority { $seniority } + local { $local }
plan-explain-runners-up = runners-up: { $list }
plan-explain-runner-up = { $staff } (fit { $fit }, { $place })
plan-explain-surplus = surplus
plan-explain-surplus-heading = Surplus:
plan-explain-surplus-none = { $staff } may take none of the new posts: { $reasons }
plan-explain-surplus-outranked = { $staff } may take { $n ->
    [one] one post, held by a person
   *[other] { $n } posts, all held by people
} preferred on: { $tiers }
plan-explain-vacancies-heading = Vacancies:
plan-explain-vacancy-none = no candidate may take it: { $reasons }
plan-explain-vacancy-elsewhere = { $n ->
    [one] its one eligible candidate holds another post
   *[other] its { $n } eligible candidates hold other posts
}: { $list }
plan-explain-count = { $reason } ({ $n ->
    [one] one candidate
   *[other] { $n } candidates
})
plan-rule-pin = rule { $n } (Pin)
plan-rule-keep = rule { $n } (Keep)
plan-tier-rule = rule
plan-tier-fit = fit
plan-tier-cost = cost
plan-tier-posts-filled = posts filled
plan-why-held-by-rule = { $holder } holds it by { $rule }
plan-why-fits-better = { $holder } fits better: { $theirs } against { $mine }
plan-why-cost = equal fit { $fit }; releasing { $staff } costs { $cost }, releasing { $holder } would cost { $holder_cost }
plan-why-posts-filled = { $holder } fits worse ({ $theirs } against { $mine }), but no arrangement with { $staff } in it fills as many posts (or meets the MinShare rules)
plan-why-missing = missing the required { $n ->
    [one] qualification
   *[other] qualifications
} { $list }
plan-why-women-only = a post for women only
plan-why-men-only = a post for men only
plan-why-not-leadership = a Leader or Cadre post, and the person's current post is neither
plan-why-forbidden = forbidden by rule { $rule }
plan-why-other-merger = a post of another merger (pool: PerMerger)
plan-why-retired = past retirement age (pension started), and no Retain rule keeps the person

# No plan is possible.
plan-infeasible = no plan is possible: { $what }
plan-infeasible-rules = { $what } [{ $n ->
    [one] rule
   *[other] rules
} { $rules }]
plan-infeasible-help = change or remove one of the rules named, or the posts' requirements
plan-conflict-pinned-twice = { $staff } is pinned to two posts, { $first } and { $second }; a person takes one post
plan-conflict-pin-ineligible = rule { $rule } pins { $staff } to { $post }, but { $staff } may not take it: { $why }
plan-conflict-pins-over-quota = { $post } has a quota of { $quota } but { $n } people are pinned to it: { $list }
plan-conflict-by-rule = { $staff } (rule { $rule })
plan-conflict-keep-no-post = rule { $rule } keeps { $staff }, but no post is open to { $staff }: { $reasons }
plan-conflict-keep-full = rule { $rule } keeps { $staff }, but every post open to { $staff } is full
plan-conflict-keep-crowded = rule { $rule } keeps { $staff }, who may take only { $posts }, and those places all go to people whom other Keep or Pin rules require
plan-conflict-min-share = rule { $rule } needs at least { $num }/{ $den } { $gender } among the people placed in { $kind } posts of { $unit }, but the pinned people make that impossible
plan-conflict-pinned-to = { $staff } → { $post } (rule { $rule })
plan-conflict-time-limit = no plan meeting every MinShare rule was found within the time limit; raise --time-limit, or plan with pool: PerMerger (each merger on its own is solved in a fraction of a second)
plan-conflict-interrupted = no plan: the run was interrupted before a plan was found
plan-conflict-too-large = the weights and costs are too large to fold into one exact objective; lower the weights
plan-conflict-milp = the MILP solver failed: { $message }

# Scenarios side by side (orgplan compare, orgplan sweep).
compare-m-units-before = Units before
compare-m-units-after = Units after
compare-m-units-dissolved = Units dissolved (merged into a new unit)
compare-m-units-created = Units created
compare-m-population = Population: { $unit }
compare-m-population-vs-standard = Population against the standard: { $unit }
compare-m-area = Area: { $unit }
compare-m-area-vs-standard = Area against the standard: { $unit }
compare-m-below-standard = Against the administrative unit standard: { $unit }
compare-m-decision-759 = Decision 759 (≥ { $population }% of the standard population, ≥ { $area }% of its area): { $unit }
compare-m-new-units-below-standard = New units below the standard
compare-m-new-communes-failing-759 = New communes failing Decision 759
compare-m-staff = Staff (candidates)
compare-m-norm = Norm (posts)
compare-m-placed = Placed
compare-m-surplus = Surplus
compare-m-vacancies = Vacancies
compare-m-surplus-share = Surplus share of staff
compare-m-posts-filled = Posts filled
compare-m-cost-per-surplus = Package cost per surplus person
compare-m-total-fit = Total fit
compare-m-surplus-cost-now = Surplus package cost at the restructuring
compare-m-release-cost = Release cost, roadmap year { $year }
compare-m-retiring = Reaching retirement in the transition
compare-m-findings-before = Findings before: { $kind }
compare-m-findings-after = Findings after: { $kind }
compare-m-women-leaders = Women among placed leaders and cadres
compare-unit-units = units
compare-unit-people = people
compare-unit-posts = posts
compare-unit-percent = %
compare-unit-km2 = km²
compare-unit-dong = đồng
compare-unit-points = points
compare-unit-findings = findings
compare-verdict-below = below
compare-verdict-meets = meets
compare-verdict-fails = fails
compare-infeasible = infeasible
compare-not-marked-unlike = no best marked: the scenarios differ in pool (policy.pool, policy.local) or fit weights (weights), so their points are not on one scale
compare-error-empty = no scenarios to compare
compare-error-interrupted = the comparison was interrupted
compare-col-measure = Measure
compare-col-unit = Unit
compare-col-best = Best
compare-col-id = Measure id
compare-col-note = Note
compare-sheet = Comparison
compare-legend-best = ★ best value of the row
compare-legend-not-marked = ☆ { compare-not-marked-unlike }
compare-fit-explained = Total fit is the sum of the points of everyone placed: weights.continuity points if the old post shares at least one function with the new one, weights.preferred points per qualification the new post prefers, weights.seniority points per insured year (at most 30) and, when policy.pool is Scenario (one pool for the whole scenario), policy.local more points if the post belongs to the new unit that takes the person's old unit. So it compares only scenarios with the same pool and weights.
compare-note-no-plan = { $label } has no plan (orgplan plan says why); its plan's measures read “{ compare-infeasible }”
compare-note-variants = Planning { $n ->
    [one] one variant
   *[other] { $n } variants
}
compare-vary-no-equals = “{ $spec }”: write NAME=v1,v2,… e.g. policy.transition_years=3,5
compare-vary-unknown = “{ $name }” cannot be varied; use one of: { $names }
compare-vary-not-number = “{ $value }” in “{ $spec }” is not a whole number ≥ 0
compare-vary-no-values = “{ $spec }” gives no values
# The comparison chart (compare/sweep --chart).
compare-chart-title = Restructuring scenarios compared
compare-chart-subtitle = { $n ->
    [one] one scenario
   *[other] { $n } scenarios
}, one row each · orgplan compare
compare-chart-people-heading = Staff and norm by scenario
compare-chart-people-axis = people (norm and vacancies: posts)
compare-chart-cost-heading = Package cost by roadmap year ({ $unit })
compare-chart-staff = Staff
compare-chart-norm = Norm
compare-chart-placed = Placed
compare-chart-surplus = Surplus
compare-chart-vacancies = Vacancies
compare-chart-now = At the restructuring
compare-chart-year = Year { $year }
compare-chart-billion-dong = billion đồng
compare-chart-million-dong = million đồng
compare-chart-footnote-cost = Cost: the packages of Decree 178/2024 (as amended by Decree 67/2025). At the restructuring: every surplus person at the effective date. Year t: the surplus still over the norm if released at the start of year t.
compare-chart-footnote-no-plan = A scenario without a plan (orgplan plan says why) is left blank.
compare-chart-no-plan = no plan
compare-chart-bad-format = { $file }: a chart is written as SVG or PNG; name it with the extension .svg or .png
compare-chart-cannot-draw = cannot draw the chart: { $reason }
compare-chart-font = the embedded font does not load

# The command line: clap's help and usage errors.
cli-bad-lang = unknown language “{ $lang }”: use vi (Vietnamese) or en (English)
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = The language of the output: vi (the default) or en. Also ORGPLAN_LANG.
cli-interrupted = interrupted: nothing was written
cli-cannot-write-stdout = cannot write to standard output: { $error }
cli-cannot-write = cannot write { $path }: { $error }
cli-xlsx-to-terminal = an xlsx workbook is binary: write it to a file with `-o FILE.xlsx`
cli-gen-cannot-create = cannot create { $path }: { $error }
cli-gen-exists = { $path } exists; pass --force to overwrite, or choose another --out
cli-gen-wrote = wrote { $model } ({ $communes ->
    [one] one commune
   *[other] { $communes } communes
}, { $staff } staff), norms.ron, scenario.ron ({ $units ->
    [one] one new unit
   *[other] { $units } new units
})
progress-components = solving { $n ->
    [one] one component
   *[other] { $n } components
}
progress-scenarios = planning { $n ->
    [one] one scenario
   *[other] { $n } scenarios
}
progress-eta = ETA
progress-stopping = stopping… (Ctrl-C again to quit at once)
cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-possible-values = possible values: { $values }
cli-default-value = default: { $value }
cli-error = error
cli-error-invalid-value = invalid value “{ $value }” for { $arg } (possible values: { $valid })
cli-error-value-missing = { $arg } needs a value
cli-error-value-validation = invalid value “{ $value }” for { $arg }: { $reason }
cli-error-unknown-argument = unexpected argument { $arg }
cli-error-unknown-command = unrecognized command “{ $name }”
cli-error-no-equals = { $arg } needs its value after “=”
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-missing = missing required arguments: { $args }
cli-error-missing-command = a command is required
cli-error-value-count = wrong number of values for { $arg }
cli-error-utf8 = an argument is not UTF-8 text
cli-error-other = invalid command line
cli-error-did-you-mean = did you mean “{ $name }”?
cli-error-see-help = For more information: orgplan --help (or orgplan COMMAND --help)

# Each command's help: cli-<cmd>-about, cli-<cmd>-arg-<id>, value names cli-value-<id>.
cli-about = orgplan — plan the restructuring of public administrations
cli-value-file = FILE
cli-value-files = FILE
cli-value-output = FILE
cli-value-chart = FILE
cli-value-scenario = SCENARIO
cli-value-scenarios = SCENARIO
cli-value-before = BEFORE
cli-value-after = AFTER
cli-value-staff = STAFF_ID
cli-value-format = FORMAT
cli-value-time_limit = SECONDS
cli-value-solver = SOLVER
cli-value-similarity = THRESHOLD
cli-value-fail_on = SEVERITY
cli-value-vary = PARAMETER=VALUES
cli-value-out = FOLDER
cli-value-communes = N
cli-value-seed = N
cli-value-sheet = SHEET
cli-value-name = NAME
cli-value-as_of = DATE
cli-value-lang = LANG
cli-gen-value-into = N
cli-import-value-into = MODEL
cli-validate-about = Check files: every problem in one run, with file, line and column
cli-validate-arg-files = Model, Norms or Scenario files
cli-validate-arg-format = The output format: table, json or csv
cli-show-about = The units tree with each unit's posts, quotas, holders and over-quota flags
cli-show-arg-file = A Model file (or a Scenario: its model as it stands)
cli-show-arg-format = The output format: table, json, csv or xlsx (an Excel workbook, needs -o FILE.xlsx)
cli-show-arg-output = Write to this file instead of standard output
cli-diff-about = Two staffing tables side by side: before/after/norm per post, who moved, who is surplus
cli-diff-long-about = Per unit and post: the holders before and after against the norm; then every person once — stayed, moved (old post → new post), surplus (with the package), left or new. Each side is a Model, a Scenario (its plan) or a saved plan JSON.
cli-diff-arg-before = Before: a Model, a Scenario (its plan) or a plan JSON
cli-diff-arg-after = After: a Model, a Scenario (its plan) or a plan JSON
cli-diff-arg-format = The output format: table, json, csv or xlsx
cli-diff-arg-output = Write to this file instead of standard output
cli-overlaps-about = Overlapping, duplicated and missing mandates; on a Scenario, after its mergers
cli-overlaps-arg-file = A Model, or a Scenario (checked as the organization will be after its mergers)
cli-overlaps-arg-before = With a Scenario: the findings before and after the mergers, each marked new, gone or kept
cli-overlaps-arg-similarity = SimilarFunctions threshold: report catalogue entries at least this similar (0–1)
cli-overlaps-arg-fail_on = Exit 1 when a finding at or above this severity exists
cli-overlaps-arg-format = The output format: table, json, csv or xlsx
cli-overlaps-arg-output = Write to this file instead of standard output
cli-plan-about = Plan a scenario: who takes which post, surplus and packages, vacancies, roadmap
cli-plan-arg-scenario = A Scenario file
cli-plan-arg-format = The output format: table, json, csv or xlsx (an Excel workbook, needs -o FILE.xlsx)
cli-plan-arg-output = Write to this file instead of standard output
cli-plan-arg-no_timing = Report 0 seconds for the solver, so that runs give byte-identical output
cli-plan-arg-time_limit = Stop proving optimality after this many seconds and report the best plan found (status TimeLimit). Plans without binding MinShare rules are never cut short
cli-plan-arg-solver = The method: flow (exact min-cost flow with branch and bound, the default) or milp (good_lp with microlp; slower, an independent check); highs when built with the highs feature
cli-plan-arg-explain = Say why: each placement's fit and runners-up, why each surplus person got no post (a missing requirement, or who is preferred on which tier), why each vacancy is empty
cli-compare-about = Scenarios side by side: one column per scenario, one row per measure, the best marked
cli-compare-arg-scenarios = Scenario files, one column each
cli-compare-arg-format = The output format: table, json, csv or xlsx
cli-compare-arg-output = Write to this file instead of standard output
cli-compare-arg-chart = Also draw the comparison (staff and norm, cost by roadmap year) to FILE.svg or FILE.png
cli-sweep-about = Vary a scenario's policy or weights over a grid and compare the variants, e.g. --vary policy.transition_years=3,5 --vary weights.continuity=50,100,200
cli-sweep-arg-scenario = The scenario to vary
cli-sweep-arg-vary = A parameter and its values, e.g. policy.transition_years=3,5 or weights.continuity=50,100,200; repeat for a grid
cli-sweep-arg-format = The output format: table, json, csv or xlsx
cli-sweep-arg-output = Write to this file instead of standard output
cli-sweep-arg-chart = Also draw the comparison to FILE.svg or FILE.png
cli-formulate-about = The allocation problem of a scenario as JSON (candidates, posts, eligible pairs with their fit, rules), to check orgplan's plan with another solver
cli-formulate-arg-scenario = A Scenario file
cli-formulate-arg-output = Write to this file instead of standard output
cli-package-about = One person's retirement month and every package the law offers them, with the working
cli-package-arg-staff = The person's staff id
cli-package-arg-scenario = The scenario whose effective date and policy apply
cli-package-arg-format = The output format: table, json or csv
cli-gen-about = Generate a synthetic model, norms and scenario (deterministic for a seed)
cli-gen-arg-out = The folder to write model.ron, norms.ron and scenario.ron into
cli-gen-arg-national = Start from Vietnam's 2025 reform: 10,035 communes into 3,321 units
cli-gen-arg-province = Start from a Hà Nội-sized province: 526 units into 126 (pool: PerMerger; add --pool-scenario to pool the whole province). With --real: the province to take from the real map ("Hà Nội", "ha noi", or its code "01")
cli-gen-arg-communes = Old communes
cli-gen-arg-into = New units
cli-gen-arg-seed = Seed of the random generator
cli-gen-arg-pool_scenario = Let staff compete for any new post (pool: Scenario)
cli-gen-arg-no_min_share = Leave out the MinShare rule
cli-gen-arg-force = Overwrite files that exist
cli-import-about = Read a staffing table (xlsx or CSV, one row per person) into a Model file
cli-import-long-about = Or merge it into an existing model (--into, written to a new file). Every cell that cannot be read is named by sheet, row and column, and the import fails rather than dropping the row.
cli-import-arg-file = The staffing table: an Excel workbook (.xlsx, .xls, .ods) or a CSV file (UTF-8)
cli-import-arg-sheet = The staff sheet's name (default: the first sheet whose header row names Họ và tên, Ngày sinh, Giới tính and Hệ số lương)
cli-import-arg-name = The model's name (default: the table's “DANH SÁCH …” title, or the file's name)
cli-import-arg-as_of = The date the table describes, YYYY-MM-DD or dd/mm/yyyy (default: the workbook's “Mô hình” sheet, the --into model's, or today)
cli-import-arg-into = Add the people to this model (and the units and posts they need); the result is written to -o or stdout, never over this file
cli-import-arg-replace = With --into: update people (and units, posts …) whose id is already in the model, instead of refusing them
cli-import-arg-output = Write the model to this file instead of standard output
cli-graph-about = The organization graph as Graphviz DOT (units as clusters)
cli-graph-arg-file = A Model file (or a Scenario: its model as it stands)
cli-graph-arg-output = Write to this file instead of standard output
cli-law-about = The law in force on a date: every figure with its article and source
cli-law-arg-date = The date (YYYY-MM-DD); default the scenario's effective date, else today
cli-law-arg-scenario = A scenario whose `law:` file replaces the shipped one of its regime
cli-law-arg-format = Output format: table, json or csv
cli-units-value-query = CODE_OR_NAME
cli-gen-value-units = CODE
cli-report-about = The planner's report as one self-contained HTML page (several scenarios: their comparison)
cli-report-arg-scenarios = A Scenario file (the plan's report), or several (their comparison)
cli-report-arg-output = Write the page to this file (e.g. report.html) instead of standard output
cli-report-arg-time_limit = Stop proving optimality after this many seconds (as `plan --time-limit`)

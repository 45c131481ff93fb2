# The law: packages, their terms, the `orgplan law` command.
law-term-months-early = one-off pension allowance for the months early (f × M × m)
law-term-months-early-capped = one-off pension allowance for the months early (0.9 × f × M × 60)
law-term-years-early = allowance per year early (k × M × E)
law-term-insured-years = insured-years allowance (S)
law-term-quit-months = severance (g × M × n, n = min(60, insured months))
law-term-quit-insured-years = insured-years allowance (1.5 × M × Y)
law-term-job-search = job-search allowance (3 months)
law-term-part-time-months = one-off allowance by month (0.8 × allowance × months)
law-term-part-time-years = allowance per year of work (1.5 × allowance × years)
law-term-part-time-retired = one-off allowance at retirement age (15 months' allowance)
law-kind-retire = Retire
law-kind-early-retirement = Early retirement
law-kind-quit = Quit
law-kind-none = No package
law-branch-retire = m = { $m } ≤ 0: retirement age reached (pension from { $pension }); retires, placed in no post
law-branch-early-under-2 = 0 < m = { $m } < 24 and { $y } insured years ≥ { $min }: early retirement, the months part only
law-branch-early-2-to-5 = 24 ≤ m = { $m } ≤ 60 and { $y } insured years ≥ { $min }: early retirement 2 to 5 years early
law-branch-early-5-to-10 = 60 < m = { $m } ≤ 120 and { $y } insured years ≥ { $min }: early retirement over 5 to 10 years early
law-branch-quit-no-pension = early retirement closed: under { $min } insured years (has { $y } whole years); m = { $m } ≥ 24: quitting
law-branch-quit-too-early = early retirement closed: m = { $m } > 120 months, too early; m ≥ 24: quitting
law-branch-none = no package: under { $min } insured years (has { $y }) and m = { $m } < 24 months to retirement; kept until retirement (pension from { $pension })
law-branch-pt-retired = part-time worker at retirement age (m = { $m } ≤ 0)
law-branch-pt-short = part-time worker with under 5 years of work ({ $months } months)
law-branch-pt-near = part-time worker with 5+ years of work, m = { $m } < 60 months to retirement
law-branch-pt-long = part-time worker with 5+ years of work, m = { $m } ≥ 60 months to retirement
law-branch-fallback = ; no law file applies to this person on this day: priced with Decree 178/2024's rules
law-pkg-head = Package: { $kind } — cost { $cost }
law-pkg-basis = Basis: { $reason } ({ $article })
law-pkg-salary = Current monthly salary M = { $formula } VND ({ $article })
law-pkg-insured = Insured time: { $months } months = { $years } years { $rem } months → Y = { $y } years (for amounts); { $whole } whole years (for eligibility)
law-pkg-months = Months to retirement m = { $m } (from { $from } to the pension start { $pension }; age { $age_years }y{ $age_months }m reached { $month })
law-pkg-years-early = Years early E = { $e }
law-pkg-window-in = Leaving within 12 months of the restructuring decision ({ $from } to { $to }): f = { $f }, g = { $g }
law-pkg-window-out = Leaving after the 12 months from the restructuring decision (ended { $end }): rates halved, f = { $f }, g = { $g }
law-pkg-term = { $n }. { $name }: { $formula } = { $exact } ({ $article })
law-pkg-term-unverified = — not confirmed from the primary text
law-pkg-total = Total = { $cost } (the exact sum of the terms, rounded once to the nearest đồng)
law-pkg-unverified-note = Note: some figures are not confirmed from the primary text (verified: false in the law data).
law-person = { $name } ({ $id }), { $gender }, born { $born }; { $category }; insured { $months } months; salary coefficient { $coef }, position allowance { $allowance }
law-person-beyond = , beyond-frame { $pct }%
law-person-other = , other allowances { $other }
law-gender-female = female
law-gender-male = male
law-retirement-line = Retirement (Decree 135/2020): reaches { $age_years }y{ $age_months }m in { $month }, pension from { $pension }; { $m } months from the effective date { $effective }
law-price-error = the law could not price this person: { $error }
law-no-workbook-package = `package` reports as table or json (its breakdown is not a table)
law-no-workbook-law = `law` reports as table or json (its rules are a list, not a table)
law-bad-date = --date "{ $text }" is not a date: write YYYY-MM-DD, e.g. 2025-07-01
law-title = Rules in force on { $date }
law-head = { $name } [{ $id }] — { $origin }
law-origin-embedded = (shipped with the program)
law-in-force = In force from { $from }
law-in-force-until = In force from { $from } to { $until }
law-not-in-force = — not in force on this day
law-applies = Applies to { $category } from { $from } ({ $article })
law-applies-until = Applies to { $category } from { $from } to { $until } ({ $article })
law-applies-not-now = — not on this day
law-figure-source = [{ $title }, confidence { $confidence }]
law-unverified = — not confirmed from the primary text
law-years-early-half = Years early rounded to half-years (HalfYear)
law-years-early-full = Years early rounded down to whole years (FullYear)
law-confidence-h = high
law-confidence-m = medium
law-confidence-l = inferred
law-category-cadre = cadre
law-category-civil-servant = civil servant
law-category-public-employee = public employee
law-category-part-time = part-time commune worker
law-category-worker = worker
law-plan-retiring-title = Retiring — past retirement age, not placed ({ $n }):
law-plan-col-retiring = Retiring
law-plan-col-old-post = Previous post
law-plan-col-pension = Pension from
law-plan-retained = Note: { $name } ({ $id }) is past retirement age (pension from { $pension }) but retained until { $until } by rule { $rule }
law-plan-retained-placed = , placed in { $post }
law-plan-retained-unplaced = , not placed
law-plan-retained-flag = { $person } — past retirement age, retained until { $until }
law-figure = { $name } ({ $key }): { $value } — { $article }
law-key-base-salary = Base salary (VND a month)
law-key-half-year-max-months = Odd months counted as half a year up to
law-key-public-service-allowance = Public-service allowance counted in M
law-key-min-pension-years = Minimum insured years for a pension
law-key-decision-window-months = Months of full rates after the restructuring decision
law-key-early-rate = f within the window
law-key-early-rate-after-window = f after the window
law-key-quit-rate = g within the window
law-key-quit-rate-after-window = g after the window
law-key-early-min-months = Months early from which the full early-retirement package applies
law-key-early-full-rate-max-months = Months early paid month by month, at most
law-key-early-max-months = Most months early
law-key-early-beyond-rate = Rate beyond 5 years early
law-key-early-beyond-months = Months counted beyond 5 years early
law-key-years-early-months-near = Months' salary per year early (up to 5 years)
law-key-years-early-months-far = Months' salary per year early (over 5 years)
law-key-s-first-years = S: first years
law-key-s-first-months = S: months' salary for the first years
law-key-s-short-first-years = S (below the first years): first years
law-key-s-short-first-months = S (below the first years): months' salary
law-key-s-further-year = S: months' salary per further year
law-key-quit-min-months = Least months to retirement for quitting
law-key-quit-max-months = Most months n
law-key-quit-per-year = Months' salary per insured year when quitting
law-key-quit-job-search = Months' salary to find work
law-key-pt-short-service-months = Under this many months of work: the short-service package
law-key-pt-near-retirement-months = Under this many months to retirement: the near-retirement package
law-key-pt-month-rate = Share of the allowance per month
law-key-pt-far-months = Months counted 5+ years from retirement
law-key-pt-per-year = Monthly allowances per year of work
law-key-pt-job-search = Monthly allowances to find work
law-key-pt-retired-months = Monthly allowances at retirement age
law-csv-total = Total

# Messages of the law checks of scenarios and models: decision date, law file, Retain rules, beyond-frame allowance.
law-check-decision-date-bad = `decision_date` is not a valid date: "{ $text }"
law-check-decision-date-bad-help = write "YYYY-MM-DD", the day the restructuring decision takes effect
law-check-law-file-unread = the law file "{ $file }": { $error }
law-check-law-file-unread-help = orgplan looked for { $path }; paths inside a scenario are relative to the scenario file
law-check-retain-until-bad = `until` is not a valid date: "{ $text }"
law-check-retain-until-bad-help = write "YYYY-MM-DD", e.g. the last day of the term
law-check-retain-until-early = `until` { $until } is before the scenario's effective date { $effective }
law-check-retain-until-early-help = a person is retained from the effective date: give a later date
law-check-retain-not-retired = staff "{ $staff }" is not past retirement age on { $date } (pension from { $pension }): the rule changes nothing
law-check-retain-not-retired-help = Retain is for people whose pension has started
law-check-beyond-frame-bad = `beyond_frame_pct` is { $pct }%: not a beyond-frame seniority allowance
law-check-beyond-frame-bad-help = write the percent of the salary coefficient, e.g. 7; at most { $max }

# Overlapping, duplicated and missing mandates (orgplan overlaps, SPEC §4).
overlaps-severity-error = error
overlaps-severity-warning = warning
overlaps-severity-info = info
overlaps-kind-duplicate-lead = Duplicate lead
overlaps-kind-vertical-duplicate = Vertical duplicate
overlaps-kind-misplaced-level = Misplaced level
overlaps-kind-gap = Gap
overlaps-kind-unstaffed-mandate = Unstaffed mandate
overlaps-kind-position-overlap = Position overlap
overlaps-kind-similar-functions = Similar functions
overlaps-describe-duplicate-lead = several units lead one function over one territory
overlaps-describe-vertical-duplicate = a function is led at several nested tiers
overlaps-describe-misplaced-level = a function is led at the wrong tier
overlaps-describe-gap = a required function has no leading unit
overlaps-describe-unstaffed-mandate = a function is led but no post covers it
overlaps-describe-position-overlap = several posts of one unit cover one function
overlaps-describe-similar-functions = two functions of the catalogue have near-identical names
overlaps-change-new = new
overlaps-change-gone = gone
overlaps-change-kept = kept
overlaps-level-province = provincial
overlaps-level-district = district
overlaps-level-commune = commune
overlaps-level-other = other tier
overlaps-unit-kind-province = a province
overlaps-unit-kind-district = a district
overlaps-unit-kind-commune = a commune
overlaps-unit-kind-ward = a ward
overlaps-unit-kind-township = a township
overlaps-unit-kind-special-zone = a special zone
overlaps-unit-kind-department = a department
overlaps-unit-kind-agency = an agency
overlaps-list-more-units = { $names } and { $n ->
    [one] one more unit
   *[other] { $n } more units
}
overlaps-list-more-posts = { $names } and { $n ->
    [one] one more post
   *[other] { $n } more posts
}
overlaps-msg-duplicate-lead = "{ $function }" is led by { $n } units over the same territory, { $territory }: { $units }
overlaps-msg-leaders-in = { $units } ({ $territory })
overlaps-msg-tier-part = { $tier }: { $units }
overlaps-msg-vertical-duplicate = "{ $function }" is led at several nested tiers over { $territory } — { $tiers }
overlaps-msg-misplaced-level = "{ $function }" is a { $level } function but { $unit } ({ $tier }) leads it
overlaps-msg-gap = { $unit } does not lead "{ $function }", a function required of { $kind }
overlaps-msg-gap-with-bodies = { $unit } (with its departments and agencies) does not lead "{ $function }", a function required of { $kind }
overlaps-msg-unstaffed-mandate = { $unit } leads "{ $function }" but no post of the unit or of its departments and agencies covers it
overlaps-msg-position-overlap = { $n } posts of { $unit } cover "{ $function }": { $posts }
overlaps-msg-similar-functions = "{ $a }" and "{ $b }" are near-identical (similarity { $score }): perhaps one function under two names
# The table of the overlaps command.
overlaps-title-after = { $name } — after the mergers
overlaps-title-before-after = { $name } — before and after the mergers
overlaps-group = { $severity } · { $kind } ({ $n }): { $describe }
overlaps-col-change = Change
overlaps-col-functions = Functions
overlaps-col-who = Units / posts
overlaps-col-message = Explanation
overlaps-summary-none = no findings
overlaps-summary = { $n ->
    [one] one finding
   *[other] { $n } findings
}: { $errors ->
    [one] one error
   *[other] { $errors } errors
}, { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
}, { $infos } info
overlaps-summary-compared = after the mergers, { $summary }; { $new } new, { $gone } gone, { $kept } kept
overlaps-sheet = Overlaps
overlaps-before-on-model = --before compares a scenario's model before and after its mergers; { $file } is a Model file
overlaps-norms-file = this is a Norms file; overlaps needs a Model or a Scenario
overlaps-similarity-range = { $value } is not between 0 and 1
overlaps-similarity-not-number = “{ $value }” is not a number

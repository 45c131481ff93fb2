# Checking files: reading, RON syntax, and the checks of Model, Norms and Scenario.

## Reading a file
check-file-cannot-open = cannot open the file: { $reason }
check-file-cannot-open-help = check the path; paths inside a file are relative to that file
check-file-cannot-read = cannot read the file: { $reason }
check-file-is-folder = this is a folder, not a file
check-file-is-folder-help = name a .ron file
check-file-too-large = the file is { $mb } MB, more than the { $max } MB orgplan reads
check-file-too-large-help = split the model, or check that this is the right file
check-file-utf16 = the file is UTF-16 text; orgplan reads UTF-8
check-file-utf16-help = save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)
check-file-binary = this is a binary file, not a RON text file
check-file-not-utf8 = the file is not UTF-8 text: byte { $byte } cannot start a character here
check-file-not-utf8-help = save the file as UTF-8 (Vietnamese text in Windows-1258 or TCVN3 must be converted)
check-file-nul = this is a binary file, not a RON text file (it contains a NUL byte)
check-file-nul-help = name a .ron file written as UTF-8 text
check-io-not-found = no such file
check-io-permission = permission denied
check-file-kind-help = an orgplan file starts with Model(...), Norms(...) or Scenario(...)
check-file-empty = the file is empty
check-file-only-comments = the file holds only comments: there is no Model(...), Norms(...) or Scenario(...)
check-file-not-orgplan = this is not an orgplan file: it starts with `{ $found }`
check-file-scanner = orgplan could not follow the structure of this file
check-file-scanner-help = please report this file: ron accepted it but orgplan's position scanner did not
check-found-eof = the end of the file

## RON syntax
check-syntax-unclosed-comment = this comment `/*` is never closed
check-syntax-unclosed-comment-hides = this comment `/*` is never closed: it hides the rest of the file
check-syntax-unclosed-comment-help = close it with `*/`
check-syntax-unclosed-line-comment = a line comment does not end
check-syntax-unclosed-bracket = `{ $label }` is never closed: the file ends before its `{ $close }`
check-syntax-unclosed-bracket-help = add the missing `{ $close }`; brackets close in the reverse order they open
check-syntax-unclosed-string = this text in quotes is never closed
check-syntax-unclosed-string-help = add the closing `"` at the end of the text
check-syntax-missing-field-in = missing field `{ $field }` in { $outer }
check-syntax-missing-field = missing field `{ $field }`
check-syntax-missing-field-help = add `{ $field }: ...` (docs/ describes every field)
check-syntax-bad-escape = `{ $escape }` is not a valid escape in text in quotes
check-syntax-escape-help = to write a backslash, double it: `\\`
check-syntax-invalid-escape = invalid escape in text in quotes
check-syntax-negative = a negative number (`{ $num }`) is not allowed here
check-syntax-negative-help = this field counts something (people, months, đồng): write 0 or more
check-syntax-out-of-range = the number `{ $num }` is out of range for this field
check-syntax-out-of-range-help = this field takes a whole number, 0 or more, of reasonable size
check-syntax-not-whole = a whole number is expected here, not `{ $found }`
check-syntax-not-whole-help = this field counts something: write it without a decimal point
check-syntax-string-runs-over = the text in quotes that starts here is not closed on its line: a closing `"` is probably missing
check-syntax-string-runs-over-help = orgplan read it as text up to the next `"`, and stopped at line { $line }
check-syntax-comma-missing-at = a comma is probably missing at the end of line { $line }
check-syntax-comma-help = fields and list items are separated by commas
check-syntax-unknown-field = unknown field `{ $field }`
check-syntax-unknown-field-in = unknown field `{ $field }` in { $outer }
check-syntax-unknown-field-help = check the spelling; the fields are: { $fields }
check-syntax-bad-variant = `{ $found }` is not a valid { $what }
check-syntax-bad-variant-help = use one of: { $values }
check-what-unit-kind = unit kind
check-what-post-kind = post kind
check-what-level = level
check-what-class = class
check-what-gender = gender
check-what-role = role
check-what-pool = pool
check-what-rule = rule
check-what-value-for = value for { $name }
check-what-value = value
check-syntax-struct-name = expected { $expected }(...), found { $found }(...)
check-syntax-struct-name-help = this place holds a { $expected }
check-syntax-field-twice = field `{ $field }` is written twice
check-syntax-field-twice-in = field `{ $field }` is written twice in { $outer }
check-syntax-field-twice-help = keep one of them
check-syntax-eof = the file ends too early
check-syntax-eof-help = a bracket or parenthesis is not closed
check-syntax-too-deep = the file nests brackets too deeply
check-syntax-too-deep-help = orgplan files nest a few levels at most; check the brackets
check-syntax-expected-comma = expected `,` or a closing bracket here, found { $found }
check-syntax-expected-colon = expected `:` after the field name, found { $found }
check-syntax-expected-colon-help = write fields as `name: value`
check-syntax-expected-field = expected a field name here, found { $found }
check-syntax-expected-paren-end = expected a closing `)` here, found { $found }
check-syntax-expected-array-end = expected a closing `]` here, found { $found }
check-syntax-expected-map-end = expected a closing `{"}"}` here, found { $found }
check-syntax-expected-array = expected a list `[...]` here, found { $found }
check-syntax-expected-array-help = lists are written in square brackets, even with one item: `[a]`
check-syntax-expected-paren = expected `(` here, found { $found }
check-syntax-expected-string = expected text in quotes here, found { $found }
check-syntax-expected-string-help = ids, names and dates are written in double quotes: "an"
check-syntax-expected-float = expected a number here, found { $found }
check-syntax-expected-float-help = write a decimal number without quotes, e.g. 3.99
check-syntax-expected-integer = expected a whole number here, found { $found }
check-syntax-expected-integer-help = write a whole number without quotes, e.g. 12
check-syntax-expected-bool = expected `true` or `false` here, found { $found }
check-syntax-unexpected-char = unexpected character `{ $char }`
check-syntax-check-here = check the RON syntax here: a missing comma, quote or bracket?
check-syntax-trailing = unexpected { $found } after the end of the file's main value
check-syntax-trailing-help = a file holds one Model(...), Norms(...) or Scenario(...); check the brackets before this
check-syntax-wrong-type = the value { $found } is not of the type this field takes
check-syntax-bad-digit = `{ $digit }` is not a digit of a base-{ $base } number
check-syntax-underscore = a misplaced underscore in the number { $found }
check-syntax-unexpected = unexpected { $found } here
check-syntax-attribute = an invalid attribute `#![...]` at { $found }
check-syntax-attribute-help = orgplan uses only `#![enable(implicit_some)]`; the line can be removed
check-syntax-bad-identifier = { $found } is not a valid name

## Checks of the contents (Model, Norms, Scenario)
check-entity = { $what ->
    [function] Function
    [unit] Unit
    [position] Position
    [staff] Staff
   *[template] Template
} "{ $id }"
check-entity-model = Model
check-entity-scenario = Scenario
check-entity-policy = Policy
check-entity-mandate = Mandate { $unit } → { $function }
check-entity-template-position = TemplatePosition "{ $key }" of template "{ $template }"
check-entity-template-post = template "{ $template }", post "{ $key }"
check-entity-standard = Standard for { $kind }
check-entity-merger = Merger into "{ $id }"
check-entity-rule = rule { $n } ({ $name })
check-number-nan = `{ $field }` is NaN (not a number)
check-number-nan-help = write a number, e.g. 3.99
check-number-infinite = `{ $field }` is infinite
check-number-infinite-help = write a finite number
check-number-negative = `{ $field }` is negative ({ $value })
check-number-negative-help = this value cannot be below zero
check-coefficient-too-large = `{ $field }` is { $value }: not a salary coefficient
check-coefficient-too-large-help = coefficients are multiples of the base salary (e.g. 3.99); at most { $max }
check-duplicate-id = duplicate id: another { $what } has the id "{ $id }"
check-duplicate-id-help = the first is at line { $line }; give each { $what } its own id
check-wrong-kind = expected a { $expected }(...) file, but this is a { $found }(...) file
check-wrong-kind-help = name a { $expected }(...) file here
check-bad-date = `{ $field }` is not a valid date: "{ $value }"
check-bad-date-help = write the date as "YYYY-MM-DD", e.g. "{ $example }"
check-bad-birth-help = write "YYYY-MM-DD" or "YYYY-MM", e.g. "1969-03"
check-unknown-parent = parent "{ $id }" is not a unit of the model
check-unknown-parent-help = name the id of a unit listed in `units`, or remove `parent`
check-unknown-unit = unit "{ $id }" is not a unit of the model
check-unknown-unit-help = name the id of a unit listed in the model's `units`
check-unknown-function = function "{ $id }" is not a function of the model
check-unknown-function-help = name the id of a function listed in the model's `functions`
check-mandate-twice = this mandate is listed twice
check-mandate-twice-help = the first is at line { $line }; the later one is ignored
check-quota-zero = quota 0: nobody may hold this post
check-quota-zero-help = remove the post, or give it a quota of 1 or more
check-born-after-as-of = born { $born }, after the model's date (`as_of` { $as_of })
check-born-after-as-of-help = check the birth date (YYYY-MM-DD or YYYY-MM) and the model's `as_of`
check-unknown-position = position "{ $id }" is not a post of this model
check-unknown-position-help = name the id of a post listed in `positions`, or remove `position` for someone not placed
check-over-quota = { $n ->
    [one] 1 person holds this post, over its quota of { $quota }
   *[other] { $n } people hold this post, over its quota of { $quota }
}
check-over-quota-help = over-quota posts are common before a merger; the plan brings them to the norm
check-parent-cycle = the parent chain goes round in a cycle: { $cycle }
check-parent-cycle-help = a unit cannot belong, directly or not, to itself; fix one `parent`
check-duplicate-key = duplicate key "{ $key }" in this template
check-duplicate-key-help = the first is position { $n } of the template; keys must differ
check-base-salary-zero = the base salary is 0
check-base-salary-zero-help = write the lương cơ sở (base salary) in đồng, e.g. 2340000
check-referenced-wrong-kind = the { $field } file "{ $file }" is a { $found }(...) file, not a { $expected }(...) file
check-referenced-unreadable = the { $field } file "{ $file }": { $reason }
check-referenced-unreadable-help = orgplan looked for { $path }; paths inside a scenario are relative to the scenario file
check-merger-id-taken = the new unit's id "{ $id }" is already a unit of the model
check-merger-id-taken-help = give the new unit an id of its own
check-merger-id-twice = merger { $n } already creates a unit "{ $id }"
check-merger-id-twice-help = give each new unit its own id
check-merger-from-unknown = unit "{ $id }" in `from` is not a unit of the model
check-merger-from-twice = unit "{ $id }" is listed twice in `from`
check-merger-from-twice-help = list each unit once
check-merged-twice = unit "{ $id }" is merged twice: also by merger { $n } (into "{ $into }")
check-merged-twice-help = a unit can be merged into one new unit only
check-merger-too-few = { $n ->
    [one] a merger of 1 unit: a merger joins two or more
   *[other] a merger of { $n } units: a merger joins two or more
}
check-merger-too-few-help = list at least two units in `from`, or treat this as a renaming
check-merger-template-and-positions = both `template` and `positions` are given
check-merger-template-and-positions-help = keep one: a template id, or the posts written out
check-merger-no-posts = neither `template` nor `positions` is given: the new unit has no posts
check-merger-no-posts-help = add `template: "<template id>"` or `positions: [Position(...)]`
check-unknown-template = template "{ $id }" is not in the scenario's norms
check-unknown-template-help = list a norms file in `norms` that defines it
check-known-templates = known templates: { $ids }
check-template-kind = template "{ $id }" is for a { $template_kind }, but the new unit is a { $kind }
check-post-id-taken = post id "{ $id }" is already used
check-post-id-taken-help = new post ids are "<new unit id>.<key>"; choose another unit id or key
check-post-wrong-unit = the post's unit is "{ $unit }", not the new unit "{ $into }"
check-post-wrong-unit-help = a merger's posts belong to its new unit: write `unit: "{ $into }"`
check-rule-unknown-staff = staff "{ $id }" is not a person of the model
check-rule-unknown-staff-help = name the id of a person in the model's `staff`
check-rule-not-candidate = staff "{ $id }" is not a candidate: their post is not in a unit that a merger dissolves
check-rule-not-candidate-help = rules apply to the people of the merged units
check-rule-unknown-post = position "{ $id }" is not a post of any new unit
check-rule-old-post-help = this is a post of the model as it stands; rules name posts of the new units, "<new unit id>.<key>"
check-rule-unknown-post-help = name a post of a new unit, "<new unit id>.<key>"
check-rule-share = share { $share } is not a number from 0 to 1
check-rule-share-help = write a fraction such as 0.3 for 30%

## How problems are shown (validate and every command)
check-severity-error = error
check-severity-warning = warning
check-field-of-entity = , field `{ $field }`
check-label-here = here
check-help-inline = help: { $help }
check-help-line = help: { $help }
check-count = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
check-note = note: { $msg }
check-tool-error = error: { $msg }
check-note-warnings = the input files carry { $n ->
    [one] 1 warning
   *[other] { $n } warnings
} of their own (apart from this report); `orgplan validate { $file }` lists them
check-summary-model = { $units ->
    [one] 1 unit
   *[other] { $units } units
}, { $functions ->
    [one] 1 function
   *[other] { $functions } functions
}, { $posts ->
    [one] 1 post
   *[other] { $posts } posts
}, { $staff } staff
check-summary-norms = { $templates ->
    [one] 1 template
   *[other] { $templates } templates
}, { $standards ->
    [one] 1 standard
   *[other] { $standards } standards
}
check-summary-scenario = { $mergers ->
    [one] 1 merger
   *[other] { $mergers } mergers
}, { $rules ->
    [one] 1 rule
   *[other] { $rules } rules
}, model { $staff } staff
check-summary-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
check-summary-errors-shared = { $n ->
    [one] 1 error
   *[other] { $n } errors
}, { $before } of them listed under an earlier file
check-summary-ok = ok      { $file } ({ $kind }: { $what })
check-summary-invalid = INVALID { $file } ({ $what })
check-csv-severity = Severity
check-csv-file = File
check-csv-line = Line
check-csv-column = Column
check-csv-entity = Entity
check-csv-field = Field
check-csv-message = Problem
check-csv-help = Help
check-csv-failed = cannot write the CSV: { $reason }
check-unit-kind = { $kind ->
    [Commune] commune
    [Ward] ward
    [Township] township
    [District] district
    [Province] province
    [Department] department
   *[Agency] agency
}
check-format-table = the problems for people (on stderr) and one line per file
check-format-json = JSON for programs
check-format-csv = CSV for spreadsheets

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

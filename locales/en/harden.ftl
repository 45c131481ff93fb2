# Limits and semantic checks (issue 14): what careless or hostile input is refused with.

harden-diagnostics-not-shown = … { $errors } more errors and { $warnings } more warnings not drawn (only the first { $shown } problems are drawn in full); `--format json` lists them all

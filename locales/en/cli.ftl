# The command line: clap's help and usage errors.
cli-bad-lang = unknown language “{ $lang }”: use vi (Vietnamese) or en (English)
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-lang = The language of the output: vi (the default) or en. Also ORGPLAN_LANG.

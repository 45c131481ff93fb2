//! The reader's language for the command line: `--lang`, else `ORGPLAN_LANG`, else Vietnamese;
//! and clap's help in that language, its texts taken from the catalogue (`locales/*/cli.ftl`).
//!
//! Help texts are looked up by the command path: `cli-about` for orgplan itself,
//! `cli-plan-about` for a subcommand, `cli-plan-arg-time_limit` for one of its arguments
//! (the argument's id, as clap names it). A text the catalogue lacks keeps the English doc
//! comment (the catalogue test lists every such gap).

use std::ffi::OsString;

use clap::{ArgAction, CommandFactory};
use orgplan::i18n::{self, Lang};
use orgplan::t;

use super::Cli;

/// The language asked for: the value of `--lang X` or `--lang=X` anywhere in the arguments,
/// else `ORGPLAN_LANG`, else Vietnamese. An unknown value is returned as the error.
pub fn choose(args: &[OsString]) -> Result<Lang, String> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let a = a.to_string_lossy();
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next().map(|v| v.to_string_lossy().into_owned())
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(v) = value {
            return Lang::parse(&v).ok_or(v);
        }
    }
    Ok(Lang::from_env().unwrap_or_default())
}

/// The clap command with its help in the reader's language.
pub fn command() -> clap::Command {
    localize(Cli::command(), "cli", "orgplan", true)
}

/// An argument's name in a usage line: `<KỊCH_BẢN>`, `[TỆP]`, `<TỆP>...`.
fn value_name(a: &clap::Arg) -> String {
    let name = a
        .get_value_names()
        .and_then(|v| v.first())
        .map(|n| n.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_uppercase());
    let many = matches!(a.get_action(), ArgAction::Append)
        || a.get_num_args().is_some_and(|n| n.max_values() > 1);
    let dots = if many { "..." } else { "" };
    if a.is_required_set() {
        format!("<{name}>{dots}")
    } else {
        format!("[{name}]{dots}")
    }
}

/// The value name the catalogue gives an argument (`cli-<cmd>-value-<id>`, else
/// `cli-value-<id>`), if any.
fn catalogue_value_name(prefix: &str, id: &str) -> Option<String> {
    [format!("{prefix}-value-{id}"), format!("cli-value-{id}")]
        .into_iter()
        .find(|k| i18n::has(k))
        .map(|k| t!(&k))
}

fn localize(mut cmd: clap::Command, prefix: &str, path: &str, top: bool) -> clap::Command {
    let about = format!("{prefix}-about");
    if i18n::has(&about) {
        cmd = cmd.about(t!(&about)).long_about(None::<&str>);
    }
    let long = format!("{prefix}-long-about");
    if i18n::has(&long) {
        cmd = cmd.long_about(t!(&long));
    }
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-heading-usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t!("cli-heading-commands"))
        .subcommand_value_name(t!("cli-value-command"))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("cli-arg-help")),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("cli-arg-version")),
        );
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (order, (id, positional)) in ids.into_iter().enumerate() {
        let key = if id == "help" || id == "version" || id == "lang" {
            format!("cli-arg-{id}")
        } else {
            format!("{prefix}-arg-{id}")
        };
        let heading = if positional {
            t!("cli-heading-arguments")
        } else {
            t!("cli-heading-options")
        };
        let text = i18n::has(&key).then(|| t!(&key));
        let value = catalogue_value_name(prefix, &id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let mut a = a.help_heading(heading).display_order(order);
            if let Some(v) = value {
                if a.get_action().takes_values() {
                    a = a.value_name(v);
                }
            }
            // clap's "[default: …]" and "[possible values: …]" are English: said here instead.
            let mut help =
                text.unwrap_or_else(|| a.get_help().map(|h| h.to_string()).unwrap_or_default());
            let possible: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !possible.is_empty()
                && !a.is_hide_possible_values_set()
                && a.get_action().takes_values()
            {
                help.push_str(&format!(
                    " [{}]",
                    t!("cli-possible-values", values = possible.join(", "))
                ));
                a = a.hide_possible_values(true);
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty()
                && !a.is_hide_default_value_set()
                && a.get_action().takes_values()
            {
                help.push_str(&format!(
                    " [{}]",
                    t!("cli-default-value", value = defaults.join(", "))
                ));
                a = a.hide_default_value(true);
            }
            a.help(help).long_help(None::<&str>)
        });
    }
    // The usage line with translated value names: clap writes "[OPTIONS]" in English.
    let mut usage = format!("{path} [{}]", t!("cli-value-options"));
    for a in cmd.get_positionals() {
        usage.push(' ');
        usage.push_str(&value_name(a));
    }
    if cmd.has_subcommands() {
        usage.push_str(&format!(" <{}>", t!("cli-value-command")));
    }
    cmd = cmd.override_usage(usage);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let p = format!("{prefix}-{name}");
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, &p, &sub_path, false));
    }
    cmd
}

/// A usage error of clap (a bad value, an unknown argument, a missing one …) in the reader's
/// language: the message, a suggestion if clap has one, the usage line and where to find help.
pub fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| -> String {
        match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            Some(ContextValue::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    };
    let arg = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            t!("cli-error-value-missing", arg = arg)
        }
        ErrorKind::InvalidValue => t!(
            "cli-error-invalid-value",
            value = value,
            arg = arg,
            valid = ctx(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            t!(
                "cli-error-value-validation",
                value = value,
                arg = arg,
                reason = reason
            )
        }
        ErrorKind::UnknownArgument => t!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            "cli-error-unknown-command",
            name = ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::NoEquals => t!("cli-error-no-equals", arg = arg),
        ErrorKind::ArgumentConflict => t!(
            "cli-error-conflict",
            arg = arg,
            other = ctx(ContextKind::PriorArg)
        ),
        ErrorKind::MissingRequiredArgument => t!("cli-error-missing", args = arg),
        ErrorKind::MissingSubcommand => t!("cli-error-missing-command"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t!("cli-error-value-count", arg = arg)
        }
        ErrorKind::InvalidUtf8 => t!("cli-error-utf8"),
        _ => t!("cli-error-other"),
    };
    let mut out = format!("{}: {message}\n", t!("cli-error"));
    for k in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        let s = ctx(k);
        if !s.is_empty() {
            out.push_str(&format!("\n  {}\n", t!("cli-error-did-you-mean", name = s)));
        }
    }
    let usage = ctx(ContextKind::Usage);
    let usage = usage.trim();
    // clap's usage context starts with its own (English) heading.
    let usage = usage
        .split_once(':')
        .map_or(usage, |(_, rest)| rest.trim_start());
    if !usage.is_empty() {
        out.push_str(&format!("\n{} {usage}\n", t!("cli-heading-usage")));
    }
    out.push_str(&format!("\n{}\n", t!("cli-error-see-help")));
    out
}

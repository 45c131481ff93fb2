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
    localize(Cli::command(), "cli", true)
}

fn localize(mut cmd: clap::Command, prefix: &str, top: bool) -> clap::Command {
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
    for (id, positional) in ids {
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
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let a = a.help_heading(heading);
            match text {
                Some(t) => a.help(t).long_help(None::<&str>),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let p = format!("{prefix}-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, &p, false));
    }
    cmd
}

//! The command line: arguments (clap), dispatch, output and exit codes. Only this module knows
//! about clap, terminals, colours and output formats.

mod output;
mod printer;
mod show;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use orgplan::diag::Diagnostics;

/// orgplan — plan the restructuring of public administrations.
///
/// Reads RON files (a Model, Norms, a Scenario), checks them, finds overlapping and missing
/// mandates, and plans mergers: who takes which post, who is surplus, what the law's packages
/// cost, and how the surplus shrinks over the transition.
#[derive(Debug, Parser)]
#[command(name = "orgplan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables for people.
    Table,
    /// JSON for programs.
    Json,
    /// CSV for spreadsheets.
    Csv,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files: every problem in one run, with file, line and column.
    Validate {
        /// Model, Norms or Scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The units tree with each unit's posts, quotas, holders and over-quota flags.
    Show {
        /// A Model file (or a Scenario: its model as it stands).
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The organization graph as Graphviz DOT (units as clusters).
    Graph {
        /// A Model file (or a Scenario: its model as it stands).
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// The process exit status (ruff's `ExitStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: done.
    Success,
    /// 1: the input is invalid, the plan infeasible, or `--fail-on` was hit.
    Failure,
    /// 2: usage error or internal error.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        ExitCode::from(match s {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        })
    }
}

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Fail {
    /// The input files are wrong: every problem found.
    Input(Diagnostics),
    /// Something else went wrong (writing output, an internal error).
    Tool(String),
}

impl From<Diagnostics> for Fail {
    fn from(d: Diagnostics) -> Self {
        Fail::Input(d)
    }
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitStatus::Success.into()
                }
                _ => ExitStatus::Error.into(),
            };
        }
    };
    let result = match cli.command {
        Command::Validate { files, format } => validate::run(&files, format),
        Command::Show {
            file,
            format,
            output,
        } => show::run(&file, format, output.as_deref()),
        Command::Graph { file, output } => show::graph(&file, output.as_deref()),
    };
    match result {
        Ok(status) => status.into(),
        Err(Fail::Input(d)) => {
            printer::diagnostics(&d);
            ExitStatus::Failure.into()
        }
        Err(Fail::Tool(msg)) => {
            printer::error(&msg);
            ExitStatus::Error.into()
        }
    }
}

//! The command line: arguments (clap), dispatch, output and exit codes. Only this module knows
//! about clap, terminals, colours and output formats.

mod compare;
mod diff;
mod gen;
mod import;
mod lang;
mod law;
mod output;
mod overlaps;
mod package;
mod plan;
mod printer;
mod progress;
mod report;
mod show;
mod units;
mod validate;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

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
    /// The language of the output: vi (the default) or en. Also ORGPLAN_LANG.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
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
    /// An Excel workbook, one sheet per table (needs `-o FILE.xlsx` unless piped).
    Xlsx,
}

/// The allocation backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Solver {
    /// Min-cost flow with branch and bound (exact, fast).
    Flow,
    /// A MILP through good_lp and microlp (pure Rust).
    Milp,
    /// A MILP through good_lp and HiGHS (feature `highs`).
    #[cfg(feature = "highs")]
    Highs,
}

impl Solver {
    fn backend(self) -> orgplan::alloc::Backend {
        use orgplan::alloc::{milp::MilpSolver, Backend};
        match self {
            Solver::Flow => Backend::Flow,
            Solver::Milp => Backend::Milp(MilpSolver::MicroLp),
            #[cfg(feature = "highs")]
            Solver::Highs => Backend::Milp(MilpSolver::Highs),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files: every problem in one run, with file, line and column.
    Validate {
        /// Model, Norms or Scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = validate::ValidateFormat::Table)]
        format: validate::ValidateFormat,
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
    /// Two staffing tables side by side: before/after/norm per post, who moved, who is surplus
    ///
    /// Per unit and post: the holders before and after against the norm; then every person
    /// once — stayed, moved (old post → new post), surplus (with the package), left or new.
    /// Each side is a Model, a Scenario (its plan) or a saved plan JSON.
    Diff(diff::DiffArgs),
    /// Overlapping, duplicated and missing mandates; on a Scenario, after its mergers.
    Overlaps(overlaps::OverlapsArgs),
    /// Plan a scenario: who takes which post, surplus and packages, vacancies, roadmap.
    Plan {
        /// A Scenario file.
        scenario: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Report 0 seconds for the solver, so that runs give byte-identical output.
        #[arg(long)]
        no_timing: bool,
        /// Stop proving optimality after this many seconds and report the best plan found
        /// (status TimeLimit). Plans without binding MinShare rules are never cut short.
        #[arg(long, default_value_t = 120.0)]
        time_limit: f64,
        /// The method: `flow` (exact min-cost flow with branch and bound, the default) or
        /// `milp` (good_lp with microlp; slower, an independent check); `highs` when built
        /// with the `highs` feature.
        #[arg(long, value_enum, default_value_t = Solver::Flow)]
        solver: Solver,
        /// Say why: each placement's fit and runners-up, why each surplus person got no post
        /// (a missing requirement, or who is preferred on which tier), why each vacancy is empty.
        #[arg(long)]
        explain: bool,
    },
    /// The planner's report as one self-contained HTML page (several scenarios: their comparison).
    Report(report::ReportArgs),
    /// Scenarios side by side: one column per scenario, one row per measure, the best marked.
    Compare(compare::CompareArgs),
    /// Vary a scenario's policy or weights over a grid and compare the variants, e.g.
    /// `--vary policy.transition_years=3,5 --vary weights.continuity=50,100,200`.
    Sweep(compare::SweepArgs),
    /// The allocation problem of a scenario as JSON (candidates, posts, eligible pairs with
    /// their fit, rules), to check orgplan's plan with another solver.
    Formulate {
        /// A Scenario file.
        scenario: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One person's retirement month and every package the law offers them, with the working.
    Package {
        /// The person's staff id.
        staff: String,
        /// The scenario whose effective date and policy apply.
        #[arg(long)]
        scenario: PathBuf,
        #[arg(long, value_enum, default_value_t = validate::ValidateFormat::Table)]
        format: validate::ValidateFormat,
    },
    /// The law in force on a date: every figure with its article and source.
    Law {
        /// The date (YYYY-MM-DD); default the scenario's effective date, else today.
        #[arg(long)]
        date: Option<String>,
        /// A scenario whose `law:` file replaces the shipped one of its regime.
        #[arg(long)]
        scenario: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Generate a synthetic model, norms and scenario (deterministic for a seed).
    Gen {
        /// The folder to write model.ron, norms.ron and scenario.ron into.
        #[arg(long)]
        out: PathBuf,
        /// Start from Vietnam's 2025 reform: 10,035 communes into 3,321 units.
        #[arg(long, conflicts_with = "province")]
        national: bool,
        /// Start from a Hà Nội-sized province: 526 units into 126 (pool: PerMerger; add
        /// --pool-scenario to pool the whole province). With --real: the province to take
        /// from the real map ("Hà Nội", "ha noi", or its code "01").
        #[arg(long, num_args = 0..=1, value_name = "NAME")]
        province: Option<Option<String>>,
        /// The real map of 1 July 2025 (data/vn-2025): the real old units (staff generated)
        /// and the real mergers on the two-tier templates; the whole country unless
        /// --province or --unit.
        #[arg(long, conflicts_with_all = ["national", "communes", "into", "pool_scenario"])]
        real: bool,
        /// With --real: only this new unit (its code, e.g. 10096); may be repeated.
        #[arg(long = "unit", value_name = "CODE", requires = "real")]
        units: Vec<String>,
        /// With --real: no generated people, only the units and their posts (bring the
        /// office's own staff in with `orgplan import TABLE --into model.ron`).
        #[arg(long, requires = "real")]
        no_staff: bool,
        /// With --real: the office's own staffing table (xlsx, xls, ods or CSV, section rows
        /// "I. XÃ …" allowed) instead of generated people, read into the real old units by
        /// name as `orgplan import TABLE --into` does.
        #[arg(
            long,
            value_name = "TABLE",
            requires = "real",
            conflicts_with = "no_staff"
        )]
        staff: Option<PathBuf>,
        /// Old communes.
        #[arg(long)]
        communes: Option<usize>,
        /// New units.
        #[arg(long)]
        into: Option<usize>,
        /// Seed of the random generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Let staff compete for any new post (pool: Scenario).
        #[arg(long)]
        pool_scenario: bool,
        /// Leave out the MinShare rule.
        #[arg(long)]
        no_min_share: bool,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
    /// Look up units of the 2025 map by code or name, with or without tone marks: a new
    /// unit's composition, an old unit's destinations, the split units.
    Units(units::UnitsArgs),
    /// Read a staffing table (xlsx or CSV, one row per person) into a Model file
    ///
    /// Or merge it into an existing model (`--into`, written to a new file). Every cell that
    /// cannot be read is named by sheet, row and column, and the import fails rather than
    /// dropping the row.
    Import(import::ImportArgs),
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
    /// The user stopped the run (Ctrl-C); nothing was written.
    Interrupted,
    /// The command line is wrong in a way clap cannot see (a bad `--vary`, say): exit 2.
    Usage(String),
}

impl From<Diagnostics> for Fail {
    fn from(d: Diagnostics) -> Self {
        Fail::Input(d)
    }
}

/// Runs the command line and returns the exit code.
pub fn main() -> ExitCode {
    // The language is chosen before clap reads the arguments, so that its help and its errors
    // are in the reader's language too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match lang::choose(&args) {
        Ok(l) => orgplan::i18n::set_lang(l),
        Err(bad) => {
            printer::error(&orgplan::t!("cli-bad-lang", lang = bad));
            return ExitStatus::Error.into();
        }
    }
    let cli = match lang::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    ExitStatus::Success.into()
                }
                // `orgplan` alone: the help, on stderr, as a usage error.
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    ExitStatus::Error.into()
                }
                _ => {
                    eprint!("{}", lang::usage_error(&e));
                    ExitStatus::Error.into()
                }
            };
        }
    };
    progress::on_ctrl_c();
    let result = match cli.command {
        Command::Validate { files, format } => validate::run(&files, format),
        Command::Show {
            file,
            format,
            output,
        } => show::run(&file, format, output.as_deref()),
        Command::Overlaps(args) => overlaps::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Sweep(args) => compare::sweep(&args),
        Command::Graph { file, output } => show::graph(&file, output.as_deref()),
        Command::Import(args) => import::run(&args),
        Command::Units(args) => units::run(&args),
        Command::Plan {
            scenario,
            format,
            output,
            no_timing,
            time_limit,
            solver,
            explain,
        } => plan::run(
            &scenario,
            format,
            output.as_deref(),
            plan::Options {
                no_timing,
                time_limit,
                backend: solver.backend(),
                explain,
            },
        ),
        Command::Gen {
            out,
            national,
            province,
            communes,
            into,
            seed,
            pool_scenario,
            no_min_share,
            force,
            real,
            units,
            no_staff,
            staff,
        } => {
            if real {
                let cfg = orgplan::gen::real::RealConfig {
                    province: province.flatten(),
                    seed,
                    min_share: false,
                    staff: !no_staff && staff.is_none(),
                };
                return finish(gen::run_real(&cfg, &units, staff.as_deref(), &out, force));
            }
            let province = match province {
                Some(Some(name)) => {
                    return finish(Err(Fail::Tool(orgplan::t!(
                        "map-province-needs-real",
                        name = name
                    ))))
                }
                Some(None) => true,
                None => false,
            };
            let mut cfg = if national {
                orgplan::gen::GenConfig::national()
            } else if province {
                orgplan::gen::GenConfig::province()
            } else {
                orgplan::gen::GenConfig::default()
            };
            cfg.seed = seed;
            if let Some(c) = communes {
                cfg.communes = c;
            }
            if let Some(i) = into {
                cfg.into = i;
            }
            cfg.pool_scenario |= pool_scenario;
            cfg.min_share &= !no_min_share;
            gen::run(&cfg, &out, force)
        }
        Command::Formulate { scenario, output } => plan::formulate(&scenario, output.as_deref()),
        Command::Package {
            staff,
            scenario,
            format,
        } => package::run(&staff, &scenario, format),
        Command::Law {
            date,
            scenario,
            format,
        } => law::run(date.as_deref(), scenario.as_deref(), format),
    };
    finish(result)
}

/// The exit code of a command's result, with its error printed.
fn finish(result: Result<ExitStatus, Fail>) -> ExitCode {
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
        Err(Fail::Usage(msg)) => {
            printer::error(&msg);
            ExitStatus::Error.into()
        }
        Err(Fail::Interrupted) => {
            printer::error(&orgplan::t!("cli-interrupted"));
            ExitCode::from(progress::INTERRUPTED)
        }
    }
}

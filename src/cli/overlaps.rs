//! `orgplan overlaps FILE`: overlapping, duplicated and missing mandates (SPEC §4).

use std::path::PathBuf;

use clap::ValueEnum;
use comfy_table::{presets, ContentArrangement, Table};

use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::model::{load_any, AnyFile};
use orgplan::overlaps::{self, Change, FindingKind, Options, Severity};
use orgplan::report::overlaps::{OverlapsReport, ReportFinding};

use super::{output, printer, ExitStatus, Fail, Format};

/// The width the table is laid out for.
const TABLE_WIDTH: u16 = 100;

/// Arguments of `orgplan overlaps`.
#[derive(Debug, clap::Args)]
pub struct OverlapsArgs {
    /// A Model, or a Scenario (checked as the organization will be after its mergers).
    file: PathBuf,
    /// With a Scenario: the findings before and after the mergers, each marked new, gone or
    /// kept.
    #[arg(long)]
    before: bool,
    /// SimilarFunctions threshold: report catalogue entries at least this similar (0–1).
    #[arg(long, default_value_t = 0.8, value_parser = parse_similarity)]
    similarity: f64,
    /// Exit 1 when a finding at or above this severity exists.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// A severity for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

fn parse_similarity(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .parse()
        .map_err(|_| orgplan::t!("overlaps-similarity-not-number", value = s))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(orgplan::t!("overlaps-similarity-range", value = s))
    }
}

pub fn run(args: &OverlapsArgs) -> Result<ExitStatus, Fail> {
    let file = args.file.as_path();
    let opts = Options {
        similarity: args.similarity,
    };
    let loaded = load_any(file)?;
    printer::warning_count(&loaded.warnings, file);
    let (title, report) = match loaded.value {
        AnyFile::Model(m) => {
            if args.before {
                return Err(Fail::Tool(orgplan::t!(
                    "overlaps-before-on-model",
                    file = file.display().to_string()
                )));
            }
            let title = m.name.clone();
            (title, OverlapsReport::new(overlaps::detect(&m, &opts)))
        }
        AnyFile::Scenario(s) => {
            if args.before {
                let title = orgplan::t!("overlaps-title-before-after", name = s.name.as_str());
                (
                    title,
                    OverlapsReport::compared(overlaps::compare_scenario(&s, &opts)),
                )
            } else {
                let title = orgplan::t!("overlaps-title-after", name = s.name.as_str());
                (
                    title,
                    OverlapsReport::new(overlaps::detect_scenario(&s, &opts)),
                )
            }
        }
        AnyFile::Norms(_) => {
            return Err(Fail::Input(Diagnostics(vec![Diagnostic::file_error(
                file,
                orgplan::t!("overlaps-norms-file"),
            )])))
        }
    };
    let bytes = match args.format {
        Format::Json => output::json(&report)?.into_bytes(),
        Format::Csv => output::csv(&report.rows())?.into_bytes(),
        Format::Table => table(&title, &report, args.before).into_bytes(),
        Format::Xlsx => {
            let sheet = orgplan::report::xlsx::Sheet::from_rows(
                &orgplan::t!("overlaps-sheet"),
                &report.rows(),
            )
            .map_err(|e| Fail::Tool(e.to_string()))?;
            output::xlsx(&[sheet], args.output.as_deref())?
        }
    };
    output::emit(args.output.as_deref(), &bytes)?;
    let failed = args
        .fail_on
        .is_some_and(|s| overlaps::any_at_least(report.current(), s.into()));
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The findings grouped by severity, then kind: a heading and a table per group.
fn table(title: &str, report: &OverlapsReport, compared: bool) -> String {
    let mut out = format!("{title}\n");
    let groups: Vec<(FindingKind, Vec<&ReportFinding>)> = FindingKind::ALL
        .iter()
        .map(|&k| {
            (
                k,
                report
                    .findings
                    .iter()
                    .filter(|f| f.finding.kind == k)
                    .collect(),
            )
        })
        .filter(|(_, fs): &(FindingKind, Vec<&ReportFinding>)| !fs.is_empty())
        .collect();
    // Kinds are listed in the SPEC's order; group by severity first.
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        for (kind, findings) in groups.iter().filter(|(k, _)| k.severity() == sev) {
            out.push('\n');
            out.push_str(&orgplan::t!(
                "overlaps-group",
                severity = sev.label(),
                kind = kind.label(),
                n = findings.len(),
                describe = kind.describe()
            ));
            out.push('\n');
            let mut t = Table::new();
            t.load_preset(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(TABLE_WIDTH);
            let mut header = Vec::new();
            if compared {
                header.push(orgplan::t!("overlaps-col-change"));
            }
            header.extend([
                orgplan::t!("overlaps-col-functions"),
                orgplan::t!("overlaps-col-who"),
                orgplan::t!("overlaps-col-message"),
            ]);
            t.set_header(header);
            for r in findings {
                let f = &r.finding;
                let mut row = Vec::new();
                if let Some(c) = r.change {
                    row.push(c.label());
                }
                let mut who = f.units.join(", ");
                for p in &f.positions {
                    who.push_str(&format!("\n• {p}"));
                }
                row.extend([f.functions.join("\n"), who, f.message.clone()]);
                t.add_row(row);
            }
            out.push_str(&format!("{t}\n"));
        }
    }
    out.push('\n');
    out.push_str(&summary(report, compared));
    out.push('\n');
    out
}

fn summary(report: &OverlapsReport, compared: bool) -> String {
    let count = |s: Severity| report.current().filter(|f| f.severity == s).count();
    let n = report.current().count();
    let mut s = if n == 0 {
        orgplan::t!("overlaps-summary-none")
    } else {
        orgplan::t!(
            "overlaps-summary",
            n = n,
            errors = count(Severity::Error),
            warnings = count(Severity::Warning),
            infos = count(Severity::Info)
        )
    };
    if compared {
        let c = |x: Change| {
            report
                .findings
                .iter()
                .filter(|f| f.change == Some(x))
                .count()
        };
        s = orgplan::t!(
            "overlaps-summary-compared",
            summary = s,
            new = c(Change::New),
            gone = c(Change::Gone),
            kept = c(Change::Kept)
        );
    }
    s
}

//! `orgplan report SCENARIO -o report.html`: the planner's report, one self-contained HTML
//! page; with several scenarios, the analyst's comparison page.

use std::path::{Path, PathBuf};

use orgplan::compare::{compare_watched, CompareError};
use orgplan::diag::{Diagnostic, Diagnostics};
use orgplan::model::load_scenario;
use orgplan::report::html;

use super::{output, plan, printer, progress, ExitStatus, Fail};

/// The arguments of `orgplan report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// A Scenario file (the plan's report), or several (their comparison).
    #[arg(required = true)]
    scenarios: Vec<PathBuf>,
    /// Write the page to this file (e.g. report.html) instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Stop proving optimality after this many seconds (as `plan --time-limit`).
    #[arg(long, default_value_t = 120.0)]
    time_limit: f64,
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub fn run(args: &ReportArgs) -> Result<ExitStatus, Fail> {
    let out = args.output.as_deref();
    let mut loaded = Vec::new();
    let mut problems = Diagnostics::new();
    for file in &args.scenarios {
        match load_scenario(file) {
            Ok(l) => {
                printer::warning_count(&l.warnings, file);
                if let Err(e) = html::check_size(&l.value, html::MAX_CANDIDATES) {
                    problems.push(Diagnostic::file_error(file, e.to_string()));
                }
                loaded.push((file.clone(), l.value));
            }
            Err(d) => problems.extend(d),
        }
    }
    if !problems.is_empty() {
        return Err(Fail::Input(problems));
    }
    let page = if let [(file, scenario)] = &loaded[..] {
        let opts = plan::Options {
            no_timing: true,
            time_limit: args.time_limit,
            backend: orgplan::alloc::Backend::Flow,
            explain: false,
        };
        let p = plan::plan_scenario(file, scenario, &opts)?;
        html::plan_page(
            scenario,
            &p,
            &html::Options {
                source_name: file_name(file),
                package_text: Some(super::law::package_text),
            },
        )
        .map_err(|e| {
            Fail::Input(Diagnostics(vec![Diagnostic::file_error(
                file,
                e.to_string(),
            )]))
        })?
    } else {
        let labelled: Vec<(String, orgplan::model::Scenario)> = loaded
            .iter()
            .map(|(f, s)| {
                (
                    f.file_stem().map_or_else(
                        || f.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    ),
                    s.clone(),
                )
            })
            .collect();
        let watch = progress::watch();
        let cmp = match compare_watched(&labelled, &watch) {
            Ok(c) if !watch.stopped() => c,
            Err(CompareError::Interrupted) | Ok(_) => return Err(Fail::Interrupted),
            Err(e) => return Err(Fail::Tool(e.to_string())),
        };
        drop(watch);
        let files: Vec<String> = loaded.iter().map(|(f, _)| file_name(f)).collect();
        html::compare_page(&cmp, &files)
    };
    output::emit(out, page.as_bytes())?;
    Ok(ExitStatus::Success)
}

//! Everything said to the person at the terminal goes through here, to stderr: diagnostics,
//! warnings, errors. stdout is for data only.

use std::io::{IsTerminal, Write};

use orgplan::diag::{Diagnostic, Diagnostics};

/// How many diagnostics are drawn in full; the rest are counted in one line. A national model
/// has ~12,000 warnings: nobody reads that many drawings, and `--format json` lists them all.
pub const SHOWN_IN_FULL: usize = 200;

/// Renders diagnostics (errors and warnings) as miette reports on stderr, then a count. Errors
/// come first in the cap (a warning never hides an error); past [`SHOWN_IN_FULL`] the rest are
/// summarised.
pub fn diagnostics(d: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .with_width(400);
    let mut out = String::new();
    let errors = d.errors().count();
    let warnings = d.warnings().count();
    // Every error is drawn before any warning is dropped: the cap takes errors first, then
    // warnings, each in the order found (so the output stays deterministic).
    let shown_errors = errors.min(SHOWN_IN_FULL);
    let shown_warnings = warnings.min(SHOWN_IN_FULL - shown_errors);
    let mut e_left = shown_errors;
    let mut w_left = shown_warnings;
    for diag in &d.0 {
        let left = if diag.is_error() {
            &mut e_left
        } else {
            &mut w_left
        };
        if *left > 0 {
            *left -= 1;
            render(&handler, diag, &mut out);
        }
    }
    if shown_errors + shown_warnings < errors + warnings {
        out.push_str(&orgplan::t!(
            "harden-diagnostics-not-shown",
            errors = errors - shown_errors,
            warnings = warnings - shown_warnings,
            shown = shown_errors + shown_warnings
        ));
        out.push('\n');
    }
    if errors + warnings > 0 {
        out.push_str(&orgplan::t!(
            "check-count",
            errors = errors,
            warnings = warnings
        ));
        out.push('\n');
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

fn render(handler: &miette::GraphicalReportHandler, d: &Diagnostic, out: &mut String) {
    // The first line always gives file:line:column in plain text, so that editors and people
    // reading a log find the place without the drawing.
    out.push_str(&d.headline());
    out.push('\n');
    if d.source.is_some() && d.span.is_some() {
        let mut s = String::new();
        if handler.render_report(&mut s, d).is_ok() {
            // The report repeats the message first; keep only the drawing and the help, the
            // help's English prefix (miette's) in the reader's language.
            let body: Vec<String> = s
                .lines()
                .skip(1)
                .map(|l| {
                    let rest = l.trim_start();
                    match rest.strip_prefix("help: ") {
                        Some(help) => format!(
                            "{}{}",
                            &l[..l.len() - rest.len()],
                            orgplan::t!("check-help-line", help = help)
                        ),
                        None => l.to_string(),
                    }
                })
                .collect();
            out.push_str(&body.join("\n"));
            out.push('\n');
            return;
        }
    }
    if let Some(help) = &d.help {
        out.push_str(&format!(
            "  {}\n",
            orgplan::t!("check-help-line", help = help.as_str())
        ));
    }
}

/// Warnings that do not stop the command: `validate` shows them in full, other commands
/// mention how many there are.
pub fn warnings(d: &Diagnostics) {
    if !d.is_empty() {
        diagnostics(d);
    }
}

/// A one-line note of how many warnings loading found.
pub fn warning_count(d: &Diagnostics, file: &std::path::Path) {
    let n = d.warnings().count();
    if n > 0 {
        note(&orgplan::t!(
            "check-note-warnings",
            n = n,
            file = file.display().to_string()
        ));
    }
}

/// A one-line note.
pub fn note(msg: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        orgplan::t!("check-note", msg = msg)
    );
}

/// A tool error (not the user's input).
pub fn error(msg: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        orgplan::t!("check-tool-error", msg = msg)
    );
}

//! Everything said to the person at the terminal goes through here, to stderr: diagnostics,
//! warnings, errors. stdout is for data only.

use std::io::{IsTerminal, Write};

use orgplan::diag::{Diagnostic, Diagnostics};

/// Renders diagnostics (errors and warnings) as miette reports on stderr, then a count.
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
    for diag in &d.0 {
        render(&handler, diag, &mut out);
    }
    let errors = d.errors().count();
    let warnings = d.warnings().count();
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

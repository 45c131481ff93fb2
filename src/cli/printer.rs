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
        out.push_str(&format!(
            "{} error{}, {} warning{}\n",
            errors,
            if errors == 1 { "" } else { "s" },
            warnings,
            if warnings == 1 { "" } else { "s" }
        ));
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

fn render(handler: &miette::GraphicalReportHandler, d: &Diagnostic, out: &mut String) {
    // The first line always gives file:line:column in plain text, so that editors and people
    // reading a log find the place without the drawing.
    out.push_str(&format!("{}\n", headline(d)));
    if d.source.is_some() && d.span.is_some() {
        let mut s = String::new();
        if handler.render_report(&mut s, d).is_ok() {
            // The report repeats the message first; keep only the drawing and the help.
            let body: Vec<&str> = s.lines().skip(1).collect();
            out.push_str(&body.join("\n"));
            out.push('\n');
            return;
        }
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("  help: {help}\n"));
    }
}

/// `file:line:column: error: message`.
fn headline(d: &Diagnostic) -> String {
    let sev = if d.is_error() { "error" } else { "warning" };
    let mut s = format!("{}: {sev}: ", d.location());
    if let Some(e) = &d.entity {
        s.push_str(e);
        if let Some(f) = &d.field {
            s.push_str(&format!(", field `{f}`"));
        }
        s.push_str(": ");
    }
    s.push_str(&d.message);
    s
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
        let _ = writeln!(
            std::io::stderr(),
            "note: {n} warning{} in the input; `orgplan validate {}` shows them",
            if n == 1 { "" } else { "s" },
            file.display()
        );
    }
}

/// A one-line note.
pub fn note(msg: &str) {
    let _ = writeln!(std::io::stderr(), "note: {msg}");
}

/// A tool error (not the user's input).
pub fn error(msg: &str) {
    let _ = writeln!(std::io::stderr(), "error: {msg}");
}

//! Writing data: to stdout (a closed pipe is not an error), or atomically to a file.

use std::io::Write;
use std::path::Path;

use orgplan::t;

use super::Fail;

/// Writes `data` to `path` (see [`super::write`]: never over an input, devices and FIFOs as a
/// stream, regular files atomically), or to stdout. A run stopped before the output is in
/// place writes nothing.
pub fn emit(path: Option<&Path>, data: &[u8]) -> Result<(), Fail> {
    if super::progress::stopped() {
        return Err(Fail::Interrupted);
    }
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(data).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // `orgplan show x | head` closes the pipe: not an error (as ripgrep).
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Fail::Tool(t!(
                    "cli-cannot-write-stdout",
                    error = e.to_string()
                ))),
            }
        }
        Some(path) => match super::write::to_path(path, data, &super::progress::stopped) {
            Ok(()) => Ok(()),
            Err(super::write::WriteError::Interrupted) => Err(Fail::Interrupted),
            Err(e) => Err(Fail::Tool(t!(
                "write-cannot",
                path = path.display().to_string(),
                reason = e.reason()
            ))),
        },
    }
}

/// Refuses, before any work, to send a workbook to a terminal: a workbook is binary, it goes
/// to a file (`-o`) or a pipe. Commands call this first, so that nothing is planned in vain.
pub fn check_xlsx_target(format: super::Format, out: Option<&Path>) -> Result<(), Fail> {
    use std::io::IsTerminal;
    if format == super::Format::Xlsx && out.is_none() && std::io::stdout().is_terminal() {
        return Err(Fail::Usage(t!("cli-xlsx-to-terminal")));
    }
    Ok(())
}

/// The bytes of an Excel workbook of these sheets. A workbook is binary: it goes to a file
/// (`-o`) or a pipe, never to a terminal.
pub fn xlsx(sheets: &[orgplan::report::xlsx::Sheet], out: Option<&Path>) -> Result<Vec<u8>, Fail> {
    check_xlsx_target(super::Format::Xlsx, out)?;
    orgplan::report::xlsx::workbook(sheets).map_err(|e| Fail::Tool(e.to_string()))
}

/// Pretty JSON text with a final newline.
pub fn json<T: serde::Serialize>(value: &T) -> Result<String, Fail> {
    let mut t = serde_json::to_string_pretty(value).map_err(|e| Fail::Tool(e.to_string()))?;
    t.push('\n');
    Ok(t)
}

/// CSV text of a table for people: translated headers, then the rows as they are.
pub fn csv_table(header: &[String], rows: &[Vec<String>]) -> Result<String, Fail> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Fail::Tool(e.to_string());
    w.write_record(header).map_err(fail)?;
    for r in rows {
        w.write_record(r).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Fail::Tool(e.into_error().to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// CSV text (header first).
pub fn csv<T: serde::Serialize>(rows: &[T]) -> Result<String, Fail> {
    orgplan::report::to_csv(rows).map_err(|e| Fail::Tool(e.to_string()))
}

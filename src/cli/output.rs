//! Writing data: to stdout (a closed pipe is not an error), or atomically to a file.

use std::io::Write;
use std::path::Path;

use orgplan::t;

use super::Fail;

/// Writes `data` to `path` atomically (a temporary file beside it, then a rename), or to stdout.
pub fn emit(path: Option<&Path>, data: &[u8]) -> Result<(), Fail> {
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
        Some(path) => write_atomic(path, data).map_err(|e| {
            Fail::Tool(t!(
                "cli-cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        }),
    }
}

/// Writes a file so that a reader never sees it half-written: a temporary file in the same
/// folder, synced, then renamed over the target.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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

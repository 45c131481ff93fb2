//! Reading a workbook (xlsx, xls, ods — calamine) or a CSV file (the csv crate) into sheets of
//! cells, with every cell at the row and column a spreadsheet shows.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use chrono::NaiveDate;

use super::text;
use crate::diag::Diagnostic;

/// One cell's value, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (the time of day, if any, is dropped).
    Date(NaiveDate),
    Bool(bool),
    /// An error value such as `#VALUE!` or `#REF!`.
    Error(String),
}

impl Value {
    /// Whether the cell is empty or holds only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a person reads it (numbers without a needless `.0`).
    pub fn display(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.trim().to_string(),
            Value::Number(x) => {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    format!("{}", *x as i64)
                } else {
                    format!("{x}")
                }
            }
            Value::Date(d) => text::vn_date(*d),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Error(e) => e.clone(),
        }
    }
}

/// One sheet: `rows[r][c]` is the cell at spreadsheet row `r + 1`, column `c` (0 = A).
#[derive(Debug, Clone, PartialEq)]
pub struct Worksheet {
    pub name: String,
    pub rows: Vec<Vec<Value>>,
}

impl Worksheet {
    /// The cell at a 0-based row and column (Empty outside the data).
    pub fn cell(&self, row: usize, col: usize) -> &Value {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Value::Empty)
    }
}

/// The sheets of one input file.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    /// The file, as it was named.
    pub path: PathBuf,
    /// Whether it was a CSV file (one sheet, named after the file).
    pub csv: bool,
    pub sheets: Vec<Worksheet>,
}

/// The column letters of a 0-based column: 0 → `A`, 27 → `AB`.
pub fn column_letter(col: usize) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Reads a workbook or a CSV file, told apart by their first bytes (not the extension): a zip
/// (xlsx, ods) or an OLE file (xls) is a workbook; anything else is read as CSV text.
pub fn read(path: &Path) -> Result<Workbook, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::file_error(path, format!("cannot open the file: {e}"))
            .with_help("check the path")
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::file_error(path, "this is a folder, not a file"));
    }
    if meta.len() > crate::files::MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            path,
            format!(
                "the file is {} MB, too large to be a staffing table",
                meta.len() >> 20
            ),
        ));
    }
    crate::files::inputs::note_input(path);
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::file_error(path, format!("cannot read the file: {e}")))?;
    read_bytes(path, bytes)
}

/// Reads a file's bytes already in memory (see [`read`]); `path` names it in messages.
pub fn read_bytes(path: &Path, bytes: Vec<u8>) -> Result<Workbook, Diagnostic> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        read_workbook(path, bytes)
    } else {
        read_csv(path, &bytes)
    }
}

fn read_workbook(path: &Path, bytes: Vec<u8>) -> Result<Workbook, Diagnostic> {
    // calamine trusts some numbers in the file (a cell reference's digits, in debug builds an
    // arithmetic overflow): a damaged workbook must be an error, not a crash.
    std::panic::catch_unwind(|| calamine_sheets(path, bytes)).unwrap_or_else(|_| {
        Err(Diagnostic::file_error(
            path,
            "cannot read the workbook: it is damaged (the xlsx reader gave up on it)",
        )
        .with_help("open it in Excel or LibreOffice and save it again as .xlsx"))
    })
}

fn calamine_sheets(path: &Path, bytes: Vec<u8>) -> Result<Workbook, Diagnostic> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Diagnostic::file_error(path, format!("cannot read the workbook: {e}"))
            .with_help("save it from Excel or LibreOffice as .xlsx and try again")
    })?;
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| {
            Diagnostic::file_error(path, format!("cannot read the sheet \"{name}\": {e}"))
        })?;
        let mut rows: Vec<Vec<Value>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            let (r0, c0) = (r0 as usize, c0 as usize);
            rows.resize(r0, Vec::new());
            for r in range.rows() {
                let mut row = vec![Value::Empty; c0];
                row.extend(r.iter().map(value));
                while row.last().is_some_and(Value::is_blank) {
                    row.pop();
                }
                rows.push(row);
            }
        }
        sheets.push(Worksheet { name, rows });
    }
    Ok(Workbook {
        path: path.to_path_buf(),
        csv: false,
        sheets,
    })
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day)) {
                Some(date) if dt.is_datetime() => Value::Date(date),
                _ => Value::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Error(e.to_string()),
    }
}

/// Reads CSV bytes: UTF-8 with or without a byte-order mark; the delimiter (`,`, `;` or tab)
/// is detected. Any other encoding is refused, naming the row and column of the first byte
/// that is not UTF-8.
pub fn read_csv(path: &Path, bytes: &[u8]) -> Result<Workbook, Diagnostic> {
    let mut bytes = bytes;
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        bytes = rest;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::file_error(
            path,
            "the file is not UTF-8 (it is UTF-16, what Excel calls \"Unicode Text\")",
        )
        .with_help("save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Diagnostic::file_error(
            path,
            "this is a binary file, neither a workbook (.xlsx) nor a CSV text file",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Err(not_utf8(path, bytes, e.valid_up_to())),
    };
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Value>> = Vec::new();
    // Spreadsheets count blank lines as rows, the csv crate skips them: number each record by
    // the lines before it so that rows are those LibreOffice and Excel show.
    let mut expected_line = 1u64;
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let row = e.position().map_or(0, |p| p.line());
            Diagnostic::file_error(path, format!("row {row}: cannot read the CSV: {e}"))
        })?;
        // A record's position is where the reader started looking for it, before the blank
        // lines it skipped: move it past them.
        let line = rec.position().map_or(expected_line, |p| {
            let skipped = text.as_bytes()[p.byte() as usize..]
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .filter(|&&b| b == b'\n')
                .count();
            p.line() + skipped as u64
        });
        for _ in expected_line..line {
            rows.push(Vec::new());
        }
        let newlines: u64 = rec.iter().map(|f| f.matches('\n').count() as u64).sum();
        expected_line = line + newlines + 1;
        let mut row: Vec<Value> = rec
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(f.to_string())
                }
            })
            .collect();
        while row.last().is_some_and(Value::is_blank) {
            row.pop();
        }
        rows.push(row);
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Workbook {
        path: path.to_path_buf(),
        csv: true,
        sheets: vec![Worksheet { name, rows }],
    })
}

/// The delimiter whose count is the same on the most lines (`,` `;` or tab, outside quotes,
/// over the first 50 lines). A Vietnamese Excel writes `;` (the comma is its decimal mark).
fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for cand in [b',', b';', b'\t'] {
        let mut counts: Vec<usize> = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()).take(50) {
            let mut quoted = false;
            let mut n = 0;
            for b in line.bytes() {
                if b == b'"' {
                    quoted = !quoted;
                } else if b == cand && !quoted {
                    n += 1;
                }
            }
            counts.push(n);
        }
        let mut freq = std::collections::BTreeMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        if let Some((&mode, &lines)) = freq.iter().max_by_key(|(c, n)| (**n, **c)) {
            if (lines, mode) > (best.1, best.2) {
                best = (cand, lines, mode);
            }
        }
    }
    best.0
}

/// The error for bytes that are not UTF-8: where the first bad byte is, and which legacy
/// encoding the bytes look like.
fn not_utf8(path: &Path, bytes: &[u8], at: usize) -> Diagnostic {
    let before = String::from_utf8_lossy(&bytes[..at]);
    let row = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let lossy = String::from_utf8_lossy(bytes);
    let delimiter = detect_delimiter(&lossy);
    let col = before[line_start..]
        .bytes()
        .filter(|&b| b == delimiter)
        .count();
    let mut d = Diagnostic::file_error(
        path,
        format!(
            "the file is not UTF-8 (it looks like {}): byte 0x{:02X} cannot be read",
            guess_encoding(bytes),
            bytes[at]
        ),
    )
    .with_help(
        "save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; \
         in LibreOffice: Character set \"Unicode (UTF-8)\")",
    );
    d.entity = Some(format!("row {row}, column {}", column_letter(col)));
    d
}

/// Names the 8-bit encoding that bytes most likely are. Windows-1258 writes Vietnamese tone
/// marks as separate bytes after the vowel (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2
/// dot below); TCVN3 (ABC) has precomposed lowercase vowels in 0xA8–0xFE and no such pairs.
/// A heuristic, enough to say what to do; orgplan does not convert.
pub fn guess_encoding(bytes: &[u8]) -> &'static str {
    const TONES: [u8; 5] = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2];
    const VN_1258: [u8; 14] = [
        0xC2, 0xE2, 0xC3, 0xE3, 0xCA, 0xEA, 0xD4, 0xF4, 0xD5, 0xF5, 0xDD, 0xFD, 0xD0, 0xF0,
    ];
    let mut pairs = 0;
    let mut tcvn = 0;
    for w in bytes.windows(2) {
        let vowel = w[0].is_ascii_alphabetic() || VN_1258.contains(&w[0]);
        if vowel && TONES.contains(&w[1]) {
            pairs += 1;
        }
    }
    for &b in bytes {
        if (0xA8..=0xAE).contains(&b) || (0xB5..=0xB9).contains(&b) {
            tcvn += 1;
        }
    }
    if pairs > 0 && pairs >= tcvn / 4 {
        "Windows-1258, the Vietnamese ANSI code page"
    } else if tcvn > 0 {
        "TCVN3 (ABC), an old Vietnamese font encoding"
    } else {
        "an 8-bit code page such as Windows-1252"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(detect_delimiter("a,b,c\n\"1;5\",2,3\n"), b',');
        assert_eq!(
            detect_delimiter("Tiêu đề\nHọ và tên;Ngày sinh\nA;1/2/1970\n"),
            b';'
        );
    }

    #[test]
    fn blank_lines_keep_spreadsheet_rows() {
        let wb = read_csv(Path::new("x.csv"), b"\xEF\xBB\xBFa,b\n\nc,\"d\ne\"\nf,g\n").unwrap();
        let rows = &wb.sheets[0].rows;
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert!(rows[1].is_empty(), "{rows:?}");
        assert_eq!(rows[3][0], Value::Text("f".into()));
    }

    #[test]
    fn windows_1258_is_named() {
        // "Nguyễn" in Windows-1258: ê = 0xEA, tilde = 0xDE.
        let d = read_csv(Path::new("x.csv"), b"STT,H\xD2o\nx,Nguy\xEA\xDEn\n").unwrap_err();
        assert!(d.message.contains("Windows-1258"), "{}", d.message);
        assert_eq!(d.entity.as_deref(), Some("row 1, column B"));
    }
}

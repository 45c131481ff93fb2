//! Excel workbooks for the people who hand tables in (issue 6): each table a sheet, its header
//! row bold and frozen, columns as wide as their content, numbers stored as numbers (đồng with
//! thousands separators, dates as dates) and Vietnamese text as it is.
//!
//! Every report that has CSV rows can become a sheet through [`Sheet::from_rows`]; sheets with
//! their own layout are built cell by cell. The same sheets give the same bytes: the document's
//! creation time is fixed, and the zip entries carry no clock time.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number (people, months, posts).
    Int(i64),
    /// A measured number, shown with up to `decimals` decimals (coefficients, km², fit).
    Number {
        value: f64,
        decimals: u8,
    },
    /// An amount in đồng, shown with thousands separators.
    Vnd(u64),
    /// A calendar date, shown dd/mm/yyyy as Vietnamese offices write it.
    Date(NaiveDate),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map_or(Cell::Empty, Cell::Text)
    }
}

/// One sheet: a header row and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The tab's name (cut to Excel's 31 characters, without the characters Excel forbids).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Why a report cannot become a sheet or a workbook.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum XlsxWriteError {
    #[error("{}", crate::t!("xlsx-error-write", reason = .0.to_string()))]
    Xlsx(#[from] XlsxError),
    #[error("{}", crate::t!("xlsx-error-rows", reason = .0.to_string()))]
    Rows(#[from] serde_json::Error),
    #[error("{}", crate::t!("xlsx-error-not-flat", row = .0.as_str()))]
    NotFlat(String),
}

impl Sheet {
    /// An empty sheet with these headers.
    pub fn new(name: &str, headers: &[&str]) -> Self {
        Sheet {
            name: name.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row (shorter rows are padded with empty cells).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// A sheet from the same flat records a report writes as CSV: one column per field, in
    /// field order, headed by the field's name in the reader's language
    /// ([`column_header`](crate::report::column_header)). Integers become numbers, fields named
    /// `*_vnd` become đồng, `yyyy-mm-dd` text becomes a date, `None` an empty cell, and
    /// lists are joined with `; `.
    pub fn from_rows<S: serde::Serialize>(name: &str, rows: &[S]) -> Result<Self, XlsxWriteError> {
        let mut sheet = Sheet {
            name: name.to_string(),
            headers: Vec::new(),
            rows: Vec::with_capacity(rows.len()),
        };
        for (i, r) in rows.iter().enumerate() {
            let serde_json::Value::Object(map) = serde_json::to_value(r)? else {
                return Err(XlsxWriteError::NotFlat(crate::t!(
                    "xlsx-error-row-of",
                    row = i + 1,
                    sheet = name
                )));
            };
            if i == 0 {
                sheet.headers = map
                    .keys()
                    .map(|k| crate::report::column_header(k))
                    .collect();
            }
            sheet
                .rows
                .push(map.iter().map(|(k, v)| cell_of(k, v)).collect());
        }
        Ok(sheet)
    }
}

fn cell_of(key: &str, v: &serde_json::Value) -> Cell {
    use serde_json::Value as J;
    match v {
        J::Null => Cell::Empty,
        J::Bool(b) => Cell::Text(if *b {
            crate::t!("common-yes")
        } else {
            crate::t!("common-no")
        }),
        J::Number(n) => {
            if let Some(u) = n.as_u64().filter(|_| key.ends_with("_vnd")) {
                Cell::Vnd(u)
            } else if let Some(i) = n.as_i64() {
                Cell::Int(i)
            } else {
                let value = n.as_f64().unwrap_or(0.0);
                Cell::Number { value, decimals: 2 }
            }
        }
        J::String(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) if s.len() == 10 => Cell::Date(d),
            _ => Cell::Text(s.clone()),
        },
        J::Array(items) => Cell::Text(
            items
                .iter()
                .map(|i| match i {
                    J::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        J::Object(_) => Cell::Text(v.to_string()),
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty, unique
/// among `taken`.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let fallback = crate::t!("xlsx-sheet-default");
    let base: String = if clean.is_empty() { &fallback } else { clean }
        .chars()
        .take(31)
        .collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == candidate.to_lowercase())
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        candidate = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    candidate
}

/// The text a cell shows, for sizing its column.
fn shown_width(c: &Cell) -> usize {
    match c {
        Cell::Empty => 0,
        Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Cell::Int(i) => i.to_string().len(),
        Cell::Number { value, decimals } => format!("{value:.*}", *decimals as usize).len(),
        Cell::Vnd(v) => crate::i18n::fmt::int(*v).chars().count(),
        Cell::Date(_) => 10,
    }
}

/// The workbook of these sheets, as the bytes of an `.xlsx` file.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxWriteError> {
    let mut wb = Workbook::new();
    // A fixed creation time: the same sheets give the same file.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&epoch)
            .set_author("orgplan"),
    );
    let header = Format::new().set_bold().set_text_wrap();
    let vnd = Format::new().set_num_format("#,##0");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let decimals: Vec<Format> = (0..=6)
        .map(|d| {
            let f = if d == 0 {
                "0".to_string()
            } else {
                format!("0.{}", "#".repeat(d))
            };
            Format::new().set_num_format(f)
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for s in sheets {
        let name = sheet_name(&s.name, &names);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        names.push(name);
        let mut widths: Vec<usize> = s.headers.iter().map(|h| h.chars().count()).collect();
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &header)?;
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (c, cell) in row.iter().enumerate() {
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(shown_width(cell));
                let c = col(c)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string(r, c, t)?;
                    }
                    Cell::Int(i) => {
                        ws.write_number(r, c, *i as f64)?;
                    }
                    Cell::Number { value, decimals: d } => {
                        ws.write_number_with_format(
                            r,
                            c,
                            *value,
                            &decimals[usize::from(*d).min(6)],
                        )?;
                    }
                    Cell::Vnd(v) => {
                        ws.write_number_with_format(r, c, *v as f64, &vnd)?;
                    }
                    Cell::Date(d) => {
                        let x = ExcelDateTime::from_ymd(
                            u16::try_from(d.year())
                                .map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        ws.write_datetime_with_format(r, c, &x, &date)?;
                    }
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            // Excel's width unit is about one character; a little air, and a cap so that a
            // long list of holders wraps rather than running off the screen.
            ws.set_column_width(col(c)?, (*w as f64 + 2.0).clamp(6.0, 60.0))?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    if sheets.is_empty() {
        wb.add_worksheet();
    }
    Ok(wb.save_to_buffer()?)
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let taken = vec!["Plan".to_string()];
        assert_eq!(sheet_name("plan", &taken), "plan (2)");
        assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
        // The unit tests run in the default language, Vietnamese.
        assert_eq!(sheet_name("", &[]), "Trang tính");
        let long = "Phương án sắp xếp đơn vị hành chính cấp xã năm 2025";
        assert_eq!(sheet_name(long, &[]).chars().count(), 31);
    }

    #[derive(serde::Serialize)]
    struct Row {
        staff: String,
        months: u32,
        cost_vnd: u64,
        fit: f64,
        born: String,
        tags: Vec<String>,
        note: Option<String>,
    }

    #[test]
    fn rows_keep_field_order_and_types() {
        let s = Sheet::from_rows(
            "x",
            &[Row {
                staff: "Nguyễn Thị Hằng".into(),
                months: 12,
                cost_vnd: 1_234_567,
                fit: 2.5,
                born: "1969-03-01".into(),
                tags: vec!["land".into(), "agri".into()],
                note: None,
            }],
        )
        .unwrap();
        // Headers in the reader's language (Vietnamese by default); a field the catalogue does
        // not name keeps its own name.
        assert_eq!(
            s.headers,
            [
                "Mã cán bộ",
                "months",
                "Chi phí (đồng)",
                "Điểm phù hợp",
                "born",
                "tags",
                "note"
            ]
        );
        assert_eq!(
            s.rows[0],
            vec![
                Cell::Text("Nguyễn Thị Hằng".into()),
                Cell::Int(12),
                Cell::Vnd(1_234_567),
                Cell::Number {
                    value: 2.5,
                    decimals: 2
                },
                Cell::Date(NaiveDate::from_ymd_opt(1969, 3, 1).unwrap()),
                Cell::Text("land; agri".into()),
                Cell::Empty,
            ]
        );
    }

    #[test]
    fn same_sheets_same_bytes() {
        let mut s = Sheet::new("Biên chế", &["Họ và tên", "Chi phí"]);
        s.push(vec!["Đỗ Văn Đức".into(), Cell::Vnd(250_000_000)]);
        let a = workbook(std::slice::from_ref(&s)).unwrap();
        let b = workbook(&[s]).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }
}

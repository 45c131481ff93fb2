//! The columns orgplan reads, sheet by sheet, with the header names it accepts, and finding the
//! header row below a sheet's title rows.

use super::table::{column_letter, Value, Worksheet};
use super::text::fold;

/// A column: the field it fills and the header names that mean it. The first name is the one
/// `orgplan show --format xlsx` writes; the field name itself (`salary_coefficient`, or with
/// spaces) is always accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: &'static str,
    pub names: &'static [&'static str],
    pub required: bool,
}

const fn col(field: &'static str, names: &'static [&'static str], required: bool) -> Column {
    Column {
        field,
        names,
        required,
    }
}

/// The staff sheet (danh sách cán bộ, công chức): one row per person.
pub const STAFF: &[Column] = &[
    col("stt", &["STT", "TT", "Số thứ tự", "No", "No."], false),
    col(
        "id",
        &[
            "Mã",
            "Mã cán bộ",
            "Mã CB",
            "Mã CBCC",
            "Mã số",
            "Mã nhân sự",
            "staff id",
            "code",
        ],
        false,
    ),
    col("name", &["Họ và tên", "Họ tên", "full name"], true),
    col(
        "born",
        &[
            "Ngày sinh",
            "Ngày tháng năm sinh",
            "Ngày, tháng, năm sinh",
            "Năm sinh",
            "date of birth",
            "birth date",
        ],
        true,
    ),
    col("gender", &["Giới tính", "sex"], true),
    col("unit", &["Đơn vị", "Đơn vị công tác", "Tên đơn vị"], false),
    col(
        "title",
        &[
            "Chức danh",
            "Chức vụ",
            "Chức danh, chức vụ",
            "Chức vụ, chức danh",
            "Chức danh công việc",
            "position",
            "post",
        ],
        false,
    ),
    col(
        "position_id",
        &["Mã vị trí", "Mã chức danh", "position id"],
        false,
    ),
    col(
        "kind",
        &["Loại", "Loại chức danh", "Phân loại", "post kind"],
        false,
    ),
    col("grade", &["Ngạch", "Mã ngạch", "Ngạch công chức"], false),
    col(
        "salary_coefficient",
        &[
            "Hệ số lương",
            "HSL",
            "Hệ số",
            "salary coefficient",
            "salary",
        ],
        true,
    ),
    col(
        "allowance_coefficient",
        &[
            "Phụ cấp chức vụ",
            "Hệ số phụ cấp chức vụ",
            "PCCV",
            "allowance",
        ],
        false,
    ),
    col(
        "insured_months",
        &[
            "Số tháng đóng BHXH",
            "Số tháng tham gia BHXH",
            "Thời gian đóng BHXH (tháng)",
            "insured months",
        ],
        false,
    ),
    col(
        "qualifications",
        &[
            "Trình độ chuyên môn",
            "Chuyên môn",
            "Trình độ",
            "qualification",
        ],
        false,
    ),
    col("notes", &["Ghi chú", "note", "remarks"], false),
];

/// `Model` / `Mô hình`: one row with the model's name and date.
pub const MODEL: &[Column] = &[
    col("name", &["Tên mô hình", "model"], false),
    col("as_of", &["Ngày số liệu", "as of"], false),
];

/// `Units` / `Đơn vị`: one row per unit.
pub const UNITS: &[Column] = &[
    col("id", &["Mã đơn vị", "Mã"], true),
    col("name", &["Tên đơn vị", "Tên"], true),
    col("kind", &["Loại", "Loại đơn vị"], true),
    col("parent", &["Trực thuộc", "Đơn vị cấp trên"], false),
    col("class", &["Phân loại", "Loại đơn vị hành chính"], false),
    col("population", &["Dân số", "Quy mô dân số"], false),
    col("area_km2", &["Diện tích (km²)", "Diện tích", "area"], false),
    col(
        "code",
        &["Mã ĐVHC", "Mã đơn vị hành chính", "Mã thống kê"],
        false,
    ),
];

/// `Positions` / `Vị trí việc làm`: one row per post.
pub const POSITIONS: &[Column] = &[
    col("id", &["Mã vị trí", "Mã"], true),
    col("unit", &["Đơn vị"], true),
    col("title", &["Chức danh", "Tên vị trí"], true),
    col("kind", &["Loại"], true),
    col("functions", &["Nhiệm vụ"], false),
    col("quota", &["Biên chế", "Số lượng"], false),
    col("requires", &["Yêu cầu chuyên môn"], false),
    col("prefers", &["Ưu tiên chuyên môn"], false),
    col(
        "allowance_coefficient",
        &["Phụ cấp chức vụ", "allowance"],
        false,
    ),
    col("gender", &["Giới tính"], false),
];

/// `Functions` / `Nhiệm vụ`: one row per function.
pub const FUNCTIONS: &[Column] = &[
    col("id", &["Mã nhiệm vụ", "Mã"], true),
    col("name", &["Tên nhiệm vụ", "Tên"], true),
    col("sector", &["Lĩnh vực"], false),
    col("description", &["Mô tả"], false),
    col("level", &["Cấp"], false),
    col("required_for", &["Bắt buộc với"], false),
];

/// `Mandates` / `Phân công nhiệm vụ`: one row per mandate.
pub const MANDATES: &[Column] = &[
    col("unit", &["Đơn vị", "Mã đơn vị"], true),
    col("function", &["Nhiệm vụ", "Mã nhiệm vụ"], true),
    col("role", &["Vai trò"], false),
];

/// A header cell as compared: folded, and folded again without a part in parentheses
/// (`Hệ số lương (HSL)` reads as `Hệ số lương`).
fn header_keys(text: &str) -> [String; 2] {
    let mut bare = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    [fold(text), fold(&bare)]
}

/// The column a header cell names, if any.
pub fn match_header<'c>(columns: &'c [Column], text: &str) -> Option<&'c Column> {
    let keys = header_keys(text);
    for key in &keys {
        if key.is_empty() {
            continue;
        }
        for c in columns {
            if fold(c.field) == *key || c.names.iter().any(|n| fold(n) == *key) {
                return Some(c);
            }
        }
    }
    None
}

/// A sheet's header row and where each column is.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// 0-based row of the headers.
    pub row: usize,
    /// Field → (0-based column, the header as written).
    pub columns: Vec<(&'static str, usize, String)>,
    /// Columns whose header orgplan does not know: (column, header).
    pub unknown: Vec<(usize, String)>,
    /// Fields named by two columns: (field, first column, second column).
    pub repeated: Vec<(&'static str, usize, usize)>,
}

impl Header {
    /// The column of a field, and its header.
    pub fn column(&self, field: &str) -> Option<(usize, &str)> {
        self.columns
            .iter()
            .find(|(f, _, _)| *f == field)
            .map(|(_, c, h)| (*c, h.as_str()))
    }

    /// The required columns that are missing.
    pub fn missing(&self, columns: &[Column]) -> Vec<Column> {
        columns
            .iter()
            .filter(|c| c.required && self.column(c.field).is_none())
            .copied()
            .collect()
    }
}

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Finds the header row: the first of the sheet's first [`HEADER_SEARCH_ROWS`] rows in which
/// every required column is named; failing that, the row naming the most known columns (at
/// least two), so that the missing ones can be reported. `None` when no row names two.
pub fn find_header(sheet: &Worksheet, columns: &[Column]) -> Option<Header> {
    let mut best: Option<Header> = None;
    for (r, row) in sheet.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let h = header_of(r, row, columns);
        if h.columns.len() >= 2 && h.missing(columns).is_empty() {
            return Some(h);
        }
        if h.columns.len() >= 2
            && best
                .as_ref()
                .is_none_or(|b| h.columns.len() > b.columns.len())
        {
            best = Some(h);
        }
    }
    best
}

fn header_of(r: usize, row: &[Value], columns: &[Column]) -> Header {
    let mut h = Header {
        row: r,
        columns: Vec::new(),
        unknown: Vec::new(),
        repeated: Vec::new(),
    };
    for (c, v) in row.iter().enumerate() {
        let Value::Text(t) = v else { continue };
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        match match_header(columns, t) {
            Some(col) => match h.column(col.field) {
                Some((first, _)) => h.repeated.push((col.field, first, c)),
                None => h.columns.push((col.field, c, t.to_string())),
            },
            None => h.unknown.push((c, t.to_string())),
        }
    }
    h
}

/// Whether a row right under the headers only numbers the columns — `(1) (2) (3)` or
/// `1 2 3` — as official forms do.
pub fn is_column_numbers(row: &[Value]) -> bool {
    let mut n = 0;
    let mut expected = None;
    for v in row.iter().filter(|v| !v.is_blank()) {
        let t = v.display();
        let t = t.trim_start_matches('(').trim_end_matches(')');
        let Ok(k) = t.parse::<u32>() else {
            return false;
        };
        if let Some(e) = expected {
            if k != e {
                return false;
            }
        }
        expected = Some(k + 1);
        n += 1;
    }
    n >= 3
}

/// The words that start a notes or signature row under a table (compared folded): such a row,
/// and every row below it, is not data.
pub const FOOTER_WORDS: &[&str] = &[
    "ghi chu",
    "luu y",
    "chu thich",
    "note",
    "notes",
    "nguoi lap",
    "tong cong",
    "tong so",
];

/// Whether a row is a notes row: its first non-empty cell is text starting with one of
/// [`FOOTER_WORDS`].
pub fn is_footer(row: &[Value]) -> bool {
    let Some(first) = row.iter().find(|v| !v.is_blank()) else {
        return false;
    };
    let Value::Text(t) = first else {
        return false;
    };
    let f = fold(t);
    FOOTER_WORDS
        .iter()
        .any(|w| f == *w || f.starts_with(&format!("{w} ")))
}

/// `column D (Ngày sinh)`.
pub fn describe_column(col: usize, header: Option<&str>) -> String {
    match header {
        Some(h) => crate::t!(
            "import-loc-column-named",
            column = column_letter(col),
            header = h
        ),
        None => crate::t!("import-loc-column", column = column_letter(col)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_diacritics_or_case() {
        assert_eq!(match_header(STAFF, "HỌ VÀ TÊN").unwrap().field, "name");
        assert_eq!(match_header(STAFF, "Ho ten").unwrap().field, "name");
        assert_eq!(match_header(STAFF, "name").unwrap().field, "name");
        assert_eq!(
            match_header(STAFF, "Hệ số lương (HSL)").unwrap().field,
            "salary_coefficient"
        );
        assert_eq!(
            match_header(STAFF, "salary_coefficient").unwrap().field,
            "salary_coefficient"
        );
        assert_eq!(
            match_header(UNITS, "Diện tích (km²)").unwrap().field,
            "area_km2"
        );
        assert!(match_header(STAFF, "Số điện thoại").is_none());
    }

    #[test]
    fn footers_and_column_numbers() {
        let t = |s: &str| Value::Text(s.into());
        assert!(is_footer(&[
            Value::Empty,
            t("Ghi chú: số liệu đến 31/12/2024")
        ]));
        assert!(is_footer(&[t("NGƯỜI LẬP BIỂU")]));
        assert!(!is_footer(&[t("1"), t("Nguyễn Ghi")]));
        assert!(is_column_numbers(&[t("(1)"), t("(2)"), t("(3)")]));
        assert!(!is_column_numbers(&[t("1"), t("Nguyễn Văn A"), t("3")]));
    }
}

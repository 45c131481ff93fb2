//! The optional sheets that carry the rest of a model — `Model`, `Units`, `Functions`,
//! `Positions`, `Mandates` (or their Vietnamese names) — one row per entity, one column per
//! SPEC field, so that a whole model survives `orgplan show --format xlsx` and `orgplan
//! import`. Also the cell reading the staff sheet shares.

use std::collections::HashMap;

use super::columns::{self, Column, Header};
use super::table::{Value, Worksheet};
use super::text::{self, fold};
use super::{Build, Loc, Origin};
use crate::diag::Severity;
use crate::files::raw::{
    Class, Level, RawFunction, RawMandate, RawPosition, RawUnit, Role, UnitKind,
};
use crate::model::ids::nfc_owned;

/// The kinds of sheet, by the names they may have (compared folded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SheetKind {
    Model,
    Units,
    Functions,
    Positions,
    Mandates,
}

impl SheetKind {
    /// The name `orgplan show --format xlsx` gives the sheet.
    pub(super) fn title(self) -> &'static str {
        match self {
            SheetKind::Model => "Mô hình",
            SheetKind::Units => "Đơn vị",
            SheetKind::Functions => "Nhiệm vụ",
            SheetKind::Positions => "Vị trí việc làm",
            SheetKind::Mandates => "Phân công nhiệm vụ",
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            SheetKind::Model => &["model", "mo hinh"],
            SheetKind::Units => &["units", "don vi"],
            SheetKind::Functions => &["functions", "nhiem vu"],
            SheetKind::Positions => &["positions", "vi tri viec lam", "vi tri"],
            SheetKind::Mandates => &["mandates", "phan cong nhiem vu", "phan cong"],
        }
    }

    pub(super) fn columns(self) -> &'static [Column] {
        match self {
            SheetKind::Model => columns::MODEL,
            SheetKind::Units => columns::UNITS,
            SheetKind::Functions => columns::FUNCTIONS,
            SheetKind::Positions => columns::POSITIONS,
            SheetKind::Mandates => columns::MANDATES,
        }
    }

    /// The kind of a sheet from its name, if it is one of these.
    pub(super) fn of(sheet_name: &str) -> Option<SheetKind> {
        let f = fold(sheet_name);
        [
            SheetKind::Model,
            SheetKind::Units,
            SheetKind::Functions,
            SheetKind::Positions,
            SheetKind::Mandates,
        ]
        .into_iter()
        .find(|k| k.names().contains(&f.as_str()))
    }
}

/// The cells of one data row, by field.
pub(super) struct Cells<'a> {
    pub sheet: &'a Worksheet,
    pub header: &'a Header,
    /// 0-based row.
    pub r: usize,
    pub label: Option<String>,
}

impl Cells<'_> {
    /// The row as a whole.
    pub fn row_loc(&self) -> Loc {
        Loc {
            sheet: self.label.clone(),
            row: self.r + 1,
            col: None,
        }
    }

    /// The cell of a field (the row when the column is absent).
    pub fn loc(&self, field: &str) -> Loc {
        Loc {
            sheet: self.label.clone(),
            row: self.r + 1,
            col: self.header.column(field).map(|(c, h)| (c, h.to_string())),
        }
    }

    /// The value of a field; `None` when the column is absent or the cell blank.
    pub fn value(&self, field: &str) -> Option<&Value> {
        let (c, _) = self.header.column(field)?;
        let v = self.sheet.cell(self.r, c);
        (!v.is_blank()).then_some(v)
    }

    /// The text of a field, trimmed and in NFC.
    pub fn text(&self, field: &str) -> Option<String> {
        self.value(field).map(|v| nfc_owned(&v.display()))
    }

    /// Where each present field's cell is.
    pub fn origin(&self, fields: &[&'static str]) -> Origin {
        let mut map = HashMap::new();
        for f in fields {
            if self.header.column(f).is_some() {
                map.insert(*f, self.loc(f));
            }
        }
        Origin {
            row: self.row_loc(),
            fields: map,
        }
    }
}

/// A number cell, or text with a decimal comma or point.
pub(super) fn number(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(x) => Ok(*x),
        Value::Text(t) => {
            text::parse_number(t).ok_or_else(|| crate::t!("import-not-number", text = t.trim()))
        }
        other => Err(not_a("number", other)),
    }
}

/// A whole number cell (thousands separators allowed in text).
pub(super) fn whole(v: &Value) -> Result<u64, String> {
    match v {
        Value::Number(x) => text::whole(*x)
            .ok_or_else(|| crate::t!("import-not-whole", text = crate::i18n::fmt::decimal(*x, 2))),
        Value::Text(t) => {
            text::parse_whole(t).ok_or_else(|| crate::t!("import-not-whole-text", text = t.trim()))
        }
        other => Err(not_a("whole", other)),
    }
}

/// What a cell of the wrong type holds, for a message.
pub(super) fn not_a(what: &str, v: &Value) -> String {
    match v {
        Value::Error(e) => crate::t!("import-cell-error", error = e.to_string(), what = what),
        Value::Date(d) => crate::t!(
            "import-cell-date",
            date = crate::i18n::fmt::date(*d),
            what = what
        ),
        other => crate::t!("import-cell-not-a", text = other.display(), what = what),
    }
}

/// Finds a sheet's header row and its data rows: blank rows skipped, a column-numbers row
/// under the headers skipped, and nothing from the first notes row down. Reports missing,
/// repeated and unknown columns; `None` when the sheet cannot be read.
pub(super) fn table_rows(
    b: &mut Build<'_>,
    sheet: &Worksheet,
    cols: &[Column],
) -> Option<(Header, Vec<usize>, Option<usize>)> {
    let label = b.sheet_label(&sheet.name);
    let Some(header) = columns::find_header(sheet, cols) else {
        let names: Vec<&str> = cols
            .iter()
            .filter(|c| c.required)
            .map(|c| c.names[0])
            .collect();
        let loc = Loc {
            sheet: label,
            row: 1,
            col: None,
        };
        b.error(
            &loc,
            crate::t!(
                "import-no-header",
                rows = columns::HEADER_SEARCH_ROWS,
                names = names.join(", ")
            ),
            crate::t!("import-no-header-help"),
        );
        return None;
    };
    let hloc = |col: Option<(usize, String)>| Loc {
        sheet: label.clone(),
        row: header.row + 1,
        col,
    };
    let mut ok = true;
    for c in header.missing(cols) {
        ok = false;
        b.error(
            &hloc(None),
            crate::t!("import-column-missing", name = c.names[0], field = c.field),
            crate::t!("import-column-missing-help", name = c.names[0]),
        );
    }
    for (field, first, second) in &header.repeated {
        ok = false;
        let h = header_text(sheet, header.row, *second);
        b.error(
            &hloc(Some((*second, h))),
            crate::t!(
                "import-column-twice",
                field = *field,
                first = super::table::column_letter(*first),
                second = super::table::column_letter(*second)
            ),
            crate::t!("import-column-twice-help"),
        );
    }
    for (c, h) in &header.unknown {
        b.report(
            Severity::Warning,
            &hloc(Some((*c, h.clone()))),
            crate::t!("import-column-unknown"),
            Some(crate::t!("import-column-unknown-help")),
        );
    }
    if !ok {
        return None;
    }
    let mut rows = Vec::new();
    let mut footer = None;
    let mut start = header.row + 1;
    if sheet
        .rows
        .get(start)
        .is_some_and(|r| columns::is_column_numbers(r))
    {
        start += 1;
    }
    for r in start..sheet.rows.len() {
        let row = &sheet.rows[r];
        if row.iter().all(Value::is_blank) {
            continue;
        }
        if columns::is_footer(row) {
            footer = Some(r);
            break;
        }
        rows.push(r);
    }
    Some((header, rows, footer))
}

fn header_text(sheet: &Worksheet, r: usize, c: usize) -> String {
    sheet.cell(r, c).display()
}

/// What a `Model` sheet says.
pub(super) struct ModelSheet {
    pub name: Option<String>,
    pub as_of: Option<String>,
}

/// Reads the entity sheets present, in dependency order, into the model.
/// Whether the workbook has a sheet of this kind.
pub(super) fn has_sheet(wb: &super::table::Workbook, kind: SheetKind) -> bool {
    wb.sheets
        .iter()
        .any(|s| SheetKind::of(&s.name) == Some(kind))
}

pub(super) fn read_entity_sheets(b: &mut Build<'_>) -> Option<ModelSheet> {
    let wb = b.wb;
    let find = |kind: SheetKind| {
        wb.sheets
            .iter()
            .find(|s| SheetKind::of(&s.name) == Some(kind))
    };
    let mut model = None;
    if let Some(sheet) = find(SheetKind::Model) {
        model = read_model_sheet(b, sheet);
    }
    if let Some(sheet) = find(SheetKind::Functions) {
        read_sheet(b, sheet, SheetKind::Functions);
    }
    if let Some(sheet) = find(SheetKind::Units) {
        read_sheet(b, sheet, SheetKind::Units);
    }
    if let Some(sheet) = find(SheetKind::Positions) {
        read_sheet(b, sheet, SheetKind::Positions);
    }
    if let Some(sheet) = find(SheetKind::Mandates) {
        read_sheet(b, sheet, SheetKind::Mandates);
    }
    model
}

fn read_model_sheet(b: &mut Build<'_>, sheet: &Worksheet) -> Option<ModelSheet> {
    let (header, rows, _) = table_rows(b, sheet, columns::MODEL)?;
    let &r = rows.first()?;
    let cells = Cells {
        sheet,
        header: &header,
        r,
        label: b.sheet_label(&sheet.name),
    };
    let name = cells.text("name");
    let as_of = match cells.value("as_of") {
        None => None,
        Some(Value::Date(d)) => Some(d.format("%Y-%m-%d").to_string()),
        Some(Value::Text(t)) => match text::parse_text_date(t) {
            Ok(text::TextDate::Day(d)) => Some(d.format("%Y-%m-%d").to_string()),
            Ok(text::TextDate::Month(..)) => {
                b.error(
                    &cells.loc("as_of"),
                    crate::t!("import-as-of-needs-day"),
                    crate::t!("import-as-of-needs-day-help"),
                );
                None
            }
            Err(e) => {
                b.error(&cells.loc("as_of"), e, crate::t!("import-date-help"));
                None
            }
        },
        Some(other) => {
            let msg = not_a("date", other);
            b.error(&cells.loc("as_of"), msg, crate::t!("import-date-help"));
            None
        }
    };
    Some(ModelSheet { name, as_of })
}

/// A problem with one cell, found while reading a row.
type CellError = (&'static str, String, String);

fn read_sheet(b: &mut Build<'_>, sheet: &Worksheet, kind: SheetKind) {
    let Some((header, rows, _)) = table_rows(b, sheet, kind.columns()) else {
        return;
    };
    let label = b.sheet_label(&sheet.name);
    for r in rows {
        let cells = Cells {
            sheet,
            header: &header,
            r,
            label: label.clone(),
        };
        let mut errors: Vec<CellError> = Vec::new();
        match kind {
            SheetKind::Units => {
                let u = read_unit(&cells, &mut errors);
                if flush(b, &cells, errors) {
                    let origin = cells.origin(&[
                        "id",
                        "name",
                        "kind",
                        "parent",
                        "class",
                        "population",
                        "area_km2",
                        "code",
                    ]);
                    b.add_unit(u, origin);
                }
            }
            SheetKind::Functions => {
                let f = read_function(&cells, &mut errors);
                if flush(b, &cells, errors) {
                    let origin = cells.origin(&["id", "name", "level", "required_for"]);
                    b.add_function(f, origin);
                }
            }
            SheetKind::Positions => {
                let p = read_position(&cells, &mut errors);
                if flush(b, &cells, errors) {
                    let origin = cells.origin(&[
                        "id",
                        "unit",
                        "title",
                        "kind",
                        "functions",
                        "quota",
                        "allowance_coefficient",
                    ]);
                    b.add_position(p, origin);
                }
            }
            SheetKind::Mandates => {
                let m = read_mandate(&cells, &mut errors);
                if flush(b, &cells, errors) {
                    let origin = cells.origin(&["unit", "function", "role"]);
                    b.add_mandate(m, origin);
                }
            }
            SheetKind::Model => {}
        }
    }
}

/// Reports a row's cell errors; whether there were none.
fn flush(b: &mut Build<'_>, cells: &Cells<'_>, errors: Vec<CellError>) -> bool {
    let ok = errors.is_empty();
    for (field, msg, help) in errors {
        b.error(&cells.loc(field), msg, help);
    }
    ok
}

fn required(cells: &Cells<'_>, field: &'static str, errors: &mut Vec<CellError>) -> String {
    match cells.text(field) {
        Some(t) => t,
        None => {
            errors.push((
                field,
                crate::t!("import-cell-empty", field = field),
                crate::t!("import-cell-empty-help"),
            ));
            String::new()
        }
    }
}

fn choice<T>(
    cells: &Cells<'_>,
    field: &'static str,
    errors: &mut Vec<CellError>,
    parse: impl Fn(&str) -> Option<T>,
    help: String,
) -> Option<T> {
    let t = cells.text(field)?;
    let v = parse(&t);
    if v.is_none() {
        errors.push((
            field,
            crate::t!("import-unknown-value", text = t.as_str(), field = field),
            help,
        ));
    }
    v
}

fn num<T>(
    cells: &Cells<'_>,
    field: &'static str,
    errors: &mut Vec<CellError>,
    read: impl Fn(&Value) -> Result<T, String>,
) -> Option<T> {
    let v = cells.value(field)?;
    match read(v) {
        Ok(x) => Some(x),
        Err(e) => {
            errors.push((field, e, crate::t!("import-number-help")));
            None
        }
    }
}

/// Reads a unit kind: the SPEC name or its Vietnamese.
pub(super) fn unit_kind(t: &str) -> Option<UnitKind> {
    Some(match fold(t).as_str() {
        "province" | "tinh" | "thanh pho truc thuoc trung uong" => UnitKind::Province,
        "district" | "huyen" | "quan" | "thi xa" => UnitKind::District,
        "commune" | "xa" => UnitKind::Commune,
        "ward" | "phuong" => UnitKind::Ward,
        "township" | "thi tran" => UnitKind::Township,
        "specialzone" | "special zone" | "dac khu" => UnitKind::SpecialZone,
        "department" | "phong" | "co quan chuyen mon" => UnitKind::Department,
        "agency" | "co quan" | "don vi su nghiep" => UnitKind::Agency,
        _ => return None,
    })
}

fn class(t: &str) -> Option<Class> {
    Some(match fold(t).trim_start_matches("loai ") {
        "i" | "1" => Class::I,
        "ii" | "2" => Class::II,
        "iii" | "3" => Class::III,
        _ => return None,
    })
}

fn level(t: &str) -> Option<Level> {
    Some(match fold(t).trim_start_matches("cap ") {
        "province" | "tinh" => Level::Province,
        "district" | "huyen" => Level::District,
        "commune" | "xa" => Level::Commune,
        _ => return None,
    })
}

fn role(t: &str) -> Option<Role> {
    Some(match fold(t).as_str() {
        "lead" | "chu tri" => Role::Lead,
        "coordinate" | "phoi hop" => Role::Coordinate,
        _ => return None,
    })
}

fn read_unit(cells: &Cells<'_>, errors: &mut Vec<CellError>) -> RawUnit {
    let id = required(cells, "id", errors);
    let name = required(cells, "name", errors);
    let kind = match cells.text("kind") {
        None => {
            errors.push((
                "kind",
                crate::t!("import-cell-empty", field = "kind"),
                crate::t!("import-unit-kind-help"),
            ));
            UnitKind::Commune
        }
        Some(_) => choice(
            cells,
            "kind",
            errors,
            unit_kind,
            crate::t!("import-unit-kind-help"),
        )
        .unwrap_or(UnitKind::Commune),
    };
    RawUnit {
        id,
        name,
        kind,
        parent: cells.text("parent"),
        class: choice(
            cells,
            "class",
            errors,
            class,
            crate::t!("import-class-help"),
        ),
        population: num(cells, "population", errors, whole),
        area_km2: num(cells, "area_km2", errors, number),
        code: cells.text("code"),
    }
}

fn read_function(cells: &Cells<'_>, errors: &mut Vec<CellError>) -> RawFunction {
    let mut required_for = Vec::new();
    if let Some(t) = cells.text("required_for") {
        for k in text::split_list(&t) {
            match unit_kind(&k) {
                Some(k) => required_for.push(k),
                None => errors.push((
                    "required_for",
                    crate::t!("import-not-unit-kind", text = k.as_str()),
                    crate::t!("import-unit-kinds-help"),
                )),
            }
        }
    }
    RawFunction {
        id: required(cells, "id", errors),
        name: required(cells, "name", errors),
        sector: cells.text("sector").unwrap_or_default(),
        description: cells.text("description").unwrap_or_default(),
        level: choice(
            cells,
            "level",
            errors,
            level,
            crate::t!("import-level-help"),
        ),
        required_for,
    }
}

fn read_position(cells: &Cells<'_>, errors: &mut Vec<CellError>) -> RawPosition {
    let id = required(cells, "id", errors);
    let unit = required(cells, "unit", errors);
    let title = required(cells, "title", errors);
    let help = crate::t!("import-post-kind-help");
    let kind = match cells.text("kind") {
        None => {
            errors.push(("kind", crate::t!("import-cell-empty", field = "kind"), help));
            None
        }
        Some(_) => choice(cells, "kind", errors, text::parse_position_kind, help),
    };
    let quota = match num(cells, "quota", errors, whole) {
        None => 1,
        Some(q) => u32::try_from(q).unwrap_or_else(|_| {
            errors.push((
                "quota",
                crate::t!("import-quota-too-large", quota = q),
                crate::t!("import-quota-help"),
            ));
            1
        }),
    };
    RawPosition {
        id,
        unit,
        title,
        kind: kind.unwrap_or(crate::files::raw::PositionKind::CivilServant),
        functions: cells
            .text("functions")
            .map(|t| text::split_list(&t))
            .unwrap_or_default(),
        quota,
        requires: cells
            .text("requires")
            .map(|t| text::split_list(&t))
            .unwrap_or_default(),
        prefers: cells
            .text("prefers")
            .map(|t| text::split_list(&t))
            .unwrap_or_default(),
        allowance_coefficient: num(cells, "allowance_coefficient", errors, number).unwrap_or(0.0),
        gender: choice(
            cells,
            "gender",
            errors,
            text::parse_gender,
            crate::t!("import-gender-help"),
        ),
    }
}

fn read_mandate(cells: &Cells<'_>, errors: &mut Vec<CellError>) -> RawMandate {
    RawMandate {
        unit: required(cells, "unit", errors),
        function: required(cells, "function", errors),
        role: choice(cells, "role", errors, role, crate::t!("import-role-help"))
            .unwrap_or_default(),
    }
}

//! The staff sheet: one row per person, as HR offices keep it (danh sách cán bộ, công chức),
//! and the units and posts its rows name.

use std::collections::HashMap;

use super::columns::{self, STAFF};
use super::sheets::{self, Cells, SheetKind};
use super::table::{Value, Worksheet};
use super::text::{self, fold, slug};
use super::{catalogue, messages};
use super::{Build, Kind, Loc, Origin};
use crate::files::raw::{Gender, PositionKind, RawPosition, RawStaff, RawUnit};
use crate::model::ids::nfc_owned;

/// Salary coefficients outside this range are reported as a warning (Vietnamese salary scales
/// run from 1.0 to 10.0; a value like 399 is usually a lost decimal mark).
pub const PLAUSIBLE_SALARY: (f64, f64) = (1.0, 10.0);

/// The people's fields, as read from one row.
struct Row {
    r: usize,
    id: Option<String>,
    name: String,
    born: String,
    gender: Gender,
    unit: Option<String>,
    title: Option<String>,
    position_id: Option<String>,
    kind: Option<PositionKind>,
    grade: String,
    salary: f64,
    allowance: Option<f64>,
    insured: u32,
    qualifications: Vec<String>,
    /// The section heading ("I. XÃ HÒA PHÚ") the row stands under, an index of the sections.
    section: Option<usize>,
}

/// A section heading of the staff sheet: a row that only names a unit ("I. XÃ HÒA PHÚ",
/// "2. Xã Văn Võ"), giving the unit of the rows below it; or a higher unit ("A. HUYỆN CHƯƠNG
/// MỸ") within which the communes below are looked up.
struct Section {
    /// The unit's name as written, numbering taken off.
    name: String,
    /// Where the heading is.
    loc: Loc,
    /// The row of the heading.
    row_loc: Loc,
    /// Whether it names a district or province (a scope), not the rows' own unit.
    scope: bool,
    /// The scope heading it stands under.
    within: Option<usize>,
}

/// A post derived from its holders' `Chức danh` cells.
struct Derived {
    kind: Option<(PositionKind, usize)>,
    /// Staff indices of the holders.
    holders: Vec<usize>,
    title_loc: Loc,
}

/// Reads the staff sheet into the model; returns the table's title (a "DANH SÁCH …" row above
/// the headers), if any.
pub(super) fn read_staff_sheet(b: &mut Build<'_>) -> Option<String> {
    let sheet = choose_sheet(b)?;
    b.summary.sheet = sheet.name.clone();
    let (header, rows, footer) = sheets::table_rows(b, sheet, STAFF)?;
    let title = sheet.rows[..header.row]
        .iter()
        .flatten()
        .find_map(|v| match v {
            Value::Text(t) if fold(t).starts_with("danh sach") => {
                Some(t.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            _ => None,
        });
    let label = b.sheet_label(&sheet.name);
    let mut read = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let (mut current, mut scope) = (None, None);
    for r in rows {
        let cells = Cells {
            sheet,
            header: &header,
            r,
            label: label.clone(),
        };
        if is_subtotal(&cells) {
            continue;
        }
        if let Some((name, col)) = section_of(&cells) {
            let loc = Loc {
                sheet: label.clone(),
                row: r + 1,
                col: Some((col, header_at(&header, col))),
            };
            let is_scope =
                text::unit_prefix(&name).is_none() && text::scope_prefix(&name).is_some();
            if !is_scope && text::unit_prefix(&name).is_none() {
                b.error(
                    &loc,
                    crate::t!("office-section-no-unit", text = name.as_str()),
                    crate::t!("office-section-no-unit-help"),
                );
            }
            sections.push(Section {
                name,
                loc,
                row_loc: cells.row_loc(),
                scope: is_scope,
                within: if is_scope { None } else { scope },
            });
            if is_scope {
                scope = Some(sections.len() - 1);
                current = None;
            } else {
                current = Some(sections.len() - 1);
            }
            continue;
        }
        if let Some(mut row) = read_row(b, &cells) {
            row.section = current;
            read.push((row, scope));
        }
    }
    if let Some(f) = footer {
        check_below_footer(b, sheet, &header, f);
    }
    place(b, sheet, &header, read, &sections);
    title
}

/// The header of a column, as written ("" for a column without one).
fn header_at(header: &columns::Header, col: usize) -> String {
    header
        .columns
        .iter()
        .map(|(_, c, h)| (c, h))
        .chain(header.unknown.iter().map(|(c, h)| (c, h)))
        .find(|(c, _)| **c == col)
        .map(|(_, h)| h.clone())
        .unwrap_or_default()
}

/// A section's subtotal row ("Cộng", "Cộng: 22 người"): no birth date, gender or salary, and
/// its first cell the word "Cộng". Not a person, and not the end of the table as "Tổng cộng" is.
fn is_subtotal(c: &Cells<'_>) -> bool {
    if ["born", "gender", "salary_coefficient"]
        .iter()
        .any(|f| c.value(f).is_some())
    {
        return false;
    }
    let Some(first) = c
        .sheet
        .rows
        .get(c.r)
        .and_then(|r| r.iter().find(|v| !v.is_blank()))
    else {
        return false;
    };
    let f = fold(&first.display());
    f == "cong" || f.starts_with("cong ")
}

/// A row that is a section heading: no birth date, gender or salary, and its text a
/// numbering and a name, in one cell ("I. XÃ HÒA PHÚ") or two ("I" | "XÃ HÒA PHÚ"). The
/// name (NFC, single spaces) and the column of its first cell.
fn section_of(c: &Cells<'_>) -> Option<(String, usize)> {
    if ["born", "gender", "salary_coefficient"]
        .iter()
        .any(|f| c.value(f).is_some())
    {
        return None;
    }
    let row = c.sheet.rows.get(c.r)?;
    let cells: Vec<(usize, String)> = row
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_blank())
        .map(|(i, v)| (i, nfc_owned(v.display().trim())))
        .collect();
    let (col, first) = cells.first()?;
    let name = if cells.len() > 1 && text::is_numbering(first) {
        let name = cells[1..]
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if text::unit_prefix(&name).is_none() && text::scope_prefix(&name).is_none() {
            return None;
        }
        name
    } else if cells.len() == 1 {
        match text::section_heading(first) {
            Some((_, name)) => name.to_string(),
            // A heading without a numbering: only a unit's name ("XÃ HÒA PHÚ").
            None if text::unit_prefix(first).is_some() || text::scope_prefix(first).is_some() => {
                first.clone()
            }
            None => return None,
        }
    } else {
        return None;
    };
    // "I. XÃ HÒA PHÚ (22 người)", "I. XÃ HÒA PHÚ: 22 người": the count is not the name.
    let name = match name.find(['(', ':']) {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name,
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some((name, *col))
}

/// The staff sheet: the one `--sheet` names, else the first sheet (other than the model
/// sheets) whose header row names the required columns.
fn choose_sheet<'w>(b: &mut Build<'w>) -> Option<&'w Worksheet> {
    let wb = b.wb;
    let names = || {
        wb.sheets
            .iter()
            .map(|s| format!("\"{}\"", s.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(want) = &b.opts.sheet {
        let found = wb.sheets.iter().find(|s| fold(&s.name) == fold(want));
        if found.is_none() {
            let mut d = crate::diag::Diagnostic::file_error(
                &wb.path,
                crate::t!("import-no-such-sheet", sheet = want.as_str()),
            );
            d.help = Some(crate::t!("import-sheets-are", sheets = names()));
            b.diags.push(d);
        }
        return found;
    }
    let candidates: Vec<&Worksheet> = wb
        .sheets
        .iter()
        .filter(|s| SheetKind::of(&s.name).is_none())
        .collect();
    let complete = candidates
        .iter()
        .find(|s| columns::find_header(s, STAFF).is_some_and(|h| h.missing(STAFF).is_empty()));
    let partial = candidates
        .iter()
        .find(|s| columns::find_header(s, STAFF).is_some());
    match complete.or(partial).or(candidates.first()) {
        Some(s) => Some(s),
        None => {
            let mut d =
                crate::diag::Diagnostic::file_error(&wb.path, crate::t!("import-no-staff-sheet"));
            d.help = Some(crate::t!("import-no-staff-sheet-help", sheets = names()));
            b.diags.push(d);
            None
        }
    }
}

/// Reads one row's cells, reporting each that cannot be read; `None` if any cannot.
fn read_row(b: &mut Build<'_>, c: &Cells<'_>) -> Option<Row> {
    let mut ok = true;
    let mut fail = |b: &mut Build<'_>, field: &str, msg: String, help: &str| {
        ok = false;
        b.error(&c.loc(field), msg, help);
    };
    let name = c.text("name").unwrap_or_default();
    if name.is_empty() {
        fail(
            b,
            "name",
            crate::t!("import-cell-empty", field = "name"),
            &crate::t!("import-name-help"),
        );
    }
    let born_help = &crate::t!("import-born-help");
    let born = match c.value("born") {
        None => {
            fail(
                b,
                "born",
                crate::t!("import-cell-empty", field = "born"),
                born_help,
            );
            String::new()
        }
        Some(v) => match birth(v) {
            Ok(d) => d,
            Err(e) => {
                fail(b, "born", e, born_help);
                String::new()
            }
        },
    };
    let gender_help = &crate::t!("import-gender-help");
    let gender = match c.text("gender") {
        None => {
            fail(
                b,
                "gender",
                crate::t!("import-cell-empty", field = "gender"),
                gender_help,
            );
            Gender::Female
        }
        Some(t) => text::parse_gender(&t).unwrap_or_else(|| {
            fail(
                b,
                "gender",
                crate::t!("import-unknown-value", text = t.as_str(), field = "gender"),
                gender_help,
            );
            Gender::Female
        }),
    };
    let kind = c.text("kind").and_then(|t| {
        let k = text::parse_position_kind(&t);
        if k.is_none() {
            fail(
                b,
                "kind",
                crate::t!("import-unknown-value", text = t.as_str(), field = "kind"),
                &crate::t!("import-post-kind-help"),
            );
        }
        k
    });
    let num_help = &crate::t!("import-number-help");
    let salary = match c.value("salary_coefficient") {
        None => {
            fail(
                b,
                "salary_coefficient",
                crate::t!("import-cell-empty", field = "salary_coefficient"),
                num_help,
            );
            0.0
        }
        Some(v) => sheets::number(v).unwrap_or_else(|e| {
            fail(b, "salary_coefficient", e, num_help);
            0.0
        }),
    };
    let allowance = c.value("allowance_coefficient").and_then(|v| {
        sheets::number(v)
            .map_err(|e| fail(b, "allowance_coefficient", e, num_help))
            .ok()
    });
    let insured =
        c.value("insured_months")
            .and_then(|v| match sheets::whole(v).map(u32::try_from) {
                Ok(Ok(m)) => Some(m),
                Ok(Err(_)) | Err(_) => {
                    fail(
                        b,
                        "insured_months",
                        crate::t!("import-not-months", text = v.display()),
                        &crate::t!("import-months-help"),
                    );
                    None
                }
            });
    if !ok {
        return None;
    }
    if salary < PLAUSIBLE_SALARY.0 || salary > PLAUSIBLE_SALARY.1 {
        b.warning(
            &c.loc("salary_coefficient"),
            crate::t!(
                "import-salary-unusual",
                // As written: 39.9 is "39,9", not "39,90".
                salary = crate::i18n::fmt::decimal(
                    salary,
                    salary
                        .to_string()
                        .split('.')
                        .nth(1)
                        .map_or(0, str::len)
                        .min(4)
                ),
                low = crate::i18n::fmt::decimal(PLAUSIBLE_SALARY.0, 1),
                high = crate::i18n::fmt::decimal(PLAUSIBLE_SALARY.1, 1)
            ),
            Some(crate::t!("import-salary-unusual-help")),
        );
    }
    Some(Row {
        r: c.r,
        id: c.text("id"),
        name,
        born,
        gender,
        unit: c.text("unit"),
        title: c
            .text("title")
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        position_id: c.text("position_id"),
        kind,
        grade: c.text("grade").unwrap_or_default(),
        salary,
        allowance,
        insured: insured.unwrap_or(0),
        qualifications: c
            .text("qualifications")
            .map(|t| text::split_list(&t))
            .unwrap_or_default(),
        section: None,
    })
}

/// A birth date from a date cell, an Excel serial number or text.
fn birth(v: &Value) -> Result<String, String> {
    match v {
        Value::Date(d) => Ok(d.format("%Y-%m-%d").to_string()),
        Value::Number(x) if x.fract() == 0.0 && (1900.0..=2100.0).contains(x) => {
            Err(crate::t!("import-year-alone", year = x.to_string()))
        }
        Value::Number(x) => text::excel_serial_date(*x)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .ok_or_else(|| crate::t!("import-not-date", text = x.to_string())),
        Value::Text(t) => text::parse_text_date(t).map(text::TextDate::to_model),
        other => Err(sheets::not_a("date", other)),
    }
}

/// Rows below a notes row are not read; one that looks like a person is an error, so that
/// nobody is dropped unseen.
fn check_below_footer(b: &mut Build<'_>, sheet: &Worksheet, header: &columns::Header, f: usize) {
    let label = b.sheet_label(&sheet.name);
    for r in f + 1..sheet.rows.len() {
        let cells = Cells {
            sheet,
            header,
            r,
            label: label.clone(),
        };
        let looks_like_person =
            cells.value("name").is_some() && cells.value("born").is_some_and(|v| birth(v).is_ok());
        if looks_like_person {
            b.error(
                &cells.row_loc(),
                crate::t!("import-below-notes", row = (f + 1).to_string()),
                crate::t!("import-below-notes-help"),
            );
        }
    }
}

/// Units and posts: found among those of the sheets and of the model merged into, or derived.
struct Places {
    /// Each unit's names as matched, by unit index.
    unit_keys: Vec<UnitKeys>,
    /// (unit id, folded title) → post indices.
    titles: HashMap<(String, String), Vec<usize>>,
    derived: HashMap<usize, Derived>,
    /// Derived posts in the order they were made.
    derived_order: Vec<usize>,
}

fn place(
    b: &mut Build<'_>,
    sheet: &Worksheet,
    header: &columns::Header,
    rows: Vec<(Row, Option<usize>)>,
    sections: &[Section],
) {
    let mut p = Places {
        unit_keys: Vec::new(),
        titles: HashMap::new(),
        derived: HashMap::new(),
        derived_order: Vec::new(),
    };
    p.unit_keys = b
        .model
        .units
        .iter()
        .map(|u| UnitKeys::of(&u.name))
        .collect();
    for (i, pos) in b.model.positions.iter().enumerate() {
        p.titles
            .entry((nfc_owned(&pos.unit), fold(&pos.title)))
            .or_default()
            .push(i);
    }
    // Each heading is looked up once; the rows under one that fails are not placed (its
    // error says why, and the import fails).
    let mut resolved: Vec<Option<usize>> = Vec::with_capacity(sections.len());
    for s in sections {
        let within = s.within.and_then(|w| resolved[w]);
        let r = if s.within.is_some() && within.is_none() {
            None
        } else if s.scope {
            find_scope(b, &p, s)
        } else if text::unit_prefix(&s.name).is_none() {
            None
        } else {
            find_unit(b, &mut p, &s.name, &s.loc, &s.row_loc, within)
        };
        resolved.push(r);
    }
    let label = b.sheet_label(&sheet.name);
    for (row, scope) in rows {
        let cells = Cells {
            sheet,
            header,
            r: row.r,
            label: label.clone(),
        };
        let scope = match scope {
            Some(s) => match resolved[s] {
                Some(u) => Some(u),
                None => continue,
            },
            None => None,
        };
        let section = match row.section {
            Some(s) => match resolved[s] {
                Some(u) => Some((u, &sections[s])),
                None => continue,
            },
            None => None,
        };
        place_row(b, &mut p, &cells, row, scope, section);
    }
    finish_derived(b, p);
}

fn place_row(
    b: &mut Build<'_>,
    p: &mut Places,
    c: &Cells<'_>,
    row: Row,
    scope: Option<usize>,
    section: Option<(usize, &Section)>,
) {
    // A known post id settles the unit: the Đơn vị cell need only agree with it (by id or
    // name), so that units of the same name in two districts do not get in the way.
    let known = row
        .position_id
        .as_ref()
        .and_then(|pid| b.ids[Kind::Position as usize].get(pid).map(|(i, _)| *i));
    let unit;
    let mut position = None;
    if let Some(pi) = known {
        let post = b.model.positions[pi].clone();
        let ui = b.ids[Kind::Unit as usize]
            .get(&nfc_owned(&post.unit))
            .map(|(i, _)| *i);
        if let (Some(u), Some(ui)) = (&row.unit, ui) {
            let unit = &b.model.units[ui];
            if *u != unit.id && fold(u) != fold(&unit.name) {
                let msg = crate::t!(
                    "import-wrong-unit-of-post",
                    unit = u.as_str(),
                    post = post.id.as_str(),
                    actual = unit.name.as_str()
                );
                b.error(
                    &c.loc("unit"),
                    msg,
                    crate::t!("import-wrong-unit-of-post-help"),
                );
                return;
            }
        }
        if let Some(t) = &row.title {
            if fold(t) != fold(&post.title) {
                let msg = crate::t!(
                    "import-wrong-title",
                    post = post.id.as_str(),
                    actual = post.title.as_str(),
                    title = t.as_str()
                );
                b.error(&c.loc("title"), msg, crate::t!("import-wrong-title-help"));
                return;
            }
        }
        if let (Some((su, s)), Some(ui)) = (section, ui) {
            if su != ui {
                section_differs(b, c, &b.model.units[ui].name.clone(), s);
                return;
            }
        }
        unit = ui;
        position = Some(pi);
    } else {
        // Under a section, a cell naming its unit with or without the kind ("Hòa Phú" under
        // "XÃ HÒA PHÚ") agrees with it.
        let agrees = |u: &str, su: usize| {
            let k = &p.unit_keys[su];
            let q = text::tone_key(u);
            q == k.tone || q == k.tone_bare
        };
        let cell = match &row.unit {
            Some(u) if section.is_some_and(|(su, _)| agrees(u, su)) => section.map(|(su, _)| su),
            Some(u) => match find_unit(b, p, u, &c.loc("unit"), &c.row_loc(), scope) {
                Some(i) => Some(i),
                None => return,
            },
            None => None,
        };
        match (cell, section) {
            (Some(a), Some((su, s))) if a != su => {
                let written = row.unit.clone().unwrap_or_default();
                section_differs(b, c, &written, s);
                return;
            }
            (a, s) => unit = a.or(s.map(|(u, _)| u)),
        }
    }
    if let (Some(pid), None) = (&row.position_id, known) {
        match (unit, &row.title) {
            (Some(ui), Some(t)) => position = derive_post(b, p, c, ui, t, Some(pid.clone())),
            _ => {
                let msg = crate::t!("import-unknown-post", post = pid.as_str());
                b.error(
                    &c.loc("position_id"),
                    msg,
                    crate::t!("import-unknown-post-help"),
                );
                return;
            }
        }
    } else if let (None, Some(t)) = (known, &row.title) {
        let Some(ui) = unit else {
            b.error(
                &c.loc("title"),
                crate::t!("import-title-without-unit"),
                crate::t!("import-title-without-unit-help"),
            );
            return;
        };
        let key = (b.model.units[ui].id.clone(), fold(t));
        match p.titles.get(&key).map(Vec::as_slice) {
            Some([one]) => position = Some(*one),
            Some(many) if many.len() > 1 => {
                let ids: Vec<String> = many
                    .iter()
                    .map(|&i| format!("\"{}\"", b.model.positions[i].id))
                    .collect();
                b.error(
                    &c.loc("title"),
                    crate::t!("import-title-ambiguous", ids = ids.join(", ")),
                    crate::t!("import-title-ambiguous-help"),
                );
                return;
            }
            _ => position = derive_post(b, p, c, ui, t, None),
        }
    }
    if row.title.is_some() && position.is_none() {
        return;
    }
    if let (Some(pi), Some(k)) = (position, row.kind) {
        if let Some(d) = p.derived.get_mut(&pi) {
            match d.kind {
                Some((k0, r0)) if k0 != k => {
                    let msg = crate::t!(
                        "import-kind-differs",
                        kind = crate::t!("import-post-kind", kind = k.as_str()),
                        other = crate::t!("import-post-kind", kind = k0.as_str()),
                        row = (r0 + 1).to_string()
                    );
                    b.error(&c.loc("kind"), msg, crate::t!("import-kind-differs-help"));
                    return;
                }
                Some(_) => {}
                None => d.kind = Some((k, row.r)),
            }
        } else if b.model.positions[pi].kind != k {
            let msg = crate::t!(
                "import-kind-of-post",
                post = b.model.positions[pi].id.as_str(),
                actual = crate::t!(
                    "import-post-kind",
                    kind = b.model.positions[pi].kind.as_str()
                ),
                kind = crate::t!("import-post-kind", kind = k.as_str())
            );
            b.error(&c.loc("kind"), msg, crate::t!("import-kind-of-post-help"));
            return;
        }
    }
    let id = row.id.clone().unwrap_or_else(|| {
        let prefix = unit.map_or_else(|| "row".to_string(), |u| b.model.units[u].id.clone());
        format!("{prefix}-{}", row.r + 1)
    });
    // A person's allowance equal to their post's says nothing more: the post's is the default.
    let allowance = match (position, row.allowance) {
        (Some(pi), Some(a))
            if !p.derived.contains_key(&pi) && a == b.model.positions[pi].allowance_coefficient =>
        {
            None
        }
        (_, a) => a,
    };
    let staff = RawStaff {
        id: id.clone(),
        name: row.name,
        gender: row.gender,
        born: row.born,
        position: position.map(|pi| b.model.positions[pi].id.clone()),
        grade: row.grade,
        salary_coefficient: row.salary,
        allowance_coefficient: allowance,
        insured_months: row.insured,
        qualifications: row.qualifications,
        category: None,
        beyond_frame_pct: None,
        other_allowances: None,
    };
    let mut origin = c.origin(&[
        "id",
        "name",
        "born",
        "gender",
        "grade",
        "salary_coefficient",
        "allowance_coefficient",
        "insured_months",
        "qualifications",
    ]);
    let post_col = if row.position_id.is_some() {
        "position_id"
    } else {
        "title"
    };
    origin.fields.insert("position", c.loc(post_col));
    let Some(replaced) = b.add_staff(staff, origin) else {
        return;
    };
    b.summary.people += 1;
    b.summary.replaced += usize::from(replaced);
    if let Some(pi) = position {
        if let Some(d) = p.derived.get_mut(&pi) {
            let si = b.ids[Kind::Staff as usize][&id].0;
            d.holders.push(si);
        }
    }
}

/// A unit's name as matched: tone-aware ([`text::tone_key`]) and folded, whole and without
/// its kind ("Xã").
struct UnitKeys {
    tone: String,
    tone_bare: String,
    fold: String,
    fold_bare: String,
}

impl UnitKeys {
    fn of(name: &str) -> Self {
        let bare = text::unit_prefix(name)
            .map(|(_, r)| r)
            .or_else(|| text::scope_prefix(name))
            .unwrap_or(name);
        UnitKeys {
            tone: text::tone_key(name),
            tone_bare: text::tone_key(bare),
            fold: fold(name),
            fold_bare: fold(bare),
        }
    }

    /// Whether a name written in a table means this unit: the whole names agree (with a kind
    /// written, also the bare ones, for a unit whose name has no kind). A name without its kind
    /// ("Đồng Phú") is not taken for "Xã Đồng Phú": it could be a ward. Tone marks count unless
    /// the table wrote none at all.
    fn matches(&self, q: &UnitKeys, has_kind: bool, unmarked: bool) -> bool {
        let (full, bare, q_full, q_bare) = if unmarked {
            (&self.fold, &self.fold_bare, &q.fold, &q.fold_bare)
        } else {
            (&self.tone, &self.tone_bare, &q.tone, &q.tone_bare)
        };
        full == q_full || (has_kind && full == bare && bare == q_bare)
    }
}

/// Whether unit `u` is `scope` or lies under it.
fn within(b: &Build<'_>, u: usize, scope: usize) -> bool {
    let mut at = Some(u);
    for _ in 0..32 {
        let Some(i) = at else { return false };
        if i == scope {
            return true;
        }
        at = b.model.units[i]
            .parent
            .as_ref()
            .and_then(|p| b.ids[Kind::Unit as usize].get(&nfc_owned(p)))
            .map(|(j, _)| *j);
    }
    false
}

/// Whether a unit is of the commune level (what a section or a `Đơn vị` cell names).
fn commune_level(kind: crate::files::raw::UnitKind) -> bool {
    use crate::files::raw::UnitKind as K;
    matches!(kind, K::Commune | K::Ward | K::Township | K::SpecialZone)
}

/// A unit as a candidate is listed: `"Xã Hòa Phú" (hoa-phu-10108, Huyện Chương Mỹ)`.
fn describe_unit(b: &Build<'_>, i: usize) -> String {
    let u = &b.model.units[i];
    let parent = u
        .parent
        .as_ref()
        .and_then(|p| b.ids[Kind::Unit as usize].get(&nfc_owned(p)))
        .map(|(j, _)| b.model.units[*j].name.clone());
    match parent {
        Some(parent) => crate::t!(
            "office-candidate-in",
            name = u.name.as_str(),
            id = u.id.as_str(),
            parent = parent
        ),
        None => crate::t!(
            "office-candidate",
            name = u.name.as_str(),
            id = u.id.as_str()
        ),
    }
}

/// The closest units to a name that matched none: those of the same letters (tone marks
/// aside) first, then by similarity, at most [`CANDIDATES`].
fn candidates(b: &Build<'_>, p: &Places, name: &str, pool: &[usize]) -> String {
    let q = UnitKeys::of(name);
    let mut scored: Vec<(bool, f64, usize)> = pool
        .iter()
        .map(|&i| {
            let k = &p.unit_keys[i];
            let same = k.fold == q.fold || k.fold_bare == q.fold_bare || k.fold_bare == q.fold;
            let sim = crate::overlaps::text::similarity(&k.fold_bare, &q.fold_bare);
            (same, sim, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let list: Vec<String> = scored
        .iter()
        .take(CANDIDATES)
        .map(|&(_, _, i)| describe_unit(b, i))
        .collect();
    if list.is_empty() {
        crate::t!("office-no-candidates")
    } else {
        list.join("; ")
    }
}

/// How many units an unknown name's error lists.
const CANDIDATES: usize = 8;

fn section_differs(b: &mut Build<'_>, c: &Cells<'_>, written: &str, s: &Section) {
    b.error(
        &c.loc("unit"),
        crate::t!(
            "office-unit-differs",
            unit = written,
            section = s.name.as_str(),
            row = s.loc.row.to_string()
        ),
        crate::t!("office-unit-differs-help"),
    );
}

/// The district or province a scope heading names, among the model's units above the
/// commune level. A model with no such unit (a table imported on its own) has no scope.
fn find_scope(b: &mut Build<'_>, p: &Places, s: &Section) -> Option<usize> {
    let q = UnitKeys::of(&s.name);
    let unmarked = text::is_unmarked(&s.name);
    let higher: Vec<usize> = (0..b.model.units.len())
        .filter(|&i| {
            use crate::files::raw::UnitKind as K;
            matches!(b.model.units[i].kind, K::District | K::Province)
        })
        .collect();
    if higher.is_empty() {
        b.warning(
            &s.loc,
            crate::t!("office-scope-ignored", text = s.name.as_str()),
            Some(crate::t!("office-scope-ignored-help")),
        );
        // No scope: the communes below are looked up in the whole model.
        return Some(usize::MAX);
    }
    let found: Vec<usize> = higher
        .iter()
        .copied()
        .filter(|&i| p.unit_keys[i].matches(&q, true, unmarked))
        .collect();
    match found.as_slice() {
        [one] => Some(*one),
        [] => {
            let list = candidates(b, p, &s.name, &higher);
            b.error(
                &s.loc,
                crate::t!("office-no-scope", text = s.name.as_str(), candidates = list),
                crate::t!("office-no-scope-help"),
            );
            None
        }
        many => {
            let list: Vec<String> = many.iter().map(|&i| describe_unit(b, i)).collect();
            b.error(
                &s.loc,
                crate::t!(
                    "office-ambiguous",
                    text = s.name.as_str(),
                    candidates = list.join("; ")
                ),
                crate::t!("office-ambiguous-help"),
            );
            None
        }
    }
}

/// The unit a `Đơn vị` cell or a section heading names: by id; by name (tone-aware, within
/// `scope` when a heading gave one); else, in a model of the official map (its units carry
/// codes) an error listing the closest units, and otherwise a unit derived from the name's
/// kind ("Xã …").
fn find_unit(
    b: &mut Build<'_>,
    p: &mut Places,
    u: &str,
    loc: &Loc,
    row_loc: &Loc,
    scope: Option<usize>,
) -> Option<usize> {
    if let Some((i, _)) = b.ids[Kind::Unit as usize].get(u) {
        return Some(*i);
    }
    let scope = scope.filter(|&s| s != usize::MAX);
    let q = UnitKeys::of(u);
    let has_kind = text::unit_prefix(u).is_some();
    let unmarked = text::is_unmarked(u);
    let pool: Vec<usize> = (0..b.model.units.len())
        .filter(|&i| scope.is_none_or(|s| within(b, i, s)))
        .collect();
    let found: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&i| p.unit_keys[i].matches(&q, has_kind, unmarked))
        .collect();
    match found.as_slice() {
        [one] => return Some(*one),
        [] => {}
        many => {
            let list: Vec<String> = many.iter().map(|&i| describe_unit(b, i)).collect();
            b.error(
                loc,
                crate::t!("office-ambiguous", text = u, candidates = list.join("; ")),
                crate::t!("office-ambiguous-help"),
            );
            return None;
        }
    }
    let official = b.model.units.iter().any(|x| x.code.is_some());
    if official || scope.is_some() {
        let communes: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&i| commune_level(b.model.units[i].kind))
            .collect();
        let list = candidates(b, p, u, &communes);
        let msg = match scope {
            Some(s) => crate::t!(
                "office-unknown-unit-in",
                text = u,
                scope = b.model.units[s].name.as_str(),
                candidates = list
            ),
            None => crate::t!("office-unknown-unit", text = u, candidates = list),
        };
        b.error(loc, msg, crate::t!("office-unknown-unit-help"));
        return None;
    }
    let Some((kind, rest)) = text::unit_prefix(u) else {
        b.error(
            loc,
            crate::t!("import-unit-kind-unknown", unit = u),
            crate::t!("import-unit-kind-unknown-help", unit = u),
        );
        return None;
    };
    let mut id = slug(rest);
    if b.ids[Kind::Unit as usize].contains_key(&id) {
        id = slug(u);
    }
    if id.is_empty() || b.ids[Kind::Unit as usize].contains_key(&id) {
        b.error(
            loc,
            crate::t!("import-unit-id-taken", unit = u, id = id.as_str()),
            crate::t!("import-unit-id-taken-help"),
        );
        return None;
    }
    let name = u.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut origin = Origin {
        row: row_loc.clone(),
        fields: HashMap::new(),
    };
    origin.fields.insert("name", loc.clone());
    origin.fields.insert("id", loc.clone());
    let raw = RawUnit {
        id,
        name,
        kind,
        parent: None,
        class: None,
        population: None,
        area_km2: None,
        code: None,
    };
    let i = b.add_unit(raw, origin)?;
    let keys = UnitKeys::of(&b.model.units[i].name);
    match p.unit_keys.get_mut(i) {
        Some(k) => *k = keys,
        None => p.unit_keys.push(keys),
    }
    b.summary.derived_units += 1;
    Some(i)
}

/// A post made from a title: id `unit.slug(title)` (or the one given), quota counted from its
/// holders, kind from the `Loại` cells or else the title.
fn derive_post(
    b: &mut Build<'_>,
    p: &mut Places,
    c: &Cells<'_>,
    unit: usize,
    title: &str,
    id: Option<String>,
) -> Option<usize> {
    let unit_id = b.model.units[unit].id.clone();
    let id = id.unwrap_or_else(|| {
        let base = format!("{unit_id}.{}", slug(title));
        let mut id = base.clone();
        let mut n = 2;
        while b.ids[Kind::Position as usize].contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    });
    let raw = RawPosition {
        id,
        unit: unit_id.clone(),
        title: title.to_string(),
        kind: PositionKind::CivilServant,
        functions: Vec::new(),
        quota: 0,
        requires: Vec::new(),
        prefers: Vec::new(),
        allowance_coefficient: 0.0,
        gender: None,
    };
    let mut origin = Origin {
        row: c.row_loc(),
        fields: HashMap::new(),
    };
    for (f, col) in [
        ("id", "title"),
        ("title", "title"),
        ("kind", "kind"),
        ("unit", "unit"),
    ] {
        origin.fields.insert(f, c.loc(col));
    }
    let pi = b.add_position(raw, origin)?;
    p.titles.entry((unit_id, fold(title))).or_default().push(pi);
    p.derived.insert(
        pi,
        Derived {
            kind: None,
            holders: Vec::new(),
            title_loc: c.loc("title"),
        },
    );
    p.derived_order.push(pi);
    b.summary.derived_positions += 1;
    Some(pi)
}

/// Settles the derived posts: quota = holders, kind from `Loại` or the title, and an
/// allowance shared by every holder moved onto the post.
fn finish_derived(b: &mut Build<'_>, p: Places) {
    let mut derived = p.derived;
    // Titles are matched to the shipped template posts when the model has functions to give.
    let templates = (!b.model.functions.is_empty()).then(catalogue::Templates::shipped);
    for pi in p.derived_order {
        let Some(d) = derived.remove(&pi) else {
            continue;
        };
        let title = b.model.positions[pi].title.clone();
        let unit_kind = b.ids[Kind::Unit as usize]
            .get(&b.model.positions[pi].unit)
            .map(|&(u, _)| b.model.units[u].kind);
        let matched = match (&templates, unit_kind) {
            (Some(t), Some(k)) => catalogue::match_title(t, &b.model, k, &title),
            _ => None,
        };
        if let Some(m) = &matched {
            b.model.positions[pi].functions = m.functions.clone();
            if !m.functions.is_empty() {
                b.summary.matched_positions += 1;
            }
        } else if b.summary.standard_functions > 0 {
            b.warning(
                &d.title_loc,
                messages::unmatched_title(&title),
                Some(messages::unmatched_title_help()),
            );
        }
        let kind = match d.kind {
            Some((k, _)) => k,
            None => match matched
                .as_ref()
                .map(|m| m.kind)
                .or_else(|| text::kind_from_title(&title))
            {
                Some(k) => k,
                None => {
                    b.warning(
                        &d.title_loc,
                        crate::t!("import-kind-from-title", title = title.as_str()),
                        Some(crate::t!("import-kind-from-title-help")),
                    );
                    PositionKind::CivilServant
                }
            },
        };
        let allowances: Vec<Option<f64>> = d
            .holders
            .iter()
            .map(|&s| b.model.staff[s].allowance_coefficient)
            .collect();
        let shared = match allowances.first() {
            Some(Some(a)) if allowances.iter().all(|x| *x == Some(*a)) => Some(*a),
            _ => None,
        };
        if let Some(a) = shared {
            for &s in &d.holders {
                b.model.staff[s].allowance_coefficient = None;
            }
            b.model.positions[pi].allowance_coefficient = a;
        }
        let post = &mut b.model.positions[pi];
        post.kind = kind;
        post.quota = u32::try_from(d.holders.len()).unwrap_or(u32::MAX).max(1);
    }
}

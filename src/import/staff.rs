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
    for r in rows {
        let cells = Cells {
            sheet,
            header: &header,
            r,
            label: label.clone(),
        };
        if let Some(row) = read_row(b, &cells) {
            read.push(row);
        }
    }
    if let Some(f) = footer {
        check_below_footer(b, sheet, &header, f);
    }
    place(b, sheet, &header, read);
    title
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
    /// Folded unit name → unit indices.
    unit_names: HashMap<String, Vec<usize>>,
    /// (unit id, folded title) → post indices.
    titles: HashMap<(String, String), Vec<usize>>,
    derived: HashMap<usize, Derived>,
    /// Derived posts in the order they were made.
    derived_order: Vec<usize>,
}

fn place(b: &mut Build<'_>, sheet: &Worksheet, header: &columns::Header, rows: Vec<Row>) {
    let mut p = Places {
        unit_names: HashMap::new(),
        titles: HashMap::new(),
        derived: HashMap::new(),
        derived_order: Vec::new(),
    };
    for (i, u) in b.model.units.iter().enumerate() {
        p.unit_names.entry(fold(&u.name)).or_default().push(i);
    }
    for (i, pos) in b.model.positions.iter().enumerate() {
        p.titles
            .entry((nfc_owned(&pos.unit), fold(&pos.title)))
            .or_default()
            .push(i);
    }
    let label = b.sheet_label(&sheet.name);
    for row in rows {
        let cells = Cells {
            sheet,
            header,
            r: row.r,
            label: label.clone(),
        };
        place_row(b, &mut p, &cells, row);
    }
    finish_derived(b, p);
}

fn place_row(b: &mut Build<'_>, p: &mut Places, c: &Cells<'_>, row: Row) {
    // A known post id settles the unit: the Đơn vị cell need only agree with it (by id or
    // name), so that units of the same name in two districts do not get in the way.
    let known = row
        .position_id
        .as_ref()
        .and_then(|pid| b.ids[Kind::Position as usize].get(pid).map(|(i, _)| *i));
    let mut unit = None;
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
        unit = ui;
        position = Some(pi);
    } else if let Some(u) = &row.unit {
        match find_unit(b, p, c, u) {
            Some(i) => unit = Some(i),
            None => return,
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

/// The unit a `Đơn vị` cell names: by id, by name, or derived from the name's prefix.
fn find_unit(b: &mut Build<'_>, p: &mut Places, c: &Cells<'_>, u: &str) -> Option<usize> {
    if let Some((i, _)) = b.ids[Kind::Unit as usize].get(u) {
        return Some(*i);
    }
    match p.unit_names.get(&fold(u)).map(Vec::as_slice) {
        Some([one]) => return Some(*one),
        Some(many) if many.len() > 1 => {
            let ids: Vec<String> = many
                .iter()
                .map(|&i| format!("\"{}\"", b.model.units[i].id))
                .collect();
            b.error(
                &c.loc("unit"),
                crate::t!("import-unit-ambiguous", unit = u, ids = ids.join(", ")),
                crate::t!("import-unit-ambiguous-help"),
            );
            return None;
        }
        _ => {}
    }
    let Some((kind, rest)) = text::unit_prefix(u) else {
        b.error(
            &c.loc("unit"),
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
            &c.loc("unit"),
            crate::t!("import-unit-id-taken", unit = u, id = id.as_str()),
            crate::t!("import-unit-id-taken-help"),
        );
        return None;
    }
    let name = u.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut origin = Origin {
        row: c.row_loc(),
        fields: HashMap::new(),
    };
    origin.fields.insert("name", c.loc("unit"));
    origin.fields.insert("id", c.loc("unit"));
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
    p.unit_names.entry(fold(u)).or_default().push(i);
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

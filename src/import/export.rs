//! The way back: a checked model as file-form structs, and as the sheets `orgplan import`
//! reads, so that `orgplan show --format xlsx` then `orgplan import` gives the same model.

use super::columns::{self, Column};
use super::sheets::SheetKind;
use crate::files::raw::{
    Gender, PositionKind, RawFunction, RawMandate, RawModel, RawPosition, RawStaff, RawUnit, Role,
};
use crate::model::Model;
use crate::report::xlsx::{Cell, Sheet};

/// A checked model back in file form: ids instead of indices, dates as text (a birth date as
/// `YYYY-MM-DD`: a checked model no longer knows that it was written as a month), a person's
/// allowance only when it was written on the person.
pub fn raw_model(m: &Model) -> RawModel {
    let unit_id = |i: usize| m.units[i].id.clone();
    RawModel {
        name: m.name.clone(),
        as_of: m.as_of.format("%Y-%m-%d").to_string(),
        functions: m
            .functions
            .iter()
            .map(|f| RawFunction {
                id: f.id.clone(),
                name: f.name.clone(),
                sector: f.sector.clone(),
                description: f.description.clone(),
                level: f.level,
                required_for: f.required_for.clone(),
            })
            .collect(),
        units: m
            .units
            .iter()
            .map(|u| RawUnit {
                id: u.id.clone(),
                name: u.name.clone(),
                kind: u.kind,
                parent: u.parent.map(unit_id),
                class: u.class,
                population: u.population,
                area_km2: u.area_km2,
                code: u.code.clone(),
            })
            .collect(),
        mandates: m
            .mandates
            .iter()
            .map(|x| RawMandate {
                unit: unit_id(x.unit),
                function: m.functions[x.function].id.clone(),
                role: x.role,
            })
            .collect(),
        positions: m
            .positions
            .iter()
            .map(|p| RawPosition {
                id: p.id.clone(),
                unit: unit_id(p.unit),
                title: p.title.clone(),
                kind: p.kind,
                functions: p
                    .functions
                    .iter()
                    .map(|&f| m.functions[f].id.clone())
                    .collect(),
                quota: p.quota,
                requires: p.requires.clone(),
                prefers: p.prefers.clone(),
                allowance_coefficient: p.allowance_coefficient,
                gender: p.gender,
            })
            .collect(),
        staff: m
            .staff
            .iter()
            .map(|s| RawStaff {
                id: s.id.clone(),
                name: s.name.clone(),
                gender: s.gender,
                born: s.born.format("%Y-%m-%d").to_string(),
                position: s.position.map(|p| m.positions[p].id.clone()),
                grade: s.grade.clone(),
                salary_coefficient: s.salary_coefficient,
                allowance_coefficient: s.allowance_explicit.then_some(s.allowance_coefficient),
                insured_months: s.insured_months,
                qualifications: s.qualifications.clone(),
                category: s.category_explicit.then_some(s.category),
                beyond_frame_pct: (s.beyond_frame_pct != 0).then_some(s.beyond_frame_pct),
                other_allowances: (s.other_allowances != 0.0).then_some(s.other_allowances),
            })
            .collect(),
    }
}

/// The sheets of a model as `orgplan import` reads them back: the staff sheet (the same
/// Vietnamese headers the importer reads first, dates as dates, coefficients as numbers) and
/// one sheet per kind of entity — `Mô hình`, `Đơn vị`, `Vị trí việc làm`, `Nhiệm vụ`, `Phân
/// công nhiệm vụ` — with a column per SPEC field.
pub fn model_sheets(m: &Model) -> Vec<Sheet> {
    let raw = raw_model(m);
    let heads = |cols: &[Column]| -> Vec<String> {
        cols.iter()
            .filter(|c| c.field != "notes")
            .map(|c| c.names[0].to_string())
            .collect()
    };
    let sheet = |name: &str, cols: &[Column]| Sheet {
        name: name.to_string(),
        headers: heads(cols),
        rows: Vec::new(),
    };

    let mut staff = sheet(STAFF_SHEET, columns::STAFF);
    for (i, s) in m.staff.iter().enumerate() {
        let post = s.position.map(|p| &m.positions[p]);
        staff.push(vec![
            Cell::Int(i as i64 + 1),
            text(&s.id),
            text(&s.name),
            Cell::Date(s.born),
            text(gender_vi(s.gender)),
            post.map_or(Cell::Empty, |p| text(&m.units[p.unit].name)),
            post.map_or(Cell::Empty, |p| text(&p.title)),
            post.map_or(Cell::Empty, |p| text(&p.id)),
            post.map_or(Cell::Empty, |p| text(kind_vi(p.kind))),
            text(&s.grade),
            number(s.salary_coefficient),
            if s.allowance_explicit {
                number(s.allowance_coefficient)
            } else {
                Cell::Empty
            },
            Cell::Int(i64::from(s.insured_months)),
            text(&s.qualifications.join("; ")),
        ]);
    }

    let mut model = sheet(SheetKind::Model.title(), columns::MODEL);
    model.push(vec![text(&m.name), Cell::Date(m.as_of)]);

    let mut units = sheet(SheetKind::Units.title(), columns::UNITS);
    for u in &raw.units {
        units.push(vec![
            text(&u.id),
            text(&u.name),
            text(u.kind.as_str()),
            u.parent.as_deref().map_or(Cell::Empty, text),
            u.class.map_or(Cell::Empty, |c| text(c.as_str())),
            u.population.map_or(Cell::Empty, |p| Cell::Int(p as i64)),
            u.area_km2.map_or(Cell::Empty, number),
            u.code.as_deref().map_or(Cell::Empty, text),
        ]);
    }

    let mut positions = sheet(SheetKind::Positions.title(), columns::POSITIONS);
    for p in &raw.positions {
        positions.push(vec![
            text(&p.id),
            text(&p.unit),
            text(&p.title),
            text(p.kind.as_str()),
            text(&p.functions.join("; ")),
            Cell::Int(i64::from(p.quota)),
            text(&p.requires.join("; ")),
            text(&p.prefers.join("; ")),
            if p.allowance_coefficient == 0.0 {
                Cell::Empty
            } else {
                number(p.allowance_coefficient)
            },
            p.gender.map_or(Cell::Empty, |g| text(gender_vi(g))),
        ]);
    }

    let mut functions = sheet(SheetKind::Functions.title(), columns::FUNCTIONS);
    for f in &raw.functions {
        let kinds: Vec<&str> = f.required_for.iter().map(|k| k.as_str()).collect();
        functions.push(vec![
            text(&f.id),
            text(&f.name),
            text(&f.sector),
            text(&f.description),
            f.level.map_or(Cell::Empty, |l| text(l.as_str())),
            text(&kinds.join(", ")),
        ]);
    }

    let mut mandates = sheet(SheetKind::Mandates.title(), columns::MANDATES);
    for x in &raw.mandates {
        let role = match x.role {
            Role::Lead => "Lead",
            Role::Coordinate => "Coordinate",
        };
        mandates.push(vec![text(&x.unit), text(&x.function), text(role)]);
    }
    vec![staff, model, units, positions, functions, mandates]
}

/// The staff sheet's name in an exported workbook.
pub const STAFF_SHEET: &str = "Cán bộ, công chức";

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

/// A number stored exactly, shown with the decimals it has (at most 6).
fn number(x: f64) -> Cell {
    let decimals = (0..=6u8)
        .find(|&d| {
            let s = format!("{x:.*}", usize::from(d));
            s.parse::<f64>() == Ok(x)
        })
        .unwrap_or(6);
    Cell::Number { value: x, decimals }
}

fn gender_vi(g: Gender) -> &'static str {
    match g {
        Gender::Male => "Nam",
        Gender::Female => "Nữ",
    }
}

/// The `Loại` of a post as an HR office writes it.
pub fn kind_vi(k: PositionKind) -> &'static str {
    match k {
        PositionKind::Leader => "Lãnh đạo",
        PositionKind::Cadre => "Cán bộ",
        PositionKind::CivilServant => "Công chức",
        PositionKind::PartTime => "Không chuyên trách",
    }
}

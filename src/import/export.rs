//! The way back: a checked model as file-form structs, and as the sheets `orgplan import`
//! reads, so that `orgplan show --format xlsx` then `orgplan import` gives the same model.

use crate::files::raw::{RawFunction, RawMandate, RawModel, RawPosition, RawStaff, RawUnit};
use crate::model::Model;

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
            })
            .collect(),
    }
}

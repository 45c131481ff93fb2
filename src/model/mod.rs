//! The checked organization: ids resolved to indices, dates parsed, numbers checked.
//!
//! [`load_model`], [`load_norms`] and [`load_scenario`] read files and run every check of
//! SPEC §2, collecting all problems ([`crate::diag::Diagnostics`]); the rest of orgplan only
//! ever sees these checked types.

pub(crate) mod build;
pub mod ids;
mod scenario;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::Diagnostics;
pub use crate::files::raw::{Class, Gender, Level, Pool, PositionKind, Role, UnitKind};
use crate::files::source::SourceFile;
pub use build::{check_model, check_norms};
pub use scenario::{
    check_scenario, load_scenario, Merger, Policy, Rule, RuleAt, Scenario, Share, Weights,
};

/// Index of a function in [`Model::functions`].
pub type FunctionIx = usize;
/// Index of a unit in [`Model::units`].
pub type UnitIx = usize;
/// Index of a position in [`Model::positions`].
pub type PositionIx = usize;
/// Index of a person in [`Model::staff`].
pub type StaffIx = usize;

/// A mandate that some unit must carry out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Function {
    pub id: String,
    pub name: String,
    pub sector: String,
    pub description: String,
    /// The tier that should own it.
    pub level: Option<Level>,
    /// Unit kinds that must lead it (gap detection).
    pub required_for: Vec<UnitKind>,
}

/// An administrative unit, or a body (Department, Agency) inside one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    /// The unit it belongs to.
    pub parent: Option<UnitIx>,
    pub class: Option<Class>,
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    /// The official statistics code (mã đơn vị hành chính), as text: leading zeros count.
    pub code: Option<String>,
    /// Set on units a scenario dissolves: the new unit they merge into (for a unit split
    /// among several new units, the first merger that takes a part).
    pub merged_into: Option<UnitIx>,
}

/// A unit carries out a function, as lead (chủ trì) or coordinator (phối hợp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mandate {
    pub unit: UnitIx,
    pub function: FunctionIx,
    pub role: Role,
}

/// A post (chức danh / vị trí việc làm).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    pub id: String,
    pub unit: UnitIx,
    pub title: String,
    pub kind: PositionKind,
    /// Functions this post carries out.
    pub functions: Vec<FunctionIx>,
    /// How many people the post may hold (biên chế).
    pub quota: u32,
    /// Qualifications every holder must have (NFC).
    pub requires: Vec<String>,
    /// Qualifications that make a holder a better fit (NFC).
    pub prefers: Vec<String>,
    /// Position allowance coefficient (phụ cấp chức vụ).
    pub allowance_coefficient: f64,
    /// Holders must be of this gender.
    pub gender: Option<Gender>,
}

impl Position {
    /// A post from its file form, with its id, unit and functions already resolved; tags are
    /// normalized to NFC.
    pub(crate) fn from_raw(
        p: crate::files::raw::RawPosition,
        id: String,
        unit: UnitIx,
        functions: Vec<FunctionIx>,
    ) -> Position {
        Position {
            id,
            unit,
            title: p.title,
            kind: p.kind,
            functions,
            quota: p.quota,
            requires: p.requires.iter().map(|t| ids::nfc_owned(t)).collect(),
            prefers: p.prefers.iter().map(|t| ids::nfc_owned(t)).collect(),
            allowance_coefficient: p.allowance_coefficient,
            gender: p.gender,
        }
    }
}

/// A person on the staffing table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Staff {
    pub id: String,
    pub name: String,
    pub gender: Gender,
    pub born: NaiveDate,
    /// Current post.
    pub position: Option<PositionIx>,
    /// Ngạch, e.g. "A1".
    pub grade: String,
    /// Hệ số lương.
    pub salary_coefficient: f64,
    /// The person's allowance coefficient: as written, or else the current post's, or 0.
    pub allowance_coefficient: f64,
    /// Whether `allowance_coefficient` was written on the person (not taken from the post).
    pub allowance_explicit: bool,
    /// Months of compulsory social insurance.
    pub insured_months: u32,
    /// Qualification tags (NFC).
    pub qualifications: Vec<String>,
    /// The law's staff category: as written, else from the current post's kind (SPEC §6.2).
    pub category: crate::files::raw::Category,
    /// Whether `category` was written on the person.
    pub category_explicit: bool,
    /// Phụ cấp thâm niên vượt khung, percent of the salary coefficient.
    pub beyond_frame_pct: u32,
    /// Coefficients of the other allowances that count in M.
    pub other_allowances: f64,
}

/// An id → index map (FxHash: ids are not attacker-chosen keys, and hashing them is a
/// visible share of loading a national model).
pub type IdMap = HashMap<String, usize, rustc_hash::FxBuildHasher>;

/// Id → index maps (ids in NFC).
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub functions: IdMap,
    pub units: IdMap,
    pub positions: IdMap,
    pub staff: IdMap,
}

/// The organization as it stands (a `Model(...)` file, checked).
#[derive(Debug, Clone)]
pub struct Model {
    pub name: String,
    /// The date the staffing table describes.
    pub as_of: NaiveDate,
    pub functions: Vec<Function>,
    pub units: Vec<Unit>,
    pub mandates: Vec<Mandate>,
    pub positions: Vec<Position>,
    pub staff: Vec<Staff>,
    /// Id lookups.
    pub index: Index,
    /// The file it came from, if any.
    pub source: Option<Arc<SourceFile>>,
}

impl Model {
    /// The unit with this id (NFC-normalized before lookup).
    pub fn unit(&self, id: &str) -> Option<UnitIx> {
        self.index.units.get(ids::nfc(id).as_ref()).copied()
    }

    /// The position with this id.
    pub fn position(&self, id: &str) -> Option<PositionIx> {
        self.index.positions.get(ids::nfc(id).as_ref()).copied()
    }

    /// The person with this id.
    pub fn staff_member(&self, id: &str) -> Option<StaffIx> {
        self.index.staff.get(ids::nfc(id).as_ref()).copied()
    }

    /// The function with this id.
    pub fn function(&self, id: &str) -> Option<FunctionIx> {
        self.index.functions.get(ids::nfc(id).as_ref()).copied()
    }

    /// The people holding each position, by position index, in staff order.
    pub fn holders(&self) -> Vec<Vec<StaffIx>> {
        let mut h = vec![Vec::new(); self.positions.len()];
        for (i, s) in self.staff.iter().enumerate() {
            if let Some(p) = s.position {
                h[p].push(i);
            }
        }
        h
    }

    /// The children of each unit, by unit index, in file order.
    pub fn children(&self) -> Vec<Vec<UnitIx>> {
        let mut c = vec![Vec::new(); self.units.len()];
        for (i, u) in self.units.iter().enumerate() {
            if let Some(p) = u.parent {
                c[p].push(i);
            }
        }
        c
    }

    /// The unit whose territory a unit covers: itself for an administrative unit, the nearest
    /// administrative ancestor for a Department or Agency (SPEC §3). `None` for a body with no
    /// administrative ancestor. The parent chain is acyclic in a checked model.
    pub fn territory(&self, unit: UnitIx) -> Option<UnitIx> {
        let mut u = unit;
        for _ in 0..=self.units.len() {
            if self.units[u].kind.is_administrative() {
                return Some(u);
            }
            u = self.units[u].parent?;
        }
        None
    }

    /// Whether `unit` lies within `ancestor`'s territory (or is it).
    pub fn is_within(&self, unit: UnitIx, ancestor: UnitIx) -> bool {
        let mut u = Some(unit);
        for _ in 0..=self.units.len() {
            match u {
                Some(x) if x == ancestor => return true,
                Some(x) => u = self.units[x].parent,
                None => return false,
            }
        }
        false
    }

    /// Whether a unit is still in force (not dissolved by a merger).
    pub fn is_active(&self, unit: UnitIx) -> bool {
        self.units[unit].merged_into.is_none()
    }
}

/// A staffing template: the posts of a unit of a kind and class.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub unit_kind: UnitKind,
    pub class: Option<Class>,
    /// The posts, with function ids still as text (resolved against a model by a scenario).
    pub positions: Vec<crate::files::raw::RawTemplatePosition>,
    /// Posts added by population, if the norms say so.
    pub growth: Option<Growth>,
}

/// A template's posts grow with the population: one more post per `per` people above
/// `above`, given round the template posts `to` (indices into the positions) in order, up to
/// `max` posts in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Growth {
    pub above: u64,
    pub per: u64,
    /// Indices into [`Template::positions`].
    pub to: Vec<usize>,
    pub max: Option<u32>,
}

impl Template {
    /// The norm: the sum of the template's quotas.
    pub fn norm(&self) -> u32 {
        self.positions.iter().map(|p| p.quota).sum()
    }

    /// The quota of each template post for a new unit of `population` people (none known:
    /// the template as written).
    pub fn quotas(&self, population: Option<u64>) -> Vec<u32> {
        let mut q: Vec<u32> = self.positions.iter().map(|p| p.quota).collect();
        if let (Some(g), Some(pop)) = (&self.growth, population) {
            if g.per > 0 && !g.to.is_empty() && pop > g.above {
                let base = self.norm();
                let wanted = u32::try_from((pop - g.above) / g.per).unwrap_or(u32::MAX);
                let extra = match g.max {
                    Some(max) => wanted.min(max.saturating_sub(base)),
                    None => wanted,
                };
                for k in 0..extra as usize {
                    q[g.to[k % g.to.len()]] += 1;
                }
            }
        }
        q
    }
}

/// The minimum size of a unit of a kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standard {
    pub unit_kind: UnitKind,
    pub min_population: Option<u64>,
    pub min_area_km2: Option<f64>,
}

/// Staffing templates and standards (a `Norms(...)` file, checked).
#[derive(Debug, Clone)]
pub struct Norms {
    pub name: String,
    pub templates: Vec<Template>,
    pub standards: Vec<Standard>,
    /// The file it came from.
    pub path: PathBuf,
}

/// A checked value and the warnings found while checking it.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Diagnostics,
}

/// Reads and checks a `Model(...)` file. Errors: every problem found (syntax errors stop at the
/// first; semantic checks report all).
pub fn load_model(path: &Path) -> Result<Loaded<Model>, Diagnostics> {
    let source = crate::files::read_source(path).map_err(one)?;
    check_model(&source)
}

/// Reads and checks a `Norms(...)` file.
pub fn load_norms(path: &Path) -> Result<Loaded<Norms>, Diagnostics> {
    let source = crate::files::read_source(path).map_err(one)?;
    check_norms(&source)
}

fn one(d: crate::diag::Diagnostic) -> Diagnostics {
    Diagnostics(vec![d])
}

/// Any of the three checked file kinds.
#[derive(Debug, Clone)]
pub enum AnyFile {
    Model(Box<Model>),
    Norms(Norms),
    Scenario(Box<Scenario>),
}

/// Reads and checks a file of any kind (told apart by its top-level name).
pub fn load_any(path: &Path) -> Result<Loaded<AnyFile>, Diagnostics> {
    let source = crate::files::read_source(path).map_err(one)?;
    let kind = crate::files::detect_kind(&source).map_err(one)?;
    Ok(match kind {
        crate::files::FileKind::Model => {
            let l = check_model(&source)?;
            Loaded {
                value: AnyFile::Model(Box::new(l.value)),
                warnings: l.warnings,
            }
        }
        crate::files::FileKind::Norms => {
            let l = check_norms(&source)?;
            Loaded {
                value: AnyFile::Norms(l.value),
                warnings: l.warnings,
            }
        }
        crate::files::FileKind::Scenario => {
            let l = scenario::check_scenario(&source)?;
            Loaded {
                value: AnyFile::Scenario(Box::new(l.value)),
                warnings: l.warnings,
            }
        }
    })
}

/// Parses a date `"YYYY-MM-DD"`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Parses a birth date: `"YYYY-MM-DD"` or `"YYYY-MM"` (day 1 is then assumed).
pub fn parse_birth(s: &str) -> Option<NaiveDate> {
    if s.len() == 7 && s.as_bytes()[4] == b'-' {
        return parse_date(&format!("{s}-01"));
    }
    parse_date(s)
}

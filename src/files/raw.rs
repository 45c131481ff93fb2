//! Plain serde structs that mirror the three RON file kinds of SPEC §1, field for field.
//!
//! Nothing here is checked beyond what serde checks (types, unknown fields); ids are raw strings
//! and dates are text. [`crate::model`] turns these into a checked model.

use serde::{Deserialize, Serialize};

/// One of the three kinds of input file, told apart by the top-level struct name.
#[derive(Debug, Clone, PartialEq)]
pub enum File {
    /// `Model(...)`: the organization as it stands.
    Model(RawModel),
    /// `Norms(...)`: staffing templates and standards.
    Norms(RawNorms),
    /// `Scenario(...)`: a restructuring to plan.
    Scenario(RawScenario),
}

/// Administrative units and the bodies inside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum UnitKind {
    Province,
    District,
    Commune,
    Ward,
    Township,
    /// A special zone (đặc khu): an island commune-level unit of the 2025 two-tier map.
    SpecialZone,
    Department,
    Agency,
}

impl UnitKind {
    /// All kinds, in tier order.
    pub const ALL: [UnitKind; 8] = [
        UnitKind::Province,
        UnitKind::District,
        UnitKind::Commune,
        UnitKind::Ward,
        UnitKind::Township,
        UnitKind::SpecialZone,
        UnitKind::Department,
        UnitKind::Agency,
    ];

    /// Whether the unit is an administrative unit with a territory of its own (not a body
    /// inside one).
    pub fn is_administrative(self) -> bool {
        !matches!(self, UnitKind::Department | UnitKind::Agency)
    }

    /// The tier of an administrative unit; `None` for Departments and Agencies.
    pub fn tier(self) -> Option<Level> {
        match self {
            UnitKind::Province => Some(Level::Province),
            UnitKind::District => Some(Level::District),
            UnitKind::Commune | UnitKind::Ward | UnitKind::Township | UnitKind::SpecialZone => {
                Some(Level::Commune)
            }
            UnitKind::Department | UnitKind::Agency => None,
        }
    }

    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Province => "Province",
            UnitKind::District => "District",
            UnitKind::Commune => "Commune",
            UnitKind::Ward => "Ward",
            UnitKind::Township => "Township",
            UnitKind::SpecialZone => "SpecialZone",
            UnitKind::Department => "Department",
            UnitKind::Agency => "Agency",
        }
    }
}

/// The tier that should own a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Level {
    Province,
    District,
    Commune,
}

impl Level {
    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "Province",
            Level::District => "District",
            Level::Commune => "Commune",
        }
    }
}

/// A unit's class for staffing norms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Class {
    I,
    II,
    III,
}

impl Class {
    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::I => "I",
            Class::II => "II",
            Class::III => "III",
        }
    }
}

/// Chủ trì (Lead) or phối hợp (Coordinate).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize,
)]
pub enum Role {
    #[default]
    Lead,
    Coordinate,
}

/// What kind of post a position is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum PositionKind {
    Leader,
    /// Elected or appointed cán bộ.
    Cadre,
    CivilServant,
    PartTime,
}

impl PositionKind {
    /// Leader or Cadre: the posts that only current leaders and cadres may take (SPEC §5.2).
    pub fn is_leadership(self) -> bool {
        matches!(self, PositionKind::Leader | PositionKind::Cadre)
    }

    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            PositionKind::Leader => "Leader",
            PositionKind::Cadre => "Cadre",
            PositionKind::CivilServant => "CivilServant",
            PositionKind::PartTime => "PartTime",
        }
    }
}

/// A person's gender, as the law uses it (retirement age, gender-bound posts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "Female",
            Gender::Male => "Male",
        }
    }
}

/// A person's staff category, as the law prices their package (SPEC §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Category {
    /// Cán bộ (elected or appointed).
    Cadre,
    /// Công chức.
    CivilServant,
    /// Viên chức: no public-service allowance.
    PublicEmployee,
    /// Người hoạt động không chuyên trách: M is their monthly allowance.
    PartTime,
    /// Người lao động (labour contract).
    Worker,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 5] = [
        Category::Cadre,
        Category::CivilServant,
        Category::PublicEmployee,
        Category::PartTime,
        Category::Worker,
    ];

    /// The name as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Cadre => "Cadre",
            Category::CivilServant => "CivilServant",
            Category::PublicEmployee => "PublicEmployee",
            Category::PartTime => "PartTime",
            Category::Worker => "Worker",
        }
    }

    /// The default of a person on a post of `kind` (SPEC §6.2): Leader and Cadre → Cadre,
    /// CivilServant → CivilServant, PartTime → PartTime; no post → CivilServant.
    pub fn of_post(kind: Option<PositionKind>) -> Category {
        match kind {
            Some(PositionKind::Leader | PositionKind::Cadre) => Category::Cadre,
            Some(PositionKind::PartTime) => Category::PartTime,
            Some(PositionKind::CivilServant) | None => Category::CivilServant,
        }
    }
}

/// `Model(...)`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Model", deny_unknown_fields)]
pub struct RawModel {
    pub name: String,
    pub as_of: String,
    #[serde(default)]
    pub functions: Vec<RawFunction>,
    #[serde(default)]
    pub units: Vec<RawUnit>,
    #[serde(default)]
    pub mandates: Vec<RawMandate>,
    #[serde(default)]
    pub positions: Vec<RawPosition>,
    #[serde(default)]
    pub staff: Vec<RawStaff>,
}

/// `Function(...)`: a mandate that some unit must carry out.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Function", deny_unknown_fields)]
pub struct RawFunction {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub required_for: Vec<UnitKind>,
}

/// `Unit(...)`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Unit", deny_unknown_fields)]
pub struct RawUnit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub class: Option<Class>,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub area_km2: Option<f64>,
    /// The official statistics code (mã đơn vị hành chính), e.g. `"10096"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// `Mandate(...)`: a unit carries out a function.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Mandate", deny_unknown_fields)]
pub struct RawMandate {
    pub unit: String,
    pub function: String,
    #[serde(default)]
    pub role: Role,
}

fn one() -> u32 {
    1
}

/// `Position(...)`: a post (chức danh / vị trí việc làm).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Position", deny_unknown_fields)]
pub struct RawPosition {
    pub id: String,
    pub unit: String,
    pub title: String,
    pub kind: PositionKind,
    #[serde(default)]
    pub functions: Vec<String>,
    #[serde(default = "one")]
    pub quota: u32,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub prefers: Vec<String>,
    #[serde(default)]
    pub allowance_coefficient: f64,
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// `Staff(...)`: a person.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Staff", deny_unknown_fields)]
pub struct RawStaff {
    pub id: String,
    pub name: String,
    pub gender: Gender,
    pub born: String,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub grade: String,
    pub salary_coefficient: f64,
    #[serde(default)]
    pub allowance_coefficient: Option<f64>,
    #[serde(default)]
    pub insured_months: u32,
    #[serde(default)]
    pub qualifications: Vec<String>,
    /// The law's staff category; default from the current post's kind (SPEC §6.2).
    #[serde(default)]
    pub category: Option<Category>,
    /// Phụ cấp thâm niên vượt khung, percent of the salary coefficient (default 0).
    #[serde(default)]
    pub beyond_frame_pct: Option<u32>,
    /// Coefficients of the other allowances that count in M (default 0).
    #[serde(default)]
    pub other_allowances: Option<f64>,
}

/// `Norms(...)`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Norms", deny_unknown_fields)]
pub struct RawNorms {
    pub name: String,
    #[serde(default)]
    pub templates: Vec<RawTemplate>,
    #[serde(default)]
    pub standards: Vec<RawStandard>,
}

/// `Template(...)`: the posts of a unit of a kind and class.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Template", deny_unknown_fields)]
pub struct RawTemplate {
    pub id: String,
    #[serde(default)]
    pub name: String,
    pub unit_kind: UnitKind,
    #[serde(default)]
    pub class: Option<Class>,
    #[serde(default)]
    pub positions: Vec<RawTemplatePosition>,
    /// Posts added by population (the 2025 two-tier norms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<RawGrowth>,
}

/// `Growth(...)`: a template's posts grow with the new unit's population — one more post per
/// `per` people above `above`, given round the posts `to` in order, up to `max` posts in all
/// (2025 two-tier norms: above 16,000 people, +1 per 2,000; at most 50 per commune, 70 per
/// ward).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Growth", deny_unknown_fields)]
pub struct RawGrowth {
    pub above: u64,
    pub per: u64,
    pub to: Vec<String>,
    #[serde(default)]
    pub max: Option<u32>,
}

/// `TemplatePosition(...)`: becomes position `"<new unit id>.<key>"`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "TemplatePosition", deny_unknown_fields)]
pub struct RawTemplatePosition {
    pub key: String,
    pub title: String,
    pub kind: PositionKind,
    #[serde(default)]
    pub functions: Vec<String>,
    #[serde(default = "one")]
    pub quota: u32,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub prefers: Vec<String>,
    #[serde(default)]
    pub allowance_coefficient: f64,
    #[serde(default)]
    pub gender: Option<Gender>,
}

/// `Standard(...)`: the minimum size of a unit of a kind (Decision 759/QĐ-TTg and others).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Standard", deny_unknown_fields)]
pub struct RawStandard {
    pub unit_kind: UnitKind,
    #[serde(default)]
    pub min_population: Option<u64>,
    #[serde(default)]
    pub min_area_km2: Option<f64>,
}

/// `Scenario(...)`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct RawScenario {
    pub name: String,
    pub model: String,
    #[serde(default)]
    pub norms: Vec<String>,
    pub effective: String,
    #[serde(default)]
    pub mergers: Vec<RawMerger>,
    #[serde(default)]
    pub policy: RawPolicy,
    #[serde(default)]
    pub weights: RawWeights,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    /// A law file replacing the shipped one of its regime (SPEC §6.2), relative to the
    /// scenario.
    #[serde(default)]
    pub law: Option<String>,
}

/// `Merger(...)`: two or more units (or parts of units) become one new unit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Merger", deny_unknown_fields)]
pub struct RawMerger {
    pub into: RawUnit,
    /// Units taken whole.
    #[serde(default)]
    pub from: Vec<String>,
    /// Units of which this merger takes a part (a unit split among several new units).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub positions: Option<Vec<RawPosition>>,
}

/// Who competes for which posts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Pool {
    /// Staff compete only for the posts of the unit their unit merges into.
    #[default]
    PerMerger,
    /// Any post of any new unit in the scenario.
    Scenario,
}

/// `Policy(...)`: the legal and planning parameters of a scenario.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Policy", deny_unknown_fields)]
pub struct RawPolicy {
    #[serde(default)]
    pub transition_years: Option<u32>,
    #[serde(default)]
    pub base_salary_vnd: Option<u64>,
    #[serde(default)]
    pub decision_within_12_months: Option<bool>,
    #[serde(default)]
    pub min_pension_years: Option<u32>,
    #[serde(default)]
    pub pool: Pool,
    #[serde(default)]
    pub local: Option<u64>,
    /// The effective date of the restructuring decision (SPEC §6.2); default `effective`.
    #[serde(default)]
    pub decision_date: Option<String>,
}

impl Default for RawPolicy {
    fn default() -> Self {
        RawPolicy {
            transition_years: None,
            base_salary_vnd: None,
            decision_within_12_months: None,
            min_pension_years: None,
            pool: Pool::PerMerger,
            local: None,
            decision_date: None,
        }
    }
}

/// `Weights(...)`: the fit weights of SPEC §5.3 (integers ≥ 0).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Weights", deny_unknown_fields)]
pub struct RawWeights {
    #[serde(default = "default_continuity")]
    pub continuity: u64,
    #[serde(default = "default_preferred")]
    pub preferred: u64,
    #[serde(default = "default_seniority")]
    pub seniority: u64,
}

fn default_continuity() -> u64 {
    100
}
fn default_preferred() -> u64 {
    10
}
fn default_seniority() -> u64 {
    1
}

impl Default for RawWeights {
    fn default() -> Self {
        RawWeights {
            continuity: default_continuity(),
            preferred: default_preferred(),
            seniority: default_seniority(),
        }
    }
}

/// A planner's rule on the allocation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
// Named `Rule` so that messages say "not a valid value for Rule".
#[serde(rename = "Rule", deny_unknown_fields)]
pub enum RawRule {
    /// The person must take this post.
    Pin { staff: String, position: String },
    /// The person must not take this post.
    Forbid { staff: String, position: String },
    /// The person must take some post.
    Keep { staff: String },
    /// A person past retirement age stays a candidate for posts until `until` (e.g. a leader
    /// kept to the end of a term); without it they retire (SPEC §6.2).
    Retain { staff: String, until: String },
    /// People of this gender are at least `share` of those placed in posts of this kind, in
    /// each new unit.
    MinShare {
        gender: Gender,
        kind: PositionKind,
        share: f64,
    },
}

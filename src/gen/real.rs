//! `orgplan gen --real`: a model of the real old units and a scenario of the real mergers of
//! 1 July 2025, from the embedded map ([`crate::map`]).
//!
//! The units, their codes, names, districts, provinces and 2019 census population are real;
//! the staff are not (no staff data is public): each old unit gets the posts of its Decree
//! 33/2023 template (class from the census population), one more civil servant per half of the
//! population standard above it (art. 6), and generated people in them — the same people for
//! a unit whatever else is generated, since each unit's generator is seeded by its code. The
//! scenario puts every new unit on its two-tier template (Decree 150/2025, with the
//! population rule) with its official population and area; a split old unit is in the `parts`
//! of each new unit that took part of it.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::{list, pick, TAGS};
use crate::files::raw::{Class, RawNorms, RawTemplatePosition, UnitKind};
use crate::import::text::slug;
use crate::map::{self, Map};

/// The two-tier norms written beside the scenario (`models/norms/nd150-2025.ron`).
pub const ND150_NORMS: &str = include_str!("../../models/norms/nd150-2025.ron");
/// The Decree 33/2023 norms the old units' posts come from (`models/norms/nd33-2023.ron`).
pub const ND33_NORMS: &str = include_str!("../../models/norms/nd33-2023.ron");

/// The commune population standard (Res. 1211/2016/UBTVQH14 as amended by Res. 27/2022): the
/// base of Decree 33/2023 art. 6's extra civil servants.
const COMMUNE_STANDARD_POPULATION: u64 = 8_000;
/// The ward population standard in `nd33-2023.ron`.
const WARD_STANDARD_POPULATION: u64 = 11_000;

/// What to generate from the real map.
#[derive(Debug, Clone, PartialEq)]
pub struct RealConfig {
    /// A province (its name with or without tone marks, or its 2-digit code); `None` for the
    /// whole country.
    pub province: Option<String>,
    /// Seed mixed into every unit's generator.
    pub seed: u64,
    /// Add `MinShare(gender: Female, kind: Cadre, share: 0.3)`.
    pub min_share: bool,
    /// Generate people for the old posts; without them the model has the units and posts
    /// only, for an office to bring its own staff in (`orgplan import --into`).
    pub staff: bool,
}

impl Default for RealConfig {
    /// The whole country, seed 1 (the command line's default), no MinShare rule.
    fn default() -> Self {
        RealConfig {
            province: None,
            seed: 1,
            min_share: false,
            staff: true,
        }
    }
}

/// The generated files and what they hold.
#[derive(Debug, Clone)]
pub struct RealGenerated {
    pub model: String,
    pub norms: String,
    pub scenario: String,
    /// Old units in the model.
    pub old_units: usize,
    /// New units the scenario creates.
    pub new_units: usize,
    /// Old units split among several of them.
    pub split: usize,
    pub staff: usize,
}

/// Why nothing was generated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RealError {
    /// No province has this name.
    #[error("no province is named \"{0}\"")]
    UnknownProvince(String),
    /// A unit code that the map does not have.
    #[error("no new unit has code \"{0}\"")]
    UnknownUnit(String),
}

/// The function catalogue of the old and the two-tier commune: (id, name, sector, required).
const FUNCTIONS: &[(&str, &str, &str, bool)] = &[
    ("dang-uy", "Lãnh đạo của Đảng ủy", "party", true),
    ("hdnd", "Hoạt động của Hội đồng nhân dân", "council", true),
    (
        "ubnd",
        "Quản lý, điều hành của Ủy ban nhân dân",
        "executive",
        true,
    ),
    ("mttq", "Công tác Mặt trận Tổ quốc", "front", true),
    ("doan-tn", "Công tác Đoàn thanh niên", "mass", false),
    ("phu-nu", "Công tác Hội Liên hiệp Phụ nữ", "mass", false),
    ("nong-dan", "Công tác Hội Nông dân", "mass", false),
    (
        "cuu-chien-binh",
        "Công tác Hội Cựu chiến binh",
        "mass",
        false,
    ),
    (
        "quan-su",
        "Quốc phòng, quân sự địa phương",
        "defence",
        false,
    ),
    ("van-phong", "Văn phòng, tổng hợp", "office", true),
    ("thong-ke", "Thống kê", "office", false),
    (
        "mot-cua",
        "Tiếp nhận và trả kết quả thủ tục hành chính (một cửa)",
        "office",
        true,
    ),
    ("chuyen-doi-so", "Chuyển đổi số", "office", false),
    (
        "tu-phap",
        "Tư pháp, phổ biến giáo dục pháp luật",
        "justice",
        true,
    ),
    ("ho-tich", "Đăng ký và quản lý hộ tịch", "justice", false),
    ("tai-chinh", "Tài chính, ngân sách", "finance", true),
    ("ke-toan", "Kế toán ngân sách", "finance", false),
    ("dia-chinh", "Quản lý đất đai, địa chính", "land", true),
    (
        "nong-nghiep",
        "Nông nghiệp và phát triển nông thôn",
        "land",
        false,
    ),
    ("xay-dung", "Quản lý trật tự xây dựng", "land", false),
    ("moi-truong", "Bảo vệ môi trường", "land", false),
    ("do-thi", "Quản lý đô thị", "land", false),
    ("ha-tang", "Hạ tầng kỹ thuật, giao thông", "land", false),
    ("van-hoa", "Văn hóa, thông tin, thể thao", "culture", true),
    (
        "xa-hoi",
        "Lao động, người có công và xã hội",
        "social",
        true,
    ),
    ("giao-duc", "Giáo dục và đào tạo", "social", false),
    ("y-te", "Y tế", "social", false),
];

/// Posts that take Decree 33's extra civil servants, in turn.
const EXTRA_TO: &[&str] = &["van-phong", "dia-chinh", "tai-chinh", "van-hoa"];

fn old_class(kind: UnitKind, population: Option<u64>) -> Class {
    // Decree 33 classes follow Res. 1211's points, chiefly population; without the points,
    // the census population stands for them (this generator's reading).
    let p = population.unwrap_or(0);
    let (one, two) = match kind {
        UnitKind::Ward => (20_000, 10_000),
        _ => (15_000, 8_000),
    };
    if p >= one {
        Class::I
    } else if p >= two {
        Class::II
    } else {
        Class::III
    }
}

/// Decree 33/2023 art. 6: one more civil servant per extra half of the population standard
/// (a third for urban wards).
fn extra_civil_servants(kind: UnitKind, population: Option<u64>) -> u32 {
    let p = population.unwrap_or(0);
    let (standard, step) = match kind {
        UnitKind::Ward => (WARD_STANDARD_POPULATION, WARD_STANDARD_POPULATION / 3),
        _ => (COMMUNE_STANDARD_POPULATION, COMMUNE_STANDARD_POPULATION / 2),
    };
    if p <= standard {
        0
    } else {
        u32::try_from((p - standard) / step).unwrap_or(u32::MAX)
    }
}

fn nd33_templates() -> BTreeMap<(bool, Class), Vec<RawTemplatePosition>> {
    let norms: RawNorms = crate::files::ron_options()
        .from_str(ND33_NORMS)
        .expect("models/norms/nd33-2023.ron is valid (tests/map.rs)");
    norms
        .templates
        .into_iter()
        .filter_map(|t| Some(((t.unit_kind == UnitKind::Ward, t.class?), t.positions)))
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A stable seed for a unit: FNV-1a of its code, mixed with the config's seed.
fn unit_seed(seed: u64, code: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in code.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The id of an old unit in the generated model: its name's slug and its code.
pub fn old_id(map: &Map, o: usize) -> String {
    let u = &map.old[o];
    format!("{}-{}", slug(bare(&u.name)), u.code.to_lowercase())
}

/// The id of a new unit in the generated scenario.
pub fn new_id(map: &Map, n: usize) -> String {
    let u = &map.new[n];
    format!("{}-{}-2025", slug(bare(&u.name)), u.code)
}

fn bare(name: &str) -> &str {
    map::name_kind(name).map_or(name, |(_, b)| b)
}

fn province_id(code: &str, name: &str) -> String {
    format!("{}-{code}", slug(name))
}

fn template_for(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Ward => "nd150-ward",
        UnitKind::SpecialZone => "nd150-special-zone",
        _ => "nd150-commune",
    }
}

/// Generates the model, norms and scenario of the real 2025 mergers of a province or of the
/// whole country.
pub fn generate_real(cfg: &RealConfig) -> Result<RealGenerated, RealError> {
    let map = map::official();
    let new_units: Vec<usize> = match &cfg.province {
        Some(p) => map
            .province(p)
            .ok_or_else(|| RealError::UnknownProvince(p.clone()))?,
        None => (0..map.new.len()).collect(),
    };
    let title = match &cfg.province {
        Some(_) => map.new[new_units[0]].province.clone(),
        None => "Việt Nam".to_string(),
    };
    Ok(write_files(map, &new_units, &title, cfg))
}

/// Generates the files for chosen new units (by code), e.g. one office's own new unit.
pub fn generate_units(codes: &[&str], cfg: &RealConfig) -> Result<RealGenerated, RealError> {
    let map = map::official();
    let mut units = Vec::with_capacity(codes.len());
    for c in codes {
        units.push(
            map.new_index(c)
                .ok_or_else(|| RealError::UnknownUnit(c.to_string()))?,
        );
    }
    let title = units
        .iter()
        .map(|&n| map.new[n].name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(write_files(map, &units, &title, cfg))
}

fn write_files(map: &Map, new_units: &[usize], title: &str, cfg: &RealConfig) -> RealGenerated {
    // The old units the chosen new units are formed from, in code order.
    let mut olds: Vec<usize> = new_units
        .iter()
        .flat_map(|&n| map.new[n].sources.iter().map(|&l| map.links[l].old))
        .collect();
    olds.sort_by(|&a, &b| map.old[a].code.cmp(&map.old[b].code));
    olds.dedup();
    // Each old unit's new province (one per old unit in the office's table).
    let mut new_province_of: HashMap<usize, (&str, &str)> = HashMap::new();
    for &o in &olds {
        let n = &map.new[map.links[map.old[o].targets[0]].new];
        new_province_of.insert(o, (n.province_code.as_str(), n.province.as_str()));
    }
    let mut provinces: BTreeMap<&str, &str> = BTreeMap::new();
    for &n in new_units {
        provinces.insert(&map.new[n].province_code, &map.new[n].province);
    }
    for (c, name) in new_province_of.values() {
        provinces.insert(c, name);
    }
    // Districts (old): (province code, district code) → (name, new province code).
    let mut districts: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    for &o in &olds {
        let u = &map.old[o];
        let (pc, _) = new_province_of[&o];
        districts
            .entry((u.province_code.clone(), u.district_code.clone()))
            .or_insert_with(|| (u.district.clone(), pc.to_string()));
    }
    let district_id = |u: &map::OldUnit| {
        let (name, _) = &districts[&(u.province_code.clone(), u.district_code.clone())];
        format!(
            "{}-{}-{}",
            slug(name),
            u.province_code,
            u.district_code.to_lowercase()
        )
    };
    let templates = nd33_templates();
    let mut m = String::with_capacity(olds.len() * 9_000);
    let _ = writeln!(
        m,
        "// Generated by `orgplan gen --real` (seed {}): the real units of the statistics office's\n\
         // table (data/vn-2025), with the 2019 census population; the posts follow Decree 33/2023\n\
         // and the STAFF ARE GENERATED (fictional people: no staff data is public). Replace them\n\
         // with the office's own table: `orgplan import TABLE --into model.ron`.",
        cfg.seed
    );
    let _ = writeln!(
        m,
        "Model(\n    name: \"{}: các đơn vị cấp xã trước 01/07/2025 (nhân sự sinh tự động)\",\n    as_of: \"2025-06-30\",\n    functions: [",
        esc(title)
    );
    for (id, name, sector, required) in FUNCTIONS {
        let req = if *required {
            ", required_for: [Commune, Ward, Township, SpecialZone]"
        } else {
            ""
        };
        let _ = writeln!(
            m,
            "        Function(id: \"{id}\", name: \"{name}\", sector: \"{sector}\", level: Commune{req}),"
        );
    }
    let _ = writeln!(m, "    ],\n    units: [");
    for (code, name) in &provinces {
        let _ = writeln!(
            m,
            "        Unit(id: \"{}\", name: \"{}\", kind: Province, code: \"{code}\"),",
            province_id(code, name),
            esc(name)
        );
    }
    for ((pc, dc), (name, npc)) in &districts {
        let _ = writeln!(
            m,
            "        Unit(id: \"{}-{pc}-{}\", name: \"{}\", kind: District, parent: \"{}\", code: \"{dc}\"),",
            slug(name),
            dc.to_lowercase(),
            esc(name),
            province_id(npc, provinces[npc.as_str()])
        );
    }
    // Each old unit's posts: (key, quota, template post).
    let mut posts_of: Vec<Vec<(u32, &RawTemplatePosition)>> = Vec::with_capacity(olds.len());
    for &o in &olds {
        let u = &map.old[o];
        let class = old_class(u.kind, u.population_2019);
        let tpl = &templates[&(u.kind == UnitKind::Ward, class)];
        let mut quotas: Vec<u32> = tpl.iter().map(|p| p.quota).collect();
        let extra = extra_civil_servants(u.kind, u.population_2019);
        let targets: Vec<usize> = EXTRA_TO
            .iter()
            .filter_map(|k| tpl.iter().position(|p| p.key == *k))
            .collect();
        if !targets.is_empty() {
            for k in 0..extra as usize {
                quotas[targets[k % targets.len()]] += 1;
            }
        }
        posts_of.push(quotas.into_iter().zip(tpl.iter()).collect());
        let kind = match u.kind {
            // An island district became a special zone whole: in the model it stands as a
            // commune-level unit under its province.
            UnitKind::District => UnitKind::Township,
            k => k,
        };
        let pop = u
            .population_2019
            .map(|p| format!(", population: {p}"))
            .unwrap_or_default();
        let _ = writeln!(
            m,
            "        Unit(id: \"{}\", name: \"{}\", kind: {}, parent: \"{}\", class: {}{pop}, code: \"{}\"),",
            old_id(map, o),
            esc(&u.name),
            kind.as_str(),
            district_id(u),
            class.as_str(),
            u.code
        );
    }
    let _ = writeln!(m, "    ],\n    mandates: [");
    for (k, &o) in olds.iter().enumerate() {
        let id = old_id(map, o);
        let mut led: Vec<&str> = posts_of[k]
            .iter()
            .flat_map(|(_, p)| p.functions.iter().map(String::as_str))
            .collect();
        led.sort_unstable();
        led.dedup();
        for f in led {
            let _ = writeln!(m, "        Mandate(unit: \"{id}\", function: \"{f}\"),");
        }
    }
    let _ = writeln!(m, "    ],\n    positions: [");
    for (k, &o) in olds.iter().enumerate() {
        let id = old_id(map, o);
        for (quota, p) in &posts_of[k] {
            let gender = p
                .gender
                .map(|g| format!(", gender: {}", g.as_str()))
                .unwrap_or_default();
            let funcs: Vec<&str> = p.functions.iter().map(String::as_str).collect();
            let req: Vec<&str> = p.requires.iter().map(String::as_str).collect();
            let pref: Vec<&str> = p.prefers.iter().map(String::as_str).collect();
            let _ = writeln!(
                m,
                "        Position(id: \"{id}.{}\", unit: \"{id}\", title: \"{}\", kind: {}, functions: {}, quota: {quota}, requires: {}, prefers: {}, allowance_coefficient: {}{gender}),",
                p.key,
                esc(&p.title),
                p.kind.as_str(),
                list(&funcs),
                list(&req),
                list(&pref),
                p.allowance_coefficient
            );
        }
    }
    let _ = writeln!(m, "    ],\n    staff: [");
    let mut staff = 0;
    for (k, &o) in olds.iter().enumerate() {
        let u = &map.old[o];
        let id = old_id(map, o);
        let mut rng = fastrand::Rng::with_seed(unit_seed(cfg.seed, &u.code));
        let mut n = 0;
        for (quota, p) in posts_of[k].iter().filter(|_| cfg.staff) {
            for _ in 0..*quota {
                let female = match p.gender {
                    Some(g) => g.as_str() == "Female",
                    None => rng.u32(..100) < 45,
                };
                let age = 24 + rng.u32(..38); // 24–61
                let born_year = 2025 - age as i32;
                let born_month = 1 + rng.u32(..12);
                let months = ((age - 23) * 12 + rng.u32(..12)).min(40 * 12);
                let coef = 2.34 + 0.33 * f64::from(rng.u32(..9));
                let mut quals: Vec<&str> = p.requires.iter().map(String::as_str).collect();
                if p.key == "chu-tich-ccb" && !quals.contains(&"veteran") {
                    quals.push("veteran");
                }
                for _ in 0..rng.usize(..3) {
                    let t = pick(&mut rng, TAGS);
                    if !quals.contains(&t) {
                        quals.push(t);
                    }
                }
                let name = super::person_name(&mut rng, female);
                let _ = writeln!(
                    m,
                    "        Staff(id: \"{}-{n:02}\", name: \"{name}\", gender: {}, born: \"{born_year}-{born_month:02}\", position: \"{id}.{}\", grade: \"A1\", salary_coefficient: {coef:.2}, insured_months: {months}, qualifications: {}),",
                    u.code,
                    if female { "Female" } else { "Male" },
                    p.key,
                    list(&quals)
                );
                n += 1;
                staff += 1;
            }
        }
    }
    let _ = writeln!(m, "    ],\n)");

    let mut s = String::with_capacity(new_units.len() * 400);
    let split = olds.iter().filter(|&&o| map.old[o].is_split()).count();
    let _ = writeln!(
        s,
        "// Generated by `orgplan gen --real`: the real mergers of 1 July 2025 (the statistics\n\
         // office's old → new table, data/vn-2025), each new unit on its two-tier template.\n\
         // Population: the national reorganisation map portal, July 2025 (approximate); where it\n\
         // reads \"being updated\", an estimate from the 2019 census (marked). Area: its GIS layer."
    );
    let _ = writeln!(
        s,
        "Scenario(\n    name: \"{}: sắp xếp đơn vị hành chính cấp xã từ 01/07/2025 ({} đơn vị cũ thành {} đơn vị mới)\",\n    model: \"model.ron\",\n    norms: [\"norms.ron\"],\n    effective: \"{}\",\n    mergers: [",
        esc(title),
        olds.len(),
        new_units.len(),
        map::EFFECTIVE
    );
    for &n in new_units {
        let u = &map.new[n];
        let mut whole = Vec::new();
        let mut parts = Vec::new();
        let mut estimate = 0u64;
        for &l in &u.sources {
            let link = &map.links[l];
            let o = &map.old[link.old];
            let id = format!("\"{}\"", old_id(map, link.old));
            let pop = o.population_2019.unwrap_or(0);
            if link.part {
                parts.push(id);
                estimate += pop / o.targets.len() as u64;
            } else {
                whole.push(id);
                estimate += pop;
            }
        }
        let (population, note) = match u.population {
            Some(p) => (p, String::new()),
            None => (
                estimate,
                " // dân số ước tính từ điều tra 2019 (cổng bản đồ: đang cập nhật)".to_string(),
            ),
        };
        let area = u
            .area_km2
            .map(|a| format!(", area_km2: {a}"))
            .unwrap_or_default();
        let parts = if parts.is_empty() {
            String::new()
        } else {
            format!(", parts: [{}]", parts.join(", "))
        };
        let _ = writeln!(
            s,
            "        Merger(into: Unit(id: \"{}\", name: \"{}\", kind: {}, parent: \"{}\", population: {population}{area}, code: \"{}\"), from: [{}]{parts}, template: \"{}\"),{note}",
            new_id(map, n),
            esc(&u.name),
            u.kind.as_str(),
            province_id(&u.province_code, &u.province),
            u.code,
            whole.join(", "),
            template_for(u.kind)
        );
    }
    let _ = writeln!(
        s,
        "    ],\n    policy: Policy(transition_years: 5, base_salary_vnd: 2340000, pool: PerMerger),\n    weights: Weights(continuity: 100, preferred: 10, seniority: 1),\n    rules: [{}],\n)",
        if cfg.min_share {
            "MinShare(gender: Female, kind: Cadre, share: 0.3)"
        } else {
            ""
        }
    );
    RealGenerated {
        model: m,
        norms: ND150_NORMS.to_string(),
        scenario: s,
        old_units: olds.len(),
        new_units: new_units.len(),
        split,
        staff,
    }
}

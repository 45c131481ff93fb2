//! The real map of Vietnam's reorganisation of 1 July 2025: every old commune-level unit
//! (10,035, with the 2019 census), every new unit (3,321: xã, phường, đặc khu, with area and
//! approximate population) and the statistics office's old → new table between them (10,571
//! links; 440 old units split among two or more new units).
//!
//! This module owns the data in `data/vn-2025/` (embedded at build time, parsed once, on first
//! use) and its checks: every row is accounted for, every code is unique, every new unit has a
//! source, and the table's own counts agree with its rows. It answers lookups by code and by
//! name, with or without tone marks ([`Map::search`]). It knows nothing of scenarios or staff:
//! [`crate::gen`] turns the map into model and scenario files, and the command line prints it.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::files::raw::UnitKind;
use crate::overlaps::text::normalize;

/// The statistics office's old → new table (`data/vn-2025/mapping.csv`).
pub const MAPPING_CSV: &str = include_str!("../../data/vn-2025/mapping.csv");
/// The new units with area and population (`data/vn-2025/new_units.csv`).
pub const NEW_UNITS_CSV: &str = include_str!("../../data/vn-2025/new_units.csv");
/// The old units with the 2019 census (`data/vn-2025/old_units.csv`).
pub const OLD_UNITS_CSV: &str = include_str!("../../data/vn-2025/old_units.csv");

/// The date the new units took effect.
pub const EFFECTIVE: &str = "2025-07-01";

/// A unit before 1 July 2025.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OldUnit {
    /// The 5-digit statistics code (`D<district code>` for an island district that became a
    /// special zone whole; `A376` for an unnumbered coastal strip).
    pub code: String,
    pub name: String,
    /// Commune, Ward or Township; District for an island district.
    pub kind: UnitKind,
    pub district: String,
    pub district_code: String,
    pub province: String,
    pub province_code: String,
    /// 2019 census population, carried to 2025 codes; `None` where the census has no row.
    pub population_2019: Option<u64>,
    /// Why the census figure may be off (empty: no known doubt).
    pub population_flags: String,
    /// Links (indices into [`Map::links`]) to the new units it went into, in file order.
    pub targets: Vec<usize>,
}

impl OldUnit {
    /// Whether it was split among two or more new units.
    pub fn is_split(&self) -> bool {
        self.targets.len() > 1
    }
}

/// A unit from 1 July 2025.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewUnit {
    /// The 5-digit statistics code.
    pub code: String,
    pub name: String,
    /// Commune (xã), Ward (phường) or SpecialZone (đặc khu).
    pub kind: UnitKind,
    pub province: String,
    pub province_code: String,
    /// Approximate population (the national map portal, July 2025); `None` for the units it
    /// read "being updated".
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    /// The seat's address.
    pub admin_center: String,
    /// Links (indices into [`Map::links`]) from the old units it was formed from, in file
    /// order.
    pub sources: Vec<usize>,
}

/// One row of the old → new table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Index into [`Map::old`].
    pub old: usize,
    /// Index into [`Map::new`].
    pub new: usize,
    /// The new unit takes only part of the old one (the old unit went into two or more).
    pub part: bool,
    /// How the old unit went in, as the statistics office wrote it.
    pub note: String,
}

/// The map: old units, new units and the links between them.
#[derive(Debug, Clone, Default)]
pub struct Map {
    pub old: Vec<OldUnit>,
    pub new: Vec<NewUnit>,
    pub links: Vec<Link>,
    old_by_code: HashMap<String, usize>,
    new_by_code: HashMap<String, usize>,
    /// Folded names (no tone marks, no kind prefix) for search: (folded, old?, index).
    names: Vec<(String, bool, usize)>,
}

/// A problem in the map's files: the file, the 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MapProblem {
    pub file: &'static str,
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for MapProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// What a search found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Hit {
    /// A new unit (index into [`Map::new`]).
    New(usize),
    /// An old unit (index into [`Map::old`]).
    Old(usize),
}

/// The map shipped with orgplan, parsed on first use.
///
/// The embedded files are checked by the test suite (`tests/map.rs`), so this cannot fail on
/// a released build; should it ever, the problems are in the panic message.
pub fn official() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(
        || match Map::parse(MAPPING_CSV, NEW_UNITS_CSV, OLD_UNITS_CSV) {
            Ok(m) => m,
            Err(problems) => panic!(
                "the embedded map data/vn-2025 is inconsistent: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        },
    )
}

/// The kind a unit's name starts with, and the name without it, whatever the case and tone
/// marks ("Xã Hòa Phú", "xã Hòa Phú", "Thi trấn Ngan Dừa").
pub fn name_kind(name: &str) -> Option<(UnitKind, &str)> {
    const PREFIXES: [(&str, UnitKind); 6] = [
        ("thi tran", UnitKind::Township),
        ("phuong", UnitKind::Ward),
        ("xa", UnitKind::Commune),
        ("dac khu", UnitKind::SpecialZone),
        ("huyen", UnitKind::District),
        ("khu vuc", UnitKind::Commune),
    ];
    PREFIXES.iter().find_map(|&(prefix, kind)| {
        crate::import::text::strip_folded_prefix(name, prefix).map(|rest| (kind, rest))
    })
}

/// A text folded for search: no tone marks, `đ` → `d`, lowercase, single spaces.
pub fn fold(text: &str) -> String {
    normalize(text)
}

/// The rows of one CSV file with their 1-based line numbers, by header name.
struct Table {
    file: &'static str,
    header: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn read(
        file: &'static str,
        text: &str,
        needed: &[&str],
        problems: &mut Vec<MapProblem>,
    ) -> Table {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let header: Vec<String> = match rdr.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => {
                problems.push(MapProblem {
                    file,
                    line: 1,
                    message: crate::t!("map-check-csv-header", error = e.to_string()),
                });
                Vec::new()
            }
        };
        for n in needed {
            if !header.iter().any(|h| h == n) {
                problems.push(MapProblem {
                    file,
                    line: 1,
                    message: crate::t!("map-check-csv-no-column", column = *n),
                });
            }
        }
        let mut rows = Vec::new();
        for r in rdr.records() {
            match r {
                Ok(rec) => {
                    let line = rec.position().map_or(0, |p| p.line());
                    rows.push((line, rec));
                }
                Err(e) => problems.push(MapProblem {
                    file,
                    line: e.position().map_or(0, |p| p.line()),
                    message: crate::t!("map-check-csv-row", error = e.to_string()),
                }),
            }
        }
        Table { file, header, rows }
    }

    fn col(&self, name: &str) -> usize {
        // A missing column was reported; reading it gives "".
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or(usize::MAX)
    }
}

fn get(rec: &csv::StringRecord, i: usize) -> &str {
    rec.get(i).unwrap_or("").trim()
}

impl Map {
    /// Parses and checks the three files. Every problem is returned, each with its file and
    /// line: a code twice, a link to an unknown unit, a new unit with no source, an old unit
    /// that goes nowhere, counts in the table that disagree with its rows, unreadable numbers.
    pub fn parse(mapping: &str, new_units: &str, old_units: &str) -> Result<Map, Vec<MapProblem>> {
        let mut problems = Vec::new();
        let mut map = Map::default();
        let p = |file, line, message: String| MapProblem {
            file,
            line,
            message,
        };

        // Old units with their census.
        let ot = Table::read(
            "old_units.csv",
            old_units,
            &[
                "old_code",
                "old_name",
                "old_district",
                "pop2019",
                "pop_flags",
            ],
            &mut problems,
        );
        let (oc, on, od, op, of) = (
            ot.col("old_code"),
            ot.col("old_name"),
            ot.col("old_district"),
            ot.col("pop2019"),
            ot.col("pop_flags"),
        );
        let mut old_line: Vec<u64> = Vec::new();
        for (line, r) in &ot.rows {
            let code = get(r, oc).to_string();
            if let Some(&first) = map.old_by_code.get(&code) {
                problems.push(p(
                    ot.file,
                    *line,
                    crate::t!(
                        "map-check-old-code-twice",
                        code = code.as_str(),
                        first = old_line[first].to_string()
                    ),
                ));
                continue;
            }
            let pop = get(r, op);
            let population_2019 = if pop.is_empty() {
                None
            } else {
                match pop.parse::<u64>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        problems.push(p(
                            ot.file,
                            *line,
                            crate::t!("map-check-not-whole", column = "pop2019", value = pop),
                        ));
                        None
                    }
                }
            };
            let name = get(r, on).to_string();
            // A few names in the census list have no kind written ("Xuân Quang 3"): communes.
            let kind = name_kind(&name).map_or(UnitKind::Commune, |(k, _)| k);
            map.old_by_code.insert(code.clone(), map.old.len());
            old_line.push(*line);
            map.old.push(OldUnit {
                code,
                name,
                kind,
                district: get(r, od).to_string(),
                district_code: String::new(),
                province: String::new(),
                province_code: String::new(),
                population_2019,
                population_flags: get(r, of).to_string(),
                targets: Vec::new(),
            });
        }
        let census_units = map.old.len();

        // New units.
        let nt = Table::read(
            "new_units.csv",
            new_units,
            &[
                "new_code",
                "new_name",
                "new_province",
                "new_province_code",
                "n_old_sources",
                "old_codes",
                "population_bando2025",
                "area_km2",
                "admin_center",
            ],
            &mut problems,
        );
        let c = |n| nt.col(n);
        let (nc, nn, np, npc, nsrc, nold, npop, narea, nadm) = (
            c("new_code"),
            c("new_name"),
            c("new_province"),
            c("new_province_code"),
            c("n_old_sources"),
            c("old_codes"),
            c("population_bando2025"),
            c("area_km2"),
            c("admin_center"),
        );
        let mut new_line: Vec<u64> = Vec::new();
        // What new_units.csv says of each new unit's sources, checked against the table below.
        let mut declared: Vec<(usize, Vec<String>)> = Vec::new();
        for (line, r) in &nt.rows {
            let code = get(r, nc).to_string();
            if let Some(&first) = map.new_by_code.get(&code) {
                problems.push(p(
                    nt.file,
                    *line,
                    crate::t!(
                        "map-check-new-code-twice",
                        code = code.as_str(),
                        first = new_line[first].to_string()
                    ),
                ));
                continue;
            }
            let name = get(r, nn).to_string();
            let kind = match name_kind(&name) {
                Some((k @ (UnitKind::Commune | UnitKind::Ward | UnitKind::SpecialZone), _)) => k,
                _ => {
                    problems.push(p(
                        nt.file,
                        *line,
                        crate::t!("map-check-no-kind", name = name.as_str()),
                    ));
                    continue;
                }
            };
            let pop = get(r, npop);
            let population = if pop.is_empty() {
                None
            } else if let Ok(v) = pop.parse::<u64>() {
                Some(v)
            } else {
                problems.push(p(
                    nt.file,
                    *line,
                    crate::t!(
                        "map-check-not-whole",
                        column = "population_bando2025",
                        value = pop
                    ),
                ));
                None
            };
            let area = get(r, narea);
            let area_km2 = if area.is_empty() {
                None
            } else {
                match area.parse::<f64>() {
                    Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
                    _ => {
                        problems.push(p(
                            nt.file,
                            *line,
                            crate::t!("map-check-bad-area", value = area),
                        ));
                        None
                    }
                }
            };
            let n_sources = get(r, nsrc).parse::<usize>().ok();
            let olds: Vec<String> = get(r, nold)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if n_sources != Some(olds.len()) {
                problems.push(p(
                    nt.file,
                    *line,
                    crate::t!(
                        "map-check-sources-vs-list",
                        value = get(r, nsrc),
                        count = olds.len()
                    ),
                ));
            }
            map.new_by_code.insert(code.clone(), map.new.len());
            new_line.push(*line);
            declared.push((map.new.len(), olds));
            map.new.push(NewUnit {
                code,
                name,
                kind,
                province: get(r, np).to_string(),
                province_code: get(r, npc).to_string(),
                population,
                area_km2,
                admin_center: get(r, nadm).to_string(),
                sources: Vec::new(),
            });
        }

        // The table.
        let mt = Table::read(
            "mapping.csv",
            mapping,
            &[
                "old_code",
                "old_name",
                "old_district",
                "old_district_code",
                "old_province",
                "old_province_code",
                "new_code",
                "nso_note",
                "n_new_targets",
                "n_old_sources",
            ],
            &mut problems,
        );
        let c = |n| mt.col(n);
        let (moc, mon, mod_, modc, mop, mopc, mnc, mnote, mtargets, msources) = (
            c("old_code"),
            c("old_name"),
            c("old_district"),
            c("old_district_code"),
            c("old_province"),
            c("old_province_code"),
            c("new_code"),
            c("nso_note"),
            c("n_new_targets"),
            c("n_old_sources"),
        );
        let mut pairs: HashMap<(usize, usize), u64> = HashMap::new();
        let mut link_line: Vec<u64> = Vec::new();
        let mut counts: Vec<(u64, usize, Option<usize>, Option<usize>)> = Vec::new();
        for (line, r) in &mt.rows {
            let old_code = get(r, moc);
            let new_code = get(r, mnc);
            let Some(&new) = map.new_by_code.get(new_code) else {
                problems.push(p(
                    mt.file,
                    *line,
                    crate::t!("map-check-new-unknown", code = new_code),
                ));
                continue;
            };
            let old = match map.old_by_code.get(old_code) {
                Some(&o) => o,
                // An island district or an unnumbered strip: not a commune, so not in the
                // census list; known from this table only.
                None if old_code.starts_with(['D', 'A']) && old_code.len() > 1 => {
                    let name = get(r, mon).to_string();
                    let kind = name_kind(&name).map_or(UnitKind::District, |(k, _)| k);
                    map.old_by_code.insert(old_code.to_string(), map.old.len());
                    old_line.push(*line);
                    map.old.push(OldUnit {
                        code: old_code.to_string(),
                        name,
                        kind,
                        district: get(r, mod_).to_string(),
                        district_code: String::new(),
                        province: String::new(),
                        province_code: String::new(),
                        population_2019: None,
                        population_flags: String::new(),
                        targets: Vec::new(),
                    });
                    map.old.len() - 1
                }
                None => {
                    problems.push(p(
                        mt.file,
                        *line,
                        crate::t!("map-check-old-unknown", code = old_code),
                    ));
                    continue;
                }
            };
            if let Some(first) = pairs.insert((old, new), *line) {
                problems.push(p(
                    mt.file,
                    *line,
                    crate::t!(
                        "map-check-link-twice",
                        old = old_code,
                        new = new_code,
                        first = first.to_string()
                    ),
                ));
                continue;
            }
            let o = &mut map.old[old];
            if o.province.is_empty() {
                o.district_code = get(r, modc).to_string();
                o.province = get(r, mop).to_string();
                o.province_code = get(r, mopc).to_string();
            }
            o.targets.push(map.links.len());
            map.new[new].sources.push(map.links.len());
            link_line.push(*line);
            counts.push((
                *line,
                map.links.len(),
                get(r, mtargets).parse().ok(),
                get(r, msources).parse().ok(),
            ));
            map.links.push(Link {
                old,
                new,
                part: false,
                note: get(r, mnote).to_string(),
            });
        }
        for (line, l, targets, sources) in counts {
            let link = &map.links[l];
            let (o, n) = (&map.old[link.old], &map.new[link.new]);
            if targets != Some(o.targets.len()) {
                problems.push(p(
                    mt.file,
                    line,
                    crate::t!(
                        "map-check-targets-count",
                        code = o.code.as_str(),
                        value =
                            targets.map_or(crate::t!("map-check-unreadable"), |t| t.to_string()),
                        count = o.targets.len()
                    ),
                ));
            }
            if sources != Some(n.sources.len()) {
                problems.push(p(
                    mt.file,
                    line,
                    crate::t!(
                        "map-check-sources-count",
                        code = n.code.as_str(),
                        value =
                            sources.map_or(crate::t!("map-check-unreadable"), |t| t.to_string()),
                        count = n.sources.len()
                    ),
                ));
            }
        }
        // A link is a part when its old unit went into two or more new units.
        for l in 0..map.links.len() {
            map.links[l].part = map.old[map.links[l].old].targets.len() > 1;
        }
        for (i, o) in map.old.iter().enumerate().take(census_units) {
            if o.targets.is_empty() {
                problems.push(p(
                    "old_units.csv",
                    old_line[i],
                    crate::t!(
                        "map-check-old-no-target",
                        code = o.code.as_str(),
                        name = o.name.as_str()
                    ),
                ));
            }
        }
        for (n, olds) in &declared {
            let unit = &map.new[*n];
            if unit.sources.is_empty() {
                problems.push(p(
                    "new_units.csv",
                    new_line[*n],
                    crate::t!(
                        "map-check-new-no-source",
                        code = unit.code.as_str(),
                        name = unit.name.as_str()
                    ),
                ));
                continue;
            }
            let mut table: Vec<&str> = unit
                .sources
                .iter()
                .map(|&l| map.old[map.links[l].old].code.as_str())
                .collect();
            let mut listed: Vec<&str> = olds.iter().map(String::as_str).collect();
            table.sort_unstable();
            listed.sort_unstable();
            if table != listed {
                problems.push(p(
                    "new_units.csv",
                    new_line[*n],
                    crate::t!(
                        "map-check-old-codes-disagree",
                        code = unit.code.as_str(),
                        listed = listed.join(";"),
                        table = table.join(";")
                    ),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (i, o) in map.old.iter().enumerate() {
            let bare = name_kind(&o.name).map_or(o.name.as_str(), |(_, b)| b);
            map.names.push((fold(bare), true, i));
        }
        for (i, n) in map.new.iter().enumerate() {
            let bare = name_kind(&n.name).map_or(n.name.as_str(), |(_, b)| b);
            map.names.push((fold(bare), false, i));
        }
        Ok(map)
    }

    /// The old unit with this code.
    pub fn old_unit(&self, code: &str) -> Option<&OldUnit> {
        self.old_by_code.get(code.trim()).map(|&i| &self.old[i])
    }

    /// The index of the old unit with this code.
    pub fn old_index(&self, code: &str) -> Option<usize> {
        self.old_by_code.get(code.trim()).copied()
    }

    /// The new unit with this code.
    pub fn new_unit(&self, code: &str) -> Option<&NewUnit> {
        self.new_by_code.get(code.trim()).map(|&i| &self.new[i])
    }

    /// The index of the new unit with this code.
    pub fn new_index(&self, code: &str) -> Option<usize> {
        self.new_by_code.get(code.trim()).copied()
    }

    /// Old units split among two or more new units, in file order.
    pub fn split_units(&self) -> impl Iterator<Item = &OldUnit> {
        self.old.iter().filter(|o| o.is_split())
    }

    /// Units by code (old and new) or by name, with or without tone marks and with or
    /// without the kind ("Xã Hòa Phú", "hoa phu", "HOÀ PHÚ"). Exact names first (new units
    /// before old), then names that contain the query's words; at most `limit` hits.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = query.trim();
        let mut hits = Vec::new();
        if let Some(&n) = self.new_by_code.get(q) {
            hits.push(Hit::New(n));
        }
        if let Some(&o) = self.old_by_code.get(q) {
            hits.push(Hit::Old(o));
        }
        if !hits.is_empty() {
            return hits;
        }
        let bare = name_kind(q).map_or(q, |(_, b)| b);
        let want = fold(bare);
        if want.is_empty() {
            return hits;
        }
        let kind = name_kind(q).map(|(k, _)| k);
        let hit = |old: bool, i: usize| if old { Hit::Old(i) } else { Hit::New(i) };
        let kind_ok = |old: bool, i: usize| {
            kind.is_none_or(|k| {
                if old {
                    self.old[i].kind == k
                } else {
                    self.new[i].kind == k
                }
            })
        };
        let padded = format!(" {want} ");
        let mut exact_new = Vec::new();
        let mut exact_old = Vec::new();
        let mut within = Vec::new();
        for (name, old, i) in &self.names {
            if !kind_ok(*old, *i) {
                continue;
            }
            if *name == want {
                if *old {
                    exact_old.push(hit(true, *i));
                } else {
                    exact_new.push(hit(false, *i));
                }
            } else if format!(" {name} ").contains(&padded) {
                within.push(hit(*old, *i));
            }
        }
        // New units come after old ones in `names`; put them first in each group.
        within.sort_by_key(|h| matches!(h, Hit::Old(_)));
        hits.extend(exact_new);
        hits.extend(exact_old);
        hits.extend(within);
        hits.truncate(limit);
        hits
    }

    /// The new units of a province, named with or without "Tỉnh"/"Thành phố" and tone marks
    /// ("Hà Nội", "ha noi", "Thành phố Hà Nội"), or by its 2-digit code; in file order.
    /// `None` when no province has that name.
    pub fn province(&self, name: &str) -> Option<Vec<usize>> {
        let want = province_key(name);
        let units: Vec<usize> = (0..self.new.len())
            .filter(|&i| {
                self.new[i].province_code == name.trim()
                    || province_key(&self.new[i].province) == want
            })
            .collect();
        (!units.is_empty()).then_some(units)
    }

    /// The 34 provinces' names, in the order of their codes.
    pub fn provinces(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .new
            .iter()
            .map(|n| (n.province_code.as_str(), n.province.as_str()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A province's name as compared: folded, without "tỉnh" / "thành phố".
fn province_key(name: &str) -> String {
    let f = fold(name);
    let f = f.strip_prefix("thanh pho ").unwrap_or(&f);
    let f = f.strip_prefix("tinh ").unwrap_or(f);
    f.to_string()
}

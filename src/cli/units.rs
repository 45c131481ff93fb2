//! `orgplan units`: looking up units of the 2025 map (`orgplan::map`).

use clap::Args;
use serde::Serialize;

use orgplan::i18n::fmt;
use orgplan::map::{self, Hit, Map};
use orgplan::t;

use super::{output, ExitStatus, Fail, Format};

/// Arguments of `orgplan units`.
#[derive(Debug, Args)]
pub struct UnitsArgs {
    /// A code ("10096") or a name, with or without tone marks and kind ("Hòa Phú", "hoa phu",
    /// "Xã Hòa Phú"). Leave out with --split.
    query: Option<String>,
    /// List the old units split among several new units (of a province with --province).
    #[arg(long)]
    split: bool,
    /// Only units of this province (new province, e.g. "Hà Nội").
    #[arg(long)]
    province: Option<String>,
    /// At most this many units.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// One old unit as shown.
#[derive(Debug, Serialize)]
struct OldRow<'a> {
    code: &'a str,
    name: &'a str,
    district: &'a str,
    province: &'a str,
    population_2019: Option<u64>,
    split: bool,
    into: Vec<Dest<'a>>,
}

/// Where an old unit went, or what a new unit took.
#[derive(Debug, Serialize)]
struct Dest<'a> {
    code: &'a str,
    name: &'a str,
    part: bool,
    note: &'a str,
}

/// One new unit as shown.
#[derive(Debug, Serialize)]
struct NewRow<'a> {
    code: &'a str,
    name: &'a str,
    province: &'a str,
    population: Option<u64>,
    area_km2: Option<f64>,
    admin_center: &'a str,
    from: Vec<Source<'a>>,
}

#[derive(Debug, Serialize)]
struct Source<'a> {
    code: &'a str,
    name: &'a str,
    district: &'a str,
    part: bool,
    note: &'a str,
}

#[derive(Debug, Serialize)]
struct Found<'a> {
    new_units: Vec<NewRow<'a>>,
    old_units: Vec<OldRow<'a>>,
}

fn new_row(map: &Map, n: usize) -> NewRow<'_> {
    let u = &map.new[n];
    NewRow {
        code: &u.code,
        name: &u.name,
        province: &u.province,
        population: u.population,
        area_km2: u.area_km2,
        admin_center: &u.admin_center,
        from: u
            .sources
            .iter()
            .map(|&l| {
                let link = &map.links[l];
                let o = &map.old[link.old];
                Source {
                    code: &o.code,
                    name: &o.name,
                    district: &o.district,
                    part: link.part,
                    note: &link.note,
                }
            })
            .collect(),
    }
}

fn old_row(map: &Map, o: usize) -> OldRow<'_> {
    let u = &map.old[o];
    OldRow {
        code: &u.code,
        name: &u.name,
        district: &u.district,
        province: &u.province,
        population_2019: u.population_2019,
        split: u.is_split(),
        into: u
            .targets
            .iter()
            .map(|&l| {
                let link = &map.links[l];
                let n = &map.new[link.new];
                Dest {
                    code: &n.code,
                    name: &n.name,
                    part: link.part,
                    note: &link.note,
                }
            })
            .collect(),
    }
}

fn int(n: Option<u64>) -> String {
    n.map_or_else(|| t!("map-unknown"), fmt::int)
}

fn how(part: bool) -> String {
    if part {
        t!("map-part")
    } else {
        t!("map-whole")
    }
}

fn note(n: &str) -> String {
    // The statistics office's own words, as written.
    if n.is_empty() {
        String::new()
    } else {
        format!(" ({n})")
    }
}

fn text(found: &Found<'_>) -> String {
    let mut out = String::new();
    for n in &found.new_units {
        let line = t!(
            "map-new-unit",
            name = n.name,
            code = n.code,
            province = n.province,
            population = int(n.population),
            area = n
                .area_km2
                .map_or_else(|| t!("map-unknown"), |a| fmt::decimal(a, 2)),
            center = n.admin_center
        );
        out.push_str(&line);
        out.push('\n');
        out.push_str(&format!(
            "  {}\n",
            t!("map-formed-from", count = n.from.len() as u64)
        ));
        for s in &n.from {
            let line = t!(
                "map-source",
                name = s.name,
                code = s.code,
                district = s.district,
                how = how(s.part),
                note = note(s.note)
            );
            out.push_str(&format!("    {line}\n"));
        }
        out.push('\n');
    }
    for o in &found.old_units {
        let split = if o.split {
            t!("map-split-among", count = o.into.len() as u64)
        } else {
            String::new()
        };
        let line = t!(
            "map-old-unit",
            name = o.name,
            code = o.code,
            district = o.district,
            province = o.province,
            population = int(o.population_2019),
            split = split
        );
        out.push_str(&line);
        out.push('\n');
        for d in &o.into {
            let line = t!(
                "map-destination",
                name = d.name,
                code = d.code,
                how = how(d.part),
                note = note(d.note)
            );
            out.push_str(&format!("  {line}\n"));
        }
        out.push('\n');
    }
    out
}

/// Runs `orgplan units`.
pub fn run(args: &UnitsArgs) -> Result<ExitStatus, Fail> {
    let map = map::official();
    let province: Option<Vec<usize>> = match &args.province {
        Some(p) => Some(
            map.province(p)
                .ok_or_else(|| Fail::Tool(t!("map-no-province", name = p.as_str())))?,
        ),
        None => None,
    };
    let in_province = |n: usize| province.as_ref().is_none_or(|ps| ps.contains(&n));
    let old_in_province = |o: usize| {
        map.old[o]
            .targets
            .iter()
            .any(|&l| in_province(map.links[l].new))
    };
    let mut found = Found {
        new_units: Vec::new(),
        old_units: Vec::new(),
    };
    if args.split {
        for (o, u) in map.old.iter().enumerate() {
            if u.is_split() && old_in_province(o) {
                found.old_units.push(old_row(map, o));
            }
        }
    } else {
        let Some(q) = &args.query else {
            return Err(Fail::Tool(t!("map-need-query")));
        };
        for hit in map.search(q, usize::MAX) {
            if found.new_units.len() + found.old_units.len() >= args.limit {
                break;
            }
            match hit {
                Hit::New(n) if in_province(n) => found.new_units.push(new_row(map, n)),
                Hit::Old(o) if old_in_province(o) => found.old_units.push(old_row(map, o)),
                _ => {}
            }
        }
    }
    if found.new_units.is_empty() && found.old_units.is_empty() {
        let query = args.query.as_deref().unwrap_or("");
        super::printer::error(&t!("map-no-match", query = query));
        return Ok(ExitStatus::Failure);
    }
    let bytes = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&found)
                .map_err(|e| Fail::Tool(t!("map-check-json-failed", error = e.to_string())))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Table => text(&found).into_bytes(),
        Format::Csv | Format::Xlsx => return Err(Fail::Tool(t!("map-formats"))),
    };
    output::emit(None, &bytes)?;
    Ok(ExitStatus::Success)
}

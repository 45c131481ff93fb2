//! `orgplan units`: looking up units of the 2025 map (`orgplan::map`).

use clap::Args;
use serde::Serialize;

use orgplan::map::{self, Hit, Map};

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
    // Vietnamese thousands separators: 48.822.
    n.map_or("?".into(), |p| orgplan::report::vnd(p).replace(',', "."))
}

fn text(found: &Found<'_>) -> String {
    let mut out = String::new();
    for n in &found.new_units {
        out.push_str(&format!(
            "{} [{}], {} — từ 01/07/2025; dân số ≈ {}, diện tích {} km²; trụ sở: {}\n",
            n.name,
            n.code,
            n.province,
            int(n.population),
            n.area_km2
                .map_or("?".into(), |a| format!("{a:.2}").replace('.', ",")),
            n.admin_center
        ));
        out.push_str(&format!("  hình thành từ {} đơn vị:\n", n.from.len()));
        for s in &n.from {
            out.push_str(&format!(
                "    {} [{}], {} — {}{}\n",
                s.name,
                s.code,
                s.district,
                if s.part { "một phần" } else { "toàn bộ" },
                if s.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.note)
                }
            ));
        }
        out.push('\n');
    }
    for o in &found.old_units {
        out.push_str(&format!(
            "{} [{}], {}, {} — trước 01/07/2025; dân số 2019: {}{}\n",
            o.name,
            o.code,
            o.district,
            o.province,
            int(o.population_2019),
            if o.split {
                format!("; chia cho {} đơn vị mới", o.into.len())
            } else {
                String::new()
            }
        ));
        for d in &o.into {
            out.push_str(&format!(
                "  → {} [{}] — {}{}\n",
                d.name,
                d.code,
                if d.part { "một phần" } else { "toàn bộ" },
                if d.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", d.note)
                }
            ));
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
                .ok_or_else(|| Fail::Tool(format!("no province is named \"{p}\"")))?,
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
            return Err(Fail::Tool(
                "name a unit (a code or a name), or pass --split".into(),
            ));
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
        super::printer::error("no unit of the 2025 map matches");
        return Ok(ExitStatus::Failure);
    }
    let bytes = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&found)
                .map_err(|e| Fail::Tool(format!("cannot write JSON: {e}")))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Table => text(&found).into_bytes(),
        Format::Csv | Format::Xlsx => {
            return Err(Fail::Tool(
                "units prints a table or JSON (--format table|json)".into(),
            ))
        }
    };
    output::emit(None, &bytes)?;
    Ok(ExitStatus::Success)
}

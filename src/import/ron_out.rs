//! Writing a model file that reads like the shipped examples: an entity on one line when it
//! fits in 100 columns, else one field per line; fields at their default left out.
//!
//! Written by hand rather than with `ron::ser::PrettyConfig`: ron writes every field (empty
//! lists, `None`s, zero allowances) and one field per line, which turns a 40-person table into
//! a file five times longer than the examples; the raw structs stay plain mirrors of SPEC.

use std::fmt::Write as _;

use crate::files::raw::{RawFunction, RawMandate, RawModel, RawPosition, RawStaff, RawUnit};

/// Lines longer than this are broken one field per line.
const WIDTH: usize = 100;

/// The RON text of a model (`Model(...)`), ending with a newline. It parses back to the same
/// [`RawModel`].
pub fn model_to_ron(m: &RawModel) -> String {
    let mut out = String::new();
    out.push_str("Model(\n");
    let _ = writeln!(out, "    name: {},", string(&m.name));
    let _ = writeln!(out, "    as_of: {},", string(&m.as_of));
    list(&mut out, "functions", m.functions.iter().map(function));
    list(&mut out, "units", m.units.iter().map(unit));
    list(&mut out, "mandates", m.mandates.iter().map(mandate));
    list(&mut out, "positions", m.positions.iter().map(position));
    list(&mut out, "staff", m.staff.iter().map(staff));
    out.push_str(")\n");
    out
}

/// An entity: its struct name and its fields as `name: value` pairs.
struct Entity {
    name: &'static str,
    fields: Vec<(&'static str, String)>,
}

fn list(out: &mut String, name: &str, items: impl Iterator<Item = Entity>) {
    let items: Vec<Entity> = items.collect();
    if items.is_empty() {
        let _ = writeln!(out, "    {name}: [],");
        return;
    }
    let _ = writeln!(out, "    {name}: [");
    for e in items {
        let fields: Vec<String> = e.fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        let line = format!("        {}({}),", e.name, fields.join(", "));
        if line.chars().count() <= WIDTH {
            out.push_str(&line);
            out.push('\n');
        } else {
            let _ = writeln!(out, "        {}(", e.name);
            for f in fields {
                let _ = writeln!(out, "            {f},");
            }
            out.push_str("        ),\n");
        }
    }
    out.push_str("    ],\n");
}

/// A RON string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn strings(xs: &[String]) -> String {
    let inner: Vec<String> = xs.iter().map(|s| string(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// A float as RON reads it back exactly (`3.99`, `4.0`).
fn float(x: f64) -> String {
    format!("{x:?}")
}

fn function(f: &RawFunction) -> Entity {
    let mut fields = vec![("id", string(&f.id)), ("name", string(&f.name))];
    if !f.sector.is_empty() {
        fields.push(("sector", string(&f.sector)));
    }
    if !f.description.is_empty() {
        fields.push(("description", string(&f.description)));
    }
    if let Some(l) = f.level {
        fields.push(("level", l.as_str().to_string()));
    }
    if !f.required_for.is_empty() {
        let kinds: Vec<&str> = f.required_for.iter().map(|k| k.as_str()).collect();
        fields.push(("required_for", format!("[{}]", kinds.join(", "))));
    }
    Entity {
        name: "Function",
        fields,
    }
}

fn unit(u: &RawUnit) -> Entity {
    let mut fields = vec![
        ("id", string(&u.id)),
        ("name", string(&u.name)),
        ("kind", u.kind.as_str().to_string()),
    ];
    if let Some(p) = &u.parent {
        fields.push(("parent", string(p)));
    }
    if let Some(c) = u.class {
        fields.push(("class", c.as_str().to_string()));
    }
    if let Some(p) = u.population {
        fields.push(("population", p.to_string()));
    }
    if let Some(a) = u.area_km2 {
        fields.push(("area_km2", float(a)));
    }
    if let Some(c) = &u.code {
        fields.push(("code", string(c)));
    }
    Entity {
        name: "Unit",
        fields,
    }
}

fn mandate(m: &RawMandate) -> Entity {
    let role = match m.role {
        crate::files::raw::Role::Lead => "Lead",
        crate::files::raw::Role::Coordinate => "Coordinate",
    };
    Entity {
        name: "Mandate",
        fields: vec![
            ("unit", string(&m.unit)),
            ("function", string(&m.function)),
            ("role", role.to_string()),
        ],
    }
}

fn position(p: &RawPosition) -> Entity {
    let mut fields = vec![
        ("id", string(&p.id)),
        ("unit", string(&p.unit)),
        ("title", string(&p.title)),
        ("kind", p.kind.as_str().to_string()),
    ];
    if !p.functions.is_empty() {
        fields.push(("functions", strings(&p.functions)));
    }
    fields.push(("quota", p.quota.to_string()));
    if !p.requires.is_empty() {
        fields.push(("requires", strings(&p.requires)));
    }
    if !p.prefers.is_empty() {
        fields.push(("prefers", strings(&p.prefers)));
    }
    if p.allowance_coefficient != 0.0 {
        fields.push(("allowance_coefficient", float(p.allowance_coefficient)));
    }
    if let Some(g) = p.gender {
        fields.push(("gender", g.as_str().to_string()));
    }
    Entity {
        name: "Position",
        fields,
    }
}

fn staff(s: &RawStaff) -> Entity {
    let mut fields = vec![
        ("id", string(&s.id)),
        ("name", string(&s.name)),
        ("gender", s.gender.as_str().to_string()),
        ("born", string(&s.born)),
    ];
    if let Some(p) = &s.position {
        fields.push(("position", string(p)));
    }
    if !s.grade.is_empty() {
        fields.push(("grade", string(&s.grade)));
    }
    fields.push(("salary_coefficient", float(s.salary_coefficient)));
    if let Some(a) = s.allowance_coefficient {
        fields.push(("allowance_coefficient", float(a)));
    }
    if s.insured_months != 0 {
        fields.push(("insured_months", s.insured_months.to_string()));
    }
    if let Some(c) = s.category {
        fields.push(("category", c.as_str().to_string()));
    }
    if let Some(p) = s.beyond_frame_pct {
        fields.push(("beyond_frame_pct", p.to_string()));
    }
    if let Some(o) = s.other_allowances {
        fields.push(("other_allowances", float(o)));
    }
    if !s.qualifications.is_empty() {
        fields.push(("qualifications", strings(&s.qualifications)));
    }
    Entity {
        name: "Staff",
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::raw::RawModel;

    #[test]
    fn the_shipped_model_survives_writing() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/chuong-my-2024.ron");
        let src = crate::files::read_source(std::path::Path::new(path)).unwrap();
        let raw: RawModel = crate::files::deserialize(&src).unwrap();
        let text = model_to_ron(&raw);
        let back: RawModel = crate::files::ron_options().from_str(&text).unwrap();
        assert_eq!(back, raw);
    }

    #[test]
    fn strings_with_quotes_and_newlines_survive() {
        let s = "Tổ \"một\"\\ cửa\n\tđiểm\u{1}";
        let back: String = crate::files::ron_options().from_str(&string(s)).unwrap();
        assert_eq!(back, s);
    }
}

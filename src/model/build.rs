//! Checking a parsed Model or Norms file and resolving its ids (SPEC §2). Every check runs and
//! every problem is collected; the checked value is returned only when there is no error.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Arc;

use super::ids::nfc_owned;
use super::*;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::files::locate::Node;
use crate::files::raw::{RawModel, RawNorms};
use crate::files::{self, source::SourceFile};

/// Collects diagnostics about one file, with positions from its scanned tree.
pub(crate) struct Checker<'a> {
    pub src: &'a Arc<SourceFile>,
    pub root: &'a Node,
    pub diags: Diagnostics,
}

/// The entity node at `root.list[i]` (or the root when the list is missing).
pub(crate) fn item<'n>(root: &'n Node, list: &str, i: usize) -> &'n Node {
    root.field(list)
        .and_then(|l| l.items().get(i))
        .unwrap_or(root)
}

impl<'a> Checker<'a> {
    pub fn new(src: &'a Arc<SourceFile>, root: &'a Node) -> Self {
        Checker {
            src,
            root,
            diags: Diagnostics::new(),
        }
    }

    /// Reports a problem with an entity: line and column are the entity's; the underline is
    /// on the field's value when the field is written.
    pub fn report(
        &mut self,
        severity: Severity,
        entity_node: &Node,
        field: Option<&str>,
        entity: String,
        message: String,
        help: Option<String>,
    ) {
        let span_node = field
            .and_then(|f| entity_node.field(f))
            .unwrap_or(entity_node);
        let len = if std::ptr::eq(span_node, entity_node) {
            // Underline only the entity's name, not its whole body.
            entity_node
                .name()
                .map_or(entity_node.len.min(1), |n| n.len())
        } else {
            span_node.len
        };
        let mut d = Diagnostic::at(severity, self.src, span_node.offset, len, message)
            .with_entity(entity, field);
        let (line, column) = self.src.line_col(entity_node.offset);
        d.line = line;
        d.column = column;
        d.help = help;
        self.diags.push(d);
    }

    pub fn error_help(
        &mut self,
        node: &Node,
        field: Option<&str>,
        entity: String,
        message: String,
        help: String,
    ) {
        self.report(Severity::Error, node, field, entity, message, Some(help));
    }

    pub fn warning(
        &mut self,
        node: &Node,
        field: Option<&str>,
        entity: String,
        message: String,
        help: Option<String>,
    ) {
        self.report(Severity::Warning, node, field, entity, message, help);
    }

    /// Checks that a number is finite and not negative.
    pub fn number(&mut self, node: &Node, field: &str, entity: &dyn Fn() -> String, value: f64) {
        if value.is_nan() {
            self.error_help(
                node,
                Some(field),
                entity(),
                format!("`{field}` is NaN (not a number)"),
                "write a number, e.g. 3.99".into(),
            );
        } else if value.is_infinite() {
            self.error_help(
                node,
                Some(field),
                entity(),
                format!("`{field}` is infinite"),
                "write a finite number".into(),
            );
        } else if value < 0.0 {
            self.error_help(
                node,
                Some(field),
                entity(),
                format!("`{field}` is negative ({value})"),
                "this value cannot be below zero".into(),
            );
        }
    }

    /// Checks a salary or allowance coefficient: a number as [`Checker::number`], and no
    /// larger than the law module accepts.
    pub fn coefficient(
        &mut self,
        node: &Node,
        field: &str,
        entity: &dyn Fn() -> String,
        value: f64,
    ) {
        self.number(node, field, entity, value);
        if value > crate::law::package::MAX_COEFFICIENT {
            self.error_help(
                node,
                Some(field),
                entity(),
                format!("`{field}` is {value}: not a salary coefficient"),
                format!(
                    "coefficients are multiples of the base salary (e.g. 3.99); at most {}",
                    crate::law::package::MAX_COEFFICIENT
                ),
            );
        }
    }

    /// Registers an id; reports a duplicate (pointing back at the first definition).
    pub fn unique(
        &mut self,
        map: &mut IdMap,
        id: String,
        i: usize,
        node: &Node,
        what: &str,
        first_node: &dyn Fn(usize) -> usize,
    ) {
        match map.entry(id) {
            Entry::Vacant(v) => {
                v.insert(i);
            }
            Entry::Occupied(o) => {
                let first = *o.get();
                let (line, _) = self.src.line_col(first_node(first));
                self.error_help(
                    node,
                    Some("id"),
                    format!("{what} \"{}\"", o.key()),
                    format!("duplicate id: another {what} has the id \"{}\"", o.key()),
                    format!("the first is at line {line}; give each {what} its own id"),
                );
            }
        }
    }

    fn finish<T>(self, value: T) -> Result<Loaded<T>, Diagnostics> {
        if self.diags.has_errors() {
            Err(self.diags)
        } else {
            Ok(Loaded {
                value,
                warnings: self.diags,
            })
        }
    }
}

/// Checks a `Model(...)` text and builds the model.
pub fn check_model(src: &Arc<SourceFile>) -> Result<Loaded<Model>, Diagnostics> {
    expect_kind(src, files::FileKind::Model)?;
    // Positions are needed only to report problems: check first without them (a clean
    // national model then skips the position scan), and read the file again with them only
    // when something is to be reported.
    let raw = files::deserialize::<RawModel>(src).map_err(|d| Diagnostics(vec![d]))?;
    let blank = Node {
        offset: 0,
        len: 0,
        shape: files::locate::Shape::Scalar,
    };
    let mut fast = Checker::new(src, &blank);
    let model = build_model(&mut fast, raw);
    if fast.diags.is_empty() {
        return fast.finish(model);
    }
    drop(model);
    let parsed = files::parse::<RawModel>(src).map_err(|d| Diagnostics(vec![d]))?;
    let mut c = Checker::new(src, &parsed.tree);
    let model = build_model(&mut c, parsed.raw);
    c.finish(model)
}

/// Checks that a file is of the expected kind (its first word).
pub(crate) fn expect_kind(
    src: &Arc<SourceFile>,
    expected: files::FileKind,
) -> Result<(), Diagnostics> {
    let kind = files::detect_kind(src).map_err(|d| Diagnostics(vec![d]))?;
    if kind != expected {
        return Err(wrong_kind(src, kind, expected));
    }
    Ok(())
}

/// The diagnostic for a file of the wrong kind.
pub(crate) fn wrong_kind(
    src: &Arc<SourceFile>,
    found: files::FileKind,
    expected: files::FileKind,
) -> Diagnostics {
    let at = files::locate::next_token(&src.text, 0);
    Diagnostics(vec![Diagnostic::at(
        Severity::Error,
        src,
        at,
        found.as_str().len(),
        format!(
            "expected a {}(...) file, but this is a {}(...) file",
            expected.as_str(),
            found.as_str()
        ),
    )
    .with_help(format!("name a {} file here", expected.as_str()))])
}

fn build_model(c: &mut Checker<'_>, raw: RawModel) -> Model {
    let root = c.root;
    let as_of = match super::parse_date(&raw.as_of) {
        Some(d) => d,
        None => {
            c.error_help(
                root,
                Some("as_of"),
                "Model".into(),
                format!("`as_of` is not a valid date: \"{}\"", raw.as_of),
                "write the date as \"YYYY-MM-DD\", e.g. \"2024-12-31\"".into(),
            );
            NaiveDate::MIN
        }
    };
    let offset_of = |list: &'static str| move |i: usize| item(root, list, i).offset;

    // Functions.
    let mut index = Index::default();
    let mut functions = Vec::with_capacity(raw.functions.len());
    for (i, f) in raw.functions.into_iter().enumerate() {
        let id = nfc_owned(&f.id);
        let node = item(root, "functions", i);
        c.unique(
            &mut index.functions,
            id.clone(),
            i,
            node,
            "Function",
            &offset_of("functions"),
        );
        functions.push(Function {
            id,
            name: f.name,
            sector: f.sector,
            description: f.description,
            level: f.level,
            required_for: f.required_for,
        });
    }

    // Units (parents resolved after all ids are known).
    let mut units = Vec::with_capacity(raw.units.len());
    for (i, u) in raw.units.iter().enumerate() {
        let id = nfc_owned(&u.id);
        let node = item(root, "units", i);
        c.unique(
            &mut index.units,
            id.clone(),
            i,
            node,
            "Unit",
            &offset_of("units"),
        );
        if let Some(a) = u.area_km2 {
            c.number(node, "area_km2", &|| format!("Unit \"{id}\""), a);
        }
        if let Some(code) = &u.code {
            check_code(c, node, &|| format!("Unit \"{id}\""), code);
        }
        units.push(Unit {
            id,
            name: u.name.clone(),
            kind: u.kind,
            parent: None,
            class: u.class,
            population: u.population,
            area_km2: u.area_km2,
            code: u.code.clone(),
            merged_into: None,
        });
    }
    for (i, u) in raw.units.iter().enumerate() {
        if let Some(p) = &u.parent {
            let node = item(root, "units", i);
            match index.units.get(nfc_owned(p).as_str()) {
                Some(&pi) => units[i].parent = Some(pi),
                None => c.error_help(
                    node,
                    Some("parent"),
                    format!("Unit \"{}\"", units[i].id),
                    format!("parent \"{p}\" is not a unit of this model"),
                    "name the id of a unit listed in `units`, or remove `parent`".into(),
                ),
            }
        }
    }
    check_cycles(c, &mut units);

    // Mandates.
    let mut mandates = Vec::with_capacity(raw.mandates.len());
    let mut seen_mandates: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, m) in raw.mandates.iter().enumerate() {
        let node = item(root, "mandates", i);
        let entity = || format!("Mandate {} → {}", m.unit, m.function);
        let unit = index.units.get(nfc_owned(&m.unit).as_str()).copied();
        let function = index
            .functions
            .get(nfc_owned(&m.function).as_str())
            .copied();
        if unit.is_none() {
            c.error_help(
                node,
                Some("unit"),
                entity(),
                format!("unit \"{}\" is not a unit of this model", m.unit),
                "name the id of a unit listed in `units`".into(),
            );
        }
        if function.is_none() {
            c.error_help(
                node,
                Some("function"),
                entity(),
                format!(
                    "function \"{}\" is not a function of this model",
                    m.function
                ),
                "name the id of a function listed in `functions`".into(),
            );
        }
        if let (Some(unit), Some(function)) = (unit, function) {
            if let Some(&first) = seen_mandates.get(&(unit, function)) {
                let (line, _) = c.src.line_col(item(root, "mandates", first).offset);
                c.warning(
                    node,
                    Some("function"),
                    entity(),
                    "this mandate is listed twice".into(),
                    Some(format!(
                        "the first is at line {line}; the later one is ignored"
                    )),
                );
            } else {
                seen_mandates.insert((unit, function), i);
                mandates.push(Mandate {
                    unit,
                    function,
                    role: m.role,
                });
            }
        }
    }

    // Positions.
    let mut positions = Vec::with_capacity(raw.positions.len());
    for (i, p) in raw.positions.into_iter().enumerate() {
        let id = nfc_owned(&p.id);
        let node = item(root, "positions", i);
        c.unique(
            &mut index.positions,
            id.clone(),
            i,
            node,
            "Position",
            &offset_of("positions"),
        );
        let unit = match index.units.get(nfc_owned(&p.unit).as_str()) {
            Some(&u) => u,
            None => {
                c.error_help(
                    node,
                    Some("unit"),
                    format!("Position \"{id}\""),
                    format!("unit \"{}\" is not a unit of this model", p.unit),
                    "name the id of a unit listed in `units`".into(),
                );
                usize::MAX
            }
        };
        let functions =
            resolve_functions(c, node, &format!("Position \"{id}\""), &p.functions, &index);
        c.coefficient(
            node,
            "allowance_coefficient",
            &|| format!("Position \"{id}\""),
            p.allowance_coefficient,
        );
        if p.quota == 0 {
            c.warning(
                node,
                Some("quota"),
                format!("Position \"{id}\""),
                "quota 0: nobody may hold this post".into(),
                Some("remove the post, or give it a quota of 1 or more".into()),
            );
        }
        positions.push(Position::from_raw(p, id, unit, functions));
    }

    // Staff.
    let mut staff = Vec::with_capacity(raw.staff.len());
    let mut held = vec![0u32; positions.len()];
    for (i, s) in raw.staff.into_iter().enumerate() {
        let id = nfc_owned(&s.id);
        let node = item(root, "staff", i);
        c.unique(
            &mut index.staff,
            id.clone(),
            i,
            node,
            "Staff",
            &offset_of("staff"),
        );
        let entity = || format!("Staff \"{id}\"");
        let born = match super::parse_birth(&s.born) {
            Some(b) => {
                if b > as_of && as_of != NaiveDate::MIN {
                    c.error_help(
                        node,
                        Some("born"),
                        entity(),
                        format!("born {} — after the model's date `as_of` {as_of}", s.born),
                        "check the birth date (YYYY-MM-DD or YYYY-MM) and the model's as_of".into(),
                    );
                }
                b
            }
            None => {
                c.error_help(
                    node,
                    Some("born"),
                    entity(),
                    format!("`born` is not a valid date: \"{}\"", s.born),
                    "write \"YYYY-MM-DD\" or \"YYYY-MM\", e.g. \"1969-03\"".into(),
                );
                NaiveDate::MIN
            }
        };
        let position = match &s.position {
            None => None,
            Some(p) => match index.positions.get(nfc_owned(p).as_str()) {
                Some(&pi) => {
                    held[pi] += 1;
                    Some(pi)
                }
                None => {
                    c.error_help(
                        node,
                        Some("position"),
                        entity(),
                        format!("position \"{p}\" is not a post of this model"),
                        "name the id of a post listed in `positions`, or remove `position` for someone not placed".into(),
                    );
                    None
                }
            },
        };
        c.coefficient(node, "salary_coefficient", &entity, s.salary_coefficient);
        if let Some(a) = s.allowance_coefficient {
            c.coefficient(node, "allowance_coefficient", &entity, a);
        }
        let allowance = s
            .allowance_coefficient
            .or_else(|| position.map(|p| positions[p].allowance_coefficient))
            .unwrap_or(0.0);
        staff.push(Staff {
            id,
            name: s.name,
            gender: s.gender,
            born,
            position,
            grade: s.grade,
            salary_coefficient: s.salary_coefficient,
            allowance_coefficient: allowance,
            allowance_explicit: s.allowance_coefficient.is_some(),
            insured_months: s.insured_months,
            qualifications: s.qualifications.iter().map(|t| nfc_owned(t)).collect(),
        });
    }
    for (pi, &n) in held.iter().enumerate() {
        let p = &positions[pi];
        if n > p.quota {
            c.warning(
                item(root, "positions", pi),
                Some("quota"),
                format!("Position \"{}\"", p.id),
                format!("{n} people hold this post, over its quota of {}", p.quota),
                Some(
                    "over-quota posts are common before a merger; the plan brings them to the norm"
                        .into(),
                ),
            );
        }
    }

    Model {
        name: raw.name,
        as_of,
        functions,
        units,
        mandates,
        positions,
        staff,
        index,
        source: Some(c.src.clone()),
    }
}

/// Resolves a list of function ids, reporting the ones that do not exist.
pub(crate) fn resolve_functions(
    c: &mut Checker<'_>,
    node: &Node,
    entity: &str,
    ids: &[String],
    index: &Index,
) -> Vec<FunctionIx> {
    let mut out = Vec::with_capacity(ids.len());
    for f in ids {
        match index.functions.get(nfc_owned(f).as_str()) {
            Some(&fi) => {
                if !out.contains(&fi) {
                    out.push(fi)
                }
            }
            None => c.error_help(
                node,
                Some("functions"),
                entity.to_string(),
                format!("function \"{f}\" is not a function of the model"),
                "name the id of a function listed in the model's `functions`".into(),
            ),
        }
    }
    out
}

/// Finds cycles in the parent chain, names each once, and cuts it so later code terminates.
fn check_cycles(c: &mut Checker<'_>, units: &mut [Unit]) {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; units.len()];
    for start in 0..units.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut u = Some(start);
        while let Some(x) = u {
            match state[x] {
                0 => {
                    state[x] = 1;
                    path.push(x);
                    u = units[x].parent;
                }
                1 => {
                    // A cycle: from x's place in the path to the end.
                    let pos = path.iter().position(|&p| p == x).unwrap_or(0);
                    let cycle: Vec<usize> = path[pos..].to_vec();
                    let names: Vec<&str> = cycle
                        .iter()
                        .chain(std::iter::once(&x))
                        .map(|&i| units[i].id.as_str())
                        .collect();
                    let last = *cycle.last().unwrap_or(&x);
                    let node = item(c.root, "units", last);
                    c.error_help(
                        node,
                        Some("parent"),
                        format!("Unit \"{}\"", units[last].id),
                        format!(
                            "the parent chain goes round in a cycle: {}",
                            names.join(" → ")
                        ),
                        "a unit cannot belong, directly or not, to itself; fix one `parent`".into(),
                    );
                    units[last].parent = None;
                    break;
                }
                _ => break,
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
}

/// Checks a `Norms(...)` text.
pub fn check_norms(src: &Arc<SourceFile>) -> Result<Loaded<Norms>, Diagnostics> {
    expect_kind(src, files::FileKind::Norms)?;
    let parsed = files::parse::<RawNorms>(src).map_err(|d| Diagnostics(vec![d]))?;
    let mut c = Checker::new(src, &parsed.tree);
    let root = c.root;
    let raw = parsed.raw;
    let mut ids = IdMap::default();
    let mut templates = Vec::with_capacity(raw.templates.len());
    for (i, t) in raw.templates.into_iter().enumerate() {
        let id = nfc_owned(&t.id);
        let node = item(root, "templates", i);
        c.unique(&mut ids, id.clone(), i, node, "Template", &|j| {
            item(root, "templates", j).offset
        });
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut positions = Vec::with_capacity(t.positions.len());
        for (j, mut p) in t.positions.into_iter().enumerate() {
            let pnode = node
                .field("positions")
                .and_then(|l| l.items().get(j))
                .unwrap_or(node);
            p.key = nfc_owned(&p.key);
            let entity = format!("TemplatePosition \"{}\" of template \"{id}\"", p.key);
            if let Some(&first) = keys.get(&p.key) {
                c.error_help(
                    pnode,
                    Some("key"),
                    entity.clone(),
                    format!("duplicate key \"{}\" in this template", p.key),
                    format!(
                        "the first is position {} of the template; keys must differ",
                        first + 1
                    ),
                );
            } else {
                keys.insert(p.key.clone(), j);
            }
            c.coefficient(
                pnode,
                "allowance_coefficient",
                &|| entity.clone(),
                p.allowance_coefficient,
            );
            p.requires = p.requires.iter().map(|t| nfc_owned(t)).collect();
            p.prefers = p.prefers.iter().map(|t| nfc_owned(t)).collect();
            p.functions = p.functions.iter().map(|t| nfc_owned(t)).collect();
            positions.push(p);
        }
        let growth = t.growth.as_ref().map(|g| {
            let mut to = Vec::with_capacity(g.to.len());
            for key in &g.to {
                match positions.iter().position(|p| p.key == nfc_owned(key)) {
                    Some(j) => to.push(j),
                    None => c.error_help(
                        node,
                        Some("growth"),
                        format!("Template \"{id}\""),
                        format!("growth names the post \"{key}\", which is not in this template"),
                        "name the `key` of one of the template's posts".into(),
                    ),
                }
            }
            if g.per == 0 {
                c.error_help(
                    node,
                    Some("growth"),
                    format!("Template \"{id}\""),
                    "growth `per` is 0".into(),
                    "write how many people add one post, e.g. `per: 2000`".into(),
                );
            }
            Growth {
                above: g.above,
                per: g.per,
                to,
                max: g.max,
            }
        });
        templates.push(Template {
            id,
            name: t.name,
            unit_kind: t.unit_kind,
            class: t.class,
            positions,
            growth,
        });
    }
    for (i, s) in raw.standards.iter().enumerate() {
        if let Some(a) = s.min_area_km2 {
            let node = item(root, "standards", i);
            c.number(
                node,
                "min_area_km2",
                &|| format!("Standard for {}", s.unit_kind.as_str()),
                a,
            );
        }
    }
    let norms = Norms {
        name: raw.name,
        templates,
        standards: raw
            .standards
            .into_iter()
            .map(|s| Standard {
                unit_kind: s.unit_kind,
                min_population: s.min_population,
                min_area_km2: s.min_area_km2,
            })
            .collect(),
        path: src.path.clone(),
    };
    c.finish(norms)
}

/// An official statistics code: 1 to 8 ASCII letters or digits (`"10096"`, `"D318"`).
pub(crate) fn check_code(
    c: &mut Checker<'_>,
    node: &Node,
    entity: &dyn Fn() -> String,
    code: &str,
) {
    if code.is_empty() || code.len() > 8 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        c.error_help(
            node,
            Some("code"),
            entity(),
            format!("`code` \"{code}\" is not a statistics code"),
            "write the official code as text, digits with their leading zeros, e.g. \"00004\""
                .into(),
        );
    }
}

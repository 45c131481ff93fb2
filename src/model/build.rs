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
                crate::t!("check-number-nan", field = field),
                crate::t!("check-number-nan-help"),
            );
        } else if value.is_infinite() {
            self.error_help(
                node,
                Some(field),
                entity(),
                crate::t!("check-number-infinite", field = field),
                crate::t!("check-number-infinite-help"),
            );
        } else if value < 0.0 {
            self.error_help(
                node,
                Some(field),
                entity(),
                crate::t!(
                    "check-number-negative",
                    field = field,
                    value = value.to_string()
                ),
                crate::t!("check-number-negative-help"),
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
                crate::t!(
                    "check-coefficient-too-large",
                    field = field,
                    value = value.to_string()
                ),
                crate::t!(
                    "check-coefficient-too-large-help",
                    max = crate::law::package::MAX_COEFFICIENT
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
                let what = match what {
                    "Function" => "function",
                    "Unit" => "unit",
                    "Position" => "position",
                    "Staff" => "staff",
                    _ => "template",
                };
                self.error_help(
                    node,
                    Some("id"),
                    crate::t!("check-entity", what = what, id = o.key().as_str()),
                    crate::t!("check-duplicate-id", what = what, id = o.key().as_str()),
                    crate::t!(
                        "check-duplicate-id-help",
                        what = what,
                        line = line.to_string()
                    ),
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
        crate::t!(
            "check-wrong-kind",
            expected = expected.as_str(),
            found = found.as_str()
        ),
    )
    .with_help(crate::t!(
        "check-wrong-kind-help",
        expected = expected.as_str()
    ))])
}

fn build_model(c: &mut Checker<'_>, raw: RawModel) -> Model {
    let root = c.root;
    let as_of = match super::parse_date(&raw.as_of) {
        Some(d) => d,
        None => {
            c.error_help(
                root,
                Some("as_of"),
                crate::t!("check-entity-model"),
                crate::t!(
                    "check-bad-date",
                    field = "as_of",
                    value = raw.as_of.as_str()
                ),
                crate::t!("check-bad-date-help", example = "2024-12-31"),
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
            c.number(
                node,
                "area_km2",
                &|| crate::t!("check-entity", what = "unit", id = id.as_str()),
                a,
            );
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
                    crate::t!("check-entity", what = "unit", id = units[i].id.as_str()),
                    crate::t!("check-unknown-parent", id = p.as_str()),
                    crate::t!("check-unknown-parent-help"),
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
        let entity = || {
            crate::t!(
                "check-entity-mandate",
                unit = m.unit.as_str(),
                function = m.function.as_str()
            )
        };
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
                crate::t!("check-unknown-unit", id = m.unit.as_str()),
                crate::t!("check-unknown-unit-help"),
            );
        }
        if function.is_none() {
            c.error_help(
                node,
                Some("function"),
                entity(),
                crate::t!("check-unknown-function", id = m.function.as_str()),
                crate::t!("check-unknown-function-help"),
            );
        }
        if let (Some(unit), Some(function)) = (unit, function) {
            if let Some(&first) = seen_mandates.get(&(unit, function)) {
                let (line, _) = c.src.line_col(item(root, "mandates", first).offset);
                c.warning(
                    node,
                    Some("function"),
                    entity(),
                    crate::t!("check-mandate-twice"),
                    Some(crate::t!(
                        "check-mandate-twice-help",
                        line = line.to_string()
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
                    crate::t!("check-entity", what = "position", id = id.as_str()),
                    crate::t!("check-unknown-unit", id = p.unit.as_str()),
                    crate::t!("check-unknown-unit-help"),
                );
                usize::MAX
            }
        };
        let entity = || crate::t!("check-entity", what = "position", id = id.as_str());
        let functions = resolve_functions(c, node, &entity(), &p.functions, &index);
        c.coefficient(
            node,
            "allowance_coefficient",
            &entity,
            p.allowance_coefficient,
        );
        if p.quota == 0 {
            c.warning(
                node,
                Some("quota"),
                entity(),
                crate::t!("check-quota-zero"),
                Some(crate::t!("check-quota-zero-help")),
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
        let entity = || crate::t!("check-entity", what = "staff", id = id.as_str());
        let born = match super::parse_birth(&s.born) {
            Some(b) => {
                if b > as_of && as_of != NaiveDate::MIN {
                    c.error_help(
                        node,
                        Some("born"),
                        entity(),
                        crate::t!(
                            "check-born-after-as-of",
                            born = s.born.as_str(),
                            as_of = crate::i18n::fmt::date(as_of)
                        ),
                        crate::t!("check-born-after-as-of-help"),
                    );
                }
                b
            }
            None => {
                c.error_help(
                    node,
                    Some("born"),
                    entity(),
                    crate::t!("check-bad-date", field = "born", value = s.born.as_str()),
                    crate::t!("check-bad-birth-help"),
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
                        crate::t!("check-unknown-position", id = p.as_str()),
                        crate::t!("check-unknown-position-help"),
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
        if let Some(o) = s.other_allowances {
            c.coefficient(node, "other_allowances", &entity, o);
        }
        if let Some(pct) = s.beyond_frame_pct {
            if pct > crate::law::package::MAX_BEYOND_FRAME_PCT {
                c.error_help(
                    node,
                    Some("beyond_frame_pct"),
                    entity(),
                    crate::t!("law-check-beyond-frame-bad", pct = pct),
                    crate::t!(
                        "law-check-beyond-frame-bad-help",
                        max = crate::law::package::MAX_BEYOND_FRAME_PCT
                    ),
                );
            }
        }
        let category = s.category.unwrap_or_else(|| {
            crate::files::raw::Category::of_post(position.map(|p| positions[p].kind))
        });
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
            category,
            category_explicit: s.category.is_some(),
            beyond_frame_pct: s.beyond_frame_pct.unwrap_or(0),
            other_allowances: s.other_allowances.unwrap_or(0.0),
        });
    }
    for (pi, &n) in held.iter().enumerate() {
        let p = &positions[pi];
        if n > p.quota {
            c.warning(
                item(root, "positions", pi),
                Some("quota"),
                crate::t!("check-entity", what = "position", id = p.id.as_str()),
                crate::t!("check-over-quota", n = n, quota = p.quota),
                Some(crate::t!("check-over-quota-help")),
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
                crate::t!("check-unknown-function", id = f.as_str()),
                crate::t!("check-unknown-function-help"),
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
                        crate::t!("check-entity", what = "unit", id = units[last].id.as_str()),
                        crate::t!("check-parent-cycle", cycle = names.join(" → ")),
                        crate::t!("check-parent-cycle-help"),
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
            let entity = crate::t!(
                "check-entity-template-position",
                key = p.key.as_str(),
                template = id.as_str()
            );
            if let Some(&first) = keys.get(&p.key) {
                c.error_help(
                    pnode,
                    Some("key"),
                    entity.clone(),
                    crate::t!("check-duplicate-key", key = p.key.as_str()),
                    crate::t!("check-duplicate-key-help", n = first + 1),
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
                        crate::t!("map-check-entity-template", id = id.as_str()),
                        crate::t!("map-check-growth-unknown-post", key = key.as_str()),
                        crate::t!("map-check-growth-unknown-post-help"),
                    ),
                }
            }
            if g.per == 0 {
                c.error_help(
                    node,
                    Some("growth"),
                    crate::t!("map-check-entity-template", id = id.as_str()),
                    crate::t!("map-check-growth-per-zero"),
                    crate::t!("map-check-growth-per-zero-help"),
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
                &|| {
                    crate::t!(
                        "check-entity-standard",
                        kind = crate::t!("check-unit-kind", kind = s.unit_kind.as_str())
                    )
                },
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
            crate::t!("map-check-code-bad", code = code),
            crate::t!("map-check-code-bad-help"),
        );
    }
}

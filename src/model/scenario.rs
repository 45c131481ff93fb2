//! Checking a `Scenario(...)` file: loading its model and norms, resolving mergers, posts and
//! rules (SPEC §1.3, §2).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::build::{expect_kind, item, resolve_functions, Checker};
use super::ids::nfc_owned;
use super::*;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::files::locate::Node;
use crate::files::raw::{RawPosition, RawRule, RawScenario, RawUnit};
use crate::files::{self, source::SourceFile};

/// The default weight of staying in one's own merger under `pool: Scenario` (SPEC §1.3).
pub const DEFAULT_LOCAL_WEIGHT: u64 = 1000;
/// The default length of the transition, in years (Res. 76/2025/UBTVQH15 art. 11; Dispatches
/// 03/CV-BCĐ and 09/CV-BCĐ: reduce to the norm within 5 years).
pub const DEFAULT_TRANSITION_YEARS: u32 = 5;

/// A scenario's planning and legal parameters. Legal fields left unset keep `None` here; the
/// law module applies their defaults next to their sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    /// Years over which the surplus must reach the norm.
    pub transition_years: u32,
    /// Lương cơ sở; `None` = the law's current figure.
    pub base_salary_vnd: Option<u64>,
    /// Whether packages are decided within 12 months of the restructuring decision.
    pub decision_within_12_months: Option<bool>,
    /// Insured years needed for a pension; `None` = the default for the effective date.
    pub min_pension_years: Option<u32>,
    /// Who competes for which posts.
    pub pool: Pool,
    /// The weight of staying in one's own merger (pool: Scenario).
    pub local: u64,
    /// The effective date of the restructuring decision: packages at full rates within the
    /// law's window after it (SPEC §6.2). Default: the scenario's `effective`.
    pub decision_date: NaiveDate,
}

/// The fit weights of SPEC §5.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weights {
    pub continuity: u64,
    pub preferred: u64,
    pub seniority: u64,
}

/// A share as an exact fraction, from the decimal written in the file (0.3 → 3/10), so that
/// "0.3 of 10 placed is 3" holds exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    pub num: u64,
    pub den: u64,
}

impl Share {
    /// The exact fraction of a finite share in [0, 1], from its shortest decimal form.
    pub fn from_f64(x: f64) -> Option<Share> {
        if !x.is_finite() || !(0.0..=1.0).contains(&x) {
            return None;
        }
        let text = format!("{x}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = &frac[..frac.len().min(18)];
        let den = 10u64.pow(frac.len() as u32);
        let num = int.parse::<u64>().ok()? * den
            + if frac.is_empty() {
                0
            } else {
                frac.parse::<u64>().ok()?
            };
        Some(Share { num, den })
    }

    /// The least number of people of the gender among `placed`: ⌈share × placed⌉.
    pub fn min_count(&self, placed: u64) -> u64 {
        (self.num * placed).div_ceil(self.den)
    }
}

/// A planner's rule, resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Rule {
    /// The person must take this post (a new post: merger index, post index).
    Pin {
        staff: StaffIx,
        post: (usize, usize),
    },
    /// The person must not take this post.
    Forbid {
        staff: StaffIx,
        post: (usize, usize),
    },
    /// The person must take some post.
    Keep { staff: StaffIx },
    /// A person past retirement age stays a candidate for posts until `until`.
    Retain { staff: StaffIx, until: NaiveDate },
    /// At least `share` of the people placed in posts of `kind` in each new unit are of
    /// `gender`.
    MinShare {
        gender: Gender,
        kind: PositionKind,
        share: Share,
        /// The share as written.
        written: f64,
    },
}

/// A rule and where it is written, so that an infeasible plan can name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleAt {
    pub rule: Rule,
    /// 1-based position in the scenario's `rules` list.
    pub number: usize,
    /// Line in the scenario file.
    pub line: usize,
}

/// One merger, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Merger {
    /// The new unit. Its population and area default to the sums over `from` when the merger
    /// takes no part of a unit; with parts they are only what the file gives.
    pub into: Unit,
    /// The units it takes whole (and dissolves).
    pub from: Vec<UnitIx>,
    /// The units of which it takes a part: a unit split among several new units. Its staff
    /// are candidates of every merger that takes a part of it, its mandates go to each.
    pub parts: Vec<UnitIx>,
    /// The template its posts come from, if any.
    pub template: Option<String>,
    /// The new unit's posts; `unit` is the new unit's index once the scenario is applied
    /// (the model's unit count + the merger's index).
    pub posts: Vec<Position>,
}

impl Merger {
    /// The norm: the sum of the new posts' quotas.
    pub fn norm(&self) -> u32 {
        self.posts.iter().map(|p| p.quota).sum()
    }

    /// The units it takes, whole then in part.
    pub fn sources(&self) -> impl Iterator<Item = UnitIx> + '_ {
        self.from.iter().chain(&self.parts).copied()
    }
}

/// A restructuring to plan (a `Scenario(...)` file, checked, with its model and norms).
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    /// The scenario file.
    pub path: PathBuf,
    pub source: Arc<SourceFile>,
    /// The organization before the mergers.
    pub model: Model,
    pub norms: Vec<Norms>,
    /// The date the mergers take effect.
    pub effective: NaiveDate,
    pub mergers: Vec<Merger>,
    pub policy: Policy,
    pub weights: Weights,
    pub rules: Vec<RuleAt>,
    /// The laws that price packages: the shipped ones, with the scenario's `law:` file in
    /// place of the one of its regime.
    pub laws: Arc<crate::law::Laws>,
}

impl Scenario {
    /// For each person of the model, the merger whose candidates they are (they hold a post
    /// in a `from` unit or one of its bodies), if any. A person of a split unit is listed
    /// under the first merger that takes a part of it (their home in the plan's output);
    /// [`Scenario::candidate_sets`] gives every merger they may be placed by.
    pub fn candidate_merger(&self) -> Vec<Option<usize>> {
        candidate_mergers(&self.model, &self.mergers)
    }

    /// For each person of the model, every merger whose posts they are a candidate for, in
    /// merger order (empty: not a candidate). More than one only for the people of a split
    /// unit; the first is [`Scenario::candidate_merger`].
    pub fn candidate_sets(&self) -> Vec<Vec<usize>> {
        candidate_sets(&self.model, &self.mergers)
    }

    /// Whether some unit is split among mergers (a merger takes a part of it).
    pub fn has_parts(&self) -> bool {
        self.mergers.iter().any(|m| !m.parts.is_empty())
    }

    /// The candidates of each merger, in staff order.
    pub fn candidates(&self) -> Vec<Vec<StaffIx>> {
        let mut out = vec![Vec::new(); self.mergers.len()];
        for (s, m) in self.candidate_merger().into_iter().enumerate() {
            if let Some(m) = m {
                out[m].push(s);
            }
        }
        out
    }

    /// Finds a new post by id: (merger index, post index).
    pub fn post(&self, id: &str) -> Option<(usize, usize)> {
        let id = ids::nfc(id);
        self.mergers.iter().enumerate().find_map(|(m, mg)| {
            mg.posts
                .iter()
                .position(|p| p.id == id.as_ref())
                .map(|p| (m, p))
        })
    }
}

fn candidate_mergers(model: &Model, mergers: &[Merger]) -> Vec<Option<usize>> {
    let mut of_unit: Vec<Option<usize>> = vec![None; model.units.len()];
    // In reverse, so that a split unit's home is the first merger taking a part of it.
    for (m, mg) in mergers.iter().enumerate().rev() {
        for u in mg.sources() {
            of_unit[u] = Some(m);
        }
    }
    // A body belongs to the merger of its nearest ancestor that is merged.
    let merger_of = |mut u: UnitIx| -> Option<usize> {
        for _ in 0..=model.units.len() {
            if let Some(m) = of_unit[u] {
                return Some(m);
            }
            u = model.units[u].parent?;
        }
        None
    };
    let per_unit: Vec<Option<usize>> = (0..model.units.len()).map(merger_of).collect();
    model
        .staff
        .iter()
        .map(|s| s.position.and_then(|p| per_unit[model.positions[p].unit]))
        .collect()
}

fn candidate_sets(model: &Model, mergers: &[Merger]) -> Vec<Vec<usize>> {
    let mut of_unit: Vec<Vec<usize>> = vec![Vec::new(); model.units.len()];
    for (m, mg) in mergers.iter().enumerate() {
        for u in mg.sources() {
            if of_unit[u].last() != Some(&m) {
                of_unit[u].push(m);
            }
        }
    }
    // A body belongs to the mergers of its nearest ancestor that is merged.
    let home = |mut u: UnitIx| -> Option<UnitIx> {
        for _ in 0..=model.units.len() {
            if !of_unit[u].is_empty() {
                return Some(u);
            }
            u = model.units[u].parent?;
        }
        None
    };
    let per_unit: Vec<Option<UnitIx>> = (0..model.units.len()).map(home).collect();
    model
        .staff
        .iter()
        .map(|s| {
            s.position
                .and_then(|p| per_unit[model.positions[p].unit])
                .map(|u| of_unit[u].clone())
                .unwrap_or_default()
        })
        .collect()
}

/// Reads and checks a `Scenario(...)` file with its model and norms.
pub fn load_scenario(path: &Path) -> Result<Loaded<Scenario>, Diagnostics> {
    let source = files::read_source(path).map_err(|d| Diagnostics(vec![d]))?;
    check_scenario(&source)
}

/// A referenced file, resolved relative to the referring file.
fn relative(base: &Path, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.parent().unwrap_or(Path::new("")).join(p)
    }
}

/// Checks a `Scenario(...)` text. Its model and norms are read from the paths it names,
/// relative to `src.path` (which need not exist itself).
pub fn check_scenario(src: &Arc<SourceFile>) -> Result<Loaded<Scenario>, Diagnostics> {
    expect_kind(src, files::FileKind::Scenario)?;
    let parsed = files::parse::<RawScenario>(src).map_err(|d| Diagnostics(vec![d]))?;
    let mut c = Checker::new(src, &parsed.tree);
    let root = c.root;
    let raw = parsed.raw;
    let mut other = Diagnostics::new();

    let effective = match parse_date(&raw.effective) {
        Some(d) => Some(d),
        None => {
            c.error_help(
                root,
                Some("effective"),
                crate::t!("check-entity-scenario"),
                crate::t!(
                    "check-bad-date",
                    field = "effective",
                    value = raw.effective.as_str()
                ),
                crate::t!("check-bad-date-help", example = "2025-01-01"),
            );
            None
        }
    };

    // The model.
    let model_path = relative(&src.path, &raw.model);
    let model = match load_referenced(
        &mut c,
        root.field("model"),
        files::FileKind::Model,
        &raw.model,
        &model_path,
    ) {
        Some(text) => match super::check_model(&text) {
            Ok(l) => {
                other.extend(l.warnings);
                Some(l.value)
            }
            Err(d) => {
                other.extend(d);
                None
            }
        },
        None => None,
    };

    // The norms.
    let mut norms = Vec::new();
    for (i, n) in raw.norms.iter().enumerate() {
        let node = root.field("norms").and_then(|l| l.items().get(i));
        let p = relative(&src.path, n);
        if let Some(text) = load_referenced(&mut c, node, files::FileKind::Norms, n, &p) {
            match super::check_norms(&text) {
                Ok(l) => {
                    other.extend(l.warnings);
                    norms.push(l.value);
                }
                Err(d) => other.extend(d),
            }
        }
    }

    let decision_date = match raw.policy.decision_date.as_deref() {
        None => effective,
        Some(text) => match parse_date(text) {
            Some(d) => Some(d),
            None => {
                let node = root.field("policy").unwrap_or(root);
                c.error_help(
                    node,
                    Some("decision_date"),
                    crate::t!("check-entity-policy"),
                    crate::t!("law-check-decision-date-bad", text = text),
                    crate::t!("law-check-decision-date-bad-help"),
                );
                None
            }
        },
    };

    // The law: the shipped files, one replaced by the scenario's `law:`.
    let mut laws = crate::law::Laws::embedded();
    if let Some(written) = &raw.law {
        let p = relative(&src.path, written);
        match files::read_source(&p) {
            Ok(text) => match crate::law::data::check_law(&text) {
                Ok(law) => laws = Arc::new(laws.with(law)),
                Err(d) => other.extend(d),
            },
            Err(d) => {
                let node = root.field("law").unwrap_or(root);
                c.error_help(
                    node,
                    Some("law"),
                    crate::t!("check-entity-scenario"),
                    crate::t!(
                        "law-check-law-file-unread",
                        file = written.as_str(),
                        error = d.message.as_str()
                    ),
                    crate::t!(
                        "law-check-law-file-unread-help",
                        path = p.display().to_string()
                    ),
                );
            }
        }
    }

    let policy = Policy {
        transition_years: raw
            .policy
            .transition_years
            .unwrap_or(DEFAULT_TRANSITION_YEARS),
        base_salary_vnd: raw.policy.base_salary_vnd,
        decision_within_12_months: raw.policy.decision_within_12_months,
        min_pension_years: raw.policy.min_pension_years,
        pool: raw.policy.pool,
        local: raw.policy.local.unwrap_or(DEFAULT_LOCAL_WEIGHT),
        decision_date: decision_date.unwrap_or(NaiveDate::MIN),
    };
    if policy.base_salary_vnd == Some(0) {
        let node = root.field("policy").unwrap_or(root);
        c.error_help(
            node,
            Some("base_salary_vnd"),
            crate::t!("check-entity-policy"),
            crate::t!("check-base-salary-zero"),
            crate::t!("check-base-salary-zero-help"),
        );
    }
    let weights = Weights {
        continuity: raw.weights.continuity,
        preferred: raw.weights.preferred,
        seniority: raw.weights.seniority,
    };

    let Some(model) = model else {
        // Without a model nothing else can be resolved; report what we have.
        let mut all = c.diags;
        all.extend(other);
        return Err(all);
    };

    let mergers = check_mergers(&mut c, &raw, &model, &norms);
    let candidate_of = candidate_mergers(&model, &mergers);
    let rules = check_rules(
        &mut c,
        &raw.rules,
        &model,
        &mergers,
        &candidate_of,
        effective,
    );

    let mut diags = c.diags;
    diags.extend(other);
    let (Some(effective), false) = (effective, diags.has_errors()) else {
        return Err(diags);
    };
    Ok(Loaded {
        value: Scenario {
            name: raw.name,
            path: src.path.clone(),
            source: src.clone(),
            model,
            norms,
            effective,
            mergers,
            policy,
            weights,
            rules,
            laws,
        },
        warnings: diags,
    })
}

/// Reads a file a scenario refers to. A missing or unreadable one, or one of the wrong kind
/// (a Norms file named as the model), is reported at the reference in the scenario: that is
/// where the mistake is.
fn load_referenced(
    c: &mut Checker<'_>,
    node: Option<&Node>,
    expected: files::FileKind,
    written: &str,
    path: &Path,
) -> Option<Arc<SourceFile>> {
    let field = match expected {
        files::FileKind::Model => "model",
        files::FileKind::Norms => "norms",
        files::FileKind::Scenario => "scenario",
    };
    let (message, help) = match files::read_source(path) {
        Ok(s) => match files::detect_kind(&s) {
            Ok(kind) if kind != expected => (
                crate::t!(
                    "check-referenced-wrong-kind",
                    field = field,
                    file = written,
                    found = kind.as_str(),
                    expected = expected.as_str()
                ),
                crate::t!("check-wrong-kind-help", expected = expected.as_str()),
            ),
            // The right kind, or a file that is broken in itself: checked (and reported)
            // in its own right.
            _ => return Some(s),
        },
        Err(d) => (
            crate::t!(
                "check-referenced-unreadable",
                field = field,
                file = written,
                reason = d.message.as_str()
            ),
            crate::t!(
                "check-referenced-unreadable-help",
                path = path.display().to_string()
            ),
        ),
    };
    let node = node.unwrap_or(c.root);
    let span = Diagnostic::at(Severity::Error, c.src, node.offset, node.len, "");
    c.diags.push(Diagnostic {
        message,
        help: Some(help),
        entity: Some(crate::t!("check-entity-scenario")),
        field: Some(field.into()),
        ..span
    });
    None
}

fn check_mergers(
    c: &mut Checker<'_>,
    raw: &RawScenario,
    model: &Model,
    norms: &[Norms],
) -> Vec<Merger> {
    let root = c.root;
    let mut mergers = Vec::with_capacity(raw.mergers.len());
    let mut merged_by: HashMap<UnitIx, usize> = HashMap::new();
    // Units taken in part: the first merger that takes each.
    let mut split_by: HashMap<UnitIx, usize> = HashMap::new();
    let mut new_ids: HashMap<String, usize> = HashMap::new();
    let mut post_ids: HashMap<String, usize> = HashMap::new();
    let templates: HashMap<&str, &Template> = norms
        .iter()
        .flat_map(|n| n.templates.iter().map(|t| (t.id.as_str(), t)))
        .collect();
    for (m, mg) in raw.mergers.iter().enumerate() {
        let node = item(root, "mergers", m);
        let into_node = node.field("into").unwrap_or(node);
        let into_id = nfc_owned(&mg.into.id);
        let entity = || crate::t!("check-entity-merger", id = mg.into.id.as_str());
        if model.index.units.contains_key(&into_id) {
            c.error_help(
                into_node,
                Some("id"),
                entity(),
                crate::t!("check-merger-id-taken", id = into_id.as_str()),
                crate::t!("check-merger-id-taken-help"),
            );
        }
        if let Some(&first) = new_ids.get(&into_id) {
            c.error_help(
                into_node,
                Some("id"),
                entity(),
                crate::t!(
                    "check-merger-id-twice",
                    n = first + 1,
                    id = into_id.as_str()
                ),
                crate::t!("check-merger-id-twice-help"),
            );
        } else {
            new_ids.insert(into_id.clone(), m);
        }
        if let Some(a) = mg.into.area_km2 {
            c.number(into_node, "area_km2", &entity, a);
        }
        let parent = mg.into.parent.as_ref().and_then(|p| {
            let found = model.unit(p);
            if found.is_none() {
                c.error_help(
                    into_node,
                    Some("parent"),
                    entity(),
                    crate::t!("check-unknown-parent", id = p.as_str()),
                    crate::t!("check-unknown-unit-help"),
                );
            }
            found
        });

        let mut from = Vec::with_capacity(mg.from.len());
        let from_node = node.field("from");
        for (j, f) in mg.from.iter().enumerate() {
            let fnode = from_node.and_then(|l| l.items().get(j)).unwrap_or(node);
            match model.unit(f) {
                None => c.error_help(
                    fnode,
                    None,
                    entity(),
                    crate::t!("check-merger-from-unknown", id = f.as_str()),
                    crate::t!("check-unknown-unit-help"),
                ),
                Some(u) => {
                    if let Some(&other) = split_by.get(&u) {
                        c.error_help(
                            fnode,
                            None,
                            entity(),
                            crate::t!(
                                "map-check-whole-and-part",
                                unit = f.as_str(),
                                merger = other + 1,
                                into = raw.mergers[other].into.id.as_str()
                            ),
                            crate::t!("map-check-part-and-whole-help"),
                        );
                    } else if let Some(&other) = merged_by.get(&u) {
                        if other == m {
                            c.error_help(
                                fnode,
                                None,
                                entity(),
                                crate::t!("check-merger-from-twice", id = f.as_str()),
                                crate::t!("check-merger-from-twice-help"),
                            );
                        } else {
                            c.error_help(
                                fnode,
                                None,
                                entity(),
                                crate::t!(
                                    "check-merged-twice",
                                    id = f.as_str(),
                                    n = other + 1,
                                    into = raw.mergers[other].into.id.as_str()
                                ),
                                crate::t!("check-merged-twice-help"),
                            );
                        }
                    } else {
                        merged_by.insert(u, m);
                        from.push(u);
                    }
                }
            }
        }
        let parts = check_parts(c, node, mg, m, model, &merged_by, &mut split_by, &entity);
        let sources = mg.from.len() + mg.parts.len();
        if sources == 0 {
            c.error_help(
                node,
                Some("from"),
                entity(),
                crate::t!("map-check-no-source"),
                crate::t!("map-check-no-source-help"),
            );
        } else if sources < 2 && mg.into.code.is_none() {
            // A unit of the official map formed from one old unit is a reorganisation on the
            // new template (the 2025 reform re-staffed every unit), not a mistake.
            c.warning(
                node,
                Some("from"),
                entity(),
                crate::t!("check-merger-too-few", n = sources),
                Some(crate::t!("check-merger-too-few-help")),
            );
        }
        if let Some(code) = &mg.into.code {
            super::build::check_code(c, into_node, &entity, code);
        }

        // The sums over `from` stand for the new unit's size only when it takes no part of a
        // unit: what a part brings is not known from the model.
        let whole = parts.is_empty() && mg.parts.is_empty();
        let sum_pop: Option<u64> = from
            .iter()
            .filter_map(|&u| model.units[u].population)
            .fold(None, |a, p| Some(a.unwrap_or(0) + p))
            .filter(|_| whole);
        let sum_area: Option<f64> = from
            .iter()
            .filter_map(|&u| model.units[u].area_km2)
            .fold(None, |a, p| Some(a.unwrap_or(0.0) + p))
            .filter(|_| whole);
        let into = into_unit(&mg.into, into_id.clone(), parent, sum_pop, sum_area);

        let new_index = model.units.len() + m;
        let mut posts: Vec<Position> = Vec::new();
        match (&mg.template, &mg.positions) {
            (Some(_), Some(_)) => c.error_help(
                node,
                Some("template"),
                entity(),
                crate::t!("check-merger-template-and-positions"),
                crate::t!("check-merger-template-and-positions-help"),
            ),
            (None, None) => c.error_help(
                node,
                None,
                entity(),
                crate::t!("check-merger-no-posts"),
                crate::t!("check-merger-no-posts-help"),
            ),
            (Some(t), None) => match templates.get(nfc_owned(t).as_str()) {
                None => {
                    let known: Vec<&str> = templates.keys().copied().collect();
                    let mut known = known;
                    known.sort_unstable();
                    c.error_help(
                        node,
                        Some("template"),
                        entity(),
                        crate::t!("check-unknown-template", id = t.as_str()),
                        if known.is_empty() {
                            crate::t!("check-unknown-template-help")
                        } else {
                            crate::t!("check-known-templates", ids = known.join(", "))
                        },
                    )
                }
                Some(tpl) => {
                    if tpl.unit_kind != mg.into.kind {
                        c.warning(
                            node,
                            Some("template"),
                            entity(),
                            crate::t!(
                                "check-template-kind",
                                id = tpl.id.as_str(),
                                template_kind =
                                    crate::t!("check-unit-kind", kind = tpl.unit_kind.as_str()),
                                kind = crate::t!("check-unit-kind", kind = mg.into.kind.as_str())
                            ),
                            None,
                        );
                    }
                    let quotas = tpl.quotas(into.population);
                    for (p, &quota) in tpl.positions.iter().zip(&quotas) {
                        let functions = resolve_functions(
                            c,
                            node,
                            &crate::t!(
                                "check-entity-template-post",
                                template = tpl.id.as_str(),
                                key = p.key.as_str()
                            ),
                            &p.functions,
                            &model.index,
                        );
                        posts.push(Position {
                            id: format!("{into_id}.{}", p.key),
                            unit: new_index,
                            title: p.title.clone(),
                            kind: p.kind,
                            functions,
                            quota,
                            requires: p.requires.clone(),
                            prefers: p.prefers.clone(),
                            allowance_coefficient: p.allowance_coefficient,
                            gender: p.gender,
                        });
                    }
                }
            },
            (None, Some(list)) => {
                let list_node = node.field("positions");
                for (j, p) in list.iter().enumerate() {
                    let pnode = list_node.and_then(|l| l.items().get(j)).unwrap_or(node);
                    posts.push(explicit_post(c, pnode, p, &into_id, new_index, model));
                }
            }
        }
        for p in &posts {
            if model.index.positions.contains_key(&p.id) || post_ids.contains_key(&p.id) {
                c.error_help(
                    node,
                    None,
                    entity(),
                    crate::t!("check-post-id-taken", id = p.id.as_str()),
                    crate::t!("check-post-id-taken-help"),
                );
            }
            post_ids.insert(p.id.clone(), m);
        }

        mergers.push(Merger {
            into,
            from,
            parts,
            template: mg.template.as_ref().map(|t| nfc_owned(t)),
            posts,
        });
    }
    mergers
}

/// Resolves a merger's `parts`: each names a unit of the model, once in the merger, that no
/// merger takes whole; several mergers may take parts of one unit.
#[allow(clippy::too_many_arguments)]
fn check_parts(
    c: &mut Checker<'_>,
    node: &Node,
    mg: &crate::files::raw::RawMerger,
    m: usize,
    model: &Model,
    merged_by: &HashMap<UnitIx, usize>,
    split_by: &mut HashMap<UnitIx, usize>,
    entity: &dyn Fn() -> String,
) -> Vec<UnitIx> {
    let mut parts: Vec<UnitIx> = Vec::with_capacity(mg.parts.len());
    let list = node.field("parts");
    for (j, f) in mg.parts.iter().enumerate() {
        let fnode = list.and_then(|l| l.items().get(j)).unwrap_or(node);
        let Some(u) = model.unit(f) else {
            c.error_help(
                fnode,
                None,
                entity(),
                crate::t!("map-check-part-unknown", unit = f.as_str()),
                crate::t!("map-check-part-unknown-help"),
            );
            continue;
        };
        if parts.contains(&u) {
            c.error_help(
                fnode,
                None,
                entity(),
                crate::t!("map-check-part-twice", unit = f.as_str()),
                crate::t!("map-check-part-twice-help"),
            );
        } else if let Some(&other) = merged_by.get(&u) {
            let how = if other == m {
                crate::t!("map-check-part-whole-here")
            } else {
                crate::t!("map-check-part-whole-by", merger = other + 1)
            };
            c.error_help(
                fnode,
                None,
                entity(),
                crate::t!("map-check-part-and-whole", unit = f.as_str(), how = how),
                crate::t!("map-check-part-and-whole-help"),
            );
        } else {
            split_by.entry(u).or_insert(m);
            parts.push(u);
        }
    }
    parts
}

fn into_unit(
    u: &RawUnit,
    id: String,
    parent: Option<UnitIx>,
    pop: Option<u64>,
    area: Option<f64>,
) -> Unit {
    Unit {
        id,
        name: u.name.clone(),
        kind: u.kind,
        parent,
        class: u.class,
        population: u.population.or(pop),
        // Sums of areas are rounded to 1/100 km² so that 3.98 + 3.19 prints as 7.17.
        area_km2: u.area_km2.or(area.map(|a| (a * 100.0).round() / 100.0)),
        code: u.code.clone(),
        merged_into: None,
    }
}

fn explicit_post(
    c: &mut Checker<'_>,
    node: &Node,
    p: &RawPosition,
    into_id: &str,
    new_index: usize,
    model: &Model,
) -> Position {
    let id = nfc_owned(&p.id);
    let entity = crate::t!("check-entity", what = "position", id = id.as_str());
    if nfc_owned(&p.unit) != into_id {
        c.error_help(
            node,
            Some("unit"),
            entity.clone(),
            crate::t!(
                "check-post-wrong-unit",
                unit = p.unit.as_str(),
                into = into_id
            ),
            crate::t!("check-post-wrong-unit-help", into = into_id),
        );
    }
    c.coefficient(
        node,
        "allowance_coefficient",
        &|| entity.clone(),
        p.allowance_coefficient,
    );
    let functions = resolve_functions(c, node, &entity, &p.functions, &model.index);
    Position::from_raw(p.clone(), id, new_index, functions)
}

fn check_rules(
    c: &mut Checker<'_>,
    raw: &[RawRule],
    model: &Model,
    mergers: &[Merger],
    candidate_of: &[Option<usize>],
    effective: Option<NaiveDate>,
) -> Vec<RuleAt> {
    let root = c.root;
    let find_post = |id: &str| -> Option<(usize, usize)> {
        let id = nfc_owned(id);
        mergers
            .iter()
            .enumerate()
            .find_map(|(m, mg)| mg.posts.iter().position(|p| p.id == id).map(|p| (m, p)))
    };
    let mut rules = Vec::with_capacity(raw.len());
    for (i, r) in raw.iter().enumerate() {
        let node = item(root, "rules", i);
        let line = c.src.line_col(node.offset).0;
        let entity = crate::t!(
            "check-entity-rule",
            n = i + 1,
            name = node.name().unwrap_or("")
        );
        let staff_of = |c: &mut Checker<'_>, id: &str| -> Option<StaffIx> {
            match model.staff_member(id) {
                None => {
                    c.error_help(
                        node,
                        Some("staff"),
                        entity.clone(),
                        crate::t!("check-rule-unknown-staff", id = id),
                        crate::t!("check-rule-unknown-staff-help"),
                    );
                    None
                }
                Some(s) if candidate_of[s].is_none() => {
                    c.error_help(
                        node,
                        Some("staff"),
                        entity.clone(),
                        crate::t!("check-rule-not-candidate", id = id),
                        crate::t!("check-rule-not-candidate-help"),
                    );
                    None
                }
                Some(s) => Some(s),
            }
        };
        let post_of = |c: &mut Checker<'_>, id: &str| -> Option<(usize, usize)> {
            let found = find_post(id);
            if found.is_none() {
                let hint = if model.position(id).is_some() {
                    crate::t!("check-rule-old-post-help")
                } else {
                    crate::t!("check-rule-unknown-post-help")
                };
                c.error_help(
                    node,
                    Some("position"),
                    entity.clone(),
                    crate::t!("check-rule-unknown-post", id = id),
                    hint,
                );
            }
            found
        };
        let rule = match r {
            RawRule::Pin { staff, position } => {
                let s = staff_of(c, staff);
                let p = post_of(c, position);
                s.zip(p).map(|(staff, post)| Rule::Pin { staff, post })
            }
            RawRule::Forbid { staff, position } => {
                let s = staff_of(c, staff);
                let p = post_of(c, position);
                s.zip(p).map(|(staff, post)| Rule::Forbid { staff, post })
            }
            RawRule::Keep { staff } => staff_of(c, staff).map(|staff| Rule::Keep { staff }),
            RawRule::Retain { staff, until } => {
                let s = staff_of(c, staff);
                let u = parse_date(until);
                if u.is_none() {
                    c.error_help(
                        node,
                        Some("until"),
                        entity.clone(),
                        crate::t!("law-check-retain-until-bad", text = until.as_str()),
                        crate::t!("law-check-retain-until-bad-help"),
                    );
                }
                if let (Some(u), Some(e)) = (u, effective) {
                    if u < e {
                        c.error_help(
                            node,
                            Some("until"),
                            entity.clone(),
                            crate::t!(
                                "law-check-retain-until-early",
                                until = crate::i18n::fmt::date(u),
                                effective = crate::i18n::fmt::date(e)
                            ),
                            crate::t!("law-check-retain-until-early-help"),
                        );
                    }
                }
                if let (Some(s), Some(e)) = (s, effective) {
                    let person = &model.staff[s];
                    let r = crate::law::retirement(person.gender, person.born);
                    if crate::law::months_to_retirement(&r, e) > 0 {
                        c.warning(
                            node,
                            Some("staff"),
                            entity.clone(),
                            crate::t!(
                                "law-check-retain-not-retired",
                                staff = staff.as_str(),
                                date = crate::i18n::fmt::date(e),
                                pension = r.pension_start.to_string()
                            ),
                            Some(crate::t!("law-check-retain-not-retired-help")),
                        );
                    }
                }
                s.zip(u).map(|(staff, until)| Rule::Retain { staff, until })
            }
            RawRule::MinShare {
                gender,
                kind,
                share,
            } => match Share::from_f64(*share) {
                Some(s) => Some(Rule::MinShare {
                    gender: *gender,
                    kind: *kind,
                    share: s,
                    written: *share,
                }),
                None => {
                    c.error_help(
                        node,
                        Some("share"),
                        entity.clone(),
                        crate::t!("check-rule-share", share = share.to_string()),
                        crate::t!("check-rule-share-help"),
                    );
                    None
                }
            },
        };
        if let Some(rule) = rule {
            rules.push(RuleAt {
                rule,
                number: i + 1,
                line,
            });
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_exact_fractions() {
        let s = Share::from_f64(0.3).unwrap();
        assert_eq!((s.num, s.den), (3, 10));
        assert_eq!(s.min_count(10), 3);
        assert_eq!(s.min_count(11), 4);
        assert_eq!(s.min_count(0), 0);
        assert_eq!(Share::from_f64(1.0).unwrap().min_count(7), 7);
        assert!(Share::from_f64(1.5).is_none());
        assert!(Share::from_f64(f64::NAN).is_none());
    }
}

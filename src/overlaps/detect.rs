//! The rules of SPEC §4 over one model.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::text::Prepared;
use super::{Finding, FindingKind, Options};
use crate::model::{FunctionIx, Level, Model, PositionIx, Role, UnitIx, UnitKind};

/// Runs every rule of SPEC §4 on the units in force of `model` and returns the findings
/// sorted by severity, kind, then ids (the same model always gives the same list).
///
/// Linear in mandates and posts (hash maps keyed by function and unit, and a walk up the
/// parent chain of each led territory), except SimilarFunctions, which is quadratic in the
/// size of the function catalogue.
pub fn detect(model: &Model, opts: &Options) -> Vec<Finding> {
    let cx = Cx::new(model);
    let mut out = Vec::new();
    cx.duplicates(&mut out);
    cx.misplaced(&mut out);
    cx.gaps(&mut out);
    cx.unstaffed(&mut out);
    cx.position_overlaps(&mut out);
    similar_functions(model, opts, &mut out);
    // The key ends with the message, so no two findings compare equal: unstable is stable.
    out.sort_unstable_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// How many names a message lists before saying "and N more".
const NAMES_SHOWN: usize = 8;

/// What every rule needs, computed once.
struct Cx<'m> {
    model: &'m Model,
    /// Territory of each unit (itself, or the nearest administrative ancestor).
    territory: Vec<Option<UnitIx>>,
    /// Lead mandates of units in force, each (unit, function) once, in file order.
    leads: Vec<(UnitIx, FunctionIx)>,
    /// (function, territory, leading unit) of every Lead with a territory, sorted.
    territory_leads: Vec<(FunctionIx, UnitIx, UnitIx)>,
    /// Where each (function, territory) runs in `territory_leads`.
    by_territory: Map<(FunctionIx, UnitIx), Range<usize>>,
}

impl<'m> Cx<'m> {
    fn new(model: &'m Model) -> Self {
        let n = model.units.len();
        let mut territory: Vec<Option<Option<UnitIx>>> = vec![None; n];
        for u in 0..n {
            resolve_territory(model, &mut territory, u);
        }
        let territory: Vec<Option<UnitIx>> = territory.into_iter().map(Option::flatten).collect();

        let mut seen: Set<(UnitIx, FunctionIx)> = Set::default();
        seen.reserve(model.mandates.len());
        let mut leads = Vec::with_capacity(model.mandates.len());
        let mut territory_leads = Vec::with_capacity(model.mandates.len());
        for m in &model.mandates {
            if m.role != Role::Lead
                || !model.is_active(m.unit)
                || !seen.insert((m.unit, m.function))
            {
                continue;
            }
            leads.push((m.unit, m.function));
            if let Some(t) = territory[m.unit] {
                territory_leads.push((m.function, t, m.unit));
            }
        }
        territory_leads.sort_unstable();
        let mut by_territory: Map<(FunctionIx, UnitIx), Range<usize>> = Map::default();
        for (key, range) in runs(&territory_leads, |&(f, t, _)| (f, t)) {
            by_territory.insert(key, range);
        }
        Cx {
            model,
            territory,
            leads,
            territory_leads,
            by_territory,
        }
    }

    /// The units leading `f` over territory `t`, in file order.
    fn leaders(&self, f: FunctionIx, t: UnitIx) -> Vec<UnitIx> {
        self.by_territory
            .get(&(f, t))
            .map(|r| {
                self.territory_leads[r.clone()]
                    .iter()
                    .map(|x| x.2)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn unit_name(&self, u: UnitIx) -> &str {
        &self.model.units[u].name
    }

    fn function_name(&self, f: FunctionIx) -> &str {
        &self.model.functions[f].name
    }

    fn unit_ids(&self, units: &[UnitIx]) -> Vec<String> {
        units
            .iter()
            .map(|&u| self.model.units[u].id.clone())
            .collect()
    }

    fn names(&self, units: &[UnitIx]) -> String {
        list(units.iter().map(|&u| self.unit_name(u)), Noun::Units)
    }

    fn finding(
        &self,
        kind: FindingKind,
        functions: &[FunctionIx],
        units: &[UnitIx],
        scope: Option<UnitIx>,
        message: String,
    ) -> Finding {
        Finding {
            kind,
            severity: kind.severity(),
            functions: functions
                .iter()
                .map(|&f| self.model.functions[f].id.clone())
                .collect(),
            units: self.unit_ids(units),
            positions: Vec::new(),
            message,
            scope: scope.map(|u| self.model.units[u].id.clone()),
        }
    }

    /// DuplicateLead (one finding per function and territory) and VerticalDuplicate (one per
    /// function and uppermost led territory, listing every tier below it).
    fn duplicates(&self, out: &mut Vec<Finding>) {
        let model = self.model;
        // Uppermost led ancestor territory of each led territory, if any.
        let mut nested: Map<(FunctionIx, UnitIx), Vec<UnitIx>> = Map::default();
        for (&(f, t), range) in &self.by_territory {
            if range.len() >= 2 {
                let leaders = self.leaders(f, t);
                let message = crate::t!(
                    "overlaps-msg-duplicate-lead",
                    function = self.function_name(f),
                    n = leaders.len(),
                    territory = self.unit_name(t),
                    units = self.names(&leaders)
                );
                out.push(self.finding(
                    FindingKind::DuplicateLead,
                    &[f],
                    &leaders,
                    Some(t),
                    message,
                ));
            }
            let mut top = None;
            let mut cur = t;
            for _ in 0..model.units.len() {
                let Some(up) = model.units[cur].parent.and_then(|p| self.territory[p]) else {
                    break;
                };
                if self.by_territory.contains_key(&(f, up)) {
                    top = Some(up);
                }
                cur = up;
            }
            if let Some(top) = top {
                nested.entry((f, top)).or_default().push(t);
            }
        }
        for ((f, top), mut below) in nested {
            below.push(top);
            below.sort_unstable_by_key(|&t| (tier_rank(model.units[t].kind), t));
            let mut units = Vec::new();
            let mut parts: Vec<String> = Vec::new();
            let mut i = 0;
            while i < below.len() {
                let tier = tier_rank(model.units[below[i]].kind);
                let mut j = i;
                let mut shown = Vec::new();
                while j < below.len() && tier_rank(model.units[below[j]].kind) == tier {
                    let t = below[j];
                    let leaders = self.leaders(f, t);
                    shown.push(if leaders == [t] {
                        self.unit_name(t).to_string()
                    } else {
                        crate::t!(
                            "overlaps-msg-leaders-in",
                            units = self.names(&leaders),
                            territory = self.unit_name(t)
                        )
                    });
                    units.extend(leaders);
                    j += 1;
                }
                parts.push(crate::t!(
                    "overlaps-msg-tier-part",
                    tier = tier_name(model.units[below[i]].kind),
                    units = list(shown.iter().map(String::as_str), Noun::Units)
                ));
                i = j;
            }
            let message = crate::t!(
                "overlaps-msg-vertical-duplicate",
                function = self.function_name(f),
                territory = self.unit_name(top),
                tiers = parts.join("; ")
            );
            out.push(self.finding(
                FindingKind::VerticalDuplicate,
                &[f],
                &units,
                Some(top),
                message,
            ));
        }
    }

    /// MisplacedLevel: one finding per leading unit of another tier.
    fn misplaced(&self, out: &mut Vec<Finding>) {
        for &(u, f) in &self.leads {
            let Some(level) = self.model.functions[f].level else {
                continue;
            };
            let Some(tier) = self.territory[u].and_then(|t| self.model.units[t].kind.tier()) else {
                continue;
            };
            if tier != level {
                let message = crate::t!(
                    "overlaps-msg-misplaced-level",
                    function = self.function_name(f),
                    level = level_name(level),
                    unit = self.unit_name(u),
                    tier = level_name(tier)
                );
                out.push(self.finding(FindingKind::MisplacedLevel, &[f], &[u], Some(u), message));
            }
        }
    }

    /// Marks (function, unit) for `u` and each ancestor up to and including the first
    /// administrative one: what a unit or any of its bodies does, the unit does.
    fn mark_upwards(&self, set: &mut Set<(FunctionIx, UnitIx)>, f: FunctionIx, u: UnitIx) {
        let units = &self.model.units;
        let mut cur = u;
        for _ in 0..=units.len() {
            if !set.insert((f, cur)) {
                // Every walk goes up to the administrative unit: the rest is marked.
                return;
            }
            if units[cur].kind.is_administrative() {
                return;
            }
            match units[cur].parent {
                Some(p) => cur = p,
                None => return,
            }
        }
    }

    /// Gap: one finding per unit in force and required function it does not lead, itself or
    /// through its bodies.
    fn gaps(&self, out: &mut Vec<Finding>) {
        let model = self.model;
        let mut required: Vec<Vec<FunctionIx>> = vec![Vec::new(); UnitKind::ALL.len()];
        for (f, func) in model.functions.iter().enumerate() {
            for &k in &func.required_for {
                if !required[kind_ix(k)].contains(&f) {
                    required[kind_ix(k)].push(f);
                }
            }
        }
        if required.iter().all(Vec::is_empty) {
            return;
        }
        let mut covered: Set<(FunctionIx, UnitIx)> = Set::default();
        covered.reserve(self.leads.len() * 2);
        for &(u, f) in &self.leads {
            self.mark_upwards(&mut covered, f, u);
        }
        for (u, unit) in model.units.iter().enumerate() {
            if !model.is_active(u) {
                continue;
            }
            for &f in &required[kind_ix(unit.kind)] {
                if !covered.contains(&(f, u)) {
                    let message = crate::t!(
                        if unit.kind.is_administrative() {
                            "overlaps-msg-gap-with-bodies"
                        } else {
                            "overlaps-msg-gap"
                        },
                        unit = unit.name.as_str(),
                        function = self.function_name(f),
                        kind = kind_name(unit.kind)
                    );
                    out.push(self.finding(FindingKind::Gap, &[f], &[u], Some(u), message));
                }
            }
        }
    }

    /// UnstaffedMandate: one finding per Lead mandate no post of the unit or its bodies covers.
    fn unstaffed(&self, out: &mut Vec<Finding>) {
        let model = self.model;
        let mut staffed: Set<(FunctionIx, UnitIx)> = Set::default();
        staffed.reserve(model.positions.len() * 2);
        for p in &model.positions {
            if !model.is_active(p.unit) {
                continue;
            }
            for &f in &p.functions {
                self.mark_upwards(&mut staffed, f, p.unit);
            }
        }
        for &(u, f) in &self.leads {
            if !staffed.contains(&(f, u)) {
                let message = crate::t!(
                    "overlaps-msg-unstaffed-mandate",
                    unit = self.unit_name(u),
                    function = self.function_name(f)
                );
                out.push(self.finding(FindingKind::UnstaffedMandate, &[f], &[u], Some(u), message));
            }
        }
    }

    /// PositionOverlap: one finding per unit and function covered by two or more of its posts.
    fn position_overlaps(&self, out: &mut Vec<Finding>) {
        let model = self.model;
        let mut covers: Vec<(UnitIx, FunctionIx, PositionIx)> = Vec::new();
        for (p, post) in model.positions.iter().enumerate() {
            if !model.is_active(post.unit) {
                continue;
            }
            covers.extend(post.functions.iter().map(|&f| (post.unit, f, p)));
        }
        covers.sort_unstable();
        // A post naming a function twice is one post.
        covers.dedup();
        for ((u, f), range) in runs(&covers, |&(u, f, _)| (u, f)) {
            if range.len() < 2 {
                continue;
            }
            let posts: Vec<PositionIx> = covers[range].iter().map(|x| x.2).collect();
            let titles = list(
                posts.iter().map(|&p| model.positions[p].title.as_str()),
                Noun::Posts,
            );
            let message = crate::t!(
                "overlaps-msg-position-overlap",
                n = posts.len(),
                unit = self.unit_name(u),
                function = self.function_name(f),
                posts = titles
            );
            let mut finding =
                self.finding(FindingKind::PositionOverlap, &[f], &[u], Some(u), message);
            finding.positions = posts
                .iter()
                .map(|&p| model.positions[p].id.clone())
                .collect();
            out.push(finding);
        }
    }
}

/// SimilarFunctions over the catalogue: every pair, so quadratic in the number of functions
/// (a catalogue of tens; a length bound skips most pairs before any edit distance is run).
fn similar_functions(model: &Model, opts: &Options, out: &mut Vec<Finding>) {
    let texts: Vec<Prepared> = model
        .functions
        .iter()
        .map(|f| Prepared::new(&format!("{} {}", f.name, f.description)))
        .collect();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            if texts[i].bound(&texts[j]) < opts.similarity {
                continue;
            }
            let score = texts[i].similarity(&texts[j]);
            if score < opts.similarity || score == 0.0 {
                continue;
            }
            let (a, b) = (&model.functions[i], &model.functions[j]);
            out.push(Finding {
                kind: FindingKind::SimilarFunctions,
                severity: FindingKind::SimilarFunctions.severity(),
                functions: vec![a.id.clone(), b.id.clone()],
                units: Vec::new(),
                positions: Vec::new(),
                message: crate::t!(
                    "overlaps-msg-similar-functions",
                    a = a.name.as_str(),
                    b = b.name.as_str(),
                    score = crate::i18n::fmt::decimal(score, 2)
                ),
                scope: None,
            });
        }
    }
}

/// Memoized territory: `memo[u]` is `Some(result)` once known.
fn resolve_territory(model: &Model, memo: &mut [Option<Option<UnitIx>>], u: UnitIx) {
    // Walk up to the first unit whose answer is known or that is administrative, then fill in
    // the path. The parent chain of a checked model is acyclic.
    let mut path = Vec::new();
    let mut cur = Some(u);
    let answer = loop {
        match cur {
            None => break None,
            Some(x) => {
                if let Some(known) = memo[x] {
                    break known;
                }
                if model.units[x].kind.is_administrative() {
                    memo[x] = Some(Some(x));
                    break Some(x);
                }
                if path.len() > model.units.len() {
                    break None;
                }
                path.push(x);
                cur = model.units[x].parent;
            }
        }
    };
    for x in path {
        memo[x] = Some(answer);
    }
}

fn kind_ix(k: UnitKind) -> usize {
    UnitKind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// Upper tiers first; bodies (no tier) last.
fn tier_rank(k: UnitKind) -> u8 {
    match k.tier() {
        Some(Level::Province) => 0,
        Some(Level::District) => 1,
        Some(Level::Commune) => 2,
        None => 3,
    }
}

fn level_name(l: Level) -> String {
    match l {
        Level::Province => crate::t!("overlaps-level-province"),
        Level::District => crate::t!("overlaps-level-district"),
        Level::Commune => crate::t!("overlaps-level-commune"),
    }
}

fn tier_name(k: UnitKind) -> String {
    k.tier()
        .map_or_else(|| crate::t!("overlaps-level-other"), level_name)
}

fn kind_name(k: UnitKind) -> String {
    match k {
        UnitKind::Province => crate::t!("overlaps-unit-kind-province"),
        UnitKind::District => crate::t!("overlaps-unit-kind-district"),
        UnitKind::Commune => crate::t!("overlaps-unit-kind-commune"),
        UnitKind::Ward => crate::t!("overlaps-unit-kind-ward"),
        UnitKind::Township => crate::t!("overlaps-unit-kind-township"),
        UnitKind::SpecialZone => crate::t!("overlaps-unit-kind-special-zone"),
        UnitKind::Department => crate::t!("overlaps-unit-kind-department"),
        UnitKind::Agency => crate::t!("overlaps-unit-kind-agency"),
    }
}

/// A fast hasher for the (index, index) keys of the rules' maps (the Fx multiply-rotate
/// hash): SipHash's protection against crafted keys buys nothing on a planner's own files, and
/// hashing is most of the rules' cost at national scale.
#[derive(Default, Clone, Copy)]
struct IndexHasher(u64);

impl Hasher for IndexHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<IndexHasher>>;
type Set<K> = HashSet<K, BuildHasherDefault<IndexHasher>>;

/// The runs of equal keys in a sorted slice: (key, index range).
fn runs<'a, T, K: PartialEq + 'a>(
    items: &'a [T],
    key: impl Fn(&T) -> K + 'a,
) -> impl Iterator<Item = (K, Range<usize>)> + 'a {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= items.len() {
            return None;
        }
        let k = key(&items[start]);
        let mut end = start + 1;
        while end < items.len() && key(&items[end]) == k {
            end += 1;
        }
        let r = start..end;
        start = end;
        Some((k, r))
    })
}

/// What a cut list counts.
#[derive(Clone, Copy)]
enum Noun {
    Units,
    Posts,
}

/// "a, b, c" — or the first few and "và N đơn vị khác" ("and N more units").
fn list<'a>(names: impl ExactSizeIterator<Item = &'a str>, noun: Noun) -> String {
    let n = names.len();
    let shown: Vec<&str> = names.take(NAMES_SHOWN).collect();
    let s = shown.join(", ");
    if n > NAMES_SHOWN {
        let key = match noun {
            Noun::Units => "overlaps-list-more-units",
            Noun::Posts => "overlaps-list-more-posts",
        };
        crate::t!(key, names = s, n = n - NAMES_SHOWN)
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_names_are_cut_with_a_count() {
        let names: Vec<String> = (1..=11).map(|i| format!("Xã {i}")).collect();
        let s = list(names.iter().map(String::as_str), Noun::Units);
        assert_eq!(
            s,
            "Xã 1, Xã 2, Xã 3, Xã 4, Xã 5, Xã 6, Xã 7, Xã 8 và 3 đơn vị khác"
        );
        assert_eq!(list(["a", "b"].into_iter(), Noun::Posts), "a, b");
    }

    #[test]
    fn runs_group_equal_keys_of_a_sorted_slice() {
        let v = [(1, 'a'), (1, 'b'), (2, 'c'), (5, 'd'), (5, 'e'), (5, 'f')];
        let got: Vec<(i32, Range<usize>)> = runs(&v, |x| x.0).collect();
        assert_eq!(got, vec![(1, 0..2), (2, 2..3), (5, 3..6)]);
        assert_eq!(runs(&[] as &[(i32, char)], |x| x.0).count(), 0);
    }

    #[test]
    fn a_body_without_an_administrative_ancestor_has_no_territory_to_share() {
        let text = r#"Model(name: "m", as_of: "2024-12-31",
            functions: [Function(id: "f", name: "Thống kê", level: Commune)],
            units: [Unit(id: "a", name: "Cục A", kind: Agency),
                    Unit(id: "b", name: "Cục B", kind: Agency),
                    Unit(id: "a.p", name: "Phòng", kind: Department, parent: "a")],
            mandates: [Mandate(unit: "a", function: "f"), Mandate(unit: "b", function: "f"),
                       Mandate(unit: "a.p", function: "f")],
            positions: [Position(id: "a.p.x", unit: "a.p", title: "Chuyên viên",
                                 kind: CivilServant, functions: ["f"])],
            staff: [])"#;
        let src = std::sync::Arc::new(crate::files::source::SourceFile::new(
            "m.ron",
            text.to_string(),
        ));
        let model = crate::model::check_model(&src).unwrap().value;
        let cx = Cx::new(&model);
        assert_eq!(cx.territory, vec![None, None, None]);
        let found = detect(&model, &Options::default());
        // No territory: no duplicate and no tier to misplace. `a` is staffed through its
        // Department; `b` has no post.
        let got: Vec<(FindingKind, &str)> = found
            .iter()
            .map(|f| (f.kind, f.units[0].as_str()))
            .collect();
        assert_eq!(got, vec![(FindingKind::UnstaffedMandate, "b")]);
    }

    #[test]
    fn tiers_rank_upper_first_and_bodies_last() {
        assert!(tier_rank(UnitKind::Province) < tier_rank(UnitKind::District));
        assert!(tier_rank(UnitKind::District) < tier_rank(UnitKind::Ward));
        assert_eq!(tier_rank(UnitKind::Commune), tier_rank(UnitKind::Township));
        assert!(tier_rank(UnitKind::Township) < tier_rank(UnitKind::Agency));
    }
}

//! Staffing tables side by side (issue 6, SPEC §7 `diff`): a model, a scenario's plan or a
//! saved plan JSON against another, per unit and post (before, after, norm, delta, over or
//! under the norm), then per person (stayed, moved, surplus with the package, left, new).
//!
//! Both sides are first read into a [`Staffing`]: posts with their quotas and holders, and
//! people with their post or their surplus package. Posts are matched across the sides by id;
//! a post of a merged unit has no id in common with the posts before, so an old post counts
//! toward the new post of the unit it merged into that has the same title, or failing that
//! the most functions in common. An old post that matches none is shown as abolished, under
//! the unit it merged into. Every person of either side appears exactly once in the people.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::alloc::Plan;
use crate::model::{Model, Scenario};

/// One side of a diff.
#[derive(Debug, Clone, Default)]
pub struct Staffing {
    /// What the side is, e.g. `model chuong-my-2024.ron`.
    pub label: String,
    /// Units in order; a unit made by a merger names the units it came from.
    pub units: Vec<StaffingUnit>,
    pub posts: Vec<StaffingPost>,
    /// Everyone on this side, by id.
    pub people: BTreeMap<String, StaffingPerson>,
    /// The side covers only a plan's mergers (a saved plan JSON): units outside them are not
    /// compared.
    pub partial: bool,
}

/// A unit on one side.
#[derive(Debug, Clone)]
pub struct StaffingUnit {
    pub id: String,
    pub name: String,
    /// The units merged into this one, whole then in part (empty if it was not made by a
    /// merger). A split unit is in the `from` of each unit that took a part; its old posts
    /// count toward the first.
    pub from: Vec<String>,
}

/// A post on one side.
#[derive(Debug, Clone)]
pub struct StaffingPost {
    pub id: String,
    pub unit: String,
    pub title: String,
    /// Function ids, when the side knows them (a plan JSON does not).
    pub functions: Vec<String>,
    pub quota: u32,
    pub holders: Vec<String>,
}

/// A person on one side.
#[derive(Debug, Clone)]
pub struct StaffingPerson {
    pub name: String,
    /// The post held, if any.
    pub post: Option<String>,
    /// Surplus in a plan: the package and its cost.
    pub surplus: Option<(String, u64)>,
}

impl Staffing {
    /// The staffing table of a model as it stands (dissolved units left out).
    pub fn from_model(model: &Model, label: &str) -> Self {
        let mut s = Staffing {
            label: label.to_string(),
            ..Default::default()
        };
        let mut holders: Vec<Vec<String>> = vec![Vec::new(); model.positions.len()];
        for p in &model.staff {
            if let Some(pos) = p.position {
                holders[pos].push(p.id.clone());
            }
            s.people.insert(
                p.id.clone(),
                StaffingPerson {
                    name: p.name.clone(),
                    post: p.position.map(|x| model.positions[x].id.clone()),
                    surplus: None,
                },
            );
        }
        for (u, unit) in model.units.iter().enumerate() {
            if !model.is_active(u) {
                continue;
            }
            s.units.push(StaffingUnit {
                id: unit.id.clone(),
                name: unit.name.clone(),
                from: Vec::new(),
            });
        }
        for (i, p) in model.positions.iter().enumerate() {
            if !model.is_active(p.unit) {
                continue;
            }
            s.posts.push(StaffingPost {
                id: p.id.clone(),
                unit: model.units[p.unit].id.clone(),
                title: p.title.clone(),
                functions: p
                    .functions
                    .iter()
                    .map(|&f| model.functions[f].id.clone())
                    .collect(),
                quota: p.quota,
                holders: std::mem::take(&mut holders[i]),
            });
        }
        s
    }

    /// The staffing table after a scenario's plan: the units the scenario leaves alone as they
    /// are, the new units with the plan's placements, and the surplus with their packages.
    pub fn from_plan(scenario: &Scenario, plan: &Plan, label: &str) -> Self {
        let applied = crate::merge::apply(scenario);
        let mut model = applied.model;
        // Who the plan placed where; the surplus have no post.
        let mut placed: HashMap<&str, &str> = HashMap::new();
        let mut surplus: HashMap<&str, (String, u64)> = HashMap::new();
        for m in &plan.mergers {
            for a in &m.assignments {
                placed.insert(&a.staff, &a.position);
            }
            for x in &m.surplus {
                surplus.insert(&x.staff, (x.package.to_string(), x.cost_vnd));
            }
        }
        for p in model.staff.iter_mut() {
            if let Some(post) = placed.get(p.id.as_str()) {
                p.position = model.index.positions.get(*post).copied();
            } else if surplus.contains_key(p.id.as_str()) {
                p.position = None;
            }
        }
        let mut s = Staffing::from_model(&model, label);
        for (m, &u) in scenario.mergers.iter().zip(&applied.new_units) {
            let id = &model.units[u].id;
            if let Some(unit) = s.units.iter_mut().find(|x| &x.id == id) {
                unit.from = m.sources().map(|f| model.units[f].id.clone()).collect();
            }
        }
        for (id, person) in s.people.iter_mut() {
            person.surplus = surplus.remove(id.as_str());
        }
        s
    }

    /// The staffing table of a saved plan (`orgplan plan --format json`): its mergers only.
    pub fn from_plan_json(plan: &PlanFile, label: &str) -> Self {
        let mut s = Staffing {
            label: label.to_string(),
            partial: true,
            ..Default::default()
        };
        for m in &plan.mergers {
            s.units.push(StaffingUnit {
                id: m.unit.clone(),
                name: m.name.clone(),
                from: m.from.iter().chain(&m.parts).cloned().collect(),
            });
            let mut posts: Vec<StaffingPost> = Vec::new();
            let post = |posts: &mut Vec<StaffingPost>, id: &str, title: &str| -> usize {
                if let Some(i) = posts.iter().position(|p| p.id == id) {
                    return i;
                }
                posts.push(StaffingPost {
                    id: id.to_string(),
                    unit: m.unit.clone(),
                    title: title.to_string(),
                    functions: Vec::new(),
                    quota: 0,
                    holders: Vec::new(),
                });
                posts.len() - 1
            };
            for a in &m.assignments {
                let i = post(&mut posts, &a.position, &a.title);
                posts[i].quota += 1;
                posts[i].holders.push(a.staff.clone());
                s.people.insert(
                    a.staff.clone(),
                    StaffingPerson {
                        name: a.name.clone(),
                        post: Some(a.position.clone()),
                        surplus: None,
                    },
                );
            }
            for v in &m.vacancies {
                let i = post(&mut posts, &v.position, &v.title);
                posts[i].quota += v.count;
            }
            for x in &m.surplus {
                s.people.insert(
                    x.staff.clone(),
                    StaffingPerson {
                        name: x.name.clone(),
                        post: None,
                        surplus: Some((x.package.clone(), x.cost_vnd)),
                    },
                );
            }
            s.posts.extend(posts);
        }
        s
    }
}

/// The fields of a saved plan JSON (SPEC §7.1) that a diff reads.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanFile {
    pub scenario: String,
    pub mergers: Vec<PlanFileMerger>,
}

/// One merger of a saved plan.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanFileMerger {
    pub unit: String,
    pub name: String,
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub parts: Vec<String>,
    #[serde(default)]
    pub assignments: Vec<PlanFileAssignment>,
    #[serde(default)]
    pub surplus: Vec<PlanFileSurplus>,
    #[serde(default)]
    pub vacancies: Vec<PlanFileVacancy>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanFileAssignment {
    pub staff: String,
    pub name: String,
    pub position: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanFileSurplus {
    pub staff: String,
    pub name: String,
    pub package: String,
    pub cost_vnd: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanFileVacancy {
    pub position: String,
    #[serde(default)]
    pub title: String,
    pub count: u32,
}

/// The diff of two staffing tables.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub before: String,
    pub after: String,
    /// Set when a side is a saved plan: only the plan's units are compared.
    pub scope: Option<String>,
    pub posts: Vec<PostRow>,
    pub people: Vec<PersonRow>,
    pub totals: DiffTotals,
}

/// One post: its holders before and after against its norm.
#[derive(Debug, Clone, Serialize)]
pub struct PostRow {
    pub unit: String,
    pub unit_name: String,
    pub post: String,
    pub title: String,
    /// Holders before (of this post, or of the old posts that became it).
    pub before: u32,
    pub after: u32,
    /// The post's quota after (before, for an abolished post: then `after` is 0).
    pub norm: u32,
    /// after − before.
    pub delta: i64,
    /// "over" / "under" the norm after, "at" it, or "abolished".
    pub status: &'static str,
    /// The posts before that count toward this one.
    pub from_posts: Vec<String>,
}

/// What happened to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Same post before and after.
    Stayed,
    /// Another post after.
    Moved,
    /// A post before, none after (or none either side).
    Unplaced,
    /// Surplus in the plan, with a package.
    Surplus,
    /// Before only.
    Left,
    /// After only.
    New,
}

/// One person's change.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub staff: String,
    pub name: String,
    pub change: Change,
    pub from_post: Option<String>,
    pub to_post: Option<String>,
    /// The package of a surplus person.
    pub package: Option<String>,
    pub cost_vnd: Option<u64>,
}

/// Sums of a diff.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DiffTotals {
    pub posts: usize,
    pub before: u64,
    pub after: u64,
    pub norm: u64,
    pub over_norm_posts: usize,
    pub under_norm_posts: usize,
    pub people: usize,
    pub stayed: usize,
    pub moved: usize,
    pub unplaced: usize,
    pub surplus: usize,
    pub surplus_cost_vnd: u64,
    pub left: usize,
    pub new: usize,
}

/// A title compared loosely: case, spacing and Unicode form ignored.
fn title_key(t: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    t.nfc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares two staffing tables.
pub fn diff(a: &Staffing, b: &Staffing) -> Diff {
    // Units of B by id, and which B unit each A unit became.
    let b_units: HashMap<&str, &StaffingUnit> =
        b.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut became: HashMap<&str, &str> = HashMap::new();
    for u in b.units.iter().chain(&a.units) {
        for f in &u.from {
            became.entry(f.as_str()).or_insert(u.id.as_str());
        }
    }
    // Only what both sides describe, when one side is a plan's mergers only.
    let partial = a.partial || b.partial;
    let in_scope = |unit: &str| -> bool {
        if !partial {
            return true;
        }
        let u = became.get(unit).copied().unwrap_or(unit);
        let covered = |s: &Staffing| s.units.iter().any(|x| x.id == u);
        (!a.partial || covered(a)) && (!b.partial || covered(b))
    };
    let b_posts: HashMap<&str, usize> = b
        .posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // B's posts by unit, and their titles compared loosely.
    let mut b_posts_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in b.posts.iter().enumerate() {
        b_posts_of.entry(p.unit.as_str()).or_default().push(i);
    }
    let b_titles: Vec<String> = b.posts.iter().map(|p| title_key(&p.title)).collect();
    // Each post of A: the post of B it counts toward.
    let successor = |p: &StaffingPost| -> Option<usize> {
        if let Some(&i) = b_posts.get(p.id.as_str()) {
            return Some(i);
        }
        let unit = became.get(p.unit.as_str())?;
        let cands = b_posts_of.get(unit)?;
        let key = title_key(&p.title);
        if let Some(&i) = cands.iter().find(|&&i| b_titles[i] == key) {
            return Some(i);
        }
        let shared = |i: usize| {
            b.posts[i]
                .functions
                .iter()
                .filter(|f| p.functions.contains(f))
                .count()
        };
        cands
            .iter()
            .copied()
            .filter(|&i| shared(i) > 0)
            .max_by_key(|&i| (shared(i), std::cmp::Reverse(i)))
    };
    let mut before = vec![0u32; b.posts.len()];
    let mut from_posts: Vec<Vec<String>> = vec![Vec::new(); b.posts.len()];
    let mut abolished: Vec<&StaffingPost> = Vec::new();
    for p in &a.posts {
        if !in_scope(&p.unit) {
            continue;
        }
        match successor(p) {
            Some(i) => {
                before[i] += p.holders.len() as u32;
                if p.id != b.posts[i].id {
                    from_posts[i].push(p.id.clone());
                }
            }
            None => abolished.push(p),
        }
    }
    let unit_name = |id: &str| -> String {
        b_units
            .get(id)
            .map(|u| u.name.clone())
            .or_else(|| a.units.iter().find(|u| u.id == id).map(|u| u.name.clone()))
            .unwrap_or_default()
    };
    let mut posts = Vec::new();
    let mut totals = DiffTotals::default();
    // B's posts in B's order, each unit followed by the old posts abolished into it.
    let mut abolished_by_unit: BTreeMap<String, Vec<&StaffingPost>> = BTreeMap::new();
    for p in abolished {
        let u = became.get(p.unit.as_str()).copied().unwrap_or(&p.unit);
        abolished_by_unit.entry(u.to_string()).or_default().push(p);
    }
    let mut units: Vec<String> = b.units.iter().map(|u| u.id.clone()).collect();
    let seen: HashSet<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
    units.extend(
        abolished_by_unit
            .keys()
            .filter(|u| !seen.contains(u.as_str()))
            .cloned(),
    );
    for u in &units {
        let u = u.as_str();
        if !in_scope(u) {
            continue;
        }
        for &i in b_posts_of.get(u).map_or(&[][..], Vec::as_slice) {
            let p = &b.posts[i];
            let after = p.holders.len() as u32;
            let status = match after.cmp(&p.quota) {
                std::cmp::Ordering::Greater => "over",
                std::cmp::Ordering::Less => "under",
                std::cmp::Ordering::Equal => "at",
            };
            posts.push(PostRow {
                unit: u.to_string(),
                unit_name: unit_name(u),
                post: p.id.clone(),
                title: p.title.clone(),
                before: before[i],
                after,
                norm: p.quota,
                delta: i64::from(after) - i64::from(before[i]),
                status,
                from_posts: std::mem::take(&mut from_posts[i]),
            });
        }
        for p in abolished_by_unit.remove(u).unwrap_or_default() {
            let n = p.holders.len() as u32;
            posts.push(PostRow {
                unit: u.to_string(),
                unit_name: unit_name(u),
                post: p.id.clone(),
                title: p.title.clone(),
                before: n,
                after: 0,
                norm: 0,
                delta: -i64::from(n),
                status: "abolished",
                from_posts: Vec::new(),
            });
        }
    }
    for r in &posts {
        totals.posts += 1;
        totals.before += u64::from(r.before);
        totals.after += u64::from(r.after);
        totals.norm += u64::from(r.norm);
        totals.over_norm_posts += usize::from(r.status == "over");
        totals.under_norm_posts += usize::from(r.status == "under");
    }
    // People: everyone of either side once, A's order of ids (sorted), then B's new ones.
    let post_units = |s: &Staffing| -> HashMap<String, String> {
        s.posts
            .iter()
            .map(|p| (p.id.clone(), p.unit.clone()))
            .collect()
    };
    let (a_units, b_units_of) = (post_units(a), post_units(b));
    let in_scope_post = |units: &HashMap<String, String>, post: &Option<String>| -> bool {
        post.as_ref()
            .and_then(|p| units.get(p))
            .is_some_and(|u| in_scope(u))
    };
    let mut people = Vec::new();
    let ids: std::collections::BTreeSet<&String> = a.people.keys().chain(b.people.keys()).collect();
    for id in ids {
        let pa = a.people.get(id);
        let pb = b.people.get(id);
        // Outside a plan's mergers, people are not compared: a person counts when a plan
        // side lists them or they hold a post in a compared unit.
        let covered = (pa.is_some() && a.partial)
            || (pb.is_some() && b.partial)
            || pa.is_some_and(|p| in_scope_post(&a_units, &p.post))
            || pb.is_some_and(|p| in_scope_post(&b_units_of, &p.post));
        if partial && !covered {
            continue;
        }
        let (change, package) = match (pa, pb) {
            (Some(_), None) => (Change::Left, None),
            (None, Some(p)) => (Change::New, p.surplus.clone()),
            (Some(x), Some(y)) => match (&y.surplus, &x.post, &y.post) {
                (Some(s), _, _) => (Change::Surplus, Some(s.clone())),
                (None, Some(f), Some(t)) if f == t => (Change::Stayed, None),
                (None, _, Some(_)) => (Change::Moved, None),
                (None, _, None) => (Change::Unplaced, None),
            },
            (None, None) => continue,
        };
        let name = pb.or(pa).map(|p| p.name.clone()).unwrap_or_default();
        match change {
            Change::Stayed => totals.stayed += 1,
            Change::Moved => totals.moved += 1,
            Change::Unplaced => totals.unplaced += 1,
            Change::Surplus => {
                totals.surplus += 1;
                totals.surplus_cost_vnd += package.as_ref().map_or(0, |p| p.1);
            }
            Change::Left => totals.left += 1,
            Change::New => totals.new += 1,
        }
        people.push(PersonRow {
            staff: id.clone(),
            name,
            change,
            from_post: pa.and_then(|p| p.post.clone()),
            to_post: pb.and_then(|p| p.post.clone()),
            package: package.as_ref().map(|p| p.0.clone()),
            cost_vnd: package.map(|p| p.1),
        });
    }
    totals.people = people.len();
    // Surplus first (the people a planner must act on), then moves, then the rest; by id
    // within each (the order they were found in).
    people.sort_by_key(|p| match p.change {
        Change::Surplus => 0,
        Change::Moved => 1,
        Change::New => 2,
        Change::Left => 3,
        Change::Unplaced => 4,
        Change::Stayed => 5,
    });
    Diff {
        before: a.label.clone(),
        after: b.label.clone(),
        scope: partial.then(|| crate::t!("diff-scope-partial")),
        posts,
        people,
        totals,
    }
}

//! `orgplan show`: the units tree with each unit's posts, quotas, holders and over-quota flags.

use serde::Serialize;

use crate::model::{Model, UnitIx};

/// The staffing table of a model, unit by unit in tree order.
#[derive(Debug, Clone, Serialize)]
pub struct ShowReport {
    pub model: String,
    pub as_of: String,
    pub units: Vec<ShowUnit>,
    pub totals: ShowTotals,
}

/// One unit and its posts.
#[derive(Debug, Clone, Serialize)]
pub struct ShowUnit {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// Depth in the tree (0 = a root).
    pub depth: usize,
    pub parent: Option<String>,
    pub class: Option<&'static str>,
    pub population: Option<u64>,
    pub area_km2: Option<f64>,
    /// Dissolved into this new unit (after a scenario is applied).
    pub merged_into: Option<String>,
    pub positions: Vec<ShowPosition>,
}

/// One post and who holds it.
#[derive(Debug, Clone, Serialize)]
pub struct ShowPosition {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub quota: u32,
    pub held: usize,
    pub over_quota: bool,
    pub holders: Vec<Holder>,
}

/// A person holding a post.
#[derive(Debug, Clone, Serialize)]
pub struct Holder {
    pub id: String,
    pub name: String,
}

/// Sums over the model.
#[derive(Debug, Clone, Serialize)]
pub struct ShowTotals {
    pub units: usize,
    pub positions: usize,
    pub quota: u64,
    pub staff: usize,
    /// People with no post.
    pub unplaced: usize,
    pub over_quota_positions: usize,
}

/// One CSV row: a post (or a unit with no posts).
#[derive(Debug, Clone, Serialize)]
pub struct ShowRow {
    pub unit: String,
    pub unit_name: String,
    pub unit_kind: &'static str,
    pub depth: usize,
    pub position: String,
    pub title: String,
    pub kind: &'static str,
    pub quota: Option<u32>,
    pub held: Option<usize>,
    pub over_quota: Option<bool>,
    pub holders: String,
}

impl ShowReport {
    /// Builds the report of a model.
    pub fn new(model: &Model) -> Self {
        let children = model.children();
        let holders = model.holders();
        let mut posts_of = vec![Vec::new(); model.units.len()];
        for (p, pos) in model.positions.iter().enumerate() {
            posts_of[pos.unit].push(p);
        }
        let mut order = Vec::with_capacity(model.units.len());
        let mut seen = vec![false; model.units.len()];
        // Depth-first, roots in file order, children in file order; an explicit stack so that
        // deep hierarchies cannot overflow.
        for root in (0..model.units.len()).filter(|&u| model.units[u].parent.is_none()) {
            let mut stack: Vec<(UnitIx, usize)> = vec![(root, 0)];
            while let Some((u, d)) = stack.pop() {
                if seen[u] {
                    continue;
                }
                seen[u] = true;
                order.push((u, d));
                for &c in children[u].iter().rev() {
                    stack.push((c, d + 1));
                }
            }
        }
        let mut over = 0;
        let units = order
            .into_iter()
            .map(|(u, depth)| {
                let unit = &model.units[u];
                ShowUnit {
                    id: unit.id.clone(),
                    name: unit.name.clone(),
                    kind: unit.kind.as_str(),
                    depth,
                    parent: unit.parent.map(|p| model.units[p].id.clone()),
                    class: unit.class.map(|c| c.as_str()),
                    population: unit.population,
                    area_km2: unit.area_km2,
                    merged_into: unit.merged_into.map(|m| model.units[m].id.clone()),
                    positions: posts_of[u]
                        .iter()
                        .map(|&p| {
                            let pos = &model.positions[p];
                            let held = holders[p].len();
                            let over_quota = held as u64 > u64::from(pos.quota);
                            over += usize::from(over_quota);
                            ShowPosition {
                                id: pos.id.clone(),
                                title: pos.title.clone(),
                                kind: pos.kind.as_str(),
                                quota: pos.quota,
                                held,
                                over_quota,
                                holders: holders[p]
                                    .iter()
                                    .map(|&s| Holder {
                                        id: model.staff[s].id.clone(),
                                        name: model.staff[s].name.clone(),
                                    })
                                    .collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        ShowReport {
            model: model.name.clone(),
            as_of: model.as_of.to_string(),
            units,
            totals: ShowTotals {
                units: model.units.len(),
                positions: model.positions.len(),
                quota: model.positions.iter().map(|p| u64::from(p.quota)).sum(),
                staff: model.staff.len(),
                unplaced: model.staff.iter().filter(|s| s.position.is_none()).count(),
                over_quota_positions: over,
            },
        }
    }

    /// One row per post, for CSV.
    pub fn rows(&self) -> Vec<ShowRow> {
        let mut rows = Vec::new();
        for u in &self.units {
            let base = |p: Option<&ShowPosition>| ShowRow {
                unit: u.id.clone(),
                unit_name: u.name.clone(),
                unit_kind: u.kind,
                depth: u.depth,
                position: p.map(|p| p.id.clone()).unwrap_or_default(),
                title: p.map(|p| p.title.clone()).unwrap_or_default(),
                kind: p.map_or("", |p| p.kind),
                quota: p.map(|p| p.quota),
                held: p.map(|p| p.held),
                over_quota: p.map(|p| p.over_quota),
                holders: p
                    .map(|p| {
                        p.holders
                            .iter()
                            .map(|h| h.id.as_str())
                            .collect::<Vec<_>>()
                            .join(";")
                    })
                    .unwrap_or_default(),
            };
            if u.positions.is_empty() {
                rows.push(base(None));
            }
            for p in &u.positions {
                rows.push(base(Some(p)));
            }
        }
        rows
    }
}

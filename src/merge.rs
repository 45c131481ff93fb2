//! Applying a scenario's mergers to its model (SPEC §5.1): the organization as it will be.
//!
//! The new units are added; the `from` units stay, marked dissolved (`merged_into`), for
//! before/after reports; their Departments and Agencies and their mandates move to the new
//! unit (duplicates merged, Lead winning over Coordinate); the new posts are added. A unit
//! split among several new units (a merger's `parts`) reads as the first of them, and its
//! mandates go to each. Staff keep
//! their current posts here: who takes which new post is the allocation's job.

use std::collections::HashMap;

use crate::model::{Mandate, Model, PositionIx, Role, Scenario, UnitIx};

/// The model after a scenario's mergers, with where the new things are.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The organization after the mergers.
    pub model: Model,
    /// The new unit of each merger.
    pub new_units: Vec<UnitIx>,
    /// The new posts of each merger, in the merger's order.
    pub new_posts: Vec<Vec<PositionIx>>,
}

/// Applies every merger of a scenario to a copy of its model.
pub fn apply(scenario: &Scenario) -> Applied {
    let mut model = scenario.model.clone();
    let base = model.units.len();
    let mut new_units = Vec::with_capacity(scenario.mergers.len());
    let mut new_posts = Vec::with_capacity(scenario.mergers.len());
    for (m, merger) in scenario.mergers.iter().enumerate() {
        let ix = base + m;
        debug_assert_eq!(model.units.len(), ix);
        model.units.push(merger.into.clone());
        model.index.units.insert(merger.into.id.clone(), ix);
        new_units.push(ix);
        for u in merger.sources() {
            // A split unit reads as the first new unit that takes a part of it.
            if model.units[u].merged_into.is_none() {
                model.units[u].merged_into = Some(ix);
            }
        }
        let mut posts = Vec::with_capacity(merger.posts.len());
        for p in &merger.posts {
            let pix = model.positions.len();
            let mut post = p.clone();
            post.unit = ix;
            model.index.positions.insert(post.id.clone(), pix);
            model.positions.push(post);
            posts.push(pix);
        }
        new_posts.push(posts);
    }
    // Bodies of dissolved units move to the new unit.
    for u in 0..base {
        if let Some(p) = model.units[u].parent {
            if let Some(into) = model.units[p].merged_into {
                if !model.units[u].kind.is_administrative() && model.units[u].merged_into.is_none()
                {
                    model.units[u].parent = Some(into);
                }
            }
        }
    }
    // Every new unit that takes a part of a split unit.
    let mut split_into: HashMap<UnitIx, Vec<UnitIx>> = HashMap::new();
    for (m, merger) in scenario.mergers.iter().enumerate() {
        for &u in &merger.parts {
            split_into.entry(u).or_default().push(base + m);
        }
    }
    // Mandates of dissolved units move to the new unit (a split unit's to each new unit that
    // takes a part of it); the same function twice becomes one mandate, Lead if any of them
    // was Lead.
    let mut merged: HashMap<(UnitIx, usize), usize> = HashMap::new();
    let mut mandates: Vec<Mandate> = Vec::with_capacity(model.mandates.len());
    for m in &model.mandates {
        let one = [model.units[m.unit].merged_into.unwrap_or(m.unit)];
        let targets: &[UnitIx] = split_into.get(&m.unit).map_or(&one, Vec::as_slice);
        for &unit in targets {
            let key = (unit, m.function);
            match merged.get(&key) {
                Some(&i) => {
                    if m.role == Role::Lead {
                        mandates[i].role = Role::Lead;
                    }
                }
                None => {
                    merged.insert(key, mandates.len());
                    mandates.push(Mandate {
                        unit,
                        function: m.function,
                        role: m.role,
                    });
                }
            }
        }
    }
    model.mandates = mandates;
    Applied {
        model,
        new_units,
        new_posts,
    }
}

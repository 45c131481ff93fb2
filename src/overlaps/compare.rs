//! Findings before and after a scenario's mergers.

use std::collections::HashSet;

use serde::Serialize;

use super::{detect, Finding, FindingKind, Options};
use crate::model::Model;

/// What a merger did to a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Found after the mergers, not before: the merger creates it.
    New,
    /// Found before, not after: the merger removes it.
    Gone,
    /// Found before and after.
    Kept,
}

impl Change {
    /// `new`, `gone` or `kept`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Gone => "gone",
            Change::Kept => "kept",
        }
    }
}

impl Change {
    /// The change in the reader's language (JSON keeps [`Change::as_str`]).
    pub fn label(self) -> String {
        match self {
            Change::New => crate::t!("overlaps-change-new"),
            Change::Gone => crate::t!("overlaps-change-gone"),
            Change::Kept => crate::t!("overlaps-change-kept"),
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Runs [`detect`] on the model before and after a scenario's mergers (`after` is
/// [`crate::merge::apply`]'s model: it still holds the dissolved units, marked) and marks each
/// finding.
///
/// A finding before and one after are the same when they have the same kind, the same
/// functions and the same scope once every dissolved unit is replaced by the unit it merges
/// into: "Xã Hồng Phong lacks chuyen-doi-so" and "Xã Hồng Phú lacks chuyen-doi-so" are one
/// gap, and a duplicate over the district is the same duplicate whichever communes merged
/// below it. Posts and the exact units listed are not part of the match: a merger renames
/// them. Kept and new findings are given as found after the mergers, gone ones as found
/// before. Sorted by severity, kind, change (new, gone, kept), then ids.
pub fn compare(before: &Model, after: &Model, opts: &Options) -> Vec<(Finding, Change)> {
    let old = detect(before, opts);
    let new = detect(after, opts);
    let key = |f: &Finding| -> (FindingKind, Vec<String>, Option<String>) {
        (
            f.kind,
            f.functions.clone(),
            f.scope.as_deref().map(|s| successor(after, s)),
        )
    };
    let old_keys: HashSet<_> = old.iter().map(key).collect();
    let new_keys: HashSet<_> = new.iter().map(key).collect();
    let mut out: Vec<(Finding, Change)> = Vec::with_capacity(old.len() + new.len());
    for f in new {
        let change = if old_keys.contains(&key(&f)) {
            Change::Kept
        } else {
            Change::New
        };
        out.push((f, change));
    }
    for f in old {
        if !new_keys.contains(&key(&f)) {
            out.push((f, Change::Gone));
        }
    }
    out.sort_by(|(a, ca), (b, cb)| {
        (a.severity, a.kind, ca, a.sort_key()).cmp(&(b.severity, b.kind, cb, b.sort_key()))
    });
    out
}

/// The id of the unit in force that `id` is, or became through mergers.
fn successor(after: &Model, id: &str) -> String {
    let Some(mut u) = after.unit(id) else {
        return id.to_string();
    };
    for _ in 0..after.units.len() {
        match after.units[u].merged_into {
            Some(into) => u = into,
            None => break,
        }
    }
    after.units[u].id.clone()
}

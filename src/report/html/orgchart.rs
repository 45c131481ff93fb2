//! The org chart of one merger as inline SVG: the old units with their posts and holders on
//! the left, the new unit's posts with the people placed on the right, and a line from each
//! person's old post to their new one. Surplus people and empty posts are marked in words as
//! well as colour.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::page::esc;
use super::text::{fold, t, tr};
use crate::alloc::Plan;
use crate::model::{PositionIx, Scenario, UnitIx};

const ROW: i64 = 20;
const TOP: i64 = 34;
const WIDTH: i64 = 1000;
const LEFT_W: i64 = 430;
const RIGHT_X: i64 = 570;
const TITLE_CHARS: usize = 31;
const NAME_CHARS: usize = 34;
/// Line colours by old unit, dark enough to read against white.
const COLOURS: [&str; 6] = [
    "#0b4f8a", "#1e7b34", "#8a3b9c", "#a35c00", "#00707a", "#6b5d00",
];

/// Where each person went: their new post's merger and id, or surplus.
pub(crate) type Destinations<'a> = HashMap<&'a str, (usize, &'a str)>;

/// Every person's destination in a plan.
pub(crate) fn destinations(plan: &Plan) -> Destinations<'_> {
    let mut d = HashMap::new();
    for (m, mp) in plan.mergers.iter().enumerate() {
        for a in &mp.assignments {
            d.insert(a.staff.as_str(), (m, a.position.as_str()));
        }
    }
    d
}

/// The posts of each unit, in model order.
pub(crate) fn posts_by_unit(scenario: &Scenario) -> Vec<Vec<PositionIx>> {
    let model = &scenario.model;
    let mut by = vec![Vec::new(); model.units.len()];
    for (p, pos) in model.positions.iter().enumerate() {
        by[pos.unit].push(p);
    }
    by
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n - 1).collect();
        c.push('…');
        c
    }
}

enum Side<'a> {
    Header(String),
    Person {
        title: &'a str,
        name: &'a str,
        id: &'a str,
        /// A word after the name (surplus, gone to another unit, from another unit).
        note: Option<(String, &'static str)>,
    },
    Empty {
        title: &'a str,
        word: String,
        colour: &'static str,
    },
}

/// The SVG of merger `m`, and how many people it draws.
pub(crate) fn merger_svg(
    scenario: &Scenario,
    plan: &Plan,
    m: usize,
    candidates: &[usize],
    posts_of: &[Vec<PositionIx>],
    dest: &Destinations,
) -> String {
    let model = &scenario.model;
    let mp = &plan.mergers[m];
    let merger = &scenario.mergers[m];
    // The old units: the merged units, then the bodies whose staff are candidates, in model
    // order; each with every post, held or not.
    let mut units: Vec<UnitIx> = merger.from.clone();
    for &s in candidates {
        if let Some(p) = model.staff[s].position {
            let u = model.positions[p].unit;
            if !units.contains(&u) {
                units.push(u);
            }
        }
    }
    units[merger.from.len()..].sort_unstable();
    let mut holders: HashMap<PositionIx, Vec<usize>> = HashMap::new();
    for &s in candidates {
        if let Some(p) = model.staff[s].position {
            holders.entry(p).or_default().push(s);
        }
    }
    let surplus_word = t("report-chart-surplus");
    let retiring_word = t("report-chart-retiring");
    let retiring: std::collections::HashSet<&str> = plan
        .mergers
        .iter()
        .flat_map(|mp| mp.surplus.iter().filter(|s| s.retiring))
        .map(|s| s.staff.as_str())
        .collect();
    let mut left: Vec<(Side, Option<usize>)> = Vec::new();
    for (k, &u) in units.iter().enumerate() {
        left.push((Side::Header(model.units[u].name.clone()), None));
        for &p in &posts_of[u] {
            let pos = &model.positions[p];
            match holders.get(&p) {
                None => left.push((
                    Side::Empty {
                        title: &pos.title,
                        word: t("report-chart-empty-post"),
                        colour: "#555555",
                    },
                    None,
                )),
                Some(hs) => {
                    for &s in hs {
                        let person = &model.staff[s];
                        let note = match dest.get(person.id.as_str()) {
                            None if retiring.contains(person.id.as_str()) => {
                                Some((retiring_word.clone(), "#6b4e16"))
                            }
                            None => Some((surplus_word.clone(), "#a01818")),
                            Some(&(to, _)) if to != m => Some((
                                tr(
                                    "report-chart-elsewhere",
                                    &[("unit", (&plan.mergers[to].name).into())],
                                ),
                                "#4a4a4a",
                            )),
                            Some(_) => None,
                        };
                        left.push((
                            Side::Person {
                                title: &pos.title,
                                name: &person.name,
                                id: &person.id,
                                note,
                            },
                            Some(k),
                        ));
                    }
                }
            }
        }
    }
    let mut placed: HashMap<&str, Vec<&crate::alloc::Assignment>> = HashMap::new();
    for a in &mp.assignments {
        placed.entry(a.position.as_str()).or_default().push(a);
    }
    let mut right: Vec<Side> = vec![Side::Header(mp.name.clone())];
    for post in &merger.posts {
        let hs = placed.get(post.id.as_str()).map_or(&[][..], |v| &v[..]);
        for a in hs {
            let note = (a.from_unit != mp.unit).then(|| {
                let from = plan
                    .mergers
                    .iter()
                    .find(|x| x.unit == a.from_unit)
                    .map_or(a.from_unit.as_str(), |x| x.name.as_str());
                (
                    tr("report-chart-from-other", &[("unit", from.into())]),
                    "#4a4a4a",
                )
            });
            right.push(Side::Person {
                title: &post.title,
                name: &a.name,
                id: &a.staff,
                note,
            });
        }
        for _ in hs.len()..post.quota as usize {
            right.push(Side::Empty {
                title: &post.title,
                word: t("report-chart-vacant"),
                colour: "#7a4b00",
            });
        }
    }
    let rows = left.len().max(right.len()) as i64;
    let height = TOP + rows * ROW + 10;
    let mut h = String::new();
    let label = tr("report-chart-label", &[("unit", (&mp.name).into())]);
    let _ = write!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"group\" aria-label=\"{}\" font-size=\"12\">",
        esc(&label)
    );
    let _ = write!(
        h,
        "<text x=\"4\" y=\"20\" font-weight=\"700\" font-size=\"14\" fill=\"#1b1b1b\">{}</text><text x=\"{}\" y=\"20\" font-weight=\"700\" font-size=\"14\" fill=\"#1b1b1b\">{}</text>",
        esc(&t("report-chart-before")),
        RIGHT_X + 4,
        esc(&t("report-chart-after"))
    );
    let mut y_left: HashMap<&str, (i64, usize)> = HashMap::new();
    for (i, (side, k)) in left.iter().enumerate() {
        let y = TOP + i as i64 * ROW;
        draw(&mut h, side, 0, y);
        if let (Side::Person { id, .. }, Some(k)) = (side, k) {
            y_left.insert(id, (y, *k));
        }
    }
    for (i, side) in right.iter().enumerate() {
        let y = TOP + i as i64 * ROW;
        draw(&mut h, side, RIGHT_X, y);
        if let Side::Person { id, .. } = side {
            if let Some(&(y0, k)) = y_left.get(id) {
                let (a, b) = (y0 + ROW / 2, y + ROW / 2);
                let mid = (LEFT_W + RIGHT_X) / 2;
                let _ = write!(
                    h,
                    "<path d=\"M{LEFT_W},{a} C{mid},{a} {mid},{b} {RIGHT_X},{b}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.3\" stroke-opacity=\"0.75\"/>",
                    COLOURS[k % COLOURS.len()]
                );
            }
        }
    }
    h.push_str("</svg>");
    h
}

fn draw(h: &mut String, side: &Side, x: i64, y: i64) {
    let w = WIDTH - RIGHT_X;
    let base = y + 14;
    match side {
        Side::Header(name) => {
            let _ = write!(
                h,
                "<g data-k=\"{k}\"><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{ROW}\" fill=\"#dde6f0\"/><text x=\"{tx}\" y=\"{base}\" font-weight=\"700\" fill=\"#0b2f52\">{name}</text></g>",
                k = esc(&fold(name)),
                tx = x + 4,
                name = esc(&clip(name, 70)),
            );
        }
        Side::Person {
            title,
            name,
            id,
            note,
        } => {
            let full = format!("{title} — {name} ({id})");
            let _ = write!(
                h,
                "<g class=\"p\" data-k=\"{k}\"><title>{full}</title><rect class=\"bg\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{ROW}\" fill=\"transparent\"/><text x=\"{tx}\" y=\"{base}\" fill=\"#4a4a4a\" font-size=\"11\">{title}</text><text x=\"{nx}\" y=\"{base}\" fill=\"{colour}\">{name}</text>",
                k = esc(&fold(&format!("{name} {id} {title}"))),
                full = esc(&full),
                tx = x + 10,
                nx = x + 215,
                title = esc(&clip(title, TITLE_CHARS)),
                colour = note.as_ref().map_or("#1b1b1b", |n| n.1),
                name = esc(&clip(&format!("{name} ({id})"), NAME_CHARS)),
            );
            if let Some((word, colour)) = note {
                let _ = write!(
                    h,
                    "<text x=\"{}\" y=\"{base}\" fill=\"{colour}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
                    x + w - 2,
                    esc(&clip(word, 22))
                );
            }
            h.push_str("</g>");
        }
        Side::Empty {
            title,
            word,
            colour,
        } => {
            let _ = write!(
                h,
                "<g data-k=\"{k}\"><text x=\"{tx}\" y=\"{base}\" fill=\"#4a4a4a\" font-size=\"11\">{t}</text><text x=\"{nx}\" y=\"{base}\" fill=\"{colour}\" font-style=\"italic\">— {word} —</text></g>",
                k = esc(&fold(title)),
                tx = x + 10,
                nx = x + 215,
                t = esc(&clip(title, TITLE_CHARS)),
                word = esc(word),
            );
        }
    }
}

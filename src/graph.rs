//! The organization as one graph (SPEC §3): units, functions, positions and staff as typed
//! nodes; belongs-to, mandate, has-post, covers and holds as typed edges. Built on petgraph's
//! `StableGraph`, so that nodes keep their indices when a scenario dissolves units.

use std::collections::HashMap;
use std::fmt::Write as _;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use petgraph::Direction;

use crate::model::{FunctionIx, Model, PositionIx, Role, StaffIx, UnitIx};

/// A node of the organization graph: an index into the model's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Unit(UnitIx),
    Function(FunctionIx),
    Position(PositionIx),
    Staff(StaffIx),
}

/// An edge of the organization graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// unit → parent unit.
    BelongsTo,
    /// unit → function, lead or coordinate.
    Mandate(Role),
    /// unit → position.
    HasPost,
    /// position → function.
    Covers,
    /// staff → position.
    Holds,
}

/// The organization graph of a model, with an id → node map.
#[derive(Debug, Clone)]
pub struct OrgGraph {
    /// The graph itself.
    pub graph: StableDiGraph<Node, Edge>,
    /// Every node by what it stands for.
    pub nodes: HashMap<Node, NodeIndex>,
}

impl OrgGraph {
    /// Builds the graph of a checked model.
    pub fn build(model: &Model) -> Self {
        let n =
            model.units.len() + model.functions.len() + model.positions.len() + model.staff.len();
        let mut graph = StableDiGraph::with_capacity(n, n * 2);
        let mut nodes = HashMap::with_capacity(n);
        let mut add = |g: &mut StableDiGraph<Node, Edge>, node: Node| {
            let ix = g.add_node(node);
            nodes.insert(node, ix);
            ix
        };
        let units: Vec<NodeIndex> = (0..model.units.len())
            .map(|u| add(&mut graph, Node::Unit(u)))
            .collect();
        let functions: Vec<NodeIndex> = (0..model.functions.len())
            .map(|f| add(&mut graph, Node::Function(f)))
            .collect();
        let positions: Vec<NodeIndex> = (0..model.positions.len())
            .map(|p| add(&mut graph, Node::Position(p)))
            .collect();
        let staff: Vec<NodeIndex> = (0..model.staff.len())
            .map(|s| add(&mut graph, Node::Staff(s)))
            .collect();
        for (u, unit) in model.units.iter().enumerate() {
            if let Some(p) = unit.parent {
                graph.add_edge(units[u], units[p], Edge::BelongsTo);
            }
        }
        for m in &model.mandates {
            graph.add_edge(units[m.unit], functions[m.function], Edge::Mandate(m.role));
        }
        for (p, pos) in model.positions.iter().enumerate() {
            if pos.unit < units.len() {
                graph.add_edge(units[pos.unit], positions[p], Edge::HasPost);
            }
            for &f in &pos.functions {
                graph.add_edge(positions[p], functions[f], Edge::Covers);
            }
        }
        for (s, person) in model.staff.iter().enumerate() {
            if let Some(p) = person.position {
                graph.add_edge(staff[s], positions[p], Edge::Holds);
            }
        }
        OrgGraph { graph, nodes }
    }

    /// The node of a model element.
    pub fn node(&self, n: Node) -> Option<NodeIndex> {
        self.nodes.get(&n).copied()
    }

    /// The units that Lead a function (following mandate edges backwards).
    pub fn leads_of(&self, f: FunctionIx) -> Vec<UnitIx> {
        let Some(ix) = self.node(Node::Function(f)) else {
            return Vec::new();
        };
        let mut out: Vec<UnitIx> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| *e.weight() == Edge::Mandate(Role::Lead))
            .filter_map(|e| match self.graph[e.source()] {
                Node::Unit(u) => Some(u),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Graphviz DOT: each unit a cluster holding its posts and their holders, bodies nested
    /// inside their unit's cluster; functions outside, linked by mandate and covers edges.
    pub fn to_dot(&self, model: &Model) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "digraph orgplan {{");
        let _ = writeln!(
            out,
            "  graph [label={}, labelloc=t, rankdir=LR, fontname=\"Helvetica\"];",
            quote(&model.name)
        );
        let _ = writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];");
        let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=8];");
        let children = model.children();
        let mut posts_of = vec![Vec::new(); model.units.len()];
        for (p, pos) in model.positions.iter().enumerate() {
            if pos.unit < posts_of.len() {
                posts_of[pos.unit].push(p);
            }
        }
        let holders = model.holders();
        let mut done = vec![false; model.units.len()];
        for (u, unit) in model.units.iter().enumerate() {
            if unit.parent.is_none() {
                self.cluster(
                    model, u, &children, &posts_of, &holders, 1, &mut done, &mut out,
                );
            }
        }
        // Units nested deeper than MAX_NESTING are drawn as clusters of their own.
        for u in 0..model.units.len() {
            if !done[u] {
                self.cluster(
                    model, u, &children, &posts_of, &holders, 1, &mut done, &mut out,
                );
            }
        }
        for (f, func) in model.functions.iter().enumerate() {
            let _ = writeln!(
                out,
                "  f{f} [shape=ellipse, style=filled, fillcolor=\"#fff2cc\", label={}];",
                quote(&format!("{}\n({})", func.name, func.id))
            );
        }
        for e in (&self.graph).edge_references() {
            let (a, b) = (id(self.graph[e.source()]), id(self.graph[e.target()]));
            let attrs = match e.weight() {
                Edge::BelongsTo => "[style=dotted, arrowhead=empty, label=\"thuộc\"]",
                Edge::Mandate(Role::Lead) => "[color=\"#b85450\", label=\"chủ trì\"]",
                Edge::Mandate(Role::Coordinate) => {
                    "[color=\"#b85450\", style=dashed, label=\"phối hợp\"]"
                }
                Edge::HasPost => continue, // shown by the cluster
                Edge::Covers => "[color=\"#6c8ebf\", arrowsize=0.5]",
                Edge::Holds => "[arrowsize=0.5]",
            };
            let _ = writeln!(out, "  {a} -> {b} {attrs};");
        }
        let _ = writeln!(out, "}}");
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn cluster(
        &self,
        model: &Model,
        u: UnitIx,
        children: &[Vec<UnitIx>],
        posts_of: &[Vec<PositionIx>],
        holders: &[Vec<StaffIx>],
        depth: usize,
        done: &mut [bool],
        out: &mut String,
    ) {
        if done[u] {
            return;
        }
        done[u] = true;
        let pad = "  ".repeat(depth);
        let unit = &model.units[u];
        let _ = writeln!(out, "{pad}subgraph cluster_u{u} {{");
        let _ = writeln!(
            out,
            "{pad}  label={}; style={};",
            quote(&format!("{} ({})", unit.name, unit.kind.as_str())),
            if unit.merged_into.is_some() {
                "dashed"
            } else {
                "rounded"
            }
        );
        let _ = writeln!(
            out,
            "{pad}  u{u} [shape=box, style=filled, fillcolor=\"#dae8fc\", label={}];",
            quote(&format!("{}\n{}", unit.name, unit.id))
        );
        for &p in &posts_of[u] {
            let pos = &model.positions[p];
            let held = holders[p].len();
            let over = if held as u32 > pos.quota {
                ", color=red"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{pad}  p{p} [shape=note{over}, label={}];",
                quote(&format!("{}\n{} / {}", pos.title, held, pos.quota))
            );
            for &s in &holders[p] {
                let _ = writeln!(
                    out,
                    "{pad}  s{s} [shape=plaintext, label={}];",
                    quote(&format!("{} ({})", model.staff[s].name, model.staff[s].id))
                );
            }
        }
        if depth < MAX_NESTING {
            for &c in &children[u] {
                self.cluster(model, c, children, posts_of, holders, depth + 1, done, out);
            }
        }
        let _ = writeln!(out, "{pad}}}");
    }
}

/// Clusters nest at most this deep (real hierarchies have four or five levels).
const MAX_NESTING: usize = 32;

fn id(n: Node) -> String {
    match n {
        Node::Unit(i) => format!("u{i}"),
        Node::Function(i) => format!("f{i}"),
        Node::Position(i) => format!("p{i}"),
        Node::Staff(i) => format!("s{i}"),
    }
}

/// A DOT string literal.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

//! Exact, deterministic min-cost flow on a general directed graph.
//!
//! The allocation of staff to posts is a max-weight b-matching, solved as a min-cost flow:
//! source → person (cap 1) → post (cap 1, cost = −weight) → sink (cap = quota), possibly
//! with intermediate "hub" nodes. Placement is optional, so [`FlowGraph::min_cost_flow`]
//! sends flow only while the cheapest augmenting path has negative cost.
//!
//! Algorithm: successive shortest paths. Initial potentials come from a topological pass
//! (when the residual graph is acyclic) or from Bellman-Ford (SPFA) otherwise, both from a
//! virtual root joined to every node. Each round runs Dijkstra with a binary heap on the
//! reduced costs, stops as soon as the target is settled, and updates only the potentials of
//! the settled nodes (the others implicitly get the target's distance, which keeps every
//! reduced cost non-negative). Two exact prunings keep a round small:
//! - look-ahead: relaxing a node adjacent to the target at once bounds the target's
//!   distance, and nothing that cannot beat the bound is queued;
//! - sorted arcs: potentials only move one way during a solve, so the initial ones give a
//!   static lower bound on each arc's reduced cost; arcs are ordered by it once per solve,
//!   and scanning a node stops at the first arc whose bound cannot beat the target.
//!
//! The search runs from the sink backwards or from the source forwards (see
//! [`SearchDirection`]); both give the same optimum. The search side should be the one with
//! *few* free slots: every free slot next to the search origin sits at about the same
//! distance and is settled in every round.
//!
//! All arithmetic is integer (`i64` capacities, `i128` costs), with an overflow guard checked
//! before solving. Ties are broken by node index and a node's arcs are scanned in a fixed
//! order (by the static bound, then insertion), so the same input and direction give the same
//! flows on every platform.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Index of a node of a [`FlowGraph`], from `0` to the number of nodes (exclusive).
pub type NodeId = usize;

/// Index of an edge of a [`FlowGraph`], in the order of [`FlowGraph::add_edge`] calls.
pub type EdgeId = usize;

const INF: i128 = i128::MAX;
const NONE: u32 = u32::MAX;

/// The outcome of one [`FlowGraph::min_cost_flow`] call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlowResult {
    /// Units of flow sent from the source to the sink by this call.
    pub flow: i64,
    /// Total cost of the flow sent by this call (sum of flow × cost over the edges).
    pub cost: i128,
    /// Number of augmenting paths used.
    pub augmentations: usize,
}

/// The side from which each round's shortest-path search starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SearchDirection {
    /// Backward from the sink when the sink's incoming capacity is smaller than the source's
    /// outgoing capacity (ties: the smaller number of arcs), else forward from the source.
    /// For staff → posts with more staff than quota slots this searches from the posts.
    #[default]
    Auto,
    /// Forward from the source.
    FromSource,
    /// Backward from the sink.
    FromSink,
}

/// Why [`FlowGraph::try_min_cost_flow`] refused to solve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlowError {
    /// The source or the sink is not a node of the graph, or they are the same node.
    #[error("bad endpoints: source {source_node} and sink {sink_node} must be distinct nodes below {nodes}")]
    BadEndpoints {
        /// The source given.
        source_node: NodeId,
        /// The sink given.
        sink_node: NodeId,
        /// The number of nodes of the graph.
        nodes: usize,
    },
    /// `max_flow` was negative.
    #[error("max_flow must not be negative (got {0})")]
    NegativeMaxFlow(i64),
    /// The residual graph (at first call: the input graph) has a cycle of negative cost.
    #[error("the graph has a cycle of negative cost through node {0}")]
    NegativeCycle(NodeId),
    /// The costs are so large that intermediate sums could overflow `i128`.
    #[error("costs too large: sums of |cost| (times capacity) could overflow i128")]
    CostTooLarge,
    /// The caller asked the solve to stop ([`FlowGraph::try_min_cost_flow_until`]).
    #[error("stopped before the flow was complete")]
    Stopped,
}

/// A directed graph with capacities and costs, on which to compute a min-cost flow.
///
/// Every edge `e` is stored with its residual reverse arc; after solving, [`FlowGraph::flow`]
/// gives the flow on `e` and [`FlowGraph::potentials`] the dual node prices.
#[derive(Debug, Clone)]
pub struct FlowGraph {
    nodes: usize,
    /// Head of each arc; arc `2e` is edge `e`, arc `2e + 1` its reverse (so the tail of arc
    /// `a` is `head[a ^ 1]`).
    head: Vec<u32>,
    /// Residual capacity of each arc.
    cap: Vec<i64>,
    /// Cost of each edge (the reverse arc costs the opposite).
    cost: Vec<i128>,
    pot: Vec<i128>,
    /// `max_flow` of the last solve, for [`FlowGraph::check_optimality`].
    limit: i64,
    direction: SearchDirection,
}

/// An arc in the solver's compact adjacency (arcs of a node are contiguous). The cost is
/// split in two 64-bit halves to keep the record at 40 bytes (an `i128` would force 48).
#[derive(Debug, Clone, Copy)]
struct Arc {
    cost_lo: u64,
    cost_hi: i64,
    /// Residual capacity.
    cap: i64,
    /// Residual capacity of the reverse arc (a copy, for backward searches).
    rcap: i64,
    head: u32,
    /// Slot of the reverse arc.
    rev: u32,
}

impl Arc {
    #[inline]
    fn cost(&self) -> i128 {
        ((self.cost_hi as i128) << 64) | self.cost_lo as i128
    }
}

/// Compressed adjacency built for one solve: the out-arcs of node `u` are the slots
/// `start[u]..start[u + 1]`, in insertion order of the arcs.
struct Net {
    start: Vec<u32>,
    arcs: Vec<Arc>,
    /// Slot of each arc of the [`FlowGraph`].
    slot: Vec<u32>,
    /// `Some(backward)` once [`Net::sort_for`] ordered the arcs for that search direction.
    sorted: Option<bool>,
    /// The initial potentials: searches only move potentials one way (backward ones up,
    /// forward ones down), so these bound every later potential.
    pot0: Vec<i128>,
}

impl Net {
    fn build(g: &FlowGraph) -> Net {
        let n = g.nodes;
        let m = g.head.len();
        let mut start = vec![0u32; n + 1];
        for a in 0..m {
            start[g.head[a ^ 1] as usize + 1] += 1;
        }
        for u in 0..n {
            start[u + 1] += start[u];
        }
        let mut fill = start.clone();
        let mut slot = vec![0u32; m];
        for (a, s) in slot.iter_mut().enumerate() {
            let u = g.head[a ^ 1] as usize;
            *s = fill[u];
            fill[u] += 1;
        }
        let blank = Arc {
            cost_lo: 0,
            cost_hi: 0,
            cap: 0,
            rcap: 0,
            head: 0,
            rev: 0,
        };
        let mut arcs = vec![blank; m];
        for a in 0..m {
            let c = g.cost[a >> 1];
            let c = if a & 1 == 0 { c } else { -c };
            arcs[slot[a] as usize] = Arc {
                cost_lo: c as u64,
                cost_hi: (c >> 64) as i64,
                cap: g.cap[a],
                rcap: g.cap[a ^ 1],
                head: g.head[a],
                rev: slot[a ^ 1],
            };
        }
        Net {
            start,
            arcs,
            slot,
            sorted: None,
            pot0: Vec::new(),
        }
    }

    /// The static lower bound, for the search direction, of the reduced cost of the arc
    /// scanned in `slot` minus the potential term of the node being scanned:
    /// forward `cost(u → v) − pot0[v]`, backward `cost(v → u) + pot0[v]`.
    #[inline]
    fn floor(&self, slot: usize, backward: bool) -> i128 {
        let arc = &self.arcs[slot];
        let p = self.pot0[arc.head as usize];
        if backward {
            p - arc.cost()
        } else {
            arc.cost() - p
        }
    }

    /// Orders the arcs of every node by [`Net::floor`] (ties by insertion order), so that a
    /// search can stop scanning a node as soon as the floor cannot beat the target's
    /// distance.
    fn sort_for(&mut self, pot0: Vec<i128>, backward: bool) {
        self.pot0 = pot0;
        let mut new_slot: Vec<u32> = (0..self.arcs.len() as u32).collect();
        let mut keyed: Vec<(i128, u32)> = Vec::new();
        let mut copy: Vec<Arc> = Vec::new();
        for u in 0..self.start.len() - 1 {
            let range = self.out(u);
            keyed.clear();
            keyed.extend(range.clone().map(|i| (self.floor(i, backward), i as u32)));
            if keyed.windows(2).all(|w| w[0] <= w[1]) {
                continue;
            }
            keyed.sort_unstable();
            copy.clear();
            copy.extend_from_slice(&self.arcs[range.clone()]);
            for (k, &(_, old)) in keyed.iter().enumerate() {
                new_slot[old as usize] = (range.start + k) as u32;
                self.arcs[range.start + k] = copy[old as usize - range.start];
            }
        }
        for arc in &mut self.arcs {
            arc.rev = new_slot[arc.rev as usize];
        }
        for s in &mut self.slot {
            *s = new_slot[*s as usize];
        }
        self.sorted = Some(backward);
    }

    #[inline]
    fn out(&self, u: usize) -> std::ops::Range<usize> {
        self.start[u] as usize..self.start[u + 1] as usize
    }

    /// Pushes `amount` units along the arc in `slot`.
    fn push(&mut self, slot: usize, amount: i64) {
        let r = self.arcs[slot].rev as usize;
        self.arcs[slot].cap -= amount;
        self.arcs[slot].rcap += amount;
        self.arcs[r].cap += amount;
        self.arcs[r].rcap -= amount;
    }
}

/// Workspace of the Dijkstra searches, reset in time proportional to what was touched.
struct Search {
    dist: Vec<i128>,
    /// Slot of the arc by which the node was reached: forward, the arc *into* it reversed
    /// (so its head is the predecessor); backward, the arc *out of* it toward the target.
    link: Vec<u32>,
    done: Vec<bool>,
    /// Look-ahead to the target of the main searches: the slot of the first arc `v → sink`
    /// (forward) or `source → v` (backward), so that a relaxed node at once bounds the
    /// target's distance and nodes that cannot beat it are not queued.
    via: Vec<u32>,
    touched: Vec<u32>,
    settled: Vec<u32>,
    heap: BinaryHeap<Reverse<(i128, u32)>>,
}

impl Search {
    fn new(n: usize) -> Search {
        Search {
            dist: vec![INF; n],
            link: vec![NONE; n],
            done: vec![false; n],
            via: vec![NONE; n],
            touched: Vec::new(),
            settled: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Sets the look-ahead arcs toward `target` (see [`Search::via`]).
    fn look_ahead(&mut self, net: &Net, target: u32, backward: bool) {
        self.via.fill(NONE);
        for i in net.out(target as usize) {
            let v = net.arcs[i].head as usize;
            if v != target as usize && self.via[v] == NONE {
                // Backward the target is the source and its arc `source → v` is this one;
                // forward the target is the sink and `v → sink` is this arc's reverse.
                self.via[v] = if backward { i as u32 } else { net.arcs[i].rev };
            }
        }
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v as usize] = INF;
            self.link[v as usize] = NONE;
            self.done[v as usize] = false;
        }
        self.touched.clear();
        self.settled.clear();
        self.heap.clear();
    }

    #[inline]
    fn improve(&mut self, v: usize, d: i128, link: u32) {
        if self.dist[v] == INF {
            self.touched.push(v as u32);
        }
        self.dist[v] = d;
        self.link[v] = link;
        self.heap.push(Reverse((d, v as u32)));
    }

    fn seed(&mut self, v: u32, d: i128) {
        self.improve(v as usize, d, NONE);
    }

    /// Dijkstra on reduced costs along residual arcs, from the seeded nodes, until `stop` is
    /// settled (pass `NONE` to settle everything reachable). Nodes whose tentative distance
    /// would not beat `stop`'s are not queued: they could not be settled before it.
    /// Returns the distance at which the search ended (`stop`'s distance, or the largest
    /// settled one), or `None` when `stop` was not reached.
    fn forward(&mut self, net: &Net, pot: &[i128], stop: u32) -> Option<i128> {
        let mut last = 0;
        let stop_pot = if stop == NONE { 0 } else { pot[stop as usize] };
        let mut bound = INF;
        let sorted = net.sorted == Some(false);
        while let Some(Reverse((d, u))) = self.heap.pop() {
            let ui = u as usize;
            if self.done[ui] {
                continue;
            }
            self.done[ui] = true;
            self.settled.push(u);
            last = d;
            if u == stop {
                return Some(d);
            }
            let base = d + pot[ui];
            for i in net.out(ui) {
                let arc = &net.arcs[i];
                if arc.cap == 0 {
                    continue;
                }
                let v = arc.head as usize;
                if self.done[v] {
                    continue;
                }
                let cost = arc.cost();
                if sorted && base + cost - net.pot0[v] >= bound {
                    break;
                }
                let nd = base + cost - pot[v];
                debug_assert!(nd >= d, "negative reduced cost");
                if nd < self.dist[v] && nd < bound {
                    self.improve(v, nd, arc.rev);
                    if v as u32 == stop {
                        bound = nd;
                    } else if stop != NONE && self.via[v] != NONE {
                        let ahead = &net.arcs[self.via[v] as usize];
                        if ahead.cap > 0 {
                            let cand = nd + pot[v] + ahead.cost() - stop_pot;
                            if cand < bound {
                                bound = cand;
                                self.improve(stop as usize, cand, ahead.rev);
                            }
                        }
                    }
                }
            }
        }
        if stop == NONE {
            Some(last)
        } else {
            None
        }
    }

    /// Dijkstra backwards (distances *to* the seeded nodes) along residual arcs, until `stop`
    /// is settled; otherwise as [`Search::forward`].
    fn backward(&mut self, net: &Net, pot: &[i128], stop: u32) -> Option<i128> {
        debug_assert_eq!(net.sorted, Some(true));
        let stop_pot = pot[stop as usize];
        let mut bound = INF;
        while let Some(Reverse((d, u))) = self.heap.pop() {
            let ui = u as usize;
            if self.done[ui] {
                continue;
            }
            self.done[ui] = true;
            self.settled.push(u);
            if u == stop {
                return Some(d);
            }
            let base = d - pot[ui];
            for i in net.out(ui) {
                // The residual arc v → u is the reverse of this one.
                let arc = &net.arcs[i];
                if arc.rcap == 0 {
                    continue;
                }
                let v = arc.head as usize;
                if self.done[v] {
                    continue;
                }
                let cost = arc.cost();
                if base - cost + net.pot0[v] >= bound {
                    break;
                }
                let nd = base - cost + pot[v];
                debug_assert!(nd >= d, "negative reduced cost");
                if nd < self.dist[v] && nd < bound {
                    self.improve(v, nd, arc.rev);
                    if v as u32 == stop {
                        bound = nd;
                    } else if self.via[v] != NONE {
                        let ahead = &net.arcs[self.via[v] as usize];
                        if ahead.cap > 0 {
                            let cand = nd + stop_pot + ahead.cost() - pot[v];
                            if cand < bound {
                                bound = cand;
                                self.improve(stop as usize, cand, self.via[v]);
                            }
                        }
                    }
                }
            }
        }
        None
    }
}

impl Default for FlowGraph {
    /// An empty graph, as [`FlowGraph::new(0)`](FlowGraph::new).
    fn default() -> Self {
        FlowGraph::new(0)
    }
}

impl FlowGraph {
    /// A graph with `nodes` nodes (numbered `0..nodes`) and no edges.
    pub fn new(nodes: usize) -> Self {
        assert!(nodes < NONE as usize, "too many nodes");
        FlowGraph {
            nodes,
            head: Vec::new(),
            cap: Vec::new(),
            cost: Vec::new(),
            pot: vec![0; nodes],
            limit: i64::MAX,
            direction: SearchDirection::Auto,
        }
    }

    /// Adds a node and returns its id (the previous number of nodes).
    pub fn add_node(&mut self) -> NodeId {
        assert!(self.nodes + 1 < NONE as usize, "too many nodes");
        self.nodes += 1;
        self.pot.push(0);
        self.nodes - 1
    }

    /// Chooses the side from which searches start (default [`SearchDirection::Auto`]). It
    /// affects speed only, never the optimal cost; among several optimal flows the one
    /// returned may differ between directions.
    pub fn set_search_direction(&mut self, direction: SearchDirection) {
        self.direction = direction;
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.cost.len()
    }

    /// Adds a directed edge `from → to` with capacity `cap ≥ 0` and cost `cost` per unit of
    /// flow (negative costs are fine as long as no cycle has negative total cost), and
    /// returns its id (edges are numbered from 0 in the order added).
    ///
    /// # Panics
    /// If a node does not exist or `cap` is negative.
    pub fn add_edge(&mut self, from: NodeId, to: NodeId, cap: i64, cost: i128) -> EdgeId {
        assert!(
            from < self.nodes && to < self.nodes,
            "edge {from} → {to}: no such node (graph has {} nodes)",
            self.nodes
        );
        assert!(cap >= 0, "edge {from} → {to}: negative capacity {cap}");
        assert!(self.head.len() + 2 < NONE as usize, "too many edges");
        let e = self.cost.len();
        self.head.push(to as u32);
        self.head.push(from as u32);
        self.cap.push(cap);
        self.cap.push(0);
        self.cost.push(cost);
        e
    }

    /// The tail, head, capacity and cost of edge `e`, as given to [`FlowGraph::add_edge`].
    pub fn edge(&self, e: EdgeId) -> (NodeId, NodeId, i64, i128) {
        let (a, b) = (2 * e, 2 * e + 1);
        (
            self.head[b] as NodeId,
            self.head[a] as NodeId,
            self.cap[a] + self.cap[b],
            self.cost[e],
        )
    }

    /// The flow on edge `e` (0 before any solve).
    pub fn flow(&self, e: EdgeId) -> i64 {
        self.cap[2 * e + 1]
    }

    /// Node potentials (duals) after solving, for optimality certificates: every residual
    /// arc `u → v` has reduced cost `cost + pot[u] − pot[v] ≥ 0`; moreover
    /// `pot[sink] ≥ pot[source]` if the flow is below `max_flow` (no negative augmenting
    /// path is left) and `pot[source] ≥ pot[sink]` if the flow is positive (removing flow
    /// would not pay). See [`FlowGraph::check_optimality`].
    pub fn potentials(&self) -> &[i128] {
        &self.pot
    }

    /// Min-cost flow from source to sink of any amount up to max_flow: augments along
    /// cheapest paths while their cost is negative. Returns total flow and cost.
    ///
    /// A later call continues from the current flow (e.g. after adding edges) and reports
    /// only what it adds.
    ///
    /// # Panics
    /// On the errors of [`FlowGraph::try_min_cost_flow`] (a negative cycle, bad endpoints,
    /// negative `max_flow`, overflow risk).
    pub fn min_cost_flow(&mut self, source: NodeId, sink: NodeId, max_flow: i64) -> FlowResult {
        match self.try_min_cost_flow(source, sink, max_flow) {
            Ok(r) => r,
            Err(e) => panic!("min_cost_flow: {e}"),
        }
    }

    /// As [`FlowGraph::min_cost_flow`], but reports a bad input as an error (the graph is
    /// then unchanged).
    pub fn try_min_cost_flow(
        &mut self,
        source: NodeId,
        sink: NodeId,
        max_flow: i64,
    ) -> Result<FlowResult, FlowError> {
        self.try_min_cost_flow_until(source, sink, max_flow, &|| false)
    }

    /// As [`FlowGraph::try_min_cost_flow`], asking `stop` every few augmenting paths: when it
    /// answers true, the solve ends with [`FlowError::Stopped`] and the graph is unchanged. A
    /// province-sized flow takes seconds; this is how a Ctrl-C is honoured within it.
    pub fn try_min_cost_flow_until(
        &mut self,
        source: NodeId,
        sink: NodeId,
        max_flow: i64,
        stop: &dyn Fn() -> bool,
    ) -> Result<FlowResult, FlowError> {
        let n = self.nodes;
        if source >= n || sink >= n || source == sink {
            return Err(FlowError::BadEndpoints {
                source_node: source,
                sink_node: sink,
                nodes: n,
            });
        }
        if max_flow < 0 {
            return Err(FlowError::NegativeMaxFlow(max_flow));
        }
        self.check_magnitudes(source, sink, max_flow)?;
        let mut net = Net::build(self);
        let mut pot = initial_potentials(&net, n)?;
        let (s, t) = (source as u32, sink as u32);
        let backward = match self.direction {
            SearchDirection::FromSource => false,
            SearchDirection::FromSink => true,
            SearchDirection::Auto => {
                // Residual capacity out of the source / into the sink, then arc counts.
                let side = |v: usize, outgoing: bool| {
                    let arcs = &net.arcs[net.out(v)];
                    let cap = arcs.iter().fold(0i64, |sum, arc| {
                        sum.saturating_add(if outgoing { arc.cap } else { arc.rcap })
                    });
                    (cap, arcs.len())
                };
                side(sink, false) < side(source, true)
            }
        };
        net.sort_for(pot.clone(), backward);

        let mut search = Search::new(n);
        search.look_ahead(&net, if backward { s } else { t }, backward);
        let mut path: Vec<u32> = Vec::new();
        let mut result = FlowResult {
            flow: 0,
            cost: 0,
            augmentations: 0,
        };
        while result.flow < max_flow {
            if result.augmentations % 64 == 63 && stop() {
                return Err(FlowError::Stopped);
            }
            search.reset();
            let reached = if backward {
                search.seed(t, 0);
                search.backward(&net, &pot, s)
            } else {
                search.seed(s, 0);
                search.forward(&net, &pot, t)
            };
            let Some(d) = reached else {
                // The target is out of reach: every reachable node is settled, and arcs
                // leave the reached set only into it, so shifting by the largest distance
                // keeps the reduced costs non-negative.
                let dmax = search
                    .settled
                    .iter()
                    .map(|&v| search.dist[v as usize])
                    .max();
                let dmax = dmax.unwrap_or(0);
                for &v in &search.settled {
                    let v = v as usize;
                    let dv = search.dist[v];
                    pot[v] += if backward { dmax - dv } else { dv - dmax };
                }
                break;
            };
            let path_cost = d + pot[sink] - pot[source];
            for &v in &search.settled {
                let v = v as usize;
                let dv = search.dist[v];
                pot[v] += if backward { d - dv } else { dv - d };
            }
            if path_cost >= 0 {
                break;
            }
            // The arcs of the path (in any order), then the bottleneck.
            path.clear();
            if backward {
                let mut v = s;
                while v != t {
                    let a = search.link[v as usize];
                    path.push(a);
                    v = net.arcs[a as usize].head;
                }
            } else {
                let mut v = t;
                while v != s {
                    let back = &net.arcs[search.link[v as usize] as usize];
                    path.push(back.rev);
                    v = back.head;
                }
            }
            let mut bottleneck = max_flow - result.flow;
            for &a in &path {
                bottleneck = bottleneck.min(net.arcs[a as usize].cap);
            }
            for &a in &path {
                net.push(a as usize, bottleneck);
            }
            result.flow += bottleneck;
            result.cost += path_cost * bottleneck as i128;
            result.augmentations += 1;
        }

        final_potentials(&net, &mut pot, &mut search, s, t);
        for (a, c) in self.cap.iter_mut().enumerate() {
            *c = net.arcs[net.slot[a] as usize].cap;
        }
        self.pot = pot;
        self.limit = max_flow;
        Ok(result)
    }

    /// Refuses costs that could overflow the solver's `i128` arithmetic: distances and
    /// potentials stay within a small multiple of the sum `S` of all `|cost|`, and any
    /// partial total cost within `B = Σ |cost| × min(cap, flow bound)`.
    fn check_magnitudes(
        &self,
        source: NodeId,
        sink: NodeId,
        max_flow: i64,
    ) -> Result<(), FlowError> {
        let mut out_cap: i64 = 0;
        let mut in_cap: i64 = 0;
        for e in 0..self.cost.len() {
            let (from, to, cap, _) = self.edge(e);
            if from == source {
                out_cap = out_cap.saturating_add(cap);
            }
            if to == sink {
                in_cap = in_cap.saturating_add(cap);
            }
        }
        let flow_bound = max_flow.min(out_cap).min(in_cap) as u128;
        let mut sum: u128 = 0;
        let mut weighted: u128 = 0;
        for e in 0..self.cost.len() {
            let c = self.cost[e].unsigned_abs();
            let cap = (self.cap[2 * e] + self.cap[2 * e + 1]) as u128;
            sum = sum.saturating_add(c);
            weighted = weighted.saturating_add(c.saturating_mul(cap.min(flow_bound)));
        }
        if sum > (i128::MAX as u128) / 32 || weighted > (i128::MAX as u128) / 4 {
            return Err(FlowError::CostTooLarge);
        }
        Ok(())
    }

    /// Verifies that the current flow is optimal for the last [`FlowGraph::min_cost_flow`]
    /// call from `source` to `sink`, using only the flows and [`FlowGraph::potentials`]:
    /// capacities and conservation hold; no residual arc has a negative reduced cost (so no
    /// cheaper flow of the same amount exists); and the potentials of source and sink show
    /// that neither more flow (if below `max_flow`) nor less flow (if positive) is cheaper.
    /// After several calls, the last call's `max_flow` is taken as the bound on the total.
    pub fn check_optimality(&self, source: NodeId, sink: NodeId) -> bool {
        let n = self.nodes;
        if source >= n || sink >= n || source == sink || self.pot.len() != n {
            return false;
        }
        let mut excess = vec![0i128; n];
        for e in 0..self.cost.len() {
            let (from, to, cap, _) = self.edge(e);
            let f = self.flow(e);
            if f < 0 || f > cap {
                return false;
            }
            excess[from] -= f as i128;
            excess[to] += f as i128;
        }
        let value = excess[sink];
        if excess[source] != -value
            || excess
                .iter()
                .enumerate()
                .any(|(v, &x)| v != source && v != sink && x != 0)
        {
            return false;
        }
        for a in 0..self.head.len() {
            if self.cap[a] == 0 {
                continue;
            }
            let (u, v) = (self.head[a ^ 1] as usize, self.head[a] as usize);
            let c = if a & 1 == 0 {
                self.cost[a >> 1]
            } else {
                -self.cost[a >> 1]
            };
            let rc = self.pot[u]
                .checked_sub(self.pot[v])
                .and_then(|p| p.checked_add(c));
            if !matches!(rc, Some(rc) if rc >= 0) {
                return false;
            }
        }
        let (ps, pt) = (self.pot[source], self.pot[sink]);
        let more_would_pay = value < self.limit as i128 && pt < ps;
        let less_would_pay = value > 0 && ps < pt;
        !more_would_pay && !less_would_pay
    }
}

/// Feasible potentials for the residual graph (distances from a virtual root joined to every
/// node by a zero-cost arc): a single pass in topological order when the residual graph is
/// acyclic, Bellman-Ford (SPFA) otherwise.
fn initial_potentials(net: &Net, n: usize) -> Result<Vec<i128>, FlowError> {
    let mut pot = vec![0i128; n];
    // Kahn's algorithm, nodes with no residual in-arcs first, in index order.
    let mut indeg = vec![0u32; n];
    for arc in &net.arcs {
        if arc.cap > 0 {
            indeg[arc.head as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..n as u32).filter(|&v| indeg[v as usize] == 0).collect();
    let mut i = 0;
    while i < order.len() {
        let u = order[i] as usize;
        i += 1;
        for arc in &net.arcs[net.out(u)] {
            if arc.cap > 0 {
                let v = arc.head as usize;
                indeg[v] -= 1;
                if indeg[v] == 0 {
                    order.push(v as u32);
                }
            }
        }
    }
    if order.len() == n {
        for &u in &order {
            let u = u as usize;
            for arc in &net.arcs[net.out(u)] {
                if arc.cap > 0 {
                    let v = arc.head as usize;
                    pot[v] = pot[v].min(pot[u] + arc.cost());
                }
            }
        }
        return Ok(pot);
    }
    // SPFA with path lengths: a shortest path of n arcs or more closes a negative cycle.
    let mut len = vec![0u32; n];
    let mut queued = vec![true; n];
    let mut queue: std::collections::VecDeque<u32> = (0..n as u32).collect();
    while let Some(u) = queue.pop_front() {
        let u = u as usize;
        queued[u] = false;
        for arc in &net.arcs[net.out(u)] {
            if arc.cap == 0 {
                continue;
            }
            let v = arc.head as usize;
            let nd = pot[u] + arc.cost();
            if nd < pot[v] {
                pot[v] = nd;
                len[v] = len[u] + 1;
                if len[v] as usize >= n {
                    return Err(FlowError::NegativeCycle(v));
                }
                if !queued[v] {
                    queued[v] = true;
                    queue.push_back(v as u32);
                }
            }
        }
    }
    Ok(pot)
}

/// Turns valid potentials into a complete certificate: the distances from a virtual root
/// joined to both source and sink by zero-cost arcs. Then `pot[source] = min(0, d(t→s))` and
/// `pot[sink] = min(0, d(s→t))` relative to the root, which at an optimum of "any amount"
/// makes them equal when the flow is strictly between 0 and `max_flow`.
fn final_potentials(net: &Net, pot: &mut [i128], search: &mut Search, s: u32, t: u32) {
    search.reset();
    let (ps, pt) = (pot[s as usize], pot[t as usize]);
    let root = ps.max(pt);
    search.seed(s, root - ps);
    search.seed(t, root - pt);
    let Some(dmax) = search.forward(net, pot, NONE) else {
        return;
    };
    for &v in &search.settled {
        let v = v as usize;
        pot[v] += search.dist[v] - dmax;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny deterministic generator (64-bit LCG, high bits out).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Solves with both search directions and checks they agree on flow and cost and that
    /// both certify optimality; returns the automatically chosen solve.
    fn solve_all_ways(
        g: &FlowGraph,
        s: NodeId,
        t: NodeId,
        max_flow: i64,
    ) -> (FlowGraph, FlowResult) {
        let mut results = Vec::new();
        for dir in [SearchDirection::FromSource, SearchDirection::FromSink] {
            let mut h = g.clone();
            h.set_search_direction(dir);
            let r = h.min_cost_flow(s, t, max_flow);
            assert!(
                h.check_optimality(s, t),
                "certificate fails (backward = {dir:?})"
            );
            results.push(r);
        }
        assert_eq!(results[0].flow, results[1].flow);
        assert_eq!(results[0].cost, results[1].cost);
        let mut h = g.clone();
        let r = h.min_cost_flow(s, t, max_flow);
        assert!(h.check_optimality(s, t));
        (h, r)
    }

    #[test]
    fn single_path() {
        let mut g = FlowGraph::new(3);
        let e0 = g.add_edge(0, 1, 5, -2);
        let e1 = g.add_edge(1, 2, 3, -1);
        let (h, r) = solve_all_ways(&g, 0, 2, i64::MAX);
        assert_eq!((r.flow, r.cost, r.augmentations), (3, -9, 1));
        assert_eq!((h.flow(e0), h.flow(e1)), (3, 3));
        // With a limit.
        let (_, r) = solve_all_ways(&g, 0, 2, 2);
        assert_eq!((r.flow, r.cost), (2, -6));
        let (_, r) = solve_all_ways(&g, 0, 2, 0);
        assert_eq!((r.flow, r.cost, r.augmentations), (0, 0, 0));
    }

    #[test]
    fn placement_is_optional() {
        // Source 0, people 1..=3, posts 4 and 5 (quota 1 each), sink 6. Only person 1 has a
        // profitable post; person 2's only option costs, person 3 has no option at all.
        let mut g = FlowGraph::new(7);
        for p in 1..=3 {
            g.add_edge(0, p, 1, 0);
        }
        let good = g.add_edge(1, 4, 1, -10);
        let bad = g.add_edge(2, 5, 1, 3);
        let zero = g.add_edge(1, 5, 1, 0);
        g.add_edge(4, 6, 1, 0);
        g.add_edge(5, 6, 1, 0);
        let (h, r) = solve_all_ways(&g, 0, 6, i64::MAX);
        assert_eq!((r.flow, r.cost), (1, -10));
        assert_eq!((h.flow(good), h.flow(bad), h.flow(zero)), (1, 0, 0));
        // A limit above the profitable amount changes nothing; one below picks the best.
        let (_, r) = solve_all_ways(&g, 0, 6, 2);
        assert_eq!((r.flow, r.cost), (1, -10));
        let mut g2 = g.clone();
        let other = g2.add_edge(3, 5, 1, -4);
        let (h, r) = solve_all_ways(&g2, 0, 6, 1);
        assert_eq!((r.flow, r.cost), (1, -10));
        assert_eq!(h.flow(other), 0);
        let (h, r) = solve_all_ways(&g2, 0, 6, i64::MAX);
        assert_eq!((r.flow, r.cost), (2, -14));
        assert_eq!((h.flow(good), h.flow(other), h.flow(bad)), (1, 1, 0));
    }

    #[test]
    fn later_path_reroutes_earlier_one() {
        // People A = 1, B = 2; posts X = 3, Y = 4 (quota 1). Weights A–X 10, A–Y 8, B–X 9.
        // The first path takes A–X; the second goes B → X → (back) A → Y, total 17.
        let mut g = FlowGraph::new(6);
        g.add_edge(0, 1, 1, 0);
        g.add_edge(0, 2, 1, 0);
        let ax = g.add_edge(1, 3, 1, -10);
        let ay = g.add_edge(1, 4, 1, -8);
        let bx = g.add_edge(2, 3, 1, -9);
        g.add_edge(3, 5, 1, 0);
        g.add_edge(4, 5, 1, 0);
        for dir in [
            SearchDirection::FromSource,
            SearchDirection::FromSink,
            SearchDirection::Auto,
        ] {
            let mut h = g.clone();
            h.set_search_direction(dir);
            let r = h.min_cost_flow(0, 5, i64::MAX);
            assert_eq!((r.flow, r.cost, r.augmentations), (2, -17, 2));
            assert_eq!((h.flow(ax), h.flow(ay), h.flow(bx)), (0, 1, 1));
            assert!(h.check_optimality(0, 5));
        }
    }

    #[test]
    fn hubs_and_general_graphs() {
        // Person 1 reaches posts 4 and 5 through hub 3, person 2 only post 5 directly.
        let mut g = FlowGraph::new(7);
        g.add_edge(0, 1, 1, 0);
        g.add_edge(0, 2, 1, 0);
        g.add_edge(1, 3, 1, -100);
        let h4 = g.add_edge(3, 4, i64::MAX / 4, -5);
        let h5 = g.add_edge(3, 5, i64::MAX / 4, -7);
        g.add_edge(2, 5, 1, -50);
        g.add_edge(4, 6, 1, 0);
        g.add_edge(5, 6, 1, 0);
        let (h, r) = solve_all_ways(&g, 0, 6, i64::MAX);
        assert_eq!((r.flow, r.cost), (2, -155));
        assert_eq!((h.flow(h4), h.flow(h5)), (1, 0));
        // A positive cycle and a zero-cost path that must not be used.
        let mut g = FlowGraph::new(4);
        g.add_edge(0, 1, 2, 0);
        g.add_edge(1, 2, 2, 1);
        g.add_edge(2, 1, 2, 0);
        g.add_edge(2, 3, 2, -1);
        let (_, r) = solve_all_ways(&g, 0, 3, i64::MAX);
        assert_eq!((r.flow, r.cost), (0, 0));
    }

    #[test]
    fn errors() {
        let mut g = FlowGraph::new(3);
        g.add_edge(0, 1, 1, -1);
        g.add_edge(1, 2, 1, -1);
        g.add_edge(2, 1, 1, 1);
        g.add_edge(1, 0, 1, 0);
        assert!(matches!(
            g.try_min_cost_flow(0, 2, 1),
            Err(FlowError::NegativeCycle(_))
        ));
        assert!(matches!(
            g.try_min_cost_flow(0, 0, 1),
            Err(FlowError::BadEndpoints { .. })
        ));
        assert!(matches!(
            g.try_min_cost_flow(0, 3, 1),
            Err(FlowError::BadEndpoints { .. })
        ));
        assert_eq!(
            g.try_min_cost_flow(0, 2, -1),
            Err(FlowError::NegativeMaxFlow(-1))
        );
        let mut g = FlowGraph::new(2);
        g.add_edge(0, 1, 1, i128::MAX / 8);
        assert_eq!(g.try_min_cost_flow(0, 1, 1), Err(FlowError::CostTooLarge));
        let n = g.add_node();
        assert_eq!(n, 2);
    }

    #[test]
    fn certificate_rejects_a_suboptimal_flow() {
        let mut g = FlowGraph::new(6);
        g.add_edge(0, 1, 1, 0);
        g.add_edge(0, 2, 1, 0);
        g.add_edge(1, 3, 1, -10);
        g.add_edge(1, 4, 1, -8);
        g.add_edge(2, 3, 1, -9);
        g.add_edge(3, 5, 1, 0);
        g.add_edge(4, 5, 1, 0);
        g.min_cost_flow(0, 5, i64::MAX);
        assert!(g.check_optimality(0, 5));
        // Move person 1 from Y to X and drop person 2 (same flow conservation, worse cost).
        let mut bad = g.clone();
        let set = |g: &mut FlowGraph, e: usize, f: i64| {
            let total = g.cap[2 * e] + g.cap[2 * e + 1];
            g.cap[2 * e] = total - f;
            g.cap[2 * e + 1] = f;
        };
        set(&mut bad, 1, 0);
        set(&mut bad, 2, 1);
        set(&mut bad, 3, 0);
        set(&mut bad, 4, 0);
        set(&mut bad, 6, 0);
        assert!(!bad.check_optimality(0, 5));
        // Breaking conservation is caught too.
        let mut broken = g.clone();
        set(&mut broken, 6, 0);
        assert!(!broken.check_optimality(0, 5));
    }

    /// Best total weight of an optional assignment (`w[p][j]`: `None` if not eligible).
    fn brute_force(w: &[Vec<Option<i128>>], quota: &mut [i64], p: usize) -> i128 {
        if p == w.len() {
            return 0;
        }
        let mut best = brute_force(w, quota, p + 1);
        for j in 0..quota.len() {
            if let Some(x) = w[p][j] {
                if quota[j] > 0 {
                    quota[j] -= 1;
                    best = best.max(x + brute_force(w, quota, p + 1));
                    quota[j] += 1;
                }
            }
        }
        best
    }

    fn random_weight(rng: &mut Lcg, seed: u64) -> i128 {
        match seed % 3 {
            // Few distinct values: many ties and zero-cost paths.
            0 => rng.below(7) as i128 - 2,
            // Huge magnitudes, mostly positive.
            1 => (rng.below(2000) as i128 - 400) * 10i128.pow(24) + rng.below(1 << 30) as i128,
            // Lexicographic tiers as the caller builds them.
            _ => {
                rng.below(3) as i128 * 10i128.pow(27)
                    + rng.below(1300) as i128 * 10i128.pow(12)
                    + rng.below(1_000_000_000) as i128
                    - 10i128.pow(27)
            }
        }
    }

    #[test]
    fn random_bipartite_against_brute_force() {
        for seed in 0..400u64 {
            let mut rng = Lcg(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xABCD);
            let people = 1 + rng.below(6) as usize;
            let posts = 1 + rng.below(4) as usize;
            let mut quota: Vec<i64> = (0..posts).map(|_| 1 + rng.below(2) as i64).collect();
            let w: Vec<Vec<Option<i128>>> = (0..people)
                .map(|_| {
                    (0..posts)
                        .map(|_| (rng.below(3) > 0).then(|| random_weight(&mut rng, seed)))
                        .collect()
                })
                .collect();
            let expected = brute_force(&w, &mut quota, 0);

            let mut g = FlowGraph::default();
            let s = g.add_node();
            let person: Vec<_> = (0..people).map(|_| g.add_node()).collect();
            let post: Vec<_> = (0..posts).map(|_| g.add_node()).collect();
            let t = g.add_node();
            let mut pairs = Vec::new();
            for p in 0..people {
                g.add_edge(s, person[p], 1, 0);
                for j in 0..posts {
                    if let Some(x) = w[p][j] {
                        pairs.push((g.add_edge(person[p], post[j], 1, -x), x));
                    }
                }
            }
            for j in 0..posts {
                g.add_edge(post[j], t, quota[j], 0);
            }
            let (h, r) = solve_all_ways(&g, s, t, i64::MAX);
            assert_eq!(-r.cost, expected, "seed {seed}");
            let total: i128 = pairs.iter().map(|&(e, x)| h.flow(e) as i128 * x).sum();
            assert_eq!(total, expected, "seed {seed}");
        }
    }

    #[test]
    fn random_hub_graphs_against_brute_force() {
        // Person → key hub (cost −a) → post (cost −b): the weight of a person on a post is
        // the best a + b over the keys linking them.
        for seed in 0..300u64 {
            let mut rng = Lcg(seed ^ 0x5EED_0000);
            let people = 1 + rng.below(6) as usize;
            let posts = 1 + rng.below(4) as usize;
            let keys = 1 + rng.below(3) as usize;
            let mut quota: Vec<i64> = (0..posts).map(|_| 1 + rng.below(2) as i64).collect();
            let a: Vec<Vec<Option<i128>>> = (0..people)
                .map(|_| {
                    (0..keys)
                        .map(|_| (rng.below(2) == 0).then(|| random_weight(&mut rng, seed)))
                        .collect()
                })
                .collect();
            let b: Vec<Vec<Option<i128>>> = (0..keys)
                .map(|_| {
                    (0..posts)
                        .map(|_| (rng.below(2) == 0).then(|| random_weight(&mut rng, seed) / 3))
                        .collect()
                })
                .collect();
            let w: Vec<Vec<Option<i128>>> = (0..people)
                .map(|p| {
                    (0..posts)
                        .map(|j| (0..keys).filter_map(|k| Some(a[p][k]? + b[k][j]?)).max())
                        .collect()
                })
                .collect();
            let expected = brute_force(&w, &mut quota, 0);

            let mut g = FlowGraph::new(2);
            let (s, t) = (0, 1);
            let person: Vec<_> = (0..people).map(|_| g.add_node()).collect();
            let hub: Vec<_> = (0..keys).map(|_| g.add_node()).collect();
            let post: Vec<_> = (0..posts).map(|_| g.add_node()).collect();
            for j in 0..posts {
                g.add_edge(post[j], t, quota[j], 0);
            }
            for k in 0..keys {
                for j in 0..posts {
                    if let Some(x) = b[k][j] {
                        g.add_edge(hub[k], post[j], 100, -x);
                    }
                }
            }
            for p in 0..people {
                g.add_edge(s, person[p], 1, 0);
                for k in 0..keys {
                    if let Some(x) = a[p][k] {
                        g.add_edge(person[p], hub[k], 1, -x);
                    }
                }
            }
            let (_, r) = solve_all_ways(&g, s, t, i64::MAX);
            assert_eq!(-r.cost, expected, "seed {seed}");
        }
    }

    #[test]
    fn deterministic() {
        let build = || {
            let mut rng = Lcg(42);
            let mut g = FlowGraph::new(2);
            let people: Vec<_> = (0..60).map(|_| g.add_node()).collect();
            let posts: Vec<_> = (0..15).map(|_| g.add_node()).collect();
            for &p in &people {
                g.add_edge(0, p, 1, 0);
                for _ in 0..5 {
                    let j = posts[rng.below(15) as usize];
                    // Coarse weights: plenty of ties.
                    g.add_edge(p, j, 1, -(rng.below(4) as i128) * 10i128.pow(25));
                }
            }
            for &j in &posts {
                g.add_edge(j, 1, 1 + rng.below(3) as i64, 0);
            }
            g
        };
        let mut a = build();
        let mut b = build();
        let ra = a.min_cost_flow(0, 1, i64::MAX);
        let rb = b.min_cost_flow(0, 1, i64::MAX);
        assert_eq!(ra, rb);
        let fa: Vec<_> = (0..a.edge_count()).map(|e| a.flow(e)).collect();
        let fb: Vec<_> = (0..b.edge_count()).map(|e| b.flow(e)).collect();
        assert_eq!(fa, fb);
        assert_eq!(a.potentials(), b.potentials());
        assert!(a.check_optimality(0, 1));
    }

    /// A plain reference: successive shortest paths with Bellman-Ford on the residual graph
    /// (arcs as `(from, to, cap, cost)`), stopping at the first path of cost ≥ 0.
    fn reference(
        arcs: &[(usize, usize, i64, i128)],
        n: usize,
        s: usize,
        t: usize,
        limit: i64,
    ) -> (i64, i128) {
        let mut res: Vec<(usize, usize, i64, i128)> = Vec::new();
        for &(u, v, c, w) in arcs {
            res.push((u, v, c, w));
            res.push((v, u, 0, -w));
        }
        let (mut flow, mut cost) = (0i64, 0i128);
        while flow < limit {
            let mut dist = vec![None::<i128>; n];
            let mut pred = vec![usize::MAX; n];
            dist[s] = Some(0);
            for _ in 0..n {
                for (a, &(u, v, c, w)) in res.iter().enumerate() {
                    if let (true, Some(du)) = (c > 0, dist[u]) {
                        if dist[v].is_none_or(|x| du + w < x) {
                            dist[v] = Some(du + w);
                            pred[v] = a;
                        }
                    }
                }
            }
            let Some(dt) = dist[t] else { break };
            if dt >= 0 {
                break;
            }
            let mut b = limit - flow;
            let mut v = t;
            while v != s {
                b = b.min(res[pred[v]].2);
                v = res[pred[v]].0;
            }
            let mut v = t;
            while v != s {
                let a = pred[v];
                res[a].2 -= b;
                res[a ^ 1].2 += b;
                v = res[a].0;
            }
            flow += b;
            cost += dt * b as i128;
        }
        (flow, cost)
    }

    #[test]
    fn random_general_graphs_against_reference() {
        // Costs φ(v) − φ(u) + r with r ≥ 0: cycles of any shape but none negative.
        for seed in 0..300u64 {
            let mut rng = Lcg(seed ^ 0xC0FF_EE00);
            let n = 3 + rng.below(12) as usize;
            let phi: Vec<i128> = (0..n)
                .map(|_| (rng.below(2001) as i128 - 1000) * 10i128.pow(24))
                .collect();
            let mut arcs = Vec::new();
            for _ in 0..rng.below(4 * n as u64) + n as u64 {
                let (u, v) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
                let r = match rng.below(3) {
                    0 => 0,
                    1 => rng.below(5) as i128,
                    _ => rng.below(1000) as i128 * 10i128.pow(24),
                };
                arcs.push((u, v, rng.below(4) as i64, phi[v] - phi[u] + r));
            }
            let (s, t) = (0, n - 1);
            let limit = if rng.below(2) == 0 {
                i64::MAX
            } else {
                rng.below(4) as i64
            };
            let mut g = FlowGraph::new(n);
            for &(u, v, c, w) in &arcs {
                g.add_edge(u, v, c, w);
            }
            let (h, r) = solve_all_ways(&g, s, t, limit);
            assert_eq!(
                (r.flow, r.cost),
                reference(&arcs, n, s, t, limit),
                "seed {seed}"
            );
            let total: i128 = (0..arcs.len()).map(|e| h.flow(e) as i128 * arcs[e].3).sum();
            assert_eq!(total, r.cost, "seed {seed}");
        }
    }

    #[test]
    fn later_call_continues() {
        let mut g = FlowGraph::new(4);
        g.add_edge(0, 1, 1, 0);
        g.add_edge(0, 2, 1, 0);
        g.add_edge(1, 3, 1, -5);
        let r = g.min_cost_flow(0, 3, i64::MAX);
        assert_eq!((r.flow, r.cost), (1, -5));
        g.add_edge(2, 3, 1, -3);
        let r = g.min_cost_flow(0, 3, i64::MAX);
        assert_eq!((r.flow, r.cost), (1, -3));
        assert!(g.check_optimality(0, 3));
    }
}

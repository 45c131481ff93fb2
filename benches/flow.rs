//! Benchmarks of the min-cost-flow solver on deterministic pseudo-random staff-to-post
//! instances: (a) a flat assignment, (b) a province with hub nodes.
//!
//! Run: `cargo bench --bench flow -- --warm-up-time 1 --measurement-time 5`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use orgplan::alloc::flow::{FlowGraph, NodeId};
use std::hint::black_box;

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

const E12: i128 = 1_000_000_000_000;
const E24: i128 = E12 * E12;

/// (a) 20,000 people × 1,000 posts (quotas 1–3), ~30 eligible posts each, weights
/// 1e24 + fit(0..1300)·1e12 + cost(0..1e9). Returns the graph, source and sink.
fn assignment() -> (FlowGraph, NodeId, NodeId) {
    let (people, posts) = (20_000usize, 1_000usize);
    let mut rng = Lcg(2025);
    let mut g = FlowGraph::new(2 + people + posts);
    let (s, t) = (0, 1);
    let post = |j: usize| 2 + people + j;
    let mut seen = vec![usize::MAX; posts];
    for p in 0..people {
        g.add_edge(s, 2 + p, 1, 0);
        for _ in 0..30 {
            let j = rng.below(posts as u64) as usize;
            if seen[j] == p {
                continue;
            }
            seen[j] = p;
            let w = E24 + rng.below(1300) as i128 * E12 + rng.below(1_000_000_000) as i128;
            g.add_edge(2 + p, post(j), 1, -w);
        }
    }
    for j in 0..posts {
        g.add_edge(post(j), t, 1 + rng.below(3) as i64, 0);
    }
    (g, s, t)
}

/// (b) A province: 11,000 people in 126 units, 20 post keys per unit (2,520 posts, quotas
/// 1–2). Each person links to 40 hubs — per key, the hub of that key in their own unit
/// (higher tier) and the province-wide hub of that key — and hubs fan out to the posts.
fn province() -> (FlowGraph, NodeId, NodeId) {
    let (people, units, keys) = (11_000usize, 126usize, 20usize);
    let mut rng = Lcg(84);
    let mut g = FlowGraph::new(2);
    let (s, t) = (0, 1);
    let posts: Vec<NodeId> = (0..units * keys).map(|_| g.add_node()).collect();
    let own_hub: Vec<NodeId> = (0..units * keys).map(|_| g.add_node()).collect();
    let any_hub: Vec<NodeId> = (0..keys).map(|_| g.add_node()).collect();
    for &post in &posts {
        g.add_edge(post, t, 1 + rng.below(2) as i64, 0);
    }
    for (i, &hub) in own_hub.iter().enumerate() {
        g.add_edge(
            hub,
            posts[i],
            i64::MAX / 4,
            -(rng.below(1_000_000_000) as i128),
        );
    }
    for (k, &hub) in any_hub.iter().enumerate() {
        for u in 0..units {
            let cost = -(rng.below(1_000_000_000) as i128);
            g.add_edge(hub, posts[u * keys + k], i64::MAX / 4, cost);
        }
    }
    for _ in 0..people {
        let p = g.add_node();
        let unit = rng.below(units as u64) as usize;
        g.add_edge(s, p, 1, 0);
        for k in 0..keys {
            let fit = rng.below(1300) as i128 * E12;
            g.add_edge(p, own_hub[unit * keys + k], 1, -(2 * E24 + fit));
            g.add_edge(p, any_hub[k], 1, -(E24 + fit));
        }
    }
    (g, s, t)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("min_cost_flow");
    group.sample_size(10);
    for (name, (graph, s, t)) in [
        ("assignment_20k", assignment()),
        ("province_11k", province()),
    ] {
        let mut once = graph.clone();
        let r = once.min_cost_flow(s, t, i64::MAX);
        assert!(once.check_optimality(s, t));
        eprintln!(
            "{name}: {} nodes, {} edges; flow {}, cost {}, {} augmentations",
            graph.node_count(),
            graph.edge_count(),
            r.flow,
            r.cost,
            r.augmentations
        );
        group.bench_function(name, |b| {
            b.iter_batched(
                || graph.clone(),
                |mut g| black_box(g.min_cost_flow(s, t, i64::MAX)),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Linking and evaluating generated module graphs (`vmjs graph` shapes)
//! of 1,000 and 10,000 modules: each sample loads the graph into a fresh
//! runtime (not timed), then times Link ( ) or Evaluate ( ) alone.
//!
//! `cargo bench --bench graph`; `benches/compare-graphs.sh` compares with
//! Node's `vm.SourceTextModule` on the same graphs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use vmjs::cli::graph::{generate, Shape};
use vmjs::host::FileHost;
use vmjs::interp::agent::Agent;
use vmjs::module::ModuleId;

const SHAPES: [(&str, Shape); 7] = [
    ("chain", Shape::Chain),
    ("tree", Shape::Tree),
    ("dag", Shape::Dag),
    ("ring", Shape::Ring),
    ("sccs", Shape::Sccs),
    ("star", Shape::Star),
    ("export-star-chain", Shape::ExportStarChain),
];

const SIZES: [u32; 2] = [1_000, 10_000];

fn graph_dir(name: &str, size: u32) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vmjs-bench-graph/{name}-{size}"));
    if !dir.join("main.mjs").exists() {
        let shape = SHAPES.iter().find(|(n, _)| *n == name).expect("shape").1;
        generate(shape, size, &dir, None, 1).expect("graph written");
    }
    dir
}

/// A runtime with the graph of `entry` loaded (LoadRequestedModules done).
fn loaded(entry: &Path) -> (Agent, FileHost, ModuleId) {
    let mut agent = Agent::new();
    agent.stdout = Box::new(std::io::sink());
    let host = FileHost::new();
    host.install(&mut agent);
    let root = host
        .load_entry(&mut agent, entry)
        .ok()
        .expect("entry loads");
    host.load_graph(&mut agent, root).ok().expect("graph loads");
    (agent, host, root)
}

fn graphs(c: &mut Criterion) {
    vmjs::interp::stack_guard::register_thread_stack(8 << 20);
    let mut group = c.benchmark_group("graph");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, _) in SHAPES {
        for size in SIZES {
            let entry = graph_dir(name, size).join("main.mjs");
            group.bench_with_input(
                BenchmarkId::new(format!("link/{name}"), size),
                &entry,
                |b, e| {
                    b.iter_batched(
                        || loaded(e),
                        |(mut agent, host, root)| {
                            host.link_graph(&mut agent, root).ok().expect("links");
                            (agent, host)
                        },
                        BatchSize::PerIteration,
                    )
                },
            );
            group.bench_with_input(
                BenchmarkId::new(format!("evaluate/{name}"), size),
                &entry,
                |b, e| {
                    b.iter_batched(
                        || {
                            let (mut agent, host, root) = loaded(e);
                            host.link_graph(&mut agent, root).ok().expect("links");
                            (agent, host, root)
                        },
                        |(mut agent, host, root)| {
                            host.evaluate_graph(&mut agent, root)
                                .ok()
                                .expect("evaluates");
                            agent.run_promise_jobs().ok().expect("jobs run");
                            (agent, host)
                        },
                        BatchSize::PerIteration,
                    )
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, graphs);
criterion_main!(benches);

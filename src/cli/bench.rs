//! `vmjs bench ENTRY`: loads (reads and parses), links and evaluates the
//! module graph of ENTRY several times, each run in a fresh runtime, and
//! prints the graph's size and the median time of each phase.
//! `--via vm` builds the same graph through `node:vm` (`vm.SourceTextModule`
//! and a JavaScript linker), as Node users do.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;

use super::app::Context;
use super::input::CliError;
use crate::host::FileHost;
use crate::interp::agent::{Agent, JsResult, Throw};
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::value::Value;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The entry module of the graph (e.g. made by `vmjs graph`).
    entry: PathBuf,
    /// How many times to build the graph (fresh runtime each time).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// How to build the graph: the native loader, or `node:vm` with a JS linker.
    #[arg(long, value_enum, default_value_t = Via::Native)]
    via: Via,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Via {
    Native,
    Vm,
}

/// The times of one run.
#[derive(Clone, Copy, Default)]
pub(super) struct Phases {
    pub(super) load: Duration,
    pub(super) link: Duration,
    pub(super) evaluate: Duration,
}

/// What the graph holds.
#[derive(Clone, Copy, Default)]
pub(super) struct Shape {
    pub(super) modules: usize,
    pub(super) edges: usize,
    pub(super) bytes: usize,
}

pub fn run(args: &BenchArgs, _context: &Context) -> Result<ExitCode, CliError> {
    crate::interp::limits::register_thread_stack(super::app::WORKER_STACK_BYTES);
    let entry = std::fs::canonicalize(&args.entry).map_err(|e| CliError::Read {
        path: args.entry.display().to_string(),
        reason: e.to_string(),
    })?;
    let runs = args.runs.max(1);
    let progress = (!args.json && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(runs as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} runs")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(format!("{}", args.entry.display()));
        bar
    });
    let mut all = Vec::with_capacity(runs);
    let mut shape = Shape::default();
    for _ in 0..runs {
        let outcome = match args.via {
            Via::Native => native_run(&entry),
            Via::Vm => super::bench_vm::vm_run(&entry),
        };
        match outcome {
            Ok((phases, s)) => {
                all.push(phases);
                shape = s;
            }
            Err(message) => {
                if let Some(bar) = &progress {
                    bar.finish_and_clear();
                }
                let _ = writeln!(std::io::stderr(), "vmjs bench: {message}");
                return Ok(ExitCode::from(1));
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    report(args, shape, &all);
    Ok(ExitCode::SUCCESS)
}

/// One native run: LoadRequestedModules, Link, Evaluate (+ jobs), timed apart.
fn native_run(entry: &std::path::Path) -> Result<(Phases, Shape), String> {
    let mut agent = Agent::new();
    // What the graph prints is not the benchmark's output.
    agent.stdout = Box::new(std::io::sink());
    let host = FileHost::new();
    host.install(&mut agent);
    let mut phases = Phases::default();
    let result = (|| -> JsResult<()> {
        let t = Instant::now();
        let root = host.load_entry(&mut agent, entry)?;
        host.load_graph(&mut agent, root)?;
        phases.load = t.elapsed();
        let t = Instant::now();
        host.link_graph(&mut agent, root)?;
        phases.link = t.elapsed();
        let t = Instant::now();
        let promise = host.evaluate_graph(&mut agent, root)?;
        agent.run_promise_jobs()?;
        phases.evaluate = t.elapsed();
        settled(&promise)
    })();
    result.map_err(|Throw(e)| agent.describe_uncaught(&e))?;
    let shape = graph_shape(&host);
    // Freeing a large heap is not part of any phase.
    drop(agent);
    drop(host);
    Ok((phases, shape))
}

/// The error of a rejected evaluation promise.
pub(super) fn settled(promise: &Value) -> JsResult<()> {
    if let Value::Object(p) = promise {
        if let Some(PromiseStateView::Rejected(e)) = promise_state(p) {
            return Err(Throw(e));
        }
    }
    Ok(())
}

fn graph_shape(host: &FileHost) -> Shape {
    let graph = host.graph();
    let g = graph.borrow();
    let mut shape = Shape::default();
    for record in &g.modules {
        if record.name.starts_with("node:") || record.name.starts_with("vmjs:") {
            continue;
        }
        shape.modules += 1;
        shape.edges += record.requested_modules.len();
        if let crate::module::record::ModuleBody::Source(code) = &record.body {
            shape.bytes += code.source.text.len();
        }
    }
    shape
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

/// Peak resident set size in bytes (Linux), if known.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn report(args: &BenchArgs, shape: Shape, runs: &[Phases]) {
    let load = median(runs.iter().map(|p| p.load).collect());
    let link = median(runs.iter().map(|p| p.link).collect());
    let evaluate = median(runs.iter().map(|p| p.evaluate).collect());
    let total = median(runs.iter().map(|p| p.load + p.link + p.evaluate).collect());
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let rss = peak_rss().unwrap_or(0);
    let via = match args.via {
        Via::Native => "native",
        Via::Vm => "vm",
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let _ = writeln!(
            out,
            "{{\"entry\":{:?},\"via\":\"{via}\",\"runs\":{},\"modules\":{},\"edges\":{},\"bytes\":{},\
             \"load_ms\":{:.3},\"link_ms\":{:.3},\"evaluate_ms\":{:.3},\"total_ms\":{:.3},\"peak_rss_bytes\":{rss}}}",
            args.entry.display().to_string(),
            runs.len(),
            shape.modules,
            shape.edges,
            shape.bytes,
            ms(load),
            ms(link),
            ms(evaluate),
            ms(total)
        );
        return;
    }
    let _ = writeln!(
        out,
        "{}: {} modules, {} edges, {} bytes of source ({via}, median of {} runs)",
        args.entry.display(),
        shape.modules,
        shape.edges,
        shape.bytes,
        runs.len()
    );
    let load_name = match args.via {
        Via::Native => "load + parse",
        Via::Vm => "construct (parse)",
    };
    let _ = writeln!(out, "  {load_name:<18} {:>10.1} ms", ms(load));
    let _ = writeln!(out, "  {:<18} {:>10.1} ms", "link", ms(link));
    let _ = writeln!(out, "  {:<18} {:>10.1} ms", "evaluate", ms(evaluate));
    let _ = writeln!(out, "  {:<18} {:>10.1} ms", "total", ms(total));
    if shape.modules > 0 {
        let _ = writeln!(
            out,
            "  peak RSS {:.1} MB ({:.0} bytes per module)",
            rss as f64 / 1e6,
            rss as f64 / shape.modules as f64
        );
    }
}

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
use crate::host::code_cache_dir::{CodeCacheDir, CodeCacheStats};
use crate::host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::{JsResult, Throw};
use crate::interp::value::Value;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The entry module of the graph (e.g. made by `vmjs graph`); not
    /// needed with --sizes.
    #[arg(required_unless_present = "sizes")]
    entry: Option<PathBuf>,
    /// Scaling mode: generate graphs of these sizes (comma-separated) for
    /// each of --shapes and bench each.
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<u32>,
    /// The shapes of scaling mode (comma-separated; default: all).
    #[arg(long, value_delimiter = ',', value_enum)]
    shapes: Vec<super::graph::Shape>,
    /// Scaling mode: draw time against size per shape into this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,
    /// How many times to build the graph (fresh runtime each time).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// How to build the graph: the native loader, or `node:vm` with a JS linker.
    #[arg(long, value_enum, default_value_t = Via::Native)]
    via: Via,
    /// Bench with a code cache in DIR (native loader only): --runs cold
    /// runs, each after emptying the cache (every module parsed and its
    /// entry written), then --runs warm runs (every module loaded from
    /// its entry); both are reported.
    #[arg(long, value_name = "DIR", conflicts_with = "sizes")]
    cache: Option<PathBuf>,
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
    /// The part of `load` spent parsing (ParseModule); the rest is the
    /// file system's.
    pub(super) parse: Duration,
    pub(super) link: Duration,
    pub(super) evaluate: Duration,
    /// Time spent resolving specifiers (part of `load`, and of `evaluate`
    /// for `require` calls and `import()`).
    pub(super) resolve: Duration,
    /// With a code cache: what it did.
    pub(super) cache: CodeCacheStats,
}

/// What the graph holds.
#[derive(Clone, Copy, Default)]
pub(super) struct GraphStats {
    /// ES modules, CommonJS files and JSON modules.
    pub(super) modules: usize,
    /// CommonJS files imported or required.
    pub(super) commonjs: usize,
    pub(super) edges: usize,
    pub(super) bytes: usize,
}

pub fn run(args: &BenchArgs, _context: &Context) -> Result<ExitCode, CliError> {
    crate::interp::stack_guard::register_thread_stack(super::app::WORKER_STACK_BYTES);
    if !args.sizes.is_empty() {
        return scaling(args);
    }
    let Some(entry_arg) = &args.entry else {
        return Ok(ExitCode::from(super::app::EXIT_USAGE_OR_IO));
    };
    let entry = std::fs::canonicalize(entry_arg).map_err(|e| CliError::Read {
        path: entry_arg.display().to_string(),
        reason: e.to_string(),
    })?;
    let runs = args.runs.max(1);
    if let Some(dir) = &args.cache {
        return cached(args, entry_arg, &entry, dir);
    }
    let progress = (!args.json && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(runs as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} runs")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message(format!("{}", entry_arg.display()));
        bar
    });
    let mut all = Vec::with_capacity(runs);
    let mut shape = GraphStats::default();
    for _ in 0..runs {
        let outcome = match args.via {
            Via::Native => native_run(&entry, None),
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
    report(args, &entry_arg.display().to_string(), shape, &all);
    Ok(ExitCode::SUCCESS)
}

/// Scaling mode: every shape at every size, one line each, and the plot.
fn scaling(args: &BenchArgs) -> Result<ExitCode, CliError> {
    use super::graph::Shape;
    use clap::ValueEnum;
    let shapes: Vec<Shape> = if args.shapes.is_empty() {
        Shape::value_variants().to_vec()
    } else {
        args.shapes.clone()
    };
    let work = std::env::temp_dir().join(format!("vmjs-bench-scaling-{}", std::process::id()));
    let mut series = Vec::new();
    let mut out = std::io::stdout().lock();
    for shape in shapes {
        let name = shape
            .to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default();
        let mut points = Vec::new();
        for &size in &args.sizes {
            let dir = work.join(format!("{name}-{size}"));
            if let Err(message) = super::graph::generate(shape, size, &dir, None, 1) {
                let _ = std::fs::remove_dir_all(&work);
                let _ = writeln!(std::io::stderr(), "vmjs bench: {message}");
                return Ok(ExitCode::from(super::app::EXIT_USAGE_OR_IO));
            }
            let entry = dir.join("main.mjs");
            let mut runs = Vec::new();
            let mut shape_of = GraphStats::default();
            for _ in 0..args.runs.max(1) {
                let outcome = match args.via {
                    Via::Native => native_run(&entry, None),
                    Via::Vm => super::bench_vm::vm_run(&entry),
                };
                match outcome {
                    Ok((p, s)) => {
                        runs.push(p);
                        shape_of = s;
                    }
                    Err(message) => {
                        let _ = std::fs::remove_dir_all(&work);
                        let _ = writeln!(std::io::stderr(), "vmjs bench: {name}-{size}: {message}");
                        return Ok(ExitCode::from(1));
                    }
                }
            }
            let _ = std::fs::remove_dir_all(&dir);
            drop(out);
            report(args, &format!("{name}-{size}"), shape_of, &runs);
            out = std::io::stdout().lock();
            let total = median(runs.iter().map(|p| p.load + p.link + p.evaluate).collect());
            points.push((shape_of.modules as f64, total.as_secs_f64() * 1000.0));
        }
        series.push(super::bench_plot::Series {
            shape: name,
            points,
        });
    }
    let _ = std::fs::remove_dir_all(&work);
    if let Some(path) = &args.plot {
        let title = "vmjs: time against module count (log-log)";
        if let Err(message) = super::bench_plot::draw(path, title, &series) {
            let _ = writeln!(
                std::io::stderr(),
                "vmjs bench: cannot draw {}: {message}",
                path.display()
            );
            return Ok(ExitCode::from(super::app::EXIT_USAGE_OR_IO));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--cache DIR`: cold runs (the cache emptied first), then warm runs.
fn cached(
    args: &BenchArgs,
    entry_arg: &std::path::Path,
    entry: &std::path::Path,
    dir: &std::path::Path,
) -> Result<ExitCode, CliError> {
    if args.via != Via::Native {
        return Err(CliError::Usage {
            reason: "--cache needs the native loader (--via native)".into(),
        });
    }
    let open = || {
        CodeCacheDir::open(dir).map_err(|e| CliError::Read {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })
    };
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    let mut shape = GraphStats::default();
    for warm_run in [false, true] {
        for _ in 0..args.runs.max(1) {
            let cache = std::sync::Arc::new(open()?);
            if !warm_run {
                cache.clear().map_err(|e| CliError::Write {
                    reason: format!("cannot empty {}: {e}", dir.display()),
                })?;
            }
            match native_run(entry, Some(cache)) {
                Ok((phases, s)) => {
                    shape = s;
                    if warm_run { &mut warm } else { &mut cold }.push(phases);
                }
                Err(message) => {
                    let _ = writeln!(std::io::stderr(), "vmjs bench: {message}");
                    return Ok(ExitCode::from(1));
                }
            }
        }
    }
    let name = entry_arg.display().to_string();
    if args.json {
        let _ = writeln!(
            std::io::stdout(),
            "{{\"entry\":{name:?},\"cache_dir\":{:?},\"cold\":{{{}}},\"warm\":{{{}}}}}",
            dir.display().to_string(),
            json_fields(args, shape, &cold),
            json_fields(args, shape, &warm)
        );
    } else {
        report(args, &format!("{name} (cold code cache)"), shape, &cold);
        report(args, &format!("{name} (warm code cache)"), shape, &warm);
    }
    Ok(ExitCode::SUCCESS)
}

/// One native run: LoadRequestedModules, Link, Evaluate (+ jobs), timed
/// apart; with a code cache when `cache` is given.
fn native_run(
    entry: &std::path::Path,
    cache: Option<std::sync::Arc<CodeCacheDir>>,
) -> Result<(Phases, GraphStats), String> {
    let mut agent = Agent::new();
    // What the graph prints is not the benchmark's output.
    agent.stdout = Box::new(std::io::sink());
    let host = FileHost::new();
    if let Some(cache) = cache {
        host.set_code_cache(cache);
    }
    host.install(&mut agent);
    let mut phases = Phases::default();
    let result = (|| -> JsResult<()> {
        let t = Instant::now();
        let root = host.load_entry(&mut agent, entry)?;
        host.load_graph(&mut agent, root)?;
        phases.load = t.elapsed();
        phases.parse = host.parse_time();
        let t = Instant::now();
        host.link_graph(&mut agent, root)?;
        phases.link = t.elapsed();
        let t = Instant::now();
        let promise = host.evaluate_graph(&mut agent, root)?;
        agent.run_promise_jobs()?;
        phases.evaluate = t.elapsed();
        settled(&promise)
    })();
    phases.resolve = host.resolve_time();
    phases.cache = host.code_cache_stats().unwrap_or_default();
    result.map_err(|Throw(e)| agent.describe_uncaught(&e))?;
    let shape = graph_shape(&host);
    // Freeing a large heap is not part of any phase.
    drop(agent);
    drop(host);
    // The runtime's objects are garbage now; free them before the next run
    // (otherwise they stay until that run's first collection).
    gc::force_collect();
    Ok((phases, shape))
}

/// The error of a rejected evaluation promise.
pub(super) fn settled(promise: &Value) -> JsResult<()> {
    if let Value::Object(p) = promise {
        if let Some(PromiseStateView::Rejected(e)) = promise_state(p) {
            return Err(Throw::new(e));
        }
    }
    Ok(())
}

fn graph_shape(host: &FileHost) -> GraphStats {
    let graph = host.graph();
    let g = graph.borrow();
    let mut shape = GraphStats::default();
    for record in &g.modules {
        if record.name.starts_with("node:") || record.name.starts_with("vmjs:") {
            continue;
        }
        shape.edges += record.requested_modules.len();
        if let crate::module::record::ModuleBody::Source(code) = &record.body {
            shape.bytes += code.source.text.len();
        }
        // A CommonJS file's record is counted with the CommonJS files
        // below (most are only required, with no record).
        if !host.is_commonjs(std::path::Path::new(&record.name)) {
            shape.modules += 1;
        }
    }
    shape.commonjs = host.commonjs_module_count();
    shape.modules += shape.commonjs;
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

fn report(args: &BenchArgs, entry: &str, shape: GraphStats, runs: &[Phases]) {
    let es_modules = shape.modules - shape.commonjs;
    let rss = peak_rss().unwrap_or(0);
    let via = match args.via {
        Via::Native => "native",
        Via::Vm => "vm",
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let fields = json_fields(args, shape, runs);
        let _ = writeln!(out, "{{\"entry\":{entry:?},{fields}}}");
        return;
    }
    let _ = writeln!(
        out,
        "{}: {} modules ({es_modules} ES, {} CommonJS), {} edges, {} bytes of source ({via}, median of {} runs)",
        entry,
        shape.modules,
        shape.commonjs,
        shape.edges,
        shape.bytes,
        runs.len()
    );
    if args.cache.is_some() {
        let cache = runs.last().map(|p| p.cache).unwrap_or_default();
        let _ = writeln!(
            out,
            "  code cache: {} modules loaded, {} parsed and written, {} rejected (last run)",
            cache.loaded, cache.written, cache.rejected
        );
    }
    let load_name = match args.via {
        Via::Native => "load + parse",
        Via::Vm => "construct (parse)",
    };
    table(&mut out, args, shape, runs, load_name, rss);
}

/// The fields of a report's JSON object after `entry`.
fn json_fields(args: &BenchArgs, shape: GraphStats, runs: &[Phases]) -> String {
    let load = median(runs.iter().map(|p| p.load).collect());
    let parse = median(runs.iter().map(|p| p.parse).collect());
    let link = median(runs.iter().map(|p| p.link).collect());
    let evaluate = median(runs.iter().map(|p| p.evaluate).collect());
    let total = median(runs.iter().map(|p| p.load + p.link + p.evaluate).collect());
    let resolve = median(runs.iter().map(|p| p.resolve).collect());
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let es_modules = shape.modules - shape.commonjs;
    let rss = peak_rss().unwrap_or(0);
    let via = match args.via {
        Via::Native => "native",
        Via::Vm => "vm",
    };
    let cache = match (&args.cache, runs.last()) {
        (Some(_), Some(last)) => format!(
            ",\"cache_loaded\":{},\"cache_written\":{},\"cache_rejected\":{}",
            last.cache.loaded, last.cache.written, last.cache.rejected
        ),
        _ => String::new(),
    };
    format!(
            "\"via\":\"{via}\",\"runs\":{},\"modules\":{},\"es_modules\":{es_modules},\
             \"commonjs_modules\":{},\"edges\":{},\"bytes\":{},\"resolve_ms\":{:.3},\
             \"load_ms\":{:.3},\"parse_ms\":{:.3},\"link_ms\":{:.3},\"evaluate_ms\":{:.3},\"total_ms\":{:.3},\"peak_rss_bytes\":{rss}{cache}",
            runs.len(),
            shape.modules,
            shape.commonjs,
            shape.edges,
            shape.bytes,
            ms(resolve),
            ms(load),
            ms(parse),
            ms(link),
            ms(evaluate),
            ms(total)
        )
}

/// The table of phase times.
fn table(
    out: &mut impl Write,
    args: &BenchArgs,
    shape: GraphStats,
    runs: &[Phases],
    load_name: &str,
    rss: u64,
) {
    let load = median(runs.iter().map(|p| p.load).collect());
    let parse = median(runs.iter().map(|p| p.parse).collect());
    let computed = median(runs.iter().map(|p| p.parse + p.link + p.evaluate).collect());
    let link = median(runs.iter().map(|p| p.link).collect());
    let evaluate = median(runs.iter().map(|p| p.evaluate).collect());
    let total = median(runs.iter().map(|p| p.load + p.link + p.evaluate).collect());
    let resolve = median(runs.iter().map(|p| p.resolve).collect());
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut row = |indent: usize, label: &str, time: Duration| {
        let width = 25 - indent;
        let _ = writeln!(out, "{:indent$}{label:<width$} {:>10.1} ms", "", ms(time));
    };
    row(2, load_name, load);
    let native = args.via == Via::Native;
    if native {
        row(4, "parse (all threads)", parse);
    }
    row(2, "link", link);
    row(2, "evaluate", evaluate);
    row(2, "total", total);
    if native {
        // Across load and evaluate (`require` resolves while evaluating).
        row(2, "resolve (in the above)", resolve);
    }
    if native {
        // Without the file system's share: what the interpreter itself spends.
        row(2, "parse + link + evaluate", computed);
    }
    if shape.modules > 0 {
        let _ = writeln!(
            out,
            "  peak RSS {:.1} MB ({:.0} bytes per module)",
            rss as f64 / 1e6,
            rss as f64 / shape.modules as f64
        );
    }
}

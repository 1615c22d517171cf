//! `vmjs run FILE`: run FILE as the entry ES module (with `--script`: as a
//! script), then the event loop ([`Agent::run_event_loop`]) until
//! nothing is left. An uncaught exception or unhandled rejection prints the
//! error ([`Agent::report_uncaught`]: an error's `stack`, `String(e)` then
//! `    at` lines) on stderr and exits with status 1, as Node does.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::app::{ColorWhen, Context};
use super::diagnostic::report_syntax_error;
use super::input::{read_source, CliError};
use crate::host::code_cache_dir::CodeCacheDir;
use crate::host::FileHost;
use crate::interp::agent::Agent;
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::completion::Throw;
use crate::interp::eval::ScriptRecord;
use crate::interp::interrupt::{Interrupt, InterruptReason};
use crate::interp::jobs::UnhandledRejections;
use crate::interp::value::Value;
use crate::module::record::TraceSink;
use crate::module::{ModuleGraph, ModuleId};

/// Exit status for an uncaught exception or a SyntaxError.
const EXIT_UNCAUGHT: u8 = 1;
/// Node's status when the entry module's top-level await never settles.
const EXIT_UNSETTLED_TLA: u8 = 13;
/// The status of a run that reached `--max-heap-size`: Node's out-of-memory
/// path ends with SIGABRT, which shells report as 134.
// Deviation: vmjs exits with the status instead of aborting.
const EXIT_OUT_OF_MEMORY: u8 = 134;

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Print the module algorithms' steps (loading, linking, evaluation) on stderr.
    #[arg(long)]
    trace: bool,
    /// Run FILE first as a script, its top-level declarations becoming globals (test harnesses).
    #[arg(long = "prelude", value_name = "FILE", hide = true)]
    preludes: Vec<PathBuf>,
    /// Run FILE as a script instead of a module (strict code only with a
    /// "use strict" directive).
    #[arg(long)]
    script: bool,
    /// With --script: run FILE as strict code, as if it began with
    /// "use strict" (test262's strict variant).
    #[arg(long, hide = true)]
    strict: bool,
    /// `warn`: an unhandled rejection prints a warning instead of ending
    /// the run (test262 does not count them as failures).
    #[arg(long = "unhandled-rejections", value_name = "MODE", hide = true)]
    unhandled_rejections: Option<UnhandledRejections>,
    /// Also match condition NAME in package.json `exports` and `imports`
    /// (repeatable; as `node --conditions NAME`).
    #[arg(long = "conditions", short = 'C', value_name = "NAME")]
    conditions: Vec<String>,
    /// Resolve `import` specifiers through the import map in FILE (the
    /// HTML standard's import maps: `imports` and `scopes`) before Node's
    /// resolution; its URLs are relative to FILE.
    #[arg(long = "import-map", value_name = "FILE")]
    import_map: Option<PathBuf>,
    /// Cap the memory the run may hold at MB megabytes (every allocation
    /// counts): reaching it ends the run with status 134 and Node's
    /// "JavaScript heap out of memory" message.
    #[arg(long = "max-heap-size", value_name = "MB")]
    max_heap_size: Option<usize>,
    /// `module`: `.js` and extensionless files outside any package.json
    /// "type" are ES modules instead of being detected from their syntax
    /// (as Node's flag of the same name).
    #[arg(long = "experimental-default-type", value_name = "TYPE", value_parser = ["module"])]
    default_type: Option<String>,
    /// Install test262's host API (`print`, `$262`) on the global object.
    #[arg(long = "test262-host", hide = true)]
    test262_host: bool,
    /// Turn off the stage 3 proposals Deferring Module Evaluation (`import
    /// defer * as ns`, `import.defer()`) and Source Phase Imports (`import
    /// source x`, `import.source()`), which are on by default: their syntax
    /// is then a SyntaxError, as in Node 20 (for comparisons with Node).
    #[arg(long = "no-import-phases")]
    no_import_phases: bool,
    /// Keep a code cache of the module files in DIR (created if missing):
    /// a module whose entry there matches its text is loaded without
    /// parsing; the others are parsed and their entries written.
    #[arg(long = "cache", value_name = "DIR")]
    cache: Option<PathBuf>,
    /// With --cache: print on stderr, at the end, how many modules came
    /// from the cache, how many were parsed and written, and how many
    /// entries were rejected.
    #[arg(long = "cache-stats", requires = "cache")]
    cache_stats: bool,
    /// The entry module (or script).
    file: PathBuf,
    /// Arguments for the program (`process.argv` after the entry's path).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

/// `--unhandled-rejections=throw|warn` (Node's spelling); the embedder's
/// `Ignore` is not offered.
impl clap::ValueEnum for UnhandledRejections {
    fn value_variants<'a>() -> &'a [Self] {
        &[UnhandledRejections::Throw, UnhandledRejections::Warn]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            UnhandledRejections::Throw => Some(clap::builder::PossibleValue::new("throw")),
            UnhandledRejections::Warn => Some(clap::builder::PossibleValue::new("warn")),
            UnhandledRejections::Ignore => None,
        }
    }
}

impl RunArgs {
    /// The entry module (or script).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// The same run with tracing on (`vmjs trace FILE`).
    pub fn traced(&self) -> RunArgs {
        RunArgs {
            trace: true,
            preludes: self.preludes.clone(),
            script: self.script,
            strict: self.strict,
            unhandled_rejections: self.unhandled_rejections,
            conditions: self.conditions.clone(),
            import_map: self.import_map.clone(),
            max_heap_size: self.max_heap_size,
            default_type: self.default_type.clone(),
            test262_host: self.test262_host,
            no_import_phases: self.no_import_phases,
            cache: self.cache.clone(),
            cache_stats: self.cache_stats,
            file: self.file.clone(),
            args: self.args.clone(),
        }
    }
}

pub fn run(args: &RunArgs, context: &Context) -> Result<ExitCode, CliError> {
    run_observed(args, context, None)
}

/// Who watches a run's module algorithms (`vmjs trace --html`): the trace
/// events go to `sink`, and `at_end` sees the module graph once the run is
/// over (with the run's exit status).
pub(super) struct Observer<'a> {
    pub sink: TraceSink,
    pub at_end: &'a mut dyn FnMut(&ModuleGraph, u8),
}

/// [`run`], with the module algorithms watched by `observer` if given.
pub(super) fn run_observed(
    args: &RunArgs,
    context: &Context,
    mut observer: Option<Observer>,
) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    crate::syntax::proposals::set_import_phases(!args.no_import_phases);
    crate::interp::stack_guard::register_thread_stack(super::app::WORKER_STACK_BYTES);
    let mut agent = Agent::new();
    let host = FileHost::with_options(&args.conditions, args.default_type.is_some());
    if let Some(path) = &args.import_map {
        host.set_import_map(read_import_map(path)?);
    }
    if let Some(dir) = &args.cache {
        let cache = CodeCacheDir::open(dir).map_err(|e| CliError::Read {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        host.set_code_cache(std::sync::Arc::new(cache));
    }
    if let Some(observer) = &mut observer {
        let sink = std::mem::replace(&mut observer.sink, TraceSink::Stderr);
        host.graph().borrow_mut().trace = Some(sink);
    } else if args.trace {
        host.graph().borrow_mut().trace = Some(TraceSink::Stderr);
    }
    host.install(&mut agent);
    let mut argv = vec![
        std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "vmjs".to_string()),
        absolute(&args.file).display().to_string(),
    ];
    argv.extend(args.args.iter().cloned());
    crate::node::globals::install(&mut agent, crate::node::globals::ProcessInfo { argv });
    if args.test262_host {
        super::test262_host::install(&mut agent);
    }
    for prelude in &args.preludes {
        let text = read_source(prelude)?;
        let path = absolute(prelude).display().to_string();
        if let Err(e) = agent.run_prelude(&path, &text) {
            let message = match e {
                crate::interp::run_source::RunError::Syntax(m) => format!("SyntaxError: {m}"),
                crate::interp::run_source::RunError::Uncaught(m) => m,
            };
            let _ = writeln!(agent.stderr, "{message}");
            return Ok(ExitCode::from(EXIT_UNCAUGHT));
        }
    }
    if let Some(mb) = args.max_heap_size {
        let cap = mb.saturating_mul(1 << 20);
        agent.set_interrupt(Some(Interrupt::new(None, None, Some(cap))));
    }
    let unhandled = args.unhandled_rejections.unwrap_or_default();
    // The entry's own SyntaxError prints before anything runs (preludes aside).
    let status = if args.script {
        run_script(&mut agent, args, &source, unhandled, context.color)
    } else {
        match host.load_entry_text(&mut agent, &args.file, &source) {
            Ok(module) => run_graph(&mut agent, &host, module, unhandled),
            Err(err) => {
                let file = args.file.display().to_string();
                report_syntax_error(&file, &source, &err, context.color);
                EXIT_UNCAUGHT
            }
        }
    };
    let out_of_memory = agent
        .interrupt
        .as_ref()
        .is_some_and(|w| w.fired == Some(InterruptReason::HeapLimit));
    if out_of_memory {
        let _ = agent.stdout.flush();
        let _ = writeln!(
            agent.stderr,
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
        );
    }
    if let (true, Some(stats)) = (args.cache_stats, host.code_cache_stats()) {
        let _ = writeln!(
            agent.stderr,
            "code cache: {} loaded, {} parsed and written, {} rejected",
            stats.loaded, stats.written, stats.rejected
        );
    }
    let _ = agent.stdout.flush();
    let _ = agent.stderr.flush();
    if out_of_memory {
        return Ok(ExitCode::from(EXIT_OUT_OF_MEMORY));
    }
    // `process.exit(code)` ends the run with its status; a run that ends
    // normally with `process.exitCode` set, with that one.
    let status = match agent.exit_requested() {
        Some(code) => code as u8,
        None if status == 0 => crate::node::globals::exit_code(&mut agent).unwrap_or(0) as u8,
        None => status,
    };
    if let Some(observer) = observer {
        (observer.at_end)(&host.graph().borrow(), status);
        return Ok(ExitCode::from(status));
    }
    // The process ends here, as Node's does: its memory goes back to the
    // system at once instead of being freed object by object (about a
    // second for a graph of 100,000 modules). Both streams were flushed.
    std::process::exit(i32::from(status))
}

/// The import map in the file at `path`, its URLs relative to the file's
/// URL (as Deno takes them; a browser's inline map is relative to the
/// document). The warnings the standard says to report go to stderr.
fn read_import_map(path: &Path) -> Result<crate::host::import_map::ImportMap, CliError> {
    let text = read_source(path)?;
    let location = absolute(path);
    let location = std::fs::canonicalize(&location).unwrap_or(location);
    let invalid = |reason: String| CliError::ImportMap {
        path: path.display().to_string(),
        reason,
    };
    let base_url = url::Url::parse(&crate::host::resolve::file_url(&location))
        .map_err(|e| invalid(e.to_string()))?;
    let mut warnings = Vec::new();
    let parsed = crate::host::import_map::parse_import_map_string(&text, &base_url, &mut warnings);
    let mut stderr = std::io::stderr().lock();
    for warning in warnings {
        let _ = writeln!(stderr, "{warning}");
    }
    parsed.map_err(|e| invalid(e.to_string()))
}

/// `path` made absolute against the working directory.
fn absolute(path: &Path) -> PathBuf {
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// ParseScript and ScriptEvaluation of the entry script, then the event
/// loop; returns the exit status.
fn run_script(
    agent: &mut Agent,
    args: &RunArgs,
    source: &str,
    unhandled: UnhandledRejections,
    color: ColorWhen,
) -> u8 {
    let file = &args.file;
    let path = absolute(file);
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let url = crate::host::resolve::file_url(&path);
    let host_defined = path.display().to_string();
    let realm = agent.realm.clone();
    let script = match ScriptRecord::parse_as(source, realm, &url, &host_defined, args.strict) {
        Ok(script) => script,
        Err(err) => {
            report_syntax_error(&file.display().to_string(), source, &err, color);
            return EXIT_UNCAUGHT;
        }
    };
    let result = agent
        .script_evaluation(&script)
        .and_then(|_| agent.run_event_loop(None, unhandled));
    match result {
        Ok(()) => 0,
        Err(Throw(e)) => {
            agent.report_uncaught(&e);
            EXIT_UNCAUGHT
        }
    }
}

/// Loads, links and evaluates the entry's graph and drives the event loop;
/// returns the exit status.
fn run_graph(
    agent: &mut Agent,
    host: &FileHost,
    module: ModuleId,
    unhandled: UnhandledRejections,
) -> u8 {
    let promise = match host.run(agent, module) {
        Ok(p) => p,
        Err(Throw(e)) => {
            agent.report_uncaught(&e);
            return EXIT_UNCAUGHT;
        }
    };
    if let Err(Throw(e)) = agent.run_event_loop(Some(&promise), unhandled) {
        agent.report_uncaught(&e);
        return EXIT_UNCAUGHT;
    }
    if let Value::Object(p) = &promise {
        if let Some(PromiseStateView::Pending) = promise_state(p) {
            let name = host.graph().borrow().get(module).url.clone();
            let _ = writeln!(
                agent.stderr,
                "Warning: Detected unsettled top-level await at {name}"
            );
            return EXIT_UNSETTLED_TLA;
        }
    }
    0
}

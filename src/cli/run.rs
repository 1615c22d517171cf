//! `vmjs run FILE`: run FILE as the entry ES module (with `--script`: as a
//! strict script), then the job queue and timers until nothing is left. An
//! uncaught exception or unhandled rejection prints the error (its `stack`:
//! `String(e)` then `    at` lines) on stderr and exits with status 1, as
//! Node does.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::app::{ColorWhen, Context};
use super::diagnostic::report_syntax_error;
use super::input::{read_source, CliError};
use crate::host::FileHost;
use crate::interp::agent::{Agent, Throw};
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::eval::ScriptRecord;
use crate::interp::object::ObjectKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;
use crate::module::ModuleId;

/// Exit status for an uncaught exception or a SyntaxError.
const EXIT_UNCAUGHT: u8 = 1;
/// Node's status when the entry module's top-level await never settles.
const EXIT_UNSETTLED_TLA: u8 = 13;

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Print the module algorithms' steps (loading, linking, evaluation) on stderr.
    #[arg(long)]
    trace: bool,
    /// Run FILE first as a script, its top-level declarations becoming globals (test harnesses).
    #[arg(long = "prelude", value_name = "FILE", hide = true)]
    preludes: Vec<PathBuf>,
    /// Run FILE as a (strict) script instead of a module.
    #[arg(long)]
    script: bool,
    /// `warn`: an unhandled rejection prints a warning instead of ending
    /// the run (test262 does not count them as failures).
    #[arg(long = "unhandled-rejections", value_name = "MODE", hide = true)]
    unhandled_rejections: Option<UnhandledRejections>,
    /// Also match condition NAME in package.json `exports` and `imports`
    /// (repeatable; as `node --conditions NAME`).
    #[arg(long = "conditions", short = 'C', value_name = "NAME")]
    conditions: Vec<String>,
    /// The entry module (or script).
    file: PathBuf,
}

/// What an unhandled promise rejection does (Node's `--unhandled-rejections`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnhandledRejections {
    /// End the run with status 1 (the default).
    Throw,
    /// Print a warning on stderr and go on.
    Warn,
}

impl RunArgs {
    /// The same run with tracing on (`vmjs trace FILE`).
    pub fn traced(&self) -> RunArgs {
        RunArgs {
            trace: true,
            preludes: self.preludes.clone(),
            script: self.script,
            unhandled_rejections: self.unhandled_rejections,
            conditions: self.conditions.clone(),
            file: self.file.clone(),
        }
    }
}

pub fn run(args: &RunArgs, context: &Context) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    crate::interp::limits::register_thread_stack(super::app::WORKER_STACK_BYTES);
    let mut agent = Agent::new();
    let host = FileHost::with_conditions(&args.conditions);
    if args.trace {
        host.graph().borrow_mut().trace = Some(crate::module::record::TraceSink::Stderr);
    }
    host.install(&mut agent);
    for prelude in &args.preludes {
        let text = read_source(prelude)?;
        let path = absolute(prelude).display().to_string();
        if let Err(e) = agent.run_prelude(&path, &text) {
            let message = match e {
                crate::interp::run::RunError::Syntax(m) => format!("SyntaxError: {m}"),
                crate::interp::run::RunError::Uncaught(m) => m,
            };
            let _ = writeln!(agent.stderr, "{message}");
            return Ok(ExitCode::from(EXIT_UNCAUGHT));
        }
    }
    let warn = args.unhandled_rejections == Some(UnhandledRejections::Warn);
    // The entry's own SyntaxError prints before anything runs (preludes aside).
    let status = if args.script {
        run_script(&mut agent, &args.file, &source, warn, context.color)
    } else {
        match host.load_entry_text(&args.file, &source) {
            Ok(module) => run_graph(&mut agent, &host, module, warn),
            Err(err) => {
                let file = args.file.display().to_string();
                report_syntax_error(&file, &source, &err, context.color);
                EXIT_UNCAUGHT
            }
        }
    };
    let _ = agent.stdout.flush();
    let _ = agent.stderr.flush();
    Ok(ExitCode::from(status))
}

/// `path` made absolute against the working directory.
fn absolute(path: &Path) -> PathBuf {
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// ParseScript and ScriptEvaluation of the entry script, then the event
/// loop; returns the exit status.
fn run_script(agent: &mut Agent, file: &Path, source: &str, warn: bool, color: ColorWhen) -> u8 {
    let path = absolute(file);
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let url = crate::host::resolve::file_url(&path);
    let host_defined = path.display().to_string();
    let script = match ScriptRecord::parse(source, agent.realm.clone(), &url, &host_defined) {
        Ok(script) => script,
        Err(err) => {
            report_syntax_error(&file.display().to_string(), source, &err, color);
            return EXIT_UNCAUGHT;
        }
    };
    if let Err(Throw(e)) = agent.script_evaluation(&script) {
        report_uncaught(agent, &e);
        return EXIT_UNCAUGHT;
    }
    match drive_event_loop(agent, None, warn) {
        Ok(()) => 0,
        Err(status) => status,
    }
}

/// Loads, links and evaluates the entry's graph and drives the event loop;
/// returns the exit status.
fn run_graph(agent: &mut Agent, host: &FileHost, module: ModuleId, warn: bool) -> u8 {
    let promise = match host.run(agent, module) {
        Ok(p) => p,
        Err(Throw(e)) => {
            report_uncaught(agent, &e);
            return EXIT_UNCAUGHT;
        }
    };
    if let Err(status) = drive_event_loop(agent, Some(&promise), warn) {
        return status;
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

/// Runs microtasks and timers until none is left. An uncaught exception,
/// an unhandled rejection (unless `warn`: then only a warning) or the
/// rejection of `promise` (the entry module's evaluation) is reported:
/// `Err` holds the exit status.
fn drive_event_loop(agent: &mut Agent, promise: Option<&Value>, warn: bool) -> Result<(), u8> {
    loop {
        // Microtasks first, after the entry's body and after each timer.
        if let Err(Throw(e)) = agent.run_promise_jobs() {
            report_uncaught(agent, &e);
            return Err(EXIT_UNCAUGHT);
        }
        if let Some(Value::Object(p)) = promise {
            if let Some(PromiseStateView::Rejected(reason)) = promise_state(p) {
                report_uncaught(agent, &reason);
                return Err(EXIT_UNCAUGHT);
            }
        }
        if let Some(reason) = crate::interp::jobs::take_unhandled_rejection(agent) {
            if warn {
                let text = agent.describe_uncaught(&reason);
                let _ = writeln!(agent.stderr, "Warning: unhandled promise rejection: {text}");
            } else {
                report_uncaught(agent, &reason);
                return Err(EXIT_UNCAUGHT);
            }
        }
        let Some(timer) = agent.take_next_timer() else {
            return Ok(());
        };
        if let Err(Throw(e)) = run_timer(agent, timer) {
            report_uncaught(agent, &e);
            return Err(EXIT_UNCAUGHT);
        }
    }
}

/// Runs one due timer's callback (after sleeping until it is due) and
/// re-arms intervals.
fn run_timer(agent: &mut Agent, mut timer: crate::interp::jobs::Timer) -> Result<(), Throw> {
    let now = std::time::Instant::now();
    if timer.due > now {
        std::thread::sleep(timer.due - now);
    }
    let callback = timer.callback.clone();
    let args = timer.args.clone();
    if let Some(period) = timer.repeat {
        timer.due = std::time::Instant::now() + period;
        agent.jobs.timer_sequence += 1;
        timer.sequence = agent.jobs.timer_sequence;
        agent.jobs.timers.push(timer);
    }
    agent.call(&callback, &Value::Undefined, &args)?;
    Ok(())
}

/// Prints an uncaught exception as Node does: an error's `stack` (which
/// starts with `String(e)`), or the value itself.
fn report_uncaught(agent: &mut Agent, value: &Value) {
    let _ = agent.stdout.flush();
    let text = match value {
        Value::Object(o) => {
            let stack = o.get_own_data_value(&PropertyKey::from("stack"));
            match (stack, &o.kind) {
                (Some(Value::String(s)), _) => s.to_rust_string(),
                (_, ObjectKind::Error) => agent.to_display_string(value),
                // Node prints any other object as util.inspect shows it.
                _ => crate::interp::inspect::inspect(agent, value, &Default::default())
                    .unwrap_or_else(|_| agent.to_display_string(value)),
            }
        }
        other => agent.to_display_string(other),
    };
    let _ = writeln!(agent.stderr, "{text}");
}

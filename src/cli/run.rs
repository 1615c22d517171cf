//! `vmjs run FILE`: run FILE as the entry ES module, then the job queue
//! and timers until nothing is left. An uncaught exception or unhandled
//! rejection prints the error (its `stack`: `String(e)` then `    at` lines)
//! on stderr and exits with status 1, as Node does.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::app::Context;
use super::diagnostic::report_syntax_error;
use super::input::{read_source, CliError};
use crate::host::FileHost;
use crate::interp::agent::{Agent, Throw};
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::object::ObjectKind;
use crate::interp::property::PropertyKey;
use crate::interp::value::Value;
use crate::syntax::parse_module;

/// Exit status for an uncaught exception or a SyntaxError.
const EXIT_UNCAUGHT: u8 = 1;
/// Node's status when the entry module's top-level await never settles.
const EXIT_UNSETTLED_TLA: u8 = 13;

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Print the module algorithms' steps (loading, linking, evaluation) on stderr.
    #[arg(long)]
    trace: bool,
    /// Run FILE first, its top-level declarations becoming globals (test harnesses).
    #[arg(long = "prelude", value_name = "FILE", hide = true)]
    preludes: Vec<PathBuf>,
    /// The entry module.
    file: PathBuf,
}

impl RunArgs {
    /// The same run with tracing on (`vmjs trace FILE`).
    pub fn traced(&self) -> RunArgs {
        RunArgs {
            trace: true,
            preludes: self.preludes.clone(),
            file: self.file.clone(),
        }
    }
}

pub fn run(args: &RunArgs, context: &Context) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    // The entry's own SyntaxError prints before anything runs.
    if let Err(err) = parse_module(&source) {
        let file = args.file.display().to_string();
        report_syntax_error(&file, &source, &err, context.color);
        return Ok(ExitCode::from(EXIT_UNCAUGHT));
    }
    crate::interp::limits::register_thread_stack(super::app::WORKER_STACK_BYTES);
    let mut agent = Agent::new();
    let host = FileHost::new();
    if args.trace {
        host.graph().borrow_mut().trace = Some(crate::module::record::TraceSink::Stderr);
    }
    host.install(&mut agent);
    if !args.preludes.is_empty() {
        let mut text = String::new();
        for prelude in &args.preludes {
            text.push_str(&read_source(prelude)?);
            text.push('\n');
        }
        if let Err(e) = agent.run_prelude("prelude", &text) {
            let message = match e {
                crate::interp::run::RunError::Syntax(m) => format!("SyntaxError: {m}"),
                crate::interp::run::RunError::Uncaught(m) => m,
            };
            use std::io::Write;
            let _ = writeln!(agent.stderr, "{message}");
            return Ok(ExitCode::from(EXIT_UNCAUGHT));
        }
    }
    let status = run_graph(&mut agent, &host, &args.file);
    use std::io::Write;
    let _ = agent.stdout.flush();
    let _ = agent.stderr.flush();
    Ok(ExitCode::from(status))
}

/// Loads, links and evaluates the entry's graph and drives the event loop;
/// returns the exit status.
fn run_graph(agent: &mut Agent, host: &FileHost, file: &std::path::Path) -> u8 {
    let outcome = host
        .load_entry(agent, file)
        .and_then(|module| host.run(agent, module).map(|p| (module, p)));
    let (module, promise) = match outcome {
        Ok(x) => x,
        Err(Throw(e)) => {
            report_uncaught(agent, &e);
            return EXIT_UNCAUGHT;
        }
    };
    let name = host.graph().borrow().get(module).url.clone();
    loop {
        // Microtasks first, after the module body and after each timer.
        if let Err(Throw(e)) = agent.run_promise_jobs() {
            report_uncaught(agent, &e);
            return EXIT_UNCAUGHT;
        }
        if let Value::Object(p) = &promise {
            if let Some(PromiseStateView::Rejected(reason)) = promise_state(p) {
                report_uncaught(agent, &reason);
                return EXIT_UNCAUGHT;
            }
        }
        if let Some(reason) = crate::interp::jobs::take_unhandled_rejection(agent) {
            report_uncaught(agent, &reason);
            return EXIT_UNCAUGHT;
        }
        let Some(timer) = agent.take_next_timer() else {
            break;
        };
        if let Err(Throw(e)) = run_timer(agent, timer) {
            report_uncaught(agent, &e);
            return EXIT_UNCAUGHT;
        }
    }
    if let Value::Object(p) = &promise {
        if let Some(PromiseStateView::Pending) = promise_state(p) {
            let _ = writeln!(
                agent.stderr,
                "Warning: Detected unsettled top-level await at {name}"
            );
            return EXIT_UNSETTLED_TLA;
        }
    }
    0
}

use std::io::Write;

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
                _ => agent.to_display_string(value),
            }
        }
        other => agent.to_display_string(other),
    };
    let _ = writeln!(agent.stderr, "{text}");
}

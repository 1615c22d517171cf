//! `vmjs run FILE`: run FILE as the entry ES module, then the job queue
//! and timers until nothing is left. An uncaught exception or unhandled
//! rejection prints the error (its `stack`: `String(e)` then `    at` lines)
//! on stderr and exits with status 1, as Node does.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;

use clap::Args;

use super::app::Context;
use super::diagnostic::report_syntax_error;
use super::input::{read_source, CliError};
use crate::interp::agent::{Agent, Throw};
use crate::interp::builtins::promise::{promise_state, PromiseStateView};
use crate::interp::eval::ModuleCode;
use crate::interp::object::ObjectKind;
use crate::interp::property::PropertyKey;
use crate::interp::source::SourceText;
use crate::interp::value::Value;
use crate::syntax::parse_module;

/// Exit status for an uncaught exception or a SyntaxError.
const EXIT_UNCAUGHT: u8 = 1;
/// Node's status when the entry module's top-level await never settles.
const EXIT_UNSETTLED_TLA: u8 = 13;

#[derive(Args, Debug)]
pub struct RunArgs {
    /// The entry module.
    file: PathBuf,
}

pub fn run(args: &RunArgs, context: &Context) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    let module = match parse_module(&source) {
        Ok(module) => module,
        Err(err) => {
            let file = args.file.display().to_string();
            report_syntax_error(&file, &source, &err, context.color);
            return Ok(ExitCode::from(EXIT_UNCAUGHT));
        }
    };
    crate::interp::limits::register_thread_stack(super::app::WORKER_STACK_BYTES);
    let path = std::fs::canonicalize(&args.file).unwrap_or_else(|_| args.file.clone());
    let url = format!("file://{}", path.display());
    let mut agent = Agent::new();
    let code = ModuleCode::new(Rc::new(module), SourceText::new(url, source.as_str()));
    let status = run_module(&mut agent, &code);
    use std::io::Write;
    let _ = agent.stdout.flush();
    let _ = agent.stderr.flush();
    Ok(ExitCode::from(status))
}

/// Evaluates the module and drives the event loop; returns the exit status.
fn run_module(agent: &mut Agent, code: &ModuleCode) -> u8 {
    if let Err(Throw(e)) = agent.instantiate_module_declarations(code) {
        report_uncaught(agent, &e);
        return EXIT_UNCAUGHT;
    }
    let promise = match agent.execute_module(code) {
        Ok(p) => p,
        Err(Throw(e)) => {
            report_uncaught(agent, &e);
            return EXIT_UNCAUGHT;
        }
    };
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
                "Warning: Detected unsettled top-level await at {}",
                code.source.name
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

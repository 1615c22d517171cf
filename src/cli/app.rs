//! Argument parsing (clap) and dispatch to the subcommands.
//!
//! Exit statuses (the command-line contract): 0 success, 1 a JavaScript
//! SyntaxError or uncaught exception, 2 usage or I/O errors.

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use super::bench::{self, BenchArgs};
use super::graph::{self, GraphArgs};
use super::parse::{self, ParseArgs};
use super::run::{self as run_cmd, RunArgs};
use super::trace_html::{self, TraceArgs};

/// Exit status for usage and I/O errors.
pub const EXIT_USAGE_OR_IO: u8 = 2;

/// The main thread's stack is too small for recursive passes over the
/// deepest trees the parser accepts in debug builds; the work runs on a
/// thread with this much stack instead (reserved, touched only as used).
pub(super) const WORKER_STACK_BYTES: usize = 256 << 20;

#[derive(Parser, Debug)]
#[command(
    name = "vmjs",
    version,
    about = "A JavaScript interpreter for ES modules"
)]
struct Cli {
    /// When to colour diagnostics: `auto` colours them when stderr is a terminal.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse FILE as an ES module (or a script) and print its syntax tree or its parse times.
    Parse(ParseArgs),
    /// Run FILE as the entry ES module.
    Run(RunArgs),
    /// Run FILE printing the module algorithms' steps (`run --trace`), or
    /// drawing them in an HTML page (`--html -o PAGE`).
    Trace(TraceArgs),
    /// Load, link and evaluate ENTRY's module graph; print each phase's median time.
    Bench(BenchArgs),
    /// Write a generated module graph (m0.mjs … and main.mjs) into OUTDIR.
    Graph(GraphArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What every subcommand needs besides its own arguments.
pub struct Context {
    pub color: ColorWhen,
}

/// Runs the command line: parses `std::env::args`, runs the subcommand and
/// returns the process exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // `--help` and `--version` arrive here too, with status 0.
            let _ = err.print();
            return match err.exit_code() {
                0 => ExitCode::SUCCESS,
                _ => ExitCode::from(EXIT_USAGE_OR_IO),
            };
        }
    };
    let worker = std::thread::Builder::new()
        .name("vmjs".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || run(cli));
    match worker {
        Ok(handle) => match handle.join() {
            Ok(code) => code,
            Err(panic) => std::panic::resume_unwind(panic),
        },
        Err(err) => {
            report(&format!("cannot start worker thread: {err}"));
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    let context = Context { color: cli.color };
    let result = match &cli.command {
        Command::Parse(args) => parse::run(args, &context),
        Command::Run(args) => run_cmd::run(args, &context),
        Command::Trace(args) => trace_html::run(args, &context),
        Command::Bench(args) => bench::run(args, &context),
        Command::Graph(args) => graph::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            report(&err.to_string());
            ExitCode::from(EXIT_USAGE_OR_IO)
        }
    }
}

/// Prints `vmjs: MESSAGE` on stderr. A closed stderr is ignored rather
/// than turned into a panic (as `eprintln!` would).
fn report(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "vmjs: {message}");
}

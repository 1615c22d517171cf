//! `vmjs parse FILE [--script] [--json | --time]`: parse FILE as a module
//! (or a classic script) and print its tree (the indented tree by default,
//! ESTree JSON with `--json`) or, with `--time`, the time of each parsing
//! phase; a SyntaxError goes to stderr with exit status 1.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::app::Context;
use super::diagnostic::report_syntax_error;
use super::input::{read_source, write_stdout, CliError};
use super::parse_time;
use crate::syntax::{dump, estree, parse_module, parse_script, SyntaxError};

/// Exit status for a JavaScript SyntaxError.
const EXIT_SYNTAX_ERROR: u8 = 1;

#[derive(Args, Debug)]
pub struct ParseArgs {
    /// The module (or script, with --script) to parse.
    file: PathBuf,
    /// Print the tree as ESTree JSON (acorn's format).
    #[arg(long, conflicts_with = "time")]
    json: bool,
    /// Parse FILE as a classic script (non-strict unless it says "use strict").
    #[arg(long)]
    script: bool,
    /// Print FILE's size, the time of each phase (lexing, parsing, early
    /// errors, scope analysis) and MB/s (10^6 bytes per second) instead of
    /// the tree.
    #[arg(long)]
    time: bool,
    /// With --time: parse N times and print the median of each phase.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "time",
          value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
}

pub fn run(args: &ParseArgs, context: &Context) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    let file = args.file.display().to_string();
    let syntax_error = |err: &SyntaxError| {
        report_syntax_error(&file, &source, err, context.color);
        Ok(ExitCode::from(EXIT_SYNTAX_ERROR))
    };
    if args.time {
        let runs = match parse_time::time_parses(&source, args.script, args.runs as usize) {
            Ok(runs) => runs,
            Err(err) => return syntax_error(&err),
        };
        write_stdout(&parse_time::report(&file, source.len(), &runs))?;
        return Ok(ExitCode::SUCCESS);
    }
    let output = if args.script {
        let script = match parse_script(&source) {
            Ok(script) => script,
            Err(err) => return syntax_error(&err),
        };
        if args.json {
            estree::script_to_estree_json(&script, &source) + "\n"
        } else {
            dump::dump_script(&script, &source)
        }
    } else {
        let module = match parse_module(&source) {
            Ok(module) => module,
            Err(err) => return syntax_error(&err),
        };
        if args.json {
            estree::module_to_estree_json(&module, &source) + "\n"
        } else {
            dump::dump_module(&module, &source)
        }
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

//! `vmjs parse FILE [--json]`: parse FILE as a module and print its tree
//! (the indented tree by default, ESTree JSON with `--json`); a SyntaxError
//! goes to stderr with exit status 1.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::app::Context;
use super::diagnostic::report_syntax_error;
use super::input::{read_source, write_stdout, CliError};
use crate::syntax::{dump, estree, parse_module};

/// Exit status for a JavaScript SyntaxError.
const EXIT_SYNTAX_ERROR: u8 = 1;

#[derive(Args, Debug)]
pub struct ParseArgs {
    /// The module to parse.
    file: PathBuf,
    /// Print the tree as ESTree JSON (acorn's format for modules).
    #[arg(long)]
    json: bool,
}

pub fn run(args: &ParseArgs, context: &Context) -> Result<ExitCode, CliError> {
    let source = read_source(&args.file)?;
    let module = match parse_module(&source) {
        Ok(module) => module,
        Err(err) => {
            let file = args.file.display().to_string();
            report_syntax_error(&file, &source, &err, context.color);
            return Ok(ExitCode::from(EXIT_SYNTAX_ERROR));
        }
    };
    let output = if args.json {
        let mut json = estree::module_to_estree_json(&module, &source);
        json.push('\n');
        json
    } else {
        dump::dump_module(&module, &source)
    };
    write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

//! `vmjs graph SHAPE N OUTDIR [--fanout K] [--seed S]`: write a generated
//! module graph for tests and benchmarks — `m0.mjs` … `m{N-1}.mjs` in the
//! chosen shape, plus `main.mjs`, which imports `m0.mjs` and prints a
//! value that depends on every module (each shape's file documents the
//! value). Prints `wrote N modules, E edges, B bytes to OUTDIR`, where E
//! counts the module-to-module edges (not main's) and B every byte
//! written, `main.mjs` included. Existing files of those names are
//! overwritten; other files in OUTDIR are left alone.

mod acyclic;
mod cyclic;
mod prng;
mod reexport;
mod shape;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{value_parser, Args};

use super::app::EXIT_USAGE_OR_IO;
use super::input::{write_stdout, CliError};
use shape::Generator;
pub use shape::Shape;

/// The largest `--fanout`: a `dag` writes N·K edges, so the bound keeps
/// the output proportional to N.
const MAX_FANOUT: u32 = 1000;

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// The graph's shape.
    #[arg(value_enum)]
    shape: Shape,
    /// How many modules to write (m0.mjs … m{N-1}.mjs), at least 1.
    #[arg(value_name = "N", value_parser = value_parser!(u32).range(1..))]
    count: u32,
    /// The directory to write into (created if missing).
    outdir: PathBuf,
    /// Imports per module for `tree` (default 2) and `dag` (default 3); other shapes ignore it.
    #[arg(long, value_name = "K", value_parser = value_parser!(u32).range(1..=i64::from(MAX_FANOUT)))]
    fanout: Option<u32>,
    /// Seed of the random edges of `dag`.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

/// Writes a graph of `count` modules of `shape` into `outdir` (what
/// `vmjs graph` does; benchmarks call it directly).
pub fn generate(
    shape: Shape,
    count: u32,
    outdir: &Path,
    fanout: Option<u32>,
    seed: u64,
) -> Result<(), String> {
    let args = GraphArgs {
        shape,
        count: count.max(1),
        outdir: outdir.to_path_buf(),
        fanout,
        seed,
    };
    write_graph(&args).map(|_| ()).map_err(|e| e.to_string())
}

/// Why a graph could not be written.
#[derive(Debug, thiserror::Error)]
enum GraphError {
    #[error("cannot create directory {path}: {reason}")]
    CreateDir { path: String, reason: String },
    #[error("cannot write {path}: {reason}")]
    WriteFile { path: String, reason: String },
}

/// What was written.
struct Summary {
    modules: u32,
    edges: u64,
    bytes: u64,
}

pub fn run(args: &GraphArgs) -> Result<ExitCode, CliError> {
    match write_graph(args) {
        Ok(summary) => {
            write_stdout(&format!(
                "wrote {} modules, {} edges, {} bytes to {}\n",
                summary.modules,
                summary.edges,
                summary.bytes,
                args.outdir.display()
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            use std::io::Write;
            let _ = writeln!(io::stderr().lock(), "vmjs: {err}");
            Ok(ExitCode::from(EXIT_USAGE_OR_IO))
        }
    }
}

/// Writes every module, then `main.mjs` (so an interrupted run leaves no
/// entry module behind). Each file is built in one reused buffer and
/// written with a single call: the cost is O(N + E) and dominated by the
/// file system.
fn write_graph(args: &GraphArgs) -> Result<Summary, GraphError> {
    std::fs::create_dir_all(&args.outdir).map_err(|err| GraphError::CreateDir {
        path: args.outdir.display().to_string(),
        reason: io_reason(&err),
    })?;
    let fanout = args.fanout.unwrap_or(args.shape.default_fanout());
    let mut generator = Generator::new(args.shape, args.count, fanout, args.seed);
    let mut path = args.outdir.clone();
    let mut text = String::with_capacity(4096);
    let mut summary = Summary {
        modules: args.count,
        edges: 0,
        bytes: 0,
    };
    for index in 0..args.count {
        text.clear();
        summary.edges += generator.write_module(index, &mut text);
        write_file(&mut path, &format!("m{index}.mjs"), &text)?;
        summary.bytes += text.len() as u64;
    }
    text.clear();
    generator.write_main(&mut text);
    write_file(&mut path, "main.mjs", &text)?;
    summary.bytes += text.len() as u64;
    Ok(summary)
}

/// Writes `text` to the file `name` in the directory `dir` (which is
/// restored before returning).
fn write_file(dir: &mut PathBuf, name: &str, text: &str) -> Result<(), GraphError> {
    dir.push(name);
    let result = std::fs::write(&*dir, text).map_err(|err| write_error(dir, &err));
    dir.pop();
    result
}

fn write_error(path: &Path, err: &io::Error) -> GraphError {
    GraphError::WriteFile {
        path: path.display().to_string(),
        reason: io_reason(err),
    }
}

/// An I/O error's description without the trailing ` (os error N)`.
fn io_reason(err: &io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

//! The `vmjs` command line. `app` holds the argument definitions and the
//! dispatch; each subcommand lives in its own file.

mod app;
mod bench;
mod bench_plot;
mod bench_vm;
mod diagnostic;
pub mod graph;
mod input;
mod parse;
mod parse_time;
mod run;
mod test262_host;
mod trace_html;

pub use app::main;

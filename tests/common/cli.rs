//! Running the `vmjs` binary this test build made. CLI tests include this
//! file alone, with `#[path = "common/cli.rs"] mod cli;`.

use std::process::{Command, Output};

/// `vmjs ARGS…`, waited for, its output captured.
pub fn vmjs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vmjs"))
        .args(args)
        .output()
        .expect("the vmjs binary runs")
}

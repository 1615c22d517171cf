//! The `vmjs` executable; the command line lives in `vmjs::cli`.

fn main() -> std::process::ExitCode {
    vmjs::cli::main()
}

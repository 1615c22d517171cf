//! The `vmjs` executable; the command line lives in `vmjs::cli`.

/// Every allocation is counted, so `--max-heap-size` caps all of them.
#[global_allocator]
static ALLOCATOR: vmjs::embed::CountingAllocator = vmjs::embed::CountingAllocator;

fn main() -> std::process::ExitCode {
    vmjs::cli::main()
}

use std::process::ExitCode;

use clap::Parser;

/// Checking allocates many small, short-lived values per file (spans,
/// strings, regex captures) on several threads at once; mimalloc serves
/// them from per-thread free lists.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    incident::cli::run(incident::cli::Cli::parse())
}

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    incident::cli::run(incident::cli::Cli::parse())
}

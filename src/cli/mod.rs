//! The command line: clap definitions and one file per subcommand. This is
//! the only code that prints.

mod check;
mod completions;
mod explain;
mod export;
mod fix;
mod new;
mod templates;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::render::Format;

/// Scaffold incident reports (postmortems) from templates and check them the
/// way a careful reviewer would.
#[derive(Debug, Parser)]
#[command(name = "incident", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new report from a template
    New(NewArgs),
    /// Check reports and print what a reviewer would find
    Check(CheckArgs),
    /// Apply the safe automatic fixes in place
    Fix(FixArgs),
    /// Print a rule's documentation
    Explain(ExplainArgs),
    /// Print the structured content of reports
    Export(ExportArgs),
    /// List or show the report templates
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the man page (roff): `incident manpage > incident.1`
    #[command(hide = true)]
    Manpage,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Folder to write the report in
    #[arg(long, default_value = "incidentReports")]
    pub dir: PathBuf,
    /// When the incident started: ISO 8601 with `Z` or an offset (default: now, UTC)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    /// A template name (see `incident templates list`) or a template file
    #[arg(long, value_name = "NAME|PATH")]
    pub template: Option<String>,
    /// Fill a template variable (severity, authors, service, summary …)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Print the report instead of writing a file
    #[arg(long)]
    pub stdout: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, folders (searched for *.md) or `-` for standard input [default: .]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Configuration file [default: the nearest .incident.yml]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Run only these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Skip these rules or families (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub strict: bool,
    /// Number of threads [default: one per core]
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Never show a progress bar
    #[arg(long)]
    pub no_progress: bool,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// Files or folders to fix [default: .]
    pub paths: Vec<PathBuf>,
    /// Print the fixes as a unified diff instead of writing them
    #[arg(long)]
    pub diff: bool,
    /// Say what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Configuration file [default: the nearest .incident.yml]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id (`timeline-order`)
    #[arg(required_unless_present = "list")]
    pub rule: Option<String>,
    /// List every rule with its family, severity and summary
    #[arg(long, conflicts_with = "rule")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Files or folders to export [default: .]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Configuration file [default: the nearest .incident.yml]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Add a grader's rubric: which parts of a good report are present
    #[arg(long)]
    pub rubric: bool,
    /// Number of threads [default: one per core]
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Yaml,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the templates
    List,
    /// Print a template's file (schema, guidance and body)
    Show {
        /// Template name (or the path of a template file)
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

/// Runs a parsed command line and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Manpage => completions::manpage(),
        Command::New(args) => new::run(&args),
        Command::Templates(command) => templates::run(&command),
        Command::Export(args) => export::run(&args),
        Command::Fix(args) => fix::run(&args),
    };
    match result {
        Ok(code) => code.into(),
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            let _ = writeln!(io::stderr(), "incident: {message}");
            Code::Usage.into()
        }
    }
}

/// Exit codes, as SPEC.md fixes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// No error-level diagnostic (warnings alone pass unless `--strict`).
    Clean = 0,
    /// At least one error-level diagnostic.
    Findings = 1,
    /// Usage error, bad configuration, or a file that could not be read.
    Usage = 2,
}

impl From<Code> for ExitCode {
    fn from(code: Code) -> ExitCode {
        ExitCode::from(code as u8)
    }
}

/// Why a command stopped early.
#[derive(Debug)]
pub enum Failure {
    /// Bad arguments or configuration: a message for stderr, exit 2.
    Usage(String),
    /// The reader of our output went away (`incident check | head`): exit 0.
    BrokenPipe,
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Failure {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Usage(format!(
                "cannot write output: {}",
                crate::input::describe_io(&err)
            ))
        }
    }
}

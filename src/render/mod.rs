//! Renderers: turn [`FileResult`]s into one output format. Rules know
//! nothing of these; these know nothing of rules beyond their ids.

mod csv;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io::{self, Write};

use crate::engine::{FileResult, Summary};

pub use csv::Csv;
pub use github::Github;
pub use human::Human;
pub use json::Json;
pub use junit::Junit;
pub use sarif::SarifRenderer;

/// The `--format` values of `incident check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with labels and help, for people (the default).
    Human,
    /// One JSON document with every file and a summary.
    Json,
    /// SARIF 2.1.0, for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// JUnit XML: a test case per file.
    Junit,
    /// One CSV row per file, for graders.
    Csv,
}

/// Writes files' results as they come (in path order) and the totals at the end.
pub trait Renderer {
    /// Called once per file, in path order.
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;
    /// Called once after the last file.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Whether [`FileResult::source`] must be kept for this renderer.
    fn needs_source(&self) -> bool {
        false
    }
}

/// The renderer for a format. `strict` makes warnings fail where a format
/// has a notion of failing (JUnit test cases).
pub fn renderer(format: Format, color: bool, strict: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(Human::new(color)),
        Format::Json => Box::new(Json::default()),
        Format::Sarif => Box::new(SarifRenderer::default()),
        Format::Github => Box::new(Github),
        Format::Junit => Box::new(Junit::new(strict)),
        Format::Csv => Box::new(Csv::default()),
    }
}

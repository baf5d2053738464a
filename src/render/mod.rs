//! Renderers: turn [`FileResult`]s into one output format. Rules know
//! nothing of these; these know nothing of rules beyond their ids.

mod human;
mod json;

use std::io::{self, Write};

use crate::engine::{FileResult, Summary};

pub use human::Human;
pub use json::Json;

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

/// The renderer for a format.
pub fn renderer(format: Format, color: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(Human::new(color)),
        Format::Json => Box::new(Json::default()),
        Format::Sarif | Format::Github | Format::Junit | Format::Csv => Box::new(Json::default()),
    }
}

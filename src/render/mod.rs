//! Renderers: turn [`FileResult`]s into one output format. Rules know
//! nothing of these; these know nothing of rules beyond their ids.

mod csv;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::io::{self, Write};
use std::sync::{Mutex, PoisonError};

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

/// Writes files' results in path order and the totals at the end.
///
/// A file's part of the output is written on the worker thread that checked
/// it, into a buffer of its own, while later files are still being checked;
/// the buffers then go out in path order. Hence `file` takes `&self`: a
/// renderer that writes one document at the end (SARIF, JUnit) gathers
/// what each file adds under a lock and puts it in path order in `finish`.
pub trait Renderer: Sync {
    /// Writes one file's part into `out`. `index` is the file's place in
    /// path order, from 0; files come in any order.
    fn file(&self, out: &mut Vec<u8>, file: &FileResult, index: usize) -> io::Result<()>;
    /// Called once, after every file's part is written out in path order
    /// (the part of index 0 first). `summary` totals exactly the files
    /// whose parts were written: JSON and CSV read from `summary.files`
    /// whether any was, and so whether their head is still to write.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Whether [`FileResult::source`] must be kept for this renderer.
    fn needs_source(&self) -> bool {
        false
    }
}

/// What a renderer that writes one document at the end gathers from each
/// file, with the file's place in path order: files are rendered on the
/// worker threads, in any order.
#[derive(Debug)]
pub(crate) struct Gathered<T>(Mutex<Vec<(usize, T)>>);

impl<T> Default for Gathered<T> {
    fn default() -> Self {
        Gathered(Mutex::new(Vec::new()))
    }
}

impl<T> Gathered<T> {
    /// Adds what the file at `index` in path order gives, in its order.
    pub(crate) fn extend(&self, index: usize, given: impl IntoIterator<Item = T>) {
        // A poisoned lock means a worker panicked, and that panic ends the
        // run in any case: no need to panic a second time here.
        let mut items = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        items.extend(given.into_iter().map(|item| (index, item)));
    }

    /// Everything gathered, in path order (each file's in the order given),
    /// leaving none. The items are smaller than the pairs, so the standard
    /// library collects them into the pairs' own allocation: no second copy.
    pub(crate) fn take(&mut self) -> Vec<T> {
        let items = self.0.get_mut().unwrap_or_else(PoisonError::into_inner);
        let mut items = std::mem::take(items);
        items.sort_by_key(|(index, _)| *index);
        items.into_iter().map(|(_, item)| item).collect()
    }
}

/// The renderer for a format. `strict` makes warnings fail where a format
/// has a notion of failing (JUnit test cases).
pub fn renderer(format: Format, color: bool, strict: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(Human::new(color)),
        Format::Json => Box::new(Json),
        Format::Sarif => Box::new(SarifRenderer::default()),
        Format::Github => Box::new(Github),
        Format::Junit => Box::new(Junit::new(strict)),
        Format::Csv => Box::new(Csv),
    }
}

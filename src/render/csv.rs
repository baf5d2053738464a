//! `--format csv`: one row per file, for graders' spreadsheets: the path,
//! the count of errors, warnings and infos, and a count per rule family.
//! A file that cannot be read counts one error and no family.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::engine::{FileResult, Summary};
use crate::render::Renderer;
use crate::rules::{self, Family};

/// A row per file, the header before the first.
#[derive(Debug, Default)]
pub struct Csv;

/// The header row.
pub fn header() -> Vec<&'static str> {
    let mut header = vec!["path", "errors", "warnings", "infos"];
    header.extend(Family::ALL.iter().map(|f| f.as_str()));
    header
}

/// Writes `row` (none if empty), after the header if `header_first`.
fn write_row(out: &mut dyn Write, header_first: bool, row: &[String]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(&mut *out);
    if header_first {
        writer.write_record(header())?;
    }
    if !row.is_empty() {
        writer.write_record(row)?;
    }
    writer.flush()
}

impl Renderer for Csv {
    fn file(&self, out: &mut Vec<u8>, file: &FileResult, index: usize) -> io::Result<()> {
        let mut row = vec![
            file.path.clone(),
            file.count(Severity::Error).to_string(),
            file.count(Severity::Warning).to_string(),
            file.count(Severity::Info).to_string(),
        ];
        row.extend(Family::ALL.iter().map(|family| {
            file.findings
                .iter()
                .filter(|f| rules::find(f.diagnostic.rule).is_some_and(|r| r.family == *family))
                .count()
                .to_string()
        }));
        write_row(out, index == 0, &row)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        // No files at all still gets a header, so a spreadsheet import works.
        if summary.files == 0 {
            write_row(out, true, &[])?;
        }
        Ok(())
    }
}

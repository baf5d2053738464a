//! `--format csv`: one row per file, for graders' spreadsheets: the path,
//! the count of errors, warnings and infos, and a count per rule family.
//! A file that cannot be read counts one error and no family.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::engine::{FileResult, Summary};
use crate::render::Renderer;
use crate::rules::{self, Family};

/// Writes the header before the first row; a row per file as it comes.
#[derive(Debug, Default)]
pub struct Csv {
    header_written: bool,
}

/// The header row.
pub fn header() -> Vec<&'static str> {
    let mut header = vec!["path", "errors", "warnings", "infos"];
    header.extend(Family::ALL.iter().map(|f| f.as_str()));
    header
}

impl Csv {
    fn write_row(&mut self, out: &mut dyn Write, row: &[String]) -> io::Result<()> {
        let mut writer = csv::Writer::from_writer(&mut *out);
        if !self.header_written {
            writer.write_record(header())?;
            self.header_written = true;
        }
        if !row.is_empty() {
            writer.write_record(row)?;
        }
        writer.flush()
    }
}

impl Renderer for Csv {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
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
        self.write_row(out, &row)
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        // No files at all still gets a header, so a spreadsheet import works.
        if !self.header_written {
            self.write_row(out, &[])?;
        }
        Ok(())
    }
}

//! `--format json`: exactly one JSON document, in the shape SPEC.md gives.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::{FileResult, Summary};
use crate::render::Renderer;

/// Collects the files and writes the document at the end.
#[derive(Debug, Default)]
pub struct Json {
    files: Vec<JsonFile>,
}

#[derive(Debug, Serialize)]
struct JsonFile {
    path: String,
    diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Debug, Serialize)]
struct JsonDiagnostic {
    rule: &'static str,
    severity: &'static str,
    message: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<String>,
    fixable: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<JsonLabel>,
}

#[derive(Debug, Serialize)]
struct JsonLabel {
    message: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: &'a [JsonFile],
    summary: &'a Summary,
}

impl Renderer for Json {
    fn file(&mut self, _out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let diagnostics = file
            .findings
            .iter()
            .map(|f| {
                let d = &f.diagnostic;
                JsonDiagnostic {
                    rule: d.rule,
                    severity: d.severity.as_str(),
                    message: d.message.clone(),
                    line: f.start.line,
                    column: f.start.column,
                    end_line: f.end.line,
                    end_column: f.end.column,
                    help: d.help.clone(),
                    fixable: d.fixable(),
                    labels: d
                        .labels
                        .iter()
                        .zip(&f.labels)
                        .map(|(l, (start, end))| JsonLabel {
                            message: l.message.clone(),
                            line: start.line,
                            column: start.column,
                            end_line: end.line,
                            end_column: end.column,
                        })
                        .collect(),
                }
            })
            .collect();
        self.files.push(JsonFile {
            path: file.path.clone(),
            diagnostics,
        });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let doc = Document {
            version: 1,
            files: &self.files,
            summary,
        };
        // serde_json writes many small pieces: buffer them in a concrete
        // writer rather than calling through `dyn Write` for each.
        let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
        serde_json::to_writer_pretty(&mut buffered, &doc)?;
        writeln!(buffered)?;
        buffered.flush()
    }
}

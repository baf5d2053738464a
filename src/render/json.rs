//! `--format json`: exactly one JSON document, in the shape SPEC.md gives.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::{FileResult, Summary};
use crate::render::Renderer;

/// Writes each file as it comes, so memory does not grow with the number
/// of files, and the summary at the end.
#[derive(Debug, Default)]
pub struct Json {
    /// Files written so far.
    written: usize,
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

impl Renderer for Json {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
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
        let file = JsonFile {
            path: file.path.clone(),
            diagnostics,
        };
        let opening: &[u8] = if self.written == 0 {
            b"{\n  \"version\": 1,\n  \"files\": [\n    "
        } else {
            b",\n    "
        };
        out.write_all(opening)?;
        self.written += 1;
        write_indented(out, &file, "    ")
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.written == 0 {
            out.write_all(b"{\n  \"version\": 1,\n  \"files\": [],\n  \"summary\": ")?;
        } else {
            out.write_all(b"\n  ],\n  \"summary\": ")?;
        }
        write_indented(out, summary, "  ")?;
        out.write_all(b"\n}\n")
    }
}

/// Pretty-prints `value` with every line after the first indented by `indent`.
fn write_indented(out: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

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
    /// The buffer each file is serialised into, reused.
    buf: Vec<u8>,
}

#[derive(Debug, Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
    fixable: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
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
                    message: &d.message,
                    line: f.start.line,
                    column: f.start.column,
                    end_line: f.end.line,
                    end_column: f.end.column,
                    help: d.help.as_deref(),
                    fixable: d.fixable(),
                    labels: d
                        .labels
                        .iter()
                        .zip(&f.labels)
                        .map(|(l, (start, end))| JsonLabel {
                            message: &l.message,
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
            path: &file.path,
            diagnostics,
        };
        let opening: &[u8] = if self.written == 0 {
            b"{\n  \"version\": 1,\n  \"files\": [\n    "
        } else {
            b",\n    "
        };
        out.write_all(opening)?;
        self.written += 1;
        write_indented(out, &mut self.buf, &file, "    ")
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.written == 0 {
            out.write_all(b"{\n  \"version\": 1,\n  \"files\": [],\n  \"summary\": ")?;
        } else {
            out.write_all(b"\n  ],\n  \"summary\": ")?;
        }
        write_indented(out, &mut self.buf, summary, "  ")?;
        out.write_all(b"\n}\n")
    }
}

/// Pretty-prints `value` into `buf` (cleared first), then writes it to
/// `out` with every line after the first indented by `indent`. Only the
/// pretty printer's own line breaks are bytes `\n`: a line break inside a
/// string is written escaped.
fn write_indented(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    indent: &str,
) -> io::Result<()> {
    buf.clear();
    serde_json::to_writer_pretty(&mut *buf, value)?;
    let mut rest = buf.as_slice();
    while let Some(i) = memchr::memchr(b'\n', rest) {
        out.write_all(&rest[..=i])?;
        out.write_all(indent.as_bytes())?;
        rest = &rest[i + 1..];
    }
    out.write_all(rest)
}

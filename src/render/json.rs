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
        self.written += 1;
        write_nested(out, &mut self.buf, opening, &file, 2)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let opening: &[u8] = if self.written == 0 {
            b"{\n  \"version\": 1,\n  \"files\": [],\n  \"summary\": "
        } else {
            b"\n  ],\n  \"summary\": "
        };
        write_nested(out, &mut self.buf, opening, summary, 1)?;
        out.write_all(b"\n}\n")
    }
}

/// Writes `opening`, then `value` pretty-printed as if it stood `depth`
/// levels deep in the document, through `buf` (cleared first) in one write.
fn write_nested(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    opening: &[u8],
    value: &impl Serialize,
    depth: usize,
) -> io::Result<()> {
    buf.clear();
    buf.extend_from_slice(opening);
    let mut serializer = serde_json::Serializer::with_formatter(&mut *buf, Nested::at(depth));
    value.serialize(&mut serializer)?;
    out.write_all(buf)
}

/// serde_json's pretty printer (two-space indents, `": "` after keys),
/// starting `depth` levels deep: a value written inside a document that is
/// itself written piece by piece.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }

    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Nested` must write: serde_json's own pretty printing, with
    /// every line after the first indented by `depth` levels.
    fn expected(value: &serde_json::Value, depth: usize) -> String {
        let indent = "  ".repeat(depth);
        serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', &format!("\n{indent}"))
    }

    #[test]
    fn nested_writes_what_the_pretty_printer_writes_at_any_depth() {
        let value = serde_json::json!({
            "path": "a \"b\"\n.md",
            "empty_list": [],
            "empty_map": {},
            "diagnostics": [
                {"rule": "r", "line": 1, "labels": [{"line": 2}, {"line": 3}], "help": null},
                [1, [2, []], {"k": {}}],
            ],
        });
        for depth in 0..4 {
            let mut out = Vec::new();
            write_nested(&mut out, &mut Vec::new(), b"", &value, depth).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected(&value, depth));
        }
    }
}

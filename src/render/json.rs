//! `--format json`: exactly one JSON document, in the shape SPEC.md gives.
//!
//! The document is written by hand, file by file, in the layout of
//! serde_json's pretty printer (two-space indents, `": "` after keys); a
//! test checks it byte for byte against serde_json. Writing by hand lets
//! the common string, one that needs no escaping, be copied in one go:
//! serde_json escapes byte by byte, and at 10,000 reports that was a
//! tenth of the run. Strings that do need escaping still go through
//! serde_json.

use std::io::{self, Write};

use crate::engine::{FileResult, Finding, Summary};
use crate::render::Renderer;

/// One file's part at a time (the document's head with the first), so
/// that memory does not grow with the number of files; the summary at
/// the end.
#[derive(Debug, Default)]
pub struct Json;

/// What comes before the first file.
const HEAD: &[u8] = b"{\n  \"version\": 1,\n  \"files\": [";

impl Renderer for Json {
    fn file(&self, buf: &mut Vec<u8>, file: &FileResult, index: usize) -> io::Result<()> {
        if index == 0 {
            buf.extend_from_slice(HEAD);
            buf.extend_from_slice(b"\n    ");
        } else {
            buf.extend_from_slice(b",\n    ");
        }
        // A file stands two levels deep: in `files`, in the document.
        let mut members = Members::open(buf, 2);
        string(members.key("path"), &file.path);
        let list = members.key("diagnostics");
        if file.findings.is_empty() {
            list.extend_from_slice(b"[]");
        } else {
            list.push(b'[');
            for (i, finding) in file.findings.iter().enumerate() {
                list.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
                list.extend_from_slice(indent(4).as_bytes());
                diagnostic(list, finding);
            }
            list.push(b'\n');
            list.extend_from_slice(indent(3).as_bytes());
            list.push(b']');
        }
        members.close();
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let mut buf = Vec::new();
        if summary.files == 0 {
            buf.extend_from_slice(HEAD);
            buf.extend_from_slice(b"],\n  \"summary\": ");
        } else {
            buf.extend_from_slice(b"\n  ],\n  \"summary\": ");
        }
        let mut members = Members::open(&mut buf, 1);
        number(members.key("files"), summary.files);
        number(members.key("files_with_errors"), summary.files_with_errors);
        number(members.key("errors"), summary.errors);
        number(members.key("warnings"), summary.warnings);
        number(members.key("infos"), summary.infos);
        members.close();
        buf.extend_from_slice(b"\n}\n");
        out.write_all(&buf)
    }
}

/// `,\n`, the indentation of a member of a diagnostic (five levels deep)
/// and `"key": `, as one piece: a diagnostic's keys are written per
/// finding, and one copy each is cheaper than four.
macro_rules! diagnostic_key {
    ($key:literal) => {
        concat!(",\n          \"", $key, "\": ").as_bytes()
    };
}

/// The same for a member of a label (seven levels deep).
macro_rules! label_key {
    ($key:literal) => {
        concat!(",\n              \"", $key, "\": ").as_bytes()
    };
}

/// One diagnostic, as an object four levels deep (document, `files`, a
/// file, `diagnostics`).
fn diagnostic(buf: &mut Vec<u8>, finding: &Finding) {
    let d = &finding.diagnostic;
    buf.extend_from_slice(b"{\n          \"rule\": ");
    string(buf, d.rule);
    buf.extend_from_slice(diagnostic_key!("severity"));
    string(buf, d.severity.as_str());
    buf.extend_from_slice(diagnostic_key!("message"));
    string(buf, &d.message);
    buf.extend_from_slice(diagnostic_key!("line"));
    number(buf, finding.start.line);
    buf.extend_from_slice(diagnostic_key!("column"));
    number(buf, finding.start.column);
    buf.extend_from_slice(diagnostic_key!("end_line"));
    number(buf, finding.end.line);
    buf.extend_from_slice(diagnostic_key!("end_column"));
    number(buf, finding.end.column);
    buf.extend_from_slice(diagnostic_key!("help"));
    match &d.help {
        Some(text) => string(buf, text),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(diagnostic_key!("fixable"));
    buf.extend_from_slice(if d.fixable() { b"true" } else { b"false" });
    if !d.labels.is_empty() {
        buf.extend_from_slice(diagnostic_key!("labels"));
        buf.push(b'[');
        for (i, (label, &(start, end))) in d.labels.iter().zip(&finding.labels).enumerate() {
            buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            buf.extend_from_slice(b"            {\n              \"message\": ");
            string(buf, &label.message);
            buf.extend_from_slice(label_key!("line"));
            number(buf, start.line);
            buf.extend_from_slice(label_key!("column"));
            number(buf, start.column);
            buf.extend_from_slice(label_key!("end_line"));
            number(buf, end.line);
            buf.extend_from_slice(label_key!("end_column"));
            number(buf, end.column);
            buf.extend_from_slice(b"\n            }");
        }
        buf.extend_from_slice(b"\n          ]");
    }
    buf.extend_from_slice(b"\n        }");
}

/// The members of one JSON object that stands `depth` levels deep, each
/// on its own line.
struct Members<'b> {
    buf: &'b mut Vec<u8>,
    depth: usize,
    empty: bool,
}

impl<'b> Members<'b> {
    /// Writes the `{` (the caller has written the indentation before it).
    fn open(buf: &'b mut Vec<u8>, depth: usize) -> Self {
        buf.push(b'{');
        Members {
            buf,
            depth,
            empty: true,
        }
    }

    /// Writes the next member's key; its value is written into the buffer
    /// returned.
    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        let buf = &mut *self.buf;
        buf.extend_from_slice(if self.empty { b"\n" } else { b",\n" });
        self.empty = false;
        buf.extend_from_slice(indent(self.depth + 1).as_bytes());
        buf.push(b'"');
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\": ");
        buf
    }

    /// Writes the `}`, on its own line unless the object is empty.
    fn close(self) {
        if !self.empty {
            self.buf.push(b'\n');
            self.buf.extend_from_slice(indent(self.depth).as_bytes());
        }
        self.buf.push(b'}');
    }
}

/// The indentation of a line `depth` levels deep.
fn indent(depth: usize) -> &'static str {
    const SPACES: &str = "                ";
    &SPACES[..2 * depth]
}

/// A JSON string: copied as it is when nothing in it needs escaping
/// (quotes, backslashes, control characters), else escaped by serde_json.
fn string(buf: &mut Vec<u8>, text: &str) {
    // Without an early exit, so that the compiler checks 16 bytes at once.
    let plain = text.as_bytes().chunks(16).all(|chunk| {
        chunk.iter().fold(true, |plain, &b| {
            plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
        })
    });
    if plain {
        buf.push(b'"');
        buf.extend_from_slice(text.as_bytes());
        buf.push(b'"');
    } else {
        serde_json::to_writer(&mut *buf, text).expect("a string always serialises");
    }
}

fn number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::diagnostic::{Diagnostic, Fix, Severity};

    /// The document as SPEC.md gives it, for serde_json to write.
    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        files: Vec<File<'a>>,
        summary: Summary,
    }

    #[derive(Serialize)]
    struct File<'a> {
        path: &'a str,
        diagnostics: Vec<Diag<'a>>,
    }

    #[derive(Serialize)]
    struct Diag<'a> {
        rule: &'a str,
        severity: &'a str,
        message: &'a str,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
        help: Option<&'a str>,
        fixable: bool,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        labels: Vec<LabelAt<'a>>,
    }

    #[derive(Serialize)]
    struct LabelAt<'a> {
        message: &'a str,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
    }

    fn reference(files: &[FileResult], summary: Summary) -> String {
        let files = files
            .iter()
            .map(|file| File {
                path: &file.path,
                diagnostics: file
                    .findings
                    .iter()
                    .map(|f| Diag {
                        rule: f.diagnostic.rule,
                        severity: f.diagnostic.severity.as_str(),
                        message: &f.diagnostic.message,
                        line: f.start.line,
                        column: f.start.column,
                        end_line: f.end.line,
                        end_column: f.end.column,
                        help: f.diagnostic.help.as_deref(),
                        fixable: f.diagnostic.fixable(),
                        labels: f
                            .diagnostic
                            .labels
                            .iter()
                            .zip(&f.labels)
                            .map(|(l, (start, end))| LabelAt {
                                message: &l.message,
                                line: start.line,
                                column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        let document = Document {
            version: 1,
            files,
            summary,
        };
        serde_json::to_string_pretty(&document).unwrap() + "\n"
    }

    fn rendered(files: &[FileResult], summary: Summary) -> String {
        let mut json = Json;
        let mut out = Vec::new();
        for (index, file) in files.iter().enumerate() {
            json.file(&mut out, file, index).unwrap();
        }
        json.finish(&mut out, &summary).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Every string the writer may meet: plain, quoted, every control
    /// character, non-ASCII, DEL, empty.
    fn awkward_strings() -> Vec<String> {
        let mut strings = vec![
            String::new(),
            "plain text".to_string(),
            "say \"this\" \\ that".to_string(),
            "tab\there, line\nbreak\r\n".to_string(),
            "naïve “quotes” — 🍕 \u{7f}".to_string(),
            "ends with a backslash \\".to_string(),
        ];
        strings.extend((0u8..0x20).map(|b| format!("a{}b", char::from(b))));
        strings
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let strings = awkward_strings();
        let source = "line one\nline two\nline three\n".to_string();
        let mut files = Vec::new();
        for (i, text) in strings.iter().enumerate() {
            let mut d = Diagnostic::new("rule-id", Severity::Warning, 0..4, text.clone());
            if i % 2 == 0 {
                d = d.with_help(text.clone());
            }
            // Files with a diagnostic are those with `i % 3` of 1 or 2.
            if i % 2 == 0 {
                d.fix = Some(Fix::replace(0..1, "x", "fix it"));
            }
            for k in 0..i % 4 {
                d = d.with_label(9 + k..12 + k, text.clone());
            }
            let plain = Diagnostic::new("other", Severity::Error, 10..20, "m");
            let diagnostics = match i % 3 {
                0 => Vec::new(),
                1 => vec![d],
                _ => vec![d, plain],
            };
            files.push(FileResult::new(
                text.clone(),
                source.clone(),
                diagnostics,
                false,
            ));
        }
        let summary = Summary {
            files: files.len(),
            files_with_errors: 3,
            errors: 12,
            warnings: 0,
            infos: 1234567,
            ..Summary::default()
        };
        let document = rendered(&files, summary);
        // Both values of `fixable`, `help` and `labels` are written.
        for piece in [
            "\"fixable\": true",
            "\"fixable\": false",
            "\"help\": null",
            "\"labels\": [",
        ] {
            assert!(document.contains(piece), "{piece}");
        }
        assert_eq!(document, reference(&files, summary));
        // The summary counts the files written: the renderer reads from it
        // whether any was.
        for some in [&files[..1], &[]] {
            let summary = Summary {
                files: some.len(),
                ..summary
            };
            assert_eq!(rendered(some, summary), reference(some, summary));
        }
    }
}

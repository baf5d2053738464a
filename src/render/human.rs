//! `--format human`: ariadne reports with source excerpts. The only file
//! that imports ariadne.

use std::io::{self, Write};

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

use crate::diagnostic::Severity;
use crate::engine::{FileResult, Finding, Summary};
use crate::render::Renderer;
use crate::rules;

/// Renders each finding with its excerpt, and a one-line summary at the end.
#[derive(Debug)]
pub struct Human {
    color: bool,
}

impl Human {
    pub fn new(color: bool) -> Human {
        Human { color }
    }

    fn kind(&self, severity: Severity) -> ReportKind<'static> {
        match severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
            Severity::Info => ReportKind::Custom("Info", Color::Cyan),
        }
    }

    fn render(
        &self,
        out: &mut dyn Write,
        path: &str,
        source: &Source<&str>,
        text: &str,
        finding: &Finding,
    ) -> io::Result<()> {
        let d = &finding.diagnostic;
        let span = visible(text, d.span.clone());
        let config = Config::default()
            .with_index_type(IndexType::Byte)
            .with_color(self.color);
        let mut report = Report::build(self.kind(d.severity), (path, span.clone()))
            .with_config(config)
            .with_code(d.rule)
            .with_message(&d.message)
            // The header states the problem; the underline says what to do.
            .with_label(
                Label::new((path, span))
                    .with_message(d.help.as_deref().unwrap_or(&d.message))
                    .with_color(Color::Red),
            );
        for label in &d.labels {
            report = report.with_label(
                Label::new((path, visible(text, label.span.clone())))
                    .with_message(&label.message)
                    .with_color(Color::Blue),
            );
        }
        if let Some(fix) = &d.fix {
            report = report.with_note(format!("fixable: `incident fix` will {}", fix.description));
        }
        if self.color {
            return report.finish().write((path, source), &mut *out);
        }
        // ariadne colours a custom kind's name (`Info`) even with colour off.
        let mut buffer = Vec::new();
        report.finish().write((path, source), &mut buffer)?;
        out.write_all(&strip_ansi(&buffer))
    }
}

/// Removes ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// A finding without an excerpt: `severity[rule]: place: message`, then
/// its help, what `incident fix` would do, and `note`, a line each.
fn plain(
    out: &mut dyn Write,
    place: &str,
    d: &crate::diagnostic::Diagnostic,
    note: Option<&str>,
) -> io::Result<()> {
    writeln!(out, "{}[{}]: {place}: {}", d.severity, d.rule, d.message)?;
    if let Some(help) = &d.help {
        writeln!(out, "  help: {help}")?;
    }
    if let Some(fix) = &d.fix {
        writeln!(
            out,
            "  note: fixable: `incident fix` will {}",
            fix.description
        )?;
    }
    if let Some(note) = note {
        writeln!(out, "  note: {note}")?;
    }
    Ok(())
}

/// The longest line an excerpt shows, in bytes; a finding on a longer one
/// (a pasted log or minified JSON) is written on one line without its
/// excerpt.
const EXCERPT_LINE_LIMIT: usize = 1_000;

/// Whether the start or end of the finding's span, or of one of its
/// labels, lies on a line longer than [`EXCERPT_LINE_LIMIT`]. Reads at most
/// the limit's worth of text around each place.
fn too_long_to_show(text: &str, finding: &Finding) -> bool {
    let d = &finding.diagnostic;
    std::iter::once(&d.span)
        .chain(d.labels.iter().map(|l| &l.span))
        .flat_map(|span| [span.start, span.end])
        .any(|at| line_is_longer(text.as_bytes(), at, EXCERPT_LINE_LIMIT))
}

/// Whether the line holding byte `at` is longer than `limit` bytes (not
/// counting a `\r` before its `\n`), decided from at most `limit + 2` bytes
/// on each side of it.
fn line_is_longer(bytes: &[u8], at: usize, limit: usize) -> bool {
    let at = at.min(bytes.len());
    let back = &bytes[at.saturating_sub(limit + 2)..at];
    let start = match memchr::memrchr(b'\n', back) {
        Some(i) => at - back.len() + i + 1,
        None if back.len() == at => 0,
        None => return true,
    };
    // One byte further than the longest short line, and one more for a
    // `\r` before its `\n`, which does not count.
    let ahead = &bytes[at..bytes.len().min(start + limit + 2)];
    let end = match memchr::memchr(b'\n', ahead) {
        Some(i) if i + at > start && bytes[at + i - 1] == b'\r' => at + i - 1,
        Some(i) => at + i,
        None => at + ahead.len(),
    };
    end - start > limit
}

/// Makes an empty span cover one character, so ariadne can point at it.
/// Spans are clamped to the text and onto character boundaries first, so a
/// stray span can never make the excerpt panic.
fn visible(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    let end = floor(span.end.max(start));
    if end > start {
        return start..end;
    }
    let next = text[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    start..next
}

impl Renderer for Human {
    fn file(&self, out: &mut Vec<u8>, file: &FileResult, _index: usize) -> io::Result<()> {
        let text = file.source.as_deref().unwrap_or("");
        let source = Source::from(text);
        for finding in &file.findings {
            let d = &finding.diagnostic;
            if d.rule == rules::IO_ERROR || text.is_empty() {
                // Nothing to excerpt.
                plain(out, &file.path, d, None)?;
                continue;
            }
            if too_long_to_show(text, finding) {
                // An excerpt would print the whole line, once per finding
                // on it.
                let at = finding.start;
                let place = format!("{}:{}:{}", file.path, at.line, at.column);
                let why = format!(
                    "the excerpt is not shown: its lines are over {EXCERPT_LINE_LIMIT} bytes long"
                );
                plain(out, &place, d, Some(&why))?;
                continue;
            }
            self.render(out, &file.path, &source, text, finding)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))
    }

    fn needs_source(&self) -> bool {
        true
    }
}

/// "3 errors, 5 warnings in 2 of 7 files" / "No problems in 7 files".
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if s.errors + s.warnings + s.infos == 0 {
        return format!("No problems found in {}.", plural(s.files, "file"));
    }
    let mut parts = vec![plural(s.errors, "error"), plural(s.warnings, "warning")];
    if s.infos > 0 {
        parts.push(plural(s.infos, "info"));
    }
    format!(
        "{} in {} of {}.",
        parts.join(", "),
        s.files_with_findings,
        plural(s.files, "file")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Fix};

    #[test]
    fn a_finding_on_a_long_line_keeps_its_position_help_and_fix_note() {
        for ending in ["\n", "\r\n"] {
            let line = format!("token {}", "x".repeat(1_200));
            let source = format!("# Title{ending}{ending}{line}{ending}");
            let at = source.find("token").unwrap();
            let d = Diagnostic::new("secret-leak", Severity::Error, at..at + 5, "a token")
                .with_help("remove it")
                .with_fix(Fix::replace(at..at + 5, "[REDACTED]", "redact the token"));
            let file = FileResult::new("r.md".to_string(), source, vec![d], true);
            let mut out = Vec::new();
            Human::new(false).file(&mut out, &file, 0).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert_eq!(
                out,
                "error[secret-leak]: r.md:3:1: a token\n  help: remove it\n  note: fixable: `incident fix` will redact the token\n  note: the excerpt is not shown: its lines are over 1000 bytes long\n",
                "{ending:?}"
            );
        }
    }

    #[test]
    fn line_is_longer_agrees_with_measuring_the_line() {
        let measured = |text: &str, at: usize, limit: usize| {
            let at = at.min(text.len());
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = match text[at..].find('\n') {
                Some(i) => at + i - usize::from(text[..at + i].ends_with('\r') && at + i > start),
                None => text.len(),
            };
            end - start > limit
        };
        let mut longer = 0;
        let pieces = ["a", "\n", "bb", "\n\n", "ccc", "\r\n", "\r"];
        for text in crate::model::pattern::generated(&pieces, 400, 30) {
            for limit in [0, 1, 2, 5, 8, 20] {
                for at in 0..=text.len() + 1 {
                    let got = line_is_longer(text.as_bytes(), at, limit);
                    longer += usize::from(got);
                    assert_eq!(got, measured(&text, at, limit), "{text:?} {at} {limit}");
                }
            }
        }
        assert!(longer > 1_000, "{longer}");
    }
}

//! Runs the rules over one report and turns byte spans into positions.

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, LineIndex, Position, Span};
use crate::model::secrets;
use crate::model::{self, Report};
use crate::rules::{self, runs_on_non_reports};
use crate::templates;

/// Checks one report's text and returns its diagnostics, sorted by place.
pub fn check_source(path: &str, source: String, settings: &Settings) -> (Vec<Diagnostic>, String) {
    let report = build_report(path, source, settings);
    let diagnostics = check_report(&report, settings);
    (diagnostics, report.doc.source)
}

/// Checks one file's text and resolves its findings to lines and columns
/// with the line index the parse built; keeps the text if `keep_source`.
pub fn check_file(
    path: String,
    source: String,
    settings: &Settings,
    keep_source: bool,
) -> FileResult {
    let report = build_report(&path, source, settings);
    let diagnostics = check_report(&report, settings);
    let Document { source, lines, .. } = report.doc;
    FileResult::resolve(path, source, &lines, diagnostics, keep_source)
}

/// Parses a report and builds its model, with the template it records
/// (else the configured default).
pub fn build_report<'s>(path: &str, source: String, settings: &'s Settings) -> Report<'s> {
    let doc = Document::parse(source);
    let front_matter = model::FrontMatter::read(&doc);
    let recorded = model::recorded_template(&doc, &front_matter);
    let template = recorded
        .as_deref()
        .and_then(|name| settings.template(name))
        .or_else(|| settings.template(&settings.default_template))
        .or_else(|| templates::builtin(templates::DEFAULT_TEMPLATE))
        .unwrap_or_else(|| &templates::builtins()[0]);
    Report::from_parts(path, doc, front_matter, template, &settings.aliases)
}

/// Runs every enabled rule over a report.
pub fn check_report(report: &Report<'_>, settings: &Settings) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let not_a_report = report.is_not_a_report();
    for (rule, severity) in &settings.rules {
        // A file that is not a report gets one finding, not a cascade.
        if not_a_report && !runs_on_non_reports(rule.id) {
            continue;
        }
        let start = out.len();
        (rule.check)(report, &mut out);
        for d in &mut out[start..] {
            d.severity = *severity;
            // A span off the text or inside a character would break rendering.
            d.span = clamp_span(&report.doc.source, &d.span);
            for label in &mut d.labels {
                label.span = clamp_span(&report.doc.source, &label.span);
            }
        }
    }
    crate::suppress::apply(&report.doc, settings, not_a_report, &mut out);
    // By key, then moved into place once: a diagnostic is large, and a
    // sort that compares them in place moves each several times.
    out.sort_by_cached_key(|d| (d.span.start, d.rule, d.span.end));
    out
}

/// `span` moved inside `source` and onto character boundaries.
pub fn clamp_span(source: &str, span: &Span) -> Span {
    let floor = |mut at: usize| {
        at = at.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let end = floor(span.end);
    floor(span.start).min(end)..end
}

/// The result of checking one file, ready to render.
#[derive(Debug)]
#[non_exhaustive]
pub struct FileResult {
    /// The path as the user gave it or as it was found (`-` for stdin).
    pub path: String,
    pub findings: Vec<Finding>,
    /// The file's text, kept only when the renderer shows excerpts.
    pub source: Option<String>,
}

/// A diagnostic with its positions resolved.
#[derive(Debug)]
#[non_exhaustive]
pub struct Finding {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    /// Start and end of each label, in the order of `diagnostic.labels`.
    pub labels: Vec<(Position, Position)>,
}

impl FileResult {
    /// Resolves spans to positions; keeps the source if `keep_source`.
    pub fn new(
        path: String,
        source: String,
        diagnostics: Vec<Diagnostic>,
        keep_source: bool,
    ) -> FileResult {
        let lines = LineIndex::new(&source);
        FileResult::resolve(path, source, &lines, diagnostics, keep_source)
    }

    /// As [`FileResult::new`], with the line index of `source` at hand.
    fn resolve(
        path: String,
        source: String,
        lines: &LineIndex,
        diagnostics: Vec<Diagnostic>,
        keep_source: bool,
    ) -> FileResult {
        let mut positions = lines.positions(&source);
        let mut pos = |offset| positions.at(offset);
        // Excerpts must not show a leaked credential: mask its bytes.
        let source = keep_source.then(|| {
            let leaks = diagnostics
                .iter()
                .filter(|d| d.rule == rules::SECRET_LEAK_ID)
                .map(|d| d.span.clone());
            secrets::mask(&source, leaks)
        });
        let findings = diagnostics
            .into_iter()
            .map(|d| Finding {
                start: pos(d.span.start),
                end: pos(d.span.end),
                labels: d
                    .labels
                    .iter()
                    .map(|l| (pos(l.span.start), pos(l.span.end)))
                    .collect(),
                diagnostic: d,
            })
            .collect();
        FileResult {
            path,
            findings,
            source,
        }
    }

    /// A file that could not be read: one `io-error` finding.
    pub fn io_error(path: String, message: String) -> FileResult {
        let d = Diagnostic::new(rules::IO_ERROR, Severity::Error, 0..0, message);
        let start = Position { line: 1, column: 1 };
        FileResult {
            path,
            findings: vec![Finding {
                diagnostic: d,
                start,
                end: start,
                labels: Vec::new(),
            }],
            source: None,
        }
    }

    pub fn is_io_error(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.diagnostic.rule == rules::IO_ERROR)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.diagnostic.severity == severity)
            .count()
    }
}

/// Totals over a run, as the JSON `summary` and the human last line show them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Summary {
    pub files: usize,
    pub files_with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that had any finding at all.
    #[serde(skip)]
    pub files_with_findings: usize,
    /// Files that could not be read.
    #[serde(skip)]
    pub unreadable: usize,
}

impl Summary {
    /// One file's totals.
    pub fn of(file: &FileResult) -> Summary {
        let errors = file.count(Severity::Error);
        Summary {
            files: 1,
            files_with_errors: usize::from(errors > 0),
            errors,
            warnings: file.count(Severity::Warning),
            infos: file.count(Severity::Info),
            files_with_findings: usize::from(!file.findings.is_empty()),
            unreadable: usize::from(file.is_io_error()),
        }
    }
}

impl std::ops::AddAssign for Summary {
    fn add_assign(&mut self, other: Summary) {
        self.files += other.files;
        self.files_with_errors += other.files_with_errors;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.files_with_findings += other.files_with_findings;
        self.unreadable += other.unreadable;
    }
}

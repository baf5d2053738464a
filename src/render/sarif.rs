//! `--format sarif`: one SARIF 2.1.0 log, for code-scanning uploads
//! (`github/codeql-action/upload-sarif`). Every rule is described in
//! `tool.driver.rules`, whether or not it fired, so a viewer can show its
//! documentation next to a result.

use std::io::{self, Write};

use serde_sarif::sarif::{
    self, ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation,
    PropertyBag, Region, ReportingConfiguration, ReportingDescriptor, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use crate::diagnostic::Severity;
use crate::document::Position;
use crate::engine::{FileResult, Summary};
use crate::render::{Gathered, Renderer};
use crate::rules::{self, RULES};

/// The schema URL GitHub code scanning and most viewers expect.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Gathers each file's results and writes the log at the end.
#[derive(Debug, Default)]
pub struct SarifRenderer {
    /// Every file's results.
    results: Gathered<sarif::Result>,
}

/// The rules as `tool.driver.rules` lists them: the registry, then `io-error`.
fn descriptors() -> Vec<ReportingDescriptor> {
    let mut out: Vec<ReportingDescriptor> = RULES
        .iter()
        .map(|rule| {
            let doc = rule.doc();
            ReportingDescriptor::builder()
                .id(rule.id)
                .name(rule.id)
                .short_description(text(rule.summary))
                .full_description(text(&what_it_does(&doc)))
                .help(
                    MultiformatMessageString::builder()
                        .text(doc.clone())
                        .markdown(doc)
                        .build(),
                )
                .default_configuration(level_config(rule.default_severity))
                .properties(
                    PropertyBag::builder()
                        .tags(vec![rule.family.as_str().to_string()])
                        .build(),
                )
                .build()
        })
        .collect();
    out.push(
        ReportingDescriptor::builder()
            .id(rules::IO_ERROR)
            .name(rules::IO_ERROR)
            .short_description(text("A file could not be read"))
            .full_description(text(
                "The file does not exist, cannot be read, is binary, is not UTF-8 or is too large.",
            ))
            .default_configuration(level_config(Severity::Error))
            .build(),
    );
    out
}

/// The paragraph under `## What it does`, as one line.
fn what_it_does(doc: &str) -> String {
    doc.split("## What it does")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn level_config(severity: Severity) -> ReportingConfiguration {
    let name = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    ReportingConfiguration::builder()
        .level(serde_json::Value::from(name))
        .build()
}

/// A path as a URI reference: `/` separators, reserved characters escaped;
/// relative paths stay relative (to the repository root, for code scanning),
/// absolute ones become `file://` URIs.
pub(crate) fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            _ => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

fn location(path: &str, start: Position, end: Position, message: Option<&str>) -> Location {
    let region = Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
        .region(region)
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

impl Renderer for SarifRenderer {
    fn file(&self, _out: &mut Vec<u8>, file: &FileResult, index: usize) -> io::Result<()> {
        let mut results = Vec::with_capacity(file.findings.len());
        for f in &file.findings {
            let d = &f.diagnostic;
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.to_string(),
            };
            let index = RULES
                .iter()
                .position(|r| r.id == d.rule)
                .unwrap_or(RULES.len());
            let related: Vec<Location> = d
                .labels
                .iter()
                .zip(&f.labels)
                .map(|(l, (start, end))| location(&file.path, *start, *end, Some(&l.message)))
                .collect();
            let result = sarif::Result::builder()
                .rule_id(d.rule)
                .rule_index(index as i64)
                .level(level(d.severity))
                .message(Message::builder().text(message).build())
                .locations(vec![location(&file.path, f.start, f.end, None)]);
            results.push(if related.is_empty() {
                result.build()
            } else {
                result.related_locations(related).build()
            });
        }
        self.results.extend(index, results);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let driver = ToolComponent::builder()
            .name("incident")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .full_description(text(env!("CARGO_PKG_DESCRIPTION")))
            .rules(descriptors())
            .build();
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .column_kind(serde_json::Value::from("unicodeCodePoints"))
            .results(self.results.take())
            .build();
        let log = Sarif::builder()
            .schema(SCHEMA)
            .version(serde_json::Value::from("2.1.0"))
            .runs(vec![run])
            .build();
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("reports/a b#1.md"), "reports/a%20b%231.md");
        assert_eq!(uri("dir\\x.md"), "dir/x.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
        assert_eq!(uri("/tmp/r.md"), "file:///tmp/r.md");
    }

    #[test]
    fn every_rule_has_a_full_description() {
        for d in descriptors() {
            let full = d.full_description.expect("full description");
            assert!(!full.text.is_empty(), "{}", d.id);
        }
    }
}

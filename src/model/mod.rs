//! The report model: what a report *says*, built once per file from the
//! [`Document`] and read by every rule.
//!
//! [`Report::build`] finds the title and the sections (matched against the
//! template's schema), reads the front matter, and then builds the timeline,
//! the impact figures and the action items from those.

pub mod actions;
pub mod front_matter;
pub mod guidance;
pub mod impact;
pub mod numbers;
pub mod pattern;
pub mod secrets;
pub mod time;
pub mod timeline;

use std::ops::Range;

use chrono::NaiveDateTime;

use crate::document::{Block, BlockKind, Document, Span};
use crate::templates::{SectionSpec, Template};

pub use actions::{ActionItem, ActionItems};
pub use front_matter::FrontMatter;
pub use impact::Impact;
pub use timeline::Timeline;

/// A report: its document, its structure and what it states.
#[derive(Debug)]
#[non_exhaustive]
pub struct Report<'t> {
    /// The path as given by the user (`-` for stdin).
    pub path: String,
    pub doc: Document,
    /// The template whose schema the report is checked against.
    pub template: &'t Template,
    pub front_matter: FrontMatter,
    pub title: Option<Title>,
    /// Every section, in document order. The title is not a section.
    pub sections: Vec<Section>,
    pub timeline: Timeline,
    pub impact: Impact,
    pub actions: ActionItems,
    /// Times, dates, windows and durations stated outside the timeline.
    pub times: time::Times,
    /// Whether each block of `doc` is template text (see
    /// [`Report::is_template_text`]), worked out on first use.
    template_text: std::sync::OnceLock<Vec<bool>>,
    /// Where lines of template guidance occur in the source (see
    /// [`Template::guidance_occurrences`]), found on first use.
    guidance_found: std::sync::OnceLock<Vec<Range<usize>>>,
}

/// The report's title heading (`# Incident: 2025-10-14 08-41-00`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Title {
    /// The heading level; 0 when the title is a plain line, not a heading.
    pub level: u8,
    pub span: Span,
    /// The heading text (`Incident: 2025-10-14 08-41-00`).
    pub text: String,
    /// The date and time the title names, read leniently (`HH-mm-ss`,
    /// `HH:mm:ss`, `HH:mm`); `None` if there is none or it is not a real one.
    pub datetime: Option<NaiveDateTime>,
}

/// A section: a heading and everything up to the next section.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Section {
    /// The heading's text as written (`Root Cause Analysis`).
    pub heading_text: String,
    /// Index of the schema section this heading names, if it names one.
    pub spec: Option<usize>,
    /// The heading level; 0 for a plain line that names the section
    /// (`Summary:` on a line of its own), which `heading-level` reports.
    pub level: u8,
    /// The heading (or the plain line).
    pub heading_span: Span,
    /// From the end of the heading line to the start of the next section.
    pub body: Span,
    /// Indices into `doc.blocks` of the blocks in the body.
    pub blocks: Range<usize>,
}

impl Section {
    /// Rank for nesting: a plain line ranks below every heading.
    fn rank(&self) -> u8 {
        if self.level == 0 { 7 } else { self.level }
    }
}

impl<'t> Report<'t> {
    /// Builds the model of `source`. `aliases` are extra (alias, section name)
    /// pairs from the configuration.
    pub fn build(
        path: impl Into<String>,
        doc: Document,
        template: &'t Template,
        aliases: &[(String, String)],
    ) -> Report<'t> {
        let front_matter = FrontMatter::read(&doc);
        Report::from_parts(path, doc, front_matter, template, aliases)
    }

    /// [`Report::build`] with the front matter already read (the engine reads
    /// it first, to learn which template the report records).
    pub fn from_parts(
        path: impl Into<String>,
        doc: Document,
        front_matter: FrontMatter,
        template: &'t Template,
        aliases: &[(String, String)],
    ) -> Report<'t> {
        let candidates = candidates(&doc, template, aliases);
        let title = find_title(&candidates);
        let sections = find_sections(&doc, &candidates, title.as_ref().map(|(i, _)| *i));
        let title = title.map(|(_, t)| t);
        let mut report = Report {
            path: path.into(),
            doc,
            template,
            front_matter,
            title,
            sections,
            timeline: Timeline::default(),
            impact: Impact::default(),
            actions: ActionItems::default(),
            times: time::Times::default(),
            template_text: std::sync::OnceLock::new(),
            guidance_found: std::sync::OnceLock::new(),
        };
        report.timeline = Timeline::build(&report);
        report.times = time::Times::build(&report);
        report.impact = Impact::build(&report);
        report.actions = ActionItems::build(&report);
        report
    }

    /// The schema entry of a section, if it names one.
    pub fn spec(&self, section: &Section) -> Option<&'t SectionSpec> {
        section.spec.map(|i| &self.template.sections[i])
    }

    /// The first section that names the schema section `name` (canonical name).
    pub fn section(&self, name: &str) -> Option<&Section> {
        let index = self
            .template
            .sections
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case(name))?;
        self.sections.iter().find(|s| s.spec == Some(index))
    }

    /// The blocks of a section's body.
    pub fn blocks(&self, section: &Section) -> &[Block] {
        &self.doc.blocks[section.blocks.clone()]
    }

    /// The source text of a section's body.
    pub fn body_text(&self, section: &Section) -> &str {
        self.doc.text(&section.body)
    }

    /// The file name, without folders (`incident-2025-10-14-1.md`).
    pub fn file_name(&self) -> Option<&str> {
        std::path::Path::new(&self.path)
            .file_name()
            .and_then(|n| n.to_str())
    }

    /// True when the file has none of the template's sections and no title
    /// that looks like an incident's (one that says "Incident" or gives a
    /// date): it is something else (a README, notes), and only
    /// `not-a-report` applies.
    pub fn is_not_a_report(&self) -> bool {
        let incident_title = self.title.as_ref().is_some_and(|t| {
            t.datetime.is_some() || t.text.to_ascii_lowercase().contains("incident")
        });
        !incident_title && self.sections.iter().all(|s| s.spec.is_none())
    }
}

/// The template a report records that it was made from: front matter
/// `template: NAME`, or a `<!-- incident-template: NAME -->` comment.
pub fn recorded_template(doc: &Document, front_matter: &FrontMatter) -> Option<String> {
    if let Some(name) = &front_matter.template {
        return Some(name.clone());
    }
    doc.comments.iter().find_map(|c| {
        let body = doc.text(&c.body);
        body.strip_prefix("incident-template:")
            .map(|name| name.trim().to_string())
    })
}

/// A line that opens a section or is the title: a real heading, or a plain
/// line that names a section on its own (`Summary:`, `**Impact**`), which
/// some reports use instead of headings.
struct Candidate<'d> {
    /// 1–6 for headings; 0 for a plain line.
    level: u8,
    text: &'d str,
    /// The heading, or the plain line.
    span: Span,
    /// The schema section it names.
    known: Option<usize>,
    /// For a plain line whose paragraph goes on below it: the paragraph's
    /// block index, so the rest of the paragraph stays in the section.
    paragraph: Option<usize>,
}

impl Candidate<'_> {
    /// Rank for ending sections: a plain line ranks below every heading.
    fn rank(&self) -> u8 {
        if self.level == 0 { 7 } else { self.level }
    }
}

fn candidates<'d>(
    doc: &'d Document,
    template: &Template,
    aliases: &[(String, String)],
) -> Vec<Candidate<'d>> {
    // One buffer for every line's lookup key.
    let mut scratch = String::new();
    let mut out: Vec<Candidate<'d>> = doc
        .headings
        .iter()
        .map(|h| Candidate {
            level: h.level,
            text: &h.text,
            span: h.span.clone(),
            known: template.section_for_in(&h.text, aliases, &mut scratch),
            paragraph: None,
        })
        .collect();
    let first_content = doc
        .blocks
        .iter()
        .position(|b| !matches!(b.kind, BlockKind::Html));
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph || block.in_quote || block.in_fence {
            continue;
        }
        let line = doc.line_span(block.span.start);
        let text = doc.text(&line).trim();
        let is_title = Some(index) == first_content
            && starts_with_incident(text.trim_start_matches(['*', '_']));
        // A longer line only counts as the title; do not look it up else.
        if text.len() > 60 && !is_title {
            continue;
        }
        let known = template.section_for_in(text, aliases, &mut scratch);
        if known.is_some() || is_title {
            let multiline = line.end < block.span.end;
            out.push(Candidate {
                level: 0,
                text: text.trim_matches(['*', '_', ' ']),
                span: line,
                known,
                paragraph: multiline.then_some(index),
            });
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// The title is the first candidate before the first section, if it is a
/// level-1 heading, or any heading or plain first line whose text starts
/// with "Incident".
fn find_title(candidates: &[Candidate]) -> Option<(usize, Title)> {
    let index = candidates
        .iter()
        .take_while(|c| c.known.is_none())
        .position(|c| c.level == 1 || starts_with_incident(c.text.trim_start()))?;
    let c = &candidates[index];
    Some((
        index,
        Title {
            level: c.level,
            span: c.span.clone(),
            text: c.text.to_string(),
            datetime: parse_title_datetime(c.text),
        },
    ))
}

/// True when `text` starts with "incident" in any case of ASCII letters.
fn starts_with_incident(text: &str) -> bool {
    text.as_bytes()
        .get(..8)
        .is_some_and(|start| start.eq_ignore_ascii_case(b"incident"))
}

/// Reads the date and time of a title, leniently: `2025-10-14 08-41-00`,
/// `2025-10-14 08:41:00`, `2025-10-14 08:41`, `2025-10-14`.
pub fn parse_title_datetime(text: &str) -> Option<NaiveDateTime> {
    let bytes = text.as_bytes();
    let start = (0..bytes.len().saturating_sub(9)).find(|&i| {
        bytes[i..i + 10].iter().enumerate().all(|(k, b)| {
            if k == 4 || k == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    })?;
    let date = chrono::NaiveDate::parse_from_str(&text[start..start + 10], "%Y-%m-%d").ok()?;
    let rest = text[start + 10..].trim_start_matches([' ', 'T', '_']);
    let digits: Vec<u32> = rest
        .split(['-', ':', '.'])
        .take(3)
        .map_while(|part| {
            let part: String = part.chars().take_while(char::is_ascii_digit).collect();
            (!part.is_empty() && part.len() <= 2)
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    let time = match digits.as_slice() {
        [h, m, s, ..] => chrono::NaiveTime::from_hms_opt(*h, *m, *s)?,
        [h, m] => chrono::NaiveTime::from_hms_opt(*h, *m, 0)?,
        _ => chrono::NaiveTime::MIN,
    };
    Some(date.and_time(time))
}

fn find_sections(
    doc: &Document,
    candidates: &[Candidate],
    title_index: Option<usize>,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(candidates.len());
    for (i, heading) in candidates.iter().enumerate() {
        if Some(i) == title_index || (heading.level == 0 && heading.known.is_none()) {
            continue;
        }
        // A sub-heading inside a known section ("### 2026-03-03" in the
        // Timeline) belongs to that section's body.
        let nested = sections.last().is_some_and(|s| {
            s.spec.is_some()
                && heading.rank() > s.rank()
                && heading.known.is_none()
                && heading.span.start < s.body.end
        });
        if nested {
            continue;
        }
        // The section ends at the next candidate that is a section of the
        // schema, is the title, or is a heading at this level or above.
        let end = candidates[i + 1..]
            .iter()
            .enumerate()
            .find(|(k, c)| {
                let j = i + 1 + k;
                c.known.is_some()
                    || Some(j) == title_index
                    || (c.level > 0 && c.rank() <= heading.rank())
            })
            .map_or(doc.source.len(), |(_, c)| c.span.start);
        let body_start = doc
            .line_span(heading.span.end.saturating_sub(1).max(heading.span.start))
            .end;
        let body_start = body_start.max(heading.span.end).min(end);
        let first = match heading.paragraph {
            Some(paragraph) => paragraph,
            None => doc.blocks.partition_point(|b| b.span.start < body_start),
        };
        let last = doc.blocks.partition_point(|b| b.span.start < end);
        sections.push(Section {
            heading_text: heading.text.to_string(),
            spec: heading.known,
            level: heading.level,
            heading_span: heading.span.clone(),
            body: body_start..end,
            blocks: first..last.max(first),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::{DEFAULT_TEMPLATE, builtin};

    fn report(src: &str) -> Report<'static> {
        Report::build(
            "incident-2025-01-02-1.md",
            Document::parse(src.to_string()),
            builtin(DEFAULT_TEMPLATE).unwrap(),
            &[],
        )
    }

    #[test]
    fn title_and_sections() {
        let r = report(
            "# Incident: 2025-01-02 10-20-30\n\n## Summary\nText.\n\n## Timeline\n\n### 2025-01-02\n- 10:00 x\n\n## Extra\nmore\n",
        );
        let t = r.title.as_ref().unwrap();
        assert_eq!(t.datetime.unwrap().to_string(), "2025-01-02 10:20:30");
        let names: Vec<_> = r
            .sections
            .iter()
            .map(|s| (s.heading_text.as_str(), s.spec.is_some()))
            .collect();
        assert_eq!(
            names,
            [("Summary", true), ("Timeline", true), ("Extra", false)]
        );
        let timeline = r.section("timeline").unwrap();
        assert!(r.body_text(timeline).contains("- 10:00 x"));
        assert_eq!(r.blocks(timeline).len(), 1);
        assert!(r.body_text(r.section("Summary").unwrap()).trim() == "Text.");
    }

    #[test]
    fn known_section_below_known_section_is_its_own() {
        let r = report("# Incident: 2025-01-02 10-20-30\n## Summary\nx\n### Impact\ny\n");
        assert!(r.section("impact").is_some());
        assert_eq!(r.body_text(r.section("summary").unwrap()).trim(), "x");
    }

    #[test]
    fn incident_starts_as_lower_casing_finds_it() {
        let pieces = [
            "incident", "Incident", "INCIDENT", "inci", "dent", "İ", "ı", "é", " ", "*", "x",
        ];
        for len in 0..4 {
            for text in crate::model::pattern::generated_exactly(&pieces, 300, len, len as u64 + 1)
            {
                assert_eq!(
                    starts_with_incident(&text),
                    text.to_ascii_lowercase().starts_with("incident"),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn lenient_title_times() {
        let p = |s| parse_title_datetime(s).map(|d| d.to_string());
        assert_eq!(
            p("Incident: 2025-12-06 11-50-00 MDT").as_deref(),
            Some("2025-12-06 11:50:00")
        );
        assert_eq!(
            p("Incident: 2025-12-06 11:50").as_deref(),
            Some("2025-12-06 11:50:00")
        );
        assert_eq!(p("Incident: 2025-02-30 11:50"), None);
        assert_eq!(p("Incident: YYYY-MM-DD HH-mm-ss"), None);
        assert_eq!(
            p("Incident: 2025-12-06").as_deref(),
            Some("2025-12-06 00:00:00")
        );
    }
}

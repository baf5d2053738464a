//! `incident export`: the structured facts of a report, read from the same
//! [`Report`] model that `check` uses.
//!
//! Every field is what the report states; a field it does not state is
//! `None` (`null` in JSON, empty in CSV), never a guess.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::model::Report;
use crate::model::timeline::EventKind;

/// One report's facts, in the shape SPEC.md gives for `export --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ReportFacts {
    pub path: String,
    /// The title's text (`Incident: 2025-10-14 08-41-00`).
    pub title: Option<String>,
    /// The template the report was checked against.
    pub template: String,
    /// When the impact began, in UTC (see [`ReportFacts::from_report`]).
    pub incident_start: Option<String>,
    /// When the impact ended, in UTC.
    pub incident_end: Option<String>,
    pub severity: Option<String>,
    pub sections: Vec<SectionFacts>,
    pub timeline: Vec<TimelineFacts>,
    pub impact: ImpactFacts,
    pub action_items: Vec<ActionFacts>,
    pub metrics: Metrics,
    /// With `--rubric`: which parts of a good report are present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rubric: Option<Rubric>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SectionFacts {
    /// The heading as written.
    pub name: String,
    /// 1–6, or 0 for a section written as a plain line (`Summary:`).
    pub level: u8,
    /// 1-based line of the heading.
    pub line: usize,
    /// Words in the section's body (template guidance and comments excluded).
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TimelineFacts {
    /// The entry's date and time in UTC, when the report gives enough to know it.
    pub at: Option<String>,
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ImpactFacts {
    pub duration_minutes: Option<i64>,
    #[serde(serialize_with = "number")]
    pub users_affected: Option<f64>,
    #[serde(serialize_with = "number")]
    pub percent_affected: Option<f64>,
    #[serde(serialize_with = "number")]
    pub support_tickets: Option<f64>,
}

/// Whole numbers as integers (`212`, not `212.0`); others as they are.
fn number<S: serde::Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "whole numbers well inside i64"
        )]
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => serializer.serialize_i64(*v as i64),
        Some(v) => serializer.serialize_f64(*v),
        None => serializer.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ActionFacts {
    pub text: String,
    pub owner: Option<String>,
    /// ISO 8601 date.
    pub due: Option<String>,
    pub done: bool,
    pub tracking: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Metrics {
    pub time_to_detect_minutes: Option<i64>,
    pub time_to_mitigate_minutes: Option<i64>,
    pub time_to_resolve_minutes: Option<i64>,
}

impl ReportFacts {
    /// Reads the facts of a report.
    ///
    /// - `incident_start`/`incident_end`: front matter `started`/`resolved`,
    ///   else the window stated in Impact, else the one in Summary; the start
    ///   falls back to the title's date and time (the template defines it as
    ///   the UTC start of the incident).
    /// - `metrics`: minutes from the start to detection (front matter
    ///   `detected`, else the first timeline entry at or after the start that
    ///   records an alert, a page or someone noticing), to mitigation (front
    ///   matter `mitigated`, else the first entry recording a rollback, fix,
    ///   recovery …) and to resolution (front matter `resolved`, else the
    ///   first entry recording the resolution, else the window's end).
    pub fn from_report(report: &Report<'_>) -> ReportFacts {
        let doc = &report.doc;
        let line = |offset: usize| doc.lines.line_of(offset) + 1;
        let (start, end) = report.impact_window();
        let start = start.or_else(|| report.title.as_ref().and_then(|t| t.datetime));
        let sections = report
            .sections
            .iter()
            .map(|s| SectionFacts {
                name: s.heading_text.clone(),
                level: s.level,
                line: line(s.heading_span.start),
                words: report
                    .authored_blocks(s)
                    .map(|b| {
                        doc.text(&b.own)
                            .split_whitespace()
                            .filter(|w| w.chars().any(char::is_alphanumeric))
                            .count()
                    })
                    .sum(),
            })
            .collect();
        let timeline = report
            .timeline
            .entries()
            .iter()
            .map(|e| TimelineFacts {
                at: e.at.map(iso),
                text: e.text.clone(),
                line: line(e.span.start),
            })
            .collect();
        let impact = ImpactFacts {
            duration_minutes: report.impact.duration_minutes(),
            users_affected: report.impact.users_affected().map(|f| f.quantity.low),
            percent_affected: report.impact.percent_affected().map(|f| f.quantity.low),
            support_tickets: report.impact.support_tickets().map(|q| q.low),
        };
        let action_items = report
            .actions
            .items
            .iter()
            .map(|item| ActionFacts {
                text: item.text.clone(),
                owner: item.owner.as_ref().map(|o| o.text.clone()),
                due: item
                    .due
                    .map(|d: NaiveDate| d.format("%Y-%m-%d").to_string()),
                done: item.done,
                tracking: item.tracking.as_ref().map(|t| t.text.clone()),
                line: line(item.span.start),
            })
            .collect();
        let metrics = start.map_or_else(Metrics::default, |start| {
            let fm = &report.front_matter;
            let event = |stated: Option<NaiveDateTime>, kind: EventKind| {
                stated.or_else(|| {
                    report
                        .timeline
                        .first_matching(kind, start)
                        .and_then(|e| e.at)
                })
            };
            let minutes = |at: Option<NaiveDateTime>| {
                at.map(|at| (at - start).num_minutes()).filter(|m| *m >= 0)
            };
            Metrics {
                time_to_detect_minutes: minutes(event(
                    fm.detected.map(|d| d.naive_utc()),
                    EventKind::Detection,
                )),
                time_to_mitigate_minutes: minutes(event(
                    fm.mitigated.map(|d| d.naive_utc()),
                    EventKind::Mitigation,
                )),
                time_to_resolve_minutes: minutes(
                    event(fm.resolved.map(|d| d.naive_utc()), EventKind::Resolution).or(end),
                ),
            }
        });
        ReportFacts {
            path: report.path.clone(),
            title: report.title.as_ref().map(|t| t.text.clone()),
            template: report.template.name.clone(),
            incident_start: start.map(iso),
            incident_end: end.map(iso),
            severity: report
                .impact
                .severity
                .as_ref()
                .map(|s| s.text.clone())
                .or_else(|| report.front_matter.severity.clone()),
            sections,
            timeline,
            impact,
            action_items,
            metrics,
            rubric: None,
        }
    }
}

/// `2025-10-14T08:41:00Z`.
fn iso(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The CSV columns of `export --format csv`, one row per report.
pub const CSV_HEADER: &[&str] = &[
    "path",
    "title",
    "template",
    "incident_start",
    "incident_end",
    "severity",
    "users_affected",
    "percent_affected",
    "support_tickets",
    "duration_minutes",
    "timeline_entries",
    "action_items",
    "action_items_with_owner",
    "action_items_with_due",
    "time_to_detect_minutes",
    "time_to_mitigate_minutes",
    "time_to_resolve_minutes",
];

impl ReportFacts {
    /// The scalar fields, in [`CSV_HEADER`] order.
    pub fn csv_row(&self) -> Vec<String> {
        fn opt<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map(ToString::to_string).unwrap_or_default()
        }
        vec![
            self.path.clone(),
            opt(&self.title),
            self.template.clone(),
            opt(&self.incident_start),
            opt(&self.incident_end),
            opt(&self.severity),
            opt(&self.impact.users_affected),
            opt(&self.impact.percent_affected),
            opt(&self.impact.support_tickets),
            opt(&self.impact.duration_minutes),
            self.timeline.len().to_string(),
            self.action_items.len().to_string(),
            self.action_items
                .iter()
                .filter(|a| a.owner.is_some())
                .count()
                .to_string(),
            self.action_items
                .iter()
                .filter(|a| a.due.is_some() || a.done)
                .count()
                .to_string(),
            opt(&self.metrics.time_to_detect_minutes),
            opt(&self.metrics.time_to_mitigate_minutes),
            opt(&self.metrics.time_to_resolve_minutes),
        ]
    }
}

/// A grader's rubric: which parts of a good report are present, read from
/// the findings of the default rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rubric {
    /// Every section of the template is there and filled in, with no template text left.
    pub sections_complete: bool,
    /// The timeline says it is in UTC, every entry has a time, and they are in order.
    pub timeline_utc_and_ordered: bool,
    /// Impact states users, duration and support volume.
    pub impact_quantified: bool,
    /// Every action item has an owner and a due date.
    pub action_items_complete: bool,
    /// No credentials in the report.
    pub no_secrets: bool,
}

impl Rubric {
    /// The CSV columns the rubric adds.
    pub const CSV_HEADER: [&'static str; 5] = [
        "sections_complete",
        "timeline_utc_and_ordered",
        "impact_quantified",
        "action_items_complete",
        "no_secrets",
    ];

    /// The rubric from a report's findings under the default settings.
    pub fn from_findings(findings: &[crate::diagnostic::Diagnostic]) -> Rubric {
        let none_of = |rules: &[&str]| !findings.iter().any(|d| rules.contains(&d.rule));
        Rubric {
            sections_complete: none_of(&[
                "not-a-report",
                "missing-section",
                "empty-section",
                "template-placeholder",
            ]),
            timeline_utc_and_ordered: none_of(&[
                "not-a-report",
                "timeline-utc",
                "timeline-entry",
                "timeline-order",
            ]),
            impact_quantified: none_of(&["not-a-report", "missing-section", "impact-quantified"])
                && !findings
                    .iter()
                    .any(|d| d.rule == "empty-section" && d.message.contains("Impact")),
            action_items_complete: none_of(&[
                "not-a-report",
                "action-item-owner",
                "action-item-due",
            ]) && !findings.iter().any(|d| {
                (d.rule == "missing-section" || d.rule == "empty-section")
                    && d.message.contains("Action items")
            }),
            no_secrets: none_of(&["secret-leak"]),
        }
    }

    /// The rubric's cells, in [`Rubric::CSV_HEADER`] order.
    pub fn csv_row(&self) -> Vec<String> {
        [
            self.sections_complete,
            self.timeline_utc_and_ordered,
            self.impact_quantified,
            self.action_items_complete,
            self.no_secrets,
        ]
        .iter()
        .map(ToString::to_string)
        .collect()
    }
}

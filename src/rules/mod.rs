//! The rules, one per file, and the single registry that lists them.
//!
//! A rule is a [`Rule`] value declared with `declare_rule!`: its id, family,
//! default severity, whether it can fix, a one-line summary, its
//! documentation (the doc comment, which is exactly what `incident explain`
//! prints) and its check function. A check function reads the [`Report`]
//! model and pushes [`Diagnostic`]s; it never parses Markdown, prints or exits.

use std::fmt;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::model::Report;

/// Declares a rule. The doc comment becomes the rule's documentation.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            id: $id:literal,
            family: $family:ident,
            severity: $severity:ident,
            fix: $fix:ident,
            summary: $summary:literal,
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            family: $crate::rules::Family::$family,
            default_severity: $crate::diagnostic::Severity::$severity,
            fix: $crate::rules::FixAvailability::$fix,
            summary: $summary,
            doc_lines: &[$($doc),*],
            check: $check,
        };
    };
}

mod action_item_due;
mod action_item_owner;
mod action_item_tracking;
mod duplicate_section;
mod duration_mismatch;
mod empty_section;
mod fenced_section;
mod filename_convention;
mod heading_level;
mod impact_mismatch;
mod impact_quantified;
mod invalid_datetime;
mod missing_section;
mod non_utc_time;
mod not_a_report;
mod percent_range;
mod secret_leak;
mod section_order;
mod severity_stated;
mod template_placeholder;
mod timeline_entry;
mod timeline_order;
mod timeline_utc;
mod title_format;
mod twelve_hour_clock;
mod unused_suppression;
mod weekday_mismatch;
mod window_mismatch;

/// Every rule, in the order `incident explain --list` shows them.
pub static RULES: &[&Rule] = &[
    // Structure
    &title_format::TITLE_FORMAT,
    &missing_section::MISSING_SECTION,
    &empty_section::EMPTY_SECTION,
    &section_order::SECTION_ORDER,
    &heading_level::HEADING_LEVEL,
    &duplicate_section::DUPLICATE_SECTION,
    &template_placeholder::TEMPLATE_PLACEHOLDER,
    &fenced_section::FENCED_SECTION,
    &filename_convention::FILENAME_CONVENTION,
    &not_a_report::NOT_A_REPORT,
    &unused_suppression::UNUSED_SUPPRESSION,
    // Time
    &timeline_utc::TIMELINE_UTC,
    &timeline_entry::TIMELINE_ENTRY,
    &timeline_order::TIMELINE_ORDER,
    &twelve_hour_clock::TWELVE_HOUR_CLOCK,
    &non_utc_time::NON_UTC_TIME,
    &invalid_datetime::INVALID_DATETIME,
    &weekday_mismatch::WEEKDAY_MISMATCH,
    &duration_mismatch::DURATION_MISMATCH,
    &window_mismatch::WINDOW_MISMATCH,
    // Impact
    &impact_quantified::IMPACT_QUANTIFIED,
    &percent_range::PERCENT_RANGE,
    &impact_mismatch::IMPACT_MISMATCH,
    // Action items
    &action_item_owner::ACTION_ITEM_OWNER,
    &action_item_due::ACTION_ITEM_DUE,
    &action_item_tracking::ACTION_ITEM_TRACKING,
    // Content
    &secret_leak::SECRET_LEAK,
    &severity_stated::SEVERITY_STATED,
];

/// The rule for a file that could not be read. It has no check function of
/// its own: the runner reports it.
pub const IO_ERROR: &str = "io-error";

/// The id of the rule whose findings' values are masked in every output.
pub const SECRET_LEAK_ID: &str = "secret-leak";

/// Whether the rule `id` runs on a file that is not a report: only
/// `not-a-report` itself and `secret-leak` (a leaked credential matters
/// wherever it is). The engine and the suppression check both ask this.
pub fn runs_on_non_reports(id: &str) -> bool {
    id == not_a_report::NOT_A_REPORT.id || id == SECRET_LEAK_ID
}

/// The id of the rule that reports suppression comments that suppress nothing.
pub fn unused_suppression_id() -> &'static str {
    unused_suppression::UNUSED_SUPPRESSION.id
}

/// Finds a rule by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// A rule: metadata, documentation and check.
#[non_exhaustive]
pub struct Rule {
    /// Stable kebab-case id (`timeline-order`).
    pub id: &'static str,
    pub family: Family,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    /// One line for `explain --list`.
    pub summary: &'static str,
    /// The doc comment, one entry per line.
    doc_lines: &'static [&'static str],
    /// Reads the model and pushes what it finds.
    pub check: fn(&Report<'_>, &mut Vec<Diagnostic>),
}

impl Rule {
    /// The rule's documentation as Markdown, as `incident explain` prints it.
    pub fn doc(&self) -> String {
        let mut doc = String::new();
        for line in self.doc_lines {
            doc.push_str(line.strip_prefix(' ').unwrap_or(line));
            doc.push('\n');
        }
        doc
    }

    /// A diagnostic of this rule at its default severity.
    pub fn diagnostic(
        &self,
        span: Span,
        message: impl Into<crate::diagnostic::Text>,
    ) -> Diagnostic {
        Diagnostic::new(self.id, self.default_severity, span, message)
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// A group of related rules; `--select time` picks a whole family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Structure,
    Time,
    Impact,
    Actions,
    Content,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Structure,
        Family::Time,
        Family::Impact,
        Family::Actions,
        Family::Content,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Time => "time",
            Family::Impact => "impact",
            Family::Actions => "actions",
            Family::Content => "content",
        }
    }

    pub fn from_name(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// Whether a rule can fix what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    Never,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Never => "never",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len(), "duplicate rule id");
        assert_eq!(SECRET_LEAK_ID, secret_leak::SECRET_LEAK.id);
        for rule in RULES {
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.id
            );
            let doc = rule.doc();
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(doc.contains(heading), "{} doc lacks `{heading}`", rule.id);
            }
        }
    }
}

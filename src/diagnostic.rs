//! What a rule finds: diagnostics, their labels and fixes. Nothing here renders.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::Span;

/// A message of a diagnostic: most are fixed sentences, written without
/// an allocation; the rest are formatted.
pub type Text = std::borrow::Cow<'static, str>;

/// How serious a diagnostic is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location with its own message ("this says 30 minutes").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Label {
    /// Byte range into the checked file.
    pub span: Span,
    pub message: Text,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Edit {
    /// Byte range into the checked file that `replacement` replaces.
    pub span: Span,
    pub replacement: Text,
}

/// A set of edits that are applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fix {
    /// Says what the fix does ("redact the API key").
    pub description: Text,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn replace(span: Span, replacement: impl Into<Text>, description: impl Into<Text>) -> Fix {
        Fix {
            description: description.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// A finding of one rule at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule's stable id (`timeline-order`).
    pub rule: &'static str,
    pub severity: Severity,
    /// States the problem.
    pub message: Text,
    /// The primary location: a byte range into the checked file.
    pub span: Span,
    pub labels: Vec<Label>,
    /// States the action that solves it.
    pub help: Option<Text>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<Text>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<Text>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<Text>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }

    pub fn fixable(&self) -> bool {
        self.fix.is_some()
    }
}

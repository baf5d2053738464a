use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Every timeline entry starts with a time that parses.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static TIMELINE_ENTRY = {
        id: "timeline-entry",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "Every timeline entry starts with a time that parses",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

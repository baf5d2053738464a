use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// The incident window agrees across Summary, Impact, title and timeline.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static WINDOW_MISMATCH = {
        id: "window-mismatch",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "The incident window agrees across Summary, Impact, title and timeline",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

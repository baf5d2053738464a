use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// A weekday written next to a date is that date's weekday.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static WEEKDAY_MISMATCH = {
        id: "weekday-mismatch",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "A weekday written next to a date is that date's weekday",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

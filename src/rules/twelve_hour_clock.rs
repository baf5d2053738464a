use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Times use the 24-hour clock.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static TWELVE_HOUR_CLOCK = {
        id: "twelve-hour-clock",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "Times use the 24-hour clock",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// A percentage of users or requests lies between 0 and 100.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static PERCENT_RANGE = {
        id: "percent-range",
        family: Impact,
        severity: Error,
        fix: Never,
        summary: "A percentage of users or requests lies between 0 and 100",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

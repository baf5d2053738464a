use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// No time is in another zone or unmarked where the report marks UTC.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static NON_UTC_TIME = {
        id: "non-utc-time",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "No time is in another zone or unmarked where the report marks UTC",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

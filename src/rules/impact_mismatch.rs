use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// A quantity stated in two sections has the same value.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static IMPACT_MISMATCH = {
        id: "impact-mismatch",
        family: Impact,
        severity: Warning,
        fix: Never,
        summary: "A quantity stated in two sections has the same value",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

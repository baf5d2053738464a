use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Impact states users affected, duration and support volume.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static IMPACT_QUANTIFIED = {
        id: "impact-quantified",
        family: Impact,
        severity: Warning,
        fix: Never,
        summary: "Impact states users affected, duration and support volume",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

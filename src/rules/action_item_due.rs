use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Each action item has a real due date on or after the incident.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static ACTION_ITEM_DUE = {
        id: "action-item-due",
        family: Actions,
        severity: Warning,
        fix: Never,
        summary: "Each action item has a real due date on or after the incident",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

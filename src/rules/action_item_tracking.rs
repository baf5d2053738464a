use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Each action item links to where it is tracked.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static ACTION_ITEM_TRACKING = {
        id: "action-item-tracking",
        family: Actions,
        severity: Info,
        fix: Never,
        summary: "Each action item links to where it is tracked",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

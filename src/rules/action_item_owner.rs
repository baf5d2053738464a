use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Each action item names an owner.
    ///
    /// ## Why is this bad?
    /// Not yet implemented: this rule reports nothing yet.
    ///
    /// ## Example
    /// (to be written)
    ///
    /// ## Use instead
    /// (to be written)
    pub(crate) static ACTION_ITEM_OWNER = {
        id: "action-item-owner",
        family: Actions,
        severity: Warning,
        fix: Never,
        summary: "Each action item names an owner",
        check: check,
    }
}

fn check(_report: &Report<'_>, _out: &mut Vec<Diagnostic>) {}

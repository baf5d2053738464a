use crate::diagnostic::Diagnostic;
use crate::model::{ActionItem, Report};
use crate::rules::action_item_owner::{Wording, report_missing};

declare_rule! {
    /// ## What it does
    /// Checks that each action item says where the work is tracked: an issue
    /// key (`OPS-118`, `JIRA REL-142`), an issue number (`#123`), a URL, a
    /// `Tracking:`/`Ticket:`/`Issue:` field ("Tracking: Grafana Cloud"),
    /// "tracked in …", or a Tracking/Issue/Ticket column in a table. When no
    /// item is tracked, the rule reports once, on the section.
    ///
    /// ## Why is this bad?
    /// Action items written only in the report are forgotten once the report
    /// is filed. A link to the tracker lets the next reader see whether the
    /// work was done.
    ///
    /// ## Example
    /// ```markdown
    /// 1. Shorten the alert window to two minutes (Owner: Dana Kim, Due: 2025-10-21)
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// 1. Shorten the alert window to two minutes (Owner: Dana Kim, Due: 2025-10-21, Issue: OPS-120)
    /// ```
    pub(crate) static ACTION_ITEM_TRACKING = {
        id: "action-item-tracking",
        family: Actions,
        severity: Info,
        fix: Never,
        summary: "Each action item links to where it is tracked",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let missing: Vec<&ActionItem> = report
        .actions
        .items
        .iter()
        .filter(|i| i.tracking.is_none())
        .collect();
    report_missing(
        report,
        &ACTION_ITEM_TRACKING,
        &missing,
        report.actions.items.len(),
        Wording {
            none: "links to where it is tracked",
            one: "this action item does not say where it is tracked",
            label: "not tracked",
            help: "link the issue that tracks it: `Issue: OPS-118`, `#123` or its URL",
        },
        out,
    );
}

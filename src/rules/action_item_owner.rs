use crate::diagnostic::Diagnostic;
use crate::model::{ActionItem, Report};
use crate::rules::Rule;

declare_rule! {
    /// ## What it does
    /// Checks that each action item names who owns it. Recognised forms:
    /// `Owner: Payments team`, `Responsible: Platform Team`, `Assignee: Dana`,
    /// `(Owner: X, Due: Y, Issue: Z)`, `owner DevOps`, an `@handle`, an
    /// Owner (or Assignee, Responsible, Who) column in a table, a team prefix
    /// (`Factory team: revoke …`), a trailing `— Payments team`, a sentence
    /// whose subject is the owner (`Dana Kim will add …`, `Tessa is
    /// responsible for …`), and a line that assigns every item at once
    /// (`All items are assigned to the Platform team.`).
    ///
    /// An item is a list entry (with its nested sub-items), a table row or a
    /// checkbox line of the Action items section. When no item has an owner,
    /// the rule reports once, on the section, instead of once per item.
    ///
    /// ## Why is this bad?
    /// An action item without an owner is a wish. When everyone is
    /// responsible, nobody is: items without a name attached are the ones
    /// still open at the next incident.
    ///
    /// ## Example
    /// ```markdown
    /// ## Action items
    /// 1. Fail the deploy when `db.pool.size` is missing
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Action items
    /// 1. Fail the deploy when `db.pool.size` is missing (Owner: Dana Kim, Due: 2025-10-28, Issue: OPS-118)
    /// ```
    pub(crate) static ACTION_ITEM_OWNER = {
        id: "action-item-owner",
        family: Actions,
        severity: Warning,
        fix: Never,
        summary: "Each action item names an owner",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let missing: Vec<&ActionItem> = report.actions.without_owner().collect();
    report_missing(
        report,
        &ACTION_ITEM_OWNER,
        &missing,
        report.actions.items.len(),
        Wording {
            none: "names an owner",
            one: "this action item names no owner",
            label: "no owner",
            help: "name who will do it: `(Owner: Payments team)`, `@handle`, or one line for all items (\"All items are owned by the Platform team.\")",
        },
        out,
    );
}

/// How a missing-field rule words its findings.
pub(super) struct Wording {
    /// Completes "none of the N action items …".
    pub none: &'static str,
    /// The message for one item.
    pub one: &'static str,
    /// The label on each item when reported together.
    pub label: &'static str,
    pub help: &'static str,
}

/// Reports the items of `missing`: once on the section when every one of
/// the `total` items the rule applies to (two or more) misses the field,
/// else once per item.
pub(super) fn report_missing(
    report: &Report<'_>,
    rule: &Rule,
    missing: &[&ActionItem],
    total: usize,
    wording: Wording,
    out: &mut Vec<Diagnostic>,
) {
    if missing.is_empty() {
        return;
    }
    let section = report.actions.section.and_then(|i| report.sections.get(i));
    if let (true, Some(section)) = (missing.len() == total && total >= 2, section) {
        let mut d = rule
            .diagnostic(
                section.heading_span.clone(),
                format!("none of the {total} action items {}", wording.none),
            )
            .with_help(wording.help);
        for item in missing {
            d = d.with_label(item.line.clone(), wording.label);
        }
        out.push(d);
        return;
    }
    for item in missing {
        out.push(
            rule.diagnostic(item.line.clone(), wording.one)
                .with_help(wording.help),
        );
    }
}

use crate::diagnostic::Diagnostic;
use crate::model::actions::DateReading;
use crate::model::{ActionItem, Report};
use crate::rules::action_item_owner::{Wording, report_missing};

declare_rule! {
    /// ## What it does
    /// Checks that each action item that is not done has a due date, that the
    /// date is a real calendar date, and that it is not before the incident.
    /// Recognised forms: `Due: 2026-02-09`, `due 2026-02-09`, `Deadline:
    /// 2026-01-20`, `Target: April 22, 2025`, `by Feb 3` (the year is taken
    /// from the incident), `04/15/25`, a Due/Deadline column in a table. An
    /// item marked done (`[x]`, `(done)`, `Done: 2026-01-31`, `Completed on
    /// …`, a Status column saying Done) needs no due date.
    ///
    /// The incident date is the title's date, else front matter `started`.
    /// When no item has a due date, the rule reports once, on the section.
    ///
    /// ## Why is this bad?
    /// Without a date, an action item has no moment at which anyone notices
    /// it is late. "End of week" or "next sprint" is a date only for the
    /// week the report was written; a due date before the incident is a typo
    /// that hides the real one.
    ///
    /// ## Example
    /// ```markdown
    /// # Incident: 2025-10-14 08-41-00
    /// …
    /// 1. Fail the deploy when the pool size is missing (Owner: Dana Kim, Due: next sprint)
    /// 2. Run the load test with production configuration (Owner: Platform team, Due: 2025-09-30)
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// 1. Fail the deploy when the pool size is missing (Owner: Dana Kim, Due: 2025-10-28)
    /// 2. Run the load test with production configuration (Owner: Platform team, Due: 2025-11-04)
    /// ```
    pub(crate) static ACTION_ITEM_DUE = {
        id: "action-item-due",
        family: Actions,
        severity: Warning,
        fix: Never,
        summary: "Each action item has a real due date on or after the incident (or is marked done)",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let actions = &report.actions;
    let open = actions.items.iter().filter(|i| !i.done);
    let missing: Vec<&ActionItem> = open.clone().filter(|i| i.deadline.is_none()).collect();
    report_missing(
        report,
        &ACTION_ITEM_DUE,
        &missing,
        open.clone().count(),
        Wording {
            none: "has a due date",
            one: "this action item has no due date",
            label: "no due date",
            help: "give each item a calendar date: `Due: 2025-10-28` (or mark it done)",
        },
        out,
    );
    for item in open {
        let Some(deadline) = &item.deadline else {
            continue;
        };
        let text = &deadline.text;
        match deadline.reading {
            DateReading::Date(date) => {
                let Some(incident) = actions.incident_date else {
                    continue;
                };
                if date < incident {
                    let mut d = ACTION_ITEM_DUE
                        .diagnostic(
                            deadline.span.clone(),
                            format!("the due date {date} is before the incident ({incident})"),
                        )
                        .with_help("correct the due date: work planned after an incident is due after it");
                    if let Some(title) = &report.title {
                        d = d.with_label(title.span.clone(), format!("the incident began on {incident}"));
                    }
                    out.push(d);
                }
            }
            DateReading::Impossible => out.push(
                ACTION_ITEM_DUE
                    .diagnostic(
                        deadline.span.clone(),
                        format!("the due date `{text}` does not exist"),
                    )
                    .with_help("write the real calendar date: `Due: 2025-10-28`"),
            ),
            DateReading::NotADate => out.push(
                ACTION_ITEM_DUE
                    .diagnostic(
                        deadline.span.clone(),
                        format!("the due date `{text}` is not a date"),
                    )
                    .with_help("write a calendar date, e.g. `Due: 2025-10-28`, so anyone can tell when it is late"),
            ),
            DateReading::NoYear => {}
        }
    }
}

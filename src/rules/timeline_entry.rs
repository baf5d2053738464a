use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that every timeline entry (list item, table row or line)
    /// starts with a time that parses (`08:41`, `08:41:07`, `2025-10-14
    /// 08:41`), and names the entries that do not.
    ///
    /// Details nested under a timed entry, date lines (`### 2025-10-14`,
    /// `**October 14, 2025**`) and sentences such as "All times are UTC"
    /// are not entries.
    ///
    /// A time whose minutes have one digit (`1:7`) is reported too; it is
    /// not fixed automatically, since `1:7` may be a slip for `1:17`.
    ///
    /// ## Why is this bad?
    /// An entry without a time cannot be placed on the timeline: readers
    /// cannot tell when it happened, and the time to detect, mitigate and
    /// resolve cannot be measured.
    ///
    /// ## Example
    /// ```markdown
    /// - 08:41 - First order request times out
    /// - Rollback started
    /// - 9:6 - Rollback finished
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// - 08:41 - First order request times out
    /// - 09:00 - Rollback started
    /// - 09:06 - Rollback finished
    /// ```
    pub(crate) static TIMELINE_ENTRY = {
        id: "timeline-entry",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "Every timeline entry starts with a time that parses",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let timeline = &report.timeline;
    if timeline.entries.is_empty() && timeline.malformed.len() > 1 {
        let first = &timeline.malformed[0];
        let mut d = TIMELINE_ENTRY
            .diagnostic(
                first.span.clone(),
                format!(
                    "none of the {} timeline entries starts with a time",
                    timeline.malformed.len()
                ),
            )
            .with_help("start each entry with the UTC time it happened: `- 08:41 - what happened`");
        if let Some(last) = timeline.malformed.last() {
            d = d.with_label(last.span.clone(), "nor does this one");
        }
        out.push(d);
        return;
    }
    for m in &timeline.malformed {
        let found = if m.found.is_empty() {
            "nothing".to_string()
        } else {
            format!("`{}`", m.found.trim())
        };
        out.push(
            TIMELINE_ENTRY
                .diagnostic(
                    m.span.clone(),
                    format!("this timeline entry starts with {found}, not a time"),
                )
                .with_help(
                    "start the entry with the UTC time it happened: `- 08:41 - what happened`",
                ),
        );
    }
    for e in &timeline.entries {
        let Some(c) = &e.clock else { continue };
        if !c.short_minute {
            continue;
        }
        let written = report.doc.text(&c.clock_span);
        let fixed = format!("{}:{:02}", c.hour, c.minute);
        out.push(
            TIMELINE_ENTRY
                .diagnostic(
                    c.clock_span.clone(),
                    format!("`{written}` is not a time: the minutes need two digits"),
                )
                .with_help(format!(
                    "write the minutes with two digits (`{fixed}`, if that is the time)"
                )),
        );
    }
}

use crate::diagnostic::Diagnostic;
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that every date and time in the report exists: no
    /// `2025-02-30`, `2025-02-29` (not a leap year), `2025-13-01`, `25:10`,
    /// `12:60` or `13:00 PM`. `24:00` is accepted as the end of a day.
    /// Dates and times in front matter (`started`, `detected`, `mitigated`,
    /// `resolved`) must be ISO 8601 with a zone.
    ///
    /// The title's date is checked by `title-format`; a time whose minutes
    /// have one digit (`9:5`) in a timeline entry by `timeline-entry`.
    ///
    /// ## Why is this bad?
    /// An impossible date or time is a typo that hides the real one; every
    /// duration and ordering computed from it is wrong, and readers cannot
    /// tell what was meant.
    ///
    /// ## Example
    /// ```markdown
    /// Between 08:41 and 09:17 UTC on 2025-02-30, orders failed.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// Between 08:41 and 09:17 UTC on 2025-02-28, orders failed.
    /// ```
    pub(crate) static INVALID_DATETIME = {
        id: "invalid-datetime",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "No impossible date or time (2025-02-30, 25:10)",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for clock in &report.times.clocks {
        if clock.short_minute {
            continue;
        }
        // `30:70` is more likely a ratio than a time: only hours up to 29
        // (or a 12-hour time) count.
        if clock.meridiem.is_none() && clock.hour > 29 {
            continue;
        }
        if let Err(why) = clock.resolve() {
            let written = report.doc.text(&clock.clock_span);
            out.push(
                INVALID_DATETIME
                    .diagnostic(
                        clock.clock_span.clone(),
                        format!("`{written}` is not a time of day: {}", why.0),
                    )
                    .with_help("write the real time, on the 24-hour clock (00:00 to 23:59)"),
            );
        }
    }
    for date in &report.times.dates {
        let Some(why) = date.impossible() else {
            continue;
        };
        let written = report.doc.text(&date.span);
        out.push(
            INVALID_DATETIME
                .diagnostic(
                    date.span.clone(),
                    format!("`{written}` is not a real date: {}", why.0),
                )
                .with_help("write the real date (YYYY-MM-DD)"),
        );
    }
    let fm = &report.front_matter;
    if let Some(block) = &fm.span {
        for (key, problem) in &fm.errors {
            if !matches!(
                key.as_str(),
                "started" | "detected" | "mitigated" | "resolved"
            ) {
                continue;
            }
            let text = report.doc.text(block);
            let span = text
                .match_indices(&format!("{key}:"))
                .find(|(i, _)| *i == 0 || text.as_bytes()[i - 1] == b'\n')
                .map_or_else(
                    || block.clone(),
                    |(i, _)| report.doc.line_span(block.start + i),
                );
            out.push(
                INVALID_DATETIME
                    .diagnostic(span, format!("front matter `{key}`: {problem}"))
                    .with_help(format!(
                        "write `{key}: 2025-10-14T08:41:00Z`, the UTC date and time"
                    )),
            );
        }
    }
}

use chrono::Timelike;

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::timeline::Entry;

declare_rule! {
    /// ## What it does
    /// Checks that timeline entries are listed in chronological order.
    ///
    /// An entry's date is the one it states, else the last date line above
    /// it (`### 2025-10-14`, `**October 14, 2025**`), else the report's date.
    /// A step from late evening to early morning (`23:55` then `00:10`) is
    /// read as the next day; any other step backwards is out of order.
    ///
    /// ## Why is this bad?
    /// Readers follow a timeline top to bottom to understand cause and
    /// effect. An entry out of place usually means a typo in a time, a time
    /// in another zone or on the 12-hour clock, and it makes the incident's
    /// durations wrong.
    ///
    /// ## Example
    /// ```markdown
    /// - 08:41 - Errors start
    /// - 09:00 - Rollback starts
    /// - 08:47 - Alert pages the on-call engineer
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// - 08:41 - Errors start
    /// - 08:47 - Alert pages the on-call engineer
    /// - 09:00 - Rollback starts
    /// ```
    pub(crate) static TIMELINE_ORDER = {
        id: "timeline-order",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "Timeline entries are in chronological order",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    // Period entries (`16:20 - 16:45 - …`) summarise a stretch of time and
    // are not ordered by their start.
    let entries: Vec<&Entry> = report
        .timeline
        .entries
        .iter()
        .filter(|e| e.order_key.is_some() && e.until.is_none())
        .collect();
    let mut i = 0;
    while i + 1 < entries.len() {
        if !goes_back(report, entries[i], entries[i + 1]) {
            i += 1;
            continue;
        }
        // A run of steps backwards (`13:28:29`, `13:28:24`, `13:28:20`) is
        // a timeline written newest first: one finding for the run.
        let mut j = i + 1;
        while j + 1 < entries.len() && goes_back(report, entries[j], entries[j + 1]) {
            j += 1;
        }
        if j > i + 1 {
            let written = |e: &Entry| report.doc.text(&e.time_span).trim().to_string();
            out.push(
                TIMELINE_ORDER
                    .diagnostic(
                        entries[i].span.clone(),
                        format!(
                            "{} entries from {} to {} are listed newest first",
                            j - i + 1,
                            written(entries[i]),
                            written(entries[j])
                        ),
                    )
                    .with_label(
                        entries[j].span.clone(),
                        format!("{} is listed here, last", written(entries[j])),
                    )
                    .with_help("list timeline entries in chronological order, oldest first"),
            );
        } else {
            out.push(diagnostic(report, entries[i], entries[j]));
        }
        i = j;
    }
}

/// True when `later` (listed after `earlier`) happened before it, at the
/// precision both are written with.
fn goes_back(report: &Report<'_>, earlier: &Entry, later: &Entry) -> bool {
    let (Some(a), Some(b)) = (earlier.order_key, later.order_key) else {
        return false;
    };
    // A date-only entry is compared by its date.
    if earlier.clock.is_none() || later.clock.is_none() {
        return b.date() < a.date();
    }
    // `17:50` and `17:50:02`: compare to the minute.
    let seconds = |e: &Entry| {
        e.clock
            .as_ref()
            .is_some_and(|c| report.doc.text(&c.clock_span).matches(':').count() >= 2)
    };
    if seconds(earlier) && seconds(later) {
        b < a
    } else {
        let minute = |t: chrono::NaiveDateTime| {
            t.with_second(0)
                .unwrap_or(t)
                .with_nanosecond(0)
                .unwrap_or(t)
        };
        minute(b) < minute(a)
    }
}

fn diagnostic(report: &Report<'_>, earlier: &Entry, later: &Entry) -> Diagnostic {
    let written = |e: &Entry| report.doc.text(&e.time_span).trim().to_string();
    let dated = match (earlier.order_key, later.order_key) {
        (Some(a), Some(b)) => a.date() != b.date() && earlier.day.is_some(),
        _ => false,
    };
    // When the days differ, say which day each entry was read as.
    let describe = |e: &Entry| match (dated, e.order_key) {
        (true, Some(at)) if e.date.is_none() => {
            format!("{} ({})", written(e), at.format("%Y-%m-%d"))
        }
        _ => written(e),
    };
    let (a, b) = (describe(earlier), describe(later));
    let mut help = "list timeline entries in chronological order".to_string();
    // `12:59` then `1:01`: probably the 12-hour clock without AM/PM.
    if let (Some(t), Some(p), Some(c)) = (later.time, earlier.time, &later.clock) {
        if c.meridiem.is_none() && t.hour() < 12 && t.hour() + 12 >= p.hour() && p.hour() >= 12 {
            help = format!(
                "if `{}` is in the afternoon, write it on the 24-hour clock ({:02}:{:02}); otherwise list the entries in chronological order",
                written(later),
                t.hour() + 12,
                t.minute()
            );
        }
    }
    TIMELINE_ORDER
        .diagnostic(
            earlier.span.clone(),
            format!("{a} comes after {b} but is listed before it"),
        )
        .with_label(later.span.clone(), format!("{b} is listed here"))
        .with_help(help)
}

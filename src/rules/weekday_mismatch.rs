use chrono::Datelike;

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::time::weekday_name;

declare_rule! {
    /// ## What it does
    /// Checks that a weekday written next to a date (`Tuesday, October 14,
    /// 2025`, `2025-10-14 (Tue)`) is that date's weekday.
    ///
    /// ## Why is this bad?
    /// When the weekday and the date disagree, one of them is wrong and the
    /// reader cannot tell which; the date of the incident becomes uncertain.
    ///
    /// ## Example
    /// ```markdown
    /// _Monday, October 14, 2025_
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// _Tuesday, October 14, 2025_
    /// ```
    pub(crate) static WEEKDAY_MISMATCH = {
        id: "weekday-mismatch",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "A weekday written next to a date is that date's weekday",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for date in &report.times.dates {
        let (Some(day), Some((span, written))) = (date.date, &date.weekday) else {
            continue;
        };
        let actual = day.weekday();
        if actual == *written {
            continue;
        }
        // `03/04/2025` may be day/month: quiet if that reading fits.
        let swapped = chrono::NaiveDate::from_ymd_opt(date.year, date.day, date.month);
        if date.ambiguous && swapped.is_some_and(|d| d.weekday() == *written) {
            continue;
        }
        let text = report.doc.text(&date.span);
        out.push(
            WEEKDAY_MISMATCH
                .diagnostic(
                    span.clone(),
                    format!(
                        "this says {}, but {text} is a {}",
                        weekday_name(*written),
                        weekday_name(actual)
                    ),
                )
                .with_label(
                    date.span.clone(),
                    format!("{text} is a {}", weekday_name(actual)),
                )
                .with_help(format!(
                    "write {} or correct the date",
                    weekday_name(actual)
                )),
        );
    }
}

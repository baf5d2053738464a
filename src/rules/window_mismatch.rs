use std::sync::LazyLock;

use crate::model::pattern::{self, Twin};
use chrono::{Datelike, NaiveDateTime, TimeDelta, Timelike};

use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::model::Report;
use crate::model::time::{self, Place, StatedWindow};

declare_rule! {
    /// ## What it does
    /// Checks that the incident window stated in different places agrees:
    ///
    /// - the window in Summary and the window in Impact
    ///   ("Between 08:41 and 09:17 UTC");
    /// - the title's time (`# Incident: 2025-10-14 08-41-00`) and the start
    ///   of the incident (front matter `started`, else the Impact window,
    ///   else the Summary window);
    /// - that window and the timeline: the window must fall within the times
    ///   the timeline covers. Lead-up events before the start and follow-up
    ///   events after the end are normal and not reported.
    ///
    /// Times agree within a minute, or within 10% of the window's length
    /// when written with "about", "~" or "around".
    ///
    /// ## Why is this bad?
    /// When the summary, the impact statement and the timeline give
    /// different times, readers cannot tell how long customers were
    /// affected, and the metrics drawn from the report are wrong. The usual
    /// cause is a time copied in local time, or an edit made in one place
    /// only.
    ///
    /// ## Example
    /// ```markdown
    /// # Incident: 2025-10-14 14-41-00
    /// ## Summary
    /// Between 08:41 and 09:17 UTC on 2025-10-14, orders failed.
    /// ## Impact
    /// For 36 minutes between 08:45 UTC and 09:17 UTC, 212 users …
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// # Incident: 2025-10-14 08-41-00
    /// ## Summary
    /// Between 08:41 and 09:17 UTC on 2025-10-14, orders failed.
    /// ## Impact
    /// For 36 minutes between 08:41 UTC and 09:17 UTC, 212 users …
    /// ```
    pub(crate) static WINDOW_MISMATCH = {
        id: "window-mismatch",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "The incident window stated in Summary, Impact, the title and the timeline agree",
        check: check,
    }
}

/// A date and a time of day, as a title writes them.
static TITLE_TIME: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"\d{4}-\d{2}-\d{2}[ T_]+\d{1,2}[-:]\d{2}"));

/// Whether [`TITLE_TIME`] matches `text`: a byte scan when the text is
/// [`pattern::plain`], so that the pattern is compiled only for other text.
fn has_title_time(text: &str) -> bool {
    if !pattern::plain(text) {
        return TITLE_TIME.is_match(text);
    }
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| {
        b.get(at..at + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let is = |at: usize, set: &[u8]| b.get(at).is_some_and(|c| set.contains(c));
    // `\d{1,2}[-:]\d{2}` at `at`.
    let clock = |at: usize| {
        (digits(at, 1) && is(at + 1, b"-:") && digits(at + 2, 2))
            || (digits(at, 2) && is(at + 2, b"-:") && digits(at + 3, 2))
    };
    (0..b.len()).any(|at| {
        let date = digits(at, 4)
            && is(at + 4, b"-")
            && digits(at + 5, 2)
            && is(at + 7, b"-")
            && digits(at + 8, 2);
        if !date || !is(at + 10, b" T_") {
            return false;
        }
        // `[ T_]+` holds no digit, so taking all of it loses no match.
        let time = (at + 10..b.len())
            .find(|&i| !is(i, b" T_"))
            .unwrap_or(b.len());
        clock(time)
    })
}

fn tolerance(approximate: bool, length: TimeDelta) -> TimeDelta {
    let minute = TimeDelta::minutes(1);
    if approximate {
        (length / 10).max(minute)
    } else {
        minute
    }
}

fn close(a: NaiveDateTime, b: NaiveDateTime, tol: TimeDelta) -> bool {
    (a - b).abs() <= tol
}

/// `2025-01-31 14:05 UTC`, or `14:05 UTC` without the date.
fn show(at: NaiveDateTime, with_date: bool) -> String {
    let mut text = String::with_capacity(20);
    push_time(&mut text, at, with_date);
    text
}

/// `14:05 UTC to 14:50 UTC`, with the dates when `with_date`.
fn show_window(w: (NaiveDateTime, NaiveDateTime), with_date: bool) -> String {
    let mut text = String::with_capacity(44);
    push_time(&mut text, w.0, with_date);
    text.push_str(" to ");
    push_time(&mut text, w.1, with_date);
    text
}

/// Writes what [`show`] returns, digit by digit: a chrono format string is
/// parsed on every call, and `format!`'s padding costs more than the
/// digits (years outside 0-9999 go through `write!`). A test compares
/// the two.
fn push_time(text: &mut String, at: NaiveDateTime, with_date: bool) {
    let two = |text: &mut String, n: u32| {
        text.push(char::from(b'0' + (n / 10 % 10) as u8));
        text.push(char::from(b'0' + (n % 10) as u8));
    };
    if with_date {
        match u32::try_from(at.year()) {
            Ok(year) if year <= 9999 => {
                two(text, year / 100);
                two(text, year % 100);
            }
            _ => {
                use std::fmt::Write;
                let _ = write!(text, "{:04}", at.year());
            }
        }
        text.push('-');
        two(text, at.month());
        text.push('-');
        two(text, at.day());
        text.push(' ');
    }
    two(text, at.hour());
    text.push(':');
    two(text, at.minute());
    text.push_str(" UTC");
}

/// The help for two times that disagree; says so when they differ by a
/// whole number of hours, the mark of a time left in local time.
fn help_for(a: NaiveDateTime, b: NaiveDateTime, action: &str) -> String {
    let diff = (a - b).abs();
    let hours = diff.num_hours();
    if (1..=14).contains(&hours) && diff == TimeDelta::hours(hours) {
        format!(
            "{action}; the two differ by exactly {hours} hour{}, so one is probably in local time rather than UTC",
            if hours == 1 { "" } else { "s" }
        )
    } else {
        action.to_string()
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let windows = &report.times.windows;
    let resolved = |place: Place| -> Vec<&StatedWindow> {
        windows
            .iter()
            .filter(|w| w.place == place && w.at.is_some())
            .collect()
    };
    let (summary, impact) = (resolved(Place::Summary), resolved(Place::Impact));

    // Summary against Impact: the main (first) window of each must match
    // some window of the other.
    if let (Some(s), Some(i)) = (summary.first(), impact.first()) {
        // Times of day only, when either window leaves its date unsaid.
        let pair = |a: &StatedWindow, b: &StatedWindow| {
            if a.window.date.is_some() && b.window.date.is_some() {
                return (a.at, b.at);
            }
            let day = a.at.or(b.at).map(|w| w.0.date());
            (a.window.resolve(day), b.window.resolve(day))
        };
        let matches = |a: &StatedWindow, b: &StatedWindow| {
            let (Some(x), Some(y)) = pair(a, b) else {
                return true;
            };
            let tol = tolerance(
                a.window.approximate || b.window.approximate,
                (x.1 - x.0).max(y.1 - y.0),
            );
            let approximate = a.window.approximate || b.window.approximate;
            let contains = |p: (NaiveDateTime, NaiveDateTime),
                            q: (NaiveDateTime, NaiveDateTime)| {
                p.0 <= q.0 && q.1 <= p.1
            };
            (close(x.0, y.0, tol) && close(x.1, y.1, tol))
                || (approximate && (contains(x, y) || contains(y, x)))
        };
        if !impact.iter().any(|w| matches(s, w)) && !summary.iter().any(|w| matches(w, i)) {
            if let (Some(sa), Some(ia)) = pair(s, i) {
                let dated = sa.0.date() != ia.0.date() || sa.1.date() != ia.1.date();
                out.push(
                    WINDOW_MISMATCH
                        .diagnostic(
                            i.window.span.clone(),
                            format!(
                                "Impact says {}, but Summary says {}",
                                show_window(ia, dated),
                                show_window(sa, dated)
                            ),
                        )
                        .with_label(
                            s.window.span.clone(),
                            format!("Summary says {}", show_window(sa, dated)),
                        )
                        .with_help(help_for(
                            ia.0,
                            sa.0,
                            "state the same start and end in Summary and Impact",
                        )),
                );
            }
        }
    }

    // The incident's start: front matter, else Impact, else Summary.
    let stated = impact.first().or(summary.first()).copied();
    let start: Option<(NaiveDateTime, Span, String, bool)> =
        match (report.front_matter.started, stated) {
            (Some(started), _) => report.front_matter.span.clone().map(|span| {
                let text = report.doc.text(&span);
                let span = text
                    .find("started:")
                    .map_or(span.clone(), |i| report.doc.line_span(span.start + i));
                (
                    started.naive_utc(),
                    span,
                    "the front matter".to_string(),
                    false,
                )
            }),
            (None, Some(w)) => w.at.map(|at| {
                (
                    at.0,
                    w.window.start.span.clone(),
                    w.place.name().to_string(),
                    w.window.approximate,
                )
            }),
            (None, None) => None,
        };

    // The title's time against the start.
    let title = report.title.as_ref().filter(|t| has_title_time(&t.text));
    // The title's time in UTC (a zone written after it is applied).
    let title_utc = title.and_then(|t| {
        // To the minute, as the other places write it.
        let at = t.datetime?.with_second(0)?;
        let offset = time::zone_offset(time::title_zone(&t.text).as_ref(), at.date())?;
        Some(at - offset)
    });
    if let (Some(title), Some((at, span, place, approximate))) = (title, &start) {
        if let Some(title_at) = title_utc {
            let length = stated
                .and_then(|w| w.at)
                .map_or(TimeDelta::zero(), |w| w.1 - w.0);
            if !close(title_at, *at, tolerance(*approximate, length)) {
                let dated = title_at.date() != at.date();
                out.push(
                    WINDOW_MISMATCH
                        .diagnostic(
                            title.span.clone(),
                            format!(
                                "the title says the incident began at {}, but {place} says {}",
                                show(title_at, dated),
                                show(*at, dated)
                            ),
                        )
                        .with_label(span.clone(), format!("{place} says {}", show(*at, dated)))
                        .with_help(help_for(
                            title_at,
                            *at,
                            "make the title the UTC date and time the incident began",
                        )),
                );
            }
        }
    }

    // The stated window (or the title) against the timeline's span.
    let times: Vec<(NaiveDateTime, &Span)> = report
        .timeline
        .entries
        .iter()
        .filter_map(|e| e.at.map(|at| (at, &e.span)))
        .collect();
    let (Some(first), Some(last)) = (
        times.iter().min_by_key(|(at, _)| *at),
        times.iter().max_by_key(|(at, _)| *at),
    ) else {
        return;
    };
    let slack = TimeDelta::minutes(1);
    if let Some(w) = stated {
        let Some((s, e)) = w.at else { return };
        // No overlap at all with what the timeline covers.
        if s > last.0 + slack || e < first.0 - slack {
            let dated = s.date() != first.0.date() || e.date() != last.0.date();
            out.push(
                WINDOW_MISMATCH
                    .diagnostic(
                        w.window.span.clone(),
                        format!(
                            "{} says {}, but the timeline runs from {} to {}",
                            w.place.name(),
                            show_window((s, e), dated),
                            show(first.0, dated),
                            show(last.0, dated)
                        ),
                    )
                    .with_label(first.1.clone(), "the timeline starts here")
                    .with_help(help_for(
                        s,
                        first.0,
                        "use the same times (in UTC) in the window and the timeline",
                    )),
            );
        }
    } else if report.front_matter.started.is_none() {
        if let Some(title_at) = title_utc {
            if title_at > last.0 + slack || title_at < first.0 - TimeDelta::hours(1) {
                let dated = title_at.date() != first.0.date() || title_at.date() != last.0.date();
                if let Some(title) = title {
                    out.push(
                        WINDOW_MISMATCH
                            .diagnostic(
                                title.span.clone(),
                                format!(
                                    "the title says the incident began at {}, but the timeline runs from {} to {}",
                                    show(title_at, dated),
                                    show(first.0, dated),
                                    show(last.0, dated)
                                ),
                            )
                            .with_label(first.1.clone(), "the timeline starts here")
                            .with_help(help_for(title_at, first.0, "make the title the UTC date and time the incident began")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_writes_what_the_chrono_format_writes() {
        for (y, mo, d, h, mi) in [
            (2025, 1, 31, 14, 5),
            (999, 12, 1, 0, 0),
            (2024, 2, 29, 23, 59),
            (0, 1, 1, 9, 30),
            (9999, 12, 31, 23, 59),
        ] {
            let at = chrono::NaiveDate::from_ymd_opt(y, mo, d)
                .and_then(|date| date.and_hms_opt(h, mi, 0))
                .unwrap();
            assert_eq!(show(at, true), at.format("%Y-%m-%d %H:%M UTC").to_string());
            assert_eq!(show(at, false), at.format("%H:%M UTC").to_string());
            assert_eq!(
                show_window((at, at), true),
                at.format("%Y-%m-%d %H:%M UTC to %Y-%m-%d %H:%M UTC")
                    .to_string()
            );
        }
        // Outside 0-9999 (no date the model reads), `{:04}` as before,
        // where chrono would write a sign.
        for (y, shown) in [
            (10000, "10000-01-01 00:00 UTC"),
            (-7, "-007-01-01 00:00 UTC"),
        ] {
            let at = chrono::NaiveDate::from_ymd_opt(y, 1, 1)
                .and_then(|date| date.and_hms_opt(0, 0, 0))
                .unwrap();
            assert_eq!(show(at, true), shown);
        }
    }

    #[test]
    fn has_title_time_agrees_with_its_pattern() {
        let mut texts: Vec<String> = [
            "",
            "Incident: 2025-01-31 14-05-00",
            "Incident: 2025-01-31T9:05",
            "Incident: 2025-01-31 _ T 14:05 UTC",
            "Incident: 2025-01-31",
            "2025-01-31 14",
            "2025-01-31 1:5",
            "12025-01-31  7-30",
            "2025-1-31 14:05",
            "2025-01-31 — 14:05",
            "Incident – 2025-01-31 14:05",
            "Incident: ٢٠٢٥-01-31 14:05",
            "Incident: 2025-01-31 ١٤:05",
            "“2025-01-31 14:05”",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every cut of a full title, and every byte of it changed.
        let full = "# Incident: 2025-01-31 T14:05:00 UTC";
        for end in 0..=full.len() {
            texts.push(full[..end].to_string());
            for with in ["x", "5", " ", "-", ":", "T"] {
                let mut changed = full.to_string();
                if end < full.len() {
                    changed.replace_range(end..end + 1, with);
                    texts.push(changed);
                }
            }
        }
        for text in &texts {
            assert_eq!(has_title_time(text), TITLE_TIME.is_match(text), "{text:?}");
        }
        assert!(texts.iter().any(|t| has_title_time(t)));
        assert!(texts.iter().any(|t| !has_title_time(t)));
    }
}

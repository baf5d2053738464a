use chrono::{NaiveTime, TimeDelta};

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::time::ClockTime;

declare_rule! {
    /// ## What it does
    /// Checks that no time in the report is written in a zone other than UTC
    /// (`MST`, `PDT`, `CET`, `+02:00`, "local time"), and, in a timeline
    /// whose entries mostly say `UTC`, that no entry leaves its zone out (a
    /// first entry marked UTC counts for the entries below it).
    ///
    /// The message names the zone it found and, when the zone has a fixed
    /// offset, the same time in UTC.
    ///
    /// ## Why is this bad?
    /// A report mixing zones makes readers convert in their heads, and the
    /// conversions go wrong (daylight saving, dates that change at
    /// midnight). Incident times are compared with logs and alerts, which
    /// are in UTC.
    ///
    /// ## Example
    /// ```markdown
    /// The alert fired at 2:47 PM MDT.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// The alert fired at 20:47 UTC.
    /// ```
    pub(crate) static NON_UTC_TIME = {
        id: "non-utc-time",
        family: Time,
        severity: Warning,
        fix: Never,
        summary: "No time in the report is in another zone, or unmarked where the report marks UTC",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for clock in &report.times.clocks {
        let Some(zone) = &clock.zone else { continue };
        if zone.is_utc() {
            continue;
        }
        let written = report.doc.text(&clock.span);
        let help = match utc_equivalent(clock, report.times.report_date) {
            Some(utc) => format!("write the time in UTC: `{utc} UTC`"),
            None => "write the time in UTC".to_string(),
        };
        let what = if zone.name.to_ascii_lowercase().contains("local") {
            "local time".to_string()
        } else {
            zone.name.clone()
        };
        out.push(
            NON_UTC_TIME
                .diagnostic(
                    clock.span.clone(),
                    format!("`{written}` is in {what}, not UTC"),
                )
                .with_help(help),
        );
    }
    // Entries without a zone in a timeline whose other entries say UTC.
    let timeline = &report.timeline;
    if timeline.utc_declared.is_some() || timeline.other_zone_declared.is_some() {
        return;
    }
    let clocks: Vec<_> = timeline
        .entries
        .iter()
        .filter_map(|e| e.clock.as_ref())
        .collect();
    let is_utc = |c: &ClockTime| c.zone.as_ref().is_some_and(|z| z.is_utc());
    // A first entry that says UTC sets the zone for the ones below it
    // (`Apr 02 20:11 UTC`, then `21:16`, `21:25` …); otherwise the marked
    // entries must be most of them for the unmarked ones to stand out.
    if clocks.first().is_some_and(|c| is_utc(c)) {
        return;
    }
    let marked_count = clocks.iter().filter(|c| is_utc(c)).count();
    if marked_count * 2 <= clocks.len() {
        return;
    }
    let Some(marked) = clocks.iter().find(|c| is_utc(c)) else {
        return;
    };
    for entry in &timeline.entries {
        let Some(clock) = &entry.clock else { continue };
        if clock.zone.is_some() {
            continue;
        }
        let written = report.doc.text(&clock.span);
        out.push(
            NON_UTC_TIME
                .diagnostic(
                    clock.span.clone(),
                    format!("`{written}` has no zone, while other timeline entries say UTC"),
                )
                .with_label(marked.span.clone(), "this entry says UTC")
                .with_help(format!(
                    "write `{written} UTC`, or say `All times are UTC.` under the Timeline heading"
                )),
        );
    }
}

/// The time in UTC (`22:20`), when the zone's offset is known.
fn utc_equivalent(clock: &ClockTime, date: Option<chrono::NaiveDate>) -> Option<String> {
    let zone = clock.zone.as_ref()?;
    let offset = match date {
        Some(date) => zone.offset_on(date)?,
        None => zone.offset_minutes?,
    };
    let time: NaiveTime = clock.time()?;
    let (utc, _) = time.overflowing_sub_signed(TimeDelta::minutes(i64::from(offset)));
    Some(utc.format("%H:%M").to_string())
}

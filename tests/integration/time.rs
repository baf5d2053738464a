//! Time rules: fixtures that fire (at exactly these lines) and fixtures that
//! stay quiet, for every form of time the timeline parser reads.

use crate::common::*;

#[test]
fn clean_example_has_no_time_findings() {
    let diags = check_str("incident-2025-10-14-1.md", CLEAN_REPORT);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn timeline_utc() {
    assert_fires("timeline-utc", "fire-no-zone.md", &[19]);
    assert_fires("timeline-utc", "fire-other-zone.md", &[21]);
    assert_fires("timeline-utc", "fire-utc-offset.md", &[21]);
    assert_quiet_fixtures("timeline-utc");
}

#[test]
fn timeline_entry() {
    assert_fires("timeline-entry", "fire-missing-time.md", &[24, 25]);
    assert_fires("timeline-entry", "fire-no-times.md", &[21]);
    assert_fires("timeline-entry", "fire-table-row.md", &[24]);
    assert_quiet_fixtures("timeline-entry");
}

#[test]
fn timeline_entry_names_what_it_found_and_short_minutes() {
    let (_, diags) = check_fixture("timeline-entry", "fire-missing-time.md");
    let found: Vec<_> = diags
        .iter()
        .filter(|d| d.rule == "timeline-entry")
        .collect();
    assert_eq!(
        found[0].message,
        "this timeline entry starts with `Cart reads start failing`, not a time"
    );
    assert_eq!(
        found[1].message,
        "`14:3` is not a time: the minutes need two digits"
    );
    assert!(found[1].fix.is_none(), "14:3 may be 14:03 or 14:30: no fix");
    assert!(found[1].help.as_deref().unwrap_or("").contains("`14:03`"));
}

#[test]
fn timeline_order() {
    assert_fires("timeline-order", "fire-swapped.md", &[24]);
    assert_fires("timeline-order", "fire-newest-first.md", &[23]);
    assert_fires("timeline-order", "fire-twelve-hour.md", &[24]);
    assert_fires("timeline-order", "fire-date-lines.md", &[25]);
    assert_quiet_fixtures("timeline-order");
}

#[test]
fn timeline_order_labels_both_entries_and_suspects_the_12_hour_clock() {
    let (text, diags) = check_fixture("timeline-order", "fire-twelve-hour.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "timeline-order")
        .expect("fires");
    assert_eq!(d.message, "12:05 comes after 1:10 but is listed before it");
    assert_eq!(d.labels.len(), 1);
    assert!(text[d.labels[0].span.clone()].contains("1:10 - Config reverted"));
    assert!(d.help.as_deref().unwrap_or("").contains("13:10"), "{d:#?}");
}

#[test]
fn twelve_hour_clock() {
    assert_fires("twelve-hour-clock", "fire-am-pm.md", &[23, 24, 36]);
    assert_quiet_fixtures("twelve-hour-clock");
    let (_, diags) = check_fixture("twelve-hour-clock", "fire-am-pm.md");
    let fixes: Vec<_> = diags
        .iter()
        .filter(|d| d.rule == "twelve-hour-clock")
        .filter_map(|d| d.fix.as_ref())
        .map(|f| f.edits[0].replacement.clone())
        .collect();
    assert_eq!(fixes, ["13:58", "14:05", "09:00"]);
}

#[test]
fn non_utc_time() {
    assert_fires("non-utc-time", "fire-zones.md", &[38, 38, 39, 39]);
    assert_fires("non-utc-time", "fire-unmarked-entry.md", &[21]);
    assert_quiet_fixtures("non-utc-time");
    let (_, diags) = check_fixture("non-utc-time", "fire-zones.md");
    let first = diags.iter().find(|d| d.rule == "non-utc-time").unwrap();
    assert_eq!(first.message, "`06:40 MST` is in MST, not UTC");
    assert_eq!(
        first.help.as_deref(),
        Some("write the time in UTC: `13:40 UTC`")
    );
}

#[test]
fn invalid_datetime() {
    assert_fires(
        "invalid-datetime",
        "fire-impossible.md",
        &[38, 38, 39, 39, 39],
    );
    assert_quiet_fixtures("invalid-datetime");
}

#[test]
fn weekday_mismatch() {
    assert_fires("weekday-mismatch", "fire-weekday.md", &[5, 14]);
    assert_quiet_fixtures("weekday-mismatch");
    let (text, diags) = check_fixture("weekday-mismatch", "fire-weekday.md");
    let d = diags.iter().find(|d| d.rule == "weekday-mismatch").unwrap();
    assert_eq!(&text[d.span.clone()], "Monday");
    assert_eq!(
        d.message,
        "this says Monday, but October 14, 2025 is a Tuesday"
    );
    assert_eq!(&text[d.labels[0].span.clone()], "October 14, 2025");
}

#[test]
fn duration_mismatch() {
    assert_fires("duration-mismatch", "fire-durations.md", &[5, 15]);
    assert_quiet_fixtures("duration-mismatch");
    let (text, diags) = check_fixture("duration-mismatch", "fire-durations.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "duration-mismatch")
        .unwrap();
    assert_eq!(&text[d.span.clone()], "30 minutes");
    assert_eq!(
        d.message,
        "this says 30 minutes, but 14:05 to 14:50 is 45 minutes"
    );
    assert_eq!(d.labels[0].message, "14:05 to 14:50 is 45 minutes");
}

#[test]
fn window_mismatch() {
    assert_fires("window-mismatch", "fire-summary-impact.md", &[1, 16]);
    assert_fires("window-mismatch", "fire-title.md", &[1]);
    assert_fires("window-mismatch", "fire-timeline.md", &[14]);
    assert_quiet_fixtures("window-mismatch");
    let (_, diags) = check_fixture("window-mismatch", "fire-title.md");
    let d = diags.iter().find(|d| d.rule == "window-mismatch").unwrap();
    assert_eq!(
        d.message,
        "the title says the incident began at 07:05 UTC, but Impact says 14:05 UTC"
    );
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("differ by exactly 7 hours"),
        "{d:#?}"
    );
}

/// The time rules say nothing about a report whose sections hold only the
/// template's guidance.
#[test]
fn unwritten_report_is_quiet() {
    let text = "# Incident: 2025-03-11 14-05-00\n\n## Summary\n\n> [!NOTE]\n> Write a summary of the incident: between 08:41 and 09:17 UTC …\n\n## Timeline\n\n> [!NOTE]\n> List what happened when, e.g. `- 4:20 PM - alert fired`.\n";
    let diags = check_str("incident-2025-03-11-1.md", text);
    let time_rules: Vec<_> = diags
        .iter()
        .filter(|d| {
            incident::rules::find(d.rule).is_some_and(|r| r.family == incident::rules::Family::Time)
        })
        .collect();
    assert!(time_rules.is_empty(), "{time_rules:#?}");
}

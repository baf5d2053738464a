//! Action-item rules and the action-item model.

use chrono::NaiveDate;
use incident::document::Document;
use incident::model::Report;
use incident::model::actions::DateReading;
use incident::templates::{DEFAULT_TEMPLATE, builtin};

use crate::common::*;

const RULES: [&str; 3] = [
    "action-item-owner",
    "action-item-due",
    "action-item-tracking",
];

fn report(text: &str) -> Report<'static> {
    Report::build(
        "incident-2025-10-14-1.md",
        Document::parse(text.to_string()),
        builtin(DEFAULT_TEMPLATE).expect("default template"),
        &[],
    )
}

fn fixture_report(rule: &str, file: &str) -> Report<'static> {
    report(&check_fixture(rule, file).0)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid date")
}

#[test]
fn clean_example_exposes_its_action_items() {
    let r = report(CLEAN_REPORT);
    let items = &r.actions.items;
    assert_eq!(items.len(), 3);
    let first = &items[0];
    assert_eq!(
        first.text,
        "Fail the deploy when `db.pool.size` is missing from the configuration (Owner: Dana Kim, Due: 2025-10-28, Issue: OPS-118)"
    );
    assert_eq!(
        first.owner.as_ref().map(|o| o.text.as_str()),
        Some("Dana Kim")
    );
    assert_eq!(first.due, Some(date("2025-10-28")));
    assert_eq!(
        first.tracking.as_ref().map(|t| t.text.as_str()),
        Some("OPS-118")
    );
    assert!(!first.done);
    assert_eq!(r.doc.lines.line_of(first.span.start) + 1, 68);
    assert_eq!(
        items[1].owner.as_ref().map(|o| o.text.as_str()),
        Some("Platform team")
    );
    assert_eq!(r.actions.incident_date, Some(date("2025-10-14")));
}

#[test]
fn every_owner_form_is_read() {
    let r = fixture_report("action-item-owner", "quiet-forms.md");
    let owners: Vec<_> = r
        .actions
        .items
        .iter()
        .map(|i| i.owner.as_ref().map(|o| o.text.clone()).unwrap_or_default())
        .collect();
    assert_eq!(
        owners,
        [
            "Payments team",
            "Platform Team",
            "Dana Kim",
            "@dkim",
            "DevOps",
            "Payments team",
            "Factory team",
            "Dana Kim",
            "Samir"
        ]
    );
    assert!(r.actions.items[8].done, "Completed by … counts as done");
}

#[test]
fn section_wide_owner_applies_to_every_item() {
    let r = fixture_report("action-item-owner", "quiet-section-owner.md");
    assert_eq!(
        r.actions.section_owner.as_ref().map(|o| o.text.as_str()),
        Some("the Platform team")
    );
    assert!(r.actions.items.iter().all(|i| i.owner_from_section));
}

#[test]
fn section_wide_owner_forms() {
    for (file, owner) in [
        ("quiet-section-owner-will-handle.md", "Dana Kim"),
        ("quiet-section-owner-responsible.md", "Dana Kim"),
        ("quiet-section-owner-member.md", "Dana Kim"),
    ] {
        let r = fixture_report("action-item-owner", file);
        assert_eq!(
            r.actions.section_owner.as_ref().map(|o| o.text.as_str()),
            Some(owner),
            "{file}"
        );
    }
    // A paragraph whose subject is not a person names no owner for all.
    let r = fixture_report("action-item-owner", "fire-intro-is-not-an-owner.md");
    assert!(r.actions.section_owner.is_none());
}

#[test]
fn table_rows_and_nested_items_are_items() {
    let r = fixture_report("action-item-owner", "quiet-table.md");
    let items = &r.actions.items;
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[1].text,
        "Run the staging load test with production configuration"
    );
    assert_eq!(items[1].due, Some(date("2025-11-04")));
    assert_eq!(
        items[1].tracking.as_ref().map(|t| t.text.as_str()),
        Some("OPS-119")
    );

    let r = fixture_report("action-item-owner", "quiet-nested.md");
    let items = &r.actions.items;
    assert_eq!(items.len(), 2, "sub-items belong to their item");
    assert_eq!(
        items[0].owner.as_ref().map(|o| o.text.as_str()),
        Some("Dana Kim")
    );
    assert_eq!(
        items[0].tracking.as_ref().map(|t| t.text.as_str()),
        Some("https://tracker.example.com/OPS/118")
    );
}

#[test]
fn due_dates_in_every_form() {
    let r = fixture_report("action-item-due", "quiet-forms.md");
    let dues: Vec<_> = r.actions.items.iter().map(|i| (i.due, i.done)).collect();
    assert_eq!(
        dues,
        [
            (Some(date("2025-10-28")), false),
            (Some(date("2026-01-20")), false),
            // "by Feb 3": the next Feb 3 after the incident.
            (Some(date("2026-02-03")), false),
            (None, true),
            (Some(date("2026-04-22")), false),
            (None, true),
            (Some(date("2025-11-20")), false),
        ]
    );
    let r = fixture_report("action-item-due", "fire-not-a-date.md");
    let readings: Vec<_> = r
        .actions
        .items
        .iter()
        .map(|i| i.deadline.as_ref().map(|d| (d.text.clone(), d.reading)))
        .collect();
    assert_eq!(
        readings,
        [
            Some(("next sprint".to_string(), DateReading::NotADate)),
            Some(("1 week".to_string(), DateReading::NotADate)),
            Some(("2025-11-31".to_string(), DateReading::Impossible)),
        ]
    );
}

#[test]
fn checkbox_and_status_mark_items_done() {
    let r = fixture_report("action-item-due", "quiet-checkbox-done.md");
    let done: Vec<_> = r.actions.items.iter().map(|i| i.done).collect();
    assert_eq!(done, [true, false]);
    let r = fixture_report("action-item-due", "quiet-table-status.md");
    let done: Vec<_> = r.actions.items.iter().map(|i| i.done).collect();
    assert_eq!(done, [true, false]);
}

#[test]
fn action_item_owner_fires() {
    assert_fires("action-item-owner", "fire-none.md", &[66]);
    assert_fires("action-item-owner", "fire-some.md", &[69, 70]);
    assert_fires("action-item-owner", "fire-table.md", &[71]);
    assert_fires("action-item-owner", "fire-intro-is-not-an-owner.md", &[66]);
    let (text, diags) = check_fixture("action-item-owner", "fire-none.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "action-item-owner")
        .expect("fires");
    assert_eq!(d.message, "none of the 3 action items names an owner");
    let labelled: Vec<usize> = d
        .labels
        .iter()
        .map(|l| text[..l.span.start].matches('\n').count() + 1)
        .collect();
    assert_eq!(labelled, [68, 69, 70]);
}

#[test]
fn action_item_due_fires() {
    assert_fires("action-item-due", "fire-none.md", &[66]);
    assert_fires("action-item-due", "fire-some.md", &[69]);
    assert_fires("action-item-due", "fire-before-incident.md", &[68]);
    assert_fires(
        "action-item-due",
        "fire-before-front-matter-start.md",
        &[72],
    );
    assert_fires("action-item-due", "fire-not-a-date.md", &[68, 71, 73]);
    let (_, diags) = check_fixture("action-item-due", "fire-before-incident.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "action-item-due")
        .expect("fires");
    assert_eq!(
        d.message,
        "the due date 2025-09-28 is before the incident (2025-10-14)"
    );
    assert_eq!(
        d.labels.len(),
        1,
        "the title is labelled as the incident date"
    );
}

#[test]
fn action_item_tracking_fires() {
    assert_fires("action-item-tracking", "fire-none.md", &[66]);
    assert_fires("action-item-tracking", "fire-some.md", &[69]);
}

#[test]
fn action_rules_quiet() {
    for rule in RULES {
        assert_quiet_fixtures(rule);
    }
}

/// A correct report with owners, due dates and tickets, in each form, gets
/// no finding from any rule. (An unwritten section is not a correct report:
/// other rules report its left-over guidance.)
#[test]
fn quiet_action_fixtures_have_no_findings_at_all() {
    assert_quiet_fixtures_are_clean(&RULES);
}

/// A section that holds only the template's guidance is unwritten: no
/// impact or action-item rule reports on it (other rules do).
#[test]
fn unwritten_sections_trigger_none_of_these_rules() {
    let mine = [
        "impact-quantified",
        "percent-range",
        "impact-mismatch",
        "action-item-owner",
        "action-item-due",
        "action-item-tracking",
    ];
    for (rule, file) in [
        ("impact-quantified", "quiet-unwritten.md"),
        ("action-item-owner", "quiet-unwritten.md"),
    ] {
        let (_, diags) = check_fixture(rule, file);
        let fired: Vec<_> = diags.iter().filter(|d| mine.contains(&d.rule)).collect();
        assert!(fired.is_empty(), "{rule}/{file}: {fired:#?}");
        assert!(
            diags.iter().any(|d| d.rule == "template-placeholder"),
            "the guidance is still reported by template-placeholder"
        );
    }
}

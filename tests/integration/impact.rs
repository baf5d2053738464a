//! Impact rules and the impact model: fixtures that fire and fixtures that
//! stay quiet.

use incident::document::Document;
use incident::model::Report;
use incident::model::impact::{Measure, ShareOf};
use incident::templates::{DEFAULT_TEMPLATE, builtin};

use crate::common::*;

fn report(text: &str) -> Report<'static> {
    Report::build(
        "incident-2025-10-14-1.md",
        Document::parse(text.to_string()),
        builtin(DEFAULT_TEMPLATE).expect("default template"),
        &[],
    )
}

/// The messages `rule` gives on a fixture.
fn messages(rule: &str, file: &str) -> Vec<String> {
    check_fixture(rule, file)
        .1
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.message.into_owned())
        .collect()
}

#[test]
fn clean_example_exposes_its_impact_figures() {
    let r = report(CLEAN_REPORT);
    let impact = &r.impact;
    let users = impact.users_affected().expect("users stated");
    assert_eq!(users.quantity.low, 212.0);
    assert_eq!(&r.doc.source[users.span.clone()], "212 users");
    let share = impact.percent_affected().expect("share stated");
    assert_eq!(share.measure, Measure::Share(ShareOf::Users));
    assert_eq!(share.quantity.low, 7.0);
    assert_eq!(impact.support_tickets().map(|q| q.low), Some(4.0));
    assert_eq!(impact.duration_minutes(), Some(36));
    assert_eq!(
        impact.severity.as_ref().map(|s| s.text.as_str()),
        Some("SEV-2")
    );
}

#[test]
fn unstated_figures_stay_none() {
    let r = report(
        "# Incident: 2025-10-14 08-41-00\n\n## Summary\n\nOrders failed.\n\n## Impact\n\nUsers could not order.\n",
    );
    assert!(r.impact.users_affected().is_none());
    assert!(r.impact.percent_affected().is_none());
    assert!(r.impact.support_tickets().is_none());
    assert!(r.impact.duration_minutes().is_none());
    assert!(r.impact.severity.is_none());
}

#[test]
fn impact_quantified_fires() {
    for file in [
        "fire-nothing-quantified.md",
        "fire-no-support.md",
        "fire-no-users.md",
        "fire-no-duration.md",
        "fire-numbers-only-in-guidance.md",
        "time-fire-no-duration.md",
    ] {
        assert_fires("impact-quantified", file, &[16]);
    }
}

#[test]
fn impact_quantified_names_exactly_what_is_missing() {
    let m = |file| messages("impact-quantified", file);
    assert_eq!(
        m("fire-nothing-quantified.md"),
        [
            "the Impact section does not say how many users were affected, for how long or how many support tickets came in"
        ]
    );
    assert_eq!(
        m("fire-no-support.md"),
        ["the Impact section does not say how many support tickets came in"]
    );
    assert_eq!(
        m("fire-no-users.md"),
        ["the Impact section does not say how many users were affected"]
    );
    assert_eq!(
        m("fire-no-duration.md"),
        ["the Impact section does not say for how long"]
    );
    // Numbers inside the template's guidance callout are not the author's.
    assert_eq!(
        m("fire-numbers-only-in-guidance.md"),
        m("fire-nothing-quantified.md")
    );
}

#[test]
fn impact_quantified_quiet() {
    assert_quiet_fixtures("impact-quantified");
}

#[test]
fn impact_quantified_accepts_a_stated_duration() {
    let (text, diags) = check_fixture("impact-quantified", "time-quiet-stated-duration.md");
    assert_eq!(
        lines_of("impact-quantified", &text, &diags),
        Vec::<usize>::new()
    );
}

#[test]
fn percent_range_fires() {
    assert_fires("percent-range", "fire-above-100.md", &[5, 19]);
    assert_fires("percent-range", "fire-below-0.md", &[23]);
    assert_eq!(
        messages("percent-range", "fire-above-100.md"),
        [
            "107% of users is above 100%: a share lies between 0% and 100%",
            "120% of requests is above 100%: a share lies between 0% and 100%"
        ]
    );
}

#[test]
fn percent_range_quiet() {
    assert_quiet_fixtures("percent-range");
}

#[test]
fn impact_mismatch_fires_and_labels_both_places() {
    assert_fires("impact-mismatch", "fire-support.md", &[19]);
    assert_fires("impact-mismatch", "fire-users.md", &[18]);
    let (text, diags) = check_fixture("impact-mismatch", "fire-support.md");
    let d = diags
        .iter()
        .find(|d| d.rule == "impact-mismatch")
        .expect("fires");
    assert_eq!(
        d.message,
        "the Impact section gives 4 as the number of support tickets, the Summary 12"
    );
    let labels: Vec<(&str, &str)> = d
        .labels
        .iter()
        .map(|l| (&text[l.span.clone()], l.message.as_ref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("4 support tickets", "Impact: 4"),
            ("12 calls", "Summary: 12")
        ]
    );
}

#[test]
fn impact_mismatch_quiet() {
    assert_quiet_fixtures("impact-mismatch");
}

#[test]
fn impact_mismatch_compares_durations() {
    assert_fires("impact-mismatch", "time-fire-duration.md", &[17]);
    let (text, diags) = check_fixture("impact-mismatch", "time-quiet-duration.md");
    assert_eq!(
        lines_of("impact-mismatch", &text, &diags),
        Vec::<usize>::new()
    );
    assert_eq!(
        lines_of("impact-quantified", &text, &diags),
        Vec::<usize>::new()
    );
}

#[test]
fn severity_stated_fires() {
    assert_fires("severity-stated", "fire-none.md", &[3]);
    // A severity only in the template's guidance is not stated.
    assert_fires("severity-stated", "fire-only-in-guidance.md", &[3]);
}

#[test]
fn severity_stated_quiet() {
    assert_quiet_fixtures("severity-stated");
}

/// The quiet fixtures are correct reports: no rule at all fires on them.
/// (An unwritten section is not correct: other rules report its guidance.)
#[test]
fn quiet_impact_fixtures_have_no_findings_at_all() {
    assert_quiet_fixtures_are_clean(&[
        "impact-quantified",
        "percent-range",
        "impact-mismatch",
        "severity-stated",
    ]);
}

/// Fragments that the impact and action-item readers react to, in any order.
const FRAGMENTS: &[&str] = &[
    "about ",
    "~",
    "4-5",
    "2,317",
    "-7",
    "%",
    " of users",
    " users",
    " support tickets",
    "no ",
    "seven ",
    "a dozen ",
    "between ",
    "08:41",
    " and ",
    "–",
    "9pm",
    "Owner:",
    " Due:",
    " 2025-02-30",
    " Feb 3",
    " by ",
    "@x",
    " — ",
    "OPS-1",
    "#1",
    "https://x",
    "(done)",
    "\n",
    "\n- ",
    "\n1. ",
    "\n   - ",
    "\n- [x] ",
    "\n| Owner | Due |\n|---|---|\n| ",
    " | ",
    "**",
    "`",
    "é",
    "₿",
    "\u{200b}",
    ".",
    ":",
    "(",
    ")",
    "[",
    "]",
    "SEV-",
    "severity ",
    "will ",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The impact and action-item models never panic, whatever the text.
    #[test]
    fn impact_and_action_models_never_panic(
        parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..80)
    ) {
        let body = parts.concat();
        let text = format!(
            "# Incident: 2025-10-14 08-41-00\n\n## Summary\n\n{body}\n\n## Impact\n\n{body}\n\n## Action items\n\n{body}\n"
        );
        let r = report(&text);
        let _ = (r.impact.duration_minutes(), r.impact.support_tickets());
        let _ = check_str("incident-2025-10-14-1.md", &text);
    }
}

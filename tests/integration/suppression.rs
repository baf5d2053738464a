//! Inline suppression comments and `unused-suppression`.

use crate::common::*;

#[test]
fn unused_suppression_fires() {
    // A next-line suppression over a correct title, a misspelt rule id, and
    // a bare disable at the end of the file.
    assert_fires("unused-suppression", "fire-unused.md", &[3, 40, 46]);
}

#[test]
fn unused_suppression_quiet() {
    assert_quiet_fixtures("unused-suppression");
}

#[test]
fn suppression_on_and_off() {
    let broken = CLEAN_REPORT.replacen(
        "# Incident: 2025-10-14 08-41-00",
        "# Incident 2025-10-14",
        1,
    );
    let name = "incident-2025-10-14-1.md";
    let rules = |text: &str| -> Vec<&'static str> {
        check_str(name, text).iter().map(|d| d.rule).collect()
    };
    // Off: the finding is there.
    assert_eq!(rules(&broken), ["title-format"]);
    // On, for the next line only.
    let next = format!("<!-- incident-disable-next-line title-format -->\n{broken}");
    assert_eq!(rules(&next), Vec::<&str>::new());
    // On, for the whole file, by family.
    let family = format!("<!-- incident-disable structure -->\n{broken}");
    assert_eq!(rules(&family), Vec::<&str>::new());
    // Disabled and enabled again before the title: the finding is back.
    let reenabled = format!(
        "<!-- incident-disable title-format -->\n<!-- incident-enable title-format -->\n{broken}"
    );
    let found = rules(&reenabled);
    assert!(found.contains(&"title-format"), "{found:?}");
    assert!(found.contains(&"unused-suppression"), "{found:?}");
}

#[test]
fn suppression_of_a_rule_that_did_not_run_is_not_unused() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("<!-- incident-disable secret-leak -->\n{CLEAN_REPORT}");
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), text).unwrap();
    incident(dir.path())
        .args(["check", "--format", "csv", "--ignore", "secret-leak"])
        .assert()
        .success()
        .stdout(predicates::str::contains("incident-2025-10-14-1.md,0,0,0,"));
}

/// Regression: the suppression check had its own idea of which rules run on
/// a file that is not a report, and forgot `secret-leak`, so a
/// `secret-leak` suppression that suppressed nothing there went unreported.
#[test]
fn secret_leak_suppressions_are_checked_in_files_that_are_not_reports() {
    let notes =
        "# Team notes\n\n<!-- incident-disable-next-line secret-leak -->\nNothing secret here.\n";
    let rules: Vec<&str> = check_str("notes.md", notes)
        .iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(rules, ["not-a-report", "unused-suppression"]);
}

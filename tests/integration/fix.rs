//! `incident fix`: the fixes of every rule that has one, applied to the
//! bytes they name and nothing else; atomic writes; `--diff`, `--dry-run`.

use std::path::Path;

use incident::config::Settings;
use incident::fix::{self, Outcome};

use crate::common::*;
use crate::secrets::{cases, report_with};

const NAME: &str = "incident-2025-10-14-1.md";

fn fix_str(text: &str) -> Outcome {
    fix::fix_source(NAME, text.to_string(), &Settings::default())
}

/// The clean report with the title's time written with colons.
fn colon_title() -> String {
    CLEAN_REPORT.replacen(
        "# Incident: 2025-10-14 08-41-00",
        "# Incident: 2025-10-14 08:41:00",
        1,
    )
}

/// The clean report with `## Root cause` written at level 1.
fn wrong_level() -> String {
    CLEAN_REPORT.replacen("\n## Root cause\n", "\n# Root cause\n", 1)
}

/// The clean report with its Summary left inside the template's ```md fence.
fn fenced_summary() -> String {
    CLEAN_REPORT
        .replacen("## Summary\n\n", "## Summary\n\n```md\n", 1)
        .replacen("\n\n## Detection", "\n```\n\n## Detection", 1)
}

fn assert_fixes_back(broken: &str, rule: &str) {
    assert_ne!(broken, CLEAN_REPORT);
    let outcome = fix_str(broken);
    assert_eq!(
        outcome.source, CLEAN_REPORT,
        "{rule}: {:?}",
        outcome.applied
    );
    assert!(
        outcome.applied.iter().any(|a| a.rule == rule),
        "{:?}",
        outcome.applied
    );
    assert!(outcome.converged);
    assert!(
        fix_str(&outcome.source).applied.is_empty(),
        "second run changes nothing"
    );
}

#[test]
fn title_colons_are_fixed() {
    assert_fixes_back(&colon_title(), "title-format");
}

#[test]
fn heading_level_is_fixed() {
    assert_fixes_back(&wrong_level(), "heading-level");
}

#[test]
fn fenced_section_is_unwrapped() {
    assert_fixes_back(&fenced_summary(), "fenced-section");
}

#[test]
fn all_fixes_together_reach_a_fixed_point() {
    let case = &cases()[0];
    let broken = report_with(&case.text())
        .replacen("08-41-00", "08:41:00", 1)
        .replacen("\n## Root cause\n", "\n### Root cause\n", 1)
        .replacen("## Summary\n\n", "## Summary\n\n```md\n", 1)
        .replacen("\n\n## Detection", "\n```\n\n## Detection", 1);
    let outcome = fix_str(&broken);
    assert_eq!(
        outcome.source,
        report_with(&case.line.replacen("{}", "REDACTED", 1))
    );
    let mut rules: Vec<_> = outcome.applied.iter().map(|a| a.rule).collect();
    rules.sort_unstable();
    assert_eq!(
        rules,
        [
            "fenced-section",
            "heading-level",
            "secret-leak",
            "title-format"
        ]
    );
    assert!(fix_str(&outcome.source).applied.is_empty());
}

#[test]
fn crlf_is_kept_by_every_fix() {
    let broken = fenced_summary()
        .replacen("08-41-00", "08:41:00", 1)
        .replacen("\n## Root cause\n", "\n# Root cause\n", 1)
        .replace('\n', "\r\n");
    let outcome = fix_str(&broken);
    assert_eq!(outcome.source, CLEAN_REPORT.replace('\n', "\r\n"));
}

#[test]
fn a_clean_report_is_left_byte_for_byte() {
    let outcome = fix_str(CLEAN_REPORT);
    assert!(!outcome.changed());
    assert_eq!(outcome.source, CLEAN_REPORT);
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn cli_fixes_in_place_and_reports_what_it_did() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), NAME, &colon_title());
    let out = incident(dir.path())
        .args(["fix", NAME])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(&format!("{NAME}:1: fixed [title-format]")),
        "{stdout}"
    );
    assert!(
        stdout.contains("Fixed 1 problem in 1 of 1 file."),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), CLEAN_REPORT);
    // Nothing but the report is left in the folder (no temporary file).
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [NAME]);
    // A second run changes nothing.
    let out = incident(dir.path())
        .args(["fix", NAME])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fixed 0 problems in 0 of 1 file."));
}

#[cfg(unix)]
#[test]
fn cli_keeps_permissions_and_symlinks() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), NAME, &wrong_level());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    symlink(NAME, dir.path().join("link.md")).expect("symlink");
    incident(dir.path())
        .args(["fix", "link.md"])
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), CLEAN_REPORT);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is still a link");
}

#[cfg(unix)]
#[test]
fn cli_leaves_read_only_files_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), NAME, &colon_title());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = incident(dir.path())
        .args(["fix", NAME])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "incident: {NAME}: is read-only; the fixes were not written"
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), colon_title());
}

#[test]
fn cli_diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), NAME, &colon_title());
    let out = incident(dir.path())
        .args(["fix", "--diff", NAME])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(&format!("--- a/{NAME}\n+++ b/{NAME}\n@@ -1,")),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n-# Incident: 2025-10-14 08:41:00\n+# Incident: 2025-10-14 08-41-00\n")
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Would fix 1 problem"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), colon_title());
}

#[test]
fn cli_dry_run_says_what_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), NAME, &wrong_level());
    let out = incident(dir.path())
        .args(["fix", "--dry-run", "."])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = CLEAN_REPORT[..CLEAN_REPORT.find("## Root cause").expect("section")]
        .matches('\n')
        .count()
        + 1;
    assert!(
        stdout.contains(&format!(
            "{NAME}:{line}: would fix [heading-level] set the heading level"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("Would fix 1 problem in 1 of 1 file."),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), wrong_level());
}

#[test]
fn cli_stdin_prints_the_fixed_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    incident(dir.path())
        .args(["fix", "-"])
        .write_stdin(colon_title())
        .assert()
        .code(0)
        .stdout(CLEAN_REPORT);
}

#[test]
fn cli_unreadable_file_exits_2_and_the_others_are_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), NAME, &colon_title());
    std::fs::write(dir.path().join("bad.md"), [0xff, 0xfe, b'#', b'\n']).expect("write");
    let out = incident(dir.path())
        .args(["fix", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("incident: bad.md: is not valid UTF-8"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&good).expect("read"), CLEAN_REPORT);
}

#[test]
fn cli_exit_1_when_errors_remain() {
    let dir = tempfile::tempdir().expect("tempdir");
    // An impossible title date has no automatic fix.
    write(
        dir.path(),
        NAME,
        &CLEAN_REPORT.replacen("2025-10-14 08-41-00", "2025-02-30 08-41-00", 1),
    );
    incident(dir.path()).args(["fix", NAME]).assert().code(1);
}

/// Regression: `fix` walked folders without the configuration's
/// include/exclude globs, so it rewrote files `check` was told to skip.
#[test]
fn fix_leaves_excluded_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let broken = CLEAN_REPORT.replacen("08-41-00", "08:41:00", 1);
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/incident-2025-10-14-1.md"), &broken).unwrap();
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), &broken).unwrap();
    std::fs::write(
        dir.path().join(".incident.yml"),
        "exclude: [\"drafts/**\"]\n",
    )
    .unwrap();
    incident(dir.path()).args(["fix", "."]).assert().code(0);
    let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).unwrap();
    assert_eq!(read("incident-2025-10-14-1.md"), CLEAN_REPORT);
    assert_eq!(read("drafts/incident-2025-10-14-1.md"), broken);
}

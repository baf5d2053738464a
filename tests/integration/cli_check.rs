//! `incident check` end to end: exit codes, the JSON shape, human output.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::*;

/// A folder with one clean report, one with an error and one with only a warning.
fn sample(dir: &Path) {
    let reports = dir.join("incidentReports");
    fs::create_dir_all(&reports).unwrap();
    fs::write(reports.join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    fs::write(
        reports.join("incident-2025-10-14-2.md"),
        CLEAN_REPORT.replace("08-41-00", "08:41:00"),
    )
    .unwrap();
    fs::write(reports.join("outage.md"), CLEAN_REPORT).unwrap();
}

#[test]
fn clean_files_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    incident(dir.path())
        .args(["check", "incidentReports/incident-2025-10-14-1.md"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file.\n");
}

#[test]
fn warnings_alone_pass_unless_strict() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    incident(dir.path())
        .args(["check", "incidentReports/outage.md"])
        .assert()
        .code(0);
    incident(dir.path())
        .args(["check", "--strict", "incidentReports/outage.md"])
        .assert()
        .code(1);
}

#[test]
fn errors_exit_one_and_human_output_points_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    incident(dir.path())
        .args(["check", "incidentReports"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "[title-format] Error: the title writes the time with colons",
        ))
        .stdout(predicate::str::contains(
            "incidentReports/incident-2025-10-14-2.md:1:1",
        ))
        .stdout(predicate::str::contains("# Incident: 2025-10-14 08:41:00"))
        .stdout(predicate::str::contains(
            "write the title as `# Incident: 2025-10-14 08-41-00`",
        ))
        .stdout(predicate::str::contains("fixable: `incident fix` will"))
        .stdout(predicate::str::ends_with(
            "1 error, 1 warning in 2 of 3 files.\n",
        ));
}

#[test]
fn no_colour_when_not_a_terminal_or_no_color() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let out = incident(dir.path())
        .args(["check", "incidentReports"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "escape codes in piped output"
    );
    let out = incident(dir.path())
        .args(["check", "--color", "always", "incidentReports"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains('\u{1b}'),
        "--color always colours"
    );
}

/// Regression: ariadne coloured the `Info` kind even with colour off.
#[test]
fn info_findings_have_no_escape_codes_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    let report = CLEAN_REPORT.replace(", Issue: OPS-118", "");
    fs::write(dir.path().join("incident-2025-10-14-1.md"), report).unwrap();
    let out = incident(dir.path())
        .args(["check", "incident-2025-10-14-1.md"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("[action-item-tracking] Info:"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
}

#[test]
fn unreadable_files_exit_two_and_the_rest_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    fs::create_dir(dir.path().join("folder.md")).unwrap();
    let out = incident(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "missing.md",
            "folder.md",
            "incidentReports/incident-2025-10-14-2.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    let by_path = |p: &str| {
        files
            .iter()
            .find(|f| f["path"] == p)
            .unwrap_or_else(|| panic!("{p} missing"))
    };
    assert_eq!(by_path("missing.md")["diagnostics"][0]["rule"], "io-error");
    assert_eq!(
        by_path("missing.md")["diagnostics"][0]["message"],
        "no such file or directory"
    );
    assert_eq!(
        by_path("folder.md")["diagnostics"][0]["message"],
        "is a directory, not a file"
    );
    assert_eq!(
        by_path("incidentReports/incident-2025-10-14-2.md")["diagnostics"][0]["rule"],
        "title-format"
    );
}

#[test]
fn json_has_exactly_the_spec_shape() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let out = incident(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "incidentReports/incident-2025-10-14-2.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&json), ["files", "summary", "version"]);
    assert_eq!(json["version"], 1);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(
        keys(d),
        [
            "column",
            "end_column",
            "end_line",
            "fixable",
            "help",
            "line",
            "message",
            "rule",
            "severity"
        ]
    );
    assert_eq!(d["rule"], "title-format");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(1), Some(32))
    );
    assert_eq!(d["fixable"], true);
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "files_with_errors": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
}

#[test]
fn stdin_is_checked_as_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = incident(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(CLEAN_REPORT.replace("## Impact", "## Impacts"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], "-");
    let rules: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"missing-section"), "{rules:?}");
    assert!(!rules.contains(&"filename-convention"));
}

#[test]
fn folders_are_walked_for_markdown_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    fs::write(dir.path().join("incidentReports/notes.txt"), "not markdown").unwrap();
    fs::create_dir_all(dir.path().join("incidentReports/2024")).unwrap();
    fs::write(
        dir.path()
            .join("incidentReports/2024/incident-2024-01-02-1.md"),
        "# Incident: 2024-01-02 10-00-00\n",
    )
    .unwrap();
    let out = incident(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths = json_paths(&json);
    assert_eq!(
        paths,
        [
            "incidentReports/2024/incident-2024-01-02-1.md",
            "incidentReports/incident-2025-10-14-1.md",
            "incidentReports/incident-2025-10-14-2.md",
            "incidentReports/outage.md"
        ]
    );
}

#[test]
fn usage_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    incident(dir.path())
        .args(["check", "--select", "no-such-rule", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule or family `no-such-rule`",
        ));
}

#[test]
fn select_and_ignore_by_rule_and_family() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let rules = |args: &[&str]| -> Vec<String> {
        let out = incident(dir.path())
            .args(["check", "--format", "json"])
            .args(args)
            .arg("incidentReports")
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut rules: Vec<String> = json["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| {
                f["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d["rule"].as_str().unwrap().to_string())
            })
            .collect();
        rules.sort();
        rules
    };
    assert_eq!(rules(&[]), ["filename-convention", "title-format"]);
    assert_eq!(rules(&["--select", "title-format"]), ["title-format"]);
    assert_eq!(rules(&["--ignore", "structure"]), Vec::<String>::new());
    assert_eq!(
        rules(&["--select", "structure", "--ignore", "title-format"]),
        ["filename-convention"]
    );
}

#[test]
fn explain_prints_the_rule_doc() {
    let dir = tempfile::tempdir().unwrap();
    incident(dir.path())
        .args(["explain", "title-format"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# title-format"))
        .stdout(predicate::str::contains("## Why is this bad?"));
    incident(dir.path())
        .args(["explain", "--list"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("timeline-order"))
        .stdout(predicate::str::contains("secret-leak"));
    incident(dir.path())
        .args(["explain", "nope"])
        .assert()
        .code(2);
}

#[test]
fn the_bundled_examples_behave_as_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    incident(root)
        .args(["check", "examples/incidentReports"])
        .assert()
        .code(0);
    incident(root).args(["check", "examples"]).assert().code(1);
}

/// JSON is written file by file (memory stays flat); with no file at all it
/// is still one valid document.
#[test]
fn json_with_no_files_is_still_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = incident(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 0);
}

//! `incident export`: the facts of reports whose facts we wrote, in every format.

use std::path::Path;

use serde_json::{Value, json};

use crate::common::*;

fn fixtures() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/export"
    ))
}

fn export(args: &[&str]) -> (Option<i32>, String) {
    let out = incident(fixtures())
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn json_of(file: &str) -> Value {
    let (code, stdout) = export(&["--format", "json", file]);
    assert_eq!(code, Some(0));
    let mut array: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(array.len(), 1);
    array.remove(0)
}

#[test]
fn a_complete_report_exports_every_fact() {
    let facts = json_of("incident-2026-02-10-1.md");
    assert_eq!(facts["path"], "incident-2026-02-10-1.md");
    assert_eq!(facts["title"], "Incident: 2026-02-10 21-30-00");
    assert_eq!(facts["template"], "jwt-pizza");
    assert_eq!(facts["incident_start"], "2026-02-10T21:30:00Z");
    assert_eq!(facts["incident_end"], "2026-02-10T23:10:00Z");
    assert_eq!(facts["severity"], "SEV-1");
    assert_eq!(
        facts["impact"],
        json!({"duration_minutes": 100, "users_affected": 1450, "percent_affected": 100, "support_tickets": 9})
    );
    assert_eq!(
        facts["metrics"],
        json!({"time_to_detect_minutes": 12, "time_to_mitigate_minutes": 35, "time_to_resolve_minutes": 100})
    );
    assert_eq!(
        facts["timeline"],
        json!([
            {"at": "2026-02-10T21:30:00Z", "text": "Index rebuild finishes with zero documents", "line": 31},
            {"at": "2026-02-10T21:42:00Z", "text": "Customer report reaches the on-call engineer", "line": 32},
            {"at": "2026-02-10T22:05:00Z", "text": "Old index restored; results come back", "line": 33},
            {"at": "2026-02-10T23:10:00Z", "text": "Reindex verified; incident resolved", "line": 34}
        ])
    );
    assert_eq!(
        facts["action_items"],
        json!([
            {"text": "Refuse to publish a shrunken index", "owner": "Lee Park", "due": "2026-02-24", "done": false, "tracking": "SRCH-77", "line": 56},
            {"text": "Alert on zero-result rate above 20%", "owner": "Search team", "due": "2026-03-03", "done": false, "tracking": "SRCH-78", "line": 57}
        ])
    );
    let sections: Vec<(&str, u64, u64)> = facts["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["level"].as_u64().unwrap(),
                s["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(sections[0], ("Summary", 2, 10));
    assert_eq!(sections.len(), 9);
    assert_eq!(
        facts["sections"][1]["words"], 10,
        "Detection: `A customer report reached the on-call engineer at 21:42 UTC.`"
    );
}

#[test]
fn json_keys_follow_the_spec_order() {
    let (_, stdout) = export(&["incident-2026-02-10-1.md"]);
    let keys = [
        "\"path\"",
        "\"title\"",
        "\"template\"",
        "\"incident_start\"",
        "\"severity\"",
        "\"sections\"",
        "\"timeline\"",
        "\"impact\"",
        "\"action_items\"",
        "\"metrics\"",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| stdout.find(k).unwrap_or_else(|| panic!("{k} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{stdout}");
}

#[test]
fn what_a_report_does_not_state_is_null() {
    let facts = json_of("incident-2026-03-01-1.md");
    assert_eq!(facts["severity"], Value::Null);
    assert_eq!(
        facts["incident_start"], "2026-03-01T09:00:00Z",
        "the title gives the start"
    );
    assert_eq!(facts["incident_end"], Value::Null);
    assert_eq!(
        facts["impact"],
        json!({"duration_minutes": null, "users_affected": null, "percent_affected": null, "support_tickets": null})
    );
    // No entry records an alert or a resolution; no front matter: no metrics.
    assert_eq!(
        facts["metrics"],
        json!({"time_to_detect_minutes": null, "time_to_mitigate_minutes": null, "time_to_resolve_minutes": null})
    );
    assert_eq!(
        facts["action_items"][0],
        json!({"text": "Add disk health checks", "owner": null, "due": null, "done": false, "tracking": null, "line": 38})
    );
}

#[test]
fn metrics_come_from_timeline_entries_without_front_matter() {
    let facts: Vec<Value> = serde_json::from_str(&export(&[]).1).unwrap();
    assert_eq!(facts.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    let out = incident(dir.path()).args(["export", "."]).output().unwrap();
    let facts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    // 08:41 start; alert pages 08:47; rollback finishes 09:06 (mitigated); resolved 09:17.
    assert_eq!(
        facts[0]["metrics"],
        json!({"time_to_detect_minutes": 6, "time_to_mitigate_minutes": 19, "time_to_resolve_minutes": 36})
    );
}

#[test]
fn yaml_carries_the_same_data() {
    let (code, yaml) = export(&["--format", "yaml"]);
    assert_eq!(code, Some(0));
    let from_yaml: Value = serde_yaml_ng::from_str(&yaml).unwrap();
    let from_json: Value = serde_json::from_str(&export(&["--format", "json"]).1).unwrap();
    assert_eq!(from_yaml, from_json);
}

#[test]
fn csv_has_one_row_per_report_with_the_scalar_fields() {
    let (code, text) = export(&["--format", "csv", "--rubric"]);
    assert_eq!(code, Some(0));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let cell = |row: usize, name: &str| {
        rows[row][header.iter().position(|h| h == name).unwrap()].to_string()
    };
    assert_eq!(cell(0, "path"), "incident-2026-02-10-1.md");
    assert_eq!(cell(0, "incident_start"), "2026-02-10T21:30:00Z");
    assert_eq!(cell(0, "users_affected"), "1450");
    assert_eq!(cell(0, "percent_affected"), "100");
    assert_eq!(cell(0, "support_tickets"), "9");
    assert_eq!(cell(0, "duration_minutes"), "100");
    assert_eq!(cell(0, "timeline_entries"), "4");
    assert_eq!(cell(0, "action_items_with_owner"), "2");
    assert_eq!(cell(0, "time_to_detect_minutes"), "12");
    assert_eq!(cell(0, "sections_complete"), "true");
    assert_eq!(cell(0, "action_items_complete"), "true");
    assert_eq!(cell(1, "severity"), "");
    assert_eq!(cell(1, "time_to_resolve_minutes"), "");
    assert_eq!(
        cell(1, "timeline_utc_and_ordered"),
        "false",
        "no UTC statement"
    );
    assert_eq!(cell(1, "impact_quantified"), "false");
    assert_eq!(cell(1, "action_items_complete"), "false");
    assert_eq!(cell(1, "no_secrets"), "true");
}

#[test]
fn unreadable_files_exit_two_and_the_rest_are_exported() {
    let out = incident(fixtures())
        .args(["export", "missing.md", "incident-2026-03-01-1.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let facts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(facts.len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md: no such file or directory"));
}

#[test]
fn same_output_with_one_and_many_threads() {
    assert_eq!(
        export(&["--jobs", "1", "--format", "csv"]),
        export(&["--jobs", "8", "--format", "csv"])
    );
    assert_eq!(export(&["--jobs", "1"]), export(&["--jobs", "8"]));
}

#[test]
fn an_empty_folder_exports_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    let out = incident(dir.path()).args(["export", "."]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
    let out = incident(dir.path())
        .args(["export", "--format", "yaml", "."])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[]\n");
}

#[test]
fn excluded_files_are_not_exported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(
        dir.path().join("drafts/incident-2025-10-14-1.md"),
        CLEAN_REPORT,
    )
    .unwrap();
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    std::fs::write(
        dir.path().join(".incident.yml"),
        "exclude: [\"drafts/**\"]\n",
    )
    .unwrap();
    let out = incident(dir.path()).args(["export", "."]).output().unwrap();
    let facts: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = facts.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["incident-2025-10-14-1.md"]);
}

/// Reports are exported in chunks of 512 on the workers while the chunk
/// before is written; a file that cannot be read is left out (and named on
/// stderr) without breaking the JSON around it, whichever chunk it is in.
#[test]
fn reports_over_several_chunks_are_written_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let unreadable = [0, 700];
    for i in 0..1030 {
        let path = dir.path().join(format!("r{i:04}/incident-2025-10-14-1.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if unreadable.contains(&i) {
            std::fs::write(path, b"\xff\xfe not text").unwrap();
        } else {
            std::fs::write(path, CLEAN_REPORT).unwrap();
        }
    }
    let run = |jobs: &str| {
        let out = incident(dir.path())
            .args(["export", ".", "--jobs", jobs])
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let (code, stdout, stderr) = one;
    assert_eq!(code, Some(2), "an unreadable file is a usage error");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.contains("r0000") && stderr.contains("r0700"),
        "{stderr}"
    );
    let array: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let paths: Vec<&str> = array.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 1028);
    assert!(
        paths.windows(2).all(|w| w[0] < w[1]),
        "in path order, once each"
    );
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("r0000") || p.contains("r0700"))
    );
}

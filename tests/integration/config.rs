//! `.incident.yml`: discovery, every setting, and errors that name the key
//! and the file (exit 2).

use std::path::Path;

use crate::common::*;

/// A folder with `.incident.yml` holding `config` and a report named `name`.
fn project(config: &str, name: &str, report: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".incident.yml"), config).unwrap();
    std::fs::write(dir.path().join(name), report).unwrap();
    dir
}

/// Runs `incident check ARGS --format csv`; returns (stdout, stderr, code).
fn check(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = incident(dir)
        .arg("check")
        .args(args)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Asserts that `config` is refused with exit 2 and a message naming the
/// configuration file and each of `words`.
fn assert_refused(config: &str, words: &[&str]) {
    let dir = project(config, "incident-2025-10-14-1.md", CLEAN_REPORT);
    let (out, err, code) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{config}: {err}");
    assert!(
        out.is_empty(),
        "nothing is checked with a bad configuration: {out}"
    );
    assert!(err.contains(".incident.yml"), "{err}");
    for word in words {
        assert!(err.contains(word), "`{word}` not in: {err}");
    }
}

#[test]
fn unknown_key() {
    assert_refused("colour: red\n", &["unknown field `colour`"]);
}

#[test]
fn unknown_rule_id() {
    assert_refused(
        "rules:\n  section-ordr: off\n",
        &["section-ordr", "rules", "did you mean `section-order`"],
    );
}

#[test]
fn bad_values() {
    assert_refused(
        "rules:\n  section-order: fatal\n",
        &["rules.section-order", "fatal", "line 2"],
    );
    assert_refused("rules: [section-order]\n", &["rules", "sequence"]);
    assert_refused("template: nope\n", &["template", "nope", "jwt-pizza"]);
    assert_refused(
        "aliases:\n  Lessons: [What we learned]\n",
        &["aliases", "Lessons"],
    );
    assert_refused("exclude: [\"[drafts\"]\n", &["exclude", "[drafts"]);
    assert_refused("include: 3\n", &["include"]);
    assert_refused("templates_dir: nowhere\n", &["templates_dir", "nowhere"]);
    assert_refused(": : -\n", &["line 1"]);
}

#[test]
fn a_broken_template_file_is_named() {
    let dir = project(
        "templates_dir: tpl\n",
        "incident-2025-10-14-1.md",
        CLEAN_REPORT,
    );
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(dir.path().join("tpl/mini.yml"), "name: mini\n").unwrap();
    let (_, err, code) = check(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("templates_dir") && err.contains("mini.yml"),
        "{err}"
    );
    assert!(err.contains("description"), "{err}");
}

#[test]
fn explicit_config_file_errors_name_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ci.yml"), "rules:\n  nope: off\n").unwrap();
    let (_, err, code) = check(dir.path(), &["--config", "ci.yml"]);
    assert_eq!(code, 2);
    assert!(err.contains("ci.yml") && err.contains("nope"), "{err}");
    let (_, err, code) = check(dir.path(), &["--config", "absent.yml"]);
    assert_eq!(code, 2);
    assert!(err.contains("absent.yml"), "{err}");
}

#[test]
fn severities_and_off() {
    // Named `report.md`: one filename-convention warning by default.
    let dir = project("", "report.md", CLEAN_REPORT);
    assert_eq!(
        check(dir.path(), &[]).0.lines().nth(1),
        Some("report.md,0,1,0,1,0,0,0,0")
    );
    for (level, row, code) in [
        ("off", "report.md,0,0,0,0,0,0,0,0", 0),
        ("error", "report.md,1,0,0,1,0,0,0,0", 1),
        ("info", "report.md,0,0,1,1,0,0,0,0", 0),
    ] {
        std::fs::write(
            dir.path().join(".incident.yml"),
            format!("rules:\n  filename-convention: {level}\n"),
        )
        .unwrap();
        let (out, err, got) = check(dir.path(), &[]);
        assert_eq!(out.lines().nth(1), Some(row), "{level}: {err}");
        assert_eq!(got, code, "{level}");
    }
}

#[test]
fn found_by_walking_up() {
    let dir = project(
        "rules:\n  filename-convention: error\n",
        "report.md",
        CLEAN_REPORT,
    );
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let (out, _, code) = check(&sub, &["../../report.md"]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn aliases_count_as_sections() {
    let report = CLEAN_REPORT.replace("## Root cause", "## What went wrong");
    let dir = project("", "incident-2025-10-14-1.md", &report);
    let (out, _, code) = check(dir.path(), &[]);
    assert_eq!(code, 1, "without the alias, Root cause is missing: {out}");
    std::fs::write(
        dir.path().join(".incident.yml"),
        "aliases:\n  Root cause: [What went wrong]\n",
    )
    .unwrap();
    let (out, err, code) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn templates_dir_adds_a_template() {
    let template = r#"name: mini
description: Two sections
sections:
  - name: Summary
  - name: Lessons
body: |
  # Incident: {{ title_time }}
  ## Summary
  ## Lessons
"#;
    let report = "# Incident: 2025-10-14 08-41-00\n\n## Summary\n\nThe cache served stale prices for an hour.\n\n## Lessons\n\nAlert on cache refresh failures.\n";
    let dir = project(
        "template: mini\ntemplates_dir: tpl\n",
        "incident-2025-10-14-1.md",
        report,
    );
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(dir.path().join("tpl/mini.yml"), template).unwrap();
    let (out, err, _) = check(dir.path(), &[]);
    let row = out.lines().nth(1).unwrap_or_default().to_string();
    assert!(
        row.starts_with("incident-2025-10-14-1.md,0,"),
        "the mini template's sections are all there: {out}{err}"
    );
    // With the default template the same report misses most sections.
    std::fs::write(dir.path().join(".incident.yml"), "templates_dir: tpl\n").unwrap();
    let (out, _, code) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn include_and_exclude() {
    let dir = project(
        "exclude: [\"drafts/**\", README.md]\n",
        "incident-2025-10-14-1.md",
        CLEAN_REPORT,
    );
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    std::fs::write(dir.path().join("drafts/incident-2025-10-15-1.md"), "draft").unwrap();
    std::fs::write(dir.path().join("README.md"), "# Reports\n").unwrap();
    let (out, _, code) = check(dir.path(), &[]);
    let paths: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(paths, ["incident-2025-10-14-1.md"]);
    assert_eq!(code, 0);
    // A file named on the command line is checked even if excluded.
    let (out, _, _) = check(dir.path(), &["README.md"]);
    assert!(out.contains("README.md"), "{out}");
    // include narrows to matching files.
    std::fs::write(
        dir.path().join(".incident.yml"),
        "include: [\"drafts/*\"]\n",
    )
    .unwrap();
    let (out, _, _) = check(dir.path(), &[]);
    let paths: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(paths, ["drafts/incident-2025-10-15-1.md"]);
}

#[test]
fn select_and_ignore_by_id_and_family() {
    let broken = CLEAN_REPORT.replacen("# Incident: 2025-10-14 08-41-00", "# Outage", 1);
    let dir = project("", "report.md", &broken);
    let rules = |args: &[&str]| -> Vec<String> {
        let out = incident(dir.path())
            .args(["check", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut rules: Vec<String> = doc["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect();
        rules.sort();
        rules.dedup();
        rules
    };
    let all = rules(&[]);
    assert!(all.contains(&"title-format".to_string()), "{all:?}");
    assert!(all.contains(&"filename-convention".to_string()), "{all:?}");
    assert_eq!(rules(&["--select", "title-format"]), ["title-format"]);
    assert!(rules(&["--select", "time,impact"]).is_empty());
    assert_eq!(
        rules(&["--select", "structure", "--ignore", "title-format"]),
        ["filename-convention"]
    );
    assert!(
        !rules(&["--ignore", "structure"])
            .iter()
            .any(|r| r == "title-format")
    );
    let out = incident(dir.path())
        .args(["check", "--select", "timing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("timing"));
}

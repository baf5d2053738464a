//! `incident new` and `incident templates`: numbering, never overwriting,
//! `--at`, templates, and scaffolds that `check` understands.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use incident::document::Document;
use incident::model::FrontMatter;
use incident::templates;
use predicates::prelude::*;

use crate::common::*;

const AT: &str = "2025-10-14T08:41:00Z";

/// The filled-in report of each built-in template.
fn filled(template: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/templates")
        .join(template);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one filled-in report in {}", dir.display());
    files.remove(0)
}

/// The names of the files in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `incident new` in `dir` and returns the path it printed.
fn new(dir: &Path, args: &[&str]) -> String {
    let out = incident(dir).arg("new").args(args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The level and text of every heading but the title.
fn headings(text: &str) -> Vec<(u8, String)> {
    let doc = Document::parse(text.to_string());
    doc.headings
        .iter()
        .filter(|h| !h.text.starts_with("Incident:"))
        .map(|h| (h.level, h.text.clone()))
        .collect()
}

fn scaffold(template: &str) -> String {
    scaffold_with(template, &BTreeMap::new())
}

fn scaffold_with(template: &str, values: &BTreeMap<String, String>) -> String {
    templates::builtin(template)
        .unwrap()
        .render(
            chrono::DateTime::parse_from_rfc3339(AT)
                .unwrap()
                .with_timezone(&chrono::Utc),
            values,
        )
        .unwrap()
}

#[test]
fn numbers_reports_per_date_and_prints_the_path() {
    let tmp = tempfile::tempdir().unwrap();
    let first = new(tmp.path(), &["--at", AT]);
    assert_eq!(first, "incidentReports/incident-2025-10-14-1.md");
    assert_eq!(
        new(tmp.path(), &["--at", AT]),
        "incidentReports/incident-2025-10-14-2.md"
    );
    assert_eq!(
        new(tmp.path(), &["--at", "2025-10-15T00:00:00Z"]),
        "incidentReports/incident-2025-10-15-1.md"
    );
    let text = fs::read_to_string(tmp.path().join(&first)).unwrap();
    assert!(
        text.starts_with("# Incident: 2025-10-14 08-41-00\n"),
        "{text}"
    );
    // What to do next goes to stderr, so `$(incident new)` is just the path.
    incident(tmp.path())
        .args(["new", "--at", AT])
        .assert()
        .success()
        .stdout("incidentReports/incident-2025-10-14-3.md\n")
        .stderr(predicate::str::contains(
            "incident check incidentReports/incident-2025-10-14-3.md",
        ));
}

#[test]
fn never_overwrites_and_continues_after_the_highest_number() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("incident-2025-10-14-1.md"), "mine 1").unwrap();
    fs::write(dir.join("incident-2025-10-14-4.md"), "mine 4").unwrap();
    fs::write(dir.join("incident-2025-10-13-9.md"), "other day").unwrap();
    let path = new(tmp.path(), &["--at", AT, "--dir", "reports"]);
    assert_eq!(path, "reports/incident-2025-10-14-5.md");
    assert_eq!(
        fs::read_to_string(dir.join("incident-2025-10-14-1.md")).unwrap(),
        "mine 1"
    );
    assert_eq!(
        fs::read_to_string(dir.join("incident-2025-10-14-4.md")).unwrap(),
        "mine 4"
    );
}

#[test]
fn concurrent_runs_get_different_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("incidentReports")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("incident");
    let children: Vec<_> = (0..8)
        .map(|_| {
            std::process::Command::new(&bin)
                .current_dir(tmp.path())
                .args(["new", "--at", AT])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut printed: Vec<String> = children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        })
        .collect();
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), 8, "{printed:?}");
    let files = names(&tmp.path().join("incidentReports"));
    let expected: Vec<String> = {
        let mut v: Vec<String> = (1..=8)
            .map(|n| format!("incident-2025-10-14-{n}.md"))
            .collect();
        v.sort();
        v
    };
    assert_eq!(files, expected);
    let scaffold = scaffold("jwt-pizza");
    for file in files {
        let text = fs::read_to_string(tmp.path().join("incidentReports").join(&file)).unwrap();
        assert_eq!(text, scaffold, "{file} is complete");
    }
}

#[test]
fn at_is_converted_to_utc() {
    let tmp = tempfile::tempdir().unwrap();
    // The offset moves the incident to the next UTC day: file name and title follow.
    let path = new(tmp.path(), &["--at", "2025-10-14T23:30:15-02:00"]);
    assert_eq!(path, "incidentReports/incident-2025-10-15-1.md");
    let text = fs::read_to_string(tmp.path().join(path)).unwrap();
    assert!(
        text.starts_with("# Incident: 2025-10-15 01-30-15\n"),
        "{text}"
    );
    incident(tmp.path())
        .args(["new", "--stdout", "--at", "2025-10-14 10:41+02:00"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Incident: 2025-10-14 08-41-00\n",
        ));
}

#[test]
fn ambiguous_or_impossible_at_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for (at, says) in [
        ("2025-10-14T08:41:00", "no time zone"),
        ("2025-10-14", "date without a time"),
        ("2025-10-14 08:41 PDT", "ambiguous"),
        ("2025-02-29T08:41Z", "not a real date"),
        ("14/10/2025 08:41", "not an ISO 8601"),
    ] {
        incident(tmp.path())
            .args(["new", "--at", at])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
    assert!(!tmp.path().join("incidentReports").exists());
}

#[test]
fn dir_is_created_and_stdout_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let path = new(tmp.path(), &["--at", AT, "--dir", "a/b/c"]);
    assert_eq!(path, "a/b/c/incident-2025-10-14-1.md");
    assert!(tmp.path().join(&path).is_file());

    incident(tmp.path())
        .args(["new", "--at", AT, "--stdout", "--dir", "elsewhere"])
        .assert()
        .success()
        .stdout(scaffold("jwt-pizza"));
    assert!(!tmp.path().join("elsewhere").exists());
}

#[test]
fn a_folder_that_cannot_be_written_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("file.txt"), "x").unwrap();
    incident(tmp.path())
        .args(["new", "--at", AT, "--dir", "file.txt/reports"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "cannot create the folder file.txt/reports",
        ));
}

#[test]
fn set_fills_variables_and_rejects_bad_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = incident(tmp.path())
        .args(["new", "--stdout", "--at", AT])
        .args([
            "--set",
            "severity=SEV-2",
            "--set",
            "authors=Ana Ruiz, Bo Li",
        ])
        .args(["--set", "summary=Orders failed for 36 minutes."])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let fm = FrontMatter::read(&Document::parse(text.clone()));
    assert_eq!(fm.severity.as_deref(), Some("SEV-2"));
    assert_eq!(fm.authors, ["Ana Ruiz", "Bo Li"]);
    assert!(
        text.contains("the severity.\n\nOrders failed for 36 minutes.\n\n## Detection\n"),
        "{text}"
    );

    for (set, says) in [
        ("severity", "expected KEY=VALUE"),
        ("sevrity=SEV-2", "no variable `sevrity`"),
        ("date=2025-01-01", "cannot be set"),
    ] {
        incident(tmp.path())
            .args(["new", "--stdout", "--set", set])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn without_a_terminal_new_never_asks() {
    let tmp = tempfile::tempdir().unwrap();
    incident(tmp.path())
        .args(["new", "--at", AT])
        .write_stdin("SEV-1\nsomething\n")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .stderr(predicate::str::contains("?").not());
    let text =
        fs::read_to_string(tmp.path().join("incidentReports/incident-2025-10-14-1.md")).unwrap();
    assert!(!text.contains("SEV-1"));
}

#[test]
fn unknown_template_lists_the_known_ones() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["new", "--template", "atlassian"][..],
        &["templates", "show", "atlassian"][..],
    ] {
        incident(tmp.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("unknown template `atlassian`"))
            .stderr(predicate::str::contains("jwt-pizza, google-sre"));
    }
}

#[test]
fn a_template_file_can_be_given_by_path() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("mini.yml"),
        "name: mini\ndescription: Two sections\nsections:\n  - name: Summary\n    guidance: Write what happened.\n  - name: Action items\n    guidance: List what happens next.\nbody: |\n  # Incident: {{ date }} {{ time }}\n  <!-- incident-template: {{ template }} -->\n\n  ## Summary\n\n  {{ guidance(\"Summary\") }}\n\n  ## Action items\n\n  {{ guidance(\"Action items\") }}\n",
    )
    .unwrap();
    incident(tmp.path())
        .args(["new", "--stdout", "--at", AT, "--template", "mini.yml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "## Summary\n\n> [!NOTE]\n> Write what happened.\n",
        ));
    fs::write(tmp.path().join("broken.yml"), "name: broken\n").unwrap();
    incident(tmp.path())
        .args(["new", "--template", "./broken.yml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.yml: not a valid template"));
}

#[test]
fn templates_list_and_show() {
    let tmp = tempfile::tempdir().unwrap();
    let out = incident(tmp.path())
        .args(["templates", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let list = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), templates::builtins().len(), "{list}");
    assert!(lines[0].starts_with("jwt-pizza ") && lines[0].ends_with("(default)"));
    assert!(lines[1].starts_with("google-sre ") && lines[1].contains("Google SRE"));

    let out = incident(tmp.path())
        .args(["templates", "show", "google-sre"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    let parsed = templates::Template::from_yaml(&shown).unwrap();
    assert_eq!(parsed.name, "google-sre");
    assert_eq!(parsed.body, templates::builtin("google-sre").unwrap().body);
}

#[test]
fn project_templates_come_from_the_config() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("team-templates")).unwrap();
    fs::write(
        tmp.path().join(".incident.yml"),
        "template: team\ntemplates_dir: team-templates\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("team-templates/team.yml"),
        "name: team\ndescription: Our own report\nsections:\n  - name: Summary\n    guidance: Write the story.\nbody: |\n  # Incident: {{ date }} {{ time }}\n\n  ## Summary\n\n  {{ guidance(\"Summary\") }}\n",
    )
    .unwrap();
    fs::create_dir(tmp.path().join("sub")).unwrap();
    // Found from a sub-folder too: the folder is relative to the config file.
    incident(&tmp.path().join("sub"))
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "team        Our own report (default, ",
        ))
        .stdout(predicate::str::contains("jwt-pizza"));
    incident(tmp.path())
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "team        Our own report (default, team-templates/team.yml)\n",
        ));
    incident(tmp.path())
        .args(["new", "--stdout", "--at", AT])
        .assert()
        .success()
        .stdout("# Incident: 2025-10-14 08-41-00\n\n## Summary\n\n> [!NOTE]\n> Write the story.\n");
}

#[test]
fn every_scaffold_fails_check_only_with_template_placeholder() {
    for template in templates::builtins() {
        let text = scaffold(&template.name);
        let diags = check_str("incident-2025-10-14-1.md", &text);
        let guided = template
            .sections
            .iter()
            .filter(|s| s.guidance.is_some())
            .count();
        assert_eq!(diags.len(), guided, "{}: {diags:#?}", template.name);
        assert!(
            diags.iter().all(|d| d.rule == "template-placeholder"),
            "{}: {diags:#?}",
            template.name
        );
        // And through the binary, on the file `new` wrote.
        let tmp = tempfile::tempdir().unwrap();
        let path = new(tmp.path(), &["--at", AT, "--template", &template.name]);
        let out = incident(tmp.path())
            .args(["check", &path, "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", template.name);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules.len(), guided, "{}", template.name);
        assert!(rules.iter().all(|r| *r == "template-placeholder"));
        // With every variable set, it is still only the guidance that is left.
        let values: BTreeMap<String, String> = template
            .variables()
            .unwrap()
            .into_iter()
            .map(|v| {
                let value = match v.as_str() {
                    "severity" => "SEV-2",
                    "authors" => "Ana Ruiz, Bo Li",
                    "status" => "draft",
                    "summary" => "Checkout failed for some users.",
                    _ => "orders",
                };
                (v, value.to_string())
            })
            .collect();
        let text = scaffold_with(&template.name, &values);
        assert!(text.contains("SEV-2"), "{text}");
        let diags = check_str("incident-2025-10-14-1.md", &text);
        assert_eq!(diags.len(), guided, "{}: {diags:#?}", template.name);
        assert!(diags.iter().all(|d| d.rule == "template-placeholder"));
    }
}

#[test]
fn every_filled_in_template_checks_clean() {
    for template in templates::builtins() {
        let path = filled(&template.name);
        let text = fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let diags = check_str(name, &text);
        assert!(diags.is_empty(), "{}: {diags:#?}", template.name);
        // The filled-in report has the scaffold's headings, in its order.
        assert_eq!(
            headings(&text),
            headings(&scaffold(&template.name)),
            "{}",
            template.name
        );
        incident(path.parent().unwrap())
            .args(["check", name])
            .assert()
            .code(0);
    }
}

#[test]
fn check_uses_the_recorded_template() {
    let text = fs::read_to_string(filled("google-sre")).unwrap();
    assert!(text.contains("template: google-sre\n"));
    // Without the record, the report is read against the default schema.
    let unrecorded = text.replace("template: google-sre\n", "");
    let diags = check_str("incident-2026-03-05-1.md", &unrecorded);
    let missing: Vec<&str> = diags
        .iter()
        .filter(|d| d.rule == "missing-section")
        .map(|d| d.message.as_ref())
        .collect();
    assert!(
        missing.iter().any(|m| m.contains("Prevention")),
        "{diags:#?}"
    );
    // A google-sre report that lacks its Trigger section is told so.
    let start = text.find("## Trigger").unwrap();
    let end = text.find("## Resolution").unwrap();
    let no_trigger = format!("{}{}", &text[..start], &text[end..]);
    let diags = check_str("incident-2026-03-05-1.md", &no_trigger);
    assert!(
        diags
            .iter()
            .any(|d| d.rule == "missing-section" && d.message.contains("Trigger")),
        "{diags:#?}"
    );
}

#[test]
fn guidance_left_without_its_callout_markers_is_still_found() {
    let text = scaffold("google-sre");
    let start = text.find("## Trigger\n").unwrap();
    let end = text.find("## Resolution\n").unwrap();
    let section = text[start..end]
        .replace("> [!NOTE]\n", "")
        .replace("> ", "");
    let text = format!("{}{section}{}", &text[..start], &text[end..]);
    let diags = check_str("incident-2025-10-14-1.md", &text);
    let guidance: Vec<&str> = diags
        .iter()
        .filter(|d| d.message.contains("guidance text"))
        .map(|d| &text[d.span.clone()])
        .collect();
    assert_eq!(
        guidance,
        ["Record the single event that set those latent causes off: a deploy, a"],
        "{diags:#?}"
    );
    assert!(diags.iter().all(|d| d.rule == "template-placeholder"));
}

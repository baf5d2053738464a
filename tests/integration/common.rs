//! Helpers shared by the integration tests.

#![allow(dead_code, reason = "each test module uses a different subset")]

use std::path::{Path, PathBuf};

use incident::config::Settings;
use incident::diagnostic::Diagnostic;
use incident::engine;

/// The folder of rule fixtures: `tests/fixtures/rules/<rule-id>/`.
pub fn fixture_dir(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(rule)
}

/// Checks a report's text as if it were a file named `name`, with the default settings.
pub fn check_str(name: &str, text: &str) -> Vec<Diagnostic> {
    engine::check_source(name, text.to_string(), &Settings::default()).0
}

/// Checks a fixture file; the path given to the rules is its file name.
pub fn check_fixture(rule: &str, file: &str) -> (String, Vec<Diagnostic>) {
    let path = fixture_dir(rule).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let diags = check_str(file, &text);
    (text, diags)
}

/// The 1-based lines at which `rule` fires in `text`.
pub fn lines_of(rule: &str, text: &str, diags: &[Diagnostic]) -> Vec<usize> {
    diags
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| text[..d.span.start.min(text.len())].matches('\n').count() + 1)
        .collect()
}

/// Asserts that `rule` fires exactly at `lines` of the fixture.
pub fn assert_fires(rule: &str, file: &str, lines: &[usize]) {
    let (text, diags) = check_fixture(rule, file);
    assert_eq!(
        lines_of(rule, &text, &diags),
        lines,
        "{rule} on {file}: {diags:#?}"
    );
}

/// Asserts that `rule` stays quiet on every fixture in its folder whose name
/// starts with `quiet`.
pub fn assert_quiet_fixtures(rule: &str) {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixture_dir(rule)).expect("fixture folder exists") {
        let name = entry
            .expect("readable")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !name.starts_with("quiet") {
            continue;
        }
        seen += 1;
        let (text, diags) = check_fixture(rule, &name);
        assert_eq!(
            lines_of(rule, &text, &diags),
            Vec::<usize>::new(),
            "{rule} fired on {name}: {diags:#?}"
        );
    }
    assert!(seen > 0, "no quiet fixtures for {rule}");
}

/// The `incident` binary, run in `dir`, with colour off.
pub fn incident(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("incident").expect("binary built");
    cmd.current_dir(dir).env("NO_COLOR", "1").env_remove("CI");
    cmd
}

/// A complete, correct report, for tests that need one to start from.
pub const CLEAN_REPORT: &str =
    include_str!("../../examples/incidentReports/incident-2025-10-14-1.md");

/// Asserts that no rule at all fires on the quiet fixtures of `rules`: they
/// are correct reports. Fixtures named `*unwritten*` are skipped (an
/// unwritten section is not correct: other rules report its guidance).
pub fn assert_quiet_fixtures_are_clean(rules: &[&str]) {
    for rule in rules {
        for entry in std::fs::read_dir(fixture_dir(rule)).expect("fixtures") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if !name.starts_with("quiet") || name.contains("unwritten") {
                continue;
            }
            let text = std::fs::read_to_string(fixture_dir(rule).join(&name)).expect("readable");
            // Under a conventional name, so that `filename-convention` is quiet too.
            let diags = check_str("incident-2025-10-14-1.md", &text);
            assert!(diags.is_empty(), "{rule}/{name}: {diags:#?}");
        }
    }
}

/// The `path` of every file in a `--format json` document, in order.
pub fn json_paths(json: &serde_json::Value) -> Vec<&str> {
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect()
}

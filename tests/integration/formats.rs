//! Every `--format` of `incident check`, parsed back with a real parser, and
//! the exit-code contract end to end for each of them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::common::*;

/// A folder with a clean report, a report with an error (a broken title), a
/// report with only a warning (its file name), and one whose name and text
/// need escaping in every format.
fn reports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("incidentReports");
    std::fs::create_dir(&reports).unwrap();
    std::fs::write(reports.join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    let broken = CLEAN_REPORT.replacen(
        "# Incident: 2025-10-14 08-41-00",
        "# Incident 2025-10-14 <&> \"50%\"",
        1,
    );
    std::fs::write(reports.join("incident-2025-10-14-2.md"), broken).unwrap();
    std::fs::write(reports.join("notes, draft.md"), CLEAN_REPORT).unwrap();
    dir
}

const CLEAN: &str = "incidentReports/incident-2025-10-14-1.md";
const BROKEN: &str = "incidentReports/incident-2025-10-14-2.md";
const WARNED: &str = "incidentReports/notes, draft.md";
const FORMATS: [&str; 6] = ["human", "json", "sarif", "github", "junit", "csv"];

/// Runs `incident check ARGS --format F` in `dir`; returns (stdout, exit code).
fn run(dir: &Path, format: &str, args: &[&str]) -> (String, i32) {
    let out = incident(dir)
        .arg("check")
        .args(args)
        .args(["--format", format])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let (out, _) = run(dir, "json", args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// (path → (errors, warnings, infos)) from the JSON output: the reference
/// the other formats are compared with.
fn counts(doc: &Value) -> BTreeMap<String, [usize; 3]> {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut c = [0; 3];
            for d in f["diagnostics"].as_array().unwrap() {
                let i = ["error", "warning", "info"]
                    .iter()
                    .position(|s| d["severity"] == *s)
                    .unwrap();
                c[i] += 1;
            }
            (f["path"].as_str().unwrap().to_string(), c)
        })
        .collect()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn json_has_exactly_the_shape_of_the_spec() {
    let dir = reports();
    let doc = json(dir.path(), &["incidentReports", "missing.md"]);
    assert_eq!(keys(&doc), BTreeSet::from(["version", "files", "summary"]));
    assert_eq!(doc["version"], 1);
    let files = doc["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [CLEAN, BROKEN, WARNED, "missing.md"],
        "sorted by path"
    );
    for file in files {
        assert_eq!(keys(file), BTreeSet::from(["path", "diagnostics"]));
        for d in file["diagnostics"].as_array().unwrap() {
            let mut expected = BTreeSet::from([
                "rule",
                "severity",
                "message",
                "line",
                "column",
                "end_line",
                "end_column",
                "help",
                "fixable",
            ]);
            if d.get("labels").is_some() {
                expected.insert("labels");
            }
            assert_eq!(keys(d), expected, "{d}");
            assert!(d["rule"].as_str().is_some_and(|r| !r.is_empty()));
            assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
            assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
            for key in ["line", "column", "end_line", "end_column"] {
                assert!(d[key].as_u64().is_some_and(|n| n >= 1), "{key} in {d}");
            }
            assert!(d["help"].is_string() || d["help"].is_null());
            assert!(d["fixable"].is_boolean());
        }
    }
    let summary = &doc["summary"];
    assert_eq!(
        keys(summary),
        BTreeSet::from(["files", "files_with_errors", "errors", "warnings", "infos"])
    );
    let c = counts(&doc);
    let total = |i: usize| c.values().map(|v| v[i]).sum::<usize>();
    assert_eq!(summary["files"], 4);
    assert_eq!(summary["errors"], total(0));
    assert_eq!(summary["warnings"], total(1));
    assert_eq!(summary["infos"], total(2));
    assert_eq!(
        summary["files_with_errors"],
        c.values().filter(|v| v[0] > 0).count()
    );
    // The clean report is clean; the broken one has its title error; the
    // missing file is one io-error.
    assert_eq!(c[CLEAN], [0, 0, 0]);
    let rules_of = |path: &str| -> Vec<&str> {
        files.iter().find(|f| f["path"] == path).unwrap()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect()
    };
    assert!(rules_of(BROKEN).contains(&"title-format"));
    assert_eq!(rules_of("missing.md"), ["io-error"]);
    assert_eq!(rules_of(WARNED), ["filename-convention"]);
}

#[test]
fn sarif_has_the_required_fields_and_every_rule() {
    let dir = reports();
    let (out, code) = run(dir.path(), "sarif", &["incidentReports"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "incident");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for rule in incident::rules::RULES {
        assert!(ids.contains(&rule.id), "{} is not described", rule.id);
    }
    assert!(ids.contains(&"io-error"));
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string(), "{r}");
        assert!(r["fullDescription"]["text"].is_string(), "{r}");
        assert!(
            ["error", "warning", "note"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap())
        );
    }
    let results = run["results"].as_array().unwrap();
    let reference = counts(&json(dir.path(), &["incidentReports"]));
    let total: usize = reference.values().flatten().sum();
    assert_eq!(results.len(), total);
    for r in results {
        let rule = r["ruleId"].as_str().unwrap();
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], rule);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("incidentReports/"), "{uri}");
        assert!(
            !uri.contains(' ') && !uri.contains(','),
            "{uri} is not escaped"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
    assert!(results.iter().any(|r| r["ruleId"] == "title-format"
        && r["level"] == "error"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BROKEN));
}

#[test]
fn github_annotations_are_escaped_lines() {
    let dir = reports();
    let (out, code) = run(dir.path(), "github", &["incidentReports"]);
    assert_eq!(code, 1);
    let re = regex::Regex::new(
        r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$",
    )
    .unwrap();
    let reference = counts(&json(dir.path(), &["incidentReports"]));
    let mut seen: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for line in out.lines() {
        let c = re
            .captures(line)
            .unwrap_or_else(|| panic!("not an annotation: {line}"));
        let path = c[2]
            .replace("%2C", ",")
            .replace("%3A", ":")
            .replace("%25", "%");
        let i = ["error", "warning", "notice"]
            .iter()
            .position(|s| *s == &c[1])
            .unwrap();
        seen.entry(path).or_default()[i] += 1;
        assert!(!c[8].contains('\n'));
    }
    let reference: BTreeMap<_, _> = reference
        .into_iter()
        .filter(|(_, c)| c != &[0, 0, 0])
        .collect();
    assert_eq!(seen, reference);
    // The file name's comma is escaped; the help is on its own annotation line.
    assert!(
        out.contains("file=incidentReports/notes%2C draft.md,"),
        "{out}"
    );
    assert!(out.contains("%0Ahelp: "), "{out}");
}

#[test]
fn github_escapes_percent_in_messages() {
    let dir = reports();
    let (out, _) = run(dir.path(), "github", &[BROKEN]);
    let title = out
        .lines()
        .find(|l| l.contains("title=title-format"))
        .unwrap();
    assert!(title.contains("50%25"), "{title}");
    assert!(!title.contains("50%\""), "{title}");
}

/// A test case of a JUnit report.
#[derive(Debug, Default)]
struct Case {
    name: String,
    /// `failure` or `error`, with its text.
    outcome: Option<(String, String)>,
}

fn junit_cases(xml: &str) -> Vec<Case> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut cases: Vec<Case> = Vec::new();
    let mut in_outcome = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"testcase" => {
                let name = e
                    .attributes()
                    .map(|a| a.unwrap())
                    .find(|a| a.key.as_ref() == b"name")
                    .unwrap()
                    .unescape_value()
                    .unwrap()
                    .into_owned();
                cases.push(Case {
                    name,
                    outcome: None,
                });
            }
            Event::Start(e) if matches!(e.name().as_ref(), b"failure" | b"error") => {
                let kind = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                cases.last_mut().unwrap().outcome = Some((kind, String::new()));
                in_outcome = true;
            }
            Event::End(e) if matches!(e.name().as_ref(), b"failure" | b"error") => {
                in_outcome = false;
            }
            Event::Text(t) if in_outcome => {
                let text = t.decode().unwrap();
                cases
                    .last_mut()
                    .unwrap()
                    .outcome
                    .as_mut()
                    .unwrap()
                    .1
                    .push_str(&text);
            }
            Event::GeneralRef(_) if in_outcome => {
                cases
                    .last_mut()
                    .unwrap()
                    .outcome
                    .as_mut()
                    .unwrap()
                    .1
                    .push('&');
            }
            Event::Eof => break,
            _ => {}
        }
    }
    cases
}

#[test]
fn junit_is_xml_with_a_case_per_file_and_a_line_per_error() {
    let dir = reports();
    let (out, code) = run(dir.path(), "junit", &["incidentReports", "missing.md"]);
    assert_eq!(code, 2);
    let cases = junit_cases(&out);
    let names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, [CLEAN, BROKEN, WARNED, "missing.md"]);
    let reference = counts(&json(dir.path(), &["incidentReports", "missing.md"]));
    for case in &cases {
        let errors = reference[&case.name][0];
        match &case.outcome {
            None => assert_eq!(errors, 0, "{case:?}"),
            Some((kind, text)) => {
                assert_eq!(text.lines().count(), errors, "{case:?}");
                let expected = if case.name == "missing.md" {
                    "error"
                } else {
                    "failure"
                };
                assert_eq!(kind, expected);
            }
        }
    }
    // Warnings fail the test case only with --strict.
    let warned = |args: &[&str]| {
        let (out, _) = run(dir.path(), "junit", args);
        junit_cases(&out)
            .into_iter()
            .find(|c| c.name == WARNED)
            .unwrap()
            .outcome
    };
    assert!(warned(&["incidentReports"]).is_none());
    assert!(warned(&["incidentReports", "--strict"]).is_some());
}

#[test]
fn csv_has_a_row_per_file_with_counts_per_family() {
    let dir = reports();
    let (out, code) = run(dir.path(), "csv", &["incidentReports", "missing.md"]);
    assert_eq!(code, 2);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "path",
            "errors",
            "warnings",
            "infos",
            "structure",
            "time",
            "impact",
            "actions",
            "content"
        ]
    );
    let reference = counts(&json(dir.path(), &["incidentReports", "missing.md"]));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let paths: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(paths, [CLEAN, BROKEN, WARNED, "missing.md"]);
    for row in &rows {
        let n = |i: usize| row[i].parse::<usize>().unwrap();
        assert_eq!([n(1), n(2), n(3)], reference[&row[0]], "{row:?}");
        let families: usize = (4..9).map(n).sum();
        if &row[0] == "missing.md" {
            assert_eq!(families, 0, "an io-error belongs to no family");
        } else {
            assert_eq!(families, n(1) + n(2) + n(3), "{row:?}");
        }
    }
    assert!(
        rows.iter()
            .any(|r| &r[0] == BROKEN && r[4].parse::<usize>().unwrap() >= 1)
    );
}

#[test]
fn csv_of_no_files_is_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let (out, code) = run(dir.path(), "csv", &[]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("path,errors,"));
}

#[test]
fn exit_codes_are_the_same_in_every_format() {
    let dir = reports();
    for format in FORMATS {
        assert_eq!(run(dir.path(), format, &[CLEAN]).1, 0, "{format}: clean");
        assert_eq!(
            run(dir.path(), format, &[WARNED]).1,
            0,
            "{format}: a warning"
        );
        assert_eq!(
            run(dir.path(), format, &[WARNED, "--strict"]).1,
            1,
            "{format}: --strict"
        );
        assert_eq!(
            run(dir.path(), format, &[BROKEN, CLEAN]).1,
            1,
            "{format}: an error"
        );
        // A missing file is exit 2, and the other files are still reported.
        let (out, code) = run(dir.path(), format, &[BROKEN, "missing.md"]);
        assert_eq!(code, 2, "{format}: a missing file");
        assert!(out.contains("missing.md"), "{format}: {out}");
        assert!(
            out.contains("title-format") || format == "csv",
            "{format}: {out}"
        );
        assert!(out.contains("incident-2025-10-14-2.md"), "{format}: {out}");
    }
}

/// A finding on a line too long to excerpt (a pasted log, minified JSON) is
/// written on one line with its position: the excerpt would print the whole
/// line once per finding on it.
#[test]
fn human_names_the_place_of_a_finding_on_a_very_long_line_without_printing_it() {
    let dir = tempfile::tempdir().unwrap();
    let long = "For 40 minutes between 10:05 and 10:50 UTC, orders failed; ".repeat(100);
    let report = CLEAN_REPORT.replacen("## Impact\n\n", &format!("## Impact\n\n{long}\n\n"), 1);
    let line = report[..report.find(&long).unwrap()].lines().count() + 1;
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), report).unwrap();
    let (out, code) = run(dir.path(), "human", &["incident-2025-10-14-1.md"]);
    assert_eq!(code, 1, "{out}");
    let placed = format!("[duration-mismatch]: incident-2025-10-14-1.md:{line}:");
    assert_eq!(out.matches(&placed).count(), 100, "{out}");
    assert!(out.contains("excerpt is not shown"), "{out}");
    let longest = out.lines().map(str::len).max().unwrap();
    assert!(longest < 1_000, "a line of {longest} bytes");
}

//! The command line end to end: walking folders, parallel runs, stdin,
//! explain, completions and the man page.

use std::path::Path;

use clap::CommandFactory;

use crate::common::*;

fn stdout_of(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = incident(dir).args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn clap_definitions_are_consistent() {
    incident::cli::Cli::command().debug_assert();
}

/// A folder of `n` reports in nested folders, some broken, some warned.
fn many(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let sub = dir.path().join(format!("class-{}/student-{i:03}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        let text = match i % 3 {
            0 => CLEAN_REPORT.to_string(),
            1 => CLEAN_REPORT.replacen("# Incident: 2025-10-14 08-41-00", "# Outage", 1),
            _ => CLEAN_REPORT.replacen("## Prevention", "## Prevention\n\n## Prevention", 1),
        };
        std::fs::write(sub.join("incident-2025-10-14-1.md"), text).unwrap();
    }
    dir
}

#[test]
fn same_output_whatever_the_number_of_threads() {
    let dir = many(90);
    for format in ["json", "csv", "human", "sarif", "junit", "github"] {
        let one = stdout_of(dir.path(), &["check", "--format", format, "--jobs", "1"]);
        let eight = stdout_of(dir.path(), &["check", "--format", format, "--jobs", "8"]);
        assert_eq!(one, eight, "{format}");
        assert_eq!(one.2, 1);
    }
    // Sorted by path.
    let (out, _, _) = stdout_of(dir.path(), &["check", "--format", "csv"]);
    let paths: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(paths.len(), 90);
    let mut sorted = paths.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(paths, sorted);
}

/// `check` checks files in chunks of 512 on the workers while it writes
/// the chunk before: over several chunks, every file is written once, in
/// path order, whatever the number of threads.
#[test]
fn files_over_several_chunks_are_written_once_in_order() {
    let dir = many(1100);
    let one = stdout_of(dir.path(), &["check", "--format", "json", "--jobs", "1"]);
    let four = stdout_of(dir.path(), &["check", "--format", "json", "--jobs", "4"]);
    assert_eq!(one, four);
    let json: serde_json::Value = serde_json::from_str(&one.0).unwrap();
    let paths = json_paths(&json);
    assert_eq!(paths.len(), 1100);
    let mut sorted = paths.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    sorted.dedup();
    assert_eq!(paths, sorted);
    assert_eq!(json["summary"]["files"], 1100);
    // SARIF and JUnit gather every file's part and write one document at
    // the end: still each file once, in path order.
    for format in ["sarif", "junit"] {
        let one = stdout_of(dir.path(), &["check", "--format", format, "--jobs", "1"]);
        let four = stdout_of(dir.path(), &["check", "--format", format, "--jobs", "4"]);
        assert_eq!(one, four, "{format}");
    }
    let (sarif, _, _) = stdout_of(dir.path(), &["check", "--format", "sarif", "--jobs", "4"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    // Two of every three reports have findings.
    assert!(uris.len() >= 733, "{}", uris.len());
    assert!(uris.windows(2).all(|w| Path::new(w[0]) <= Path::new(w[1])));
    let (junit, _, _) = stdout_of(dir.path(), &["check", "--format", "junit", "--jobs", "4"]);
    let cases: Vec<&str> = junit
        .split("<testcase name=\"")
        .skip(1)
        .map(|case| case.split('"').next().unwrap())
        .collect();
    assert_eq!(cases.len(), 1100);
    assert_eq!(cases, paths);
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = many(40);
    let (_, err, _) = stdout_of(dir.path(), &["check", "--format", "json"]);
    assert_eq!(err, "");
}

#[test]
fn gitignore_is_honoured_outside_a_git_repository() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert!(!root.join(".git").exists());
    std::fs::write(root.join(".gitignore"), "ignored/\nscratch-*.md\n").unwrap();
    for path in [
        "incident-2025-10-14-1.md",
        "ignored/incident-2025-10-14-2.md",
        "scratch-1.md",
        ".hidden/incident-2025-10-14-3.md",
        "sub/.draft.md",
        "sub/incident-2025-10-14-4.md",
    ] {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, CLEAN_REPORT).unwrap();
    }
    let (out, _, _) = stdout_of(root, &["check", "--format", "csv"]);
    let paths: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["incident-2025-10-14-1.md", "sub/incident-2025-10-14-4.md"]
    );
    // Named explicitly, an ignored file is checked.
    let (out, _, _) = stdout_of(root, &["check", "--format", "csv", "scratch-1.md"]);
    assert!(out.contains("scratch-1.md"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_survived_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("reports");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    std::os::unix::fs::symlink("..", sub.join("loop")).unwrap();
    std::os::unix::fs::symlink("missing.md", sub.join("dangling.md")).unwrap();
    let (out, err, code) = stdout_of(dir.path(), &["check", "reports", "--format", "csv"]);
    assert!(err.is_empty(), "{err}");
    let paths: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // The report once, under its own name, not again under `loop/`; the
    // dangling link is a file that cannot be read.
    assert_eq!(
        paths,
        ["reports/dangling.md", "reports/incident-2025-10-14-1.md"]
    );
    assert!(
        out.contains("reports/incident-2025-10-14-1.md,0,0,0"),
        "{out}"
    );
    assert_eq!(code, 2, "{out}");
    let (out, _, _) = stdout_of(dir.path(), &["check", "reports/dangling.md"]);
    assert!(out.contains("broken symbolic link"), "{out}");
    std::fs::remove_file(sub.join("dangling.md")).unwrap();
    let (out, err, code) = stdout_of(dir.path(), &["check", "reports", "--format", "csv"]);
    assert!(err.is_empty(), "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("incident-2025-10-14-1.md"), CLEAN_REPORT).unwrap();
    std::fs::write(
        dir.path().join("incident-2025-10-14-2.md"),
        b"# Incident\xff\n",
    )
    .unwrap();
    let (out, _, code) = stdout_of(dir.path(), &["check", ".", "nope.md", "--format", "json"]);
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["diagnostics"].as_array().unwrap().len(), 0);
    for f in &files[1..] {
        assert_eq!(f["diagnostics"][0]["rule"], "io-error", "{f}");
    }
    assert!(
        files[1]["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-8")
    );
    // Human output says so too, and still ends with the summary.
    let (out, _, code) = stdout_of(dir.path(), &["check", ".", "nope.md"]);
    assert_eq!(code, 2);
    assert!(out.contains("nope.md: no such file or directory"), "{out}");
    assert!(out.trim_end().ends_with("3 files."), "{out}");
}

#[test]
fn stdin_is_checked_as_dash() {
    let dir = tempfile::tempdir().unwrap();
    let out = incident(dir.path())
        .args(["check", "-", "--format", "csv"])
        .write_stdin(CLEAN_REPORT.replacen("# Incident: 2025-10-14 08-41-00", "# Outage", 1))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n-,"));
}

#[test]
fn explain_prints_compiled_in_docs() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = stdout_of(dir.path(), &["explain", "unused-suppression"]);
    assert_eq!(code, 0);
    for part in [
        "# unused-suppression",
        "Default severity: info",
        "## What it does",
        "## Example",
        "## Use instead",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    let (out, _, code) = stdout_of(dir.path(), &["explain", "--list"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), incident::rules::RULES.len());
    for rule in incident::rules::RULES {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(rule.id))
            .unwrap();
        assert!(
            line.contains(rule.family.as_str()) && line.contains(rule.summary),
            "{line}"
        );
    }
    let (out, _, _) = stdout_of(dir.path(), &["explain", "time"]);
    assert!(
        out.lines().count() > 1 && out.lines().all(|l| l.contains(" time ")),
        "{out}"
    );
    let (_, err, code) = stdout_of(dir.path(), &["explain", "timeline"]);
    assert_eq!(code, 2);
    assert!(err.contains("timeline-order"), "{err}");
}

#[test]
fn completions_for_every_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, _, code) = stdout_of(dir.path(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(
            out.contains("incident") && out.contains("no-progress"),
            "{shell}"
        );
    }
    let (_, _, code) = stdout_of(dir.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2);
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = stdout_of(dir.path(), &["manpage"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.starts_with(".TH"),
        "{}",
        &out[..80]
    );
    assert!(out.contains(".TH incident 1"));
    for sub in [
        "CHECK",
        "NEW",
        "FIX",
        "EXPLAIN",
        "EXPORT",
        "TEMPLATES",
        "COMPLETIONS",
    ] {
        assert!(out.contains(&format!(".SH \"INCIDENT {sub}\"")), "{sub}");
    }
    assert!(out.contains("\\-\\-no\\-progress"));
    assert!(out.contains("EXIT STATUS"));
    // Hidden from --help, which lists only what users type daily.
    let (help, _, _) = stdout_of(dir.path(), &["--help"]);
    assert!(!help.contains("manpage"));
}

/// A reader that goes away (`incident check | head`) ends the run quietly,
/// exit 0, in every format: the output was not wanted.
#[test]
fn a_closed_pipe_ends_the_run_quietly_in_every_format() {
    let dir = many(300);
    for format in ["json", "csv", "human", "sarif", "junit", "github"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("incident"))
            .current_dir(dir.path())
            .args(["check", "--format", format, "--no-progress", "."])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Nothing will be read: close the pipe's reading end.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}");
    }
}

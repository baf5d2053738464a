//! Input that must never break the tool: each bad file gets one clear line
//! naming it (or is checked normally), the other files are still checked,
//! nothing panics, and the exit code says what happened. Also a
//! property-based stress test that runs the fuzz target's checks in
//! `cargo test`.

use std::path::Path;

use incident::config::Settings;
use incident::fix;
use proptest::prelude::*;

use crate::common::*;

const GOOD: &str = "incident-2025-10-14-1.md";

/// A folder with the clean example report in it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(GOOD), CLEAN_REPORT).expect("write");
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = incident(dir).args(args).output().expect("runs");
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "panic: {text}");
        assert!(!text.contains("RUST_BACKTRACE"), "backtrace: {text}");
    }
    run
}

/// Checks the folder; asserts exit 2, the one-line message for `name`, and
/// that the good report was checked too.
fn assert_unreadable(dir: &Path, name: &str, message: &str) {
    let r = run(dir, &["check", "--no-progress", "."]);
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    let line = format!("error[io-error]: {name}: {message}");
    assert_eq!(
        r.stdout
            .lines()
            .filter(|l| l.contains(name))
            .collect::<Vec<_>>(),
        [line.as_str()],
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("of 2 files."),
        "the good file is checked: {}",
        r.stdout
    );
    // The JSON output has the same as an `io-error` diagnostic.
    let r = run(dir, &["check", "--no-progress", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    let bad = files
        .iter()
        .find(|f| f["path"] == name)
        .expect("bad file listed");
    assert_eq!(bad["diagnostics"][0]["rule"], "io-error");
    assert_eq!(bad["diagnostics"][0]["message"], message);
}

#[test]
fn not_utf8_is_named_and_the_rest_is_checked() {
    let dir = folder();
    std::fs::write(dir.path().join("latin1.md"), b"# Incident\n\ncaf\xe9\n").expect("write");
    assert_unreadable(
        dir.path(),
        "latin1.md",
        "is not valid UTF-8 (first bad byte on line 3); save it as UTF-8",
    );
}

#[test]
fn binary_is_named_and_the_rest_is_checked() {
    let dir = folder();
    std::fs::write(
        dir.path().join("image.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .expect("write");
    assert_unreadable(dir.path(), "image.md", "is a binary file, not Markdown");
}

#[test]
fn a_file_over_the_size_limit_is_named_and_not_read() {
    let dir = folder();
    let path = dir.path().join("huge.md");
    let line = "- 10:00 UTC a line of a very long pasted log that goes on and on\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(&path, &text).expect("write 50 MB");
    assert_unreadable(
        dir.path(),
        "huge.md",
        "is 50 MiB; files over 10 MiB are not checked",
    );
    // `fix` does not touch it either.
    let r = run(dir.path(), &["fix", "."]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("incident: huge.md: is 50 MiB"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::metadata(&path).expect("meta").len(),
        text.len() as u64
    );
}

#[test]
fn an_empty_file_is_checked_normally() {
    let dir = folder();
    std::fs::write(dir.path().join("empty.md"), "").expect("write");
    let r = run(dir.path(), &["check", "--no-progress", "empty.md"]);
    assert_eq!(r.code, Some(0), "a warning only: {}", r.stdout);
    assert!(
        r.stdout.contains("warning[not-a-report]: empty.md:"),
        "{}",
        r.stdout
    );
    let r = run(dir.path(), &["fix", "empty.md"]);
    assert_eq!(r.code, Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("empty.md")).expect("read"),
        ""
    );
}

/// Thousands of nested block quotes, brackets, emphasis, lists, fences.
fn deeply_nested() -> String {
    let mut text = String::from("# Incident: 2025-10-14 08-41-00\n\n## Summary\n\n");
    text.push_str(&"> ".repeat(5000));
    text.push_str("quoted\n\n");
    text.push_str(&"[".repeat(10_000));
    text.push_str(&"]".repeat(3000));
    text.push_str("\n\n");
    text.push_str(&"*_".repeat(3000));
    text.push_str("\n\n");
    for depth in 0..400 {
        text.push_str(&"  ".repeat(depth));
        text.push_str("- item\n");
    }
    text.push_str(&"<div>".repeat(2000));
    text.push_str("\n\n");
    text.push_str(&"`".repeat(3000));
    text.push('\n');
    text.push_str(&"> - ".repeat(1000));
    text.push_str("```md\n## Timeline\n");
    text
}

#[test]
fn deep_nesting_is_checked_normally() {
    let text = deeply_nested();
    let diags = check_str(GOOD, &text);
    assert!(
        diags.iter().any(|d| d.rule == "missing-section"),
        "it is read as a report"
    );
    let dir = folder();
    std::fs::write(dir.path().join("deep.md"), &text).expect("write");
    for format in ["human", "json"] {
        let r = run(
            dir.path(),
            &["check", "--no-progress", "--format", format, "deep.md"],
        );
        assert_eq!(r.code, Some(1), "{format}");
    }
    let r = run(dir.path(), &["fix", "--diff", "deep.md"]);
    assert!(matches!(r.code, Some(0 | 1)), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_walked_folder_is_skipped() {
    use std::os::unix::fs::symlink;
    let dir = folder();
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    symlink("..", dir.path().join("sub/up")).expect("symlink");
    let r = run(
        dir.path(),
        &["check", "--no-progress", "--format", "json", "."],
    );
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(
        json["summary"]["files"], 1,
        "the report is checked once: {}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_to_itself_is_named() {
    use std::os::unix::fs::symlink;
    let dir = folder();
    symlink("self.md", dir.path().join("self.md")).expect("symlink");
    assert_unreadable(dir.path(), "self.md", "is a symbolic link loop");
}

/// True when permissions are enforced (not root): a folder with mode 000
/// cannot be listed.
#[cfg(unix)]
fn permissions_enforced(probe: &Path) -> bool {
    std::fs::read_dir(probe).is_err()
}

#[cfg(unix)]
#[test]
fn a_folder_without_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("hidden.md"), CLEAN_REPORT).expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let enforced = permissions_enforced(&locked);
    let r = enforced.then(|| run(dir.path(), &["check", "--no-progress", "."]));
    // Let the tempdir be removed.
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let Some(r) = r else {
        // Running as root: permissions are not enforced, nothing to test.
        return;
    };
    assert_eq!(r.code, Some(2), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("error[io-error]: locked: permission denied"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("of 2 files."), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_file_without_permission_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder();
    let path = dir.path().join("secret.md");
    std::fs::write(&path, CLEAN_REPORT).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        return; // Running as root: permissions are not enforced.
    }
    assert_unreadable(dir.path(), "secret.md", "permission denied");
}

#[test]
fn a_missing_path_is_named() {
    let dir = folder();
    let r = run(dir.path(), &["check", "--no-progress", "nope.md", GOOD]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stdout
            .contains("error[io-error]: nope.md: no such file or directory")
    );
    assert!(r.stdout.contains("of 2 files."));
}

#[test]
fn bad_standard_input_is_named() {
    let dir = folder();
    let out = incident(dir.path())
        .args(["check", "--no-progress", "-"])
        .write_stdin(&b"\xff\xfe# x\n"[..])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("error[io-error]: -: is not valid UTF-8"),
        "{stdout}"
    );
}

use incident::testing::pipeline;

/// Pieces of reports, Markdown syntax and credential shapes, to build
/// inputs that reach deep into the parser and the rules.
fn fragment() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "# Incident: 2025-10-14 08-41-00\n",
        "# Incident: 2025-10-14 08:41:00\n",
        "## Summary\n",
        "## Impact\n",
        "## Timeline\n",
        "# Root cause\n",
        "### Resolution\n",
        "## Action items\n",
        "Root Cause\n---\n",
        "```md\n",
        "```\n",
        "~~~\n",
        "    ",
        "> ",
        "> [!NOTE]\n",
        "- ",
        "1. ",
        "- [x] ",
        "| a | b |\n|---|---|\n",
        "| ",
        "<!-- ",
        " -->",
        "<div>",
        "---\n",
        "severity: SEV-2\n",
        "\r\n",
        "\n",
        "\n\n",
        "é",
        "—",
        "🍕",
        "\u{0301}",
        "**EXAMPLE**",
        "{PLACEHOLDER}",
        "10:05 UTC ",
        "?apiKey=",
        "&fixCode=",
        "Authorization: Bearer ",
        "-----BEGIN RSA PRIVATE KEY-----\n",
        "-----END RSA PRIVATE KEY-----",
        "mysql -u root -p",
        "--password ",
        "DB_PASSWORD=",
        "postgres://u:",
        "@db/x",
        "/api/support/",
        "eyJhbGciOiJIUzI1NiJ9.",
        "0123456789abcdef0123456789abcdef",
        "Qm7xR2pL9vT4kW8zN3bY6hJ5",
        "REDACTED",
        "[",
        "]",
        "(",
        ")",
        "`",
        "*",
        "\\",
        "\"",
        // Words the model's byte scanners start from, to be cut by the
        // multi-byte characters above.
        "due ",
        "Due date: ",
        "target",
        "ta",
        "du",
        "owner: ",
        "@bob ",
        "tracking: ",
        "JIRA-12 ",
        "for about 40 minutes ",
        "between 10:05 and 10:50 ",
        "from 9 to 10am PST ",
        "Monday, ",
        "2025-10-14",
        "10/14 ",
        "12 users ",
        "all users ",
        "no ",
        "SEV-1 ",
        "severity: ",
        "roughly ",
        "~",
        "(UTC+2) ",
        "times in UTC ",
        "TODO ",
    ])
    .prop_map(str::to_string);
    prop_oneof![4 => fixed, 1 => "\\PC{0,12}"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_break_the_pipeline(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        pipeline(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn report_soup_never_breaks_the_pipeline(parts in prop::collection::vec(fragment(), 0..80)) {
        pipeline(&parts.concat());
    }
}

/// A log pasted whole, with thousands of credentials: every one is found and
/// redacted in one pass (finding and applying them must not be quadratic).
#[test]
fn thousands_of_secrets_are_all_redacted() {
    let mut text = String::from("# Incident: 2025-10-14 08-41-00\n\n## Summary\n\n```text\n");
    for i in 0..5000u32 {
        // A different made-up value on each line, assembled at run time.
        let value = format!(
            "{:08x}{:08x}{}",
            i.wrapping_mul(2_654_435_761),
            i,
            "9f8e7d6c5b4a3210"
        );
        text.push_str(&format!("GET /api/order?token={value} 200\n"));
    }
    text.push_str("```\n");
    let outcome = fix::fix_source(GOOD, text, &Settings::default());
    assert_eq!(
        outcome
            .applied
            .iter()
            .filter(|a| a.rule == "secret-leak")
            .count(),
        5000
    );
    assert_eq!(
        outcome.source.matches("?token=REDACTED 200\n").count(),
        5000
    );
    assert!(outcome.remaining.iter().all(|d| d.rule != "secret-leak"));
}

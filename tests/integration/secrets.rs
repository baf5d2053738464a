//! `secret-leak`: every kind of credential is found, named (never shown) and
//! redacted by `fix` with the rest of the line kept; placeholders are left
//! alone.
//!
//! Every fake credential is ASSEMBLED at run time from pieces, so the
//! repository holds no literal credential.

use incident::config::Settings;
use incident::fix;

use crate::common::*;

const RULE: &str = "secret-leak";

/// A fake credential shape: what the line looks like, the value in it, and
/// the words the message must use.
pub struct Case {
    pub name: &'static str,
    /// The line, with `{}` where the value goes.
    pub line: &'static str,
    pub value: String,
    pub kind: &'static str,
}

fn hex32(seed: &str) -> String {
    // 32 hex digits that look random: the seed, then a fixed mix.
    let mix = [
        "9f8e", "7d6c", "5b4a", "3210", "a1b2", "c3d4", "e5f6", "0789",
    ];
    let mut s = seed.to_string();
    for part in mix {
        s.push_str(part);
    }
    s.truncate(32);
    s
}

/// Letters and digits that look random, `len` long.
fn alnum(len: usize) -> String {
    let pool = [
        "Qm7", "xR2", "pL9", "vT4", "kW8", "zN3", "bY6", "hJ5", "cF1", "gD0",
    ];
    pool.concat().chars().cycle().take(len).collect()
}

/// One case per kind of credential the rule knows.
pub fn cases() -> Vec<Case> {
    let b64 = |n: usize| -> String {
        [
            "MIIEow", "IBAAKCAQ", "EAu1SU1L", "fVLPHCoz", "Mxh2Mo4l", "gOEePzNm", "0tRgeLez",
        ]
        .concat()
        .chars()
        .cycle()
        .take(n)
        .collect()
    };
    vec![
        Case {
            name: "apiKey in a URL",
            line: "curl 'https://pizza-factory.example/api/report?apiKey={}&x=1'",
            value: hex32("4f"),
            kind: "URL parameter `apiKey`",
        },
        Case {
            name: "fixCode in a URL",
            line: "reportUrl: https://pizza-factory.example/api/report?a=1&fixCode={}",
            value: hex32("b3"),
            kind: "URL parameter `fixCode`",
        },
        Case {
            name: "token in a URL",
            line: "GET /orders?token={} HTTP/1.1",
            value: alnum(28),
            kind: "URL parameter `token`",
        },
        Case {
            name: "key in a URL",
            line: "https://maps.example/v1?key={}",
            value: alnum(24),
            kind: "URL parameter `key`",
        },
        Case {
            name: "secret in a URL",
            line: "https://auth.example/cb?secret={}&ok=1",
            value: alnum(20),
            kind: "URL parameter `secret`",
        },
        Case {
            name: "password in a URL",
            line: "https://db.example/login?user=ops&password={}",
            value: ["Pizza", "2025", "!x"].concat(),
            kind: "URL parameter `password`",
        },
        Case {
            name: "JWT",
            line: "\"sessionId\":\"{}\"",
            value: [
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                ".",
                "eyJpZCI6OCwibmFtZSI6InRlc3QifQ",
                ".",
                "dGhpc2lzbm90YXJlYWxzaWduYXR1cmU",
            ]
            .concat(),
            kind: "JSON Web Token",
        },
        Case {
            name: "GitHub token",
            line: "export GH={} # used by the deploy job",
            value: ["gh", "p_", &alnum(36)].concat(),
            kind: "GitHub token",
        },
        Case {
            name: "Slack token",
            line: "SLACK={} posted the alert",
            value: [
                "xo",
                "xb-",
                "1234567890",
                "-",
                "0987654321",
                "-",
                &alnum(24),
            ]
            .concat(),
            kind: "Slack token",
        },
        Case {
            name: "AWS access key id",
            line: "aws_access_key_id = {}",
            value: ["AK", "IA", "Z7QW3RT5", "YU2P4LM6"].concat(),
            kind: "AWS access key id",
        },
        Case {
            name: "AWS secret access key",
            line: "aws_secret_access_key = {}",
            value: [&alnum(20), "/", &alnum(14), "+", "Zq8k"].concat(),
            kind: "AWS secret access key",
        },
        Case {
            name: "private key block",
            line: "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----",
            value: [b64(64), b64(64), b64(24)].join("\n"),
            kind: "private key",
        },
        Case {
            name: "mysql -p",
            line: "mysql -h db.internal -u pizza -p{} pizza_orders",
            value: ["Cr", "ust", "9!", "dough"].concat(),
            kind: "password on a command line",
        },
        Case {
            name: "--password",
            line: "pizza-admin reset --user ops --password {} --force",
            value: ["Ol", "ive", "7#", "Oil"].concat(),
            kind: "password on a command line",
        },
        Case {
            name: "bearer token",
            line: "-H 'Authorization: Bearer {}'",
            value: hex32("c8"),
            kind: "bearer token",
        },
        Case {
            name: "password assignment",
            line: "DB_PASSWORD={}",
            value: ["Marg", "herita", "42", "$"].concat(),
            kind: "`DB_PASSWORD`",
        },
        Case {
            name: "long random value after a name",
            line: "\"clientSecret\": \"{}\",",
            value: alnum(32),
            kind: "`clientSecret`",
        },
        Case {
            name: "password in a connection URL",
            line: "DATABASE_URL=postgres://pizza:{}@db.internal:5432/pizza",
            value: ["Pep", "peroni", "77"].concat(),
            kind: "password in a URL",
        },
        Case {
            name: "JWT Pizza report URL",
            line: "https://pizza-factory.example/api/support/{}/report/u0cdt5qk",
            value: hex32("60"),
            kind: "API key in a URL path",
        },
    ]
}

impl Case {
    pub fn text(&self) -> String {
        self.line.replacen("{}", &self.value, 1)
    }
}

/// The clean report with `block` as a code block in its Resolution.
pub fn report_with(block: &str) -> String {
    let with = CLEAN_REPORT.replacen(
        "## Resolution\n\n",
        &format!("## Resolution\n\nThe fix was confirmed with:\n\n```text\n{block}\n```\n\n"),
        1,
    );
    assert_ne!(with, CLEAN_REPORT, "the example report has a Resolution");
    with
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle is in the text");
    text[..at].matches('\n').count() + 1
}

#[test]
fn each_kind_is_found_and_named_without_its_value() {
    for case in cases() {
        let text = report_with(&case.text());
        let diags = check_str("incident-2025-10-14-1.md", &text);
        let found: Vec<_> = diags.iter().filter(|d| d.rule == RULE).collect();
        assert_eq!(found.len(), 1, "{}: {found:#?}", case.name);
        let d = found[0];
        assert_eq!(
            lines_of(RULE, &text, &diags),
            [line_of(&text, &case.value)],
            "{}",
            case.name
        );
        assert_eq!(&text[d.span.clone()], case.value, "{}: span", case.name);
        assert!(
            d.message.contains(case.kind),
            "{}: `{}` does not name `{}`",
            case.name,
            d.message,
            case.kind
        );
        let fix = d.fix.as_ref().expect("fixable");
        for said in [
            d.message.as_ref(),
            d.help.as_deref().expect("help"),
            &*fix.description,
        ] {
            assert!(
                !said.contains(&case.value),
                "{}: value in `{said}`",
                case.name
            );
        }
    }
}

#[test]
fn fix_redacts_each_value_and_keeps_the_rest_of_the_line() {
    for case in cases() {
        let text = report_with(&case.text());
        let outcome = fix::fix_source(
            "incident-2025-10-14-1.md",
            text.clone(),
            &Settings::default(),
        );
        let redacted_line = case.line.replacen("{}", "REDACTED", 1);
        assert_eq!(
            outcome.source,
            report_with(&redacted_line),
            "{}: only the value changes",
            case.name
        );
        assert!(outcome.converged);
        let again = fix::fix_source(
            "incident-2025-10-14-1.md",
            outcome.source.clone(),
            &Settings::default(),
        );
        assert!(
            again.applied.is_empty(),
            "{}: second run {:?}",
            case.name,
            again.applied
        );
        assert!(
            again.remaining.iter().all(|d| d.rule != RULE),
            "{}: still reported after redaction",
            case.name
        );
    }
}

#[test]
fn placeholders_are_left_alone() {
    let lines = [
        "https://pizza-factory.example/api/report?apiKey=yourKeyHere&fixCode=yourFixCode",
        "https://pizza-factory.example/api/report?apiKey=[API_KEY]&fixCode=[FIX_CODE]",
        "https://pizza-factory.example/api/report?apiKey=...&fixCode=...",
        "https://pizza-factory.example/api/support/[API_KEY]/report/31gn90dn",
        "export API_KEY=YOUR_API_KEY",
        "token: xxx",
        "password=<redacted>",
        "-H 'Authorization: Bearer myfactoryAPIKey'",
        "-H 'Authorization: Bearer ${TOKEN}'",
        "mysql -u root -p pizza_orders",
        "docker login --password-stdin < token.txt",
        "DB_PASSWORD=$DB_PASSWORD",
        "aws_secret_access_key = ****************************************",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "postgres://pizza:password@localhost/pizza",
        "the token expired after 30 minutes; rotate tokens: yes",
        "docker run -p 8080:80 pizza && mkdir -p logs",
    ];
    for line in lines {
        let text = report_with(line);
        let diags = check_str("incident-2025-10-14-1.md", &text);
        assert_eq!(
            lines_of(RULE, &text, &diags),
            Vec::<usize>::new(),
            "{line}: {diags:#?}"
        );
    }
}

#[test]
fn placeholder_fixtures_are_quiet() {
    assert_quiet_fixtures(RULE);
}

#[test]
fn secrets_are_found_outside_reports_too() {
    // A README is not a report (only `not-a-report` applies), but a key in it leaks all the same.
    let text = format!("# Notes\n\nrun with token={}\n", hex32("77"));
    let diags = check_str("notes.md", &text);
    assert_eq!(lines_of(RULE, &text, &diags), [3]);
}

#[test]
fn crlf_report_keeps_crlf_after_redaction() {
    let case = &cases()[0];
    let text = report_with(&case.text()).replace('\n', "\r\n");
    let outcome = fix::fix_source(
        "incident-2025-10-14-1.md",
        text.clone(),
        &Settings::default(),
    );
    let expected = text.replacen(&case.value, "REDACTED", 1);
    assert_eq!(outcome.source, expected);
    assert_eq!(
        outcome.source.matches("\r\n").count(),
        outcome.source.matches('\n').count(),
        "every line break is still CRLF"
    );
}

#[test]
fn no_output_format_shows_a_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let all: Vec<Case> = cases();
    let block = all.iter().map(Case::text).collect::<Vec<_>>().join("\n");
    let path = dir.path().join("incident-2025-10-14-1.md");
    std::fs::write(&path, report_with(&block)).expect("write");
    let mut outputs = Vec::new();
    for format in ["human", "json", "sarif", "github", "junit", "csv"] {
        let out = incident(dir.path())
            .args(["check", "--format", format, "--no-progress", "."])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: secret-leak is an error"
        );
        outputs.push((format.to_string(), out));
    }
    for args in [&["fix", "--diff", "."][..], &["fix", "--dry-run", "."][..]] {
        let out = incident(dir.path()).args(args).output().expect("runs");
        outputs.push((args.join(" "), out));
    }
    for (what, out) in &outputs {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for case in &all {
            for piece in case.value.lines() {
                assert!(!text.contains(piece), "{what} shows the {}", case.name);
            }
        }
    }
    let human = String::from_utf8_lossy(&outputs[0].1.stdout).into_owned();
    assert_eq!(human.matches("[secret-leak]").count(), all.len(), "{human}");
    assert!(
        human.contains("Bearer ********************************"),
        "{human}"
    );
}

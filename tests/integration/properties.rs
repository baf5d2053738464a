//! Property tests: byte spans to lines and columns, the title's date-time
//! parser, front matter times, and secret redaction.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use incident::document::{Document, LineIndex, Position};
use incident::model::FrontMatter;
use incident::model::parse_title_datetime;
use incident::model::secrets;
use proptest::prelude::*;

/// Text with many line breaks (LF and CRLF) and multi-byte characters.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => "[a-z ]{0,6}",
            1 => Just("\n".to_string()),
            1 => Just("\r\n".to_string()),
            1 => Just("é".to_string()),
            1 => Just("🍕".to_string()),
            1 => "\\PC{0,3}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// The position of `offset` computed the slow, obvious way.
fn naive_position(source: &str, offset: usize) -> Position {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

fn datetime() -> impl Strategy<Value = NaiveDateTime> {
    (
        1000i32..=9999,
        1u32..=12,
        1u32..=31,
        0u32..24,
        0u32..60,
        0u32..60,
    )
        .prop_filter_map("a real date", |(y, mo, d, h, mi, s)| {
            Some(NaiveDate::from_ymd_opt(y, mo, d)?.and_time(NaiveTime::from_hms_opt(h, mi, s)?))
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn positions_match_the_obvious_count(source in text(), pick in any::<prop::sample::Index>()) {
        let lines = LineIndex::new(&source);
        let offset = pick.index(source.len() + 3); // sometimes past the end
        prop_assert_eq!(lines.position(&source, offset), naive_position(&source, offset));
        prop_assert_eq!(lines.len(), source.matches('\n').count() + 1);
    }

    #[test]
    fn line_spans_hold_their_offset_and_no_break(source in text(), pick in any::<prop::sample::Index>()) {
        let doc = Document::parse(source.clone());
        let offset = pick.index(source.len() + 1);
        let span = doc.line_span(offset);
        prop_assert!(span.start <= offset.min(source.len()));
        prop_assert!(span.end <= source.len());
        let line = &source[span.clone()];
        prop_assert!(!line.contains('\n'));
        prop_assert!(!line.ends_with('\r'));
        prop_assert_eq!(
            doc.lines.position(&source, span.start).column,
            1,
            "a line starts at column 1"
        );
    }

    #[test]
    fn title_datetimes_round_trip(at in datetime(), colons in any::<bool>()) {
        let time = if colons { at.format("%H:%M:%S") } else { at.format("%H-%M-%S") };
        let title = format!("Incident: {} {time}", at.format("%Y-%m-%d"));
        prop_assert_eq!(parse_title_datetime(&title), Some(at));
    }

    #[test]
    fn title_parser_never_panics(text in "\\PC{0,40}") {
        let _ = parse_title_datetime(&text);
    }

    #[test]
    fn front_matter_times_round_trip(at in datetime(), offset_minutes in -720i32..=720) {
        let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).expect("in range");
        let local = at.and_local_timezone(offset).single().expect("fixed offsets are unambiguous");
        let doc = Document::parse(format!("---\nstarted: {}\n---\n# x\n", local.to_rfc3339()));
        let fm = FrontMatter::read(&doc);
        prop_assert!(fm.errors.is_empty(), "{:?}", fm.errors);
        prop_assert_eq!(fm.started, Some(local.with_timezone(&chrono::Utc)));
    }

    #[test]
    fn redacting_every_secret_leaves_none(parts in prop::collection::vec(prop_oneof![
        Just("?apiKey=".to_string()),
        Just("&token=".to_string()),
        Just("Bearer ".to_string()),
        Just("DB_PASSWORD=".to_string()),
        Just("--password ".to_string()),
        Just("mysql -p".to_string()),
        Just("-----BEGIN PRIVATE KEY-----\n".to_string()),
        Just("-----END PRIVATE KEY-----".to_string()),
        Just("eyJhbGciOiJIUzI1NiJ9.".to_string()),
        "[0-9a-f]{8,40}",
        "[A-Za-z0-9+/]{8,40}",
        "[ \n.&=:/@-]{1,3}",
        "\\PC{0,4}",
    ], 0..30)) {
        let source = parts.concat();
        let found = secrets::find(&source);
        let mut redacted = source.clone();
        for s in found.iter().rev() {
            prop_assert!(source.is_char_boundary(s.span.start) && source.is_char_boundary(s.span.end));
            redacted.replace_range(s.span.clone(), secrets::REDACTED);
        }
        let left = secrets::find(&redacted);
        prop_assert!(left.is_empty(), "{:?} left in {:?}", left, redacted);
    }
}

/// Found by `redacting_every_secret_leaves_none`: a private key without its
/// END line runs into a chain of JWT-like pieces. Redacting what was found
/// must not bring a new token to light.
#[test]
fn redacting_a_key_that_runs_into_tokens_leaves_none() {
    let jwt = "eyJhbGciOiJIUzI1NiJ9.";
    let source = format!("-----BEGIN PRIVATE KEY-----\n//00++aAa+A+{jwt}{jwt}{jwt}");
    let mut redacted = source.clone();
    for s in secrets::find(&source).iter().rev() {
        redacted.replace_range(s.span.clone(), secrets::REDACTED);
    }
    let left = secrets::find(&redacted);
    assert!(left.is_empty(), "{left:?} left in {redacted:?}");
}

/// Found by `redacting_every_secret_leaves_none`: `Bearer` inside a value
/// that is no token (`….Bearer DB_PASSWORD=Bearer`) must not hide the
/// `Bearer` token after it, which redacting the first would bring to light.
#[test]
fn a_bearer_that_is_no_token_does_not_hide_the_next() {
    let jwt = "eyJhbGciOiJIUzI1NiJ9.";
    let source = format!("?apiKey={jwt}Bearer DB_PASSWORD=Bearer {jwt}");
    let found = secrets::find(&source);
    assert!(
        found.iter().any(|s| source[s.span.clone()] == *jwt),
        "the token after the second Bearer is found: {found:?}"
    );
    let mut redacted = source.clone();
    for s in found.iter().rev() {
        redacted.replace_range(s.span.clone(), secrets::REDACTED);
    }
    let left = secrets::find(&redacted);
    assert!(left.is_empty(), "{left:?} left in {redacted:?}");
}

/// Found by `redacting_every_secret_leaves_none`: a URL parameter's value
/// that runs into a private key's END line stops before it, so that
/// redacting the value does not cut the key's END line off (which made
/// the key's body a different, reportable secret).
#[test]
fn a_value_running_into_a_key_marker_leaves_the_marker_whole() {
    let source = "-----BEGIN PRIVATE KEY-----\naa/+a0aaaaaA0AA+aaAA+a0aaaaaaAaA\
                  ?apiKey=eyJhbGciOiJIUzI1NiJ9.-----END PRIVATE KEY-----";
    let found = secrets::find(source);
    let mut redacted = source.to_string();
    for s in found.iter().rev() {
        redacted.replace_range(s.span.clone(), secrets::REDACTED);
    }
    assert!(
        redacted.ends_with("-----END PRIVATE KEY-----"),
        "{redacted:?}"
    );
    let left = secrets::find(&redacted);
    assert!(left.is_empty(), "{left:?} left in {redacted:?}");
}

/// Found by `redacting_every_secret_leaves_none`: a named value that is not
/// recorded (here it overlaps a URL parameter found first) must not hide a
/// named value that starts inside it.
#[test]
fn a_named_value_not_recorded_does_not_hide_the_next() {
    let jwt = "eyJhbGciOiJIUzI1NiJ9.";
    for source in [
        format!("?apiKey={jwt}+aAAADB_PASSWORD={jwt}"),
        format!(
            "?apiKey={jwt}aa0a0aa0000a0a000a0a0a000aa0aa0000a0?apiKey='DB_PASSWORD={jwt}a0a0aaa0"
        ),
    ] {
        let mut redacted = source.clone();
        for s in secrets::find(&source).iter().rev() {
            redacted.replace_range(s.span.clone(), secrets::REDACTED);
        }
        let left = secrets::find(&redacted);
        assert!(left.is_empty(), "{left:?} left in {redacted:?}");
    }
}

//! The timeline: entries with their times, read from the Timeline section.
//!
//! Entries are read from list items (`- _16:20_ - text`, `1. 16:20 text`,
//! `* 2026-03-03 16:20 UTC: text`), table rows with a time column
//! (`| 2025-10-06 14:03 | event |`) and plain lines (`14:50 - text`). Date
//! lines (`_Tuesday, October 14, 2025_`, `**March 3, 2026**`,
//! `### 2026-03-03`) set the day of the entries below them.
//!
//! An entry's date is the one it states, else the last date line above it,
//! else the report's date ([`report_date`]); a step from late evening to
//! early morning moves to the next day. [`Entry::at`] is then the entry's
//! date and time in UTC.

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::pattern::{
    AfterBox, Group, Twin, is_plain_symbol, is_word_byte_at, list_marker_end,
};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use crate::document::{BlockKind, Span};
use crate::model::Report;
use crate::model::time::{self, ClockTime, FoundDate, Zone, shift_clock, shift_found_date};

/// The timeline of a report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Timeline {
    /// The entries, in the order they are written.
    pub entries: Vec<Entry>,
    /// Lines that set the date of the entries below them.
    pub date_lines: Vec<DateLine>,
    /// Items and rows of the timeline that do not start with a time.
    pub malformed: Vec<Malformed>,
    /// Where the timeline says its times are UTC ("All times are UTC", a
    /// `(UTC)` heading or column), if it does.
    pub utc_declared: Option<Span>,
    /// Where the timeline says its times are in another zone ("All times
    /// are MST", "local time"), and the zone.
    pub other_zone_declared: Option<(Span, Zone)>,
    /// The Timeline section's heading, if the report has that section.
    pub heading: Option<Span>,
    /// The report's date ([`report_date`]), read once here for the times
    /// of the whole report too.
    pub(crate) report_date: Option<NaiveDate>,
    /// The times and dates found in the timeline's one-line list items,
    /// in order, for the times of the whole report ([`Timeline::found_in`]).
    found: Vec<LineFinds>,
}

/// The times and dates found in a one-line list item of the timeline.
#[derive(Debug, Clone)]
struct LineFinds {
    /// The item's own text.
    own: Span,
    /// Where the text after its list marker starts in the item's text: the
    /// spans below are byte ranges of that text.
    body: usize,
    clocks: Vec<ClockTime>,
    dates: Vec<FoundDate>,
}

/// One timeline entry.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Entry {
    /// The whole entry: the list item's own text, the table row or the line.
    pub span: Span,
    /// The date and time as written at the start of the entry.
    pub time_span: Span,
    /// The time, if the entry has one (a date-only entry has none).
    pub clock: Option<ClockTime>,
    /// The end of a period entry (`16:20 - 16:45 - database down`).
    pub until: Option<ClockTime>,
    /// The time on the 24-hour clock, if it is a real time.
    pub time: Option<NaiveTime>,
    /// The date written in the entry itself.
    pub date: Option<FoundDate>,
    /// The date the entry falls on, and where it came from.
    pub day: Option<(NaiveDate, DaySource)>,
    /// The entry's date and time in UTC, when both are known.
    pub at: Option<NaiveDateTime>,
    /// For ordering: `at`, or when the report names no date, the time on a
    /// stand-in first day (plus any day changes). Not a real date.
    pub order_key: Option<NaiveDateTime>,
    /// What happened (the text after the time and its separator).
    pub text: String,
    pub text_span: Span,
}

/// Where an entry's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySource {
    /// The entry states it.
    Entry,
    /// The last date line above the entry.
    DateLine,
    /// The report's date (title, front matter, text).
    Report,
    /// The day after the previous entry's: the clock stepped from late
    /// evening to early morning.
    NextDay,
}

/// A line that sets the date of the entries below it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DateLine {
    pub span: Span,
    pub date: FoundDate,
}

/// An item or row of the timeline that does not start with a time.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Malformed {
    /// The whole item, row or line.
    pub span: Span,
    /// What it starts with instead of a time (a short excerpt).
    pub found: String,
}

/// What a timeline entry records, for [`Timeline::first_matching`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// An alert, a page, someone noticing or reporting the problem.
    Detection,
    /// The impact stops or is worked around (rollback, fix deployed, recovered).
    Mitigation,
    /// The incident is over (resolved, closed, back to normal).
    Resolution,
}

static DETECTION: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)\b(alert|alarm|paged?|paging|notic|detect|report(ed|s)? by|discover|on-?call|pagerduty|opsgenie|notified|notification|acknowledg)",
    )
});
static MITIGATION: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)\b(mitigat|roll(ed|ing)?[- ]?back|revert|hot-?fix|fix(ed)? (was )?deployed|deployed (a |the )?fix|recover|restor|disabled?|workaround|failover|stopp?ed|error rate (falls|fell|drops|dropped))",
    )
});
static RESOLUTION: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)\b(resolv|resolution|closed|back to normal|fully operational|all clear|incident (is )?over|ended|normal operation)",
    )
});

/// "All times are UTC", "Times in UTC", "(UTC)".
static UTC_DECLARATION: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?:\btimes?\b[^\n.]{0,40}?\b(?:UTC|GMT|Zulu|Coordinated Universal Time)\b|\(\s*(?:in\s+|all\s+times\s+(?:in\s+)?)?(?:UTC|GMT)\s*\)|\b(?:UTC|GMT)\s+times?\b|^\W*(?:UTC|GMT)\W*$)",
    )
});
/// `UTC-7`: an offset right after `UTC`. [`offset_after`] reads it; the
/// tests check it against this pattern.
#[cfg(test)]
static OFFSET_AFTER: LazyLock<Twin> = LazyLock::new(|| Twin::new(r"^\s?[+-]\s?[1-9]"));

/// True when `text` starts with an offset (`-7`, ` + 2`): a match of
/// `OFFSET_AFTER`.
fn offset_after(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut sign_then_digit = || {
        chars.next_if(|c| c.is_whitespace());
        chars.next_if(|c| matches!(c, '+' | '-'))?;
        chars.next_if(|c| c.is_whitespace());
        chars.next_if(|c| matches!(c, '1'..='9'))
    };
    sign_then_digit().is_some()
}
static OTHER_DECLARATION: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?:\b[Tt]imes?\b[^\n.]{0,40}?\b(?P<z1>(?:UTC|GMT)\s?[+-]\s?[1-9]\d?(?::?\d{2})?|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|IST|JST|MT|PT|ET|CT|(?:Mountain|Pacific|Eastern|Central)(?:\s(?:Standard|Daylight))?\s[Tt]ime|[Ll]ocal\s[Tt]ime|[Ll]ocal)\b|\(\s*(?P<z2>(?:UTC|GMT)\s?[+-]\s?[1-9]\d?(?::?\d{2})?|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|[Ll]ocal(?:\s[Tt]ime)?)\s*\))",
    )
});

/// True when `text` has one of `words` (lowercase ASCII) in any case.
/// (No non-ASCII letter case-folds to an ASCII one except `ſ` and the
/// Kelvin sign, so for words without `s` and `k` this is what `(?i)` means.)
fn has_word(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word_starts(text, w).next().is_some())
}

/// Where `word` (lowercase ASCII) starts in `text`, in any case.
fn word_starts<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let word = word.as_bytes();
    memchr::memchr2_iter(word[0], word[0].to_ascii_uppercase(), bytes).filter(move |&at| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
    })
}

/// A character the zone scanners read as the patterns do: ASCII, white
/// space (`\s` is Unicode white space in both) or a plain symbol
/// ([`is_plain_symbol`]). `ſ` and the Kelvin sign are neither, so a text
/// with either goes to the pattern.
fn is_scannable(c: char) -> bool {
    c.is_ascii() || c.is_whitespace() || is_plain_symbol(c)
}

/// True when every character of `text` [`is_scannable`].
fn scannable(text: &str) -> bool {
    text.is_ascii() || text.chars().all(is_scannable)
}

/// The first match of [`UTC_DECLARATION`], which names UTC, GMT, Zulu or
/// Coordinated Universal Time (a text without any is not searched). A
/// text whose characters are all ASCII, white space or plain symbols
/// ([`is_plain_symbol`]) and none of which folds to an ASCII letter is read
/// by [`scan_utc_declaration`]; any other by the pattern.
fn utc_declaration(text: &str) -> Option<Group<'_>> {
    if !has_word(text, &["utc", "gmt", "zulu", "coordinated"]) {
        return None;
    }
    if !scannable(text) {
        return UTC_DECLARATION.find(text);
    }
    scan_utc_declaration(text).map(|r| Group::at(text, r))
}

/// Where the first match of [`UTC_DECLARATION`] in `text` is, for a text
/// [`utc_declaration`] does not hand to the pattern. Its branches, tried
/// in this order at each start: `times` and within 40 characters of the
/// same line and sentence a word UTC, GMT, Zulu or Coordinated Universal
/// Time; a bracketed `(UTC)`, `(in GMT)`, `(all times in UTC)`; `UTC
/// time`; and at the start, a text that is only UTC or GMT and non-word
/// characters. All in any case.
fn scan_utc_declaration(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let has = |at: usize, word: &str| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    };
    // `times?\b` at `at`: its end.
    let times_at = |at: usize| {
        if !has(at, "time") {
            return None;
        }
        let end = at + 4;
        if matches!(bytes.get(end), Some(b's' | b'S')) && !is_word_at(text, end + 1) {
            return Some(end + 1);
        }
        (!is_word_at(text, end)).then_some(end)
    };
    // `\s+` at `at`: its end.
    let spaces = |at: usize| Some(time::spaces_end(text, at)).filter(|&end| end > at);
    let utc_or_gmt = |at: usize| (has(at, "utc") || has(at, "gmt")).then_some(at + 3);
    for start in 0..bytes.len() {
        let first = bytes[start].to_ascii_lowercase();
        let boundary = !is_word_before(text, start);
        // `\btimes?\b[^\n.]{0,40}?\b(?:UTC|GMT|Zulu|Coordinated Universal Time)\b`
        if let Some(mut p) = (first == b't' && boundary)
            .then(|| times_at(start))
            .flatten()
        {
            for taken in 0..=40 {
                if !is_word_before(text, p) {
                    let zone = ["utc", "gmt", "zulu", "coordinated universal time"]
                        .iter()
                        .find(|z| has(p, z))
                        .map(|z| p + z.len())
                        .filter(|&end| !is_word_at(text, end));
                    if let Some(end) = zone {
                        return Some(start..end);
                    }
                }
                let Some(c) = text[p..].chars().next() else {
                    break;
                };
                if taken == 40 || matches!(c, '\n' | '.') {
                    break;
                }
                p += c.len_utf8();
            }
        }
        // `\(\s*(?:in\s+|all\s+times\s+(?:in\s+)?)?(?:UTC|GMT)\s*\)`
        if first == b'(' {
            let p = time::spaces_end(text, start + 1);
            let in_at = |at: usize| {
                Some(at)
                    .filter(|&at| has(at, "in"))
                    .and_then(|at| spaces(at + 2))
            };
            let zone_at = in_at(p)
                .or_else(|| {
                    let times = Some(p)
                        .filter(|&p| has(p, "all"))
                        .and_then(|p| spaces(p + 3))
                        .filter(|&t| has(t, "times"))
                        .and_then(|t| spaces(t + 5))?;
                    Some(in_at(times).unwrap_or(times))
                })
                .unwrap_or(p);
            if let Some(zone_end) = utc_or_gmt(zone_at) {
                let close = time::spaces_end(text, zone_end);
                if bytes.get(close) == Some(&b')') {
                    return Some(start..close + 1);
                }
            }
        }
        // `\b(?:UTC|GMT)\s+times?\b`
        if let Some(end) = (boundary && matches!(first, b'u' | b'g'))
            .then(|| utc_or_gmt(start).and_then(spaces).and_then(times_at))
            .flatten()
        {
            return Some(start..end);
        }
        // `^\W*(?:UTC|GMT)\W*$`
        if start == 0 {
            let zone_end = (0..bytes.len())
                .find(|&i| is_word_at(text, i))
                .and_then(utc_or_gmt);
            if zone_end.is_some_and(|end| (end..bytes.len()).all(|i| !is_word_at(text, i))) {
                return Some(0..bytes.len());
            }
        }
    }
    None
}

/// A declaration of another zone found by [`other_declaration`]: the
/// whole match of [`OTHER_DECLARATION`] and its zone (`z1` or `z2`).
type OtherDeclaration = (Range<usize>, Range<usize>);

/// The first match of [`OTHER_DECLARATION`] in `text` and its zone. The
/// scanner below reads texts whose characters are all ASCII, white space
/// or plain symbols ([`is_plain_symbol`]), on which `\b` and `\d` read as
/// they do on ASCII and `\s` is read as Unicode white space, as the pattern
/// reads it; any other text is handed to the pattern.
fn other_declaration(text: &str) -> Option<OtherDeclaration> {
    /// `ime`, which every `[Tt]ime` has.
    static IME: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("ime"));
    let bytes = text.as_bytes();
    let paren = memchr::memchr(b'(', bytes);
    let ime = IME.find(bytes);
    if paren.is_none() && ime.is_none() {
        return None;
    }
    if !scannable(text) {
        let c = OTHER_DECLARATION.captures(text)?;
        let zone = c.name("z1").or(c.name("z2"))?;
        return Some((c.get(0)?.range(), zone.range()));
    }
    // Candidates in order: the `m` of `[Tt]ime` (the match starts two
    // bytes before it) and `(`. Each kind is searched on its own; the
    // first candidate of either that gives a match wins.
    let bracketed = paren.and_then(|first| {
        memchr::memchr_iter(b'(', &bytes[first..]).find_map(|i| {
            let at = first + i;
            let zone_start = time::spaces_end(text, at + 1);
            let zone_end = zone_in_brackets(text, zone_start)?;
            Some((at, (at..zone_end.1, zone_start..zone_end.0)))
        })
    });
    let limit = bracketed.as_ref().map_or(bytes.len(), |(at, _)| *at);
    // `ime` cannot overlap itself, so its matches from the first are all
    // of them.
    let after_times = ime
        .and_then(|first| bytes.get(first..limit))
        .and_then(|rest| {
            IME.find_iter(rest)
                .find_map(|i| times_declaration(text, ime? + i + 1))
        });
    after_times.or(bracketed.map(|(_, found)| found))
}

/// The match of the first branch of [`OTHER_DECLARATION`] whose `[Tt]ime`
/// has its `m` at `at` (with `i` before and `e` after it), if any.
fn times_declaration(text: &str, at: usize) -> Option<OtherDeclaration> {
    let bytes = text.as_bytes();
    let start = at.checked_sub(2)?;
    if !(matches!(bytes[start], b'T' | b't')
        && bytes[at - 1] == b'i'
        && bytes.get(at + 1) == Some(&b'e')
        && !is_word_before(text, start))
    {
        return None;
    }
    // `s?\b`
    let mut word_end = at + 2;
    if bytes.get(word_end) == Some(&b's') && !is_word_at(text, word_end + 1) {
        word_end += 1;
    } else if is_word_at(text, word_end) {
        return None;
    }
    // `[^\n.]{0,40}?\b` and a zone ending at a boundary.
    let mut p = word_end;
    for taken in 0..=40 {
        let zone_start = matches!(
            bytes.get(p),
            Some(b'U' | b'G' | b'E' | b'C' | b'M' | b'P' | b'B' | b'I' | b'J' | b'L' | b'l')
        );
        if zone_start && !is_word_before(text, p) {
            if let Some(end) = zone_after_times(text, p) {
                return Some((start..end, p..end));
            }
        }
        let c = text[p..].chars().next()?;
        if taken == 40 || matches!(c, '\n' | '.') {
            return None;
        }
        p += c.len_utf8();
    }
    None
}

/// True when the character before `at` is a word character (here: ASCII
/// letters, digits, `_`; see [`other_declaration`]).
fn is_word_before(text: &str, at: usize) -> bool {
    at > 0 && is_word_byte_at(text.as_bytes(), at - 1)
}

/// True when the character at `at` is a word character.
fn is_word_at(text: &str, at: usize) -> bool {
    is_word_byte_at(text.as_bytes(), at)
}

/// Where `(?:UTC|GMT)\s?[+-]\s?[1-9]\d?(?::?\d{2})?` at `at` may end, in
/// the order the pattern tries its options.
fn offset_zone_ends(text: &str, at: usize) -> impl Iterator<Item = usize> {
    offset_zone_options(text, at).into_iter().flatten()
}

/// The ends of [`offset_zone_ends`], as options.
fn offset_zone_options(text: &str, at: usize) -> [Option<usize>; 6] {
    let mut ends = [None; 6];
    let bytes = text.as_bytes();
    if !matches!(bytes.get(at..at + 3), Some(b"UTC" | b"GMT")) {
        return ends;
    }
    let one_space = |i: usize| {
        text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(i, |c| i + c.len_utf8())
    };
    let sign = one_space(at + 3);
    if !matches!(bytes.get(sign), Some(b'+' | b'-')) {
        return ends;
    }
    let first = one_space(sign + 1);
    if !matches!(bytes.get(first), Some(b'1'..=b'9')) {
        return ends;
    }
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let after_first = first + 1;
    // `\d?` taken (when there is a digit), then not; after each, `:` and
    // two digits, two digits, nothing.
    let taken = digit(after_first).then_some(after_first + 1);
    for (k, q) in [taken, Some(after_first)].into_iter().enumerate() {
        let Some(q) = q else { continue };
        let colon = bytes.get(q) == Some(&b':') && digit(q + 1) && digit(q + 2);
        ends[3 * k] = colon.then_some(q + 3);
        ends[3 * k + 1] = (digit(q) && digit(q + 1)).then_some(q + 2);
        ends[3 * k + 2] = Some(q);
    }
    ends
}

/// The US and European zones [`OTHER_DECLARATION`] reads in brackets.
const BRACKETED_ZONES: &[&str] = &[
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST",
];

/// The zone abbreviations [`OTHER_DECLARATION`] reads after "times".
const ZONES_AFTER_TIMES: &[&str] = &[
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "BST", "IST", "JST",
    "MT", "PT", "ET", "CT",
];

/// `[Tt]ime` at `at`: its end.
fn time_word_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (matches!(bytes.get(at), Some(b'T' | b't')) && bytes.get(at + 1..at + 4) == Some(b"ime"))
        .then_some(at + 4)
}

/// `[Ll]ocal` at `at`: its end.
fn local_at(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (matches!(bytes.get(at), Some(b'L' | b'l')) && bytes.get(at + 1..at + 5) == Some(b"ocal"))
        .then_some(at + 5)
}

/// Where the zone `z1` of [`OTHER_DECLARATION`] at `at` ends, when a word
/// boundary follows it: the first of its alternatives that does.
fn zone_after_times(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let bounded = |end: usize| (!is_word_at(text, end)).then_some(end);
    if let Some(end) = offset_zone_ends(text, at).into_iter().find_map(bounded) {
        return Some(end);
    }
    let rest = &bytes[at..];
    if let Some(end) = ZONES_AFTER_TIMES
        .iter()
        .filter(|z| rest.starts_with(z.as_bytes()))
        .find_map(|z| bounded(at + z.len()))
    {
        return Some(end);
    }
    // `(?:Mountain|Pacific|Eastern|Central)(?:\s(?:Standard|Daylight))?\s[Tt]ime`
    if let Some(region) = ["Mountain", "Pacific", "Eastern", "Central"]
        .iter()
        .find(|r| rest.starts_with(r.as_bytes()))
    {
        let after = at + region.len();
        let qualified = time::space_at(text, after).and_then(|i| {
            ["Standard", "Daylight"]
                .iter()
                .find(|q| bytes[i..].starts_with(q.as_bytes()))
                .map(|q| i + q.len())
        });
        let time_after = |i: usize| {
            time::space_at(text, i)
                .and_then(|i| time_word_at(text, i))
                .and_then(bounded)
        };
        if let Some(end) = qualified.and_then(time_after).or_else(|| time_after(after)) {
            return Some(end);
        }
    }
    // `[Ll]ocal\s[Tt]ime|[Ll]ocal`
    let local = local_at(text, at)?;
    time::space_at(text, local)
        .and_then(|i| time_word_at(text, i))
        .and_then(bounded)
        .or_else(|| bounded(local))
}

/// Where the zone `z2` of [`OTHER_DECLARATION`] at `at` ends and where the
/// match ends (after white space and `)`): the first of its alternatives
/// that a `)` follows.
fn zone_in_brackets(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let closed = |end: usize| {
        let close = time::spaces_end(text, end);
        (bytes.get(close) == Some(&b')')).then_some((end, close + 1))
    };
    if let Some(ends) = offset_zone_ends(text, at).into_iter().find_map(closed) {
        return Some(ends);
    }
    let rest = &bytes[at..];
    if let Some(ends) = BRACKETED_ZONES
        .iter()
        .filter(|z| rest.starts_with(z.as_bytes()))
        .find_map(|z| closed(at + z.len()))
    {
        return Some(ends);
    }
    // `[Ll]ocal(?:\s[Tt]ime)?`
    let local = local_at(text, at)?;
    time::space_at(text, local)
        .and_then(|i| time_word_at(text, i))
        .and_then(closed)
        .or_else(|| closed(local))
}

impl Timeline {
    /// Reads the Timeline section of a report.
    pub fn build(report: &Report<'_>) -> Timeline {
        let mut timeline = Timeline {
            report_date: report_date(report),
            ..Timeline::default()
        };
        let Some(section) = report.section("Timeline") else {
            return timeline;
        };
        let doc = &report.doc;
        timeline.heading = Some(section.heading_span.clone());
        let heading_text = &section.heading_text;
        if let Some((_, z)) = other_declaration(heading_text) {
            let span = section.heading_span.clone();
            timeline.other_zone_declared = Some((span.clone(), zone_named(&heading_text[z], span)));
        } else if utc_declaration(heading_text).is_some() || heading_text.contains("UTC") {
            timeline.utc_declared = Some(section.heading_span.clone());
        }
        // Sub-headings of the timeline (`### 2026-03-03`) are date lines.
        let mut items: Vec<(usize, Item)> = doc
            .headings
            .iter()
            .filter(|h| h.span.start >= section.body.start && h.span.end <= section.body.end)
            .filter_map(|h| {
                time::date_line(&h.text).map(|d| {
                    let at = doc.text(&h.span).find(&h.text).unwrap_or(0);
                    let mut date = d;
                    shift_found_date(&mut date, h.span.start + at);
                    (h.span.start, Item::DateLine(h.span.clone(), date))
                })
            })
            .collect();
        // Room for a typical timeline's items, grown once rather than
        // item by item.
        items.reserve(16);
        timeline.entries.reserve(16);
        let mut time_column: Option<usize> = None;
        let mut item_spans: Vec<Span> = Vec::with_capacity(16);
        for block in report.authored_blocks(section) {
            match &block.kind {
                // `- 16:20 - text`, `1. 16:20 text`
                BlockKind::ListItem { .. } => {
                    let own = block.own.clone();
                    let text = doc.text(&own);
                    let first_line_end =
                        memchr::memchr(b'\n', text.as_bytes()).map_or(own.end, |i| own.start + i);
                    let line = doc.text(&(own.start..first_line_end));
                    let marker = list_marker_end(line, AfterBox::Space);
                    let body = &line[marker..];
                    let (clocks, dates) = time::find_times_and_dates(body);
                    let read = read_found(line, own.start, marker, &clocks, &dates);
                    if first_line_end == own.end && after_marker(line, marker) {
                        timeline.found.push(LineFinds {
                            own: own.clone(),
                            body: marker,
                            clocks,
                            dates,
                        });
                    }
                    match read {
                        Line::Entry(mut e) => {
                            e.span = own.start..trim_end(doc.text(&own), own.start);
                            item_spans.push(block.span.clone());
                            items.push((own.start, Item::Entry(timeline.entries.len())));
                            timeline.entries.push(e);
                        }
                        Line::Date(d) => items.push((own.start, Item::DateLine(own.clone(), d))),
                        Line::Other(body) if is_declaration(body) => {}
                        Line::Other(body) => {
                            // A detail under another item is part of it.
                            let nested = item_spans
                                .iter()
                                .any(|p| p.start < block.span.start && block.span.end <= p.end);
                            item_spans.push(block.span.clone());
                            if !nested {
                                items.push((
                                    own.start,
                                    Item::Malformed(Malformed {
                                        span: own.start..trim_end(text, own.start),
                                        found: found(body),
                                    }),
                                ));
                            }
                        }
                    }
                }
                // `| 2025-10-06 14:03 | event |`
                BlockKind::TableRow { header, cells } => {
                    if *header {
                        let row = doc.text(&block.span);
                        if utc_declaration(row).is_some() || row.contains("UTC") {
                            timeline.utc_declared.get_or_insert(block.span.clone());
                        }
                        time_column = cells
                            .iter()
                            .position(|c| has_word(doc.text(c), &["time", "when", "date"]));
                        continue;
                    }
                    if let Some(item) =
                        read_row(doc, &block.span, cells, time_column, &mut timeline.entries)
                    {
                        items.push((block.span.start, item));
                    }
                }
                // Plain lines: `14:50 - text`, date lines, "All times are UTC."
                BlockKind::Paragraph => {
                    let text = doc.text(&block.span);
                    let mut offset = block.span.start;
                    let several = memchr::memchr(b'\n', text.as_bytes()).is_some();
                    for line in lines(text) {
                        match read_line(line, offset) {
                            Line::Entry(e) => {
                                items.push((offset, Item::Entry(timeline.entries.len())));
                                timeline.entries.push(e);
                            }
                            Line::Date(d) => items.push((
                                offset,
                                Item::DateLine(offset..offset + line.trim_end().len(), d),
                            )),
                            Line::Other(body)
                                if several && looks_timed(line) && !is_declaration(body) =>
                            {
                                items.push((
                                    offset,
                                    Item::Malformed(Malformed {
                                        span: offset..trim_end(line, offset),
                                        found: found(body),
                                    }),
                                ));
                            }
                            Line::Other(_) => {}
                        }
                        offset += line.len() + 1;
                    }
                }
                BlockKind::Code { .. } | BlockKind::Quote { .. } | BlockKind::Html => {}
            }
        }
        // Zone declarations anywhere in the timeline's own text.
        for block in report.authored_blocks(section) {
            if matches!(block.kind, BlockKind::Code { .. }) {
                continue;
            }
            let text = doc.text(&block.own);
            if timeline.utc_declared.is_none() && timeline.other_zone_declared.is_none() {
                if let Some(m) = utc_declaration(text).filter(|m| !offset_after(&text[m.end()..])) {
                    let is_entry_zone = items.iter().any(|(_, i)| {
                        matches!(i, Item::Entry(k) if timeline.entries[*k].span.start <= block.own.start + m.start() && block.own.start + m.end() <= timeline.entries[*k].span.end)
                    });
                    if !is_entry_zone || m.as_str().to_ascii_lowercase().contains("time") {
                        timeline.utc_declared =
                            Some(block.own.start + m.start()..block.own.start + m.end());
                    }
                }
            }
            if timeline.other_zone_declared.is_none() {
                if let Some((m, z)) = other_declaration(text) {
                    let base = block.own.start;
                    let mut zone = zone_named(&text[z.clone()], base + z.start..base + z.end);
                    zone.span = base + z.start..base + z.end;
                    timeline.other_zone_declared = Some((base + m.start..base + m.end, zone));
                }
            }
        }
        // The report-wide statement "All times in this report are UTC".
        if timeline.utc_declared.is_none() && timeline.other_zone_declared.is_none() {
            timeline.utc_declared = report_wide_utc(report);
        }
        items.sort_by_key(|(at, _)| *at);
        // Items under a sub-heading that is not a date ("### Summary of
        // events") belong to a timeline only if some of them have times.
        let breaks: Vec<usize> = doc
            .headings
            .iter()
            .filter(|h| h.span.start > section.heading_span.start && h.span.end <= section.body.end)
            .filter(|h| time::date_line(&h.text).is_none())
            .map(|h| h.span.start)
            .collect();
        let group = |at: usize| breaks.iter().filter(|b| **b <= at).count();
        let timed_groups: Vec<usize> = items
            .iter()
            .filter(|(_, i)| matches!(i, Item::Entry(_)))
            .map(|(at, _)| group(*at))
            .collect();
        if !timed_groups.is_empty() {
            items.retain(|(at, i)| {
                !matches!(i, Item::Malformed(_)) || timed_groups.contains(&group(*at))
            });
        }
        timeline.resolve(items, timeline.report_date);
        timeline
    }

    /// Gives every entry its day and UTC date-time, in order.
    fn resolve(&mut self, items: Vec<(usize, Item)>, report_date: Option<NaiveDate>) {
        let declared_offset = self.other_zone_declared.as_ref().map(|(_, z)| z.clone());
        let mut day: Option<(NaiveDate, DaySource)> = report_date.map(|d| (d, DaySource::Report));
        let mut previous: Option<NaiveTime> = None;
        let stand_in_day = day.is_none();
        if day.is_none() {
            // A stand-in day, so that entries can still be ordered.
            day = NaiveDate::from_ymd_opt(2000, 1, 1).map(|d| (d, DaySource::Report));
        }
        let mut real_day = report_date.is_some();
        // The entries are resolved in place when they are in the order of
        // the items, as they are written; else moved into that order.
        let in_order = items
            .iter()
            .filter_map(|(_, i)| match i {
                Item::Entry(k) => Some(*k),
                _ => None,
            })
            .enumerate()
            .all(|(n, k)| n == k);
        let mut moved: Vec<Option<Entry>> = Vec::new();
        if !in_order {
            moved = std::mem::take(&mut self.entries)
                .into_iter()
                .map(Some)
                .collect();
        }
        for (_, item) in items {
            match item {
                Item::DateLine(span, date) => {
                    if let Some(d) = date.date {
                        real_day = true;
                        day = Some((d, DaySource::DateLine));
                        previous = None;
                    }
                    self.date_lines.push(DateLine { span, date });
                }
                Item::Malformed(m) => self.malformed.push(m),
                Item::Entry(k) => {
                    let e = if in_order {
                        &mut self.entries[k]
                    } else {
                        let Some(e) = moved.get_mut(k).and_then(Option::take) else {
                            continue;
                        };
                        self.entries.push(e);
                        let last = self.entries.len() - 1;
                        &mut self.entries[last]
                    };
                    if let (Some(d), Some((current, _))) = (&mut e.date, day) {
                        if !d.year_given && (!stand_in_day || real_day) {
                            // The year that puts the date nearest the current day.
                            let nearest = [current.year() - 1, current.year(), current.year() + 1]
                                .into_iter()
                                .filter_map(|y| NaiveDate::from_ymd_opt(y, d.month, d.day))
                                .min_by_key(|c| (*c - current).num_days().abs());
                            if let Some(n) = nearest {
                                d.year = n.year();
                                d.date = Some(n);
                            }
                        }
                    }
                    let resolved = e.clock.as_ref().and_then(|c| c.resolve().ok());
                    e.time = resolved.map(|(t, _)| t);
                    if let Some(d) = e.date.as_ref().and_then(|d| d.date) {
                        real_day = true;
                        day = Some((d, DaySource::Entry));
                    } else if let (Some(prev), Some(t), Some((d, _))) = (previous, e.time, day) {
                        if t < prev && prev.hour() >= 18 && t.hour() < 8 {
                            day = d.succ_opt().map(|n| (n, DaySource::NextDay));
                        }
                    }
                    e.day = day.filter(|_| real_day).map(|(d, source)| {
                        let source = if e.date.as_ref().is_some_and(|x| x.date.is_some()) {
                            DaySource::Entry
                        } else {
                            source
                        };
                        (d, source)
                    });
                    let zone = e
                        .clock
                        .as_ref()
                        .and_then(|c| c.zone.as_ref())
                        .or(declared_offset.as_ref());
                    let local = match (day, resolved) {
                        (Some((d, _)), Some((t, next))) => {
                            let local = d.and_time(t) + TimeDelta::days(i64::from(next));
                            match time::zone_offset(zone, d) {
                                Some(offset) => Some(local - offset),
                                // An unknown offset: order by the clock, but
                                // give no UTC time.
                                None => {
                                    e.order_key = Some(local);
                                    None
                                }
                            }
                        }
                        // A date-only entry sorts at the start of its day.
                        (Some((d, DaySource::Entry)), None) if e.clock.is_none() => {
                            Some(d.and_time(NaiveTime::MIN))
                        }
                        _ => None,
                    };
                    if local.is_some() || e.order_key.is_none() {
                        e.order_key = local;
                    }
                    if e.day.is_some() && e.time.is_some() {
                        e.at = local;
                    }
                    if e.time.is_some() {
                        previous = e.time;
                    }
                }
            }
        }
    }

    /// The entries, in the order they are written.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The first entry at or after `after` (UTC) whose text records `kind`
    /// (an alert, a page or someone noticing; a mitigation; the resolution).
    /// Entries without a full date-time are skipped.
    pub fn first_matching(&self, kind: EventKind, after: NaiveDateTime) -> Option<&Entry> {
        let pattern: &Twin = match kind {
            EventKind::Detection => &DETECTION,
            EventKind::Mitigation => &MITIGATION,
            EventKind::Resolution => &RESOLUTION,
        };
        self.entries
            .iter()
            .filter(|e| e.at.is_some_and(|at| at >= after))
            .find(|e| pattern.is_match(&e.text))
    }

    /// True when the timeline has at least one entry with a time.
    pub fn has_times(&self) -> bool {
        self.entries.iter().any(|e| e.clock.is_some())
    }
}

/// The report's date: the title's, else front matter `started`, else the
/// first real date written in the Summary, Impact or Timeline.
pub fn report_date(report: &Report<'_>) -> Option<NaiveDate> {
    if let Some(title) = &report.title {
        if let Some(dt) = title.datetime {
            return Some(dt.date());
        }
        if let Some(d) = time::find_dates(&title.text).iter().find_map(|d| d.date) {
            return Some(d);
        }
    }
    if let Some(started) = report.front_matter.started {
        return Some(started.date_naive());
    }
    ["Summary", "Impact", "Timeline", "Detection"]
        .iter()
        .filter_map(|name| report.section(name))
        .flat_map(|s| report.authored_blocks(s))
        .filter(|b| !matches!(b.kind, BlockKind::Code { .. }))
        .find_map(|b| {
            time::find_dates(report.doc.text(&b.own))
                .iter()
                .find_map(|d| d.date)
        })
}

/// "All times in this report are UTC": what [`report_wide_utc`] looks for.
static REPORT_WIDE: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"(?i)\ball\s+times\b[^\n.]{0,50}?\b(?:UTC|GMT)\b"));

/// "All times in this report are UTC" anywhere before the timeline.
fn report_wide_utc(report: &Report<'_>) -> Option<Span> {
    // Where the document names UTC or GMT, which every match does: only
    // the blocks around these are searched.
    let source = &report.doc.source;
    if !has_all_time(source) {
        return None;
    }
    let mut cues: Vec<usize> = word_starts(source, "utc")
        .chain(word_starts(source, "gmt"))
        .collect();
    if cues.is_empty() {
        return None;
    }
    cues.sort_unstable();
    report.doc.blocks.iter().find_map(|b| {
        let first = cues.partition_point(|&at| at < b.own.start);
        if cues.get(first).is_none_or(|&at| at + 3 > b.own.end) || report.is_template_text(b) {
            return None;
        }
        let text = report.doc.text(&b.own);
        // A match has "all" and "time" (in any case; neither has a letter
        // a non-ASCII character folds to).
        if !has_word(text, &["all"]) || !has_word(text, &["time"]) {
            return None;
        }
        REPORT_WIDE
            .find(text)
            .filter(|m| !offset_after(&text[m.end()..]))
            .map(|m| b.own.start + m.start()..b.own.start + m.end())
    })
}

/// True when `text` has `all`, white space and `time`, in any case, which
/// every match of [`REPORT_WIDE`] has (no non-ASCII letter folds to one of
/// their letters).
fn has_all_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'm', b'M', bytes).any(|m| {
        let Some(t) = m.checked_sub(2) else {
            return false;
        };
        if !bytes[t..]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"time"))
        {
            return false;
        }
        // `t` is ASCII, so a character boundary.
        let before = text[..t].trim_end_matches(char::is_whitespace).as_bytes();
        before.len() < t
            && before
                .len()
                .checked_sub(3)
                .is_some_and(|a| before[a..].eq_ignore_ascii_case(b"all"))
    })
}

fn zone_named(name: &str, span: Span) -> Zone {
    let found = time::find_times(&format!("00:00 {name}"));
    let mut zone = found
        .into_iter()
        .next()
        .and_then(|t| t.zone)
        .unwrap_or(Zone {
            span: 0..0,
            name: name.to_string(),
            offset_minutes: None,
            us_standard: None,
        });
    if zone.name.to_ascii_lowercase().starts_with("local") {
        zone.offset_minutes = None;
        zone.us_standard = None;
        zone.name = "local time".to_string();
        zone.span = span;
        return zone;
    }
    zone.name = name.to_string();
    zone.span = span;
    zone
}

enum Item {
    /// An entry, by its index in the timeline's entries, where each is
    /// put as it is read (in the order written).
    Entry(usize),
    DateLine(Span, FoundDate),
    Malformed(Malformed),
}

#[expect(
    clippy::large_enum_variant,
    reason = "an entry is moved once, to its place in the timeline, rather than boxed"
)]
enum Line<'a> {
    Entry(Entry),
    Date(FoundDate),
    /// Not an entry: the line without its list marker (a zone declaration
    /// is one, see [`is_declaration`]).
    Other(&'a str),
}

/// True when the times and dates of `line[marker..]` are those of `line`
/// that start there (shifted): the list marker (`- `, `12. `, `* [x] `)
/// ends with white space and holds no letter that a time or date could
/// start with or lean on, and its digits end with `.` or `)`, which no time
/// or date continues. One look back goes further: a time right after `T`
/// is kept when a digit is 11 bytes before it (`2025-10-14T08:41`), which
/// may be one of the marker's when a `T` is among the first bytes after it.
fn after_marker(line: &str, marker: usize) -> bool {
    let bytes = line.as_bytes();
    let (lead, body) = bytes.split_at(marker);
    marker == 0
        || (lead
            .iter()
            .all(|b| b.is_ascii_digit() || b" \t-*+.)[]xX".contains(b))
            && matches!(lead[marker - 1], b' ' | b'\t')
            && !(lead.iter().any(u8::is_ascii_digit) && body.iter().take(11).any(|&b| b == b'T')))
}

impl Timeline {
    /// The times and dates of a one-line list item of the timeline whose
    /// own text is `own`, if the timeline has read them, lent with where
    /// the text after its list marker starts in that text: as
    /// [`time::find_times`] and [`time::find_dates`] find them in the
    /// item's text once shifted by that much.
    pub(crate) fn found_in(&self, own: &Span) -> Option<(usize, &[ClockTime], &[FoundDate])> {
        let i = self.found.partition_point(|f| f.own.start < own.start);
        let f = self.found.get(i).filter(|f| f.own == *own)?;
        Some((f.body, &f.clocks, &f.dates))
    }
}

/// The lines of `text`, split at each `\n` as `str::split` would.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain([None])
        .map(move |end| {
            let line = &text[start..end.unwrap_or(text.len())];
            start = end.map_or(text.len(), |e| e + 1);
            line
        })
}

/// The end of `text` (which starts at `base`) without trailing whitespace.
fn trim_end(text: &str, base: usize) -> usize {
    base + text.trim_end().len()
}

/// Characters that may sit around the time of an entry: list markers,
/// emphasis, brackets, code ticks.
fn is_markup(c: char) -> bool {
    matches!(
        c,
        '-' | '*' | '+' | '_' | '`' | '[' | ']' | '(' | ')' | '|' | '>' | '#' | '~'
    ) || c.is_whitespace()
}

/// The words before an entry's time: [`is_lead_word`] reads them (the
/// tests check it against this pattern).
#[cfg(test)]
static LEAD_WORDS: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(r"(?i)^(?:at|around|about|approx\.?|approximately|circa|ca\.|roughly|on|time:?|~|≈)$")
});
/// What separates an entry's time from its text: [`separator_end`] reads
/// it, and hands this pattern a text with a non-ASCII character right after
/// `UTC`.
static SEPARATOR: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"^[\s*_`)\]|]*(?:[-–—:|>=]+|\bUTC\b)?[\s*_`|]*"));
/// A line that starts the way an entry does: with digits and a colon, dot
/// or `h`. [`timed_shape`] reads it, and hands this pattern a line with a
/// non-ASCII digit near its start.
static TIMED_SHAPE: LazyLock<Twin> = LazyLock::new(|| Twin::new(r"^[\s*_`~\[(]*\d{1,2}[:.h]\d"));

/// The words [`LEAD_WORDS`] matches, which it matches in any case (none
/// has an `s` or `k`, so no non-ASCII letter folds to one of their letters).
const LEAD_WORD_LIST: &[&str] = &[
    "at",
    "around",
    "about",
    "approx",
    "approx.",
    "approximately",
    "circa",
    "ca.",
    "roughly",
    "on",
    "time",
    "time:",
    "~",
    "≈",
];

/// True when `lead` is a word that may come before an entry's time
/// ("at", "around", …): a match of [`LEAD_WORDS`].
fn is_lead_word(lead: &str) -> bool {
    LEAD_WORD_LIST.iter().any(|w| lead.eq_ignore_ascii_case(w))
}

/// Where the separator between an entry's time and its text (`` - ``,
/// `` **: ``, ` UTC | `) at the start of `rest` ends: the end of the match
/// of [`SEPARATOR`].
fn separator_end(rest: &str) -> usize {
    let skip = |from: usize, set: &dyn Fn(char) -> bool| {
        rest.len() - rest[from..].trim_start_matches(set).len()
    };
    let mut i = skip(0, &|c| {
        matches!(c, '*' | '_' | '`' | ')' | ']' | '|') || c.is_whitespace()
    });
    let dashes = skip(i, &|c| matches!(c, '-' | '–' | '—' | ':' | '|' | '>' | '='));
    if dashes > i {
        i = dashes;
    } else if rest[i..].starts_with("UTC") && !rest[..i].ends_with('_') {
        // `\bUTC\b`: what comes before is markup or the start.
        match rest[i + 3..].chars().next() {
            Some(c) if c.is_ascii_alphanumeric() || c == '_' => {}
            Some(c) if !is_scannable(c) => {
                // A non-ASCII letter or mark may be a word character.
                return SEPARATOR.find(rest).map_or(0, |m| m.end());
            }
            _ => i += 3,
        }
    }
    skip(i, &|c| {
        matches!(c, '*' | '_' | '`' | '|') || c.is_whitespace()
    })
}

/// True when `line` (without its list marker) starts the way an entry
/// does: a match of [`TIMED_SHAPE`].
fn timed_shape(line: &str) -> bool {
    let body = line.trim_start_matches(|c: char| {
        matches!(c, '*' | '_' | '`' | '~' | '[' | '(') || c.is_whitespace()
    });
    let at = line.len() - body.len();
    if body
        .chars()
        .take(4)
        .any(|c| !c.is_ascii() && c.is_numeric())
    {
        return TIMED_SHAPE.is_match(&line[at..]);
    }
    let bytes = body.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && matches!(bytes.get(digits), Some(b':' | b'.' | b'h'))
        && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
}

fn looks_timed(line: &str) -> bool {
    timed_shape(&line[list_marker_end(line, AfterBox::Space)..])
}

/// True when a line that is no entry says what zone the times are in.
fn is_declaration(body: &str) -> bool {
    utc_declaration(body).is_some() || other_declaration(body).is_some()
}

/// What a line that is no entry starts with (a short excerpt).
fn found(body: &str) -> String {
    body.trim_start_matches(is_markup)
        .chars()
        .take(24)
        .collect()
}

/// Reads one line of a timeline (without its list marker, which is
/// skipped here). `base` is the line's offset in the file.
fn read_line(line: &str, base: usize) -> Line<'_> {
    let marker = list_marker_end(line, AfterBox::Space);
    let body = &line[marker..];
    let (times, dates) = time::find_times_and_dates(body);
    read_found(line, base, marker, &times, &dates)
}

/// [`read_line`], given where its list marker ends and the times and
/// dates of the text after it.
fn read_found<'a>(
    line: &'a str,
    base: usize,
    marker: usize,
    times: &[ClockTime],
    dates: &[FoundDate],
) -> Line<'a> {
    let body = &line[marker..];
    if let Some(mut d) = time::date_line_among(body, dates, || times.is_empty()) {
        shift_found_date(&mut d, base + marker);
        return Line::Date(d);
    }
    // `Jan 13`, `12-05 16:21`: a date without its year at the start.
    let lead_start = body.len() - body.trim_start_matches(is_markup).len();
    let full_date_first = dates
        .first()
        .is_some_and(|d| times.first().is_none_or(|t| d.span.start < t.span.start));
    let mut short = None;
    // A short date is kept only when it ends by the first time, so it is
    // not looked for when that time starts by `lead_start` (a date found
    // there is never empty).
    if !full_date_first && times.first().is_none_or(|t| t.span.start > lead_start) {
        if let Some(mut d) = time::short_date_at_start(&body[lead_start..]) {
            d.span = d.span.start + lead_start..d.span.end + lead_start;
            if times.first().is_none_or(|t| t.span.start >= d.span.end) {
                short = Some(d);
            }
        }
    }
    let first_time = times.first();
    let first_date = short.as_ref().or(dates.first());
    // What comes before the first date or time must be markup or a lead word.
    let lead_end = match (first_time, first_date) {
        (Some(t), Some(d)) => t.span.start.min(
            d.weekday
                .as_ref()
                .map_or(d.span.start, |w| w.0.start.min(d.span.start)),
        ),
        (Some(t), None) => t.span.start,
        (None, Some(d)) => d
            .weekday
            .as_ref()
            .map_or(d.span.start, |w| w.0.start.min(d.span.start)),
        (None, None) => body.len(),
    };
    let lead = body[..lead_end].trim_matches(is_markup);
    let lead_ok = lead.is_empty() || is_lead_word(lead);
    if !lead_ok || (first_time.is_none() && first_date.is_none()) {
        return Line::Other(body);
    }
    // The date (if it comes first) and the time right after it.
    let mut date = None;
    let mut clock = None;
    let mut end;
    match (first_time, first_date) {
        (Some(t), Some(d)) if d.span.start < t.span.start => {
            end = d.span.end;
            let gap = &body[d.span.end..t.span.start];
            if gap
                .trim_matches(|c: char| is_markup(c) || c == ',' || c == 'T' || c == '@')
                .is_empty()
                || gap.trim().eq_ignore_ascii_case("at")
            {
                clock = Some(t.clone());
                end = t.span.end;
            }
            date = Some(d.clone());
        }
        (Some(t), _) => {
            clock = Some(t.clone());
            end = t.span.end;
        }
        (None, Some(d)) => {
            date = Some(d.clone());
            end = d.span.end;
        }
        (None, None) => return Line::Other(""),
    }
    // A period: `16:20 - 16:45 - text`, `9:00 AM – 1:51 PM`.
    let mut until = None;
    if let Some(c) = &clock {
        if let Some(next) = times.iter().find(|t| t.span.start >= c.span.end) {
            let gap = &body[end..next.span.start];
            let joined = gap
                .trim_matches(|ch: char| matches!(ch, '*' | '_' | '`' | '~') || ch.is_whitespace());
            if matches!(joined, "-" | "–" | "—" | "to" | "until") {
                end = next.span.end;
                until = Some(next.clone());
            }
        }
    }
    // A date right after the time (`16:20 2026-03-03`) is rare; ignore it.
    let start = lead_end;
    let rest = &body[end..];
    let sep = separator_end(rest);
    let text_start = end + sep;
    let text = body[text_start..].trim_end();
    if let Some(c) = &mut clock {
        shift_clock(c, base + marker);
    }
    if let Some(c) = &mut until {
        shift_clock(c, base + marker);
    }
    if let Some(d) = &mut date {
        shift_found_date(d, base + marker);
    }
    let abs = |i: usize| base + marker + i;
    Line::Entry(Entry {
        span: abs(0).min(base)..abs(body.trim_end().len()),
        time_span: abs(start)..abs(end),
        time: None,
        clock,
        until,
        date,
        day: None,
        at: None,
        order_key: None,
        text: text.trim_end_matches(['*', '_']).trim().to_string(),
        text_span: abs(text_start)..abs(text_start + text.len()),
    })
}

/// Reads a table row: the time column (the header's "Time"/"Date"/"When",
/// else the first cell with a time), a date column, and the event.
fn read_row(
    doc: &crate::document::Document,
    span: &Span,
    cells: &[Span],
    time_column: Option<usize>,
    entries: &mut Vec<Entry>,
) -> Option<Item> {
    let texts: Vec<&str> = cells.iter().map(|c| doc.text(c)).collect();
    if texts.iter().all(|t| t.trim().is_empty()) {
        return None;
    }
    let timed = |i: usize| {
        texts
            .get(i)
            .is_some_and(|t| !time::find_times(t).is_empty() || !time::find_dates(t).is_empty())
    };
    let column = time_column
        .filter(|&i| timed(i))
        .or_else(|| (0..texts.len()).find(|&i| timed(i)));
    let Some(column) = column else {
        let found: String = texts
            .first()
            .map(|t| t.trim().chars().take(24).collect())
            .unwrap_or_default();
        return Some(Item::Malformed(Malformed {
            span: span.clone(),
            found,
        }));
    };
    let cell = &cells[column];
    let mut entry = match read_line(doc.text(cell), cell.start) {
        Line::Entry(e) => e,
        Line::Date(d) => {
            // `| 2025-10-06 | 14:03 | event |`: a date column and a time column.
            let next = column + 1;
            let time_cell = cells.get(next)?;
            match read_line(doc.text(time_cell), time_cell.start) {
                Line::Entry(mut e) if e.clock.is_some() => {
                    e.date = Some(d);
                    e.time_span = cell.start..e.time_span.end;
                    e.text.clear();
                    e
                }
                _ => return Some(Item::DateLine(span.clone(), d)),
            }
        }
        Line::Other(_) => {
            let found: String = doc.text(cell).trim().chars().take(24).collect();
            return Some(Item::Malformed(Malformed {
                span: span.clone(),
                found,
            }));
        }
    };
    entry.span = span.clone();
    if entry.text.is_empty() {
        // The event is in the next non-empty cell that is not the time.
        if let Some(c) = cells
            .iter()
            .skip(column + 1)
            .find(|c| !doc.text(c).trim().is_empty() && !entry.time_span.contains(&c.start))
        {
            let text = doc.text(c).trim();
            let at = doc.text(c).find(text).unwrap_or(0);
            entry.text = text.to_string();
            entry.text_span = c.start + at..c.start + at + text.len();
        }
    }
    entries.push(entry);
    Some(Item::Entry(entries.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::model::pattern::{generated, list_marker_pattern};
    use crate::templates::{DEFAULT_TEMPLATE, builtin};

    /// The times and dates of a list item's line are those of the text
    /// after its marker, shifted, wherever [`after_marker`] says so. True
    /// when that compared something: a marker, and a time or date.
    fn assert_marker_keeps_finds(line: &str) -> bool {
        let marker = list_marker_end(line, AfterBox::Space);
        if marker == 0 || !after_marker(line, marker) {
            return false;
        }
        let body = &line[marker..];
        let mut clocks = time::find_times(body);
        clocks.iter_mut().for_each(|c| shift_clock(c, marker));
        assert_eq!(clocks, time::find_times(line), "{line:?}");
        let mut dates = time::find_dates(body);
        dates.iter_mut().for_each(|d| shift_found_date(d, marker));
        assert_eq!(dates, time::find_dates(line), "{line:?}");
        !(clocks.is_empty() && dates.is_empty())
    }

    const MARKERS: &[&str] = &[
        "- ", "* ", "+ ", "1. ", "12) ", "2025. ", "- [x] ", "* [ ] ", "-\t", "1.  ", "- [X]  ",
        "", "-", "1.", "10:", "~ ", "ca. ", "Mon ",
    ];
    const BODY_TOKENS: &[&str] = &[
        "16:20",
        "9",
        "am",
        "pm",
        "PM",
        "UTC",
        "MDT",
        "Z",
        "(UTC)",
        "~",
        "about",
        "approx.",
        "ca.",
        "2025-10-14",
        "14",
        "Oct",
        "October",
        "2025",
        "Mon",
        "Tue",
        "the",
        "of",
        "10/14/25",
        "/",
        "-",
        "–",
        ":",
        ".",
        ",",
        "x",
        "é",
        "’",
        "ſ",
        "\u{663}",
        "\u{a0}",
        "T08:41",
        "T",
        "v",
        "#",
        "@",
        "12-05",
        "3rd",
        "Sun)",
        "Local time",
    ];

    #[test]
    fn list_markers_keep_the_finds_of_their_text() {
        let compared = [
            "- 16:20 - deploy",
            "1. 9 am UTC: paged",
            "12) ~10:05 Monday, October 14, 2025",
            "* [x] 2025-10-14 08:41 UTC rollback",
            "2025. 14 Oct 2025 at 9 pm",
            "-\t16:20Z – 16:45Z",
            "- Mon 2025-10-14 é ſ 9 am",
            "10: 00 PM",
        ]
        .into_iter()
        .filter(|line| assert_marker_keeps_finds(line))
        .count();
        // All but `10: 00 PM` (no marker) and the two numbered lines with a
        // `T` near their start, which after_marker sends to a whole search.
        assert_eq!(compared, 5);
        assert!(after_marker("- [x] 9", 6) && !after_marker("-9", 1) && !after_marker("~ 9", 2));
        // A time right after `T` counts when a digit stands 11 bytes before
        // it, which may be in the marker: such a line is searched whole.
        let line = "12) 9 am\u{a0}T08:41";
        let marker = list_marker_end(line, AfterBox::Space);
        assert!(!after_marker(line, marker));
        assert_ne!(
            time::find_times(&line[marker..]).len(),
            time::find_times(line).len()
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn list_markers_keep_the_finds_of_any_text(
            marker in proptest::sample::select(MARKERS),
            body in proptest::collection::vec(
                (proptest::sample::select(BODY_TOKENS), proptest::sample::select(&[" ", "", " ", "\u{a0}"][..])),
                0..8,
            ),
        ) {
            let body: String = body.into_iter().map(|(t, s)| format!("{t}{s}")).collect();
            let _ = assert_marker_keeps_finds(&format!("{marker}{body}"));
        }
    }

    /// [`read_found`] does not look for a short date at the start of a line
    /// whose first time starts by the end of its leading markup: such a
    /// date, if any, would not end by that time and would be dropped.
    #[test]
    fn short_dates_skipped_only_where_they_would_be_dropped() {
        const PIECES: &[&str] = &[
            "Jan 13",
            "12-05",
            "12/05",
            "1/2",
            "14:03",
            "9",
            "am",
            "pm",
            "9:05",
            "16:20Z",
            "May 31st",
            "ſep 3",
            "sep",
            "at",
            "2025-10-14",
            "**",
            "_",
            "`",
            "~",
            " ",
            " ",
            "\u{a0}",
            "- ",
            ":",
            "-",
            "/",
            ".",
            "T",
            "é",
            "1",
            "0",
            "[",
            "]",
            "(",
            ")",
        ];
        let hand = [
            "Jan 13 14:03 start",
            "14:03 Jan 13",
            "**14:03** - 12/05",
            "12-05 16:21 rollback",
            "*12-05* 16:21",
            " 9 am 12/05",
            "1/2 9:05",
        ];
        let mut skipped = 0;
        let texts = hand
            .iter()
            .map(|t| t.to_string())
            .chain(generated(PIECES, 40_000, 8));
        for body in texts {
            let (times, dates) = time::find_times_and_dates(&body);
            let lead_start = body.len() - body.trim_start_matches(is_markup).len();
            let full_date_first = dates
                .first()
                .is_some_and(|d| times.first().is_none_or(|t| d.span.start < t.span.start));
            let Some(t) = times.first().filter(|t| t.span.start <= lead_start) else {
                continue;
            };
            if full_date_first {
                continue;
            }
            skipped += 1;
            if let Some(d) = time::short_date_at_start(&body[lead_start..]) {
                assert!(d.span.end + lead_start > t.span.start, "{body:?}");
            }
        }
        assert!(skipped > 1_000, "{skipped}");
    }

    fn timeline(src: &str) -> (Report<'static>, Vec<(String, String, String)>) {
        let report = Report::build(
            "incident-2026-03-03-1.md",
            Document::parse(src.to_string()),
            builtin(DEFAULT_TEMPLATE).unwrap(),
            &[],
        );
        let rows = report
            .timeline
            .entries
            .iter()
            .map(|e| {
                (
                    report.doc.text(&e.time_span).to_string(),
                    e.at.map_or_else(
                        || "-".into(),
                        |a| a.format("%Y-%m-%d %H:%M:%S%.3f").to_string(),
                    ),
                    e.text.clone(),
                )
            })
            .collect();
        (report, rows)
    }

    fn row(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn list_forms() {
        let (r, rows) = timeline(
            "# Incident: 2026-03-03 16-20-00\n\n## Timeline\n\nAll times are UTC.\n\n- _16:20_ - first\n- 16:25 - second\n- **16:30:07.311** — third\n* 2026-03-03 16:40 UTC: fourth\n1. 16:50 fifth\n- ~17:00 sixth\n- 4:20 PM MST — seventh\n- 23:55Z - late\n- 00:10 - after midnight\n",
        );
        assert_eq!(
            rows,
            [
                row("16:20", "2026-03-03 16:20:00.000", "first"),
                row("16:25", "2026-03-03 16:25:00.000", "second"),
                row("16:30:07.311", "2026-03-03 16:30:07.311", "third"),
                row("2026-03-03 16:40 UTC", "2026-03-03 16:40:00.000", "fourth"),
                row("16:50", "2026-03-03 16:50:00.000", "fifth"),
                row("17:00", "2026-03-03 17:00:00.000", "sixth"),
                row("4:20 PM MST", "2026-03-03 23:20:00.000", "seventh"),
                row("23:55Z", "2026-03-03 23:55:00.000", "late"),
                row("00:10", "2026-03-04 00:10:00.000", "after midnight"),
            ]
        );
        assert!(r.timeline.utc_declared.is_some());
        assert!(r.timeline.malformed.is_empty());
    }

    #[test]
    fn date_lines_tables_and_plain_lines() {
        let (r, rows) = timeline(
            "# Incident: 2025-10-14 08-41-00\n\n## Timeline (UTC)\n\n_Tuesday, October 14, 2025_\n\n14:50 - plain\n14:55 - plain two\n\n**March 3, 2026**\n\n| Time | Event |\n| --- | --- |\n| 2025-10-06 14:03 | tabled |\n| 14:05 | next |\n\n### 2026-03-05\n\n- 09:00 - under heading\n- no time here\n",
        );
        assert_eq!(
            rows,
            [
                row("14:50", "2025-10-14 14:50:00.000", "plain"),
                row("14:55", "2025-10-14 14:55:00.000", "plain two"),
                row("2025-10-06 14:03", "2025-10-06 14:03:00.000", "tabled"),
                row("14:05", "2025-10-06 14:05:00.000", "next"),
                row("09:00", "2026-03-05 09:00:00.000", "under heading"),
            ]
        );
        assert_eq!(r.timeline.date_lines.len(), 3);
        assert_eq!(r.timeline.malformed.len(), 1);
        assert_eq!(r.timeline.malformed[0].found, "no time here");
        assert!(r.timeline.utc_declared.is_some());
    }

    #[test]
    fn declarations_behind_their_prechecks() {
        for text in [
            "All times are in utc.",
            "Times in Coordinated Universal Time",
            "(GMT)",
            "Times are Zulu – “all”",
        ] {
            assert!(utc_declaration(text).is_some(), "{text}");
            assert!(UTC_DECLARATION.find(text).is_some(), "{text}");
        }
        assert!(utc_declaration("All times are local – é").is_none());
        assert!(has_word("time in Utc", &["utc"]) && !has_word("ut c", &["utc"]));
        let z = |text: &str| other_declaration(text).map(|(_, z)| text[z].to_string());
        assert_eq!(z("All times are MST’s").as_deref(), Some("MST"));
        assert_eq!(z("Events (local time)").as_deref(), Some("local time"));
        assert_eq!(z("é 16:20 (UTC+2) done").as_deref(), Some("UTC+2"));
        assert_eq!(z("no zone here, UTC"), None);
    }

    /// Pieces of zone declarations, with the non-ASCII neighbours reports have.
    const ZONE_PIECES: &[&str] = &[
        "time",
        "Time",
        "times",
        "TIME",
        "timeline",
        "s",
        "(",
        ")",
        " ",
        "\u{a0}",
        "\n",
        ".",
        "+",
        "-",
        "–",
        "’",
        "é",
        "7",
        "10",
        ":30",
        "UTC",
        "GMT",
        "utc",
        "Zulu",
        "MST",
        "CEST",
        "PT",
        "MTTR",
        "Local",
        "local",
        "Mountain",
        "Standard",
        " time",
        "all ",
        "in ",
        "are ",
        "_",
        "x",
        "EST",
        "PDT",
        "CET",
        "JST",
        "ET",
        "Pacific",
        " Time",
        "+5:30",
        "UTC+2",
        "(UTC)",
        "\u{17F}",
        "Eastern",
        "Central",
        " Daylight",
        " Standard",
        "1",
        "23",
        "٣",
        "—",
        "times ",
        " MST",
        "(PST)",
        "(UTC+",
        "(local time)",
        "Coordinated Universal Time",
        "(in ",
        "(all times ",
        "gmt",
        " UTC ",
        "UTC time",
        "\u{212A}",
    ];

    #[test]
    fn zone_scanners_agree_with_their_patterns() {
        let texts = [
            "UTC-7",
            "UTC - 7",
            "UTC +\u{a0}2",
            "UTC\u{a0}-0",
            "UTC -x",
            "UTC+ 10",
            "UTC  -7",
            "Times (UTC)",
            "All times are MST",
            "downtime in MST",
            "Timeline (local)",
            "times_ are MST",
            "é time MST",
            "timeé MST",
            "( \u{a0}CEST)",
            "(\nPST)",
            "times are UTC+123",
            "times UTC+12345",
            "times UTC+5:30x",
            "times UTC + 5:3",
            "times UTC\u{a0}-\u{a0}7 ok",
            "time: Mountain Standard Time",
            "time Mountain Standard Timer",
            "time Eastern\u{a0}Time.",
            "timesCentral Time",
            "times in Local timex",
            "(Local time)",
            "(Local timer)",
            "(local )",
            "( GMT-10:00 )",
            "(UTC+2٣)",
            "times UTC+2٣",
            "Times are CEST\nor CET",
            "times ——————————————————————————————————————— PST",
            "times ——————————————————————————————————————— PST",
            "All times are UTC.",
            "(in UTC)",
            "( all  times in\u{a0}gmt )",
            "(all times UTC)",
            "(all timesUTC)",
            "(inUTC)",
            "UTC times",
            "gmt time.",
            "UTC timeline",
            " – UTC – ",
            "UTC7",
            "_UTC_",
            "Times in Coordinated Universal Time",
            "time coordinated universal times",
        ];
        let pieces = generated(ZONE_PIECES, 20_000, 8);
        // How often each check rules a text out, and how often its pattern
        // matches: a check that never says no, or texts the pattern never
        // matches, would test nothing.
        let mut seen = [0usize; 5];
        for t in texts.iter().map(|t| t.to_string()).chain(pieces) {
            for (i, _) in t.char_indices() {
                let rest = &t[i..];
                assert_eq!(offset_after(rest), OFFSET_AFTER.is_match(rest), "{rest:?}");
            }
            let by_pattern = OTHER_DECLARATION.captures(&t).map(|c| {
                let zone = c.name("z1").or(c.name("z2")).unwrap();
                (c.get(0).unwrap().range(), zone.range())
            });
            assert_eq!(other_declaration(&t), by_pattern, "{t:?}");
            let other = by_pattern.is_some();
            seen[0] += usize::from(t.is_ascii() && other);
            let utc_match = UTC_DECLARATION.find(&t).map(|m| m.range());
            assert_eq!(utc_declaration(&t).map(|m| m.range()), utc_match, "{t:?}");
            let utc = utc_match.is_some();
            // The gate of `report_wide_utc`.
            if REPORT_WIDE.is_match(&t) {
                assert!(has_word(&t, &["all"]) && has_word(&t, &["time"]), "{t:?}");
                assert!(has_all_time(&t), "{t:?}");
                seen[4] += 1;
            }
            if !has_word(&t, &["utc", "gmt", "zulu", "coordinated"]) {
                assert!(!utc, "{t:?}");
                seen[1] += 1;
            }
            seen[2] += usize::from(other);
            seen[3] += usize::from(utc);
        }
        assert!(seen.iter().all(|&n| n > 100), "{seen:?}");
    }

    #[test]
    fn all_time_gate() {
        for t in [
            "All times UTC",
            "all\u{a0}\u{2003} TIME",
            "x ALL\ttimes",
            "mall time",
            "(all times in UTC)",
        ] {
            assert!(has_all_time(t), "{t:?}");
        }
        for t in [
            "alltime", "all-time", "all ime", "al time", "time all", "", "m", "ti",
        ] {
            assert!(!has_all_time(t), "{t:?}");
        }
    }

    #[test]
    fn lines_split_as_split_does() {
        for t in ["", "\n", "a", "a\n", "\na", "a\nb", "a\n\nb\n", "é\n’\n"] {
            assert_eq!(
                lines(t).collect::<Vec<_>>(),
                t.split('\n').collect::<Vec<_>>()
            );
        }
    }

    /// Pieces of timeline lines, with the non-ASCII neighbours reports have.
    const LINE_PIECES: &[&str] = &[
        "-", "*", "+", "1", "12", "123", "1234", ".", ")", " ", "  ", "\t", "\u{a0}", "[", "]",
        "x", "X", "[x]", "[ ]", "_", "`", "~", "(", "|", ":", "h", "–", "—", ">", "=", "UTC",
        "UTCé", "utc", "é", "’", "\u{663}", "٣", "a", "at", "On", "approx.", "≈", "time:", "ca.",
        "09:00",
    ];

    #[test]
    fn line_scanners_agree_with_their_patterns() {
        let texts = [
            "- 16:20 - x",
            "  12. [x] 09:00",
            "1234. x",
            "12\u{663}. x",
            "\u{663}. x",
            "- [x]done",
            "-\u{a0}[ ]\u{a0}x",
            "* UTC | text",
            "_UTC x",
            " UTCé x",
            " UTC’ x",
            " UTC\u{a0}x",
            ")] –— x",
            "**~(12:30",
            "1h30",
            "123:4",
            "(\u{663}2:30",
        ];
        let pieces = generated(LINE_PIECES, 20_000, 6);
        for t in texts.iter().map(|t| t.to_string()).chain(pieces) {
            let marker = list_marker_pattern(AfterBox::Space)
                .find(&t)
                .map_or(0, |m| m.end());
            assert_eq!(list_marker_end(&t, AfterBox::Space), marker, "{t:?}");
            let sep = SEPARATOR.find(&t).map_or(0, |m| m.end());
            assert_eq!(separator_end(&t), sep, "{t:?}");
            assert_eq!(timed_shape(&t), TIMED_SHAPE.is_match(&t), "{t:?}");
            assert_eq!(is_lead_word(&t), LEAD_WORDS.is_match(&t), "{t:?}");
        }
        for w in LEAD_WORD_LIST {
            assert!(LEAD_WORDS.is_match(&w.to_uppercase()), "{w}");
        }
    }

    #[test]
    fn first_matching_finds_events() {
        let (r, _) = timeline(
            "# Incident: 2025-10-14 08-41-00\n\n## Timeline\n\n- 08:35 - deploy starts\n- 08:41 - errors\n- 08:47 - alert pages on-call\n- 09:06 - rollback finishes\n- 09:17 - incident resolved\n",
        );
        let start = r.timeline.entries[1].at.unwrap();
        let t = |k| r.timeline.first_matching(k, start).map(|e| e.text.clone());
        assert_eq!(
            t(EventKind::Detection).as_deref(),
            Some("alert pages on-call")
        );
        assert_eq!(
            t(EventKind::Mitigation).as_deref(),
            Some("rollback finishes")
        );
        assert_eq!(
            t(EventKind::Resolution).as_deref(),
            Some("incident resolved")
        );
    }
}

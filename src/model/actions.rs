//! Action items: what will be done, by whom, by when, tracked where.
//!
//! An item is an entry of the Action items section: a list entry (ordered
//! or not, with its nested sub-items), a table row, or a checkbox line; a
//! section written only as paragraphs has one item per paragraph. Each item
//! records the owner, due date and tracking link it states, and nothing
//! it does not.

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::pattern::{AfterBox, Caps, Plain, folds_to_ascii, list_marker_end};
use crate::model::pattern::{Twin, is_ascii_space, is_plain_symbol, is_word_byte_at};
use chrono::{Datelike, NaiveDate};

use crate::document::{Block, BlockKind, Span};
use crate::model::Report;
use crate::model::time::{MONTH_HEADS, month_number};

/// A value an item states, with where it says it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// The value, without Markdown markup (`Payments team`, `OPS-118`).
    pub text: String,
    /// Byte range into the document.
    pub span: Span,
}

/// How a stated due date reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateReading {
    /// A real calendar date.
    Date(NaiveDate),
    /// Shaped like a date, but no such day exists (`2025-02-30`).
    Impossible,
    /// A day and month without a year, and no incident date to take it from.
    NoYear,
    /// Not a date at all (`End of week`, `next sprint`, `+1 week`).
    NotADate,
}

/// The due date an item states (`Due: 2026-02-09`, `by Feb 3`, `Target: 1 week`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deadline {
    pub text: String,
    /// Byte range into the document.
    pub span: Span,
    pub reading: DateReading,
}

/// One action item.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ActionItem {
    /// The item's own text, without list marker or checkbox.
    pub text: String,
    /// The whole item, sub-items included (for a table, the row); byte range.
    pub span: Span,
    /// The item's first line; byte range.
    pub line: Span,
    /// Who owns it: stated on the item, or for the whole section.
    pub owner: Option<Field>,
    /// True when the owner is the section-wide one.
    pub owner_from_section: bool,
    /// The due date, when the item states a real one.
    pub due: Option<NaiveDate>,
    /// What the item states as its due date, real date or not.
    pub deadline: Option<Deadline>,
    /// Marked done (`[x]`, `(done)`, `Done: 2026-01-31`, a Status column).
    pub done: bool,
    /// Where it is tracked (issue key, `#123`, URL, `Tracking: …`).
    pub tracking: Option<Field>,
}

/// The action items of a report.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ActionItems {
    pub items: Vec<ActionItem>,
    /// Index into `report.sections` of the Action items section.
    pub section: Option<usize>,
    /// An owner stated for every item ("All items are assigned to X").
    pub section_owner: Option<Field>,
    /// The incident's date (title, else front matter `started`): due dates
    /// are checked against it and year-less dates take their year from it.
    pub incident_date: Option<NaiveDate>,
}

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Owner,
    Due,
    Tracking,
    Status,
    Other,
}

impl ActionItems {
    pub fn build(report: &Report<'_>) -> ActionItems {
        let incident_date = report
            .title
            .as_ref()
            .and_then(|t| t.datetime)
            .map(|d| d.date())
            .or_else(|| report.front_matter.started.map(|s| s.date_naive()));
        let mut out = ActionItems {
            incident_date,
            ..ActionItems::default()
        };
        let Some(spec) = report
            .template
            .sections
            .iter()
            .position(|s| s.name.eq_ignore_ascii_case("Action items"))
        else {
            return out;
        };
        let Some(index) = report.sections.iter().position(|s| s.spec == Some(spec)) else {
            return out;
        };
        out.section = Some(index);
        let section = &report.sections[index];
        let blocks: Vec<&Block> = report.authored_blocks(section).collect();
        let reader = Reader {
            source: &report.doc.source,
            incident: incident_date,
        };
        let has_table = blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::TableRow { header: false, .. }));
        // "### ✅ Add alert rule" followed by "- **Metric**: …" lines: the
        // sub-heading is the item, its field list the details.
        let sub_headings: Vec<&crate::document::Heading> = report
            .doc
            .headings
            .iter()
            .filter(|h| {
                h.span.start > section.heading_span.start && h.span.start < section.body.end
            })
            .collect();
        let heading_end = |i: usize| {
            sub_headings
                .get(i + 1)
                .map_or(section.body.end, |h| h.span.start)
        };
        // The blocks under each sub-heading, in order: each block is put
        // under the last heading that starts before it (headings are in
        // order), when it starts after that heading's end.
        let mut under: Vec<Vec<&Block>> = vec![Vec::new(); sub_headings.len()];
        for &block in &blocks {
            let i = sub_headings.partition_point(|h| h.span.start <= block.span.start);
            if let Some(i) = i.checked_sub(1) {
                let start = block.span.start;
                if start >= sub_headings[i].span.end && start < heading_end(i) {
                    under[i].push(block);
                }
            }
        }
        let mut claimed: Vec<Span> = Vec::new();
        for (i, heading) in sub_headings.iter().enumerate() {
            let end = heading_end(i);
            let inside = &under[i];
            let fields = inside
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }))
                .map(|b| strip_marker(report.doc.text(&b.own)))
                .collect::<Vec<_>>();
            if fields.is_empty() || !fields.iter().all(|f| is_field_like(f)) {
                continue;
            }
            let span = heading.span.start..end;
            let mut item = reader.item(
                span.clone(),
                heading.text.trim_start_matches(['✅', '☑', ' ']),
            );
            item.done = heading.text.contains('✅') || heading.text.contains('☑');
            let mut spans = vec![heading.span.clone()];
            spans.extend(inside.iter().map(|b| b.span.clone()));
            reader.fill(&mut item, &spans, &[]);
            item.span.end = reader.trim_end(item.span.end);
            out.items.push(item);
            claimed.push(span);
        }
        let has_entries = blocks.iter().any(|b| {
            matches!(
                b.kind,
                BlockKind::ListItem { .. } | BlockKind::TableRow { header: false, .. }
            )
        });
        let top = blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::ListItem { depth, .. } => Some(depth),
                _ => None,
            })
            .min()
            .unwrap_or(0);
        let mut header: Vec<Column> = Vec::new();
        let mut prev_ordered = false;
        for block in &blocks {
            // The claimed spans are in order and apart.
            let before = claimed.partition_point(|c| c.start <= block.span.start);
            if before > 0 && claimed[before - 1].contains(&block.span.start) {
                continue;
            }
            match &block.kind {
                // `- item`, `1. item`, `- [ ] item`
                BlockKind::ListItem {
                    depth,
                    ordered,
                    task,
                } => {
                    // A table is the list of items; lists around it explain it.
                    if *depth != top || has_table {
                        continue;
                    }
                    let own = report.doc.text(&block.own);
                    let follows_ordered = !ordered
                        && prev_ordered
                        && out.items.last().is_some_and(|last: &ActionItem| {
                            !report
                                .doc
                                .source
                                .get(last.span.end..block.span.start)
                                .unwrap_or("")
                                .contains("\n\n")
                        });
                    if let Some(last) = out.items.last_mut() {
                        // "- Owner: Self" under "1. Add alert": a field or a
                        // bullet right under an ordered item belongs to it.
                        if follows_ordered || is_field_line(strip_marker(own)) {
                            last.span.end = block.span.end;
                            reader.fill(last, std::slice::from_ref(&block.span), &[]);
                            continue;
                        }
                    }
                    prev_ordered = *ordered;
                    let mut item = reader.item(block.span.clone(), strip_marker(own));
                    item.done = *task == Some(true);
                    reader.fill(&mut item, std::slice::from_ref(&block.span), &[]);
                    out.items.push(item);
                }
                // | Action | Owner | Due |
                BlockKind::TableRow {
                    header: true,
                    cells,
                } => {
                    header = cells
                        .iter()
                        .map(|c| column_of(report.doc.text(c)))
                        .collect();
                }
                BlockKind::TableRow {
                    header: false,
                    cells,
                } => {
                    let text_cell = cells
                        .iter()
                        .enumerate()
                        .find(|(i, c)| {
                            header.get(*i).is_none_or(|k| *k == Column::Other)
                                && !report.doc.text(c).trim().is_empty()
                        })
                        .map(|(_, c)| c.clone());
                    let text = text_cell.as_ref().map_or("", |c| report.doc.text(c));
                    let mut item = reader.item(block.span.clone(), text);
                    let typed: Vec<(Column, Span)> = cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (header.get(i).copied().unwrap_or(Column::Other), c.clone()))
                        .collect();
                    let free: Vec<Span> = typed
                        .iter()
                        .filter(|(k, _)| *k == Column::Other)
                        .map(|(_, c)| c.clone())
                        .collect();
                    reader.fill(&mut item, &free, &typed);
                    out.items.push(item);
                }
                BlockKind::Paragraph => {
                    let text = report.doc.text(&block.span);
                    let checkbox_lines = reader.checkbox_lines(block);
                    if !checkbox_lines.is_empty() {
                        out.items.extend(checkbox_lines);
                    } else if has_entries || text.trim_end().ends_with(':') {
                        // Prose around the list: it may name the owner of all items.
                        if out.section_owner.is_none() {
                            out.section_owner = reader.section_owner(block.span.clone());
                        }
                    } else if text.split_whitespace().count() >= 3 {
                        let mut item = reader.item(block.span.clone(), text);
                        reader.fill(&mut item, std::slice::from_ref(&block.span), &[]);
                        out.items.push(item);
                    } else if out.section_owner.is_none() {
                        out.section_owner = reader.section_owner(block.span.clone());
                    }
                }
                BlockKind::Code { .. } | BlockKind::Quote { .. } | BlockKind::Html => {}
            }
        }
        if let Some(owner) = &out.section_owner {
            for item in out.items.iter_mut().filter(|i| i.owner.is_none()) {
                item.owner = Some(owner.clone());
                item.owner_from_section = true;
            }
        }
        out
    }

    /// The items that state no owner.
    pub fn without_owner(&self) -> impl Iterator<Item = &ActionItem> {
        self.items.iter().filter(|i| i.owner.is_none())
    }
}

fn column_of(header: &str) -> Column {
    let h = header
        .trim()
        .trim_matches(['*', '_', '`'])
        .to_ascii_lowercase();
    let has = |words: &[&str]| {
        words
            .iter()
            .any(|w| h.split([' ', '/', '-']).any(|x| x == *w))
    };
    if has(&[
        "owner",
        "owners",
        "assignee",
        "assignees",
        "responsible",
        "who",
        "dri",
        "assigned",
        "lead",
    ]) {
        Column::Owner
    } else if has(&["due", "deadline", "target", "eta", "when", "by", "date"]) {
        Column::Due
    } else if has(&[
        "tracking",
        "ticket",
        "issue",
        "bug",
        "link",
        "jira",
        "pr",
        "tracked",
        "reference",
        "ref",
    ]) {
        Column::Tracking
    } else if has(&["status", "done", "state", "complete", "completed"]) {
        Column::Status
    } else {
        Column::Other
    }
}

fn strip_marker(text: &str) -> &str {
    text[marker_end(text)..].trim()
}

/// Where the list marker (`- `, `12. `, `* [x] `) at the start of `text`
/// ends, or 0 when there is none (a task box may run into the text).
fn marker_end(text: &str) -> usize {
    list_marker_end(text, AfterBox::Nothing)
}

/// A field line, for a text with a character that folds to an ASCII letter.
static FIELD: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)^[*_`\s]*(?:owners?|assignee|responsible|due(?: date)?|deadline|target|timeline|eta|tracking|ticket|issue|status)[*_`\s]*:",
    )
});

/// "Owner: Self", "Due: 2026-04-11", "Timeline: Immediate": a line that is
/// only a field of the item above it ([`FIELD`]).
fn is_field_line(text: &str) -> bool {
    if !text.contains(':') {
        return false;
    }
    if folds_to_ascii(text) {
        return FIELD.is_match(text);
    }
    let marks = |c: char| matches!(c, '*' | '_' | '`') || c.is_whitespace();
    let rest = text.trim_start_matches(marks);
    FIELD_NAMES.iter().any(|name| {
        rest.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
            && rest[name.len()..]
                .trim_start_matches(marks)
                .starts_with(':')
    })
}

/// The names [`is_field_line`] knows, each form [`FIELD`] allows.
const FIELD_NAMES: &[&str] = &[
    "owners",
    "owner",
    "assignee",
    "responsible",
    "due date",
    "due",
    "deadline",
    "target",
    "timeline",
    "eta",
    "tracking",
    "ticket",
    "issue",
    "status",
];

/// "**Metric**: latency", "Contact point: on-call": a detail, not an action.
static FIELD_LIKE: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"^[*_`\s]*[\w][\w ()/-]{0,30}[*_`]*\s*:|^\W"));

/// True when [`FIELD_LIKE`] matches `text`: it starts with a character
/// that is no word character, or it has a colon and reads as a label.
fn is_field_like(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first.is_ascii() {
        if !(first.is_ascii_alphanumeric() || first == '_') {
            return true;
        }
    } else if is_plain_symbol(first) {
        return true;
    } else {
        // Another non-ASCII character may or may not be `\w`.
        return FIELD_LIKE.is_match(text);
    }
    text.contains(':') && FIELD_LIKE.is_match(text)
}

/// The words the owner, due date, done and tracking checks ask about
/// (lower case): [`Words`] finds them all in one pass over a text.
const CUE_WORDS: [&str; 53] = [
    "assigned to",
    "owned by",
    "responsibility of",
    "owner",
    "due",
    "deadline",
    "target",
    "eta",
    "timeline",
    "complete",
    "to be",
    "finish",
    "no later",
    "done",
    "fixed",
    "resolved",
    "closed",
    "finished",
    "implemented",
    "responsible",
    "assign",
    "dri",
    "poc",
    "point of contact",
    "accountable",
    " by",
    " to",
    "completed",
    "owned",
    "handled",
    "assigned",
    "track",
    "tracking",
    "ticket",
    "issue",
    "jira",
    "bug",
    "pr",
    "pull",
    "link",
    "card",
    "story",
    "epic",
    "in charge",
    "will",
    "shall",
    "should",
    "must",
    "owns",
    "needs to",
    "is going to",
    "is to",
    "are to",
];

/// The bits of `words` (each one of [`CUE_WORDS`]) in a [`Words`] mask.
/// Evaluated at compile time, where a word missing from the list fails the
/// build.
const fn cue_mask(words: &[&str]) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_bytes();
        let mut j = 0;
        let mut found = false;
        while j < CUE_WORDS.len() {
            let cue = CUE_WORDS[j].as_bytes();
            if cue.len() == word.len() {
                let mut k = 0;
                while k < cue.len() && cue[k] == word[k] {
                    k += 1;
                }
                if k == cue.len() {
                    mask |= 1 << j;
                    found = true;
                }
            }
            j += 1;
        }
        assert!(found, "a cue word missing from CUE_WORDS");
        i += 1;
    }
    mask
}

/// For each byte, the cue words whose byte `at` it is, in either case (and
/// for every byte, the words shorter than `at + 1` bytes).
const fn cue_table(at: usize) -> [u64; 256] {
    let mut table = [0; 256];
    let mut j = 0;
    while j < CUE_WORDS.len() {
        let word = CUE_WORDS[j].as_bytes();
        if at < word.len() {
            let b = word[at];
            table[b as usize] |= 1 << j;
            table[b.to_ascii_uppercase() as usize] |= 1 << j;
        } else {
            let mut b = 0;
            while b < 256 {
                table[b] |= 1 << j;
                b += 1;
            }
        }
        j += 1;
    }
    table
}

/// For each pair of bytes, the labels of `labels` (lower case, of two bytes
/// or more, at most 32) that start with it in any case, as a mask: the
/// first and the second byte's table.
const fn label_tables(labels: &[&str]) -> [[u32; 256]; 2] {
    let mut tables = [[0; 256]; 2];
    let mut j = 0;
    while j < labels.len() {
        let mut at = 0;
        while at < 2 {
            let b = labels[j].as_bytes()[at];
            tables[at][b as usize] |= 1 << j;
            tables[at][b.to_ascii_uppercase() as usize] |= 1 << j;
            at += 1;
        }
        j += 1;
    }
    tables
}

/// The labels (as a mask of [`label_tables`]) that may start at `at`.
fn labels_at(tables: &[[u32; 256]; 2], bytes: &[u8], at: usize) -> u32 {
    match bytes.get(at..at + 2) {
        Some(&[a, b]) => tables[0][a as usize] & tables[1][b as usize],
        _ => 0,
    }
}

/// The indexes of the bits of `mask`, lowest first.
fn bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let j = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            j
        })
    })
}

/// Bytes whose presence a [`Words`] notes as well, each as a bit above
/// those of [`CUE_WORDS`]: a text without one needs no search for it.
const DIGIT: u64 = 1 << 53;
const COLON: u64 = 1 << 54;
const EQUALS: u64 = 1 << 55;
const AT: u64 = 1 << 56;
const HASH: u64 = 1 << 57;
const TILDE: u64 = 1 << 58;
const DASH: u64 = 1 << 59;
const BRACKET: u64 = 1 << 60;
/// The first byte of `–`, `—`, `✅`, `✔` and `☑` (and of other characters).
const E2: u64 = 1 << 61;
/// All the bits of the bytes a [`Words`] notes.
const MARKS: u64 = DIGIT | COLON | EQUALS | AT | HASH | TILDE | DASH | BRACKET | E2;
const _: () = assert!(CUE_WORDS.len() <= 53);

/// The bit of [`MARKS`] that byte `b` sets, if any.
const fn mark_of(b: u8) -> u64 {
    match b {
        b'0'..=b'9' => DIGIT,
        b':' => COLON,
        b'=' => EQUALS,
        b'@' => AT,
        b'#' => HASH,
        b'~' => TILDE,
        b'-' => DASH,
        b'[' => BRACKET,
        0xE2 => E2,
        _ => 0,
    }
}

/// [`cue_table`] for a word's first byte, with the bit of [`MARKS`] that
/// each byte sets: one load per byte tells both.
static FIRST_BYTES: [u64; 256] = {
    let mut table = cue_table(0);
    let mut b = 0;
    while b < 256 {
        table[b] |= mark_of(b as u8);
        b += 1;
    }
    table
};
static SECOND_BYTES: [u64; 256] = cue_table(1);
static THIRD_BYTES: [u64; 256] = cue_table(2);

/// The cue words of two bytes (which a text's last two bytes can hold).
const TWO_BYTE_CUES: u64 = {
    let mut mask = 0;
    let mut j = 0;
    while j < CUE_WORDS.len() {
        if CUE_WORDS[j].len() == 2 {
            mask |= 1 << j;
        }
        j += 1;
    }
    mask
};

/// Which of [`CUE_WORDS`] a text has, in any case, as [`Cues::has`] would
/// say: for deciding cheaply whether a case-insensitive pattern can match
/// before running it; and which of the bytes of [`MARKS`] it has. A text
/// with a character that folds to an ASCII letter (`ſ`, the Kelvin sign) is
/// said to have every word and every byte.
#[derive(Debug, Clone, Copy)]
struct Words {
    found: u64,
}

impl Words {
    fn of(text: &str) -> Words {
        if folds_to_ascii(text) {
            return Words { found: !0 };
        }
        let bytes = text.as_bytes();
        let mut found = 0;
        let mut seen = 0;
        // The words a position may start, by its first three bytes (two
        // at the end of the text), not counting those found already; then
        // each is compared.
        let mut check = |at: usize, mut candidates: u64| {
            candidates &= !found;
            while candidates != 0 {
                let j = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let cue = CUE_WORDS[j].as_bytes();
                if bytes
                    .get(at..at + cue.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(cue))
                {
                    found |= 1 << j;
                }
            }
        };
        for (at, w) in bytes.windows(3).enumerate() {
            let first = FIRST_BYTES[w[0] as usize];
            seen |= first;
            check(
                at,
                first & SECOND_BYTES[w[1] as usize] & THIRD_BYTES[w[2] as usize],
            );
        }
        if let [.., a, b] = *bytes {
            check(
                bytes.len() - 2,
                FIRST_BYTES[a as usize] & SECOND_BYTES[b as usize] & TWO_BYTE_CUES,
            );
        }
        // The last two bytes start no window of three.
        for &b in &bytes[bytes.len().saturating_sub(2)..] {
            seen |= FIRST_BYTES[b as usize];
        }
        Words {
            found: found | seen & MARKS,
        }
    }

    /// True when any word (or byte) of `mask` may occur, in any case.
    fn any(&self, mask: u64) -> bool {
        self.found & mask != 0
    }
}

/// Values that say an owner or date is not known yet.
fn is_placeholder(value: &str) -> bool {
    const PLACEHOLDERS: &[&str] = &[
        "tbd",
        "tba",
        "tbc",
        "unassigned",
        "none",
        "n/a",
        "na",
        "?",
        "-",
        "—",
        "–",
        "unknown",
        "nobody",
        "no one",
        "owner",
        "name",
        "x",
    ];
    let v = value.trim().trim_matches(['*', '_', '`', '.', ' ']);
    v.is_empty()
        || PLACEHOLDERS.iter().any(|p| v.eq_ignore_ascii_case(p))
        || v.starts_with('{')
        || v.starts_with('<')
        || starts_with_ignore_case(v, "[name")
        || !v.chars().any(char::is_alphanumeric)
}

/// True when `text` starts with `head` (ASCII) in any ASCII case.
fn starts_with_ignore_case(text: &str, head: &str) -> bool {
    text.as_bytes()
        .get(..head.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(head.as_bytes()))
}

/// Reads owners, dates and tracking out of an item's text.
struct Reader<'a> {
    source: &'a str,
    incident: Option<NaiveDate>,
}

impl Reader<'_> {
    fn text(&self, span: &Span) -> &str {
        self.source.get(span.clone()).unwrap_or("")
    }

    fn line_of(&self, offset: usize) -> Span {
        let bytes = self.source.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..offset.min(bytes.len())]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let end = self.source[..end].trim_end_matches('\r').len();
        start..end.max(start)
    }

    /// Moves `end` back over trailing whitespace.
    fn trim_end(&self, end: usize) -> usize {
        self.source[..end.min(self.source.len())].trim_end().len()
    }

    fn item(&self, span: Span, text: &str) -> ActionItem {
        ActionItem {
            text: squeeze(text),
            line: self.line_of(span.start),
            span,
            owner: None,
            owner_from_section: false,
            due: None,
            deadline: None,
            done: false,
            tracking: None,
        }
    }

    /// Fills what `item` does not have yet from the free text of `spans`
    /// and the typed table cells of `cells`.
    fn fill(&self, item: &mut ActionItem, spans: &[Span], cells: &[(Column, Span)]) {
        for (kind, cell) in cells {
            let value = self.text(cell);
            if is_placeholder(value) {
                continue;
            }
            let field = || Field {
                text: clean(value),
                span: cell.clone(),
            };
            match kind {
                Column::Owner if item.owner.is_none() => item.owner = Some(field()),
                Column::Due if item.deadline.is_none() => {
                    let stripped = value.trim().trim_matches(['*', '`', '_']);
                    let (reading, _) = self
                        .read_date(stripped)
                        .unwrap_or((DateReading::NotADate, 0));
                    if is_done_word(stripped) {
                        item.done = true;
                    } else {
                        item.deadline = Some(Deadline {
                            text: clean(value),
                            span: cell.clone(),
                            reading,
                        });
                    }
                }
                Column::Tracking if item.tracking.is_none() => item.tracking = Some(field()),
                Column::Status => item.done |= is_done_word(value),
                Column::Owner | Column::Due | Column::Tracking | Column::Other => {}
            }
        }
        for span in spans {
            let text = self.text(span);
            let base = span.start;
            let cues = Words::of(text);
            if item.owner.is_none() {
                item.owner = find_owner(text, base, &cues);
            }
            item.done |= !item.done && maybe_done(text, &cues) && DONE.is_match(text);
            if item.deadline.is_none() {
                item.deadline = self.find_deadline(text, base, &cues);
            }
            if item.tracking.is_none() {
                item.tracking = find_tracking(text, base, &cues);
            }
        }
        item.due = match item.deadline.as_ref().map(|d| d.reading) {
            Some(DateReading::Date(date)) => Some(date),
            _ => None,
        };
    }

    /// Paragraph lines that start with a checkbox (`[ ] Add alert`), outside a list.
    fn checkbox_lines(&self, block: &Block) -> Vec<ActionItem> {
        let text = self.text(&block.span);
        let mut items = Vec::new();
        let mut offset = block.span.start;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let checked = if trimmed.starts_with("[ ]") {
                Some(false)
            } else if trimmed.starts_with("[x]") || trimmed.starts_with("[X]") {
                Some(true)
            } else {
                None
            };
            if let Some(checked) = checked {
                let lead = line.len() - trimmed.len();
                let body = trimmed.trim_end();
                let span = offset + lead..offset + lead + body.len();
                let mut item = self.item(span.clone(), body[3..].trim());
                item.done = checked;
                self.fill(&mut item, &[span], &[]);
                items.push(item);
            }
            offset += line.len();
        }
        items
    }

    /// An owner a paragraph states for every item.
    fn section_owner(&self, span: Span) -> Option<Field> {
        let text = self.text(&span);
        let cues = Words::of(text);
        let section_owner = cues
            .any(const { cue_mask(&["assigned to", "owned by", "responsibility of", "owner"]) });
        if let Some(c) = section_owner
            .then(|| SECTION_OWNER.captures(text))
            .flatten()
        {
            let m = c.name("name")?;
            let name = take_name(&text[m.start()..]);
            if is_owner_name(name, false) {
                let start = span.start + m.start();
                return Some(Field {
                    text: clean(name),
                    span: start..start + name.len(),
                });
            }
        }
        if let Some(c) = text
            .contains("will ")
            .then(|| WILL_HANDLE.captures(text))
            .flatten()
        {
            let m = c.name("name")?;
            if is_owner_name(m.as_str(), true) {
                return Some(Field {
                    text: clean(m.as_str()),
                    span: span.start + m.start()..span.start + m.end(),
                });
            }
        }
        find_stated_owner(text, span.start, &cues).flatten()
    }

    fn find_deadline(&self, text: &str, base: usize, cues: &Words) -> Option<Deadline> {
        if !may_state_deadline(cues) {
            return None;
        }
        let mut values = Fields::new(text, false);
        for DueLabel { label, colon, end } in due_labels(text) {
            let value = values.at(end);
            if value.is_empty() {
                continue;
            }
            let strong = || {
                !["by", "on", "before", "until"]
                    .iter()
                    .any(|w| text[label.clone()].eq_ignore_ascii_case(w))
            };
            let (reading, len) = match self.read_date(value) {
                Some(r) => r,
                None if colon && strong() => (DateReading::NotADate, value.len()),
                None => continue,
            };
            let start = base + end;
            return Some(Deadline {
                text: clean(&value[..len]),
                span: start..start + len,
                reading,
            });
        }
        None
    }

    /// Reads a date at the start of `text`; returns how it reads and its length.
    fn read_date(&self, text: &str) -> Option<(DateReading, usize)> {
        if let Some(([year, month, day], len)) = iso_date(text) {
            let n = |r: Range<usize>| text[r].parse::<u32>().ok();
            let year = text[year].parse::<i32>().ok()?;
            return Some((exact(year, n(month)?, n(day)?), len));
        }
        if let Some(([month, day, year], len)) = us_date(text) {
            let n = |r: Range<usize>| text[r].parse::<u32>().ok();
            let mut year = text[year].parse::<i32>().ok()?;
            if year < 100 {
                year += 2000;
            }
            return Some((exact(year, n(month)?, n(day)?), len));
        }
        // The patterns read a few characters and the white space between
        // them: only that much of a long text is handed to them.
        let month_day = may_start_month(text)
            .then(|| month_day(reach(text, &[10, 5, 5])))
            .flatten();
        let day_month = || {
            may_start_day(text)
                .then(|| day_month(reach(text, &[4, 2, 11, 5])))
                .flatten()
        };
        self.named_date(&month_day.or_else(day_month)?)
    }

    /// How a match of [`MONTH_DAY`] or [`DAY_MONTH`] reads, and its length.
    fn named_date(&self, date: &NamedDate<'_>) -> Option<(DateReading, usize)> {
        let month = month_number(date.mon)?;
        let day = date.day.parse::<u32>().ok()?;
        let year = date.year.and_then(|y| y.parse::<i32>().ok());
        let len = date.len;
        if let Some(year) = year {
            return Some((exact(year, month, day), len));
        }
        let Some(incident) = self.incident else {
            return Some((DateReading::NoYear, len));
        };
        // A year-less date is the next such day on or after the incident.
        let this_year = NaiveDate::from_ymd_opt(incident.year(), month, day);
        let reading = match this_year {
            Some(d) if d >= incident => DateReading::Date(d),
            _ => NaiveDate::from_ymd_opt(incident.year() + 1, month, day)
                .map_or(DateReading::Impossible, DateReading::Date),
        };
        Some((reading, len))
    }
}

fn exact(year: i32, month: u32, day: u32) -> DateReading {
    NaiveDate::from_ymd_opt(year, month, day).map_or(DateReading::Impossible, DateReading::Date)
}

/// False when [`MONTH_DAY`] cannot match `text`: it does not start with
/// the first three letters of a month in any case, nor with `ſ` (which
/// the pattern takes for the `s` of `sep`).
fn may_start_month(text: &str) -> bool {
    month_number(text).is_some() || text.starts_with('ſ')
}

/// False when [`DAY_MONTH`] cannot match `text`: it starts with neither a
/// digit (perhaps not ASCII) nor one or two ASCII digits followed by
/// white space, an ordinal suffix's first letter or a character that is not
/// ASCII (a digit, a space or `ſ`).
fn may_start_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_digit() => {
            let digits = digits_from(bytes, 0);
            digits <= 2
                && bytes.get(digits).is_some_and(|&b| {
                    !b.is_ascii()
                        || is_ascii_space(b)
                        || matches!(b.to_ascii_lowercase(), b's' | b'n' | b'r' | b't')
                })
        }
        Some(b) if b.is_ascii() => false,
        _ => text.chars().next().is_some_and(char::is_numeric),
    }
}

/// The start of `text` that a pattern anchored at its start reads, when
/// the pattern is pieces of at most `pieces` characters (each with the
/// character after it that the pattern looks at) with white space between
/// them (`\s+`, as long as it runs): the first `pieces[0]` characters, then
/// any white space, the next `pieces[1]` characters, and so on. Handing a
/// pattern that much of a long text finds what it finds in all of it, at a
/// cost that does not grow with the text.
fn reach<'t>(text: &'t str, pieces: &[usize]) -> &'t str {
    let mut at = 0;
    for (i, &n) in pieces.iter().enumerate() {
        if i > 0 {
            at = text.len() - text[at..].trim_start().len();
        }
        at = text[at..]
            .char_indices()
            .nth(n)
            .map_or(text.len(), |(j, _)| at + j);
    }
    &text[..at]
}

/// `2026-02-09`, `2026/2/9`, `2026.02.09` at the start of a text:
/// [`iso_date`] reads it, and hands this pattern a text with a non-ASCII
/// character where the match could be.
static ISO_DATE: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?-u:\b)"));
/// `04/15/2025`, `4/15/25` at the start of a text: [`us_date`] reads it, as
/// [`iso_date`] does [`ISO_DATE`].
static US_DATE: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?-u:\b)"));

/// The three numbers of a date and the length of the whole date.
type DateGroups = ([Range<usize>; 3], usize);

/// The groups of a match of `pattern` (with three groups) in `text`.
fn date_groups(pattern: &Twin, text: &str) -> Option<DateGroups> {
    let c = pattern.captures(text)?;
    let group = |i: usize| c.get(i).map(|m| m.range());
    Some(([group(1)?, group(2)?, group(3)?], c.get(0)?.len()))
}

/// How many ASCII digits `bytes` has from `at` on.
fn digits_from(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// True when the first `len` bytes of `text` (fewer in a shorter text) are
/// ASCII: where a date scanner may read a text without its pattern, whose
/// `\d` would also take non-ASCII digits.
fn ascii_start(text: &str, len: usize) -> bool {
    text.as_bytes().iter().take(len).all(u8::is_ascii)
}

/// The year, month and day of a match of [`ISO_DATE`] in `text`, and its
/// length: four digits, one or two, one or two, separated by `-`, `/` or
/// `.`, and no word character after.
fn iso_date(text: &str) -> Option<DateGroups> {
    // The longest match has ten characters, and the boundary reads the next.
    if !ascii_start(text, 11) {
        return date_groups(&ISO_DATE, reach(text, &[11]));
    }
    let bytes = text.as_bytes();
    let sep = |at: usize| matches!(bytes.get(at), Some(b'-' | b'/' | b'.'));
    if digits_from(bytes, 0) != 4 || !sep(4) {
        return None;
    }
    let month = digits_from(bytes, 5);
    if !(1..=2).contains(&month) || !sep(5 + month) {
        return None;
    }
    let day_start = 6 + month;
    let day = digits_from(bytes, day_start);
    let end = day_start + day;
    if !(1..=2).contains(&day) || is_word_byte_at(bytes, end) {
        return None;
    }
    Some(([0..4, 5..5 + month, day_start..end], end))
}

/// The month, day and year of a match of [`US_DATE`] in `text`, and its
/// length: one or two digits, `/`, one or two, `/`, and four or two, with
/// no word character after.
fn us_date(text: &str) -> Option<DateGroups> {
    if !ascii_start(text, 11) {
        return date_groups(&US_DATE, reach(text, &[11]));
    }
    let bytes = text.as_bytes();
    let month = digits_from(bytes, 0);
    if !(1..=2).contains(&month) || bytes.get(month) != Some(&b'/') {
        return None;
    }
    let day_start = month + 1;
    let day = digits_from(bytes, day_start);
    if !(1..=2).contains(&day) || bytes.get(day_start + day) != Some(&b'/') {
        return None;
    }
    let year_start = day_start + day + 1;
    let year = digits_from(bytes, year_start);
    let end = year_start + year;
    if !matches!(year, 2 | 4) || is_word_byte_at(bytes, end) {
        return None;
    }
    Some(([0..month, day_start..day_start + day, year_start..end], end))
}
const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
static MONTH_DAY: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(&format!(
        r"(?i)^(?P<mon>{MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
    ))
});
static DAY_MONTH: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(&format!(
        r"(?i)^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTHS})(?-u:\b)\.?(?:,?\s+(?P<year>\d{{4}})(?-u:\b))?"
    ))
});

/// A match of [`MONTH_DAY`] or [`DAY_MONTH`]: its groups and length.
#[derive(Debug, PartialEq, Eq)]
struct NamedDate<'t> {
    mon: &'t str,
    day: &'t str,
    year: Option<&'t str>,
    len: usize,
}

impl<'t> NamedDate<'t> {
    /// The groups of a match of [`MONTH_DAY`] or [`DAY_MONTH`].
    fn of(c: &Caps<'t>) -> Option<NamedDate<'t>> {
        Some(NamedDate {
            mon: c.name("mon")?.as_str(),
            day: c.name("day")?.as_str(),
            year: c.name("year").map(|y| y.as_str()),
            len: c.get(0)?.len(),
        })
    }
}

/// Each month's names as [`MONTHS`] tries them (the longest first), by
/// [`MONTH_HEADS`].
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// The ends of the month names of [`MONTH_NAMES`] at `at` in `bytes` (in any
/// ASCII case), in the order [`MONTHS`] tries them.
fn month_ends(bytes: &[u8], at: usize) -> impl Iterator<Item = usize> + '_ {
    let head = bytes.get(at..at + 3);
    let month = head.and_then(|h| {
        MONTH_HEADS
            .iter()
            .position(|m| h.eq_ignore_ascii_case(m.as_bytes()))
    });
    month
        .map_or(&[][..], |m| MONTH_NAMES[m])
        .iter()
        .filter(move |name| {
            bytes
                .get(at..at + name.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        })
        .map(move |name| at + name.len())
}

/// How many ASCII white-space bytes `bytes` has from `at` on.
fn spaces_from(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .map_or(0, |b| b.iter().take_while(|&&b| is_ascii_space(b)).count())
}

/// Where the day of a named date that starts at `at` in `bytes` ends: one
/// or two digits, then an ordinal suffix (`st`, `nd`, `rd`, `th` in any
/// ASCII case) when `then` accepts what follows it, else when it accepts
/// what follows the digits; with the day's own end.
fn day_end(bytes: &[u8], at: usize, then: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let digits = digits_from(bytes, at);
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day = at + digits;
    let suffix = bytes.get(day..day + 2).is_some_and(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| s.eq_ignore_ascii_case(x.as_bytes()))
    });
    if suffix && then(day + 2) {
        return Some((day, day + 2));
    }
    then(day).then_some((day, day))
}

/// `(?:,?\s+(?P<year>\d{4})(?-u:\b))?` at `at` in `bytes` (ASCII): the year,
/// if there is one.
fn year_after(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    let at = at + usize::from(bytes.get(at) == Some(&b','));
    let spaces = spaces_from(bytes, at);
    let start = at + spaces;
    let end = start + 4;
    (spaces > 0 && digits_from(bytes, start) >= 4 && !is_word_byte_at(bytes, end))
        .then_some(start..end)
}

/// The match of [`MONTH_DAY`] in `text`: a month's name in any case, an
/// optional `.`, white space, a day of one or two digits with an optional
/// ordinal suffix and no word character after, then perhaps `,`, white
/// space and a year of four digits with no word character after. A text
/// that is not all ASCII is left to the pattern.
fn month_day(text: &str) -> Option<NamedDate<'_>> {
    if !text.is_ascii() {
        return NamedDate::of(&MONTH_DAY.captures(text)?);
    }
    let bytes = text.as_bytes();
    month_ends(bytes, 0).find_map(|mon| {
        let dot = mon + usize::from(bytes.get(mon) == Some(&b'.'));
        let spaces = spaces_from(bytes, dot);
        if spaces == 0 {
            return None;
        }
        let start = dot + spaces;
        let (day, end) = day_end(bytes, start, |end| !is_word_byte_at(bytes, end))?;
        let year = year_after(bytes, end);
        Some(NamedDate {
            mon: &text[..mon],
            day: &text[start..day],
            year: year.clone().map(|y| &text[y]),
            len: year.map_or(end, |y| y.end),
        })
    })
}

/// The match of [`DAY_MONTH`] in `text`: a day of one or two digits with an
/// optional ordinal suffix, white space, perhaps `of` and white space, a
/// month's name in any case with no word character after and an optional
/// `.`, then perhaps `,`, white space and a year of four digits with no word
/// character after. A text that is not all ASCII is left to the pattern.
fn day_month(text: &str) -> Option<NamedDate<'_>> {
    if !text.is_ascii() {
        return NamedDate::of(&DAY_MONTH.captures(text)?);
    }
    let bytes = text.as_bytes();
    let (day, end) = day_end(bytes, 0, |end| spaces_from(bytes, end) > 0)?;
    let mut start = end + spaces_from(bytes, end);
    if bytes
        .get(start..start + 2)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"of"))
        && spaces_from(bytes, start + 2) > 0
    {
        start += 2 + spaces_from(bytes, start + 2);
    }
    let mon = month_ends(bytes, start).find(|&mon| !is_word_byte_at(bytes, mon))?;
    let dot = mon + usize::from(bytes.get(mon) == Some(&b'.'));
    let year = year_after(bytes, dot);
    Some(NamedDate {
        mon: &text[start..mon],
        day: &text[..day],
        year: year.clone().map(|y| &text[y]),
        len: year.map_or(dot, |y| y.end),
    })
}

/// False when [`Reader::find_deadline`] finds nothing in the text of
/// `cues`: a date that [`Reader::read_date`] reads has ASCII digits, and
/// without any only a strong label with a colon (`Due: End of week`) gives
/// a deadline.
fn may_state_deadline(cues: &Words) -> bool {
    cues.any(DIGIT) || cues.any(COLON | EQUALS) && cues.any(const { cue_mask(STRONG_DUE_CUES) })
}

/// A piece of each label of [`DUE_LABEL`] other than "by", "on", "before"
/// and "until".
const STRONG_DUE_CUES: &[&str] = &[
    "due", "deadline", "target", "eta", "timeline", "complete", "to be", "finish", "no later",
];

/// "Due: …", "due 2026-02-09", "Deadline: …", "Target: …", "by Feb 3".
static DUE_LABEL: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?-u:\b)(?P<label>due(?:\s+date)?|deadline|target(?:\s+date)?|eta|timeline|complete by|to be (?:completed|done) by|finish(?:ed)? by|no later than|by|on|before|until)(?-u:\b)(?:\s+(?:of|on|by|is))?[\s*_`]*(?P<colon>[:=])?[\s*_`]*",
    )
});

/// A match of [`DUE_LABEL`]: where its label is, whether a colon (or
/// `=`) follows, and where it ends.
#[derive(Debug, PartialEq, Eq)]
struct DueLabel {
    label: Range<usize>,
    colon: bool,
    end: usize,
}

/// The labels of [`DUE_LABEL`] in the order it tries them (the longer form
/// of a label with an optional part first); a space in one stands for
/// white space (`\s+`) after `due` and `target`, for one space elsewhere.
const DUE_LABELS: &[&str] = &[
    "due date",
    "due",
    "deadline",
    "target date",
    "target",
    "eta",
    "timeline",
    "complete by",
    "to be completed by",
    "to be done by",
    "finished by",
    "finish by",
    "no later than",
    "by",
    "on",
    "before",
    "until",
];

/// The matches of [`DUE_LABEL`] in `text`, one after the other: a label of
/// [`DUE_LABELS`] in any case between ASCII word boundaries, perhaps white
/// space and `of`, `on`, `by` or `is`, then white space and `*`, `_` or
/// `` ` `` marks around an optional `:` or `=`. A text with a character
/// that folds to an ASCII letter is left to the pattern. Each is read when
/// asked for: a caller that stops at the first reads no further.
fn due_labels(text: &str) -> impl Iterator<Item = DueLabel> + '_ {
    let mut by_pattern = folds_to_ascii(text).then(|| {
        DUE_LABEL
            .captures_iter(text)
            .filter_map(|c| {
                Some(DueLabel {
                    label: c.name("label")?.range(),
                    colon: c.name("colon").is_some(),
                    end: c.get(0)?.end(),
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
    });
    let bytes = text.as_bytes();
    let skip = move |from: usize, set: &dyn Fn(char) -> bool| {
        text.len() - text[from..].trim_start_matches(set).len()
    };
    // `label` (lower case) at `at` in any case; its end.
    let label_at = move |at: usize, label: &str| {
        let end = match label {
            // `\s+` in `due date` and `target date`.
            "due date" | "target date" => {
                let word = at + label.len() - " date".len();
                // The first word first: only after it (ASCII) is `word` sure
                // to be a character boundary to read on from.
                let head = bytes.get(at..word)?;
                if !head.eq_ignore_ascii_case(&label.as_bytes()[..word - at]) {
                    return None;
                }
                let spaced = skip(word, &char::is_whitespace);
                let date = bytes.get(spaced..spaced + 4)?;
                (spaced > word && date.eq_ignore_ascii_case(b"date")).then_some(spaced + 4)
            }
            _ => bytes
                .get(at..at + label.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(label.as_bytes()))
                .then_some(at + label.len()),
        }?;
        (!is_word_byte_at(bytes, end)).then_some(end)
    };
    let marks = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`');
    static TABLES: [[u32; 256]; 2] = label_tables(DUE_LABELS);
    let mut at = 0;
    std::iter::from_fn(move || {
        if let Some(found) = &mut by_pattern {
            return found.next();
        }
        while at < bytes.len() {
            let labels = labels_at(&TABLES, bytes, at);
            let starts = labels != 0 && (at == 0 || !is_word_byte_at(bytes, at - 1));
            let Some(label_end) = starts
                .then(|| bits(labels).find_map(|j| label_at(at, DUE_LABELS[j])))
                .flatten()
            else {
                at += 1;
                continue;
            };
            // `(?:\s+(?:of|on|by|is))?`
            let mut end = label_end;
            let spaced = skip(end, &char::is_whitespace);
            if spaced > end
                && bytes.get(spaced..spaced + 2).is_some_and(|w| {
                    ["of", "on", "by", "is"]
                        .iter()
                        .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
                })
            {
                end = spaced + 2;
            }
            end = skip(end, &marks);
            let colon = matches!(bytes.get(end), Some(b':' | b'='));
            if colon {
                end = skip(end + 1, &marks);
            }
            let start = at;
            at = end;
            return Some(DueLabel {
                label: start..label_end,
                colon,
                end,
            });
        }
        None
    })
}

/// False when [`DONE`] cannot match `text`: it has none of the words or
/// marks every branch needs.
fn maybe_done(text: &str, cues: &Words) -> bool {
    cues.any(
        const {
            cue_mask(&[
                "done",
                "complete",
                "fixed",
                "resolved",
                "closed",
                "finished",
                "implemented",
            ])
        },
    ) || cues.any(E2)
        && memchr::memchr_iter(0xE2, text.as_bytes()).any(|at| {
            let rest = &text.as_bytes()[at..];
            ["✅", "✔", "☑"]
                .iter()
                .any(|m| rest.starts_with(m.as_bytes()))
        })
        || cues.any(TILDE) && text.contains("~~")
}

/// True when `text` has `needle`: for the short texts and needles here, a
/// search for the first byte beats building a substring searcher.
fn has_bytes(text: &str, needle: &[u8]) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(needle[0], bytes).any(|at| bytes[at..].starts_with(needle))
}

/// Marks of a finished item.
static DONE: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(
        r"(?i)\((?:done|complete|completed|fixed|resolved|closed|finished|implemented)(?-u:\b)[^)]*\)|(?-u:\b)status\W{0,3}(?:done|complete|completed|closed|fixed|resolved|finished)(?-u:\b)|(?-u:\b)(?:done|completed|finished)\W{0,3}:|(?-u:\b)(?:completed|done|finished|implemented)\s+(?:on|by|in)(?-u:\b)|(?:^|[.!]\s+|\s[-–—]\s*)(?:done|complete|completed)\W{0,4}$|✅|✔|☑|^\s*(?:[-*+]|\d+[.)])?\s*~~",
    )
});

fn is_done_word(text: &str) -> bool {
    let t = text.trim().trim_matches(['*', '_', '`', '.', ' ']);
    [
        "complete",
        "completed",
        "closed",
        "fixed",
        "resolved",
        "finished",
        "merged",
    ]
    .iter()
    .any(|w| t.eq_ignore_ascii_case(w))
        || t.starts_with('✅')
        || starts_with_ignore_case(t, "done")
}

/// "(Owner: Payments team, …)", "Responsible: Platform Team", "Assignee: @kim".
static OWNER_LABEL: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(
        r"(?i)(?:^|[^\w])(?:owners?|responsible(?: party| person| team)?|assignees?|assigned(?: to)?|dri|poc|point of contact|accountable)[*_`]*\s*[:=][*_`\s]*",
    )
});

/// The labels of [`OWNER_LABEL`] in the order it tries them: the longer
/// form of a label with an optional ending first.
const OWNER_LABELS: &[&str] = &[
    "owners",
    "owner",
    "responsible party",
    "responsible person",
    "responsible team",
    "responsible",
    "assignees",
    "assignee",
    "assigned to",
    "assigned",
    "dri",
    "poc",
    "point of contact",
    "accountable",
];

/// Where the matches of [`OWNER_LABEL`] in `text` end, one after the
/// other: a label of [`OWNER_LABELS`] in any case at the start of the text
/// or after a character that is no word character (which the match takes,
/// so it cannot be the end of the match before), then `*`, `_` or `` ` ``
/// marks, white space, `:` or `=`, and more marks and white space. A text
/// with a character that folds to an ASCII letter, or a label after a
/// non-ASCII character that may be a word character, is left to the pattern.
fn owner_label_ends(text: &str) -> Vec<usize> {
    let by_pattern = || {
        OWNER_LABEL
            .find_iter(text)
            .into_iter()
            .map(|m| m.end)
            .collect()
    };
    if folds_to_ascii(text) {
        return by_pattern();
    }
    let bytes = text.as_bytes();
    let skip = |from: usize, set: &dyn Fn(char) -> bool| {
        text.len() - text[from..].trim_start_matches(set).len()
    };
    // `[*_`]*\s*[:=][*_`\s]*` after a label that ends at `at`.
    let rest_end = |at: usize| {
        let at = skip(at, &|c| matches!(c, '*' | '_' | '`'));
        let at = skip(at, &char::is_whitespace);
        matches!(bytes.get(at), Some(b':' | b'=')).then(|| {
            skip(at + 1, &|c| {
                matches!(c, '*' | '_' | '`') || c.is_whitespace()
            })
        })
    };
    static TABLES: [[u32; 256]; 2] = label_tables(OWNER_LABELS);
    let mut ends = Vec::new();
    let mut from = 0;
    for p in 0..bytes.len() {
        let labels = labels_at(&TABLES, bytes, p);
        if labels == 0 || (p > 0 && is_word_byte_at(bytes, p - 1)) {
            continue;
        }
        // The match starts at `p` (`^`) or at the character before it.
        let start = match text[..p].chars().next_back() {
            None => 0,
            Some(c) => p - c.len_utf8(),
        };
        if start < from {
            continue;
        }
        let Some(end) = bits(labels).find_map(|j| {
            let label = OWNER_LABELS[j];
            bytes
                .get(p..p + label.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(label.as_bytes()))
                .then(|| rest_end(p + label.len()))
                .flatten()
        }) else {
            continue;
        };
        // An ASCII word byte before `p` was ruled out above; a non-ASCII
        // character there may be a word character, which the pattern judges.
        if let Some(c) = text[start..p].chars().next() {
            if !c.is_ascii() && !is_plain_symbol(c) && !c.is_whitespace() {
                return by_pattern();
            }
        }
        ends.push(end);
        from = end;
    }
    ends
}

/// The last words of the labels of [`OWNER_LABELS`].
const OWNER_LABEL_ENDS: &[&str] = &[
    "owner",
    "owners",
    "responsible",
    "party",
    "person",
    "team",
    "assignee",
    "assignees",
    "assigned",
    "to",
    "dri",
    "poc",
    "contact",
    "accountable",
];

/// False when no label that a pattern wants before marks, white space and
/// a separator (`` [*_`]*\s*[:=] ``) can match `text`: no byte of `seps` in
/// it follows one of `words` (the labels' last words, lower case ASCII) in
/// any ASCII case with only white space and `*`, `_` or `` ` `` marks
/// between. A text with a character that folds to an ASCII letter, or with
/// a character that is not ASCII right before such a run of space and
/// marks, is said to have one.
fn may_have_label(text: &str, seps: (u8, u8), words: &[&str]) -> bool {
    if folds_to_ascii(text) {
        return true;
    }
    let bytes = text.as_bytes();
    memchr::memchr2_iter(seps.0, seps.1, bytes).any(|at| {
        // Each walk stops at the byte before its run of space and marks,
        // which holds no separator: the walks do not overlap.
        let mut end = at;
        while end > 0
            && matches!(
                bytes[end - 1],
                b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'*' | b'_' | b'`'
            )
        {
            end -= 1;
        }
        let head = &bytes[..end];
        head.last().is_some_and(|b| !b.is_ascii())
            || words.iter().any(|w| {
                head.len() >= w.len()
                    && head[head.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            })
    })
}

/// "owner DevOps, due …": the label without a colon.
static OWNER_BARE: LazyLock<Plain> = LazyLock::new(|| Plain::new(r"(?i)(?-u:\b)owner\s+"));
static HANDLE: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"(?:^|[\s(\[,;:])(@[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_])"));
/// "Completed by Samir on …", "assigned to Dana", "responsibility of Katie".
static OWNER_PHRASE: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(
        r"(?i)(?-u:\b)(?:completed|done|finished|fixed|implemented|owned|handled|assigned) (?:by|to)\s+|(?-u:\b)responsibility of\s+",
    )
});
/// "Dana Kim will be responsible …", "Tessa is responsible for …".
static RESPONSIBLE: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?P<name>(?:[A-Z][\w.'-]*\s+){0,4}[A-Z][\w.'-]*)\s*(?:\([^)]{0,40}\)\s*)?(?:will be|is|are|shall be)\s+(?:responsible|in charge|accountable|assigned)(?-u:\b)",
    )
});
/// "Dev team will alter …": a subject that names who.
static SUBJECT: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"^[*_\s]*(?P<subj>[^,.;:()*\n]{1,60}?)\s+(?:will|shall|should|must|needs to|is going to|owns|is to|are to)\s+(?P<next>\w+)",
    )
});
/// "Factory team: Revoke …", "Platform Reliability – add …". Read by
/// [`prefix_name`]; the tests check it against this pattern.
#[cfg(test)]
static PREFIX: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"^(?P<name>[^:–—*\n]{1,40}?)\s*(?::|\s[–—-])\s+\S"));
/// "Fix latency alerts [Aaron] (done)".
static BRACKETED: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"\S\s+\[(?P<name>[A-Z][\w .'-]{0,30})\](?:[^(]|$)"));
/// "Add retries — Payments team". Read by [`trailing_name`]; the tests
/// check it against this pattern.
#[cfg(test)]
static TRAILING: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"\s[–—-]\s+(?P<name>[^–—\n]{1,40}?)[\s.)]*$"));
/// "Gage Smith will handle these": one owner for every item.
static WILL_HANDLE: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"^[*_\s]*(?P<name>[^,.;:()*\n]{1,60}?)\s+will (?:handle|own|take care of|do|complete|be responsible for) (?:these|all|the following|them|every)",
    )
});
static SECTION_OWNER: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?-u:\b)(?:assigned to|owned by|responsibility of|owner(?:s)? (?:is|are))\s*(?:the following (?:member|person|team)s?)?\s*:?[\s*_`]*(?P<name>\S)",
    )
});

/// Words after which a name ends.
const NAME_ENDS: &[&str] = &[
    "due",
    "deadline",
    "target",
    "tracking",
    "ticket",
    "issue",
    "by",
    "eta",
    "status",
    "priority",
    "complete",
    "completed",
    "on",
    "before",
    "until",
    "jira",
    "tracked",
    "track",
    "timeline",
    "for",
    "to",
    "who",
    "which",
    "will",
    "is",
];

/// The name at the start of `text`, up to a delimiter or a word that
/// ends a name ("will", "to", …).
fn take_name(text: &str) -> &str {
    Fields::new(text, true).at(0)
}

/// The value of a field at the start of `text` (`End of week`, `2026-02-09`).
fn take_value(text: &str) -> &str {
    Fields::new(text, false).at(0)
}

/// What the end of a field loses: dots, spaces and Markdown marks.
const FIELD_TAIL: [char; 5] = ['.', ' ', '*', '_', '`'];

/// The fields of one text at many starts (a name after each of many labels,
/// a value after each of many `by`s), each as [`take_name`] or
/// [`take_value`] reads it at the start of the rest of the text.
///
/// A field runs up to the first delimiter at or after its start, which is
/// the same delimiter for every start up to it: it is looked for once for
/// all of them, so that reading fields at rising starts walks the text
/// once, however long its lines are.
struct Fields<'t> {
    text: &'t str,
    /// With the words that end a name ([`NAME_ENDS`]) as delimiters.
    names: bool,
    /// Every start from `from` to `stop` runs up to `stop`, and its field
    /// ends at `trimmed` (or is empty, when that is before the start).
    from: usize,
    stop: usize,
    trimmed: usize,
}

impl<'t> Fields<'t> {
    fn new(text: &'t str, stop_at_name_end: bool) -> Fields<'t> {
        Fields {
            text,
            names: stop_at_name_end,
            from: 1,
            stop: 0,
            trimmed: 0,
        }
    }

    /// The field at `at` (a character boundary): the text from `at` up to
    /// a delimiter (`,;()|[]`, a line break, a sentence end or a spaced
    /// dash, and for names a word of [`NAME_ENDS`]), without the dots,
    /// spaces and marks it ends with.
    fn at(&mut self, at: usize) -> &'t str {
        if !(self.from..=self.stop).contains(&at) {
            self.from = at;
            self.stop = field_stop(self.text, at, self.names);
            self.trimmed = at + self.text[at..self.stop].trim_end_matches(FIELD_TAIL).len();
        }
        &self.text[at..self.trimmed.max(at)]
    }
}

/// Where the first delimiter of a field at or after `at` in `text` is (see
/// [`Fields::at`]); the text's length when there is none. Every delimiter
/// starts with an ASCII byte, which no other character has.
fn field_stop(text: &str, at: usize, names: bool) -> usize {
    let bytes = text.as_bytes();
    for i in at..bytes.len() {
        match bytes[i] {
            b',' | b';' | b'(' | b')' | b'|' | b'\n' | b'[' | b']' | b'\r' => return i,
            b'.' if bytes.get(i + 1) == Some(&b' ') => return i,
            b' ' => {
                let rest = &bytes[i + 1..];
                if rest.starts_with(b"- ")
                    || rest.starts_with("– ".as_bytes())
                    || rest.starts_with("— ".as_bytes())
                    || names && ends_name(&text[i + 1..])
                {
                    return i;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// True when `text` starts with a word of [`NAME_ENDS`] in any case: its
/// alphanumeric characters up to the first other one.
fn ends_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    let len = bytes
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    // A name-ending word is ASCII, so a word with another alphanumeric
    // character after its ASCII part is none of them.
    let whole = text[len..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    whole
        && (2..=9).contains(&len)
        && NAME_ENDS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(&bytes[..len]))
}

/// What [`Fields::at`] reads: the start of `text` up to a delimiter, walked
/// a character at a time (the tests compare the two).
#[cfg(test)]
fn take_field_by_chars(text: &str, stop_at_name_end: bool) -> &str {
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if matches!(c, ',' | ';' | '(' | ')' | '|' | '\n' | '[' | ']' | '\r') {
            end = i;
            break;
        }
        let rest = &text[i..];
        if rest.starts_with(". ")
            || rest.starts_with(" - ")
            || rest.starts_with(" – ")
            || rest.starts_with(" — ")
        {
            end = i;
            break;
        }
        if stop_at_name_end && c == ' ' {
            let word = &rest[1..];
            let word = &word[..word
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(word.len())];
            if NAME_ENDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                end = i;
                break;
            }
        }
    }
    text[..end].trim_end_matches(['.', ' ', '*', '_', '`'])
}

fn clean(text: &str) -> String {
    if memchr::memchr2(b'*', b'`', text.as_bytes()).is_some() {
        squeeze(&text.replace(['*', '`'], ""))
    } else {
        squeeze(text)
    }
}

/// True when `text` has a white-space character that is not ASCII (for
/// [`char::is_whitespace`]: U+0085, U+00A0, U+1680, U+2000 to U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000), found by their UTF-8 bytes.
fn has_unicode_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    let lead = |at: usize| {
        matches!(
            bytes[at..],
            [0xC2, 0x85 | 0xA0, ..]
                | [0xE1, 0x9A, 0x80, ..]
                | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
                | [0xE2, 0x81, 0x9F, ..]
        )
    };
    memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes).any(lead)
        || memchr::memchr_iter(0xE3, bytes).any(|at| bytes[at..].starts_with(&[0xE3, 0x80, 0x80]))
}

/// Two spaces, which a text of words joined by single spaces does not have.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("  "));

/// The words of `text` joined by single spaces.
fn squeeze(text: &str) -> String {
    // ASCII white space is `\t`, `\n`, `\x0B`, `\x0C`, `\r` and ` `;
    // a text without other white space splits at these bytes alone.
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    let bytes = text.as_bytes();
    let ascii = text.is_ascii() || !has_unicode_space(text);
    // Most texts are their words joined by single spaces already.
    if ascii
        && !bytes.first().is_some_and(|&b| space(b))
        && !bytes.last().is_some_and(|&b| space(b))
        && memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_none()
        && memchr::memchr2(0x0B, 0x0C, bytes).is_none()
        && DOUBLE_SPACE.find(bytes).is_none()
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    if ascii {
        // The words `split_whitespace` finds, read a byte at a time (a
        // character that is not ASCII is never cut: none of its bytes is
        // one of these).
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && space(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && !space(bytes[i]) {
                i += 1;
            }
            if start < i {
                push(&text[start..i]);
            }
        }
    } else {
        text.split_whitespace().for_each(push);
    }
    out
}

const PRONOUNS: &[&str] = &[
    "we", "i", "you", "they", "he", "she", "it", "this", "that", "these", "those", "there",
    "someone", "somebody", "whoever", "everyone", "anyone", "nobody", "all", "any", "each",
    "every", "my", "your", "their", "his", "her", "its", "a", "an", "of", "for", "to", "and", "in",
    "on", "at", "is", "was", "will", "should", "if", "when", "then", "also", "both",
];
const VERBS: &[&str] = &[
    "add",
    "update",
    "create",
    "fix",
    "implement",
    "improve",
    "document",
    "review",
    "set",
    "remove",
    "investigate",
    "test",
    "run",
    "write",
    "build",
    "move",
    "make",
    "ensure",
    "monitor",
    "configure",
    "adjust",
    "lower",
    "increase",
    "reduce",
    "refactor",
    "automate",
    "verify",
    "enable",
    "disable",
    "deploy",
    "check",
    "train",
    "schedule",
    "discuss",
    "contact",
    "establish",
    "introduce",
    "tighten",
    "expand",
    "use",
    "keep",
    "do",
    "don't",
    "avoid",
    "consider",
    "look",
    "follow",
    "go",
    "view",
    "maintain",
    "prepare",
    "provide",
    "submit",
    "extend",
    "continue",
    "stay",
    "block",
    "reach",
    "push",
    "research",
    "enhance",
    "migrate",
    "upgrade",
    "rotate",
    "audit",
    "define",
    "conduct",
    "require",
    "separate",
    "allocate",
    "revoke",
    "parse",
    "edit",
    "change",
    "fail",
    "shorten",
    "install",
    "better",
    "more",
    "manual",
    "unit",
    "alerts",
    "alert",
    "better",
    "new",
    "improved",
    "adjusted",
    "targeted",
    "error",
    "code",
    "logging",
    "monitoring",
    "security",
    "testing",
    "fixed",
    "updated",
    "refined",
    "set",
    "removed",
];
const ROLES: &[&str] = &[
    "team",
    "teams",
    "engineer",
    "engineers",
    "lead",
    "leads",
    "manager",
    "managers",
    "developer",
    "developers",
    "dev",
    "devs",
    "admin",
    "admins",
    "ops",
    "devops",
    "sre",
    "sres",
    "qa",
    "irt",
    "on-call",
    "oncall",
    "owner",
    "department",
    "group",
    "squad",
    "office",
    "staff",
    "backend",
    "frontend",
    "infra",
    "infrastructure",
    "reliability",
    "operations",
    "engineering",
    "dba",
    "cto",
    "ceo",
    "vp",
    "director",
    "self",
    "myself",
    "me",
    "sec",
    "secops",
    "support",
];

/// True when `name` reads as a person, a team or a role. `strict` is for
/// names found without a label (a sentence's subject, a prefix).
fn is_owner_name(name: &str, strict: bool) -> bool {
    // More than six words is no name; counted first, as far as the
    // seventh, so that a long text after a label costs little.
    if has_more_words(name, 6) {
        return false;
    }
    let cleaned = clean(name);
    if is_placeholder(&cleaned) || !cleaned.chars().any(char::is_alphabetic) {
        return false;
    }
    // At most six words (more is no name).
    let mut kept = [""; 6];
    let mut count = 0;
    for word in cleaned
        .split([' ', '/', '&', '+'])
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or" | "of"))
    {
        let Some(slot) = kept.get_mut(count) else {
            return false;
        };
        *slot = word;
        count += 1;
    }
    let words = &kept[..count];
    let Some(&first) = words.first() else {
        return false;
    };
    // The lists are lower-case ASCII.
    let is = |word: &str, list: &[&str]| list.iter().any(|x| word.eq_ignore_ascii_case(x));
    let the = first.eq_ignore_ascii_case("the");
    if is(first, PRONOUNS) && !the && strict {
        return false;
    }
    if !strict {
        return !is(first, &["of", "for", "to", "the", "is", "a", "an"]) || words.len() > 1;
    }
    if is(first, VERBS) {
        return false;
    }
    if is(words[words.len() - 1], ROLES) {
        return true;
    }
    if the {
        return false;
    }
    let capitalized = words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !capitalized {
        return false;
    }
    if words.len() == 1 {
        let w = words[0];
        let acronym = w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase());
        let noun_like = [
            "ing", "tion", "ment", "ts", "ks", "gs", "ds", "rs", "ps", "cs", "ls",
        ]
        .iter()
        .any(|s| {
            w.len() >= s.len()
                && w.as_bytes()[w.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
        });
        return acronym || !noun_like;
    }
    true
}

/// True when `name` has more than `max` of the words [`is_owner_name`]
/// reads in it (after [`clean`]): the parts between white space, `/`, `&`
/// and `+`, without `*` and `` ` ``, that are not empty, `and`, `or` or
/// `of`. Reads only as far as the word after the `max`th.
fn has_more_words(name: &str, max: usize) -> bool {
    let mut count = 0;
    for part in name.split(|c: char| c.is_whitespace() || matches!(c, '/' | '&' | '+')) {
        let word = if memchr::memchr2(b'*', b'`', part.as_bytes()).is_some() {
            std::borrow::Cow::Owned(part.replace(['*', '`'], ""))
        } else {
            std::borrow::Cow::Borrowed(part)
        };
        if !word.is_empty() && !matches!(&*word, "and" | "or" | "of") {
            count += 1;
            if count > max {
                return true;
            }
        }
    }
    false
}

/// The owner an item's text names, if any. `base` is the text's offset.
fn find_owner(text: &str, base: usize, cues: &Words) -> Option<Field> {
    match find_stated_owner(text, base, cues) {
        Some(found) => found,
        None => find_implied_owner(text, base, cues),
    }
}

/// An owner stated with a label, a handle or "X is responsible": `Some(None)`
/// when a label says there is none yet (`Owner: TBD`).
fn find_stated_owner(text: &str, base: usize, cues: &Words) -> Option<Option<Field>> {
    let field = |start: usize, name: &str| Field {
        text: clean(name),
        span: base + start..base + start + name.len(),
    };
    let mut labelled = false;
    let label = cues.any(COLON | EQUALS)
        && cues.any(
            const {
                cue_mask(&[
                    "owner",
                    "responsible",
                    "assign",
                    "dri",
                    "poc",
                    "point of contact",
                    "accountable",
                ])
            },
        )
        && may_have_label(text, (b':', b'='), OWNER_LABEL_ENDS);
    let bare = cues.any(const { cue_mask(&["owner"]) });
    let handle = cues.any(AT);
    let phrase = cues.any(const { cue_mask(&["responsibility of"]) })
        || cues.any(const { cue_mask(&[" by", " to"]) })
            && cues.any(
                const {
                    cue_mask(&[
                        "completed",
                        "done",
                        "finished",
                        "fixed",
                        "implemented",
                        "owned",
                        "handled",
                        "assigned",
                    ])
                },
            );
    let responsible = may_say_responsible(text, cues);
    let mut names = Fields::new(text, true);
    for end in label.then(|| owner_label_ends(text)).into_iter().flatten() {
        let name = names.at(end);
        if is_owner_name(name, false) {
            return Some(Some(field(end, name)));
        }
        labelled = true;
    }
    if labelled {
        // "Owner: TBD": the item says it has no owner yet.
        return Some(None);
    }
    let mut names = Fields::new(text, true);
    for m in bare
        .then(|| OWNER_BARE.find_iter(text))
        .into_iter()
        .flatten()
    {
        let name = names.at(m.end);
        let lenient = !name.starts_with(|c: char| c.is_lowercase()) && is_owner_name(name, false);
        if lenient || is_owner_name(name, true) {
            return Some(Some(field(m.end, name)));
        }
    }
    if let Some(c) = handle.then(|| HANDLE.captures(text)).flatten() {
        if let Some(m) = c.get(1) {
            return Some(Some(field(m.start(), m.as_str())));
        }
    }
    let mut names = Fields::new(text, true);
    for m in phrase
        .then(|| OWNER_PHRASE.find_iter(text))
        .into_iter()
        .flatten()
    {
        let name = names.at(m.end);
        if is_owner_name(name, true) && month_number(name).is_none() {
            return Some(Some(field(m.end, name)));
        }
    }
    for c in responsible
        .then(|| RESPONSIBLE.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let Some(m) = c.name("name") else { continue };
        // Keep the longest tail of capitalized words that reads as a name.
        let words: Vec<(usize, &str)> = m
            .as_str()
            .split(' ')
            .scan(0, |at, w| {
                let here = *at;
                *at += w.len() + 1;
                Some((here, w))
            })
            .collect();
        for (offset, _) in &words {
            let name = m.as_str()[*offset..].trim();
            if is_owner_name(name, true) {
                return Some(Some(field(m.start() + offset, name)));
            }
        }
    }
    None
}

/// The words [`RESPONSIBLE`] ends with (each a cue word).
const RESPONSIBLE_WORDS: &[&str] = &["responsible", "in charge", "accountable", "assigned"];

/// False when [`RESPONSIBLE`] cannot match `text` (whose words are
/// `cues`): no word of [`RESPONSIBLE_WORDS`] in it follows `is`, `are`,
/// `will be` or `shall be` and white space with no ASCII word character
/// after it.
fn may_say_responsible(text: &str, cues: &Words) -> bool {
    if !cues.any(const { cue_mask(RESPONSIBLE_WORDS) }) {
        return false;
    }
    let bytes = text.as_bytes();
    RESPONSIBLE_WORDS.iter().any(|w| {
        let w = w.as_bytes();
        // For these short texts, a search for the first byte beats
        // building a substring searcher.
        memchr::memchr_iter(w[0], bytes).any(|at| {
            if !bytes[at..].starts_with(w) {
                return false;
            }
            let head = text[..at].trim_end();
            head.len() < at
                && !is_word_byte_at(bytes, at + w.len())
                && ["is", "are", "will be", "shall be"]
                    .iter()
                    .any(|v| head.ends_with(v))
        })
    })
}

/// The verbs of [`SUBJECT`].
const SUBJECT_VERBS: &[&str] = &[
    "will",
    "shall",
    "should",
    "must",
    "needs to",
    "is going to",
    "owns",
    "is to",
    "are to",
];

/// The cue mask of each of [`SUBJECT_VERBS`].
const SUBJECT_MASKS: [u64; SUBJECT_VERBS.len()] = {
    let mut masks = [0; SUBJECT_VERBS.len()];
    let mut i = 0;
    while i < masks.len() {
        masks[i] = cue_mask(&[SUBJECT_VERBS[i]]);
        i += 1;
    }
    masks
};

/// An owner implied by the shape of the item: a sentence's subject
/// ("Dev team will …"), a prefix ("Factory team: …"), a bracketed name
/// ("[Aaron]") or a trailing "— Payments team". `cues` are the words of
/// `text`.
fn find_implied_owner(text: &str, base: usize, cues: &Words) -> Option<Field> {
    let field = |start: usize, name: &str| Field {
        text: clean(name),
        span: base + start..base + start + name.len(),
    };
    let body_start = marker_end(text);
    let body = &text[body_start..];
    if let Some((subj, next)) = may_have_subject(body, cues)
        .then(|| subject(body))
        .flatten()
    {
        let passive =
            matches!(&body[next], "be" | "been") && !body[subj.end..].contains("responsible");
        if !passive && is_owner_name(&body[subj.clone()], true) {
            return Some(field(body_start + subj.start, &body[subj]));
        }
    }
    // `body` is part of `text`: it has no byte `cues` does not have.
    let body_dash = cues.any(DASH | E2) && has_dash(body);
    if !body.starts_with("**")
        && !body.starts_with("__")
        && (body_dash || cues.any(COLON) && memchr::memchr(b':', body.as_bytes()).is_some())
    {
        if let Some(name) = prefix_name(body) {
            let words = body[name.clone()].split_whitespace().count();
            if words <= 4 && is_owner_name(&body[name.clone()], true) {
                return Some(field(body_start + name.start, &body[name]));
            }
        }
    }
    let bracket = cues.any(BRACKET)
        && memchr::memchr_iter(b'[', body.as_bytes()).any(|at| {
            body.as_bytes()
                .get(at + 1)
                .is_some_and(u8::is_ascii_uppercase)
        });
    if let Some(c) = bracket.then(|| BRACKETED.captures(body)).flatten() {
        let name = c.name("name")?;
        let priority = matches!(
            name.as_str().to_ascii_lowercase().as_str(),
            "high"
                | "medium"
                | "low"
                | "critical"
                | "major"
                | "minor"
                | "done"
                | "p0"
                | "p1"
                | "p2"
                | "p3"
                | "p4"
        );
        if !priority && is_owner_name(name.as_str(), true) {
            return Some(field(body_start + name.start(), name.as_str()));
        }
    }
    let first_line = &body[..memchr::memchr(b'\n', body.as_bytes()).unwrap_or(body.len())];
    let dash = body_dash && has_dash(first_line);
    if let Some(name) = dash.then(|| trailing_name(first_line)).flatten() {
        if is_owner_name(&first_line[name.clone()], true) {
            return Some(field(body_start + name.start, &first_line[name]));
        }
    }
    None
}

/// False when [`SUBJECT`] cannot match `body`: each of its verbs is a cue
/// word, and only those `cues` has in some case are looked for as written,
/// before the first `,`, `.`, `;`, `:`, `(` or `)` (which neither the
/// subject nor what comes before it holds).
fn may_have_subject(body: &str, cues: &Words) -> bool {
    if !SUBJECT_MASKS.iter().any(|&mask| cues.any(mask)) {
        return false;
    }
    let cut = body
        .bytes()
        .position(|b| matches!(b, b',' | b'.' | b';' | b':' | b'(' | b')'))
        .unwrap_or(body.len());
    let head = &body[..cut];
    SUBJECT_VERBS
        .iter()
        .zip(SUBJECT_MASKS)
        .any(|(w, mask)| cues.any(mask) && has_bytes(head, w.as_bytes()))
}

/// The longest lead of `*`, `_` and white space [`subject`] scans itself
/// (a few marks and spaces in any real item).
const SUBJECT_LEAD_LIMIT: usize = 64;

/// The `subj` and `next` groups of the match of [`SUBJECT`] in `body`:
/// after as much of a lead of `*`, `_` and white space as can be, the
/// fewest characters (1 to 60, none of `,.;:()*` or a line break) that white
/// space, a verb of [`SUBJECT_VERBS`], white space and a word follow. A
/// word next to a character that is not ASCII (which may or may not be a
/// word character to `\w`) is left to the pattern, and so is a lead
/// longer than [`SUBJECT_LEAD_LIMIT`]: the scan tries each place the lead
/// gives back, and each try may read to the lead's end, so a long lead
/// would cost its length squared where the pattern's search is linear.
fn subject(body: &str) -> Option<(Range<usize>, Range<usize>)> {
    let by_pattern = || {
        let c = SUBJECT.captures(body)?;
        Some((c.name("subj")?.range(), c.name("next")?.range()))
    };
    let lead_end = body.len()
        - body
            .trim_start_matches(|c: char| matches!(c, '*' | '_') || c.is_whitespace())
            .len();
    if lead_end > SUBJECT_LEAD_LIMIT {
        return by_pattern();
    }
    // The lead gives back a character at a time, each subject growing a
    // character at a time under it: the order the pattern tries them in.
    let mut lead = lead_end;
    loop {
        for (i, c) in body[lead..].char_indices().take(60) {
            if matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '*' | '\n') {
                break;
            }
            let end = lead + i + c.len_utf8();
            match verb_after(body, end) {
                Some(Some(next)) => return Some((lead..end, next)),
                Some(None) => return by_pattern(),
                None => {}
            }
        }
        if lead == 0 {
            return None;
        }
        lead -= body[..lead].chars().next_back().map_or(1, char::len_utf8);
    }
}

/// For a subject of [`SUBJECT`] that ends at `at` in `body`: `None` when
/// no white space, verb of [`SUBJECT_VERBS`], white space and word follow
/// it; else the word (`next`), or `Some(None)` when a character that is not
/// ASCII starts or ends it.
fn verb_after(body: &str, at: usize) -> Option<Option<Range<usize>>> {
    let skip = |from: usize| body.len() - body[from..].trim_start().len();
    let spaced = skip(at);
    if spaced == at {
        return None;
    }
    let verb = SUBJECT_VERBS
        .iter()
        .find(|v| body[spaced..].starts_with(**v))?;
    let after = spaced + verb.len();
    let word = skip(after);
    if word == after {
        return None;
    }
    let bytes = body.as_bytes();
    match bytes.get(word) {
        Some(b) if !b.is_ascii() => Some(None),
        Some(_) if is_word_byte_at(bytes, word) => {
            let mut end = word;
            while is_word_byte_at(bytes, end) {
                end += 1;
            }
            Some(bytes.get(end).is_none_or(u8::is_ascii).then_some(word..end))
        }
        _ => None,
    }
}

/// True when `text` has a dash: `-`, `–` or `—`.
fn has_dash(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(b'-', bytes).is_some()
        || memchr::memchr_iter(0xE2, bytes)
            .any(|at| matches!(bytes[at + 1..], [0x80, 0x93 | 0x94, ..]))
}

/// The `name` group of the match of `PREFIX` in `body`: up to 40
/// characters without `:`, `–`, `—`, `*` or a line break, as few as can be
/// followed by a colon or a spaced dash, then white space and more text.
fn prefix_name(body: &str) -> Option<Range<usize>> {
    for (count, (i, c)) in body.char_indices().enumerate() {
        if count == 40 || matches!(c, ':' | '–' | '—' | '*' | '\n') {
            return None;
        }
        let end = i + c.len_utf8();
        // `\s*(?::|\s[–—-])\s+\S`
        let rest = &body[end..];
        let sep = rest.trim_start();
        let after = if let Some(after) = sep.strip_prefix(':') {
            after
        } else if sep.len() < rest.len() && sep.starts_with(['–', '—', '-']) {
            &sep[sep.chars().next().map_or(0, char::len_utf8)..]
        } else {
            continue;
        };
        let text = after.trim_start();
        if text.len() < after.len() && !text.is_empty() {
            return Some(0..end);
        }
    }
    None
}

/// The `name` group of the match of `TRAILING` in `line` (which has no
/// line break): after the first spaced dash where it can be, the rest of
/// the line without trailing white space, dots and `)`, up to 40
/// characters without a dash `–` or `—`.
fn trailing_name(line: &str) -> Option<Range<usize>> {
    let is_tail = |c: char| c.is_whitespace() || matches!(c, '.' | ')');
    let tail = line.trim_end_matches(is_tail).len();
    let bytes = line.as_bytes();
    for dash in memchr::memchr2_iter(b'-', 0xE2, bytes) {
        // `\s[–—-]\s+`: a dash (`–` and `—` are E2 80 93 and E2 80 94)
        // after white space.
        if bytes[dash] == 0xE2 && !matches!(bytes[dash + 1..], [0x80, 0x93 | 0x94, ..]) {
            continue;
        }
        if !line[..dash]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
        {
            continue;
        }
        let spaced = dash + line[dash..].chars().next().map_or(0, char::len_utf8);
        let rest = &line[spaced..];
        let start = line.len() - rest.trim_start().len();
        if start == spaced {
            continue;
        }
        let name = match line[start..].chars().next() {
            // The name is the rest up to the tail, or one character.
            Some(first) => start..tail.max(start + first.len_utf8()),
            // Only white space after the dash: the name is its last
            // character, when there are two or more.
            None => match rest.char_indices().nth(1) {
                Some(_) => {
                    let last = rest.chars().next_back().map_or(0, char::len_utf8);
                    line.len() - last..line.len()
                }
                None => continue,
            },
        };
        let text = &line[name.clone()];
        if text.chars().nth(40).is_none() && !text.contains(['–', '—']) {
            return Some(name);
        }
    }
    None
}

/// A link. Read by [`find_url`]; the tests check it against this pattern.
#[cfg(test)]
static URL: LazyLock<Twin> = LazyLock::new(|| Twin::new(r"https?://[^\s)>\]]+"));

/// Where the first match of [`URL`] in `text` is: `http://` or `https://`
/// and the characters up to white space, `)`, `>` or `]`, at least one.
fn find_url(text: &str) -> Option<Range<usize>> {
    static HTTP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("http"));
    let bytes = text.as_bytes();
    HTTP.find_iter(bytes).find_map(|at| {
        let rest = &bytes[at + 4..];
        let start = if rest.starts_with(b"s://") {
            at + 8
        } else if rest.starts_with(b"://") {
            at + 7
        } else {
            return None;
        };
        let len = text[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | ']'))
            .unwrap_or(text.len() - start);
        (len > 0).then_some(at..start + len)
    })
}
/// An issue key (`OPS-118`): [`issue_key`] reads it, and hands this
/// pattern a text with a non-ASCII character right after a key's dash or
/// digits (where `\d` would take a non-ASCII digit).
static ISSUE_KEY: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"(?-u:\b)([A-Z][A-Z0-9]{1,9})-\d{1,6}(?-u:\b)"));

/// Where the first issue key in `text` whose prefix is not one of
/// [`NOT_KEYS`] is: of the matches of [`ISSUE_KEY`], one after the other,
/// the first with such a prefix. A key is a capital at the start of a word,
/// one to nine capitals or digits, a dash and one to six digits, with no
/// word character after.
fn issue_key(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    memchr::memchr(b'-', bytes)?;
    let by_pattern = || {
        ISSUE_KEY
            .captures_iter(text)
            .find(|c| c.get(1).is_some_and(|p| !NOT_KEYS.contains(&p.as_str())))
            .and_then(|c| c.get(0))
            .map(|m| m.range())
    };
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() || (i > 0 && is_word_byte_at(bytes, i - 1)) {
            i += 1;
            continue;
        }
        let run = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count();
        let dash = i + 1 + run;
        if (1..=9).contains(&run) && bytes.get(dash) == Some(&b'-') {
            let digits = digits_from(bytes, dash + 1);
            let end = dash + 1 + digits;
            if digits <= 6 && bytes.get(end).is_some_and(|b| !b.is_ascii()) {
                return by_pattern();
            }
            if (1..=6).contains(&digits) && !is_word_byte_at(bytes, end) {
                if !NOT_KEYS.contains(&&text[i..dash]) {
                    return Some(i..end);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    None
}
/// An issue number (`#123`): [`issue_number`] reads it, and hands this
/// pattern a text with a non-ASCII character right after a `#` or its digits.
static ISSUE_NUMBER: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(r"(?:^|[\s(\[,;:])(#\d{1,7})(?-u:\b)"));

/// The group of the first match of [`ISSUE_NUMBER`] in `text`: a `#` at the
/// start or after white space or one of `([,;:`, then one to seven digits
/// with no word character after.
fn issue_number(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b'#', bytes) {
        let after = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ',' | ';' | ':'));
        if !after {
            continue;
        }
        let digits = digits_from(bytes, at + 1);
        let end = at + 1 + digits;
        if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
            return ISSUE_NUMBER
                .captures(text)
                .and_then(|c| c.get(1))
                .map(|m| m.range());
        }
        if (1..=7).contains(&digits) && !is_word_byte_at(bytes, end) {
            return Some(at..end);
        }
    }
    None
}
/// The words a label of [`TRACKING_LABEL`] starts with.
const TRACKING_LABEL_WORDS: &[&str] = &[
    "tracking", "ticket", "issue", "jira", "bug", "pr", "pull", "link", "card", "story", "epic",
];

/// The last words of the labels of [`TRACKING_LABEL`] that a colon follows.
const TRACKING_LABEL_ENDS: &[&str] = &[
    "tracking", "ticket", "issue", "jira", "bug", "pr", "request", "link", "card", "story", "epic",
];

static TRACKING_LABEL: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?-u:\b)(?:(?:tracking|ticket|issue|jira|bug|pr|pull request|link|card|story|epic)[*_`]*\s*:|tracked (?:in|at|on|via|by|as)|track(?:ing)? (?:in|at|on|via))[\s*_`]*",
    )
});
/// The labels of [`TRACKING_LABEL`] in the order it tries them, each with
/// the words that may follow it (none: a colon follows).
const TRACKING_LABELS: &[(&str, &[&str])] = &[
    ("tracking", &[]),
    ("ticket", &[]),
    ("issue", &[]),
    ("jira", &[]),
    ("bug", &[]),
    ("pr", &[]),
    ("pull request", &[]),
    ("link", &[]),
    ("card", &[]),
    ("story", &[]),
    ("epic", &[]),
    ("tracked ", &["in", "at", "on", "via", "by", "as"]),
    ("tracking ", &["in", "at", "on", "via"]),
    ("track ", &["in", "at", "on", "via"]),
];

/// Where the first match of [`TRACKING_LABEL`] in `text` ends: at an ASCII
/// word boundary, a label of [`TRACKING_LABELS`] in any case with `*`, `_`
/// or `` ` `` marks, white space and a colon after it, or with one of its
/// words; then white space and marks. A text with a character that folds
/// to an ASCII letter is left to the pattern.
fn tracking_label_end(text: &str) -> Option<usize> {
    if folds_to_ascii(text) {
        return TRACKING_LABEL.find(text).map(|m| m.end());
    }
    let bytes = text.as_bytes();
    let skip = |from: usize, set: &dyn Fn(char) -> bool| {
        text.len() - text[from..].trim_start_matches(set).len()
    };
    let has = |at: usize, word: &str| {
        bytes
            .get(at..at + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    };
    static TABLES: [[u32; 256]; 2] = label_tables(&{
        let mut labels = [""; TRACKING_LABELS.len()];
        let mut j = 0;
        while j < labels.len() {
            labels[j] = TRACKING_LABELS[j].0;
            j += 1;
        }
        labels
    });
    let label_end = |at: usize, mask: u32| {
        bits(mask).find_map(|j| {
            let (label, words) = TRACKING_LABELS[j];
            if !has(at, label) {
                return None;
            }
            let after = at + label.len();
            if words.is_empty() {
                let colon = skip(after, &|c| matches!(c, '*' | '_' | '`'));
                let colon = skip(colon, &char::is_whitespace);
                (bytes.get(colon) == Some(&b':')).then_some(colon + 1)
            } else {
                words
                    .iter()
                    .find(|w| has(after, w))
                    .map(|w| after + w.len())
            }
        })
    };
    (0..bytes.len()).find_map(|at| {
        let labels = labels_at(&TABLES, bytes, at);
        let starts = labels != 0 && (at == 0 || !is_word_byte_at(bytes, at - 1));
        let end = starts.then(|| label_end(at, labels)).flatten()?;
        Some(skip(end, &|c| {
            c.is_whitespace() || matches!(c, '*' | '_' | '`')
        }))
    })
}

/// Prefixes that look like issue keys but are not (`SEV-2`, `UTC-7`).
const NOT_KEYS: &[&str] = &[
    "SEV", "UTC", "GMT", "MST", "MDT", "PST", "PDT", "EST", "EDT", "CST", "CDT", "HTTP", "HTTPS",
    "TLS", "SSL", "SHA", "ISO", "RFC", "CVE", "P", "COVID", "AES", "RSA", "JWT", "API", "MT",
];

/// Where an item's text says it is tracked, if anywhere.
fn find_tracking(text: &str, base: usize, cues: &Words) -> Option<Field> {
    let field = |start: usize, value: &str| Field {
        text: clean(value),
        span: base + start..base + start + value.len(),
    };
    let mut found: Vec<Field> = Vec::new();
    if let Some(url) = find_url(text) {
        found.push(field(url.start, &text[url]));
    }
    if let Some(key) = cues.any(DASH).then(|| issue_key(text)).flatten() {
        found.push(field(key.start, &text[key]));
    }
    if let Some(number) = cues.any(HASH).then(|| issue_number(text)).flatten() {
        found.push(field(number.start, &text[number]));
    }
    let label = cues.any(const { cue_mask(&["track"]) })
        || cues.any(COLON)
            && cues.any(const { cue_mask(TRACKING_LABEL_WORDS) })
            && may_have_label(text, (b':', b':'), TRACKING_LABEL_ENDS);
    if let Some(end) = label.then(|| tracking_label_end(text)).flatten() {
        let value = take_value(&text[end..]);
        if !is_placeholder(value) {
            found.push(field(end, value));
        }
    }
    found.into_iter().min_by_key(|f| f.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pattern::{Cues, generated, list_marker_pattern};

    #[test]
    fn owner_forms() {
        let owner = |t: &str| find_owner(t, 0, &Words::of(t)).map(|f| f.text);
        assert_eq!(
            owner("1. Fail the deploy (Owner: Dana Kim, Due: 2025-10-28, Issue: OPS-118)")
                .as_deref(),
            Some("Dana Kim")
        );
        assert_eq!(
            owner("- Add probes. Responsible: Platform Team").as_deref(),
            Some("Platform Team")
        );
        assert_eq!(owner("- Add probes, @kim").as_deref(), Some("@kim"));
        assert_eq!(
            owner("1. Add alert, owner DevOps, due 2026-04-11.").as_deref(),
            Some("DevOps")
        );
        assert_eq!(
            owner("- Shorten the alert window — Payments team").as_deref(),
            Some("Payments team")
        );
        assert_eq!(
            owner("1. Factory team: Revoke access to chaos mode").as_deref(),
            Some("Factory team")
        );
        assert_eq!(
            owner("1. Dev team will alter the chaos mode").as_deref(),
            Some("Dev team")
        );
        assert_eq!(
            owner("1. Add checks (Completed by Samir on 12/04/2025).").as_deref(),
            Some("Samir")
        );
        assert_eq!(owner("1. Security measures will be reviewed"), None);
        assert_eq!(owner("1. Alerts should fire sooner"), None);
        assert_eq!(owner("1. Document the owner of each alert"), None);
        assert_eq!(owner("1. **Update Runbooks:** Document the error"), None);
        assert_eq!(owner("1. Fix the bug - Owner: TBD"), None);
        assert_eq!(owner("- Email alice@example.com the report"), None);
    }

    #[test]
    fn byte_checks_agree_with_char_checks() {
        let texts = [
            "a - b",
            "a – b",
            "a — b",
            "a ‒ b",
            "a ‑ b",
            "a − b",
            "“x”",
            "…",
            "no dash",
            "",
            "done ✅",
            "✔ ok",
            "☑",
            "✓",
            "☐",
            "⚠️ x",
            "é: x",
            "x:",
            "[Aaron]",
            "[aaron]",
            "[",
            "x [É]",
            "a\nb – c",
        ];
        for t in texts {
            assert_eq!(has_dash(t), t.contains(['–', '—', '-']), "{t:?}");
            let marks = ["✅", "✔", "☑"].iter().any(|m| t.contains(m));
            let marks_only = Words {
                found: Words::of(t).found & MARKS,
            };
            assert_eq!(maybe_done(t, &marks_only), marks, "{t:?}");
        }
    }

    #[test]
    fn scanners_agree_with_their_patterns() {
        let texts = [
            "- Add alert",
            "  12. Add alert",
            "1234. Add alert",
            "3) [x] done",
            "* [ ]   open",
            "+\u{a0}non-breaking",
            "-no space",
            "١٢. Arabic-Indic digits",
            "12٣. mixed digits",
            "**Metric**: latency",
            "Contact point: on-call",
            "“Quoted”",
            "\u{a0}Owner: x",
            "é accent: x",
            "Plain words",
            "",
        ];
        let fields = [
            "Owner: Self",
            "**Due date**: 2026-04-11",
            "  _ETA_ : soon",
            "Owners:",
            "Due dates: x",
            "Ownership: x",
            "Status",
            "tic\u{212A}et: x",
            "\u{a0}Issue\u{a0}: x",
            "Timeline — Immediate: x",
        ];
        for t in fields.iter().chain(&texts) {
            assert_eq!(is_field_line(t), FIELD.is_match(t), "{t:?}");
        }
        for t in texts {
            let marker = list_marker_pattern(AfterBox::Nothing)
                .find(t)
                .map_or(0, |m| m.end());
            assert_eq!(marker_end(t), marker, "{t:?}");
            assert_eq!(is_field_like(t), FIELD_LIKE.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn deadlines_without_digits_need_a_strong_label() {
        let r = Reader {
            source: "",
            incident: NaiveDate::from_ymd_opt(2025, 12, 10),
        };
        let due = |t: &str| r.find_deadline(t, 0, &Words::of(t)).map(|d| d.text);
        assert_eq!(due("Fix it by Friday"), None);
        assert_eq!(
            due("Fix it. Due: End of week").as_deref(),
            Some("End of week")
        );
        assert_eq!(
            due("Fix it (ETA = next sprint)").as_deref(),
            Some("next sprint")
        );
        assert_eq!(due("Fix it by Feb 3").as_deref(), Some("Feb 3"));
        assert_eq!(due("Fix it on \u{663}/1/2026"), None);
        assert_eq!(due("Fix it, finiſh by: soon").as_deref(), Some("soon"));
    }

    #[test]
    fn words_are_the_cues() {
        let pieces = [
            "Owner",
            "owner",
            "OWNERS",
            "due",
            "Due",
            "eta",
            "ETA",
            "to",
            " to",
            " TO",
            "be",
            " by",
            "By",
            "done",
            "Done",
            "pr",
            "PR",
            "Pull",
            "issue",
            "track",
            "TRACKING",
            "epic",
            "_",
            "x",
            " ",
            ":",
            "é",
            "’",
            "–",
            "\u{a0}",
            "\u{212A}",
            "ſ",
            "assigned",
            " to ",
            "responsibility",
            " of",
            "point",
            " of contact",
            "no",
            " later",
            "complete",
            "d",
            "fix",
            "ed",
            "card",
            "in",
            " charge",
            "Will",
            "shall",
            "SHOULD",
            "must",
            "owns",
            "needs",
            " going",
            "are",
            "Is",
            "7",
            "=",
            "@",
            "#",
            "~",
            "-",
            "[",
            "✅",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let (words, cues) = (Words::of(&t), Cues::of(&t));
            for (j, w) in CUE_WORDS.iter().enumerate() {
                assert_eq!(words.any(1 << j), cues.has(w), "{t:?} {w:?}");
            }
            for bit in (0..64).map(|i| 1 << i).filter(|bit| MARKS & bit != 0) {
                let has = t.bytes().any(|b| mark_of(b) == bit);
                assert_eq!(words.any(bit), has || folds_to_ascii(&t), "{t:?} {bit:x}");
            }
        }
        assert_eq!(cue_mask(&["assigned to", "epic"]), 1 | 1 << 42);
    }

    #[test]
    fn name_scanners_agree_with_their_patterns() {
        let pieces = [
            "Dev team",
            "Dana",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            ":",
            "-",
            "–",
            "—",
            "*",
            "\n",
            ".",
            ")",
            "x",
            "é",
            "’",
            "Payments team",
            "a very long name of a team that goes on",
            "- ",
            " - ",
            " – ",
            ": ",
            "(",
            "add",
            "‒",
            " ‒ ",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut t = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) % 9 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let group = |c: Option<crate::model::pattern::Caps<'_>>| {
                c.and_then(|c| c.name("name")).map(|g| g.range())
            };
            assert_eq!(prefix_name(&t), group(PREFIX.captures(&t)), "{t:?}");
            let line = &t[..t.find('\n').unwrap_or(t.len())];
            assert_eq!(
                trailing_name(line),
                group(TRAILING.captures(line)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn subject_scanner_agrees_with_its_pattern() {
        let by_pattern = |t: &str| {
            SUBJECT.captures(t).map(|c| {
                (
                    c.name("subj").unwrap().range(),
                    c.name("next").unwrap().range(),
                )
            })
        };
        let texts = [
            "Dev team will add alerts",
            "**Dev team** will add alerts",
            "_ will do",
            "  will do",
            "* _ Dev will be",
            "Dev team will be responsible",
            "Dev team will é",
            "Dev team will bé",
            "Dev team will be\u{a0}done",
            "Dev\u{a0}team\u{a0}will\u{a0}fix",
            "Dev team will\u{2003}fix",
            "Dev team needs to fix",
            "Dev team is going to fix",
            "Dev team is to fix",
            "Dev team willfix",
            "Dev team, will fix",
            "Dév tëam will fix",
            "“Dev” team will fix",
            "\u{212a}ate will fix",
            "ſam will fix",
            "Sam will\n fix",
            "Sam\nwill fix",
            "Sam will ſix",
            "Sam will \u{212a}ill",
            "a very long subject that runs on and on and on past sixty characters will fix",
            "Sam owns owns it",
            "Sam will _x",
            "Sam will -x",
            "",
            " ",
            "will fix",
        ];
        for t in texts {
            assert_eq!(subject(t), by_pattern(t), "{t:?}");
        }
        // Leads about the limit the scan reads itself, and far beyond it.
        for run in [62, 63, 64, 65, 66, 200, 5_000] {
            for lead in ["_", "*", "", "\u{a0}"] {
                for rest in ["Sam will fix", "x will.", "will fix", "Sam will\u{a0}fix"] {
                    let t = format!("{lead}{}{rest}", " ".repeat(run));
                    assert_eq!(subject(&t), by_pattern(&t), "{run} {lead:?} {rest:?}");
                }
            }
        }
        let pieces = [
            "Dev team",
            "Sam",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "*",
            "_",
            ",",
            ".",
            ":",
            "(",
            "will",
            " will ",
            " should ",
            " needs to ",
            " is going to ",
            " is to ",
            " are to ",
            " owns ",
            "must",
            "fix",
            "be",
            "been",
            "é",
            "’",
            "ſ",
            "\u{212a}",
            "x",
            "-",
            "a long subject of many words",
        ];
        let mut matched = 0;
        for seed in 1..=4 {
            for t in crate::model::pattern::generated_exactly(
                &pieces,
                5_000,
                2 + seed as usize * 2,
                seed,
            ) {
                let want = by_pattern(&t);
                matched += usize::from(want.is_some());
                assert_eq!(subject(&t), want, "{t:?}");
            }
        }
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn url_and_number_scanners_agree_with_their_patterns() {
        let url = |t: &str| URL.find(t).map(|m| m.range());
        let number = |t: &str| {
            ISSUE_NUMBER
                .captures(t)
                .and_then(|c| c.get(1))
                .map(|m| m.range())
        };
        let texts = [
            "see https://x.io/a)",
            "http://",
            "http:// x https://y",
            "https:/x http://z",
            "httphttps://a]b",
            "<https://a.b/c>",
            "https://a\u{a0}b",
            "https://é.fr/ü",
            "HTTPS://a",
            "#12",
            "x#12",
            "(#12)",
            "#12345678",
            "#1234567",
            "#12a",
            "#12_",
            "#12é",
            "#١٢",
            "#12٣ #4",
            "\u{a0}#5",
            "é#5",
            ":#5,",
            "# 5",
            "##5",
        ];
        for t in texts {
            assert_eq!(find_url(t), url(t), "{t:?}");
            assert_eq!(issue_number(t), number(t), "{t:?}");
        }
        let pieces = [
            "http", "https", "://", ":/", "s", "x.io/a", " ", "\u{a0}", "\u{2003}", ")", ">", "]",
            "[", "(", ",", ";", ":", "#", "1", "23", "4567", "٣", "é", "a", "_", "ſ", "\u{212a}",
            "\n",
        ];
        let (mut urls, mut numbers) = (0, 0);
        for seed in 1..=3 {
            for t in crate::model::pattern::generated_exactly(
                &pieces,
                8_000,
                3 + seed as usize * 2,
                seed,
            ) {
                let (u, n) = (url(&t), number(&t));
                urls += usize::from(u.is_some());
                numbers += usize::from(n.is_some());
                assert_eq!(find_url(&t), u, "{t:?}");
                assert_eq!(issue_number(&t), n, "{t:?}");
            }
        }
        assert!(urls > 150 && numbers > 150, "{urls} {numbers}");
    }

    #[test]
    fn responsible_gate_lets_every_match_through() {
        let texts = [
            "Dana Kim will be responsible for it",
            "Dana is\u{a0}responsible",
            "Dana is responsibleé",
            "Dana is responsibles",
            "Dana (SRE) is in charge",
            "Dana isresponsible",
            "Ops are assigned",
            "\u{212a}im is accountable",
            "Dana is Responsible",
        ];
        let pieces = [
            "Dana",
            "Kim",
            "team",
            " ",
            "\u{a0}",
            "\u{2003}",
            "\n",
            "(SRE)",
            "(",
            ")",
            " is ",
            "is",
            " are ",
            " will be ",
            " shall be ",
            "will",
            "responsible",
            "Responsible",
            "in charge",
            "accountable",
            "assigned",
            "s",
            "é",
            "x",
            ".",
        ];
        let generated = crate::model::pattern::generated(&pieces, 20_000, 8);
        let (mut matched, mut ruled_out) = (0, 0);
        for t in texts.iter().map(|t| t.to_string()).chain(generated) {
            let gate = may_say_responsible(&t, &Words::of(&t));
            if RESPONSIBLE.is_match(&t) {
                assert!(gate, "{t:?}");
                matched += 1;
            }
            let word = RESPONSIBLE_WORDS.iter().any(|w| t.contains(w));
            ruled_out += usize::from(word && !gate);
        }
        assert!(matched > 100 && ruled_out > 100, "{matched} {ruled_out}");
    }

    #[test]
    fn subject_gate_lets_every_match_through() {
        let pieces = [
            "Dev team",
            " ",
            "\n",
            "\u{a0}",
            "*",
            "_",
            ",",
            ".",
            ";",
            ":",
            "(",
            ")",
            " will ",
            " Will ",
            " should ",
            " needs to ",
            " is going to ",
            " is to ",
            " owns ",
            "fix",
            "be",
            "é",
            "x",
        ];
        let (mut matched, mut ruled_out) = (0, 0);
        for t in crate::model::pattern::generated(&pieces, 20_000, 8) {
            let gate = may_have_subject(&t, &Words::of(&t));
            if SUBJECT.is_match(&t) {
                assert!(gate, "{t:?}");
                matched += 1;
            }
            let verb = SUBJECT_VERBS.iter().any(|w| t.contains(w));
            ruled_out += usize::from(verb && !gate);
        }
        assert!(matched > 100 && ruled_out > 100, "{matched} {ruled_out}");
    }

    #[test]
    fn squeeze_joins_the_words_split_whitespace_finds() {
        let texts = [
            "",
            "  ",
            " a  b\tc\n\x0Bd\x0Ce\r f ",
            "\x1Fa\x1Cb",
            "x\u{a0}y\u{2003} z",
            "**Add** `alert`",
            "“Add” – alert",
            "“Add”  –\nalert ",
            "a\u{85}b\u{1680}c\u{200A}d\u{200B}e\u{2028}f\u{2029}g\u{202F}h\u{205F}i\u{3000}j",
            "a\u{2000}b\u{180E}c\u{FEFF}d\u{2060}e",
        ];
        for t in texts {
            let words: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(squeeze(t), words.join(" "), "{t:?}");
        }
        // Every white-space character, and the characters around their
        // UTF-8 bytes.
        let unicode = (0x80..0x3100u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() || matches!(*c as u32, 0x2000..=0x20FF));
        for c in (0..=127u8).map(char::from).chain(unicode) {
            // Around a word, doubled, and next to a space (the joined texts
            // the fast path returns as they are, and those it must not).
            for t in [
                format!("a{c}b"),
                format!("{c}a"),
                format!("a{c}"),
                format!("a{c}{c}b c"),
                format!("a {c}b"),
                format!("a{c} b"),
            ] {
                let words: Vec<&str> = t.split_whitespace().collect();
                assert_eq!(squeeze(&t), words.join(" "), "{t:?}");
            }
        }
    }

    /// Every date-like text made of a number, a separator, a number, a
    /// separator, a number and an ending, each drawn from a few shapes
    /// (right and wrong), with the non-ASCII neighbours reports have (`٣`
    /// is an Arabic-Indic digit, which `\d` takes).
    fn date_like() -> Vec<String> {
        let numbers = ["2025", "4", "10", "123", "25", "1٣", ""];
        let seps = ["-", "/", ".", " "];
        let ends = ["", "x", "_", " ", ".", "é", "٣", "1", "–"];
        let mut out = Vec::new();
        for a in numbers {
            for s1 in seps {
                for b in numbers {
                    for s2 in seps {
                        for c in numbers {
                            for e in ends {
                                out.push(format!("{a}{s1}{b}{s2}{c}{e}"));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Pieces of issue keys, with the non-ASCII neighbours reports have.
    const KEY_PIECES: &[&str] = &[
        "1", "118", "123456", "1234567", "-", " ", "_", "x", "A", "a", "OPS", "OPS-1", "OPS-",
        "SEV-2", "UTC-", "AB1-", "Q-7", "é", "٣", "–", "’", "\u{a0}", ":", "(",
    ];

    #[test]
    fn date_and_key_scanners_agree_with_their_patterns() {
        let texts = [
            "2025-10-28",
            "2025/1/2x",
            "2025.10.28.",
            "2025-10-2٣",
            "2025-1٣-28",
            "20251-10-28",
            "2025-100-28",
            "2025-10-281",
            "2025-10-28_",
            "04/15/25",
            "4/15/2025é",
            "4/15/202",
            "4/15/20255",
            "4/15/2٣",
            "OPS-118",
            "(Issue: OPS-118)",
            "SEV-2 then OPS-7",
            "SEV-2OPS-7",
            "éOPS-1",
            "OPS-٣",
            "OPS-12٣",
            "OPS-1234567",
            "ABCDEFGHIJ-1",
            "ABCDEFGHIJK-1",
            "aOPS-1",
            "OPS-1a OPS-2",
            "UTC-7 P-1 MT-2 Q-1",
        ];
        let key_by_pattern = |t: &str| {
            ISSUE_KEY
                .captures_iter(t)
                .find(|c| c.get(1).is_some_and(|p| !NOT_KEYS.contains(&p.as_str())))
                .and_then(|c| c.get(0))
                .map(|m| m.range())
        };
        let mut seen = [0usize; 3];
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(date_like())
            .chain(generated(KEY_PIECES, 20_000, 8))
        {
            for (i, _) in t.char_indices() {
                let rest = &t[i..];
                let iso = date_groups(&ISO_DATE, rest);
                let us = date_groups(&US_DATE, rest);
                seen[0] += usize::from(iso.is_some());
                seen[1] += usize::from(us.is_some());
                assert_eq!(iso_date(rest), iso, "{rest:?}");
                assert_eq!(us_date(rest), us, "{rest:?}");
            }
            let key = key_by_pattern(&t);
            seen[2] += usize::from(key.is_some());
            assert_eq!(issue_key(&t), key, "{t:?}");
        }
        // Each pattern matches often enough for the comparison to mean something.
        assert!(seen.iter().all(|&n| n > 100), "{seen:?}");
    }

    /// Pieces of owner labels, with the non-ASCII neighbours reports have.
    const OWNER_PIECES: &[&str] = &[
        "owner",
        "Owners",
        "OWNER",
        "s",
        ":",
        "=",
        " ",
        "  ",
        "*",
        "_",
        "`",
        "responsible",
        " party",
        " Team",
        "assigned",
        " to",
        "assignee",
        "dri",
        "DRI",
        "poc",
        "point of contact",
        "accountable",
        "x",
        "1",
        "é",
        "’",
        "\u{a0}",
        "\u{17F}",
        "–",
        "(",
        "\n",
    ];

    #[test]
    fn owner_label_scanner_agrees_with_its_pattern() {
        let texts = [
            "(Owner: Dana Kim, Due: 2025-10-28)",
            "Owner: Owner: x",
            "owner:owner: x",
            "xowner: a",
            "_owner: a",
            "éowner: a",
            "’owner: a",
            "\u{a0}owner: a",
            "Responsible party = team",
            "responsible partyx: a",
            "assigned to: a",
            "assigned  to: a",
            "Point of Contact:**Dana**",
            "ownerſ: a",
            "owners *`_ \u{a0}: *x",
        ];
        let mut matched = 0;
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(generated(OWNER_PIECES, 30_000, 6))
        {
            let ends: Vec<usize> = OWNER_LABEL
                .find_iter(&t)
                .into_iter()
                .map(|m| m.end)
                .collect();
            matched += usize::from(!ends.is_empty());
            assert_eq!(owner_label_ends(&t), ends, "{t:?}");
        }
        assert!(matched > 500, "{matched}");
    }

    /// Pieces of due-date labels, with the non-ASCII neighbours reports have.
    const DUE_PIECES: &[&str] = &[
        "due",
        "Due",
        " date",
        "  Date",
        "deadline",
        "target",
        "ETA",
        "timeline",
        "complete by",
        "to be",
        " completed",
        " done",
        " by",
        "finish",
        "ed",
        "no later than",
        "by",
        "on",
        "before",
        "until",
        " of",
        " is",
        "is",
        ":",
        "=",
        " ",
        "*",
        "_",
        "`",
        "x",
        "1",
        "é",
        "’",
        "\u{a0}",
        "\u{17F}",
        "–",
        "\n",
        "2026-02-09",
        // The first letters of two-word labels before a multi-byte character.
        "ta",
        "du",
        "task",
        "—",
    ];

    #[test]
    fn due_label_scanner_agrees_with_its_pattern() {
        let texts = [
            "Fix it (Due: 2026-02-09)",
            "due dates 1",
            "due\u{a0}date: x",
            "Due\u{a0}\u{a0}is\u{a0}: x",
            "Target Date = soon",
            "to be completed by Friday",
            "finished by 3",
            "finishedby 3",
            "éby 3",
            "by_ 3",
            "byé 3",
            "on on on",
            "due is: on: by",
            "ETA * : ` next",
            "finiſh by: soon",
            // These once cut the text inside the `—` and the `é`.
            "Add a task — due 2026-03-01, owner: @bob",
            "ta clé 1",
            "du—e date",
        ];
        let mut matched = 0;
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(generated(DUE_PIECES, 30_000, 6))
        {
            let by_pattern: Vec<DueLabel> = DUE_LABEL
                .captures_iter(&t)
                .map(|c| DueLabel {
                    label: c.name("label").unwrap().range(),
                    colon: c.name("colon").is_some(),
                    end: c.get(0).unwrap().end(),
                })
                .collect();
            matched += usize::from(!by_pattern.is_empty());
            assert_eq!(due_labels(&t).collect::<Vec<_>>(), by_pattern, "{t:?}");
        }
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn label_gates_let_every_match_through() {
        let texts = [
            "Owner\u{a0}: x",
            "Owner\u{2003}*: x",
            "ownerſ: a",
            "issue \u{a0}: x",
            "(Owner: Dana, Due: 1)",
            "x: owner",
            "Ticket *_` : x",
        ];
        let (mut owners, mut rejected) = (0, 0);
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(generated(OWNER_PIECES, 30_000, 6))
        {
            let gate = may_have_label(&t, (b':', b'='), OWNER_LABEL_ENDS);
            if !owner_label_ends(&t).is_empty() {
                owners += 1;
                assert!(gate, "{t:?}");
            }
            rejected += usize::from(!gate && t.contains([':', '=']));
        }
        assert!(owners > 500 && rejected > 500, "{owners} {rejected}");
        let (mut labels, mut rejected) = (0, 0);
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(generated(TRACKING_PIECES, 30_000, 6))
        {
            let gate = may_have_label(&t, (b':', b':'), TRACKING_LABEL_ENDS);
            let track = Words::of(&t).any(const { cue_mask(&["track"]) });
            if tracking_label_end(&t).is_some() && !track {
                labels += 1;
                assert!(gate, "{t:?}");
            }
            rejected += usize::from(!gate && t.contains(':'));
        }
        assert!(labels > 100 && rejected > 500, "{labels} {rejected}");
    }

    /// Pieces of tracking labels, with the non-ASCII neighbours reports have.
    const TRACKING_PIECES: &[&str] = &[
        "tracking",
        "Ticket",
        "ISSUE",
        "s",
        "jira",
        "bug",
        "PR",
        "pull request",
        "pull",
        "link",
        "card",
        "story",
        "epic",
        "tracked",
        "track",
        "ing",
        " in",
        " at",
        " on",
        " via",
        " by",
        " as",
        "in",
        ":",
        " ",
        "  ",
        "*",
        "_",
        "`",
        "x",
        "1",
        "é",
        "’",
        "\u{a0}",
        "\u{17F}",
        "\u{212A}",
        "–",
        "\n",
    ];

    #[test]
    fn tracking_label_scanner_agrees_with_its_pattern() {
        let texts = [
            "fix (Issue: OPS-118)",
            "Tracking in: x",
            "tracking in JIRA",
            "trackingin: x",
            "tracked as OPS-1",
            "tracked  in x",
            "prod: x",
            "PR*`_\u{a0}: x",
            "éjira: x",
            "_jira: x",
            "tic\u{212A}et: x",
            "issues: x",
        ];
        let mut matched = 0;
        for t in texts
            .iter()
            .map(|t| t.to_string())
            .chain(generated(TRACKING_PIECES, 30_000, 6))
        {
            let end = TRACKING_LABEL.find(&t).map(|m| m.end());
            matched += usize::from(end.is_some());
            assert_eq!(tracking_label_end(&t), end, "{t:?}");
        }
        assert!(matched > 500, "{matched}");
    }

    /// Pieces of long item texts: fields after labels, delimiters, names,
    /// name-ending words, and the non-ASCII neighbours reports have.
    const FIELD_PIECES: &[&str] = &[
        "Dana Kim",
        "on Monday 2025-01-06 we saw",
        " ",
        "  ",
        ",",
        ";",
        "(",
        ")",
        "|",
        "[",
        "]",
        "\n",
        "\r",
        ". ",
        ".",
        "*",
        "_",
        "`",
        " - ",
        " – ",
        " —",
        "-",
        " due",
        " By",
        " tracking",
        " completed",
        " completedX",
        " byé",
        " to",
        " IS",
        "é",
        "\u{a0}",
        "x",
        "Owner: ",
        "owner ",
        "team",
    ];

    #[test]
    fn fields_agree_with_take_field_by_chars() {
        let mut checked = 0;
        for t in generated(FIELD_PIECES, 5_000, 12) {
            for names in [false, true] {
                // Fields read at rising starts, as the loops over labels
                // read them, and one field alone.
                let mut fields = Fields::new(&t, names);
                for (at, _) in t.char_indices() {
                    let by_chars = take_field_by_chars(&t[at..], names);
                    assert_eq!(fields.at(at), by_chars, "{t:?} {at} {names}");
                    assert_eq!(Fields::new(&t, names).at(at), by_chars, "{t:?} {at}");
                    checked += usize::from(!by_chars.is_empty());
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn word_count_agrees_with_is_owner_name() {
        let pieces = [
            "Dana ", " ", "\u{a0}", "/", "&", "+", "and ", "or/", "of ", "*", "`", "** ", "a*nd ",
            "Of+", "team ", "é&", "x",
        ];
        let (mut many, mut few) = (0, 0);
        for t in generated(&pieces, 20_000, 20) {
            let words = clean(&t)
                .split([' ', '/', '&', '+'])
                .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or" | "of"))
                .count();
            assert_eq!(has_more_words(&t, 6), words > 6, "{t:?}");
            many += usize::from(words > 6);
            few += usize::from((1..=6).contains(&words));
        }
        assert!(many > 1_000 && few > 1_000, "{many} {few}");
    }

    /// [`is_owner_name`] and [`is_placeholder`] as they were: each word
    /// compared in a lower-case copy.
    fn is_owner_name_by_copies(name: &str, strict: bool) -> bool {
        let placeholder = |value: &str| {
            let v = value
                .trim()
                .trim_matches(['*', '_', '`', '.', ' '])
                .to_ascii_lowercase();
            v.is_empty()
                || matches!(
                    v.as_str(),
                    "tbd"
                        | "tba"
                        | "tbc"
                        | "unassigned"
                        | "none"
                        | "n/a"
                        | "na"
                        | "?"
                        | "-"
                        | "—"
                        | "–"
                        | "unknown"
                        | "nobody"
                        | "no one"
                        | "owner"
                        | "name"
                        | "x"
                )
                || v.starts_with('{')
                || v.starts_with('<')
                || v.starts_with("[name")
                || !v.chars().any(char::is_alphanumeric)
        };
        let cleaned = clean(name);
        if placeholder(&cleaned) || !cleaned.chars().any(char::is_alphabetic) {
            return false;
        }
        let words: Vec<&str> = cleaned
            .split([' ', '/', '&', '+'])
            .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or" | "of"))
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        let lower = first.to_ascii_lowercase();
        if words.len() > 6 || PRONOUNS.contains(&lower.as_str()) && lower != "the" && strict {
            return false;
        }
        if !strict {
            return !matches!(
                lower.as_str(),
                "of" | "for" | "to" | "the" | "is" | "a" | "an"
            ) || words.len() > 1;
        }
        if VERBS.contains(&lower.as_str()) {
            return false;
        }
        let last = words[words.len() - 1].to_ascii_lowercase();
        if ROLES.contains(&last.as_str()) {
            return true;
        }
        if lower == "the" {
            return false;
        }
        if !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            return false;
        }
        if words.len() == 1 {
            let w = words[0];
            let acronym = w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase());
            let noun_like = [
                "ing", "tion", "ment", "ts", "ks", "gs", "ds", "rs", "ps", "cs", "ls",
            ]
            .iter()
            .any(|s| w.to_ascii_lowercase().ends_with(s));
            return acronym || !noun_like;
        }
        true
    }

    #[test]
    fn owner_names_agree_with_lower_case_copies() {
        let pieces = [
            "Dana ",
            "Kim",
            " ",
            "The ",
            "the ",
            "We ",
            "ADD ",
            "Add ",
            "Team",
            " TEAM",
            "On-Call",
            "SRE",
            "Testing",
            "Alerts",
            "x",
            "TBD",
            "N/A",
            "[Name]",
            "{owner}",
            "<x>",
            "—",
            "*",
            "`",
            "/",
            "&",
            "+",
            "and ",
            "of ",
            "For ",
            "é",
            "Émile ",
            "Ops",
            "DEPLOYMENTS",
            "_",
            ".",
            "Done",
            "do",
            "DON'T ",
        ];
        let (mut yes, mut no) = (0, 0);
        for t in generated(&pieces, 30_000, 7) {
            for strict in [false, true] {
                let old = is_owner_name_by_copies(&t, strict);
                assert_eq!(is_owner_name(&t, strict), old, "{t:?} {strict}");
                yes += usize::from(old);
                no += usize::from(!old);
            }
            let done = |w: &str| {
                let t = w
                    .trim()
                    .trim_matches(['*', '_', '`', '.', ' '])
                    .to_ascii_lowercase();
                matches!(
                    t.as_str(),
                    "done"
                        | "complete"
                        | "completed"
                        | "closed"
                        | "fixed"
                        | "resolved"
                        | "finished"
                        | "merged"
                ) || t.starts_with('✅')
                    || t.starts_with("done")
            };
            assert_eq!(is_done_word(&t), done(&t), "{t:?}");
        }
        assert!(yes > 5_000 && no > 5_000, "{yes} {no}");
        for w in [
            "DONE.",
            " Completed ",
            "**merged**",
            "✅ yes",
            "doneX",
            "don",
        ] {
            assert!(is_done_word(w) == (w != "don"), "{w:?}");
        }
    }

    /// [`Reader::read_date`] as it was: each date pattern searched on the
    /// whole text.
    fn read_date_by_patterns(r: &Reader<'_>, text: &str) -> Option<(DateReading, usize)> {
        let n = |t: &str, r: Range<usize>| t[r].parse::<u32>().ok();
        if let Some(([year, month, day], len)) = date_groups(&ISO_DATE, text) {
            let year = text[year].parse::<i32>().ok()?;
            return Some((exact(year, n(text, month)?, n(text, day)?), len));
        }
        if let Some(([month, day, year], len)) = date_groups(&US_DATE, text) {
            let mut year = text[year].parse::<i32>().ok()?;
            if year < 100 {
                year += 2000;
            }
            return Some((exact(year, n(text, month)?, n(text, day)?), len));
        }
        r.named_date(&NamedDate::of(
            &MONTH_DAY
                .captures(text)
                .or_else(|| DAY_MONTH.captures(text))?,
        )?)
    }

    #[test]
    fn named_date_scanners_agree_with_their_patterns() {
        let texts = [
            "Feb 3",
            "feb. 3rd, 2026",
            "Sept 30th 2025x",
            "September 3",
            "Septem 3",
            "sep\t03,  2026",
            "June 1ST",
            "Jun e 3",
            "May 123",
            "May 12th2",
            "May 1s",
            "Jan 1, 20255",
            "Jan 1,2025",
            "3 Feb",
            "3rd of February, 2026",
            "03 of  sept. 2026",
            "3 Septem",
            "3 of",
            "3of Feb",
            "123 Feb",
            "1st Feb_",
            "ſep 3",
            "3 ſep",
            "\u{212a}an 3",
            "Feb\u{a0}3",
            "3\u{a0}Feb",
            "Feb 3\u{a0}2026",
            "Feb ٣",
            "٣ Feb",
            "Feb 3é",
        ];
        let check = |t: &str| {
            let md = MONTH_DAY.captures(t).and_then(|c| NamedDate::of(&c));
            let dm = DAY_MONTH.captures(t).and_then(|c| NamedDate::of(&c));
            assert_eq!(month_day(t), md, "{t:?}");
            assert_eq!(day_month(t), dm, "{t:?}");
            usize::from(md.is_some() || dm.is_some())
        };
        for t in texts {
            check(t);
        }
        let pieces = [
            "Jan",
            "january",
            "Sept",
            "sep",
            "september",
            "SEPTEM",
            "MAY",
            "June",
            "Dec",
            ".",
            ",",
            " ",
            "   ",
            "\t",
            "\n",
            "\u{a0}",
            "3",
            "12",
            "2025",
            "1st",
            "th",
            "ND",
            "of",
            "Of ",
            "٣",
            "é",
            "x",
            "_",
            "ſ",
        ];
        let mut matched = 0;
        for seed in 1..=3 {
            for t in
                crate::model::pattern::generated_exactly(&pieces, 10_000, 2 + seed as usize, seed)
            {
                for (at, _) in t.char_indices() {
                    matched += check(&t[at..]);
                }
            }
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn dates_read_in_reach_agree_with_the_whole_text() {
        let pieces = [
            "Jan",
            "january",
            "Sept",
            "sep",
            "ſep",
            "MAY",
            "Monday",
            "Dec",
            ".",
            ",",
            " ",
            "   ",
            "\u{a0}",
            "\t",
            "\n",
            "3",
            "12",
            "2025",
            "1st",
            "th",
            "ſt",
            "of",
            "٣",
            "é",
            "x",
            "_",
            "-",
            "/",
            "2025-01-06",
            "4/15/25",
        ];
        let readers = [None, NaiveDate::from_ymd_opt(2025, 12, 10)].map(|incident| Reader {
            source: "",
            incident,
        });
        let mut read = 0;
        for t in generated(&pieces, 20_000, 10) {
            for (at, _) in t.char_indices() {
                let rest = &t[at..];
                for r in &readers {
                    let old = read_date_by_patterns(r, rest);
                    read += usize::from(old.is_some());
                    assert_eq!(r.read_date(rest), old, "{rest:?}");
                }
            }
        }
        assert!(read > 5_000, "{read}");
    }

    #[test]
    fn dates() {
        let r = Reader {
            source: "",
            incident: NaiveDate::from_ymd_opt(2025, 12, 10),
        };
        let d = |t: &str| r.read_date(t).map(|(d, _)| d);
        let ymd = |y, m, d| Some(DateReading::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap()));
        assert_eq!(d("2026-02-09"), ymd(2026, 2, 9));
        assert_eq!(d("04/15/25"), ymd(2025, 4, 15));
        assert_eq!(d("April 22, 2025"), ymd(2025, 4, 22));
        assert_eq!(d("Feb 3"), ymd(2026, 2, 3));
        assert_eq!(d("Dec 20"), ymd(2025, 12, 20));
        assert_eq!(d("3rd of March 2026"), ymd(2026, 3, 3));
        assert_eq!(d("2025-02-30"), Some(DateReading::Impossible));
        assert_eq!(d("End of week"), None);
    }

    #[test]
    fn tracking_forms() {
        let t = |s: &str| find_tracking(s, 0, &Words::of(s)).map(|f| f.text);
        assert_eq!(t("fix (Issue: OPS-118)").as_deref(), Some("OPS-118"));
        assert_eq!(t("fix, see #123").as_deref(), Some("#123"));
        assert_eq!(
            t("fix ([GitHub issue](https://github.com/o/r/issues/19))").as_deref(),
            Some("https://github.com/o/r/issues/19")
        );
        assert_eq!(
            t("fix. Tracking: Grafana Cloud").as_deref(),
            Some("Grafana Cloud")
        );
        assert_eq!(t("a SEV-2 at 10:00 UTC-7"), None);
        assert_eq!(t("fix the issue with #pizza"), None);
    }
}

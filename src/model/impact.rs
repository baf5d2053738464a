//! Impact figures: users affected, share affected, failed requests, support
//! volume and duration, as the Summary and Impact sections (and any other
//! section) state them.
//!
//! Every figure keeps its span, so a rule can point at the number. Nothing
//! is guessed: a section that does not state a figure has none.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::LazyLock;

use crate::model::pattern::Twin;

use crate::document::{BlockKind, Span};
use crate::model::numbers::{Quantity, WordStarts, find_quantities_with};
use crate::model::pattern::{
    Cues, Group, Plain, Prepared, folds_to_ascii, is_ascii_space, is_word_byte_at,
};
use crate::model::time::{Place, StatedDuration, find_durations};
use crate::model::{Report, Section};

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Measure {
    /// Users, customers, people, diners … affected (`212 users`, `no customers`).
    Users,
    /// A share of users or of requests (`7% of users`, `all customers`).
    Share(ShareOf),
    /// Requests, orders or purchases that failed (`388 orders failed`).
    Failed,
    /// Support tickets, calls, emails, complaints (`4 support tickets`).
    Support,
    /// Social media posts (`12 tweets`, `0 social media posts`).
    Social,
}

/// What a share is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOf {
    Users,
    Requests,
}

/// One figure a report states.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Figure {
    pub measure: Measure,
    /// The value; its span is a byte range into the document.
    pub quantity: Quantity,
    /// The number and the words that say what it counts (`4 support
    /// tickets`), as a byte range into the document.
    pub span: Span,
    /// Index into `report.sections`.
    pub section: usize,
    /// Said in words rather than as a number (`all users`, `no tickets`).
    pub worded: bool,
}

/// A duration stated in prose, located in the document.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Duration {
    /// Byte range into the document.
    pub span: Span,
    pub seconds: i64,
    pub approximate: bool,
    /// Index into `report.sections`.
    pub section: usize,
    /// Phrased as the length of the incident ("For 36 minutes", "lasted
    /// an hour", "Duration: 8 minutes") rather than of a step in it.
    pub incident_length: bool,
}

/// An explicit window ("between 08:41 and 09:17", "10:00-11:00").
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Window {
    /// Byte range into the document, from the first time to the second.
    pub span: Span,
    /// Its length, when both ends are unambiguous (24-hour times, or both
    /// with am/pm).
    pub minutes: Option<i64>,
    /// Index into `report.sections`.
    pub section: usize,
}

/// The impact figures a report states.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Impact {
    /// Every figure, in document order.
    pub figures: Vec<Figure>,
    /// Every stated duration, in document order.
    pub durations: Vec<Duration>,
    /// Every explicit time window, in document order.
    pub windows: Vec<Window>,
    /// Index into `report.sections` of the Summary, if there is one.
    pub summary: Option<usize>,
    /// Index into `report.sections` of the Impact section, if there is one.
    pub impact: Option<usize>,
    /// The severity the report states, in front matter or text.
    pub severity: Option<StatedSeverity>,
}

/// A severity the report states (`SEV-2`, `P1 incident`, `high severity`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatedSeverity {
    /// As written (`SEV-2`, `high severity`).
    pub text: String,
    /// Byte range into the document; `None` when it comes from front matter.
    pub span: Option<Span>,
}

impl Impact {
    pub fn build(report: &Report<'_>) -> Impact {
        let position = |name: &str| {
            let spec = report
                .template
                .sections
                .iter()
                .position(|s| s.name.eq_ignore_ascii_case(name))?;
            report.sections.iter().position(|s| s.spec == Some(spec))
        };
        let mut impact = Impact {
            summary: position("Summary"),
            impact: position("Impact"),
            ..Impact::default()
        };
        impact.severity = find_severity(report);
        // Figures are read where reports state them: Summary and Impact.
        let read: Vec<usize> = impact.summary.into_iter().chain(impact.impact).collect();
        let mut durations = Vec::new();
        // The numbers of one block at a time, in one buffer.
        let mut quantities = Vec::new();
        for (index, section) in report.sections.iter().enumerate() {
            if !read.contains(&index) {
                continue;
            }
            let place = if Some(index) == impact.summary {
                Place::Summary
            } else {
                Place::Impact
            };
            let spans: Vec<Span> = prose_spans(report, section).collect();
            // The time model has read the durations of these very blocks
            // (the same blocks, in the same order): they are taken from it
            // rather than searched for twice, block by block, when no block
            // overlaps the next (else a block's durations are searched for
            // here).
            let shared = spans.windows(2).all(|w| w[0].end <= w[1].start);
            let mut stated = report
                .times
                .durations
                .iter()
                .filter(|d| d.place == place)
                .map(|d| &d.detail.stated)
                .peekable();
            for span in spans {
                let text = report.doc.text(&span);
                read_figures(
                    text,
                    span.start,
                    index,
                    &mut quantities,
                    &mut impact.figures,
                );
                if shared {
                    durations.clear();
                    durations.extend(
                        std::iter::from_fn(|| stated.next_if(|d| d.span.end <= span.end)).map(
                            |d| StatedDuration {
                                span: d.span.start - span.start..d.span.end - span.start,
                                ..d.clone()
                            },
                        ),
                    );
                } else {
                    durations = find_durations(text);
                }
                read_durations(text, &durations, span.start, index, &mut impact.durations);
            }
        }
        // Windows are read once, by the time model.
        impact.windows = report
            .times
            .windows
            .iter()
            .filter_map(|w| {
                let section = match w.place {
                    Place::Summary => impact.summary?,
                    Place::Impact => impact.impact?,
                };
                Some(Window {
                    span: w.window.span.clone(),
                    minutes: w.window.seconds().map(|s| s / 60),
                    section,
                })
            })
            .collect();
        impact
    }

    /// The figures of one section.
    pub fn in_section(&self, section: usize) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.section == section)
    }

    /// The sections to read the report's figures from: Impact first, then Summary.
    fn preferred(&self) -> impl Iterator<Item = usize> {
        self.impact.into_iter().chain(self.summary)
    }

    /// The number of users affected: the first count in Impact, else in Summary.
    pub fn users_affected(&self) -> Option<&Figure> {
        self.preferred().find_map(|s| self.first(s, Measure::Users))
    }

    /// The share of users (or requests) affected, in percent.
    pub fn percent_affected(&self) -> Option<&Figure> {
        self.preferred().find_map(|s| {
            self.in_section(s)
                .find(|f| f.measure == Measure::Share(ShareOf::Users))
                .or_else(|| {
                    self.in_section(s)
                        .find(|f| matches!(f.measure, Measure::Share(_)))
                })
        })
    }

    /// The support volume (tickets, calls, emails, complaints) of a section:
    /// the sum of the counts it states, with the first figure's span.
    pub fn support_volume(&self, section: usize) -> Option<(Quantity, Span)> {
        let mut figures = self
            .in_section(section)
            .filter(|f| f.measure == Measure::Support);
        let first = figures.next()?;
        let mut total = first.quantity.clone();
        for f in figures {
            total.low += f.quantity.low;
            total.high += f.quantity.high;
            total.approximate |= f.quantity.approximate;
        }
        Some((total, first.span.clone()))
    }

    /// The support volume of the report: Impact first, else Summary.
    pub fn support_tickets(&self) -> Option<Quantity> {
        self.preferred()
            .find_map(|s| self.support_volume(s))
            .map(|(q, _)| q)
    }

    /// The length of the incident as a section states it.
    pub fn incident_duration(&self, section: usize) -> Option<&Duration> {
        self.durations
            .iter()
            .find(|d| d.section == section && d.incident_length)
    }

    /// The duration of the incident in minutes: the stated length in Impact,
    /// else in Summary, else the length of an unambiguous window there.
    pub fn duration_minutes(&self) -> Option<i64> {
        self.preferred()
            .find_map(|s| self.incident_duration(s).map(|d| d.seconds / 60))
            .or_else(|| {
                self.preferred().find_map(|s| {
                    self.windows
                        .iter()
                        .find(|w| w.section == s)
                        .and_then(|w| w.minutes)
                })
            })
    }

    fn first(&self, section: usize, measure: Measure) -> Option<&Figure> {
        self.in_section(section).find(|f| f.measure == measure)
    }
}

/// The spans of a section's authored prose: paragraphs, list items (their
/// own text), table rows. Code, raw HTML, quotes themselves (their inner
/// blocks are blocks of their own) and template guidance are left out.
pub(crate) fn prose_spans<'r>(
    report: &'r Report<'_>,
    section: &'r Section,
) -> impl Iterator<Item = Span> + 'r {
    report
        .authored_blocks(section)
        .filter_map(|block| match &block.kind {
            BlockKind::Paragraph | BlockKind::TableRow { .. } => Some(block.span.clone()),
            BlockKind::ListItem { .. } => Some(block.own.clone()),
            BlockKind::Code { .. } | BlockKind::Quote { .. } | BlockKind::Html => None,
        })
}

const USER_NOUNS: Words = Words::new(&[
    "user",
    "users",
    "customer",
    "customers",
    "people",
    "persons",
    "person",
    "diner",
    "diners",
    "client",
    "clients",
    "visitor",
    "visitors",
    "shopper",
    "shoppers",
    "subscriber",
    "subscribers",
    "patron",
    "patrons",
    "franchisees",
    "accounts",
]);
const REQUEST_NOUNS: Words = Words::new(&[
    "order",
    "orders",
    "request",
    "requests",
    "purchase",
    "purchases",
    "transaction",
    "transactions",
    "checkout",
    "checkouts",
    "payment",
    "payments",
    "pizzas",
    "attempts",
    "sessions",
    "traffic",
    "calls",
    "failures",
]);
/// Support nouns that mean support on their own.
const SUPPORT_NOUNS: Words =
    Words::new(&["ticket", "tickets", "complaint", "complaints", "compliants"]);
/// Nouns that mean support only with "support" or "submitted" around them.
const CONTACT_NOUNS: Words = Words::new(&[
    "call",
    "calls",
    "email",
    "emails",
    "case",
    "cases",
    "report",
    "reports",
    "message",
    "messages",
    "inquiries",
    "issues",
    "contacts",
    "chats",
]);
const SOCIAL_NOUNS: Words =
    Words::new(&["post", "posts", "tweet", "tweets", "mentions", "comments"]);
/// Words that end a count's phrase without naming what it counts.
const UNITS: Words = Words::new(&[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "ms", "am", "pm",
    "utc", "times", "percent",
]);
/// Words that end a count's phrase: what follows is not what it counts
/// ("500 errors for users", "5 minutes for users").
const PHRASE_ENDS: Words = Words::new(&[
    "for",
    "in",
    "at",
    "on",
    "from",
    "with",
    "during",
    "by",
    "per",
    "and",
    "or",
    "to",
    "were",
    "was",
    "are",
    "is",
    "had",
    "have",
    "who",
    "that",
    "which",
    "error",
    "errors",
    "failure",
    "alerts",
    "alert",
    "logs",
    "log",
    "code",
    "codes",
    "status",
    "responses",
    "response",
    "than",
]);
/// Words after a share's `%` that may come before the noun.
const SHARE_FILLERS: Words = Words::new(&[
    "of",
    "our",
    "the",
    "all",
    "active",
    "current",
    "jwt",
    "pizza",
    "jwt-pizza",
    "system",
    "service",
    "total",
    "real",
]);

/// A list of lower-case ASCII words, with a filter built at compile time
/// that rules out most tokens without comparing them with each word: bit
/// `k` of `filter[n]` is set when a word of `n` bytes starts with the
/// letter `k` after `a`.
struct Words {
    words: &'static [&'static str],
    filter: [u32; 16],
}

impl Words {
    const fn new(words: &'static [&'static str]) -> Words {
        let mut filter = [0u32; 16];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(w.len() < 16 && w[0].is_ascii_lowercase());
            filter[w.len()] |= 1 << (w[0] - b'a');
            i += 1;
        }
        Words { words, filter }
    }

    /// True when `text` is one of the words, ignoring ASCII case.
    fn has(&self, text: &str) -> bool {
        let b = text.as_bytes();
        let Some(&first) = b.first() else {
            return false;
        };
        // Only an ASCII letter, in either case, is a letter after `a`.
        let k = (first | 0x20).wrapping_sub(b'a');
        b.len() < 16
            && k < 26
            && self.filter[b.len()] >> k & 1 == 1
            && self.words.iter().any(|w| {
                // The length and the first letter first: most words differ there.
                let w = w.as_bytes();
                w.len() == b.len() && w[0] == first | 0x20 && b.eq_ignore_ascii_case(w)
            })
    }
}

/// A word or a punctuation mark after a number.
#[derive(Debug)]
struct Token<'t> {
    /// An ASCII word as written (compared ignoring ASCII case), any other
    /// word lower-cased, a punctuation mark as written.
    text: Cow<'t, str>,
    /// End offset, relative to the tokenized text.
    end: usize,
}

impl Token<'_> {
    /// True when the token, lower-cased, is `word` (lower case).
    fn eq(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
    /// True when the token, lower-cased, is one of `words` (lower case).
    fn is(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eq(w))
    }
    /// True when the token, lower-cased, is one of `words`.
    fn is_in(&self, words: &Words) -> bool {
        words.has(&self.text)
    }
    fn is_word(&self) -> bool {
        self.text.starts_with(|c: char| c.is_alphabetic())
    }
    fn is_number(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// Splits `text` into words, numbers, `%` and punctuation, one at a time;
/// emphasis marks and backticks are ignored. Offsets are relative to `text`.
struct Tokens<'t> {
    text: &'t str,
    /// Where the next token may start.
    at: usize,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str) -> Tokens<'t> {
        Tokens { text, at: 0 }
    }
}

/// The character that starts at byte `at` of `text` (a char boundary),
/// read from its byte when it is ASCII; `None` at the end.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[at..].chars().next()
    }
}

impl<'t> Iterator for Tokens<'t> {
    type Item = Token<'t>;

    fn next(&mut self) -> Option<Token<'t>> {
        let text = self.text;
        let mut i = self.at;
        while let Some(c) = char_at(text, i) {
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                // The word so far is all ASCII digits: a comma may join it.
                let mut digits = c.is_ascii_digit();
                let mut ascii = c.is_ascii();
                while let Some(d) = char_at(text, end) {
                    // Most often an ASCII letter or digit, which goes on.
                    if d.is_ascii_alphanumeric() {
                        digits &= d.is_ascii_digit();
                        end += 1;
                        continue;
                    }
                    let joins = matches!(d, '-' | '\'' | ',' | '.')
                        && char_at(text, end + 1).is_some_and(char::is_alphanumeric)
                        && !(d == '.' && c.is_alphabetic())
                        && (d != ',' || digits);
                    if d.is_alphanumeric() || joins {
                        digits &= d.is_ascii_digit();
                        ascii &= d.is_ascii();
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                self.at = end;
                let word = &text[i..end];
                return Some(Token {
                    text: if ascii {
                        Cow::Borrowed(word)
                    } else {
                        Cow::Owned(word.to_lowercase())
                    },
                    end,
                });
            } else if !(c.is_whitespace() || matches!(c, '*' | '_' | '`' | '"' | '“' | '”')) {
                let end = i + c.len_utf8();
                self.at = end;
                return Some(Token {
                    text: Cow::Borrowed(&text[i..end]),
                    end,
                });
            }
            i += c.len_utf8();
        }
        self.at = text.len();
        None
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words that end the phrase a number starts.
fn is_stop(t: &Token) -> bool {
    matches!(
        t.text.as_ref(),
        "." | "!" | "?" | ";" | ":" | "(" | ")" | "," | "|" | "[" | "]"
    )
}

/// No "no support ticket count": a "no" followed by a count of something
/// does not state the count. Read by [`no_count_at`] at the word starts
/// the number scanner hands over (and checked against [`no_counts`], the
/// scanner it replaced); kept for its tests.
#[cfg(test)]
static NO_COUNT: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(r"(?i)(?-u:\b)(?:no|zero|none of the|before any|without any)(?-u:\b)")
});

/// The end of a word of [`NO_COUNT`] that starts at the word start `s`
/// of `h` (`no`, `zero`, `none of the`, `before any`, `without any`, in
/// any case, then an ASCII word boundary), tried in the pattern's order.
/// Exact on any text: the pattern's boundaries are ASCII ones, and no
/// non-ASCII character case-folds to one of its letters.
fn no_count_at(h: &[u8], s: usize) -> Option<usize> {
    let words: &[&str] = match h[s] | 0x20 {
        b'n' => &["no", "none of the"],
        b'z' => &["zero"],
        b'b' => &["before any"],
        b'w' => &["without any"],
        _ => return None,
    };
    words
        .iter()
        .find_map(|w| word_at(h, s, w).filter(|&e| !is_word_byte_at(h, e)))
}

/// The matches of [`NO_COUNT`] in `text`: [`no_count_at`] at each word
/// start. No match holds a word start where another may start (`of`,
/// `the`, `any`), so none overlaps the next.
#[cfg(test)]
fn no_counts(text: &str) -> impl Iterator<Item = Span> + '_ {
    let h = text.as_bytes();
    WordStarts::new(h).filter_map(move |s| Some(s..no_count_at(h, s)?))
}

/// The adjectives [`ALL_USERS`] reads between its lead word and its noun,
/// in the pattern's order.
const ALL_USERS_ADJECTIVES: &[&str] = &[
    "our",
    "the",
    "active",
    "current",
    "jwt",
    "pizza",
    "jwt-pizza",
    "affected",
    "real",
    "paying",
    "external",
    "online",
    "simulated",
    "test",
];

/// True when a match of [`ALL_USERS`] may start at the word start `s` of
/// `h`: a word `all`, `every` or `each` (ASCII word boundaries, any case)
/// followed by white space and then a word the pattern may go on with
/// (`of`, one of its adjectives or nouns), or a word `everyone`; no match
/// starts anywhere else. A character these tests cannot judge (non-ASCII,
/// `*`, `_`, `(`) after the word lets the pattern decide there. A text
/// with a character that folds to an ASCII letter is for the pattern to
/// search ([`all_users_searched`]).
fn all_users_may_start(h: &[u8], s: usize) -> bool {
    // What the pattern may go on with: `of`, an adjective, a noun's stem.
    const NOUNS: &[&str] = &[
        "user", "customer", "diner", "people", "client", "visitor", "shopper", "order", "request",
        "purchase", "checkout",
    ];
    let at_word = |word: &str| word_at(h, s, word).is_some_and(|e| !is_word_byte_at(h, e));
    let goes_on = |end: usize| {
        let mut i = end;
        while h.get(i).is_some_and(|b| is_ascii_space(*b)) {
            i += 1;
        }
        match h.get(end) {
            Some(b) if b.is_ascii() && !is_ascii_space(*b) => return false,
            None => return false,
            _ => {}
        }
        match h.get(i) {
            None => false,
            Some(b) if !b.is_ascii() || matches!(b, b'*' | b'_' | b'(') => true,
            Some(&b) => std::iter::once(&"of")
                .chain(ALL_USERS_ADJECTIVES)
                .chain(NOUNS)
                .any(|w| w.as_bytes()[0] == b | 0x20 && word_at(h, i, w).is_some()),
        }
    };
    match h[s] | 0x20 {
        b'a' => at_word("all") && goes_on(s + 3),
        b'e' => {
            at_word("everyone")
                || at_word("every") && goes_on(s + 5)
                || at_word("each") && goes_on(s + 4)
        }
        _ => false,
    }
}

/// The places where a match of [`ALL_USERS`] may start in `text`, in
/// order ([`all_users_may_start`]).
#[cfg(test)]
fn all_users_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let h = text.as_bytes();
    WordStarts::new(h).filter(move |&s| all_users_may_start(h, s))
}

/// The matches of [`ALL_USERS`] in `text`, in order, and what each is a
/// share of. The pattern runs anchored at the places
/// [`all_users_may_start`] finds ([`AllUsers`]).
#[cfg(test)]
fn all_users(text: &str) -> Vec<(Range<usize>, ShareOf)> {
    if folds_to_ascii(text) {
        return all_users_searched(text);
    }
    let mut all = AllUsers::default();
    for s in WordStarts::new(text.as_bytes()) {
        all.at(text, s);
    }
    all.found
}

/// The matches of [`ALL_USERS`] in a whole text (one with a character that
/// folds to an ASCII letter), and what each is a share of.
fn all_users_searched(text: &str) -> Vec<(Range<usize>, ShareOf)> {
    ALL_USERS
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.range(), share_of(c.name("who")))))
        .collect()
}

/// The matches of [`ALL_USERS`] in a text with no character that folds to
/// an ASCII letter, read one word start after another ([`AllUsers::at`]).
/// The pattern runs anchored at the places [`all_users_may_start`] finds,
/// from the end of the last match on, which finds what a search of the
/// whole text finds: every match starts at such a place, and the regex,
/// leftmost-first, takes at the first place where a match starts the match
/// the anchored pattern takes there. Each search goes on from the last
/// one, so the cost stays linear in the text however many matches it has.
#[derive(Default)]
struct AllUsers {
    /// The matches so far, and what each is a share of.
    found: Vec<(Range<usize>, ShareOf)>,
    /// Where the next match may start.
    from: usize,
}

impl AllUsers {
    /// Reads the word start `s` of `text`, after every word start before it.
    fn at(&mut self, text: &str, s: usize) {
        let h = text.as_bytes();
        if s < self.from || !all_users_may_start(h, s) {
            return;
        }
        let m = all_users_at(h, s).unwrap_or_else(|| {
            let c = ALL_USERS_AT.captures(&text[s..])?;
            let m = c.get(0)?;
            Some((s + m.end(), share_of(c.name("who"))))
        });
        match m {
            Some((end, of)) => {
                self.found.push((s..end, of));
                self.from = end;
            }
            None => self.from = s + 1,
        }
    }
}

/// The match of [`ALL_USERS_AT`] at `start` of `h`, a text with no
/// character that folds to an ASCII letter, read by a byte scanner that
/// tries the pattern's ways in its order (greedy repeats, alternatives
/// left to right): its end and what it is a share of, or `Some(None)` when
/// the pattern does not match there. `None` when a non-ASCII character
/// stands where the pattern reads white space (`\s` is Unicode-aware):
/// the pattern must decide. Elsewhere a non-ASCII character cannot match
/// (no letter of the pattern folds to one), and the pattern's word
/// boundaries are ASCII ones.
fn all_users_at(h: &[u8], start: usize) -> Option<Option<(usize, ShareOf)>> {
    let lead = ["all", "every", "each"]
        .iter()
        .find_map(|w| word_at(h, start, w))
        .filter(|&e| !is_word_byte_at(h, e));
    if let Some(end) = lead {
        if let Some(m) = all_users_after(h, end, 0)? {
            return Some(Some(m));
        }
    }
    Some(
        word_at(h, start, "everyone")
            .filter(|&e| !is_word_byte_at(h, e))
            .map(|e| (e, ShareOf::Users)),
    )
}

/// The end of `word` (ASCII, any case) when `h` holds it at `at`.
fn word_at(h: &[u8], at: usize, word: &str) -> Option<usize> {
    let end = at + word.len();
    h.get(at..end)
        .is_some_and(|t| t.eq_ignore_ascii_case(word.as_bytes()))
        .then_some(end)
}

/// The end of the white space `\s+` takes at `at` in `h`: `Some(None)`
/// when there is none, `None` when a non-ASCII character follows the
/// ASCII white space, which may be white space too.
fn spaces_at(h: &[u8], at: usize) -> Option<Option<usize>> {
    let mut i = at;
    while h.get(i).is_some_and(|&b| is_ascii_space(b)) {
        i += 1;
    }
    if h.get(i).is_some_and(|&b| !b.is_ascii()) {
        return None;
    }
    Some((i > at).then_some(i))
}

/// [`all_users_at`] after the lead word and `done` of the up to three
/// `\s+(?:of\s+)?[*_(]*(?:our|the|...)[*_)]*`, which end at `at`.
fn all_users_after(h: &[u8], at: usize, done: usize) -> Option<Option<(usize, ShareOf)>> {
    let run = |mut i: usize, set: &[u8]| {
        while h.get(i).is_some_and(|b| set.contains(b)) {
            i += 1;
        }
        i
    };
    // One more adjective first (greedy), then the noun.
    if done < 3 {
        if let Some(s) = spaces_at(h, at)? {
            let of = match word_at(h, s, "of") {
                Some(of) => spaces_at(h, of)?,
                None => None,
            };
            for i in [of, Some(s)].into_iter().flatten() {
                let i = run(i, b"*_(");
                for w in ALL_USERS_ADJECTIVES {
                    if let Some(e) = word_at(h, i, w) {
                        let e = run(e, b"*_)");
                        if let Some(m) = all_users_after(h, e, done + 1)? {
                            return Some(Some(m));
                        }
                    }
                }
            }
        }
    }
    let Some(s) = spaces_at(h, at)? else {
        return Some(None);
    };
    let i = run(s, b"*_");
    // `nouns?(?-u:\b)` at `at`: with the `s` first (greedy).
    let plural = |at: usize, noun: &str| {
        let e = word_at(h, at, noun)?;
        if matches!(h.get(e), Some(b's' | b'S')) && !is_word_byte_at(h, e + 1) {
            Some(e + 1)
        } else {
            (!is_word_byte_at(h, e)).then_some(e)
        }
    };
    let found = |e: usize| Some(Some((e, share_of_noun(&h[i..e]))));
    for noun in ["user", "customer", "diner"] {
        if let Some(e) = plural(i, noun) {
            return found(e);
        }
    }
    if let Some(e) = word_at(h, i, "people").filter(|&e| !is_word_byte_at(h, e)) {
        return found(e);
    }
    for noun in ["client", "visitor", "shopper"] {
        if let Some(e) = plural(i, noun) {
            return found(e);
        }
    }
    // `(?:pizza\s+)?orders?`, `(?:order\s+)?requests?`: with the word
    // before first (greedy).
    for (before, noun) in [("pizza", "order"), ("order", "request")] {
        if let Some(b) = word_at(h, i, before) {
            if let Some(e) = spaces_at(h, b)?.and_then(|s| plural(s, noun)) {
                return found(e);
            }
        }
        if let Some(e) = plural(i, noun) {
            return found(e);
        }
    }
    for noun in ["purchase", "checkout"] {
        if let Some(e) = plural(i, noun) {
            return found(e);
        }
    }
    Some(None)
}

/// What a match of [`ALL_USERS`] is a share of, by its group `who`: users
/// unless it names orders, requests, purchases or checkouts.
fn share_of(who: Option<Group>) -> ShareOf {
    who.map_or(ShareOf::Users, |w| share_of_noun(w.as_str().as_bytes()))
}

/// What a noun of [`ALL_USERS`] (its group `who`) is a share of: users
/// when it ends with one of [`USER_NOUNS`] or is `people`, in any case.
fn share_of_noun(who: &[u8]) -> ShareOf {
    let ends = |n: &str| {
        who.len() >= n.len() && who[who.len() - n.len()..].eq_ignore_ascii_case(n.as_bytes())
    };
    if USER_NOUNS.words.iter().any(|n| ends(n)) || who.eq_ignore_ascii_case(b"people") {
        ShareOf::Users
    } else {
        ShareOf::Requests
    }
}

/// "all users", "every active customer", "everyone": all of some group.
const ALL_USERS_PATTERN: &str = r"(?-u:\b)(?:all|every|each)(?-u:\b)(?:\s+(?:of\s+)?[*_(]*(?:our|the|active|current|jwt|pizza|jwt-pizza|affected|real|paying|external|online|simulated|test)[*_)]*){0,3}\s+[*_]*(?P<who>users?|customers?|diners?|people|clients?|visitors?|shoppers?|(?:pizza\s+)?orders?|(?:order\s+)?requests?|purchases?|checkouts?)(?-u:\b)|(?-u:\b)everyone(?-u:\b)";

/// [`ALL_USERS_PATTERN`], searched for in a whole text.
static ALL_USERS: LazyLock<Twin> = LazyLock::new(|| Twin::new(&format!("(?i){ALL_USERS_PATTERN}")));

/// [`ALL_USERS_PATTERN`] at the start of a text only.
static ALL_USERS_AT: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(&format!("(?i)^(?:{ALL_USERS_PATTERN})")));

static FAILURE_WORDS: LazyLock<Twin> =
    LazyLock::new(|| Twin::new(&format!("(?i){}", FAILURES.join("|"))));

static SUPPORT_CONTEXT: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)^[^.;!?]{0,40}?(?-u:\b)(?:submitted|filed|raised|received|opened|logged|came in|reported|to support|from (?:customers|users)|by (?:customers|users))(?-u:\b)",
    )
});

/// The words [`FAILURE_WORDS`] looks for, lower-cased.
const FAILURES: &[&str] = &[
    "fail",
    "error",
    "block",
    "unfulfil",
    "lost",
    "reject",
    "drop",
    "timed out",
    "time out",
    "unable",
    "could not",
    "couldn't",
    "not be",
];

/// True when `sentence` says something failed ([`FAILURE_WORDS`]).
fn mentions_failure(sentence: &str) -> bool {
    let cues = Cues::of(sentence);
    cues.has_any(FAILURES) && (cues.is_exact() || FAILURE_WORDS.is_match(sentence))
}

/// True when [`SUPPORT_CONTEXT`] matches `text`: it has one of its words.
/// Only the start of the text is read: a match, anchored, ends within 40
/// characters (160 bytes) and a word of at most 14 characters, and its
/// word boundary looks at the byte after it: within 175 bytes. A character
/// that folds to an ASCII letter (`ſ` for `s` is two bytes) makes a word
/// longer in bytes, and only one within the first 203 bytes can make a
/// match: no match reads more (40 characters of at most four bytes, a word
/// of 14 characters of at most three, the byte after). So the cost does not
/// grow with the text, however many words ask about the rest of a block.
fn support_context(text: &str) -> bool {
    let cut = |len: usize| {
        let mut cut = text.len().min(len);
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        cut
    };
    let head = &text[..cut(203)];
    let text = if folds_to_ascii(head) {
        head
    } else {
        &text[..cut(175)]
    };
    let cues = Cues::of(text);
    cues.has_any(&[
        "submitted",
        "filed",
        "raised",
        "received",
        "opened",
        "logged",
        "came in",
        "reported",
        "to support",
        "customers",
        "users",
    ]) && SUPPORT_CONTEXT.is_match(text)
}

/// Where the sentences and lines of one block of text end, found once,
/// when a figure first asks: reading the sentence or the line around each
/// of many numbers then costs a search, not a walk over the text before or
/// after it, so that a long block full of numbers costs its length, not its
/// length times their number.
struct Marks<'t> {
    text: &'t str,
    /// The offsets of the sentence stops `.`, `;`, `!`, `?`, and of the
    /// line ends.
    stops: OnceCell<(Vec<usize>, Vec<usize>)>,
    /// The last sentence [`Marks::mentions_failure`] read, and its answer.
    failure: Cell<Option<(usize, usize, bool)>>,
}

impl<'t> Marks<'t> {
    fn new(text: &'t str) -> Marks<'t> {
        Marks {
            text,
            stops: OnceCell::new(),
            failure: Cell::new(None),
        }
    }

    /// The sentence stops and the line ends, by offset.
    fn stops(&self) -> &(Vec<usize>, Vec<usize>) {
        self.stops.get_or_init(|| {
            let (mut stops, mut lines) = (Vec::new(), Vec::new());
            for (i, b) in self.text.bytes().enumerate() {
                match b {
                    b'.' | b';' | b'!' | b'?' => stops.push(i),
                    b'\n' => lines.push(i),
                    _ => {}
                }
            }
            (stops, lines)
        })
    }

    /// The sentence around `start..end`: from just after the last stop
    /// before `start` (or the start of the text) to the first stop or line
    /// end at or after `end` (or the end of the text).
    fn sentence(&self, start: usize, end: usize) -> Range<usize> {
        let (stops, lines) = self.stops();
        let from = match stops.partition_point(|&i| i < start) {
            0 => 0,
            k => stops[k - 1] + 1,
        };
        let first = |v: &[usize]| v.get(v.partition_point(|&i| i < end)).copied();
        let to = first(stops)
            .into_iter()
            .chain(first(lines))
            .min()
            .unwrap_or(self.text.len());
        from..to
    }

    /// [`mentions_failure`] of the sentence around `start..end`, read once
    /// for the numbers of one sentence.
    fn mentions_failure(&self, start: usize, end: usize) -> bool {
        let Range { start, end } = self.sentence(start, end);
        if let Some((s, e, said)) = self.failure.get() {
            if (s, e) == (start, end) {
                return said;
            }
        }
        let said = mentions_failure(&self.text[start..end]);
        self.failure.set(Some((start, end, said)));
        said
    }

    /// Where the line that holds offset `at` starts.
    fn line_start(&self, at: usize) -> usize {
        let lines = &self.stops().1;
        match lines.partition_point(|&i| i < at) {
            0 => 0,
            k => lines[k - 1] + 1,
        }
    }
}

/// Reads the figures of one block of text that starts at byte `base`.
/// `quantities` is a buffer for the numbers of the block.
fn read_figures(
    text: &str,
    base: usize,
    section: usize,
    quantities: &mut Vec<Quantity>,
    out: &mut Vec<Figure>,
) {
    // The block's figures go straight to `out`, then are put in order there.
    let first = out.len();
    let marks = Marks::new(text);
    // A figure for `q` when the words around it say what it counts.
    let figure = |q: Quantity, worded: bool| {
        let (measure, end) = classify(&marks, &q, worded)?;
        let span = q.span.start + base..end + base;
        let quantity = Quantity {
            span: q.span.start + base..q.span.end + base,
            ..q
        };
        Some(Figure {
            measure,
            span,
            quantity,
            section,
            worded,
        })
    };
    // The words "no", "zero" … ([`no_count_at`]) and "all users" …
    // ([`AllUsers`]) start with a letter: they are read at the word starts
    // the number scanner passes, else in a pass of their own.
    let h = text.as_bytes();
    let folds = folds_to_ascii(text);
    let mut zeros: Vec<Figure> = Vec::new();
    let mut all = AllUsers::default();
    let mut word = |s: usize| {
        // The first two letters of every word either reads, in any case:
        // most words are passed over on them.
        let second = h.get(s + 1).map_or(0, |b| b | 0x20);
        match (h[s] | 0x20, second) {
            (b'n', b'o') | (b'z', b'e') | (b'b', b'e') | (b'w', b'i') => {
                if let Some(end) = no_count_at(h, s) {
                    let zero = Quantity {
                        span: s..end,
                        low: 0.0,
                        high: 0.0,
                        approximate: false,
                        negative: false,
                    };
                    zeros.extend(figure(zero, true));
                }
            }
            (b'a', b'l') | (b'e', b'v' | b'a') if !folds => all.at(text, s),
            _ => {}
        }
    };
    quantities.clear();
    let read = find_quantities_with(text, quantities, &mut word);
    if !read {
        WordStarts::new(h).for_each(&mut word);
    }
    out.extend(quantities.drain(..).filter_map(|q| figure(q, false)));
    out.append(&mut zeros);
    let shares = if folds {
        all_users_searched(text)
    } else {
        all.found
    };
    for (m, of) in shares {
        let span = m.start + base..m.end + base;
        out.push(Figure {
            measure: Measure::Share(of),
            quantity: Quantity {
                span: span.clone(),
                low: 100.0,
                high: 100.0,
                approximate: false,
                negative: false,
            },
            span,
            section,
            worded: true,
        });
    }
    out[first..].sort_by_key(|f| f.span.start);
}

/// What a quantity counts, and where the phrase naming it ends (relative
/// to `text`). `zero_word` is set for "no"/"zero", which cannot be shares.
fn classify(marks: &Marks<'_>, q: &Quantity, zero_word: bool) -> Option<(Measure, usize)> {
    let text = marks.text;
    let rest = &text[q.span.end..];
    let mut toks = Tokens::new(rest).take(14).peekable();
    let before = &text[..q.span.start];
    let Some(first) = toks.peek() else {
        return label_measure(marks, before, q);
    };
    // The last three words before the number, last first; read only when
    // needed.
    let before_words = || {
        let near = floor_boundary(before, before.len().saturating_sub(80));
        let last_three = |from: usize| {
            let mut last: [Option<Token>; 3] = [None, None, None];
            for t in Tokens::new(&before[from..]) {
                last[2] = last[1].take();
                last[1] = last[0].take();
                last[0] = Some(t);
            }
            last
        };
        // Most often the last 24 bytes hold three words. The tokens after
        // white space are the same wherever before it the reading starts:
        // no token holds white space.
        let close = before.len().saturating_sub(24);
        if close > near {
            let space = before.as_bytes()[near..close]
                .iter()
                .rposition(u8::is_ascii_whitespace);
            if let Some(space) = space {
                let last = last_three(near + space + 1);
                if last[2].is_some() {
                    return last;
                }
            }
        }
        last_three(near)
    };
    if !zero_word && (first.eq("%") || first.eq("percent")) {
        toks.next();
        return classify_share(toks, before_words).map(|(m, e)| (m, q.span.end + e));
    }
    let mut words = 0;
    let mut support_said = false;
    let mut social_said = false;
    let mut read = || {
        while let Some(t) = toks.next() {
            // "7 of 12 users", "3/8 customers": skip the denominator.
            if (t.eq("of") || t.eq("/")) && toks.peek().is_some_and(Token::is_number) && !zero_word
            {
                toks.next();
                continue;
            }
            if t.eq("out") && toks.peek().is_some_and(|n| n.eq("of")) {
                continue;
            }
            if is_stop(&t)
                || t.is_number()
                || t.is_in(&UNITS)
                || t.is_in(&PHRASE_ENDS)
                || !t.is_word()
            {
                return label_measure(marks, before, q);
            }
            let next = toks.peek();
            let next_is = |words: &[&str]| next.is_some_and(|n| n.is(words));
            let end = q.span.end + t.end;
            if t.eq("support") {
                support_said = true;
            } else if t.is(&["social", "media", "twitter", "reddit"]) {
                social_said = true;
            } else if t.is_in(&USER_NOUNS)
                && !next_is(&[
                    "orders",
                    "order",
                    "requests",
                    "tickets",
                    "support",
                    "complaints",
                    "transactions",
                    "count",
                    "data",
                    "service",
                ])
            {
                return Some((Measure::Users, end));
            } else if t.is_in(&SUPPORT_NOUNS) {
                return (!next_is(&["count", "number", "data", "system"]))
                    .then_some((Measure::Support, end));
            } else if t.is_in(&SOCIAL_NOUNS)
                && (social_said
                    || t.text
                        .get(..5)
                        .is_some_and(|p| p.eq_ignore_ascii_case("tweet")))
            {
                return Some((Measure::Social, end));
            } else if t.is_in(&CONTACT_NOUNS) && (support_said || support_context(&rest[t.end..])) {
                return Some((Measure::Support, end));
            } else if t.is_in(&REQUEST_NOUNS)
                && !t.is(&["sessions", "traffic", "calls"])
                && marks.mentions_failure(q.span.start, q.span.end)
            {
                return Some((Measure::Failed, end));
            }
            words += 1;
            if words >= 4 {
                break;
            }
        }
        label_measure(marks, before, q)
    };
    let found = read()?;
    // "1 user of 3 active users": the second number is the population.
    if before_words()[0]
        .as_ref()
        .is_some_and(|w| w.eq("of") || w.eq("/"))
    {
        return None;
    }
    Some(found)
}

/// After `N%`: a share when "of" (or filler words) lead to users or
/// requests, or when "affected"/"impacted" comes just before.
/// `before_words` gives the last three words before the number, last first.
fn classify_share<'t>(
    toks: std::iter::Peekable<impl Iterator<Item = Token<'t>>>,
    before_words: impl FnOnce() -> [Option<Token<'t>>; 3],
) -> Option<(Measure, usize)> {
    let mut toks = toks;
    let of = toks.peek().is_some_and(|t| t.eq("of"));
    let mut unknown = 0;
    for t in toks.take(8) {
        if is_stop(&t) && !t.eq("(") || t.is_number() || !t.is_word() && !t.eq("(") {
            break;
        }
        if t.is_in(&USER_NOUNS) {
            return Some((Measure::Share(ShareOf::Users), t.end));
        }
        if t.is_in(&REQUEST_NOUNS) {
            return Some((Measure::Share(ShareOf::Requests), t.end));
        }
        if !t.is_in(&SHARE_FILLERS) {
            unknown += 1;
            if !of || unknown > 3 {
                break;
            }
        }
    }
    let affected = before_words()
        .iter()
        .flatten()
        .any(|w| w.is(&["affected", "impacted", "affecting", "impacting"]));
    affected.then_some((Measure::Share(ShareOf::Users), 0))
}

/// "**Users affected:** 212", "Support tickets: 4": a label right before the number.
///
/// The label's end is found first, then the line's start among the line
/// ends of the block ([`Marks`]): a long line of numbers costs its length,
/// not its length times their number. `before` is the block's text before
/// the number.
fn label_measure(marks: &Marks<'_>, before: &str, q: &Quantity) -> Option<(Measure, usize)> {
    let label = before
        .trim_end_matches([' ', '*', '_', '`', '~'])
        .strip_suffix(':')?;
    let label = &label[marks.line_start(label.len())..];
    let words: Vec<Token> = Tokens::new(label).take(8).collect();
    let has = |set: &[&str]| words.iter().any(|w| w.is(set));
    let has_in = |set: &Words| words.iter().any(|w| w.is_in(set));
    let measure = if has_in(&SUPPORT_NOUNS) || has(&["support"]) {
        Measure::Support
    } else if has_in(&USER_NOUNS) {
        Measure::Users
    } else if has_in(&REQUEST_NOUNS) && has(&["failed", "failing", "failures", "errors"]) {
        Measure::Failed
    } else {
        return None;
    };
    Some((measure, q.span.end))
}

/// Approximation words a duration may start with (the time parser may or
/// may not include them in the duration's span).
const APPROX: &str = r"(?:\s+(?:a max(?:imum)? of|about|approximately|approx\.?|around|roughly|nearly|almost|just|exactly|only|over|under|somewhere between|an?|the|~))*[\s*_`~:(]*$";

/// "For 36 minutes, …" at the start of a sentence, or a "Duration:" label.
static LENGTH_LEAD: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(&format!(
        r"(?i)(?:^|[.!?:]\s+|\n)[\s*_`>-]*(?:for|over|lasting)(?:\s+a (?:period|total) of)?{APPROX}|(?-u:\b)duration(?-u:\b)[\s*_`]*:?{APPROX}"
    ))
});

/// The words a match of [`APPROX`] can end with, once the run of
/// `[\s*_`~:(]` after them is dropped: its approximation words and the
/// words that can come before it in [`LENGTH_LEAD`] and [`LENGTH_VERB`].
const LEAD_ENDS: &[&str] = &[
    "for",
    "over",
    "lasting",
    "lasted",
    "lasts",
    "spanned",
    "spanning",
    "of",
    "duration",
    "about",
    "approximately",
    "approx",
    "approx.",
    "around",
    "roughly",
    "nearly",
    "almost",
    "just",
    "exactly",
    "only",
    "under",
    "between",
    "an",
    "a",
    "the",
];

/// The first `end` bytes of `text` without the run of `[\s*_`~:(]` that
/// ends them, where every match of a pattern ending in [`APPROX`] ends.
/// `None` when a non-ASCII byte is near that end (in the run, or among
/// the bytes the longest of [`LEAD_ENDS`] could take up if written with
/// letters that fold to ASCII ones, like `ſ`): then `\s` and case folding
/// need the pattern. Non-ASCII text further back does not matter.
fn lead_words<'t>(text: &Prepared<'t>, end: usize) -> Option<&'t [u8]> {
    /// The bytes "approximately" takes up written in 3-byte letters.
    const REACH: usize = 3 * 13;
    let h = &text.text().as_bytes()[..end];
    let trailing = h
        .iter()
        .rev()
        .take_while(|&&b| is_ascii_space(b) || matches!(b, b'*' | b'_' | b'`' | b'~' | b':' | b'('))
        .count();
    let t = &h[..h.len() - trailing];
    t[t.len().saturating_sub(REACH + 1)..]
        .is_ascii()
        .then_some(t)
}

/// Whether `t` ends with `w`, in any case.
fn ends_with_word(t: &[u8], w: &str) -> bool {
    t.len() >= w.len() && t[t.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// Whether a pattern that ends in [`APPROX`] may match the first `end`
/// bytes of `text`: on an ASCII text, only if they end with one of
/// [`LEAD_ENDS`] (a test checks this against the patterns).
fn may_end_a_lead(text: &Prepared<'_>, end: usize) -> bool {
    lead_words(text, end).is_none_or(|t| LEAD_ENDS.iter().any(|w| ends_with_word(t, w)))
}

/// Whether [`LENGTH_LEAD`] matches `before`, decided on an ASCII text by a
/// byte scan when it can be, else by the pattern.
///
/// A text that, once the run that ends every match is dropped, ends with
/// none of [`LEAD_ENDS`] cannot match. One that ends with `for`, `over`
/// or `lasting` just after the start of the text, a line or a sentence
/// (and `[\s*_`>-]`) matches.
fn length_lead(text: &Prepared<'_>, end: usize) -> bool {
    let Some(t) = lead_words(text, end) else {
        return LENGTH_LEAD.is_match_in(text, 0..end);
    };
    let leads = ["for", "over", "lasting"].iter().any(|w| {
        if !ends_with_word(t, w) {
            return false;
        }
        let k = t.len() - w.len();
        let j = k - t[..k]
            .iter()
            .rev()
            .take_while(|&&b| is_ascii_space(b) || matches!(b, b'*' | b'_' | b'`' | b'>' | b'-'))
            .count();
        j == 0
            || t[j..k].contains(&b'\n')
            || matches!(t[j - 1], b'.' | b'!' | b'?' | b':') && j < k && is_ascii_space(t[j])
    });
    leads || may_end_a_lead(text, end) && LENGTH_LEAD.is_match_in(text, 0..end)
}

/// "… users could not order for 20 minutes", "the outage lasted an hour":
/// a length word after a subject that is the incident.
static LENGTH_VERB: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(&format!(
        r"(?i)(?-u:\b)(?:incident|outage|impact|issue|event|disruption|downtime|problem|attack|users|customers|diners|orders|ordering|purchases|service|site|application|app|everyone)(?-u:\b)(?:\s+[^\s.!?;]+){{0,4}}?\s+(?:for|lasted|lasting|lasts|spanned|spanning|for a (?:period|total) of|over the course of){APPROX}"
    ))
});

static LENGTH_AFTER: LazyLock<Plain> = LazyLock::new(|| {
    Plain::new(
        r"(?i)^[\s*_`)]*(?:of (?:downtime|outage|disruption|impact)|(?:long )?(?:outage|incident|disruption)(?-u:\b)|in total(?-u:\b))",
    )
});

/// Reads which of `found`, the durations of one block of text that starts
/// at byte `base` (spans relative to it), are the incident's length.
///
/// The patterns read the words just before or after each duration, but
/// their texts run to the start of the block or sentence and to the end of
/// the block; the text is prepared once and the sentence's start carried
/// from one duration to the next, so that a long block full of durations
/// costs what its words cost, not its length times their number.
fn read_durations(
    text: &str,
    found: &[StatedDuration],
    base: usize,
    section: usize,
    out: &mut Vec<Duration>,
) {
    // Most blocks state no duration: nothing to prepare.
    if found.is_empty() {
        return;
    }
    let prepared = Prepared::new(text);
    // The start of the sentence, just after the last stop before `seen`.
    let (mut sentence, mut seen) = (0, 0);
    for d in found {
        let (start, end) = (d.span.start, d.span.end);
        if !text.is_char_boundary(start) || start > text.len() {
            continue;
        }
        if start < seen {
            (sentence, seen) = (0, 0);
        }
        // A byte search: no byte of a longer character is one of these.
        if let Some(i) = text.as_bytes()[seen..start]
            .iter()
            .rposition(|b| matches!(b, b'.' | b'!' | b'?' | b';'))
        {
            sentence = seen + i + 1;
        }
        seen = start;
        let after = if text.is_char_boundary(end) {
            end..text.len()
        } else {
            text.len()..text.len()
        };
        let incident_length = length_lead(&prepared, start)
            || may_end_a_lead(&prepared, start)
                && LENGTH_VERB.is_match_in(&prepared, sentence..start)
            || LENGTH_AFTER.is_match_in(&prepared, after);
        out.push(Duration {
            span: d.span.start + base..d.span.end + base,
            seconds: d.seconds,
            approximate: d.approximate,
            section,
            incident_length,
        });
    }
}

/// The level words of [`SEVERITY`] (`high severity`, `a critical incident`).
const LEVEL_WORDS: [&str; 9] = [
    "critical", "high", "medium", "mid", "moderate", "low", "major", "minor", "severe",
];

static SEVERITY: LazyLock<Plain> = LazyLock::new(|| {
    let levels = LEVEL_WORDS.join("|");
    Plain::new(&format!(
        r"(?i)(?-u:\b)sev(?:erity)?[-\s]?[0-5](?-u:\b)|(?-u:\b)(?:{levels})[*_]*[- ]severity(?-u:\b)|(?-u:\b)severity(?-u:\b)[^.\n]{{0,30}}?(?:(?-u:\b)was|(?-u:\b)is|:)[\s*_]*(?:(?:a|an|level|of)\s+)*[*_]*(?:{levels}|[0-5]|sev-?[0-5]|p[0-4])(?-u:\b)|(?-u:\b)(?:{levels})[*_]*[- ](?:[a-z]+ )?(?:incident|outage|event)(?-u:\b)|(?-u:\b)priority[\W_]{{0,6}}p?[0-4](?-u:\b)|(?-u:\b)(?:is|was|as) an? (?-i:P[0-4])(?-u:\b)|(?-u:\b)(?-i:P[0-4])[- ](?:incident|outage|severity)(?-u:\b)"
    ))
});

/// The words [`SeverityCues::of`] looks for, in lower case: `sev`,
/// `priority`, then the nouns after a level word; searched for together,
/// in one pass. Leftmost-first finds every occurrence that makes a place:
/// no word starts inside another's occurrence but a noun (`seventeen`),
/// and a noun makes a place only after a space or `-`, which no word holds.
static SEVERITY_WORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(["sev", "priority", "incident", "outage", "event"])
        .expect("valid words")
});

/// Where [`SEVERITY`] may match in a document, found in one pass over it,
/// so that the pattern runs only on the blocks that hold such a place.
///
/// Every match of the pattern holds, in any case, `sev` as
/// [`sev_may_match`] has it, `priority`, `P0` to `P4` (in capitals), or a
/// level word of [`LEVEL_WORDS`] and the noun after it (`major
/// customer-facing outage`); a span with none of them cannot match. A place starts at its level word for `high severity`, and no
/// match starts more than 7 bytes before the place it holds (`was an P1`).
#[derive(Debug)]
struct SeverityCues {
    /// The places, by start (then end).
    found: Vec<Span>,
    /// The document has a character that folds to an ASCII letter
    /// ([`FOLDS_TO_ASCII`](crate::model::pattern::FOLDS_TO_ASCII)): every
    /// span may match.
    folds: bool,
}

impl SeverityCues {
    fn of(source: &str) -> SeverityCues {
        if folds_to_ascii(source) {
            return SeverityCues {
                found: Vec::new(),
                folds: true,
            };
        }
        let lower = source.to_ascii_lowercase();
        let lower = lower.as_bytes();
        let mut found = Vec::new();
        for m in SEVERITY_WORDS.find_iter(lower) {
            let at = m.start();
            match m.pattern().as_usize() {
                // `high severity` starts before its `sev`.
                0 if sev_may_match(lower, at) => {
                    found.push(level_ending(&lower[..at]).unwrap_or(at)..m.end())
                }
                0 => {}
                1 => found.push(at..m.end()),
                _ => {
                    if let Some(start) = level_before(&lower[..at]) {
                        found.push(start..m.end());
                    }
                }
            }
        }
        found.extend(
            memchr::memchr_iter(b'P', source.as_bytes())
                .filter(|&at| matches!(source.as_bytes().get(at + 1), Some(b'0'..=b'4')))
                .map(|at| at..at + 2),
        );
        found.sort_by_key(|s| (s.start, s.end));
        SeverityCues {
            found,
            folds: false,
        }
    }

    /// The match of [`SEVERITY`] in `span`'s `text`, relative to it, when
    /// a byte scan can tell: the span's first place is a `sev` that starts
    /// a word and is followed by `erity`, a `-` or white space and a level
    /// `0` to `5` (`SEV-2`, `Severity 1`), the pattern's first alternative,
    /// and no other place lies within 8 bytes of it, so that no match can
    /// start before it. `None` when the pattern must decide.
    fn sev_level(&self, span: &Span, text: &str) -> Option<Span> {
        if self.folds {
            return None;
        }
        let first = self.found.partition_point(|s| s.start < span.start);
        let mut places = self.found[first..]
            .iter()
            .take_while(|s| s.start < span.end)
            .filter(|s| s.end <= span.end)
            .map(|s| s.start - span.start);
        let p = places.next()?;
        if places.next().is_some_and(|q| q < p + 8) {
            return None;
        }
        let h = text.as_bytes();
        if !h.get(p..p + 3)?.eq_ignore_ascii_case(b"sev") || p > 0 && is_word_byte_at(h, p - 1) {
            return None;
        }
        let mut i = p + 3;
        if h.get(i..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"erity"))
        {
            i += 5;
        }
        let level =
            |at: usize| matches!(h.get(at), Some(b'0'..=b'5')) && !is_word_byte_at(h, at + 1);
        if h.get(i).is_some_and(|&b| b == b'-' || is_ascii_space(b)) && level(i + 1) {
            Some(p..i + 2)
        } else if level(i) {
            Some(p..i + 1)
        } else {
            None
        }
    }

    /// Where in `span` a match of [`SEVERITY`] may start, relative to the
    /// span: `None` when the pattern cannot match its text.
    ///
    /// Every match starts at most 7 bytes before a place (`was an P1`), so
    /// none starts before the first place less 7; the offset given is at or
    /// before that, after a byte that is no word character (or at 0), where
    /// the pattern's ASCII word boundaries see the same as in the whole
    /// text.
    fn first_start(&self, span: &Span, text: &str) -> Option<usize> {
        if self.folds {
            return Some(0);
        }
        let first = self.found.partition_point(|s| s.start < span.start);
        let place = self.found[first..]
            .iter()
            .take_while(|s| s.start < span.end)
            .filter(|s| s.end <= span.end)
            .map(|s| s.start)
            .min()?;
        let bytes = text.as_bytes();
        let mut at = (place - span.start).saturating_sub(7);
        while at > 0
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] >= 0x80
                || bytes[at - 1] == b'_')
        {
            at -= 1;
        }
        Some(at)
    }
}

/// True when the `sev` at `at` in `lower` (lower case) may be part of a
/// match of [`SEVERITY`]: every `sev` of a match starts a word (ASCII
/// boundary) and goes on with `erity`, or with a level `0` to `5` after
/// maybe a `-` or white space; a non-ASCII character after it may be
/// white space. Not `several`, `seven`, `severe`.
fn sev_may_match(lower: &[u8], at: usize) -> bool {
    let rest = &lower[at + 3..];
    let level = |b: Option<&u8>| matches!(b, Some(b'0'..=b'5'));
    (at == 0 || !is_word_byte_at(lower, at - 1))
        && (rest.starts_with(b"erity")
            || level(rest.first())
            || rest
                .first()
                .is_some_and(|&b| b == b'-' || is_ascii_space(b))
                && level(rest.get(1))
            || rest.first().is_some_and(|&b| !b.is_ascii()))
}

/// Where a level word of [`LEVEL_WORDS`] starts when `before` (lower case)
/// ends with it, `[*_]*` and a space or hyphen, as [`SEVERITY`] has it
/// before `severity` or a noun.
fn level_ending(before: &[u8]) -> Option<usize> {
    let (&last, rest) = before.split_last()?;
    if !matches!(last, b'-' | b' ') {
        return None;
    }
    let stars = rest
        .iter()
        .rev()
        .take_while(|b| matches!(b, b'*' | b'_'))
        .count();
    let rest = &rest[..rest.len() - stars];
    // Most words before a noun end with no level word's last letter.
    let last = rest.last()?;
    LEVEL_WORDS
        .iter()
        .find(|w| w.as_bytes().last() == Some(last) && rest.ends_with(w.as_bytes()))
        .map(|w| rest.len() - w.len())
}

/// Where the level word starts, the earliest, when `before` (lower case)
/// ends as [`SEVERITY`] has it before `incident`, `outage` or `event`:
/// [`level_ending`], maybe with one more word and a space after it.
fn level_before(before: &[u8]) -> Option<usize> {
    let n = before.len();
    // `(?:[a-z]+ )?`: a whole run of letters, or none.
    let with_word = if n >= 2 && before[n - 1] == b' ' {
        let letters = before[..n - 1]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        (letters > 0)
            .then(|| level_ending(&before[..n - 1 - letters]))
            .flatten()
    } else {
        None
    };
    match (with_word, level_ending(before)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The first match of [`SEVERITY`] in `text` that starts at or after
/// `from` (which is 0 or follows a byte that is no word character), read
/// by a byte scanner in a text with no character that folds to an ASCII
/// letter: at each word start, the pattern's alternatives in its order.
/// `None` when a non-ASCII character stands where the pattern reads white
/// space (`\s`) or a non-word character (`\W`), both Unicode-aware: the
/// pattern must decide. Elsewhere a non-ASCII character matches only
/// `[^.\n]`, counted in characters, and the word boundaries are ASCII ones.
fn severity_scan(text: &str, from: usize) -> Option<Option<Span>> {
    let h = text.as_bytes();
    for s in from..h.len() {
        if is_word_byte_at(h, s) && (s == 0 || !is_word_byte_at(h, s - 1)) {
            if let Some(end) = severity_at(h, s)? {
                return Some(Some(s..end));
            }
        }
    }
    Some(None)
}

/// The end of the match of [`SEVERITY`] at the word start `s` of `h`, for
/// [`severity_scan`]. Each repeat of the pattern here can take only as
/// much as it takes greedily: what follows it cannot start with what it
/// gives back.
fn severity_at(h: &[u8], s: usize) -> Option<Option<usize>> {
    let ends = |at: usize| !is_word_byte_at(h, at);
    let level = |at: usize, top: u8| h.get(at).is_some_and(|&b| (b'0'..=top).contains(&b));
    let run = |mut i: usize, set: &[u8]| {
        while h.get(i).is_some_and(|b| set.contains(b)) {
            i += 1;
        }
        i
    };
    let level_word = |at: usize| LEVEL_WORDS.iter().find_map(|w| word_at(h, at, w));
    let noun = |at: usize, nouns: &[&str]| {
        nouns
            .iter()
            .find_map(|w| word_at(h, at, w))
            .filter(|&e| ends(e))
    };
    // `sev(?:erity)?[-\s]?[0-5]\b`
    if let Some(e) = word_at(h, s, "sev") {
        for i in [word_at(h, e, "erity"), Some(e)].into_iter().flatten() {
            match h.get(i) {
                Some(&b) if b == b'-' || is_ascii_space(b) => {
                    if level(i + 1, b'5') && ends(i + 2) {
                        return Some(Some(i + 2));
                    }
                }
                Some(b) if !b.is_ascii() => return None,
                _ => {
                    if level(i, b'5') && ends(i + 1) {
                        return Some(Some(i + 1));
                    }
                }
            }
        }
    }
    // `(?:levels)[*_]*[- ]severity\b`
    let after_level = level_word(s)
        .map(|e| run(e, b"*_"))
        .filter(|&i| matches!(h.get(i), Some(b'-' | b' ')))
        .map(|i| i + 1);
    if let Some(e) = after_level.and_then(|i| noun(i, &["severity"])) {
        return Some(Some(e));
    }
    // `severity\b[^.\n]{0,30}?(?:\bwas|\bis|:)...`
    if let Some(e) = word_at(h, s, "severity").filter(|&e| ends(e)) {
        let mut p = e;
        for k in 0..=30 {
            let after_word = !is_word_byte_at(h, p - 1);
            let heads = [
                word_at(h, p, "was").filter(|_| after_word),
                word_at(h, p, "is").filter(|_| after_word),
                (h.get(p) == Some(&b':')).then_some(p + 1),
            ];
            for q in heads.into_iter().flatten() {
                if let Some(end) = severity_level(h, q)? {
                    return Some(Some(end));
                }
            }
            match h.get(p) {
                None | Some(b'.' | b'\n') => break,
                Some(_) if k == 30 => break,
                Some(&b) => p += utf8_len(b),
            }
        }
    }
    // `(?:levels)[*_]*[- ](?:[a-z]+ )?(?:incident|outage|event)\b`
    if let Some(i) = after_level {
        const NOUNS: &[&str] = &["incident", "outage", "event"];
        let j = run(i, b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        let with_word = (j > i && h.get(j) == Some(&b' '))
            .then(|| noun(j + 1, NOUNS))
            .flatten();
        if let Some(e) = with_word.or_else(|| noun(i, NOUNS)) {
            return Some(Some(e));
        }
    }
    // `priority[\W_]{0,6}p?[0-4]\b`
    if let Some(e) = word_at(h, s, "priority") {
        let mut i = e;
        while i < e + 6 {
            match h.get(i) {
                Some(b) if !b.is_ascii() => return None,
                Some(b) if !b.is_ascii_alphanumeric() => i += 1,
                _ => break,
            }
        }
        if matches!(h.get(i), Some(b'p' | b'P')) && level(i + 1, b'4') && ends(i + 2) {
            return Some(Some(i + 2));
        }
        if level(i, b'4') && ends(i + 1) {
            return Some(Some(i + 1));
        }
    }
    // `(?:is|was|as) an? (?-i:P[0-4])\b`
    let verb = ["is", "was", "as"].iter().find_map(|w| word_at(h, s, w));
    if let Some(a) = verb
        .filter(|&e| h.get(e) == Some(&b' '))
        .and_then(|e| word_at(h, e + 1, "a"))
    {
        let p = if matches!(h.get(a), Some(b'n' | b'N')) && h.get(a + 1) == Some(&b' ') {
            Some(a + 2)
        } else {
            (h.get(a) == Some(&b' ')).then_some(a + 1)
        };
        if let Some(p) = p.filter(|&p| h.get(p) == Some(&b'P') && level(p + 1, b'4') && ends(p + 2))
        {
            return Some(Some(p + 2));
        }
    }
    // `(?-i:P[0-4])[- ](?:incident|outage|severity)\b`
    if h[s] == b'P' && level(s + 1, b'4') && matches!(h.get(s + 2), Some(b'-' | b' ')) {
        if let Some(e) = noun(s + 3, &["incident", "outage", "severity"]) {
            return Some(Some(e));
        }
    }
    Some(None)
}

/// The end of `[\s*_]*(?:(?:a|an|level|of)\s+)*[*_]*(?:levels|[0-5]|sev-?[0-5]|p[0-4])\b`
/// at `at` in `h`, for [`severity_at`]; `None` when a non-ASCII character
/// may be white space.
fn severity_level(h: &[u8], at: usize) -> Option<Option<usize>> {
    let ends = |at: usize| !is_word_byte_at(h, at);
    let mut i = at;
    while h
        .get(i)
        .is_some_and(|&b| is_ascii_space(b) || b == b'*' || b == b'_')
    {
        i += 1;
    }
    if h.get(i).is_some_and(|b| !b.is_ascii()) {
        return None;
    }
    // No level starts with what a repeat starts with: none is given back.
    loop {
        let mut next = None;
        for w in ["a", "an", "level", "of"] {
            if let Some(e) = word_at(h, i, w) {
                if let Some(e) = spaces_at(h, e)? {
                    next = Some(e);
                    break;
                }
            }
        }
        match next {
            Some(e) => i = e,
            None => break,
        }
    }
    while matches!(h.get(i), Some(b'*' | b'_')) {
        i += 1;
    }
    let digit = |at: usize, top: u8| h.get(at).is_some_and(|&b| (b'0'..=top).contains(&b));
    let end = LEVEL_WORDS
        .iter()
        .find_map(|w| word_at(h, i, w).filter(|&e| ends(e)))
        .or_else(|| (digit(i, b'5') && ends(i + 1)).then_some(i + 1))
        .or_else(|| {
            let e = word_at(h, i, "sev")?;
            let e = if h.get(e) == Some(&b'-') && digit(e + 1, b'5') && ends(e + 2) {
                e + 1
            } else {
                e
            };
            (digit(e, b'5') && ends(e + 1)).then_some(e + 1)
        })
        .or_else(|| {
            (matches!(h.get(i), Some(b'p' | b'P')) && digit(i + 1, b'4') && ends(i + 2))
                .then_some(i + 2)
        });
    Some(end)
}

/// The length of the UTF-8 character whose first byte is `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The severity a report states: front matter `severity`, else the first
/// mention in the title, a heading or the authored text (anywhere in the
/// file, so a preamble before the first section counts).
fn find_severity(report: &Report<'_>) -> Option<StatedSeverity> {
    if let Some(text) = report.front_matter.severity.as_deref() {
        if !text.trim().is_empty() {
            return Some(StatedSeverity {
                text: text.trim().to_string(),
                span: None,
            });
        }
    }
    let cues = SeverityCues::of(&report.doc.source);
    let found = |span: &Span| {
        let text = report.doc.text(span);
        let m = severity_in(&cues, span, text)?;
        Some(StatedSeverity {
            text: text[m.clone()].to_string(),
            span: Some(span.start + m.start..span.start + m.end),
        })
    };
    if let Some(s) = report.doc.headings.iter().find_map(|h| found(&h.span)) {
        return Some(s);
    }
    // "## Severity" followed by "High".
    for section in &report.sections {
        if section
            .heading_text
            .as_bytes()
            .windows(8)
            .any(|w| w.eq_ignore_ascii_case(b"severity"))
        {
            if let Some(first) = prose_spans(report, section).next() {
                let text = report.doc.text(&first).trim();
                if let Some(line) = text.lines().next().filter(|l| !l.is_empty()) {
                    return Some(StatedSeverity {
                        text: line.to_string(),
                        span: Some(first.clone()),
                    });
                }
            }
        }
    }
    report
        .doc
        .blocks
        .iter()
        .filter(|b| !report.is_template_text(b))
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph | BlockKind::TableRow { .. } => Some(&b.span),
            BlockKind::ListItem { .. } => Some(&b.own),
            BlockKind::Code { .. } | BlockKind::Quote { .. } | BlockKind::Html => None,
        })
        .find_map(found)
}

/// The first match of [`SEVERITY`] in `text`, the text of `span` of the
/// document `cues` were found in, relative to `text`: the byte scans first,
/// the pattern for what they hand back.
fn severity_in(cues: &SeverityCues, span: &Span, text: &str) -> Option<Span> {
    let from = cues.first_start(span, text)?;
    cues.sev_level(span, text).or_else(|| {
        if cues.folds {
            None
        } else {
            severity_scan(text, from)
        }
        .unwrap_or_else(|| {
            SEVERITY
                .find(&text[from..])
                .map(|m| from + m.start..from + m.end)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(Measure, f64, f64)> {
        let mut out = Vec::new();
        read_figures(text, 0, 0, &mut Vec::new(), &mut out);
        out.into_iter()
            .map(|f| (f.measure, f.quantity.low, f.quantity.high))
            .collect()
    }

    #[test]
    fn words_are_read_in_any_case() {
        for (text, lower) in [
            ("212 USERS could not order.", "212 users could not order."),
            (
                "4 Support Tickets were filed.",
                "4 support tickets were filed.",
            ),
            ("7% Of Customers saw errors.", "7% of customers saw errors."),
            ("1 user Of 3 active users.", "1 user of 3 active users."),
            ("12 Tweets about it.", "12 tweets about it."),
            ("30 Orders FAILED.", "30 orders failed."),
            ("5 Minutes for users.", "5 minutes for users."),
        ] {
            assert_eq!(figures(text), figures(lower), "{text}");
        }
        assert_eq!(figures("12 Tweets"), [(Measure::Social, 12.0, 12.0)]);
        assert_eq!(figures("1 user Of 3 active users").len(), 1);
    }

    /// The tokens are words and marks, with their ends; a word that is
    /// not ASCII is lower-cased, an ASCII word is kept as written.
    #[test]
    fn tokens_one_at_a_time() {
        let toks: Vec<(String, usize)> = Tokens::new("**Ünïque** users, 1,200 e-mails.")
            .map(|t| (t.text.into_owned(), t.end))
            .collect();
        let words: Vec<&str> = toks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(words, ["ünïque", "users", ",", "1,200", "e-mails", "."]);
        assert_eq!(toks[1].1, "**Ünïque** users".len());
    }

    /// [`Tokens`] as it was, reading the text char by char: the test below
    /// compares the two.
    struct OldTokens<'t> {
        text: &'t str,
        at: usize,
    }

    impl<'t> Iterator for OldTokens<'t> {
        type Item = Token<'t>;

        fn next(&mut self) -> Option<Token<'t>> {
            let text = self.text;
            let from = self.at;
            let mut chars = text[from..]
                .char_indices()
                .map(|(i, c)| (i + from, c))
                .peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_alphanumeric() {
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, d)) = chars.peek() {
                        let joins = matches!(d, '-' | '\'' | ',' | '.')
                            && text[j + 1..].starts_with(|e: char| e.is_alphanumeric())
                            && !(d == '.' && c.is_alphabetic())
                            && (d != ',' || text[i..j].chars().all(|x| x.is_ascii_digit()));
                        if d.is_alphanumeric() || joins {
                            end = j + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    self.at = end;
                    let word = &text[i..end];
                    return Some(Token {
                        text: if word.is_ascii() {
                            Cow::Borrowed(word)
                        } else {
                            Cow::Owned(word.to_lowercase())
                        },
                        end,
                    });
                } else if !(c.is_whitespace() || matches!(c, '*' | '_' | '`' | '"' | '“' | '”'))
                {
                    let end = i + c.len_utf8();
                    self.at = end;
                    return Some(Token {
                        text: Cow::Borrowed(&text[i..end]),
                        end,
                    });
                }
            }
            self.at = text.len();
            None
        }
    }

    #[test]
    fn tokens_read_as_they_did_char_by_char() {
        let key = |t: Token| (t.text.into_owned(), t.end);
        let check = |text: &str| {
            let new: Vec<_> = Tokens::new(text).map(key).collect();
            let old: Vec<_> = OldTokens { text, at: 0 }.map(key).collect();
            assert_eq!(new, old, "{text:?}");
        };
        for text in [
            "**Ünïque** users, 1,200 e-mails. 1,200,000 and 3.5% v2.14.0 don't",
            "a.b 1.a a1.5 1,a x,1 12,3 ,5 -5 5- 'x' x'y x-ÿ é-5 ñ.ñ 5.é",
            "“quoted” \"plain\" `code` _em_ *strong* — – ’ 日本語 ٣,٤ Ⅻ 5\u{a0}users",
            "",
            " ",
            "x",
        ] {
            check(text);
        }
        let pieces = [
            "a", "B", "1", "23", "-", "'", ",", ".", " ", "\t", "\n", "*", "_", "`", "\"", "“",
            "”", "é", "Ü", "ſ", "٣", "Ⅻ", "’", "—", "%", "/", "(", "users", "\u{a0}", "日",
        ];
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x6a09_e667_f3bc_c908)
        {
            check(&t);
        }
    }

    /// The tokens read from just after white space are the last tokens of
    /// the text, whatever comes before: `classify` reads the words before
    /// a number from there when it can.
    #[test]
    fn tokens_after_white_space_end_the_texts_tokens() {
        let pieces = [
            "a", "B", "1", "23", "-", "'", ",", ".", " ", "\t", "\n", "*", "_", "`", "\"", "“",
            "é", "Ü", "٣", "’", "—", "%", "/", "(", "users", "\u{a0}", "日", "of",
        ];
        let words =
            |t: &str| -> Vec<String> { Tokens::new(t).map(|t| t.text.into_owned()).collect() };
        for t in
            crate::model::pattern::generated_exactly(&pieces, 20_000, 10, 0x9b05_688c_2b3e_6c1f)
        {
            let all = words(&t);
            for q in (1..t.len()).filter(|&q| t.as_bytes()[q - 1].is_ascii_whitespace()) {
                assert!(all.ends_with(&words(&t[q..])), "{t:?} from {q}");
            }
        }
    }

    /// [`Words::has`] says what a comparison with each word says, on the
    /// words in any case, near misses, marks and non-ASCII words.
    #[test]
    fn word_lists_filter_as_a_search_does() {
        let lists = [
            &USER_NOUNS,
            &REQUEST_NOUNS,
            &SUPPORT_NOUNS,
            &CONTACT_NOUNS,
            &SOCIAL_NOUNS,
            &UNITS,
            &PHRASE_ENDS,
            &SHARE_FILLERS,
        ];
        let mut samples: Vec<String> = [
            "",
            "%",
            "/",
            "(",
            "5",
            "1,200",
            "ünïque",
            "tic\u{212a}ets",
            "ſupport",
            "é",
            "_users",
            "@ll",
            "[in",
            "`at",
            "{or",
            "a",
            "z",
            "transactionsss",
            "subscribersubscribers",
        ]
        .map(String::from)
        .to_vec();
        for list in lists {
            for w in list.words {
                let upper = w.to_ascii_uppercase();
                let mut title = w.to_string();
                title[..1].make_ascii_uppercase();
                samples.extend([
                    w.to_string(),
                    upper,
                    title,
                    format!("{w}s"),
                    w[..w.len() - 1].to_string(),
                    format!("x{}", &w[1..]),
                    format!("{w}é"),
                ]);
            }
        }
        let mut hits = 0;
        for list in lists {
            for s in &samples {
                let by_search = list.words.iter().any(|w| s.eq_ignore_ascii_case(w));
                hits += usize::from(by_search);
                assert_eq!(list.has(s), by_search, "{s:?}");
            }
        }
        assert!(hits > 300, "{hits}");
    }

    #[test]
    fn counts_of_users_support_and_failures() {
        assert_eq!(
            figures(
                "212 users (7% of active users) could not order. 388 orders failed. 4 support tickets were filed."
            ),
            [
                (Measure::Users, 212.0, 212.0),
                (Measure::Share(ShareOf::Users), 7.0, 7.0),
                (Measure::Failed, 388.0, 388.0),
                (Measure::Support, 4.0, 4.0),
            ]
        );
        assert_eq!(
            figures("about 250 customers, seven people and 4-5 users"),
            [
                (Measure::Users, 250.0, 250.0),
                (Measure::Users, 7.0, 7.0),
                (Measure::Users, 4.0, 5.0),
            ]
        );
        assert_eq!(
            figures("12 calls to support and 3 sarcastic tweets"),
            [(Measure::Support, 12.0, 12.0), (Measure::Social, 3.0, 3.0)]
        );
        assert_eq!(
            figures("No support tickets or social media posts were submitted."),
            [(Measure::Support, 0.0, 0.0)]
        );
    }

    #[test]
    fn what_is_not_a_count() {
        // The population, HTTP status codes, durations, alert texts.
        assert_eq!(
            figures("1 user of 3 active users"),
            [(Measure::Users, 1.0, 1.0)]
        );
        assert_eq!(figures("caused 500 errors for users"), []);
        assert_eq!(figures("for 36 minutes users waited"), []);
        assert_eq!(figures("about 100 text messages sent to my phone"), []);
        assert_eq!(figures("a 300% increase in latency"), []);
        assert_eq!(figures("no support ticket count was captured"), []);
    }

    #[test]
    fn shares_and_all_users() {
        assert_eq!(
            figures("affected 100 % of active ordering sessions"),
            [(Measure::Share(ShareOf::Requests), 100.0, 100.0)]
        );
        assert_eq!(
            figures("2 customers (100% OF JWT-Pizza USERS)"),
            [
                (Measure::Users, 2.0, 2.0),
                (Measure::Share(ShareOf::Users), 100.0, 100.0)
            ]
        );
        assert_eq!(
            figures("All of our users were affected"),
            [(Measure::Share(ShareOf::Users), 100.0, 100.0)]
        );
        assert_eq!(
            figures("all of the (simulated) users and all pizza orders failed"),
            [
                (Measure::Share(ShareOf::Users), 100.0, 100.0),
                (Measure::Share(ShareOf::Requests), 100.0, 100.0)
            ]
        );
    }

    #[test]
    fn labelled_figures() {
        assert_eq!(
            figures("- **Users affected:** 212"),
            [(Measure::Users, 212.0, 212.0)]
        );
        assert_eq!(
            figures("- Support tickets: 4"),
            [(Measure::Support, 4.0, 4.0)]
        );
    }

    /// The first match of [`SEVERITY`] in `text`, as [`find_severity`]
    /// finds it ([`severity_in`]).
    fn severity_via_scan(text: &str) -> Option<Span> {
        severity_in(&SeverityCues::of(text), &(0..text.len()), text)
    }

    /// [`severity_scan`] over the whole text, when it can tell, and else
    /// the pattern.
    fn severity_scanned(text: &str) -> Option<Option<Span>> {
        (!folds_to_ascii(text))
            .then(|| severity_scan(text, 0))
            .flatten()
    }

    fn severity_via_cues(text: &str) -> Option<Span> {
        let cues = SeverityCues::of(text);
        let from = cues.first_start(&(0..text.len()), text)?;
        SEVERITY
            .find(&text[from..])
            .map(|m| from + m.start..from + m.end)
    }

    /// [`Marks`] finds the sentence and the line around a number as the
    /// walks over the text before and after it did.
    #[test]
    fn marks_find_sentences_and_lines_as_a_walk_does() {
        let pieces = ["a", " ", ".", ";", "!", "?", "\n", ":", "é", "ſ", "1"];
        for t in crate::model::pattern::generated_exactly(&pieces, 3_000, 9, 0x9e37_79b9_7f4a_7c15)
        {
            let marks = Marks::new(&t);
            for (start, _) in t.char_indices() {
                for (end, _) in t[start..].char_indices().map(|(i, c)| (start + i, c)) {
                    let (before, rest) = (&t[..start], &t[end..]);
                    let to = end + rest.find(['.', ';', '!', '?', '\n']).unwrap_or(rest.len());
                    let from = before.rfind(['.', ';', '!', '?']).map_or(0, |i| i + 1);
                    assert_eq!(marks.sentence(start, end), from..to, "{t:?} {start} {end}");
                }
                let line = t[..start].rfind('\n').map_or(0, |i| i + 1);
                assert_eq!(marks.line_start(start), line, "{t:?} {start}");
            }
        }
    }

    #[test]
    fn no_count_scanner_agrees_with_the_pattern() {
        let regex = |t: &str| -> Vec<Span> { NO_COUNT.find_iter(t).map(|m| m.range()).collect() };
        let scanned = |t: &str| -> Vec<Span> { no_counts(t).collect() };
        for t in [
            "no users, No tickets, NO orders, nobody, snow, none of the users, None of them",
            "zero users, Zero, zeros, before any users, before anything, without any impact",
            "without anyone, no-one, _no, no_, 2no, no2, non, o, no",
            "café no ticket – zero, “no” users, élan none of the a, noé, éno, ſno",
            "none of the\nno before  any, without\tany, before any",
        ] {
            assert_eq!(scanned(t), regex(t), "{t}");
        }
        let pieces = [
            "no", "No", "NO", "none", " of", " the", "zero", "Zero", "before", " any", "without",
            "any", "s", "x", "_", "1", " ", "\n", ".", "-", "é", "ſ", "’", "\u{a0}", "o", "n",
        ];
        let mut matched = 0;
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x3c6e_f372_fe94_f82b)
        {
            let found = regex(&t);
            matched += found.len();
            assert_eq!(scanned(&t), found, "{t:?}");
        }
        assert!(matched > 5_000, "{matched} matches");
    }

    /// Whether [`all_users_starts`] leaves the pattern a place to look.
    fn may_say_all_users(text: &str) -> bool {
        folds_to_ascii(text) || all_users_starts(text).next().is_some()
    }

    /// The matches of [`ALL_USERS`] in the whole text, as [`all_users`]
    /// gives them.
    fn all_users_searched(text: &str) -> Vec<(Range<usize>, ShareOf)> {
        ALL_USERS
            .captures_iter(text)
            .map(|c| (c.get(0).unwrap().range(), share_of(c.name("who"))))
            .collect()
    }

    #[test]
    fn all_users_gate_never_hides_a_match() {
        for t in [
            "all users, All of the customers, every active user, each diner, everyone",
            "all answered, all of it, every time, each day, all  *users*, all (test) users",
            "all\u{a0}users, all ſusers, ALL JWT-PIZZA ORDERS, all pizza orders",
        ] {
            assert!(may_say_all_users(t), "{t}");
            assert_eq!(all_users(t), all_users_searched(t), "{t}");
        }
        for t in [
            "all answered by 10:30",
            "every 5 minutes, each time, everything",
        ] {
            assert!(!may_say_all_users(t), "{t}");
            assert!(ALL_USERS.find(t).is_none(), "{t}");
        }
        let pieces = [
            "all",
            "All",
            "every",
            "Every",
            "each",
            "EACH",
            "everyone",
            " ",
            "  ",
            "\n",
            " of",
            " the",
            " our",
            " active",
            " users",
            "user",
            " customers",
            " people",
            " pizza",
            " orders",
            " order",
            " requests",
            "*",
            "_",
            "(",
            ")",
            "x",
            "s",
            "é",
            "ſ",
            "\u{a0}",
            ".",
            "1",
            " answered",
            " time",
        ];
        let (mut matched, mut gated) = (0, 0);
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 7, 0xa54f_f53a_5f1d_36f1)
        {
            let found = ALL_USERS.find(&t).is_some();
            let gate = may_say_all_users(&t);
            assert_eq!(all_users(&t), all_users_searched(&t), "{t:?}");
            matched += usize::from(found);
            gated += usize::from(!gate);
            assert!(gate || !found, "{t:?}");
        }
        assert!(
            matched > 1_000 && gated > 1_000,
            "{matched} matches, {gated} gated"
        );
    }

    #[test]
    fn all_users_reads_a_long_block_of_matches_once() {
        // Each search goes on from the last: a block of thousands of
        // matches (upper case, whose places come second) is read once.
        for (unit, each) in [
            ("ALL USERS hello ", 1),
            ("all users hello ", 1),
            ("Each Diner, every user. ", 2),
        ] {
            let t = unit.repeat(3_000);
            let found = all_users(&t);
            assert_eq!(found.len(), 3_000 * each, "{unit:?}");
            assert_eq!(found, all_users_searched(&t), "{unit:?}");
        }
    }

    #[test]
    fn all_users_scanner_agrees_with_the_anchored_pattern() {
        let anchored = |t: &str, at: usize| {
            ALL_USERS_AT
                .captures(&t[at..])
                .map(|c| (at + c.get(0).unwrap().end(), share_of(c.name("who"))))
        };
        for t in [
            "all users, All of the customers, every active user, each diner, everyone",
            "all jwt-pizza orders, all JWT pizza orders, all pizza  orders, all order requests",
            "every real paying external customers, all of our test clients, each *(affected)* user",
            "all of the current online simulated visitors, all people, all shoppers_, all checkouts",
            "all our the active users, all usersx, all users2, every  purchase, everyone",
            "all\u{a0}users, all users\u{2003}now, all \u{2003}users, each é users, all the\u{a0}users",
        ] {
            for (at, _) in t.char_indices() {
                if let Some(scanned) = all_users_at(t.as_bytes(), at) {
                    assert_eq!(scanned, anchored(t, at), "{t} at {at}");
                }
            }
        }
        let pieces = [
            "all",
            "All",
            "every",
            "EVERY",
            "each",
            "everyone",
            " ",
            "  ",
            "\n",
            "\t",
            "of",
            " of",
            "our",
            " the",
            "active",
            "jwt",
            "-",
            "pizza",
            " pizza",
            "online",
            "test",
            " users",
            "user",
            "s",
            " customers",
            "diner",
            " people",
            " clients",
            "visitor",
            "shopper",
            " orders",
            " order",
            "order",
            " requests",
            " request",
            "purchase",
            "checkouts",
            "*",
            "_",
            "(",
            ")",
            "x",
            "é",
            "\u{a0}",
            "\u{2003}",
            ".",
            "1",
        ];
        let (mut decided, mut matched) = (0, 0);
        for t in crate::model::pattern::generated(&pieces, 20_000, 9) {
            for (at, _) in t.char_indices() {
                if let Some(scanned) = all_users_at(t.as_bytes(), at) {
                    decided += 1;
                    matched += usize::from(scanned.is_some());
                    assert_eq!(scanned, anchored(&t, at), "{t:?} at {at}");
                }
            }
        }
        assert!(
            decided > 10_000 && matched > 1_000,
            "{decided} decided, {matched} matched"
        );
    }

    #[test]
    fn support_context_reads_the_start_the_pattern_reads() {
        let pieces = [
            "tickets",
            " ",
            "x",
            "é",
            "—",
            "\u{1F600}",
            ".",
            "reported",
            " by customers",
            " users",
            "opened",
            "came in",
            "to support",
            "s",
            "abc",
            "came",
            " in",
            "\n",
        ];
        // A word with `ſ` for `s` is longer in bytes than the cut allows.
        let far = "\u{1F600}".repeat(40);
        for t in [
            format!("{}\u{212A}from cuſtomerſ", "\u{1F600}".repeat(39)),
            format!("{}\u{212A}from cuſtomerſx", "\u{1F600}".repeat(39)),
            format!("{far}{far}from cuſtomerſ"),
            format!("{far}from cuſtomerſx"),
            format!("{far}from cuſtomersx"),
            format!("{far}from customers"),
            format!("{far}from customersx"),
        ] {
            assert_eq!(support_context(&t), SUPPORT_CONTEXT.is_match(&t), "{t:?}");
        }
        let mut matched = 0;
        for t in crate::model::pattern::generated(&pieces, 20_000, 60) {
            let found = SUPPORT_CONTEXT.is_match(&t);
            matched += usize::from(found);
            assert_eq!(support_context(&t), found, "{t:?}");
        }
        assert!(matched > 1_000, "{matched} matched");
    }

    #[test]
    fn length_lead_scan_agrees_with_the_pattern() {
        for t in [
            "For ",
            "Users could not order for ",
            "outage. For about ",
            "Impact:\n- **For** ~",
            "It lasted. Lasting roughly ",
            "**Duration:** ",
            "over a period of ",
            "after ",
            "It was down: for (",
            "x:for ",
            "café. For ",
            "the ",
        ] {
            assert_eq!(
                length_lead(&Prepared::new(t), t.len()),
                LENGTH_LEAD.is_match(t),
                "{t:?}"
            );
        }
        let pieces = [
            "for",
            "For",
            "over",
            "OVER",
            "lasting",
            "duration",
            " a period of",
            " a total of",
            "about",
            "approx.",
            "approx",
            "a",
            "an",
            "the",
            "just",
            "of",
            " ",
            "  ",
            "\n",
            ".",
            "!",
            ":",
            "*",
            "_",
            "`",
            "~",
            "(",
            ">",
            "-",
            "x",
            "users",
            "1",
            "é",
            "\u{a0}",
        ];
        let mut matched = 0;
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 6, 0x1f83_d9ab_fb41_bd6b)
        {
            let found = LENGTH_LEAD.is_match(&t);
            matched += usize::from(found);
            assert_eq!(length_lead(&Prepared::new(&t), t.len()), found, "{t:?}");
            // Non-ASCII text well before the end is read by the scan too.
            let t = format!("Café — the outage began at noon and {t}");
            let found = LENGTH_LEAD.is_match(&t);
            assert_eq!(length_lead(&Prepared::new(&t), t.len()), found, "{t:?}");
        }
        assert!(matched > 300, "{matched} matches");
    }

    /// Each word a match of [`LENGTH_LEAD`] or [`LENGTH_VERB`] can end
    /// with opens the gate: every approximation word of [`APPROX`] after
    /// every lead-in of the two patterns.
    #[test]
    fn every_word_a_lead_can_end_with_opens_the_gate() {
        let approximations = [
            "a max of",
            "a maximum of",
            "about",
            "approximately",
            "approx.",
            "approx",
            "around",
            "roughly",
            "nearly",
            "almost",
            "just",
            "exactly",
            "only",
            "over",
            "under",
            "somewhere between",
            "an",
            "a",
            "the",
            "~",
        ];
        // The list is APPROX's, word for word: its alternatives
        // `a max(?:imum)? of`, `approx\.?` and `an?` are spelled out as two
        // words each.
        let written = APPROX
            .replace("a max(?:imum)? of|", "")
            .replace(r"approx\.?", "approx. approx");
        for w in &approximations[2..] {
            assert!(written.contains(w), "{w} is not one of APPROX's words");
        }
        assert_eq!(
            written.matches('|').count() + 1,
            approximations.len() - 4,
            "APPROX has a word this list lacks"
        );
        let leads = [
            "For",
            "over",
            "Lasting",
            "Duration:",
            "for a period of",
            "for a total of",
            "The outage lasted",
            "users could not order for",
            "the incident spanned",
            "the site was down, the outage lasts",
            "downtime spanning",
            "the outage continued over the course of",
        ];
        let mut checked = 0;
        for lead in leads {
            for w in std::iter::once("").chain(approximations) {
                for end in ["", " ", " **", ": ", " ("] {
                    let t = format!("{lead} {w}{end}");
                    if LENGTH_LEAD.is_match(&t) || LENGTH_VERB.is_match(&t) {
                        checked += 1;
                        assert!(may_end_a_lead(&Prepared::new(&t), t.len()), "{t:?}");
                    }
                }
            }
        }
        assert!(checked > 800, "{checked} matched");
    }

    /// The gate in front of [`LENGTH_VERB`] (and [`LENGTH_LEAD`]) lets
    /// through every text either pattern matches.
    #[test]
    fn may_end_a_lead_lets_every_match_through() {
        let pieces = [
            "the outage",
            "Users",
            "users could not order",
            "It",
            "lasted",
            "Lasting",
            "lasts",
            "spanned",
            "SPANNING",
            "for",
            " a period of",
            " a total of",
            "over the course of",
            "a max of",
            "a maximum of",
            "somewhere between",
            "approx.",
            "roughly",
            "~",
            "an",
            "the",
            "duration",
            " ",
            "\n",
            ".",
            ":",
            "*",
            "`",
            "(",
            "x",
            "é",
            "\u{a0}",
            "ſ",
        ];
        let (mut matched, mut shut) = (0, 0);
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 6, 0x5be1_0c4f_3a2d_9e77)
        {
            for t in [t.clone(), format!("Café — the outage began and {t}")] {
                let gate = may_end_a_lead(&Prepared::new(&t), t.len());
                shut += usize::from(!gate);
                for pattern in [&*LENGTH_VERB, &*LENGTH_LEAD] {
                    if pattern.is_match(&t) {
                        matched += 1;
                        assert!(gate, "{t:?}");
                    }
                }
            }
        }
        assert!(matched > 300, "{matched} matches");
        assert!(shut > 1_000, "{shut} shut out");
    }

    /// The places of [`SeverityCues::of`] as a search for each word apart
    /// finds them.
    fn places_word_by_word(source: &str) -> Vec<Span> {
        let lower = source.to_ascii_lowercase();
        let lower = lower.as_bytes();
        let mut found = Vec::new();
        let find = |w: &str| memchr::memmem::find_iter(lower, w.as_bytes()).collect::<Vec<_>>();
        found.extend(
            find("sev")
                .into_iter()
                .filter(|&at| sev_may_match(lower, at))
                .map(|at| level_ending(&lower[..at]).unwrap_or(at)..at + 3),
        );
        found.extend(find("priority").into_iter().map(|at| at..at + 8));
        found.extend(
            memchr::memchr_iter(b'P', source.as_bytes())
                .filter(|&at| matches!(source.as_bytes().get(at + 1), Some(b'0'..=b'4')))
                .map(|at| at..at + 2),
        );
        for noun in ["incident", "outage", "event"] {
            for at in find(noun) {
                if let Some(start) = level_before(&lower[..at]) {
                    found.push(start..at + noun.len());
                }
            }
        }
        found.sort_by_key(|s| (s.start, s.end));
        found
    }

    #[test]
    fn one_pass_finds_the_places_a_search_for_each_word_finds() {
        let pieces = [
            "sev",
            "SEV",
            "s",
            "even",
            "t",
            "event",
            "incident",
            "outage",
            "priority",
            "prior",
            "high",
            "major",
            "low",
            "Critical",
            " ",
            "-",
            "**",
            "_",
            "seventeen",
            "P1",
            "P",
            "4",
            "e",
            "x",
            "a ",
            "severe",
            "erity",
            "2",
            "\t",
            "é",
        ];
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x1f83_d9ab_fb41_bd6b)
        {
            let mut places = SeverityCues::of(&t).found;
            places.sort_by_key(|s| (s.start, s.end));
            assert_eq!(places, places_word_by_word(&t), "{t:?}");
        }
    }

    #[test]
    fn severity_cues_never_hide_a_match() {
        let texts = [
            "This was a SEV-2 incident.",
            "SEV-2, sev2, Severity 1, severity-3x, SEV\t4, sev-6, sev 2_, xsev-2, SEV-2.",
            "Severity\u{a0}2, SEV-2 ... P1, SEV-2 as a P1, SEV2 is P1, é SEV-1é",
            "High severity: customers could not order",
            "high**_ severity, a major customer-facing outage",
            "The severity of this was: level 3",
            "Severity (initial) is P2 and priority: p1",
            "It was an P1. A P3 incident. a P4-outage",
            "a minor event; Mid-event; low - incident",
            "no cue here at all, just 5 users",
            "sévérité élevée, Low\u{a0}incident, ſev-1, \u{212a}",
            "Priority — P0 – “critical” incident’s high‑severity",
        ];
        for t in texts {
            assert_eq!(severity_via_cues(t), SEVERITY.find(t), "{t}");
            assert_eq!(severity_via_scan(t), SEVERITY.find(t), "{t}");
            if let Some(scanned) = severity_scanned(t) {
                assert_eq!(scanned, SEVERITY.find(t), "{t}");
            }
        }
        let mut decided = 0;
        let pieces = [
            "SEV-2",
            "Sev 1",
            "severity-4",
            "sev",
            "SEV",
            "Sev",
            "severity",
            " severity",
            "erity",
            "sev-",
            "high",
            "Low ",
            "major",
            "severe",
            "mid",
            "**",
            "_",
            "-",
            " ",
            "  ",
            "incident",
            " incident",
            "outage",
            "event",
            "P1",
            " P2 ",
            "p2",
            "P4",
            "P7",
            "priority",
            "was ",
            " is ",
            "as",
            " an ",
            "a ",
            ":",
            ".",
            "\n",
            "é",
            "–",
            "’",
            "\u{a0}",
            "customer ",
            "x",
            "1",
            "5",
            "0",
            "level ",
            "of ",
            "ſ",
            "(",
            "—",
            "several",
            "Seven",
            "sev\u{a0}",
            "sev\t",
            "xsev",
        ];
        let mut matched = 0;
        for t in
            crate::model::pattern::generated_exactly(&pieces, 20_000, 10, 0x2545_f491_4f6c_dd1d)
        {
            let found = SEVERITY.find(&t);
            matched += usize::from(found.is_some());
            assert_eq!(severity_via_cues(&t), found, "{t:?}");
            assert_eq!(severity_via_scan(&t), found, "{t:?}");
            if let Some(scanned) = severity_scanned(&t) {
                decided += 1;
                assert_eq!(scanned, found, "{t:?}");
            }
        }
        assert!(matched > 1_000, "{matched} matches");
        assert!(decided > 10_000, "{decided} decided by the scanner");
        // The pattern's harder ways, one piece at a time.
        let pieces = [
            "severity",
            "Severity",
            " ",
            ":",
            "**",
            "_",
            "was",
            " is ",
            "this",
            "a ",
            "an ",
            "level ",
            "of ",
            "high",
            "Mid",
            "medium",
            "3",
            "6",
            "sev-",
            "SEV",
            "p2",
            "P3",
            "p5",
            ".",
            "\n",
            "\t",
            "priority",
            "—",
            "-",
            "(",
            "x",
            "é",
            "\u{a0}",
            "low ",
            "customer ",
            "incident",
            " outage",
            "event",
            "P1 ",
            "as ",
            "an P2",
            "\u{2003}",
            "0",
        ];
        let (mut decided, mut matched) = (0, 0);
        for t in crate::model::pattern::generated(&pieces, 30_000, 24) {
            if let Some(scanned) = severity_scanned(&t) {
                decided += 1;
                matched += usize::from(scanned.is_some());
                assert_eq!(scanned, SEVERITY.find(&t), "{t:?}");
            }
        }
        assert!(
            decided > 10_000 && matched > 1_000,
            "{decided} decided, {matched} matched"
        );
    }

    /// The durations taken from the time model are those a search of
    /// each prose block finds, with the same spans, in the same order, and
    /// a Summary after Impact is read in document order.
    #[test]
    fn durations_come_from_the_time_model() {
        let template = crate::templates::builtin(crate::templates::DEFAULT_TEMPLATE).unwrap();
        for text in [
            "# Incident: 2025-10-14\n\n## Summary\n\nFor 36 minutes users waited. It lasted an hour.\n\n- about 5 minutes\n- 2 hrs\n  - 3 minutes later\n\n## Impact\n\n| For | 20 minutes |\n|---|---|\n| 1h 5m | x |\n\nThe outage lasted 45 minutes in total.\n",
            "# Incident: 2025-10-14\n\n## Impact\n\nOrders failed for 12 minutes.\n\n## Summary\n\nDuration: 8 minutes\n\n> quoted 9 minutes\n\n```\n10 minutes\n```\n",
            "# Incident\n\n## Summary\n\n1. first for 3 minutes\n\n   more text, 4 minutes\n2. second ~6 min\n",
        ] {
            let report = Report::build(
                "r.md",
                crate::document::Document::parse(text.to_string()),
                template,
                &[],
            );
            let mut expected = Vec::new();
            for (index, section) in report.sections.iter().enumerate() {
                if ![report.impact.summary, report.impact.impact].contains(&Some(index)) {
                    continue;
                }
                for span in prose_spans(&report, section) {
                    let text = report.doc.text(&span);
                    let found = find_durations(text);
                    read_durations(text, &found, span.start, index, &mut expected);
                }
            }
            let key = |d: &Duration| {
                (
                    d.span.clone(),
                    d.seconds,
                    d.approximate,
                    d.section,
                    d.incident_length,
                )
            };
            let got: Vec<_> = report.impact.durations.iter().map(key).collect();
            assert_eq!(got, expected.iter().map(key).collect::<Vec<_>>(), "{text}");
            assert!(got.len() >= 3, "{got:?}");
        }
    }

    /// What `read_durations` gave when it searched, for each duration, the
    /// whole block before it, the whole sentence and the rest of the block.
    fn incident_lengths_one_by_one(text: &str) -> Vec<bool> {
        find_durations(text)
            .iter()
            .map(|d| {
                let before = &text[..d.span.start];
                let sentence = &before[before.rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1)..];
                LENGTH_LEAD.is_match(before)
                    || LENGTH_VERB.is_match(sentence)
                    || LENGTH_AFTER.is_match(&text[d.span.end..])
            })
            .collect()
    }

    #[test]
    fn incident_lengths_are_read_as_each_duration_alone_would_be() {
        let pieces = [
            "for ",
            "The outage lasted ",
            "users could not order for ",
            "Duration: ",
            "about ",
            "~",
            "5 minutes",
            "2 hours ",
            " of downtime",
            " in total",
            " long outage",
            ". ",
            "; ",
            "\n",
            " café ",
            " — ",
            "≈",
            "over the course of ",
            "x",
            " ",
        ];
        let mut lengths = 0;
        for text in crate::model::pattern::generated(&pieces, 4_000, 30) {
            let found = find_durations(&text);
            let mut got = Vec::new();
            read_durations(&text, &found, 0, 0, &mut got);
            let got: Vec<bool> = got.iter().map(|d| d.incident_length).collect();
            lengths += got.iter().filter(|&&l| l).count();
            assert_eq!(got, incident_lengths_one_by_one(&text), "{text:?}");
        }
        assert!(lengths > 1_000, "{lengths}");
    }

    #[test]
    fn windows_come_from_the_time_model() {
        let text = "# Incident: 2025-10-14 08-41-00\n\n## Summary\n\nOrders failed.\n\n## Impact\n\nBetween 08:41 UTC and 09:17 UTC on 2025-10-14, 212 users could not order.\n";
        let template = crate::templates::builtin(crate::templates::DEFAULT_TEMPLATE).unwrap();
        let report = Report::build(
            "r.md",
            crate::document::Document::parse(text.to_string()),
            template,
            &[],
        );
        let minutes: Vec<_> = report
            .impact
            .windows
            .iter()
            .map(|w| (w.section, w.minutes))
            .collect();
        assert_eq!(minutes, [(1, Some(36))]);
        assert_eq!(report.impact.duration_minutes(), Some(36));
    }
}

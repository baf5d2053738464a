//! Regexes that run on their ASCII twin when the text allows it, and the
//! byte-level pieces the model's scanners share.
//!
//! The patterns of [`crate::model::time`] use Unicode classes (`\d`, `\s`,
//! `\b`, `(?i)`). Their lazy DFA gives up on the first non-ASCII byte when a
//! pattern has a Unicode word boundary, and the regex crate then falls back
//! to an NFA simulation over the rest of the text; and reading capture
//! groups walks an NFA of thousands of states. Both made the time model the
//! bulk of `incident check`.
//!
//! A [`Pattern`] therefore holds the pattern twice, with Unicode and with
//! ASCII classes, and searches a text with the ASCII one when every
//! character of the text is ASCII or a punctuation mark or symbol listed in
//! [`is_plain_symbol`] (curly quotes, dashes, arrows, emoji, …). On such a
//! text both compile to the same matcher:
//!
//! - `\d`, `\s` and `\w` match no listed symbol under either (the list is
//!   checked against the Unicode classes in a test), and an ASCII class
//!   matches no byte of one;
//! - `\b` sees the same word characters either way, since no listed symbol
//!   is one;
//! - no listed symbol case-folds to ASCII, and a literal symbol in the
//!   pattern (`–`, `≈`) matches its UTF-8 bytes under both.
//!
//! That holds only for patterns without negated classes, `.`, `\W`, `\S` or
//! `\D` (which would match single bytes of a symbol): use a [`Pattern`] only
//! for such patterns.
//!
//! A text with other non-ASCII characters, none of them a word character
//! (a no-break space, say), is searched with the Unicode pattern whose `\b`
//! are ASCII word boundaries: `\b` only asks whether the characters on
//! either side are word characters, and there the answer is the same under
//! both, while the lazy DFA no longer gives up. Only a text with a
//! non-ASCII word character (`é`, a variation selector) is searched with the
//! pattern as written. Each form is compiled on first use.
//!
//! [`Twin`] is the same idea for patterns that have negated classes, `.` or
//! `\W`: its ASCII form serves all-ASCII text; `Plain` also serves text
//! whose only non-ASCII characters are symbols, by searching an ASCII
//! `Standin` of it. `Cues` decides cheaply whether a case-insensitive
//! pattern can match at all, so that a pattern that cannot is neither run
//! nor compiled; it says every word may occur in a text with a character
//! of [`FOLDS_TO_ASCII`]. A scanner that reads letters case-insensitively
//! hands such a text to its regular expression, and one that reads digits
//! (`list_marker_end`) hands over a text with a non-ASCII digit.
//!
//! The scanners in the model files share the byte tests here:
//! `is_word_byte_at`, `word_boundary`, `is_ascii_space`,
//! [`folds_to_ascii`], and the list-marker scanner `list_marker_end`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use regex_automata::util::captures::Captures as AsciiCaptures;
use regex_automata::{Anchored, Input, meta, util::syntax};

/// A regex compiled, on first use, with Unicode classes, with Unicode
/// classes and ASCII word boundaries, and with ASCII classes.
#[derive(Debug)]
pub struct Pattern {
    pattern: String,
    unicode: OnceLock<Regex>,
    boundary: OnceLock<Regex>,
    ascii: OnceLock<meta::Regex>,
}

/// A non-ASCII word character (Unicode `\w`).
static NON_ASCII_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("valid regex"));

/// `pattern` with every `\b` made an ASCII word boundary.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

/// True for the non-ASCII characters that are neither word characters nor
/// white space (nor case variants of ASCII letters) under the regex crate's
/// Unicode tables: typographic punctuation, arrows, math and technical
/// symbols, box drawing, dingbats and emoji.
pub fn is_plain_symbol(c: char) -> bool {
    matches!(c,
        '\u{A1}'..='\u{A9}' | '\u{AB}' | '\u{AC}' | '\u{AE}'..='\u{B1}' | '\u{B4}'
        | '\u{B6}' | '\u{BB}' | '\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203E}'
        | '\u{2190}'..='\u{23FF}' | '\u{2500}'..='\u{2775}' | '\u{2794}'..='\u{27BF}'
        | '\u{1F300}'..='\u{1F3FA}' | '\u{1F400}'..='\u{1FAFF}')
}

/// True when a [`Pattern`] may search `text` with its ASCII twin: its only
/// non-ASCII characters are symbols that no class or case-insensitive
/// letter of a pattern matches (`\w`, `\d`, `\s`, `\b` read it as ASCII
/// text). A byte scanner standing in for a pattern is exact on such text.
pub(crate) fn plain(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || is_plain_symbol(c))
}

impl Pattern {
    /// Compiles `pattern` both ways. Panics on an invalid pattern (the
    /// patterns are constants of this crate).
    pub fn new(pattern: &str) -> Pattern {
        Pattern {
            pattern: pattern.to_string(),
            unicode: OnceLock::new(),
            boundary: OnceLock::new(),
            ascii: OnceLock::new(),
        }
    }

    fn ascii(&self) -> &meta::Regex {
        self.ascii.get_or_init(|| {
            meta::Regex::builder()
                .configure(meta::Config::new().auto_prefilter(false))
                .syntax(syntax::Config::new().unicode(false).utf8(false))
                .build(&self.pattern)
                .expect("valid ASCII regex")
        })
    }

    /// The index of the named group (the same in every form).
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.ascii()
            .group_info()
            .to_index(regex_automata::PatternID::ZERO, name)
    }

    /// The Unicode regex for `text` (which is not plain): with ASCII word
    /// boundaries unless the text has a non-ASCII word character.
    fn unicode_for(&self, text: &str) -> &Regex {
        if NON_ASCII_WORD.is_match(text) {
            self.unicode
                .get_or_init(|| Regex::new(&self.pattern).expect("valid regex"))
        } else {
            self.boundary
                .get_or_init(|| Regex::new(&ascii_boundaries(&self.pattern)).expect("valid regex"))
        }
    }

    /// The groups of the first match at or after `start`, as
    /// [`Regex::captures_at`] gives them.
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Caps<'h>> {
        if plain(text) {
            self.ascii_captures(text, start)
        } else {
            self.unicode_for(text)
                .captures_at(text, start)
                .map(Caps::Unicode)
        }
    }

    /// The groups of every match, in order, as [`Regex::captures_iter`]
    /// gives them. (The patterns here never match the empty string; should
    /// one, the search steps over a character, as the regex iterators do.)
    pub fn captures_iter<'p, 'h>(&'p self, text: &'h str) -> Box<dyn Iterator<Item = Caps<'h>> + 'p>
    where
        'h: 'p,
    {
        if !plain(text) {
            return Box::new(
                self.unicode_for(text)
                    .captures_iter(text)
                    .map(Caps::Unicode),
            );
        }
        let mut pos = 0;
        Box::new(std::iter::from_fn(move || {
            if pos > text.len() {
                return None;
            }
            let caps = self.ascii_captures(text, pos)?;
            let m = caps.get(0)?;
            pos = if m.start() == m.end() {
                text[m.end()..]
                    .chars()
                    .next()
                    .map_or(text.len() + 1, |c| m.end() + c.len_utf8())
            } else {
                m.end()
            };
            Some(caps)
        }))
    }

    /// Finds with the ASCII DFA, then reads the groups on the match only.
    fn ascii_captures<'h>(&self, text: &'h str, start: usize) -> Option<Caps<'h>> {
        let ascii = self.ascii();
        let m = ascii.search(&Input::new(text).range(start..))?;
        let mut caps = ascii.create_captures();
        let input = Input::new(text)
            .range(m.range())
            .anchored(Anchored::Pattern(m.pattern()));
        ascii.search_captures(&input, &mut caps);
        caps.is_match().then_some(Caps::Ascii { text, caps })
    }
}

/// The capture groups of one match.
pub enum Caps<'h> {
    Unicode(regex::Captures<'h>),
    Ascii { text: &'h str, caps: AsciiCaptures },
}

impl<'h> Caps<'h> {
    /// Group `index` (0 is the whole match), if it took part in the match.
    pub fn get(&self, index: usize) -> Option<Group<'h>> {
        match self {
            Caps::Unicode(c) => c.get(index).map(Group::from),
            Caps::Ascii { text, caps } => caps.get_group(index).map(|s| Group {
                text: text.get(s.range()).unwrap_or(""),
                start: s.start,
                end: s.end,
            }),
        }
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        match self {
            Caps::Unicode(c) => c.name(name).map(Group::from),
            Caps::Ascii { text, caps } => caps.get_group_by_name(name).map(|s| Group {
                text: text.get(s.range()).unwrap_or(""),
                start: s.start,
                end: s.end,
            }),
        }
    }
}

/// One capture group of a match: like [`regex::Match`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group<'h> {
    /// The group's own text.
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'h> Group<'h> {
    /// The part `range` of `text` (for a scanner that stands in for a
    /// pattern and gives its groups).
    pub fn at(text: &'h str, range: Range<usize>) -> Group<'h> {
        Group {
            text: text.get(range.clone()).unwrap_or(""),
            start: range.start,
            end: range.end,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl<'h> From<regex::Match<'h>> for Group<'h> {
    fn from(m: regex::Match<'h>) -> Group<'h> {
        Group {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        }
    }
}

/// A regex compiled on first use: with ASCII classes for a text that is all
/// ASCII, and as written for any other text.
///
/// On an ASCII text the two compile to the same matcher, whatever the
/// pattern: Unicode `\w`, `\s`, `\d` and `\b` agree with their ASCII forms
/// on ASCII characters, a negated class or `.` can only match an ASCII
/// character there either way, and no ASCII letter case-folds to another
/// ASCII letter under Unicode rules that ASCII rules miss. Match offsets are
/// the same since every character is one byte. The ASCII form is smaller to
/// compile and its lazy DFA never gives up on a Unicode word boundary; the
/// form as written is compiled only when a non-ASCII text comes. A pattern
/// the ASCII syntax rejects (a non-ASCII character in a class) always uses
/// the form as written.
#[derive(Debug)]
pub struct Twin {
    pattern: String,
    ascii: OnceLock<Option<meta::Regex>>,
    unicode: OnceLock<meta::Regex>,
    prefilter: bool,
}

/// Compiles `pattern` with `syntax`, with a literal prefilter or without.
fn build(pattern: &str, syntax: syntax::Config, prefilter: bool) -> Option<meta::Regex> {
    meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(prefilter))
        .syntax(syntax)
        .build(pattern)
        .ok()
}

impl Twin {
    /// Keeps `pattern` for compiling on first use, without a literal
    /// prefilter: for lines and paragraphs, too short for a prefilter to pay
    /// for the literal extraction and automata it costs to build. Panics on
    /// first use of an invalid pattern (the patterns are constants of this
    /// crate).
    pub fn new(pattern: &str) -> Twin {
        Twin {
            pattern: pattern.to_string(),
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
            prefilter: false,
        }
    }

    /// As [`Twin::new`], with a literal prefilter: for patterns searched over
    /// whole documents.
    pub fn scanning(pattern: &str) -> Twin {
        Twin {
            prefilter: true,
            ..Twin::new(pattern)
        }
    }

    /// The form for `text`.
    fn regex_for(&self, text: &str) -> &meta::Regex {
        if text.is_ascii() {
            self.for_ascii()
        } else {
            self.as_written()
        }
    }

    /// The form for an ASCII text.
    fn for_ascii(&self) -> &meta::Regex {
        let ascii = self.ascii.get_or_init(|| {
            build(
                &self.pattern,
                syntax::Config::new().unicode(false).utf8(false),
                self.prefilter,
            )
        });
        ascii.as_ref().unwrap_or_else(|| self.as_written())
    }

    /// The form as written, right for any text.
    fn as_written(&self) -> &meta::Regex {
        self.unicode.get_or_init(|| {
            build(&self.pattern, syntax::Config::new(), self.prefilter).expect("valid regex")
        })
    }

    /// As [`Regex::is_match`].
    pub fn is_match(&self, text: &str) -> bool {
        self.regex_for(text).is_match(text)
    }

    /// As [`Twin::is_match`], for a pattern anchored at the start (`^`…),
    /// whose search reads only as far as its match: it searches with the
    /// form as written rather than walk the whole text to choose a form, so
    /// that searching what follows each of many finds in a long text costs
    /// no more than the matches.
    pub fn is_match_at_start(&self, text: &str) -> bool {
        self.as_written().is_match(text)
    }

    /// As [`Regex::find`].
    pub fn find<'h>(&self, text: &'h str) -> Option<Group<'h>> {
        self.find_at(text, 0)
    }

    /// As [`Regex::find_at`].
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Group<'h>> {
        self.regex_for(text)
            .search(&Input::new(text).range(start..))
            .map(|m| Group::at(text, m.range()))
    }

    /// As [`Regex::find_iter`].
    pub fn find_iter<'p, 'h>(&'p self, text: &'h str) -> impl Iterator<Item = Group<'h>> + 'p
    where
        'h: 'p,
    {
        self.regex_for(text)
            .find_iter(text)
            .map(move |m| Group::at(text, m.range()))
    }

    /// As [`Regex::captures`].
    pub fn captures<'h>(&self, text: &'h str) -> Option<Caps<'h>> {
        self.captures_at(text, 0)
    }

    /// As [`Regex::captures_at`].
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Caps<'h>> {
        let re = self.regex_for(text);
        let mut caps = re.create_captures();
        re.search_captures(&Input::new(text).range(start..), &mut caps);
        caps.is_match().then_some(Caps::Ascii { text, caps })
    }

    /// As [`Regex::captures_iter`].
    pub fn captures_iter<'p, 'h>(&'p self, text: &'h str) -> impl Iterator<Item = Caps<'h>> + 'p
    where
        'h: 'p,
    {
        self.regex_for(text)
            .captures_iter(text)
            .map(move |caps| Caps::Ascii { text, caps })
    }
}

/// True when the byte at `at` is an ASCII word character (`(?-u:\w)`: a
/// letter, a digit or `_`); false past the end.
pub(crate) fn is_word_byte_at(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// True for an ASCII white-space byte as `(?-u:\s)` has it: with the
/// vertical tab `\x0B`, which [`u8::is_ascii_whitespace`] leaves out.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// True when an ASCII word boundary, `(?-u:\b)`, lies at `at`.
pub(crate) fn word_boundary(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).is_some_and(|i| is_word_byte_at(bytes, i));
    before != is_word_byte_at(bytes, at)
}

/// The only non-ASCII characters that a case-insensitive pattern matches
/// for an ASCII letter: `ſ` (long s) for `s` and `K` (Kelvin sign) for `k`.
/// A byte-level gate or scanner that reads letters case-insensitively must
/// hand a text with either to the regular expression.
pub const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// True when `text` has a character of [`FOLDS_TO_ASCII`]: a byte search
/// for the lead byte of either (`ſ` is `C5 BF`, `K` is `E2 84 AA`), which
/// is much cheaper than decoding every character.
pub fn folds_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC5, 0xE2, bytes).any(|at| {
        let rest = &bytes[at..];
        rest.starts_with("\u{17F}".as_bytes()) || rest.starts_with("\u{212A}".as_bytes())
    })
}

/// What a list marker's task box (`[ ]`, `[x]`) needs after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterBox {
    /// White space, else the box is not part of the marker (`\[[ xX]\]\s+`).
    Space,
    /// Nothing (`\[[ xX]\]\s*`).
    Nothing,
}

/// The pattern of a list marker (`- `, `12. `, `* [x] `) at the start of a
/// text, which [`list_marker_end`] reads.
pub(crate) fn list_marker_pattern(after_box: AfterBox) -> &'static Twin {
    static SPACE: LazyLock<Twin> =
        LazyLock::new(|| Twin::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?"));
    static NOTHING: LazyLock<Twin> =
        LazyLock::new(|| Twin::new(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s*)?"));
    match after_box {
        AfterBox::Space => &SPACE,
        AfterBox::Nothing => &NOTHING,
    }
}

/// Where the list marker (`- `, `12. `, `* [x] `) at the start of `text`
/// ends, or 0 when there is none: the end of a match of
/// [`list_marker_pattern`]. A text with a non-ASCII digit where the
/// marker's digits would be (`\d` is Unicode) is left to the pattern.
pub(crate) fn list_marker_end(text: &str, after_box: AfterBox) -> usize {
    let bytes = text.as_bytes();
    let skip_space = |from: usize| text.len() - text[from..].trim_start().len();
    let by_pattern = |at: usize| {
        let non_ascii_digit = text[at..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && c.is_numeric());
        if non_ascii_digit {
            list_marker_pattern(after_box)
                .find(text)
                .map_or(0, |m| m.end())
        } else {
            0
        }
    };
    let mut i = skip_space(0);
    match bytes.get(i) {
        Some(b'-' | b'*' | b'+') => i += 1,
        Some(b) if b.is_ascii_digit() => {
            let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 3 || !matches!(bytes.get(i + digits), Some(b'.' | b')')) {
                return by_pattern(i + digits);
            }
            i += digits + 1;
        }
        _ => return by_pattern(i),
    }
    let after = skip_space(i);
    if after == i {
        return 0;
    }
    i = after;
    if bytes.get(i) == Some(&b'[')
        && matches!(bytes.get(i + 1), Some(b' ' | b'x' | b'X'))
        && bytes.get(i + 2) == Some(&b']')
    {
        let after = skip_space(i + 3);
        if after > i + 3 || after_box == AfterBox::Nothing {
            i = after;
        }
    }
    i
}

/// A text's cue words: whether a word occurs in it in any case, for
/// deciding cheaply whether a case-insensitive pattern can match it before
/// running the pattern.
///
/// Under Unicode case folding only two non-ASCII characters fold to ASCII
/// letters: `K` (Kelvin sign, to `k`) and `ſ` (long s, to `s`). A text with
/// either is said to have every cue, so a gate never skips a match.
#[derive(Debug)]
pub(crate) struct Cues<'t> {
    text: &'t str,
    folds: bool,
}

impl<'t> Cues<'t> {
    pub(crate) fn of(text: &'t str) -> Cues<'t> {
        Cues {
            text,
            folds: folds_to_ascii(text),
        }
    }

    /// True when `word` (lower case ASCII) may occur in the text, in any case.
    pub(crate) fn has(&self, word: &str) -> bool {
        if self.folds {
            return true;
        }
        // The texts are short: a search for the first byte, in either case,
        // beats building a substring searcher or a lower-cased copy.
        let (bytes, word) = (self.text.as_bytes(), word.as_bytes());
        let first = word[0];
        memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).any(|at| {
            bytes
                .get(at..at + word.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(word))
        })
    }

    /// True when the cues are exact: a text without a character that folds
    /// to an ASCII letter has a cue exactly when it has the word.
    pub(crate) fn is_exact(&self) -> bool {
        !self.folds
    }

    /// True when any of `words` may occur.
    pub(crate) fn has_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has(w))
    }
}

/// A text as an ASCII stand-in, so that a [`Plain`] pattern searches it
/// with its ASCII form: every non-ASCII character of the text must be a
/// plain symbol ([`is_plain_symbol`]: a curly quote, a dash, an arrow, an
/// emoji …), and each becomes one control byte. The dashes `–` and `—`
/// become `\x02`, `≈` becomes `\x03`, `✅`, `✔` and `☑` become `\x04`, any
/// other symbol `\x01`.
///
/// A pattern without non-ASCII literals matches the stand-in exactly where
/// its Unicode form matches the text, character for character: a plain
/// symbol is no word, space or digit character and folds to no ASCII
/// letter, so it matches the same pattern pieces as a control byte does
/// (negated classes, `\W`, `.`, both sides of a `\b`), and each counts as
/// one character in a bounded repeat. A [`Plain`] pattern writes its
/// non-ASCII literals as the control bytes they become.
#[derive(Debug)]
pub(crate) struct Standin<'t> {
    ascii: Cow<'t, str>,
    /// For each byte of the stand-in, the offset of its character in the
    /// text, and the text's length last; `None` for an ASCII text.
    offsets: Option<Vec<usize>>,
}

impl<'t> Standin<'t> {
    /// The stand-in of `text`; `None` when it has another non-ASCII
    /// character (a letter, a mark, a no-break space) or a control byte a
    /// symbol becomes.
    pub(crate) fn of(text: &'t str) -> Option<Standin<'t>> {
        if memchr::memchr3(2, 3, 4, text.as_bytes()).is_some() {
            return None;
        }
        if text.is_ascii() {
            return Some(Standin {
                ascii: Cow::Borrowed(text),
                offsets: None,
            });
        }
        let mut ascii = String::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            ascii.push(match c {
                c if c.is_ascii() => c,
                '–' | '—' => '\x02',
                '≈' => '\x03',
                '✅' | '✔' | '☑' => '\x04',
                c if is_plain_symbol(c) => '\x01',
                _ => return None,
            });
            offsets.push(i);
        }
        offsets.push(text.len());
        Some(Standin {
            ascii: Cow::Owned(ascii),
            offsets: Some(offsets),
        })
    }

    /// The ASCII text to search.
    pub(crate) fn text(&self) -> &str {
        &self.ascii
    }

    /// The text's offset for the stand-in's offset `at`.
    pub(crate) fn at(&self, at: usize) -> usize {
        self.offsets.as_ref().map_or(at, |o| o[at])
    }

    /// The text's byte range for a range of the stand-in.
    pub(crate) fn range(&self, range: Range<usize>) -> Range<usize> {
        self.at(range.start)..self.at(range.end)
    }

    /// The stand-in's offset for the text's offset `at`, a character
    /// boundary: the inverse of [`Standin::at`].
    fn offset_of(&self, at: usize) -> usize {
        self.offsets
            .as_ref()
            .map_or(at, |o| o.partition_point(|&x| x < at))
    }
}

/// A text made ready, once, for many [`Plain::is_match_in`] searches of
/// its parts: its stand-in is built once for all of them, at the first
/// search (a text may need none).
#[derive(Debug)]
pub(crate) struct Prepared<'t> {
    text: &'t str,
    standin: OnceCell<Option<Standin<'t>>>,
}

impl<'t> Prepared<'t> {
    pub(crate) fn new(text: &'t str) -> Prepared<'t> {
        Prepared {
            text,
            standin: OnceCell::new(),
        }
    }

    /// The text.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    fn standin(&self) -> Option<&Standin<'t>> {
        self.standin.get_or_init(|| Standin::of(self.text)).as_ref()
    }
}

/// A pattern searched on a text's [`Standin`] when it has one, so that its
/// Unicode form is compiled only for a text with non-ASCII letters.
#[derive(Debug)]
pub(crate) struct Plain {
    /// For stand-ins: the pattern with its non-ASCII literals written as
    /// the bytes they become.
    pub(crate) standin: Twin,
    /// The pattern as written, for other texts.
    pub(crate) full: Twin,
    #[cfg(test)]
    pattern: String,
}

impl Plain {
    pub(crate) fn new(pattern: &str) -> Plain {
        let standin = pattern
            .replace(['–', '—'], r"\x02")
            .replace('≈', r"\x03")
            .replace(['✅', '✔', '☑'], r"\x04");
        Plain {
            standin: Twin::new(&standin),
            full: Twin::new(pattern),
            #[cfg(test)]
            pattern: pattern.to_string(),
        }
    }

    #[cfg(test)]
    fn full_pattern(&self) -> String {
        self.pattern.clone()
    }

    /// As [`Twin::is_match`].
    pub(crate) fn is_match(&self, text: &str) -> bool {
        match Standin::of(text) {
            Some(s) => self.standin.is_match(s.text()),
            None => self.full.is_match(text),
        }
    }

    /// As [`Plain::is_match`] on `text.text()[range]`, without the walk
    /// over that part that [`Plain::is_match`] starts with (to pick the
    /// form to search and build a stand-in): the search costs what the
    /// pattern reads of the part, so that many searches of the words
    /// before or after each of many finds in a long text cost no more
    /// than their matches. `range` must fall on character boundaries.
    pub(crate) fn is_match_in(&self, text: &Prepared<'_>, range: Range<usize>) -> bool {
        match text.standin() {
            Some(s) => {
                let part = &s.text()[s.offset_of(range.start)..s.offset_of(range.end)];
                self.standin.for_ascii().is_match(part)
            }
            None => self.full.as_written().is_match(&text.text[range]),
        }
    }

    /// The ranges of every match, as [`Twin::find_iter`] finds them.
    pub(crate) fn find_iter(&self, text: &str) -> Vec<Range<usize>> {
        match Standin::of(text) {
            Some(s) => self
                .standin
                .find_iter(s.text())
                .map(|m| s.range(m.range()))
                .collect(),
            None => self.full.find_iter(text).map(|m| m.range()).collect(),
        }
    }

    /// The ranges of groups `0..groups` of every match, as
    /// [`Twin::captures_iter`] finds them.
    pub(crate) fn captures_iter(
        &self,
        text: &str,
        groups: usize,
    ) -> Vec<Vec<Option<Range<usize>>>> {
        let standin = Standin::of(text);
        let (twin, hay) = match &standin {
            Some(s) => (&self.standin, s.text()),
            None => (&self.full, text),
        };
        twin.captures_iter(hay)
            .map(|caps| {
                (0..groups)
                    .map(|i| {
                        let m = caps.get(i)?;
                        Some(standin.as_ref().map_or(m.range(), |s| s.range(m.range())))
                    })
                    .collect()
            })
            .collect()
    }

    /// The range of the first match, as [`Twin::find`] finds it.
    pub(crate) fn find(&self, text: &str) -> Option<Range<usize>> {
        match Standin::of(text) {
            Some(s) => self.standin.find(s.text()).map(|m| s.range(m.range())),
            None => self.full.find(text).map(|m| m.range()),
        }
    }
}

/// A fixed pseudo-random sequence for the generated test cases (a linear
/// congruential generator): the same numbers on every run.
#[cfg(test)]
pub(crate) struct Seeded(u64);

#[cfg(test)]
impl Seeded {
    pub(crate) fn new(seed: u64) -> Seeded {
        Seeded(seed)
    }

    /// The next number, below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 33) as usize % n
    }
}

/// `count` texts of up to `len` pieces each, drawn from `pieces` by a
/// fixed pseudo-random sequence: the generated cases on which the scanners'
/// tests compare each scanner with the pattern it stands in for.
#[cfg(test)]
pub(crate) fn generated<'a>(
    pieces: &'a [&'a str],
    count: usize,
    len: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut seeded = Seeded::new(0x9e37_79b9_7f4a_7c15);
    (0..count).map(move |_| {
        let n = seeded.below(usize::MAX) % (len + 1);
        (0..n).map(|_| pieces[seeded.below(pieces.len())]).collect()
    })
}

/// `count` texts of exactly `len` pieces each, drawn from `pieces` by the
/// sequence that starts from `seed`.
#[cfg(test)]
pub(crate) fn generated_exactly<'a>(
    pieces: &'a [&'a str],
    count: usize,
    len: usize,
    seed: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut seeded = Seeded::new(seed);
    (0..count).map(move |_| {
        (0..len)
            .map(|_| pieces[seeded.below(pieces.len())])
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_symbols_are_no_word_space_or_letter_under_unicode() {
        let word_or_space = Regex::new(r"[\w\s\d]").unwrap();
        let letter = Regex::new(r"(?i)[a-z0-9_]").unwrap();
        let symbols: Vec<char> = (0x80..=0x1_FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_plain_symbol(*c))
            .collect();
        assert!(symbols.len() > 3000);
        for c in symbols {
            let s = c.to_string();
            assert!(
                !word_or_space.is_match(&s),
                "{c:?} is a word or space character"
            );
            assert!(!letter.is_match(&s), "{c:?} folds to ASCII");
        }
    }

    #[test]
    fn folds_to_ascii_finds_exactly_the_characters_that_fold() {
        // Every character that shares a lead byte with `ſ` or `K`, alone
        // and between others.
        let near = (0x140..=0x17F)
            .chain(0x2000..=0x2FFF)
            .filter_map(char::from_u32);
        for c in near {
            for text in [c.to_string(), format!("a’{c}é"), format!("{c}\u{2014}x")] {
                assert_eq!(
                    folds_to_ascii(&text),
                    text.contains(FOLDS_TO_ASCII),
                    "{text:?}"
                );
            }
        }
        assert!(!folds_to_ascii("plain – text’s é"));
    }

    type Groups = (Option<Range<usize>>, Option<Range<usize>>);

    #[test]
    fn ascii_and_unicode_searches_agree() {
        let p = Pattern::new(r"(?i)(?P<n>\d+)\s*(?P<u>min(?:ute)?s?|h)\b");
        let texts = [
            "took 5 minutes – then 2 h “later” 3 mins",
            "took 5 minutes\u{a0}then 2 h, 7 minutesé 4 min",
            "ünïcode 12 min and 1 h",
            "12\u{a0}min, 3 hé 4 h\u{a0}5 mins",
            "no\u{a0}break 12\u{a0}min, 3 h–4 h\u{a0}5 mins",
        ];
        for text in texts {
            let fast: Vec<Groups> = p
                .captures_iter(text)
                .map(|c| {
                    (
                        c.name("n").map(|g| g.range()),
                        c.name("u").map(|g| g.range()),
                    )
                })
                .collect();
            let slow: Vec<Groups> = Regex::new(&p.pattern)
                .unwrap()
                .captures_iter(text)
                .map(|c| {
                    (
                        c.name("n").map(|g| g.range()),
                        c.name("u").map(|g| g.range()),
                    )
                })
                .collect();
            assert_eq!(fast, slow, "{text}");
            assert!(!fast.is_empty());
        }
        assert!(plain(texts[0]));
        assert!(!plain(texts[1]));
        assert!(!NON_ASCII_WORD.is_match(texts[4]));
        assert!(NON_ASCII_WORD.is_match(texts[3]));
        assert_eq!(ascii_boundaries(r"a\b\\b\d"), r"a(?-u:\b)\\b\d");
    }

    #[test]
    fn cues_never_miss_a_case_insensitive_match() {
        let c = Cues::of("Fix the BUG_: Owner-less, due 2026");
        assert!(c.has("owner") && c.has_any(&["x", "bug"]) && !c.has("tbd"));
        // Against the case-insensitive pattern of each word, on every cut of
        // a mixed text.
        let text = "Fix the BUG_: Owner-less, dUe 2026 — naïve ÉTÉ tbD.";
        for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
            let cues = Cues::of(&text[..end]);
            for word in ["owner", "bug", "due", "tbd", "x", "less,", "fix the", "zzz"] {
                let re = Regex::new(&format!("(?i){}", regex::escape(word))).unwrap();
                assert_eq!(cues.has(word), re.is_match(&text[..end]), "{end} {word}");
            }
        }
        // The Kelvin sign folds to `k` under Unicode rules.
        assert!(Cues::of("bloc\u{212A}ed").has("blocked"));
    }

    #[test]
    fn standins_match_as_the_text_does() {
        let texts = [
            "“Done” — SEV-2 ✅ at 10:00 → fixed",
            "~2 – 3 users ≈ 5%",
            "plain ascii",
            "café — done",
            "ctrl \u{2} byte",
        ];
        let p = Plain::new(r"(?i)\bsev\W{0,2}\d|[^a-z\s]{2}|\s[-–—]\s+\w+|✅|≈\s*\d");
        let full = regex::Regex::new(&p.full_pattern()).unwrap();
        for t in texts {
            assert_eq!(p.is_match(t), full.is_match(t), "{t}");
            assert_eq!(p.find(t), full.find(t).map(|m| m.range()), "{t}");
        }
        assert!(Standin::of(texts[0]).is_some() && Standin::of(texts[3]).is_none());
        assert!(Standin::of(texts[4]).is_none());
    }
}

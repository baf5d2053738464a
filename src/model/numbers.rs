//! Numbers as reports write them: digits (`2,317`, `53.4`), words (`seven`,
//! `Twenty-one`, `a dozen`), approximations (`about 250`, `~7`) and ranges
//! (`4-5`, `90 to 100`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::pattern::{FOLDS_TO_ASCII, Plain, is_ascii_space, is_word_byte_at};

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Quantity {
    /// Byte range within the searched text, approximation word included.
    pub span: Range<usize>,
    /// The value; for a range, its low end.
    pub low: f64,
    /// For a range, its high end; otherwise equal to `low`.
    pub high: f64,
    /// Written with "about", "~", "roughly", "an estimated" … or as a range.
    pub approximate: bool,
    /// True when the number is negative (`-5`).
    pub negative: bool,
}

impl Quantity {
    /// True when this quantity and `other` can describe the same value: their
    /// ranges overlap, allowing 10% either way when either is approximate.
    pub fn agrees_with(&self, other: &Quantity) -> bool {
        let slack = |q: &Quantity| {
            if q.approximate {
                (q.high.abs() * 0.1).max(1.0)
            } else {
                0.0
            }
        };
        let (a_lo, a_hi) = (self.low - slack(self), self.high + slack(self));
        let (b_lo, b_hi) = (other.low - slack(other), other.high + slack(other));
        a_lo <= b_hi + 1e-9 && b_lo <= a_hi + 1e-9
    }

    /// The value as written, for messages (`212`, `4-5`, `about 250`).
    pub fn describe(&self) -> String {
        let fmt = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v}")
            }
        };
        let value = if self.high > self.low {
            format!("{}-{}", fmt(self.low), fmt(self.high))
        } else {
            fmt(self.low)
        };
        if self.approximate && self.high <= self.low {
            format!("about {value}")
        } else {
            value
        }
    }
}

/// The number words a number may start with: the units `zero` to
/// `nineteen`, then the tens (their order gives [`word_value`]).
const WORD_NUMBERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// A number; its groups are `approx` (1), `a` (2) and `b` (3). Searched
/// only on texts [`scanned_matches_with`] cannot scan: on the others the
/// scanner [`number_after`] finds the same matches.
static NUMBER: LazyLock<Plain> = LazyLock::new(|| {
    let words = WORD_NUMBERS.join("|");
    let one = format!(
        r"(?:-?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?-u:\b)(?:{words})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+hundred|\s+thousand)?|(?-u:\b)a\s+dozen|(?-u:\b)a\s+hundred|(?-u:\b)a\s+thousand)"
    );
    Plain::new(&format!(
        r"(?i)(?P<approx>(?-u:\b)(?:about|approximately|approx\.?|around|roughly|nearly|almost|an estimated|estimated|over|more than|at least|upwards of|up to|some|close to|under|fewer than|less than)\s+|~\s*|≈\s*)?(?P<a>{one})(?:\s*(?:-|–|—|to)\s*(?P<b>{one}))?"
    ))
});

/// Every number in `text`, in order. Numbers that are part of a time
/// (`08:41`), a date (`2025-10-14`, `12/02/25`), a version (`v2.14.0`) or a
/// name (`SEV-2`, `OPS-118`) are left out.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut found = Vec::new();
    find_quantities_with(text, &mut found, &mut |_| {});
    found
}

/// [`find_quantities`], added to `found`, which also gives `word`, in
/// order, the offset of every word of `text` that starts with an ASCII
/// letter after an ASCII word boundary, as its scanner passes them, so that
/// a caller that reads such words need not walk the text again. `false`
/// when the text was searched with the pattern instead, and no word was
/// given.
pub(crate) fn find_quantities_with(
    text: &str,
    found: &mut Vec<Quantity>,
    word: &mut impl FnMut(usize),
) -> bool {
    // An ASCII text is scanned as it is, its matches read as they are found.
    if text.is_ascii() && memchr::memchr2(2, 3, text.as_bytes()).is_none() {
        let mut at = 0;
        while let Some(m) = number_after(text.as_bytes(), &mut at, word) {
            read_match(text, m, found);
        }
        return true;
    }
    if let Some(matches) = scanned_matches_with(text, word) {
        for m in matches {
            read_match(text, m, found);
        }
        return true;
    }
    let matches: Vec<NumberMatch> = NUMBER
        .captures_iter(text, 4)
        .into_iter()
        .filter_map(|caps| {
            Some(NumberMatch {
                whole: caps[0].clone()?,
                approx: caps[1].is_some(),
                a: caps[2].clone()?,
                b: caps[3].clone(),
            })
        })
        .collect();
    for m in matches {
        read_match(text, m, found);
    }
    false
}

/// Adds to `found` the quantity of one match of [`NUMBER`] in `text`,
/// unless it is part of something else or has no value.
fn read_match(text: &str, m: NumberMatch, found: &mut Vec<Quantity>) {
    let NumberMatch {
        whole,
        approx,
        a,
        b,
    } = m;
    let a = &a;
    // `b` only when it is itself a clean number.
    let b = b.as_ref();
    let number_end = b.map_or(a.end, |b| b.end);
    if !stands_alone(text, a.start, number_end) {
        return;
    }
    let Some(low) = value_of(&text[a.clone()]) else {
        return;
    };
    let high = b.and_then(|b| value_of(&text[b.clone()]));
    let (low, high, ranged) = match high {
        Some(high) if high >= low => (low, high, true),
        _ => (low, low, false),
    };
    // A dash joining two numbers is a range, not a minus sign.
    let negative = text[a.clone()].starts_with('-') && !ranged;
    found.push(Quantity {
        span: whole.start..if ranged { number_end } else { a.end },
        low,
        high,
        approximate: approx || ranged,
        negative,
    });
}

/// The matches of [`NUMBER`] in `text`, found by the scanner
/// [`number_after`] on the text itself when it is ASCII, else on a
/// stand-in of one byte per character: `–` and `—` become `\x02`, `≈`
/// `\x03`, white space `\x0B` (a `\s` that is not the pattern's literal
/// space) and any other character `\x01`. The pattern's `\b` are ASCII
/// word boundaries, to which a non-ASCII character is no word character
/// either way, and no other character is a `\s`, a `\d`, a dash or `≈`,
/// or a letter of its words in any case: `None` (search with the pattern)
/// for a text with a character that is one ([`FOLDS_TO_ASCII`], a
/// non-ASCII digit), or with a byte `\x02` or `\x03` of its own.
#[cfg(test)]
fn scanned_matches(text: &str) -> Option<Vec<NumberMatch>> {
    scanned_matches_with(text, &mut |_| {})
}

/// [`scanned_matches`], giving `word` the offset in `text` of every word
/// that starts with an ASCII letter, as [`find_quantities_with`] does; none
/// when the text is for the pattern to search.
fn scanned_matches_with(text: &str, word: &mut impl FnMut(usize)) -> Option<Vec<NumberMatch>> {
    if text.is_ascii() {
        if memchr::memchr2(2, 3, text.as_bytes()).is_some() {
            return None;
        }
        let (h, mut at) = (text.as_bytes(), 0);
        return Some(std::iter::from_fn(|| number_after(h, &mut at, word)).collect());
    }
    let mut standin = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        standin.push(match c {
            '\x02' | '\x03' => return None,
            c if c.is_ascii() => c as u8,
            '–' | '—' => 2,
            '≈' => 3,
            c if c.is_whitespace() => 0x0B,
            c if c.is_numeric() || FOLDS_TO_ASCII.contains(&c) => return None,
            _ => 1,
        });
        offsets.push(i);
    }
    offsets.push(text.len());
    let at = |r: Range<usize>| offsets[r.start]..offsets[r.end];
    let mut p = 0;
    // A letter of the stand-in is the same letter of the text, and a word
    // starts there in both or in neither.
    let mut word = |i: usize| word(offsets[i]);
    Some(
        std::iter::from_fn(|| number_after(&standin, &mut p, &mut word))
            .map(|m| NumberMatch {
                whole: at(m.whole),
                approx: m.approx,
                a: at(m.a),
                b: m.b.map(at),
            })
            .collect(),
    )
}

/// One match of [`NUMBER`]: the whole match, whether it has an
/// approximation word, and the ranges of the number and of a range's end.
#[derive(Debug, PartialEq)]
struct NumberMatch {
    whole: Range<usize>,
    approx: bool,
    a: Range<usize>,
    b: Option<Range<usize>>,
}

/// The words of [`NUMBER`]'s `approx` group, in the pattern's order (the
/// scanner reads them by first letter from [`approx_words_from`]).
const APPROX_WORDS: &[&str] = &[
    "about",
    "approximately",
    "approx",
    "around",
    "roughly",
    "nearly",
    "almost",
    "an estimated",
    "estimated",
    "over",
    "more than",
    "at least",
    "upwards of",
    "up to",
    "some",
    "close to",
    "under",
    "fewer than",
    "less than",
];

/// The matches of [`NUMBER`] on an ASCII text or stand-in
/// ([`scanned_matches`]), found as the regex finds them (leftmost-first,
/// without overlap) by a scanner.
#[cfg(test)]
fn number_matches(h: &[u8]) -> impl Iterator<Item = NumberMatch> + '_ {
    let mut p = 0;
    std::iter::from_fn(move || number_after(h, &mut p, &mut |_| {}))
}

/// The first match of [`NUMBER`] in `h` (see [`number_matches`]) at or
/// after `*p`; `*p` moves past it. Gives `word` the offset of every word
/// that starts with an ASCII letter (after an ASCII word boundary) before
/// the match's end, in order, from `*p` on: the scanner passes each one
/// outside a match, and a match's own are read after it.
fn number_after(h: &[u8], at: &mut usize, word: &mut impl FnMut(usize)) -> Option<NumberMatch> {
    let mut p = *at;
    // Only a letter, `_`, a digit, `-`, `~` or `\x03` (`≈`) may start a
    // match; other bytes are passed over in one go.
    while let Some(n) = h[p..]
        .iter()
        .position(|&b| BYTE_CLASS[b as usize] & MAY_START != 0)
    {
        p += n;
        let c = h[p];
        if BYTE_CLASS[c as usize] & LETTER != 0 {
            // Only a word's start may start a match, and only with a first
            // letter and then two or three bytes that a word of the
            // pattern starts with.
            if c != b'_' && word_starts(h, p) {
                word(p);
                if WORD_FIRST_LETTERS >> ((c | 0x20).wrapping_sub(b'a') & 31) & 1 == 1
                    && may_start_word(h, p)
                    && may_start_with_word(h, p)
                {
                    if let Some(m) = number_at(h, p) {
                        words_within(h, &m.whole, word);
                        *at = m.whole.end;
                        return Some(m);
                    }
                }
            }
            p = letters_end(h, p + 1);
            continue;
        }
        // A `-` starts a match only before a digit (`-5`): no word follows it.
        if c == b'-' && !h.get(p + 1).is_some_and(u8::is_ascii_digit) {
            p += 1;
            continue;
        }
        match number_at(h, p) {
            Some(m) => {
                words_within(h, &m.whole, word);
                *at = m.whole.end;
                return Some(m);
            }
            None => p += 1,
        }
    }
    *at = h.len();
    None
}

/// Gives `word` the words of a match `whole` of `h` that start with an
/// ASCII letter after its first byte (`about zero`, `5 to seven`), as
/// [`number_after`] does.
fn words_within(h: &[u8], whole: &Range<usize>, word: &mut impl FnMut(usize)) {
    for i in whole.start + 1..whole.end {
        if h[i].is_ascii_alphabetic() && !is_word_byte_at(h, i - 1) {
            word(i);
        }
    }
}

/// [`BYTE_CLASS`]: an ASCII letter or `_`.
const LETTER: u8 = 2;
/// [`BYTE_CLASS`]: a byte that may start a match of [`NUMBER`] in a
/// stand-in: a letter, `_`, a digit, `-`, `~` or `\x03` (`≈`).
const MAY_START: u8 = 4;

/// The classes of each byte, as bits, for the scanners' inner loops (one
/// table look-up a byte rather than a chain of range tests).
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() || c == b'_' {
            table[b] |= LETTER;
        }
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'~' | 3) {
            table[b] |= MAY_START;
        }
        b += 1;
    }
    table
};

/// The first letters of the words a match may start with at a word's
/// start (`a dozen`, [`APPROX_WORDS`] and [`WORD_NUMBERS`]), bit `k` for
/// the letter `k` after `a`: a word with another first letter is passed
/// over without [`may_start_word`].
const WORD_FIRST_LETTERS: u32 = {
    let mut mask = 1;
    let mut i = 0;
    while i < WORD_STARTS.len() {
        if WORD_STARTS[i] != 0 {
            mask |= 1 << (i / 26);
        }
        i += 1;
    }
    mask
};

/// The words a match may start with at a word's start ([`APPROX_WORDS`]
/// and [`WORD_NUMBERS`]) by their first three bytes, lower-cased: bit `k`
/// of entry `26 * first + second` (letters counted from `a`) is set when
/// a word starts with those two letters and then letter `k`, bit 26 when
/// then a space (`an estimated`, `up to`). Built from the two lists at
/// compile time; every word starts with two letters and a letter or space.
const WORD_STARTS: [u32; 26 * 26] = {
    let mut table = [0u32; 26 * 26];
    let mut list = 0;
    while list < 2 {
        let words = if list == 0 {
            APPROX_WORDS
        } else {
            WORD_NUMBERS
        };
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase());
            let bit = match w[2] {
                b'a'..=b'z' => w[2] - b'a',
                b' ' => 26,
                _ => panic!("a word starts with two letters and a letter or space"),
            };
            table[(w[0] - b'a') as usize * 26 + (w[1] - b'a') as usize] |= 1 << bit;
            i += 1;
        }
        list += 1;
    }
    table
};

/// True when a match may start with the word at `p`: its first three
/// bytes, lower-cased, start one of the pattern's words ([`WORD_STARTS`]),
/// or it is `a` and white space (`a dozen`).
#[inline]
fn may_start_word(h: &[u8], p: usize) -> bool {
    let Some(&[a, b, c]) = h.get(p..p + 3) else {
        return matches!(h[p], b'a' | b'A') && h.get(p + 1).is_some_and(|b| is_ascii_space(*b));
    };
    if matches!(a, b'a' | b'A') && is_ascii_space(b) {
        return true;
    }
    let (a, b) = (LETTER_INDEX[a as usize], LETTER_INDEX[b as usize]);
    if a >= 26 || b >= 26 {
        return false;
    }
    // No entry has bit 27, the index of a byte that is neither.
    WORD_STARTS[a as usize * 26 + b as usize] >> LETTER_INDEX[c as usize] & 1 == 1
}

/// The bit of each byte in [`WORD_STARTS`]: 0 to 25 for an ASCII letter
/// in either case (counted from `a`), 26 for a space, 27 for any other.
const LETTER_INDEX: [u8; 256] = {
    let mut table = [27u8; 256];
    let mut b = 0;
    while b < 26 {
        table[b'a' as usize + b] = b as u8;
        table[b'A' as usize + b] = b as u8;
        b += 1;
    }
    table[b' ' as usize] = 26;
    table
};

/// False when [`number_at`] cannot match at the word start `p` (an ASCII
/// letter): the run of letters there neither starts with a number word
/// nor is the first word of an approximation word that the text starts
/// with, and it is not `a` before white space and `dozen`, `hundred` or
/// `thousand`. Cheaper than [`number_at`] on the words that only start
/// like one (`a few`, `for`, `this`, `at`).
#[inline]
fn may_start_with_word(h: &[u8], p: usize) -> bool {
    let run = h[p..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let letter = h[p].to_ascii_lowercase();
    if run == 1 && letter == b'a' {
        let s = skip_space(h, p + 1);
        return s > p + 1
            && ["dozen", "hundred", "thousand"]
                .iter()
                .any(|w| starts_with_ci(h, s, w));
    }
    number_words_from(letter)
        .iter()
        .any(|w| w.len() <= run && starts_with_ci(h, p, w))
        || approx_words_from(letter).iter().any(|w| {
            // The length of the word's first word (`at` of `at least`).
            let first = w.bytes().position(|b| b == b' ').unwrap_or(w.len());
            first == run && starts_with_ci(h, p, w)
        })
}

fn skip_space(h: &[u8], mut i: usize) -> usize {
    while h.get(i).is_some_and(|b| is_ascii_space(*b)) {
        i += 1;
    }
    i
}

/// The words of [`APPROX_WORDS`] that start with `letter`, in order.
fn approx_words_from(letter: u8) -> &'static [&'static str] {
    match letter {
        b'a' => &[
            "about",
            "approximately",
            "approx",
            "around",
            "almost",
            "an estimated",
            "at least",
        ],
        b'r' => &["roughly"],
        b'n' => &["nearly"],
        b'e' => &["estimated"],
        b'o' => &["over"],
        b'm' => &["more than"],
        b'u' => &["upwards of", "up to", "under"],
        b's' => &["some"],
        b'c' => &["close to"],
        b'f' => &["fewer than"],
        b'l' => &["less than"],
        _ => &[],
    }
}

/// The words of [`WORD_NUMBERS`] that start with `letter`, in order.
fn number_words_from(letter: u8) -> &'static [&'static str] {
    match letter {
        b'z' => &["zero"],
        b'o' => &["one"],
        b't' => &[
            "two", "three", "ten", "twelve", "thirteen", "twenty", "thirty",
        ],
        b'f' => &["four", "five", "fourteen", "fifteen", "forty", "fifty"],
        b's' => &["six", "seven", "sixteen", "seventeen", "sixty", "seventy"],
        b'e' => &["eight", "eleven", "eighteen", "eighty"],
        b'n' => &["nine", "nineteen", "ninety"],
        _ => &[],
    }
}

/// Eight bytes, all `b`.
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each of eight bytes.
const HIGH: u64 = splat(0x80);

/// The high bit of each of eight bytes (read as a little-endian `u64`)
/// that is an ASCII letter or `_` ([`LETTER`]). Each test adds to bytes of
/// at most `0x7F` no more than makes `0xFF`, so that no carry crosses into
/// the next byte; a byte with its high bit set is tested on its low bits,
/// then dropped.
#[inline]
fn letter_bytes(x: u64) -> u64 {
    let v = x & !HIGH;
    let lower = v | splat(0x20);
    let letter = (lower + splat(0x80 - b'a')) & !(lower + splat(0x7F - b'z'));
    let t = v ^ splat(b'_');
    let underscore = !((t + splat(0x7F)) | t);
    (letter | underscore) & !x & HIGH
}

/// The high bit of each of eight bytes (read as a little-endian `u64`)
/// that is an ASCII word character (`(?-u:\w)`: a letter, a digit or `_`),
/// as [`letter_bytes`] tests them.
#[inline]
fn word_bytes(x: u64) -> u64 {
    let v = x & !HIGH;
    let digit = (v + splat(0x80 - b'0')) & !(v + splat(0x7F - b'9'));
    letter_bytes(x) | digit & !x & HIGH
}

/// The end of the run of ASCII letters and `_` ([`LETTER`]) that starts
/// at `i` in `h`, read eight bytes at a time.
#[inline]
fn letters_end(h: &[u8], mut i: usize) -> usize {
    while let Some(eight) = h.get(i..i + 8) {
        let mut x = [0u8; 8];
        x.copy_from_slice(eight);
        let others = !letter_bytes(u64::from_le_bytes(x)) & HIGH;
        if others != 0 {
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while h
        .get(i)
        .is_some_and(|&b| BYTE_CLASS[b as usize] & LETTER != 0)
    {
        i += 1;
    }
    i
}

/// The offsets where an ASCII word starts in a text, in order: each byte
/// that is a word character (`(?-u:\w)`) after a byte that is none, or
/// first. The bytes are read eight at a time.
pub(crate) struct WordStarts<'h> {
    h: &'h [u8],
    /// The offset of the next eight bytes to read.
    next: usize,
    /// The offset of the eight bytes `starts` marks.
    base: usize,
    /// The starts among them not yet given: the high bit of their byte.
    starts: u64,
    /// Their word characters, for the boundary before the next eight.
    words: u64,
}

impl<'h> WordStarts<'h> {
    pub(crate) fn new(h: &'h [u8]) -> WordStarts<'h> {
        WordStarts {
            h,
            next: 0,
            base: 0,
            starts: 0,
            words: 0,
        }
    }
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.starts == 0 {
            let at = self.next;
            let x = match self.h.get(at..at + 8) {
                Some(eight) => u64::from_le_bytes(eight.try_into().ok()?),
                None if at < self.h.len() => {
                    // The last bytes, padded with zeros (no word character).
                    let mut eight = [0u8; 8];
                    eight[..self.h.len() - at].copy_from_slice(&self.h[at..]);
                    u64::from_le_bytes(eight)
                }
                None => return None,
            };
            let words = word_bytes(x);
            // A word byte whose byte before (in the last eight for the
            // first) is none.
            self.starts = words & !((words << 8) | (self.words >> 56));
            self.words = words;
            self.base = at;
            self.next = at + 8;
        }
        let i = self.base + (self.starts.trailing_zeros() / 8) as usize;
        self.starts &= self.starts - 1;
        Some(i)
    }
}

/// True when `h[i..]` starts with `word`, in any case.
#[inline]
fn starts_with_ci(h: &[u8], i: usize, word: &str) -> bool {
    h.get(i..i + word.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(word.as_bytes()))
}

/// True at an ASCII word boundary before the word character at `i`.
#[inline]
fn word_starts(h: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte_at(h, i - 1)
}

/// The match of [`NUMBER`] that starts at `p`, if any.
fn number_at(h: &[u8], p: usize) -> Option<NumberMatch> {
    let c = h[p];
    // Words (approximations, numbers, `a dozen`) start after a boundary.
    let may_start = c.is_ascii_digit()
        || matches!(c, b'-' | b'~' | 3)
        || c.is_ascii_alphabetic() && word_starts(h, p);
    if !may_start {
        return None;
    }
    // With an approximation word first, then without.
    // Where the number may start, in the order the regex tries; at most
    // two approximation words start alike (`approximately`, `approx`).
    let mut starts = [(0, false); 4];
    let mut n = 0;
    let mut push = |at: usize, approx: bool| {
        starts[n] = (at, approx);
        n += 1;
    };
    if matches!(c, b'~' | 3) {
        push(skip_space(h, p + 1), true);
    } else if c.is_ascii_alphabetic() && word_starts(h, p) {
        for w in approx_words_from(c.to_ascii_lowercase()) {
            if !starts_with_ci(h, p, w) {
                continue;
            }
            let end = p + w.len();
            // `approx\.?\s+`: with the dot when spaces follow it.
            if *w == "approx" && h.get(end) == Some(&b'.') && skip_space(h, end + 1) > end + 1 {
                push(skip_space(h, end + 1), true);
            } else if skip_space(h, end) > end {
                push(skip_space(h, end), true);
            }
        }
    }
    push(p, false);
    for &(at, approx) in &starts[..n] {
        let Some(a_end) = one_at(h, at) else {
            continue;
        };
        // `\s*(?:-|–|—|to)\s*` and a second number.
        let s = skip_space(h, a_end);
        let sep = match h.get(s) {
            Some(b'-' | 2) => Some(s + 1),
            _ if starts_with_ci(h, s, "to") => Some(s + 2),
            _ => None,
        };
        let b = sep.and_then(|t| {
            let u = skip_space(h, t);
            one_at(h, u).map(|e| u..e)
        });
        return Some(NumberMatch {
            whole: p..b.as_ref().map_or(a_end, |b| b.end),
            approx,
            a: at..a_end,
            b,
        });
    }
    None
}

/// The end of [`NUMBER`]'s `one` (a number in digits or words) at `i`.
fn one_at(h: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if h.get(j) == Some(&b'-') {
        j += 1;
    }
    let run = h[j.min(h.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if run > 0 {
        // `\d{1,3}(?:,\d{3})+` before `\d+`, then `(?:\.\d+)?`.
        let group = |k: usize| {
            h.get(k) == Some(&b',')
                && h.get(k + 1..k + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        };
        let mut e = j + run;
        if run <= 3 {
            while group(e) {
                e += 4;
            }
        }
        if h.get(e) == Some(&b'.') && h.get(e + 1).is_some_and(u8::is_ascii_digit) {
            e += 1;
            while h.get(e).is_some_and(u8::is_ascii_digit) {
                e += 1;
            }
        }
        return Some(e);
    }
    if j != i || !h.get(i).is_some_and(u8::is_ascii_alphabetic) || !word_starts(h, i) {
        return None;
    }
    if let Some(w) = number_words_from(h[i].to_ascii_lowercase())
        .iter()
        .find(|w| starts_with_ci(h, i, w))
    {
        let mut e = i + w.len();
        if matches!(h.get(e), Some(b'-' | b' ')) {
            if let Some(u) = WORD_NUMBERS[1..10]
                .iter()
                .find(|u| starts_with_ci(h, e + 1, u))
            {
                e += 1 + u.len();
            }
        }
        let s = skip_space(h, e);
        if s > e {
            if starts_with_ci(h, s, "hundred") {
                e = s + 7;
            } else if starts_with_ci(h, s, "thousand") {
                e = s + 8;
            }
        }
        return Some(e);
    }
    if starts_with_ci(h, i, "a") {
        let s = skip_space(h, i + 1);
        if s > i + 1 {
            for w in ["dozen", "hundred", "thousand"] {
                if starts_with_ci(h, s, w) {
                    return Some(s + w.len());
                }
            }
        }
    }
    None
}

/// True when the digits at `start..end` are not glued to a time, date,
/// version or identifier.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = match text.as_bytes()[..start].last() {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[..start].chars().next_back(),
    };
    let after = char_at(text, end);
    let after2 = after.and_then(|c| char_at(text, end + c.len_utf8()));
    let glued_before = before.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(c, ':' | '/' | '.' | '-' | '_' | '#' | '$' | '₿' | '£' | '€')
    });
    let glued_after = after.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(c, ':' | '/' | '_')
            || (matches!(c, '.' | '-' | ',') && after2.is_some_and(|c| c.is_ascii_digit()))
    });
    !(glued_before || glued_after)
}

/// The character that starts at byte `at` of `text` (a char boundary),
/// read from its byte when it is ASCII; `None` at the end.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

/// The value of one number as written (`2,317`, `53.4`, `Twenty-one`, `a dozen`).
pub fn value_of(text: &str) -> Option<f64> {
    // Digits as the scanner finds them: no space to fold, no letter to
    // lower-case; the commas dropped in place.
    let bytes = text.as_bytes();
    if bytes.len() <= 32
        && bytes
            .first()
            .is_some_and(|b| b.is_ascii_digit() || *b == b'-')
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-'))
    {
        let mut digits = [0u8; 32];
        let mut n = 0;
        for &b in bytes.iter().filter(|b| **b != b',') {
            digits[n] = b;
            n += 1;
        }
        // A whole number of at most 15 digits is exact as an `f64`: it is
        // read without the float parser, to the same value.
        let digits = &digits[..n];
        if n <= 15 && digits.iter().all(u8::is_ascii_digit) {
            return Some(
                digits
                    .iter()
                    .fold(0u64, |v, d| v * 10 + u64::from(d - b'0')) as f64,
            );
        }
        return std::str::from_utf8(digits).ok()?.parse().ok();
    }
    let t = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    if t.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        return t.replace(',', "").parse().ok();
    }
    match t.as_str() {
        "a dozen" => return Some(12.0),
        "a hundred" => return Some(100.0),
        "a thousand" => return Some(1000.0),
        _ => {}
    }
    let mut total = 0.0;
    let mut current = 0.0;
    for word in t.split([' ', '-']).filter(|w| !w.is_empty()) {
        match word {
            "hundred" => current *= 100.0,
            "thousand" => {
                total += current * 1000.0;
                current = 0.0;
            }
            w => current += word_value(w)?,
        }
    }
    Some(total + current)
}

/// The value of a number word of [`WORD_NUMBERS`]: the twenty units
/// (`zero` to `nineteen`), then the tens (`twenty` to `ninety`).
fn word_value(word: &str) -> Option<f64> {
    let i = WORD_NUMBERS.iter().position(|w| *w == word)?;
    Some(if i < 20 {
        i as f64
    } else {
        (i as f64 - 18.0) * 10.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`letter_bytes`] and [`word_bytes`] read each of eight bytes as the
    /// byte tests do one at a time, whatever its neighbours.
    #[test]
    fn eight_byte_tests_agree_with_one_byte_tests() {
        let letter = |b: u8| BYTE_CLASS[b as usize] & LETTER != 0;
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let eight = [a, b, a, b, b, a, a, b];
                let x = u64::from_le_bytes(eight);
                for (k, &c) in eight.iter().enumerate() {
                    let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                    assert_eq!(bit(letter_bytes(x)), letter(c), "{eight:?} {k}");
                    assert_eq!(
                        bit(word_bytes(x)),
                        is_word_byte_at(&eight, k),
                        "{eight:?} {k}"
                    );
                }
                assert_eq!(letter_bytes(x) & !HIGH, 0);
                assert_eq!(word_bytes(x) & !HIGH, 0);
            }
        }
    }

    /// [`find_quantities_with`] gives every word that starts with an ASCII
    /// letter once, in order: those its scanner passes and those within
    /// its matches (`about zero`, `5 to seven`).
    #[test]
    fn number_scanner_gives_every_word() {
        let pieces = [
            "1", "23", ",123", ".5", "-", "~", "\u{2248}", "\u{2013}", " ", "to", "a ", "dozen",
            "one", "zero", "-one", " nine", "about", "approx.", "up to", "no", "all", "x", "_",
            "é", ":", "ſ", "\x02", "Zero", "every",
        ];
        let (mut read, mut words) = (0, 0);
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x2545_f491_4f6c_dd1d)
        {
            let (mut given, mut found) = (Vec::new(), Vec::new());
            let scanned = find_quantities_with(&t, &mut found, &mut |i| given.push(i));
            assert_eq!(found, find_quantities(&t), "{t:?}");
            if !scanned {
                assert!(given.is_empty(), "{t:?}");
                continue;
            }
            let h = t.as_bytes();
            let expected: Vec<usize> = (0..h.len())
                .filter(|&i| h[i].is_ascii_alphabetic() && word_starts(h, i))
                .collect();
            assert_eq!(given, expected, "{t:?}");
            read += 1;
            words += given.len();
        }
        assert!(
            read > 10_000 && words > 20_000,
            "{read} texts, {words} words"
        );
    }

    /// [`WordStarts`] and [`letters_end`] find what a byte-by-byte reading
    /// finds, across the eight-byte steps and at the end of the text.
    #[test]
    fn word_starts_and_letter_runs_agree_with_a_byte_reading() {
        let texts = [
            "",
            "a",
            " a",
            "all users_x, 12 no-one; é zero\u{a0}none of the__2 ab1c",
            "abcdefghijklmnopqrstuvwxyz0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "\u{7f}@[`{/:~ aZ_9 ſK éa ZZZZZZZZ ________ 12345678x",
        ];
        for text in texts {
            for skip in 0..text.len().min(9) {
                let h = &text.as_bytes()[skip..];
                let starts: Vec<usize> = (0..h.len())
                    .filter(|&i| is_word_byte_at(h, i) && word_starts(h, i))
                    .collect();
                assert_eq!(WordStarts::new(h).collect::<Vec<_>>(), starts, "{h:?}");
                for i in 0..=h.len() {
                    let end = i + h[i..]
                        .iter()
                        .take_while(|&&b| BYTE_CLASS[b as usize] & LETTER != 0)
                        .count();
                    assert_eq!(letters_end(h, i), end, "{h:?} {i}");
                }
            }
        }
    }

    fn values(text: &str) -> Vec<(f64, f64, bool)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.low, q.high, q.approximate))
            .collect()
    }

    /// The scanner's matches and the regex's, on an ASCII stand-in.
    fn both(text: &str) -> (Vec<NumberMatch>, Vec<NumberMatch>) {
        let regex = regex_matches(&NUMBER.standin, text);
        (number_matches(text.as_bytes()).collect(), regex)
    }

    /// The matches of `pattern` (the number pattern, in one of its forms).
    fn regex_matches(pattern: &crate::model::pattern::Twin, text: &str) -> Vec<NumberMatch> {
        pattern
            .captures_iter(text)
            .map(|c| NumberMatch {
                whole: c.get(0).unwrap().range(),
                approx: c.get(1).is_some(),
                a: c.get(2).unwrap().range(),
                b: c.get(3).map(|b| b.range()),
            })
            .collect()
    }

    #[test]
    fn word_tables_keep_the_patterns_order() {
        for letter in b'a'..=b'z' {
            let approx: Vec<&str> = APPROX_WORDS
                .iter()
                .copied()
                .filter(|w| w.as_bytes()[0] == letter)
                .collect();
            assert_eq!(approx_words_from(letter), approx);
            let numbers: Vec<&str> = WORD_NUMBERS
                .iter()
                .copied()
                .filter(|w| w.as_bytes()[0] == letter)
                .collect();
            assert_eq!(number_words_from(letter), numbers);
        }
    }

    #[test]
    fn number_scanner_agrees_with_the_pattern() {
        let texts = [
            "2,317 users, 1,234,5678 and 1234,567 or 12,34 and 1,2345",
            "about 250, approx. 7, approx 8, approximately nine, ~ 3, ~4-5, \x03 6",
            "Twenty-one, twenty one, seventeen, sixty, twenty-seventeen, twenty onesie",
            "seven hundred, two  thousand, a dozen, a  hundred, A Thousand, a few",
            "4-5 users, 90 to 100, 4 - -5, 4--5, 3 tomatoes, 2\x02 3, 7 TO 9",
            "-5% of users, - 5, x-5, v2.14.0, 08:41, 2025-10-14, SEV-2, OPS-118",
            "someone, awesome 5, overt 5, some 5, up to 6, upwards of 7, an estimated 8",
            "more than ten, fewer than 3, less than four, close to 90, under 5, at least 1",
            "often, tenant, ten, none, one_two, _one, 1.5.6, 3. and .5",
            "approx.  5, approx.x, about about 5, about, roughly\tsix",
        ];
        for t in texts {
            let (scanned, regex) = both(t);
            assert_eq!(scanned, regex, "{t}");
        }
    }

    #[test]
    fn number_scanner_agrees_on_generated_texts() {
        let pieces = [
            "1",
            "23",
            "456",
            "7890",
            ",",
            ",123",
            ".",
            ".5",
            "-",
            "\x02",
            "\x03",
            "~",
            " ",
            "  ",
            "\t",
            "to",
            "TO",
            "a",
            "A ",
            "dozen",
            "hundred",
            "thousand",
            "one",
            "seven",
            "teen",
            "twenty",
            "ninety",
            "-one",
            " nine",
            "about",
            "approx",
            "approx.",
            "approximately",
            "some",
            "up to",
            "upwards of",
            "an estimated",
            "x",
            "_",
            "é",
            ":",
        ];
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x9e37_79b9_7f4a_7c15)
        {
            let t = t.replace('é', "e");
            let (scanned, regex) = both(&t);
            assert_eq!(scanned, regex, "{t:?}");
        }
    }

    /// The scanner's matches on a non-ASCII text's stand-in and the
    /// Unicode pattern's on the text; `None` when the text is left to the
    /// pattern.
    fn both_unicode(text: &str) -> Option<(Vec<NumberMatch>, Vec<NumberMatch>)> {
        let scanned = scanned_matches(text)?;
        Some((scanned, regex_matches(&NUMBER.full, text)))
    }

    #[test]
    fn number_scanner_agrees_with_the_pattern_on_any_text() {
        let texts = [
            "café 2,317 users – about\u{a0}250 – ~\u{2009}7 ≈ 5 and 4–5, 4 — 5",
            "Twenty\u{a0}one, about\u{a0}\u{a0}seven\u{a0}hundred, a\u{a0}dozen, a\u{3000}thousand",
            "élan 5 ’7’ “eight” naïve nine, 3\u{a0}to\u{a0}9, ten\u{a0}-\u{a0}twelve",
            "x\u{85}5 and é5, 5é, _5, ünter 5",
        ];
        for t in texts {
            let (scanned, regex) = both_unicode(t).expect("scanned");
            assert_eq!(scanned, regex, "{t}");
            assert!(!scanned.is_empty());
        }
        // Left to the pattern: letters that fold to ASCII, other digits.
        for t in ["\u{17f}ome 5", "5 \u{212a}", "٣ users", "\x02 5"] {
            assert!(scanned_matches(t).is_none(), "{t}");
        }
        let pieces = [
            "1", "23", "456", ",", ",123", ".", ".5", "-", "–", "—", "≈", "~", " ", "\u{a0}",
            "\u{2009}", "\t", "to", "a", "A ", "dozen", "hundred", "thousand", "one", "seven",
            "teen", "twenty", "-one", " nine", "about", "approx.", "some", "up to", "x", "é", "’",
            "“", ":", "_", "Ü",
        ];
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 8, 0x51_7cc1_b727_220a) {
            let (scanned, regex) = both_unicode(&t).expect("scanned");
            assert_eq!(scanned, regex, "{t:?}");
        }
    }

    #[test]
    fn word_gate_never_hides_a_match() {
        let pieces = [
            "a",
            "A",
            "an",
            "at",
            " ",
            "  ",
            "\x0b",
            "dozen",
            "hundred",
            "thousand",
            "few",
            "for",
            "forty",
            "four",
            "this",
            "thirty",
            "ten",
            "tenant",
            "about",
            "approx",
            "approx.",
            "estimated",
            "some",
            "up",
            " to",
            "upwards",
            " of",
            "least",
            "more",
            " than",
            "1",
            "-",
            "_",
            "x",
            "\x01",
            ".",
            "seven",
            "several",
            "one",
            "on",
            "none",
        ];
        let (mut kept, mut ruled_out) = (0, 0);
        for t in crate::model::pattern::generated_exactly(&pieces, 20_000, 6, 0x6a09_e667_f3bc_c908)
        {
            let h = t.as_bytes();
            for p in 0..h.len() {
                if !(h[p].is_ascii_alphabetic() && word_starts(h, p)) {
                    continue;
                }
                if may_start_with_word(h, p) {
                    kept += 1;
                } else {
                    ruled_out += 1;
                    assert_eq!(number_at(h, p), None, "{t:?} at {p}");
                }
            }
        }
        assert!(
            kept > 5_000 && ruled_out > 10_000,
            "{kept} kept, {ruled_out} ruled out"
        );
    }

    #[test]
    fn values_of_digits() {
        for (t, v) in [
            ("2,317", Some(2317.0)),
            ("-5", Some(-5.0)),
            ("53.4", Some(53.4)),
            ("1,234,567.25", Some(1_234_567.25)),
            ("-", None),
            ("4-5", None),
            ("5.", Some(5.0)),
            ("Twenty-one", Some(21.0)),
            ("a  Dozen", Some(12.0)),
        ] {
            assert_eq!(value_of(t), v, "{t}");
        }
        // Whole numbers read without the float parser, as it reads them.
        let mut seed: u64 = 0xbb67_ae85_84ca_a73b;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = (seed >> 40) as usize % 22 + 1;
            let t: String = (0..digits)
                .map(|k| char::from(b'0' + (seed >> (k % 30)) as u8 % 10))
                .collect();
            assert_eq!(value_of(&t), t.parse().ok(), "{t}");
        }
    }

    /// [`may_start_word`] as it was: a binary search of the words' first
    /// three bytes, packed, sorted.
    fn may_start_word_by_search(h: &[u8], p: usize) -> bool {
        let mut keys: Vec<u32> = APPROX_WORDS
            .iter()
            .chain(WORD_NUMBERS)
            .map(|w| {
                let w = w.as_bytes();
                (w[0] as u32) << 16 | (w[1] as u32) << 8 | w[2] as u32
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let b = |k: usize| h.get(p + k).map_or(0, |b| b.to_ascii_lowercase() as u32);
        (matches!(h[p], b'a' | b'A') && h.get(p + 1).is_some_and(|b| is_ascii_space(*b)))
            || keys.binary_search(&(b(0) << 16 | b(1) << 8 | b(2))).is_ok()
    }

    #[test]
    fn word_table_agrees_with_a_search_of_the_words() {
        let bytes: Vec<u8> = (b'a'..=b'z')
            .chain(b'A'..=b'Z')
            .chain([
                b' ', b'\t', 0x0B, b'_', b'0', b'-', b'@', b'[', b'`', b'{', 0, 0x80, 0xC3,
            ])
            .collect();
        let mut seen = 0;
        for &x in &bytes {
            for &y in &bytes {
                for len in 1..=3 {
                    for &z in &bytes {
                        let h = [x, y, z];
                        let h = &h[..len];
                        let fast = may_start_word(h, 0);
                        seen += usize::from(fast);
                        assert_eq!(fast, may_start_word_by_search(h, 0), "{h:?}");
                    }
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }

    #[test]
    fn word_starts_cover_the_patterns_words() {
        for w in APPROX_WORDS.iter().chain(WORD_NUMBERS) {
            let upper = w.to_ascii_uppercase();
            assert!(may_start_word(upper.as_bytes(), 0), "{w}");
        }
        assert!(may_start_word(b"a\x0bdozen", 0) && !may_start_word(b"the", 0));
    }

    #[test]
    fn digits_words_approximations_ranges() {
        assert_eq!(values("2,317 users"), [(2317.0, 2317.0, false)]);
        assert_eq!(values("seven users"), [(7.0, 7.0, false)]);
        assert_eq!(values("Twenty-one people"), [(21.0, 21.0, false)]);
        assert_eq!(values("about 250 users"), [(250.0, 250.0, true)]);
        assert_eq!(values("~7% of users"), [(7.0, 7.0, true)]);
        assert_eq!(values("4-5 users"), [(4.0, 5.0, true)]);
        assert_eq!(values("90 to 100 orders"), [(90.0, 100.0, true)]);
        assert_eq!(values("53.4% of users"), [(53.4, 53.4, false)]);
        assert_eq!(values("a dozen tickets"), [(12.0, 12.0, false)]);
    }

    #[test]
    fn times_dates_versions_and_keys_are_not_numbers() {
        assert!(values("at 08:41 on 2025-10-14, 12/02/25, v2.14.0, SEV-2, OPS-118").is_empty());
    }

    #[test]
    fn ranges_do_not_make_negatives() {
        let q = &find_quantities("-5% of users")[0];
        assert!(q.negative);
        assert_eq!(q.low, -5.0);
        assert!(!find_quantities("4-5 users")[0].negative);
    }

    #[test]
    fn agreement_allows_approximation() {
        let q = |t: &str| find_quantities(t).remove(0);
        assert!(q("about 250").agrees_with(&q("260")));
        assert!(!q("250").agrees_with(&q("260")));
        assert!(q("4-5").agrees_with(&q("5")));
        assert!(!q("12").agrees_with(&q("4")));
    }
}

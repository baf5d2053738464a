//! Numbers as reports write them: digits (`2,317`, `53.4`), words (`seven`,
//! `Twenty-one`, `a dozen`), approximations (`about 250`, `~7`) and ranges
//! (`4-5`, `90 to 100`).

use std::ops::Range;
use std::sync::LazyLock;

use std::borrow::Cow;

use crate::model::pattern::{Twin, is_plain_symbol};

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

/// A text lower-cased (ASCII letters only), for deciding cheaply whether a
/// case-insensitive pattern can match it before running the pattern.
///
/// Under Unicode case folding only two non-ASCII characters fold to ASCII
/// letters: `K` (Kelvin sign, to `k`) and `ſ` (long s, to `s`). A text with
/// either is said to have every cue, so a gate never skips a match.
#[derive(Debug)]
pub(crate) struct Cues {
    lower: String,
    folds: bool,
}

impl Cues {
    pub(crate) fn of(text: &str) -> Cues {
        Cues {
            lower: text.to_ascii_lowercase(),
            folds: !text.is_ascii() && text.contains(['\u{212A}', '\u{17F}']),
        }
    }

    /// True when `word` (lower case) may occur in the text, in any case.
    pub(crate) fn has(&self, word: &str) -> bool {
        self.folds || self.starts(word).next().is_some()
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

    /// True when any of `words` may occur at the start of a word (after an
    /// ASCII word boundary), in any case.
    pub(crate) fn has_any_word_start(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.find_word(w, false))
    }

    fn find_word(&self, word: &str, whole: bool) -> bool {
        if self.folds {
            return true;
        }
        let bytes = self.lower.as_bytes();
        let is_word = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        self.starts(word)
            .any(|at| (at == 0 || !is_word(at - 1)) && !(whole && is_word(at + word.len())))
    }

    /// Where `word` occurs in the lower-cased text. (The texts are short: a
    /// search for the first byte beats building a substring searcher.)
    fn starts<'a>(&'a self, word: &'a str) -> impl Iterator<Item = usize> + 'a {
        let bytes = self.lower.as_bytes();
        let word = word.as_bytes();
        memchr::memchr_iter(word[0], bytes).filter(move |&at| bytes[at..].starts_with(word))
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

/// The number words a number may start with.
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

/// A number; its groups are `approx` (1), `a` (2) and `b` (3).
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
    for caps in NUMBER.captures_iter(text, 4) {
        let (Some(whole), Some(a)) = (&caps[0], &caps[2]) else {
            continue;
        };
        // `b` only when it is itself a clean number.
        let b = caps[3].as_ref();
        let number_end = b.map_or(a.end, |b| b.end);
        if !stands_alone(text, a.start, number_end) {
            continue;
        }
        let Some(low) = value_of(&text[a.clone()]) else {
            continue;
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
            approximate: caps[1].is_some() || ranged,
            negative,
        });
    }
    found
}

/// True when the digits at `start..end` are not glued to a time, date,
/// version or identifier.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let after2 = text[end..].chars().nth(1);
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

/// The value of one number as written (`2,317`, `53.4`, `Twenty-one`, `a dozen`).
pub fn value_of(text: &str) -> Option<f64> {
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

fn word_value(word: &str) -> Option<f64> {
    let units = [
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
    ];
    let tens = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = units.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    tens.iter()
        .position(|t| *t == word)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(f64, f64, bool)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.low, q.high, q.approximate))
            .collect()
    }

    #[test]
    fn cues_never_miss_a_case_insensitive_match() {
        let c = Cues::of("Fix the BUG_: Owner-less, due 2026");
        assert!(c.has("owner") && c.has_any(&["x", "bug"]) && !c.has("tbd"));
        assert!(c.has_any_word_start(&["bug", "due"]) && !c.has_any_word_start(&["wner"]));
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

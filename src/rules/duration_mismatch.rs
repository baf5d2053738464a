use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::pattern::{self, Twin};

use crate::diagnostic::Diagnostic;
use crate::document::{Span, nearest};
use crate::model::Report;
use crate::model::time::{PlacedDuration, StatedWindow, describe_seconds, tail};

declare_rule! {
    /// ## What it does
    /// Checks that a duration stated in Summary or Impact matches the
    /// interval it describes in the same sentence: "For 40 minutes between
    /// 10:05 and 10:50" is 45 minutes.
    ///
    /// Durations in words and abbreviations count (`1 hr 12 minutes`,
    /// `1h 5m`, `an hour`, `half an hour`, `2 hrs`). Approximate wording
    /// ("about", "~", "roughly", "around", "nearly") and durations in whole
    /// hours allow ±10% or 1 minute, whichever is more. Bounds ("over 30
    /// minutes", "within an hour") and distances ("5 minutes after") are
    /// not compared.
    ///
    /// ## Why is this bad?
    /// A duration that contradicts its own start and end times leaves the
    /// reader unsure which is right, and the wrong one ends up in metrics
    /// such as time to resolve.
    ///
    /// ## Example
    /// ```markdown
    /// For 30 minutes between 08:41 and 09:17 UTC, orders failed.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// For 36 minutes between 08:41 and 09:17 UTC, orders failed.
    /// ```
    pub(crate) static DURATION_MISMATCH = {
        id: "duration-mismatch",
        family: Time,
        severity: Error,
        fix: Never,
        summary: "A stated duration matches the interval it describes",
        check: check,
    }
}

/// Words before a duration that make it the length of the window.
static LEADS_IN: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?:\bfor|\blasted|\blasting|\blasts|\btotal of|\bspanning|\bduration of|\boutage of|\bdowntime of|\bwindow of|\bperiod of|\bover a|\(|—|–)\s*(?:about|around|approximately|approx\.?|roughly|nearly|almost|~|a|an)?\s*$",
    )
});
/// The alternatives of [`LEADS_IN`]'s lead, and whether each needs a word
/// boundary before it.
const LEADS: &[(&str, bool)] = &[
    ("for", true),
    ("lasted", true),
    ("lasting", true),
    ("lasts", true),
    ("total of", true),
    ("spanning", true),
    ("duration of", true),
    ("outage of", true),
    ("downtime of", true),
    ("window of", true),
    ("period of", true),
    ("over a", true),
    ("(", false),
    ("—", false),
    ("–", false),
];

/// The alternatives of [`LEADS_IN`]'s optional hedge after the lead.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "approximately",
    "approx.",
    "approx",
    "roughly",
    "nearly",
    "almost",
    "~",
    "a",
    "an",
];

/// `text` without the ASCII white space (`\s` on plain text) at its end.
fn trim_space_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_ascii() && pattern::is_ascii_space(c as u8))
}

/// Whether [`LEADS_IN`] matches `text`: read backwards from its end on
/// [`pattern::plain`] text, so that the pattern is compiled only for other
/// text.
fn leads_in(text: &str) -> bool {
    if !pattern::plain(text) {
        return LEADS_IN.is_match(text);
    }
    let ends_with = |t: &str, word: &str| {
        t.len() >= word.len()
            && t.as_bytes()[t.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
    };
    let led = |t: &str| {
        LEADS.iter().any(|&(lead, boundary)| {
            ends_with(t, lead)
                && !(boundary && {
                    let at = t.len() - lead.len();
                    at > 0 && pattern::is_word_byte_at(t.as_bytes(), at - 1)
                })
        })
    };
    let text = trim_space_end(text);
    led(text)
        || HEDGES.iter().any(|hedge| {
            ends_with(text, hedge) && led(trim_space_end(&text[..text.len() - hedge.len()]))
        })
}

/// Words after a duration that make it the length of the window.
static LEADS_OUT: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)^\s*(?:-?\s*long\b|outage|incident|of\s+(?:downtime|outage|impact|disruption|degraded)|downtime|window|period|in\s+total|total|\))",
    )
});
static APPROX: LazyLock<Twin> = LazyLock::new(|| {
    Twin::new(
        r"(?i)(?:\babout|\baround|\bapprox|\broughly|\bnearly|\balmost|\bcirca|~|≈|\bestimated|\bapproximately)",
    )
});

/// The words of [`APPROX`] (`approx` also begins `approximately`).
const APPROX_WORDS: &[&str] = &[
    "about",
    "around",
    "approx",
    "roughly",
    "nearly",
    "almost",
    "circa",
    "estimated",
];

/// Where the first match of [`APPROX`] in `text` ends: a byte scan when
/// the text is [`pattern::plain`], so that the pattern is compiled only for
/// other text.
///
/// No match lies inside another (each word starts at a word boundary and
/// is all letters; `~` and `≈` are one character), and nothing after a
/// match decides it, so the pattern matches the first `n` bytes of `text`
/// exactly when the first match ends by `n`: one call serves every prefix
/// of a sentence.
fn approximately_ends(text: &str) -> Option<usize> {
    if !pattern::plain(text) {
        return APPROX.find(text).map(|m| m.end());
    }
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|at| {
        if bytes[at] == b'~' {
            return Some(at + 1);
        }
        if bytes[at..].starts_with("≈".as_bytes()) {
            return Some(at + "≈".len());
        }
        if at > 0 && pattern::is_word_byte_at(bytes, at - 1) {
            return None;
        }
        APPROX_WORDS
            .iter()
            .find(|word| {
                bytes
                    .get(at..at + word.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
            })
            .map(|word| at + word.len())
    })
}

/// Words that may sit between a duration and the window it measures.
const LINKING: &[&str] = &[
    "from",
    "between",
    "for",
    "a",
    "an",
    "lasting",
    "of",
    "utc",
    "z",
    "gmt",
    "on",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "i.e.",
    "ie",
    "total",
    "in",
    "that",
    "is",
    "was",
    "or",
    "which",
    "spanning",
];

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let source = &report.doc.source;
    if report.times.windows.is_empty() {
        return;
    }
    // The windows of each sentence, and where the first approximation
    // word of the last sentence asked about ends: found once per sentence,
    // not once per duration, so that a long sentence with many durations
    // costs its length.
    let mut by_sentence: HashMap<(usize, usize), Sentence> = HashMap::new();
    for w in &report.times.windows {
        by_sentence
            .entry((w.sentence.start, w.sentence.end))
            .or_default()
            .windows
            .push(w);
    }
    for sentence in by_sentence.values_mut() {
        sentence.ordered = sentence.windows.windows(2).all(|pair| {
            let (a, b) = (&pair[0].window.span, &pair[1].window.span);
            a.start <= b.start && a.end <= b.end
        });
    }
    let no_windows = Sentence::default();
    let mut approximate_from: Option<(Span, Option<usize>)> = None;
    for d in &report.times.durations {
        if d.detail.bound || d.detail.offset {
            continue;
        }
        let windows = by_sentence
            .get(&(d.sentence.start, d.sentence.end))
            .unwrap_or(&no_windows);
        let Some(window) = pair(report, d, windows) else {
            continue;
        };
        let Some(actual) = window.window.seconds() else {
            continue;
        };
        if actual <= 0 {
            continue;
        }
        let stated = d.detail.stated.seconds;
        // The sentence holds the duration, so the words before it are a
        // prefix of the sentence.
        let mut says_approximately = || {
            let sentence = &d.sentence;
            let ends = match &approximate_from {
                Some((s, ends)) if s == sentence => *ends,
                _ => {
                    let ends = source
                        .get(sentence.clone())
                        .and_then(approximately_ends)
                        .map(|end| sentence.start + end);
                    approximate_from = Some((sentence.clone(), ends));
                    ends
                }
            };
            ends.is_some_and(|end| end <= d.detail.stated.span.start)
        };
        let approximate = d.detail.stated.approximate
            || d.detail.round
            || window.window.approximate
            || says_approximately();
        let tolerance = if approximate {
            (actual / 10).max(60)
        } else {
            59
        };
        if (stated - actual).abs() <= tolerance {
            continue;
        }
        let written = report.doc.text(&d.detail.stated.span);
        let interval = format!(
            "{} to {}",
            report.doc.text(&window.window.start.clock_span),
            report.doc.text(&window.window.end.clock_span)
        );
        out.push(
            DURATION_MISMATCH
                .diagnostic(
                    d.detail.stated.span.clone(),
                    format!(
                        "this says {written}, but {interval} is {}",
                        describe_seconds(actual)
                    ),
                )
                .with_label(
                    window.window.span.clone(),
                    format!("{interval} is {}", describe_seconds(actual)),
                )
                .with_help(format!(
                    "correct the duration to {} or correct the start and end times",
                    describe_seconds(actual)
                )),
        );
    }
}

/// The windows of one sentence, in the report's order.
#[derive(Default)]
struct Sentence<'a> {
    windows: Vec<&'a StatedWindow>,
    /// The windows' starts and ends both never go back, so that the one
    /// nearest a place can be found by binary search.
    ordered: bool,
}

/// The window a duration describes: the only one in its sentence when the
/// duration is the only one there, or one right next to it, or one the
/// wording ties it to ("for …", "… outage").
fn pair<'a>(
    report: &Report<'_>,
    d: &PlacedDuration,
    windows: &Sentence<'a>,
) -> Option<&'a StatedWindow> {
    let source = &report.doc.source;
    let span = &d.detail.stated.span;
    let nearest = windows.windows[nearest(
        &windows.windows,
        |w| w.window.span.clone(),
        span,
        windows.ordered,
    )?];
    let gap = if nearest.window.span.start >= span.end {
        source.get(span.end..nearest.window.span.start)
    } else {
        source.get(nearest.window.span.end..span.start)
    }
    .unwrap_or("");
    // Only linking words between them: "for 36 minutes between …",
    // "… 09:17 (36 minutes)", "36 minutes, from …".
    let adjacent = gap.len() <= 40
        && gap
            .split(|c: char| c.is_whitespace() || ",()—–-:".contains(c))
            .filter(|w| !w.is_empty())
            .all(|w| {
                LINKING.contains(&w.to_ascii_lowercase().as_str())
                    || w.chars().all(|c| c.is_ascii_digit() || c == '/')
            });
    let worded = leads_in(tail(source, span.start, 40))
        || LEADS_OUT.is_match_at_start(source.get(span.end..).unwrap_or(""));
    (adjacent || worded).then_some(nearest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_in_agrees_with_its_pattern() {
        let pieces = [
            "for",
            "FOR",
            "lasted",
            "Lasting",
            "lasts",
            "total of",
            "spanning",
            "duration of",
            "outage of",
            "downtime of",
            "window of",
            "period of",
            "over a",
            "over",
            "(",
            "—",
            "–",
            "about",
            "approx.",
            "approx",
            "approximately",
            "a",
            "an",
            "~",
            " ",
            "  ",
            "\t",
            "\u{b}",
            "x",
            "be",
            "_",
            "9",
            "é",
            "ſ",
            "’",
            ".",
            "of",
            "total",
            "nearly",
            "ROUGHLY",
            "almost",
            "around",
            "\n",
        ];
        let mut matched = 0;
        for text in pattern::generated(&pieces, 30_000, 6) {
            let expected = LEADS_IN.is_match(&text);
            assert_eq!(leads_in(&text), expected, "{text:?}");
            matched += usize::from(expected);
        }
        assert!(matched > 1_000, "{matched}");
    }

    #[test]
    fn says_approximately_agrees_with_its_pattern() {
        let mut texts: Vec<String> = [
            "",
            "about",
            "About 40",
            "roughly",
            "the outage, nearly",
            "~40",
            "≈ 40",
            "xabout",
            "_about",
            "9about",
            "APPROXIMATELY",
            "approx.",
            "circa",
            "ESTIMATED",
            "estimate",
            "almoſt",
            "éabout",
            "— about",
            "“about”",
            "naïve roughly",
            "sabout",
            "round",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Every word behind every kind of neighbour.
        for word in APPROX_WORDS {
            for before in ["", " ", "a", "_", "1", "é", "—", "(", "ſ"] {
                texts.push(format!("{before}{word} 40"));
                texts.push(format!("{before}{}", word.to_uppercase()));
            }
        }
        // Every prefix of every text, as the check asks.
        let (mut said, mut unsaid) = (0, 0);
        for text in &texts {
            let ends = approximately_ends(text);
            for n in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
                let says = ends.is_some_and(|end| end <= n);
                assert_eq!(says, APPROX.is_match(&text[..n]), "{text:?} {n}");
                if says { said += 1 } else { unsaid += 1 }
            }
        }
        assert!(said > 100 && unsaid > 100, "{said} {unsaid}");
    }
}

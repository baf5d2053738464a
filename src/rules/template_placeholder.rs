use std::sync::LazyLock;

use crate::model::pattern::Twin;

use crate::diagnostic::Diagnostic;
use crate::document::{Block, BlockKind, Span};
use crate::model::Report;
use crate::model::guidance;

declare_rule! {
    /// ## What it does
    /// Finds template text left in the report: `{PLACEHOLDER}` braces,
    /// `**EXAMPLE**` markers, `YYYY-MM-DD`-style stand-ins, `TODO`/`TBD`,
    /// the guidance callouts of the course template (`> [!NOTE]` followed by
    /// an instruction such as "Write a summary…") and the guidance text that
    /// `incident new` writes under each heading.
    ///
    /// ## Why is this bad?
    /// Left-over template text tells the reader the report was not finished,
    /// and placeholders like `{NUMBER} users` hide the very facts the
    /// report is for.
    ///
    /// ## Example
    /// ```markdown
    /// ## Impact
    /// > [!NOTE]
    /// > Describe how the incident affected users.
    ///
    /// For {DURATION} between {START} and {END}, {NUMBER} users were affected.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Impact
    /// For 36 minutes between 08:41 and 09:17 UTC, 212 users (7%) could not order.
    /// ```
    pub(crate) static TEMPLATE_PLACEHOLDER = {
        id: "template-placeholder",
        family: Structure,
        severity: Error,
        fix: Never,
        summary: "No `{PLACEHOLDER}`, `**EXAMPLE**`, template guidance callout or example text left in",
        check: check,
    }
}

/// `{NUMBER}`, `{time range of incident}`: braces around words, not code.
/// The matches of `\{[^{}\n"':=;,()<>]*[A-Za-z][^{}\n"':=;()<>]{0,80}\}` in
/// `text`, in order: a `{`, then up to the first `}` no character of
/// `{}\n"':=;()<>`, among them an ASCII letter with no `,` before it and at
/// most 80 characters after it.
fn braces(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(open) = memchr::memchr(b'{', &bytes[from..]).map(|i| from + i) {
            from = open + 1;
            let close = from
                + bytes[from..]
                    .iter()
                    .take_while(|b| {
                        !matches!(
                            b,
                            b'{' | b'}'
                                | b'\n'
                                | b'"'
                                | b'\''
                                | b':'
                                | b'='
                                | b';'
                                | b'('
                                | b')'
                                | b'<'
                                | b'>'
                        )
                    })
                    .count();
            if bytes.get(close) != Some(&b'}') {
                continue;
            }
            let inside = &text[open + 1..close];
            let before_comma = &inside[..inside.find(',').unwrap_or(inside.len())];
            // The last letter leaves the fewest characters after it.
            let Some(letter) = before_comma.rfind(|c: char| c.is_ascii_alphabetic()) else {
                continue;
            };
            if inside[letter + 1..].chars().count() > 80 {
                continue;
            }
            from = close + 1;
            return Some(open..close + 1);
        }
        None
    })
}

/// Stand-ins the templates use for values.
static STAND_INS: LazyLock<Twin> = LazyLock::new(|| {
    Twin::scanning(
        r"\*\*EXAMPLE\*\*|\bEXAMPLE:|\bYYYY-MM-DD\b|\bHH[-:]mm(?:[-:]ss)?\b|\bHH:MM\b|\bTODO\b|\bTBD\b|\[(?:insert|your|name of)[^\]\n]*\]|<insert[^>\n]*>|(?i:lorem ipsum)",
    )
});

/// Literals of which every match of [`STAND_INS`] holds one: these as
/// written, or `psum` (of `lorem ipsum`) in any case. Each starts with bytes
/// that seldom start a run of prose by chance, which keeps the search fast.
const STAND_IN_LITERALS: &[&str] = &[
    "EXAMPLE",
    "YYYY-MM-DD",
    "HH-mm",
    "HH:mm",
    "HH:MM",
    "TODO",
    "TBD",
    "[insert",
    "[your",
    "[name of",
    "<insert",
];

/// Finds [`STAND_IN_LITERALS`] and `psum` in each of its 16 spellings
/// (a multi-string search of them all is much faster than one that ignores
/// case).
static STAND_IN_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let psum = (0..16u32).map(|upper| {
        "psum"
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if upper & (1 << i) != 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect::<String>()
    });
    let literals = STAND_IN_LITERALS.iter().map(|l| l.to_string()).chain(psum);
    // Leftmost-first: only then can the search skip ahead with a SIMD
    // prefilter. A contiguous NFA: cheaper to build than a DFA.
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(literals)
        .expect("valid literals")
});

/// Where a placeholder can start in a report: every `{` (where each match
/// of [`braces`] starts) and every literal of [`STAND_INS`], as sorted byte
/// offsets. A text with none of them is not searched, so a report without
/// them compiles neither pattern.
struct Starts {
    braces: Vec<usize>,
    stand_ins: Vec<usize>,
}

impl Starts {
    fn of(source: &str) -> Starts {
        let mut stand_ins = Vec::new();
        // Resuming right after each start finds overlapping ones too.
        let mut input = aho_corasick::Input::new(source);
        while let Some(m) = STAND_IN_FINDER.find(input.clone()) {
            stand_ins.push(m.start());
            input.set_start(m.start() + 1);
        }
        Starts {
            braces: memchr::memchr_iter(b'{', source.as_bytes()).collect(),
            stand_ins,
        }
    }

    /// True when one of `starts` lies within `span`.
    fn within(starts: &[usize], span: &Span) -> bool {
        let first = starts.partition_point(|&at| at < span.start);
        starts.get(first).is_some_and(|&at| at < span.end)
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let doc = &report.doc;
    let starts = Starts::of(&doc.source);
    if let Some(title) = &report.title {
        let stand_in = Starts::within(&starts.stand_ins, &title.span)
            .then(|| STAND_INS.find(doc.text(&title.span)))
            .flatten();
        if let Some(m) = stand_in {
            let start = title.span.start + m.start();
            out.push(
                TEMPLATE_PLACEHOLDER
                    .diagnostic(start..start + m.len(), format!("the title still has the template's `{}`", m.as_str()))
                    .with_help("write the UTC date and time the incident began: `# Incident: 2025-10-14 08-41-00`"),
            );
        }
    }
    let mut last_quote_end = 0;
    for block in &doc.blocks {
        match &block.kind {
            // Code (logs, configs) is quoted material, not the author's text;
            // ```md fences were parsed into blocks of their own.
            BlockKind::Code { .. } | BlockKind::Html => continue,
            BlockKind::Quote { .. } if guidance::is_guidance_callout(doc, block) => {
                last_quote_end = block.span.end;
                out.push(
                    TEMPLATE_PLACEHOLDER
                        .diagnostic(
                            doc.line_span(block.span.start),
                            "the template's guidance callout is still here",
                        )
                        .with_help("delete the guidance once the section is written"),
                );
                continue;
            }
            BlockKind::Quote { .. } => continue,
            _ => {}
        }
        if block.span.start < last_quote_end {
            continue;
        }
        check_text(report, block, &starts, out);
    }
}

/// Reports the first placeholder in a block's own text.
fn check_text(report: &Report<'_>, block: &Block, starts: &Starts, out: &mut Vec<Diagnostic>) {
    let text = report.doc.text(&block.own);
    let base = block.own.start;
    if let Some(line) = report.find_guidance(&block.own) {
        out.push(
            TEMPLATE_PLACEHOLDER
                .diagnostic(
                    base + line.start..base + line.end,
                    "the template's guidance text is still here",
                )
                .with_help("replace the guidance with what happened"),
        );
        return;
    }
    let braces = Starts::within(&starts.braces, &block.own).then(|| braces(text));
    let stand_ins = Starts::within(&starts.stand_ins, &block.own)
        .then(|| STAND_INS.find_iter(text).map(|m| m.range()));
    // Both come in order: merged (braces first on a tie, as a stable sort
    // of the two lists would put them), the search stops at the first one
    // outside code.
    let mut braces = braces.into_iter().flatten().peekable();
    let mut stand_ins = stand_ins.into_iter().flatten().peekable();
    let mut in_order = std::iter::from_fn(|| match (braces.peek(), stand_ins.peek()) {
        (Some(b), Some(s)) if s.start < b.start => stand_ins.next(),
        (Some(_), _) => braces.next(),
        (None, _) => stand_ins.next(),
    });
    let mut code = InlineCode::new(text);
    let found = in_order.find(|m| !code.holds(m.start));
    if let Some(m) = found {
        out.push(
            TEMPLATE_PLACEHOLDER
                .diagnostic(
                    base + m.start..base + m.end,
                    format!("template placeholder `{}` left in", &text[m]),
                )
                .with_help("replace the placeholder with the real value"),
        );
    }
}

/// Whether places of a text sit inside a `code span` on their line: after
/// an odd number of backticks since the line's start. Asked about places
/// in order, it reads each byte of the text once.
struct InlineCode<'t> {
    bytes: &'t [u8],
    /// How far the text has been read.
    read: usize,
    /// Whether an odd number of backticks lies between the line's start
    /// and `read`.
    open: bool,
}

impl<'t> InlineCode<'t> {
    fn new(text: &'t str) -> InlineCode<'t> {
        InlineCode {
            bytes: text.as_bytes(),
            read: 0,
            open: false,
        }
    }

    /// True when byte `at` sits inside a code span; `at` must not be
    /// before the last place asked about.
    fn holds(&mut self, at: usize) -> bool {
        for &b in &self.bytes[self.read..at] {
            match b {
                b'\n' => self.open = false,
                b'`' => self.open = !self.open,
                _ => {}
            }
        }
        self.read = at;
        self.open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_agrees_with_counting_ticks_from_the_line_start() {
        let counted = |text: &str, at: usize| {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            text[line_start..at].matches('`').count() % 2 == 1
        };
        let mut inside = 0;
        for text in crate::model::pattern::generated(&["`", "\n", "a", "é", "{x}", " "], 2_000, 16)
        {
            let mut code = InlineCode::new(&text);
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let held = code.holds(at);
                inside += usize::from(held);
                assert_eq!(held, counted(&text, at), "{text:?} {at}");
            }
        }
        assert!(inside > 1_000, "{inside}");
    }

    #[test]
    fn every_stand_in_starts_at_a_literal() {
        for text in [
            "**EXAMPLE**",
            "at HH:MM UTC",
            "LoReM IpSuM dolor",
            "[name of the service]",
            "<insert date>",
            "TBD",
        ] {
            let starts = Starts::of(text);
            let m = STAND_INS.find(text).expect(text);
            let span = m.start()..m.end();
            assert!(Starts::within(&starts.stand_ins, &span), "{text}");
        }
        assert!(
            Starts::of("the summary, in plain words")
                .stand_ins
                .is_empty()
        );
    }

    #[test]
    fn braces_agree_with_their_pattern() {
        let pattern =
            regex::Regex::new(r#"\{[^{}\n"':=;,()<>]*[A-Za-z][^{}\n"':=;()<>]{0,80}\}"#).unwrap();
        const PIECES: &[&str] = &[
            "{",
            "}",
            "{{",
            "x",
            "NUMBER",
            " ",
            ",",
            "9",
            "_",
            "\n",
            ":",
            "é",
            "“",
            "(",
            ">",
            "0123456789012345678901234567890123456789",
            "a, b",
            "{time range}",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut seen = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for _ in 0..1 + seed % 16 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let want: Vec<Span> = pattern.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(braces(&text).collect::<Vec<_>>(), want, "{text:?}");
            seen += want.len();
        }
        assert!(seen > 1000, "{seen}");
    }
}

//! Template guidance: the instructions a template puts under each heading
//! ("Write a summary of …"), as a `> [!NOTE]` callout or as the guidance
//! text of a template's schema. Rules other than `template-placeholder`
//! treat it as not written by the author.

use std::ops::Range;

use crate::document::{Block, BlockKind, Callout, Document, Span};
use crate::model::Report;
use crate::templates;

/// First words of a guidance callout's instruction.
const GUIDANCE_VERBS: &[&str] = &[
    "write",
    "describe",
    "detail",
    "note",
    "include",
    "list",
    "explain",
    "summarize",
    "summarise",
    "provide",
    "state",
    "record",
    "who",
    "when",
    "how",
    "what",
    "why",
    "consider",
    "fill",
    "document",
];

/// True when a block is a callout (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`)
/// whose text is an instruction to the author.
pub fn is_guidance_callout(doc: &Document, block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Quote {
            callout: Some(Callout::Note | Callout::Tip | Callout::Important)
        }
    ) && is_instruction(doc.text(&block.span))
}

/// The guidance callouts of a document, for asking whether a block lies
/// inside one: found once, so that a document of many quotes costs their
/// number, not its square.
struct Callouts {
    /// Each callout's start, in order, with the furthest end of it and the
    /// callouts before it.
    starts: Vec<(usize, usize)>,
}

impl Callouts {
    fn of(doc: &Document) -> Callouts {
        let mut spans: Vec<&Span> = doc
            .blocks
            .iter()
            .filter(|q| is_guidance_callout(doc, q))
            .map(|q| &q.span)
            .collect();
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let starts = spans
            .into_iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                (s.start, furthest)
            })
            .collect();
        Callouts { starts }
    }

    /// True when a callout holds `span`: one that starts by its start and
    /// ends at or after its end.
    fn hold(&self, span: &Span) -> bool {
        let before = self
            .starts
            .partition_point(|&(start, _)| start <= span.start);
        before > 0 && span.end <= self.starts[before - 1].1
    }
}

/// True when a callout's text (after `[!NOTE]`) is an instruction: its
/// first word is one of [`GUIDANCE_VERBS`] (in any ASCII case, marks
/// around it dropped), or its last line ends with `?`. Lines are read
/// without their `>` marks; `[!…]` lines are skipped.
fn is_instruction(quote: &str) -> bool {
    let mut lines = quote
        .lines()
        .map(|l| l.trim_start().trim_start_matches('>').trim())
        .filter(|l| !l.is_empty() && !l.starts_with("[!"));
    let Some(first_line) = lines.next() else {
        return false;
    };
    let first = first_line
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    let last_line = lines.next_back().unwrap_or(first_line);
    GUIDANCE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(first)) || last_line.ends_with('?')
}

/// The lines of guidance of every template (the report's and the
/// built-ins), long enough not to match by chance.
pub fn guidance_lines<'a>(report: &'a Report<'_>) -> impl Iterator<Item = &'a str> {
    templates::guidance_lines(report.template).chain(
        templates::builtins()
            .iter()
            .flat_map(templates::guidance_lines),
    )
}

impl Report<'_> {
    /// True when a block is template text rather than the author's: a
    /// guidance callout, a block inside one, a block that repeats a line of
    /// template guidance, or raw HTML.
    pub fn is_template_text(&self, block: &Block) -> bool {
        // Worked out once per report for every block, and looked up here.
        let flags = self.template_text.get_or_init(|| {
            let callouts = Callouts::of(&self.doc);
            self.doc
                .blocks
                .iter()
                .map(|b| self.compute_template_text(b, &callouts))
                .collect()
        });
        let size = std::mem::size_of::<Block>().max(1);
        let at =
            (block as *const Block as usize).wrapping_sub(self.doc.blocks.as_ptr() as usize) / size;
        match (self.doc.blocks.get(at), flags.get(at)) {
            (Some(b), Some(flag)) if std::ptr::eq(b, block) => *flag,
            // A block that is not one of this document's (a copy).
            _ => self.compute_template_text(block, &Callouts::of(&self.doc)),
        }
    }

    fn compute_template_text(&self, block: &Block, callouts: &Callouts) -> bool {
        if matches!(block.kind, BlockKind::Html) || is_guidance_callout(&self.doc, block) {
            return true;
        }
        if block.in_quote && callouts.hold(&block.span) {
            return true;
        }
        self.find_guidance(&block.own).is_some()
    }

    /// Where the first line of template guidance occurs in `span` of the
    /// source, relative to the span's start: what
    /// `Template::find_guidance` (the tests' reference) finds in the span's
    /// text, from one search of the whole source.
    pub fn find_guidance(&self, span: &Span) -> Option<Range<usize>> {
        let found = self
            .guidance_found
            .get_or_init(|| self.template.guidance_occurrences(&self.doc.source));
        let first = found.partition_point(|m| m.start < span.start);
        found[first..]
            .iter()
            .take_while(|m| m.start < span.end)
            .find(|m| m.end <= span.end)
            .map(|m| m.start - span.start..m.end - span.start)
    }

    /// The blocks of a section that the author wrote (not template text).
    pub fn authored_blocks<'r>(
        &'r self,
        section: &'r crate::model::Section,
    ) -> impl Iterator<Item = &'r Block> + 'r {
        self.blocks(section)
            .iter()
            .filter(move |b| !self.is_template_text(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading `is_instruction` replaced: the lines joined into one
    /// text, its first word lower-cased.
    fn is_instruction_joined(quote: &str) -> bool {
        let text: String = quote
            .lines()
            .map(|l| l.trim_start().trim_start_matches('>').trim())
            .filter(|l| !l.starts_with("[!"))
            .collect::<Vec<_>>()
            .join(" ");
        let first = text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_ascii_lowercase();
        GUIDANCE_VERBS.contains(&first.as_str()) || text.trim_end().ends_with('?')
    }

    #[test]
    fn is_instruction_reads_as_the_joined_text_did() {
        let pieces = [
            "> ",
            ">",
            "> > ",
            "[!NOTE]",
            "[!TIP] ",
            "Write",
            "WRITE",
            "**Describe**",
            "who",
            "Whó",
            "Fill",
            "in",
            "the",
            "impact",
            "?",
            " ?",
            ".",
            " ",
            "\u{a0}",
            "\u{2003}",
            "\t",
            "\n",
            "\r\n",
            "\n\n",
            "é",
            "K",
        ];
        let mut instructions = 0;
        for quote in
            crate::model::pattern::generated_exactly(&pieces, 30_000, 8, 0x6a09_e667_f3bc_c908)
        {
            let joined = is_instruction_joined(&quote);
            instructions += usize::from(joined);
            assert_eq!(is_instruction(&quote), joined, "{quote:?}");
        }
        assert!(instructions > 3_000, "{instructions}");
    }

    #[test]
    fn callouts_hold_what_a_search_of_every_callout_finds() {
        let pieces = [
            "> [!NOTE]\n> Describe the impact.\n",
            "> [!TIP]\n> Who was affected?\n",
            "> > [!IMPORTANT]\n> > Write the timeline.\n",
            "> [!NOTE]\n> We fixed it.\n",
            "> quoted words\n",
            ">\n",
            "> - a list\n",
            "text\n",
            "\n",
            "## Heading\n",
        ];
        let mut held = 0;
        for text in crate::model::pattern::generated(&pieces, 500, 12) {
            let doc = Document::parse(text.clone());
            let callouts = Callouts::of(&doc);
            for b in &doc.blocks {
                let searched = doc.blocks.iter().any(|q| {
                    q.span.start <= b.span.start
                        && b.span.end <= q.span.end
                        && is_guidance_callout(&doc, q)
                });
                held += usize::from(searched);
                assert_eq!(callouts.hold(&b.span), searched, "{text:?} {b:?}");
            }
        }
        assert!(held > 200, "{held}");
    }
}

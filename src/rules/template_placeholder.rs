use std::sync::LazyLock;

use crate::model::pattern::Twin;

use crate::diagnostic::Diagnostic;
use crate::document::{Block, BlockKind};
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
static BRACES: LazyLock<Twin> =
    LazyLock::new(|| Twin::scanning(r#"\{[^{}\n"':=;,()<>]*[A-Za-z][^{}\n"':=;()<>]{0,80}\}"#));

/// Stand-ins the templates use for values.
static STAND_INS: LazyLock<Twin> = LazyLock::new(|| {
    Twin::scanning(
        r"\*\*EXAMPLE\*\*|\bEXAMPLE:|\bYYYY-MM-DD\b|\bHH[-:]mm(?:[-:]ss)?\b|\bHH:MM\b|\bTODO\b|\bTBD\b|\[(?:insert|your|name of)[^\]\n]*\]|<insert[^>\n]*>|(?i:lorem ipsum)",
    )
});

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    let doc = &report.doc;
    if let Some(title) = &report.title {
        if let Some(m) = STAND_INS.find(doc.text(&title.span)) {
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
        check_text(report, block, out);
    }
}

/// Reports the first placeholder in a block's own text.
fn check_text(report: &Report<'_>, block: &Block, out: &mut Vec<Diagnostic>) {
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
    let found = BRACES
        .find_iter(text)
        .chain(STAND_INS.find_iter(text))
        .filter(|m| !in_inline_code(text, m.start()))
        .min_by_key(|m| m.start());
    if let Some(m) = found {
        out.push(
            TEMPLATE_PLACEHOLDER
                .diagnostic(
                    base + m.start()..base + m.end(),
                    format!("template placeholder `{}` left in", m.as_str()),
                )
                .with_help("replace the placeholder with the real value"),
        );
    }
}

/// True when byte `at` of `text` sits inside a `code span` on its line.
fn in_inline_code(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].matches('`').count() % 2 == 1
}

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::{Block, BlockKind};
use crate::model::Report;

declare_rule! {
    /// ## What it does
    /// Checks that a section's prose is not left inside the template's
    /// example code fence (```` ```md ```` … ```` ``` ````). The fix removes
    /// the two fence lines and keeps every line between them.
    ///
    /// Every other rule still reads the text inside such a fence as the
    /// section's content: it is the author's text, just wrapped.
    ///
    /// ## Why is this bad?
    /// Inside a fence, Markdown is not Markdown: lists, links and emphasis
    /// show as raw symbols in a monospace box, and the report reads like an
    /// unfinished template.
    ///
    /// ## Example
    /// ````markdown
    /// ## Summary
    /// ```md
    /// Between 08:41 and 09:17 UTC, orders failed.
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Summary
    /// Between 08:41 and 09:17 UTC, orders failed.
    /// ```
    pub(crate) static FENCED_SECTION = {
        id: "fenced-section",
        family: Structure,
        severity: Warning,
        fix: Sometimes,
        summary: "A section's prose is not left inside the template's example code fence",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for section in &report.sections {
        let Some(spec) = report.spec(section) else {
            continue;
        };
        for block in report.blocks(section) {
            let BlockKind::Code { info, content } = &block.kind else {
                continue;
            };
            if block.in_fence
                || !is_markdown(info)
                || !report.doc.text(content).chars().any(char::is_alphanumeric)
            {
                continue;
            }
            let opening = report.doc.line_span(block.span.start);
            let mut d = FENCED_SECTION
                .diagnostic(
                    opening,
                    format!("the {} is inside a ```{info} code fence", spec.name),
                )
                .with_help("remove the fence lines around the text so it renders as Markdown");
            if let Some(fix) = unfence(report, block) {
                d = d.with_fix(fix);
            }
            out.push(d);
        }
    }
}

fn is_markdown(info: &str) -> bool {
    let lang = info.split_whitespace().next().unwrap_or("");
    lang.eq_ignore_ascii_case("md") || lang.eq_ignore_ascii_case("markdown")
}

/// Deletes the opening and closing fence lines, line breaks included.
fn unfence(report: &Report<'_>, block: &Block) -> Option<Fix> {
    let doc = &report.doc;
    let open = doc.line_span(block.span.start);
    let close = doc.line_span(block.span.end.saturating_sub(1));
    let marker = |text: &str| {
        let t = text.trim();
        t.starts_with("```") || t.starts_with("~~~")
    };
    if open == close
        || !marker(doc.text(&open))
        || !marker(doc.text(&close))
        || !doc.text(&close).trim().trim_matches(['`', '~']).is_empty()
    {
        return None;
    }
    let next_line = |end: usize| {
        doc.source[end..]
            .find('\n')
            .map_or(doc.source.len(), |i| end + i + 1)
    };
    Some(Fix {
        description: "remove the code fence".into(),
        edits: vec![
            Edit {
                span: open.start..next_line(open.end),
                replacement: "".into(),
            },
            Edit {
                span: close.start..next_line(close.end),
                replacement: "".into(),
            },
        ],
    })
}

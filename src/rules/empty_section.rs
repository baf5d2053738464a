use crate::diagnostic::Diagnostic;
use crate::document::BlockKind;
use crate::model::{Report, Section};

declare_rule! {
    /// ## What it does
    /// Checks that every required section has content: some text besides
    /// HTML comments and sub-headings.
    ///
    /// ## Why is this bad?
    /// An empty section is a question the report skipped. If there is truly
    /// nothing to say, say so ("No support tickets were filed.").
    ///
    /// ## Example
    /// ```markdown
    /// ## Detection
    ///
    /// ## Impact
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## Detection
    /// The "order failures" alert paged the on-call engineer at 08:47 UTC.
    ///
    /// ## Impact
    /// ```
    pub(crate) static EMPTY_SECTION = {
        id: "empty-section",
        family: Structure,
        severity: Error,
        fix: Never,
        summary: "A required section has content",
        check: check,
    }
}

fn check(report: &Report<'_>, out: &mut Vec<Diagnostic>) {
    for section in &report.sections {
        let Some(spec) = report.spec(section) else {
            continue;
        };
        if !spec.required || has_content(report, section) {
            continue;
        }
        out.push(
            EMPTY_SECTION
                .diagnostic(
                    section.heading_span.clone(),
                    format!("the `{}` section is empty", spec.name),
                )
                .with_help(format!(
                    "write the {} under this heading, or state that there is nothing to report",
                    spec.name
                )),
        );
    }
}

/// True when a section has a block with a letter or digit in it. Comments
/// are not blocks; an empty fence or table skeleton has no letters.
fn has_content(report: &Report<'_>, section: &Section) -> bool {
    report.blocks(section).iter().any(|block| {
        let text = match &block.kind {
            BlockKind::Code { content, .. } => report.doc.text(content),
            _ => report.doc.text(&block.span),
        };
        text.chars().any(char::is_alphanumeric)
    })
}
